//! F. Follow-up (R-UPP)

use super::{ensure, Finding, Violation};
use crate::engine::case::Case;
use crate::engine::model::{ActivityFollowUp, Insats, PlanState, PlanVersion};
use chrono::NaiveDate;

/// R-UPP-2: each status concerns an activity of the plan.
pub fn r_upp_2_known_activities(
    plan: &PlanVersion,
    activities: &[ActivityFollowUp],
) -> Result<(), Violation> {
    ensure(
        activities
            .iter()
            .all(|a| plan.content.insatser.iter().any(|i| i.id == a.insats)),
        "R-UPP-2",
        "Statusen gäller en aktivitet som inte finns i planen.",
    )
}

/// R-UPP-3: what a follow-up covers.
pub const R_UPP_3_CHECKLIST: [&str; 5] = [
    "Hur går det med målen?",
    "Finns ny information eller har något förändrats?",
    "Har varje part gjort sina insatser?",
    "Vilken effekt har insatserna haft, på kort och lång sikt?",
    "Behövs någon annan insats?",
];

/// R-UPP-3: within this many days of the booked follow-up, the checklist is shown.
pub const R_UPP_3_DAYS_BEFORE: i64 = 14;

/// R-UPP-3: what the follow-up covers, shown when it is near or due (and not yet held for this version).
pub fn r_upp_3_checklist(case: &Case, today: NaiveDate) -> Option<Finding> {
    let plan = case
        .current_plan()
        .filter(|p| p.state() != PlanState::Utkast)?;
    let booked = plan.content.follow_up.as_ref()?;
    let held = case
        .follow_ups()
        .iter()
        .any(|u| u.plan_version == plan.version);
    (!held && (booked.date - today).num_days() <= R_UPP_3_DAYS_BEFORE).then(|| {
        Finding::info(
            "R-UPP-3",
            format!("Uppföljningen tar upp: {}", R_UPP_3_CHECKLIST.join(" ")),
        )
    })
}

/// R-UPP-5: guidance for the huvudansvarig.
pub const R_UPP_5_SV: &str = "Om personens livssituation ändras väsentligt före uppföljningen kallar huvudansvarig parterna tidigare.";

/// R-UPP-5: shown while an established plan runs.
pub fn r_upp_5_earlier(case: &Case) -> Option<Finding> {
    case.current_plan()
        .is_some_and(|p| p.state() != PlanState::Utkast)
        .then(|| Finding::info("R-UPP-5", R_UPP_5_SV))
}

/// R-UPP-6: the activities of the current plan without a documented status.
pub fn r_upp_6_without_status(case: &Case) -> Vec<&Insats> {
    match case.current_plan() {
        Some(p) if !case.follow_ups().is_empty() => p
            .content
            .insatser
            .iter()
            .filter(|i| i.status.is_none())
            .collect(),
        _ => Vec::new(),
    }
}

pub fn r_upp_6_finding(case: &Case) -> Option<Finding> {
    let missing = r_upp_6_without_status(case);
    (!missing.is_empty()).then(|| {
        Finding::record(
            "R-UPP-6",
            format!(
                "Aktiviteter utan dokumenterad status: {}.",
                missing
                    .iter()
                    .map(|i| i.what.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        )
    })
}
