//! The samordningsansvarig on the case (R-ROLE-1, R-ROLE-2): who it is, how the responsibility moved, the duties
//! with what the case already shows as done, and a replacement within the same huvudman when someone leaves.

use crate::engine::model::{CoordinatorChangeKind, PartyId};
use crate::engine::rules::roles::{r_role_1_duties, DutyState};
use crate::engine::{Case, Command};
use crate::ui::app::state::use_app;
use crate::ui::components::{Explain, Field, PartySelect};
use crate::ui::platform::format_time;
use crate::ui::steg::run;
use leptos::prelude::*;

#[component]
pub fn Coordination(case: Memo<Option<Case>>) -> impl IntoView {
    let app = use_app();
    let error = RwSignal::new(None);
    let party = RwSignal::new(None::<PartyId>);
    let person = RwSignal::new(String::new());
    let units = move || {
        case.with(|c| {
            c.as_ref()
                .map(|c| {
                    c.parties()
                        .iter()
                        .filter(|p| p.kind.huvudman().is_some())
                        .map(|p| (p.id, p.name.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let name_of = move |id: Option<PartyId>| {
        case.with(|c| {
            c.as_ref()
                .and_then(|c| id.and_then(|id| c.party(id)))
                .map(|p| p.name.clone())
                .unwrap_or_default()
        })
    };
    let replace = move |_| {
        let Some(p) = party.get_untracked() else {
            error.set(Some(crate::ui::steg::form_error("Välj verksamhet.")));
            return;
        };
        let cmd = Command::ReassignSamordningsansvarig {
            party: p,
            person: person.get_untracked(),
        };
        if run(app, case, cmd, error) {
            person.set(String::new());
        }
    };
    view! {
        <section class="card" aria-labelledby="samordning-rubrik">
            <h2 id="samordning-rubrik">"Samordningsansvar"</h2>
            {move || case.with(|c| c.as_ref().map(|c| {
                let r = c.roles();
                match r.samordningsansvarig {
                    Some(id) => view! { <p>"Samordningsansvarig: "<strong>{r.samordningsansvarig_person.clone()}</strong>{format!(" ({})", name_of(Some(id)))}</p> }.into_any(),
                    None => view! { <p>"Ingen samordningsansvarig ännu. Den enhet som tar initiativet blir samordningsansvarig. "<span class="rule-id">"R-INIT-4"</span></p> }.into_any(),
                }
            }))}
            {move || {
                let history = case.with(|c| c.as_ref().map(|c| c.roles().history.clone()).unwrap_or_default());
                (!history.is_empty()).then(|| view! {
                    <h3 class="small-heading">"Tidigare samordningsansvariga"</h3>
                    <ul>
                        {history.into_iter().map(|h| view! {
                            <li>{format!("{}: {} ({}) → {} ({}){}", format_time(h.at), h.from_person, name_of(h.from_party), h.to_person, name_of(Some(h.to_party)),
                                if h.kind == CoordinatorChangeKind::HandOverAtMeeting { ", beslutat på mötet" } else { ", ersättare inom samma huvudman" })}</li>
                        }).collect_view()}
                    </ul>
                })
            }}
            <h3 class="small-heading">"Samordningsansvarigs uppgifter "<span class="rule-id">"R-ROLE-1"</span></h3>
            <ul class="duties">
                {move || case.with(|c| c.as_ref().map(r_role_1_duties).unwrap_or_default()).into_iter().map(|(duty, state)| {
                    let (class, mark) = match state {
                        DutyState::Done => ("duty done", "Gjort"),
                        DutyState::NotYet => ("duty", "Inte ännu"),
                        DutyState::NotNeeded => ("duty", "Inte aktuellt"),
                    };
                    view! { <li class=class><span class="duty-state">{mark}</span>" "{duty}</li> }
                }).collect_view()}
            </ul>
            {move || case.with(|c| c.as_ref().is_some_and(|c| c.roles().samordningsansvarig.is_some())).then(|| view! {
                <h3 class="small-heading">"Byt samordningsansvarig"</h3>
                <p class="hint">"Slutar samordningsansvarig har huvudmannen kvar ansvaret och utser en ny inom sin verksamhet. På ett möte kan parterna i stället lämna över ansvaret till en annan huvudman (under Möte och plan). "<span class="rule-id">"R-ROLE-2"</span></p>
                <PartySelect id="ny-samordnare-enhet" label="Verksamhet" value=party options=units()/>
                <Field id="ny-samordnare" label="Ny samordningsansvarig (namn)" value=person/>
                <button type="button" class="button secondary" on:click=replace>"Byt samordningsansvarig"</button>
                <Explain violation=error/>
            })}
        </section>
    }
}
