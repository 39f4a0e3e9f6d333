//! I. Roles (R-ROLE)

use super::{ensure, Finding, Violation};
use crate::engine::case::Case;
use crate::engine::model::PartyId;

/// R-ROLE-1: the samordningsansvarig's duties.
pub const R_ROLE_1_DUTIES: [&str; 10] = [
    "Stödja personen och vara kontaktperson för personen, närstående och alla inblandade",
    "Se till att en mötesledare utses",
    "Ge anpassad information och bjuda in närstående inför nästa möte",
    "Ge personen kontaktuppgifter och en kopia av planen",
    "Skicka kopior till övriga",
    "Följa upp planen",
    "Kalla till nästa möte",
    "Vägleda personen till rätt verksamhet",
    "Vid återkallat samtycke informera övriga och makulera planen",
    "Berätta om SIP-kollen",
];

/// R-ROLE-2: a new samordningsansvarig comes from the same huvudman.
pub fn r_role_2_same_huvudman(case: &Case, new: PartyId) -> Result<(), Violation> {
    let old = case
        .roles()
        .samordningsansvarig
        .and_then(|id| case.party(id))
        .and_then(|p| p.kind.huvudman());
    let next = case.party(new).and_then(|p| p.kind.huvudman());
    ensure(
        next.is_some() && (old.is_none() || old == next),
        "R-ROLE-2",
        "Samordningsansvarigs huvudman har kvar ansvaret och utser en ny samordningsansvarig inom sin verksamhet.",
    )
}

/// R-ROLE-3: who documents is decided beforehand.
pub fn r_role_3_documenter(case: &Case) -> Option<Finding> {
    let k = case.kallelse()?;
    k.documenter
        .trim()
        .is_empty()
        .then(|| Finding::record("R-ROLE-3", "Bestäm i förväg vem som dokumenterar på mötet."))
}
