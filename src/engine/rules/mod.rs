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

pub use registry::{Effect, Rule, RuleId, Source, REGISTRY};
use serde::Serialize;

/// A refused step: why (in Swedish), and — when a rule of the catalogue refuses it — which rule and where the rule
/// comes from. An input the app cannot use (an empty name, an unknown party, an unreadable date) is refused without
/// a rule: `rule` is `None` and the message says what to correct.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Violation {
    pub rule: Option<RuleId>,
    pub message_sv: String,
    /// "Källa: …" — the source documents of the rule (empty for an input error).
    pub source: String,
}

impl Violation {
    pub fn new(rule: &'static str, message: impl Into<String>) -> Violation {
        let rule = RuleId(rule);
        Violation {
            rule: Some(rule),
            message_sv: message.into(),
            source: rule.source_sv(),
        }
    }

    /// An input error that no rule of the catalogue is about.
    pub fn input(message: impl Into<String>) -> Violation {
        Violation {
            rule: None,
            message_sv: message.into(),
            source: String::new(),
        }
    }

    /// The rule's id, or "" for an input error.
    pub fn rule_id(&self) -> &'static str {
        self.rule.map_or("", RuleId::as_str)
    }
}

impl std::fmt::Display for Violation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.rule {
            Some(rule) => write!(f, "{} ({rule}). {}", self.message_sv, self.source),
            None => f.write_str(&self.message_sv),
        }
    }
}

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

/// `Ok(())` when `cond` holds, else the violation.
pub(crate) fn ensure(
    cond: bool,
    rule: &'static str,
    message: impl Into<String>,
) -> Result<(), Violation> {
    if cond {
        Ok(())
    } else {
        Err(Violation::new(rule, message))
    }
}
