//! The plan's lifecycle (R-PLAN-1, -7, -10, -11, -15): establish (refused with what is missing), sign, lock, the
//! person's agreement or the printed signatures, print. Every step first gives the draft to the engine.

use crate::engine::calendar::iso;
use crate::engine::deadlines::within_sv;
use crate::engine::model::PlanState;
use crate::engine::views::meeting::{kept_until, lifecycle_records};
use crate::engine::{profiles, Case, Command, Violation};
use crate::ui::app::state::use_app;
use crate::ui::components::{Explain, Findings};
use crate::ui::platform::format_time;
use crate::ui::steg::run;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Lifecycle(
    case: Memo<Option<Case>>,
    /// Gives the draft to the engine; false when the engine refused it.
    give: impl Fn() -> bool + Copy + Send + Sync + 'static,
    /// R-PLAN-1: what the plan still misses (from the draft).
    still_missing: Memo<Vec<String>>,
) -> impl IntoView {
    let app = use_app();
    let Some(c) = case.get_untracked() else {
        return ().into_any();
    };
    let id = c.id();
    let first = c.person().first_name().to_string();
    let error = RwSignal::new(None::<Violation>);
    let plan = move || case.with(|c| c.as_ref().and_then(|c| c.current_plan().cloned()));
    let coordinator = c.roles().samordningsansvarig;
    let coordinator_name = format!(
        "{} ({})",
        c.roles().samordningsansvarig_person,
        coordinator
            .and_then(|p| c.party(p))
            .map(|p| p.name.clone())
            .unwrap_or_default()
    );
    let act = move |cmd: Command| {
        if give() {
            run(app, case, cmd, error);
        }
    };
    let records = move || {
        case.with(|c| {
            c.as_ref()
                .map(|c| lifecycle_records(c, profiles::get(c.profile())))
                .unwrap_or_default()
        })
    };
    let profile = profiles::get(c.profile());
    let first2 = first.clone();
    let ask = profile.ask_person_agreement;
    let sign = profile.printed_plan_signed;
    let within = profile.plan_within_working_days;
    view! {
        <section class="card" aria-labelledby="livscykel">
            <h2 id="livscykel" tabindex="-1">"Planens status"</h2>
            {move || plan().map(|p| {
                let facts = [("Upprättad", p.established()), ("Signerad", p.signed()), ("Låst", p.locked())];
                view! {
                    <p>"Status: "<strong>{p.state().label_sv()}</strong></p>
                    <ul>
                        {facts.into_iter().filter_map(|(l, t)| t.map(|t| view! { <li>{format!("{l} {}", format_time(t))}</li> })).collect_view()}
                        {p.person_agrees.map(|a| view! { <li>{if a { format!("{first} samtycker till planeringen") } else { format!("{first} samtycker inte till planeringen") }}</li> })}
                        {p.printed_signatures.then(|| view! { <li>"Utskriven plan underskriven"</li> })}
                        {kept_until(&p).map(|d| view! { <li>{format!("Planen finns kvar till {} (R-PLAN-15)", iso(d))}</li> })}
                    </ul>
                }
            })}
            {move || match plan().map(|p| p.state()) {
                Some(PlanState::Utkast) => view! {
                    <p>{format!("Planen upprättas {} efter mötet ", within_sv(within))}<span class="rule-id">"R-PLAN-7"</span></p>
                    {move || {
                        let m = still_missing.get();
                        (!m.is_empty()).then(|| view! {
                            <div class="findings">
                                <h3 class="small-heading">"Det här saknas innan planen kan upprättas"</h3>
                                <ul>{m.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
                            </div>
                        })
                    }}
                    <button type="button" class="button primary" on:click=move |_| act(Command::EstablishPlan)>"Upprätta plan"</button>
                }.into_any(),
                Some(PlanState::Upprattad) => match coordinator {
                    Some(by) => view! {
                        <p>{format!("Samordningsansvarig: {coordinator_name}. Signaturen syns för alla deltagare.")}</p>
                        <button type="button" class="button primary" on:click=move |_| act(Command::SignPlan { by })>"Signera planen"</button>
                    }.into_any(),
                    None => view! { <p>"Ingen samordningsansvarig är utsedd i ärendet."</p> }.into_any(),
                },
                Some(PlanState::Signerad) => view! {
                    <p>"Deltagarna kan fortfarande ändra. När planen är klar låser samordningsansvarig den."</p>
                    {coordinator.map(|by| view! {
                        <button type="button" class="button primary" on:click=move |_| act(Command::LockPlan { by })>"Lås planen"</button>
                    })}
                }.into_any(),
                Some(PlanState::Last) => view! {
                    {ask.then(|| view! {
                        <p>{format!("Samtycker {first2} till planeringen?")}</p>
                        <div class="button-row">
                            <button type="button" class="button secondary" on:click=move |_| act(Command::RecordAgreement { agrees: true })>"Ja, samtycker"</button>
                            <button type="button" class="button secondary" on:click=move |_| act(Command::RecordAgreement { agrees: false })>"Nej, samtycker inte"</button>
                        </div>
                    })}
                    {sign.then(|| view! {
                        <button type="button" class="button secondary" on:click=move |_| act(Command::RecordPrintedSignatures)>"Utskriven plan är underskriven"</button>
                    })}
                }.into_any(),
                _ => ().into_any(),
            }}
            <Explain violation=error/>
            <Findings title="Att dokumentera" findings=Signal::derive(records)/>
            <p><A href=format!("/utskrift/plan/{id}") attr:class="button secondary">"Skriv ut planen"</A></p>
        </section>
    }
    .into_any()
}
