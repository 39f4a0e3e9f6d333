//! The case (ärende) of one person, and how a coordinator registers one.

use super::identity::{age_on, is_child_on, Identity, IdentityError, IdentityKind};
use super::model::*;
use super::profiles::ProfileId;
use crate::engine::set::VecSet;
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use std::fmt;
use uuid::Uuid;

/// Storage and export schema of a case record. Bump when the stored shape changes; `upgrade` handles older ones.
pub const CASE_SCHEMA_VERSION: u32 = 2;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CaseId(pub Uuid);

impl CaseId {
    pub fn parse(s: &str) -> Option<CaseId> {
        Uuid::parse_str(s).ok().map(CaseId)
    }
}

impl fmt::Display for CaseId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// The person the plan belongs to ("den enskilde").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub name: String,
    pub identity: Identity,
    /// R-CONS-12: the language information is given in.
    pub language: String,
    /// R-CONS-12: the person has the right to an interpreter; recorded when needed.
    pub interpreter: bool,
}

impl Person {
    /// The first name, used in plan titles and goals ("Lisas plan", "Lisa vill …").
    pub fn first_name(&self) -> &str {
        self.name.split_whitespace().next().unwrap_or("")
    }

    pub fn age_on(&self, on: NaiveDate) -> Option<u32> {
        self.identity.birth_date().and_then(|b| age_on(b, on))
    }

    /// Child (under 18) at the reference date; unknown without a birth date.
    pub fn is_child_on(&self, on: NaiveDate) -> Option<bool> {
        self.identity.birth_date().map(|b| is_child_on(b, on))
    }
}

/// One person's SIP case. Fields are private to the engine: every change is a command applied by
/// [`crate::engine::process`], which refuses what the rules forbid, so no sequence of commands reaches an invalid
/// state. Version 1 records (person only) load with the process fields empty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Case {
    pub(in crate::engine) schema: u32,
    pub(in crate::engine) id: CaseId,
    pub(in crate::engine) person: Person,
    /// The person's kommun.
    pub(in crate::engine) kommun: String,
    /// Regional profile for this case (from the settings, changeable per case).
    pub(in crate::engine) profile: ProfileId,
    #[serde(with = "crate::engine::serde_iso::datetime")]
    pub(in crate::engine) created: NaiveDateTime,
    #[serde(with = "crate::engine::serde_iso::datetime")]
    pub(in crate::engine) updated: NaiveDateTime,
    #[serde(default)]
    pub(in crate::engine) parties: Vec<Party>,
    #[serde(default)]
    pub(in crate::engine) guardians: Vec<Guardian>,
    #[serde(default)]
    pub(in crate::engine) representatives: Vec<Representative>,
    #[serde(default)]
    pub(in crate::engine) need: Option<NeedAssessment>,
    #[serde(default)]
    pub(in crate::engine) consent: Option<Consent>,
    #[serde(default)]
    pub(in crate::engine) consent_refusal: Option<ConsentRefusal>,
    /// R-CONS-6: the child's view, in the child's words.
    #[serde(default)]
    pub(in crate::engine) child_view: String,
    /// R-CONS-6: the child is judged mature enough to consent alone.
    #[serde(default)]
    pub(in crate::engine) maturity: Option<MaturityAssessment>,
    #[serde(default)]
    pub(in crate::engine) preparation: VecSet<PrepItem>,
    #[serde(default)]
    pub(in crate::engine) initiative: Option<Initiative>,
    #[serde(default)]
    pub(in crate::engine) kallelse: Option<Kallelse>,
    /// Kallelser to earlier meetings, oldest first; `kallelse` is the latest (R-UPP-4, R-UPP-5).
    #[serde(default)]
    pub(in crate::engine) earlier_kallelser: Vec<Kallelse>,
    #[serde(default)]
    pub(in crate::engine) discharge: Option<Discharge>,
    #[serde(default)]
    pub(in crate::engine) meetings: Vec<Meeting>,
    #[serde(default)]
    pub(in crate::engine) plans: Vec<PlanVersion>,
    #[serde(default)]
    pub(in crate::engine) follow_ups: Vec<FollowUp>,
    #[serde(default)]
    pub(in crate::engine) closing: Option<Closing>,
    #[serde(default)]
    pub(in crate::engine) messages: Vec<Message>,
    #[serde(default)]
    pub(in crate::engine) deviations: Vec<Deviation>,
    #[serde(default)]
    pub(in crate::engine) roles: Roles,
    /// Append-only: who did what, when (R-STAT-4).
    #[serde(default)]
    pub(in crate::engine) log: Vec<Event>,
    /// Next id for parties, guardians, representatives and insatser of this case.
    #[serde(default = "first_id")]
    pub(in crate::engine) next_id: u32,
}

