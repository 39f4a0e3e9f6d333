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
        ctx: &Ctx,
    ) -> Result<String, Violation> {
        rules::r_avsl_1_reason(reason, comment)?;
        if reason == ClosingReason::SamtyckeAterkallat {
            ensure(
                self.consent.as_ref().is_some_and(|c| c.withdrawn.is_some()),
                "R-CONS-8",
                "Registrera först att samtycket återkallas; då makuleras planen.",
            )?;
        }
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
        });
        Ok(format!("SIP avslutad: {}", reason.label_sv()))
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
