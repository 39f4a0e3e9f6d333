//! The phases of the SIP process, as the coordinator names them.

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
