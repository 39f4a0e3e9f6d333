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
    /// Meetings by the KVÅ code their region units record in the case's profile (R-PLAN-14).
    pub by_kva: BTreeMap<String, usize>,
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
        let profile = crate::engine::profiles::get(c.profile());
        for m in c.meetings() {
            if let Some(code) = r_plan_14_kva(m.kind, c.discharge().is_some(), m.digital, profile) {
                *s.by_kva.entry(code.to_string()).or_default() += 1;
            }
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

/// R-STAT-2: the national web survey's address (seed 004: www.SIPkollen.se), shown as text and as a QR code.
pub const SIP_KOLLEN_URL: &str = "https://www.sipkollen.se";

/// R-STAT-2: remind about SIP-kollen at the end of each meeting and follow-up, until the person is told.
pub fn r_stat_2_reminder(case: &Case) -> Option<Finding> {
    let last = case
        .meetings()
        .iter()
        .rev()
        .find(|m| m.kind != MeetingKind::Utvardering)?;
    (!last.sip_kollen_told).then(|| {
        Finding::info(
            "R-STAT-2",
            "Berätta för personen om SIP-kollen, den anonyma webbenkäten efter mötet (www.sipkollen.se). Personen sparar sin kod för att jämföra vid uppföljningen.",
        )
    })
}

/// R-STAT-3: missed deadlines are candidates for a deviation report.
pub fn r_stat_3_candidates(deadlines: &[Deadline]) -> Vec<&Deadline> {
    deadlines
        .iter()
        .filter(|d| d.status == DeadlineStatus::Forsenad)
        .collect()
}
