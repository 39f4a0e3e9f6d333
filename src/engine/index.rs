//! The case index: per case the few fields the register, its search and Att göra need — name, masked identity and
//! its digits, kommun, phase, the last change and the open deadlines with their due dates and rules. The store keeps
//! it sealed beside the cases, in [`BUCKETS`] records, each written in the same transaction as the cases it
//! summarises, so unlocking decrypts the index and not every case; a case is decrypted when it is opened.
//!
//! A summary is a function of the case alone ([`Summary::of`]): the index equals a fresh rebuild whatever the order
//! of writes. What depends on the clock is not stored: a deadline's status is worked out again from its stored due
//! date on the day it is shown ([`Summary::deadlines_on`]). The deadlines come from [`crate::engine::deadlines`],
//! the one place that knows them; their rule and step from [`DeadlineKind::rule_and_step`].
//!
//! A bucket is plain text (a line with the format, then one record per case, fields apart by control characters
//! no field keeps): a few lines of code to write and read, where a serde format costs the app's download far more.

use super::calendar::{iso, parse_iso};
use super::case::{Case, CaseId};
use super::deadlines::{deadlines, Deadline, DeadlineKind, DeadlineStatus};
use super::identity::digits_match;
use super::model::PartyId;
use super::phase::Phase;
use super::profiles;
use super::serde_iso::{datetime_text, parse_datetime_text};
use chrono::NaiveDateTime;

/// How many sealed records the index is spread over: a write re-seals one of them (a small part of the index at
/// 10 000 cases), an unlock opens them all (a handful of decryptions instead of one per case).
pub const BUCKETS: u8 = 64;

/// The stored index's format, with the engine's version: a stored index of another format or version is rebuilt
/// from the cases (a release may change what a deadline says or when it falls due).
pub const FORMAT: &str = concat!("sip-index 1 ", env!("CARGO_PKG_VERSION"));

const RECORD: char = '\u{1e}';
const FIELD: char = '\u{1f}';

/// What the register, its search and Att göra know of one case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub id: CaseId,
    pub name: String,
    /// The identity as lists show it (`YYYYMMDD-****`).
    pub masked: String,
    /// The identity's digits, for a search by number only (never shown).
    pub digits: String,
    pub kommun: String,
    pub phase: Phase,
    pub updated: NaiveDateTime,
    /// The deadlines not yet met, as computed when the case was written (their status is worked out when shown).
    pub open: Vec<Deadline>,
}

impl Summary {
    /// The summary of a case: its own fields and its open deadlines (R-NEED-8, R-CONS-4, R-INIT-1, R-KALL-3,
    /// R-KALL-5, R-PLAN-7, R-UPP-1 — whether one is met does not depend on the day, only its status does).
    pub fn of(case: &Case) -> Summary {
        let open = deadlines(case, case.updated(), profiles::get(case.profile()))
            .into_iter()
            .filter(|d| d.status != DeadlineStatus::Klar)
            .map(|d| Deadline {
                what_sv: clean(&d.what_sv),
                note_sv: d.note_sv.as_deref().map(clean),
                ..d
            })
            .collect();
        let identity = &case.person().identity;
        Summary {
            id: case.id(),
            name: clean(&case.person().name),
            masked: identity.masked(),
            digits: identity.search_digits(),
            kommun: clean(case.kommun()),
            phase: case.phase(),
            updated: case.updated(),
            open,
        }
    }

    /// The open deadlines with their status on `now`, as [`deadlines`] gives them for the case on that day.
    pub fn deadlines_on(&self, now: NaiveDateTime) -> impl Iterator<Item = Deadline> + '_ {
        self.open.iter().map(move |d| Deadline {
            status: DeadlineStatus::of(false, d.due, now.date()),
            ..d.clone()
        })
    }

    /// The register's search: identity digits (with or without the century, dash or plus), or any part of the
    /// name, the kommun or the phase, in any case.
    pub fn matches(&self, query: &str) -> bool {
        let q = query.trim();
        if q.is_empty() {
            return true;
        }
        let digits: String = q.chars().filter(char::is_ascii_digit).collect();
        let only_digits = q
            .chars()
            .all(|c| c.is_ascii_digit() || c == '-' || c == '+' || c.is_whitespace());
        if only_digits && !digits.is_empty() {
            return digits_match(&self.digits, &digits);
        }
        let q = q.to_lowercase();
        [
            self.name.as_str(),
            self.kommun.as_str(),
            self.phase.label_sv(),
        ]
        .iter()
        .any(|f| f.to_lowercase().contains(&q))
    }

    fn write(&self, out: &mut String) {
        let phase = Phase::ALL
            .iter()
            .position(|p| *p == self.phase)
            .unwrap_or(0);
        let mut fields = vec![
            self.id.to_string(),
            self.name.clone(),
            self.masked.clone(),
            self.digits.clone(),
            self.kommun.clone(),
            phase.to_string(),
            datetime_text(self.updated),
        ];
        for d in &self.open {
            let kind = DeadlineKind::ALL
                .iter()
                .position(|k| *k == d.kind)
                .unwrap_or(0);
            fields.extend([
                kind.to_string(),
                d.what_sv.clone(),
                iso(d.due),
                d.party.map(|p| p.0.to_string()).unwrap_or_default(),
                d.note_sv.clone().unwrap_or_default(),
            ]);
        }
        out.push_str(&fields.join(&FIELD.to_string()));
    }

    fn read(record: &str) -> Option<Summary> {
        let f: Vec<&str> = record.split(FIELD).collect();
        if f.len() < 7 || !(f.len() - 7).is_multiple_of(5) {
            return None;
        }
        let open = f[7..]
            .chunks(5)
            .map(|d| {
                let kind = *DeadlineKind::ALL.get(d[0].parse::<usize>().ok()?)?;
                let party = match d[3] {
                    "" => None,
                    p => Some(PartyId(p.parse().ok()?)),
                };
                let note = (!d[4].is_empty()).then(|| d[4].to_string());
                Some(kind.deadline(
                    d[1].to_string(),
                    parse_iso(d[2])?,
                    DeadlineStatus::Kommande,
                    party,
                    note,
                ))
            })
            .collect::<Option<Vec<_>>>()?;
        Some(Summary {
            id: CaseId::parse(f[0])?,
            name: f[1].to_string(),
            masked: f[2].to_string(),
            digits: f[3].to_string(),
            kommun: f[4].to_string(),
            phase: *Phase::ALL.get(f[5].parse::<usize>().ok()?)?,
            updated: parse_datetime_text(f[6])?,
            open,
        })
    }
}

