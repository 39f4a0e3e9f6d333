//! "Att göra": every open deadline of every case, from the index (the engine's deadlines kept with each case's
//! summary, their status worked out for today) — försenade first, then idag, then kommande; a page of rows painted
//! at a time ("Visa fler"), whatever the number of cases.

use crate::engine::deadlines::Deadline;
use crate::engine::index::Summary;
use crate::engine::CaseId;
use crate::ui::app::state::use_app;
use crate::ui::app::steps::{case_href, segment_of};
use crate::ui::components::status_class;
use crate::ui::platform::{now, set_title};
use leptos::prelude::*;
use leptos_router::components::A;

/// One row of the board.
#[derive(Clone, PartialEq)]
pub struct Todo {
    pub case: CaseId,
    pub name: String,
    pub masked: String,
    pub deadline: Deadline,
}

/// How many rows [`todos`] gives (every open deadline), without building them: the menu's badge, counted again at
/// every save.
pub fn open_count(cases: &[Summary]) -> usize {
    cases.iter().map(|c| c.open.len()).sum()
}

/// Every open deadline of these cases, in board order.
pub fn todos(cases: &[Summary], now: chrono::NaiveDateTime) -> Vec<Todo> {
    let mut out: Vec<Todo> = cases
        .iter()
        .flat_map(|c| {
            c.deadlines_on(now).map(move |d| Todo {
                case: c.id,
                name: c.name.clone(),
                masked: c.masked.clone(),
                deadline: d,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        a.deadline
            .status
            .cmp(&b.deadline.status)
            .then(a.deadline.due.cmp(&b.deadline.due))
            .then(a.name.cmp(&b.name))
    });
    out
}

/// Rows painted at first, and added by each "Visa fler" (as the case register).
const PAGE: usize = crate::ui::pages::arenden::PAGE;

#[component]
pub fn AttGora() -> impl IntoView {
    let app = use_app();
    set_title("Att göra");
    let rows = Memo::new(move |_| app.summaries.with(|cs| todos(cs, now())));
    let shown = RwSignal::new(PAGE);
    let more = move || rows.with(Vec::len).saturating_sub(shown.get());
    view! {
        <div class="page-head">
            <h1>"Att göra"</h1>
            <A href="/arende/ny" attr:class="button primary">"Nytt ärende"</A>
        </div>
        <p class="result-count" role="status">{move || match rows.with(Vec::len) {
            0 => "Inga öppna tidsgränser.".to_string(),
            1 => "1 öppen tidsgräns.".to_string(),
            n => format!("{n} öppna tidsgränser."),
        }}</p>
        <Show when=move || !rows.with(Vec::is_empty)>
            <div class="table-wrap"><table class="data-table" role="table">
                <caption class="visually-hidden">"Öppna tidsgränser i alla ärenden"</caption>
                <thead role="rowgroup"><tr role="row"><th scope="col" role="columnheader">"Status"</th><th scope="col" role="columnheader">"Vad"</th><th scope="col" role="columnheader">"För"</th><th scope="col" role="columnheader">"Senast"</th><th scope="col" role="columnheader">"Regel"</th></tr></thead>
                <tbody role="rowgroup">
                    {move || rows.with(|r| r.iter().take(shown.get()).cloned().collect::<Vec<_>>()).into_iter().map(|t| {
                        let href = case_href(t.case, segment_of(t.deadline.step));
                        view! {
                            <tr role="row">
                                <td role="cell" data-label="Status"><span class=status_class(t.deadline.status)>{t.deadline.status.label_sv()}</span></td>
                                <td role="cell" data-label="Vad"><span><A href=href>{t.deadline.what_sv.clone()}</A>{t.deadline.note_sv.clone().map(|n| view! { <br/><span class="hint">{n}</span> })}</span></td>
                                <td role="cell" data-label="För"><span>{t.name}" "<span class="identity">{t.masked}</span></span></td>
                                <td role="cell" data-label="Senast" class="nowrap">{crate::engine::calendar::iso(t.deadline.due)}</td>
                                <td role="cell" data-label="Regel"><span class="rule-id">{t.deadline.rule.as_str()}</span></td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table></div>
            {move || (more() > 0).then(|| view! {
                <button type="button" class="button" on:click=move |_| shown.update(|n| *n += PAGE)>
                    {format!("Visa fler ({} till)", more())}
                </button>
            })}
        </Show>
    }
}
