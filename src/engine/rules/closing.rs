//! G. Closing (R-AVSL)

use super::{ensure, Finding, Violation};
use crate::engine::case::Case;
use crate::engine::model::{ClosingReason, PartyId};

/// R-AVSL-1: "annat" does not exist: a closing reason is one of the catalogue's; the comment explains a
/// substantially changed goal; goals judged reached is the person's decision together with all parties.
pub fn r_avsl_1_reason(
    reason: ClosingReason,
    comment: &str,
    person_took_part: bool,
) -> Result<(), Violation> {
    ensure(
        reason != ClosingReason::LangsiktigtMalAndrat || !comment.trim().is_empty(),
        "R-AVSL-1",
        "Beskriv hur det långsiktiga målet har ändrats. En ny SIP startas med nytt samtycke.",
    )?;
    ensure(
        reason != ClosingReason::MalenUppfyllda || person_took_part,
        "R-AVSL-1",
        "Att målen är uppfyllda bedömer personen tillsammans med alla parter. Dokumentera att personen deltog i beslutet.",
    )
}

/// R-AVSL-1: each unit documents the closing in its own record.
pub fn r_avsl_1_own_records(case: &Case) -> Option<Finding> {
    let c = case.closing()?;
    let units: Vec<PartyId> = c
        .notify
        .iter()
        .copied()
        .filter(|id| case.party(*id).is_some_and(|p| p.kind.huvudman().is_some()))
        .collect();
    Some(Finding::record(
        "R-AVSL-1",
        format!(
            "Varje enhet dokumenterar avslutet i sin egen journal eller akt: {}.",
            names(case, &units)
        ),
    ))
}

/// R-AVSL-2: who took part in the decision, and a comment.
pub fn r_avsl_2_recorded(case: &Case) -> Option<Finding> {
    let c = case.closing()?;
    (c.participants.iter().all(|p| p.trim().is_empty()) || c.comment.trim().is_empty()).then(|| {
        Finding::record(
            "R-AVSL-2",
            "Dokumentera vilka som deltog i beslutet att avsluta och en kommentar.",
        )
    })
}

/// R-AVSL-3: who is told when the SIP ends: every party of the case.
pub fn r_avsl_3_notification_list(case: &Case) -> Vec<PartyId> {
    case.parties().iter().map(|p| p.id).collect()
}

fn names(case: &Case, ids: &[PartyId]) -> String {
    ids.iter()
        .filter_map(|id| case.party(*id))
        .map(|p| p.name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// R-AVSL-3: what the person is told about where to turn if the need returns.
pub const R_AVSL_3_WHERE_TO_TURN_SV: &str = "Om behovet kommer tillbaka: kontakta socialtjänsten i kommunen eller din vårdcentral och be om en ny samordnad individuell plan. Du kan också be någon av verksamheterna i planen att ta initiativet.";

/// R-AVSL-1: the reasons a coordinator chooses between when closing (the two others are recorded where they arise:
/// an existing plan that meets the requirements, on Behov; no need after discharge, on Utskrivning).
pub const R_AVSL_1_REASONS: [ClosingReason; 5] = [
    ClosingReason::MalenUppfyllda,
    ClosingReason::IngetBehovFranBadaHuvudman,
    ClosingReason::InteNyttBehovInomKort,
    ClosingReason::SamtyckeAterkallat,
    ClosingReason::LangsiktigtMalAndrat,
];

/// R-AVSL-3: everyone is told (the list recorded at closing); the person is told where to turn.
pub fn r_avsl_3_notice(case: &Case) -> Option<Finding> {
    let c = case.closing()?;
    let told = if c.notify.is_empty() {
        String::new()
    } else {
        format!(" Meddela: {}.", names(case, &c.notify))
    };
    Some(Finding::info(
        "R-AVSL-3",
        format!("SIP:en gäller inte längre.{told} Berätta för personen vart hen vänder sig om behovet kommer tillbaka."),
    ))
}

/// R-UTSK-5: with no need from both huvudmän after discharge, that assessment is told to every unit.
pub fn r_utsk_5_assessment_told(case: &Case) -> Option<Finding> {
    let c = case
        .closing()
        .filter(|c| c.reason == ClosingReason::IngetBehovEfterUtskrivning)?;
    let units: Vec<PartyId> = c
        .notify
        .iter()
        .copied()
        .filter(|id| case.party(*id).is_some_and(|p| p.kind.huvudman().is_some()))
        .collect();
    Some(Finding::record(
        "R-UTSK-5",
        format!(
            "Bedömningen att ingen SIP behövs efter utskrivningen meddelas alla enheter: {}.",
            names(case, &units)
        ),
    ))
}
