//! The deadlines of a case, with their status and rule.

use crate::engine::deadlines::{Deadline, DeadlineStatus};
use leptos::prelude::*;

pub fn status_class(s: DeadlineStatus) -> &'static str {
    match s {
        DeadlineStatus::Forsenad => "status forsenad",
        DeadlineStatus::Idag => "status idag",
        DeadlineStatus::Kommande => "status kommande",
        DeadlineStatus::Klar => "status klar",
    }
}

/// The deadlines of one case.
#[component]
pub fn DeadlineList(#[prop(into)] deadlines: Signal<Vec<Deadline>>) -> impl IntoView {
    view! {
        <Show when=move || !deadlines.with(Vec::is_empty) fallback=|| view! { <p class="hint">"Inga tidsgränser just nu."</p> }>
            <table class="data-table">
                <caption class="visually-hidden">"Tidsgränser"</caption>
                <thead><tr><th scope="col">"Vad"</th><th scope="col">"Senast"</th><th scope="col">"Status"</th><th scope="col">"Regel"</th></tr></thead>
                <tbody>
                    {move || deadlines.get().into_iter().map(|d| view! {
                        <tr>
                            <td>{d.what_sv}</td>
                            <td class="nowrap">{crate::engine::calendar::iso(d.due)}</td>
                            <td><span class=status_class(d.status)>{d.status.label_sv()}</span></td>
                            <td class="rule-id">{d.rule.as_str()}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </Show>
    }
}
