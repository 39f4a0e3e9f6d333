//! The person's identity: personnummer, samordningsnummer, reservnummer or none (R-PLAN-16).
//!
//! "Parse, don't validate": an [`Identity`] can only be built from input that passed every check, so the rest of
//! the app never sees a malformed number.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Which kind of identity the coordinator chose for the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IdentityKind {
    Personnummer,
    Samordningsnummer,
    Reservnummer,
    /// R-PLAN-16: a person without any number still gets a SIP.
    Saknas,
}

impl IdentityKind {
    pub const ALL: [IdentityKind; 4] = [
        IdentityKind::Personnummer,
        IdentityKind::Samordningsnummer,
        IdentityKind::Reservnummer,
        IdentityKind::Saknas,
    ];

    pub fn label_sv(self) -> &'static str {
        match self {
            IdentityKind::Personnummer => "Personnummer",
            IdentityKind::Samordningsnummer => "Samordningsnummer",
            IdentityKind::Reservnummer => "Reservnummer",
            IdentityKind::Saknas => "Saknas",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            IdentityKind::Personnummer => "personnummer",
            IdentityKind::Samordningsnummer => "samordningsnummer",
            IdentityKind::Reservnummer => "reservnummer",
            IdentityKind::Saknas => "saknas",
        }
    }

    pub fn from_str_opt(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// Everything a user can type wrong in an identity, each with its own Swedish message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdentityError {
    #[error("Ange numret.")]
    Empty,
    #[error("Numret får bara innehålla siffror och ett bindestreck eller plustecken före de fyra sista siffrorna.")]
    InvalidCharacters,
    #[error("Numret ska ha 10 eller 12 siffror (ÅÅMMDD-NNNN eller ÅÅÅÅMMDD-NNNN).")]
    WrongLength,
    #[error("Plustecken (100 år eller äldre) används bara med 10 siffror.")]
    PlusWithFullYear,
    #[error("Månaden {0:02} finns inte.")]
    InvalidMonth(u32),
    #[error("Dagen {0:02} finns inte i den månaden.")]
    InvalidDay(u32),
    #[error("Dagen är över 60: det är ett samordningsnummer. Välj Samordningsnummer som typ.")]
    LooksLikeSamordningsnummer,
    #[error("I ett samordningsnummer är dagen födelsedagen plus 60 (61–91).")]
    NotSamordningsnummerDay,
    #[error("Födelsedatumet ligger i framtiden.")]
    FutureDate,
    #[error("Kontrollsiffran stämmer inte. Kontrollera numret.")]
    WrongCheckDigit,
    #[error(
        "Reservnumret får bara innehålla bokstäver, siffror och bindestreck (högst 20 tecken)."
    )]
    InvalidReservnummer,
}

impl IdentityError {
    pub fn message_sv(&self) -> String {
        self.to_string()
    }
}

/// A checked personnummer or samordningsnummer: the full birth date plus the four last digits.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CivicNumber {
    /// The real birth date (for a samordningsnummer, the day without the +60).
    #[serde(with = "crate::engine::serde_iso::date")]
    birth_date: NaiveDate,
    /// Birth number (3 digits) and check digit.
    last_four: String,
    samordning: bool,
}

impl CivicNumber {
    pub fn birth_date(&self) -> NaiveDate {
        self.birth_date
    }

    pub fn is_samordningsnummer(&self) -> bool {
        self.samordning
    }

    /// The date part as written in the number: YYYYMMDD, with day + 60 for a samordningsnummer.
    fn date_digits(&self) -> String {
        let d = self.birth_date;
        let day = d.day() + if self.samordning { 60 } else { 0 };
        format!("{:04}{:02}{:02}", d.year(), d.month(), day)
    }

    /// Canonical 12-digit form with separator: `YYYYMMDD-NNNN`.
    pub fn full(&self) -> String {
        format!("{}-{}", self.date_digits(), self.last_four)
    }

    /// Masked for lists: `YYYYMMDD-****`.
    pub fn masked(&self) -> String {
        format!("{}-****", self.date_digits())
    }

