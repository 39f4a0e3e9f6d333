//! The SIP meeting (R-PLAN-1…14): start the meeting with attendance, then write the plan along the agenda of
//! R-PLAN-8 while the room follows on the big screen, and take the plan through its lifecycle.
//!
//! - `start`: attendance, chair, who documents → the meeting is held;
//! - `draft`: the plan being written, typed rows that own their ids, one memo of the content;
//! - `sync`: the one way from the draft to the big screen and (after at most one short pause) the engine;
//! - `meeting`: the page — agenda, facts, the big screen, the overlay;
//! - `editor`: the fields; `lifecycle`: establish, sign, lock, agreement, print;
//! - `followup`: after the plan is established — the follow-up, the meeting that opens a new version, the versions;
//! - `share`: "Dela med Lisa", the established plan as a sealed link to the person's own "Min plan".

mod attendance;
mod closing;
pub mod draft;
mod editor;
mod followup;
mod lifecycle;
mod meeting;
mod share;
mod start;
pub mod sync;

use crate::engine::Case;
use leptos::prelude::*;

#[component]
pub fn Mote(case: Memo<Option<Case>>) -> impl IntoView {
    let version = Memo::new(move |_| {
        case.with(|c| c.as_ref().and_then(|c| c.current_plan()).map(|p| p.version))
    });
    let closed =
        Memo::new(move |_| case.with(|c| c.as_ref().is_some_and(|c| c.phase().is_closed())));
    move || {
        match (version.get(), closed.get()) {
        (Some(_), _) => view! { <meeting::Meeting case=case/> <followup::AfterMeeting case=case/> }.into_any(),
        // Closed, or the plan voided with the consent: no new meeting here; the versions stay readable.
        (None, true) => view! {
            <p class="status-line">"SIP:en är avslutad. Se Avslut för varför och vilka som ska få veta."</p>
            <followup::AfterMeeting case=case/>
        }
        .into_any(),
        (None, false) => view! { <start::StartMeeting case=case/> }.into_any(),
    }
    }
}
