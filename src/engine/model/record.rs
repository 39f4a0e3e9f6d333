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
}

/// One line of the append-only event log: who, what, when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    #[serde(with = "crate::engine::serde_iso::datetime")]
    pub at: NaiveDateTime,
    pub who: String,
    pub what: String,
}