fn first_id() -> u32 {
    1
}

/// What the coordinator fills in to register a person.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewCase {
    pub name: String,
    pub identity_kind: Option<IdentityKind>,
    pub identity: String,
    pub kommun: String,
    pub profile: ProfileId,
    pub language: String,
    pub interpreter: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CaseField {
    Name,
    IdentityKind,
    Identity,
    Kommun,
    Language,
}

/// A field the user must correct, with the Swedish message shown next to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: CaseField,
    pub message_sv: String,
}

impl FieldError {
    fn new(field: CaseField, message: impl Into<String>) -> Self {
        FieldError {
            field,
            message_sv: message.into(),
        }
    }
}

const MAX_TEXT: usize = 200;

fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn check_text(
    field: CaseField,
    value: &str,
    what: &str,
    required: bool,
) -> Result<String, FieldError> {
    let v = clean(value);
    if required && v.is_empty() {
        return Err(FieldError::new(field, format!("Ange {what}.")));
    }
    if v.chars().count() > MAX_TEXT {
        return Err(FieldError::new(
            field,
            format!("{} får vara högst {MAX_TEXT} tecken.", capitalize(what)),
        ));
    }
    Ok(v)
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

impl Case {
    /// Registers a person. Every field error is reported at once; nothing is created unless all pass.
    pub fn register(
        input: &NewCase,
        id: CaseId,
        now: NaiveDateTime,
    ) -> Result<Case, Vec<FieldError>> {
        let mut errors = Vec::new();
        let name = check_text(CaseField::Name, &input.name, "namn", true)
            .map_err(|e| errors.push(e))
            .ok();
        let identity = match input.identity_kind {
            None => {
                errors.push(FieldError::new(
                    CaseField::IdentityKind,
                    "Välj typ av identitet.",
                ));
                None
            }
            Some(kind) => Identity::parse(kind, &input.identity, now.date())
                .map_err(|e: IdentityError| {
                    errors.push(FieldError::new(CaseField::Identity, e.message_sv()))
                })
                .ok(),
        };
        let kommun = check_text(CaseField::Kommun, &input.kommun, "kommun", true)
            .map_err(|e| errors.push(e))
            .ok();
        let language = check_text(CaseField::Language, &input.language, "språk", false)
            .map_err(|e| errors.push(e))
            .ok();
        match (name, identity, kommun, language) {
            (Some(name), Some(identity), Some(kommun), Some(language)) if errors.is_empty() => {
                Ok(Case {
                    schema: CASE_SCHEMA_VERSION,
                    id,
                    person: Person {
                        name,
                        identity,
                        language: if language.is_empty() {
                            "svenska".to_string()
                        } else {
                            language
                        },
                        interpreter: input.interpreter,
                    },
                    kommun,
                    profile: input.profile.clone(),
                    created: now,
                    updated: now,
                    parties: Vec::new(),
                    guardians: Vec::new(),
                    representatives: Vec::new(),
                    need: None,
                    consent: None,
                    consent_refusal: None,
                    child_view: String::new(),
                    maturity: None,
                    preparation: VecSet::new(),
                    initiative: None,
                    kallelse: None,
                    earlier_kallelser: Vec::new(),
                    discharge: None,
                    meetings: Vec::new(),
                    plans: Vec::new(),
                    follow_ups: Vec::new(),
                    closing: None,
                    messages: Vec::new(),
                    deviations: Vec::new(),
                    roles: Roles::default(),
                    log: vec![Event {
                        at: now,
                        who: String::new(),
                        what: "Ärendet registrerades".to_string(),
                    }],
                    next_id: 1,
                })
            }
            _ => Err(errors),
        }
    }

    /// Changes the details kept on the case page; refused with a message when a value is invalid.
    pub(in crate::engine) fn update_details(
        &mut self,
        details: &CaseDetails,
        now: NaiveDateTime,
    ) -> Result<(), FieldError> {
        let kommun = check_text(CaseField::Kommun, &details.kommun, "kommun", true)?;
        let language = check_text(CaseField::Language, &details.language, "språk", true)?;
        if self.kommun == kommun
            && self.person.language == language
            && self.person.interpreter == details.interpreter
            && self.profile == details.profile
        {
            return Ok(());
        }
        self.kommun = kommun;
        self.person.language = language;
        self.person.interpreter = details.interpreter;
        self.profile = details.profile.clone();
        self.updated = now;
        Ok(())
    }

    /// Checks details without changing anything: the field and its Swedish message when a value is invalid.
    pub fn validate_details(&self, details: &CaseDetails) -> Result<(), FieldError> {
        check_text(CaseField::Kommun, &details.kommun, "kommun", true)?;
        check_text(CaseField::Language, &details.language, "språk", true)?;
        Ok(())
    }

    pub fn details(&self) -> CaseDetails {
        CaseDetails {
            kommun: self.kommun.clone(),
            language: self.person.language.clone(),
            interpreter: self.person.interpreter,
            profile: self.profile.clone(),
        }
    }

    /// The newest plan version that is not voided.
    pub fn current_plan(&self) -> Option<&PlanVersion> {
        self.plans
            .iter()
            .rev()
            .find(|p| p.state() != PlanState::Makulerad)
    }

    pub(in crate::engine) fn current_plan_mut(&mut self) -> Option<&mut PlanVersion> {
        self.plans
            .iter_mut()
            .rev()
            .find(|p| p.state() != PlanState::Makulerad)
    }

    /// The first id no insats of any plan version has, and that the case has not handed out: where a plan
    /// editor starts numbering the insatser it makes.
    pub fn next_free_id(&self) -> u32 {
        let used = self
            .plans
            .iter()
            .flat_map(|p| p.content.insatser.iter().map(|i| i.id + 1))
            .max()
            .unwrap_or(1);
        self.next_id.max(used).max(1)
    }

    pub fn id(&self) -> CaseId {
        self.id
    }
    pub fn person(&self) -> &Person {
        &self.person
    }
    pub fn kommun(&self) -> &str {
        &self.kommun
    }
    pub fn profile(&self) -> &ProfileId {
        &self.profile
    }
    pub fn created(&self) -> NaiveDateTime {
        self.created
    }
    pub fn updated(&self) -> NaiveDateTime {
        self.updated
    }
    pub fn schema(&self) -> u32 {
        self.schema
    }
    pub fn parties(&self) -> &[Party] {
        &self.parties
    }
    pub fn party(&self, id: PartyId) -> Option<&Party> {
        self.parties.iter().find(|p| p.id == id)
    }
    pub fn guardians(&self) -> &[Guardian] {
        &self.guardians
    }
    pub fn representatives(&self) -> &[Representative] {
        &self.representatives
    }
    /// The need assessment; a case without one counts the need as detected when it was registered.
    pub fn need(&self) -> NeedAssessment {
        self.need.clone().unwrap_or_else(|| NeedAssessment {
            detected: self.created.date(),
            indicators: VecSet::new(),
            compulsory_care: None,
            request: None,
            discharge_offer_accepted: None,
        })
    }
    pub fn need_detected(&self) -> NaiveDate {
        self.need
            .as_ref()
            .map_or(self.created.date(), |n| n.detected)
    }
    pub fn consent(&self) -> Option<&Consent> {
        self.consent.as_ref()
    }
    pub fn consent_refusal(&self) -> Option<&ConsentRefusal> {
        self.consent_refusal.as_ref()
    }
    /// R-CONS-6: the recorded assessment that the child may consent alone.
    pub fn maturity(&self) -> Option<&MaturityAssessment> {
        self.maturity.as_ref()
    }

    pub fn child_view(&self) -> &str {
        &self.child_view
    }
    pub fn preparation(&self) -> &VecSet<PrepItem> {
        &self.preparation
    }
    pub fn initiative(&self) -> Option<&Initiative> {
        self.initiative.as_ref()
    }
    pub fn kallelse(&self) -> Option<&Kallelse> {
        self.kallelse.as_ref()
    }
    /// Kallelser to earlier meetings, oldest first.
    pub fn earlier_kallelser(&self) -> &[Kallelse] {
        &self.earlier_kallelser
    }
    /// R-UPP-4 / R-UPP-5: the plan is established and the meeting of the latest kallelse (if any) has been held, so
    /// a kallelse to a follow-up — booked or earlier — may be sent.
    pub fn may_call_follow_up(&self) -> bool {
        !self.phase().is_closed()
            && self
                .current_plan()
                .is_some_and(|p| !matches!(p.state(), PlanState::Utkast | PlanState::Makulerad))
            && self
                .kallelse
                .as_ref()
                // A meeting held after the kallelse was sent.
                .is_none_or(|k| self.meetings.len() > k.meetings_before as usize)
    }
    pub fn discharge(&self) -> Option<&Discharge> {
        self.discharge.as_ref()
    }
    pub fn meetings(&self) -> &[Meeting] {
        &self.meetings
    }
    pub fn plans(&self) -> &[PlanVersion] {
        &self.plans
    }
    pub fn follow_ups(&self) -> &[FollowUp] {
        &self.follow_ups
    }
    pub fn closing(&self) -> Option<&Closing> {
        self.closing.as_ref()
    }
    /// R-INIT-7: information messages, newest first.
    pub fn messages_newest_first(&self) -> Vec<&Message> {
        let mut m: Vec<&Message> = self.messages.iter().collect();
        m.sort_by_key(|x| std::cmp::Reverse(x.at));
        m
    }
    pub fn deviations(&self) -> &[Deviation] {
        &self.deviations
    }
    pub fn roles(&self) -> &Roles {
        &self.roles
    }
    /// The append-only event log.
    pub fn log(&self) -> &[Event] {
        &self.log
    }
}

/// The editable details of the case page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseDetails {
    pub kommun: String,
    pub language: String,
    pub interpreter: bool,
    pub profile: ProfileId,
}

/// What `theirs` (the same case saved elsewhere) has done that `ours` has not: its log lines that ours lacks, as
/// "what (when)", oldest first. Shown when the same case was changed in two tabs.
pub fn changes_since(ours: &Case, theirs: &Case) -> Vec<String> {
    let mut out: Vec<String> = theirs
        .log
        .iter()
        .filter(|e| !ours.log.contains(e))
        .map(|e| format!("{} ({})", e.what, super::calendar::iso_minutes(e.at)))
        .collect();
    if out.is_empty() && theirs != ours {
        out.push(format!(
            "Ärendet sparades {}",
            super::calendar::iso_minutes(theirs.updated)
        ));
    }
    out
}

/// Sorts cases by last change, newest first.
pub fn sort_by_last_change(cases: &mut [Case]) {
    cases.sort_by(|a, b| {
        b.updated
            .cmp(&a.updated)
            .then_with(|| a.person.name.cmp(&b.person.name))
    });
}
