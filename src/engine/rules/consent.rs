//! B. Consent (R-CONS)

use super::{ensure, Finding, Violation};
use crate::engine::case::Case;
use crate::engine::model::{
    Consent, ConsentForm, Giver, Guardian, InformationKind, PartyId, PartyKind,
};
use crate::engine::profiles::Profile;
use crate::engine::set::VecSet;
use chrono::NaiveDate;

/// R-CONS-1 (a): information exchange is needed before an initiative or kallelse shares anything.
pub fn r_cons_1_information_exchange(case: &Case) -> Result<(), Violation> {
    ensure(
        case.consent().is_some_and(|c| c.information_exchange && c.withdrawn.is_none()),
        "R-CONS-1",
        "Samtycke till informationsutbyte mellan parterna saknas. Det behövs innan initiativ eller kallelse skickas.",
    )
}

/// R-CONS-1 (b): consent that a SIP is established.
pub fn r_cons_1_establish(case: &Case) -> Result<(), Violation> {
    ensure(
        case.consent()
            .is_some_and(|c| c.establish_plan && c.withdrawn.is_none()),
        "R-CONS-1",
        "Samtycke till att en SIP upprättas saknas.",
    )
}

/// R-CONS-1 (b): a new consent cannot leave out that a SIP is established while an established plan runs; a person
/// who no longer wants it withdraws the consent (R-CONS-8), which voids the plan.
pub fn r_cons_1_keeps_established_plan(case: &Case, establish_plan: bool) -> Result<(), Violation> {
    let established = case
        .current_plan()
        .is_some_and(|p| p.state() != crate::engine::model::PlanState::Utkast);
    ensure(
        establish_plan || !established,
        "R-CONS-1",
        "Planen är upprättad: samtycket måste omfatta att en SIP upprättas. Vill personen inte längre ha en SIP, registrera att samtycket återkallas.",
    )
}

/// R-CONS-2: presumed consent only where the regional profile allows it.
pub fn r_cons_2_form(form: ConsentForm, profile: &Profile) -> Result<(), Violation> {
    ensure(
        form != ConsentForm::Presumerat || profile.presumed_consent_allowed,
        "R-CONS-2",
        format!("Presumerat samtycke används inte i profilen {}. Välj skriftligt, muntligt eller annat tecken.", profile.name),
    )
}

/// R-CONS-3: consent names who may take part of which information.
pub fn r_cons_3_scope(
    parties: &VecSet<PartyId>,
    information: &VecSet<InformationKind>,
) -> Result<(), Violation> {
    ensure(
        !parties.is_empty() && !information.is_empty(),
        "R-CONS-3",
        "Samtycket får inte vara generellt: välj vilka parter som får ta del av informationen och vilken information det gäller.",
    )
}

/// R-CONS-4: the last day a consent given on `given` may apply in this profile, when the profile caps it
/// (Västra Götaland: one year); `None` — the consent states how long it applies (Västmanland, national).
pub fn r_cons_4_max_valid_until(given: NaiveDate, profile: &Profile) -> Option<NaiveDate> {
    let months = profile.consent_max_months?;
    Some(
        given
            .checked_add_months(chrono::Months::new(months))
            .unwrap_or(given),
    )
}

/// R-CONS-4: the consent's end when the coordinator left it empty — the profile's cap — or a refusal asking how
/// long it applies where the profile has none.
pub fn r_cons_4_default_valid_until(
    given: NaiveDate,
    profile: &Profile,
) -> Result<NaiveDate, Violation> {
    r_cons_4_max_valid_until(given, profile).ok_or_else(|| {
        Violation::new(
            "R-CONS-4",
            "Ange hur länge samtycket gäller. Samtycket ska ange sin giltighetstid.",
        )
    })
}

/// R-CONS-4: the end the consent form suggests where the profile has no cap (the coordinator states the time; a
/// year is offered and can be changed). Where the profile caps it, the form is left empty: empty means the cap.
pub fn r_cons_4_suggested_valid_until(given: NaiveDate, profile: &Profile) -> Option<NaiveDate> {
    profile.consent_max_months.is_none().then(|| {
        given
            .checked_add_months(chrono::Months::new(12))
            .unwrap_or(given)
    })
}

/// R-CONS-4: a consent ends on or after the day it is given, and within the profile's cap.
pub fn r_cons_4_valid_until(
    given: NaiveDate,
    valid_until: NaiveDate,
    profile: &Profile,
) -> Result<(), Violation> {
    ensure(
        valid_until >= given,
        "R-CONS-4",
        "Samtycket kan inte gå ut innan det är givet.",
    )?;
    match r_cons_4_max_valid_until(given, profile) {
        Some(max) => ensure(
            valid_until <= max,
            "R-CONS-4",
            format!(
                "Samtycket gäller högst ett år i profilen {}: senast {}.",
                profile.name,
                crate::engine::calendar::iso(max)
            ),
        ),
        None => Ok(()),
    }
}

