//! The meeting page once the plan exists: the agenda of R-PLAN-8, the meeting's facts, the editor (or the read-only
//! plan once locked), the big screen and the plan's lifecycle. The data goes one way: the draft's content goes to
//! the big screens (only what changed) and, within `COMMIT_AFTER`, to the engine; the board depends on the draft,
//! the agenda step and the plan's state, never on the stored case.

use super::draft::Draft;
use super::editor::Editor;
use super::lifecycle::Lifecycle;
use super::sync::{connect, Schedule};
use crate::engine::board::{board_view, plan_view, Audience, BoardMessage, BoardSender};
use crate::engine::model::{PartyKind, PlanState};
use crate::engine::views::meeting::{last_meeting, missing, R_PLAN_8_AGENDA};
use crate::engine::{Case, Command, Violation};
use crate::ui::app::state::use_app;
use crate::ui::components::Explain;
use crate::ui::platform::focus;
use crate::ui::steg::storskarm::{self, toggle_fullscreen, BoardDoc, LiveBoard, PlanDoc};
use crate::ui::text;
use leptos::prelude::*;
use std::rc::Rc;

/// The browser's timer, for the draft's one delay.
fn browser_timer() -> Schedule {
    Rc::new(|after, job| {
        let job = std::cell::Cell::new(Some(job));
        let _ = set_timeout_with_handle(
            move || {
                if let Some(job) = job.take() {
                    job();
                }
            },
            after,
        );
    })
}

