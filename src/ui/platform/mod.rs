//! Browser APIs without app state: the clock, performance marks, focus, the page title, and (in `channel` and
//! `storage`) BroadcastChannel, sessionStorage and a timer future; `shell` the static first screen of index.html.

pub mod channel;
pub mod shell;
pub mod storage;

use crate::ui::text;
use leptos::prelude::*;

/// Sets the document title ("… – SIP-planen"). Titles reach the browser's history, outside the encrypted store:
/// never a name or an identity number in one.
pub fn set_title(page: &str) {
    document().set_title(&format!("{page} – {}", text::APP_NAME));
}

/// Formats a timestamp the Swedish way: 2026-11-23 14:05.
pub fn format_time(t: chrono::NaiveDateTime) -> String {
    crate::engine::calendar::iso_minutes(t)
}

/// The local time now, for the engine (which never reads the clock itself).
pub fn now() -> chrono::NaiveDateTime {
    chrono::Local::now().naive_local()
}

/// A performance mark (`performance.mark`) the measuring script reads; costs nothing noticeable.
pub fn mark(name: &str) {
    if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
        let _ = perf.mark(name);
    }
}

/// Moves keyboard focus to the element with this id (a heading needs `tabindex="-1"`).
pub fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Focuses an element and brings it to the middle of the screen (a message the user must read, not just reach).
pub fn focus_and_reveal(el: &web_sys::HtmlElement) {
    let _ = el.focus();
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    el.scroll_into_view_with_scroll_into_view_options(&options);
}
