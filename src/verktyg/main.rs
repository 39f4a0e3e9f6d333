//! The app's tools that are used now and then, not at every start: a small Wasm of its own (`verktyg/index.html`,
//! built into `dist/verktyg/`), loaded by the coordinator's app only when one is opened, so the app's first load
//! does not carry them. The app hands over the unlocked key (a non-extractable WebCrypto key: the passphrase is not
//! asked again and the key never leaves the browser's crypto) and an element to draw in; each tool reads and writes
//! the store itself ([`sip_planen::store`]) and asks the engine for every rule and projection.
//!
//! - [`backup`]: "Säkerhetskopiera" and "Återställ" (Inställningar).
//! - [`share`]: "Dela med Lisa", the person's own link and code for Min plan (Möte och plan).
//! - [`users`]: "Användare", the device's users and each one's passphrase (Inställningar).

mod audit;
mod backup;
mod dom;
mod share;
mod storage;
mod users;

use sip_planen::store::{Store, Vault};
use sip_planen::ui::text;
use wasm_bindgen::JsValue;

fn main() {
    // Opened as a page of its own (not through the app): say where the tools live.
    if let Some(main) = dom::by_id("verktyg-sida") {
        main.set_text_content(Some(text::TOOLS_OPEN_IN_APP));
    }
}

/// The app's database.
async fn open_store() -> Result<Store, JsValue> {
    Store::open(std::rc::Rc::new(|_| {}))
        .await
        .map_err(|e| JsValue::from_str(&e.message_sv()))
}

/// The unlocked store for the key the app handed over, acting as the unlocked `user`.
async fn open_vault(key: JsValue, user: &str) -> Result<Vault, JsValue> {
    let store = open_store().await?;
    store
        .vault_with_key(key, user)
        .ok_or_else(|| JsValue::from_str(text::BACKUP_LOCKED))
}
