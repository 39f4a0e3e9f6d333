//! D. Summons — kallelse (R-KALL)

use super::{ensure, Finding, Violation};
use crate::engine::case::Case;
use crate::engine::model::{ActorKind, KallelseDraft, Party, PartyId, PartyKind, UnitKind};
use crate::engine::profiles::Profile;

/// R-KALL-1: purpose, the person's long-term goal and at least one question.
pub fn r_kall_1_content(draft: &KallelseDraft) -> Result<(), Violation> {
    let mut missing = Vec::new();
    if draft.purpose.trim().is_empty() {
        missing.push("syftet med mötet");
    }
    if draft.long_term_goal.trim().is_empty() {
        missing.push("personens långsiktiga mål (Vad är viktigt för dig?)");
    }
    if !draft.questions.iter().any(|q| !q.text.trim().is_empty()) {
        missing.push("minst en fråga att ta upp");
    }
    ensure(
        missing.is_empty(),
        "R-KALL-1",
        format!("Kallelsen saknar {}.", missing.join(", ")),
    )
}

/// R-KALL-2: time and place are agreed with the person.
pub fn r_kall_2_time_and_place(draft: &KallelseDraft) -> Result<(), Violation> {
    ensure(
        draft.meeting_at.is_some() && draft.place.is_some(),
        "R-KALL-2",
        "Ange tid och plats (eller digitalt) för mötet, bestämda tillsammans med personen.",
    )
}

/// R-KALL-2: how the person and närstående take part is recorded.
pub fn r_kall_2_participation(case: &Case) -> Option<Finding> {
    let k = case.kallelse()?;
    k.participation.trim().is_empty().then(|| {
        Finding::record("R-KALL-2", "Dokumentera hur personen och närstående deltar (på plats, del av mötet, brev, digitalt).")
    })
}

/// R-KALL-3: the acknowledgement says who will come.
pub fn r_kall_3_attendee(attendee: &str) -> Result<(), Violation> {
    ensure(
        !attendee.trim().is_empty(),
        "R-KALL-3",
        "Ange vem som kommer till mötet (eller en ersättare).",
    )
}

/// R-KALL-4: summoned (must attend) — social services, regional and municipal health care, and school where the
/// profile says so; everyone else is invited.
pub fn r_kall_4_is_summoned(party: &Party, profile: &Profile) -> bool {
    match party.kind {
        PartyKind::Unit(UnitKind::Skola | UnitKind::Forskola | UnitKind::Elevhalsa) => {
            profile.school_summoned
        }
        PartyKind::Unit(_) => true,
        PartyKind::Actor(_) => false,
    }
}

/// R-KALL-4: invited parties without system access get a letter.
pub fn r_kall_4_letters(case: &Case) -> Vec<PartyId> {
    let Some(k) = case.kallelse() else {
        return Vec::new();
    };
    k.recipients
        .iter()
        .filter(|r| !r.summoned)
        .filter(|r| {
            case.party(r.party).is_some_and(|p| {
                !p.has_system_access || p.kind == PartyKind::Actor(ActorKind::Narstaende)
            })
        })
        .map(|r| r.party)
        .collect()
}

/// R-KALL-6: what each summoned party gathers before the meeting.
pub const R_KALL_6_GATHER_SV: &str = "Inför mötet tar varje kallad part fram: nuläget, resultat av tidigare insatser, befintliga planer och sitt mandat.";

/// R-KALL-6 and R-KALL-7: guidance shown while the kallelse is prepared.
pub fn r_kall_6_7_guidance(case: &Case) -> Vec<Finding> {
    if case.kallelse().is_some() {
        return vec![Finding::info("R-KALL-6", R_KALL_6_GATHER_SV)];
    }
    vec![Finding::info(
        "R-KALL-7",
        "Ta gärna muntlig kontakt med de berörda innan kallelsen skickas.",
    )]
}
