//! H. Admission and discharge (R-UTSK)

use super::Finding;
use crate::engine::case::Case;
use crate::engine::model::{PartyKind, UnitKind};

/// R-UTSK-1: at admission, the units are notified when insatser may be needed after discharge.
pub fn r_utsk_1_notice(case: &Case) -> Option<Finding> {
    let d = case.discharge()?;
    d.insatser_may_be_needed.then(|| {
        Finding::record("R-UTSK-1", "Slutenvården underrättar berörda enheter (inskrivningsmeddelande) om insatser kan behövas efter utskrivning.")
    })
}

/// R-UTSK-2: an existing SIP at admission is followed up and revised, or closed and restarted.
pub fn r_utsk_2_existing_sip(case: &Case) -> Option<Finding> {
    (case.discharge().is_some() && case.current_plan().is_some()).then(|| {
        Finding::info(
            "R-UTSK-2",
            "Personen har en SIP. Följ upp och revidera den, eller avsluta och starta om med nytt samtycke om det långsiktiga målet ändrats väsentligt. Ange i vårdbegäran att SIP finns.",
        )
    })
}

/// R-UTSK-4: region-financed outpatient care attends the meeting at discharge.
pub fn r_utsk_4_outpatient(case: &Case) -> Option<Finding> {
    case.discharge()?;
    let k = case.kallelse()?;
    let present = k.recipients.iter().any(|r| {
        r.summoned
            && case.party(r.party).is_some_and(|p| {
                matches!(
                    p.kind,
                    PartyKind::Unit(
                        UnitKind::OppenVardRegion | UnitKind::Vardcentral | UnitKind::Psykiatri
                    )
                )
            })
    });
    (!present).then(|| {
        Finding::warn(
            "R-UTSK-4",
            "Regionens öppenvård (fast vårdkontakt) ska kallas till SIP-mötet vid utskrivning, även när insatserna främst ges av kommunens hälso- och sjukvård.",
        )
    })
}
