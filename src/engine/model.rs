//! The parts of a SIP case beyond the person: parties, need, consent, initiative, kallelse, discharge, meetings,
//! plan versions, follow-ups, closing, messages and the event log. Plain data: every change goes through
//! [`crate::engine::process`], which checks the rules.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// A party's id within its case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PartyId(pub u32);

/// The two principals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Huvudman {
    Kommun,
    Region,
}

impl Huvudman {
    pub fn label_sv(self) -> &'static str {
        match self {
            Huvudman::Kommun => "Kommun",
            Huvudman::Region => "Region",
        }
    }
}

/// Units of a huvudman (R-NEED-9: these start and run the process).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    // kommun
    SocialtjanstMyndighet,
    SocialtjanstUtforare,
    KommunalHalsoSjukvard,
    Forskola,
    Skola,
    Elevhalsa,
    Mottagningsenhet,
    // region
    Vardcentral,
    Psykiatri,
    Habilitering,
    SlutenVard,
    OppenVardRegion,
    AnnanRegionVard,
    AnnanKommunVerksamhet,
}

impl UnitKind {
    pub const ALL: [UnitKind; 14] = [
        UnitKind::SocialtjanstMyndighet,
        UnitKind::SocialtjanstUtforare,
        UnitKind::KommunalHalsoSjukvard,
        UnitKind::Forskola,
        UnitKind::Skola,
        UnitKind::Elevhalsa,
        UnitKind::Mottagningsenhet,
        UnitKind::AnnanKommunVerksamhet,
        UnitKind::Vardcentral,
        UnitKind::Psykiatri,
        UnitKind::Habilitering,
        UnitKind::SlutenVard,
        UnitKind::OppenVardRegion,
        UnitKind::AnnanRegionVard,
    ];

    pub fn huvudman(self) -> Huvudman {
        use UnitKind::*;
        match self {
            SocialtjanstMyndighet
            | SocialtjanstUtforare
            | KommunalHalsoSjukvard
            | Forskola
            | Skola
            | Elevhalsa
            | Mottagningsenhet
            | AnnanKommunVerksamhet => Huvudman::Kommun,
            Vardcentral | Psykiatri | Habilitering | SlutenVard | OppenVardRegion
            | AnnanRegionVard => Huvudman::Region,
        }
    }

    pub fn label_sv(self) -> &'static str {
        use UnitKind::*;
        match self {
            SocialtjanstMyndighet => "Socialtjänst, myndighet",
            SocialtjanstUtforare => "Socialtjänst, utförare",
            KommunalHalsoSjukvard => "Kommunal hälso- och sjukvård",
            Forskola => "Förskola",
            Skola => "Skola",
            Elevhalsa => "Elevhälsa",
            Mottagningsenhet => "Mottagningsenhet (kommunen)",
            AnnanKommunVerksamhet => "Annan kommunal verksamhet",
            Vardcentral => "Vårdcentral",
            Psykiatri => "Psykiatri",
            Habilitering => "Habilitering",
            SlutenVard => "Slutenvård",
            OppenVardRegion => "Regionens öppenvård (fast vårdkontakt)",
            AnnanRegionVard => "Annan regional vård",
        }
    }
}

/// Other actors (they may point out a need or be invited, but do not own the process).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    Forsakringskassan,
    Arbetsformedlingen,
    Kriminalvarden,
    Tandvarden,
    HvbHem,
    PersonligtOmbud,
    Frivilligorganisation,
    Narstaende,
    GodMan,
    AnnanAktor,
}

impl ActorKind {
    pub const ALL: [ActorKind; 10] = [
        ActorKind::Forsakringskassan,
        ActorKind::Arbetsformedlingen,
        ActorKind::Kriminalvarden,
        ActorKind::Tandvarden,
        ActorKind::HvbHem,
        ActorKind::PersonligtOmbud,
        ActorKind::Frivilligorganisation,
        ActorKind::Narstaende,
        ActorKind::GodMan,
        ActorKind::AnnanAktor,
    ];

