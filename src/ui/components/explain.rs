//! A refused step in the engine's words: the message, the rule id and "Källa: …" (no rule line for an input
//! error).

use crate::engine::rules::Violation;
use leptos::prelude::*;

/// A refused step: the engine's message, the rule id and "Källa: …".
#[component]
pub fn Explain(
    #[prop(into)] violation: Signal<Option<Violation>>,
    /// Announced when it appears (a refusal); a standing reason (a blocked step shown on arrival) is not.
    #[prop(default = true)]
    alert: bool,
) -> impl IntoView {
    move || {
        violation.get().map(|v| {
            view! {
                <div class="explain" role=alert.then_some("alert")>
                    <p class="explain-message">{v.message_sv.clone()}</p>
                    {v.rule.map(|rule| view! {
                        <p class="explain-rule"><span class="rule-id">{rule.as_str()}</span>" · "{v.source.clone()}</p>
                    })}
                </div>
            }
        })
    }
}
