//! The case (ärende) of one person, and how a coordinator registers one.

use super::identity::{age_on, is_child_on, Identity, IdentityError, IdentityKind};
use super::phase::Phase;
use super::profiles::ProfileId;
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use std::fmt;
use uuid::Uuid;

/// Storage and export schema of a case record. Bump when the stored shape changes; `upgrade` handles older ones.
pub const CASE_SCHEMA_VERSION: u32 = 1;

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

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Case {
    pub schema: u32,
    pub id: CaseId,
    pub person: Person,
    /// The person's kommun.
    pub kommun: String,
    /// Regional profile for this case (from the settings, changeable per case).
    pub profile: ProfileId,
    pub created: NaiveDateTime,
    pub updated: NaiveDateTime,
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
                })
            }
            _ => Err(errors),
        }
    }

    /// Changes the details kept on the case page; refused with a message when a value is invalid.
    pub fn update_details(
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

    pub fn details(&self) -> CaseDetails {
        CaseDetails {
            kommun: self.kommun.clone(),
            language: self.person.language.clone(),
            interpreter: self.person.interpreter,
            profile: self.profile.clone(),
        }
    }

    /// The phase of the process. A newly registered case starts at Behov (is a SIP needed?).
    pub fn phase(&self) -> Phase {
        Phase::Behov
    }

    /// Search by name (any part, case-insensitive) or by identity digits (at least four).
    pub fn matches(&self, query: &str) -> bool {
        let q = query.trim();
        if q.is_empty() {
            return true;
        }
        let digits: String = q.chars().filter(char::is_ascii_digit).collect();
        let only_digits = q
            .chars()
            .all(|c| c.is_ascii_digit() || c == '-' || c == '+' || c.is_whitespace());
        if only_digits && !digits.is_empty() {
            return self.person.identity.matches_digits(&digits);
        }
        let q = q.to_lowercase();
        self.person.name.to_lowercase().contains(&q)
    }
}

/// The editable details of the case page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseDetails {
    pub kommun: String,
    pub language: String,
    pub interpreter: bool,
    pub profile: ProfileId,
}

/// Sorts cases by last change, newest first.
pub fn sort_by_last_change(cases: &mut [Case]) {
    cases.sort_by(|a, b| {
        b.updated
            .cmp(&a.updated)
            .then_with(|| a.person.name.cmp(&b.person.name))
    });
}
