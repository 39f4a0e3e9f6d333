//! R-UPP-4: the plan's versions and what changed between two of them ("Vad ändrades"), for the coordinator's
//! screen and the printout. Insatser are matched by their id (a new version copies them with their ids).

use crate::engine::calendar::iso;
use crate::engine::case::Case;
use crate::engine::model::{PartyId, PlanContent};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    Tillagd,
    Borttagen,
    Andrad,
}

impl ChangeKind {
    pub fn label_sv(self) -> &'static str {
        match self {
            ChangeKind::Tillagd => "Tillagt",
            ChangeKind::Borttagen => "Borttaget",
            ChangeKind::Andrad => "Ändrat",
        }
    }
}

/// One change: what part of the plan, how, and in words ("Hemtjänst: hur ofta: varje dag → två gånger i veckan").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanChange {
    pub area: &'static str,
    pub kind: ChangeKind,
    pub text: String,
}

fn change(area: &'static str, kind: ChangeKind, text: String) -> PlanChange {
    PlanChange { area, kind, text }
}

/// "a → b", with "(tomt)" for an empty side.
fn arrow(a: &str, b: &str) -> String {
    let side = |s: &str| {
        if s.trim().is_empty() {
            "(tomt)".to_string()
        } else {
            s.trim().to_string()
        }
    };
    format!("{} → {}", side(a), side(b))
}

/// Texts only in `old` are removed, texts only in `new` added (order does not matter).
fn texts(out: &mut Vec<PlanChange>, area: &'static str, old: &[String], new: &[String]) {
    for t in old.iter().filter(|t| !new.contains(t)) {
        out.push(change(area, ChangeKind::Borttagen, t.to_string()));
    }
    for t in new.iter().filter(|t| !old.contains(t)) {
        out.push(change(area, ChangeKind::Tillagd, t.to_string()));
    }
}

fn text(out: &mut Vec<PlanChange>, area: &'static str, old: &str, new: &str) {
    if old.trim() != new.trim() {
        out.push(change(area, ChangeKind::Andrad, arrow(old, new)));
    }
}

/// What changed from `old` to `new`, in the order of the plan (R-PLAN-1); empty when nothing did.
pub fn plan_diff(case: &Case, old: &PlanContent, new: &PlanContent) -> Vec<PlanChange> {
    let name = |p: Option<PartyId>| {
        p.and_then(|p| case.party(p))
            .map(|p| p.name.clone())
            .unwrap_or_default()
    };
    let mut out = Vec::new();
    let strs = |v: &[String]| {
        v.iter()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect::<Vec<_>>()
    };
    let (on, nn) = (strs(&old.needs), strs(&new.needs));
    texts(&mut out, "Behov", &on, &nn);
    text(
        &mut out,
        "Långsiktigt mål",
        &old.long_term_goal,
        &new.long_term_goal,
    );
    let goals = |c: &PlanContent| {
        c.delmal
            .iter()
            .map(|g| g.text.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
    };
    let (og, ng) = (goals(old), goals(new));
    texts(&mut out, "Delmål", &og, &ng);
    for o in &old.insatser {
        match new.insatser.iter().find(|n| n.id == o.id) {
            None => out.push(change(
                "Insats",
                ChangeKind::Borttagen,
                o.what.trim().to_string(),
            )),
            Some(n) => {
                let date = |d: Option<chrono::NaiveDate>| d.map(iso).unwrap_or_default();
                let status = |s: Option<crate::engine::model::ActivityStatus>| {
                    s.map(|s| s.label_sv().to_string()).unwrap_or_default()
                };
                let fields: Vec<String> = [
                    ("vad", o.what.clone(), n.what.clone()),
                    ("verksamhet", name(Some(o.unit)), name(Some(n.unit))),
                    ("ansvarig", o.responsible.clone(), n.responsible.clone()),
                    ("start", date(o.start), date(n.start)),
                    ("hur ofta", o.how_often.clone(), n.how_often.clone()),
                    ("var", o.place.clone(), n.place.clone()),
                    ("status", status(o.status), status(n.status)),
                ]
                .into_iter()
                .filter(|(_, a, b)| a.trim() != b.trim())
                .map(|(f, a, b)| format!("{f}: {}", arrow(&a, &b)))
                .collect();
                if !fields.is_empty() {
                    out.push(change(
                        "Insats",
                        ChangeKind::Andrad,
                        format!("{}: {}", n.what.trim(), fields.join("; ")),
                    ));
                }
            }
        }
    }
    for n in new
        .insatser
        .iter()
        .filter(|n| !old.insatser.iter().any(|o| o.id == n.id))
    {
        let unit = name(Some(n.unit));
        out.push(change(
            "Insats",
            ChangeKind::Tillagd,
            format!("{} ({unit})", n.what.trim()),
        ));
    }
    text(
        &mut out,
        "Det gör personen själv",
        &old.self_does,
        &new.self_does,
    );
    text(
        &mut out,
        "Det behöver personen hjälp med",
        &old.help_needed,
        &new.help_needed,
    );
    let others = |c: &PlanContent| {
        c.others_actions
            .iter()
            .map(|a| format!("{}: {}", name(Some(a.party)), a.text.trim()))
            .collect::<Vec<_>>()
    };
    let (oo, no) = (others(old), others(new));
    texts(&mut out, "Andra aktörers insatser", &oo, &no);
    let contacts = |c: &PlanContent| {
        c.contacts
            .iter()
            .map(|k| {
                format!(
                    "{} ({}), {}",
                    k.name.trim(),
                    name(Some(k.party)),
                    k.phone.trim()
                )
            })
            .collect::<Vec<_>>()
    };
    let (oc, nc) = (contacts(old), contacts(new));
    texts(&mut out, "Kontaktperson", &oc, &nc);
    text(
        &mut out,
        "Huvudansvarig",
        &name(old.huvudansvarig),
        &name(new.huvudansvarig),
    );
    let follow = |c: &PlanContent| {
        c.follow_up
            .as_ref()
            .map(|f| format!("{}, {}", iso(f.date), f.place.trim()))
            .unwrap_or_default()
    };
    text(&mut out, "Uppföljning", &follow(old), &follow(new));
    let (od, nd) = (strs(&old.disagreements), strs(&new.disagreements));
    texts(&mut out, "Det man inte är överens om", &od, &nd);
    out
}
