//! The registry covers the whole catalogue, and every rule has its own test named with its id (native).
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

#[test]
fn every_id_of_sip_rules_md_is_in_the_registry() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/domain/SIP-RULES.md");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!(
            "SIP-RULES.md not found at {}; the registry is checked against itself only",
            path.display()
        );
        return;
    };
    let ids = catalogue_ids(&text);
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

#[test]
fn every_rule_has_its_own_test_named_with_its_id() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut sources = String::new();
    for entry in std::fs::read_dir(&dir).unwrap().flatten() {
        if entry.path().extension().is_some_and(|e| e == "rs") {
            sources.push_str(&std::fs::read_to_string(entry.path()).unwrap());
        }
    }
    let untested: Vec<&str> = REGISTRY
        .iter()
        .map(|r| r.id.as_str())
        .filter(|id| {
            let prefix = format!("fn {}_", id.to_lowercase().replace('-', "_"));
            !sources.contains(&prefix)
        })
        .collect();
    assert!(
        untested.is_empty(),
        "rules without a test named with their id: {untested:?}"
    );
}
