//! Projections: what each screen shows, computed from a case. The UI shows these and computes no rule itself.
//! `evaluate` (where the case stands, what can be done, what blocks it and why), `board` (the plan as the room
//! sees it, with `redact` deciding what numbers it hides) and the paper copy.

pub mod board;
mod board_wire;
pub mod evaluate;
pub mod meeting;
pub mod person;
pub mod redact;
pub mod versions;
