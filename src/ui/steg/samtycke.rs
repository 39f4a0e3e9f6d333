//! Samtycke (R-CONS): both parts, the scope, the form, who gave it, validity, the child's view, refusal and
//! withdrawal; a printable consent form for written consent.

use super::{blocker, form_error, parse_date, party_choices, run};
use crate::engine::model::{Consent, MaturityAssessment};
use crate::engine::model::{ConsentForm, Giver, InformationKind};
use crate::engine::profiles;
use crate::engine::rules::consent::{
    r_cons_4_default_valid_until, r_cons_4_hint_sv, r_cons_4_suggested_valid_until,
};
use crate::engine::set::VecSet;
use crate::engine::views::evaluate::Step;
use crate::engine::{Case, Command};
use crate::ui::app::state::use_app;
use crate::ui::components::{Action, CheckSet, Checkbox, Explain, Field, RadioGroup};
use crate::ui::platform::now;
use leptos::prelude::*;
use leptos_router::components::A;

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
    let form = RwSignal::new(Some(
        existing.as_ref().map_or(ConsentForm::Muntligt, |c| c.form),
    ));
    let givers = RwSignal::new(
        existing
            .as_ref()
            .map(|c| c.given_by.clone())
            .unwrap_or_else(|| {
                if initial.person().is_child_on(today) == Some(true) {
                    VecSet::new()
                } else {
                    VecSet::from([Giver::Personen])
                }
            }),
    );
    let given = RwSignal::new(crate::engine::calendar::iso(today));
    let until = RwSignal::new(
        r_cons_4_suggested_valid_until(today, profiles::get(initial.profile()))
            .map(crate::engine::calendar::iso)
            .unwrap_or_default(),
    );
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
    let record = Callback::new(move |()| {
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
        // An empty date: the profile's cap, or the engine asks how long it applies (R-CONS-4).
        let profile = case.with_untracked(|c| c.as_ref().map(|c| profiles::get(c.profile())));
        let Some(profile) = profile else { return };
        let valid_until = match valid_until
            .map_or_else(|| r_cons_4_default_valid_until(given_date, profile), Ok)
        {
            Ok(d) => d,
            Err(v) => {
                error.set(Some(v));
                return;
            }
        };
        let input = Consent {
            information_exchange: part_a.get_untracked(),
            establish_plan: part_b.get_untracked(),
            parties: parties.get_untracked(),
            information: info.get_untracked(),
            form: form.get_untracked().unwrap_or(ConsentForm::Muntligt),
            given_by: givers.get_untracked(),
            given: given_date,
            valid_until,
            digital_meeting: digital.get_untracked(),
            withdrawn: None,
        };
        run(app, case, Command::RecordConsent(input), error);
    });
    let child_error = RwSignal::new(None);
    let mature_error = RwSignal::new(None);
    let mature_by = RwSignal::new(String::new());
    let mature_at = RwSignal::new(crate::engine::calendar::iso(today));
    let no_error = RwSignal::new(None);
    let max_hint = move || {
        case.with(|c| {
            c.as_ref()
                .map(|c| r_cons_4_hint_sv(parse_date(&given.get()), profiles::get(c.profile())))
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
                <Checkbox id="del-a" label="Informationsutbyte mellan parterna före och under mötet" value=part_a/>
                <Checkbox id="del-b" label="Att en SIP upprättas" value=part_b/>
                <Checkbox id="digitalt" label="Möte kan hållas digitalt" value=digital/>
            </fieldset>
            {move || view! { <CheckSet legend="Vilka parter får ta del av informationen" name="omfang-parter" options=party_choices(case) value=parties/> }}
            <CheckSet legend="Vilken information" name="omfang-info" options=InformationKind::ALL.iter().map(|k| (*k, k.label_sv().to_string())).collect() value=info/>
            <RadioGroup legend="Form" name="form" value=form
                options=FORMS.into_iter().map(|f| (f, f.label_sv().to_string())).collect()/>
            {move || view! { <CheckSet legend="Vem gav samtycket" name="givare" options=giver_options() value=givers
                hint="För ett barn samtycker vårdnadshavarna; med två vårdnadshavare måste båda samtycka."/> }}
            <Field id="givet" label="Samtycket gavs" value=given kind="date"/>
            <Field id="giltigt" label="Gäller till" value=until kind="date"/>
            <p class="hint" aria-live="polite">{max_hint}</p>
            <Action id="registrera-samtycke" label="Registrera samtycke" on_click=record error=error
                blocked=blocker(case, Step::RegistreraSamtycke)/>
        </section>
        {is_child.then(|| view! {
            <section class="card" aria-labelledby="barn-rubrik">
                <h3 id="barn-rubrik">"Barnets röst"</h3>
                <Field id="barnets-synpunkter" label="Barnets synpunkter, med barnets egna ord" value=child_view multiline=true/>
                <button type="button" class="button secondary" on:click=move |_| { run(app, case, Command::RecordChildView(child_view.get_untracked()), child_error); }>"Spara barnets synpunkter"</button>
                <Explain violation=child_error/>
                <h4 class="small-heading">"Barnets mognad"</h4>
                <p class="hint">"Lagen anger ingen fast ålder. Bedöms barnet moget att självt ta ställning räcker barnets eget samtycke, där den regionala profilen tillåter det. "<span class="rule-id">"R-CONS-6"</span></p>
                {move || match case.with(|c| c.as_ref().and_then(|c| c.maturity().cloned())) {
                    Some(m) => view! {
                        <p>{format!("Barnet bedöms moget att självt ta ställning (bedömt av {}, {}).", m.by, crate::engine::calendar::iso(m.at))}</p>
                        <button type="button" class="button secondary" on:click=move |_| { run(app, case, Command::RecordMaturity(None), mature_error); }>"Ta bort bedömningen"</button>
                    }.into_any(),
                    None => view! {
                        <Field id="mognad-av" label="Bedömt av (namn och yrke)" value=mature_by/>
                        <Field id="mognad-datum" label="Bedömningen gjordes" value=mature_at kind="date"/>
                        <button type="button" class="button secondary" on:click=move |_| {
                            let Some(at) = parse_date(&mature_at.get_untracked()) else {
                                mature_error.set(Some(form_error("Ange datumet för bedömningen som ÅÅÅÅ-MM-DD.")));
                                return;
                            };
                            run(app, case, Command::RecordMaturity(Some(MaturityAssessment { by: mature_by.get_untracked(), at })), mature_error);
                        }>"Barnet bedöms moget att självt ta ställning"</button>
                    }.into_any(),
                }}
                <Explain violation=mature_error/>
            </section>
        })}
        <section class="card" aria-labelledby="nej-rubrik">
            <h3 id="nej-rubrik">"Nej eller återkallat"</h3>
            <Checkbox id="informerad" label="Personen har fått veta vad en SIP innebär" value=informed/>
            <div class="button-row">
                <button type="button" class="button secondary" on:click=move |_| { run(app, case, Command::RefuseConsent { informed: informed.get_untracked() }, no_error); }>"Personen tackar nej"</button>
                <button type="button" class="button secondary" on:click=move |_| { run(app, case, Command::WithdrawConsent, no_error); }>"Återkalla samtycket"</button>
            </div>
            <Explain violation=no_error/>
        </section>
    }
    .into_any()
}
