//! B. Consent (R-CONS)

use super::PartyId;
use crate::engine::set::VecSet;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// R-CONS-3: which kinds of information may be shared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InformationKind {
    Halsa,
    SocialSituation,
    Skola,
    Ekonomi,
    Boende,
    Sysselsattning,
    Insatser,
}

impl InformationKind {
    pub const ALL: [InformationKind; 7] = [
        InformationKind::Halsa,
        InformationKind::SocialSituation,
        InformationKind::Skola,
        InformationKind::Ekonomi,
        InformationKind::Boende,
        InformationKind::Sysselsattning,
        InformationKind::Insatser,
    ];

    pub fn label_sv(self) -> &'static str {
        use InformationKind::*;
        match self {
            Halsa => "Hälsa och vård",
            SocialSituation => "Social situation",
            Skola => "Skola och förskola",
            Ekonomi => "Ekonomi",
            Boende => "Boende",
            Sysselsattning => "Arbete och sysselsättning",
            Insatser => "Pågående insatser",
        }
    }
}

/// R-CONS-2: the form of consent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConsentForm {
    Skriftligt,
    Muntligt,
    AnnatTecken,
    /// Informed and showed no unwillingness; only where the profile allows it.
    Presumerat,
}

impl ConsentForm {
    pub fn label_sv(self) -> &'static str {
        match self {
            ConsentForm::Skriftligt => "Skriftligt",
            ConsentForm::Muntligt => "Muntligt",
            ConsentForm::AnnatTecken => "Annat tecken (t.ex. en nick)",
            ConsentForm::Presumerat => "Presumerat",
        }
    }
}

/// Who gave consent (R-CONS-6, R-CONS-7).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(tag = "by", content = "id", rename_all = "snake_case")]
pub enum Giver {
    Personen,
    Vardnadshavare(u32),
    Foretradare(u32),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Consent {
    /// R-CONS-1 (a): information exchange between the parties before and at the meeting.
    pub information_exchange: bool,
    /// R-CONS-1 (b): that a SIP is established.
    pub establish_plan: bool,
    /// R-CONS-3: who may take part of information.
    pub parties: VecSet<PartyId>,
    /// R-CONS-3: which information.
    pub information: VecSet<InformationKind>,
    pub form: ConsentForm,
    pub given_by: VecSet<Giver>,
    #[serde(with = "crate::engine::serde_iso::date")]
    pub given: NaiveDate,
    /// R-CONS-4: at most one year after `given`.
    #[serde(with = "crate::engine::serde_iso::date")]
    pub valid_until: NaiveDate,
    /// R-CONS-10: the person consents to a digital meeting.
    pub digital_meeting: bool,
    #[serde(default, with = "crate::engine::serde_iso::date_opt")]
    pub withdrawn: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsentRefusal {
    #[serde(with = "crate::engine::serde_iso::date")]
    pub at: NaiveDate,
    /// R-CONS-5: the person was told what a SIP means.
    pub informed: bool,
}

/// R-CONS-6: "Barnet bedöms moget att självt ta ställning" — a recorded assessment, with who made it and when.
/// Swedish law sets no fixed age; with it the child's own consent suffices where the profile allows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MaturityAssessment {
    pub by: String,
    #[serde(with = "crate::engine::serde_iso::date")]
    pub at: NaiveDate,
}
