//! The big screen (R-PLAN-9): a second window on the room's screen that shows the plan as it is typed. It never
//! opens the store: it only shows what the editor of this case sends over a same-origin BroadcastChannel, and that
//! is already the engine's [`BoardView`] (no identity digits, no phone numbers) — whole when the screen asks, then
//! only the fields that changed.

mod doc;
mod live;

pub use doc::{BoardDoc, PlanDoc};
pub use live::LiveBoard;

use crate::engine::board::{BoardMessage, BoardReceiver};
use crate::engine::CaseId;
use crate::ui::platform::channel::Channel;
use crate::ui::platform::set_title;
use crate::ui::text;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

const CHANNEL: &str = "sip-planen-storskarm";

/// Listens on the big-screen channel; `on` gets every message that reads.
pub fn listen(on: impl Fn(BoardMessage) + 'static) -> Option<Channel> {
    Channel::open(CHANNEL, move |text| {
        if let Some(msg) = BoardMessage::decode(&text) {
            on(msg);
        }
    })
}

pub fn post(channel: &Channel, msg: &BoardMessage) {
    channel.post(&msg.encode());
}

/// Sends one message without listening (the lock's "clear every big screen").
pub fn post_once(msg: &BoardMessage) {
    Channel::post_once(CHANNEL, &msg.encode());
}

/// Full screen on an element, or back.
pub fn toggle_fullscreen(el: Option<web_sys::Element>) {
    let doc = document();
    if doc.fullscreen_element().is_some() {
        doc.exit_fullscreen();
    } else if let Some(el) = el {
        let _ = el.request_fullscreen();
    }
}

/// The route `/storskarm/:id`: the room's view of one case's plan.
#[component]
pub fn BigScreen() -> impl IntoView {
    let params = use_params_map();
    let id = params.with_untracked(|p| p.get("id").and_then(|s| CaseId::parse(&s)));
    set_title(text::BOARD_WINDOW_TITLE);
    let Some(id) = id else {
        // Not the address of any case: say so instead of waiting for a plan that cannot come.
        return view! {
            <div class="board-window">
                <div class="board board-waiting">
                    <h1>{text::BOARD_BAD_ADDRESS}</h1>
                    <p>{text::BOARD_HOW}</p>
                </div>
            </div>
        }
        .into_any();
    };
    let live = LiveBoard::new();
    let receiver = StoredValue::new_local(BoardReceiver::default());
    let channel = StoredValue::new_local(None::<Channel>);
    let ask = move || {
        channel.with_value(|c| {
            if let Some(c) = c {
                post(c, &BoardMessage::Hello { case: id });
            }
        })
    };
    let ch = listen(move |msg| {
        let ours = match &msg {
            BoardMessage::Show { case, .. }
            | BoardMessage::Patch { case, .. }
            | BoardMessage::Waiting { case } => *case == id,
            BoardMessage::Clear => true,
            BoardMessage::Hello { .. } => false,
        };
        if !ours {
            return;
        }
        let view = receiver.try_update_value(|r| r.apply(&msg)).flatten();
        match (&msg, view) {
            (_, Some(v)) => live.show(&v),
            // A patch without the view it applies to: ask for the whole view.
            (BoardMessage::Patch { .. }, None) => ask(),
            _ => live.clear(),
        }
    });
    channel.set_value(ch);
    ask();
    on_cleanup(move || channel.set_value(None));
    let root = NodeRef::<leptos::html::Div>::new();
    let fullscreen = move |_| toggle_fullscreen(root.get().map(Into::into));
    view! {
        <div class="board-window" node_ref=root>
            <button type="button" class="button secondary board-fullscreen" on:click=fullscreen>
                {text::BOARD_FULLSCREEN}
            </button>
            <Show when=move || live.shown.get() fallback=|| view! {
                <div class="board board-waiting">
                    <h1>{text::BOARD_WAITING}</h1>
                    <p>{text::BOARD_HOW}</p>
                </div>
            }>
                <BoardDoc live=live/>
            </Show>
        </div>
    }
    .into_any()
}
