//! Choices: a checkbox, a group of checkboxes, a group of radio buttons, a party and a regional profile.

use crate::engine::model::PartyId;
use crate::engine::set::VecSet;
use crate::engine::{profiles, ProfileId};
use crate::ui::text;
use leptos::prelude::*;

/// One labelled checkbox.
#[component]
pub fn Checkbox(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    value: RwSignal<bool>,
    #[prop(optional, into)] on_change: Option<Callback<()>>,
) -> impl IntoView {
    view! {
        <div class="field checkbox">
            <input id=id.clone() type="checkbox" autocomplete="off" prop:checked=move || value.get()
                on:change=move |ev| {
                    value.set(event_target_checked(&ev));
                    if let Some(cb) = on_change { cb.run(()); }
                }/>
            <label for=id>{label}</label>
        </div>
    }
}

/// A group of checkboxes over a set of keys.
#[component]
pub fn CheckSet<K>(
    legend: &'static str,
    name: &'static str,
    options: Vec<(K, String)>,
    value: RwSignal<VecSet<K>>,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional, into)] on_change: Option<Callback<()>>,
) -> impl IntoView
where
    K: Ord + Copy + Send + Sync + 'static,
{
    let items = options
        .into_iter()
        .enumerate()
        .map(|(i, (k, label))| {
            let id = format!("{name}-{i}");
            view! {
                <div class="check">
                    <input autocomplete="off" type="checkbox" id=id.clone()
                        prop:checked=move || value.with(|s| s.contains(&k))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            value.update(|s| { if on { s.insert(k); } else { s.remove(&k); } });
                            if let Some(cb) = on_change { cb.run(()); }
                        }/>
                    <label for=id>{label}</label>
                </div>
            }
        })
        .collect_view();
    group(legend, name, hint, None, "checks", items)
}

/// A group of radio buttons; nothing is chosen while `value` is `None`.
#[component]
pub fn RadioGroup<T>(
    legend: &'static str,
    name: &'static str,
    options: Vec<(T, String)>,
    value: RwSignal<Option<T>>,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional, into)] error: Option<Signal<Option<String>>>,
    #[prop(optional, into)] on_change: Option<Callback<()>>,
) -> impl IntoView
where
    T: PartialEq + Copy + Send + Sync + 'static,
{
    let items = options
        .into_iter()
        .enumerate()
        .map(|(i, (option, label))| {
            let id = format!("{name}-{i}");
            view! {
                <div class="radio">
                    <input autocomplete="off" type="radio" name=name id=id.clone()
                        prop:checked=move || value.get() == Some(option)
                        on:change=move |_| {
                            value.set(Some(option));
                            if let Some(cb) = on_change { cb.run(()); }
                        }/>
                    <label for=id>{label}</label>
                </div>
            }
        })
        .collect_view();
    group(legend, name, hint, error, "radios", items)
}

/// The fieldset of a group of choices: legend, hint, the choices, and the error linked for screen readers.
fn group(
    legend: &'static str,
    name: &'static str,
    hint: Option<&'static str>,
    error: Option<Signal<Option<String>>>,
    class: &'static str,
    items: impl IntoView + 'static,
) -> impl IntoView {
    let error_id = format!("{name}-fel");
    let described = error.is_some().then(|| error_id.clone());
    view! {
        <fieldset class="field" aria-describedby=described>
            <legend>{legend}</legend>
            {hint.map(|h| view! { <p class="hint">{h}</p> })}
            <div class=class>{items}</div>
            {error.map(|e| view! { <p id=error_id class="field-error">{move || e.get()}</p> })}
        </fieldset>
    }
}

/// A labelled choice of party. With `none`, that choice comes first and means "no party"; without it, a
/// "Välj …" placeholder shows while nothing is chosen — a select never shows an option the signal does not hold.
#[component]
pub fn PartySelect(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    value: RwSignal<Option<PartyId>>,
    options: Vec<(PartyId, String)>,
    #[prop(optional)] none: Option<&'static str>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select autocomplete="off" id=id on:change=move |ev| value.set(event_target_value(&ev).parse().ok().map(PartyId))>
                {match none {
                    Some(n) => view! { <option value="" prop:selected=move || value.get().is_none()>{n}</option> }.into_any(),
                    None => view! {
                        <Show when=move || value.get().is_none()>
                            <option value="" disabled=true prop:selected=true>{text::CHOOSE}</option>
                        </Show>
                    }.into_any(),
                }}
                {options.into_iter().map(|(pid, name)| view! {
                    <option value=pid.0.to_string() prop:selected=move || value.get() == Some(pid)>{name}</option>
                }).collect_view()}
            </select>
        </div>
    }
}

/// The regional profile choice, listing every embedded profile.
#[component]
pub fn ProfileSelect(
    id: &'static str,
    value: RwSignal<ProfileId>,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional, into)] on_change: Option<Callback<()>>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    view! {
        <div class="field">
            <label for=id>{text::FIELD_PROFILE}</label>
            {hint.map(|h| view! { <p id=hint_id.clone() class="hint">{h}</p> })}
            <select autocomplete="off" id=id aria-describedby=hint.map(|_| hint_id.clone())
                on:change=move |ev| {
                    value.set(ProfileId::new(event_target_value(&ev)));
                    if let Some(cb) = on_change { cb.run(()); }
                }>
                {profiles::all().iter().map(|p| {
                    let pid = p.id.clone();
                    view! {
                        <option value=p.id.as_str().to_string() prop:selected=move || value.get() == pid>{p.name.clone()}</option>
                    }
                }).collect_view()}
            </select>
        </div>
    }
}
