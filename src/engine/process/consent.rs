//! B. Consent (R-CONS)

use super::{required, Ctx};
use crate::engine::calendar::iso;
use crate::engine::case::Case;
use crate::engine::model::*;
use crate::engine::rules::{consent as rules, need};
use crate::engine::set::VecSet;
use crate::engine::violation::{ensure, Violation};

impl Case {
    pub(super) fn record_consent(&mut self, c: Consent, ctx: &Ctx) -> Result<String, Violation> {
        need::r_need_5_not_compulsory_care(self)?;
        rules::r_cons_3_scope(&c.parties, &c.information)?;
        rules::r_cons_2_form(c.form, ctx.profile)?;
        for p in &c.parties {
            self.known_party(*p)?;
        }
        rules::r_cons_7_givers_known(self, &c.given_by)?;
        rules::r_cons_11_scope_keeps_actors_in_use(self, &c.parties)?;
        rules::r_cons_1_keeps_established_plan(self, c.establish_plan)?;
        ensure(
            c.given <= ctx.today(),
            "R-CONS-4",
            "Samtycket kan inte vara givet i framtiden.",
        )?;
        rules::r_cons_4_valid_until(c.given, c.valid_until, ctx.profile)?;
        rules::r_cons_6_not_the_child_alone(self, &c)?;
        let log = format!(
            "Samtycke registrerat ({}), giltigt till {}",
            c.form.label_sv().to_lowercase(),
            iso(c.valid_until)
        );
        self.consent = Some(Consent {
            withdrawn: None,
            ..c
        });
        self.consent_refusal = None;
        Ok(log)
    }

    pub(super) fn add_consent_giver(&mut self, giver: Giver) -> Result<String, Violation> {
        ensure(
            self.consent.is_some(),
            "R-CONS-6",
            "Registrera samtycket först.",
        )?;
        rules::r_cons_7_givers_known(self, &VecSet::from([giver]))?;
        if let Some(c) = self.consent.as_mut() {
            c.given_by.insert(giver);
        }
        Ok("Samtycke från ytterligare en person registrerat".into())
    }

    pub(super) fn refuse_consent(
        &mut self,
        informed: bool,
        ctx: &Ctx,
    ) -> Result<String, Violation> {
        ensure(
            self.plans.is_empty(),
            "R-CONS-8",
            "Det finns redan en plan: registrera i stället att samtycket återkallas.",
        )?;
        self.consent_refusal = Some(ConsentRefusal {
            at: ctx.today(),
            informed,
        });
        Ok("Personen tackade nej till SIP. Processen avslutas utan plan.".into())
    }

    /// R-CONS-8: the SIP ends, every plan version is voided, every party is to be told (one closing record).
    pub(super) fn withdraw_consent(&mut self, ctx: &Ctx) -> Result<String, Violation> {
        self.end_by_withdrawal(Vec::new(), "", ctx)
    }

    /// R-CONS-6: records (or takes back) that the child may consent alone, where the profile allows it.
    pub(super) fn record_maturity(
        &mut self,
        m: Option<MaturityAssessment>,
        ctx: &Ctx,
    ) -> Result<String, Violation> {
        let Some(m) = m else {
            self.maturity = None;
            return Ok("Bedömningen av barnets mognad borttagen".into());
        };
        rules::r_cons_6_maturity_allowed(self, ctx.profile, ctx.today())?;
        let by = required(&m.by, "vem som gjorde bedömningen", "R-CONS-6")?;
        ensure(
            m.at <= ctx.today(),
            "R-CONS-6",
            "Bedömningen kan inte vara gjord i framtiden.",
        )?;
        let log = format!(
            "Barnet bedömt moget att självt ta ställning (av {by}, {})",
            iso(m.at)
        );
        self.maturity = Some(MaturityAssessment { by, at: m.at });
        Ok(log)
    }

    pub(super) fn record_child_view(&mut self, view: &str) -> Result<String, Violation> {
        self.child_view = view.trim().to_string();
        Ok("Barnets synpunkter dokumenterade".into())
    }
}
