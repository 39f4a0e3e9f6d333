//! Hooks for the measuring script only (`--features bench`, built to target/dist-bench, never served):
//! seed many cases through the real store, and force a panic to check the crash page.

use crate::engine::{Case, CaseId, IdentityKind, NewCase, ProfileId};
use crate::store::Store;
use wasm_bindgen::prelude::*;

/// Sets up the vault (if needed) with `passphrase` and writes `n` registered cases, in batches.
#[wasm_bindgen]
pub async fn bench_seed(passphrase: String, n: u32) -> Result<u32, JsValue> {
    let store = Store::open(std::rc::Rc::new(|_| {}))
        .await
        .map_err(|e| JsValue::from_str(&e.message_sv()))?;
    let vault = if store
        .is_set_up()
        .await
        .map_err(|e| JsValue::from_str(&e.message_sv()))?
    {
        store.unlock(&passphrase).await.map(|(v, _)| v)
    } else {
        store.set_up(&passphrase, &passphrase).await
    }
    .map_err(|e| JsValue::from_str(&e.message_sv()))?;
    let now = chrono::Local::now().naive_local();
    let mut batch = Vec::with_capacity(200);
    for i in 0..n {
        let input = NewCase {
            name: format!("Person {i:04} Testsson"),
            identity_kind: Some(IdentityKind::Reservnummer),
            identity: format!("RN-{i:06}"),
            kommun: "Västerås".into(),
            profile: ProfileId::default(),
            language: "svenska".into(),
            interpreter: i % 7 == 0,
        };
        let case = Case::register(&input, CaseId(uuid::Uuid::new_v4()), now)
            .map_err(|_| JsValue::from_str("seed case refused"))?;
        batch.push(case);
        if batch.len() == 200 {
            vault
                .put_cases(&batch)
                .await
                .map_err(|e| JsValue::from_str(&e.message_sv()))?;
            batch.clear();
        }
    }
    vault
        .put_cases(&batch)
        .await
        .map_err(|e| JsValue::from_str(&e.message_sv()))?;
    Ok(n)
}

/// Panics, as a bug would.
#[wasm_bindgen]
pub fn bench_panic() {
    let v: Vec<u8> = Vec::new();
    let i = v.len() + 3;
    std::hint::black_box(v[i]);
}

/// Restores `n` cases from a backup file into an empty database of its own ("bench-restore"): the file is made
/// first (not timed), then opened and validated, planned and written as "Återställ" does. Returns the timings as
/// JSON: `{"cases":n,"bytes":…,"open_ms":…,"seal_ms":…,"write_ms":…}`.
#[wasm_bindgen]
pub async fn bench_restore(passphrase: String, n: u32) -> Result<String, JsValue> {
    use crate::engine::backup::{plan_restore, Backup, Choice};
    use crate::store::backup::{open_backup, seal_backup};
    let err = |e: String| JsValue::from_str(&e);
    let now = chrono::Local::now().naive_local();
    let cases = (0..n)
        .map(|i| {
            let input = NewCase {
                name: format!("Person {i:05} Återställdsson"),
                identity_kind: Some(IdentityKind::Reservnummer),
                identity: format!("RN-{i:06}"),
                kommun: "Västerås".into(),
                profile: ProfileId::default(),
                language: "svenska".into(),
                interpreter: i % 7 == 0,
            };
            Case::register(&input, CaseId(uuid::Uuid::new_v4()), now)
                .map_err(|_| JsValue::from_str("case refused"))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let file = seal_backup(
        &Backup {
            created: now,
            cases,
        },
        &passphrase,
    )
    .await
    .map_err(|e| err(e.message_sv()))?;
    if let Ok(req) = indexed_db_futures::database::Database::delete_by_name("bench-restore") {
        let _ = req.await;
    }
    let store = Store::open_named("bench-restore")
        .await
        .map_err(|e| err(e.message_sv()))?;
    let vault = store
        .set_up(&passphrase, &passphrase)
        .await
        .map_err(|e| err(e.message_sv()))?;
    let clock = || js_sys::Date::now();
    let t0 = clock();
    let backup = open_backup(&file, &passphrase)
        .await
        .map_err(|e| err(e.message_sv()))?;
    let t1 = clock();
    let plan = plan_restore(
        &[],
        backup,
        &|_| Choice::KeepNewer,
        &mut || CaseId(uuid::Uuid::new_v4()),
        now,
        "mätning",
    );
    let sealed = vault
        .seal_many(&plan.write)
        .await
        .map_err(|e| err(e.message_sv()))?;
    let t2 = clock();
    vault
        .write_restored(&sealed)
        .await
        .map_err(|e| err(e.message_sv()))?;
    let t3 = clock();
    let stored = vault
        .load_cases()
        .await
        .map_err(|e| err(e.message_sv()))?
        .cases
        .len();
    vault.lock().close();
    Ok(format!(
        r#"{{"cases":{stored},"bytes":{},"open_ms":{},"seal_ms":{},"write_ms":{}}}"#,
        file.len(),
        t1 - t0,
        t2 - t1,
        t3 - t2
    ))
}