/// R-CONS-4: what the consent form says about its end, for this profile.
pub fn r_cons_4_hint_sv(given: Option<NaiveDate>, profile: &Profile) -> String {
    match given.and_then(|g| r_cons_4_max_valid_until(g, profile)) {
        Some(max) => format!(
            "Högst ett år: senast {}. Tomt fält ger ett år.",
            crate::engine::calendar::iso(max)
        ),
        None if profile.consent_max_months.is_some() => "Högst ett år.".to_string(),
        None => format!(
            "Ange hur länge samtycket gäller. Profilen {} har ingen övre gräns.",
            profile.name
        ),
    }
}

/// R-CONS-4: no new meetings and no sharing on expired consent.
pub fn r_cons_4_not_expired(case: &Case, today: NaiveDate) -> Result<(), Violation> {
    match case.consent() {
        Some(c) if c.valid_until < today => Err(Violation::new(
            "R-CONS-4",
            format!(
                "Samtycket gick ut {}. Ett nytt samtycke behövs innan nya möten eller informationsutbyte.",
                crate::engine::calendar::iso(c.valid_until)
            ),
        )),
        _ => Ok(()),
    }
}

/// R-CONS-4: warn within 30 days of expiry, and when the recorded consent has already expired.
pub fn r_cons_4_expiry_warning(case: &Case, today: NaiveDate) -> Option<Finding> {
    let c = case.consent().filter(|c| c.withdrawn.is_none())?;
    let left = (c.valid_until - today).num_days();
    if left < 0 {
        return Some(Finding::warn(
            "R-CONS-4",
            format!(
                "Samtycket gick ut {}. Ett nytt samtycke behövs innan nya möten eller informationsutbyte.",
                crate::engine::calendar::iso(c.valid_until)
            ),
        ));
    }
    (0..=30).contains(&left).then(|| {
        Finding::warn(
            "R-CONS-4",
            format!(
                "Samtycket går ut {} ({left} dagar kvar). Fråga om ett nytt samtycke.",
                crate::engine::calendar::iso(c.valid_until)
            ),
        )
    })
}

/// R-CONS-5: a refusal is documented after the person was told what a SIP means.
pub fn r_cons_5_refusal(case: &Case) -> Option<Finding> {
    let r = case.consent_refusal()?;
    (!r.informed).then(|| {
        Finding::record(
            "R-CONS-5",
            "Dokumentera att personen fick veta vad en SIP innebär innan nejet togs emot.",
        )
    })
}

/// R-CONS-6: a child judged mature enough has consented on their own.
pub fn mature_child_consented(case: &Case) -> bool {
    case.maturity().is_some()
        && case
            .consent()
            .is_some_and(|c| c.given_by.contains(&Giver::Personen))
}

/// R-CONS-6: a maturity assessment is recorded only for a child, and only where the profile lets a mature child
/// consent alone (Västmanland's guidance asks the guardians).
pub fn r_cons_6_maturity_allowed(
    case: &Case,
    profile: &Profile,
    today: NaiveDate,
) -> Result<(), Violation> {
    ensure(
        case.person().is_child_on(today) != Some(false),
        "R-CONS-6",
        "Personen är vuxen och samtycker själv.",
    )?;
    ensure(
        profile.mature_child_may_consent,
        "R-CONS-6",
        format!(
            "I profilen {} tillfrågas vårdnadshavarna om samtycke, även när barnet bedöms moget.",
            profile.name
        ),
    )
}

/// R-CONS-6: the guardians who have not consented, for a child on `on` (none for an adult, and none when a child
/// judged mature enough consented on their own).
pub fn missing_guardians(case: &Case, on: NaiveDate) -> Vec<&Guardian> {
    if case.person().is_child_on(on) != Some(true) || mature_child_consented(case) {
        return Vec::new();
    }
    let given: VecSet<Giver> = case
        .consent()
        .map(|c| c.given_by.clone())
        .unwrap_or_default();
    case.guardians()
        .iter()
        .filter(|g| !given.contains(&Giver::Vardnadshavare(g.id)))
        .collect()
}

