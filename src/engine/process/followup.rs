//! F. Follow-up (R-UPP)

use super::Ctx;
use crate::engine::case::Case;
use crate::engine::model::*;
use crate::engine::rules::followup as rules;
use crate::engine::violation::{ensure, Violation};

impl Case {
    pub(super) fn record_follow_up(
        &mut self,
        activities: Vec<ActivityFollowUp>,
        comment: &str,
        next: Option<FollowUpPlan>,
        ctx: &Ctx,
    ) -> Result<String, Violation> {
        let Some(plan) = self
            .current_plan()
            .filter(|p| p.state() != PlanState::Utkast)
        else {
            return Err(Violation::new(
                "R-UPP-1",
                "Det finns ingen upprättad plan att följa upp.",
            ));
        };
        rules::r_upp_2_known_activities(plan, &activities)?;
        let version = plan.version;
        if let Some(n) = &next {
            ensure(
                !n.place.trim().is_empty() && n.date > ctx.today(),
                "R-PLAN-6",
                "Nästa uppföljning behöver ett kommande datum och en plats.",
            )?;
        }
        if let Some(p) = self.current_plan_mut() {
            for a in &activities {
                if let Some(i) = p.content.insatser.iter_mut().find(|i| i.id == a.insats) {
                    i.status = Some(a.status);
                    i.status_comment = a.comment.trim().to_string();
                }
            }
            if let Some(n) = next {
                p.content.follow_up = Some(n);
            }
        }
        self.follow_ups.push(FollowUp {
            at: ctx.now,
            plan_version: version,
            activities,
            comment: comment.trim().to_string(),
        });
        Ok(format!(
            "Uppföljning av plan version {version} dokumenterad"
        ))
    }
}
