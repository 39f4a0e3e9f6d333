//! The shared widgets. Fields and choices carry their label, hint and error; `Explain`, `Findings` and
//! `DeadlineList` show the engine's own words with the rule id; the notices are the app's.

mod action;
mod choices;
mod deadlines;
mod explain;
mod field;
mod findings;
mod notices;
mod qr;

pub use action::Action;
pub use choices::{CheckSet, Checkbox, PartySelect, ProfileSelect, RadioGroup};
pub use deadlines::{status_class, DeadlineList};
pub use explain::Explain;
pub use field::Field;
pub use findings::Findings;
pub use notices::{ConflictNotice, Notice, SaveStatus};
pub use qr::{qr_path, qr_svg, Qr};
