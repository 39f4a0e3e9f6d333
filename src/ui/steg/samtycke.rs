//! Samtycke (R-CONS): both parts, the scope, the form, who gave it, validity, the child's view, refusal and
//! withdrawal; a printable consent form for written consent.

use super::{form_error, parse_date, party_choices, run};
use crate::engine::model::Consent;
use crate::engine::model::{ConsentForm, Giver, InformationKind};
use crate::engine::rules::consent::r_cons_4_max_valid_until;
use crate::engine::{Case, Command};
use crate::ui::app::state::use_app;
use crate::ui::components::{CheckSet, Explain, Field};
use crate::ui::platform::now;
use leptos::prelude::*;
use leptos_router::components::A;
use std::collections::BTreeSet;

const FORMS: [ConsentForm; 4] = [
    ConsentForm::Skriftligt,
    ConsentForm::Muntligt,
    ConsentForm::AnnatTecken,
    ConsentForm::Presumerat,
];

#[component]
pub fn Samtycke(case: Memo<Option<Case>>) -> impl IntoView {
    let app = use_app();
    let Some(initial) = case.get_untracked() else {
        return ().into_any();
    };
    let id = initial.id();
    let today = now().date();
    let existing = initial.consent().cloned();
    let error = RwSignal::new(None);
    let part_a = RwSignal::new(existing.as_ref().is_none_or(|c| c.information_exchange));
    let part_b = RwSignal::new(existing.as_ref().is_none_or(|c| c.establish_plan));
    let parties = RwSignal::new(existing.as_ref().map_or_else(
        || initial.parties().iter().map(|p| p.id).collect(),
        |c| c.parties.clone(),
    ));
    let info = RwSignal::new(
        existing
            .as_ref()
            .map(|c| c.information.clone())
            .unwrap_or_default(),
    );
    let form = RwSignal::new(existing.as_ref().map_or(ConsentForm::Muntligt, |c| c.form));
    let givers = RwSignal::new(
        existing
            .as_ref()
            .map(|c| c.given_by.clone())
            .unwrap_or_else(|| {
                if initial.person().is_child_on(today) == Some(true) {
                    BTreeSet::new()
                } else {
                    BTreeSet::from([Giver::Personen])
                }
            }),
    );
    let given = RwSignal::new(crate::engine::calendar::iso(today));
    let until = RwSignal::new(String::new());
    let digital = RwSignal::new(existing.as_ref().is_some_and(|c| c.digital_meeting));
    let child_view = RwSignal::new(initial.child_view().to_string());
    let informed = RwSignal::new(false);

    let giver_options = move || {
        case.with(|c| {
            let Some(c) = c.as_ref() else {
                return Vec::new();
            };
            let mut v = vec![(Giver::Personen, format!("{} själv", c.person().name))];
            v.extend(c.guardians().iter().map(|g| {
                (
                    Giver::Vardnadshavare(g.id),
                    format!("Vårdnadshavare {}", g.name),
                )
            }));
            v.extend(c.representatives().iter().map(|r| {
                (
                    Giver::Foretradare(r.id),
                    format!("{} {}", r.kind.label_sv(), r.name),
                )
            }));
            v
        })
    };
    let record = move |_| {
        let Some(given_date) = parse_date(&given.get_untracked()) else {
            error.set(Some(form_error(
                "Ange datumet då samtycket gavs som ÅÅÅÅ-MM-DD.",
            )));
            return;
        };
        let until_text = until.get_untracked();
        let valid_until = if until_text.trim().is_empty() {
            None
        } else {
            match parse_date(&until_text) {
                Some(d) => Some(d),
                None => {
                    error.set(Some(form_error("Ange giltighetstiden som ÅÅÅÅ-MM-DD.")));
                    return;
                }
            }
        };
        // An empty date: the longest the rules allow (R-CONS-4), as the hint says.
        let valid_until = valid_until.unwrap_or_else(|| r_cons_4_max_valid_until(given_date));
        let input = Consent {
            information_exchange: part_a.get_untracked(),
            establish_plan: part_b.get_untracked(),
            parties: parties.get_untracked(),
            information: info.get_untracked(),
            form: form.get_untracked(),
            given_by: givers.get_untracked(),
            given: given_date,
            valid_until,
            digital_meeting: digital.get_untracked(),
            withdrawn: None,
        };
        run(app, case, Command::RecordConsent(input), error);
    };
    let max_hint = move || {
        parse_date(&given.get()).map(|g| {
            format!(
                "Högst ett år: senast {}. Tomt fält ger ett år.",
                crate::engine::calendar::iso(r_cons_4_max_valid_until(g))
            )
        })
    };
    let is_child = initial.person().is_child_on(today) == Some(true);
    let current = move || case.with(|c| c.as_ref().and_then(|c| c.consent().cloned()));

    view! {
        <h2>"Samtycke"</h2>
        {move || current().map(|c| view! {
            <section class="card" aria-labelledby="gallande-rubrik">
                <h3 id="gallande-rubrik">{if c.withdrawn.is_some() { "Återkallat samtycke" } else { "Registrerat samtycke" }}</h3>
                <p>{format!("{} samtycke, givet {}, gäller till {}.", c.form.label_sv(), crate::engine::calendar::iso(c.given), crate::engine::calendar::iso(c.valid_until))}</p>
                <p>{format!("Informationsutbyte: {}. Att en SIP upprättas: {}. Digitalt möte: {}.",
                    if c.information_exchange { "ja" } else { "nej" }, if c.establish_plan { "ja" } else { "nej" }, if c.digital_meeting { "ja" } else { "nej" })}</p>
            </section>
        })}
        <p>{move || case.with(|c| c.as_ref().map(|c| {
            let p = c.person();
            format!("Information ges på {}. Tolk: {}. (Ändras under Översikt.)", p.language, if p.interpreter { "ja, boka tolk" } else { "behövs inte" })
        }))}</p>
        <p><A href=format!("/utskrift/samtycke/{id}")>"Samtyckesblankett för utskrift"</A></p>
        <section class="card" aria-labelledby="registrera-rubrik">
            <h3 id="registrera-rubrik">"Registrera samtycke"</h3>
            <fieldset class="field">
                <legend>"Samtycket gäller"</legend>
                <div class="check"><input autocomplete="off" id="del-a" type="checkbox" prop:checked=move || part_a.get() on:change=move |ev| part_a.set(event_target_checked(&ev))/>
                    <label for="del-a">"Informationsutbyte mellan parterna före och under mötet"</label></div>
                <div class="check"><input autocomplete="off" id="del-b" type="checkbox" prop:checked=move || part_b.get() on:change=move |ev| part_b.set(event_target_checked(&ev))/>
                    <label for="del-b">"Att en SIP upprättas"</label></div>
                <div class="check"><input autocomplete="off" id="digitalt" type="checkbox" prop:checked=move || digital.get() on:change=move |ev| digital.set(event_target_checked(&ev))/>
                    <label for="digitalt">"Möte kan hållas digitalt"</label></div>
            </fieldset>
            {move || view! { <CheckSet legend="Vilka parter får ta del av informationen" name="omfang-parter" options=party_choices(case) value=parties/> }}
            <CheckSet legend="Vilken information" name="omfang-info" options=InformationKind::ALL.iter().map(|k| (*k, k.label_sv().to_string())).collect() value=info/>
            <fieldset class="field">
                <legend>"Form"</legend>
                <div class="radios">
                    {FORMS.into_iter().map(|f| view! {
                        <label class="radio"><input autocomplete="off" type="radio" name="form" prop:checked=move || form.get() == f on:change=move |_| form.set(f)/>{f.label_sv()}</label>
                    }).collect_view()}
                </div>
            </fieldset>
            {move || view! { <CheckSet legend="Vem gav samtycket" name="givare" options=giver_options() value=givers
                hint="För ett barn samtycker vårdnadshavarna; med två vårdnadshavare måste båda samtycka."/> }}
            <Field id="givet" label="Samtycket gavs" value=given kind="date"/>
            <Field id="giltigt" label="Gäller till" value=until kind="date"/>
            <p class="hint" aria-live="polite">{max_hint}</p>
            <Explain violation=error/>
            <button type="button" class="button primary" on:click=record>"Registrera samtycke"</button>
        </section>
        {is_child.then(|| view! {
            <section class="card" aria-labelledby="barn-rubrik">
                <h3 id="barn-rubrik">"Barnets röst"</h3>
                <Field id="barnets-synpunkter" label="Barnets synpunkter, med barnets egna ord" value=child_view multiline=true/>
                <button type="button" class="button secondary" on:click=move |_| { run(app, case, Command::RecordChildView(child_view.get_untracked()), error); }>"Spara barnets synpunkter"</button>
            </section>
        })}
        <section class="card" aria-labelledby="nej-rubrik">
            <h3 id="nej-rubrik">"Nej eller återkallat"</h3>
            <div class="check"><input autocomplete="off" id="informerad" type="checkbox" prop:checked=move || informed.get() on:change=move |ev| informed.set(event_target_checked(&ev))/>
                <label for="informerad">"Personen har fått veta vad en SIP innebär"</label></div>
            <div class="button-row">
                <button type="button" class="button secondary" on:click=move |_| { run(app, case, Command::RefuseConsent { informed: informed.get_untracked() }, error); }>"Personen tackar nej"</button>
                <button type="button" class="button secondary" on:click=move |_| { run(app, case, Command::WithdrawConsent, error); }>"Återkalla samtycket"</button>
            </div>
        </section>
    }
    .into_any()
}
