//! E. The meeting and the plan (R-PLAN): holding the meeting, writing the plan, deciding insatser, and the plan
//! version's lifecycle (establish, sign, lock — each transition checks its own order, R-PLAN-10), and a new version
//! (R-UPP-4).

use super::Ctx;
use crate::engine::case::Case;
use crate::engine::model::*;
use crate::engine::rules::{consent, need, plan as rules};
use crate::engine::set::VecSet;
use crate::engine::violation::{ensure, Violation};

impl Case {
    pub(super) fn hold_meeting(&mut self, m: Meeting, ctx: &Ctx) -> Result<String, Violation> {
        need::r_need_5_not_compulsory_care(self)?;
        consent::r_cons_1_information_exchange(self)?;
        consent::r_cons_4_not_expired(self, ctx.today())?;
        consent::r_cons_6_guardians(self, ctx.today())?;
        if m.digital {
            consent::r_cons_10_digital(self)?;
        }
        for p in &m.attendees {
            self.known_party(*p)?;
        }
        ensure(
            m.at.date() <= ctx.today(),
            "R-PLAN-7",
            "Mötet kan inte registreras som hållet i framtiden.",
        )?;
        let (kind, digital) = (m.kind, m.digital);
        // R-UPP-4: a new meeting on an established plan voids that version and opens an editable copy. (In a
        // profile that voids when the new meeting is called, the version may already be new: then it is a draft.)
        let revise = kind != MeetingKind::Utvardering
            && self
                .current_plan()
                .is_some_and(|p| p.state() != PlanState::Utkast);
        self.meetings.push(Meeting {
            documenter: m.documenter.trim().to_string(),
            // Told at the end of the meeting (RecordSipKollenTold), not when it starts.
            sip_kollen_told: false,
            ..m
        });
        if kind != MeetingKind::Utvardering && self.current_plan().is_none() {
            // The plan starts from the person's long-term goal as the kallelse stated it.
            let content = PlanContent {
                long_term_goal: self
                    .kallelse
                    .as_ref()
                    .map(|k| k.long_term_goal.clone())
                    .unwrap_or_default(),
                ..PlanContent::default()
            };
            self.push_version(content, ctx);
        }
        let revised = if revise {
            let v = self.new_version_of_current(ctx);
            format!("; ny planversion {v}, den tidigare är makulerad och sparad i historiken")
        } else {
            String::new()
        };
        Ok(
            match rules::r_plan_14_kva(kind, self.discharge.is_some(), digital, ctx.profile) {
                Some(code) => format!("Möte hållet (KVÅ {code} för regionens enheter){revised}"),
                None => format!("Möte hållet (ingen KVÅ-kod){revised}"),
            },
        )
    }

    /// Who is present at the meeting being held, corrected while its plan is still being written.
    pub(super) fn correct_attendance(
        &mut self,
        attendees: VecSet<PartyId>,
        person_present: bool,
    ) -> Result<String, Violation> {
        for p in &attendees {
            self.known_party(*p)?;
        }
        ensure(
            self.current_plan().is_some_and(|p| p.state().editable()),
            "R-PLAN-10",
            "Närvaron rättas medan planen skrivs; den här planen är låst.",
        )?;
        let Some(m) = self.meetings.last_mut() else {
            return Err(Violation::new("R-PLAN-8", "Inget möte är hållet."));
        };
        m.attendees = attendees;
        m.person_present = person_present;
        let names: Vec<String> = m
            .attendees
            .iter()
            .filter_map(|id| self.parties.iter().find(|p| p.id == *id))
            .map(|p| p.name.clone())
            .collect();
        Ok(format!("Närvaron rättad: {}", names.join(", ")))
    }

    fn push_version(&mut self, content: PlanContent, ctx: &Ctx) -> u32 {
        let version = self.plans.iter().map(|p| p.version).max().unwrap_or(0) + 1;
        self.plans.push(PlanVersion::new(version, content, ctx.now));
        version
    }

    /// The plan as edited. An insats keeps the id it was made with (the editor makes it); one without (0) gets
    /// one here. "Decided" is never taken from the edit: only [`Command::DecideInsats`] sets it (R-PLAN-4), and it
    /// stays only while the insats belongs to the same unit.
    pub(super) fn update_plan(&mut self, mut content: PlanContent) -> Result<String, Violation> {
        let Some(current) = self.current_plan() else {
            return Err(Violation::new(
                "R-PLAN-1",
                "Det finns ingen plan ännu. Planen skrivs på SIP-mötet.",
            ));
        };
        ensure(
            current.state().editable(),
            "R-PLAN-10",
            "Planen är låst. Starta en ny version för att ändra.",
        )?;
        for a in &content.others_actions {
            consent::r_cons_11_actor_in_scope(self, a.party)?;
        }
        for i in &content.insatser {
            self.known_party(i.unit)?;
        }
        rules::r_plan_12_huvudansvarig(self, content.huvudansvarig)?;
        let mut ids = VecSet::new();
        if !content
            .insatser
            .iter()
            .all(|i| i.id == 0 || ids.insert(i.id))
        {
            return Err(Violation::input("Två insatser har samma id."));
        }
        let old = &current.content.insatser;
        let mut next_id = self.next_id.max(ids.last().map_or(0, |m| m + 1)).max(1);
        for i in content.insatser.iter_mut() {
            let prev = old.iter().find(|o| o.id == i.id && i.id != 0);
            i.decided = prev.is_some_and(|p| p.decided && p.unit == i.unit);
            // The follow-up status is recorded at a follow-up (R-UPP-2), never taken from the edit.
            i.status = prev.and_then(|p| p.status);
            i.status_comment = prev.map(|p| p.status_comment.clone()).unwrap_or_default();
            if i.id == 0 {
                i.id = next_id;
                next_id += 1;
            }
        }
        self.next_id = next_id;
        if let Some(p) = self.current_plan_mut() {
            p.content = content;
        }
        Ok("Planen ändrad".into())
    }

