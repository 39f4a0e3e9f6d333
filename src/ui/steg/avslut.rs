//! Closing the SIP (R-AVSL-1…3, R-CONS-8/9, R-PLAN-15): why, how it was decided and by whom; then who is told,
//! where the person turns if the need returns, how long the plan is kept, and a new process when the goal changed.

use crate::engine::calendar::iso;
use crate::engine::deadlines::StepRef;
use crate::engine::model::{ClosingReason, PartyId, PlanState};
use crate::engine::rules::closing::{R_AVSL_1_REASONS, R_AVSL_3_WHERE_TO_TURN_SV};
use crate::engine::set::VecSet;
use crate::engine::views::meeting::kept_until;
use crate::engine::{evaluate, profiles, Case, Command, Violation};
use crate::ui::app::state::use_app;
use crate::ui::components::{CheckSet, Checkbox, Explain, Field, Findings, RadioGroup};
use crate::ui::platform::now;
use crate::ui::steg::{party_choices, run};
use leptos::prelude::*;

#[component]
pub fn Avslut(case: Memo<Option<Case>>) -> impl IntoView {
    let closed =
        Memo::new(move |_| case.with(|c| c.as_ref().is_some_and(|c| c.closing().is_some())));
    view! {
        <h2>"Avslut"</h2>
        {move || if closed.get() {
            view! { <Closed case=case/> }.into_any()
        } else {
            view! { <CloseForm case=case/> }.into_any()
        }}
    }
}

#[component]
fn CloseForm(case: Memo<Option<Case>>) -> impl IntoView {
    let app = use_app();
    let first = case.with_untracked(|c| {
        c.as_ref()
            .map(|c| c.person().first_name().to_string())
            .unwrap_or_default()
    });
    let reason = RwSignal::new(None::<ClosingReason>);
    let how = RwSignal::new(None::<bool>);
    let took_part = RwSignal::new(false);
    let who = RwSignal::new(VecSet::<PartyId>::new());
    let others = RwSignal::new(String::new());
    let comment = RwSignal::new(String::new());
    let error = RwSignal::new(None::<Violation>);
    let parties = party_choices(case);
    let names = parties.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(reason) = reason.get_untracked() else {
            error.set(Some(crate::ui::steg::form_error(
                "Välj varför SIP:en avslutas.",
            )));
            return;
        };
        let Some(at_meeting) = how.get_untracked() else {
            error.set(Some(crate::ui::steg::form_error(
                "Välj om beslutet togs på ett utvärderingsmöte eller direkt.",
            )));
            return;
        };
        let mut participants: Vec<String> = who.with_untracked(|w| {
            names
                .iter()
                .filter(|(id, _)| w.contains(id))
                .map(|(_, n)| n.clone())
                .collect()
        });
        participants.extend(
            others
                .get_untracked()
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(String::from),
        );
        run(
            app,
            case,
            Command::Close {
                reason,
                participants,
                comment: comment.get_untracked(),
                person_took_part: took_part.get_untracked(),
                at_meeting,
            },
            error,
        );
    };
    let reasons = R_AVSL_1_REASONS
        .iter()
        .map(|r| (*r, r.label_sv().to_string()))
        .collect();
    view! {
        <section class="card" aria-labelledby="avsluta-rubrik">
            <h3 id="avsluta-rubrik">"Avsluta SIP:en"</h3>
            <p>
                "SIP:en avslutas när personen tillsammans med parterna bedömer att målen är nådda, när behov av insatser "
                "från båda huvudmännen inte längre finns eller inte väntas inom kort, när samtycket återkallas, eller när "
                "det långsiktiga målet har ändrats väsentligt (då startas en ny SIP med nytt samtycke)."
                " " <span class="rule-id">"R-AVSL-1"</span>
            </p>
            <form on:submit=submit novalidate>
                <RadioGroup legend="Varför avslutas SIP:en?" name="avslut-orsak" options=reasons value=reason/>
                <RadioGroup legend="Hur togs beslutet?" name="avslut-hur"
                    options=vec![(true, "På ett utvärderingsmöte".to_string()), (false, "Direkt, utan möte".to_string())]
                    value=how hint="R-AVSL-2: på ett utvärderingsmöte eller genom att gå direkt till utvärderingen."/>
                <Checkbox id="avslut-personen" label=format!("{first} deltog i beslutet") value=took_part/>
                <CheckSet legend="Vilka deltog i beslutet?" name="avslut-deltog" options=parties value=who/>
                <Field id="avslut-andra" label="Andra som deltog (ett namn per rad)" value=others multiline=true/>
                <Field id="avslut-kommentar" label="Kommentar" value=comment multiline=true
                    hint="När målet har ändrats: beskriv hur."/>
                <Explain violation=error/>
                <button type="submit" class="button primary">"Avsluta SIP:en"</button>
            </form>
        </section>
    }
}

