//! A. Is a SIP needed? (R-NEED)

use super::Ctx;
use crate::engine::calendar::iso;
use crate::engine::case::Case;
use crate::engine::model::*;
use crate::engine::rules;
use crate::engine::set::VecSet;
use crate::engine::violation::{ensure, Violation};
use chrono::NaiveDate;

impl Case {
    fn need_mut(&mut self) -> &mut NeedAssessment {
        let detected = self.created.date();
        self.need.get_or_insert_with(|| NeedAssessment {
            detected,
            indicators: VecSet::new(),
            compulsory_care: None,
            request: None,
            discharge_offer_accepted: None,
        })
    }

    pub(super) fn set_need_detected(
        &mut self,
        d: NaiveDate,
        ctx: &Ctx,
    ) -> Result<String, Violation> {
        ensure(
            d <= ctx.today(),
            "R-NEED-8",
            "Datumet då behovet upptäcktes kan inte ligga i framtiden.",
        )?;
        self.need_mut().detected = d;
        Ok(format!("Behovet upptäcktes {}", iso(d)))
    }

    /// Adds one sign of need (an admission where the doctor expects insatser after discharge).
    pub(super) fn set_indicator(&mut self, i: Indicator) {
        self.need_mut().indicators.insert(i);
    }

    pub(super) fn set_indicators(&mut self, set: VecSet<Indicator>) -> Result<String, Violation> {
        self.need_mut().indicators = set;
        Ok("Tecken på behov av SIP uppdaterade".into())
    }

    pub(super) fn set_compulsory_care(
        &mut self,
        flag: Option<CompulsoryCare>,
    ) -> Result<String, Violation> {
        self.need_mut().compulsory_care = flag;
        Ok(match flag {
            Some(CompulsoryCare::Lpt) => "Öppen psykiatrisk tvångsvård (LPT) registrerad".into(),
            Some(CompulsoryCare::Lrv) => "Öppen rättspsykiatrisk vård (LRV) registrerad".into(),
            None => "LPT/LRV borttaget".into(),
        })
    }

    pub(super) fn record_request(
        &mut self,
        by: Requester,
        at: NaiveDate,
    ) -> Result<String, Violation> {
        self.need_mut().request = Some(Request {
            by,
            at,
            refused_reason: None,
        });
        Ok("Begäran om SIP registrerad".into())
    }

    pub(super) fn refuse_request(&mut self, reason: &str) -> Result<String, Violation> {
        rules::need::r_need_4_refusal_reason(reason)?;
        let Some(req) = self.need_mut().request.as_mut() else {
            return Err(Violation::new(
                "R-NEED-4",
                "Det finns ingen begäran om SIP att neka.",
            ));
        };
        req.refused_reason = Some(reason.trim().to_string());
        Ok("Begäran om SIP nekad, med anledning".into())
    }

    pub(super) fn record_discharge_offer(&mut self, accepted: bool) -> Result<String, Violation> {
        self.need_mut().discharge_offer_accepted = Some(accepted);
        Ok(if accepted {
            "Erbjudande om SIP vid utskrivning: ja"
        } else {
            "Erbjudande om SIP vid utskrivning: nej"
        }
        .into())
    }
}
