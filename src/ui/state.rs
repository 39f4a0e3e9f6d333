//! The app's state, given to every view through context: the session (locked or not), the decrypted cases while
//! unlocked, the save status, and the preferences. The store handles live here and nowhere else in the UI.

use super::prefs::Prefs;
use super::text;
use super::widgets::{mark, now};
use crate::engine::{profiles, Case, Command, Ctx, Violation};
use crate::store::{Store, StoreError, Vault};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Session {
    Starting,
    NeedsSetup,
    Locked,
    Unlocked,
    /// The store could not be opened at all (the message says why).
    Unavailable(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    Saved,
    Saving,
    /// The edit is kept in memory for a retry.
    Failed(String),
}

/// Debounce for autosave (the issue allows at most 300 ms).
const SAVE_DEBOUNCE: Duration = Duration::from_millis(250);

#[derive(Clone, Copy)]
pub struct AppState {
    pub session: RwSignal<Session>,
    pub cases: RwSignal<Vec<Case>>,
    pub save: RwSignal<SaveState>,
    pub prefs: RwSignal<Prefs>,
    /// A one-time message shown after unlock or lock (failed attempts, idle lock).
    pub notice: RwSignal<Option<String>>,
    store: StoredValue<Option<Store>, LocalStorage>,
    vault: StoredValue<Option<Vault>, LocalStorage>,
    /// Cases changed but not yet written; kept until a write succeeds.
    pending: StoredValue<Vec<Case>>,
    save_generation: StoredValue<u64>,
    last_activity: StoredValue<f64>,
}

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

impl AppState {
    pub fn new() -> AppState {
        AppState {
            session: RwSignal::new(Session::Starting),
            cases: RwSignal::new(Vec::new()),
            save: RwSignal::new(SaveState::Saved),
            prefs: RwSignal::new(Prefs::load()),
            notice: RwSignal::new(None),
            store: StoredValue::new_local(None),
            vault: StoredValue::new_local(None),
            pending: StoredValue::new(Vec::new()),
            save_generation: StoredValue::new(0),
            last_activity: StoredValue::new(js_sys::Date::now()),
        }
    }

    /// Opens the store and decides between first start and unlock.
    pub fn start(self) {
        spawn_local(async move {
            let opened = async {
                let store = Store::open().await?;
                let set_up = store.is_set_up().await?;
                Ok::<_, StoreError>((store, set_up))
            };
            match opened.await {
                Ok((store, set_up)) => {
                    store.on_version_change(move || self.version_changed());
                    self.store.set_value(Some(store));
                    self.session.set(if set_up {
                        Session::Locked
                    } else {
                        Session::NeedsSetup
                    });
                }
                Err(e) => self.session.set(Session::Unavailable(e.message_sv())),
            }
        });
    }

    fn store(&self) -> Result<Store, StoreError> {
        self.store
            .with_value(Clone::clone)
            .ok_or(StoreError::Unavailable)
    }

    pub async fn set_up(self, passphrase: String, repeated: String) -> Result<(), StoreError> {
        let vault = self.store()?.set_up(&passphrase, &repeated).await?;
        self.enter(vault).await
    }

    pub async fn unlock(self, passphrase: String) -> Result<(), StoreError> {
        mark("sip:unlock-start");
        let (vault, report) = self.store()?.unlock(&passphrase).await?;
        mark("sip:key-ready");
        self.enter(vault).await?;
        if report.failed_attempts > 0 {
            self.notice.set(Some(format!(
                "Sedan förra upplåsningen har någon försökt låsa upp med fel lösenfras {} {}.",
                report.failed_attempts,
                if report.failed_attempts == 1 {
                    "gång"
                } else {
                    "gånger"
                }
            )));
        }
        Ok(())
    }

    async fn enter(self, vault: Vault) -> Result<(), StoreError> {
        let mut cases = vault.load_cases().await?;
        crate::engine::case::sort_by_last_change(&mut cases);
        mark("sip:cases-loaded");
        self.vault.set_value(Some(vault));
        self.cases.set(cases);
        self.save.set(SaveState::Saved);
        self.notice.set(None);
        self.touch();
        self.session.set(Session::Unlocked);
        Ok(())
    }

    /// Locks: the key and every decrypted case leave memory; the unlock form shows.
    pub fn lock(self, reason: Option<&str>) {
        if self.session.get_untracked() != Session::Unlocked {
            return;
        }
        // Every big screen clears at once (R-PLAN-9).
        super::board::post_once(&crate::engine::board::BoardMessage::Clear);
        self.vault.set_value(None);
        self.pending.set_value(Vec::new());
        self.cases.set(Vec::new());
        self.save.set(SaveState::Saved);
        self.notice.set(reason.map(str::to_string));
        self.session.set(Session::Locked);
    }

    /// Another tab runs a newer version: this one lets go of the database and the key, and asks for a reload.
    fn version_changed(self) {
        super::board::post_once(&crate::engine::board::BoardMessage::Clear);
        let _ = self.vault.try_set_value(None);
        let _ = self.store.try_set_value(None);
        self.pending.try_update_value(Vec::clear);
        let _ = self.cases.try_set(Vec::new());
        let _ = self
            .session
            .try_set(Session::Unavailable(text::VERSION_CHANGED.to_string()));
    }

    pub fn is_unlocked(&self) -> bool {
        self.session.get() == Session::Unlocked
    }

    pub fn case(&self, id: crate::engine::CaseId) -> Option<Case> {
        self.cases
            .with(|cs| cs.iter().find(|c| c.id() == id).cloned())
    }

    /// Puts a changed case in memory at once and writes it after a short pause (autosave).
    pub fn save_case(self, case: Case) {
        self.remember(case);
        let generation = self.save_generation.get_value() + 1;
        self.save_generation.set_value(generation);
        self.save.set(SaveState::Saving);
        let result = set_timeout_with_handle(
            move || {
                if self.save_generation.try_get_value() == Some(generation) {
                    self.flush();
                }
            },
            SAVE_DEBOUNCE,
        );
        if result.is_err() {
            self.flush();
        }
    }

    /// Applies a command through the engine and autosaves the result; a refusal changes nothing and is returned
    /// with the rule's Swedish explanation.
    pub fn apply(self, mut case: Case, cmd: Command) -> Result<(), Violation> {
        let profile = profiles::get(case.profile());
        let ctx = Ctx {
            now: now(),
            who: text::ACTOR,
            profile,
        };
        case.apply(cmd, &ctx)?;
        self.save_case(case);
        Ok(())
    }

    /// Puts a new case in memory and writes it now; returns when it is stored (or kept for retry).
    pub async fn create_case(self, case: Case) -> Result<(), StoreError> {
        self.remember(case);
        self.write_pending().await
    }

    fn remember(&self, case: Case) {
        self.pending.update_value(|p| {
            p.retain(|c| c.id() != case.id());
            p.push(case.clone());
        });
        self.cases.update(|cs| {
            cs.retain(|c| c.id() != case.id());
            cs.push(case);
            crate::engine::case::sort_by_last_change(cs);
        });
    }

    /// Writes everything pending (also the retry button's action).
    pub fn flush(self) {
        spawn_local(async move {
            let _ = self.write_pending().await;
        });
    }

    async fn write_pending(self) -> Result<(), StoreError> {
        let Some(vault) = self.vault.try_with_value(Clone::clone).flatten() else {
            return Err(StoreError::Locked);
        };
        let batch = self.pending.try_get_value().unwrap_or_default();
        if batch.is_empty() {
            let _ = self.save.try_set(SaveState::Saved);
            return Ok(());
        }
        let _ = self.save.try_set(SaveState::Saving);
        match vault.put_cases(&batch).await {
            Ok(()) => {
                // Only what was written leaves the pending list; newer edits of the same case stay.
                self.pending
                    .try_update_value(|p| p.retain(|c| !batch.contains(c)));
                let more = self
                    .pending
                    .try_with_value(|p| !p.is_empty())
                    .unwrap_or(false);
                let _ = self.save.try_set(if more {
                    SaveState::Saving
                } else {
                    SaveState::Saved
                });
                if more {
                    self.flush();
                }
                Ok(())
            }
            Err(e) => {
                let _ = self.save.try_set(SaveState::Failed(e.message_sv()));
                Err(e)
            }
        }
    }

    /// Notes user activity for the auto-lock.
    pub fn touch(&self) {
        self.last_activity.set_value(js_sys::Date::now());
    }

    /// Locks when idle longer than the configured minutes. Called by a timer.
    pub fn check_idle(self) {
        let minutes = self.prefs.get_untracked().autolock_minutes.max(1);
        let idle_ms = js_sys::Date::now() - self.last_activity.get_value();
        if idle_ms > f64::from(minutes) * 60_000.0 {
            self.lock(Some(text::LOCKED_IDLE));
        }
    }
}

impl Default for AppState {
    fn default() -> Self {
        Self::new()
    }
}
