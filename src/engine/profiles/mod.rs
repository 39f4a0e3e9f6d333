//! Regional profiles: where Västra Götaland, Västmanland and the national baseline differ, the rule reads a
//! parameter from here. Profiles are data (`*.json` beside this file, embedded at build time), so adding a region
//! is adding a file.

use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

include!(concat!(env!("OUT_DIR"), "/profiles.rs"));

/// The id of a regional profile, as stored on a case and in the settings.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ProfileId(pub String);

impl ProfileId {
    pub const DEFAULT: &'static str = "nationell";

    pub fn new(s: impl Into<String>) -> Self {
        ProfileId(s.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<String> for ProfileId {
    fn from(s: String) -> Self {
        ProfileId(s)
    }
}

impl Default for ProfileId {
    fn default() -> Self {
        ProfileId(Self::DEFAULT.to_string())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub id: ProfileId,
    /// Shown in settings and on the case.
    pub name: String,
    /// Position in lists.
    pub order: u32,
    /// R-CONS-2: presumed consent (informed, no unwillingness shown).
    pub presumed_consent_allowed: bool,
    /// R-NEED-8: the SIP meeting should be held within this many weeks of the need being detected.
    pub meeting_within_weeks: Option<u32>,
    /// R-KALL-4: school is among the summoned units.
    pub school_summoned: bool,
    /// R-CONS-4: the longest a consent may apply, in months (Västra Götaland: 12); `None` — the consent states how
    /// long it applies, with no cap (Västmanland).
    pub consent_max_months: Option<u32>,
    /// R-CONS-6: a child judged mature enough (a recorded assessment) may consent alone; `false` — the guardians
    /// are asked (Västmanland's guidance).
    pub mature_child_may_consent: bool,
    /// R-INIT-1: working days a recipient has to answer the initiative (Västmanland: 1); `None` — "utan dröjsmål",
    /// never counted as missed.
    pub initiative_answer_working_days: Option<u32>,
    /// R-KALL-3: working days a summoned unit has to acknowledge the kallelse (Västmanland: 1); `None` as above.
    pub kallelse_answer_working_days: Option<u32>,
    /// R-KALL-5: calendar days after utskrivningsklar by which the kallelse is sent (Västra Götaland: 3).
    pub kallelse_after_discharge_calendar_days: Option<u32>,
    /// R-PLAN-7: the plan is established in the system within this many working days after the meeting
    /// (Västmanland: 2); `None` as above.
    pub plan_within_working_days: Option<u32>,
    /// R-PLAN-14: the KVÅ codes the region's units use.
    pub kva: KvaCodes,
    /// R-UPP-4: when a new meeting voids the previous plan version.
    pub void_previous_plan_on: VoidOn,
    /// R-PLAN-10: the person and the samordningsansvarig sign the printed plan.
    pub printed_plan_signed: bool,
    /// R-PLAN-10: the person is asked whether they agree with the planning.
    pub ask_person_agreement: bool,
    /// The name of the region's IT service, used in texts.
    pub it_service: String,
    /// Cited in explanations ("Källa: …").
    pub source: String,
}

/// R-PLAN-14: the KVÅ codes of a profile, for the region's units (kommun units do not code KVÅ). `None` — no code
/// for that kind of meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KvaCodes {
    /// Establishing a SIP (Västra Götaland AU124; Västmanland: every physical meeting AU124).
    pub planning: Option<String>,
    /// Establishing a SIP at discharge from inpatient care (Västra Götaland AU125).
    pub discharge: Option<String>,
    /// A follow-up meeting (Västra Götaland AW010).
    pub follow_up: Option<String>,
    /// Only physical meetings are coded (Västmanland: "varje fysiskt möte").
    pub physical_only: bool,
}

/// R-UPP-4: the moment the previous plan version is voided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VoidOn {
    /// When the samordningsansvarig calls the new meeting (Västmanland).
    Kallelse,
    /// When the new meeting is held.
    Meeting,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProfileError {
    #[error("profile file {file}: {message}")]
    Invalid { file: String, message: String },
    #[error("profile file {file}: id {id} does not match the file name")]
    IdMismatch { file: String, id: String },
}

/// Parses every embedded profile file; each must be valid and named after its id.
pub fn load_all() -> Result<Vec<Profile>, ProfileError> {
    let mut out = Vec::with_capacity(PROFILE_FILES.len());
    for (file, json) in PROFILE_FILES {
        let p: Profile =
            crate::engine::json::from_str_strict(json).map_err(|e| ProfileError::Invalid {
                file: (*file).to_string(),
                message: e.to_string(),
            })?;
        if file.trim_end_matches(".json") != p.id.as_str() {
            return Err(ProfileError::IdMismatch {
                file: (*file).to_string(),
                id: p.id.0.clone(),
            });
        }
        out.push(p);
    }
    out.sort_by_key(|p| p.order);
    Ok(out)
}

/// Every profile, sorted for display: built from the profile files at build time (a broken file does not build).
pub fn all() -> &'static [Profile] {
    builtin_all()
}

fn builtin_all() -> &'static [Profile; PROFILE_COUNT] {
    static PROFILES: OnceLock<[Profile; PROFILE_COUNT]> = OnceLock::new();
    PROFILES.get_or_init(builtin)
}

/// The profile with this id, or the national baseline when the id is unknown (e.g. a profile file was removed).
pub fn get(id: &ProfileId) -> &'static Profile {
    let all = builtin_all();
    all.iter()
        .find(|p| &p.id == id)
        .or_else(|| all.iter().find(|p| p.id.as_str() == ProfileId::DEFAULT))
        .unwrap_or(&all[0])
}
