//! "Dela med Lisa" (R-PLAN-11, "SIP är den enskildes plan"): the established plan as a link to the person's own
//! "Min plan" (the second entry, /min-plan/), sealed under a code the coordinator tells the person. The link's
//! fragment is never sent to a server; the link alone reads nothing. The code is shown here only — never on the big
//! screen, which shows what is sent to it and nothing else. The sealing, the code and the QR code are a tool loaded
//! when first used (`src/verktyg/share.rs`), so the app's first load does not carry them.

use crate::engine::Case;
use crate::ui::app::state::use_app;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;

#[component]
pub fn SharePlan(case: Memo<Option<Case>>) -> impl IntoView {
    let app = use_app();
    let Some(c) = case.get_untracked() else {
        return ().into_any();
    };
    let id = c.id().to_string();
    let first = c.person().first_name().to_string();
    // The person, and for a child each guardian too.
    let recipients: Vec<String> = std::iter::once(first.clone())
        .chain(c.guardians().iter().map(|g| g.name.trim().to_string()))
        .filter(|n| !n.is_empty())
        .collect();
    let results = NodeRef::<leptos::html::Div>::new();
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let share = move |to: String, id: String| {
        let Some(holder) = results.get_untracked() else {
            return;
        };
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            let more = [JsValue::from_str(&id), JsValue::from_str(&to)];
            if let Err(m) = app.tool("share_plan", holder.into(), &more).await {
                error.set(Some(m));
            }
            busy.set(false);
        });
    };
    let buttons = recipients
        .into_iter()
        .map(|to| {
            let label = format!("Dela med {to}");
            let id = id.clone();
            view! { <button type="button" class="button primary" on:click=move |_| share(to.clone(), id.clone()) disabled=move || busy.get()>{label}</button>" " }
        })
        .collect_view();
    view! {
        <section class="card" aria-labelledby="dela-rubrik">
            <h2 id="dela-rubrik">"Min plan – dela planen med "{first.clone()}</h2>
            <p>{format!("SIP är den enskildes plan. {first} får en egen läsbar kopia på sin telefon: en länk och en kod. För ett barn får varje vårdnadshavare en egen länk och kod. Länken ensam räcker inte för att läsa planen, och den skickas aldrig till någon server. Säg koden eller skriv den på papper – den visas aldrig på storskärmen.")}</p>
            <p>{buttons}</p>
            {move || busy.get().then(|| view! { <p role="status">"Krypterar planen …"</p> })}
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            // The tool draws each recipient's code, link and QR code in here (Leptos keeps nothing of its own inside).
            <div node_ref=results></div>
        </section>
    }
    .into_any()
}
