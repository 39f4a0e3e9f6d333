//! Every deadline of a case, computed from what is recorded and the calendar: R-NEED-8, R-CONS-4, R-INIT-1,
//! R-KALL-3, R-KALL-5 (= R-UTSK-3), R-PLAN-7 and R-UPP-1. "Now" is given, never read.

use super::calendar::{within_calendar_days, within_working_days};
use super::case::Case;
use super::model::{MeetingKind, PartyId, PlanState};
use super::profiles::Profile;
use super::rules::RuleId;
use chrono::{Days, NaiveDate, NaiveDateTime};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum DeadlineStatus {
    /// Overdue.
    Forsenad,
    /// Due today.
    Idag,
    /// Due later.
    Kommande,
    /// Done.
    Klar,
}

impl DeadlineStatus {
    pub fn label_sv(self) -> &'static str {
        match self {
            DeadlineStatus::Forsenad => "Försenad",
            DeadlineStatus::Idag => "Idag",
            DeadlineStatus::Kommande => "Kommande",
            DeadlineStatus::Klar => "Klar",
        }
    }

    fn of(done: bool, due: NaiveDate, today: NaiveDate) -> DeadlineStatus {
        if done {
            DeadlineStatus::Klar
        } else if today > due {
            DeadlineStatus::Forsenad
        } else if today == due {
            DeadlineStatus::Idag
        } else {
            DeadlineStatus::Kommande
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum DeadlineKind {
    /// R-NEED-8: the SIP meeting within the profile's weeks of the need.
    MeetingHeld,
    /// R-CONS-4: consent expiry.
    ConsentExpires,
    /// R-INIT-1: a recipient answers the initiative.
    InitiativeAnswer,
    /// R-KALL-3: a summoned unit acknowledges the kallelse.
    KallelseAcknowledged,
    /// R-KALL-5 / R-UTSK-3: kallelse after utskrivningsklar.
    KallelseAfterDischarge,
    /// R-PLAN-7: the plan established after the meeting.
    PlanEstablished,
    /// R-UPP-1: the follow-up.
    FollowUp,
}

/// The step of the process a deadline belongs to (the UI opens it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum StepRef {
    Behov,
    Samtycke,
    Initiativ,
    Kallelse,
    Utskrivning,
    Plan,
    Uppfoljning,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Deadline {
    pub kind: DeadlineKind,
    pub rule: RuleId,
    pub what_sv: String,
    pub due: NaiveDate,
    pub status: DeadlineStatus,
    pub party: Option<PartyId>,
    pub step: StepRef,
}

fn party_name(case: &Case, id: PartyId) -> String {
    case.party(id)
        .map_or_else(|| "Okänd part".to_string(), |p| p.name.clone())
}

/// Every deadline of the case on `now` (done ones as [`DeadlineStatus::Klar`]); none once the process ended.
pub fn deadlines(case: &Case, now: NaiveDateTime, profile: &Profile) -> Vec<Deadline> {
    let today = now.date();
    let mut out = Vec::new();
    if case.phase().is_closed() {
        return out;
    }
    let mut push = |kind, rule, what_sv: String, due, done, party, step| {
        out.push(Deadline {
            kind,
            rule: RuleId(rule),
            what_sv,
            due,
            status: DeadlineStatus::of(done, due, today),
            party,
            step,
        });
    };

    // R-NEED-8
    if let Some(weeks) = profile.meeting_within_weeks {
        let due = case
            .need_detected()
            .checked_add_days(Days::new(u64::from(weeks) * 7))
            .unwrap_or(today);
        let held = case
            .meetings()
            .iter()
            .any(|m| m.kind == MeetingKind::Planering);
        push(
            DeadlineKind::MeetingHeld,
            "R-NEED-8",
            format!("SIP-mötet bör hållas inom {weeks} veckor från att behovet upptäcktes"),
            due,
            held,
            None,
            StepRef::Kallelse,
        );
    }
    // R-CONS-4
    if let Some(c) = case.consent().filter(|c| c.withdrawn.is_none()) {
        push(
            DeadlineKind::ConsentExpires,
            "R-CONS-4",
            "Samtycket går ut".into(),
            c.valid_until,
            false,
            None,
            StepRef::Samtycke,
        );
    }
    // R-INIT-1
    if let Some(init) = case.initiative() {
        for r in &init.recipients {
            push(
                DeadlineKind::InitiativeAnswer,
                "R-INIT-1",
                format!(
                    "{} kvitterar eller nekar initiativet",
                    party_name(case, r.party)
                ),
                within_working_days(r.sent.date(), 1),
                r.answer.is_some(),
                Some(r.party),
                StepRef::Initiativ,
            );
        }
    }
    // R-KALL-3
    if let Some(k) = case.kallelse() {
        for r in k.recipients.iter().filter(|r| r.summoned) {
            push(
                DeadlineKind::KallelseAcknowledged,
                "R-KALL-3",
                format!(
                    "{} kvitterar kallelsen och anger vem som kommer",
                    party_name(case, r.party)
                ),
                within_working_days(k.sent.date(), 1),
                r.answer.is_some(),
                Some(r.party),
                StepRef::Kallelse,
            );
        }
    }
    // R-KALL-5 / R-UTSK-3
    if let Some(klar) = case.discharge().and_then(|d| d.utskrivningsklar) {
        push(
            DeadlineKind::KallelseAfterDischarge,
            "R-KALL-5",
            "Kallelse senast tre kalenderdagar efter utskrivningsklar".into(),
            within_calendar_days(klar.date(), 3),
            case.kallelse().is_some(),
            None,
            StepRef::Utskrivning,
        );
    }
    // R-PLAN-7: after the latest meeting, until a plan version is established after it.
    if let Some(m) = case
        .meetings()
        .iter()
        .filter(|m| m.kind != MeetingKind::Utvardering)
        .max_by_key(|m| m.at)
    {
        let established = case
            .plans()
            .iter()
            .any(|p| p.established().is_some_and(|e| e >= m.at));
        push(
            DeadlineKind::PlanEstablished,
            "R-PLAN-7",
            format!(
                "Planen upprättas inom {} arbetsdagar efter mötet",
                profile.plan_within_working_days
            ),
            within_working_days(m.at.date(), profile.plan_within_working_days),
            established,
            None,
            StepRef::Plan,
        );
    }
    // R-UPP-1
    if let Some(plan) = case
        .current_plan()
        .filter(|p| p.state() != PlanState::Utkast)
    {
        if let Some(f) = &plan.content.follow_up {
            let done = case
                .follow_ups()
                .iter()
                .any(|u| u.plan_version == plan.version);
            push(
                DeadlineKind::FollowUp,
                "R-UPP-1",
                format!("Uppföljning ({})", f.place.trim()),
                f.date,
                done,
                None,
                StepRef::Uppfoljning,
            );
        }
    }
    out.sort_by(|a, b| a.status.cmp(&b.status).then(a.due.cmp(&b.due)));
    out
}
