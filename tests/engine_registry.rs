//! The registry covers the whole catalogue, and every rule is tested through its effect: a test named with its id
//! that asserts the id (a refusal's, a finding's or a deadline's) or reads what a user meets — `evaluate`,
//! `deadlines`, a refused command, the big-screen or paper projection (native).
#![cfg(not(target_arch = "wasm32"))]

use sip_planen::engine::rules::{RuleId, REGISTRY};
use std::collections::BTreeSet;
use std::path::Path;

fn catalogue_ids(text: &str) -> BTreeSet<String> {
    text.lines()
        .filter_map(|l| l.trim().strip_prefix("| R-"))
        .filter_map(|rest| rest.split('|').next())
        .map(|id| format!("R-{}", id.trim()))
        .collect()
}

/// The rule catalogue. The project keeps a copy in `tests/fixtures/SIP-RULES.md`, so the guard never runs on
/// nothing; where the shared catalogue sits beside the checkout (`../shared/domain/SIP-RULES.md`) the copy must
/// equal it, so it cannot drift.
fn catalogue() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let copy_path = root.join("tests/fixtures/SIP-RULES.md");
    let copy = std::fs::read_to_string(&copy_path).unwrap_or_else(|e| {
        panic!(
            "the rule catalogue must be readable at {} ({e}): the registry is checked against it",
            copy_path.display()
        )
    });
    let shared = root.join("../shared/domain/SIP-RULES.md");
    match std::fs::read_to_string(&shared) {
        Ok(original) => assert!(
            original == copy,
            "tests/fixtures/SIP-RULES.md differs from {}: copy the catalogue again",
            shared.display()
        ),
        Err(_) => println!(
            "{} is not beside this checkout: checked against the project's copy",
            shared.display()
        ),
    }
    copy
}

#[test]
fn every_id_of_sip_rules_md_is_in_the_registry() {
    let ids = catalogue_ids(&catalogue());
    assert!(ids.len() >= 70, "read {} ids from the catalogue", ids.len());
    let registry: BTreeSet<String> = REGISTRY.iter().map(|r| r.id.as_str().to_string()).collect();
    let missing: Vec<&String> = ids.difference(&registry).collect();
    assert!(
        missing.is_empty(),
        "ids in SIP-RULES.md missing from the registry: {missing:?}"
    );
    let extra: Vec<&String> = registry.difference(&ids).collect();
    assert!(
        extra.is_empty(),
        "ids in the registry not in SIP-RULES.md: {extra:?}"
    );
}

#[test]
fn every_rule_has_an_effect_a_source_a_title_and_is_listed_once() {
    let mut seen = BTreeSet::new();
    for r in REGISTRY {
        assert!(seen.insert(r.id), "{} twice", r.id);
        assert!(
            !r.effects.is_empty() && !r.sources.is_empty() && !r.title_sv.is_empty(),
            "{}",
            r.id
        );
        assert!(r.id.source_sv().starts_with("Källa: "));
    }
    assert_eq!(
        RuleId("R-KALL-5").source_sv(),
        "Källa: Västra Götaland, SIP som verktyg i samverkan"
    );
}

/// The bodies of the test functions in `source` whose names start with `prefix`.
fn test_bodies<'a>(source: &'a str, prefix: &str) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut rest = source;
    while let Some(at) = rest.find(prefix) {
        let from = &rest[at..];
        let Some(open) = from.find('{') else { break };
        let mut depth = 0usize;
        let mut end = from.len();
        for (i, c) in from[open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = open + i + 1;
                        break;
                    }
                }
                _ => {}
            }
        }
        out.push(&from[..end]);
        rest = &from[end..];
    }
    out
}

/// Calls through which a test reads what a user meets.
const EFFECTS: [&str; 6] = [
    "evaluate(",
    "deadlines(",
    ".refused(",
    "board_view(",
    "plan_view(",
    "refused_input(",
];

