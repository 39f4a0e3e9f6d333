//! The SIP process as commands. [`Case::apply`] checks every rule that guards the command and then changes the
//! case, or refuses with a [`Violation`] and changes nothing. Each accepted command appends to the event log.

use super::case::{Case, CaseDetails};
use super::identity::is_child_on;
use super::model::*;
use super::phase::Phase;
use super::profiles::Profile;
use super::rules::{self, consent, ensure, Violation};
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// Who acts, and when; the profile of the case's region.
#[derive(Debug, Clone, Copy)]
pub struct Ctx<'a> {
    pub now: NaiveDateTime,
    /// The name of the user, for the event log.
    pub who: &'a str,
    pub profile: &'a Profile,
}

/// What the coordinator records as consent (R-CONS).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsentInput {
    pub information_exchange: bool,
    pub establish_plan: bool,
    pub parties: BTreeSet<PartyId>,
    pub information: BTreeSet<InformationKind>,
    pub form: ConsentForm,
    pub given_by: BTreeSet<Giver>,
    #[serde(with = "crate::engine::serde_iso::date")]
    pub given: NaiveDate,
    /// Defaults to, and is capped at, one year after `given` (R-CONS-4).
    #[serde(default, with = "crate::engine::serde_iso::date_opt")]
    pub valid_until: Option<NaiveDate>,
    pub digital_meeting: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingInput {
    #[serde(with = "crate::engine::serde_iso::datetime")]
    pub at: NaiveDateTime,
    pub kind: MeetingKind,
    pub attendees: BTreeSet<PartyId>,
    pub person_present: bool,
    pub chair: Option<PartyId>,
    pub documenter: String,
    pub digital: bool,
}

