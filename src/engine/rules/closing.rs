//! G. Closing (R-AVSL)

use super::{ensure, Finding, Violation};
use crate::engine::case::Case;
use crate::engine::model::ClosingReason;

/// R-AVSL-1: "annat" does not exist: a closing reason is one of the catalogue's; the comment explains a
/// substantially changed goal.
pub fn r_avsl_1_reason(reason: ClosingReason, comment: &str) -> Result<(), Violation> {
    ensure(
        reason != ClosingReason::LangsiktigtMalAndrat || !comment.trim().is_empty(),
        "R-AVSL-1",
        "Beskriv hur det långsiktiga målet har ändrats. En ny SIP startas med nytt samtycke.",
    )
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

/// R-AVSL-3: everyone is told; the person is told where to turn.
pub fn r_avsl_3_notice(case: &Case) -> Option<Finding> {
    case.closing().map(|_| {
        Finding::info(
            "R-AVSL-3",
            "Meddela alla parter att SIP:en inte längre gäller, och berätta för personen vart hen vänder sig om behovet kommer tillbaka.",
        )
    })
}
