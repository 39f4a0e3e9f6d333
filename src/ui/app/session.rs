//! What the tabs of SIP-planen on one device tell each other over a same-origin BroadcastChannel: "lock now"
//! (locking one tab locks them all), "someone was active" (one shared idle clock for the auto-lock) and "this case
//! was saved" (other tabs know their copy is old). No case data travels: only a case id.

use crate::engine::CaseId;
use crate::ui::platform::channel::Channel;
use crate::ui::platform::storage::session_storage;

use crate::ui::platform::channel::SESSION as CHANNEL;

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

/// The session channel of this tab.
pub fn open(on: impl Fn(SessionMessage) + 'static) -> Option<Channel> {
    Channel::open(CHANNEL, move |text| {
        if let Some(msg) = SessionMessage::decode(&text) {
            on(msg);
        }
    })
}

/// Tells every other tab.
pub fn post(channel: &Channel, msg: SessionMessage) {
    channel.post(&msg.encode());
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
