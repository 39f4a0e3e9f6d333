//! The SIP process as commands. [`Case::apply`] works on a copy: the section's method checks every rule that guards
//! the command and changes the copy, or refuses with a [`Violation`]; only an accepted command replaces the case
//! and appends its line to the event log. One file per section of the catalogue, each an `impl Case` block:
//! parties, need, consent, initiative, kallelse, discharge, meeting (and plan), follow-up, closing, record.

mod closing;
mod consent;
mod discharge;
mod followup;
mod initiative;
mod kallelse;
mod meeting;
mod need;
mod parties;
mod record;

use super::case::{Case, CaseDetails};
use super::model::*;
use super::phase::Phase;
use super::profiles::Profile;
use super::rules::{self, consent as consent_rules};
use super::violation::Violation;
use crate::engine::set::VecSet;
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

/// Who acts, and when; the profile of the case's region.
#[derive(Debug, Clone, Copy)]
pub struct Ctx<'a> {
    pub now: NaiveDateTime,
    /// The name of the user, for the event log.
    pub who: &'a str,
    pub profile: &'a Profile,
}

impl Ctx<'_> {
    fn today(&self) -> NaiveDate {
        self.now.date()
    }
}

/// Every change to a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Command {
    UpdateDetails(CaseDetails),
    /// A new party; the engine gives it its id (the id in the value is ignored).
    AddParty(Party),
    /// Changes the party with the value's id.
    UpdateParty(Party),
    RemoveParty(PartyId),
    AddGuardian {
        name: String,
        phone: String,
    },
    RemoveGuardian(u32),
    AddRepresentative {
        name: String,
        kind: RepresentativeKind,
    },
    SetNeedDetected(NaiveDate),
    SetIndicators(VecSet<Indicator>),
    SetCompulsoryCare(Option<CompulsoryCare>),
    RecordRequest {
        by: Requester,
        #[serde(with = "crate::engine::serde_iso::date")]
        at: NaiveDate,
    },
    RefuseRequest {
        reason: String,
    },
    RecordDischargeOffer {
        accepted: bool,
    },
    /// The consent as the coordinator records it (a `withdrawn` date in it is ignored).
    RecordConsent(Consent),
    AddConsentGiver(Giver),
    RefuseConsent {
        informed: bool,
    },
    WithdrawConsent,
    RecordChildView(String),
    /// R-CONS-6: the child judged mature enough to consent alone (`None` takes the assessment back).
    RecordMaturity(Option<MaturityAssessment>),
    SetPreparation(VecSet<PrepItem>),
    SendInitiative {
        initiator: PartyId,
        recipients: Vec<PartyId>,
        reason: String,
        /// R-INIT-6: judged and stated; `None` until the coordinator chooses.
        urgency: Option<Urgency>,
    },
    AcknowledgeInitiative {
        recipient: PartyId,
    },
    DeclineInitiative {
        recipient: PartyId,
        referral: String,
    },
    SendKallelse(KallelseDraft),
    AcknowledgeKallelse {
        recipient: PartyId,
        attendee: String,
        substitute: Option<String>,
    },
    RecordAdmission {
        #[serde(with = "crate::engine::serde_iso::datetime")]
        at: NaiveDateTime,
        insatser_may_be_needed: bool,
    },
    RecordUtskrivningsklar {
        #[serde(with = "crate::engine::serde_iso::datetime")]
        at: NaiveDateTime,
    },
    HoldMeeting(Meeting),
    /// Who is at the meeting, corrected while the plan is written (someone arrives late or leaves).
    CorrectAttendance {
        attendees: VecSet<PartyId>,
        person_present: bool,
    },
    /// The plan's content as edited; an insats keeps the id it was made with (0: the engine gives one).
    UpdatePlan(PlanContent),
    DecideInsats {
        insats: u32,
        by: PartyId,
    },
    EstablishPlan,
    SignPlan {
        by: PartyId,
    },
    LockPlan {
        by: PartyId,
    },
    RecordAgreement {
        agrees: bool,
    },
    RecordPrintedSignatures,
    StartNewVersion,
    RecordFollowUp {
        activities: Vec<ActivityFollowUp>,
        comment: String,
        next: Option<FollowUpPlan>,
    },
    Close {
        reason: ClosingReason,
        participants: Vec<String>,
        comment: String,
        /// R-AVSL-1: the person took part in the decision.
        person_took_part: bool,
        /// R-AVSL-2: decided at an evaluation meeting (else by going straight to the evaluation).
        at_meeting: bool,
    },
    Restart,
    AddMessage {
        author: String,
        text: String,
    },
    /// R-ROLE-2: the samordningsansvarig left; their huvudman appoints another from the same huvudman.
    ReassignSamordningsansvarig {
        party: PartyId,
        person: String,
    },
    /// R-ROLE-2: at a meeting the parties decide who has the coordination responsibility from now on — any unit,
    /// of either huvudman.
    HandOverCoordination {
        party: PartyId,
        person: String,
    },
    /// R-STAT-2 (R-ROLE-1): the person was told about SIP-kollen at the latest meeting.
    RecordSipKollenTold,
    RecordDeviation {
        rule: String,
        text: String,
    },
}

