//! Dates in stored cases, written and read by hand in the same text chrono's serde uses (`2026-11-23`,
//! `2026-11-23T14:05:09.123`). Stored records stay exactly as before; the bundle leaves out chrono's general
//! format parser, which its serde needs. Used with `#[serde(with = "…")]` on every date field of the model.

use super::calendar::{iso, parse_iso};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use serde::de::Error;
use serde::{Deserialize, Deserializer, Serializer};

/// `2026-11-23T14:05:09`, with the fraction chrono writes when there is one (3, 6 or 9 digits).
pub fn datetime_text(t: NaiveDateTime) -> String {
    let mut s = format!(
        "{}T{:02}:{:02}:{:02}",
        iso(t.date()),
        t.hour(),
        t.minute(),
        t.second()
    );
    let n = t.nanosecond();
    if n != 0 {
        if n.is_multiple_of(1_000_000) {
            s.push_str(&format!(".{:03}", n / 1_000_000));
        } else if n.is_multiple_of(1_000) {
            s.push_str(&format!(".{:06}", n / 1_000));
        } else {
            s.push_str(&format!(".{n:09}"));
        }
    }
    s
}

/// Reads what [`datetime_text`] (or chrono) writes; `None` for anything else.
pub fn parse_datetime_text(s: &str) -> Option<NaiveDateTime> {
    let (date, time) = s.split_once('T')?;
    let (hms, frac) = time.split_once('.').unwrap_or((time, ""));
    let mut it = hms.split(':');
    let mut part = || -> Option<u32> {
        let p = it.next()?;
        (p.len() == 2).then(|| p.parse().ok()).flatten()
    };
    let (h, m, sec) = (part()?, part()?, part()?);
    if frac.len() > 9 || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let nanos = if frac.is_empty() {
        0
    } else {
        frac.parse::<u32>().ok()? * 10u32.pow(9 - frac.len() as u32)
    };
    Some(parse_iso(date)?.and_time(NaiveTime::from_hms_nano_opt(h, m, sec, nanos)?))
}

fn text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    String::deserialize(d)
}

pub mod date {
    use super::*;
    pub fn serialize<S: Serializer>(v: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&iso(*v))
    }
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        parse_iso(&text(d)?).ok_or_else(|| D::Error::custom("ogiltigt datum"))
    }
}

pub mod date_opt {
    use super::*;
    pub fn serialize<S: Serializer>(v: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            Some(v) => s.serialize_str(&iso(*v)),
            None => s.serialize_none(),
        }
    }
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        match Option::<String>::deserialize(d)? {
            Some(t) => parse_iso(&t)
                .map(Some)
                .ok_or_else(|| D::Error::custom("ogiltigt datum")),
            None => Ok(None),
        }
    }
}

pub mod datetime {
    use super::*;
    pub fn serialize<S: Serializer>(v: &NaiveDateTime, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&datetime_text(*v))
    }
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDateTime, D::Error> {
        parse_datetime_text(&text(d)?).ok_or_else(|| D::Error::custom("ogiltig tidpunkt"))
    }
}

pub mod datetime_opt {
    use super::*;
    pub fn serialize<S: Serializer>(v: &Option<NaiveDateTime>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            Some(v) => s.serialize_str(&datetime_text(*v)),
            None => s.serialize_none(),
        }
    }
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDateTime>, D::Error> {
        match Option::<String>::deserialize(d)? {
            Some(t) => parse_datetime_text(&t)
                .map(Some)
                .ok_or_else(|| D::Error::custom("ogiltig tidpunkt")),
            None => Ok(None),
        }
    }
}