    pub fn label_sv(self) -> &'static str {
        use ActorKind::*;
        match self {
            Forsakringskassan => "Försäkringskassan",
            Arbetsformedlingen => "Arbetsförmedlingen",
            Kriminalvarden => "Kriminalvården/frivården",
            Tandvarden => "Tandvården",
            HvbHem => "HVB-hem",
            PersonligtOmbud => "Personligt ombud",
            Frivilligorganisation => "Frivilligorganisation",
            Narstaende => "Närstående",
            GodMan => "God man",
            AnnanAktor => "Annan aktör",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "type", content = "kind", rename_all = "snake_case")]
pub enum PartyKind {
    Unit(UnitKind),
    Actor(ActorKind),
}

impl PartyKind {
    pub fn huvudman(self) -> Option<Huvudman> {
        match self {
            PartyKind::Unit(u) => Some(u.huvudman()),
            PartyKind::Actor(_) => None,
        }
    }

    pub fn label_sv(self) -> &'static str {
        match self {
            PartyKind::Unit(u) => u.label_sv(),
            PartyKind::Actor(a) => a.label_sv(),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    pub name: String,
    pub phone: String,
    pub email: String,
}

/// A unit or actor taking part in the case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Party {
    pub id: PartyId,
    pub kind: PartyKind,
    /// The unit's name ("Vårdcentralen Centrum").
    pub name: String,
    pub contact: Contact,
    /// Reached through the IT service; otherwise invited by letter (R-KALL-4).
    pub has_system_access: bool,
    /// The person has an ongoing, relevant contact here (R-INIT-2 routing).
    pub ongoing_contact: bool,
}

