//! "Min plan" (R-PLAN-11, R-NEED-10, R-AVSL-3): the plan as the person reads it on their own phone — one projection,
//! so what the person's copy may carry is decided here, once. It is the plan's own content as [`plan_view`] gives it
//! for [`Audience::Person`] (numbers in the free texts hidden, so an identity number never leaves the case; the
//! contacts with their phone numbers), with the version's state and date — nothing else of the case.

use super::board::{plan_view, Audience, BoardView};
use super::board_wire::FIELD;
use crate::engine::calendar::{iso, parse_iso};
use crate::engine::case::Case;
use crate::engine::model::PlanState;
use crate::engine::Phase;
use chrono::NaiveDate;

/// Where the plan stands, as the person is told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PersonPlanState {
    /// Established and in force.
    Galler,
    /// Voided by a newer version (R-UPP-4).
    Ersatt,
    /// The SIP is closed (R-AVSL-3: with where to turn if the need returns).
    Avslutad,
    /// Voided without a newer version (consent withdrawn, R-CONS-8).
    Makulerad,
}

impl PersonPlanState {
    /// The one-letter code it travels as.
    fn code(self) -> char {
        match self {
            PersonPlanState::Galler => 'g',
            PersonPlanState::Ersatt => 'e',
            PersonPlanState::Avslutad => 'a',
            PersonPlanState::Makulerad => 'm',
        }
    }

    fn from_code(c: &str) -> Option<Self> {
        Some(match c {
            "g" => PersonPlanState::Galler,
            "e" => PersonPlanState::Ersatt,
            "a" => PersonPlanState::Avslutad,
            "m" => PersonPlanState::Makulerad,
            _ => return None,
        })
    }
}

/// The person's copy of one plan version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonPlan {
    pub state: PersonPlanState,
    pub version: u32,
    /// The version's date: locked, else signed, else established.
    pub date: NaiveDate,
    /// "Lisas plan", the plan as written (no agenda, no "what changed").
    pub plan: BoardView,
}

/// The version of the payload format; a link of another version is refused as damaged.
const FORMAT: &str = "1";

impl PersonPlan {
    /// The copy as one text (the share link's payload before compression and encryption).
    pub fn encode(&self) -> String {
        let mut o = String::new();
        for f in [
            FORMAT.to_string(),
            self.state.code().to_string(),
            self.version.to_string(),
            iso(self.date),
        ] {
            o.push_str(&f);
            o.push(FIELD);
        }
        o.push_str(&self.plan.encode());
        o
    }

    /// Reads what [`PersonPlan::encode`] wrote; `None` for anything else.
    pub fn decode(s: &str) -> Option<PersonPlan> {
        let mut parts = s.splitn(5, FIELD);
        if parts.next()? != FORMAT {
            return None;
        }
        let state = PersonPlanState::from_code(parts.next()?)?;
        let version = parts.next()?.parse().ok()?;
        let date = parse_iso(parts.next()?)?;
        let plan = BoardView::decode(parts.next()?)?;
        Some(PersonPlan {
            state,
            version,
            date,
            plan,
        })
    }
}

/// The person's copy of plan version `version`, once it is established (a draft is not shared).
pub fn person_plan(case: &Case, version: u32) -> Option<PersonPlan> {
    let p = case.plans().iter().find(|p| p.version == version)?;
    let date = p.locked().or(p.signed()).or(p.established())?.date();
    let newer = case.plans().iter().any(|o| o.version > version);
    let voided = p.state() == PlanState::Makulerad;
    let state = if p.state() == PlanState::Utkast {
        return None;
    } else if voided && newer {
        PersonPlanState::Ersatt
    } else if case.phase() == Phase::Makulerad {
        PersonPlanState::Makulerad
    } else if case.phase().is_closed() {
        PersonPlanState::Avslutad
    } else if voided {
        PersonPlanState::Makulerad
    } else {
        PersonPlanState::Galler
    };
    let mut plan = plan_view(case, version, &p.content, 0, Audience::Person);
    plan.changes_heading.clear();
    plan.changes.clear();
    plan.state.clear();
    for i in plan.insatser.iter_mut() {
        i.mark.clear();
    }
    Some(PersonPlan {
        state,
        version,
        date,
        plan,
    })
}
