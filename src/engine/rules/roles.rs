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

/// R-ROLE-2: at a meeting the coordination responsibility may move to a unit of either huvudman — decided by the
/// parties at the meeting, so a meeting must have been held.
pub fn r_role_2_hand_over(case: &Case, to: PartyId) -> Result<(), Violation> {
    ensure(
        !case.meetings().is_empty(),
        "R-ROLE-2",
        "Samordningsansvaret lämnas över på ett möte, där parterna bestämmer vem som har det fortsatta samordningsansvaret.",
    )?;
    ensure(
        case.party(to).and_then(|p| p.kind.huvudman()).is_some(),
        "R-ROLE-2",
        "Samordningsansvaret ligger hos en verksamhet i kommunen eller regionen.",
    )
}

/// R-ROLE-1: where one duty stands, as far as the case shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum DutyState {
    Done,
    NotYet,
    /// Not needed in this case (nothing was withdrawn).
    NotNeeded,
}

/// R-ROLE-1: the samordningsansvarig's duties, each with what the case already shows (a duty the app cannot see —
/// sending copies, guiding the person — stays "not yet" for the coordinator to keep track of).
pub fn r_role_1_duties(case: &Case) -> Vec<(&'static str, DutyState)> {
    use crate::engine::model::PlanState;
    let yes = |b: bool| {
        if b {
            DutyState::Done
        } else {
            DutyState::NotYet
        }
    };
    let plan = case.current_plan();
    let established = plan.is_some_and(|p| p.state() != PlanState::Utkast);
    let withdrawn = case.consent().is_some_and(|c| c.withdrawn.is_some());
    let states = [
        yes(case.roles().samordningsansvarig.is_some()),
        yes(case.roles().chair.is_some() || case.meetings().iter().any(|m| m.chair.is_some())),
        yes(case
            .kallelse()
            .is_some_and(|k| !k.participation.trim().is_empty())),
        yes(established && plan.is_some_and(|p| !p.content.contacts.is_empty())),
        DutyState::NotYet,
        yes(!case.follow_ups().is_empty()),
        yes(plan.is_some_and(|p| p.content.follow_up.is_some()) || !case.follow_ups().is_empty()),
        DutyState::NotYet,
        if withdrawn {
            yes(case
                .plans()
                .iter()
                .all(|p| p.state() == PlanState::Makulerad))
        } else {
            DutyState::NotNeeded
        },
        yes(case.meetings().iter().any(|m| m.sip_kollen_told)),
    ];
    R_ROLE_1_DUTIES.into_iter().zip(states).collect()
}

/// R-ROLE-3: who documents is decided beforehand.
pub fn r_role_3_documenter(case: &Case) -> Option<Finding> {
    let k = case.kallelse()?;
    k.documenter
        .trim()
        .is_empty()
        .then(|| Finding::record("R-ROLE-3", "Bestäm i förväg vem som dokumenterar på mötet."))
}
