//! The plan as the room sees it, in signals: one per text and one per list row, so that a keystroke changes one
//! text node of the big screen and nothing else.

use crate::engine::board::{BoardInsats, BoardLine, BoardView};
use leptos::prelude::*;

/// One insats on the board.
#[derive(Clone, Copy)]
pub struct LiveInsats {
    pub what: RwSignal<String>,
    pub who: RwSignal<String>,
    pub when: RwSignal<String>,
    pub place: RwSignal<String>,
    pub status: RwSignal<String>,
    pub mark: RwSignal<String>,
    pub decided: RwSignal<bool>,
}

#[derive(Clone, Copy)]
pub struct LiveBoard {
    /// False until a plan arrives, and again when the editor leaves or the app locks.
    pub shown: RwSignal<bool>,
    pub title: RwSignal<String>,
    pub first_name: RwSignal<String>,
    pub step: RwSignal<String>,
    pub state: RwSignal<String>,
    pub needs: RwSignal<Vec<RwSignal<String>>>,
    pub long_term_goal: RwSignal<String>,
    pub delmal: RwSignal<Vec<RwSignal<String>>>,
    pub insatser: RwSignal<Vec<LiveInsats>>,
    pub self_does: RwSignal<String>,
    pub help_needed: RwSignal<String>,
    /// "who: what they do" — one text per line, like the other lists.
    pub others: RwSignal<Vec<RwSignal<String>>>,
    pub contacts: RwSignal<Vec<RwSignal<String>>>,
    pub disagreements: RwSignal<Vec<RwSignal<String>>>,
    pub huvudansvarig: RwSignal<String>,
    pub follow_up: RwSignal<String>,
    pub changes_heading: RwSignal<String>,
    pub changes: RwSignal<Vec<RwSignal<String>>>,
    /// Rows made later (a message from the channel) live as long as the board.
    owner: StoredValue<Owner>,
}

/// Sets a signal only when the value differs: unchanged texts notify nothing.
fn put<T: PartialEq + Send + Sync + 'static>(s: RwSignal<T>, v: T) {
    if s.with_untracked(|x| *x != v) {
        s.set(v);
    }
}

impl LiveBoard {
    pub fn new() -> LiveBoard {
        let text = || RwSignal::new(String::new());
        LiveBoard {
            shown: RwSignal::new(false),
            title: text(),
            first_name: text(),
            step: text(),
            state: text(),
            needs: RwSignal::new(Vec::new()),
            long_term_goal: text(),
            delmal: RwSignal::new(Vec::new()),
            insatser: RwSignal::new(Vec::new()),
            self_does: text(),
            help_needed: text(),
            others: RwSignal::new(Vec::new()),
            contacts: RwSignal::new(Vec::new()),
            disagreements: RwSignal::new(Vec::new()),
            huvudansvarig: text(),
            follow_up: text(),
            changes_heading: text(),
            changes: RwSignal::new(Vec::new()),
            owner: StoredValue::new(Owner::current().unwrap_or_default()),
        }
    }

    /// A board showing one view (the printed plan, a read-only plan).
    pub fn of(view: &BoardView) -> LiveBoard {
        let live = LiveBoard::new();
        live.show(view);
        live
    }

    /// Rows of a list: the first ones keep their signals (changed only where their text changed), new rows are
    /// made, rows past the end go.
    fn rows<T: Copy + Send + Sync + 'static, V>(
        &self,
        list: RwSignal<Vec<T>>,
        values: &[V],
        make: impl Fn(&V) -> T,
        update: impl Fn(&T, &V),
    ) {
        let have = list.with_untracked(Vec::len);
        list.with_untracked(|rows| {
            for (row, v) in rows.iter().zip(values) {
                update(row, v);
            }
        });
        if have != values.len() {
            let extra: Vec<T> = self
                .owner
                .with_value(|o| o.with(|| values.iter().skip(have).map(&make).collect()));
            list.update(|rows| {
                rows.truncate(values.len());
                rows.extend(extra);
            });
        }
    }

    fn texts(&self, list: RwSignal<Vec<RwSignal<String>>>, values: &[String]) {
        self.rows(
            list,
            values,
            |v| RwSignal::new(v.clone()),
            |s, v| put(*s, v.clone()),
        );
    }

    fn lines(&self, list: RwSignal<Vec<RwSignal<String>>>, values: &[BoardLine]) {
        let texts: Vec<String> = values
            .iter()
            .map(|l| format!("{}: {}", l.who, l.text))
            .collect();
        self.texts(list, &texts);
    }

    /// Shows a view, touching only what changed.
    pub fn show(&self, v: &BoardView) {
        put(self.title, v.title.clone());
        put(self.first_name, v.first_name.clone());
        put(self.step, v.agenda_label().to_string());
        put(self.state, v.state.clone());
        self.texts(self.needs, &v.needs);
        put(self.long_term_goal, v.long_term_goal.clone());
        self.texts(self.delmal, &v.delmal);
        self.rows(
            self.insatser,
            &v.insatser,
            |i: &BoardInsats| LiveInsats {
                what: RwSignal::new(i.what.clone()),
                who: RwSignal::new(i.who.clone()),
                when: RwSignal::new(i.when.clone()),
                place: RwSignal::new(i.place.clone()),
                status: RwSignal::new(i.status.clone()),
                mark: RwSignal::new(i.mark.clone()),
                decided: RwSignal::new(i.decided),
            },
            |row, i| {
                put(row.what, i.what.clone());
                put(row.who, i.who.clone());
                put(row.when, i.when.clone());
                put(row.place, i.place.clone());
                put(row.status, i.status.clone());
                put(row.mark, i.mark.clone());
                put(row.decided, i.decided);
            },
        );
        put(self.self_does, v.self_does.clone());
        put(self.help_needed, v.help_needed.clone());
        self.lines(self.others, &v.others);
        self.lines(self.contacts, &v.contacts);
        self.texts(self.disagreements, &v.disagreements);
        put(self.huvudansvarig, v.huvudansvarig.clone());
        put(self.follow_up, v.follow_up.clone());
        put(self.changes_heading, v.changes_heading.clone());
        self.texts(self.changes, &v.changes);
        put(self.shown, true);
    }

    /// "Väntar på planen…": the editor left, or the app locked (and nothing of the plan stays on screen).
    pub fn clear(&self) {
        self.show(&BoardView::default());
        put(self.shown, false);
    }
}

impl Default for LiveBoard {
    fn default() -> Self {
        Self::new()
    }
}