    pub(super) fn decide_insats(&mut self, insats: u32, by: PartyId) -> Result<String, Violation> {
        self.known_party(by)?;
        let Some(plan) = self.current_plan_mut() else {
            return Err(Violation::new("R-PLAN-4", "Det finns ingen plan."));
        };
        ensure(plan.state().editable(), "R-PLAN-10", "Planen är låst.")?;
        let Some(i) = plan.content.insatser.iter_mut().find(|i| i.id == insats) else {
            return Err(Violation::new("R-PLAN-4", "Insatsen finns inte i planen."));
        };
        rules::r_plan_4_own_unit(i, by)?;
        i.decided = true;
        Ok(format!(
            "Insatsen \"{}\" beslutad av den egna verksamheten",
            i.what
        ))
    }

    /// The current version, or the R-PLAN-1 refusal that there is none.
    fn plan_to_change(&mut self) -> Result<&mut PlanVersion, Violation> {
        self.current_plan_mut()
            .ok_or_else(|| Violation::new("R-PLAN-1", "Det finns ingen plan."))
    }

    pub(super) fn establish_plan(&mut self, ctx: &Ctx) -> Result<String, Violation> {
        need::r_need_5_not_compulsory_care(self)?;
        consent::r_cons_1_establish(self)?;
        // The plan is established under a consent that holds today, with every guardian's where it is needed.
        consent::r_cons_4_not_expired(self, ctx.today())?;
        consent::r_cons_6_guardians(self, ctx.today())?;
        let p = self.plan_to_change()?;
        p.check_can_establish()?;
        rules::r_plan_1_complete(&p.content)?;
        p.establish(ctx.now)?;
        Ok(format!("Plan version {} upprättad", p.version))
    }

    pub(super) fn sign_plan(&mut self, by: PartyId, ctx: &Ctx) -> Result<String, Violation> {
        rules::r_plan_10_by_coordinator(self, by, "signera")?;
        self.plan_to_change()?.sign(ctx.now)?;
        Ok("Planen signerad av samordningsansvarig (synlig för alla deltagare)".into())
    }

    pub(super) fn lock_plan(&mut self, by: PartyId, ctx: &Ctx) -> Result<String, Violation> {
        rules::r_plan_10_by_coordinator(self, by, "låsa")?;
        let p = self.plan_to_change()?;
        p.check_can_lock()?;
        rules::r_plan_1_complete(&p.content)?;
        p.lock(ctx.now)?;
        Ok("Planen låst".into())
    }

    pub(super) fn record_agreement(&mut self, agrees: bool) -> Result<String, Violation> {
        let Some(p) = self
            .current_plan_mut()
            .filter(|p| p.state() != PlanState::Utkast)
        else {
            return Err(Violation::new(
                "R-PLAN-10",
                "Planen är inte upprättad ännu.",
            ));
        };
        p.person_agrees = Some(agrees);
        Ok(if agrees {
            "Personen samtycker till planeringen"
        } else {
            "Personen samtycker inte till planeringen"
        }
        .into())
    }

    pub(super) fn record_printed_signatures(&mut self) -> Result<String, Violation> {
        let Some(p) = self
            .current_plan_mut()
            .filter(|p| p.state() == PlanState::Last)
        else {
            return Err(Violation::new(
                "R-PLAN-10",
                "Planen skrivs ut och under när den är låst.",
            ));
        };
        p.printed_signatures = true;
        Ok("Utskriven plan underskriven av personen och samordningsansvarig".into())
    }

    /// R-UPP-4: the current version is voided (kept, readable) and an editable copy becomes the current one.
    pub(super) fn start_new_version(&mut self, ctx: &Ctx) -> Result<String, Violation> {
        self.check_sip_steps(ctx.today())?;
        let Some(cur) = self.current_plan() else {
            return Err(Violation::new(
                "R-UPP-4",
                "Det finns ingen plan att göra en ny version av.",
            ));
        };
        ensure(
            cur.state() != PlanState::Utkast,
            "R-UPP-4",
            "Den nuvarande versionen är fortfarande ett utkast.",
        )?;
        let version = self.new_version_of_current(ctx);
        Ok(format!(
            "Ny planversion {version}; den tidigare är makulerad och sparad i historiken"
        ))
    }

    /// R-UPP-4: voids every live version and opens an editable copy of the current one (insatser to be decided
    /// anew by their units, R-PLAN-4; their follow-up status kept). The caller has checked there is one. Returns
    /// the new version's number.
    pub(super) fn new_version_of_current(&mut self, ctx: &Ctx) -> u32 {
        let mut content = self
            .current_plan()
            .map(|p| p.content.clone())
            .unwrap_or_default();
        for i in content.insatser.iter_mut() {
            i.decided = false;
        }
        self.void_live_plans(ctx.now);
        self.push_version(content, ctx)
    }
}
