//! The regional profiles as data: every deadline rule of the catalogue is a parameter that each profile file sets,
//! either to a number or explicitly to none (null) — a profile never leaves a deadline to a default in the code.

use sip_planen::engine::profiles;

/// The deadline rules that are profile parameters, and the key that carries each.
const DEADLINE_KEYS: [(&str, &str); 6] = [
    ("R-NEED-8", "meeting_within_weeks"),
    ("R-CONS-4", "consent_max_months"),
    ("R-INIT-1", "initiative_answer_working_days"),
    ("R-KALL-3", "kallelse_answer_working_days"),
    ("R-KALL-5", "kallelse_after_discharge_calendar_days"),
    ("R-PLAN-7", "plan_within_working_days"),
];

fn profile_files() -> Vec<(String, serde_json::Value)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/engine/profiles");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("the profiles folder") {
        let path = entry.expect("a profile file").path();
        if path.extension().is_some_and(|e| e == "json") {
            let text = std::fs::read_to_string(&path).expect("readable");
            let value = serde_json::from_str(&text).expect("valid JSON");
            out.push((path.display().to_string(), value));
        }
    }
    assert!(
        out.len() >= 3,
        "the national, Västra Götaland and Västmanland profiles"
    );
    out
}

#[test]
fn every_profile_sets_every_deadline_or_says_none() {
    for (file, p) in profile_files() {
        for (rule, key) in DEADLINE_KEYS {
            let v = p.get(key).unwrap_or_else(|| {
                panic!("{file}: {key} ({rule}) is missing; write a number or null")
            });
            assert!(
                v.is_null() || v.as_u64().is_some_and(|n| n > 0),
                "{file}: {key} ({rule}) is {v}; a positive number or null"
            );
        }
    }
}

#[test]
fn the_regions_set_what_their_sources_say() {
    let get = |id: &str| profiles::get(&profiles::ProfileId::new(id)).clone();
    let (nat, vgr, vm) = (get("nationell"), get("vastra-gotaland"), get("vastmanland"));
    // R-INIT-1, R-KALL-3, R-PLAN-7: Västmanland (seed 004).
    assert_eq!(vm.initiative_answer_working_days, Some(1));
    assert_eq!(vm.kallelse_answer_working_days, Some(1));
    assert_eq!(vm.plan_within_working_days, Some(2));
    for p in [&nat, &vgr] {
        assert_eq!(p.initiative_answer_working_days, None, "{}", p.name);
        assert_eq!(p.kallelse_answer_working_days, None, "{}", p.name);
        assert_eq!(p.plan_within_working_days, None, "{}", p.name);
    }
    // R-KALL-5 and the one-year cap of R-CONS-4: Västra Götaland (seed 002).
    assert_eq!(vgr.kallelse_after_discharge_calendar_days, Some(3));
    assert_eq!(vgr.consent_max_months, Some(12));
    for p in [&nat, &vm] {
        assert_eq!(p.kallelse_after_discharge_calendar_days, None, "{}", p.name);
        assert_eq!(p.consent_max_months, None, "{}", p.name);
    }
    // R-CONS-6: Västmanland's guidance asks the guardians.
    assert!(!vm.mature_child_may_consent);
    assert!(vgr.mature_child_may_consent && nat.mature_child_may_consent);
    // R-UPP-4: Västmanland voids the previous version when the new meeting is called.
    assert_eq!(vm.void_previous_plan_on, profiles::VoidOn::Kallelse);
    assert_eq!(vgr.void_previous_plan_on, profiles::VoidOn::Meeting);
}
