//! The end of the meeting: who has the coordination responsibility from now on (R-ROLE-2, decided by the parties
//! at the meeting, possibly another huvudman) and SIP-kollen (R-STAT-2: the survey's address as text and QR code
//! for the person's own phone; the app captures no answers).

use crate::engine::model::PartyId;
use crate::engine::rules::stats::SIP_KOLLEN_URL;
use crate::engine::{Case, Command, Violation};
use crate::ui::app::state::use_app;
use crate::ui::components::{Explain, Field, PartySelect, Qr};
use crate::ui::steg::{form_error, run};
use leptos::prelude::*;

#[component]
pub fn MeetingEnd(
    case: Memo<Option<Case>>,
    /// The plan is still being written: the meeting is on, and the parties can decide on the coordination.
    editable: Memo<bool>,
) -> impl IntoView {
    let app = use_app();
    let Some(c) = case.get_untracked() else {
        return ().into_any();
    };
    let units: Vec<(PartyId, String)> = c
        .parties()
        .iter()
        .filter(|p| p.kind.huvudman().is_some())
        .map(|p| {
            (
                p.id,
                format!(
                    "{} ({})",
                    p.name,
                    p.kind.huvudman().map_or("", |h| h.label_sv())
                ),
            )
        })
        .collect();
    let party = RwSignal::new(c.roles().samordningsansvarig);
    let person = RwSignal::new(String::new());
    let hand_error = RwSignal::new(None::<Violation>);
    let told_error = RwSignal::new(None::<Violation>);
    let hand_over = move |_| {
        let Some(p) = party.get_untracked() else {
            hand_error.set(Some(form_error("Välj verksamhet.")));
            return;
        };
        let cmd = Command::HandOverCoordination {
            party: p,
            person: person.get_untracked(),
        };
        if run(app, case, cmd, hand_error) {
            person.set(String::new());
        }
    };
    let told = move || {
        case.with(|c| {
            c.as_ref()
                .and_then(|c| c.meetings().last())
                .is_some_and(|m| m.sip_kollen_told)
        })
    };
    let current = move || {
        case.with(|c| {
            c.as_ref().map(|c| {
                let r = c.roles();
                let unit = r
                    .samordningsansvarig
                    .and_then(|id| c.party(id))
                    .map(|p| p.name.clone())
                    .unwrap_or_default();
                format!("{} ({unit})", r.samordningsansvarig_person)
            })
        })
    };
    view! {
        <section class="card" aria-labelledby="mote-slut">
            <h2 id="mote-slut">"Innan mötet avslutas"</h2>
            <Show when=move || editable.get()>
            <h3 class="small-heading">"Fortsatt samordningsansvar "<span class="rule-id">"R-ROLE-2"</span></h3>
                <p>"Samordningsansvarig nu: "<strong>{current}</strong></p>
                <p class="hint">"Parterna bestämmer på mötet vem som har det fortsatta samordningsansvaret. Det kan gå över till en annan huvudman."</p>
                <PartySelect id="overlamna-enhet" label="Samordningsansvaret från och med nu" value=party options=units.clone()/>
                <Field id="overlamna-person" label="Ny samordningsansvarig (namn)" value=person/>
                <button type="button" class="button secondary" on:click=hand_over>"Lämna över samordningsansvaret"</button>
                <Explain violation=hand_error/>
            </Show>
            <h3 class="small-heading">"SIP-kollen "<span class="rule-id">"R-STAT-2"</span></h3>
            <div class="sip-kollen">
                <div>
                    <p>"Berätta för personen om SIP-kollen: en anonym webbenkät om hur det är att få en SIP. Den tar några minuter. Personen sparar sin kod för att jämföra vid uppföljningen."</p>
                    <p>"Adress: "<strong>"www.sipkollen.se"</strong></p>
                </div>
                <Qr text=SIP_KOLLEN_URL label="QR-kod till SIP-kollen, www.sipkollen.se"/>
            </div>
            {move || if told() {
                view! { <p class="status klar">"Personen har fått veta om SIP-kollen"</p> }.into_any()
            } else {
                view! {
                    <button type="button" class="button secondary" on:click=move |_| { run(app, case, Command::RecordSipKollenTold, told_error); }>
                        "Personen har fått veta om SIP-kollen"
                    </button>
                }.into_any()
            }}
            <Explain violation=told_error/>
        </section>
    }
    .into_any()
}
