//! H. Admission and discharge (R-UTSK)

use crate::engine::case::Case;
use crate::engine::model::*;
use crate::engine::violation::Violation;
use chrono::NaiveDateTime;

impl Case {
    pub(super) fn record_admission(
        &mut self,
        at: NaiveDateTime,
        insatser_may_be_needed: bool,
    ) -> Result<String, Violation> {
        self.discharge = Some(Discharge {
            admitted: at,
            insatser_may_be_needed,
            utskrivningsklar: None,
        });
        // R-UTSK-1: the doctor's judgement is a sign of need (R-NEED-3).
        if insatser_may_be_needed {
            self.set_indicator(Indicator::EfterUtskrivning);
        }
        Ok("Inskrivning i slutenvård registrerad".into())
    }

    pub(super) fn record_utskrivningsklar(
        &mut self,
        at: NaiveDateTime,
    ) -> Result<String, Violation> {
        let Some(d) = self.discharge.as_mut() else {
            return Err(Violation::new(
                "R-UTSK-1",
                "Registrera inskrivningen först.",
            ));
        };
        if at < d.admitted {
            return Err(Violation::input(
                "Utskrivningsklar kan inte vara före inskrivningen.",
            ));
        }
        d.utskrivningsklar = Some(at);
        Ok("Utskrivningsklar registrerad".into())
    }
}
