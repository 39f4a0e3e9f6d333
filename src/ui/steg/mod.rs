//! One screen per SIP step. Each builds a command from what the coordinator entered and lets the engine apply or
//! refuse it; a refusal is shown in the engine's words.

pub mod avslut;
pub mod behov;
pub mod initiativ;
pub mod kallelse;
pub mod meddelanden;
pub mod mote;
pub mod parter;
pub mod samtycke;
pub mod storskarm;
pub mod utskrivning;

use crate::engine::model::PartyId;
use crate::engine::rules::Violation;
use crate::engine::views::evaluate::Step;
use crate::engine::{Case, Command};
use crate::ui::app::state::AppState;
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

/// Why the engine blocks `step` now (shown beside the step's button before it is pressed).
pub fn blocker(case: Memo<Option<Case>>, step: Step) -> Signal<Option<Violation>> {
    Signal::derive(move || {
        case.with(|c| {
            c.as_ref().and_then(|c| {
                crate::engine::evaluate(
                    c,
                    crate::ui::platform::now(),
                    crate::engine::profiles::get(c.profile()),
                )
                .blocker(step)
            })
        })
    })
}

/// The case's parties as (id, name), for choices.
pub fn party_choices(case: Memo<Option<Case>>) -> Vec<(PartyId, String)> {
    case.with(|c| {
        c.as_ref()
            .map(|c| c.parties().iter().map(|p| (p.id, p.name.clone())).collect())
            .unwrap_or_default()
    })
}

/// A party's name, or nothing when it is not in the case.
pub fn party_name(case: Memo<Option<Case>>, id: PartyId) -> String {
    case.with(|c| {
        c.as_ref()
            .and_then(|c| c.party(id))
            .map(|p| p.name.clone())
            .unwrap_or_default()
    })
}

/// An error the form itself finds (an unreadable date): an input error, shown without a rule id.
pub fn form_error(message: &str) -> Violation {
    Violation::input(message)
}

pub fn parse_date(s: &str) -> Option<NaiveDate> {
    crate::engine::calendar::parse_iso(s)
}

/// `<input type="datetime-local">` gives `2026-11-23T14:30`.
pub fn parse_datetime(s: &str) -> Option<NaiveDateTime> {
    crate::engine::calendar::parse_iso_minutes(s)
}

pub fn datetime_value(t: NaiveDateTime) -> String {
    crate::engine::calendar::iso_minutes(t).replacen(' ', "T", 1)
}
