//! R-PLAN-9: the big screen in the meeting room. What it may show is decided here, once: the plan as it is being
//! written, titled with the person's first name, and nothing else — no identity digits, no phone numbers, no
//! case data outside the plan. The editor builds a [`BoardView`] from its draft and sends only that; the big-screen
//! window never sees the case.

use crate::engine::calendar::iso;
use crate::engine::case::Case;
use crate::engine::model::{PartyId, PlanContent};
use crate::engine::rules::plan::{r_plan_9_title, R_PLAN_8_AGENDA};

pub use super::board_wire::{BoardMessage, BoardReceiver, BoardSender, Stamp, FIELDS};
pub use super::redact::{redact, HIDDEN_NUMBER_SV};

/// One insats as the room sees it: what, by whom, when, where, and whether its own unit has decided it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BoardInsats {
    pub what: String,
    pub who: String,
    pub when: String,
    pub place: String,
    pub decided: bool,
}

/// A line with a party's name: others' actions and contact persons (names only, never phone numbers).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BoardLine {
    pub who: String,
    pub text: String,
}

/// Everything the big screen shows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BoardView {
    /// "Lisas plan" (R-PLAN-9).
    pub title: String,
    pub first_name: String,
    /// Index into the agenda of R-PLAN-8.
    pub agenda: usize,
    pub state: String,
    pub needs: Vec<String>,
    pub long_term_goal: String,
    pub delmal: Vec<String>,
    pub insatser: Vec<BoardInsats>,
    pub self_does: String,
    pub help_needed: String,
    pub others: Vec<BoardLine>,
    pub contacts: Vec<BoardLine>,
    pub disagreements: Vec<String>,
    pub huvudansvarig: String,
    pub follow_up: String,
}

impl BoardView {
    /// The agenda step's label (R-PLAN-8).
    pub fn agenda_label(&self) -> &'static str {
        R_PLAN_8_AGENDA
            .get(self.agenda)
            .map_or(R_PLAN_8_AGENDA[0].1, |(_, l)| l)
    }
}

/// "start 2026-12-01, varje vecka"
pub fn insats_when(start: Option<chrono::NaiveDate>, how_often: &str) -> String {
    let how_often = how_often.trim();
    match (start, how_often.is_empty()) {
        (Some(d), true) => format!("från {}", iso(d)),
        (Some(d), false) => format!("från {}, {how_often}", iso(d)),
        (None, _) => how_often.to_string(),
    }
}

/// Who reads the plan: the meeting room's big screen (numbers hidden, contact persons by name only) or the printed
/// copy the person and the parties without system access get (R-PLAN-11: with every contact's phone number).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    Room,
    Paper,
}

/// R-PLAN-9: the big-screen projection of a plan draft of this case, at agenda step `agenda`.
pub fn board_view(case: &Case, content: &PlanContent, agenda: usize) -> BoardView {
    plan_view(case, content, agenda, Audience::Room)
}

/// The plan as people read it ("Lisas plan"), for the room or for paper.
pub fn plan_view(
    case: &Case,
    content: &PlanContent,
    agenda: usize,
    audience: Audience,
) -> BoardView {
    let room = audience == Audience::Room;
    let redact = |s: &str| if room { redact(s) } else { s.to_string() };
    // Party names pass the redaction too: a unit's name may carry its phone number.
    let name = |id: PartyId| case.party(id).map(|p| redact(&p.name)).unwrap_or_default();
    let lines = |v: &[String]| -> Vec<String> {
        v.iter()
            .map(|s| redact(s.trim()))
            .filter(|s| !s.is_empty())
            .collect()
    };
    let r = |s: &str| redact(s.trim());
    BoardView {
        title: redact(&r_plan_9_title(case.person().first_name())),
        first_name: redact(case.person().first_name()),
        agenda: agenda.min(R_PLAN_8_AGENDA.len() - 1),
        state: case
            .current_plan()
            .map(|p| p.state().label_sv().to_string())
            .unwrap_or_default(),
        needs: lines(&content.needs),
        long_term_goal: r(&content.long_term_goal),
        delmal: content
            .delmal
            .iter()
            .map(|g| r(&g.text))
            .filter(|s| !s.is_empty())
            .collect(),
        insatser: content
            .insatser
            .iter()
            .map(|i| {
                let unit = name(i.unit);
                let who = match (unit.is_empty(), i.responsible.trim().is_empty()) {
                    (false, false) => format!("{unit}, {}", i.responsible.trim()),
                    (false, true) => unit,
                    _ => i.responsible.trim().to_string(),
                };
                BoardInsats {
                    what: r(&i.what),
                    who: redact(&who),
                    when: redact(&insats_when(i.start, &i.how_often)),
                    place: r(&i.place),
                    decided: i.decided,
                }
            })
            .collect(),
        self_does: r(&content.self_does),
        help_needed: r(&content.help_needed),
        others: content
            .others_actions
            .iter()
            .filter(|a| !a.text.trim().is_empty())
            .map(|a| BoardLine {
                who: name(a.party),
                text: r(&a.text),
            })
            .collect(),
        contacts: content
            .contacts
            .iter()
            .filter(|c| !c.name.trim().is_empty())
            .map(|c| BoardLine {
                who: name(c.party),
                text: match (room, c.phone.trim()) {
                    (false, phone) if !phone.is_empty() => format!("{}, {phone}", c.name.trim()),
                    _ => r(&c.name),
                },
            })
            .collect(),
        disagreements: lines(&content.disagreements),
        huvudansvarig: content.huvudansvarig.map(name).unwrap_or_default(),
        follow_up: content
            .follow_up
            .as_ref()
            .map(|f| {
                let place = r(&f.place);
                if place.is_empty() {
                    iso(f.date)
                } else {
                    format!("{}, {place}", iso(f.date))
                }
            })
            .unwrap_or_default(),
    }
}
