//! The app's state, given to every view through context: the session (locked or not), while unlocked the index of
//! every case (its summary: what the register and Att göra show) and the cases opened so far, decrypted one by one
//! as they are opened; the save status, and the preferences. The store handles live here and nowhere else in the UI.
//! Locking writes everything before the key is dropped, then reloads the page so nothing decrypted stays in memory.
//! How a change reaches the disk is in `saving`; two tabs with the same case in `conflict`.

use super::session::{self, LockReason, SessionMessage};
use crate::engine::index::{insert_sorted, Summary};
use crate::engine::set::VecSet;
use crate::engine::{profiles, Case, CaseId, Command, Ctx, Violation};
use crate::store::{SealedCase, Store, StoreError, StoreEvent, Vault};
use crate::ui::app::prefs::Prefs;
use crate::ui::platform::channel::Channel;
use crate::ui::platform::{mark, now};
use crate::ui::text;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::rc::Rc;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Session {
    Starting,
    NeedsSetup,
    Locked,
    Unlocked,
    /// Writing what is pending before the page reloads locked.
    Locking,
    /// The store could not be opened at all (the message says why).
    Unavailable(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    Saved,
    Saving,
    /// The edit is kept in memory for a retry.
    Failed(String),
    /// Another tab saved the same case; the user chooses (see [`Conflict`]).
    Conflict,
}

/// The same case was saved in another tab while this tab had unsaved changes. This tab's version stays in memory
/// and on screen until the user chooses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub id: CaseId,
    pub name: String,
    /// What the other tab did, from its event log ("Planen ändrad 14:05").
    pub their_changes: Vec<String>,
    pub(super) theirs: Option<Case>,
}

/// A changed case that is not on disk yet.
#[derive(Clone)]
pub(super) struct Pending {
    pub(super) case: Case,
    /// Counts the changes of this case; a seal is for one of them.
    pub(super) generation: u64,
    pub(super) sealed: Option<(u64, SealedCase)>,
    pub(super) conflict: bool,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub session: RwSignal<Session>,
    /// Every case's summary, newest change first (the register, its search, Att göra).
    pub summaries: RwSignal<Vec<Summary>>,
    /// The cases opened so far this session (read and decrypted when first opened).
    pub cases: RwSignal<Vec<Case>>,
    /// Cases whose record could not be read when opened.
    pub unopenable: RwSignal<VecSet<CaseId>>,
    pub(super) opening: StoredValue<VecSet<CaseId>>,
    pub save: RwSignal<SaveState>,
    pub prefs: RwSignal<Prefs>,
    /// A one-time message shown after unlock or lock (failed attempts, idle lock, unreadable records).
    pub notice: RwSignal<Option<String>>,
    pub conflict: RwSignal<Option<Conflict>>,
    /// Cases another tab has saved since this tab read them.
    pub stale: RwSignal<VecSet<CaseId>>,
    /// Bumped when a case in memory is replaced by a stored version: open screens rebuild from it.
    pub reloaded: RwSignal<u64>,
    pub(super) store: StoredValue<Option<Store>, LocalStorage>,
    pub(super) vault: StoredValue<Option<Vault>, LocalStorage>,
    pub(super) pending: StoredValue<Vec<Pending>, LocalStorage>,
    pub(super) writing: StoredValue<bool>,
    /// Editors with text not yet given to the engine register a flush here (the plan editor's draft).
    pub(super) drafts: StoredValue<Vec<(u64, Callback<()>)>>,
    pub(super) next_draft: StoredValue<u64>,
    pub(super) last_activity: StoredValue<f64>,
    pub(super) last_shared: StoredValue<f64>,
    pub(super) channel: StoredValue<Option<Channel>, LocalStorage>,
    /// Audit entries not yet taken by the tools (see `audit`), and whether they are being sent.
    pub(super) audit_queue: StoredValue<Vec<(&'static str, js_sys::Array)>, LocalStorage>,
    pub(super) audit_busy: StoredValue<bool>,
    /// The case last recorded as opened, and when.
    pub(super) last_opened: StoredValue<(String, f64)>,
}

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

impl AppState {
    pub fn new() -> AppState {
        AppState {
            session: RwSignal::new(Session::Starting),
            summaries: RwSignal::new(Vec::new()),
            cases: RwSignal::new(Vec::new()),
            unopenable: RwSignal::new(VecSet::new()),
            opening: StoredValue::new(VecSet::new()),
            save: RwSignal::new(SaveState::Saved),
            prefs: RwSignal::new(Prefs::load()),
            notice: RwSignal::new(None),
            conflict: RwSignal::new(None),
            stale: RwSignal::new(VecSet::new()),
            reloaded: RwSignal::new(0),
            store: StoredValue::new_local(None),
            vault: StoredValue::new_local(None),
            pending: StoredValue::new_local(Vec::new()),
            writing: StoredValue::new(false),
            drafts: StoredValue::new(Vec::new()),
            next_draft: StoredValue::new(0),
            last_activity: StoredValue::new(js_sys::Date::now()),
            last_shared: StoredValue::new(0.0),
            channel: StoredValue::new_local(None),
            audit_queue: StoredValue::new_local(Vec::new()),
            audit_busy: StoredValue::new(false),
            last_opened: StoredValue::new((String::new(), 0.0)),
        }
    }

