//! D. Summons — kallelse (R-KALL)

use super::Ctx;
use crate::engine::case::Case;
use crate::engine::model::*;
use crate::engine::profiles::VoidOn;
use crate::engine::rules::{consent, kallelse as rules};
use crate::engine::set::VecSet;
use crate::engine::violation::{ensure, Violation};

impl Case {
    pub(super) fn send_kallelse(
        &mut self,
        draft: KallelseDraft,
        ctx: &Ctx,
    ) -> Result<String, Violation> {
        self.check_sip_steps(ctx.today())?;
        rules::r_kall_1_content(&draft)?;
        rules::r_kall_2_time_and_place(&draft)?;
        let follow_up = self.kallelse.is_some() || self.current_plan().is_some();
        ensure(
            !follow_up || self.may_call_follow_up(),
            "R-KALL-3",
            "Kallelsen är redan skickad. Till en uppföljning kallas när planen är upprättad och det kallade mötet är hållet.",
        )?;
        ensure(
            !draft.recipients.is_empty(),
            "R-KALL-4",
            "Välj vilka som kallas och bjuds in.",
        )?;
        let (Some(meeting_at), Some(place)) = (draft.meeting_at, draft.place.clone()) else {
            return Err(Violation::new("R-KALL-2", "Ange tid och plats."));
        };
        if place == Place::Digitalt {
            consent::r_cons_10_digital(self)?;
        }
        let mut recipients = Vec::new();
        let mut seen = VecSet::new();
        for id in draft.recipients.iter().filter(|id| seen.insert(**id)) {
            let party = self.known_party(*id)?;
            consent::r_cons_11_actor_in_scope(self, *id)?;
            let summoned = rules::r_kall_4_is_summoned(party, ctx.profile);
            recipients.push(KallelseRecipient {
                party: *id,
                summoned,
                answer: None,
            });
        }
        for q in &draft.questions {
            if let Some(p) = q.party {
                self.known_party(p)?;
            }
        }
        let n = recipients.len();
        if let Some(earlier) = self.kallelse.take() {
            self.earlier_kallelser.push(earlier);
        }
        // R-UPP-4: in a profile that voids the plan when the new meeting is called, the kallelse opens the new
        // version; otherwise the meeting does.
        let revised = if follow_up && ctx.profile.void_previous_plan_on == VoidOn::Kallelse {
            let v = self.new_version_of_current(ctx);
            format!("; ny planversion {v}, den tidigare är makulerad och sparad i historiken")
        } else {
            String::new()
        };
        self.kallelse = Some(Kallelse {
            purpose: draft.purpose.trim().to_string(),
            long_term_goal: draft.long_term_goal.trim().to_string(),
            questions: draft
                .questions
                .into_iter()
                .filter(|q| !q.text.trim().is_empty())
                .collect(),
            meeting_at,
            place,
            participation: draft.participation.trim().to_string(),
            recipients,
            documenter: draft.documenter.trim().to_string(),
            sent: ctx.now,
            meetings_before: u32::try_from(self.meetings.len()).unwrap_or(u32::MAX),
        });
        let what = if follow_up {
            "Kallelse till uppföljning"
        } else {
            "Kallelse"
        };
        Ok(format!("{what} skickad till {n} mottagare{revised}"))
    }

    pub(super) fn acknowledge_kallelse(
        &mut self,
        recipient: PartyId,
        attendee: &str,
        substitute: Option<String>,
        ctx: &Ctx,
    ) -> Result<String, Violation> {
        rules::r_kall_3_attendee(attendee)?;
        let Some(r) = self
            .kallelse
            .as_mut()
            .and_then(|k| k.recipients.iter_mut().find(|r| r.party == recipient))
        else {
            return Err(Violation::new(
                "R-KALL-3",
                "Mottagaren finns inte i kallelsen.",
            ));
        };
        let attendee = attendee.trim().to_string();
        let log = format!("Kallelsen kvitterad: {attendee} kommer");
        r.answer = Some(KallelseAnswer {
            at: ctx.now,
            attendee,
            substitute: substitute
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty()),
        });
        Ok(log)
    }
}
