//! The meeting's facts (when it began, who is present, chair, who documents, KVÅ), and who is present corrected
//! while the plan is written: someone arrives late or leaves.

use crate::engine::model::PartyId;
use crate::engine::set::VecSet;
use crate::engine::views::meeting::last_meeting;
use crate::engine::{profiles, Case, Command, Violation};
use crate::ui::app::state::use_app;
use crate::ui::components::{CheckSet, Checkbox, Explain};
use crate::ui::platform::format_time;
use crate::ui::steg::{party_choices, run};
use leptos::prelude::*;

#[component]
pub fn MeetingFacts(case: Memo<Option<Case>>, editable: Memo<bool>) -> impl IntoView {
    let facts = Memo::new(move |_| {
        case.with(|c| {
            c.as_ref()
                .and_then(|c| last_meeting(c, profiles::get(c.profile())))
        })
    });
    let first = case.with_untracked(|c| {
        c.as_ref()
            .map(|c| c.person().first_name().to_string())
            .unwrap_or_default()
    });
    move || {
        facts.get().map(|m| {
            let names: Vec<String> = m.attendees.iter().map(|(_, n)| n.clone()).collect();
            let present: VecSet<PartyId> = m.attendees.iter().map(|(id, _)| *id).collect();
            let person = m.person_present;
            let first = first.clone();
            view! {
                <section class="card" aria-labelledby="narvaro-rubrik">
                    <h2 id="narvaro-rubrik">"Mötet"</h2>
                    <dl class="facts">
                        <dt>"Började"</dt><dd>{format_time(m.at)}</dd>
                        <dt>"Närvarande"</dt><dd>{names.join(", ")}{person.then(|| format!(" och {first}"))}</dd>
                        <dt>"Ordförande"</dt><dd>{m.chair.unwrap_or_else(|| "–".into())}</dd>
                        <dt>"Dokumenterar"</dt><dd>{m.documenter}</dd>
                        <dt>"KVÅ"</dt><dd>{m.kva}" "<span class="rule-id">"R-PLAN-14"</span></dd>
                    </dl>
                    {move || editable.get().then(|| view! { <Correct case=case present=present.clone() person=person first=first.clone()/> })}
                </section>
            }
        })
    }
}

#[component]
fn Correct(
    case: Memo<Option<Case>>,
    present: VecSet<PartyId>,
    person: bool,
    first: String,
) -> impl IntoView {
    let app = use_app();
    let who = RwSignal::new(present);
    let person_present = RwSignal::new(person);
    let error = RwSignal::new(None::<Violation>);
    let save = move |_| {
        run(
            app,
            case,
            Command::CorrectAttendance {
                attendees: who.get_untracked(),
                person_present: person_present.get_untracked(),
            },
            error,
        );
    };
    view! {
        <details class="correct-attendance">
            <summary>"Rätta närvaron"</summary>
            <CheckSet legend="Närvarande" name="ratta-narvaro" options=party_choices(case) value=who/>
            <Checkbox id="ratta-personen" label=format!("{first} är med på mötet") value=person_present/>
            <Explain violation=error/>
            <button type="button" class="button secondary" on:click=save>"Spara närvaron"</button>
        </details>
    }
}