/// Every change to a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Command {
    UpdateDetails(CaseDetails),
    AddParty(PartyInput),
    UpdateParty {
        id: PartyId,
        input: PartyInput,
    },
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
    SetIndicators(BTreeSet<Indicator>),
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
    RecordConsent(ConsentInput),
    AddConsentGiver(Giver),
    RefuseConsent {
        informed: bool,
    },
    WithdrawConsent,
    RecordChildView(String),
    SetPreparation(BTreeSet<PrepItem>),
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
    HoldMeeting(MeetingInput),
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
    },
    Restart,
    AddMessage {
        author: String,
        text: String,
    },
    ReassignSamordningsansvarig {
        party: PartyId,
        person: String,
    },
    RecordDeviation {
        rule: String,
        text: String,
    },
}

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
        let what = next.apply_inner(cmd, ctx)?;
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

    fn new_id(&mut self) -> u32 {
        let id = self.next_id.max(1);
        self.next_id = id + 1;
        id
    }

    fn need_mut(&mut self) -> &mut NeedAssessment {
        let detected = self.created.date();
        self.need.get_or_insert_with(|| NeedAssessment {
            detected,
            indicators: BTreeSet::new(),
            compulsory_care: None,
            request: None,
            discharge_offer_accepted: None,
        })
    }

    fn known_party(&self, id: PartyId) -> Result<&Party, Violation> {
        self.party(id)
            .ok_or_else(|| Violation::input("Parten finns inte i ärendet."))
    }

    /// Steps that share information or move the process need a valid, complete consent and no LPT/LRV.
    pub(in crate::engine) fn check_sip_steps(&self, today: NaiveDate) -> Result<(), Violation> {
        rules::need::r_need_5_not_compulsory_care(self)?;
        consent::r_cons_1_information_exchange(self)?;
        consent::r_cons_4_not_expired(self, today)?;
        consent::r_cons_6_guardians(self, today)
    }

    fn apply_inner(&mut self, cmd: Command, ctx: &Ctx) -> Result<String, Violation> {
        let today = ctx.now.date();
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
        match cmd {
            Command::UpdateDetails(d) => {
                self.update_details(&d, ctx.now)
                    .map_err(|e| Violation::input(e.message_sv))?;
                Ok("Uppgifterna ändrades".into())
            }
            Command::AddParty(input) => {
                let name = text(&input.name, "verksamhetens eller aktörens namn")?;
                let id = PartyId(self.new_id());
                self.parties.push(Party {
                    id,
                    kind: input.kind,
                    name: name.clone(),
                    contact: input.contact,
                    has_system_access: input.has_system_access,
                    ongoing_contact: input.ongoing_contact,
                });
                Ok(format!("Part tillagd: {name}"))
            }
            Command::UpdateParty { id, input } => {
                let name = text(&input.name, "verksamhetens eller aktörens namn")?;
                self.known_party(id)?;
                if let Some(p) = self.parties.iter_mut().find(|p| p.id == id) {
                    p.kind = input.kind;
                    p.name = name.clone();
                    p.contact = input.contact;
                    p.has_system_access = input.has_system_access;
                    p.ongoing_contact = input.ongoing_contact;
                }
                Ok(format!("Part ändrad: {name}"))
            }
            Command::RemoveParty(id) => {
                let name = self.known_party(id)?.name.clone();
                let in_use = self.initiative.as_ref().is_some_and(|i| {
                    i.initiator == id || i.recipients.iter().any(|r| r.party == id)
                }) || self
                    .kallelse
                    .as_ref()
                    .is_some_and(|k| k.recipients.iter().any(|r| r.party == id))
                    || self
                        .plans
                        .iter()
                        .any(|p| p.content.insatser.iter().any(|i| i.unit == id))
                    || self.roles.samordningsansvarig == Some(id);
                if in_use {
                    return Err(Violation::input(format!("{name} finns i initiativ, kallelse eller plan och kan inte tas bort; historiken behålls.")));
                }
                self.parties.retain(|p| p.id != id);
                if let Some(c) = self.consent.as_mut() {
                    c.parties.remove(&id);
                }
                Ok(format!("Part borttagen: {name}"))
            }
            Command::AddGuardian { name, phone } => {
                let name = text(&name, "vårdnadshavarens namn")?;
                ensure(
                    self.guardians.len() < 2,
                    "R-CONS-6",
                    "Ett barn har högst två vårdnadshavare.",
                )?;
                let id = self.new_id();
                self.guardians.push(Guardian {
                    id,
                    name: name.clone(),
                    phone: phone.trim().to_string(),
                });
                Ok(format!("Vårdnadshavare tillagd: {name}"))
            }
            Command::RemoveGuardian(id) => {
                let given = self
                    .consent
                    .as_ref()
                    .is_some_and(|c| c.given_by.contains(&Giver::Vardnadshavare(id)));
                ensure(
                    !given,
                    "R-CONS-6",
                    "Vårdnadshavaren har lämnat samtycke och kan inte tas bort.",
                )?;
                ensure(
                    self.guardians.iter().any(|g| g.id == id),
                    "R-CONS-6",
                    "Vårdnadshavaren finns inte.",
                )?;
                self.guardians.retain(|g| g.id != id);
                Ok("Vårdnadshavare borttagen".into())
            }
            Command::AddRepresentative { name, kind } => {
                let name = text(&name, "företrädarens namn")?;
                let id = self.new_id();
                self.representatives.push(Representative {
                    id,
                    name: name.clone(),
                    kind,
                });
                Ok(format!("{} tillagd: {name}", kind.label_sv()))
            }
            Command::SetNeedDetected(d) => {
                ensure(
                    d <= today,
                    "R-NEED-8",
                    "Datumet då behovet upptäcktes kan inte ligga i framtiden.",
                )?;
                self.need_mut().detected = d;
                Ok(format!("Behovet upptäcktes {d}"))
            }
            Command::SetIndicators(set) => {
                self.need_mut().indicators = set;
                Ok("Tecken på behov av SIP uppdaterade".into())
            }
            Command::SetCompulsoryCare(flag) => {
                self.need_mut().compulsory_care = flag;
                Ok(match flag {
                    Some(CompulsoryCare::Lpt) => {
                        "Öppen psykiatrisk tvångsvård (LPT) registrerad".into()
                    }
                    Some(CompulsoryCare::Lrv) => {
                        "Öppen rättspsykiatrisk vård (LRV) registrerad".into()
                    }
                    None => "LPT/LRV borttaget".into(),
                })
            }
            Command::RecordRequest { by, at } => {
                self.need_mut().request = Some(Request {
                    by,
                    at,
                    refused_reason: None,
                });
                Ok("Begäran om SIP registrerad".into())
            }
            Command::RefuseRequest { reason } => {
                rules::need::r_need_4_refusal_reason(&reason)?;
                let need = self.need_mut();
                let Some(req) = need.request.as_mut() else {
                    return Err(Violation::new(
                        "R-NEED-4",
                        "Det finns ingen begäran om SIP att neka.",
                    ));
                };
                req.refused_reason = Some(reason.trim().to_string());
                Ok("Begäran om SIP nekad, med anledning".into())
            }
            Command::RecordDischargeOffer { accepted } => {
                self.need_mut().discharge_offer_accepted = Some(accepted);
                Ok(if accepted {
                    "Erbjudande om SIP vid utskrivning: ja"
                } else {
                    "Erbjudande om SIP vid utskrivning: nej"
                }
                .into())
            }
            Command::RecordConsent(input) => {
                rules::need::r_need_5_not_compulsory_care(self)?;
                consent::r_cons_3_scope(&input.parties, &input.information)?;
                consent::r_cons_2_form(input.form, ctx.profile)?;
                for p in &input.parties {
                    self.known_party(*p)?;
                }
                consent::r_cons_7_givers_known(self, &input.given_by)?;
                consent::r_cons_11_scope_keeps_actors_in_use(self, &input.parties)?;
                consent::r_cons_1_keeps_established_plan(self, input.establish_plan)?;
                ensure(
                    input.given <= today,
                    "R-CONS-4",
                    "Samtycket kan inte vara givet i framtiden.",
                )?;
                let valid_until = input
                    .valid_until
                    .unwrap_or_else(|| consent::r_cons_4_max_valid_until(input.given));
                consent::r_cons_4_valid_until(input.given, valid_until)?;
                let child = is_child_on_opt(self, input.given);
                ensure(
                    !(child
                        && input.given_by.contains(&Giver::Personen)
                        && input.given_by.len() == 1),
                    "R-CONS-6",
                    "För ett barn lämnar vårdnadshavarna samtycket.",
                )?;
                self.consent = Some(Consent {
                    information_exchange: input.information_exchange,
                    establish_plan: input.establish_plan,
                    parties: input.parties,
                    information: input.information,
                    form: input.form,
                    given_by: input.given_by,
                    given: input.given,
                    valid_until,
                    digital_meeting: input.digital_meeting,
                    withdrawn: None,
                });
                self.consent_refusal = None;
                Ok(format!(
                    "Samtycke registrerat ({}), giltigt till {valid_until}",
                    input.form.label_sv().to_lowercase()
                ))
            }
            Command::AddConsentGiver(giver) => {
                ensure(
                    self.consent.is_some(),
                    "R-CONS-6",
                    "Registrera samtycket först.",
                )?;
                consent::r_cons_7_givers_known(self, &BTreeSet::from([giver]))?;
                if let Some(c) = self.consent.as_mut() {
                    c.given_by.insert(giver);
                }
                Ok("Samtycke från ytterligare en person registrerat".into())
            }
            Command::RefuseConsent { informed } => {
                ensure(
                    self.plans.is_empty(),
                    "R-CONS-8",
                    "Det finns redan en plan: registrera i stället att samtycket återkallas.",
                )?;
                self.consent_refusal = Some(ConsentRefusal {
                    at: today,
                    informed,
                });
                Ok("Personen tackade nej till SIP. Processen avslutas utan plan.".into())
            }
            Command::WithdrawConsent => {
                let Some(c) = self.consent.as_mut().filter(|c| c.withdrawn.is_none()) else {
                    return Err(Violation::new(
                        "R-CONS-8",
                        "Det finns inget gällande samtycke att återkalla.",
                    ));
                };
                c.withdrawn = Some(today);
                for p in self
                    .plans
                    .iter_mut()
                    .filter(|p| p.state != PlanState::Makulerad)
                {
                    p.state = PlanState::Makulerad;
                    p.voided = Some(ctx.now);
                }
                let told: Vec<String> = consent::r_cons_8_notification_list(self)
                    .iter()
                    .filter_map(|id| self.party(*id))
                    .map(|p| p.name.clone())
                    .collect();
                Ok(format!(
                    "Samtycket återkallat; planen makulerad. Informera: {}",
                    told.join(", ")
                ))
            }
            Command::RecordChildView(view) => {
                self.child_view = view.trim().to_string();
                Ok("Barnets synpunkter dokumenterade".into())
            }
            Command::SetPreparation(items) => {
                self.preparation = items;
                Ok("Förberedelsen med personen uppdaterad".into())
            }
            Command::SendInitiative {
                initiator,
                recipients,
                reason,
                urgency,
            } => {
                self.check_sip_steps(today)?;
                rules::need::r_need_9_initiator(self, initiator)?;
                ensure(
                    self.initiative.is_none(),
                    "R-INIT-1",
                    "Initiativet är redan skickat.",
                )?;
                ensure(
                    !recipients.is_empty(),
                    "R-INIT-1",
                    "Välj minst en mottagare av initiativet.",
                )?;
                for r in &recipients {
                    self.known_party(*r)?;
                    rules::consent::r_cons_11_actor_in_scope(self, *r)?;
                }
                let reason = required(
                    &reason,
                    "en kort anledning till initiativet (\"behov av samordning av …\")",
                    "R-INIT-3",
                )?;
                let urgency = rules::initiative::r_init_6_urgency(urgency)?;
                let mut seen = BTreeSet::new();
                let recipients: Vec<InitiativeRecipient> = recipients
                    .into_iter()
                    .filter(|r| *r != initiator && seen.insert(*r))
                    .map(|party| InitiativeRecipient {
                        party,
                        sent: ctx.now,
                        answer: None,
                    })
                    .collect();
                ensure(
                    !recipients.is_empty(),
                    "R-INIT-1",
                    "Välj minst en mottagare utöver den egna enheten.",
                )?;
                let n = recipients.len();
                self.initiative = Some(Initiative {
                    initiator,
                    reason,
                    urgency,
                    sent: ctx.now,
                    recipients,
                });
                // R-INIT-4: the initiating unit is samordningsansvarig and chairs the first meeting.
                if self.roles.samordningsansvarig.is_none() {
                    self.roles.samordningsansvarig = Some(initiator);
                    self.roles.chair = Some(initiator);
                    self.roles.samordningsansvarig_person = ctx.who.to_string();
                }
                Ok(format!(
                    "Initiativ skickat till {n} mottagare ({})",
                    urgency.label_sv().to_lowercase()
                ))
            }
            Command::AcknowledgeInitiative { recipient } => {
                let r = self.initiative_recipient(recipient)?;
                r.answer = Some(InitiativeAnswer::Kvitterad { at: ctx.now });
                Ok("Initiativet kvitterat".into())
            }
            Command::DeclineInitiative {
                recipient,
                referral,
            } => {
                rules::initiative::r_init_1_referral(&referral)?;
                let r = self.initiative_recipient(recipient)?;
                r.answer = Some(InitiativeAnswer::Nekad {
                    at: ctx.now,
                    referral: referral.trim().to_string(),
                });
                Ok(format!(
                    "Initiativet nekat, hänvisat till {}",
                    referral.trim()
                ))
            }
            Command::SendKallelse(draft) => {
                self.check_sip_steps(today)?;
                rules::kallelse::r_kall_1_content(&draft)?;
                rules::kallelse::r_kall_2_time_and_place(&draft)?;
                ensure(
                    self.kallelse.is_none(),
                    "R-KALL-3",
                    "Kallelsen är redan skickad.",
                )?;
                ensure(
                    !draft.recipients.is_empty(),
                    "R-KALL-4",
                    "Välj vilka som kallas och bjuds in.",
                )?;
                let (Some(meeting_at), Some(place)) = (draft.meeting_at, draft.place.clone())
                else {
                    return Err(Violation::new("R-KALL-2", "Ange tid och plats."));
                };
                if place == Place::Digitalt {
                    consent::r_cons_10_digital(self)?;
                }
                let mut recipients = Vec::new();
                let mut seen = BTreeSet::new();
                for id in draft.recipients.iter().filter(|id| seen.insert(**id)) {
                    let party = self.known_party(*id)?;
                    consent::r_cons_11_actor_in_scope(self, *id)?;
                    let summoned = rules::kallelse::r_kall_4_is_summoned(party, ctx.profile);
                    recipients.push(KallelseRecipient {
                        party: *id,
                        summoned,
                        answer: None,
                    });
                }
                for q in &draft.questions {
                    if let Some(p) = q.party {
                        self.known_party(p)?;
                    }
                }
                let n = recipients.len();
                self.kallelse = Some(Kallelse {
                    purpose: draft.purpose.trim().to_string(),
                    long_term_goal: draft.long_term_goal.trim().to_string(),
                    questions: draft
                        .questions
                        .into_iter()
                        .filter(|q| !q.text.trim().is_empty())
                        .collect(),
                    meeting_at,
                    place,
                    participation: draft.participation.trim().to_string(),
                    recipients,
                    documenter: draft.documenter.trim().to_string(),
                    sent: ctx.now,
                });
                Ok(format!("Kallelse skickad till {n} mottagare"))
            }
            Command::AcknowledgeKallelse {
                recipient,
                attendee,
                substitute,
            } => {
                rules::kallelse::r_kall_3_attendee(&attendee)?;
                let Some(r) = self
                    .kallelse
                    .as_mut()
                    .and_then(|k| k.recipients.iter_mut().find(|r| r.party == recipient))
                else {
                    return Err(Violation::new(
                        "R-KALL-3",
                        "Mottagaren finns inte i kallelsen.",
                    ));
                };
                r.answer = Some(KallelseAnswer {
                    at: ctx.now,
                    attendee: attendee.trim().to_string(),
                    substitute: substitute
                        .map(|s| s.trim().to_string())
                        .filter(|s| !s.is_empty()),
                });
                Ok(format!("Kallelsen kvitterad: {} kommer", attendee.trim()))
            }
            Command::RecordAdmission {
                at,
                insatser_may_be_needed,
            } => {
                self.discharge = Some(Discharge {
                    admitted: at,
                    insatser_may_be_needed,
                    utskrivningsklar: None,
                });
                if insatser_may_be_needed {
                    self.need_mut()
                        .indicators
                        .insert(Indicator::EfterUtskrivning);
                }
                Ok("Inskrivning i slutenvård registrerad".into())
            }
            Command::RecordUtskrivningsklar { at } => {
                let Some(d) = self.discharge.as_mut() else {
                    return Err(Violation::new(
                        "R-UTSK-1",
                        "Registrera inskrivningen först.",
                    ));
                };
                if at < d.admitted {
                    return Err(Violation::input(
                        "Utskrivningsklar kan inte vara före inskrivningen.",
                    ));
                }
                d.utskrivningsklar = Some(at);
                Ok("Utskrivningsklar registrerad".into())
            }
            Command::HoldMeeting(m) => {
                rules::need::r_need_5_not_compulsory_care(self)?;
                consent::r_cons_1_information_exchange(self)?;
                consent::r_cons_4_not_expired(self, today)?;
                consent::r_cons_6_guardians(self, today)?;
                if m.digital {
                    consent::r_cons_10_digital(self)?;
                }
                for p in &m.attendees {
                    self.known_party(*p)?;
                }
                ensure(
                    m.at.date() <= today,
                    "R-PLAN-7",
                    "Mötet kan inte registreras som hållet i framtiden.",
                )?;
                let kind = m.kind;
                self.meetings.push(Meeting {
                    at: m.at,
                    kind,
                    attendees: m.attendees,
                    person_present: m.person_present,
                    chair: m.chair,
                    documenter: m.documenter.trim().to_string(),
                    digital: m.digital,
                });
                if kind != MeetingKind::Utvardering && self.current_plan().is_none() {
                    let version = self.plans.len() as u32 + 1;
                    let content = PlanContent {
                        long_term_goal: self
                            .kallelse
                            .as_ref()
                            .map(|k| k.long_term_goal.clone())
                            .unwrap_or_default(),
                        ..PlanContent::default()
                    };
                    self.plans.push(new_version(version, content, ctx.now));
                }
                Ok(format!(
                    "Möte hållet ({})",
                    rules::plan::r_plan_14_kva(kind, self.discharge.is_some())
                ))
            }
            Command::UpdatePlan(mut content) => {
                let Some(current) = self.current_plan() else {
                    return Err(Violation::new(
                        "R-PLAN-1",
                        "Det finns ingen plan ännu. Planen skrivs på SIP-mötet.",
                    ));
                };
                ensure(
                    current.state.editable(),
                    "R-PLAN-10",
                    "Planen är låst. Starta en ny version för att ändra.",
                )?;
                for a in &content.others_actions {
                    consent::r_cons_11_actor_in_scope(self, a.party)?;
                }
                for i in &content.insatser {
                    self.known_party(i.unit)?;
                }
                rules::plan::r_plan_12_huvudansvarig(self, content.huvudansvarig)?;
                // R-PLAN-4: "decided" is set only by DecideInsats; keep it from the stored plan.
                let old = current.content.insatser.clone();
                let mut next_id = self.next_id;
                for i in content.insatser.iter_mut() {
                    let prev = old.iter().find(|o| o.id == i.id && i.id != 0);
                    i.decided = prev.is_some_and(|p| p.decided && p.unit == i.unit);
                    if prev.is_none() {
                        i.id = next_id.max(1);
                        next_id = i.id + 1;
                    }
                }
                self.next_id = next_id;
                if let Some(p) = self.current_plan_mut() {
                    p.content = content;
                }
                Ok("Planen ändrad".into())
            }
            Command::DecideInsats { insats, by } => {
                self.known_party(by)?;
                let Some(plan) = self.current_plan_mut() else {
                    return Err(Violation::new("R-PLAN-4", "Det finns ingen plan."));
                };
                ensure(plan.state.editable(), "R-PLAN-10", "Planen är låst.")?;
                let Some(i) = plan.content.insatser.iter_mut().find(|i| i.id == insats) else {
                    return Err(Violation::new("R-PLAN-4", "Insatsen finns inte i planen."));
                };
                rules::plan::r_plan_4_own_unit(i, by)?;
                i.decided = true;
                Ok(format!(
                    "Insatsen \"{}\" beslutad av den egna verksamheten",
                    i.what
                ))
            }
            Command::EstablishPlan => {
                rules::need::r_need_5_not_compulsory_care(self)?;
                consent::r_cons_1_establish(self)?;
                let plan = self.current_plan();
                rules::plan::r_plan_10_state(plan, PlanState::Utkast, "upprättas")?;
                rules::plan::r_plan_1_complete_current(plan)?;
                let Some(p) = self.current_plan_mut() else {
                    return Err(Violation::new("R-PLAN-1", "Det finns ingen plan."));
                };
                p.state = PlanState::Upprattad;
                p.established = Some(ctx.now);
                Ok(format!("Plan version {} upprättad", p.version))
            }
            Command::SignPlan { by } => {
                rules::plan::r_plan_10_by_coordinator(self, by, "signera")?;
                rules::plan::r_plan_10_state(
                    self.current_plan(),
                    PlanState::Upprattad,
                    "signeras",
                )?;
                if let Some(p) = self.current_plan_mut() {
                    p.state = PlanState::Signerad;
                    p.signed = Some(ctx.now);
                }
                Ok("Planen signerad av samordningsansvarig (synlig för alla deltagare)".into())
            }
            Command::LockPlan { by } => {
                rules::plan::r_plan_10_by_coordinator(self, by, "låsa")?;
                rules::plan::r_plan_10_state(self.current_plan(), PlanState::Signerad, "låsas")?;
                rules::plan::r_plan_1_complete_current(self.current_plan())?;
                if let Some(p) = self.current_plan_mut() {
                    p.state = PlanState::Last;
                    p.locked = Some(ctx.now);
                }
                Ok("Planen låst".into())
            }
            Command::RecordAgreement { agrees } => {
                let Some(p) = self
                    .current_plan_mut()
                    .filter(|p| p.state != PlanState::Utkast)
                else {
                    return Err(Violation::new(
                        "R-PLAN-10",
                        "Planen är inte upprättad ännu.",
                    ));
                };
                p.person_agrees = Some(agrees);
                Ok(if agrees {
                    "Personen samtycker till planeringen"
                } else {
                    "Personen samtycker inte till planeringen"
                }
                .into())
            }
            Command::RecordPrintedSignatures => {
                let Some(p) = self
                    .current_plan_mut()
                    .filter(|p| p.state == PlanState::Last)
                else {
                    return Err(Violation::new(
                        "R-PLAN-10",
                        "Planen skrivs ut och under när den är låst.",
                    ));
                };
                p.printed_signatures = true;
                Ok("Utskriven plan underskriven av personen och samordningsansvarig".into())
            }
            Command::StartNewVersion => {
                self.check_sip_steps(today)?;
                let Some(cur) = self.current_plan() else {
                    return Err(Violation::new(
                        "R-UPP-4",
                        "Det finns ingen plan att göra en ny version av.",
                    ));
                };
                ensure(
                    cur.state != PlanState::Utkast,
                    "R-UPP-4",
                    "Den nuvarande versionen är fortfarande ett utkast.",
                )?;
                let mut content = cur.content.clone();
                for i in content.insatser.iter_mut() {
                    i.decided = false;
                }
                let version = self.plans.iter().map(|p| p.version).max().unwrap_or(0) + 1;
                if let Some(p) = self.current_plan_mut() {
                    p.state = PlanState::Makulerad;
                    p.voided = Some(ctx.now);
                }
                self.plans.push(new_version(version, content, ctx.now));
                Ok(format!(
                    "Ny planversion {version}; den tidigare är makulerad och sparad i historiken"
                ))
            }
            Command::RecordFollowUp {
                activities,
                comment,
                next,
            } => {
                let Some(plan) = self.current_plan().filter(|p| p.state != PlanState::Utkast)
                else {
                    return Err(Violation::new(
                        "R-UPP-1",
                        "Det finns ingen upprättad plan att följa upp.",
                    ));
                };
                rules::followup::r_upp_2_known_activities(plan, &activities)?;
                let version = plan.version;
                if let Some(n) = &next {
                    ensure(
                        !n.place.trim().is_empty() && n.date > today,
                        "R-PLAN-6",
                        "Nästa uppföljning behöver ett kommande datum och en plats.",
                    )?;
                }
                if let Some(p) = self.current_plan_mut() {
                    for a in &activities {
                        if let Some(i) = p.content.insatser.iter_mut().find(|i| i.id == a.insats) {
                            i.status = Some(a.status);
                            i.status_comment = a.comment.trim().to_string();
                        }
                    }
                    if let Some(n) = next {
                        p.content.follow_up = Some(n);
                    }
                }
                self.follow_ups.push(FollowUp {
                    at: ctx.now,
                    plan_version: version,
                    activities,
                    comment: comment.trim().to_string(),
                });
                Ok(format!(
                    "Uppföljning av plan version {version} dokumenterad"
                ))
            }
            Command::Close {
                reason,
                participants,
                comment,
            } => {
                rules::closing::r_avsl_1_reason(reason, &comment)?;
                if reason == ClosingReason::SamtyckeAterkallat {
                    ensure(
                        self.consent.as_ref().is_some_and(|c| c.withdrawn.is_some()),
                        "R-CONS-8",
                        "Registrera först att samtycket återkallas; då makuleras planen.",
                    )?;
                }
                let notify = rules::closing::r_avsl_3_notification_list(self);
                self.closing = Some(Closing {
                    notify,
                    reason,
                    at: ctx.now,
                    participants: participants
                        .into_iter()
                        .map(|p| p.trim().to_string())
                        .filter(|p| !p.is_empty())
                        .collect(),
                    comment: comment.trim().to_string(),
                });
                Ok(format!("SIP avslutad: {}", reason.label_sv()))
            }
            Command::Restart => {
                ensure(
                    phase.is_closed() && phase != Phase::SamordnadVardplan,
                    "R-CONS-9",
                    "Bara en avslutad process kan startas om.",
                )?;
                // R-CONS-9: a new process starts without consent; history (plans, log) is kept.
                for p in self
                    .plans
                    .iter_mut()
                    .filter(|p| p.state != PlanState::Makulerad)
                {
                    p.state = PlanState::Makulerad;
                    p.voided = Some(ctx.now);
                }
                self.consent = None;
                self.consent_refusal = None;
                self.initiative = None;
                self.kallelse = None;
                self.closing = None;
                self.follow_ups.clear();
                self.meetings.clear();
                self.roles = Roles::default();
                let mut need = self.need();
                need.detected = today;
                need.request = None;
                self.need = Some(need);
                Ok("Ny SIP-process startad; nytt samtycke behövs".into())
            }
            Command::AddMessage { author, text: body } => {
                let author = required(&author, "avsändare", "R-INIT-7")?;
                let body = required(&body, "meddelandets text", "R-INIT-7")?;
                self.messages.push(Message {
                    author,
                    at: ctx.now,
                    text: body,
                });
                Ok("Informationsmeddelande".into())
            }
            Command::ReassignSamordningsansvarig { party, person } => {
                self.known_party(party)?;
                rules::roles::r_role_2_same_huvudman(self, party)?;
                let person = text(&person, "namnet på den nya samordningsansvariga")?;
                let before = self.roles.samordningsansvarig_person.clone();
                self.roles.samordningsansvarig = Some(party);
                self.roles.samordningsansvarig_person = person.clone();
                Ok(format!(
                    "Samordningsansvarig ändrad från {before} till {person}"
                ))
            }
            Command::RecordDeviation { rule, text: body } => {
                let body = required(&body, "en beskrivning av avvikelsen", "R-STAT-3")?;
                self.deviations.push(Deviation {
                    at: ctx.now,
                    rule: rule.clone(),
                    text: body,
                });
                Ok(format!("Avvikelse rapporterad ({rule})"))
            }
        }
    }

    fn initiative_recipient(
        &mut self,
        recipient: PartyId,
    ) -> Result<&mut InitiativeRecipient, Violation> {
        self.initiative
            .as_mut()
            .and_then(|i| i.recipients.iter_mut().find(|r| r.party == recipient))
            .ok_or_else(|| Violation::new("R-INIT-1", "Enheten är inte mottagare av initiativet."))
            .and_then(|r| {
                if r.answer.is_some() {
                    Err(Violation::new(
                        "R-INIT-1",
                        "Mottagaren har redan svarat på initiativet.",
                    ))
                } else {
                    Ok(r)
                }
            })
    }
}

fn is_child_on_opt(case: &Case, on: NaiveDate) -> bool {
    case.person()
        .identity
        .birth_date()
        .is_some_and(|b| is_child_on(b, on))
}

fn new_version(version: u32, content: PlanContent, now: NaiveDateTime) -> PlanVersion {
    PlanVersion {
        version,
        state: PlanState::Utkast,
        content,
        created: now,
        established: None,
        signed: None,
        locked: None,
        voided: None,
        person_agrees: None,
        printed_signatures: false,
    }
}
