//! The plan as it is being written: one signal per field and per list row, rows that own their ids (an insats
//! gets its id when its row is made, and keeps it), and one memo of the plan content derived from them all — the
//! only thing the big screen and the engine are given. Nothing is read back from the engine into the draft.

use crate::engine::calendar::{iso, parse_iso};
use crate::engine::model::{
    ContactPerson, FollowUpPlan, Goal, Insats, OtherAction, PartyId, PlanContent,
};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct InsatsRow {
    pub key: u32,
    pub id: u32,
    pub unit: RwSignal<Option<PartyId>>,
    pub what: RwSignal<String>,
    pub responsible: RwSignal<String>,
    /// As typed in the date field (`2026-12-01`).
    pub start: RwSignal<String>,
    pub how_often: RwSignal<String>,
    pub place: RwSignal<String>,
}

impl InsatsRow {
    /// The insats as typed, or none without a unit (a row without one is not part of the plan yet).
    pub fn typed(&self) -> Option<Insats> {
        Some(Insats {
            id: self.id,
            what: self.what.get(),
            unit: self.unit.get()?,
            responsible: self.responsible.get(),
            start: parse_iso(&self.start.get()),
            how_often: self.how_often.get(),
            place: self.place.get(),
            decided: false,
            status: None,
            status_comment: String::new(),
        })
    }
}

/// What another actor (not kommun or region) does.
#[derive(Clone, Copy)]
pub struct ActorRow {
    pub key: u32,
    pub party: RwSignal<Option<PartyId>>,
    pub text: RwSignal<String>,
}

#[derive(Clone, Copy)]
pub struct ContactRow {
    pub key: u32,
    pub party: RwSignal<Option<PartyId>>,
    pub name: RwSignal<String>,
    pub phone: RwSignal<String>,
}

#[derive(Clone, Copy)]
pub struct Draft {
    /// One need per line.
    pub needs: RwSignal<String>,
    pub goal: RwSignal<String>,
    /// One delmål per line.
    pub delmal: RwSignal<String>,
    pub insatser: RwSignal<Vec<InsatsRow>>,
    pub self_does: RwSignal<String>,
    pub help_needed: RwSignal<String>,
    pub others: RwSignal<Vec<ActorRow>>,
    pub contacts: RwSignal<Vec<ContactRow>>,
    /// One disagreement per line.
    pub disagreements: RwSignal<String>,
    pub huvudansvarig: RwSignal<Option<PartyId>>,
    pub follow_date: RwSignal<String>,
    pub follow_place: RwSignal<String>,
    next_key: StoredValue<u32>,
    next_id: StoredValue<u32>,
    /// Rows made later live as long as the draft, not as long as the view that made them.
    owner: StoredValue<Owner>,
    /// The plan content, derived from every field.
    pub content: Memo<PlanContent>,
}

