//! J. Quality and statistics (R-STAT)

use super::Finding;
use crate::engine::case::Case;
use crate::engine::deadlines::{Deadline, DeadlineStatus};
use crate::engine::model::{MeetingKind, PlanState};
use crate::engine::rules::plan::r_plan_14_kva;
use serde::Serialize;
use std::collections::BTreeMap;

/// R-STAT-1: the yearly figures.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Statistics {
    pub cases: usize,
    pub plans_established: usize,
    pub followed_up: usize,
    pub closed: usize,
    pub deviations: usize,
    pub by_kva: BTreeMap<&'static str, usize>,
}

pub fn r_stat_1_statistics<'a>(cases: impl IntoIterator<Item = &'a Case>) -> Statistics {
    let mut s = Statistics::default();
    for c in cases {
        s.cases += 1;
        if c.plans()
            .iter()
            .any(|p| p.established().is_some() && p.state() != PlanState::Utkast)
        {
            s.plans_established += 1;
        }
        if !c.follow_ups().is_empty() {
            s.followed_up += 1;
        }
        if c.closing().is_some() {
            s.closed += 1;
        }
        s.deviations += c.deviations().len();
        for m in c.meetings() {
            *s.by_kva
                .entry(r_plan_14_kva(m.kind, c.discharge().is_some()))
                .or_default() += 1;
        }
    }
    s
}

/// R-STAT-2: the five headings of SIP-kollen.
pub const R_STAT_2_HEADINGS: [(&str, &str); 5] = [
    ("Bemötande", "Personalen lyssnade på mig"),
    (
        "Medbestämmande",
        "Jag får vara med och bestämma om vilket stöd jag/min familj ska få",
    ),
    ("Relevans", "Vi pratade om det som är viktigt för mig"),
    ("Struktur", "Det är tydligt vem som gör vad"),
    ("Information", "Jag fick svar på mina frågor"),
];

/// R-STAT-2: remind about SIP-kollen after a meeting.
pub fn r_stat_2_reminder(case: &Case) -> Option<Finding> {
    case.meetings().iter().any(|m| m.kind != MeetingKind::Utvardering).then(|| {
        Finding::info("R-STAT-2", "Påminn personen om SIP-kollen, den anonyma enkäten efter mötet. Personen sparar sin kod till uppföljningen.")
    })
}

/// R-STAT-3: missed deadlines are candidates for a deviation report.
pub fn r_stat_3_candidates(deadlines: &[Deadline]) -> Vec<&Deadline> {
    deadlines
        .iter()
        .filter(|d| d.status == DeadlineStatus::Forsenad)
        .collect()
}
