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

    /// R-ROLE-2: the samordningsansvarig left; another from the same huvudman takes over.
    pub(super) fn reassign_samordningsansvarig(
        &mut self,
        party: PartyId,
        person: &str,
        ctx: &Ctx,
    ) -> Result<String, Violation> {
        self.known_party(party)?;
        roles::r_role_2_same_huvudman(self, party)?;
        let person = text(person, "namnet på den nya samordningsansvariga")?;
        Ok(self.change_coordinator(CoordinatorChangeKind::Replacement, party, person, ctx))
    }

    /// R-ROLE-2: the parties decide at a meeting who coordinates from now on; it may move to the other huvudman.
    pub(super) fn hand_over_coordination(
        &mut self,
        party: PartyId,
        person: &str,
        ctx: &Ctx,
    ) -> Result<String, Violation> {
        self.known_party(party)?;
        roles::r_role_2_hand_over(self, party)?;
        let person = text(person, "namnet på den som tar över samordningsansvaret")?;
        Ok(self.change_coordinator(CoordinatorChangeKind::HandOverAtMeeting, party, person, ctx))
    }

    fn change_coordinator(
        &mut self,
        kind: CoordinatorChangeKind,
        party: PartyId,
        person: String,
        ctx: &Ctx,
    ) -> String {
        let unit = self
            .party(party)
            .map(|p| p.name.clone())
            .unwrap_or_default();
        let log = match kind {
            CoordinatorChangeKind::HandOverAtMeeting => format!(
                "Samordningsansvaret lämnat över på mötet från {} till {person} ({unit})",
                self.roles.samordningsansvarig_person
            ),
            CoordinatorChangeKind::Replacement => format!(
                "Samordningsansvarig ändrad från {} till {person} ({unit})",
                self.roles.samordningsansvarig_person
            ),
        };
        self.roles.history.push(CoordinatorChange {
            at: ctx.now,
            kind,
            from_party: self.roles.samordningsansvarig,
            from_person: std::mem::take(&mut self.roles.samordningsansvarig_person),
            to_party: party,
            to_person: person.clone(),
        });
        self.roles.samordningsansvarig = Some(party);
        self.roles.samordningsansvarig_person = person;
        log
    }

    /// R-STAT-2: the person was told about SIP-kollen at the latest meeting (one of the R-ROLE-1 duties).
    pub(super) fn record_sip_kollen_told(&mut self) -> Result<String, Violation> {
        let Some(m) = self
            .meetings
            .iter_mut()
            .rev()
            .find(|m| m.kind != MeetingKind::Utvardering)
        else {
            return Err(Violation::new(
                "R-STAT-2",
                "SIP-kollen tas upp i slutet av ett möte. Inget möte är hållet än.",
            ));
        };
        m.sip_kollen_told = true;
        Ok("Personen informerad om SIP-kollen".into())
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
