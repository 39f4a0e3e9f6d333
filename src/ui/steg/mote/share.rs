//! "Dela med Lisa" (R-PLAN-11, "SIP är den enskildes plan"): the established plan as a link to the person's own
//! "Min plan" (the second entry, /min-plan/), sealed under a code the coordinator tells the person. The link's
//! fragment is never sent to a server; the link alone reads nothing. The code is shown here only — never on the big
//! screen, which shows what is sent to it and nothing else.

use crate::engine::share::ShareCode;
use crate::engine::views::person::person_plan;
use crate::engine::Case;
use crate::store::crypto::random_bytes;
use crate::store::share::{seal_link, ShareError};
use crate::ui::components::Qr;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[derive(Clone)]
struct Shared {
    code: String,
    link: String,
    version: u32,
}

#[component]
pub fn SharePlan(case: Memo<Option<Case>>) -> impl IntoView {
    let Some(c) = case.get_untracked() else {
        return ().into_any();
    };
    let first = c.person().first_name().to_string();
    let shared = RwSignal::new(None::<Shared>);
    let error = RwSignal::new(None::<&'static str>);
    let busy = RwSignal::new(false);
    let share = move |_| {
        if busy.get_untracked() {
            return;
        }
        let Some((text, version)) = case.with_untracked(|c| {
            let c = c.as_ref()?;
            let v = c.current_plan()?.version;
            Some((person_plan(c, v)?.encode(), v))
        }) else {
            error.set(Some(
                "Planen är inte upprättad ännu; ett utkast delas inte.",
            ));
            return;
        };
        let Some(code) = random_bytes(48)
            .ok()
            .and_then(|b| ShareCode::from_random(&b))
        else {
            error.set(Some("Webbläsaren kan inte skapa en säker kod."));
            return;
        };
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            match seal_link(&text, &code).await {
                Ok(sealed) => {
                    let origin = web_sys::window()
                        .and_then(|w| w.location().origin().ok())
                        .unwrap_or_default();
                    shared.set(Some(Shared {
                        code: code.grouped(),
                        link: format!("{origin}/min-plan/#{}", sealed.to_fragment()),
                        version,
                    }));
                }
                Err(ShareError::Unsupported | ShareError::WrongCode | ShareError::Damaged) => {
                    error.set(Some(
                        "Webbläsaren kan inte kryptera planen. Prova en annan webbläsare.",
                    ));
                }
            }
            busy.set(false);
        });
    };
    let label = format!("Dela med {first}");
    let qr_label = format!("QR-kod till länken till {first}s plan");
    view! {
        <section class="card" aria-labelledby="dela-rubrik">
            <h2 id="dela-rubrik">"Min plan – dela planen med "{first.clone()}</h2>
            <p>{format!("SIP är den enskildes plan. {first} får en egen läsbar kopia på sin telefon: en länk och en kod. Länken ensam räcker inte för att läsa planen, och den skickas aldrig till någon server. Säg koden till {first} eller skriv den på papper – den visas aldrig på storskärmen.")}</p>
            <button type="button" class="button primary" on:click=share disabled=move || busy.get()>{label}</button>
            {move || busy.get().then(|| view! { <p role="status">"Krypterar planen …"</p> })}
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            {move || shared.get().map(|s| {
                let len = s.link.chars().count();
                view! {
                    <div class="share-result">
                        <p>{format!("Version {} delad.", s.version)}</p>
                        <p>"Koden: "<strong class="share-code">{s.code.clone()}</strong></p>
                        <div class="field">
                            <label for="dela-lank">"Länken"</label>
                            <textarea id="dela-lank" readonly rows="3" autocomplete="off" spellcheck="false">{s.link.clone()}</textarea>
                            <p class="hint">{format!("{len} tecken. Markera och kopiera den, eller låt {first} skanna QR-koden.")}</p>
                        </div>
                        {if crate::ui::components::qr_path(&s.link).is_some() {
                            view! { <Qr text=s.link.clone() label=qr_label.clone()/> }.into_any()
                        } else {
                            view! { <p class="hint">"Länken är för lång för en QR-kod. Skicka den som text, eller skriv ut planen åt "{first.clone()}"."</p> }.into_any()
                        }}
                    </div>
                }
            })}
        </section>
    }
    .into_any()
}