/// What a closed process refuses with: the rule that closed it.
fn closed_violation(phase: Phase) -> Violation {
    match phase {
        Phase::Avbojd => Violation::new("R-CONS-5", "Personen har tackat nej till SIP. Processen är avslutad utan plan."),
        Phase::Makulerad => Violation::new("R-CONS-8", "Samtycket är återkallat och planen makulerad. En ny SIP kräver nytt samtycke."),
        Phase::SamordnadVardplan => Violation::new(
            "R-NEED-5",
            "Personen har öppen psykiatrisk tvångsvård (LPT/LRV): planera med en samordnad vårdplan i stället för en SIP.",
        ),
        _ => Violation::new("R-AVSL-1", "SIP:en är avslutad."),
    }
}

/// A required text; the refusal names the rule that asks for it.
fn required(s: &str, what: &str, rule: &'static str) -> Result<String, Violation> {
    let t = s.trim();
    if t.is_empty() {
        return Err(Violation::new(rule, format!("Ange {what}.")));
    }
    Ok(t.to_string())
}

/// A required text that no rule is about (a name): an input error.
fn text(s: &str, what: &str) -> Result<String, Violation> {
    let t = s.trim();
    if t.is_empty() {
        return Err(Violation::input(format!("Ange {what}.")));
    }
    Ok(t.to_string())
}

/// Consecutive plan edits within this many minutes share one log line.
pub const PLAN_EDIT_MERGE_MINUTES: i64 = 15;

impl Case {
    /// Applies a command, or refuses it with the rule that forbids it. A refused command changes nothing.
    pub fn apply(&mut self, cmd: Command, ctx: &Ctx) -> Result<(), Violation> {
        let mut next = self.clone();
        let plan_edit = matches!(cmd, Command::UpdatePlan(_));
        let what = next.dispatch(cmd, ctx)?;
        next.updated = ctx.now;
        // Plan edits typed in one sitting are one line of the log: an edit right after another edit of the
        // same plan by the same person (within PLAN_EDIT_MERGE_MINUTES) moves that line's time forward.
        let merge = plan_edit
            && next.log.last().is_some_and(|e| {
                e.what == what
                    && e.who == ctx.who
                    && ctx.now - e.at <= chrono::Duration::minutes(PLAN_EDIT_MERGE_MINUTES)
            });
        match next.log.last_mut() {
            Some(last) if merge => last.at = ctx.now,
            _ => next.log.push(Event {
                at: ctx.now,
                who: ctx.who.to_string(),
                what,
            }),
        }
        *self = next;
        Ok(())
    }

