//! Kallelse (R-KALL): purpose, the person's long-term goal, questions per party, time and place, participation,
//! summoned and invited; then acknowledgements and letters for those without system access.

use super::{blocker, form_error, parse_datetime, party_choices, party_name, run};
use crate::engine::deadlines::WITHOUT_DELAY_SV;
use crate::engine::model::{KallelseDraft, PartyId, Place, Question};
use crate::engine::rules::followup::R_UPP_5_SV;
use crate::engine::rules::kallelse::{r_kall_4_is_summoned, r_kall_4_letters, R_KALL_6_GATHER_SV};
use crate::engine::set::VecSet;
use crate::engine::views::evaluate::Step;
use crate::engine::{deadlines, profiles, Case, Command, DeadlineKind};
use crate::ui::app::state::use_app;
use crate::ui::components::{
    status_class, Action, CheckSet, Checkbox, Explain, Field, PartySelect,
};
use crate::ui::platform::{format_time, now};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn KallelseStep(case: Memo<Option<Case>>) -> impl IntoView {
    let app = use_app();
    let Some(initial) = case.get_untracked() else {
        return ().into_any();
    };
    let id = initial.id();
    let error = RwSignal::new(None);
    let purpose = RwSignal::new(String::new());
    let goal = RwSignal::new(String::new());
    // Each question row has its own signals, so typing never re-renders the list.
    let new_row = || (RwSignal::new(String::new()), RwSignal::new(None::<PartyId>));
    let questions = RwSignal::new(vec![new_row()]);
    let when = RwSignal::new(String::new());
    let digital = RwSignal::new(false);
    let place = RwSignal::new(String::new());
    let participation = RwSignal::new(String::new());
    let documenter = RwSignal::new(String::new());
    let recipients = RwSignal::new(VecSet::<PartyId>::new());

    let party_options = move || {
        case.with(|c| {
            c.as_ref()
                .map(|c| {
                    let profile = profiles::get(c.profile());
                    c.parties()
                        .iter()
                        .map(|p| {
                            (
                                p.id,
                                format!(
                                    "{} ({})",
                                    p.name,
                                    if r_kall_4_is_summoned(p, profile) {
                                        "kallas"
                                    } else {
                                        "bjuds in"
                                    }
                                ),
                            )
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let send = Callback::new(move |()| {
        let meeting_at = match when.get_untracked() {
            s if s.trim().is_empty() => None,
            s => match parse_datetime(&s) {
                Some(t) => Some(t),
                None => {
                    error.set(Some(form_error("Ange datum och tid för mötet.")));
                    return;
                }
            },
        };
        let place_value = if digital.get_untracked() {
            Some(Place::Digitalt)
        } else {
            Some(place.get_untracked())
                .filter(|p| !p.trim().is_empty())
                .map(Place::Plats)
        };
        let draft = KallelseDraft {
            purpose: purpose.get_untracked(),
            long_term_goal: goal.get_untracked(),
            questions: questions
                .get_untracked()
                .into_iter()
                .map(|(text, party)| Question {
                    text: text.get_untracked(),
                    party: party.get_untracked(),
                })
                .collect(),
            meeting_at,
            place: place_value,
            participation: participation.get_untracked(),
            recipients: recipients.get_untracked().into_iter().collect(),
            documenter: documenter.get_untracked(),
        };
        run(app, case, Command::SendKallelse(draft), error);
    });
    let sent = move || case.with(|c| c.as_ref().and_then(|c| c.kallelse().cloned()));
    // R-UPP-4 / R-UPP-5: once the plan is established and the called meeting held, the follow-up is called here too.
    let may_send = Memo::new(move |_| {
        case.with(|c| {
            c.as_ref()
                .is_some_and(|c| c.kallelse().is_none() || c.may_call_follow_up())
        })
    });
    let follow_up = initial.current_plan().is_some();
    if let Some(p) = initial.current_plan().filter(|_| follow_up) {
        purpose.set("Uppföljning av planen".into());
        goal.set(p.content.long_term_goal.clone());
        if let Some(f) = &p.content.follow_up {
            place.set(f.place.clone());
        }
    }
    let due_for = move |pid: PartyId| {
        case.with(|c| {
            c.as_ref().and_then(|c| {
                deadlines(c, now(), profiles::get(c.profile()))
                    .into_iter()
                    .find(|d| d.kind == DeadlineKind::KallelseAcknowledged && d.party == Some(pid))
            })
        })
    };
    let letters = move || case.with(|c| c.as_ref().map(r_kall_4_letters).unwrap_or_default());

    view! {
        <h2>"Kallelse"</h2>
        {move || may_send.get().then(|| view! {
                <section class="card" aria-labelledby="kallelse-rubrik">
                    <h3 id="kallelse-rubrik">{if follow_up { "Kalla till uppföljning" } else { "Skriv kallelsen" }}</h3>
                    {follow_up.then(|| view! { <p class="hint">{R_UPP_5_SV}" "<span class="rule-id">"R-UPP-5"</span></p> })}
                    <p class="hint">"Ta gärna muntlig kontakt med de berörda innan kallelsen skickas."</p>
                    <Field id="syfte" label="Syfte: varför behövs mötet?" value=purpose multiline=true/>
                    <Field id="langsiktigt-mal" label="Personens långsiktiga mål: Vad är viktigt för dig?" value=goal multiline=true/>
                    <fieldset class="field">
                        <legend>"Frågor att ta upp"</legend>
                        {move || questions.get().into_iter().enumerate().map(|(i, (text, party))| {
                            let qid = format!("fraga-{i}");
                            let pid = format!("fraga-part-{i}");
                            view! {
                                <div class="question-row">
                                    <div class="field">
                                        <label for=qid.clone()>{format!("Fråga {}", i + 1)}</label>
                                        <input autocomplete="off" id=qid type="text" prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))/>
                                    </div>
                                    <PartySelect id=pid label=format!("Fråga {} gäller", i + 1) value=party options=party_choices(case) none="Alla"/>
                                </div>
                            }
                        }).collect_view()}
                        <button type="button" class="button secondary" on:click=move |_| questions.update(|q| q.push(new_row()))>"Lägg till fråga"</button>
                    </fieldset>
                    <Field id="motestid" label="Datum och tid" value=when kind="datetime-local"/>
                    <Checkbox id="digitalt-mote" label="Digitalt möte" value=digital/>
                    <Field id="plats" label="Plats" value=place/>
                    <Field id="delaktighet" label="Hur personen och närstående deltar" value=participation hint="På plats, en del av mötet, ett brev som läses upp eller digitalt." multiline=true/>
                    <Field id="dokumenterar" label="Vem dokumenterar på mötet" value=documenter/>
                    {move || view! { <CheckSet legend="Mottagare" name="kallade" options=party_options() value=recipients
                        hint="Socialtjänst och hälso- och sjukvård kallas. Övriga bjuds in, med brev om de saknar IT-stödet."/> }}
                    <p class="hint">{R_KALL_6_GATHER_SV}</p>
                    <Action id="skicka-kallelse" label="Skicka kallelse" on_click=send error=error
                        blocked=blocker(case, Step::SkickaKallelse)/>
                </section>
        })}
        {move || sent().map(|k| view! {
                <section class="card" aria-labelledby="skickad-rubrik">
                    <h3 id="skickad-rubrik">{if follow_up { "Senast skickade kallelsen" } else { "Skickad" }}</h3>
                    <p>{format!("Skickad {}. Möte {} – {}.", format_time(k.sent), format_time(k.meeting_at), match &k.place { Place::Digitalt => "digitalt".to_string(), Place::Plats(p) => p.clone() })}</p>
                    <p>"Syfte: "{k.purpose.clone()}</p>
                    <ul class="rows" aria-label="Mottagare av kallelsen">
                        {k.recipients.iter().enumerate().map(|(i, r)| {
                            let pid = r.party;
                            let name = party_name(case, pid);
                            let due = if r.summoned { due_for(pid) } else { None };
                            let answer = r.answer.as_ref().map_or("Väntar på kvittens".to_string(), |a| match &a.substitute {
                                Some(s) => format!("{} kommer (ersättare {s})", a.attendee),
                                None => format!("{} kommer", a.attendee),
                            });
                            let pending = r.answer.is_none();
                            let attendee = RwSignal::new(String::new());
                            let substitute = RwSignal::new(String::new());
                            let row_error = RwSignal::new(None);
                            let hidden = format!(" ({name})");
                            view! {
                                <li class="row-card">
                                    <h4 class="row-title">{name.clone()}" "<span class="tag">{if r.summoned { "Kallad" } else { "Inbjuden" }}</span></h4>
                                    <p>{answer}</p>
                                    {match due {
                                        Some(d) => view! { <p>"Kvittera senast "<span class="nowrap">{crate::engine::calendar::iso(d.due)}</span>" " <span class=status_class(d.status)>{d.status.label_sv()}</span></p>
                                            {d.note_sv.map(|n| view! { <p class="hint">{n}</p> })} }.into_any(),
                                        None => (pending && r.summoned).then(|| view! { <p>{format!("Kvittera {}", WITHOUT_DELAY_SV)}" "<span class="rule-id">"R-KALL-3"</span></p> }).into_any(),
                                    }}
                                    {pending.then(|| view! {
                                        <div class="row-form">
                                            <div class="field">
                                                <label for=format!("kommer-{i}")>"Vem kommer (vid kvittens)"<span class="visually-hidden">{hidden.clone()}</span></label>
                                                <input autocomplete="off" id=format!("kommer-{i}") type="text" prop:value=move || attendee.get() on:input=move |ev| attendee.set(event_target_value(&ev))/>
                                            </div>
                                            <div class="field">
                                                <label for=format!("ersattare-{i}")>"Ersättare (om den kallade är förhindrad)"<span class="visually-hidden">{hidden}</span></label>
                                                <input autocomplete="off" id=format!("ersattare-{i}") type="text" prop:value=move || substitute.get() on:input=move |ev| substitute.set(event_target_value(&ev))/>
                                            </div>
                                            <button type="button" class="button small primary" aria-label=format!("Kvittera för {name}") on:click=move |_| {
                                                let sub = Some(substitute.get_untracked()).filter(|s| !s.trim().is_empty());
                                                run(app, case, Command::AcknowledgeKallelse { recipient: pid, attendee: attendee.get_untracked(), substitute: sub }, row_error);
                                            }>"Kvittera"</button>
                                        </div>
                                        <Explain violation=row_error/>
                                    })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                    {move || {
                        let l = letters();
                        (!l.is_empty()).then(|| view! {
                            <h4 class="small-heading">"Brev till inbjudna utan IT-stödet"</h4>
                            <ul>
                                {l.into_iter().map(|pid| view! {
                                    <li><A href=format!("/utskrift/kallelse/{id}/{}", pid.0)>{format!("Brev till {}", party_name(case, pid))}</A></li>
                                }).collect_view()}
                            </ul>
                        })
                    }}
                </section>
        })}
    }
    .into_any()
}
