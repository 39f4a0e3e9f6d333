//! Saving: a changed case is in memory at once and written by one writer (seal, then one transaction) as soon as
//! it is free — there is no timer between a command and the disk. A page that goes away (closed, reloaded,
//! navigated) writes what is sealed without waiting; editors with text not yet given to the engine (the plan
//! editor's draft) register a flush that runs before any write that must not miss it.

use super::session::SessionMessage;
use super::state::{AppState, Pending, SaveState, Session};
use crate::engine::Case;
use crate::store::{SealedCase, StoreError};
use crate::ui::platform::storage::sleep;
use crate::ui::text;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

impl AppState {
    /// Puts a changed case in memory at once and hands it to the writer.
    pub fn save_case(self, case: Case) {
        self.remember(case);
        self.save.set(SaveState::Saving);
        self.kick_writer();
    }

    /// Puts a new case in memory and writes it now; returns when it is stored (or kept for retry).
    pub async fn create_case(self, case: Case) -> Result<(), StoreError> {
        self.remember(case);
        self.write_all().await
    }

    pub(super) fn remember(&self, case: Case) {
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
        self.put_summary(crate::engine::index::Summary::of(&case));
        self.cases
            .update(|cs| match cs.iter_mut().find(|c| c.id() == case.id()) {
                Some(c) => *c = case,
                None => cs.push(case),
            });
    }

    /// Starts the writer unless it runs (also the retry button's action).
    pub fn flush(self) {
        self.kick_writer();
    }

    pub(super) fn kick_writer(self) {
        if self.writing.get_value() {
            return;
        }
        spawn_local(async move {
            let _ = self.write_all().await;
        });
    }

    /// Writes everything pending; returns when nothing is left or a write failed. One writer at a time: a second
    /// caller waits for the first.
    pub(super) async fn write_all(self) -> Result<(), StoreError> {
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
                    // Their index buckets are sealed again by the tools, off the way to the disk.
                    self.queue_tool(super::audit::FOLD, &[]);
                }
                Err(StoreError::Conflict(id)) => {
                    self.conflicted(&vault, &id).await;
                }
                Err(e) => return Err(e),
            }
        }
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

    pub(super) fn flush_drafts(&self) {
        let drafts = self.drafts.try_get_value().unwrap_or_default();
        for (_, flush) in drafts {
            flush.run(());
        }
    }

    /// True while an edit is neither on disk nor on its way there.
    pub(super) fn unsaved(&self) -> bool {
        matches!(
            self.save.get_untracked(),
            SaveState::Failed(_) | SaveState::Conflict
        )
    }

    /// The page is going away (closed, reloaded, navigated away): every edit is given to the engine and every
    /// sealed case is written without waiting — no later callback is certain to run.
    pub(super) fn page_leaving(self) {
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
    pub(super) fn listen_to_page(self) {
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
        // Every print (the button or the browser's own) is recorded, with the page's title (never identity digits).
        let print = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
            self.audit_print()
        });
        let _ = w.add_event_listener_with_callback("beforeprint", print.as_ref().unchecked_ref());
        print.forget();
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
}
