//! R-PLAN-9: the big screen in the meeting room. What it may show is decided here, once: the plan as it is being
//! written, titled with the person's first name, and nothing else — no identity digits, no phone numbers, no
//! case data outside the plan. The editor builds a [`BoardView`] from its draft and sends only that; the big-screen
//! window never sees the case.

use super::versions::plan_diff;
use crate::engine::calendar::iso;
use crate::engine::case::Case;
use crate::engine::model::{Insats, PartyId, PlanContent};
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
    /// R-UPP-2: its follow-up status ("Pågår"), empty while none is recorded.
    pub status: String,
    /// R-UPP-4: "Ny" or "Ändrad" against the previous version, empty when the same or there is none.
    pub mark: String,
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
    /// R-UPP-4 "Vad ändrades": "Ändrat sedan version 1", empty for a first version.
    pub changes_heading: String,
    /// Each change from the previous version, in the order of the plan.
    pub changes: Vec<String>,
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

/// Who reads the plan: the meeting room's big screen (numbers hidden, contact persons by name only), the printed
/// copy the person and the parties without system access get (R-PLAN-11: with every contact's phone number), or the
/// person's own "Min plan" on their phone (numbers in the free texts hidden — an identity number never leaves the
/// case — and the contacts with their phone numbers).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    Room,
    Paper,
    Person,
}

/// R-PLAN-9: the big-screen projection of a plan draft of this case (its current version), at agenda step
/// `agenda`.
pub fn board_view(case: &Case, content: &PlanContent, agenda: usize) -> BoardView {
    let version = case.current_plan().map_or(0, |p| p.version);
    plan_view(case, version, content, agenda, Audience::Room)
}

/// The plan as people read it ("Lisas plan"), for the room or for paper: `content` of plan version `version`, with
/// its state and what changed from the version before it (R-UPP-4).
pub fn plan_view(
    case: &Case,
    version: u32,
    content: &PlanContent,
    agenda: usize,
    audience: Audience,
) -> BoardView {
    let this = case.plans().iter().find(|p| p.version == version);
    // An editor's draft carries no follow-up status: each insats has the one recorded on it (R-UPP-2). Copied only
    // when there is one to fill in (not on every keystroke of a first version).
    let filled;
    let content = match this {
        Some(p)
            if p.content.insatser.iter().any(|o| o.status.is_some())
                && content.insatser.iter().any(|i| i.status.is_none()) =>
        {
            let mut c = content.clone();
            for i in c.insatser.iter_mut().filter(|i| i.status.is_none()) {
                if let Some(o) = p.content.insatser.iter().find(|o| o.id == i.id) {
                    i.status = o.status;
                    i.status_comment.clone_from(&o.status_comment);
                }
            }
            filled = c;
            &filled
        }
        _ => content,
    };
    let previous = case
        .plans()
        .iter()
        .filter(|p| p.version < version)
        .max_by_key(|p| p.version);
    let room = audience == Audience::Room;
    let hide = audience != Audience::Paper;
    let redact = |s: &str| if hide { redact(s) } else { s.to_string() };
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
        state: this
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
                let before = previous.map(|p| p.content.insatser.iter().find(|o| o.id == i.id));
                let mark = match before {
                    Some(None) => "Ny",
                    Some(Some(o)) if !same_insats(o, i) => "Ändrad",
                    _ => "",
                };
                BoardInsats {
                    what: r(&i.what),
                    who: redact(&who),
                    when: redact(&insats_when(i.start, &i.how_often)),
                    place: r(&i.place),
                    status: i
                        .status
                        .map(|s| s.label_sv().to_string())
                        .unwrap_or_default(),
                    mark: mark.to_string(),
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
                    (false, phone) if !phone.is_empty() => format!("{}, {phone}", r(&c.name)),
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
        changes_heading: previous
            .map(|p| format!("Ändrat sedan version {}", p.version))
            .unwrap_or_default(),
        changes: previous
            .map(|p| {
                plan_diff(case, &p.content, content)
                    .into_iter()
                    .map(|c| {
                        redact(&format!(
                            "{} ({}): {}",
                            c.area,
                            c.kind.label_sv().to_lowercase(),
                            c.text
                        ))
                    })
                    .collect()
            })
            .unwrap_or_default(),
    }
}

/// The same insats as far as the room can see (status and decision aside, which have their own marks).
fn same_insats(a: &Insats, b: &Insats) -> bool {
    (
        &a.what,
        a.unit,
        &a.responsible,
        a.start,
        &a.how_often,
        &a.place,
    ) == (
        &b.what,
        b.unit,
        &b.responsible,
        b.start,
        &b.how_often,
        &b.place,
    )
}