/// What the coordinator fills in for a party.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartyInput {
    pub kind: PartyKind,
    pub name: String,
    pub contact: Contact,
    pub has_system_access: bool,
    pub ongoing_contact: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Guardian {
    pub id: u32,
    pub name: String,
    pub phone: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RepresentativeKind {
    Foretradare,
    GodMan,
    Forvaltare,
    Framtidsfullmakt,
}

impl RepresentativeKind {
    pub fn label_sv(self) -> &'static str {
        match self {
            RepresentativeKind::Foretradare => "Företrädare",
            RepresentativeKind::GodMan => "God man",
            RepresentativeKind::Forvaltare => "Förvaltare",
            RepresentativeKind::Framtidsfullmakt => "Framtidsfullmakt",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Representative {
    pub id: u32,
    pub name: String,
    pub kind: RepresentativeKind,
}

// ---------------------------------------------------------------- need (R-NEED)

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
    pub indicators: BTreeSet<Indicator>,
    pub compulsory_care: Option<CompulsoryCare>,
    pub request: Option<Request>,
    /// R-NEED-2: at discharge the offer of a SIP was recorded: accepted (true) or declined (false).
    pub discharge_offer_accepted: Option<bool>,
}

// ---------------------------------------------------------------- consent (R-CONS)

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
    pub parties: BTreeSet<PartyId>,
    /// R-CONS-3: which information.
    pub information: BTreeSet<InformationKind>,
    pub form: ConsentForm,
    pub given_by: BTreeSet<Giver>,
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

// ---------------------------------------------------------------- initiative (R-INIT)

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

// ---------------------------------------------------------------- kallelse (R-KALL)

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    pub text: String,
    /// The party the question is for (what it can contribute).
    pub party: Option<PartyId>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum Place {
    Plats(String),
    Digitalt,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KallelseAnswer {
    #[serde(with = "crate::engine::serde_iso::datetime")]
    pub at: NaiveDateTime,
    pub attendee: String,
    pub substitute: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KallelseRecipient {
    pub party: PartyId,
    /// Summoned (must attend) or invited (R-KALL-4).
    pub summoned: bool,
    pub answer: Option<KallelseAnswer>,
}

/// What the coordinator writes before sending a kallelse.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct KallelseDraft {
    pub purpose: String,
    /// "Vad är viktigt för dig?"
    pub long_term_goal: String,
    pub questions: Vec<Question>,
    #[serde(default, with = "crate::engine::serde_iso::datetime_opt")]
    pub meeting_at: Option<NaiveDateTime>,
    pub place: Option<Place>,
    /// R-KALL-2: how the person and närstående take part.
    pub participation: String,
    pub recipients: Vec<PartyId>,
    /// R-ROLE-3: who documents, decided beforehand.
    pub documenter: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kallelse {
    pub purpose: String,
    pub long_term_goal: String,
    pub questions: Vec<Question>,
    #[serde(with = "crate::engine::serde_iso::datetime")]
    pub meeting_at: NaiveDateTime,
    pub place: Place,
    pub participation: String,
    pub recipients: Vec<KallelseRecipient>,
    pub documenter: String,
    #[serde(with = "crate::engine::serde_iso::datetime")]
    pub sent: NaiveDateTime,
}

// ---------------------------------------------------------------- discharge (R-UTSK)

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Discharge {
    #[serde(with = "crate::engine::serde_iso::datetime")]
    pub admitted: NaiveDateTime,
    /// R-UTSK-1: the doctor judged that insatser may be needed after discharge.
    pub insatser_may_be_needed: bool,
    #[serde(default, with = "crate::engine::serde_iso::datetime_opt")]
    pub utskrivningsklar: Option<NaiveDateTime>,
}

// ---------------------------------------------------------------- meetings and plans (R-PLAN)

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
    pub attendees: BTreeSet<PartyId>,
    pub person_present: bool,
    pub chair: Option<PartyId>,
    pub documenter: String,
    pub digital: bool,
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

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanVersion {
    pub version: u32,
    pub state: PlanState,
    pub content: PlanContent,
    #[serde(with = "crate::engine::serde_iso::datetime")]
    pub created: NaiveDateTime,
    #[serde(default, with = "crate::engine::serde_iso::datetime_opt")]
    pub established: Option<NaiveDateTime>,
    #[serde(default, with = "crate::engine::serde_iso::datetime_opt")]
    pub signed: Option<NaiveDateTime>,
    #[serde(default, with = "crate::engine::serde_iso::datetime_opt")]
    pub locked: Option<NaiveDateTime>,
    #[serde(default, with = "crate::engine::serde_iso::datetime_opt")]
    pub voided: Option<NaiveDateTime>,
    /// R-PLAN-10 (VGR): the person agrees with the planning.
    pub person_agrees: Option<bool>,
    /// R-PLAN-10 (Västmanland): the person and the samordningsansvarig signed the printed plan.
    pub printed_signatures: bool,
}

// ---------------------------------------------------------------- follow-up and closing

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityFollowUp {
    pub insats: u32,
    pub status: ActivityStatus,
    pub comment: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUp {
    #[serde(with = "crate::engine::serde_iso::datetime")]
    pub at: NaiveDateTime,
    pub plan_version: u32,
    pub activities: Vec<ActivityFollowUp>,
    pub comment: String,
}

/// R-AVSL-1 (and R-NEED-6, R-UTSK-5, R-CONS-8).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClosingReason {
    IngetBehovFranBadaHuvudman,
    InteNyttBehovInomKort,
    SamtyckeAterkallat,
    LangsiktigtMalAndrat,
    BefintligPlanUppfyllerKraven,
    IngetBehovEfterUtskrivning,
}

impl ClosingReason {
    pub const ALL: [ClosingReason; 6] = [
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
    /// R-AVSL-3: who is told that the SIP no longer applies — every party of the case when it closed.
    #[serde(default)]
    pub notify: Vec<PartyId>,
}

/// R-INIT-7: an information message between participants.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    pub author: String,
    #[serde(with = "crate::engine::serde_iso::datetime")]
    pub at: NaiveDateTime,
    pub text: String,
}

/// R-STAT-3: a deviation in the collaboration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deviation {
    #[serde(with = "crate::engine::serde_iso::datetime")]
    pub at: NaiveDateTime,
    pub rule: String,
    pub text: String,
}

/// The roles of the process (R-INIT-4, R-ROLE-2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Roles {
    pub samordningsansvarig: Option<PartyId>,
    pub samordningsansvarig_person: String,
    pub chair: Option<PartyId>,
}

/// One line of the append-only event log: who, what, when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    #[serde(with = "crate::engine::serde_iso::datetime")]
    pub at: NaiveDateTime,
    pub who: String,
    pub what: String,
}
