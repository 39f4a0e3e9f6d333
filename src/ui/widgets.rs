//! Small shared widgets.

use super::state::{use_app, SaveState};
use super::text;
use leptos::prelude::*;

/// Sets the document title ("… – SIP-planen").
pub fn set_title(page: &str) {
    document().set_title(&format!("{page} – {}", text::APP_NAME));
}

/// "Sparat" / "Sparar…" / the error with a retry button. Announced politely to screen readers.
#[component]
pub fn SaveStatus() -> impl IntoView {
    let app = use_app();
    view! {
        <div class="save-status" role="status" aria-live="polite">
            {move || match app.save.get() {
                SaveState::Saved => view! { <span class="saved">{text::SAVED}</span> }.into_any(),
                SaveState::Saving => view! { <span class="saving">{text::SAVING}</span> }.into_any(),
                SaveState::Failed(msg) => view! {
                    <span class="save-failed">{msg}</span>
                    " "
                    <button type="button" class="button small" on:click=move |_| app.flush()>{text::RETRY}</button>
                }.into_any(),
            }}
        </div>
    }
}

/// A one-time notice (after unlock or an idle lock).
#[component]
pub fn Notice() -> impl IntoView {
    let app = use_app();
    view! {
        {move || app.notice.get().map(|n| view! { <p class="notice" role="status">{n}</p> })}
    }
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
