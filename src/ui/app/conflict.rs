//! Two tabs, one case: a write that meets a newer version from another tab keeps this tab's version in memory and
//! on screen and asks the user which to keep; a case another tab saved is marked stale until it is reloaded.

use super::state::{AppState, Conflict, SaveState};
use crate::engine::CaseId;
use crate::store::Vault;
use crate::ui::text;
use leptos::prelude::*;
use leptos::task::spawn_local;

impl AppState {
    /// A write met a newer version from another tab: keep this tab's version, read the other one, ask.
    pub(super) async fn conflicted(self, vault: &Vault, id: &str) {
        let Some(id) = CaseId::parse(id) else { return };
        let theirs = vault.peek_case(id).await.ok().flatten();
        let Some(ours) = self
            .pending
            .try_with_value(|ps| {
                ps.iter()
                    .find(|x| x.case.id() == id)
                    .map(|x| x.case.clone())
            })
            .flatten()
        else {
            return;
        };
        self.pending.try_update_value(|ps| {
            if let Some(x) = ps.iter_mut().find(|x| x.case.id() == id) {
                x.conflict = true;
            }
        });
        let their_changes = match &theirs {
            Some(t) => crate::engine::case::changes_since(&ours, t),
            None => vec![text::CONFLICT_DELETED.to_string()],
        };
        let _ = self.conflict.try_set(Some(Conflict {
            id,
            name: ours.person().name.clone(),
            their_changes,
            theirs,
        }));
    }

    /// The user keeps this tab's version: it is written over the other tab's.
    pub fn keep_mine(self) {
        let Some(c) = self.conflict.get_untracked() else {
            return;
        };
        let Some(vault) = self.vault() else { return };
        spawn_local(async move {
            // Based on what is stored now, the write goes through.
            let _ = vault.read_case(c.id).await;
            self.pending.try_update_value(|ps| {
                if let Some(x) = ps.iter_mut().find(|x| x.case.id() == c.id) {
                    x.conflict = false;
                }
            });
            let _ = self.conflict.try_set(None);
            let _ = self.write_all().await;
        });
    }

    /// The user takes the other tab's version: this tab's unsaved changes of that case are dropped.
    pub fn take_theirs(self) {
        let Some(c) = self.conflict.get_untracked() else {
            return;
        };
        self.pending
            .update_value(|ps| ps.retain(|x| x.case.id() != c.id));
        self.conflict.set(None);
        self.reload_case(c.id);
    }

    /// Replaces a case in memory with the stored version (another tab's) and rebuilds the open screens.
    pub fn reload_case(self, id: CaseId) {
        let Some(vault) = self.vault() else { return };
        spawn_local(async move {
            let stored = vault.read_case(id).await;
            if let Ok(Some(case)) = stored {
                self.put_summary(crate::engine::index::Summary::of(&case));
                let _ = self.cases.try_update(|cs| {
                    cs.retain(|c| c.id() != id);
                    cs.push(case);
                });
            }
            let _ = self.stale.try_update(|s| {
                s.remove(&id);
            });
            let _ = self.reloaded.try_update(|n| *n += 1);
            let still = self
                .pending
                .try_with_value(|p| !p.is_empty())
                .unwrap_or(false);
            if !still {
                let _ = self.save.try_set(SaveState::Saved);
            }
        });
    }
}
