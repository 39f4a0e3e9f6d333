//! G. Closing (R-AVSL)

use super::PartyId;
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

/// R-AVSL-1 (and R-NEED-6, R-UTSK-5, R-CONS-8).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClosingReason {
    /// The person, together with all parties, judges the goals of the coordination reached (seed 004).
    MalenUppfyllda,
    IngetBehovFranBadaHuvudman,
    InteNyttBehovInomKort,
    SamtyckeAterkallat,
    LangsiktigtMalAndrat,
    BefintligPlanUppfyllerKraven,
    IngetBehovEfterUtskrivning,
}

impl ClosingReason {
    pub const ALL: [ClosingReason; 7] = [
        ClosingReason::MalenUppfyllda,
        ClosingReason::IngetBehovFranBadaHuvudman,
        ClosingReason::InteNyttBehovInomKort,
        ClosingReason::SamtyckeAterkallat,
        ClosingReason::LangsiktigtMalAndrat,
        ClosingReason::BefintligPlanUppfyllerKraven,
        ClosingReason::IngetBehovEfterUtskrivning,
    ];

    pub fn label_sv(self) -> &'static str {
        use ClosingReason::*;
        match self {
            MalenUppfyllda => "Målen med samordningen är uppfyllda",
            IngetBehovFranBadaHuvudman => {
                "Behov av insatser från båda huvudmännen finns inte längre"
            }
            InteNyttBehovInomKort => "Inget nytt sådant behov väntas inom kort",
            SamtyckeAterkallat => "Samtycket är återkallat",
            LangsiktigtMalAndrat => {
                "Det långsiktiga målet har ändrats väsentligt (ny SIP med nytt samtycke)"
            }
            BefintligPlanUppfyllerKraven => "En befintlig plan uppfyller kraven på en SIP",
            IngetBehovEfterUtskrivning => "Inget behov från båda huvudmännen efter utskrivning",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Closing {
    pub reason: ClosingReason,
    #[serde(with = "crate::engine::serde_iso::datetime")]
    pub at: NaiveDateTime,
    /// R-AVSL-2: who took part in the decision.
    pub participants: Vec<String>,
    pub comment: String,
    /// R-AVSL-1: the person took part in the decision (required when the goals are judged reached).
    #[serde(default)]
    pub person_took_part: bool,
    /// R-AVSL-3: who is told that the SIP no longer applies — every party of the case when it closed.
    #[serde(default)]
    pub notify: Vec<PartyId>,
    /// R-AVSL-2: decided at an evaluation meeting; otherwise by going straight to the evaluation.
    #[serde(default)]
    pub at_meeting: bool,
}
