//! The pure SIP domain: types, rules, calendar and regional profiles. No web-sys, no Leptos, no IndexedDB and no
//! clock: every function that needs "now" is given it.

pub mod case;
pub mod identity;
pub mod phase;
pub mod profiles;

pub use case::{Case, CaseDetails, CaseField, CaseId, FieldError, NewCase, Person};
pub use identity::{Identity, IdentityError, IdentityKind};
pub use phase::Phase;
pub use profiles::{Profile, ProfileId};
