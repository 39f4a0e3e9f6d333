//! The meeting screen's projection (R-PLAN-1…15): who may be chosen where, what the room is told at each step,
//! the live checks of a draft (R-PLAN-1, -2, -3), what must be documented after locking, the KVÅ code and how long
//! the plan is kept. The screen shows these; it checks nothing itself.

use crate::engine::calendar::iso;
use crate::engine::case::Case;
use crate::engine::model::{Insats, MeetingKind, PartyId, PartyKind, PlanContent, PlanVersion};
use crate::engine::profiles::Profile;
use crate::engine::rules::plan::{self, PlanItem};
use crate::engine::rules::{consent, Finding};
use chrono::{NaiveDate, NaiveDateTime};

/// The parties offered in the plan's choices.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PlanParties {
    /// Units of the two huvudmän: an insats, a contact person, the huvudansvarig (R-PLAN-12).
    pub units: Vec<(PartyId, String)>,
    /// Other actors inside the consent scope, the only ones whose actions enter the plan (R-CONS-11).
    pub actors: Vec<(PartyId, String)>,
    pub all: Vec<(PartyId, String)>,
}

pub fn plan_parties(case: &Case) -> PlanParties {
    let named = |keep: &dyn Fn(&crate::engine::model::Party) -> bool| {
        case.parties()
            .iter()
            .filter(|p| keep(p))
            .map(|p| (p.id, p.name.clone()))
            .collect::<Vec<_>>()
    };
    PlanParties {
        units: named(&|p| matches!(p.kind, PartyKind::Unit(_))),
        actors: named(&|p| {
            matches!(p.kind, PartyKind::Actor(_))
                && consent::r_cons_11_actor_in_scope(case, p.id).is_ok()
        }),
        all: named(&|_| true),
    }
}

/// The meeting as held: when, who, who chairs and documents, and the KVÅ code to suggest (R-PLAN-14).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingFacts {
    pub at: NaiveDateTime,
    pub attendees: Vec<(PartyId, String)>,
    pub person_present: bool,
    pub chair: Option<String>,
    pub documenter: String,
    /// R-PLAN-14 in words: the region units' code, or why there is none.
    pub kva: String,
}

pub fn last_meeting(case: &Case, profile: &Profile) -> Option<MeetingFacts> {
    let m = case.meetings().last()?;
    let name = |id: PartyId| case.party(id).map(|p| p.name.clone());
    Some(MeetingFacts {
        at: m.at,
        attendees: m
            .attendees
            .iter()
            .filter_map(|p| name(*p).map(|n| (*p, n)))
            .collect(),
        person_present: m.person_present,
        chair: m.chair.and_then(name),
        documenter: m.documenter.clone(),
        kva: plan::r_plan_14_kva_sv(m.kind, case.discharge().is_some(), m.digital, profile),
    })
}

/// The KVÅ code of a meeting of this kind in this case (R-PLAN-14), in words, shown before it starts: the planning
/// meeting's, or AW010 for a follow-up where the profile has it.
pub fn meeting_kva(case: &Case, kind: MeetingKind, digital: bool, profile: &Profile) -> String {
    plan::r_plan_14_kva_sv(kind, case.discharge().is_some(), digital, profile)
}

/// What the frame of the meeting says about the consent (R-PLAN-8, first step).
pub fn consent_line(case: &Case) -> Option<String> {
    let c = case.consent()?;
    Some(format!(
        "Samtycket gäller till och med {} och omfattar: {}.",
        iso(c.valid_until),
        c.parties
            .iter()
            .filter_map(|p| case.party(*p).map(|p| p.name.clone()))
            .collect::<Vec<_>>()
            .join(", ")
    ))
}

/// R-PLAN-2 on a goal as typed.
pub fn goal_findings(case: &Case, goal: &str) -> Vec<Finding> {
    plan::r_plan_2_goal_lint(goal, case.person().first_name())
        .into_iter()
        .collect()
}

/// R-PLAN-2 on each delmål as typed.
pub fn delmal_findings(case: &Case, delmal: &[String]) -> Vec<Finding> {
    delmal
        .iter()
        .filter_map(|g| plan::r_plan_2_goal_lint(g, case.person().first_name()))
        .collect()
}

/// R-PLAN-3 on an insats as typed.
pub fn insats_findings(insats: &Insats) -> Vec<Finding> {
    plan::r_plan_3_lint(insats).into_iter().collect()
}

/// R-PLAN-1 (with -6, -12): what the draft still misses, as "what (rule)".
pub fn missing(content: &PlanContent) -> Vec<String> {
    plan::r_plan_1_missing(content)
        .into_iter()
        .map(|m: PlanItem| format!("{} ({})", m.label_sv(), m.rule()))
        .collect()
}

/// R-PLAN-10: what must still be documented for the locked plan in this profile.
pub fn lifecycle_records(case: &Case, profile: &Profile) -> Vec<Finding> {
    plan::r_plan_10_agreement(case, profile)
        .into_iter()
        .collect()
}

/// R-PLAN-15: the date until which the plan is kept.
pub fn kept_until(plan: &PlanVersion) -> Option<NaiveDate> {
    plan::r_plan_15_retention(plan)
}

/// R-PLAN-4: whether the stored plan has this insats decided by its own unit.
pub fn decided(case: &Case, insats: u32) -> bool {
    case.current_plan()
        .and_then(|p| p.content.insatser.iter().find(|i| i.id == insats))
        .is_some_and(|i| i.decided)
}

/// R-PLAN-8's agenda and R-PLAN-13's reminder, as the meeting screen shows them.
pub use crate::engine::rules::plan::{R_PLAN_13_SV, R_PLAN_8_AGENDA};