#[component]
pub fn Meeting(case: Memo<Option<Case>>) -> impl IntoView {
    let app = use_app();
    let Some(c) = case.get_untracked() else {
        return ().into_any();
    };
    let Some(plan) = c.current_plan().cloned() else {
        return ().into_any();
    };
    let id = c.id();
    let facts = last_meeting(&c, crate::engine::profiles::get(c.profile()));
    let contacts = c
        .parties()
        .iter()
        .filter(|p| matches!(p.kind, PartyKind::Unit(_)))
        .map(|p| (p.id, p.contact.name.clone(), p.contact.phone.clone()))
        .collect();
    let draft = Draft::new(
        &plan.content,
        contacts,
        facts
            .as_ref()
            .map(|m| m.documenter.clone())
            .unwrap_or_default(),
        c.next_free_id(),
    );
    // R-PLAN-1, what the plan still misses: a memo, so the lists showing it are drawn again only when it changes.
    let still_missing = Memo::new(move |_| draft.content.with(missing));
    // Changes only when the lifecycle moves: saving an edit re-runs this memo but notifies nothing.
    let state = Memo::new(move |_| {
        case.with(|c| {
            c.as_ref()
                .and_then(|c| c.current_plan())
                .map_or(PlanState::Utkast, |p| p.state())
        })
    });
    let editable = Memo::new(move |_| state.get().editable());
    let agenda = RwSignal::new(0usize);

    // The big screens: only what changed; a big screen that opens asks and gets everything; leaving says "wait".
    let sender = StoredValue::new_local(BoardSender::new(
        (js_sys::Math::random() * f64::from(u32::MAX)) as u32,
    ));
    // The big-screen window this editor opened, called directly: its text changes within this keystroke's task,
    // so the room sees it in the same frame as the typist (the channel reaches the other big screens).
    let opened = StoredValue::new_local(None::<web_sys::Window>);
    let here = LiveBoard::new();
    let view_of = move |content: &crate::engine::model::PlanContent| {
        let step = agenda.get();
        state.track();
        case.with_untracked(|c| c.as_ref().map(|c| board_view(c, content, step)))
            .unwrap_or_default()
    };
    let channel = StoredValue::new_local(storskarm::listen(move |msg| {
        if msg == (BoardMessage::Hello { case: id }) {
            let view = untrack(|| draft.content.with(|c| view_of(c)));
            let full = sender.try_update_value(|s| s.full(id, &view));
            if let Some(full) = full {
                storskarm::post_once(&full);
            }
        }
    }));
    let post = move |msg: &BoardMessage| {
        let text = msg.encode();
        opened.with_value(|w| {
            if let Some(w) = w {
                storskarm::call_directly(w, &text);
            }
        });
        channel.with_value(|ch| {
            if let Some(ch) = ch {
                ch.post(&text);
            }
        })
    };
    let leave = window_event_listener_untyped("pagehide", move |_| {
        storskarm::post_once(&BoardMessage::Waiting { case: id })
    });
    on_cleanup(move || {
        leave.remove();
        storskarm::post_once(&BoardMessage::Waiting { case: id });
        channel.set_value(None);
    });

    let error = RwSignal::new(None::<Violation>);
    let give = connect(
        draft.content,
        move |content| {
            let view = view_of(content);
            here.show(&view);
            if let Some(msg) = sender.try_update_value(|s| s.next(id, &view)).flatten() {
                post(&msg);
            }
        },
        move |content| {
            // A locked plan takes no edits: nothing to give.
            if !editable.get_untracked() {
                return true;
            }
            crate::ui::steg::run(app, case, Command::UpdatePlan(content), error)
        },
        browser_timer(),
    );
    // Locking or leaving the page gives the draft as it is, without waiting for the timer.
    let handle = app.register_draft(Callback::new(move |()| {
        give();
    }));
    on_cleanup(move || app.unregister_draft(handle));

    let overlay = RwSignal::new(false);
    let open_board = move |_| {
        let w = window()
            .open_with_url_and_target_and_features(
                &format!("/storskarm/{id}"),
                &format!("storskarm-{id}"),
                "popup,width=1280,height=720",
            )
            .ok()
            .flatten();
        opened.set_value(w);
    };
    let show_here = move |_| {
        toggle_fullscreen(document().document_element());
        overlay.set(true);
        // Focus moves into the view, so Escape and the close button work from the keyboard.
        request_animation_frame(|| focus("storskarm-stang"));
    };
    let close_here = move || {
        if document().fullscreen_element().is_some() {
            document().exit_fullscreen();
        }
        overlay.set(false);
    };
    let go_to = move |i: usize| {
        agenda.set(i);
        let id = format!("punkt-{i}");
        if let Some(el) = document().get_element_by_id(&id) {
            el.scroll_into_view();
        }
        focus(&id);
    };
    // Who is present decides who may mark an insats decided (R-PLAN-4): the editor follows a corrected attendance.
    let attendees = Memo::new(move |_| {
        case.with(|c| {
            c.as_ref()
                .and_then(|c| last_meeting(c, crate::engine::profiles::get(c.profile())))
                .map(|m| m.attendees)
                .unwrap_or_default()
        })
    });

    view! {
        <div class="meeting-bar">
            <p class="plan-state">"Planen: "<strong>{move || state.get().label_sv()}</strong>" · version "{plan.version}</p>
            <button type="button" class="button primary" on:click=open_board>{text::BOARD_OPEN}</button>
            <button type="button" class="button secondary" on:click=show_here>{text::BOARD_HERE}</button>
        </div>
        <p class="hint">"Storskärmen visar bara planen – aldrig personnummer eller telefonnummer. Dra fönstret till rummets skärm och välj Helskärm."</p>
        <div class="meeting">
            <nav class="agenda" aria-label="Dagordning">
                <ol>
                    {R_PLAN_8_AGENDA.iter().enumerate().map(|(i, (_, label))| view! {
                        <li>
                            <button type="button" class="agenda-step"
                                aria-current=move || (agenda.get() == i).then_some("step")
                                on:click=move |_| go_to(i)><span class="agenda-label">{*label}</span></button>
                        </li>
                    }).collect_view()}
                </ol>
                <button type="button" class="button secondary" on:click=move |_| go_to((agenda.get_untracked() + 1).min(R_PLAN_8_AGENDA.len() - 1))>"Nästa punkt"</button>
                {move || {
                    let n = still_missing.with(Vec::len);
                    (editable.get() && n > 0).then(|| view! {
                        <button type="button" class="button secondary missing-link" on:click=move |_| focus("livscykel")>
                            {if n == 1 { "1 sak saknas i planen".to_string() } else { format!("{n} saker saknas i planen") }}
                        </button>
                    })
                }}
                <p class="hint agenda-rule"><span class="rule-id">"R-PLAN-8"</span></p>
            </nav>
            <div class="meeting-main" on:focusout=move |_| { give(); }>
                <super::attendance::MeetingFacts case=case editable=editable/>
                {move || if editable.get() {
                    view! { <Editor case=case draft=draft attendees=attendees.get()/> }.into_any()
                } else {
                    let doc = case.with_untracked(|c| c.as_ref().and_then(|c| c.current_plan().map(|p| plan_view(c, p.version, &p.content, 0, Audience::Paper))));
                    view! { <div class="card plan-readonly">{doc.map(|v| view! { <PlanDoc view=v paper=true/> })}</div> }.into_any()
                }}
                <Explain violation=error/>
                <Lifecycle case=case give=give still_missing=still_missing/>
                <super::closing::MeetingEnd case=case editable=editable/>
            </div>
        </div>
        <Show when=move || overlay.get()>
            <div class="board-overlay" role="dialog" aria-modal="true" aria-label=text::BOARD_HERE
                on:keydown=move |ev| if ev.key() == "Escape" { close_here() }>
                <button type="button" id="storskarm-stang" class="button secondary board-fullscreen" on:click=move |_| close_here()>{text::BOARD_BACK}</button>
                <BoardDoc live=here/>
            </div>
        </Show>
    }
    .into_any()
}
