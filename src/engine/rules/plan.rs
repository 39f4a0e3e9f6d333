//! E. The meeting and the plan (R-PLAN)

use super::{ensure, Finding, Violation};
use crate::engine::case::Case;
use crate::engine::model::{
    Huvudman, Insats, MeetingKind, PartyId, PartyKind, PlanContent, PlanState, PlanVersion,
};
use crate::engine::profiles::Profile;
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// What R-PLAN-1 requires and a plan may still miss.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum PlanItem {
    Behov,
    LangsiktigtMal,
    Delmal,
    Insatser,
    InsatsAnsvarigPerson,
    InsatsNar,
    InsatsVar,
    VadPersonenGor,
    HjalpSomBehovs,
    Kontaktpersoner,
    Huvudansvarig,
    UppfoljningDatumOchPlats,
}

impl PlanItem {
    pub const ALL: [PlanItem; 12] = [
        PlanItem::Behov,
        PlanItem::LangsiktigtMal,
        PlanItem::Delmal,
        PlanItem::Insatser,
        PlanItem::InsatsAnsvarigPerson,
        PlanItem::InsatsNar,
        PlanItem::InsatsVar,
        PlanItem::VadPersonenGor,
        PlanItem::HjalpSomBehovs,
        PlanItem::Kontaktpersoner,
        PlanItem::Huvudansvarig,
        PlanItem::UppfoljningDatumOchPlats,
    ];

    pub fn label_sv(self) -> &'static str {
        use PlanItem::*;
        match self {
            Behov => "personens behov",
            LangsiktigtMal => "ett långsiktigt mål",
            Delmal => "minst ett delmål",
            Insatser => "minst en insats eller aktivitet",
            InsatsAnsvarigPerson => "namnet på den ansvariga personen för varje insats",
            InsatsNar => "när varje insats börjar och hur ofta",
            InsatsVar => "var varje insats ges",
            VadPersonenGor => "vad personen kan göra själv",
            HjalpSomBehovs => "vad personen behöver hjälp med",
            Kontaktpersoner => "en kontaktperson för varje verksamhet med insatser",
            Huvudansvarig => "vem som är huvudansvarig för SIP:en",
            UppfoljningDatumOchPlats => "datum och plats för uppföljning",
        }
    }

    /// The rule that asks for the item (follow-up date and place is R-PLAN-6 within R-PLAN-1).
    pub fn rule(self) -> &'static str {
        match self {
            PlanItem::UppfoljningDatumOchPlats => "R-PLAN-6",
            PlanItem::Huvudansvarig => "R-PLAN-12",
            _ => "R-PLAN-1",
        }
    }
}

fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

/// R-PLAN-1: what the plan still misses.
pub fn r_plan_1_missing(content: &PlanContent) -> Vec<PlanItem> {
    let mut m = Vec::new();
    if !content.needs.iter().any(|n| !blank(n)) {
        m.push(PlanItem::Behov);
    }
    if blank(&content.long_term_goal) {
        m.push(PlanItem::LangsiktigtMal);
    }
    if !content.delmal.iter().any(|g| !blank(&g.text)) {
        m.push(PlanItem::Delmal);
    }
    if content.insatser.is_empty() {
        m.push(PlanItem::Insatser);
    }
    if content.insatser.iter().any(|i| blank(&i.responsible)) {
        m.push(PlanItem::InsatsAnsvarigPerson);
    }
    if content
        .insatser
        .iter()
        .any(|i| i.start.is_none() || blank(&i.how_often))
    {
        m.push(PlanItem::InsatsNar);
    }
    if content.insatser.iter().any(|i| blank(&i.place)) {
        m.push(PlanItem::InsatsVar);
    }
    if blank(&content.self_does) {
        m.push(PlanItem::VadPersonenGor);
    }
    if blank(&content.help_needed) {
        m.push(PlanItem::HjalpSomBehovs);
    }
    let units: crate::engine::set::VecSet<PartyId> =
        content.insatser.iter().map(|i| i.unit).collect();
    let with_contact: crate::engine::set::VecSet<PartyId> = content
        .contacts
        .iter()
        .filter(|c| !blank(&c.name))
        .map(|c| c.party)
        .collect();
    if content.contacts.is_empty() || !units.is_subset(&with_contact) {
        m.push(PlanItem::Kontaktpersoner);
    }
    if content.huvudansvarig.is_none() {
        m.push(PlanItem::Huvudansvarig);
    }
    if content.follow_up.as_ref().is_none_or(|f| blank(&f.place)) {
        m.push(PlanItem::UppfoljningDatumOchPlats);
    }
    m
}

