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

use crate::ui::platform::channel::BOARD as CHANNEL;

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

/// The name of the function a big-screen window offers the editor that opened it.
const DIRECT: &str = "sipPlanenStorskarm";

/// Gives a message straight to a big-screen window this page opened (same origin), when it is open and ready.
pub fn call_directly(board: &web_sys::Window, text: &str) {
    use wasm_bindgen::JsCast;
    if board.closed().unwrap_or(true) {
        return;
    }
    if let Some(f) = js_sys::Reflect::get(board, &DIRECT.into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    {
        let _ = f.call1(&wasm_bindgen::JsValue::NULL, &text.into());
    }
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
    let on_message = move |msg: BoardMessage| {
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
    };
    channel.set_value(listen(on_message));
    // The editor that opened this window calls it directly (see `call_directly`); a message heard both ways is
    // applied once (the receiver keeps the newest of each editor).
    let direct = wasm_bindgen::closure::Closure::<dyn Fn(String)>::new(move |text: String| {
        if let Some(msg) = BoardMessage::decode(&text) {
            on_message(msg);
        }
    });
    let _ = js_sys::Reflect::set(&window(), &DIRECT.into(), direct.as_ref());
    let direct = StoredValue::new_local(Some(direct));
    on_cleanup(move || {
        let _ = js_sys::Reflect::delete_property(&window(), &DIRECT.into());
        direct.set_value(None);
    });
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
