//! Registering a case and the derived facts on it (native).
#![cfg(not(target_arch = "wasm32"))]

use chrono::{NaiveDate, NaiveDateTime};
use sip_planen::engine::case::sort_by_last_change;
use sip_planen::engine::{
    profiles, Case, CaseDetails, CaseField, CaseId, Command, Ctx, IdentityKind, NewCase, Phase,
    ProfileId,
};

fn at(y: i32, m: u32, d: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, d)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap()
}

fn input(name: &str, kind: IdentityKind, id: &str) -> NewCase {
    NewCase {
        name: name.into(),
        identity_kind: Some(kind),
        identity: id.into(),
        kommun: "Borås".into(),
        profile: ProfileId::new("vastra-gotaland"),
        language: String::new(),
        interpreter: true,
    }
}

fn new_id(n: u128) -> CaseId {
    CaseId(uuid::Uuid::from_u128(n))
}

#[test]
fn a_valid_registration_creates_a_case_in_phase_behov() {
    let c = Case::register(
        &input(
            "  Lisa   Andersson ",
            IdentityKind::Personnummer,
            "121212-1212",
        ),
        new_id(1),
        at(2026, 11, 23),
    )
    .unwrap();
    assert_eq!(c.person().name, "Lisa Andersson");
    assert_eq!(c.person().first_name(), "Lisa");
    assert_eq!(
        c.person().language,
        "svenska",
        "language defaults to svenska"
    );
    assert!(c.person().interpreter);
    assert_eq!(c.phase(), Phase::Behov);
    assert_eq!(c.phase().label_sv(), "Behov");
    assert_eq!(c.created(), c.updated());
}

#[test]
fn every_field_error_is_reported_at_once_and_nothing_is_created() {
    let mut bad = input("", IdentityKind::Personnummer, "19121212-1213");
    bad.kommun = " ".into();
    let errors = Case::register(&bad, new_id(2), at(2026, 11, 23)).unwrap_err();
    let fields: Vec<CaseField> = errors.iter().map(|e| e.field).collect();
    assert_eq!(
        fields,
        vec![CaseField::Name, CaseField::Identity, CaseField::Kommun]
    );
    assert!(errors.iter().all(|e| !e.message_sv.is_empty()));
    assert!(errors[1].message_sv.contains("Kontrollsiffran"));
}

#[test]
fn identity_kind_must_be_chosen() {
    let mut i = input("Lisa", IdentityKind::Saknas, "");
    i.identity_kind = None;
    let errors = Case::register(&i, new_id(3), at(2026, 11, 23)).unwrap_err();
    assert_eq!(errors[0].field, CaseField::IdentityKind);
}

#[test]
fn r_plan_16_a_person_without_any_number_still_gets_a_case() {
    let c = Case::register(
        &input("Ahmad", IdentityKind::Saknas, ""),
        new_id(4),
        at(2026, 11, 23),
    )
    .unwrap();
    assert_eq!(c.person().age_on(at(2026, 11, 23).date()), None);
    assert_eq!(c.person().is_child_on(at(2026, 11, 23).date()), None);
    assert_eq!(c.person().identity.masked(), "Saknas");
    // The process runs for them as for anyone: the next step is assessing the need.
    let e = sip_planen::engine::evaluate(
        &c,
        at(2026, 11, 23),
        sip_planen::engine::profiles::get(c.profile()),
    );
    assert_eq!(e.next_steps[0], sip_planen::engine::Step::BedomBehov);
}

#[test]
fn child_flag_is_derived_for_a_reference_date() {
    let c = Case::register(
        &input("Elsa", IdentityKind::Personnummer, "20170102-2384"),
        new_id(5),
        at(2026, 11, 23),
    )
    .unwrap();
    let today = at(2026, 11, 23).date();
    assert_eq!(c.person().age_on(today), Some(9));
    assert_eq!(c.person().is_child_on(today), Some(true));
    assert_eq!(
        c.person()
            .is_child_on(NaiveDate::from_ymd_opt(2035, 1, 2).unwrap()),
        Some(false)
    );
}

#[test]
fn details_are_changed_by_a_command_and_a_refused_change_changes_nothing() {
    let mut c = Case::register(
        &input("Lisa", IdentityKind::Saknas, ""),
        new_id(6),
        at(2026, 11, 23),
    )
    .unwrap();
    let profile = profiles::get(c.profile()).clone();
    let ctx = Ctx {
        now: at(2026, 11, 24),
        who: "Anna",
        profile: &profile,
    };
    let changed = CaseDetails {
        language: "arabiska".into(),
        ..c.details()
    };
    c.apply(Command::UpdateDetails(changed), &ctx).unwrap();
    assert_eq!(c.person().language, "arabiska");
    assert_eq!(c.updated(), at(2026, 11, 24));
    assert_eq!(c.log().last().unwrap().who, "Anna");
    let bad = CaseDetails {
        kommun: String::new(),
        ..c.details()
    };
    assert_eq!(
        c.validate_details(&bad).unwrap_err().field,
        CaseField::Kommun
    );
    let before = c.clone();
    let ctx = Ctx {
        now: at(2026, 11, 25),
        who: "Anna",
        profile: &profile,
    };
    assert!(c.apply(Command::UpdateDetails(bad), &ctx).is_err());
    assert_eq!(c, before, "a refused change changes nothing");
}

