//! The case register: search by name, identity digits, kommun or phase, newest change first, identities masked. It
//! paints a page of rows at a time ("Visa fler"), whatever the number of cases: it reads the index (no case is
//! decrypted to list it), a search runs over the summaries and clones only the rows it shows; the page's rows are
//! drawn anew on each change (at most a few hundred, as Att göra's).

use crate::ui::app::state::use_app;
use crate::ui::platform::{format_time, set_title};
use crate::ui::text;
use leptos::prelude::*;
use leptos_router::components::A;

/// Rows painted at first, and added by each "Visa fler".
pub const PAGE: usize = 100;

#[component]
pub fn CaseList() -> impl IntoView {
    let app = use_app();
    set_title(text::CASES_TITLE);
    let query = RwSignal::new(String::new());
    // The positions of the matching cases; the rows painted are the first `shown` of them.
    let filtered = Memo::new(move |_| {
        let q = query.get();
        app.summaries.with(|cs| {
            cs.iter()
                .enumerate()
                .filter(|(_, c)| c.matches(&q))
                .map(|(i, _)| i)
                .collect::<Vec<usize>>()
        })
    });
    let shown = RwSignal::new(PAGE);
    let rows = move || {
        let n = shown.get();
        filtered.with(|f| {
            app.summaries.with(|cs| {
                f.iter()
                    .take(n)
                    .filter_map(|&i| cs.get(i).cloned())
                    .collect::<Vec<_>>()
            })
        })
    };
    let more = move || filtered.with(Vec::len).saturating_sub(shown.get());
    let total = move || app.summaries.with(Vec::len);
    view! {
        <div class="page-head">
            <h1>{text::CASES_TITLE}</h1>
            <A href="/arende/ny" attr:class="button primary">{text::NAV_NEW_CASE}</A>
        </div>
        <div class="field search">
            <label for="sok">{text::CASES_SEARCH}</label>
            <input id="sok" type="search" autocomplete="off"
                prop:value=move || query.get()
                on:input=move |ev| {
                    query.set(event_target_value(&ev));
                    shown.set(PAGE);
                }/>
        </div>
        <p class="result-count" role="status">
            {move || {
                let n = filtered.with(Vec::len);
                if total() == 0 { text::CASES_EMPTY.to_string() }
                else if n == 0 { text::CASES_NO_MATCH.to_string() }
                else if n == 1 { "1 ärende".to_string() }
                else { format!("{n} ärenden") }
            }}
        </p>
        <Show when=move || !filtered.with(Vec::is_empty)>
            <div class="table-wrap"><table class="case-table" role="table">
                <caption class="visually-hidden">{text::CASES_TITLE}</caption>
                <thead role="rowgroup">
                    <tr role="row">
                        <th scope="col" role="columnheader">{text::COL_NAME}</th>
                        <th scope="col" role="columnheader">{text::COL_IDENTITY}</th>
                        <th scope="col" role="columnheader">{text::COL_PHASE}</th>
                        <th scope="col" role="columnheader">{text::COL_CHANGED}</th>
                    </tr>
                </thead>
                <tbody role="rowgroup">
                    {move || rows().into_iter().map(|case| view! {
                        <tr role="row">
                            <td role="cell" data-label=text::COL_NAME><A href=format!("/arende/{}", case.id)>{case.name}</A></td>
                            <td role="cell" data-label=text::COL_IDENTITY class="identity">{case.masked}</td>
                            <td role="cell" data-label=text::COL_PHASE>{case.phase.label_sv()}</td>
                            <td role="cell" data-label=text::COL_CHANGED>{format_time(case.updated)}</td>
                        </tr>
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
