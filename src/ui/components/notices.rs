//! The app's own notices: the save status, a one-time notice, and a conflict between two tabs.

use crate::ui::app::state::{use_app, SaveState};
use crate::ui::text;
use leptos::prelude::*;

/// "Sparat" / "Sparar…" / the error with a retry button. Announced politely to screen readers.
#[component]
pub fn SaveStatus() -> impl IntoView {
    let app = use_app();
    view! {
        <div class="save-status" role="status" aria-live="polite">
            {move || match app.save.get() {
                SaveState::Saved => view! { <span class="saved">{text::SAVED}</span> }.into_any(),
                SaveState::Saving => view! { <span class="saving">{text::SAVING}</span> }.into_any(),
                SaveState::Conflict => view! { <span class="save-failed">{text::NOT_SAVED_CONFLICT}</span> }.into_any(),
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

/// The same case was saved in another tab while this one had unsaved changes: what the other tab did, and the
/// choice. This tab's text stays on screen until the user chooses.
#[component]
pub fn ConflictNotice() -> impl IntoView {
    let app = use_app();
    move || {
        app.conflict.get().map(|c| {
            view! {
                <div class="conflict" role="alert">
                    <h2 class="small-heading">{text::CONFLICT_TITLE}</h2>
                    <p>{format!("Ärendet för {} har sparats i en annan flik medan du arbetade här. Dina ändringar finns kvar på skärmen men är inte sparade.", c.name)}</p>
                    <p>"Ändrat i den andra fliken:"</p>
                    <ul>{c.their_changes.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
                    <div class="button-row">
                        <button type="button" class="button primary" on:click=move |_| app.keep_mine()>{text::CONFLICT_KEEP}</button>
                        <button type="button" class="button secondary" on:click=move |_| app.take_theirs()>{text::CONFLICT_THEIRS}</button>
                    </div>
                </div>
            }
        })
    }
}
