//! The big screen (R-PLAN-9): a second window on the room's screen that shows the plan as it is typed. It never
//! opens the store: it only shows what the editor of this case sends over a same-origin BroadcastChannel, and that
//! is already the engine's [`BoardView`] (no identity digits, no phone numbers). The same view renders the printed
//! plan and the "Visa på den här skärmen" overlay.

use super::text;
use super::widgets::set_title;
use crate::engine::board::{BoardMessage, BoardView};
use crate::engine::CaseId;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use wasm_bindgen::prelude::*;
use web_sys::{BroadcastChannel, MessageEvent};

const CHANNEL: &str = "sip-planen-storskarm";

/// A listening channel; closed when dropped.
pub struct Channel {
    channel: BroadcastChannel,
    _on_message: Option<Closure<dyn FnMut(MessageEvent)>>,
}

impl Channel {
    /// Opens the channel; `on` gets every message another window sends (unreadable ones are ignored).
    pub fn open(on: impl Fn(BoardMessage) + 'static) -> Option<Channel> {
        let channel = BroadcastChannel::new(CHANNEL).ok()?;
        let cb = Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
            if let Some(msg) = ev.data().as_string().and_then(|s| BoardMessage::decode(&s)) {
                on(msg);
            }
        });
        channel.set_onmessage(Some(cb.as_ref().unchecked_ref()));
        Some(Channel {
            channel,
            _on_message: Some(cb),
        })
    }

    pub fn post(&self, msg: &BoardMessage) {
        let _ = self.channel.post_message(&JsValue::from_str(&msg.encode()));
    }
}

impl Drop for Channel {
    fn drop(&mut self) {
        self.channel.set_onmessage(None);
        self.channel.close();
    }
}

/// Sends one message without listening (the lock's "clear every big screen").
pub fn post_once(msg: &BoardMessage) {
    if let Ok(channel) = BroadcastChannel::new(CHANNEL) {
        let ch = Channel {
            channel,
            _on_message: None,
        };
        ch.post(msg);
    }
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
    let view = RwSignal::new(None::<BoardView>);
    let channel = StoredValue::new_local(None::<Channel>);
    if let Some(id) = id {
        let ch = Channel::open(move |msg| match msg {
            BoardMessage::Show { case, view: v } if case == id => view.set(Some(*v)),
            BoardMessage::Waiting { case } if case == id => view.set(None),
            BoardMessage::Clear => view.set(None),
            _ => {}
        });
        if let Some(ch) = &ch {
            ch.post(&BoardMessage::Hello { case: id });
        }
        channel.set_value(ch);
    }
    on_cleanup(move || channel.set_value(None));
    let root = NodeRef::<leptos::html::Div>::new();
    let fullscreen = move |_| toggle_fullscreen(root.get().map(Into::into));
    if id.is_none() {
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
    }
    view! {
        <div class="board-window" node_ref=root>
            <button type="button" class="button secondary board-fullscreen" on:click=fullscreen>
                {text::BOARD_FULLSCREEN}
            </button>
            {move || match view.get() {
                Some(v) => view! { <PlanDoc view=v/> }.into_any(),
                None => view! {
                    <div class="board board-waiting">
                        <h1>{text::BOARD_WAITING}</h1>
                        <p>{text::BOARD_HOW}</p>
                    </div>
                }.into_any(),
            }}
        </div>
    }
    .into_any()
}

fn list(items: Vec<String>) -> impl IntoView {
    view! { <ul>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul> }
}

/// One section, shown only when it has something.
fn section(heading: String, body: impl IntoView + 'static) -> impl IntoView {
    view! { <section class="plan-section"><h2>{heading}</h2>{body}</section> }
}

/// The plan as people read it: on the big screen, in the overlay and on paper. Sections without content are left
/// out, so the room sees the plan grow.
#[component]
pub fn PlanDoc(view: BoardView, #[prop(optional)] paper: bool) -> impl IntoView {
    let v = view;
    let first = v.first_name.clone();
    let step = (!paper).then(|| v.agenda_label());
    let mut left = Vec::new();
    let mut right = Vec::new();
    if !v.needs.is_empty() {
        left.push(section("Behov".into(), list(v.needs)).into_any());
    }
    if !v.long_term_goal.is_empty() {
        left.push(
            section(
                "Långsiktigt mål".into(),
                view! { <p class="goal">{v.long_term_goal}</p> },
            )
            .into_any(),
        );
    }
    if !v.delmal.is_empty() {
        left.push(section("Delmål".into(), list(v.delmal)).into_any());
    }
    if !v.self_does.is_empty() {
        left.push(
            section(
                format!("Det här gör {first} själv"),
                view! { <p>{v.self_does}</p> },
            )
            .into_any(),
        );
    }
    if !v.help_needed.is_empty() {
        left.push(
            section(
                format!("{first} behöver hjälp med"),
                view! { <p>{v.help_needed}</p> },
            )
            .into_any(),
        );
    }
    if !v.insatser.is_empty() {
        let items = v.insatser.into_iter().map(|i| view! {
            <li class="insats">
                <p class="insats-what">{i.what}{i.decided.then_some(view! { " "<span class="decided">"Beslutad"</span> })}</p>
                <dl>
                    <dt>"Vem"</dt><dd>{i.who}</dd>
                    <dt>"När"</dt><dd>{i.when}</dd>
                    <dt>"Var"</dt><dd>{i.place}</dd>
                </dl>
            </li>
        }).collect_view();
        right.push(
            section(
                "Insatser".into(),
                view! { <ul class="insatser">{items}</ul> },
            )
            .into_any(),
        );
    }
    let lines = |ls: Vec<crate::engine::board::BoardLine>| {
        list(
            ls.into_iter()
                .map(|l| format!("{}: {}", l.who, l.text))
                .collect(),
        )
    };
    if !v.others.is_empty() {
        right.push(section("Andra gör".into(), lines(v.others)).into_any());
    }
    if !v.contacts.is_empty() {
        right.push(section("Kontaktpersoner".into(), lines(v.contacts)).into_any());
    }
    if !v.huvudansvarig.is_empty() {
        right.push(
            section(
                "Huvudansvarig för planen".into(),
                view! { <p>{v.huvudansvarig}</p> },
            )
            .into_any(),
        );
    }
    if !v.follow_up.is_empty() {
        right.push(section("Nästa uppföljning".into(), view! { <p>{v.follow_up}</p> }).into_any());
    }
    if !v.disagreements.is_empty() {
        right.push(section("Det vi inte är överens om".into(), list(v.disagreements)).into_any());
    }
    let empty = left.is_empty() && right.is_empty();
    view! {
        <article class="board">
            <header class="board-head">
                <h1>{v.title}</h1>
                {step.map(|s| view! { <p class="board-step">{s}</p> })}
                <p class="board-state">{v.state}</p>
            </header>
            {empty.then_some(view! { <p class="board-empty">"Planen skrivs nu."</p> })}
            <div class="board-columns">
                <div class="board-col">{left}</div>
                <div class="board-col">{right}</div>
            </div>
        </article>
    }
}
