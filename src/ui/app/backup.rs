//! Opening the backup tool: its own small Wasm (`src/sakerhetskopia`), loaded only when the user asks for it, gets
//! the unlocked key and draws itself into the page; after a restore the app reads its case list again.

use super::state::AppState;
use crate::engine::case::sort_by_last_change;
use crate::store::{Loaded, StoreError};
use crate::ui::text;
use js_sys::Promise;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// The tool's module, built beside the app without a hash in its name (the service worker's cache is versioned).
const TOOL_MODULE: &str = "/sakerhetskopia/sakerhetskopia.js";

// Loads the tool's module (wasm-bindgen's glue: `default` instantiates its Wasm) and opens it.
#[wasm_bindgen(
    inline_js = "export function open_tool(u,h,k,d){return import(u).then(async m=>{await m.default();return m.open_backup_tool(h,k,d)})}"
)]
extern "C" {
    fn open_tool(
        url: &str,
        holder: &web_sys::Element,
        key: &JsValue,
        on_restored: &JsValue,
    ) -> Promise;
}

impl AppState {
    /// Writes what is pending, loads the tool and opens it in `holder`.
    pub async fn open_backup_tool(self, holder: web_sys::Element) -> Result<(), String> {
        let vault = self
            .vault()
            .ok_or_else(|| text::BACKUP_LOCKED.to_string())?;
        self.flush_drafts();
        self.write_all().await.map_err(|e| e.message_sv())?;
        let on_restored = Closure::<dyn Fn()>::new(move || {
            spawn_local(async move {
                let _ = self.reload_cases().await;
            })
        });
        let opened = open_tool(
            TOOL_MODULE,
            &holder,
            &vault.crypto_key(),
            on_restored.as_ref(),
        );
        // Called after each restore, for as long as the page lives.
        on_restored.forget();
        JsFuture::from(opened).await.map(|_| ()).map_err(|e| {
            e.as_string()
                .unwrap_or_else(|| text::BACKUP_TOOL_FAILED.to_string())
        })
    }

    /// Reads every case again (after a restore wrote them), as unlocking does.
    async fn reload_cases(self) -> Result<(), StoreError> {
        let vault = self.vault().ok_or(StoreError::Locked)?;
        let Loaded { mut cases, .. } = vault.load_cases().await?;
        sort_by_last_change(&mut cases);
        self.cases.set(cases);
        Ok(())
    }
}
