//! After the plan is established: the follow-up (R-UPP-1…3, -6) with a status and a comment for every insats, the
//! follow-up meeting that opens a new version (R-UPP-4, through `start`), and the versions with what changed.

use crate::engine::calendar::iso;
use crate::engine::deadlines::StepRef;
use crate::engine::model::{
    ActivityFollowUp, ActivityStatus, FollowUpPlan, MeetingKind, PlanState,
};
use crate::engine::rules::followup::{R_UPP_3_CHECKLIST, R_UPP_5_SV};
use crate::engine::views::versions::plan_diff;
use crate::engine::{evaluate, profiles};
use crate::engine::{Case, Command, Violation};
use crate::ui::app::state::use_app;
use crate::ui::app::steps::case_href;
use crate::ui::components::{Explain, Field, Findings};
use crate::ui::platform::now;
use crate::ui::steg::{form_error, parse_date, party_name, run};
use leptos::prelude::*;
use leptos_router::components::A;

const STATUSES: [ActivityStatus; 4] = [
    ActivityStatus::EjPaborjad,
    ActivityStatus::Pagar,
    ActivityStatus::Klart,
    ActivityStatus::EjGenomford,
];

/// One insats at the follow-up: its status and a comment, as the responsible unit's participant reports them.
#[derive(Clone, Copy)]
struct Row {
    insats: u32,
    status: RwSignal<Option<ActivityStatus>>,
    comment: RwSignal<String>,
}

#[component]
pub fn AfterMeeting(case: Memo<Option<Case>>) -> impl IntoView {
    // Shown for an established plan (any state but draft) of an open SIP, keyed on its version so the form starts
    // afresh.
    let established = Memo::new(move |_| {
        case.with(|c| {
            c.as_ref()
                .filter(|c| !c.phase().is_closed())
                .and_then(|c| c.current_plan())
                .filter(|p| p.state() != PlanState::Utkast)
                .map(|p| p.version)
        })
    });
    view! {
        {move || established.get().map(|_| view! { <super::share::SharePlan case=case/> <FollowUp case=case/> <Revise case=case/> })}
        <Versions case=case/>
    }
}

#[component]
fn FollowUp(case: Memo<Option<Case>>) -> impl IntoView {
    let app = use_app();
    let Some(c) = case.get_untracked() else {
        return ().into_any();
    };
    let Some(plan) = c.current_plan() else {
        return ().into_any();
    };
    let rows: Vec<(Row, String)> = plan
        .content
        .insatser
        .iter()
        .map(|i| {
            let unit = party_name(case, i.unit);
            (
                Row {
                    insats: i.id,
                    status: RwSignal::new(i.status),
                    comment: RwSignal::new(i.status_comment.clone()),
                },
                format!("{} ({unit})", i.what.trim()),
            )
        })
        .collect();
    let comment = RwSignal::new(String::new());
    let next_date = RwSignal::new(String::new());
    let next_place = RwSignal::new(String::new());
    let error = RwSignal::new(None::<Violation>);
    let saved = RwSignal::new(false);
    let held = move || case.with(|c| c.as_ref().map(|c| c.follow_ups().len()).unwrap_or(0));
    // R-UPP-5 (convene earlier when life changes), R-UPP-6 (insatser without a status) and the like, from the engine.
    let guidance = Signal::derive(move || {
        case.with(|c| {
            c.as_ref()
                .map(|c| {
                    let mut f = evaluate(c, now(), profiles::get(c.profile()))
                        .on_screen(StepRef::Uppfoljning);
                    // The R-UPP-3 checklist is the list above.
                    f.retain(|f| f.rule.as_str() != "R-UPP-3");
                    f
                })
                .unwrap_or_default()
        })
    });
    let row_signals: Vec<Row> = rows.iter().map(|(r, _)| *r).collect();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(false);
        let next = match (next_date.get_untracked().trim(), next_place.get_untracked()) {
            ("", p) if p.trim().is_empty() => None,
            (d, place) => match parse_date(d) {
                Some(date) => Some(FollowUpPlan { date, place }),
                None => {
                    error.set(Some(form_error(
                        "Ange nästa uppföljnings datum (ÅÅÅÅ-MM-DD) och plats, eller lämna båda tomma.",
                    )));
                    return;
                }
            },
        };
        let activities = row_signals
            .iter()
            .filter_map(|r| {
                r.status.get_untracked().map(|status| ActivityFollowUp {
                    insats: r.insats,
                    status,
                    comment: r.comment.get_untracked(),
                })
            })
            .collect();
        let cmd = Command::RecordFollowUp {
            activities,
            comment: comment.get_untracked(),
            next,
        };
        if run(app, case, cmd, error) {
            saved.set(true);
            comment.set(String::new());
        }
    };
    let items = rows
        .into_iter()
        .map(|(r, title)| {
            let name = format!("status-{}", r.insats);
            let radios = STATUSES
                .iter()
                .enumerate()
                .map(|(n, s)| {
                    let s = *s;
                    let id = format!("{name}-{n}");
                    view! {
                        <div class="radio">
                            <input autocomplete="off" type="radio" name=name.clone() id=id.clone()
                                prop:checked=move || r.status.get() == Some(s)
                                on:change=move |_| r.status.set(Some(s))/>
                            <label for=id>{s.label_sv()}</label>
                        </div>
                    }
                })
                .collect_view();
            view! {
                <fieldset class="field insats-status">
                    <legend>{title}</legend>
                    <div class="radios">{radios}</div>
                    <Field id=format!("kommentar-{}", r.insats) label="Kommentar" value=r.comment multiline=true/>
                </fieldset>
            }
        })
        .collect_view();
    view! {
        <section class="card" aria-labelledby="uppfoljning">
            <h2 id="uppfoljning">"Uppföljning"</h2>
            <p>"Uppföljningen tar upp:" " " <span class="rule-id">"R-UPP-3"</span></p>
            <ul>{R_UPP_3_CHECKLIST.iter().map(|t| view! { <li>{*t}</li> }).collect_view()}</ul>
            <Findings title="Vägledning för uppföljningen" findings=guidance/>
            <p class="hint">{move || match held() {
                0 => "Ingen uppföljning är dokumenterad ännu.".to_string(),
                1 => "1 uppföljning är dokumenterad.".to_string(),
                n => format!("{n} uppföljningar är dokumenterade."),
            }}</p>
            <form on:submit=submit novalidate>
                <p>"Status för varje insats, som den ansvariga verksamheten redovisar den:" " " <span class="rule-id">"R-UPP-2"</span></p>
                {items}
                <Field id="uppfoljning-kommentar" label="Sammanfattning av uppföljningen" value=comment multiline=true/>
                <Field id="nasta-datum" label="Nästa uppföljning, datum" kind="date" value=next_date hint="Lämna tomt om planen inte ska följas upp igen."/>
                <Field id="nasta-plats" label="Nästa uppföljning, plats" value=next_place/>
                <Explain violation=error/>
                {move || saved.get().then(|| view! { <p class="status klar" role="status">"Uppföljningen är dokumenterad."</p> })}
                <button type="submit" class="button primary">"Dokumentera uppföljningen"</button>
            </form>
        </section>
    }
    .into_any()
}