    /// Only the digits (12), for search.
    pub fn digits(&self) -> String {
        format!("{}{}", self.date_digits(), self.last_four)
    }
}

/// The person's identity as stored on a case.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum Identity {
    Personnummer(CivicNumber),
    Samordningsnummer(CivicNumber),
    Reservnummer(String),
    Saknas,
}

impl Identity {
    /// Parses what the user typed for the chosen kind. `today` decides the century of a 10-digit number.
    pub fn parse(
        kind: IdentityKind,
        input: &str,
        today: NaiveDate,
    ) -> Result<Identity, IdentityError> {
        match kind {
            IdentityKind::Personnummer => {
                parse_civic(input, today, false).map(Identity::Personnummer)
            }
            IdentityKind::Samordningsnummer => {
                parse_civic(input, today, true).map(Identity::Samordningsnummer)
            }
            IdentityKind::Reservnummer => {
                let s = input.trim();
                if s.is_empty() {
                    return Err(IdentityError::Empty);
                }
                if s.chars().count() > 20
                    || !s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                {
                    return Err(IdentityError::InvalidReservnummer);
                }
                Ok(Identity::Reservnummer(s.to_uppercase()))
            }
            IdentityKind::Saknas => Ok(Identity::Saknas),
        }
    }

    pub fn kind(&self) -> IdentityKind {
        match self {
            Identity::Personnummer(_) => IdentityKind::Personnummer,
            Identity::Samordningsnummer(_) => IdentityKind::Samordningsnummer,
            Identity::Reservnummer(_) => IdentityKind::Reservnummer,
            Identity::Saknas => IdentityKind::Saknas,
        }
    }

    fn civic(&self) -> Option<&CivicNumber> {
        match self {
            Identity::Personnummer(c) | Identity::Samordningsnummer(c) => Some(c),
            _ => None,
        }
    }

    pub fn birth_date(&self) -> Option<NaiveDate> {
        self.civic().map(CivicNumber::birth_date)
    }

    /// The full number, for the case page only.
    pub fn full(&self) -> String {
        match self {
            Identity::Personnummer(c) | Identity::Samordningsnummer(c) => c.full(),
            Identity::Reservnummer(r) => r.clone(),
            Identity::Saknas => "Saknas".to_string(),
        }
    }

    /// Masked for lists and anything shown beyond the case page.
    pub fn masked(&self) -> String {
        match self {
            Identity::Personnummer(c) | Identity::Samordningsnummer(c) => c.masked(),
            Identity::Reservnummer(r) => {
                let keep: String = r.chars().take(2).collect();
                format!("{keep}****")
            }
            Identity::Saknas => "Saknas".to_string(),
        }
    }

    /// The digits a search by number looks in: a personnummer's or samordningsnummer's twelve (the ten-digit form
    /// people often type is part of them), a reservnummer's digits; none without an identity.
    pub fn search_digits(&self) -> String {
        match self {
            Identity::Personnummer(c) | Identity::Samordningsnummer(c) => c.digits(),
            Identity::Reservnummer(r) => r.chars().filter(char::is_ascii_digit).collect(),
            Identity::Saknas => String::new(),
        }
    }

    /// True when the typed query (digits only, at least 4) matches this identity's digits.
    pub fn matches_digits(&self, query_digits: &str) -> bool {
        digits_match(&self.search_digits(), query_digits)
    }
}

impl fmt::Display for Identity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.full())
    }
}

