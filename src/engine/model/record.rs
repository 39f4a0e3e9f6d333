//! The case's record beyond the steps: messages (R-INIT-7), deviations (R-STAT-3), roles (R-INIT-4, R-ROLE-2)
//! and the event log (R-STAT-4).

use super::PartyId;
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

/// R-INIT-7: an information message between participants.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    pub author: String,
    #[serde(with = "crate::engine::serde_iso::datetime")]
    pub at: NaiveDateTime,
    pub text: String,
}

/// R-STAT-3: a deviation in the collaboration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deviation {
    #[serde(with = "crate::engine::serde_iso::datetime")]
    pub at: NaiveDateTime,
    pub rule: String,
    pub text: String,
}

/// The roles of the process (R-INIT-4, R-ROLE-2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Roles {
    pub samordningsansvarig: Option<PartyId>,
    pub samordningsansvarig_person: String,
    pub chair: Option<PartyId>,
    /// R-ROLE-2: every earlier samordningsansvarig, oldest first.
    #[serde(default)]
    pub history: Vec<CoordinatorChange>,
}

/// R-ROLE-2: how the coordination responsibility moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CoordinatorChangeKind {
    /// Decided by the parties at a meeting; may move to another huvudman.
    HandOverAtMeeting,
    /// The samordningsansvarig left; their huvudman appointed another.
    Replacement,
}

/// R-ROLE-2: one change of samordningsansvarig, kept in the case's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoordinatorChange {
    #[serde(with = "crate::engine::serde_iso::datetime")]
    pub at: NaiveDateTime,
    pub kind: CoordinatorChangeKind,
    pub from_party: Option<PartyId>,
    pub from_person: String,
    pub to_party: PartyId,
    pub to_person: String,
}

/// One line of the append-only event log: who, what, when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    #[serde(with = "crate::engine::serde_iso::datetime")]
    pub at: NaiveDateTime,
    pub who: String,
    pub what: String,
}
