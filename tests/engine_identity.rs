//! Identity parsing and age (native). Numbers from Skatteverket's published test examples where possible.
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use sip_planen::engine::identity::{age_on, is_child_on};
use sip_planen::engine::{Identity, IdentityError, IdentityKind};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

const TODAY: (i32, u32, u32) = (2026, 11, 23);

fn today() -> NaiveDate {
    d(TODAY.0, TODAY.1, TODAY.2)
}

fn pnr(s: &str) -> Result<Identity, IdentityError> {
    Identity::parse(IdentityKind::Personnummer, s, today())
}

fn snr(s: &str) -> Result<Identity, IdentityError> {
    Identity::parse(IdentityKind::Samordningsnummer, s, today())
}

#[test]
fn skatteverkets_test_personnummer_are_accepted_in_every_written_form() {
    for s in [
        "19121212-1212",
        "191212121212",
        "121212+1212",
        " 19121212 - 1212 ",
    ] {
        let id = pnr(s).unwrap_or_else(|e| panic!("{s}: {e}"));
        assert_eq!(id.full(), "19121212-1212", "{s}");
        assert_eq!(id.birth_date(), Some(d(1912, 12, 12)));
    }
    assert_eq!(pnr("811228-9874").unwrap().full(), "19811228-9874");
    assert_eq!(pnr("460713-7454").unwrap().full(), "19460713-7454");
}

#[test]
fn ten_digits_take_the_latest_century_not_in_the_future() {
    assert_eq!(
        pnr("170102-2384").unwrap().birth_date(),
        Some(d(2017, 1, 2))
    );
    // Born 1926-12-01: 99 years old on 2026-11-23, so a dash, and the 1900s.
    assert_eq!(
        pnr("261201-2381")
            .unwrap_or_else(|e| panic!("{e}"))
            .birth_date()
            .map(|b| b.format("%Y").to_string()),
        Some("1926".into())
    );
}

#[test]
fn plus_means_a_hundred_years_or_older() {
    let id = pnr("121212+1212").unwrap();
    assert_eq!(id.birth_date(), Some(d(1912, 12, 12)));
    // With a dash (or none) the same digits are 2012.
    assert_eq!(
        pnr("121212-1212").unwrap().birth_date(),
        Some(d(2012, 12, 12))
    );
    assert_eq!(
        pnr("1212121212").unwrap().birth_date(),
        Some(d(2012, 12, 12))
    );
    assert_eq!(
        pnr("010101+2383").unwrap().birth_date(),
        Some(d(1901, 1, 1))
    );
    assert_eq!(
        pnr("010101-2383").unwrap().birth_date(),
        Some(d(2001, 1, 1))
    );
}

#[test]
fn plus_with_twelve_digits_is_refused() {
    assert_eq!(pnr("19121212+1212"), Err(IdentityError::PlusWithFullYear));
}

#[test]
fn samordningsnummer_has_day_plus_sixty() {
    let id = snr("701063-2391").unwrap();
    assert_eq!(id.birth_date(), Some(d(1970, 10, 3)));
    assert_eq!(id.full(), "19701063-2391");
    assert_eq!(id.masked(), "19701063-****");
    assert_eq!(
        snr("19121212-1212"),
        Err(IdentityError::NotSamordningsnummerDay)
    );
    assert_eq!(
        pnr("701063-2391"),
        Err(IdentityError::LooksLikeSamordningsnummer)
    );
}

#[test]
fn invalid_dates_are_refused_with_their_own_message() {
    assert_eq!(pnr("19121312-1212"), Err(IdentityError::InvalidMonth(13)));
    assert_eq!(pnr("19120012-1212"), Err(IdentityError::InvalidMonth(0)));
    assert_eq!(
        pnr("19230229-1234"),
        Err(IdentityError::InvalidDay(29)),
        "1923 is not a leap year"
    );
    assert_eq!(pnr("19120431-1212"), Err(IdentityError::InvalidDay(31)));
    assert_eq!(pnr("20301212-1212"), Err(IdentityError::FutureDate));
    assert_eq!(
        snr("19700192-1234"),
        Err(IdentityError::NotSamordningsnummerDay)
    );
}

#[test]
fn leap_day_births_are_real_dates_in_leap_years() {
    assert_eq!(
        pnr("20000229-2381").unwrap().birth_date(),
        Some(d(2000, 2, 29))
    );
    assert_eq!(
        pnr("20080229-2391").unwrap().birth_date(),
        Some(d(2008, 2, 29))
    );
}

