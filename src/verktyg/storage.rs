//! "Lagring på den här enheten" (Inställningar): whether the browser has promised to keep the data (asked again
//! here), and how much of what it allows is used, with a warning from [`text::STORAGE_WARN_PERCENT`] %. Drawn into
//! the section the app keeps, each time Inställningar opens.

use crate::dom::{doc, el};
use sip_planen::ui::platform::storage::{estimate, persist};
use sip_planen::ui::text;
use wasm_bindgen::prelude::*;
use web_sys::Element;

/// "3,4 MB": bytes in megabytes with one decimal.
fn mb(bytes: u64) -> String {
    let tenths = bytes.saturating_mul(10) / 1_048_576;
    format!("{},{} MB", tenths / 10, tenths % 10)
}

#[wasm_bindgen]
pub async fn show_storage(holder: Element) {
    let kept = persist().await;
    let usage = estimate().await;
    let Some(d) = doc() else { return };
    holder.set_text_content(None);
    el(
        &d,
        &holder,
        "p",
        &[],
        match kept {
            Some(true) => text::STORAGE_KEPT,
            Some(false) => text::STORAGE_NOT_KEPT,
            None => text::STORAGE_UNKNOWN,
        },
    );
    if let Some((used, quota)) = usage {
        let percent = used.saturating_mul(100).checked_div(quota).unwrap_or(0);
        el(
            &d,
            &holder,
            "p",
            &[],
            &format!(
                "Använt {} av {} som webbläsaren tillåter ({} %).",
                mb(used),
                mb(quota),
                percent
            ),
        );
        if percent >= text::STORAGE_WARN_PERCENT {
            el(
                &d,
                &holder,
                "p",
                &[("class", "warning"), ("role", "alert")],
                text::STORAGE_FULL_SOON,
            );
        }
    }
}

/// Builds the case index from every case for the app (see [`sip_planen::store::Vault::rebuild_index`]): the first unlock
/// after an update, or when the index is not whole. Returns how many case records did not open.
#[wasm_bindgen]
pub async fn rebuild_index(key: JsValue, user: String) -> Result<f64, JsValue> {
    let vault = crate::open_vault(key, &user).await?;
    vault
        .rebuild_index()
        .await
        .map(|unreadable| unreadable.len() as f64)
        .map_err(|e| JsValue::from_str(&e.message_sv()))
}

/// Folds the index's markers into their buckets for the app (see [`sip_planen::store::Vault::fold_index`]): after
/// each save and each unlock.
#[wasm_bindgen]
pub async fn fold_index(key: JsValue, user: String) -> Result<(), JsValue> {
    let vault = crate::open_vault(key, &user).await?;
    vault
        .fold_index()
        .await
        .map_err(|e| JsValue::from_str(&e.message_sv()))
}
