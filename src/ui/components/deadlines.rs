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
            <div class="table-wrap"><table class="data-table" role="table">
                <caption class="visually-hidden">"Tidsgränser"</caption>
                <thead role="rowgroup"><tr role="row"><th scope="col" role="columnheader">"Vad"</th><th scope="col" role="columnheader">"Senast"</th><th scope="col" role="columnheader">"Status"</th><th scope="col" role="columnheader">"Regel"</th></tr></thead>
                <tbody role="rowgroup">
                    {move || deadlines.get().into_iter().map(|d| view! {
                        <tr role="row">
                            <td role="cell" data-label="Vad"><span>{d.what_sv}{d.note_sv.map(|n| view! { <br/><span class="hint">{n}</span> })}</span></td>
                            <td role="cell" data-label="Senast" class="nowrap">{crate::engine::calendar::iso(d.due)}</td>
                            <td role="cell" data-label="Status"><span class=status_class(d.status)>{d.status.label_sv()}</span></td>
                            <td role="cell" data-label="Regel"><span class="rule-id">{d.rule.as_str()}</span></td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table></div>
        </Show>
    }
}
