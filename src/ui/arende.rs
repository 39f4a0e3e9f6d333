//! The case page: the person (identity in full only here), the phase, and the details, saved as they are typed.

use super::nytt_arende::{ProfileSelect, TextField};
use super::state::use_app;
use super::text;
use super::widgets::{format_time, now, set_title};
use crate::engine::{profiles, Case, CaseDetails, CaseField, CaseId, Command};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

#[component]
pub fn CasePage() -> impl IntoView {
    let app = use_app();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id")).and_then(|s| CaseId::parse(&s)));
    // Re-render the page only when another case is opened, not on every edit of this one.
    let found = Memo::new(move |_| id.get().and_then(|id| app.case(id)).map(|c| c.id()));
    view! {
        {move || match found.get() {
            None => {
                set_title(text::CASE_NOT_FOUND);
                view! {
                    <h1>{text::CASE_NOT_FOUND}</h1>
                    <p><A href="/">{text::CASE_BACK}</A></p>
                }.into_any()
            }
            Some(id) => view! { <CaseView id=id/> }.into_any(),
        }}
    }
}

#[component]
fn CaseView(id: CaseId) -> impl IntoView {
    let app = use_app();
    let case = Memo::new(move |_| app.case(id));
    let initial: Option<Case> = case.get_untracked();
    let Some(initial) = initial else {
        return view! { <p>{text::CASE_NOT_FOUND}</p> }.into_any();
    };
    set_title(&initial.person().name);
    let details = initial.details();
    let kommun = RwSignal::new(details.kommun);
    let language = RwSignal::new(details.language);
    let interpreter = RwSignal::new(details.interpreter);
    let profile = RwSignal::new(details.profile);
    let field_error = RwSignal::new(None::<(CaseField, String)>);

    let save = Callback::new(move |()| {
        let Some(c) = case.get_untracked() else {
            return;
        };
        let wanted = CaseDetails {
            kommun: kommun.get_untracked(),
            language: language.get_untracked(),
            interpreter: interpreter.get_untracked(),
            profile: profile.get_untracked(),
        };
        if let Err(e) = c.validate_details(&wanted) {
            field_error.set(Some((e.field, e.message_sv)));
            return;
        }
        field_error.set(None);
        if c.details() != wanted {
            if let Err(v) = app.apply(c, Command::UpdateDetails(wanted)) {
                field_error.set(Some((CaseField::Kommun, v.message_sv)));
            }
        }
    });
    let error_for = move |f: CaseField| {
        Signal::derive(move || {
            field_error.with(|e| {
                e.as_ref()
                    .filter(|(ef, _)| *ef == f)
                    .map(|(_, m)| m.clone())
            })
        })
    };
    let today = now().date();
    let age = match (
        initial.person().age_on(today),
        initial.person().is_child_on(today),
    ) {
        (Some(a), Some(true)) => format!("{a} år ({})", text::CASE_CHILD.to_lowercase()),
        (Some(a), _) => format!("{a} år"),
        _ => "Okänd (inget födelsedatum)".to_string(),
    };
    let is_child = initial.person().is_child_on(today) == Some(true);

    view! {
        <p class="breadcrumb"><A href="/">{text::CASE_BACK}</A></p>
        <h1>{initial.person().name.clone()}</h1>
        <section aria-labelledby="person-rubrik" class="card">
            <h2 id="person-rubrik">{text::CASE_PERSON}</h2>
            <dl class="facts">
                <dt>{initial.person().identity.kind().label_sv()}</dt>
                <dd class="identity-full">{initial.person().identity.full()}</dd>
                <dt>{text::CASE_AGE}</dt>
                <dd>{age}{is_child.then(|| view! { " " <span class="tag">{text::CASE_CHILD}</span> })}</dd>
                <dt>{text::CASE_PHASE}</dt>
                <dd>{move || case.with(|c| c.as_ref().map(|c| c.phase().label_sv()))}</dd>
                <dt>"Regional profil"</dt>
                <dd>{move || profiles::get(&profile.get()).name.clone()}</dd>
                <dt>{text::CASE_CREATED}</dt>
                <dd>{format_time(initial.created())}</dd>
                <dt>{text::CASE_CHANGED}</dt>
                <dd>{move || case.with(|c| c.as_ref().map(|c| format_time(c.updated())))}</dd>
            </dl>
        </section>
        <section aria-labelledby="uppgifter-rubrik" class="card">
            <h2 id="uppgifter-rubrik">{text::CASE_DETAILS}</h2>
            <p class="hint">"Ändringar sparas direkt."</p>
            <TextField id="kommun" label=text::FIELD_KOMMUN value=kommun error=error_for(CaseField::Kommun) on_change=save/>
            <TextField id="sprak" label=text::FIELD_LANGUAGE value=language error=error_for(CaseField::Language) on_change=save/>
            <div class="field checkbox">
                <input id="tolk" type="checkbox" prop:checked=move || interpreter.get()
                    on:change=move |ev| { interpreter.set(event_target_checked(&ev)); save.run(()); }/>
                <label for="tolk">{text::FIELD_INTERPRETER}</label>
            </div>
            <ProfileSelect id="profil" value=profile on_change=save/>
        </section>
    }.into_any()
}