/// A text field as the index keeps it: the bucket's separators (control characters nobody types on purpose) read
/// as spaces, so every summary is written and read back unchanged.
fn clean(text: &str) -> String {
    text.replace([FIELD, RECORD], " ")
}

/// The bucket a case's summary is kept in (its id is random: the buckets fill evenly).
pub fn bucket_of(id: CaseId) -> u8 {
    id.0.as_bytes()[15] % BUCKETS
}

/// The record key of a bucket ("b07").
pub fn bucket_key(bucket: u8) -> String {
    format!("b{bucket:02}")
}

/// One sealed record of the index: the summaries of its cases.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Bucket {
    pub cases: Vec<Summary>,
}

impl Bucket {
    /// Puts a summary in, replacing the case's earlier one; the bucket stays in the register's order.
    pub fn put(&mut self, s: Summary) {
        insert_sorted(&mut self.cases, s);
    }

    /// The bucket's text: the format, then a record per case.
    pub fn encode(&self) -> String {
        let mut out = String::from(FORMAT);
        for s in &self.cases {
            out.push(RECORD);
            s.write(&mut out);
        }
        out
    }

    /// Reads what [`Bucket::encode`] wrote; `None` for another format or anything malformed.
    pub fn decode(text: &str) -> Option<Bucket> {
        let mut records = text.split(RECORD);
        if records.next()? != FORMAT {
            return None;
        }
        Some(Bucket {
            cases: records.map(Summary::read).collect::<Option<_>>()?,
        })
    }
}

/// The index as the buckets of a fresh rebuild hold it: every summary in its bucket.
pub fn rebuild(cases: &[Case]) -> Vec<Bucket> {
    let mut buckets = vec![Bucket::default(); usize::from(BUCKETS)];
    for c in cases {
        buckets[usize::from(bucket_of(c.id()))].put(Summary::of(c));
    }
    buckets
}

/// The register's order: newest change first, then by name (then by id, so the order is total).
fn order(a: &Summary, b: &Summary) -> std::cmp::Ordering {
    b.updated
        .cmp(&a.updated)
        .then_with(|| a.name.cmp(&b.name))
        .then_with(|| a.id.cmp(&b.id))
}

/// Puts a summary into a list in the register's order, replacing the case's earlier one.
pub fn insert_sorted(list: &mut Vec<Summary>, s: Summary) {
    list.retain(|x| x.id != s.id);
    let at = list.partition_point(|x| order(x, &s).is_lt());
    list.insert(at, s);
}

/// Lists each in the register's order (the buckets) merged into one in that order.
pub fn merge(lists: Vec<Vec<Summary>>) -> Vec<Summary> {
    let mut out = Vec::with_capacity(lists.iter().map(Vec::len).sum());
    let mut heads: Vec<std::vec::IntoIter<Summary>> =
        lists.into_iter().map(Vec::into_iter).collect();
    let mut next: Vec<Option<Summary>> = heads.iter_mut().map(Iterator::next).collect();
    loop {
        let mut best: Option<usize> = None;
        for (i, s) in next.iter().enumerate() {
            if let Some(s) = s {
                if best.is_none_or(|b| next[b].as_ref().is_some_and(|x| order(s, x).is_lt())) {
                    best = Some(i);
                }
            }
        }
        let Some(b) = best else { return out };
        if let Some(s) = std::mem::replace(&mut next[b], heads[b].next()) {
            out.push(s);
        }
    }
}

/// Sorts a list into the register's order.
pub fn sort_by_last_change(list: &mut [Summary]) {
    list.sort_by(order);
}
