//! A step's action button with its reason beside it: before the click, why the engine blocks the step (the
//! button is described by it); after a refused click, the refusal, which takes the focus. Either way the message
//! sits where the hand is, not at the top of the page.

use super::Explain;
use crate::engine::rules::Violation;
use leptos::prelude::*;

#[component]
pub fn Action(
    /// Names the reason's element (`{id}-varfor`).
    id: &'static str,
    label: &'static str,
    /// Runs the command; a refusal lands in `error`.
    on_click: Callback<()>,
    error: RwSignal<Option<Violation>>,
    /// The engine's blocker of this step, shown before the click.
    #[prop(optional, into)]
    blocked: Option<Signal<Option<Violation>>>,
    #[prop(default = "button primary")] class: &'static str,
) -> impl IntoView {
    let why_id = format!("{id}-varfor");
    let why = NodeRef::<leptos::html::Div>::new();
    let before = Signal::derive(move || {
        if error.with(Option::is_some) {
            None
        } else {
            blocked.and_then(|b| b.get())
        }
    });
    let has_reason = move || error.with(Option::is_some) || before.with(Option::is_some);
    view! {
        <div class="action">
            <button type="button" class=class
                aria-describedby=move || has_reason().then(|| why_id.clone())
                on:click=move |_| {
                    on_click.run(());
                    if error.with_untracked(Option::is_some) {
                        if let Some(el) = why.get_untracked() {
                            crate::ui::platform::focus_and_reveal(&el);
                        }
                    }
                }>{label}</button>
            <div id=format!("{id}-varfor") class="action-why" tabindex="-1" node_ref=why>
                <Explain violation=error/>
                <Explain violation=before alert=false/>
            </div>
        </div>
    }
}
