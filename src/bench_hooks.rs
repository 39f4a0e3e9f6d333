//! Hooks for the measuring script only (`--features bench`, built to target/dist-bench, never served):
//! seed many cases through the real store, and force a panic to check the crash page.

use crate::engine::{Case, CaseId, IdentityKind, NewCase, ProfileId};
use crate::store::Store;
use wasm_bindgen::prelude::*;

/// Sets up the vault (if needed) with `passphrase` and writes `n` registered cases, in batches.
#[wasm_bindgen]
pub async fn bench_seed(passphrase: String, n: u32) -> Result<u32, JsValue> {
    let store = Store::open(std::rc::Rc::new(|_| {}))
        .await
        .map_err(|e| JsValue::from_str(&e.message_sv()))?;
    let vault = if store
        .is_set_up()
        .await
        .map_err(|e| JsValue::from_str(&e.message_sv()))?
    {
        store.unlock(&passphrase).await.map(|(v, _)| v)
    } else {
        store.set_up(&passphrase, &passphrase).await
    }
    .map_err(|e| JsValue::from_str(&e.message_sv()))?;
    let now = chrono::Local::now().naive_local();
    let mut batch = Vec::with_capacity(200);
    for i in 0..n {
        let input = NewCase {
            name: format!("Person {i:04} Testsson"),
            identity_kind: Some(IdentityKind::Reservnummer),
            identity: format!("RN-{i:06}"),
            kommun: "Västerås".into(),
            profile: ProfileId::default(),
            language: "svenska".into(),
            interpreter: i % 7 == 0,
        };
        let case = Case::register(&input, CaseId(uuid::Uuid::new_v4()), now)
            .map_err(|_| JsValue::from_str("seed case refused"))?;
        batch.push(case);
        if batch.len() == 200 {
            vault
                .put_cases(&batch)
                .await
                .map_err(|e| JsValue::from_str(&e.message_sv()))?;
            batch.clear();
        }
    }
    vault
        .put_cases(&batch)
        .await
        .map_err(|e| JsValue::from_str(&e.message_sv()))?;
    Ok(n)
}

/// Panics, as a bug would.
#[wasm_bindgen]
pub fn bench_panic() {
    let v: Vec<u8> = Vec::new();
    let i = v.len() + 3;
    std::hint::black_box(v[i]);
}
