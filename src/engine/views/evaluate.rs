//! `evaluate(case, now, profile)`: everything the UI shows about where a case stands — the phase, the steps that
//! can be taken now, the blocked ones with the rule that blocks them, warnings, guidance, what must still be
//! documented, the deadlines, and for a plan what R-PLAN-1 still misses. All texts are Swedish.

use crate::engine::case::Case;
use crate::engine::deadlines::{deadlines, Deadline, DeadlineStatus, StepRef};
use crate::engine::model::PlanState;
use crate::engine::phase::Phase;
use crate::engine::profiles::Profile;
use crate::engine::rules::plan::PlanItem;
use crate::engine::rules::{self, consent, Finding, Level, RuleId, Violation};
use chrono::NaiveDateTime;
use serde::Serialize;

/// A step of the process, as the coordinator names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Step {
    BedomBehov,
    RegistreraSamtycke,
    SkickaInitiativ,
    SkickaKallelse,
    HallMote,
    UpprattaPlan,
    SigneraPlan,
    LasPlan,
    FoljUpp,
    NyVersion,
    Avsluta,
}

impl Step {
    /// The screen where the step is taken, when there is one.
    pub fn screen(self) -> Option<StepRef> {
        match self {
            Step::BedomBehov => Some(StepRef::Behov),
            Step::RegistreraSamtycke => Some(StepRef::Samtycke),
            Step::SkickaInitiativ => Some(StepRef::Initiativ),
            Step::SkickaKallelse => Some(StepRef::Kallelse),
            Step::HallMote | Step::UpprattaPlan | Step::SigneraPlan | Step::LasPlan => {
                Some(StepRef::Plan)
            }
            Step::FoljUpp | Step::NyVersion => Some(StepRef::Uppfoljning),
            Step::Avsluta => Some(StepRef::Avslut),
        }
    }

    pub fn label_sv(self) -> &'static str {
        match self {
            Step::BedomBehov => "Bedöm behovet",
            Step::RegistreraSamtycke => "Registrera samtycke",
            Step::SkickaInitiativ => "Skicka initiativ",
            Step::SkickaKallelse => "Skicka kallelse",
            Step::HallMote => "Håll SIP-mötet",
            Step::UpprattaPlan => "Upprätta planen",
            Step::SigneraPlan => "Signera planen",
            Step::LasPlan => "Lås planen",
            Step::FoljUpp => "Följ upp planen",
            Step::NyVersion => "Starta en ny version av planen",
            Step::Avsluta => "Avsluta SIP",
        }
    }
}

/// A step that cannot be taken now, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Blocked {
    pub step: Step,
    pub violation: Violation,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evaluation {
    pub phase: Phase,
    pub next_steps: Vec<Step>,
    pub blocked: Vec<Blocked>,
    pub warnings: Vec<Finding>,
    pub info: Vec<Finding>,
    pub records: Vec<Finding>,
    pub deadlines: Vec<Deadline>,
    /// R-PLAN-1: what the current plan still misses (empty without a plan).
    pub plan_missing: Vec<PlanItem>,
}

impl Evaluation {
    /// Why `step` cannot be taken now, when the engine blocks it (shown beside the step's button).
    pub fn blocker(&self, step: Step) -> Option<Violation> {
        self.blocked
            .iter()
            .find(|b| b.step == step)
            .map(|b| b.violation.clone())
    }

    /// Every warning, record and guidance that belongs on one step's screen (the overview shows them all).
    pub fn on_screen(&self, step: StepRef) -> Vec<Finding> {
        self.warnings
            .iter()
            .chain(&self.records)
            .chain(&self.info)
            .filter(|f| screen_of(f.rule) == step)
            .cloned()
            .collect()
    }
}

