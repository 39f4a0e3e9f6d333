//! G. Closing (R-AVSL) and a new process after it (R-CONS-9).

use super::Ctx;
use crate::engine::case::Case;
use crate::engine::model::*;
use crate::engine::phase::Phase;
use crate::engine::rules::closing as rules;
use crate::engine::violation::{ensure, Violation};

impl Case {
    pub(super) fn close(
        &mut self,
        reason: ClosingReason,
        participants: Vec<String>,
        comment: &str,
        person_took_part: bool,
        at_meeting: bool,
        ctx: &Ctx,
    ) -> Result<String, Violation> {
        rules::r_avsl_1_reason(reason, comment, person_took_part)?;
        // R-CONS-8: consent withdrawn ends the SIP and voids the plan — one record, whichever way it is entered.
        if reason == ClosingReason::SamtyckeAterkallat {
            let r = self.end_by_withdrawal(participants, comment, ctx);
            if let Some(c) = self.closing.as_mut() {
                c.at_meeting = at_meeting;
            }
            return r;
        }
        self.record_closing(reason, participants, comment, person_took_part, ctx);
        if let Some(c) = self.closing.as_mut() {
            c.at_meeting = at_meeting;
        }
        Ok(format!("SIP avslutad: {}", reason.label_sv()))
    }

    /// R-CONS-8 / R-AVSL-1: the consent is withdrawn: every plan version is voided and the SIP ends, recorded once
    /// as a closing with that reason (the person made the decision).
    pub(super) fn end_by_withdrawal(
        &mut self,
        participants: Vec<String>,
        comment: &str,
        ctx: &Ctx,
    ) -> Result<String, Violation> {
        let Some(c) = self.consent.as_mut().filter(|c| c.withdrawn.is_none()) else {
            return Err(Violation::new(
                "R-CONS-8",
                "Det finns inget gällande samtycke att återkalla.",
            ));
        };
        c.withdrawn = Some(ctx.today());
        self.void_live_plans(ctx.now);
        self.record_closing(
            ClosingReason::SamtyckeAterkallat,
            participants,
            comment,
            true,
            ctx,
        );
        let told: Vec<&str> = crate::engine::rules::consent::r_cons_8_notification_list(self)
            .iter()
            .filter_map(|id| self.party(*id))
            .map(|p| p.name.as_str())
            .collect();
        Ok(format!(
            "Samtycket återkallat; SIP:en upphör och planen makuleras. Informera: {}",
            told.join(", ")
        ))
    }

    fn record_closing(
        &mut self,
        reason: ClosingReason,
        participants: Vec<String>,
        comment: &str,
        person_took_part: bool,
        ctx: &Ctx,
    ) {
        let notify = rules::r_avsl_3_notification_list(self);
        self.closing = Some(Closing {
            notify,
            reason,
            at: ctx.now,
            participants: participants
                .into_iter()
                .map(|p| p.trim().to_string())
                .filter(|p| !p.is_empty())
                .collect(),
            comment: comment.trim().to_string(),
            person_took_part,
            at_meeting: false,
        });
    }

    /// R-CONS-9: a new process starts without consent; the history (plans, log) is kept.
    pub(super) fn restart(&mut self, phase: Phase, ctx: &Ctx) -> Result<String, Violation> {
        ensure(
            phase.is_closed() && phase != Phase::SamordnadVardplan,
            "R-CONS-9",
            "Bara en avslutad process kan startas om.",
        )?;
        self.void_live_plans(ctx.now);
        self.consent = None;
        self.consent_refusal = None;
        self.initiative = None;
        self.kallelse = None;
        self.closing = None;
        self.follow_ups.clear();
        self.meetings.clear();
        self.roles = Roles::default();
        let mut need = self.need();
        need.detected = ctx.today();
        need.request = None;
        self.need = Some(need);
        Ok("Ny SIP-process startad; nytt samtycke behövs".into())
    }
}
