//! The Swedish working-day calendar (SIP-RULES §L). A working day is Monday–Friday that is neither a public
//! holiday nor one of the days Swedish workplaces treat as holidays (midsommarafton, julafton, nyårsafton).
//! Easter is computed, so the calendar has no end year.

use chrono::{Datelike, Days, NaiveDate, Weekday};

/// Easter Sunday (Gregorian, the anonymous "Meeus/Jones/Butcher" algorithm), valid for every Gregorian year.
pub fn easter_sunday(year: i32) -> NaiveDate {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    // The algorithm only yields 22 March – 25 April, which always exist.
    NaiveDate::from_ymd_opt(year, month as u32, day as u32).unwrap_or(NaiveDate::MIN)
}

fn offset(d: NaiveDate, days: i64) -> NaiveDate {
    d.checked_add_signed(chrono::Duration::days(days))
        .unwrap_or(d)
}

/// The first `weekday` on or after `month`/`day` of `year`.
fn first_weekday_from(year: i32, month: u32, day: u32, weekday: Weekday) -> Option<NaiveDate> {
    let start = NaiveDate::from_ymd_opt(year, month, day)?;
    let shift = (7 + weekday.num_days_from_monday() as i64
        - start.weekday().num_days_from_monday() as i64)
        % 7;
    Some(offset(start, shift))
}

/// The name of the Swedish holiday (public or de facto) on `date`, if it is one.
pub fn holiday_name(date: NaiveDate) -> Option<&'static str> {
    let (y, m, d) = (date.year(), date.month(), date.day());
    let fixed = match (m, d) {
        (1, 1) => Some("nyårsdagen"),
        (1, 6) => Some("trettondedag jul"),
        (5, 1) => Some("första maj"),
        // Nationaldagen is a public holiday from 2005 (replacing annandag pingst).
        (6, 6) if y >= 2005 => Some("nationaldagen"),
        (12, 24) => Some("julafton"),
        (12, 25) => Some("juldagen"),
        (12, 26) => Some("annandag jul"),
        (12, 31) => Some("nyårsafton"),
        _ => None,
    };
    if fixed.is_some() {
        return fixed;
    }
    let easter = easter_sunday(y);
    let from_easter = (date - easter).num_days();
    let movable = match from_easter {
        -2 => Some("långfredagen"),
        0 => Some("påskdagen"),
        1 => Some("annandag påsk"),
        39 => Some("Kristi himmelfärdsdag"),
        49 => Some("pingstdagen"),
        50 if y < 2005 => Some("annandag pingst"),
        _ => None,
    };
    if movable.is_some() {
        return movable;
    }
    if first_weekday_from(y, 6, 19, Weekday::Fri) == Some(date) {
        return Some("midsommarafton");
    }
    if first_weekday_from(y, 6, 20, Weekday::Sat) == Some(date) {
        return Some("midsommardagen");
    }
    if first_weekday_from(y, 10, 31, Weekday::Sat) == Some(date) {
        return Some("alla helgons dag");
    }
    None
}

/// Monday–Friday and not a holiday.
pub fn is_working_day(date: NaiveDate) -> bool {
    !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) && holiday_name(date).is_none()
}

/// The `n`th working day after `date` (n = 0 gives `date`). "Within 1 working day" of something received on day
/// D is the end of `add_working_days(D, 1)`.
pub fn add_working_days(date: NaiveDate, n: u32) -> NaiveDate {
    let mut d = date;
    let mut left = n;
    while left > 0 {
        d = offset(d, 1);
        if is_working_day(d) {
            left -= 1;
        }
    }
    d
}

/// The due date of something that must happen within `n` working days of `date`.
pub fn within_working_days(date: NaiveDate, n: u32) -> NaiveDate {
    add_working_days(date, n)
}

/// The days workplaces treat as holidays although the law does not (section L): not in the sources, so a deadline
/// that moves past one says so.
pub fn is_de_facto_holiday(date: NaiveDate) -> bool {
    matches!(
        holiday_name(date),
        Some("midsommarafton" | "julafton" | "nyårsafton")
    ) && !matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

/// The weekdays skipped as de facto holidays between `date` (exclusive) and `due` (inclusive), named: what a
/// working-day deadline says when it moved because of one.
pub fn de_facto_holidays_skipped(date: NaiveDate, due: NaiveDate) -> Vec<&'static str> {
    date.iter_days()
        .skip(1)
        .take_while(|d| *d <= due)
        .filter(|d| is_de_facto_holiday(*d))
        .filter_map(holiday_name)
        .collect()
}

/// The due date of something that must happen within `n` calendar days of `date` (every day counts).
pub fn within_calendar_days(date: NaiveDate, n: u32) -> NaiveDate {
    date.checked_add_days(Days::new(u64::from(n)))
        .unwrap_or(date)
}

/// Working days in the half-open range (from, to]: how many working days `to` lies after `from`.
pub fn working_days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    if to == from {
        return 0;
    }
    if to < from {
        return -working_days_between(to, from);
    }
    from.iter_days()
        .skip(1)
        .take_while(|d| *d <= to)
        .filter(|d| is_working_day(*d))
        .count() as i64
}

/// `2026-11-23` — ISO dates, written without chrono's format-string machinery (smaller wasm).
pub fn iso(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// `2026-11-23 14:05`.
pub fn iso_minutes(t: chrono::NaiveDateTime) -> String {
    use chrono::Timelike;
    format!("{} {:02}:{:02}", iso(t.date()), t.hour(), t.minute())
}

/// Parses `YYYY-MM-DD` (as date inputs give it); `None` when it is not a real date.
pub fn parse_iso(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let mut it = s.splitn(3, '-');
    let (y, m, d) = (it.next()?, it.next()?, it.next()?);
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// Parses `YYYY-MM-DDTHH:MM` (as datetime-local inputs give it).
pub fn parse_iso_minutes(s: &str) -> Option<chrono::NaiveDateTime> {
    let (date, time) = s.trim().split_once('T')?;
    let (h, m) = time.split_once(':')?;
    if h.len() != 2 || m.len() < 2 {
        return None;
    }
    parse_iso(date)?.and_hms_opt(h.parse().ok()?, m[..2].parse().ok()?, 0)
}