/// The non-empty lines of a text field, trimmed (one need, one delmål per line).
pub(super) fn lines(s: &str) -> Vec<String> {
    s.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

fn text(s: &str) -> RwSignal<String> {
    RwSignal::new(s.to_string())
}

/// The content of the fields (tracked: the memo follows every keystroke).
fn content_of(d: &DraftFields) -> PlanContent {
    PlanContent {
        needs: lines(&d.needs.get()),
        long_term_goal: d.goal.get().trim().to_string(),
        delmal: lines(&d.delmal.get())
            .into_iter()
            .map(|text| Goal { text })
            .collect(),
        insatser: d
            .insatser
            .get()
            .iter()
            .filter_map(InsatsRow::typed)
            .collect(),
        self_does: d.self_does.get(),
        help_needed: d.help_needed.get(),
        others_actions: d
            .others
            .get()
            .iter()
            .filter_map(|r| {
                Some(OtherAction {
                    party: r.party.get()?,
                    text: r.text.get(),
                })
            })
            .collect(),
        contacts: d
            .contacts
            .get()
            .iter()
            .filter_map(|r| {
                Some(ContactPerson {
                    party: r.party.get()?,
                    name: r.name.get(),
                    phone: r.phone.get(),
                })
            })
            .collect(),
        disagreements: lines(&d.disagreements.get()),
        huvudansvarig: d.huvudansvarig.get(),
        documenter: d.documenter.get_value(),
        follow_up: parse_iso(&d.follow_date.get()).map(|date| FollowUpPlan {
            date,
            place: d.follow_place.get(),
        }),
    }
}

/// The signals the memo reads (the draft without its memo).
#[derive(Clone, Copy)]
struct DraftFields {
    needs: RwSignal<String>,
    goal: RwSignal<String>,
    delmal: RwSignal<String>,
    insatser: RwSignal<Vec<InsatsRow>>,
    self_does: RwSignal<String>,
    help_needed: RwSignal<String>,
    others: RwSignal<Vec<ActorRow>>,
    contacts: RwSignal<Vec<ContactRow>>,
    disagreements: RwSignal<String>,
    huvudansvarig: RwSignal<Option<PartyId>>,
    follow_date: RwSignal<String>,
    follow_place: RwSignal<String>,
    documenter: StoredValue<String>,
}

impl Draft {
    /// A draft of `p`. A plan without contact persons starts with `default_contacts` (each unit's contact from
    /// Parter: unit, name, phone); `first_id` is the first insats id the case has not used.
    pub fn new(
        p: &PlanContent,
        default_contacts: Vec<(PartyId, String, String)>,
        documenter: String,
        first_id: u32,
    ) -> Draft {
        let mut key = 0;
        let mut next = || {
            key += 1;
            key
        };
        // Rows keep their insats's id; one without (0: never given to the engine) gets its own here.
        let used = p.insatser.iter().map(|i| i.id + 1).max().unwrap_or(1);
        let mut next_id = first_id.max(used);
        let mut own_id = |id: u32| {
            if id != 0 {
                return id;
            }
            next_id += 1;
            next_id - 1
        };
        let insatser: Vec<InsatsRow> = p
            .insatser
            .iter()
            .map(|i| InsatsRow {
                key: next(),
                id: own_id(i.id),
                unit: RwSignal::new(Some(i.unit)),
                what: text(&i.what),
                responsible: text(&i.responsible),
                start: text(&i.start.map(iso).unwrap_or_default()),
                how_often: text(&i.how_often),
                place: text(&i.place),
            })
            .collect();
        let others = p
            .others_actions
            .iter()
            .map(|a| ActorRow {
                key: next(),
                party: RwSignal::new(Some(a.party)),
                text: text(&a.text),
            })
            .collect();
        let contacts: Vec<(PartyId, String, String)> = if p.contacts.is_empty() {
            default_contacts
        } else {
            p.contacts
                .iter()
                .map(|c| (c.party, c.name.clone(), c.phone.clone()))
                .collect()
        };
        let contacts = contacts
            .into_iter()
            .map(|(party, name, phone)| ContactRow {
                key: next(),
                party: RwSignal::new(Some(party)),
                name: RwSignal::new(name),
                phone: RwSignal::new(phone),
            })
            .collect();
        let fields = DraftFields {
            needs: RwSignal::new(p.needs.join("\n")),
            goal: text(&p.long_term_goal),
            delmal: RwSignal::new(
                p.delmal
                    .iter()
                    .map(|g| g.text.as_str())
                    .collect::<Vec<_>>()
                    .join("\n"),
            ),
            insatser: RwSignal::new(insatser),
            self_does: text(&p.self_does),
            help_needed: text(&p.help_needed),
            others: RwSignal::new(others),
            contacts: RwSignal::new(contacts),
            disagreements: RwSignal::new(p.disagreements.join("\n")),
            huvudansvarig: RwSignal::new(p.huvudansvarig),
            follow_date: text(
                &p.follow_up
                    .as_ref()
                    .map(|f| iso(f.date))
                    .unwrap_or_default(),
            ),
            follow_place: text(
                &p.follow_up
                    .as_ref()
                    .map(|f| f.place.clone())
                    .unwrap_or_default(),
            ),
            documenter: StoredValue::new(if p.documenter.is_empty() {
                documenter
            } else {
                p.documenter.clone()
            }),
        };
        Draft {
            needs: fields.needs,
            goal: fields.goal,
            delmal: fields.delmal,
            insatser: fields.insatser,
            self_does: fields.self_does,
            help_needed: fields.help_needed,
            others: fields.others,
            contacts: fields.contacts,
            disagreements: fields.disagreements,
            huvudansvarig: fields.huvudansvarig,
            follow_date: fields.follow_date,
            follow_place: fields.follow_place,
            next_key: StoredValue::new(key + 1),
            next_id: StoredValue::new(next_id),
            owner: StoredValue::new(Owner::current().unwrap_or_default()),
            content: Memo::new(move |_| content_of(&fields)),
        }
    }

    fn key(&self) -> u32 {
        let k = self.next_key.get_value();
        self.next_key.set_value(k + 1);
        k
    }

    fn owned<T>(&self, make: impl FnOnce() -> T) -> T {
        self.owner.with_value(|o| o.with(make))
    }

    /// A new, empty insats of `unit`, with its own id.
    pub fn add_insats(&self, unit: PartyId) {
        let (key, id) = (self.key(), self.next_id.get_value());
        self.next_id.set_value(id + 1);
        let row = self.owned(|| InsatsRow {
            key,
            id,
            unit: RwSignal::new(Some(unit)),
            what: text(""),
            responsible: text(""),
            start: text(""),
            how_often: text(""),
            place: text(""),
        });
        self.insatser.update(|v| v.push(row));
    }

    pub fn add_actor(&self, party: Option<PartyId>) {
        let key = self.key();
        let row = self.owned(|| ActorRow {
            key,
            party: RwSignal::new(party),
            text: text(""),
        });
        self.others.update(|v| v.push(row));
    }

    pub fn add_contact(&self, party: Option<PartyId>) {
        let key = self.key();
        let row = self.owned(|| ContactRow {
            key,
            party: RwSignal::new(party),
            name: text(""),
            phone: text(""),
        });
        self.contacts.update(|v| v.push(row));
    }

    pub fn remove_insats(&self, key: u32) {
        self.insatser.update(|v| v.retain(|r| r.key != key));
    }

    pub fn remove_actor(&self, key: u32) {
        self.others.update(|v| v.retain(|r| r.key != key));
    }

    pub fn remove_contact(&self, key: u32) {
        self.contacts.update(|v| v.retain(|r| r.key != key));
    }

    /// The unit a new contact person is for: the first unit with an insats and no contact yet, else the first
    /// unit without a contact, else the first unit.
    pub fn next_contact_unit(&self, units: &[PartyId]) -> Option<PartyId> {
        let with_contact: Vec<PartyId> = self
            .contacts
            .get_untracked()
            .iter()
            .filter_map(|r| r.party.get_untracked())
            .collect();
        let in_plan: Vec<PartyId> = self
            .insatser
            .get_untracked()
            .iter()
            .filter_map(|r| r.unit.get_untracked())
            .collect();
        in_plan
            .iter()
            .chain(units)
            .copied()
            .find(|u| !with_contact.contains(u))
            .or_else(|| units.first().copied())
    }
}
