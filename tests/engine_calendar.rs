//! The working-day calendar against an independent source, and its properties (native).
#![cfg(not(target_arch = "wasm32"))]

use chrono::{Datelike, NaiveDate, Weekday};
use proptest::prelude::*;
use sip_planen::engine::calendar::*;
use std::collections::BTreeSet;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

const FIXTURE: &str = include_str!("fixtures/non_working_weekdays_2000_2100.txt");

#[test]
fn every_weekday_2000_to_2100_matches_the_python_holidays_fixture() {
    let expected: BTreeSet<NaiveDate> = FIXTURE
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| NaiveDate::parse_from_str(&l[..10], "%Y-%m-%d").unwrap())
        .collect();
    assert!(expected.len() > 900, "fixture loaded");
    let mut checked = 0;
    let mut mismatches = Vec::new();
    for day in d(2000, 1, 1).iter_days().take_while(|x| x.year() <= 2100) {
        if matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
            assert!(!is_working_day(day));
            continue;
        }
        checked += 1;
        if is_working_day(day) == expected.contains(&day) {
            mismatches.push((day, holiday_name(day)));
        }
    }
    assert!(checked > 26_000);
    assert!(
        mismatches.is_empty(),
        "{} mismatches, first: {:?}",
        mismatches.len(),
        &mismatches[..mismatches.len().min(10)]
    );
}

#[test]
fn easter_sunday_matches_known_dates_and_is_always_a_sunday_in_range() {
    assert_eq!(easter_sunday(1900), d(1900, 4, 15));
    assert_eq!(easter_sunday(1961), d(1961, 4, 2));
    assert_eq!(easter_sunday(2000), d(2000, 4, 23));
    assert_eq!(easter_sunday(2024), d(2024, 3, 31));
    assert_eq!(easter_sunday(2025), d(2025, 4, 20));
    assert_eq!(easter_sunday(2026), d(2026, 4, 5));
    assert_eq!(easter_sunday(2038), d(2038, 4, 25));
    assert_eq!(easter_sunday(2200), d(2200, 4, 6));
    for y in 1900..=2200 {
        let e = easter_sunday(y);
        assert_eq!(e.weekday(), Weekday::Sun, "{y}");
        assert!(e >= d(y, 3, 22) && e <= d(y, 4, 25), "{y}: {e}");
    }
}

#[test]
fn easter_2026_closes_good_friday_and_easter_monday() {
    assert_eq!(holiday_name(d(2026, 4, 3)), Some("långfredagen"));
    assert_eq!(holiday_name(d(2026, 4, 6)), Some("annandag påsk"));
    assert!(!is_working_day(d(2026, 4, 3)));
    assert!(!is_working_day(d(2026, 4, 6)));
    // Received Thursday before Easter: 1 working day is Tuesday after Easter.
    assert_eq!(within_working_days(d(2026, 4, 2), 1), d(2026, 4, 7));
    assert_eq!(within_working_days(d(2026, 4, 2), 2), d(2026, 4, 8));
}

#[test]
fn the_de_facto_holidays_are_not_working_days() {
    assert_eq!(holiday_name(d(2026, 6, 19)), Some("midsommarafton"));
    assert_eq!(holiday_name(d(2026, 12, 24)), Some("julafton"));
    assert_eq!(holiday_name(d(2026, 12, 31)), Some("nyårsafton"));
    assert!(!is_working_day(d(2025, 12, 24)));
}

#[test]
fn nationaldagen_replaced_annandag_pingst_in_2005() {
    assert!(is_working_day(d(2004, 6, 7)) || holiday_name(d(2004, 6, 7)).is_none());
    assert_eq!(holiday_name(d(2004, 5, 31)), Some("annandag pingst"));
    assert_eq!(
        holiday_name(d(2026, 5, 25)),
        None,
        "whit monday is a working day since 2005"
    );
    assert_eq!(holiday_name(d(2026, 6, 6)), Some("nationaldagen"));
}

