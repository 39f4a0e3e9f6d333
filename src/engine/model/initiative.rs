//! C. Preparation and initiative (R-INIT)

use super::PartyId;
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

/// R-INIT-6.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Urgency {
    Akut,
    KanVanta,
}

impl Urgency {
    pub fn label_sv(self) -> &'static str {
        match self {
            Urgency::Akut => "Akut",
            Urgency::KanVanta => "Kan vänta",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "answer", rename_all = "snake_case")]
pub enum InitiativeAnswer {
    Kvitterad {
        #[serde(with = "crate::engine::serde_iso::datetime")]
        at: NaiveDateTime,
    },
    Nekad {
        #[serde(with = "crate::engine::serde_iso::datetime")]
        at: NaiveDateTime,
        referral: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InitiativeRecipient {
    pub party: PartyId,
    #[serde(with = "crate::engine::serde_iso::datetime")]
    pub sent: NaiveDateTime,
    pub answer: Option<InitiativeAnswer>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Initiative {
    pub initiator: PartyId,
    pub reason: String,
    pub urgency: Urgency,
    #[serde(with = "crate::engine::serde_iso::datetime")]
    pub sent: NaiveDateTime,
    pub recipients: Vec<InitiativeRecipient>,
}

/// R-INIT-5: preparation with the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PrepItem {
    VilkaEnheterOchPersoner,
    SyfteOchFragor,
    SituationOchLangsiktigtMal,
    Prioriteringar,
    HurMotetGarTill,
    HurPersonenDeltar,
    SipKollen,
}

impl PrepItem {
    pub const ALL: [PrepItem; 7] = [
        PrepItem::VilkaEnheterOchPersoner,
        PrepItem::SyfteOchFragor,
        PrepItem::SituationOchLangsiktigtMal,
        PrepItem::Prioriteringar,
        PrepItem::HurMotetGarTill,
        PrepItem::HurPersonenDeltar,
        PrepItem::SipKollen,
    ];

    pub fn label_sv(self) -> &'static str {
        use PrepItem::*;
        match self {
            VilkaEnheterOchPersoner => "Vilka verksamheter och personer är viktiga",
            SyfteOchFragor => "Syftet och frågorna",
            SituationOchLangsiktigtMal => {
                "Situationen och det långsiktiga målet (Vad är viktigt för dig?)"
            }
            Prioriteringar => "Prioriteringar",
            HurMotetGarTill => "Hur mötet kommer att gå till",
            HurPersonenDeltar => "Hur personen och närstående vill delta",
            SipKollen => "Berättat om SIP-kollen",
        }
    }
}