    /// Hands the command to its section; returns the log line.
    fn dispatch(&mut self, cmd: Command, ctx: &Ctx) -> Result<String, Violation> {
        let phase = self.phase();
        let always_allowed = matches!(
            cmd,
            Command::UpdateDetails(_)
                | Command::AddMessage { .. }
                | Command::RecordDeviation { .. }
                | Command::Restart
        ) || (phase == Phase::SamordnadVardplan
            && matches!(cmd, Command::SetCompulsoryCare(_)));
        if phase.is_closed() && !always_allowed {
            return Err(closed_violation(phase));
        }
        use Command::*;
        match cmd {
            UpdateDetails(d) => self.change_details(&d, ctx),
            AddParty(p) => self.add_party(p),
            UpdateParty(p) => self.update_party(p),
            RemoveParty(id) => self.remove_party(id),
            AddGuardian { name, phone } => self.add_guardian(&name, &phone),
            RemoveGuardian(id) => self.remove_guardian(id),
            AddRepresentative { name, kind } => self.add_representative(&name, kind),
            SetNeedDetected(d) => self.set_need_detected(d, ctx),
            SetIndicators(set) => self.set_indicators(set),
            SetCompulsoryCare(flag) => self.set_compulsory_care(flag),
            RecordRequest { by, at } => self.record_request(by, at),
            RefuseRequest { reason } => self.refuse_request(&reason),
            RecordDischargeOffer { accepted } => self.record_discharge_offer(accepted),
            RecordConsent(c) => self.record_consent(c, ctx),
            AddConsentGiver(g) => self.add_consent_giver(g),
            RefuseConsent { informed } => self.refuse_consent(informed, ctx),
            WithdrawConsent => self.withdraw_consent(ctx),
            RecordChildView(view) => self.record_child_view(&view),
            RecordMaturity(m) => self.record_maturity(m, ctx),
            SetPreparation(items) => self.set_preparation(items),
            SendInitiative {
                initiator,
                recipients,
                reason,
                urgency,
            } => self.send_initiative(initiator, recipients, &reason, urgency, ctx),
            AcknowledgeInitiative { recipient } => self.acknowledge_initiative(recipient, ctx),
            DeclineInitiative {
                recipient,
                referral,
            } => self.decline_initiative(recipient, &referral, ctx),
            SendKallelse(draft) => self.send_kallelse(draft, ctx),
            AcknowledgeKallelse {
                recipient,
                attendee,
                substitute,
            } => self.acknowledge_kallelse(recipient, &attendee, substitute, ctx),
            RecordAdmission {
                at,
                insatser_may_be_needed,
            } => self.record_admission(at, insatser_may_be_needed),
            RecordUtskrivningsklar { at } => self.record_utskrivningsklar(at),
            HoldMeeting(m) => self.hold_meeting(m, ctx),
            CorrectAttendance {
                attendees,
                person_present,
            } => self.correct_attendance(attendees, person_present),
            UpdatePlan(content) => self.update_plan(content),
            DecideInsats { insats, by } => self.decide_insats(insats, by),
            EstablishPlan => self.establish_plan(ctx),
            SignPlan { by } => self.sign_plan(by, ctx),
            LockPlan { by } => self.lock_plan(by, ctx),
            RecordAgreement { agrees } => self.record_agreement(agrees),
            RecordPrintedSignatures => self.record_printed_signatures(),
            StartNewVersion => self.start_new_version(ctx),
            RecordFollowUp {
                activities,
                comment,
                next,
            } => self.record_follow_up(activities, &comment, next, ctx),
            Close {
                reason,
                participants,
                comment,
                person_took_part,
                at_meeting,
            } => self.close(
                reason,
                participants,
                &comment,
                person_took_part,
                at_meeting,
                ctx,
            ),
            Restart => self.restart(phase, ctx),
            AddMessage { author, text } => self.add_message(&author, &text, ctx),
            HandOverCoordination { party, person } => {
                self.hand_over_coordination(party, &person, ctx)
            }
            RecordSipKollenTold => self.record_sip_kollen_told(),
            ReassignSamordningsansvarig { party, person } => {
                self.reassign_samordningsansvarig(party, &person, ctx)
            }
            RecordDeviation { rule, text } => self.record_deviation(rule, &text, ctx),
        }
    }

    fn new_id(&mut self) -> u32 {
        let id = self.next_id.max(1);
        self.next_id = id + 1;
        id
    }

    fn known_party(&self, id: PartyId) -> Result<&Party, Violation> {
        self.party(id)
            .ok_or_else(|| Violation::input("Parten finns inte i ärendet."))
    }

    /// Steps that share information or move the process need a valid, complete consent and no LPT/LRV.
    pub(in crate::engine) fn check_sip_steps(&self, today: NaiveDate) -> Result<(), Violation> {
        rules::need::r_need_5_not_compulsory_care(self)?;
        consent_rules::r_cons_1_information_exchange(self)?;
        consent_rules::r_cons_4_not_expired(self, today)?;
        consent_rules::r_cons_6_guardians(self, today)
    }

    /// Voids every plan version that is not voided yet (R-CONS-8 withdrawal, R-CONS-9 restart, R-UPP-4 a new
    /// version): kept, readable, no longer in force.
    fn void_live_plans(&mut self, now: NaiveDateTime) {
        for p in self.plans.iter_mut() {
            p.void(now);
        }
    }
}
