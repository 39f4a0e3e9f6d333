//! The app's state, given to every view through context: the session (locked or not), the decrypted cases while
//! unlocked, the save status, and the preferences. The store handles live here and nowhere else in the UI.
//!
//! Saving: a changed case is in memory at once and written by one writer (seal, then one transaction) as soon as
//! it is free — there is no timer between a command and the disk. A page that goes away (closed, reloaded,
//! navigated) writes what is sealed without waiting; locking writes everything before the key is dropped, then
//! reloads the page so nothing decrypted stays in memory.

use super::session::{self, LockReason, SessionMessage};
use crate::engine::{profiles, Case, CaseId, Command, Ctx, Violation};
use crate::store::{Loaded, SealedCase, Store, StoreError, StoreEvent, Vault};
use crate::ui::app::prefs::Prefs;
use crate::ui::platform::channel::Channel;
use crate::ui::platform::storage::sleep;
use crate::ui::platform::{mark, now};
use crate::ui::text;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::BTreeSet;
use std::rc::Rc;
use wasm_bindgen::JsCast;

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
    theirs: Option<Case>,
}

/// A changed case that is not on disk yet.
#[derive(Clone)]
struct Pending {
    case: Case,
    /// Counts the changes of this case; a seal is for one of them.
    generation: u64,
    sealed: Option<(u64, SealedCase)>,
    conflict: bool,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub session: RwSignal<Session>,
    pub cases: RwSignal<Vec<Case>>,
    pub save: RwSignal<SaveState>,
    pub prefs: RwSignal<Prefs>,
    /// A one-time message shown after unlock or lock (failed attempts, idle lock, unreadable records).
    pub notice: RwSignal<Option<String>>,
    pub conflict: RwSignal<Option<Conflict>>,
    /// Cases another tab has saved since this tab read them.
    pub stale: RwSignal<BTreeSet<CaseId>>,
    /// Bumped when a case in memory is replaced by a stored version: open screens rebuild from it.
    pub reloaded: RwSignal<u64>,
    store: StoredValue<Option<Store>, LocalStorage>,
    vault: StoredValue<Option<Vault>, LocalStorage>,
    pending: StoredValue<Vec<Pending>, LocalStorage>,
    writing: StoredValue<bool>,
    /// Editors with text not yet given to the engine register a flush here (the plan editor's draft).
    drafts: StoredValue<Vec<(u64, Callback<()>)>>,
    next_draft: StoredValue<u64>,
    last_activity: StoredValue<f64>,
    last_shared: StoredValue<f64>,
    channel: StoredValue<Option<Channel>, LocalStorage>,
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
            conflict: RwSignal::new(None),
            stale: RwSignal::new(BTreeSet::new()),
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
            }
        }
    }

    fn post(&self, msg: SessionMessage) {
        self.channel.with_value(|c| {
            if let Some(c) = c {
                session::post(c, msg);
            }
        });
    }

    fn store(&self) -> Result<Store, StoreError> {
        self.store
            .with_value(Clone::clone)
            .ok_or(StoreError::Unavailable)
    }

    fn vault(&self) -> Option<Vault> {
        self.vault.try_with_value(Clone::clone).flatten()
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
        let Loaded {
            mut cases,
            unreadable,
        } = vault.load_cases().await?;
        crate::engine::case::sort_by_last_change(&mut cases);
        mark("sip:cases-loaded");
        self.vault.set_value(Some(vault));
        self.cases.set(cases);
        self.save.set(SaveState::Saved);
        self.notice.set(match unreadable.len() {
            0 => None,
            1 => Some(text::UNREADABLE_ONE.to_string()),
            n => Some(format!("{n} {}", text::UNREADABLE_MANY)),
        });
        self.touch();
        self.session.set(Session::Unlocked);
        Ok(())
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
            reason.remember();
            reload_locked();
        });
    }

    pub fn is_unlocked(&self) -> bool {
        self.session.get() == Session::Unlocked
    }

    pub fn case(&self, id: CaseId) -> Option<Case> {
        self.cases
            .with(|cs| cs.iter().find(|c| c.id() == id).cloned())
    }

    /// Puts a changed case in memory at once and hands it to the writer.
    pub fn save_case(self, case: Case) {
        self.remember(case);
        self.save.set(SaveState::Saving);
        self.kick_writer();
    }

    /// Applies a command through the engine and saves the result; a refusal changes nothing and is returned with
    /// the rule's Swedish explanation.
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
        self.write_all().await
    }

    fn remember(&self, case: Case) {
        self.pending
            .update_value(|p| match p.iter_mut().find(|x| x.case.id() == case.id()) {
                Some(x) => {
                    x.case = case.clone();
                    x.generation += 1;
                }
                None => p.push(Pending {
                    case: case.clone(),
                    generation: 0,
                    sealed: None,
                    conflict: false,
                }),
            });
        self.cases.update(|cs| {
            cs.retain(|c| c.id() != case.id());
            cs.push(case);
            crate::engine::case::sort_by_last_change(cs);
        });
    }

    /// Starts the writer unless it runs (also the retry button's action).
    pub fn flush(self) {
        self.kick_writer();
    }

    fn kick_writer(self) {
        if self.writing.get_value() {
            return;
        }
        spawn_local(async move {
            let _ = self.write_all().await;
        });
    }

    /// Writes everything pending; returns when nothing is left or a write failed. One writer at a time: a second
    /// caller waits for the first.
    async fn write_all(self) -> Result<(), StoreError> {
        while self.writing.try_get_value() == Some(true) {
            sleep(5).await;
        }
        self.writing.set_value(true);
        let result = self.write_loop().await;
        let _ = self.writing.try_set_value(false);
        let state = match &result {
            Ok(()) => SaveState::Saved,
            Err(StoreError::Conflict(_)) => SaveState::Conflict,
            Err(e) => SaveState::Failed(e.message_sv()),
        };
        let _ = self.save.try_set(state);
        result
    }

    async fn write_loop(self) -> Result<(), StoreError> {
        loop {
            let Some(vault) = self.vault() else {
                return Err(StoreError::Locked);
            };
            let batch: Vec<Pending> = self
                .pending
                .try_with_value(|p| p.iter().filter(|x| !x.conflict).cloned().collect())
                .unwrap_or_default();
            if batch.is_empty() {
                let conflicted = self
                    .pending
                    .try_with_value(|p| p.iter().any(|x| x.conflict))
                    .unwrap_or(false);
                return if conflicted {
                    Err(StoreError::Conflict(String::new()))
                } else {
                    Ok(())
                };
            }
            let _ = self.save.try_set(SaveState::Saving);
            let mut sealed = Vec::with_capacity(batch.len());
            for p in &batch {
                let s = match &p.sealed {
                    Some((g, s)) if *g == p.generation => s.clone(),
                    _ => {
                        let s = vault.seal_case(&p.case).await?;
                        let (id, g) = (p.case.id(), p.generation);
                        let keep = s.clone();
                        self.pending.try_update_value(|ps| {
                            if let Some(x) = ps.iter_mut().find(|x| x.case.id() == id) {
                                if x.generation == g {
                                    x.sealed = Some((g, keep));
                                }
                            }
                        });
                        s
                    }
                };
                sealed.push(s);
            }
            match vault.write(&sealed).await {
                Ok(()) => {
                    // Only what was written leaves the list; a newer edit of the same case stays.
                    self.pending.try_update_value(|ps| {
                        ps.retain(|x| {
                            !batch
                                .iter()
                                .any(|b| b.case.id() == x.case.id() && b.generation == x.generation)
                        })
                    });
                    for b in &batch {
                        self.post(SessionMessage::Saved(b.case.id()));
                    }
                }
                Err(StoreError::Conflict(id)) => {
                    self.conflicted(&vault, &id).await;
                }
                Err(e) => return Err(e),
            }
        }
    }

    /// A write met a newer version from another tab: keep this tab's version, read the other one, ask.
    async fn conflicted(self, vault: &Vault, id: &str) {
        let Some(id) = CaseId::parse(id) else { return };
        let theirs = vault.peek_case(id).await.ok().flatten();
        let Some(ours) = self
            .pending
            .try_with_value(|ps| {
                ps.iter()
                    .find(|x| x.case.id() == id)
                    .map(|x| x.case.clone())
            })
            .flatten()
        else {
            return;
        };
        self.pending.try_update_value(|ps| {
            if let Some(x) = ps.iter_mut().find(|x| x.case.id() == id) {
                x.conflict = true;
            }
        });
        let their_changes = match &theirs {
            Some(t) => crate::engine::case::changes_since(&ours, t),
            None => vec![text::CONFLICT_DELETED.to_string()],
        };
        let _ = self.conflict.try_set(Some(Conflict {
            id,
            name: ours.person().name.clone(),
            their_changes,
            theirs,
        }));
    }

    /// The user keeps this tab's version: it is written over the other tab's.
    pub fn keep_mine(self) {
        let Some(c) = self.conflict.get_untracked() else {
            return;
        };
        let Some(vault) = self.vault() else { return };
        spawn_local(async move {
            // Based on what is stored now, the write goes through.
            let _ = vault.read_case(c.id).await;
            self.pending.try_update_value(|ps| {
                if let Some(x) = ps.iter_mut().find(|x| x.case.id() == c.id) {
                    x.conflict = false;
                }
            });
            let _ = self.conflict.try_set(None);
            let _ = self.write_all().await;
        });
    }

    /// The user takes the other tab's version: this tab's unsaved changes of that case are dropped.
    pub fn take_theirs(self) {
        let Some(c) = self.conflict.get_untracked() else {
            return;
        };
        self.pending
            .update_value(|ps| ps.retain(|x| x.case.id() != c.id));
        self.conflict.set(None);
        self.reload_case(c.id);
    }

    /// Replaces a case in memory with the stored version (another tab's) and rebuilds the open screens.
    pub fn reload_case(self, id: CaseId) {
        let Some(vault) = self.vault() else { return };
        spawn_local(async move {
            let stored = vault.read_case(id).await;
            if let Ok(Some(case)) = stored {
                let _ = self.cases.try_update(|cs| {
                    cs.retain(|c| c.id() != id);
                    cs.push(case);
                    crate::engine::case::sort_by_last_change(cs);
                });
            }
            let _ = self.stale.try_update(|s| {
                s.remove(&id);
            });
            let _ = self.reloaded.try_update(|n| *n += 1);
            let still = self
                .pending
                .try_with_value(|p| !p.is_empty())
                .unwrap_or(false);
            if !still {
                let _ = self.save.try_set(SaveState::Saved);
            }
        });
    }

    /// An editor with text not yet given to the engine registers how to give it (called before a write that
    /// must not miss it: the page going away, locking). Returns the handle to unregister with.
    pub fn register_draft(&self, flush: Callback<()>) -> u64 {
        let id = self.next_draft.get_value() + 1;
        self.next_draft.set_value(id);
        self.drafts.update_value(|d| d.push((id, flush)));
        id
    }

    pub fn unregister_draft(&self, id: u64) {
        self.drafts
            .try_update_value(|d| d.retain(|(i, _)| *i != id));
    }

    /// Gives every open draft to the engine now (a step that needs what was just typed, e.g. deciding an insats).
    pub fn flush_drafts_now(&self) {
        self.flush_drafts();
    }

    fn flush_drafts(&self) {
        let drafts = self.drafts.try_get_value().unwrap_or_default();
        for (_, flush) in drafts {
            flush.run(());
        }
    }

    /// True while an edit is neither on disk nor on its way there.
    fn unsaved(&self) -> bool {
        matches!(
            self.save.get_untracked(),
            SaveState::Failed(_) | SaveState::Conflict
        )
    }

    /// The page is going away (closed, reloaded, navigated away): every edit is given to the engine and every
    /// sealed case is written without waiting — no later callback is certain to run.
    fn page_leaving(self) {
        if !matches!(
            self.session.get_untracked(),
            Session::Unlocked | Session::Locking
        ) {
            return;
        }
        self.flush_drafts();
        let Some(vault) = self.vault() else { return };
        let (ready, unsealed): (Vec<Pending>, Vec<Pending>) = self
            .pending
            .try_with_value(|p| {
                p.iter()
                    .filter(|x| !x.conflict)
                    .cloned()
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
            .into_iter()
            .partition(|p| matches!(&p.sealed, Some((g, _)) if *g == p.generation));
        let sealed: Vec<SealedCase> = ready
            .into_iter()
            .filter_map(|p| p.sealed.map(|(_, s)| s))
            .collect();
        let _ = vault.write_now(&sealed);
        // What is not sealed yet (changed in the last millisecond) is sealed and written as far as the page lets.
        if !unsealed.is_empty() {
            spawn_local(async move {
                let mut more = Vec::new();
                for p in &unsealed {
                    if let Ok(s) = vault.seal_case(&p.case).await {
                        more.push(s);
                    }
                }
                let _ = vault.write_now(&more);
            });
        }
    }

    /// Window listeners: the page going away writes at once; a hidden page writes now; a page restored from the
    /// back/forward cache reloads (its memory is from before).
    fn listen_to_page(self) {
        let Some(w) = web_sys::window() else { return };
        let leave = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
            self.page_leaving()
        });
        let _ = w.add_event_listener_with_callback("pagehide", leave.as_ref().unchecked_ref());
        leave.forget();
        let before = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::BeforeUnloadEvent)>::new(
            move |ev: web_sys::BeforeUnloadEvent| {
                self.page_leaving();
                // Only an edit that cannot be written (storage full, a conflict) asks the user to stay.
                if self.unsaved() {
                    ev.prevent_default();
                    ev.set_return_value(text::UNSAVED_LEAVE);
                }
            },
        );
        let _ = w.add_event_listener_with_callback("beforeunload", before.as_ref().unchecked_ref());
        before.forget();
        let hidden = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
            let doc_hidden = web_sys::window()
                .and_then(|w| w.document())
                .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Hidden);
            if doc_hidden && self.session.get_untracked() == Session::Unlocked {
                self.flush_drafts();
                self.kick_writer();
            }
        });
        let _ =
            w.add_event_listener_with_callback("visibilitychange", hidden.as_ref().unchecked_ref());
        hidden.forget();
        let shown = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::Event)>::new(
            move |ev: web_sys::Event| {
                let persisted = js_sys::Reflect::get(&ev, &"persisted".into())
                    .ok()
                    .and_then(|v| v.as_bool())
                    .unwrap_or(false);
                if persisted {
                    if let Some(w) = web_sys::window() {
                        let _ = w.location().reload();
                    }
                }
            },
        );
        let _ = w.add_event_listener_with_callback("pageshow", shown.as_ref().unchecked_ref());
        shown.forget();
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
