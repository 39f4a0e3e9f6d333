//! A same-origin BroadcastChannel carrying text: the tabs' session messages and the big screen's plan. A tab does
//! not hear its own messages.

use wasm_bindgen::prelude::*;
use web_sys::{BroadcastChannel, MessageEvent};

/// The channel between the plan editor and the big screens.
pub const BOARD: &str = "sip-planen-storskarm";
/// The channel between the tabs of the app (lock, activity, saved cases).
pub const SESSION: &str = "sip-planen-session";

/// A listening channel; closed when dropped.
pub struct Channel {
    channel: BroadcastChannel,
    _on_message: Option<Closure<dyn FnMut(MessageEvent)>>,
}

impl Channel {
    /// Opens the channel `name`; `on` gets the text of every message another window sends.
    pub fn open(name: &str, on: impl Fn(String) + 'static) -> Option<Channel> {
        let channel = BroadcastChannel::new(name).ok()?;
        let cb = Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
            if let Some(text) = ev.data().as_string() {
                on(text);
            }
        });
        channel.set_onmessage(Some(cb.as_ref().unchecked_ref()));
        Some(Channel {
            channel,
            _on_message: Some(cb),
        })
    }

    pub fn post(&self, text: &str) {
        let _ = self.channel.post_message(&JsValue::from_str(text));
    }

    /// Sends one message on `name` without listening.
    pub fn post_once(name: &str, text: &str) {
        if let Ok(channel) = BroadcastChannel::new(name) {
            let _ = channel.post_message(&JsValue::from_str(text));
            channel.close();
        }
    }
}

impl Drop for Channel {
    fn drop(&mut self) {
        self.channel.set_onmessage(None);
        self.channel.close();
    }
}