/// Rules whose effect no screen shows yet, and why. A rule listed here that has become tested fails the guard, so
/// the list only shrinks.
const NOT_ON_SCREEN_YET: [(&str, &str); 1] = [
    (
        "R-STAT-1",
        "the yearly statistics view comes with the statistics work; the figures are computed and tested",
    ),
];

#[derive(Debug, Default)]
struct Coverage {
    with_id: Vec<&'static str>,
    through_effect: Vec<&'static str>,
    through_screen: Vec<&'static str>,
    untested: Vec<&'static str>,
}

/// Every `r_…` function and `R_…` constant a test body names.
fn rule_items(body: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let bytes = body.as_bytes();
    let mut i = 0;
    while i + 2 < bytes.len() {
        let starts = (bytes[i] == b'r' || bytes[i] == b'R')
            && bytes[i + 1] == b'_'
            && (i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_'));
        if starts {
            let end = body[i..]
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .map_or(body.len(), |n| i + n);
            out.push(&body[i..end]);
            i = end;
        } else {
            i += 1;
        }
    }
    out
}

/// The sources of what the screens show: the UI, and the engine's projections (views/) and deadlines it shows.
fn screen_sources() -> String {
    fn walk(dir: &Path, out: &mut String) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .expect("src is readable")
            .flatten()
            .map(|e| e.path())
            .collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|e| e == "rs") {
                out.push_str(&std::fs::read_to_string(&p).expect("a source file is readable"));
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = String::new();
    walk(&root.join("ui"), &mut out);
    walk(&root.join("engine/views"), &mut out);
    out.push_str(
        &std::fs::read_to_string(root.join("engine/deadlines.rs"))
            .expect("engine source is readable"),
    );
    out
}

fn coverage() -> Coverage {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut sources = String::new();
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/ is readable")
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("engine_registry.rs") {
            sources.push_str(&std::fs::read_to_string(&path).expect("a test file is readable"));
        }
    }
    let screens = screen_sources();
    let mut c = Coverage::default();
    for r in REGISTRY {
        let id = r.id.as_str();
        let prefix = format!("fn {}_", id.to_lowercase().replace('-', "_"));
        let bodies = test_bodies(&sources, &prefix);
        let literal = format!("\"{id}\"");
        if bodies.iter().any(|b| b.contains(&literal)) {
            c.with_id.push(id);
        } else if bodies.iter().any(|b| EFFECTS.iter().any(|e| b.contains(e))) {
            c.through_effect.push(id);
        } else if bodies
            .iter()
            .flat_map(|b| rule_items(b))
            .any(|item| screens.contains(item))
        {
            c.through_screen.push(id);
        } else {
            c.untested.push(id);
        }
    }
    c
}

#[test]
fn every_rule_is_tested_through_what_a_user_meets() {
    let c = coverage();
    println!(
        "rules tested through their effect: {} of {} — {} with the rule id asserted, {} through evaluate, \
         deadlines, a refusal or a projection without the id, {} through a function or text a screen shows",
        c.with_id.len() + c.through_effect.len() + c.through_screen.len(),
        REGISTRY.len(),
        c.with_id.len(),
        c.through_effect.len(),
        c.through_screen.len()
    );
    println!("  without the id asserted: {:?}", c.through_effect);
    println!(
        "  through a screen's function or text: {:?}",
        c.through_screen
    );
    for (id, why) in NOT_ON_SCREEN_YET {
        println!("  not on screen yet: {id} — {why}");
    }
    let allowed: Vec<&str> = NOT_ON_SCREEN_YET.iter().map(|(id, _)| *id).collect();
    let untested: Vec<&&str> = c
        .untested
        .iter()
        .filter(|id| !allowed.contains(id))
        .collect();
    assert!(
        untested.is_empty(),
        "rules whose tests neither assert the rule id nor read what a user meets: {untested:?}"
    );
    let stale: Vec<&&str> = allowed
        .iter()
        .filter(|id| !c.untested.contains(id))
        .collect();
    assert!(
        stale.is_empty(),
        "rules listed as not on screen yet that are now tested through their effect: {stale:?}"
    );
}
