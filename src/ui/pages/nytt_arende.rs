//! Registering a person: the engine validates, this form shows its Swedish messages next to the fields.

use crate::engine::{Case, CaseField, CaseId, FieldError, IdentityKind, NewCase};
use crate::ui::app::state::use_app;
use crate::ui::components::{Checkbox, Field, ProfileSelect, RadioGroup};
use crate::ui::platform::{now, set_title};
use crate::ui::text;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;

#[component]
pub fn NewCase() -> impl IntoView {
    let app = use_app();
    set_title(text::NEW_TITLE);
    let name = RwSignal::new(String::new());
    let kind = RwSignal::new(None::<IdentityKind>);
    let number = RwSignal::new(String::new());
    let kommun = RwSignal::new(String::new());
    let profile = RwSignal::new(app.prefs.get_untracked().profile);
    let language = RwSignal::new("svenska".to_string());
    let interpreter = RwSignal::new(false);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let store_error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let summary = NodeRef::<leptos::html::Div>::new();
    let navigate = use_navigate();

    let error_for = move |field: CaseField| {
        move || {
            errors.with(|es| {
                es.iter()
                    .find(|e| e.field == field)
                    .map(|e| e.message_sv.clone())
            })
        }
    };

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let input = NewCase {
            name: name.get_untracked(),
            identity_kind: kind.get_untracked(),
            identity: number.get_untracked(),
            kommun: kommun.get_untracked(),
            profile: profile.get_untracked(),
            language: language.get_untracked(),
            interpreter: interpreter.get_untracked(),
        };
        match Case::register(&input, CaseId(uuid::Uuid::new_v4()), now()) {
            Err(es) => {
                errors.set(es);
                if let Some(el) = summary.get_untracked() {
                    let _ = el.focus();
                }
            }
            Ok(case) => {
                errors.set(Vec::new());
                busy.set(true);
                let id = case.id();
                let navigate = navigate.clone();
                spawn_local(async move {
                    app.audit_change(&case);
                    let result = app.create_case(case).await;
                    let _ = busy.try_set(false);
                    match result {
                        Ok(()) => navigate(&format!("/arende/{id}"), Default::default()),
                        Err(e) => {
                            let _ = store_error.try_set(Some(e.message_sv()));
                        }
                    }
                });
            }
        }
    };

    view! {
        <h1>{text::NEW_TITLE}</h1>
        <p>{text::NEW_INTRO}</p>
        <div node_ref=summary tabindex="-1" class="error-summary-wrap">
            <Show when=move || !errors.with(Vec::is_empty)>
                <div class="error-summary" role="alert">
                    <h2>{text::FORM_ERRORS}</h2>
                    <ul>
                        {move || errors.get().into_iter().map(|e| view! { <li>{e.message_sv}</li> }).collect_view()}
                    </ul>
                </div>
            </Show>
        </div>
        {move || store_error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
        <form on:submit=on_submit novalidate class="form">
            <Field id="namn" label=text::FIELD_NAME value=name error=Signal::derive(error_for(CaseField::Name))/>
            <RadioGroup legend=text::FIELD_ID_KIND name="identitetstyp" value=kind
                options=IdentityKind::ALL.into_iter().map(|k| (k, k.label_sv().to_string())).collect()
                error=Signal::derive(error_for(CaseField::IdentityKind))/>
            <Show when=move || matches!(kind.get(), Some(IdentityKind::Personnummer | IdentityKind::Samordningsnummer | IdentityKind::Reservnummer))>
                <Field id="nummer" label=text::FIELD_ID value=number hint=text::FIELD_ID_HINT
                    error=Signal::derive(error_for(CaseField::Identity))/>
            </Show>
            <Field id="kommun" label=text::FIELD_KOMMUN value=kommun error=Signal::derive(error_for(CaseField::Kommun))/>
            <ProfileSelect id="profil" value=profile/>
            <Field id="sprak" label=text::FIELD_LANGUAGE value=language error=Signal::derive(error_for(CaseField::Language))/>
            <Checkbox id="tolk" label=text::FIELD_INTERPRETER value=interpreter/>
            <button type="submit" class="button primary" prop:disabled=move || busy.get()>{text::NEW_SUBMIT}</button>
        </form>
    }
}