/// R-CONS-6: a child's case is blocked until every guardian has consented (and guardians are registered).
pub fn r_cons_6_guardians(case: &Case, today: NaiveDate) -> Result<(), Violation> {
    if case.person().is_child_on(today) != Some(true) || mature_child_consented(case) {
        return Ok(());
    }
    ensure(
        !case.guardians().is_empty(),
        "R-CONS-6",
        "Personen är ett barn: registrera vårdnadshavarna. Vårdnadshavare samtycker för barnet.",
    )?;
    let missing = missing_guardians(case, today);
    ensure(
        missing.is_empty(),
        "R-CONS-6",
        format!(
            "Alla vårdnadshavare måste samtycka. Samtycke saknas från: {}.",
            missing
                .iter()
                .map(|g| g.name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    )
}

/// R-CONS-6: a child's consent is not the child's alone — the guardians give it — unless the child is judged mature
/// enough (a recorded assessment).
pub fn r_cons_6_not_the_child_alone(case: &Case, c: &Consent) -> Result<(), Violation> {
    let child = case.person().is_child_on(c.given) == Some(true);
    ensure(
        !(child
            && case.maturity().is_none()
            && c.given_by.len() == 1
            && c.given_by.contains(&Giver::Personen)),
        "R-CONS-6",
        "För ett barn lämnar vårdnadshavarna samtycket, om inte barnet bedöms moget att självt ta ställning.",
    )
}

/// R-CONS-6: the child's view is carried to the meeting.
pub fn r_cons_6_child_view(case: &Case, today: NaiveDate) -> Option<Finding> {
    (case.person().is_child_on(today) == Some(true) && case.child_view().trim().is_empty()).then(|| {
        Finding::record(
            "R-CONS-6",
            "Barnet ska tillfrågas och erbjudas att delta efter ålder och mognad. Skriv barnets synpunkter med barnets egna ord.",
        )
    })
}

/// R-CONS-7: consent may come from a registered representative (and guardians must be registered too).
pub fn r_cons_7_givers_known(case: &Case, givers: &VecSet<Giver>) -> Result<(), Violation> {
    for g in givers {
        match g {
            Giver::Personen => {}
            Giver::Vardnadshavare(id) => ensure(
                case.guardians().iter().any(|x| x.id == *id),
                "R-CONS-6",
                "Vårdnadshavaren finns inte i ärendet. Registrera vårdnadshavaren först.",
            )?,
            Giver::Foretradare(id) => ensure(
                case.representatives().iter().any(|x| x.id == *id),
                "R-CONS-7",
                "Företrädaren finns inte i ärendet. Registrera företrädaren (god man, förvaltare, framtidsfullmakt) först.",
            )?,
        }
    }
    ensure(
        !givers.is_empty(),
        "R-CONS-5",
        "Ange vem som gav samtycket.",
    )
}

/// R-CONS-8: who must be told when consent is withdrawn or the SIP ends: every party in the case.
pub fn r_cons_8_notification_list(case: &Case) -> Vec<PartyId> {
    case.parties().iter().map(|p| p.id).collect()
}

/// R-CONS-10: a digital meeting requires the person's consent.
pub fn r_cons_10_digital(case: &Case) -> Result<(), Violation> {
    ensure(
        case.consent().is_some_and(|c| c.digital_meeting),
        "R-CONS-10",
        "Ett digitalt möte kräver personens samtycke. Registrera samtycke till digitalt möte eller välj en plats.",
    )
}

/// R-CONS-11: another actor (not kommun or region) is invited or written into the plan only inside the consent
/// scope.
pub fn r_cons_11_actor_in_scope(case: &Case, party: PartyId) -> Result<(), Violation> {
    let Some(p) = case.party(party) else {
        return Err(Violation::new("R-CONS-11", "Parten finns inte i ärendet."));
    };
    if matches!(p.kind, PartyKind::Unit(_)) {
        return Ok(());
    }
    ensure(
        case.consent().is_some_and(|c| c.parties.contains(&party)),
        "R-CONS-11",
        format!("{} ingår inte i samtycket. Andra aktörer bjuds in och tas med i planen bara med personens samtycke.", p.name),
    )
}

/// R-CONS-12: the right to an interpreter; information adapted to the person.
pub fn r_cons_12_interpreter(case: &Case) -> Option<Finding> {
    let p = case.person();
    p.interpreter.then(|| {
        Finding::record(
            "R-CONS-12",
            format!(
                "Personen behöver tolk ({}). Boka tolk till mötet.",
                p.language
            ),
        )
    })
}

/// R-CONS-11: a new consent may not leave out an actor the live plan or the kallelse still includes.
pub fn r_cons_11_scope_keeps_actors_in_use(
    case: &Case,
    scope: &VecSet<PartyId>,
) -> Result<(), Violation> {
    let mut used: VecSet<PartyId> = case
        .current_plan()
        .map(|p| p.content.others_actions.iter().map(|a| a.party).collect())
        .unwrap_or_default();
    if let Some(k) = case.kallelse() {
        used.extend(k.recipients.iter().map(|r| r.party));
    }
    let outside: Vec<&str> = used
        .iter()
        .filter(|id| !scope.contains(id))
        .filter_map(|id| case.party(*id))
        .filter(|p| matches!(p.kind, PartyKind::Actor(_)))
        .map(|p| p.name.as_str())
        .collect();
    ensure(
        outside.is_empty(),
        "R-CONS-11",
        format!(
            "{} finns i planen eller kallelsen och måste ingå i samtycket. Ta bort dem där först.",
            outside.join(", ")
        ),
    )
}
