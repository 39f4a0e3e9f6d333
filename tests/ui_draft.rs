//! The plan editor's data path, natively with a reactive owner (no browser): typing goes to the big screen at every
//! keystroke and to the engine once per pause; saving does not re-run the board.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use any_spawner::Executor;
use common::*;
use leptos::prelude::*;
use sip_planen::engine::model::PlanContent;
use sip_planen::ui::steg::mote::draft::Draft;
use sip_planen::ui::steg::mote::sync::{connect, Schedule, COMMIT_AFTER};
use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

type Job = (Duration, Box<dyn FnOnce()>);

/// Timers a test fires by hand.
#[derive(Clone, Default)]
struct Timers(Rc<RefCell<Vec<Job>>>);

impl Timers {
    fn schedule(&self) -> Schedule {
        let queue = self.0.clone();
        Rc::new(move |after, job| queue.borrow_mut().push((after, job)))
    }

    fn pending(&self) -> usize {
        self.0.borrow().len()
    }

    /// The pause is over: every waiting job runs.
    fn fire(&self) {
        let jobs: Vec<_> = self.0.borrow_mut().drain(..).collect();
        for (after, job) in jobs {
            assert_eq!(after, COMMIT_AFTER);
            job();
        }
    }
}

fn settle() {
    Executor::poll_local();
}

/// A draft of Lisa's plan at the meeting, connected: returns the draft, the contents the board was given, the
/// contents the engine was given, the stored content (what a save writes), and the timers.
struct Setup {
    draft: Draft,
    board: Rc<RefCell<Vec<PlanContent>>>,
    commits: Rc<RefCell<Vec<PlanContent>>>,
    stored: RwSignal<PlanContent>,
    timers: Timers,
    give: Box<dyn Fn() -> bool>,
}

fn setup() -> Setup {
    let _ = Executor::init_futures_executor();
    let mut w = World::adult();
    let (k, r) = w.advance_to_meeting();
    w.ok(sip_planen::engine::Command::UpdatePlan(w.full_plan(k, r)));
    let plan = w.case.current_plan().unwrap().content.clone();
    let draft = Draft::new(&plan, Vec::new(), "Anna".into(), w.case.next_free_id());
    let board = Rc::new(RefCell::new(Vec::new()));
    let commits = Rc::new(RefCell::new(Vec::new()));
    let stored = RwSignal::new(plan);
    let timers = Timers::default();
    let (b, c) = (board.clone(), commits.clone());
    let give = connect(
        draft.content,
        move |content| b.borrow_mut().push(content.clone()),
        move |content| {
            // What the app does: the engine applies it and the case is saved (a new stored value).
            c.borrow_mut().push(content.clone());
            stored.set(content);
            true
        },
        timers.schedule(),
    );
    settle();
    Setup {
        draft,
        board,
        commits,
        stored,
        timers,
        give: Box::new(give),
    }
}

fn type_into(field: RwSignal<String>, text: &str) {
    for c in text.chars() {
        field.update(|s| s.push(c));
        settle();
    }
}

#[test]
fn typing_reaches_the_board_at_every_key_and_the_engine_once_per_pause() {
    let owner = Owner::new();
    owner.set();
    let s = setup();
    assert_eq!(
        s.board.borrow().len(),
        1,
        "the board gets the plan once at the start"
    );
    s.draft.goal.set(String::new());
    settle();
    s.timers.fire();
    s.board.borrow_mut().clear();
    s.commits.borrow_mut().clear();

    type_into(s.draft.goal, "Lisa vill cykla");
    // One board update per keystroke that changes the plan (a trailing space does not: goals are trimmed).
    assert_eq!(s.board.borrow().len(), 13, "one board update per keystroke");
    assert_eq!(
        s.board.borrow().last().map(|c| c.long_term_goal.clone()),
        Some("Lisa vill cykla".to_string())
    );
    assert!(
        s.commits.borrow().is_empty(),
        "nothing reaches the engine while typing"
    );
    assert_eq!(
        s.timers.pending(),
        1,
        "one pause is waited for, not one per key"
    );
    s.timers.fire();
    settle();
    assert_eq!(s.commits.borrow().len(), 1, "one UpdatePlan per pause");
    assert_eq!(s.commits.borrow()[0].long_term_goal, "Lisa vill cykla");
    assert_eq!(s.stored.get_untracked().long_term_goal, "Lisa vill cykla");

    // The save changed the stored case: the board is not run again.
    assert_eq!(
        s.board.borrow().len(),
        13,
        "saving does not re-run the board"
    );

    // The next pause: one more commit with what was typed since.
    type_into(s.draft.help_needed, " och handla");
    assert_eq!(s.timers.pending(), 1);
    s.timers.fire();
    settle();
    assert_eq!(s.commits.borrow().len(), 2);
    assert!(s.commits.borrow()[1].help_needed.ends_with(" och handla"));
    // A pause with nothing new gives nothing.
    s.draft.goal.set("Lisa vill cykla".into());
    settle();
    s.timers.fire();
    assert_eq!(s.commits.borrow().len(), 2);
}

