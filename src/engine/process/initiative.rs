//! C. Preparation and initiative (R-INIT)

use super::{required, Ctx};
use crate::engine::case::Case;
use crate::engine::model::*;
use crate::engine::rules;
use crate::engine::set::VecSet;
use crate::engine::violation::{ensure, Violation};

impl Case {
    pub(super) fn set_preparation(&mut self, items: VecSet<PrepItem>) -> Result<String, Violation> {
        self.preparation = items;
        Ok("Förberedelsen med personen uppdaterad".into())
    }

    pub(super) fn send_initiative(
        &mut self,
        initiator: PartyId,
        recipients: Vec<PartyId>,
        reason: &str,
        urgency: Option<Urgency>,
        ctx: &Ctx,
    ) -> Result<String, Violation> {
        self.check_sip_steps(ctx.today())?;
        rules::need::r_need_9_initiator(self, initiator)?;
        ensure(
            self.initiative.is_none(),
            "R-INIT-1",
            "Initiativet är redan skickat.",
        )?;
        ensure(
            !recipients.is_empty(),
            "R-INIT-1",
            "Välj minst en mottagare av initiativet.",
        )?;
        for r in &recipients {
            self.known_party(*r)?;
            rules::consent::r_cons_11_actor_in_scope(self, *r)?;
        }
        let reason = required(
            reason,
            "en kort anledning till initiativet (\"behov av samordning av …\")",
            "R-INIT-3",
        )?;
        let urgency = rules::initiative::r_init_6_urgency(urgency)?;
        let mut seen = VecSet::new();
        let recipients: Vec<InitiativeRecipient> = recipients
            .into_iter()
            .filter(|r| *r != initiator && seen.insert(*r))
            .map(|party| InitiativeRecipient {
                party,
                sent: ctx.now,
                answer: None,
            })
            .collect();
        ensure(
            !recipients.is_empty(),
            "R-INIT-1",
            "Välj minst en mottagare utöver den egna enheten.",
        )?;
        let n = recipients.len();
        self.initiative = Some(Initiative {
            initiator,
            reason,
            urgency,
            sent: ctx.now,
            recipients,
        });
        // R-INIT-4: the initiating unit is samordningsansvarig and chairs the first meeting.
        if self.roles.samordningsansvarig.is_none() {
            self.roles.samordningsansvarig = Some(initiator);
            self.roles.chair = Some(initiator);
            self.roles.samordningsansvarig_person = ctx.who.to_string();
        }
        Ok(format!(
            "Initiativ skickat till {n} mottagare ({})",
            urgency.label_sv().to_lowercase()
        ))
    }

    pub(super) fn acknowledge_initiative(
        &mut self,
        recipient: PartyId,
        ctx: &Ctx,
    ) -> Result<String, Violation> {
        let r = self.initiative_recipient(recipient)?;
        r.answer = Some(InitiativeAnswer::Kvitterad { at: ctx.now });
        Ok("Initiativet kvitterat".into())
    }

    pub(super) fn decline_initiative(
        &mut self,
        recipient: PartyId,
        referral: &str,
        ctx: &Ctx,
    ) -> Result<String, Violation> {
        rules::initiative::r_init_1_referral(referral)?;
        let r = self.initiative_recipient(recipient)?;
        let referral = referral.trim().to_string();
        let log = format!("Initiativet nekat, hänvisat till {referral}");
        r.answer = Some(InitiativeAnswer::Nekad {
            at: ctx.now,
            referral,
        });
        Ok(log)
    }

    /// R-INIT-1: a recipient of the initiative that has not answered yet.
    fn initiative_recipient(
        &mut self,
        recipient: PartyId,
    ) -> Result<&mut InitiativeRecipient, Violation> {
        let r = self
            .initiative
            .as_mut()
            .and_then(|i| i.recipients.iter_mut().find(|r| r.party == recipient))
            .ok_or_else(|| {
                Violation::new("R-INIT-1", "Enheten är inte mottagare av initiativet.")
            })?;
        ensure(
            r.answer.is_none(),
            "R-INIT-1",
            "Mottagaren har redan svarat på initiativet.",
        )?;
        Ok(r)
    }
}
