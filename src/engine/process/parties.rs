//! The parties of a case: units and actors, guardians, representatives.

use super::text;
use crate::engine::case::Case;
use crate::engine::model::*;
use crate::engine::violation::{ensure, Violation};

impl Case {
    pub(super) fn add_party(&mut self, p: Party) -> Result<String, Violation> {
        let name = text(&p.name, "verksamhetens eller aktörens namn")?;
        let id = PartyId(self.new_id());
        self.parties.push(Party { id, name, ..p });
        Ok(format!(
            "Part tillagd: {}",
            self.parties[self.parties.len() - 1].name
        ))
    }

    pub(super) fn update_party(&mut self, p: Party) -> Result<String, Violation> {
        let name = text(&p.name, "verksamhetens eller aktörens namn")?;
        self.known_party(p.id)?;
        let log = format!("Part ändrad: {name}");
        if let Some(stored) = self.parties.iter_mut().find(|x| x.id == p.id) {
            *stored = Party { name, ..p };
        }
        Ok(log)
    }

    pub(super) fn remove_party(&mut self, id: PartyId) -> Result<String, Violation> {
        let name = self.known_party(id)?.name.clone();
        let in_use = self
            .initiative
            .as_ref()
            .is_some_and(|i| i.initiator == id || i.recipients.iter().any(|r| r.party == id))
            || self
                .kallelse
                .as_ref()
                .is_some_and(|k| k.recipients.iter().any(|r| r.party == id))
            || self
                .plans
                .iter()
                .any(|p| p.content.insatser.iter().any(|i| i.unit == id))
            || self.roles.samordningsansvarig == Some(id);
        if in_use {
            return Err(Violation::input(format!(
                "{name} finns i initiativ, kallelse eller plan och kan inte tas bort; historiken behålls."
            )));
        }
        self.parties.retain(|p| p.id != id);
        if let Some(c) = self.consent.as_mut() {
            c.parties.remove(&id);
        }
        Ok(format!("Part borttagen: {name}"))
    }

    pub(super) fn add_guardian(&mut self, name: &str, phone: &str) -> Result<String, Violation> {
        let name = text(name, "vårdnadshavarens namn")?;
        ensure(
            self.guardians.len() < 2,
            "R-CONS-6",
            "Ett barn har högst två vårdnadshavare.",
        )?;
        let id = self.new_id();
        let log = format!("Vårdnadshavare tillagd: {name}");
        self.guardians.push(Guardian {
            id,
            name,
            phone: phone.trim().to_string(),
        });
        Ok(log)
    }

    pub(super) fn remove_guardian(&mut self, id: u32) -> Result<String, Violation> {
        let given = self
            .consent
            .as_ref()
            .is_some_and(|c| c.given_by.contains(&Giver::Vardnadshavare(id)));
        ensure(
            !given,
            "R-CONS-6",
            "Vårdnadshavaren har lämnat samtycke och kan inte tas bort.",
        )?;
        ensure(
            self.guardians.iter().any(|g| g.id == id),
            "R-CONS-6",
            "Vårdnadshavaren finns inte.",
        )?;
        self.guardians.retain(|g| g.id != id);
        Ok("Vårdnadshavare borttagen".into())
    }

    pub(super) fn add_representative(
        &mut self,
        name: &str,
        kind: RepresentativeKind,
    ) -> Result<String, Violation> {
        let name = text(name, "företrädarens namn")?;
        let id = self.new_id();
        let log = format!("{} tillagd: {name}", kind.label_sv());
        self.representatives.push(Representative { id, name, kind });
        Ok(log)
    }
}
