//! The tools that are used now and then (backup and restore, sharing the plan with the person) live in a Wasm of
//! their own (`src/verktyg`), loaded only when one is opened: the app writes what is pending, loads the module and
//! calls the tool with an element to draw in and the unlocked key.

use super::state::AppState;
use crate::store::StoreError;
use crate::ui::text;
use js_sys::{Array, Promise};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// The tools' module, built beside the app without a hash in its name (the service worker's cache is versioned).
const TOOLS_MODULE: &str = "/verktyg/verktyg.js";
/// "Säkerhetskopiera" and "Återställ".
pub const BACKUP_TOOL: &str = "open_backup_tool";
/// The device's users and each one's passphrase.
pub const USERS_TOOL: &str = "open_users_tool";
/// The audit log's viewer, for the device or one case.
pub const AUDIT_TOOL: &str = "open_audit_tool";

// Loads the module (wasm-bindgen's glue: `default` instantiates its Wasm) and calls one of its tools.
#[wasm_bindgen(
    inline_js = "export function run_tool(u,f,a){return import(u).then(async m=>{await m.default();return m[f](...a)})}"
)]
extern "C" {
    fn run_tool(url: &str, tool: &str, args: &Array) -> Promise;
}

/// Loads the tools' module and runs `tool` with `args`; its answer, or its error in Swedish.
pub async fn call_tool(tool: &str, args: &Array) -> Result<JsValue, String> {
    JsFuture::from(run_tool(TOOLS_MODULE, tool, args))
        .await
        .map_err(|e| {
            e.as_string()
                .unwrap_or_else(|| text::TOOLS_FAILED.to_string())
        })
}

impl AppState {
    /// Writes what is pending, then runs `tool` with `holder`, the unlocked key, the user's name and `more`; its
    /// error, in Swedish.
    pub async fn tool(
        self,
        tool: &str,
        holder: web_sys::Element,
        more: &[JsValue],
    ) -> Result<(), String> {
        let vault = self
            .vault()
            .ok_or_else(|| text::BACKUP_LOCKED.to_string())?;
        self.flush_drafts();
        self.write_all().await.map_err(|e| e.message_sv())?;
        // What the audit log was told is in it before a tool (its viewer, a backup) reads it.
        for _ in 0..100 {
            if !self.audit_busy.get_value() {
                break;
            }
            crate::ui::platform::storage::sleep(20).await;
        }
        let args = Array::of3(&holder, &vault.crypto_key(), &vault.user().into());
        for m in more {
            args.push(m);
        }
        call_tool(tool, &args).await.map(|_| ())
    }

    /// Opens a tool of Inställningar in `holder`: [`BACKUP_TOOL`] ("Säkerhetskopiera" and "Återställ"; after each
    /// restore the case list is read again), [`USERS_TOOL`] or [`AUDIT_TOOL`].
    pub async fn open_tool(self, tool: &str, holder: web_sys::Element) -> Result<(), String> {
        let mut more = Vec::new();
        if tool == BACKUP_TOOL {
            let on_restored = Closure::<dyn Fn()>::new(move || {
                spawn_local(async move {
                    let _ = self.reload_cases().await;
                })
            });
            more.push(on_restored.as_ref().clone());
            // Called after each restore, for as long as the page lives.
            on_restored.forget();
        }
        self.tool(tool, holder, &more).await
    }

    /// Reads the index again (after a restore wrote cases), as unlocking does; the cases opened here without
    /// changes waiting to be written are read again when next opened (a restore may have replaced them).
    async fn reload_cases(self) -> Result<(), StoreError> {
        let vault = self.vault().ok_or(StoreError::Locked)?;
        let (summaries, _) = self.index(&vault).await?;
        self.summaries.set(summaries);
        let waiting: Vec<_> = self
            .pending
            .with_value(|p| p.iter().map(|x| x.case.id()).collect());
        self.cases
            .update(|cs| cs.retain(|c| waiting.contains(&c.id())));
        Ok(())
    }
}
