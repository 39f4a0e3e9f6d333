//! The Leptos shell. Views call the engine's projections and the app state; they compute no rule.
//!
//! - `platform/`: browser APIs without app state (clock, marks, focus, title, BroadcastChannel, storage);
//! - `app/`: the app state, the routes and the one table of a case's steps;
//! - `components/`: the shared widgets (fields, choices, the engine's explanations, findings, deadlines, notices);
//! - `pages/`: the pages outside a case's steps (lock gate, register, new case, Att göra, settings, printouts);
//! - `steg/`: one folder or file per step of a case, the meeting (`mote/`) and the big screen (`storskarm/`).

pub mod app;
pub mod components;
pub mod pages;
pub mod platform;
pub mod steg;
pub mod text;

/// Mounts the app on the page body. Called by `main`.
pub fn start() {
    app::panic::install();
    leptos::mount::mount_to_body(app::App);
}