#[test]
fn within_one_working_day_of_a_friday_is_monday_and_calendar_days_count_every_day() {
    assert_eq!(within_working_days(d(2026, 11, 20), 1), d(2026, 11, 23));
    assert_eq!(
        within_working_days(d(2026, 11, 21), 1),
        d(2026, 11, 23),
        "received on Saturday"
    );
    assert_eq!(within_calendar_days(d(2026, 12, 23), 3), d(2026, 12, 26));
    assert_eq!(add_working_days(d(2026, 12, 23), 1), d(2026, 12, 28));
    assert_eq!(add_working_days(d(2026, 11, 23), 0), d(2026, 11, 23));
}

#[test]
fn working_days_between_counts_the_half_open_range() {
    assert_eq!(working_days_between(d(2026, 4, 2), d(2026, 4, 7)), 1);
    assert_eq!(working_days_between(d(2026, 11, 23), d(2026, 11, 30)), 5);
    assert_eq!(working_days_between(d(2026, 11, 30), d(2026, 11, 23)), -5);
    assert_eq!(working_days_between(d(2026, 11, 23), d(2026, 11, 23)), 0);
}

fn any_date() -> impl Strategy<Value = NaiveDate> {
    (0i64..(300 * 366)).prop_map(|n| d(1900, 1, 1) + chrono::Duration::days(n))
}

proptest! {
    #[test]
    fn adding_working_days_gives_a_working_day(start in any_date(), n in 1u32..40) {
        prop_assert!(is_working_day(add_working_days(start, n)));
    }

    #[test]
    fn adding_working_days_is_monotonic(start in any_date(), n in 0u32..40, m in 0u32..40) {
        let (a, b) = (add_working_days(start, n.min(m)), add_working_days(start, n.max(m)));
        prop_assert!(a <= b);
        if n != m { prop_assert!(a < b); }
    }

    #[test]
    fn there_are_exactly_n_working_days_between(start in any_date(), n in 0u32..60) {
        let end = add_working_days(start, n);
        prop_assert_eq!(working_days_between(start, end), i64::from(n));
    }

    #[test]
    fn calendar_days_count_every_day(start in any_date(), n in 0u32..400) {
        prop_assert_eq!((within_calendar_days(start, n) - start).num_days(), i64::from(n));
    }
}

#[test]
fn iso_dates_are_written_and_read_without_format_strings() {
    assert_eq!(iso(d(2026, 4, 7)), "2026-04-07");
    assert_eq!(parse_iso("2026-04-07"), Some(d(2026, 4, 7)));
    assert_eq!(parse_iso(" 2028-02-29 "), Some(d(2028, 2, 29)));
    assert_eq!(parse_iso("2027-02-29"), None);
    assert_eq!(parse_iso("2026-4-7"), None);
    assert_eq!(parse_iso("idag"), None);
    let t = d(2026, 12, 23).and_hms_opt(14, 5, 0).unwrap();
    assert_eq!(iso_minutes(t), "2026-12-23 14:05");
    assert_eq!(parse_iso_minutes("2026-12-23T14:05"), Some(t));
    assert_eq!(parse_iso_minutes("2026-12-23T25:00"), None);
    assert_eq!(parse_iso_minutes("2026-12-23"), None);
}

proptest! {
    #[test]
    fn iso_round_trips(day in any_date()) {
        prop_assert_eq!(parse_iso(&iso(day)), Some(day));
    }
}

/// Section L: the de facto holidays a working-day count skipped are named, the public holidays are not.
#[test]
fn de_facto_holidays_skipped_are_named() {
    use sip_planen::engine::calendar::de_facto_holidays_skipped;
    let d = |y, m, dd| chrono::NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    // 2026: julafton Thursday, nyårsafton Thursday, midsommarafton Friday 19 June.
    assert_eq!(
        de_facto_holidays_skipped(d(2026, 12, 23), d(2026, 12, 28)),
        vec!["julafton"]
    );
    assert_eq!(
        de_facto_holidays_skipped(d(2026, 12, 30), d(2027, 1, 4)),
        vec!["nyårsafton"]
    );
    assert_eq!(
        de_facto_holidays_skipped(d(2026, 6, 18), d(2026, 6, 22)),
        vec!["midsommarafton"]
    );
    // Easter's days are public holidays: nothing to explain.
    assert!(de_facto_holidays_skipped(d(2026, 4, 2), d(2026, 4, 7)).is_empty());
    // A julafton on a Saturday is no working day anyway (2022).
    assert!(de_facto_holidays_skipped(d(2022, 12, 23), d(2022, 12, 27)).is_empty());
}