#[test]
fn wrong_check_digit_is_refused() {
    assert_eq!(pnr("19121212-1213"), Err(IdentityError::WrongCheckDigit));
    assert_eq!(pnr("811228-9875"), Err(IdentityError::WrongCheckDigit));
    assert_eq!(snr("701063-2392"), Err(IdentityError::WrongCheckDigit));
}

#[test]
fn wrong_shapes_are_refused() {
    assert_eq!(pnr(""), Err(IdentityError::Empty));
    assert_eq!(pnr("12121-1212"), Err(IdentityError::WrongLength));
    assert_eq!(pnr("1912121212123"), Err(IdentityError::WrongLength));
    assert_eq!(pnr("1912-12121212"), Err(IdentityError::InvalidCharacters));
    assert_eq!(pnr("19121212-12a2"), Err(IdentityError::InvalidCharacters));
    assert_eq!(pnr("191212--121212"), Err(IdentityError::InvalidCharacters));
}

#[test]
fn every_error_has_a_distinct_swedish_message() {
    let errors = [
        IdentityError::Empty,
        IdentityError::InvalidCharacters,
        IdentityError::WrongLength,
        IdentityError::PlusWithFullYear,
        IdentityError::InvalidMonth(13),
        IdentityError::InvalidDay(31),
        IdentityError::LooksLikeSamordningsnummer,
        IdentityError::NotSamordningsnummerDay,
        IdentityError::FutureDate,
        IdentityError::WrongCheckDigit,
        IdentityError::InvalidReservnummer,
    ];
    let msgs: std::collections::HashSet<String> = errors.iter().map(|e| e.message_sv()).collect();
    assert_eq!(msgs.len(), errors.len());
    assert!(IdentityError::WrongCheckDigit
        .message_sv()
        .contains("Kontrollsiffran"));
}

#[test]
fn reservnummer_and_saknas_give_a_sip_without_personnummer() {
    let r = Identity::parse(IdentityKind::Reservnummer, "rn-12345", today()).unwrap();
    assert_eq!(r.full(), "RN-12345");
    assert_eq!(r.birth_date(), None);
    assert_eq!(
        Identity::parse(IdentityKind::Reservnummer, " ", today()),
        Err(IdentityError::Empty)
    );
    assert_eq!(
        Identity::parse(IdentityKind::Reservnummer, "ab cd", today()),
        Err(IdentityError::InvalidReservnummer)
    );
    assert_eq!(
        Identity::parse(IdentityKind::Saknas, "", today()),
        Ok(Identity::Saknas)
    );
}

#[test]
fn masking_hides_the_last_four_digits() {
    assert_eq!(pnr("121212+1212").unwrap().masked(), "19121212-****");
}

#[test]
fn age_counts_whole_years_across_the_birthday() {
    let birth = d(2008, 11, 24);
    assert_eq!(age_on(birth, d(2026, 11, 23)), Some(17));
    assert_eq!(age_on(birth, d(2026, 11, 24)), Some(18));
    assert!(is_child_on(birth, d(2026, 11, 23)));
    assert!(!is_child_on(birth, d(2026, 11, 24)));
    assert_eq!(age_on(birth, d(2008, 11, 24)), Some(0));
    assert_eq!(age_on(birth, d(2008, 11, 23)), None, "not yet born");
}

#[test]
fn leap_day_birthdays_complete_the_year_on_first_of_march_in_common_years() {
    let birth = d(2008, 2, 29);
    assert_eq!(age_on(birth, d(2026, 2, 28)), Some(17));
    assert_eq!(age_on(birth, d(2026, 3, 1)), Some(18));
    assert_eq!(age_on(birth, d(2028, 2, 29)), Some(20));
    assert!(is_child_on(birth, d(2026, 2, 28)));
    assert!(!is_child_on(birth, d(2026, 3, 1)));
}

#[test]
fn search_digits_match_both_ten_and_twelve_digit_forms() {
    let id = pnr("19121212-1212").unwrap();
    assert!(id.matches_digits("191212121212"));
    assert!(id.matches_digits("1212121212"));
    assert!(id.matches_digits("19121212"));
    assert!(!id.matches_digits("123"));
    assert!(!id.matches_digits("20121212"));
}
