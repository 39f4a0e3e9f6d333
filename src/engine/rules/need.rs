//! A. Is a SIP needed? (R-NEED)

use super::{ensure, Finding, Violation};
use crate::engine::case::Case;
use crate::engine::model::{Huvudman, Indicator, PartyKind};
use crate::engine::profiles::Profile;
use crate::engine::set::VecSet;

fn has_huvudman(case: &Case, h: Huvudman) -> bool {
    case.parties().iter().any(|p| p.kind.huvudman() == Some(h))
}

/// The case lists units of both kommun and region.
pub fn both_huvudman(case: &Case) -> bool {
    has_huvudman(case, Huvudman::Kommun) && has_huvudman(case, Huvudman::Region)
}

/// R-NEED-1: with units of both huvudmän, a SIP shall be offered.
pub fn r_need_1_offer(case: &Case) -> Option<Finding> {
    both_huvudman(case).then(|| {
        Finding::info(
            "R-NEED-1",
            "SIP ska erbjudas: personen har insatser från både kommun och region.",
        )
    })
}

/// R-NEED-2: at discharge with insatser from both huvudmän, the offer must be recorded (accepted or declined).
pub fn r_need_2_discharge_offer(case: &Case) -> Option<Finding> {
    let offered = case.need().discharge_offer_accepted.is_some();
    (case.discharge().is_some() && both_huvudman(case) && !offered).then(|| {
        Finding::warn(
            "R-NEED-2",
            "Vid utskrivning med insatser från både kommun och region ska personen alltid erbjudas en SIP. Dokumentera om erbjudandet togs emot eller avböjdes.",
        )
    })
}

/// R-NEED-3: the chosen indicators become the initiative's short reason.
pub fn r_need_3_reason(indicators: &VecSet<Indicator>) -> String {
    if indicators.is_empty() {
        return String::new();
    }
    let parts: Vec<&str> = indicators.iter().map(|i| i.reason_sv()).collect();
    format!("Behov av samordning: {}.", parts.join(", "))
}

/// R-NEED-3: the checklist, shown while the need is assessed.
pub fn r_need_3_checklist(case: &Case) -> Option<Finding> {
    case.need().indicators.is_empty().then(|| {
        Finding::info(
            "R-NEED-3",
            "Gå igenom tecknen på att en SIP behövs och markera de som stämmer.",
        )
    })
}

/// R-NEED-4: a request may be refused only with a documented reason.
pub fn r_need_4_refusal_reason(reason: &str) -> Result<(), Violation> {
    ensure(
        !reason.trim().is_empty(),
        "R-NEED-4",
        "En begäran om SIP får nekas bara i undantagsfall, och anledningen ska dokumenteras. Skriv anledningen.",
    )
}

/// R-NEED-5: under LPT or LRV a samordnad vårdplan is made instead; the SIP steps stay closed.
pub fn r_need_5_not_compulsory_care(case: &Case) -> Result<(), Violation> {
    ensure(
        case.need().compulsory_care.is_none(),
        "R-NEED-5",
        "Personen har öppen psykiatrisk tvångsvård (LPT) eller öppen rättspsykiatrisk vård (LRV). Planera med en samordnad vårdplan (SVP) i stället för en SIP.",
    )
}

/// R-NEED-5: guidance when the flag is set.
pub fn r_need_5_guidance(case: &Case) -> Option<Finding> {
    case.need().compulsory_care.is_some().then(|| {
        Finding::info(
            "R-NEED-5",
            "Upprätta en samordnad vårdplan (SVP) enligt LPT/LRV. En SVP eller en individuell plan enligt LSS kan inte göras om till en SIP.",
        )
    })
}

/// R-NEED-6: using an existing plan instead must be documented (what plan).
pub fn r_need_6_existing_plan(case: &Case) -> Option<Finding> {
    let c = case.closing()?;
    (c.reason == crate::engine::model::ClosingReason::BefintligPlanUppfyllerKraven
        && c.comment.trim().is_empty())
    .then(|| {
        Finding::record(
            "R-NEED-6",
            "Dokumentera vilken befintlig plan som uppfyller kraven på en SIP.",
        )
    })
}

/// R-NEED-7: the target group, shown while the need is assessed.
pub fn r_need_7_target_group() -> Finding {
    Finding::info(
        "R-NEED-7",
        "SIP är till för alla oavsett ålder, diagnos eller funktionsnedsättning, till exempel placerade barn, nyanlända, våldsutsatta, sjuka äldre och personer med samsjuklighet.",
    )
}

/// R-NEED-8: without a profile deadline the rule is "without delay".
pub fn r_need_8_without_delay(profile: &Profile) -> Option<Finding> {
    profile.meeting_within_weeks.is_none().then(|| {
        Finding::info(
            "R-NEED-8",
            "Starta arbetet utan dröjsmål, oftast inom några dagar från att behovet upptäcktes.",
        )
    })
}

/// R-NEED-9: the process is started and run by a unit of kommun or region, not by another actor.
pub fn r_need_9_initiator(
    case: &Case,
    party: crate::engine::model::PartyId,
) -> Result<(), Violation> {
    let kind = case.party(party).map(|p| p.kind);
    ensure(
        matches!(kind, Some(PartyKind::Unit(_))),
        "R-NEED-9",
        "Initiativet tas av en verksamhet hos kommunen eller regionen. Andra aktörer kan uppmärksamma behovet men äger inte processen.",
    )
}

/// R-NEED-10: a SIP is free of charge (said in the person's view).
pub const R_NEED_10_FREE_SV: &str =
    "En SIP kostar ingenting för dig. Det är en planering, inte ett besök.";
