//! SIP-planen: samordnad individuell plan in the browser.
//!
//! `engine` is the pure domain (tested natively), `store` the only door to IndexedDB, `ui` the Leptos shell.
pub mod engine;
pub mod store;
pub mod ui;

#[cfg(feature = "bench")]
pub mod bench_hooks;
