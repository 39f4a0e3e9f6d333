//! The parts of a SIP case beyond the person, one file per section of the rule catalogue: parties, need, consent,
//! initiative, kallelse, discharge, meetings and plans, follow-up, closing, and the record (messages, deviations,
//! roles, the event log). Plain data: every change goes through [`crate::engine::process`], which checks the rules;
//! a plan version's state changes only through its own named transitions.

mod closing;
mod consent;
mod discharge;
mod followup;
mod initiative;
mod kallelse;
mod need;
mod party;
mod plan;
mod record;

pub use closing::*;
pub use consent::*;
pub use discharge::*;
pub use followup::*;
pub use initiative::*;
pub use kallelse::*;
pub use need::*;
pub use party::*;
pub use plan::*;
pub use record::*;
