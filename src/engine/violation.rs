//! A refused step: the engine's answer when a command cannot be applied. Its own module, so the model's named
//! transitions and the rules can both refuse without depending on each other.

use super::rules::RuleId;
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
