//! The parties of a case: units of the two huvudmän, other actors, guardians and representatives.

use serde::{Deserialize, Serialize};

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
