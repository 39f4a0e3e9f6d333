//! The case index (issue 18): a summary keeps what the register, its search and Att göra need, and buckets filled
//! by writes in any order hold what a fresh rebuild from the cases would (native).
#![cfg(not(target_arch = "wasm32"))]

use chrono::{Duration, NaiveDate, NaiveDateTime};
use proptest::prelude::*;
use sip_planen::engine::index::{bucket_of, rebuild, Bucket, Summary, BUCKETS};
use sip_planen::engine::{Case, CaseId, IdentityKind, NewCase, ProfileId};

fn at(day: i64) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 1, 5)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap()
        + Duration::days(day)
}

/// Version `v` of case `i`: the same id, registered with another name and day.
fn version(i: u8, v: u8) -> Case {
    let input = NewCase {
        // A name typed with the bucket's separators reads back with spaces.
        name: format!("Person {i}{}v{v}", if v == 3 { '\u{1f}' } else { ' ' }),
        identity_kind: Some(IdentityKind::Saknas),
        identity: String::new(),
        kommun: ["Sala", "Köping"][usize::from(v % 2)].into(),
        profile: ProfileId::new("vastra-gotaland"),
        language: String::new(),
        interpreter: false,
    };
    Case::register(
        &input,
        CaseId(uuid::Uuid::from_u128(u128::from(i) * 0x1_0000_0001 + 7)),
        at(i64::from(v)),
    )
    .unwrap()
}

#[test]
fn a_bucket_reads_back_as_written_and_another_format_does_not() {
    let mut b = Bucket::default();
    b.put(Summary::of(&version(1, 0)));
    b.put(Summary::of(&version(1, 3)));
    b.put(Summary::of(&version(2, 1)));
    assert_eq!(
        b.cases.len(),
        2,
        "a summary replaces the case's earlier one"
    );
    let back = Bucket::decode(&b.encode()).unwrap();
    assert_eq!(back, b);
    // A name typed with a separator is kept with a space in its place.
    assert_eq!(back.cases[0].name, "Person 1 v3");
    // Another release's bucket, or a damaged one, does not read.
    assert_eq!(
        Bucket::decode(&b.encode().replacen("sip-index 1", "sip-index 0", 1)),
        None
    );
    assert_eq!(Bucket::decode(&b.encode()[..b.encode().len() - 3]), None);
    // R-NEED-8 in Västra Götaland (3 weeks): the registered case has its meeting deadline, kept with its rule.
    assert!(back.cases[0]
        .open
        .iter()
        .any(|d| d.rule.as_str() == "R-NEED-8"));
}

#[test]
fn a_deadline_is_overdue_the_day_after_its_due_date_without_the_case_being_read_again() {
    let s = Summary::of(&version(3, 0));
    let due = s.open[0].due;
    let day = |d: NaiveDate| d.and_hms_opt(12, 0, 0).unwrap();
    let status = |t| s.deadlines_on(t).next().unwrap().status.label_sv();
    assert_eq!(status(day(due - Duration::days(1))), "Kommande");
    assert_eq!(status(day(due)), "Idag");
    assert_eq!(status(day(due + Duration::days(1))), "Försenad");
}

#[test]
fn the_buckets_fill_evenly() {
    let mut counts = vec![0u32; usize::from(BUCKETS)];
    for n in 0..6400u32 {
        counts[usize::from(bucket_of(CaseId(uuid::Uuid::new_v4())))] += 1;
        let _ = n;
    }
    assert!(
        counts.iter().all(|&c| (40..=170).contains(&c)),
        "{counts:?}"
    );
}

proptest! {
    /// Whatever the order of writes (each a case's newest version at that moment), the buckets end as a fresh
    /// rebuild from the cases as they are last written.
    #[test]
    fn the_index_equals_a_rebuild_after_any_sequence_of_writes(
        writes in proptest::collection::vec((0u8..12, 0u8..5), 1..60)
    ) {
        let mut buckets = vec![Bucket::default(); usize::from(BUCKETS)];
        let mut last: std::collections::BTreeMap<u8, Case> = Default::default();
        for (i, v) in writes {
            let case = version(i, v);
            buckets[usize::from(bucket_of(case.id()))].put(Summary::of(&case));
            last.insert(i, case);
        }
        let cases: Vec<Case> = last.into_values().collect();
        let fresh = rebuild(&cases);
        for (mut b, mut f) in buckets.into_iter().zip(fresh) {
            b.cases.sort_by_key(|s| s.id);
            f.cases.sort_by_key(|s| s.id);
            // Stored and read back as the store does.
            prop_assert_eq!(Bucket::decode(&b.encode()), Some(f));
        }
    }
}

#[test]
fn the_menus_count_of_open_deadlines_is_the_number_of_att_gora_rows() {
    use sip_planen::ui::pages::att_gora::{open_count, todos};
    let list: Vec<Summary> = (0..20).map(|i| Summary::of(&version(i, i % 5))).collect();
    assert!(open_count(&list) > 0);
    for day in [0, 30, 400] {
        assert_eq!(open_count(&list), todos(&list, at(day)).len());
    }
}
