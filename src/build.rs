//! Embeds every regional profile in `src/engine/profiles/*.json`: adding a region is adding a file. Each file
//! becomes a `Profile { … }` literal here, at build time, so a missing, unknown or mistyped field is a build error
//! and the app carries no parser for profiles. (The engine's tests also read the files as JSON and compare.)
use serde_json::Value;
use std::{env, error::Error, fs, path::Path};

/// The Rust expression of one field's value; `.into()` turns a number into `u32` or `Option<u32>` and a text into
/// `String`, `Option<String>` or `ProfileId`, as the field's type says.
fn expr(key: &str, v: &Value) -> Result<String, Box<dyn Error>> {
    Ok(match v {
        Value::Null => "None".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => format!("{}u32.into()", n.as_u64().ok_or("not a whole number")?),
        Value::String(s) if key == "void_previous_plan_on" => {
            let mut c = s.chars();
            let first = c.next().ok_or("empty")?.to_ascii_uppercase();
            format!("VoidOn::{first}{}", c.as_str())
        }
        Value::String(s) => format!("String::from({s:?}).into()"),
        Value::Object(m) if key == "kva" => literal("KvaCodes", m)?,
        _ => return Err(format!("{key}: unexpected value {v}").into()),
    })
}

fn literal(ty: &str, m: &serde_json::Map<String, Value>) -> Result<String, Box<dyn Error>> {
    let mut out = format!("{ty} {{ ");
    for (k, v) in m {
        out.push_str(&format!("{k}: {}, ", expr(k, v)?));
    }
    out.push('}');
    Ok(out)
}

fn main() -> Result<(), Box<dyn Error>> {
    let dir = Path::new("src/engine/profiles");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    files.retain(|p| p.extension().is_some_and(|e| e == "json"));
    files.sort();
    let mut embedded = String::new();
    let mut profiles: Vec<(u64, String)> = Vec::new();
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let abs = fs::canonicalize(f)?;
        let name = f.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        embedded.push_str(&format!(
            "    ({name:?}, include_str!({:?})),\n",
            abs.display().to_string()
        ));
        let v: Value = serde_json::from_str(&fs::read_to_string(f)?)?;
        let m = v.as_object().ok_or(format!("{name}: not an object"))?;
        if m.get("id").and_then(Value::as_str) != Some(name.trim_end_matches(".json")) {
            return Err(format!("{name}: the id must be the file name").into());
        }
        let order = m.get("order").and_then(Value::as_u64).unwrap_or(u64::MAX);
        profiles.push((order, literal("Profile", m)?));
    }
    if !files.iter().any(|f| f.ends_with("nationell.json")) {
        return Err("the national profile (nationell.json) is missing".into());
    }
    profiles.sort_by_key(|(order, _)| *order);
    let n = profiles.len();
    let mut out = format!(
        "/// (file name, JSON) of every embedded regional profile.\n#[allow(dead_code)]\npub const PROFILE_FILES: &[(&str, &str)] = &[\n{embedded}];\n\n\
         /// The number of profile files (at least the national one).\npub const PROFILE_COUNT: usize = {n};\n\n\
         /// Every profile, as its file says, sorted by `order` (`.into()` lets one literal serve `T` and `Option<T>`).\n#[allow(clippy::useless_conversion)]\nfn builtin() -> [Profile; PROFILE_COUNT] {{\n    [\n"
    );
    for (_, p) in profiles {
        out.push_str(&format!("        {p},\n"));
    }
    out.push_str("    ]\n}\n");
    fs::write(Path::new(&env::var("OUT_DIR")?).join("profiles.rs"), out)?;
    Ok(())
}
