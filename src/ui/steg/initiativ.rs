//! Initiativ (R-INIT): recipients, a short reason, urgency; then each recipient's kvittens or nej with referral,
//! and its 1-working-day deadline.

use super::{blocker, form_error, party_name, run};
use crate::engine::deadlines::WITHOUT_DELAY_SV;
use crate::engine::model::{InitiativeAnswer, PartyId, PartyKind, PrepItem, Urgency};
use crate::engine::rules::initiative::{r_init_2_referrals, r_init_2_suggested_recipients};
use crate::engine::rules::need::r_need_3_reason;
use crate::engine::set::VecSet;
use crate::engine::views::evaluate::Step;
use crate::engine::{deadlines, profiles, Case, Command, DeadlineKind};
use crate::ui::app::state::use_app;
use crate::ui::components::{
    status_class, Action, CheckSet, Explain, Field, PartySelect, RadioGroup,
};
use crate::ui::platform::{format_time, now};
use leptos::prelude::*;

#[component]
pub fn Initiativ(case: Memo<Option<Case>>) -> impl IntoView {
    let app = use_app();
    let Some(initial) = case.get_untracked() else {
        return ().into_any();
    };
    let error = RwSignal::new(None);
    let units: Vec<(PartyId, String)> = initial
        .parties()
        .iter()
        .filter(|p| matches!(p.kind, PartyKind::Unit(_)))
        .map(|p| (p.id, p.name.clone()))
        .collect();
    let initiator = RwSignal::new(
        initial
            .roles()
            .samordningsansvarig
            .or(units.first().map(|u| u.0)),
    );
    let recipients = RwSignal::new(VecSet::<PartyId>::new());
    let reason = RwSignal::new(r_need_3_reason(&initial.need().indicators));
    let urgency = RwSignal::new(None::<Urgency>);
    let prep = RwSignal::new(initial.preparation().clone());
    let save_prep = Callback::new(move |()| {
        run(
            app,
            case,
            Command::SetPreparation(prep.get_untracked()),
            error,
        );
    });
    let suggestions = move || {
        let Some(from) = initiator.get() else {
            return Vec::new();
        };
        case.with(|c| {
            c.as_ref()
                .map(|c| r_init_2_suggested_recipients(c, from, profiles::get(c.profile())))
                .unwrap_or_default()
        })
    };
    let send_error = RwSignal::new(None);
    let send = Callback::new(move |()| {
        let Some(from) = initiator.get_untracked() else {
            send_error.set(Some(form_error("Välj vilken enhet som tar initiativet.")));
            return;
        };
        let cmd = Command::SendInitiative {
            initiator: from,
            recipients: recipients.get_untracked().into_iter().collect(),
            reason: reason.get_untracked(),
            urgency: urgency.get_untracked(),
        };
        run(app, case, cmd, send_error);
    });
    let sent = move || case.with(|c| c.as_ref().and_then(|c| c.initiative().cloned()));
    let due_for = move |id: PartyId| {
        case.with(|c| {
            c.as_ref().and_then(|c| {
                deadlines(c, now(), profiles::get(c.profile()))
                    .into_iter()
                    .find(|d| d.kind == DeadlineKind::InitiativeAnswer && d.party == Some(id))
            })
        })
    };
    let recipient_options = move || {
        case.with(|c| {
            c.as_ref()
                .map(|c| {
                    c.parties()
                        .iter()
                        .filter(|p| Some(p.id) != initiator.get())
                        .map(|p| (p.id, p.name.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };

    view! {
        <h2>"Initiativ"</h2>
        <CheckSet legend="Förberedelse med personen" name="forberedelse" hint="Sparas direkt."
            options=PrepItem::ALL.iter().map(|p| (*p, p.label_sv().to_string())).collect() value=prep on_change=save_prep/>
        <Explain violation=error/>
        {move || match sent() {
            None => view! {
                <section class="card" aria-labelledby="skicka-rubrik">
                    <h3 id="skicka-rubrik">"Skicka initiativ"</h3>
                    <PartySelect id="initiativtagare" label="Initiativet tas av" value=initiator options=units.clone()/>
                    <div class="suggestions">
                        <h4 class="small-heading">"Förslag på mottagare"</h4>
                        <ul>{move || suggestions().into_iter().map(|s| view! { <li>{s.text_sv}</li> }).collect_view()}</ul>
                    </div>
                    {move || view! { <CheckSet legend="Mottagare" name="mottagare" options=recipient_options() value=recipients/> }}
                    <Field id="anledning" label="Kort anledning" value=reason hint="\"Behov av samordning av …\". Inga journaler eller utredningar." multiline=true/>
                    <RadioGroup legend="Brådskande?" name="bradska" value=urgency
                        options=vec![(Urgency::Akut, "Akut".to_string()), (Urgency::KanVanta, "Kan vänta".to_string())]/>
                    <Action id="skicka-initiativ" label="Skicka initiativ" on_click=send error=send_error
                        blocked=blocker(case, Step::SkickaInitiativ)/>
                </section>
            }.into_any(),
            Some(init) => view! {
                <section class="card" aria-labelledby="skickat-rubrik">
                    <h3 id="skickat-rubrik">"Skickat"</h3>
                    <p>{format!("Skickat {} av {} ({}).", format_time(init.sent), party_name(case, init.initiator), init.urgency.label_sv().to_lowercase())}</p>
                    <p>"Anledning: "{init.reason.clone()}</p>
                    {move || {
                        let s = case.with(|c| c.as_ref().map(r_init_2_referrals).unwrap_or_default());
                        (!s.is_empty()).then(|| view! {
                            <div class="suggestions">
                                <h4 class="small-heading">"Föreslagna nya mottagare"</h4>
                                <ul>{s.into_iter().map(|x| view! { <li>{x.text_sv}</li> }).collect_view()}</ul>
                            </div>
                        })
                    }}
                    <ul class="rows" aria-label="Mottagare av initiativet">
                        {init.recipients.iter().enumerate().map(|(i, r)| {
                            let pid = r.party;
                            let name = party_name(case, pid);
                            let answer = match &r.answer {
                                None => "Väntar på svar".to_string(),
                                Some(InitiativeAnswer::Kvitterad { at }) => format!("Kvitterad {}", format_time(*at)),
                                Some(InitiativeAnswer::Nekad { at, referral }) => format!("Nekad {}, hänvisar till {referral}", format_time(*at)),
                            };
                            let due = due_for(pid);
                            let pending = r.answer.is_none();
                            let referral = RwSignal::new(String::new());
                            let row_error = RwSignal::new(None);
                            view! {
                                <li class="row-card">
                                    <h4 class="row-title">{name.clone()}</h4>
                                    <p>{answer}</p>
                                    {match due {
                                        Some(d) => view! { <p>"Svara senast "<span class="nowrap">{crate::engine::calendar::iso(d.due)}</span>" " <span class=status_class(d.status)>{d.status.label_sv()}</span></p>
                                            {d.note_sv.map(|n| view! { <p class="hint">{n}</p> })} }.into_any(),
                                        None => pending.then(|| view! { <p>{format!("Svara {}", WITHOUT_DELAY_SV)}" "<span class="rule-id">"R-INIT-1"</span></p> }).into_any(),
                                    }}
                                    {pending.then(|| view! {
                                        <div class="button-row">
                                            <button type="button" class="button small primary" aria-label=format!("Kvittera för {name}")
                                                on:click=move |_| { run(app, case, Command::AcknowledgeInitiative { recipient: pid }, row_error); }>"Kvittera"</button>
                                        </div>
                                        <div class="decline">
                                            <div class="field">
                                                <label for=format!("hanvisning-{i}")>"Vid nej: enhet som i stället ska få initiativet"<span class="visually-hidden">{format!(" (svar från {name})")}</span></label>
                                                <input autocomplete="off" id=format!("hanvisning-{i}") type="text" prop:value=move || referral.get() on:input=move |ev| referral.set(event_target_value(&ev))/>
                                            </div>
                                            <button type="button" class="button small secondary" aria-label=format!("Neka för {name}")
                                                on:click=move |_| { run(app, case, Command::DeclineInitiative { recipient: pid, referral: referral.get_untracked() }, row_error); }>"Neka"</button>
                                        </div>
                                        <Explain violation=row_error/>
                                    })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </section>
            }.into_any(),
        }}
    }
    .into_any()
}
