//! The one way from the draft: every change of the plan content goes to the big screen at once, and to the
//! engine — with it, the store — at most [`COMMIT_AFTER`] after the first change not yet given, however long the
//! typing goes on. That is the only delay between a keystroke and the disk. Nothing comes back into the draft, and
//! saving does not touch the board: the board follows the draft, not the stored case.

use crate::engine::model::PlanContent;
use leptos::prelude::*;
use std::rc::Rc;
use std::time::Duration;

/// Plan edits reach the engine at most this long after a keystroke: short, so that what was typed is sealed and
/// on disk while the page still runs (a page closed right after typing cannot be counted on to finish sealing).
pub const COMMIT_AFTER: Duration = Duration::from_millis(30);

/// Waits for a pause and then runs the job: the browser's timer in the app, a queue fired by hand in a test.
pub type Schedule = Rc<dyn Fn(Duration, Box<dyn FnOnce()>)>;

/// Connects a draft's content to the big screen (`board`, called with every change, and with whatever else it
/// reads: the agenda step, the plan's state) and to the engine (`commit`, false when the engine refused). Returns
/// `give`: gives the draft to the engine now (the page goes away, the app locks, focus leaves a field); true when
/// the engine has it.
pub fn connect(
    content: Memo<PlanContent>,
    board: impl Fn(&PlanContent) + 'static,
    commit: impl Fn(PlanContent) -> bool + 'static,
    schedule: Schedule,
) -> impl Fn() -> bool + Copy + 'static {
    let given = StoredValue::new_local(content.get_untracked());
    let waiting = StoredValue::new(false);
    let commit = StoredValue::new_local(Box::new(commit) as Box<dyn Fn(PlanContent) -> bool>);
    let give = move || -> bool {
        let Some(wanted) = content.try_get_untracked() else {
            return false;
        };
        if given.try_with_value(|g| *g == wanted) != Some(false) {
            return true;
        }
        let accepted = commit
            .try_with_value(|c| c(wanted.clone()))
            .unwrap_or(false);
        if accepted {
            given.set_value(wanted);
        }
        accepted
    };
    let board = StoredValue::new_local(Box::new(board) as Box<dyn Fn(&PlanContent)>);
    Effect::new(move |_| {
        content.with(|c| board.with_value(|b| b(c)));
        if !waiting.get_value() {
            waiting.set_value(true);
            schedule(
                COMMIT_AFTER,
                Box::new(move || {
                    if waiting.try_set_value(false).is_none() {
                        give();
                    }
                }),
            );
        }
    });
    give
}
