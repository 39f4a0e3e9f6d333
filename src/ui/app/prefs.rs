//! Small UI preferences in localStorage (gloo-storage). Never case data.

use crate::engine::ProfileId;
use gloo_storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};

const KEY: &str = "sip-planen.installningar";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum TextSize {
    #[default]
    Normal,
    Stor,
    Storre,
    /// 200 % (WCAG 1.4.4: text can be resized to 200 %).
    Storst,
}

impl TextSize {
    pub const ALL: [TextSize; 4] = [
        TextSize::Normal,
        TextSize::Stor,
        TextSize::Storre,
        TextSize::Storst,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            TextSize::Normal => "normal",
            TextSize::Stor => "stor",
            TextSize::Storre => "storre",
            TextSize::Storst => "storst",
        }
    }

    pub fn label_sv(self) -> &'static str {
        match self {
            TextSize::Normal => "Normal",
            TextSize::Stor => "Stor",
            TextSize::Storre => "Större",
            TextSize::Storst => "Störst (dubbel storlek)",
        }
    }
}

pub const AUTOLOCK_CHOICES: [u32; 5] = [5, 10, 15, 30, 60];

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    pub profile: ProfileId,
    pub text_size: TextSize,
    pub autolock_minutes: u32,
}

impl Default for Prefs {
    fn default() -> Self {
        Prefs {
            profile: ProfileId::default(),
            text_size: TextSize::Normal,
            autolock_minutes: 15,
        }
    }
}

impl Prefs {
    pub fn load() -> Prefs {
        let mut p: Prefs = LocalStorage::raw()
            .get_item(KEY)
            .ok()
            .flatten()
            .and_then(|text| crate::engine::json::from_str(&text).ok())
            .unwrap_or_default();
        if !AUTOLOCK_CHOICES.contains(&p.autolock_minutes) {
            p.autolock_minutes = 15;
        }
        p
    }

    /// Saving preferences may fail (storage disabled); the app keeps working with them in memory.
    pub fn save(&self) -> bool {
        LocalStorage::set(KEY, self).is_ok()
    }
}
