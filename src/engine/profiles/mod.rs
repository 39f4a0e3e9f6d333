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
    /// R-PLAN-7: the plan is established in the system within this many working days after the meeting.
    pub plan_within_working_days: u32,
    /// R-PLAN-10: the person and the samordningsansvarig sign the printed plan.
    pub printed_plan_signed: bool,
    /// R-PLAN-10: the person is asked whether they agree with the planning.
    pub ask_person_agreement: bool,
    /// The name of the region's IT service, used in texts.
    pub it_service: String,
    /// Cited in explanations ("Källa: …").
    pub source: String,
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
        let p: Profile = serde_json::from_str(json).map_err(|e| ProfileError::Invalid {
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

static PROFILES: OnceLock<Vec<Profile>> = OnceLock::new();

/// Every profile, sorted for display. A broken profile file is a build defect caught by the tests; at run time
/// the broken file is left out rather than crashing the app.
pub fn all() -> &'static [Profile] {
    PROFILES.get_or_init(|| {
        load_all().unwrap_or_else(|_| {
            PROFILE_FILES
                .iter()
                .filter_map(|(_, json)| serde_json::from_str::<Profile>(json).ok())
                .collect()
        })
    })
}

/// The profile with this id, or the national baseline when the id is unknown (e.g. a profile file was removed).
pub fn get(id: &ProfileId) -> &'static Profile {
    let all = all();
    all.iter()
        .find(|p| &p.id == id)
        .or_else(|| all.iter().find(|p| p.id.as_str() == ProfileId::DEFAULT))
        .or_else(|| all.first())
        .unwrap_or_else(|| fallback())
}

fn fallback() -> &'static Profile {
    static FALLBACK: OnceLock<Profile> = OnceLock::new();
    FALLBACK.get_or_init(|| Profile {
        id: ProfileId::default(),
        name: "Nationell grund".into(),
        order: 0,
        presumed_consent_allowed: false,
        meeting_within_weeks: None,
        school_summoned: false,
        plan_within_working_days: 2,
        printed_plan_signed: false,
        ask_person_agreement: true,
        it_service: "verksamhetssystemet".into(),
        source: "SKR".into(),
    })
}
