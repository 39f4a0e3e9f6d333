//! F. Follow-up (R-UPP)

use super::ActivityStatus;
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityFollowUp {
    pub insats: u32,
    pub status: ActivityStatus,
    pub comment: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUp {
    #[serde(with = "crate::engine::serde_iso::datetime")]
    pub at: NaiveDateTime,
    pub plan_version: u32,
    pub activities: Vec<ActivityFollowUp>,
    pub comment: String,
}
