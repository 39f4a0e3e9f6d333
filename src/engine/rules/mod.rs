//! The rules of SIP-RULES.md, one module per section. BLOCK rules are functions returning `Result<(), Violation>`
//! that [`crate::engine::process`] calls before a command changes anything; WARN, INFO and RECORD rules are
//! functions returning findings that [`crate::engine::evaluate`] collects; DEADLINE rules live in
//! [`crate::engine::deadlines`]. Each function names its rule id.

pub mod closing;
pub mod consent;
pub mod discharge;
pub mod followup;
pub mod initiative;
pub mod kallelse;
pub mod need;
pub mod plan;
pub mod registry;
pub mod roles;
pub mod stats;

pub(crate) use crate::engine::violation::ensure;
pub use crate::engine::violation::Violation;
pub use registry::{Effect, Rule, RuleId, Source, REGISTRY};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Level {
    Warn,
    Info,
    Record,
}

/// A warning, a piece of guidance, or something that must be documented and is missing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub rule: RuleId,
    pub level: Level,
    pub message_sv: String,
    pub source: String,
}

impl Finding {
    pub fn new(rule: &'static str, level: Level, message: impl Into<String>) -> Finding {
        let rule = RuleId(rule);
        Finding {
            rule,
            level,
            message_sv: message.into(),
            source: rule.source_sv(),
        }
    }
    pub fn warn(rule: &'static str, message: impl Into<String>) -> Finding {
        Self::new(rule, Level::Warn, message)
    }
    pub fn info(rule: &'static str, message: impl Into<String>) -> Finding {
        Self::new(rule, Level::Info, message)
    }
    pub fn record(rule: &'static str, message: impl Into<String>) -> Finding {
        Self::new(rule, Level::Record, message)
    }
}
