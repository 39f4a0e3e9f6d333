//! Every deadline of a case, computed from what is recorded and the calendar: R-NEED-8, R-CONS-4, R-INIT-1,
//! R-KALL-3, R-KALL-5 (= R-UTSK-3), R-PLAN-7 and R-UPP-1. "Now" is given, never read.

use super::calendar::{de_facto_holidays_skipped, within_calendar_days, within_working_days};
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

    pub fn of(done: bool, due: NaiveDate, today: NaiveDate) -> DeadlineStatus {
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

impl DeadlineKind {
    /// Every kind, in the order of their codes (the case index keeps a deadline's kind as its position here).
    pub const ALL: [DeadlineKind; 7] = [
        DeadlineKind::MeetingHeld,
        DeadlineKind::ConsentExpires,
        DeadlineKind::InitiativeAnswer,
        DeadlineKind::KallelseAcknowledged,
        DeadlineKind::KallelseAfterDischarge,
        DeadlineKind::PlanEstablished,
        DeadlineKind::FollowUp,
    ];

    /// The rule that sets the deadline and the step that meets it: one table for both.
    pub fn rule_and_step(self) -> (RuleId, StepRef) {
        let (rule, step) = match self {
            DeadlineKind::MeetingHeld => ("R-NEED-8", StepRef::Kallelse),
            DeadlineKind::ConsentExpires => ("R-CONS-4", StepRef::Samtycke),
            DeadlineKind::InitiativeAnswer => ("R-INIT-1", StepRef::Initiativ),
            DeadlineKind::KallelseAcknowledged => ("R-KALL-3", StepRef::Kallelse),
            DeadlineKind::KallelseAfterDischarge => ("R-KALL-5", StepRef::Utskrivning),
            DeadlineKind::PlanEstablished => ("R-PLAN-7", StepRef::Plan),
            DeadlineKind::FollowUp => ("R-UPP-1", StepRef::Uppfoljning),
        };
        (RuleId(rule), step)
    }

    /// A deadline of this kind, its rule and step from the table above.
    pub fn deadline(
        self,
        what_sv: String,
        due: NaiveDate,
        status: DeadlineStatus,
        party: Option<PartyId>,
        note_sv: Option<String>,
    ) -> Deadline {
        let (rule, step) = self.rule_and_step();
        Deadline {
            kind: self,
            rule,
            what_sv,
            due,
            status,
            party,
            step,
            note_sv,
        }
    }
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
    Avslut,
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
    /// Section L: a working-day deadline that moved past midsommarafton, julafton or nyårsafton says so.
    pub note_sv: Option<String>,
}

/// Section L: the sources do not name midsommarafton, julafton and nyårsafton; a deadline counted past one of them
/// says that the catalogue treats it as a holiday, as Swedish workplaces do.
fn de_facto_note(from: NaiveDate, due: NaiveDate) -> Option<String> {
    let skipped = de_facto_holidays_skipped(from, due);
    (!skipped.is_empty()).then(|| {
        format!(
            "{} räknas inte som arbetsdag (de facto-helgdag på arbetsplatser; källorna nämner den inte).",
            capitalize(&skipped.join(" och "))
        )
    })
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// "1 arbetsdag", "2 arbetsdagar".
pub fn count_sv(n: u32, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// Where the profile sets no time for an answer or a step: it is done without delay, and never counted as missed.
pub const WITHOUT_DELAY_SV: &str = "utan dröjsmål";

/// R-INIT-1, R-KALL-3, R-PLAN-7: how soon a step is due in this profile, in words ("inom 1 arbetsdag",
/// "utan dröjsmål"), for the screens that show the step.
pub fn within_sv(days: Option<u32>) -> String {
    days.map_or_else(
        || WITHOUT_DELAY_SV.to_string(),
        |d| format!("inom {}", count_sv(d, "arbetsdag", "arbetsdagar")),
    )
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
    // `from`: the day a working-day count starts (its de facto holidays are named); `None` for other deadlines.
    let mut push = |kind: DeadlineKind, what_sv, due, done, party, from: Option<NaiveDate>| {
        out.push(kind.deadline(
            what_sv,
            due,
            DeadlineStatus::of(done, due, today),
            party,
            from.and_then(|f| de_facto_note(f, due)),
        ));
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
            format!("SIP-mötet bör hållas inom {weeks} veckor från att behovet upptäcktes"),
            due,
            held,
            None,
            None,
        );
    }
    // R-CONS-4
    if let Some(c) = case.consent().filter(|c| c.withdrawn.is_none()) {
        push(
            DeadlineKind::ConsentExpires,
            "Samtycket går ut".into(),
            c.valid_until,
            false,
            None,
            None,
        );
    }
    // R-INIT-1, where the profile sets a time (otherwise "utan dröjsmål": no date, never missed).
    if let (Some(init), Some(days)) = (case.initiative(), profile.initiative_answer_working_days) {
        for r in &init.recipients {
            push(
                DeadlineKind::InitiativeAnswer,
                format!(
                    "{} kvitterar eller nekar initiativet",
                    party_name(case, r.party)
                ),
                within_working_days(r.sent.date(), days),
                r.answer.is_some(),
                Some(r.party),
                Some(r.sent.date()),
            );
        }
    }
    // R-KALL-3, where the profile sets a time.
    if let (Some(k), Some(days)) = (case.kallelse(), profile.kallelse_answer_working_days) {
        for r in k.recipients.iter().filter(|r| r.summoned) {
            push(
                DeadlineKind::KallelseAcknowledged,
                format!(
                    "{} kvitterar kallelsen och anger vem som kommer",
                    party_name(case, r.party)
                ),
                within_working_days(k.sent.date(), days),
                r.answer.is_some(),
                Some(r.party),
                Some(k.sent.date()),
            );
        }
    }
    // R-KALL-5 / R-UTSK-3, where the profile sets it.
    if let (Some(klar), Some(days)) = (
        case.discharge().and_then(|d| d.utskrivningsklar),
        profile.kallelse_after_discharge_calendar_days,
    ) {
        push(
            DeadlineKind::KallelseAfterDischarge,
            format!(
                "Kallelse senast {} efter utskrivningsklar",
                count_sv(days, "kalenderdag", "kalenderdagar")
            ),
            within_calendar_days(klar.date(), days),
            case.kallelse().is_some(),
            None,
            None,
        );
    }
    // R-PLAN-7: after the latest meeting, until a plan version is established after it (where the profile sets it).
    if let (Some(m), Some(days)) = (
        case.meetings()
            .iter()
            .filter(|m| m.kind != MeetingKind::Utvardering)
            .max_by_key(|m| m.at),
        profile.plan_within_working_days,
    ) {
        let established = case
            .plans()
            .iter()
            .any(|p| p.established().is_some_and(|e| e >= m.at));
        push(
            DeadlineKind::PlanEstablished,
            format!(
                "Planen upprättas inom {} efter mötet",
                count_sv(days, "arbetsdag", "arbetsdagar")
            ),
            within_working_days(m.at.date(), days),
            established,
            None,
            Some(m.at.date()),
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
                format!("Uppföljning ({})", f.place.trim()),
                f.date,
                done,
                None,
                None,
            );
        }
    }
    out.sort_by(|a, b| a.status.cmp(&b.status).then(a.due.cmp(&b.due)));
    out
}