#[test]
fn a_page_going_away_gives_the_draft_at_once_and_rows_own_their_ids() {
    let owner = Owner::new();
    owner.set();
    let s = setup();
    s.timers.fire();
    s.commits.borrow_mut().clear();
    let unit = s.draft.content.get_untracked().insatser[0].unit;
    s.draft.add_insats(unit);
    settle();
    let ids: Vec<u32> = s
        .draft
        .insatser
        .get_untracked()
        .iter()
        .map(|r| r.id)
        .collect();
    assert_eq!(ids.len(), 3);
    let mut unique = ids.clone();
    unique.dedup();
    assert_eq!(
        unique.len(),
        3,
        "every row has its own id from the start: {ids:?}"
    );
    assert!(ids.iter().all(|id| *id != 0));
    // The page goes away before the pause is over: the draft is given now, the new row with its id.
    assert!((s.give)());
    assert_eq!(s.commits.borrow().len(), 1);
    assert_eq!(
        s.commits.borrow()[0].insatser.last().map(|i| i.id),
        ids.last().copied()
    );
    // Nothing is read back: the draft's rows are the same rows.
    let after: Vec<u32> = s
        .draft
        .insatser
        .get_untracked()
        .iter()
        .map(|r| r.id)
        .collect();
    assert_eq!(after, ids);
    // A draft of a plan whose insatser have no ids yet (0) gives each row its own.
    let mut bare = s.stored.get_untracked();
    for i in bare.insatser.iter_mut() {
        i.id = 0;
    }
    let d = Draft::new(&bare, Vec::new(), String::new(), 10);
    let fresh: Vec<u32> = d.insatser.get_untracked().iter().map(|r| r.id).collect();
    assert_eq!(fresh, vec![10, 11, 12]);
}

/// The setup form's hint names the store's minimum passphrase length.
#[test]
fn passphrase_hint_names_the_minimum_length() {
    let min = sip_planen::store::MIN_PASSPHRASE_CHARS.to_string();
    assert!(sip_planen::ui::text::SETUP_PASS_HINT.starts_with(&format!("Minst {min} tecken")));
}

/// R-STAT-2: the SIP-kollen address as a QR code: the three finder squares are where a reader looks for them, inside
/// the quiet zone of four modules.
#[test]
fn the_sip_kollen_qr_code_has_its_finder_patterns() {
    use sip_planen::engine::rules::stats::SIP_KOLLEN_URL;
    let (size, d) = sip_planen::ui::components::qr_path(SIP_KOLLEN_URL).expect("encodable");
    let n = size - 8;
    assert!(n >= 21 && (n - 17) % 4 == 0, "a QR version's size: {n}");
    for (x, y) in [(4, 4), (4 + n - 1, 4), (4, 4 + n - 1), (4 + 6, 4 + 6)] {
        assert!(
            d.contains(&format!("M{x} {y}h1v1h-1z")),
            "module {x},{y} is dark"
        );
    }
    // The quiet zone and the ring inside a finder square stay light.
    assert!(!d.contains("M3 3h"), "quiet zone");
    assert!(
        !d.contains("M5 5h1v1h-1z"),
        "light ring of the finder square"
    );
    assert_ne!(
        sip_planen::ui::components::qr_path("https://example.se")
            .unwrap()
            .1,
        d
    );
}