#[component]
fn Closed(case: Memo<Option<Case>>) -> impl IntoView {
    let app = use_app();
    let error = RwSignal::new(None::<Violation>);
    let findings = Signal::derive(move || {
        case.with(|c| {
            c.as_ref()
                .map(|c| evaluate(c, now(), profiles::get(c.profile())).on_screen(StepRef::Avslut))
                .unwrap_or_default()
        })
    });
    let summary = move || {
        case.with(|c| {
            let c = c.as_ref()?;
            let closing = c.closing()?;
            let notify: Vec<String> = closing
                .notify
                .iter()
                .filter_map(|id| c.party(*id))
                .map(|p| p.name.clone())
                .collect();
            // R-PLAN-15: the last established version is kept ten years.
            let kept = c
                .plans()
                .iter()
                .rev()
                .find_map(kept_until)
                .map(iso);
            let voided = c
                .plans()
                .iter()
                .any(|p| p.state() == PlanState::Makulerad);
            let restart = closing.reason == ClosingReason::LangsiktigtMalAndrat;
            Some(view! {
                <section class="card" aria-labelledby="avslutad-rubrik">
                    <h3 id="avslutad-rubrik">"SIP:en är avslutad"</h3>
                    <dl class="facts">
                        <dt>"Orsak"</dt><dd>{closing.reason.label_sv()}</dd>
                        <dt>"Avslutad"</dt><dd>{iso(closing.at.date())}</dd>
                        <dt>"Beslutet togs"</dt>
                        <dd>{if closing.at_meeting { "på ett utvärderingsmöte" } else { "direkt, utan möte" }}</dd>
                        <dt>"I beslutet deltog"</dt>
                        <dd>{if closing.participants.is_empty() { "Ingen angiven".to_string() } else { closing.participants.join(", ") }}</dd>
                        <dt>"Personen deltog i beslutet"</dt><dd>{if closing.person_took_part { "Ja" } else { "Nej" }}</dd>
                        <dt>"Kommentar"</dt>
                        <dd>{if closing.comment.is_empty() { "Ingen".to_string() } else { closing.comment.clone() }}</dd>
                        {kept.map(|k| view! { <dt>"Planen sparas till och med"</dt><dd>{k}" "<span class="rule-id">"R-PLAN-15"</span></dd> })}
                    </dl>
                    {voided.then(|| view! { <p>"Planen är makulerad. Den finns kvar och går att läsa under Möte och plan."</p> })}
                </section>
                <section class="card" aria-labelledby="meddela-rubrik">
                    <h3 id="meddela-rubrik">"Meddela att SIP:en inte längre gäller"</h3>
                    <p>"Alla parter får veta att planen inte längre gäller:" " " <span class="rule-id">"R-AVSL-3"</span></p>
                    <ul>{notify.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                </section>
                <section class="card" aria-labelledby="personen-rubrik">
                    <h3 id="personen-rubrik">"Till personen"</h3>
                    <p>{R_AVSL_3_WHERE_TO_TURN_SV}</p>
                </section>
                {restart.then(|| view! {
                    <section class="card" aria-labelledby="ny-sip-rubrik">
                        <h3 id="ny-sip-rubrik">"Ny SIP"</h3>
                        <p>"Målet har ändrats väsentligt: en ny SIP-process startas, med nytt samtycke. Planerna och loggen finns kvar."
                            " " <span class="rule-id">"R-CONS-9"</span></p>
                        <button type="button" class="button primary" on:click=move |_| { run(app, case, Command::Restart, error); }>
                            "Starta en ny SIP-process"
                        </button>
                        <Explain violation=error/>
                    </section>
                })}
            })
        })
    };
    view! {
        <Findings title="Att dokumentera" findings=findings/>
        {summary}
    }
}
