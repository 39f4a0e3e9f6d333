//! One screen per SIP step. Each builds a command from what the coordinator entered and lets the engine apply or
//! refuse it; a refusal is shown in the engine's words.

pub mod behov;
pub mod initiativ;
pub mod kallelse;
pub mod meddelanden;
pub mod parter;
pub mod samtycke;
pub mod utskrivning;

use super::state::AppState;
use crate::engine::rules::Violation;
use crate::engine::{Case, Command};
use chrono::{NaiveDate, NaiveDateTime};
use leptos::prelude::*;

/// Applies `cmd` to the case as it is now; a refusal goes to `error` and changes nothing.
pub fn run(
    app: AppState,
    case: Memo<Option<Case>>,
    cmd: Command,
    error: RwSignal<Option<Violation>>,
) -> bool {
    let Some(c) = case.get_untracked() else {
        return false;
    };
    match app.apply(c, cmd) {
        Ok(()) => {
            error.set(None);
            true
        }
        Err(v) => {
            error.set(Some(v));
            false
        }
    }
}

/// A refusal that the form itself finds (an unreadable date), worded like the engine's.
pub fn form_error(message: &str) -> Violation {
    Violation {
        rule: crate::engine::RuleId("R-STAT-4"),
        message_sv: message.to_string(),
        source: String::new(),
    }
}

pub fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}

/// `<input type="datetime-local">` gives `2026-11-23T14:30`.
pub fn parse_datetime(s: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(s.trim(), "%Y-%m-%dT%H:%M").ok()
}

pub fn datetime_value(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%dT%H:%M").to_string()
}
