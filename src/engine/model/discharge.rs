//! H. Admission and discharge (R-UTSK)

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Discharge {
    #[serde(with = "crate::engine::serde_iso::datetime")]
    pub admitted: NaiveDateTime,
    /// R-UTSK-1: the doctor judged that insatser may be needed after discharge.
    pub insatser_may_be_needed: bool,
    #[serde(default, with = "crate::engine::serde_iso::datetime_opt")]
    pub utskrivningsklar: Option<NaiveDateTime>,
}
