//! Behov (R-NEED): the indicators, both huvudmän, LPT/LRV, a request and its refusal, an existing plan.

use super::{form_error, parse_date, run};
use crate::engine::deadlines::StepRef;
use crate::engine::model::{ClosingReason, CompulsoryCare, Indicator, Requester};
use crate::engine::rules::need;
use crate::engine::{evaluate, profiles, Case, Command};
use crate::ui::app::state::use_app;
use crate::ui::components::{CheckSet, Explain, Field, Findings, RadioGroup};
use crate::ui::platform::now;
use leptos::prelude::*;

#[component]
pub fn Behov(case: Memo<Option<Case>>) -> impl IntoView {
    let app = use_app();
    let Some(initial) = case.get_untracked() else {
        return ().into_any();
    };
    let need0 = initial.need();
    let error = RwSignal::new(None);
    let indicators = RwSignal::new(need0.indicators.clone());
    // The checklist is saved as it is ticked.
    let save_indicators = Callback::new(move |()| {
        run(
            app,
            case,
            Command::SetIndicators(indicators.get_untracked()),
            error,
        );
    });
    let detected = RwSignal::new(crate::engine::calendar::iso(initial.need_detected()));
    let save_detected = move |_| match parse_date(&detected.get_untracked()) {
        Some(d) => {
            run(app, case, Command::SetNeedDetected(d), error);
        }
        None => error.set(Some(form_error("Ange datumet som ÅÅÅÅ-MM-DD."))),
    };
    let care_error = RwSignal::new(None);
    let request_error = RwSignal::new(None);
    let existing_error = RwSignal::new(None);
    let care =
        move |c: Option<CompulsoryCare>| run(app, case, Command::SetCompulsoryCare(c), care_error);
    let care_now = move || case.with(|c| c.as_ref().and_then(|c| c.need().compulsory_care));
    let request_by = RwSignal::new(Some(Requester::Personen));
    let refusal = RwSignal::new(String::new());
    let existing = RwSignal::new(String::new());
    let request = move || case.with(|c| c.as_ref().and_then(|c| c.need().request));
    let eval_info = Signal::derive(move || {
        case.with(|c| {
            c.as_ref()
                .map(|c| evaluate(c, now(), profiles::get(c.profile())).on_screen(StepRef::Behov))
                .unwrap_or_default()
        })
    });
    let both = move || case.with(|c| c.as_ref().is_some_and(need::both_huvudman));

    view! {
        <h2>"Behov av SIP"</h2>
        <Findings title="Vägledning" findings=eval_info/>
        <p class="status-line">{move || if both() {
            "Ärendet har verksamheter från både kommun och region."
        } else {
            "Ärendet har ännu inte verksamheter från både kommun och region (lägg till dem under Parter)."
        }}</p>
        <CheckSet legend="Tecken på att en SIP behövs" name="tecken"
            hint="De markerade tecknen blir anledningen i initiativet. Ändringar sparas direkt."
            options=Indicator::ALL.iter().map(|i| (*i, i.label_sv().to_string())).collect()
            value=indicators on_change=save_indicators/>
        <div class="inline-form">
            <Field id="behov-datum" label="Behovet upptäcktes" value=detected kind="date"/>
            <button type="button" class="button secondary" on:click=save_detected>"Spara datum"</button>
        </div>
        <Explain violation=error/>
        <section class="card" aria-labelledby="tvang-rubrik">
            <h3 id="tvang-rubrik">"Tvångsvård"</h3>
            <p class="hint">"Vid öppen psykiatrisk tvångsvård (LPT) eller öppen rättspsykiatrisk vård (LRV) görs en samordnad vårdplan i stället för SIP."</p>
            <div class="button-row">
                <button type="button" class="button secondary" aria-pressed=move || (care_now() == Some(CompulsoryCare::Lpt)).to_string() on:click=move |_| { care(Some(CompulsoryCare::Lpt)); }>"LPT"</button>
                <button type="button" class="button secondary" aria-pressed=move || (care_now() == Some(CompulsoryCare::Lrv)).to_string() on:click=move |_| { care(Some(CompulsoryCare::Lrv)); }>"LRV"</button>
                <button type="button" class="button secondary" aria-pressed=move || care_now().is_none().to_string() on:click=move |_| { care(None); }>"Ingen tvångsvård"</button>
            </div>
            <Explain violation=care_error/>
        </section>
        <section class="card" aria-labelledby="begaran-rubrik">
            <h3 id="begaran-rubrik">"Begäran om SIP"</h3>
            {move || match request() {
                None => view! {
                    <RadioGroup legend="Vem begär en SIP?" name="begaran" value=request_by
                        options=vec![(Requester::Personen, "Personen".to_string()), (Requester::Narstaende, "En närstående".to_string())]/>
                    <button type="button" class="button secondary" on:click=move |_| { run(app, case, Command::RecordRequest { by: request_by.get_untracked().unwrap_or(Requester::Personen), at: now().date() }, request_error); }>"Registrera begäran"</button>
                }.into_any(),
                Some(r) => view! {
                    <p>{format!("Begäran från {} {}.", if r.by == Requester::Personen { "personen" } else { "en närstående" }, crate::engine::calendar::iso(r.at))}
                       {r.refused_reason.map(|why| format!(" Nekad: {why}"))}</p>
                    <Field id="neka-anledning" label="Anledning till att begäran nekas" value=refusal hint="En begäran får nekas bara i undantagsfall, och anledningen ska dokumenteras." multiline=true/>
                    <button type="button" class="button secondary" on:click=move |_| { run(app, case, Command::RefuseRequest { reason: refusal.get_untracked() }, request_error); }>"Neka begäran"</button>
                }.into_any(),
            }}
            <Explain violation=request_error/>
        </section>
        <section class="card" aria-labelledby="befintlig-rubrik">
            <h3 id="befintlig-rubrik">"Befintlig plan"</h3>
            <Field id="befintlig-plan" label="Vilken befintlig plan uppfyller kraven på en SIP?" value=existing multiline=true/>
            <button type="button" class="button secondary" on:click=move |_| {
                run(app, case, Command::Close { reason: ClosingReason::BefintligPlanUppfyllerKraven, participants: vec![app.user()], comment: existing.get_untracked(), person_took_part: false, at_meeting: false  }, existing_error);
            }>"Befintlig plan uppfyller kraven"</button>
            <Explain violation=existing_error/>
        </section>
    }
    .into_any()
}
