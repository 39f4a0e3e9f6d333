//! C. Preparation and initiative (R-INIT)

use super::{ensure, Finding, Violation};
use crate::engine::case::Case;
use crate::engine::model::{
    Huvudman, InitiativeAnswer, PartyId, PartyKind, PrepItem, UnitKind, Urgency,
};
use crate::engine::profiles::Profile;

/// R-INIT-1: a decline names the unit that should get the initiative instead.
pub fn r_init_1_referral(referral: &str) -> Result<(), Violation> {
    ensure(
        !referral.trim().is_empty(),
        "R-INIT-1",
        "Den som nekar ska ange vilken enhet som i stället ska få initiativet.",
    )
}

/// R-INIT-6: the urgency is judged and stated before the initiative is sent.
pub fn r_init_6_urgency(urgency: Option<Urgency>) -> Result<Urgency, Violation> {
    urgency.ok_or_else(|| {
        Violation::new(
            "R-INIT-6",
            "Ange hur brådskande samordningen är: akut eller kan vänta.",
        )
    })
}

/// A suggested recipient of the initiative (R-INIT-2), with its Swedish line for the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    pub kind: SuggestionKind,
    pub text_sv: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SuggestionKind {
    /// A unit of the other huvudman where the person has ongoing contact.
    OngoingContact(PartyId),
    /// The unit a declining recipient named instead (R-INIT-1), as written.
    Referral(String),
    /// The unit with basic responsibility when no contact is ongoing: the vårdcentral, or the kommun's unit —
    /// a party of the case when it is one.
    BasicResponsibility(Option<PartyId>),
}

impl Suggestion {
    /// The party of the case it names, if any.
    pub fn party(&self) -> Option<PartyId> {
        match self.kind {
            SuggestionKind::OngoingContact(p) => Some(p),
            SuggestionKind::BasicResponsibility(p) => p,
            SuggestionKind::Referral(_) => None,
        }
    }
}

/// R-INIT-2: routing of the initiative from the initiator's huvudman to the other one.
pub fn r_init_2_suggested_recipients(
    case: &Case,
    initiator: PartyId,
    profile: &Profile,
) -> Vec<Suggestion> {
    let Some(from) = case.party(initiator).and_then(|p| p.kind.huvudman()) else {
        return Vec::new();
    };
    let other = if from == Huvudman::Kommun {
        Huvudman::Region
    } else {
        Huvudman::Kommun
    };
    let mut out: Vec<Suggestion> = case
        .parties()
        .iter()
        .filter(|p| p.id != initiator && p.kind.huvudman() == Some(other) && p.ongoing_contact)
        .map(|p| Suggestion {
            kind: SuggestionKind::OngoingContact(p.id),
            text_sv: format!("{} (pågående kontakt)", p.name),
        })
        .collect();
    // Referrals from declines become suggestions too.
    out.extend(r_init_2_referrals(case));
    if out
        .iter()
        .any(|s| matches!(s.kind, SuggestionKind::OngoingContact(_)))
    {
        return out;
    }
    let fallback_kind = match other {
        Huvudman::Region => UnitKind::Vardcentral,
        Huvudman::Kommun => UnitKind::Mottagningsenhet,
    };
    let existing = case
        .parties()
        .iter()
        .find(|p| p.kind == PartyKind::Unit(fallback_kind));
    let text = match (other, profile.meeting_within_weeks.is_some()) {
        (Huvudman::Region, _) => {
            "Personens vårdcentral (grundansvar när ingen regional kontakt pågår)".to_string()
        }
        (Huvudman::Kommun, true) => {
            "Kommunens mottagningsenhet (inget kommunalt stöd pågår)".to_string()
        }
        (Huvudman::Kommun, false) => {
            "Kommunens verksamhet med grundansvar (inget kommunalt stöd pågår)".to_string()
        }
    };
    out.push(Suggestion {
        kind: SuggestionKind::BasicResponsibility(existing.map(|p| p.id)),
        text_sv: text,
    });
    out
}

/// R-INIT-1 / R-INIT-2: the units declining recipients named instead, as suggestions.
pub fn r_init_2_referrals(case: &Case) -> Vec<Suggestion> {
    case.initiative()
        .map(|init| {
            init.recipients
                .iter()
                .filter_map(|r| match &r.answer {
                    Some(InitiativeAnswer::Nekad { referral, .. }) => Some(Suggestion {
                        kind: SuggestionKind::Referral(referral.clone()),
                        text_sv: format!("{referral} (hänvisad av nekande enhet)"),
                    }),
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default()
}

/// R-INIT-3: the reason is short; no histories or investigations.
pub fn r_init_3_short_reason(reason: &str) -> Option<Finding> {
    (reason.chars().count() > 300 || reason.lines().count() > 4).then(|| {
        Finding::warn(
            "R-INIT-3",
            "Håll anledningen kort (\"behov av samordning av …\"). Bifoga inga journaler eller utredningar.",
        )
    })
}

/// R-INIT-5: the preparation items not yet done with the person, before the kallelse.
pub fn r_init_5_preparation(case: &Case) -> Option<Finding> {
    let missing: Vec<&str> = PrepItem::ALL
        .iter()
        .filter(|i| !case.preparation().contains(i))
        .map(|i| i.label_sv())
        .collect();
    (!missing.is_empty()).then(|| {
        Finding::record(
            "R-INIT-5",
            format!("Förbered med personen: {}.", missing.join("; ")),
        )
    })
}

/// R-INIT-8: when a recipient declined.
pub fn r_init_8_declined(case: &Case) -> Option<Finding> {
    let init = case.initiative()?;
    init.recipients.iter().any(|r| matches!(r.answer, Some(InitiativeAnswer::Nekad { .. }))).then(|| {
        Finding::info(
            "R-INIT-8",
            "En enhet som inte är rätt mottagare letar upp rätt enhet inom sin huvudman. Hittas ingen ska den själv delta; skyldigheten ligger hos huvudmannen.",
        )
    })
}
