//! One labelled field: a line of text (of any input type) or several lines, with an optional hint and an error
//! message linked for screen readers. Autofill is off: what a coordinator types about a person must not end up
//! in the browser's own files.

use leptos::prelude::*;

#[component]
pub fn Field(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    value: RwSignal<String>,
    /// The input's type ("text", "date", "datetime-local", "tel", "email", "password"); ignored when `multiline`.
    #[prop(default = "text")]
    kind: &'static str,
    #[prop(optional)] multiline: bool,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional, into)] error: Option<Signal<Option<String>>>,
    /// Only the passphrase fields say otherwise ("new-password", "current-password").
    #[prop(default = "off")]
    autocomplete: &'static str,
    /// Called after every change (autosaving forms).
    #[prop(optional, into)]
    on_change: Option<Callback<()>>,
    #[prop(optional)] node_ref: Option<NodeRef<leptos::html::Input>>,
    /// Announced as required (the forms validate themselves; the browser's own check is off).
    #[prop(optional)]
    required: bool,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-fel");
    let has_error = move || error.is_some_and(|e| e.with(Option::is_some));
    let described = match (hint.is_some(), error.is_some()) {
        (true, true) => Some(format!("{hint_id} {error_id}")),
        (true, false) => Some(hint_id.clone()),
        (false, true) => Some(error_id.clone()),
        (false, false) => None,
    };
    let input = move |ev: leptos::ev::Event| {
        value.set(event_target_value(&ev));
        if let Some(cb) = on_change {
            cb.run(());
        }
    };
    let control = if multiline {
        view! {
            <textarea id=id.clone() rows="3" autocomplete=autocomplete aria-describedby=described.clone()
                aria-invalid=move || has_error().then_some("true")
                prop:value=move || value.get() on:input=input></textarea>
        }
        .into_any()
    } else {
        let node_ref = node_ref.unwrap_or_default();
        view! {
            <input id=id.clone() type=kind autocomplete=autocomplete aria-describedby=described.clone() required=required
                aria-invalid=move || has_error().then_some("true") node_ref=node_ref
                prop:value=move || value.get() on:input=input/>
        }
        .into_any()
    };
    view! {
        <div class="field" class:invalid=has_error>
            <label for=id>{label}</label>
            {hint.map(|h| view! { <p id=hint_id class="hint">{h}</p> })}
            {control}
            {error.map(|e| view! { <p id=error_id class="field-error">{move || e.get()}</p> })}
        </div>
    }
}
