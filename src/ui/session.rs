//! What the tabs of SIP-planen on one device tell each other over a same-origin BroadcastChannel: "lock now"
//! (locking one tab locks them all), "someone was active" (one shared idle clock for the auto-lock) and "this case
//! was saved" (other tabs know their copy is old). No case data travels: only a case id.

use crate::engine::CaseId;
use wasm_bindgen::prelude::*;
use web_sys::{BroadcastChannel, MessageEvent};

const CHANNEL: &str = "sip-planen-session";

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum SessionMessage {
    Lock,
    /// A user was active at this time (whole ms since the epoch: an integer keeps float formatting and parsing
    /// out of the bundle).
    Active(u64),
    Saved(CaseId),
}

impl SessionMessage {
    fn encode(self) -> String {
        match self {
            SessionMessage::Lock => "L".into(),
            SessionMessage::Active(at) => format!("A{at}"),
            SessionMessage::Saved(id) => format!("S{id}"),
        }
    }

    fn decode(s: &str) -> Option<SessionMessage> {
        let (tag, rest) = s.split_at_checked(1)?;
        match tag {
            "L" => Some(SessionMessage::Lock),
            "A" => rest.parse().ok().map(SessionMessage::Active),
            "S" => CaseId::parse(rest).map(SessionMessage::Saved),
            _ => None,
        }
    }
}

/// The listening channel of this tab; closed when dropped.
pub struct SessionChannel {
    channel: BroadcastChannel,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
}

impl SessionChannel {
    pub fn open(on: impl Fn(SessionMessage) + 'static) -> Option<SessionChannel> {
        let channel = BroadcastChannel::new(CHANNEL).ok()?;
        let cb = Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
            if let Some(msg) = ev
                .data()
                .as_string()
                .and_then(|s| SessionMessage::decode(&s))
            {
                on(msg);
            }
        });
        channel.set_onmessage(Some(cb.as_ref().unchecked_ref()));
        Some(SessionChannel {
            channel,
            _on_message: cb,
        })
    }

    /// Tells every other tab (a tab does not hear its own messages).
    pub fn post(&self, msg: SessionMessage) {
        let _ = self.channel.post_message(&JsValue::from_str(&msg.encode()));
    }
}

impl Drop for SessionChannel {
    fn drop(&mut self) {
        self.channel.set_onmessage(None);
        self.channel.close();
    }
}

/// Why the app locked, kept in this tab's sessionStorage across the reload that locking does (no case data).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LockReason {
    Manual,
    Idle,
    OtherTab,
}

const LOCK_KEY: &str = "sip-planen.lasning";

impl LockReason {
    fn as_str(self) -> &'static str {
        match self {
            LockReason::Manual => "manuell",
            LockReason::Idle => "inaktiv",
            LockReason::OtherTab => "annan-flik",
        }
    }

    pub fn remember(self) {
        if let Some(s) = session_storage() {
            let _ = s.set_item(LOCK_KEY, self.as_str());
        }
    }

    /// The reason of the lock that reloaded this tab, once.
    pub fn take() -> Option<LockReason> {
        let s = session_storage()?;
        let v = s.get_item(LOCK_KEY).ok().flatten()?;
        let _ = s.remove_item(LOCK_KEY);
        [LockReason::Manual, LockReason::Idle, LockReason::OtherTab]
            .into_iter()
            .find(|r| r.as_str() == v)
    }
}

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// Resolves after `ms` milliseconds.
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
