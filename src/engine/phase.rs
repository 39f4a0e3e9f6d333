//! The phases of the SIP process, as the coordinator names them.

use super::case::Case;
use super::model::{ClosingReason, PlanState};
use super::rules::consent::missing_guardians;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    Behov,
    Samtycke,
    Initiativ,
    Kallelse,
    Mote,
    PlanUpprattad,
    Uppfoljning,
    Avslutad,
    /// Consent refused (R-CONS-5).
    Avbojd,
    /// Consent withdrawn, plan voided (R-CONS-8).
    Makulerad,
    /// LPT/LRV: a samordnad vårdplan instead (R-NEED-5).
    SamordnadVardplan,
}

impl Phase {
    /// Every phase, in the order of their codes (the case index keeps a phase as its position here).
    pub const ALL: [Phase; 11] = [
        Phase::Behov,
        Phase::Samtycke,
        Phase::Initiativ,
        Phase::Kallelse,
        Phase::Mote,
        Phase::PlanUpprattad,
        Phase::Uppfoljning,
        Phase::Avslutad,
        Phase::Avbojd,
        Phase::Makulerad,
        Phase::SamordnadVardplan,
    ];

    pub fn label_sv(self) -> &'static str {
        match self {
            Phase::Behov => "Behov",
            Phase::Samtycke => "Samtycke",
            Phase::Initiativ => "Initiativ",
            Phase::Kallelse => "Kallelse",
            Phase::Mote => "Möte",
            Phase::PlanUpprattad => "Plan upprättad",
            Phase::Uppfoljning => "Uppföljning",
            Phase::Avslutad => "Avslutad",
            Phase::Avbojd => "Avböjd",
            Phase::Makulerad => "Makulerad",
            Phase::SamordnadVardplan => "Samordnad vårdplan",
        }
    }

    /// The process has ended (no further steps).
    pub fn is_closed(self) -> bool {
        matches!(
            self,
            Phase::Avslutad | Phase::Avbojd | Phase::Makulerad | Phase::SamordnadVardplan
        )
    }
}

impl Case {
    /// The phase of the process, derived from what has been recorded (never stored twice).
    pub fn phase(&self) -> Phase {
        if let Some(c) = &self.closing {
            // R-CONS-8: a withdrawn consent ends the SIP with its plan voided.
            return if c.reason == ClosingReason::SamtyckeAterkallat {
                Phase::Makulerad
            } else {
                Phase::Avslutad
            };
        }
        if self.consent_refusal.is_some() {
            return Phase::Avbojd;
        }
        if self.consent.as_ref().is_some_and(|c| c.withdrawn.is_some()) {
            return Phase::Makulerad;
        }
        if self
            .need
            .as_ref()
            .is_some_and(|n| n.compulsory_care.is_some())
        {
            return Phase::SamordnadVardplan;
        }
        if let Some(plan) = self.current_plan() {
            if !self.follow_ups.is_empty() {
                return Phase::Uppfoljning;
            }
            if plan.state() != PlanState::Utkast {
                return Phase::PlanUpprattad;
            }
            return Phase::Mote;
        }
        if self.kallelse.is_some() || !self.meetings.is_empty() {
            return Phase::Mote;
        }
        if let Some(init) = &self.initiative {
            return if init.recipients.iter().all(|r| r.answer.is_some()) {
                Phase::Kallelse
            } else {
                Phase::Initiativ
            };
        }
        if let Some(c) = &self.consent {
            let complete = c.information_exchange && missing_guardians(self, c.given).is_empty();
            return if complete {
                Phase::Initiativ
            } else {
                Phase::Samtycke
            };
        }
        let need_confirmed = self.need.as_ref().is_some_and(|n| {
            !n.indicators.is_empty()
                || n.request
                    .as_ref()
                    .is_some_and(|r| r.refused_reason.is_none())
        });
        if need_confirmed {
            Phase::Samtycke
        } else {
            Phase::Behov
        }
    }
}
