//! Widgets that show the engine's own words: a refused step with its rule and source, findings, deadlines.

use crate::engine::deadlines::{Deadline, DeadlineStatus};
use crate::engine::rules::{Finding, Level, Violation};
use leptos::prelude::*;
use std::collections::BTreeSet;

/// A refused step: the engine's message, the rule id and "Källa: …".
#[component]
pub fn Explain(#[prop(into)] violation: Signal<Option<Violation>>) -> impl IntoView {
    move || {
        violation.get().map(|v| {
            view! {
                <div class="explain" role="alert">
                    <p class="explain-message">{v.message_sv.clone()}</p>
                    {v.rule.map(|rule| view! {
                        <p class="explain-rule"><span class="rule-id">{rule.as_str()}</span>" · "{v.source.clone()}</p>
                    })}
                </div>
            }
        })
    }
}

/// Warnings, guidance and what must be documented, each with its rule id.
#[component]
pub fn Findings(
    #[prop(into)] findings: Signal<Vec<Finding>>,
    title: &'static str,
) -> impl IntoView {
    view! {
        <Show when=move || !findings.with(Vec::is_empty)>
            <section class="findings" aria-label=title>
                <h2 class="small-heading">{title}</h2>
                <ul>
                    {move || findings.get().into_iter().map(|f| {
                        let class = match f.level { Level::Warn => "finding warn", Level::Info => "finding info", Level::Record => "finding record" };
                        view! {
                            <li class=class>
                                <span>{f.message_sv}</span>
                                " "<span class="rule-id">{f.rule.as_str()}</span>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        </Show>
    }
}

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
            <table class="data-table">
                <caption class="visually-hidden">"Tidsgränser"</caption>
                <thead><tr><th scope="col">"Vad"</th><th scope="col">"Senast"</th><th scope="col">"Status"</th><th scope="col">"Regel"</th></tr></thead>
                <tbody>
                    {move || deadlines.get().into_iter().map(|d| view! {
                        <tr>
                            <td>{d.what_sv}</td>
                            <td class="nowrap">{crate::engine::calendar::iso(d.due)}</td>
                            <td><span class=status_class(d.status)>{d.status.label_sv()}</span></td>
                            <td class="rule-id">{d.rule.as_str()}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </Show>
    }
}

/// A group of checkboxes over a set of keys.
#[component]
pub fn CheckSet<K>(
    legend: &'static str,
    name: &'static str,
    options: Vec<(K, String)>,
    value: RwSignal<BTreeSet<K>>,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional, into)] on_change: Option<Callback<()>>,
) -> impl IntoView
where
    K: Ord + Copy + Send + Sync + 'static,
{
    view! {
        <fieldset class="field">
            <legend>{legend}</legend>
            {hint.map(|h| view! { <p class="hint">{h}</p> })}
            <div class="checks">
                {options.into_iter().enumerate().map(|(i, (k, label))| {
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
                }).collect_view()}
            </div>
        </fieldset>
    }
}

/// A labelled multi-line text field.
#[component]
pub fn TextArea(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    value: RwSignal<String>,
    #[prop(optional)] hint: Option<&'static str>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            {hint.map(|h| view! { <p id=hint_id.clone() class="hint">{h}</p> })}
            <textarea autocomplete="off" id=id rows="3" aria-describedby=hint.map(|_| hint_id.clone())
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))></textarea>
        </div>
    }
}

/// A labelled single-line input of a given type (text, date, datetime-local, tel, email).
#[component]
pub fn Input(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    value: RwSignal<String>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            {hint.map(|h| view! { <p id=hint_id.clone() class="hint">{h}</p> })}
            <input autocomplete="off" id=id type=kind aria-describedby=hint.map(|_| hint_id.clone())
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))/>
        </div>
    }
}
