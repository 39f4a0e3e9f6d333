//! The pages outside a case's steps: the lock gate, the case register, a new case, Att göra, the case page (its
//! shell and overview), settings, the accessibility statement and the printouts.

pub mod arende;
pub mod arenden;
pub mod att_gora;
pub mod gate;
pub mod installningar;
pub mod nytt_arende;
pub mod sakerhetskopia;
pub mod samordning;
pub mod tillganglighet;
pub mod utskrift;