/// Luhn check over the ten digits YYMMDDNNNC.
fn luhn_ok(ten: &[u32]) -> bool {
    let sum: u32 = ten
        .iter()
        .enumerate()
        .map(|(i, &d)| {
            let v = if i % 2 == 0 { d * 2 } else { d };
            if v > 9 {
                v - 9
            } else {
                v
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

fn parse_civic(
    input: &str,
    today: NaiveDate,
    samordning: bool,
) -> Result<CivicNumber, IdentityError> {
    let s: String = input.chars().filter(|c| !c.is_whitespace()).collect();
    if s.is_empty() {
        return Err(IdentityError::Empty);
    }
    if !s
        .chars()
        .all(|c| c.is_ascii_digit() || c == '-' || c == '+')
    {
        return Err(IdentityError::InvalidCharacters);
    }
    // At most one separator, and only before the last four digits.
    let separators: Vec<(usize, char)> = s
        .char_indices()
        .filter(|(_, c)| !c.is_ascii_digit())
        .collect();
    let plus = match separators.as_slice() {
        [] => false,
        [(i, c)] if s.len() - i - 1 == 4 => *c == '+',
        _ => return Err(IdentityError::InvalidCharacters),
    };
    let digits: Vec<u32> = s.chars().filter_map(|c| c.to_digit(10)).collect();
    if digits.len() != 10 && digits.len() != 12 {
        return Err(IdentityError::WrongLength);
    }
    if plus && digits.len() == 12 {
        return Err(IdentityError::PlusWithFullYear);
    }
    let num = |ds: &[u32]| ds.iter().fold(0u32, |acc, d| acc * 10 + d);
    let (year, rest) = if digits.len() == 12 {
        (num(&digits[0..4]) as i32, &digits[4..])
    } else {
        (
            resolve_century(num(&digits[0..2]) as i32, &digits[2..6], plus, today)?,
            &digits[2..],
        )
    };
    let month = num(&rest[0..2]);
    let written_day = num(&rest[2..4]);
    if !(1..=12).contains(&month) {
        return Err(IdentityError::InvalidMonth(month));
    }
    let day = if samordning {
        if !(61..=91).contains(&written_day) {
            return Err(IdentityError::NotSamordningsnummerDay);
        }
        written_day - 60
    } else {
        if (61..=91).contains(&written_day) {
            return Err(IdentityError::LooksLikeSamordningsnummer);
        }
        written_day
    };
    let birth_date =
        NaiveDate::from_ymd_opt(year, month, day).ok_or(IdentityError::InvalidDay(day))?;
    if birth_date > today {
        return Err(IdentityError::FutureDate);
    }
    let ten = &digits[digits.len() - 10..];
    if !luhn_ok(ten) {
        return Err(IdentityError::WrongCheckDigit);
    }
    let last_four: String = ten[6..]
        .iter()
        .map(|d| char::from_digit(*d, 10).unwrap_or('0'))
        .collect();
    Ok(CivicNumber {
        birth_date,
        last_four,
        samordning,
    })
}

/// A 10-digit number: the century is the latest one that puts the birth date on or before `today`; `+` means the
/// person is 100 or older, so a further hundred years back.
fn resolve_century(
    yy: i32,
    mmdd: &[u32],
    plus: bool,
    today: NaiveDate,
) -> Result<i32, IdentityError> {
    let mut year = today.year() - (today.year() % 100) + yy;
    let month = mmdd[0] * 10 + mmdd[1];
    let day = (mmdd[2] * 10 + mmdd[3]) % 60; // samordning day folded back; only used for the ordering below
    let md_after_today = (month, day) > (today.month(), today.day());
    if year > today.year() || (year == today.year() && md_after_today) {
        year -= 100;
    }
    if plus {
        year -= 100;
    }
    Ok(year)
}

/// Whole years between `birth` and `on`. A person born on 29 February completes a year on 1 March in common years
/// (the day the anniversary date has been passed).
pub fn age_on(birth: NaiveDate, on: NaiveDate) -> Option<u32> {
    on.years_since(birth)
}

/// Under 18 at the reference date.
pub fn is_child_on(birth: NaiveDate, on: NaiveDate) -> bool {
    age_on(birth, on).is_some_and(|a| a < 18)
}

/// A search by number: at least four digits, found in an identity's [`Identity::search_digits`].
pub fn digits_match(search_digits: &str, query_digits: &str) -> bool {
    query_digits.len() >= 4 && search_digits.contains(query_digits)
}
