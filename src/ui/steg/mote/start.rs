//! Before the plan: who is present (from the kallelse), who chairs and documents; "Starta mötet" records it.

use crate::engine::model::{MeetingKind, PartyId, Place};
use crate::engine::set::VecSet;
use crate::engine::views::meeting::meeting_kva;
use crate::engine::{Case, Command, Violation};
use crate::ui::app::state::use_app;
use crate::ui::components::{CheckSet, Checkbox, Explain, Field, PartySelect};
use crate::ui::platform::now;
use crate::ui::steg::{datetime_value, form_error, parse_datetime, run};
use leptos::prelude::*;

#[component]
pub fn StartMeeting(
    case: Memo<Option<Case>>,
    /// A planning meeting first; a follow-up meeting later (R-UPP-4: it opens a new version of the plan).
    #[prop(default = MeetingKind::Planering)]
    kind: MeetingKind,
) -> impl IntoView {
    let app = use_app();
    let Some(c) = case.get_untracked() else {
        return ().into_any();
    };
    let k = c.kallelse();
    let answer = |pid: PartyId| {
        k.and_then(|k| k.recipients.iter().find(|r| r.party == pid))
            .and_then(|r| r.answer.as_ref())
            .map(|a| a.substitute.clone().unwrap_or_else(|| a.attendee.clone()))
    };
    let options: Vec<(PartyId, String)> = c
        .parties()
        .iter()
        .map(|p| match answer(p.id) {
            Some(who) => (p.id, format!("{} – {who}", p.name)),
            None => (p.id, p.name.clone()),
        })
        .collect();
    let present: VecSet<PartyId> = c
        .parties()
        .iter()
        .map(|p| p.id)
        .filter(|&p| answer(p).is_some() || c.roles().samordningsansvarig == Some(p))
        .collect();
    let attendees = RwSignal::new(present);
    let person_present = RwSignal::new(true);
    let chair = RwSignal::new(c.roles().chair.or(c.roles().samordningsansvarig));
    let documenter = RwSignal::new(k.map(|k| k.documenter.clone()).unwrap_or_default());
    let digital = RwSignal::new(k.is_some_and(|k| k.place == Place::Digitalt));
    let at = RwSignal::new(datetime_value(now()));
    let error = RwSignal::new(None::<Violation>);
    let profile = crate::engine::profiles::get(c.profile());
    let kva = move || {
        case.with(|c| {
            c.as_ref()
                .map(|c| meeting_kva(c, kind, digital.get(), profile))
        })
    };
    let chair_options: Vec<(PartyId, String)> =
        c.parties().iter().map(|p| (p.id, p.name.clone())).collect();
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(at) = parse_datetime(&at.get_untracked()) else {
            error.set(Some(form_error(
                "Ange när mötet började, med datum och tid.",
            )));
            return;
        };
        let meeting = crate::engine::model::Meeting {
            at,
            kind,
            attendees: attendees.get_untracked(),
            person_present: person_present.get_untracked(),
            chair: chair.get_untracked(),
            documenter: documenter.get_untracked(),
            digital: digital.get_untracked(),
            sip_kollen_told: false,
        };
        run(app, case, Command::HoldMeeting(meeting), error);
    };
    view! {
        <section class="card" aria-labelledby="mote-start">
            {if kind == MeetingKind::Uppfoljning {
                view! {
                    <h2 id="mote-start">"Uppföljningsmöte: ny version av planen"</h2>
                    <p>
                        "Finns behovet kvar hos båda huvudmännen revideras planen på ett uppföljningsmöte. När mötet "
                        "startar makuleras den nuvarande versionen (den sparas och går att läsa) och en ny version "
                        "öppnas för att skrivas. Markera vilka som är med." " " <span class="rule-id">"R-UPP-4"</span>
                    </p>
                }
                .into_any()
            } else {
                view! {
                    <h2 id="mote-start">"Starta SIP-mötet"</h2>
                    <p>"Planen skrivs på mötet, tillsammans med personen. Markera vilka som är med."</p>
                }
                .into_any()
            }}
            <form on:submit=start novalidate>
                <Field id="mote-tid" label="Mötet började" kind="datetime-local" value=at/>
                <CheckSet legend="Närvarande" name="narvaro" options=options value=attendees hint="Från kallelsen: de som har svarat är förvalda."/>
                <Checkbox id="personen-med" label=format!("{} är med på mötet", c.person().first_name()) value=person_present/>
                <PartySelect id="ordforande" label="Ordförande" value=chair options=chair_options none="Välj …"/>
                <Field id="dokumenterar" label="Vem dokumenterar" value=documenter/>
                <Checkbox id="digitalt" label="Mötet är digitalt" value=digital/>
                <p class="hint">{kva}" "<span class="rule-id">"R-PLAN-14"</span></p>
                <Explain violation=error/>
                <button type="submit" class="button primary">{if kind == MeetingKind::Uppfoljning { "Starta uppföljningsmötet" } else { "Starta mötet" }}</button>
            </form>
        </section>
    }
    .into_any()
}