/// The step screen a rule's findings belong on, decided here once (views never sort findings by id).
pub fn screen_of(rule: RuleId) -> StepRef {
    let id = rule.as_str();
    let section = id.split('-').nth(1).unwrap_or("");
    match (id, section) {
        // The offer of a SIP at discharge is made where the discharge is handled.
        ("R-NEED-2", _) => StepRef::Utskrivning,
        (_, "NEED") => StepRef::Behov,
        (_, "CONS") => StepRef::Samtycke,
        (_, "INIT") => StepRef::Initiativ,
        (_, "KALL") => StepRef::Kallelse,
        (_, "UTSK") => StepRef::Utskrivning,
        (_, "UPP") => StepRef::Uppfoljning,
        (_, "AVSL") => StepRef::Avslut,
        _ => StepRef::Plan,
    }
}

fn check(step: Step, r: Result<(), Violation>, next: &mut Vec<Step>, blocked: &mut Vec<Blocked>) {
    match r {
        Ok(()) => next.push(step),
        Err(violation) => blocked.push(Blocked { step, violation }),
    }
}

pub fn evaluate(case: &Case, now: NaiveDateTime, profile: &Profile) -> Evaluation {
    let today = now.date();
    let phase = case.phase();
    let mut next = Vec::new();
    let mut blocked = Vec::new();
    let plan = case.current_plan();

    match phase {
        Phase::Behov | Phase::Samtycke => {
            if phase == Phase::Behov {
                next.push(Step::BedomBehov);
            }
            check(
                Step::RegistreraSamtycke,
                rules::need::r_need_5_not_compulsory_care(case),
                &mut next,
                &mut blocked,
            );
            if case.consent().is_some() {
                check(
                    Step::SkickaInitiativ,
                    case.check_sip_steps(today),
                    &mut next,
                    &mut blocked,
                );
            }
        }
        Phase::Initiativ => {
            if case.initiative().is_none() {
                check(
                    Step::SkickaInitiativ,
                    case.check_sip_steps(today),
                    &mut next,
                    &mut blocked,
                );
            }
            if case.discharge().is_some() {
                check(
                    Step::SkickaKallelse,
                    case.check_sip_steps(today),
                    &mut next,
                    &mut blocked,
                );
            }
        }
        Phase::Kallelse => check(
            Step::SkickaKallelse,
            case.check_sip_steps(today),
            &mut next,
            &mut blocked,
        ),
        Phase::Mote => {
            if case.meetings().is_empty() {
                check(
                    Step::HallMote,
                    case.check_sip_steps(today),
                    &mut next,
                    &mut blocked,
                );
            } else {
                let r = consent::r_cons_1_establish(case)
                    .and_then(|()| rules::plan::r_plan_1_complete_current(plan));
                check(Step::UpprattaPlan, r, &mut next, &mut blocked);
            }
        }
        Phase::PlanUpprattad | Phase::Uppfoljning => {
            match plan.map(|p| p.state()) {
                Some(PlanState::Utkast) => {
                    let r = consent::r_cons_1_establish(case)
                        .and_then(|()| rules::plan::r_plan_1_complete_current(plan));
                    check(Step::UpprattaPlan, r, &mut next, &mut blocked);
                }
                Some(PlanState::Upprattad) => next.push(Step::SigneraPlan),
                Some(PlanState::Signerad) => next.push(Step::LasPlan),
                _ => {}
            }
            if plan.is_some_and(|p| p.state() != PlanState::Utkast) {
                next.push(Step::FoljUpp);
                // R-UPP-4 / R-UPP-5: the follow-up meeting is called like the first.
                if case.may_call_follow_up() {
                    check(
                        Step::SkickaKallelse,
                        case.check_sip_steps(today),
                        &mut next,
                        &mut blocked,
                    );
                }
                check(
                    Step::NyVersion,
                    case.check_sip_steps(today),
                    &mut next,
                    &mut blocked,
                );
            }
        }
        _ => {}
    }
    if !phase.is_closed() {
        next.push(Step::Avsluta);
    }

    let deadlines = deadlines(case, now, profile);
    let mut findings: Vec<Finding> = Vec::new();
    let mut add = |f: Option<Finding>| findings.extend(f);
    if !phase.is_closed() {
        add(rules::need::r_need_1_offer(case));
        add(rules::need::r_need_2_discharge_offer(case));
        if phase == Phase::Behov {
            add(rules::need::r_need_3_checklist(case));
            add(Some(rules::need::r_need_7_target_group()));
            add(rules::need::r_need_8_without_delay(profile));
        }
        add(consent::r_cons_4_expiry_warning(case, today));
        add(consent::r_cons_6_child_view(case, today));
        add(consent::r_cons_12_interpreter(case));
        if let Some(init) = case.initiative() {
            add(rules::initiative::r_init_3_short_reason(&init.reason));
        }
        if matches!(phase, Phase::Initiativ | Phase::Kallelse) {
            add(rules::initiative::r_init_5_preparation(case));
        }
        // Before the kallelse: talk to those concerned (R-KALL-7); once it is sent, until the meeting, what each
        // summoned party gathers (R-KALL-6).
        if matches!(phase, Phase::Initiativ | Phase::Kallelse | Phase::Mote)
            && case.meetings().is_empty()
        {
            for f in rules::kallelse::r_kall_6_7_guidance(case) {
                add(Some(f));
            }
        }
        add(rules::initiative::r_init_8_declined(case));
        add(rules::kallelse::r_kall_2_participation(case));
        add(rules::discharge::r_utsk_1_notice(case));
        add(rules::discharge::r_utsk_2_existing_sip(case));
        add(rules::discharge::r_utsk_4_outpatient(case));
        add(rules::roles::r_role_3_documenter(case));
        add(rules::plan::r_plan_10_agreement(case, profile));
        add(rules::followup::r_upp_6_finding(case));
        add(rules::followup::r_upp_3_checklist(case, today));
        add(rules::followup::r_upp_5_earlier(case));
        add(rules::stats::r_stat_2_reminder(case));
        for d in deadlines
            .iter()
            .filter(|d| d.status == DeadlineStatus::Forsenad)
        {
            let rule = match d.rule.as_str() {
                "R-NEED-8" => Some("R-NEED-8"),
                "R-UPP-1" => Some("R-UPP-1"),
                _ => None,
            };
            if let Some(rule) = rule {
                add(Some(Finding::warn(
                    rule,
                    format!(
                        "{} – datumet {} har passerat.",
                        d.what_sv,
                        crate::engine::calendar::iso(d.due)
                    ),
                )));
            }
        }
    } else {
        add(rules::need::r_need_5_guidance(case));
        add(rules::consent::r_cons_5_refusal(case));
        add(rules::need::r_need_6_existing_plan(case));
        add(rules::closing::r_avsl_1_own_records(case));
        add(rules::closing::r_avsl_2_recorded(case));
        add(rules::closing::r_avsl_3_notice(case));
        add(rules::closing::r_utsk_5_assessment_told(case));
    }

    let plan_missing = match plan {
        Some(p) => {
            let first = case.person().first_name();
            findings.extend(rules::plan::r_plan_2_goal_lint(
                &p.content.long_term_goal,
                first,
            ));
            for g in &p.content.delmal {
                findings.extend(rules::plan::r_plan_2_goal_lint(&g.text, first));
            }
            for i in &p.content.insatser {
                findings.extend(rules::plan::r_plan_3_lint(i));
            }
            findings.extend(rules::plan::r_plan_5_disagreements(&p.content));
            rules::plan::r_plan_1_missing(&p.content)
        }
        None => Vec::new(),
    };

    let (mut warnings, mut info, mut records) = (Vec::new(), Vec::new(), Vec::new());
    for f in findings {
        match f.level {
            Level::Warn => warnings.push(f),
            Level::Info => info.push(f),
            Level::Record => records.push(f),
        }
    }
    Evaluation {
        phase,
        next_steps: next,
        blocked,
        warnings,
        info,
        records,
        deadlines,
        plan_missing,
    }
}
