//! A. Is a SIP needed? (R-NEED)

use crate::engine::set::VecSet;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// R-NEED-3: signs that a SIP is needed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Indicator {
    SamordningEfterfragas,
    KompetensFranFleraEnheter,
    OklartAnsvar,
    InsatserSamtidigtEllerIOrdning,
    BollasRunt,
    EfterUtskrivning,
    Rehabiliteringsplan,
    FleraMyndigheter,
    NarstaendeFormedlar,
    MissbrukEllerSpel,
}

impl Indicator {
    pub const ALL: [Indicator; 10] = [
        Indicator::SamordningEfterfragas,
        Indicator::KompetensFranFleraEnheter,
        Indicator::OklartAnsvar,
        Indicator::InsatserSamtidigtEllerIOrdning,
        Indicator::BollasRunt,
        Indicator::EfterUtskrivning,
        Indicator::Rehabiliteringsplan,
        Indicator::FleraMyndigheter,
        Indicator::NarstaendeFormedlar,
        Indicator::MissbrukEllerSpel,
    ];

    pub fn label_sv(self) -> &'static str {
        use Indicator::*;
        match self {
            SamordningEfterfragas => "Personen eller närstående efterfrågar samordning",
            KompetensFranFleraEnheter => "Det behövs kompetens från flera verksamheter",
            OklartAnsvar => "Det är oklart vem som ansvarar för vad",
            InsatserSamtidigtEllerIOrdning => {
                "Insatser behöver ges samtidigt eller i en viss ordning"
            }
            BollasRunt => "Personen blir bollad eller hänvisad runt",
            EfterUtskrivning => "Behov av insatser efter utskrivning från slutenvård",
            Rehabiliteringsplan => "En rehabiliteringsplan behöver samordnas",
            FleraMyndigheter => "Kontakt med flera myndigheter samtidigt",
            NarstaendeFormedlar => "Närstående lägger mycket tid på att förmedla information",
            MissbrukEllerSpel => "Missbruk eller spelproblem",
        }
    }

    /// Short form for the initiative reason ("behov av samordning av …").
    pub fn reason_sv(self) -> &'static str {
        use Indicator::*;
        match self {
            SamordningEfterfragas => "samordning efterfrågas",
            KompetensFranFleraEnheter => "kompetens från flera verksamheter",
            OklartAnsvar => "oklart ansvar",
            InsatserSamtidigtEllerIOrdning => "insatser samtidigt eller i viss ordning",
            BollasRunt => "personen hänvisas runt",
            EfterUtskrivning => "insatser efter utskrivning",
            Rehabiliteringsplan => "rehabiliteringsplan",
            FleraMyndigheter => "kontakter med flera myndigheter",
            NarstaendeFormedlar => "närstående förmedlar information",
            MissbrukEllerSpel => "missbruk eller spel",
        }
    }
}

/// R-NEED-5: open compulsory care.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CompulsoryCare {
    /// Öppen psykiatrisk tvångsvård.
    Lpt,
    /// Öppen rättspsykiatrisk vård.
    Lrv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Requester {
    Personen,
    Narstaende,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Request {
    pub by: Requester,
    #[serde(with = "crate::engine::serde_iso::date")]
    pub at: NaiveDate,
    /// R-NEED-4: a refusal, only with its reason.
    pub refused_reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NeedAssessment {
    /// When the need was detected (R-NEED-8 counts from here).
    #[serde(with = "crate::engine::serde_iso::date")]
    pub detected: NaiveDate,
    pub indicators: VecSet<Indicator>,
    pub compulsory_care: Option<CompulsoryCare>,
    pub request: Option<Request>,
    /// R-NEED-2: at discharge the offer of a SIP was recorded: accepted (true) or declined (false).
    pub discharge_offer_accepted: Option<bool>,
}