    /// Opens the store and decides between first start and unlock; listens to the other tabs and to the page
    /// going away.
    pub fn start(self) {
        if let Some(reason) = LockReason::take() {
            self.notice.set(match reason {
                LockReason::Idle => Some(text::LOCKED_IDLE.to_string()),
                LockReason::OtherTab => Some(text::LOCKED_OTHER_TAB.to_string()),
                LockReason::Manual => None,
            });
        }
        self.channel
            .set_value(session::open(move |msg| self.heard(msg)));
        self.listen_to_page();
        spawn_local(async move {
            let on_event: Rc<dyn Fn(StoreEvent)> = Rc::new(move |e| self.store_event(e));
            let opened = async {
                let store = Store::open(on_event).await?;
                let set_up = store.is_set_up().await?;
                Ok::<_, StoreError>((store, set_up))
            };
            match opened.await {
                Ok((store, set_up)) => {
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

    /// Another tab or the browser acted on the database.
    fn store_event(self, event: StoreEvent) {
        let message = event.error().message_sv();
        if event == StoreEvent::Blocked {
            // Shown while the open waits; the open goes on as soon as the other tab lets go.
            let _ = self.session.try_set(Session::Unavailable(message));
            return;
        }
        // The connection is gone: nothing more can be written, and nothing decrypted stays.
        clear_big_screens();
        let _ = self.vault.try_set_value(None);
        let _ = self.store.try_set_value(None);
        self.pending.try_update_value(Vec::clear);
        let _ = self.cases.try_set(Vec::new());
        let _ = self.summaries.try_set(Vec::new());
        let _ = self.session.try_set(Session::Unavailable(message));
    }

    fn heard(self, msg: SessionMessage) {
        match msg {
            SessionMessage::Lock => self.lock(LockReason::OtherTab),
            SessionMessage::Active(at) => {
                let at = at as f64;
                if at > self.last_activity.get_value() {
                    self.last_activity.set_value(at);
                }
            }
            SessionMessage::Saved(id) => {
                let known = self
                    .cases
                    .with_untracked(|cs| cs.iter().any(|c| c.id() == id));
                if known {
                    self.stale.update(|s| {
                        s.insert(id);
                    });
                }
                // The register and Att göra show what the other tab saved (a new case too).
                self.refresh_summary(id);
            }
        }
    }

    pub(super) fn post(&self, msg: SessionMessage) {
        self.channel.with_value(|c| {
            if let Some(c) = c {
                session::post(c, msg);
            }
        });
    }

    pub(super) fn store(&self) -> Result<Store, StoreError> {
        self.store
            .with_value(Clone::clone)
            .ok_or(StoreError::Unavailable)
    }

    pub(super) fn vault(&self) -> Option<Vault> {
        self.vault.try_with_value(Clone::clone).flatten()
    }

    pub async fn set_up(
        self,
        name: String,
        passphrase: String,
        repeated: String,
    ) -> Result<(), StoreError> {
        // The first start runs once per device: its key making and wrapping live with the tools, not in every
        // start's download.
        let args = js_sys::Array::of3(&name.into(), &passphrase.into(), &repeated.into());
        let made = super::tools::call_tool("set_up_device", &args)
            .await
            .map_err(StoreError::Refused)?;
        let made = js_sys::Array::from(&made);
        let name = made.get(1).as_string().unwrap_or_default();
        let vault = self
            .store()?
            .vault_with_key(made.get(0), &name)
            .ok_or(StoreError::CryptoUnavailable)?;
        self.enter(vault).await
    }

    pub async fn unlock(self, user: String, passphrase: String) -> Result<(), StoreError> {
        mark("sip:unlock-start");
        let (vault, report) = self.store()?.unlock(&user, &passphrase).await?;
        mark("sip:key-ready");
        self.enter(vault).await?;
        if report.single_passphrase {
            // An older store: its passphrase becomes the first user's (with the tools; tried again at the next
            // unlock when they cannot be loaded now).
            let args = js_sys::Array::of2(&passphrase.into(), &self.user().into());
            if super::tools::call_tool("migrate_users", &args)
                .await
                .is_ok()
            {
                self.notice.set(Some(text::USERS_MIGRATED.to_string()));
            }
        }
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
        let (summaries, unreadable) = self.index(&vault).await?;
        mark("sip:cases-loaded");
        self.vault.set_value(Some(vault));
        self.summaries.set(summaries);
        self.cases.set(Vec::new());
        self.save.set(SaveState::Saved);
        self.notice.set(match unreadable {
            0 => None,
            1 => Some(text::UNREADABLE_ONE.to_string()),
            n => Some(format!("{n} {}", text::UNREADABLE_MANY)),
        });
        self.touch();
        self.session.set(Session::Unlocked);
        self.audit("upplast", None, "");
        self.queue_tool(super::audit::FOLD, &[]);
        // Cases on this device only: ask the browser not to clear them to make room (shown in Inställningar).
        leptos::task::spawn_local(async {
            let _ = crate::ui::platform::storage::persist().await;
        });
        Ok(())
    }

    /// The index of every case, and how many case records did not open. Built from the cases by the tools when it
    /// is not whole (the first unlock of a store from before the index or after a change of its format, a bucket
    /// changed outside the app): the one unlock that decrypts every case.
    pub(super) async fn index(self, vault: &Vault) -> Result<(Vec<Summary>, usize), StoreError> {
        let mut unreadable = 0;
        let (mut list, marked) = match vault.load_index().await? {
            Some(index) => index,
            None => {
                let args = js_sys::Array::of2(&vault.crypto_key(), &vault.user().into());
                match super::tools::call_tool("rebuild_index", &args).await {
                    Ok(n) => unreadable = n.as_f64().unwrap_or(0.0) as usize,
                    Err(_) => {
                        // The tools cannot be loaded (offline before they were cached): every case is read for
                        // this session, and the index is built at a later unlock.
                        let loaded = vault.load_cases().await?;
                        let buckets = crate::engine::index::rebuild(&loaded.cases);
                        let list = crate::engine::index::merge(
                            buckets.into_iter().map(|b| b.cases).collect(),
                        );
                        return Ok((list, loaded.unreadable.len()));
                    }
                }
                vault
                    .load_index()
                    .await?
                    .ok_or_else(|| StoreError::ReadFailed(text::INDEX_FAILED.into()))?
            }
        };
        // Cases saved since their bucket was sealed: summarised from the case (the tools fold them in).
        for id in marked {
            if let Ok(Some(case)) = vault.peek_case(id).await {
                insert_sorted(&mut list, Summary::of(&case));
            }
        }
        Ok((list, unreadable))
    }

    /// Locks: writes every pending edit, tells the other tabs, clears every big screen, then reloads the page so
    /// neither the key nor anything decrypted stays in memory.
    pub fn lock(self, reason: LockReason) {
        if self.session.get_untracked() != Session::Unlocked {
            return;
        }
        // Drafts first, while their editors are still mounted.
        self.flush_drafts();
        self.session.set(Session::Locking);
        spawn_local(async move {
            let _ = self.write_all().await;
            if reason != LockReason::OtherTab {
                self.post(SessionMessage::Lock);
            }
            // Every big screen clears at once (R-PLAN-9).
            clear_big_screens();
            self.vault.set_value(None);
            self.cases.set(Vec::new());
            self.summaries.set(Vec::new());
            reason.remember();
            reload_locked();
        });
    }

    pub fn is_unlocked(&self) -> bool {
        self.session.get() == Session::Unlocked
    }

    /// The case, when it has been opened; a case of the index not opened yet is read and decrypted now (the
    /// caller is run again when it is there).
    pub fn case(&self, id: CaseId) -> Option<Case> {
        let found = self
            .cases
            .with(|cs| cs.iter().find(|c| c.id() == id).cloned());
        if found.is_none() && self.knows(id) {
            self.open_case(id);
        }
        found
    }

    /// Whether the index has the case (it may not be opened yet).
    pub fn knows(&self, id: CaseId) -> bool {
        self.summaries.with(|s| s.iter().any(|s| s.id == id))
    }

    /// Reads and decrypts a case of the index into memory, once.
    fn open_case(self, id: CaseId) {
        let Some(vault) = self.vault() else { return };
        if self.opening.with_value(|o| o.contains(&id))
            || self.unopenable.with_untracked(|u| u.contains(&id))
        {
            return;
        }
        self.opening.update_value(|o| {
            o.insert(id);
        });
        spawn_local(async move {
            match vault.read_case(id).await {
                Ok(Some(case)) => {
                    let _ = self.cases.try_update(|cs| {
                        if !cs.iter().any(|c| c.id() == id) {
                            cs.push(case);
                        }
                    });
                }
                _ => {
                    let _ = self.unopenable.try_update(|u| {
                        u.insert(id);
                    });
                }
            }
            let _ = self.opening.try_update_value(|o| {
                o.remove(&id);
            });
        });
    }

    /// Puts a case's summary in the index in memory, in the register's order.
    pub(super) fn put_summary(&self, s: Summary) {
        let _ = self.summaries.try_update(|list| insert_sorted(list, s));
    }

    /// Reads a case another tab saved and shows its summary (without basing anything of this tab on it).
    fn refresh_summary(self, id: CaseId) {
        let Some(vault) = self.vault() else { return };
        spawn_local(async move {
            if let Ok(Some(case)) = vault.peek_case(id).await {
                self.put_summary(Summary::of(&case));
            }
        });
    }

    /// Applies a command through the engine and saves the result; a refusal changes nothing and is returned with
    /// the rule's Swedish explanation.
    pub fn apply(self, mut case: Case, cmd: Command) -> Result<(), Violation> {
        let profile = profiles::get(case.profile());
        let who = self.user();
        let ctx = Ctx {
            now: now(),
            who: &who,
            profile,
        };
        let lines = case.log().len();
        case.apply(cmd, &ctx)?;
        // A new line in the case's log is a change for the audit log (edits of the plan share a line for a while).
        if case.log().len() > lines {
            self.audit_change(&case);
        }
        self.save_case(case);
        Ok(())
    }

    /// The unlocked user's name: who acts in the case log.
    pub fn user(&self) -> String {
        self.vault()
            .map_or_else(|| text::ACTOR.to_string(), |v| v.user().to_string())
    }

    /// Notes user activity for the auto-lock, and tells the other tabs now and then (one shared idle clock).
    pub fn touch(&self) {
        let at = js_sys::Date::now();
        self.last_activity.set_value(at);
        if at - self.last_shared.get_value() > 5_000.0 {
            self.last_shared.set_value(at);
            self.post(SessionMessage::Active(at as u64));
        }
    }

    /// Locks when idle longer than the configured minutes. Called by a timer.
    pub fn check_idle(self) {
        let minutes = self.prefs.get_untracked().autolock_minutes.max(1);
        let idle_ms = js_sys::Date::now() - self.last_activity.get_value();
        if idle_ms > f64::from(minutes) * 60_000.0 {
            self.lock(LockReason::Idle);
        }
    }
}

/// Every big screen shows "Väntar på planen…" at once (R-PLAN-9: nothing of the plan stays on a room's screen).
fn clear_big_screens() {
    Channel::post_once(
        crate::ui::platform::channel::BOARD,
        &crate::engine::board::BoardMessage::Clear.encode(),
    );
}

/// After locking: the same address again (the unlock form shows; unlocking returns there) — or the start page for
/// a page that is not behind the lock (settings, the accessibility statement), so the lock is visible.
fn reload_locked() {
    let Some(w) = web_sys::window() else { return };
    let path = w.location().pathname().unwrap_or_default();
    let gated = !(path.starts_with("/installningar") || path.starts_with("/tillganglighet"));
    let _ = if gated {
        w.location().reload()
    } else {
        w.location().assign("/")
    };
}

impl Default for AppState {
    fn default() -> Self {
        Self::new()
    }
}
