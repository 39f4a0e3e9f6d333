//! D. Summons — kallelse (R-KALL)

use super::PartyId;
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    pub text: String,
    /// The party the question is for (what it can contribute).
    pub party: Option<PartyId>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum Place {
    Plats(String),
    Digitalt,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KallelseAnswer {
    #[serde(with = "crate::engine::serde_iso::datetime")]
    pub at: NaiveDateTime,
    pub attendee: String,
    pub substitute: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KallelseRecipient {
    pub party: PartyId,
    /// Summoned (must attend) or invited (R-KALL-4).
    pub summoned: bool,
    pub answer: Option<KallelseAnswer>,
}

/// What the coordinator writes before sending a kallelse.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct KallelseDraft {
    pub purpose: String,
    /// "Vad är viktigt för dig?"
    pub long_term_goal: String,
    pub questions: Vec<Question>,
    #[serde(default, with = "crate::engine::serde_iso::datetime_opt")]
    pub meeting_at: Option<NaiveDateTime>,
    pub place: Option<Place>,
    /// R-KALL-2: how the person and närstående take part.
    pub participation: String,
    pub recipients: Vec<PartyId>,
    /// R-ROLE-3: who documents, decided beforehand.
    pub documenter: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kallelse {
    pub purpose: String,
    pub long_term_goal: String,
    pub questions: Vec<Question>,
    #[serde(with = "crate::engine::serde_iso::datetime")]
    pub meeting_at: NaiveDateTime,
    pub place: Place,
    pub participation: String,
    pub recipients: Vec<KallelseRecipient>,
    pub documenter: String,
    #[serde(with = "crate::engine::serde_iso::datetime")]
    pub sent: NaiveDateTime,
    /// How many meetings the case had when it was sent: a meeting after that is the one it called.
    #[serde(default)]
    pub meetings_before: u32,
}
