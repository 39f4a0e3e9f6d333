//! Warnings, guidance and what must be documented, each with its rule id.

use crate::engine::rules::{Finding, Level};
use leptos::prelude::*;

/// Warnings, guidance and what must be documented, each with its rule id.
#[component]
pub fn Findings(
    #[prop(into)] findings: Signal<Vec<Finding>>,
    title: &'static str,
) -> impl IntoView {
    view! {
        <Show when=move || !findings.with(Vec::is_empty)>
            <section class="findings" aria-label=title>
                <h2 class="small-heading">{title}</h2>
                <ul>
                    {move || findings.get().into_iter().map(|f| {
                        let class = match f.level { Level::Warn => "finding warn", Level::Info => "finding info", Level::Record => "finding record" };
                        view! {
                            <li class=class>
                                <span>{f.message_sv}</span>
                                " "<span class="rule-id">{f.rule.as_str()}</span>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        </Show>
    }
}
