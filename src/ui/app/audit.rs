//! What the app tells the audit log: unlocks, the opening of a case, every change (each new line of the case's
//! log), every print. The log is sealed, chained and written by the tools' Wasm ([`super::tools`]), which the
//! first entry after unlocking loads in the background, so the app's first load does not carry it. Entries wait in
//! a queue, in order, with the time they happened; one the tools could not take is tried again with the next.

use super::state::AppState;
use super::tools::call_tool;
use crate::engine::Case;
use js_sys::Array;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;

/// The tool that folds the index's markers into their buckets (see [`crate::store::index`]).
pub(super) const FOLD: &str = "fold_index";

impl AppState {
    /// Records `action` (an [`crate::engine::audit::AuditAction`] code) on `case` with `detail`; "upplast" records
    /// the unlock after the failed attempts before it.
    pub fn audit(self, action: &str, case: Option<&Case>, detail: &str) {
        let (id, name) = case.map_or((String::new(), String::new()), |c| {
            (c.id().to_string(), c.person().name.clone())
        });
        // One opening of a case, though its page is built again as the address settles (a step added to it).
        let now = js_sys::Date::now();
        if action == "oppnat" {
            let (last, at) = self.last_opened.get_value();
            if last == id && now - at < 5_000.0 {
                return;
            }
            self.last_opened.set_value((id.clone(), now));
        }
        self.queue_tool(
            "record",
            &[
                action.into(),
                id.into(),
                name.into(),
                detail.into(),
                now.into(),
            ],
        );
    }

    /// Records a change: the case's newest log line.
    pub fn audit_change(self, case: &Case) {
        let what = case.log().last().map(|e| e.what.as_str()).unwrap_or("");
        self.audit("andrat", Some(case), what);
    }

    /// Records a print of the page shown: the case its address names, and the page's title.
    pub(super) fn audit_print(self) {
        let Some(d) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let path = d
            .location()
            .and_then(|l| l.pathname().ok())
            .unwrap_or_default();
        let case = path
            .split('/')
            .find_map(crate::engine::CaseId::parse)
            .and_then(|id| self.case(id));
        self.audit("utskrift", case.as_ref(), &d.title());
    }

    /// Queues a call of the tools (an audit entry, folding the index's markers), sent in order as soon as they
    /// are loaded; an entry the tools cannot take now is tried again with the next. A fold waiting already is not
    /// queued twice, and one that fails is dropped (its markers stay for the next).
    pub(super) fn queue_tool(self, tool: &'static str, more: &[JsValue]) {
        let Some(vault) = self.vault() else { return };
        let args = Array::of2(&vault.crypto_key(), &vault.user().into());
        for m in more {
            args.push(m);
        }
        let waiting = self
            .audit_queue
            .with_value(|q| q.last().is_some_and(|(t, _)| *t == FOLD && tool == FOLD));
        if !waiting {
            self.audit_queue.update_value(|q| q.push((tool, args)));
        }
        if self.audit_busy.get_value() {
            return;
        }
        self.audit_busy.set_value(true);
        spawn_local(async move {
            while let Some((tool, args)) = self
                .audit_queue
                .try_with_value(|q| q.first().cloned())
                .flatten()
            {
                if call_tool(tool, &args).await.is_err() && tool != FOLD {
                    break;
                }
                self.audit_queue.update_value(|q| {
                    q.remove(0);
                });
            }
            self.audit_busy.set_value(false);
        });
    }
}
