//! The case: a shell with the person, the phase and the steps of the SIP process; the overview shows the engine's
//! evaluation (next step, what blocks it and why, deadlines) and the case details.

use crate::engine::{evaluate, profiles, Case, CaseDetails, CaseField, CaseId, Command};
use crate::ui::app::state::use_app;
use crate::ui::app::steps::{by_segment, case_href, segment_of, STEPS};
use crate::ui::components::{Checkbox, DeadlineList, Explain, Field, Findings, ProfileSelect};
use crate::ui::platform::{format_time, now, set_title};
use crate::ui::text;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

#[component]
pub fn CasePage() -> impl IntoView {
    let app = use_app();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id")).and_then(|s| CaseId::parse(&s)));
    let step = Memo::new(move |_| params.with(|p| p.get("steg")).unwrap_or_default());
    // Re-render only when another case or step is opened, not on every edit.
    let found = Memo::new(move |_| id.get().and_then(|id| app.case(id)).map(|c| c.id()));
    // In the index but not opened yet: decrypted now (`app.case` started it).
    let opening = Memo::new(move |_| {
        id.get()
            .is_some_and(|id| app.knows(id) && !app.unopenable.with(|u| u.contains(&id)))
    });
    view! {
        {move || match found.get() {
            None if opening.get() => view! {
                <p role="status">{text::CASE_OPENING}</p>
            }.into_any(),
            None if id.get().is_some_and(|id| app.unopenable.with(|u| u.contains(&id))) => view! {
                <h1>{text::CASE_UNOPENABLE}</h1>
                <p>{text::CASE_UNOPENABLE_KEPT}</p>
                <p><A href="/arenden">{text::CASE_BACK}</A></p>
            }.into_any(),
            None => {
                set_title(text::CASE_NOT_FOUND);
                view! {
                    <h1>{text::CASE_NOT_FOUND}</h1>
                    <p><A href="/arenden">{text::CASE_BACK}</A></p>
                }.into_any()
            }
            Some(id) => view! { <CaseShell id=id step=step/> }.into_any(),
        }}
    }
}

#[component]
fn CaseShell(id: CaseId, step: Memo<String>) -> impl IntoView {
    let app = use_app();
    let case = Memo::new(move |_| app.case(id));
    let Some(initial) = case.get_untracked() else {
        return view! { <p>{text::CASE_NOT_FOUND}</p> }.into_any();
    };
    app.audit("oppnat", Some(&initial), "");
    let name = initial.person().name.clone();
    let today = now().date();
    let age = match (
        initial.person().age_on(today),
        initial.person().is_child_on(today),
    ) {
        (Some(a), Some(true)) => format!("{a} år ({})", text::CASE_CHILD.to_lowercase()),
        (Some(a), _) => format!("{a} år"),
        _ => "Ålder okänd".to_string(),
    };
    // Arriving with the focus nowhere (the form that registered the case is gone): it goes to the case's name.
    let heading = NodeRef::<leptos::html::H1>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let lost = document()
                .active_element()
                .is_none_or(|el| el.tag_name().eq_ignore_ascii_case("body"));
            if lost {
                let _ = h.focus();
            }
        }
    });
    view! {
        <p class="breadcrumb"><A href="/arenden">{text::CASE_BACK}</A></p>
        <div class="case-head">
            <h1 tabindex="-1" node_ref=heading>{name.clone()}</h1>
            <p class="case-facts">
                <span class="identity-full">{initial.person().identity.full()}</span>
                " · "<span>{age}</span>
                " · "<span>"Fas: "<strong>{move || case.with(|c| c.as_ref().map(|c| c.phase().label_sv()))}</strong></span>
            </p>
        </div>
        <nav class="steps" aria-label="Steg i SIP-processen">
            <ul>
                <li><A href=case_href(id, "") exact=true>"Översikt"</A></li>
                {STEPS.iter().map(|s| view! {
                    <li><A href=case_href(id, s.segment)>{s.label}</A></li>
                }).collect_view()}
            </ul>
        </nav>
        {move || {
            let stale = app.stale.with(|s| s.contains(&id))
                && app.conflict.with(|c| c.as_ref().is_none_or(|c| c.id != id));
            stale.then(|| view! {
                <div class="notice stale" role="status">
                    <p>{text::STALE}</p>
                    <button type="button" class="button secondary" on:click=move |_| app.reload_case(id)>{text::STALE_RELOAD}</button>
                </div>
            })
        }}
        {move || {
            // A case replaced by its stored version (another tab's) rebuilds the open step from it.
            app.reloaded.track();
            let s = step.get();
            let step = by_segment(&s);
            // The page title names the step, never the person: titles reach the browser's history.
            set_title(&format!("{} – {}", step.map_or("Översikt", |x| x.label), text::CASE_TITLE));
            match (s.as_str(), step) {
                ("", _) => view! { <Overview case=case/> }.into_any(),
                (_, Some(step)) => (step.view)(case),
                _ => view! { <p>"Steget finns inte."</p> }.into_any(),
            }
        }}
    }
    .into_any()
}