/// R-UPP-4: with continued need, the follow-up meeting opens a new version of the plan.
#[component]
fn Revise(case: Memo<Option<Case>>) -> impl IntoView {
    // R-UPP-5: the follow-up meeting is called like the first one — at the booked time, or earlier when life changes.
    let call = move || {
        case.with(|c| {
            c.as_ref().filter(|c| c.may_call_follow_up()).map(|c| {
                // Before the booked date it is an earlier follow-up.
                let booked = c.current_plan().and_then(|p| p.content.follow_up.as_ref());
                let label = if booked.is_some_and(|f| f.date > now().date()) {
                    "Kalla till tidigare uppföljning"
                } else {
                    "Kalla till uppföljning"
                };
                view! {
                    <section class="card" aria-labelledby="kalla-uppfoljning">
                        <h2 id="kalla-uppfoljning">"Kalla till uppföljning"</h2>
                        <p>{R_UPP_5_SV}" "<span class="rule-id">"R-UPP-5"</span></p>
                        <p><A href=case_href(c.id(), "kallelse")>{label}</A></p>
                    </section>
                }
            })
        })
    };
    view! { {call} <super::start::StartMeeting case=case kind=MeetingKind::Uppfoljning/> }
}

/// Every version with its state and dates, and what changed from the one before.
#[component]
fn Versions(case: Memo<Option<Case>>) -> impl IntoView {
    let list = move || {
        case.with(|c| {
            let c = c.as_ref()?;
            let plans = c.plans();
            // One version in use has no history to show; a voided one (consent withdrawn) has.
            if plans.len() < 2 && plans.iter().all(|p| p.state() != PlanState::Makulerad) {
                return None;
            }
            let items = plans
                .iter()
                .enumerate()
                .rev()
                .map(|(n, p)| {
                    let changes = n
                        .checked_sub(1)
                        .map(|prev| plan_diff(c, &plans[prev].content, &p.content))
                        .unwrap_or_default();
                    let head = format!(
                        "Version {} – {} – skapad {}",
                        p.version,
                        p.state().label_sv(),
                        iso(p.created().date())
                    );
                    let diff = (n > 0).then(|| {
                        let prev = plans[n - 1].version;
                        if changes.is_empty() {
                            view! { <p>{format!("Inget ändrat från version {prev}.")}</p> }.into_any()
                        } else {
                            view! {
                                <p>{format!("Vad ändrades från version {prev}:")}</p>
                                <ul class="changes">
                                    {changes.into_iter().map(|ch| view! {
                                        <li><strong>{format!("{} ({})", ch.area, ch.kind.label_sv().to_lowercase())}</strong>": "{ch.text}</li>
                                    }).collect_view()}
                                </ul>
                            }
                            .into_any()
                        }
                    });
                    let href = format!("/utskrift/plan/{}/{}", c.id(), p.version);
                    let read = format!("Läs version {}", p.version);
                    view! { <li><h3>{head}</h3><p><a href=href>{read}</a></p>{diff}</li> }
                })
                .collect_view();
            Some(view! {
                <section class="card" aria-labelledby="versioner">
                    <h2 id="versioner">"Versioner"</h2>
                    <ol class="versions" reversed>{items}</ol>
                </section>
            })
        })
    };
    view! { {list} }
}