/// R-PLAN-1 (with R-PLAN-6): establishing is refused while anything is missing; the message lists it.
pub fn r_plan_1_complete(content: &PlanContent) -> Result<(), Violation> {
    let missing = r_plan_1_missing(content);
    let Some(first) = missing.first() else {
        return Ok(());
    };
    let rule = if missing.len() == 1 {
        first.rule()
    } else {
        "R-PLAN-1"
    };
    Err(Violation::new(
        rule,
        format!(
            "Planen kan inte upprättas. Det saknas: {}.",
            missing
                .iter()
                .map(|m| m.label_sv())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    ))
}

/// R-PLAN-1 for the current plan version (or the empty plan when there is none), without copying it.
pub fn r_plan_1_complete_current(plan: Option<&PlanVersion>) -> Result<(), Violation> {
    match plan {
        Some(p) => r_plan_1_complete(&p.content),
        None => r_plan_1_complete(&PlanContent::default()),
    }
}

/// R-PLAN-2: a goal starts with the person's first name and "vill / ska / får / kommer att".
pub fn r_plan_2_goal_ok(goal: &str, first_name: &str) -> bool {
    let g = goal.trim();
    if first_name.is_empty() {
        return true;
    }
    let Some(rest) = g.strip_prefix(first_name) else {
        return false;
    };
    // The name is a whole word: "Lisavill" is not "Lisa vill".
    if !rest.starts_with(char::is_whitespace) {
        return false;
    }
    let rest = rest.trim_start();
    ["vill ", "ska ", "får ", "kommer att "]
        .iter()
        .any(|v| rest.starts_with(v))
}

/// R-PLAN-2: the lint as a finding.
pub fn r_plan_2_goal_lint(goal: &str, first_name: &str) -> Option<Finding> {
    (!blank(goal) && !r_plan_2_goal_ok(goal, first_name)).then(|| {
        Finding::warn(
            "R-PLAN-2",
            format!("Skriv målet utifrån personen: börja med \"{first_name} vill …\", \"{first_name} ska …\", \"{first_name} får …\" eller \"{first_name} kommer att …\"."),
        )
    })
}

/// R-PLAN-3: what an insats still lacks to be concrete.
pub fn r_plan_3_missing(insats: &Insats) -> Vec<&'static str> {
    let mut m = Vec::new();
    if insats.start.is_none() {
        m.push("när den börjar");
    }
    if blank(&insats.how_often) {
        m.push("hur ofta");
    }
    if blank(&insats.place) {
        m.push("var");
    }
    if blank(&insats.responsible) {
        m.push("av vem");
    }
    m
}

pub fn r_plan_3_lint(insats: &Insats) -> Option<Finding> {
    let m = r_plan_3_missing(insats);
    (!m.is_empty()).then(|| {
        let what = if blank(&insats.what) {
            "Insatsen".to_string()
        } else {
            format!("Insatsen \"{}\"", insats.what.trim())
        };
        Finding::warn("R-PLAN-3", format!("{what} saknar: {}.", m.join(", ")))
    })
}

/// R-PLAN-4: no unit decides on another unit's insats.
pub fn r_plan_4_own_unit(insats: &Insats, by: PartyId) -> Result<(), Violation> {
    ensure(
        insats.unit == by,
        "R-PLAN-4",
        "Ingen verksamhet får besluta om en annan verksamhets insatser. Insatsen markeras som beslutad av en deltagare från den egna verksamheten.",
    )
}

/// R-PLAN-5: disagreement is written into the plan.
pub fn r_plan_5_disagreements(content: &PlanContent) -> Option<Finding> {
    (!content.disagreements.is_empty()).then(|| {
        Finding::record(
            "R-PLAN-5",
            match content.disagreements.len() {
                1 => "Oenighet är inskriven i planen (1 punkt).".to_string(),
                n => format!("Oenighet är inskriven i planen ({n} punkter)."),
            },
        )
    })
}

/// R-PLAN-8: the agenda of meeting mode, in the order of the source: the frame, purpose and questions, what the
/// person wants help with, where they want to get, how to get there, how it has gone (change, continue or close),
/// then the summary.
pub const R_PLAN_8_AGENDA: [(&str, &str); 7] = [
    ("ramar", "Ramar: sekretess, samtycke, tid och pauser"),
    ("syfte", "Syfte och personens frågor"),
    ("hjalp", "Vad vill du ha hjälp med?"),
    ("mal", "Vart vill du nå?"),
    ("vag", "Hur når vi dit?"),
    (
        "hur-gick-det",
        "Hur har det gått? Ändra, fortsätta eller avsluta?",
    ),
    ("sammanfattning", "Sammanfattning och nästa steg"),
];

/// R-PLAN-9: the plan is personal: "Lisas plan" (no extra s after s, x or z).
pub fn r_plan_9_title(first_name: &str) -> String {
    if first_name.is_empty() {
        return "Min plan".to_string();
    }
    let genitive = if first_name.ends_with(['s', 'x', 'z', 'S', 'X', 'Z']) {
        first_name.to_string()
    } else {
        format!("{first_name}s")
    };
    format!("{genitive} plan")
}