#[component]
fn Overview(case: Memo<Option<Case>>) -> impl IntoView {
    let app = use_app();
    let Some(initial) = case.get_untracked() else {
        return ().into_any();
    };
    let id = initial.id();
    let eval = Memo::new(move |_| {
        case.with(|c| {
            c.as_ref()
                .map(|c| evaluate(c, now(), profiles::get(c.profile())))
        })
    });
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
    let next_steps =
        move || eval.with(|e| e.as_ref().map(|e| e.next_steps.clone()).unwrap_or_default());
    let blocked = move || eval.with(|e| e.as_ref().map(|e| e.blocked.clone()).unwrap_or_default());

    view! {
        <section class="card" aria-labelledby="nasta-rubrik">
            <h2 id="nasta-rubrik">"Nästa steg"</h2>
            <ul class="next-steps">
                // Only steps with a screen to take them on: a step is a link there, never a control that does nothing.
                {move || next_steps().into_iter().filter_map(|s| {
                    let seg = segment_of(s.screen()?);
                    Some(view! { <li><A href=case_href(id, seg) attr:class="button primary">{s.label_sv()}</A></li> })
                }).collect_view()}
            </ul>
            {move || blocked().into_iter().map(|b| {
                let v = Signal::derive(move || Some(b.violation.clone()));
                view! {
                    <div class="blocked">
                        <h3 class="small-heading">{format!("{} är spärrat", b.step.label_sv())}</h3>
                        <Explain violation=v/>
                    </div>
                }
            }).collect_view()}
        </section>
        <Findings title="Varningar" findings=Signal::derive(move || eval.with(|e| e.as_ref().map(|e| e.warnings.clone()).unwrap_or_default()))/>
        <Findings title="Att dokumentera" findings=Signal::derive(move || eval.with(|e| e.as_ref().map(|e| e.records.clone()).unwrap_or_default()))/>
        <Findings title="Vägledning" findings=Signal::derive(move || eval.with(|e| e.as_ref().map(|e| e.info.clone()).unwrap_or_default()))/>
        <super::samordning::Coordination case=case/>
        <section class="card" aria-labelledby="tider-rubrik">
            <h2 id="tider-rubrik">"Tidsgränser"</h2>
            <DeadlineList deadlines=Signal::derive(move || eval.with(|e| e.as_ref().map(|e| e.deadlines.clone()).unwrap_or_default()))/>
        </section>
        <section aria-labelledby="uppgifter-rubrik" class="card">
            <h2 id="uppgifter-rubrik">{text::CASE_DETAILS}</h2>
            <p class="hint">"Ändringar sparas direkt."</p>
            <Field id="kommun" label=text::FIELD_KOMMUN value=kommun error=error_for(CaseField::Kommun) on_change=save/>
            <Field id="sprak" label=text::FIELD_LANGUAGE value=language error=error_for(CaseField::Language) on_change=save/>
            <Checkbox id="tolk" label=text::FIELD_INTERPRETER value=interpreter on_change=save/>
            <ProfileSelect id="profil" value=profile on_change=save/>
            <dl class="facts">
                <dt>{text::CASE_CREATED}</dt>
                <dd>{format_time(initial.created())}</dd>
                <dt>{text::CASE_CHANGED}</dt>
                <dd>{move || case.with(|c| c.as_ref().map(|c| format_time(c.updated())))}</dd>
            </dl>
        </section>
    }
    .into_any()
}
