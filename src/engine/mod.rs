//! The pure SIP domain: types, the process (commands → applied or refused), the rules, the calendar, deadlines
//! and regional profiles. No web-sys, no Leptos, no IndexedDB and no clock: every function that needs "now" is
//! given it.

pub mod audit;
pub mod backup;
pub mod calendar;
pub mod case;
pub mod deadlines;
pub mod identity;
pub mod index;
pub mod json;
pub mod json_write;
pub mod model;
pub mod phase;
pub mod process;
pub mod profiles;
pub mod rules;
pub mod serde_iso;
pub mod set;
pub mod share;
pub mod users;
pub mod views;
pub mod violation;

pub use views::{board, redact};

pub use case::{Case, CaseDetails, CaseField, CaseId, FieldError, NewCase, Person};
pub use deadlines::{deadlines, Deadline, DeadlineKind, DeadlineStatus};
pub use identity::{Identity, IdentityError, IdentityKind};
pub use phase::Phase;
pub use process::{Command, Ctx};
pub use profiles::{Profile, ProfileId};
pub use rules::{Finding, RuleId, Violation};
pub use views::evaluate::{evaluate, Evaluation, Step};
