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
    /// Who it is for: the person, or one of a child's guardians (each their own link and code).
    to: String,
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
    // The person, and for a child each guardian too.
    let recipients: Vec<String> = std::iter::once(first.clone())
        .chain(c.guardians().iter().map(|g| g.name.trim().to_string()))
        .filter(|n| !n.is_empty())
        .collect();
    let shared = RwSignal::new(Vec::<Shared>::new());
    let error = RwSignal::new(None::<&'static str>);
    let busy = RwSignal::new(false);
    let share = move |to: String| {
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
                    let item = Shared {
                        to,
                        code: code.grouped(),
                        link: format!("{origin}/min-plan/#{}", sealed.to_fragment()),
                        version,
                    };
                    shared.update(|v| {
                        v.retain(|s| s.to != item.to);
                        v.push(item);
                    });
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
    let buttons = recipients
        .into_iter()
        .map(|to| {
            let label = format!("Dela med {to}");
            view! { <button type="button" class="button primary" on:click=move |_| share(to.clone()) disabled=move || busy.get()>{label}</button>" " }
        })
        .collect_view();
    view! {
        <section class="card" aria-labelledby="dela-rubrik">
            <h2 id="dela-rubrik">"Min plan – dela planen med "{first.clone()}</h2>
            <p>{format!("SIP är den enskildes plan. {first} får en egen läsbar kopia på sin telefon: en länk och en kod. För ett barn får varje vårdnadshavare en egen länk och kod. Länken ensam räcker inte för att läsa planen, och den skickas aldrig till någon server. Säg koden eller skriv den på papper – den visas aldrig på storskärmen.")}</p>
            <p>{buttons}</p>
            {move || busy.get().then(|| view! { <p role="status">"Krypterar planen …"</p> })}
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            {move || shared.get().into_iter().map(|s| {
                let len = s.link.chars().count();
                let id = format!("dela-lank-{}", s.to.replace(' ', "-"));
                let qr_label = format!("QR-kod till länken för {}", s.to);
                view! {
                    <div class="share-result">
                        <h3>{format!("Till {} – version {}", s.to, s.version)}</h3>
                        <p>"Koden: "<strong class="share-code">{s.code.clone()}</strong></p>
                        <div class="field">
                            <label for=id.clone()>{format!("Länken till {}", s.to)}</label>
                            <textarea id=id readonly rows="3" autocomplete="off" spellcheck="false">{s.link.clone()}</textarea>
                            <p class="hint">{format!("{len} tecken. Markera och kopiera den, eller skanna QR-koden med telefonen.")}</p>
                        </div>
                        {if crate::ui::components::qr_path(&s.link).is_some() {
                            view! { <Qr text=s.link.clone() label=qr_label/> }.into_any()
                        } else {
                            view! { <p class="hint">"Länken är för lång för en QR-kod. Skicka den som text, eller skriv ut planen."</p> }.into_any()
                        }}
                    </div>
                }
            }).collect_view()}
        </section>
    }
    .into_any()
}