/// R-PLAN-10: only the samordningsansvarig signs and locks.
pub fn r_plan_10_by_coordinator(case: &Case, by: PartyId, what: &str) -> Result<(), Violation> {
    ensure(
        case.roles().samordningsansvarig == Some(by),
        "R-PLAN-10",
        format!("Bara samordningsansvarig kan {what} planen."),
    )
}

/// R-PLAN-10: the person's agreement (VGR) or the printed signatures (Västmanland) are recorded.
pub fn r_plan_10_agreement(
    case: &Case,
    profile: &crate::engine::profiles::Profile,
) -> Option<Finding> {
    let plan = case
        .current_plan()
        .filter(|p| p.state() == PlanState::Last)?;
    if profile.ask_person_agreement && plan.person_agrees.is_none() {
        return Some(Finding::record(
            "R-PLAN-10",
            "Fråga personen om hen samtycker till planeringen och dokumentera svaret.",
        ));
    }
    if profile.printed_plan_signed && !plan.printed_signatures {
        return Some(Finding::record(
            "R-PLAN-10",
            "Personen och samordningsansvarig skriver under den utskrivna planen. Dokumentera att det är gjort.",
        ));
    }
    None
}

/// R-PLAN-11: who gets a copy: the person, and the parties the person approved (the consent scope).
pub fn r_plan_11_copy_to(case: &Case) -> Vec<PartyId> {
    let scope = case
        .consent()
        .map(|c| c.parties.clone())
        .unwrap_or_default();
    case.parties()
        .iter()
        .filter(|p| scope.contains(&p.id))
        .map(|p| p.id)
        .collect()
}

/// R-PLAN-12: the huvudansvarig is a huvudman's unit.
pub fn r_plan_12_huvudansvarig(case: &Case, party: Option<PartyId>) -> Result<(), Violation> {
    let Some(id) = party else { return Ok(()) };
    ensure(
        case.party(id)
            .is_some_and(|p| matches!(p.kind, PartyKind::Unit(_))),
        "R-PLAN-12",
        "Huvudansvarig för SIP:en är en av huvudmännens verksamheter (kommun eller region).",
    )
}

/// R-PLAN-13: a SIP does not replace each unit's own records.
pub const R_PLAN_13_SV: &str = "En SIP ersätter inte verksamheternas egen dokumentation.";

/// R-PLAN-14: the KVÅ code a region unit records for a meeting, in this profile: Västra Götaland AU124 when a SIP is
/// established, AU125 at discharge, AW010 at follow-up; Västmanland AU124 for every physical meeting. `None` where
/// the profile codes nothing for it (a digital meeting where only physical ones are coded).
pub fn r_plan_14_kva(
    kind: MeetingKind,
    at_discharge: bool,
    digital: bool,
    profile: &Profile,
) -> Option<&str> {
    let codes = &profile.kva;
    if digital && codes.physical_only {
        return None;
    }
    let code = match (kind, at_discharge) {
        (MeetingKind::Planering, true) => codes.discharge.as_ref().or(codes.planning.as_ref()),
        (MeetingKind::Planering, false) => codes.planning.as_ref(),
        (MeetingKind::Uppfoljning | MeetingKind::Utvardering, _) => codes.follow_up.as_ref(),
    };
    code.map(String::as_str)
}

/// R-PLAN-14: the code for one unit — only the region's units code KVÅ; a kommun unit or another actor none.
pub fn r_plan_14_kva_for_unit<'p>(
    unit: &PartyKind,
    kind: MeetingKind,
    at_discharge: bool,
    digital: bool,
    profile: &'p Profile,
) -> Option<&'p str> {
    (unit.huvudman() == Some(Huvudman::Region))
        .then(|| r_plan_14_kva(kind, at_discharge, digital, profile))
        .flatten()
}

/// R-PLAN-14 in words, for the meeting screens: which code the region's units record, and that kommun units code
/// none.
pub fn r_plan_14_kva_sv(
    kind: MeetingKind,
    at_discharge: bool,
    digital: bool,
    profile: &Profile,
) -> String {
    match r_plan_14_kva(kind, at_discharge, digital, profile) {
        Some(code) => {
            format!("KVÅ-kod för regionens enheter: {code}. Kommunens enheter kodar inte KVÅ.")
        }
        None if digital && profile.kva.physical_only => format!(
            "Ingen KVÅ-kod: i profilen {} kodas bara fysiska möten.",
            profile.name
        ),
        None => "Ingen KVÅ-kod för det här mötet.".to_string(),
    }
}

/// R-PLAN-15: the agreed plan stays available ten years before it is archived.
pub fn r_plan_15_retention(plan: &PlanVersion) -> Option<NaiveDate> {
    let d = plan.locked().or(plan.established())?.date();
    d.with_year(d.year() + 10)
        .or_else(|| d.with_day(28).and_then(|x| x.with_year(d.year() + 10)))
}