#[test]
fn search_finds_by_name_part_or_identity_digits() {
    let c = Case::register(
        &input(
            "Lisa Andersson",
            IdentityKind::Personnummer,
            "19121212-1212",
        ),
        new_id(7),
        at(2026, 11, 23),
    )
    .unwrap();
    let c = sip_planen::engine::index::Summary::of(&c);
    assert!(c.matches("lisa"));
    assert!(c.matches("ANDERS"));
    assert!(c.matches("19121212"));
    assert!(c.matches("121212-1212"));
    assert!(c.matches("1212121212"));
    assert!(!c.matches("Omar"));
    assert!(!c.matches("2001"));
    assert!(c.matches(""));
    // The kommun and the phase are searched too.
    assert!(c.matches("behov"));
}

#[test]
fn list_is_sorted_by_last_change_newest_first() {
    let mut a = Case::register(
        &input("A", IdentityKind::Saknas, ""),
        new_id(8),
        at(2026, 1, 1),
    )
    .unwrap();
    let b = Case::register(
        &input("B", IdentityKind::Saknas, ""),
        new_id(9),
        at(2026, 2, 1),
    )
    .unwrap();
    let profile = profiles::get(a.profile()).clone();
    let details = CaseDetails {
        language: "finska".into(),
        ..a.details()
    };
    a.apply(
        Command::UpdateDetails(details),
        &Ctx {
            now: at(2026, 3, 1),
            who: "x",
            profile: &profile,
        },
    )
    .unwrap();
    let mut list = vec![b.clone(), a.clone()];
    sort_by_last_change(&mut list);
    assert_eq!(list[0].person().name, "A");
}

#[test]
fn serde_round_trip_keeps_the_case_equal() {
    let c = Case::register(
        &input("Lisa", IdentityKind::Samordningsnummer, "701063-2391"),
        new_id(10),
        at(2026, 11, 23),
    )
    .unwrap();
    let json = serde_json::to_string(&c).unwrap();
    let back: Case = sip_planen::engine::json::from_str(&json).unwrap();
    assert_eq!(back, c);
}

#[test]
fn every_profile_file_loads_and_is_named_after_its_id() {
    let all = profiles::load_all().unwrap();
    let ids: Vec<&str> = all.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, vec!["nationell", "vastra-gotaland", "vastmanland"]);
    assert_eq!(
        profiles::get(&ProfileId::new("vastra-gotaland")).meeting_within_weeks,
        Some(3)
    );
    assert!(profiles::get(&ProfileId::new("vastra-gotaland")).presumed_consent_allowed);
    assert!(profiles::get(&ProfileId::new("vastmanland")).printed_plan_signed);
    assert_eq!(
        profiles::get(&ProfileId::new("okänd")).id.as_str(),
        "nationell"
    );
}

#[test]
fn a_schema_1_record_without_process_fields_still_loads() {
    let v1 = r#"{"schema":1,"id":"00000000-0000-0000-0000-00000000000b","person":{"name":"Lisa","identity":{"kind":"saknas"},"language":"svenska","interpreter":false},"kommun":"Borås","profile":"nationell","created":"2026-11-01T09:00:00","updated":"2026-11-01T09:00:00"}"#;
    let c: Case = sip_planen::engine::json::from_str(v1).unwrap();
    assert_eq!(c.person().name, "Lisa");
    assert_eq!(c.phase(), Phase::Behov);
    assert!(c.parties().is_empty());
    assert_eq!(
        c.need_detected(),
        NaiveDate::from_ymd_opt(2026, 11, 1).unwrap()
    );
}

#[test]
fn every_json_file_in_the_profiles_folder_is_embedded_so_a_region_is_added_by_adding_a_file() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/engine/profiles");
    let files = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
        .count();
    assert_eq!(profiles::load_all().unwrap().len(), files);
    assert_eq!(profiles::all().len(), files);
    // The profiles the app uses (built into it at build time) are the files, read as JSON.
    assert_eq!(profiles::load_all().unwrap(), profiles::all());
}

#[test]
fn stored_dates_keep_chronos_text_exactly() {
    use sip_planen::engine::serde_iso::{datetime_text, parse_datetime_text};
    let d = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    for nanos in [0, 123_000_000, 123_456_000, 123_456_789, 5_000_000] {
        let t = d.and_hms_nano_opt(14, 5, 9, nanos).unwrap();
        let chrono_text = serde_json::to_string(&t).unwrap();
        assert_eq!(format!("\"{}\"", datetime_text(t)), chrono_text);
        assert_eq!(parse_datetime_text(&datetime_text(t)), Some(t));
    }
    assert_eq!(parse_datetime_text("2026-11-23T14:05"), None);
    assert_eq!(parse_datetime_text("2026-02-30T14:05:00"), None);
    assert_eq!(parse_datetime_text("2026-11-23T14:05:00.1x"), None);
}
