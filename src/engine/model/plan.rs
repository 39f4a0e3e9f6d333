//! E. The meeting and the plan (R-PLAN): meetings, plan content, and plan versions with their lifecycle.

use super::PartyId;
use crate::engine::set::VecSet;
use crate::engine::violation::{ensure, Violation};
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeetingKind {
    Planering,
    Uppfoljning,
    Utvardering,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    #[serde(with = "crate::engine::serde_iso::datetime")]
    pub at: NaiveDateTime,
    pub kind: MeetingKind,
    pub attendees: VecSet<PartyId>,
    pub person_present: bool,
    pub chair: Option<PartyId>,
    pub documenter: String,
    pub digital: bool,
    /// R-STAT-2: the person was told about SIP-kollen at the end of this meeting.
    #[serde(default)]
    pub sip_kollen_told: bool,
}

/// R-UPP-2: the status of an activity at follow-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActivityStatus {
    EjPaborjad,
    Pagar,
    Klart,
    EjGenomford,
}

impl ActivityStatus {
    pub fn label_sv(self) -> &'static str {
        match self {
            ActivityStatus::EjPaborjad => "Ej påbörjad",
            ActivityStatus::Pagar => "Pågår",
            ActivityStatus::Klart => "Klart",
            ActivityStatus::EjGenomford => "Ej genomförd",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Goal {
    pub text: String,
}

/// An insats or activity (R-PLAN-1, -3, -4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Insats {
    pub id: u32,
    pub what: String,
    /// The one unit it belongs to.
    pub unit: PartyId,
    pub responsible: String,
    #[serde(default, with = "crate::engine::serde_iso::date_opt")]
    pub start: Option<NaiveDate>,
    pub how_often: String,
    pub place: String,
    /// Marked decided only by a participant of its own unit (R-PLAN-4).
    pub decided: bool,
    pub status: Option<ActivityStatus>,
    pub status_comment: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OtherAction {
    pub party: PartyId,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactPerson {
    pub party: PartyId,
    pub name: String,
    pub phone: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUpPlan {
    #[serde(with = "crate::engine::serde_iso::date")]
    pub date: NaiveDate,
    pub place: String,
}

/// The content of a plan version, as edited in the meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct PlanContent {
    pub needs: Vec<String>,
    pub long_term_goal: String,
    pub delmal: Vec<Goal>,
    pub insatser: Vec<Insats>,
    pub self_does: String,
    pub help_needed: String,
    pub others_actions: Vec<OtherAction>,
    pub contacts: Vec<ContactPerson>,
    pub disagreements: Vec<String>,
    pub huvudansvarig: Option<PartyId>,
    pub documenter: String,
    pub follow_up: Option<FollowUpPlan>,
}

/// R-PLAN-10 lifecycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanState {
    Utkast,
    Upprattad,
    Signerad,
    Last,
    Makulerad,
}

impl PlanState {
    pub fn label_sv(self) -> &'static str {
        match self {
            PlanState::Utkast => "Utkast",
            PlanState::Upprattad => "Upprättad",
            PlanState::Signerad => "Signerad",
            PlanState::Last => "Låst",
            PlanState::Makulerad => "Makulerad",
        }
    }

    pub fn editable(self) -> bool {
        matches!(
            self,
            PlanState::Utkast | PlanState::Upprattad | PlanState::Signerad
        )
    }
}

/// One version of the plan. Its state changes only through the named transitions below, each of which checks
/// that the lifecycle allows it (R-PLAN-10: established → signed → locked; any version may be voided).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanVersion {
    pub version: u32,
    state: PlanState,
    pub content: PlanContent,
    #[serde(with = "crate::engine::serde_iso::datetime")]
    created: NaiveDateTime,
    #[serde(default, with = "crate::engine::serde_iso::datetime_opt")]
    established: Option<NaiveDateTime>,
    #[serde(default, with = "crate::engine::serde_iso::datetime_opt")]
    signed: Option<NaiveDateTime>,
    #[serde(default, with = "crate::engine::serde_iso::datetime_opt")]
    locked: Option<NaiveDateTime>,
    #[serde(default, with = "crate::engine::serde_iso::datetime_opt")]
    voided: Option<NaiveDateTime>,
    /// R-PLAN-10 (VGR): the person agrees with the planning.
    pub person_agrees: Option<bool>,
    /// R-PLAN-10 (Västmanland): the person and the samordningsansvarig signed the printed plan.
    pub printed_signatures: bool,
}

impl PlanVersion {
    /// A new draft.
    pub fn new(version: u32, content: PlanContent, now: NaiveDateTime) -> PlanVersion {
        PlanVersion {
            version,
            state: PlanState::Utkast,
            content,
            created: now,
            established: None,
            signed: None,
            locked: None,
            voided: None,
            person_agrees: None,
            printed_signatures: false,
        }
    }

    pub fn state(&self) -> PlanState {
        self.state
    }
    pub fn created(&self) -> NaiveDateTime {
        self.created
    }
    pub fn established(&self) -> Option<NaiveDateTime> {
        self.established
    }
    pub fn signed(&self) -> Option<NaiveDateTime> {
        self.signed
    }
    pub fn locked(&self) -> Option<NaiveDateTime> {
        self.locked
    }
    pub fn voided(&self) -> Option<NaiveDateTime> {
        self.voided
    }

    /// R-PLAN-10: the lifecycle's order.
    fn expect(&self, required: PlanState, what: &str) -> Result<(), Violation> {
        ensure(
            self.state == required,
            "R-PLAN-10",
            format!(
                "Planen måste vara {} innan den kan {what}.",
                required.label_sv().to_lowercase()
            ),
        )
    }

    pub fn check_can_establish(&self) -> Result<(), Violation> {
        self.expect(PlanState::Utkast, "upprättas")
    }

    pub fn check_can_sign(&self) -> Result<(), Violation> {
        self.expect(PlanState::Upprattad, "signeras")
    }

    pub fn check_can_lock(&self) -> Result<(), Violation> {
        self.expect(PlanState::Signerad, "låsas")
    }

    /// A draft becomes the established plan.
    pub(crate) fn establish(&mut self, now: NaiveDateTime) -> Result<(), Violation> {
        self.check_can_establish()?;
        self.state = PlanState::Upprattad;
        self.established = Some(now);
        Ok(())
    }

    /// The samordningsansvarig signs the established plan (visible to all participants).
    pub(crate) fn sign(&mut self, now: NaiveDateTime) -> Result<(), Violation> {
        self.check_can_sign()?;
        self.state = PlanState::Signerad;
        self.signed = Some(now);
        Ok(())
    }

    /// The samordningsansvarig locks the signed plan.
    pub(crate) fn lock(&mut self, now: NaiveDateTime) -> Result<(), Violation> {
        self.check_can_lock()?;
        self.state = PlanState::Last;
        self.locked = Some(now);
        Ok(())
    }

    /// The version no longer applies (withdrawn consent, a new version, a restarted process); it is kept, readable.
    /// A version already voided keeps its date.
    pub(crate) fn void(&mut self, now: NaiveDateTime) {
        if self.state != PlanState::Makulerad {
            self.state = PlanState::Makulerad;
            self.voided = Some(now);
        }
    }
}
