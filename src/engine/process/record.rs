//! The case's record beyond the steps: its details, messages (R-INIT-7), the samordningsansvarig (R-ROLE-2) and
//! deviations (R-STAT-3).

use super::{required, text, Ctx};
use crate::engine::case::{Case, CaseDetails};
use crate::engine::model::*;
use crate::engine::rules::roles;
use crate::engine::violation::Violation;

impl Case {
    pub(super) fn change_details(
        &mut self,
        d: &CaseDetails,
        ctx: &Ctx,
    ) -> Result<String, Violation> {
        self.update_details(d, ctx.now)
            .map_err(|e| Violation::input(e.message_sv))?;
        Ok("Uppgifterna ändrades".into())
    }

    pub(super) fn add_message(
        &mut self,
        author: &str,
        body: &str,
        ctx: &Ctx,
    ) -> Result<String, Violation> {
        let author = required(author, "avsändare", "R-INIT-7")?;
        let text = required(body, "meddelandets text", "R-INIT-7")?;
        self.messages.push(Message {
            author,
            at: ctx.now,
            text,
        });
        Ok("Informationsmeddelande".into())
    }

    pub(super) fn reassign_samordningsansvarig(
        &mut self,
        party: PartyId,
        person: &str,
    ) -> Result<String, Violation> {
        self.known_party(party)?;
        roles::r_role_2_same_huvudman(self, party)?;
        let person = text(person, "namnet på den nya samordningsansvariga")?;
        let log = format!(
            "Samordningsansvarig ändrad från {} till {person}",
            self.roles.samordningsansvarig_person
        );
        self.roles.samordningsansvarig = Some(party);
        self.roles.samordningsansvarig_person = person;
        Ok(log)
    }

    pub(super) fn record_deviation(
        &mut self,
        rule: String,
        body: &str,
        ctx: &Ctx,
    ) -> Result<String, Violation> {
        let text = required(body, "en beskrivning av avvikelsen", "R-STAT-3")?;
        let log = format!("Avvikelse rapporterad ({rule})");
        self.deviations.push(Deviation {
            at: ctx.now,
            rule,
            text,
        });
        Ok(log)
    }
}
