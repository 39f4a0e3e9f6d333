//! Utskrivning (R-UTSK): a case that starts from inpatient care — inskrivning, utskrivningsklar, the 3-calendar-day
//! kallelse deadline, the offer of a SIP, and AU125.

use super::{datetime_value, form_error, parse_datetime, run};
use crate::engine::deadlines::StepRef;
use crate::engine::model::{ClosingReason, MeetingKind};
use crate::engine::rules::plan::r_plan_14_kva_sv;
use crate::engine::{deadlines, evaluate, profiles, Case, Command, DeadlineKind};
use crate::ui::app::state::use_app;
use crate::ui::components::{status_class, Checkbox, Explain, Field, Findings};
use crate::ui::platform::{format_time, now};
use leptos::prelude::*;

#[component]
pub fn Utskrivning(case: Memo<Option<Case>>) -> impl IntoView {
    let app = use_app();
    let error = RwSignal::new(None);
    let admitted = RwSignal::new(datetime_value(now()));
    let may_need = RwSignal::new(true);
    let klar = RwSignal::new(datetime_value(now()));
    let discharge = move || case.with(|c| c.as_ref().and_then(|c| c.discharge().cloned()));
    let deadline = move || {
        case.with(|c| {
            c.as_ref().and_then(|c| {
                deadlines(c, now(), profiles::get(c.profile()))
                    .into_iter()
                    .find(|d| d.kind == DeadlineKind::KallelseAfterDischarge)
            })
        })
    };
    let findings = Signal::derive(move || {
        case.with(|c| {
            c.as_ref()
                .map(|c| {
                    evaluate(c, now(), profiles::get(c.profile())).on_screen(StepRef::Utskrivning)
                })
                .unwrap_or_default()
        })
    });
    let record_admission = move |_| match parse_datetime(&admitted.get_untracked()) {
        Some(at) => {
            run(
                app,
                case,
                Command::RecordAdmission {
                    at,
                    insatser_may_be_needed: may_need.get_untracked(),
                },
                error,
            );
        }
        None => error.set(Some(form_error("Ange datum och tid för inskrivningen."))),
    };
    let record_klar = move |_| match parse_datetime(&klar.get_untracked()) {
        Some(at) => {
            run(app, case, Command::RecordUtskrivningsklar { at }, error);
        }
        None => error.set(Some(form_error(
            "Ange datum och tid då personen blev utskrivningsklar.",
        ))),
    };
    view! {
        <h2>"Utskrivning från slutenvård"</h2>
        <Findings title="Att tänka på" findings=findings/>
        {move || match discharge() {
            None => view! {
                <section class="card" aria-labelledby="inskrivning-rubrik">
                    <h3 id="inskrivning-rubrik">"Inskrivning"</h3>
                    <Field id="inskriven" label="Inskriven" value=admitted kind="datetime-local"/>
                    <Checkbox id="kan-behovas" label="Läkaren bedömer att insatser kan behövas efter utskrivning" value=may_need/>
                    <button type="button" class="button primary" on:click=record_admission>"Registrera inskrivning"</button>
                    <Explain violation=error/>
                </section>
            }.into_any(),
            Some(d) => view! {
                <section class="card" aria-labelledby="utskrivning-rubrik">
                    <h3 id="utskrivning-rubrik">"Utskrivning och kallelse"</h3>
                    <p>{format!("Inskriven {}.", format_time(d.admitted))}</p>
                    {match d.utskrivningsklar {
                        Some(t) => view! { <p>{format!("Utskrivningsklar {}.", format_time(t))}</p> }.into_any(),
                        None => view! {
                            <Field id="utskrivningsklar" label="Utskrivningsklar" value=klar kind="datetime-local"/>
                            <button type="button" class="button primary" on:click=record_klar>"Registrera utskrivningsklar"</button>
                        }.into_any(),
                    }}
                    {move || deadline().map(|d| view! {
                        <p class="deadline-line">"Kallelse senast "<strong>{crate::engine::calendar::iso(d.due)}</strong>" "
                            <span class=status_class(d.status)>{d.status.label_sv()}</span>" "<span class="rule-id">{d.rule.as_str()}</span></p>
                    })}
                    <p class="hint">{move || case.with(|c| c.as_ref().map(|c| r_plan_14_kva_sv(MeetingKind::Planering, true, false, profiles::get(c.profile()))))}" "<span class="rule-id">"R-PLAN-14"</span></p>
                    <div class="button-row">
                        <button type="button" class="button secondary" on:click=move |_| { run(app, case, Command::RecordDischargeOffer { accepted: true }, error); }>"SIP erbjuden: ja tack"</button>
                        <button type="button" class="button secondary" on:click=move |_| { run(app, case, Command::RecordDischargeOffer { accepted: false }, error); }>"SIP erbjuden: nej tack"</button>
                        <button type="button" class="button secondary" on:click=move |_| {
                            run(app, case, Command::Close { reason: ClosingReason::IngetBehovEfterUtskrivning, participants: vec![app.user()], comment: "Bedömningen meddelas alla enheter".into(), person_took_part: false, at_meeting: false  }, error);
                        }>"Inget behov från båda huvudmännen"</button>
                    </div>
                    <Explain violation=error/>
                </section>
            }.into_any(),
        }}
    }
}
