//! Rules of sections A (R-NEED) and B (R-CONS), each tested by id, positive and negative.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::*;
use sip_planen::engine::model::*;
use sip_planen::engine::rules::{consent, need};
use sip_planen::engine::{evaluate, Command, IdentityKind, Phase, Step};

#[test]
fn r_need_1_offer_sip_when_units_of_both_huvudman_are_listed() {
    let mut w = World::adult();
    w.unit(UnitKind::SocialtjanstMyndighet, "Socialtjänsten");
    assert!(need::r_need_1_offer(&w.case).is_none(), "only kommun");
    w.unit(UnitKind::Vardcentral, "VC");
    let e = evaluate(&w.case, w.now, &w.profile);
    assert!(ids(&e.info).contains(&"R-NEED-1"));
}

#[test]
fn r_need_2_warns_at_discharge_until_the_offer_is_recorded() {
    let mut w = World::adult();
    w.two_units();
    assert!(
        need::r_need_2_discharge_offer(&w.case).is_none(),
        "no discharge"
    );
    w.ok(Command::RecordAdmission {
        at: at(2026, 10, 30, 8),
        insatser_may_be_needed: true,
    });
    assert!(ids(&evaluate(&w.case, w.now, &w.profile).warnings).contains(&"R-NEED-2"));
    w.ok(Command::RecordDischargeOffer { accepted: true });
    assert!(!ids(&evaluate(&w.case, w.now, &w.profile).warnings).contains(&"R-NEED-2"));
}

#[test]
fn r_need_3_indicators_become_the_initiative_reason_and_confirm_the_need() {
    let mut w = World::adult();
    assert_eq!(w.case.phase(), Phase::Behov);
    assert!(ids(&evaluate(&w.case, w.now, &w.profile).info).contains(&"R-NEED-3"));
    w.ok(Command::SetIndicators(set(&[
        Indicator::OklartAnsvar,
        Indicator::BollasRunt,
    ])));
    assert_eq!(w.case.phase(), Phase::Samtycke);
    let reason = need::r_need_3_reason(&w.case.need().indicators);
    assert_eq!(
        reason,
        "Behov av samordning: oklart ansvar, personen hänvisas runt."
    );
    assert_eq!(need::r_need_3_reason(&set(&[])), "");
}

#[test]
fn r_need_4_a_request_is_refused_only_with_a_reason() {
    let mut w = World::adult();
    w.ok(Command::RecordRequest {
        by: Requester::Narstaende,
        at: date(2026, 11, 2),
    });
    assert_eq!(
        w.case.phase(),
        Phase::Samtycke,
        "a request confirms the need"
    );
    let v = w.refused(
        Command::RefuseRequest {
            reason: "  ".into(),
        },
        "R-NEED-4",
    );
    assert!(v.message_sv.contains("anledningen ska dokumenteras"));
    w.ok(Command::RefuseRequest {
        reason: "Befintlig samordning via LSS-handläggare räcker".into(),
    });
    assert!(w.case.need().request.unwrap().refused_reason.is_some());
}

#[test]
fn r_need_4_refusing_without_any_request_is_refused() {
    let mut w = World::adult();
    w.refused(
        Command::RefuseRequest {
            reason: "Något".into(),
        },
        "R-NEED-4",
    );
}

#[test]
fn r_need_5_lpt_closes_the_sip_steps_and_points_to_svp() {
    let mut w = World::adult();
    let (k, r) = w.two_units();
    w.ok(Command::SetCompulsoryCare(Some(CompulsoryCare::Lpt)));
    assert_eq!(w.case.phase(), Phase::SamordnadVardplan);
    let input = w.consent_input(&[Giver::Personen]);
    w.refused(Command::RecordConsent(input), "R-NEED-5");
    w.refused(World::initiative_cmd(k, r), "R-NEED-5");
    let e = evaluate(&w.case, w.now, &w.profile);
    assert!(ids(&e.info).contains(&"R-NEED-5"));
    assert!(e.next_steps.is_empty());
    // Removing the flag reopens the SIP steps.
    w.ok(Command::SetCompulsoryCare(None));
    w.consent();
}

#[test]
fn r_need_6_an_existing_plan_used_instead_must_be_described() {
    let mut w = World::adult();
    w.ok(Command::Close {
        reason: ClosingReason::BefintligPlanUppfyllerKraven,
        participants: vec!["Anna".into()],
        comment: String::new(),
        person_took_part: false,
        at_meeting: false,
    });
    assert!(ids(&evaluate(&w.case, w.now, &w.profile).records).contains(&"R-NEED-6"));
    let mut w = World::adult();
    w.ok(Command::Close {
        reason: ClosingReason::BefintligPlanUppfyllerKraven,
        participants: vec!["Anna".into()],
        comment: "Rehabiliteringsplan från habiliteringen".into(),
        person_took_part: false,
        at_meeting: false,
    });
    assert!(need::r_need_6_existing_plan(&w.case).is_none());
}

#[test]
fn r_need_7_the_target_group_is_shown_while_the_need_is_assessed() {
    let w = World::adult();
    assert!(ids(&evaluate(&w.case, w.now, &w.profile).info).contains(&"R-NEED-7"));
    let mut w = World::adult();
    w.ok(Command::SetIndicators(set(&[Indicator::OklartAnsvar])));
    assert!(!ids(&evaluate(&w.case, w.now, &w.profile).info).contains(&"R-NEED-7"));
}

#[test]
fn r_need_8_vgr_meeting_within_three_weeks_of_the_need() {
    let mut w = World::adult().with_profile("vastra-gotaland");
    w.ok(Command::SetNeedDetected(date(2026, 11, 2)));
    let e = evaluate(&w.case, w.now, &w.profile);
    let d = e
        .deadlines
        .iter()
        .find(|d| d.rule.as_str() == "R-NEED-8")
        .unwrap();
    assert_eq!(d.due, date(2026, 11, 23));
    w.set_now(at(2026, 11, 24, 9));
    let e = evaluate(&w.case, w.now, &w.profile);
    assert!(ids(&e.warnings).contains(&"R-NEED-8"), "passed → warning");
    // National baseline: no date, only "without delay".
    let w = World::adult();
    let e = evaluate(&w.case, w.now, &w.profile);
    assert!(!e.deadlines.iter().any(|d| d.rule.as_str() == "R-NEED-8"));
    assert!(ids(&e.info).contains(&"R-NEED-8"));
}

#[test]
fn r_need_8_a_need_detected_in_the_future_is_refused() {
    let mut w = World::adult();
    w.refused(Command::SetNeedDetected(date(2026, 12, 24)), "R-NEED-8");
}

#[test]
fn r_need_9_only_a_unit_of_a_huvudman_initiates() {
    let mut w = World::adult();
    let fk = w.actor(ActorKind::Forsakringskassan, "Försäkringskassan");
    let (_, r) = w.two_units();
    w.consent();
    w.refused(World::initiative_cmd(fk, r), "R-NEED-9");
}

#[test]
fn r_need_10_the_person_is_told_a_sip_is_free() {
    assert!(need::R_NEED_10_FREE_SV.contains("kostar ingenting"));
}

#[test]
fn r_cons_1_initiative_needs_information_exchange_and_the_plan_needs_consent_to_establish() {
    let mut w = World::adult();
    let (k, r) = w.two_units();
    w.refused(World::initiative_cmd(k, r), "R-CONS-1");
    let mut input = w.consent_input(&[Giver::Personen]);
    input.information_exchange = false;
    w.ok(Command::RecordConsent(input));
    w.refused(World::initiative_cmd(k, r), "R-CONS-1");

    let mut w = World::adult();
    let (k, r) = w.two_units();
    let mut input = w.consent_input(&[Giver::Personen]);
    input.establish_plan = false;
    w.ok(Command::RecordConsent(input));
    w.send_initiative(k, &[r]);
    w.ok(Command::SendKallelse(w.kallelse_draft(&[k, r])));
    w.ok(Command::HoldMeeting(
        w.meeting_input(MeetingKind::Planering, &[k, r]),
    ));
    w.ok(Command::UpdatePlan(w.full_plan(k, r)));
    w.refused(Command::EstablishPlan, "R-CONS-1");
}

#[test]
fn r_cons_2_presumed_consent_only_where_the_profile_allows_it() {
    let mut w = World::adult();
    w.two_units();
    let mut input = w.consent_input(&[Giver::Personen]);
    input.form = ConsentForm::Presumerat;
    w.refused(Command::RecordConsent(input.clone()), "R-CONS-2");
    let mut w = World::adult().with_profile("vastra-gotaland");
    w.two_units();
    w.ok(Command::RecordConsent(input));
    assert_eq!(w.case.consent().unwrap().form, ConsentForm::Presumerat);
}

#[test]
fn r_cons_3_consent_without_scope_is_refused() {
    let mut w = World::adult();
    w.two_units();
    let mut input = w.consent_input(&[Giver::Personen]);
    input.information.clear();
    w.refused(Command::RecordConsent(input.clone()), "R-CONS-3");
    input.information.insert(InformationKind::Halsa);
    input.parties.clear();
    w.refused(Command::RecordConsent(input), "R-CONS-3");
}

#[test]
fn r_cons_4_consent_lasts_at_most_a_year_and_expires() {
    // Västra Götaland caps a consent at one year (seed 002).
    let mut w = World::adult().with_profile("vastra-gotaland");
    let (k, r) = w.two_units();
    let mut input = w.consent_input(&[Giver::Personen]);
    input.valid_until = date(2027, 11, 3);
    w.refused(Command::RecordConsent(input.clone()), "R-CONS-4");
    input.valid_until = consent::r_cons_4_max_valid_until(input.given, &w.profile).unwrap();
    assert_eq!(
        consent::r_cons_4_default_valid_until(input.given, &w.profile),
        Ok(date(2027, 11, 2))
    );
    w.ok(Command::RecordConsent(input));
    assert_eq!(w.case.consent().unwrap().valid_until, date(2027, 11, 2));
    let d = evaluate(&w.case, w.now, &w.profile)
        .deadlines
        .into_iter()
        .find(|d| d.rule.as_str() == "R-CONS-4")
        .unwrap();
    assert_eq!(d.due, date(2027, 11, 2));
    // A warning a month before, and a block once expired.
    w.set_now(at(2027, 10, 20, 9));
    assert!(ids(&evaluate(&w.case, w.now, &w.profile).warnings).contains(&"R-CONS-4"));
    w.set_now(at(2027, 11, 3, 9));
    w.refused(World::initiative_cmd(k, r), "R-CONS-4");
    w.refused(
        Command::HoldMeeting(w.meeting_input(MeetingKind::Planering, &[k])),
        "R-CONS-4",
    );
}

#[test]
fn r_cons_4_in_vastmanland_the_consent_states_its_own_time_without_a_cap() {
    let mut w = World::adult().with_profile("vastmanland");
    w.two_units();
    assert_eq!(
        consent::r_cons_4_max_valid_until(w.now.date(), &w.profile),
        None
    );
    // Left empty, the engine asks how long it applies.
    let v = consent::r_cons_4_default_valid_until(w.now.date(), &w.profile).unwrap_err();
    assert_eq!(v.rule_id(), "R-CONS-4");
    let mut input = w.consent_input(&[Giver::Personen]);
    input.valid_until = date(2028, 6, 30); // more than a year: fine where the consent states its time
    w.ok(Command::RecordConsent(input));
    let d = evaluate(&w.case, w.now, &w.profile)
        .deadlines
        .into_iter()
        .find(|d| d.rule.as_str() == "R-CONS-4")
        .unwrap();
    assert_eq!(d.due, date(2028, 6, 30));
    // An end before the day it was given is refused in every profile.
    let mut input = w.consent_input(&[Giver::Personen]);
    input.valid_until = date(2026, 1, 1);
    w.refused(Command::RecordConsent(input), "R-CONS-4");
}

#[test]
fn r_cons_4_an_already_expired_consent_is_warned_about_when_recorded() {
    let mut w = World::adult();
    w.two_units();
    let mut input = w.consent_input(&[Giver::Personen]);
    input.given = date(2025, 9, 1);
    input.valid_until = date(2026, 9, 1);
    w.ok(Command::RecordConsent(input));
    let warnings = evaluate(&w.case, w.now, &w.profile).warnings;
    let f = warnings
        .iter()
        .find(|f| f.rule.as_str() == "R-CONS-4")
        .unwrap();
    assert!(
        f.message_sv.contains("gick ut 2026-09-01"),
        "{}",
        f.message_sv
    );
}

#[test]
fn r_cons_4_leap_day_consent_lasts_until_28_february() {
    assert_eq!(
        consent::r_cons_4_max_valid_until(date(2028, 2, 29), &profile("vastra-gotaland")),
        Some(date(2029, 2, 28))
    );
}

#[test]
fn r_cons_5_a_refusal_ends_the_process_as_avbojd() {
    let mut w = World::adult();
    let (k, _) = w.two_units();
    w.ok(Command::RefuseConsent { informed: false });
    assert_eq!(w.case.phase(), Phase::Avbojd);
    let e = evaluate(&w.case, w.now, &w.profile);
    assert!(
        ids(&e.records).contains(&"R-CONS-5"),
        "informed not recorded"
    );
    assert!(e.deadlines.is_empty());
    w.refused(
        Command::HoldMeeting(w.meeting_input(MeetingKind::Planering, &[k])),
        "R-CONS-5",
    );
    let mut w = World::adult();
    w.ok(Command::RefuseConsent { informed: true });
    assert!(consent::r_cons_5_refusal(&w.case).is_none());
}

#[test]
fn r_cons_6_a_child_needs_every_guardian_before_the_initiative() {
    let mut w = World::child();
    let (k, r) = w.two_units();
    w.ok(Command::AddGuardian {
        name: "Maria Berg".into(),
        phone: "070-1".into(),
    });
    w.ok(Command::AddGuardian {
        name: "Johan Berg".into(),
        phone: "070-2".into(),
    });
    let g: Vec<u32> = w.case.guardians().iter().map(|g| g.id).collect();
    let only_self = w.consent_input(&[Giver::Personen]);
    w.refused(Command::RecordConsent(only_self), "R-CONS-6");
    let first = w.consent_input(&[Giver::Vardnadshavare(g[0])]);
    w.ok(Command::RecordConsent(first));
    assert_eq!(w.case.phase(), Phase::Samtycke);
    let v = w.refused(World::initiative_cmd(k, r), "R-CONS-6");
    assert!(v.message_sv.contains("Johan Berg"));
    let e = evaluate(&w.case, w.now, &w.profile);
    assert!(e
        .blocked
        .iter()
        .any(|b| b.step == Step::SkickaInitiativ && b.violation.rule_id() == "R-CONS-6"));
    w.ok(Command::AddConsentGiver(Giver::Vardnadshavare(g[1])));
    assert_eq!(w.case.phase(), Phase::Initiativ);
    w.send_initiative(k, &[r]);
}

#[test]
fn r_cons_6_a_child_without_registered_guardians_is_blocked_and_the_childs_view_is_recorded() {
    let mut w = World::child();
    let (k, r) = w.two_units();
    let mut input = w.consent_input(&[Giver::Personen]);
    input.given_by.insert(Giver::Personen);
    // Adding a guardian-less consent from the child alone is refused; a representative path also needs registration.
    w.refused(Command::RecordConsent(input), "R-CONS-6");
    assert!(ids(&evaluate(&w.case, w.now, &w.profile).records).contains(&"R-CONS-6"));
    w.ok(Command::RecordChildView(
        "Jag vill kunna gå till skolan varje dag".into(),
    ));
    assert!(!ids(&evaluate(&w.case, w.now, &w.profile).records).contains(&"R-CONS-6"));
    let _ = (k, r);
}

#[test]
fn r_cons_7_a_registered_representative_may_consent() {
    let mut w = World::adult();
    w.two_units();
    let unknown = w.consent_input(&[Giver::Foretradare(99)]);
    w.refused(Command::RecordConsent(unknown), "R-CONS-7");
    w.ok(Command::AddRepresentative {
        name: "Per God Man".into(),
        kind: RepresentativeKind::GodMan,
    });
    let id = w.case.representatives()[0].id;
    w.ok(Command::RecordConsent(
        w.consent_input(&[Giver::Foretradare(id)]),
    ));
    assert_eq!(w.case.phase(), Phase::Initiativ);
}

#[test]
fn r_cons_8_withdrawal_voids_the_plan_and_lists_who_to_tell() {
    let mut w = World::adult();
    let (k, r) = w.advance_to_locked_plan();
    w.ok(Command::WithdrawConsent);
    assert_eq!(w.case.phase(), Phase::Makulerad);
    assert!(w
        .case
        .plans()
        .iter()
        .all(|p| p.state() == PlanState::Makulerad));
    assert_eq!(consent::r_cons_8_notification_list(&w.case), vec![k, r]);
    assert!(w
        .case
        .log()
        .last()
        .unwrap()
        .what
        .contains("Vårdcentralen Centrum"));
    w.refused(Command::WithdrawConsent, "R-CONS-8");
}

#[test]
fn r_cons_9_a_restarted_process_starts_without_consent() {
    let mut w = World::adult();
    let (k, r) = w.advance_to_locked_plan();
    w.refused(Command::Restart, "R-CONS-9");
    w.ok(Command::Close {
        reason: ClosingReason::LangsiktigtMalAndrat,
        participants: vec!["Lisa".into()],
        comment: "Nytt mål efter stroke".into(),
        person_took_part: false,
        at_meeting: false,
    });
    w.ok(Command::Restart);
    assert!(w.case.consent().is_none());
    assert_eq!(w.case.plans().len(), 1, "history kept");
    assert_eq!(w.case.plans()[0].state(), PlanState::Makulerad);
    w.refused(World::initiative_cmd(k, r), "R-CONS-1");
}

#[test]
fn r_cons_10_a_digital_meeting_needs_consent() {
    let mut w = World::adult();
    let (k, r) = w.two_units();
    w.consent();
    let mut draft = w.kallelse_draft(&[k, r]);
    draft.place = Some(Place::Digitalt);
    w.refused(Command::SendKallelse(draft.clone()), "R-CONS-10");
    let mut input = w.consent_input(&[Giver::Personen]);
    input.digital_meeting = true;
    w.ok(Command::RecordConsent(input));
    w.ok(Command::SendKallelse(draft));
}

#[test]
fn r_cons_11_an_actor_outside_the_consent_is_not_invited() {
    let mut w = World::adult();
    let (k, r) = w.two_units();
    w.consent();
    let fk = w.actor(ActorKind::Forsakringskassan, "Försäkringskassan");
    w.refused(
        Command::SendKallelse(w.kallelse_draft(&[k, r, fk])),
        "R-CONS-11",
    );
    let mut input = w.consent_input(&[Giver::Personen]);
    input.parties.insert(fk);
    w.ok(Command::RecordConsent(input));
    w.ok(Command::SendKallelse(w.kallelse_draft(&[k, r, fk])));
}

#[test]
fn r_cons_11_other_actors_actions_enter_the_plan_only_inside_the_scope() {
    let mut w = World::adult();
    let (k, r) = w.advance_to_meeting();
    let af = w.actor(ActorKind::Arbetsformedlingen, "Arbetsförmedlingen");
    let mut plan = w.full_plan(k, r);
    plan.others_actions.push(OtherAction {
        party: af,
        text: "Arbetsträning".into(),
    });
    w.refused(Command::UpdatePlan(plan), "R-CONS-11");
}

#[test]
fn r_cons_12_interpreter_need_is_recorded() {
    let mut w = World::adult();
    let records = |w: &World| evaluate(&w.case, w.now, &w.profile).records;
    assert!(!ids(&records(&w)).contains(&"R-CONS-12"));
    let details = sip_planen::engine::CaseDetails {
        interpreter: true,
        language: "arabiska".into(),
        ..w.case.details()
    };
    w.ok(Command::UpdateDetails(details));
    let f = records(&w)
        .into_iter()
        .find(|f| f.rule.as_str() == "R-CONS-12")
        .expect("R-CONS-12");
    assert!(f.message_sv.contains("arabiska"));
    // An empty language is an input error, not a rule.
    let details = sip_planen::engine::CaseDetails {
        language: " ".into(),
        ..w.case.details()
    };
    w.refused_input(Command::UpdateDetails(details), "Ange språk.");
    let details = sip_planen::engine::CaseDetails {
        kommun: String::new(),
        ..w.case.details()
    };
    w.refused_input(Command::UpdateDetails(details), "Ange kommun.");
}

#[test]
fn r_cons_11_a_new_consent_cannot_drop_an_actor_the_plan_relies_on() {
    let mut w = World::adult();
    let (k, r) = w.advance_to_meeting();
    let af = w.actor(ActorKind::Arbetsformedlingen, "Arbetsförmedlingen");
    let wide = w.consent_input(&[Giver::Personen]);
    w.ok(Command::RecordConsent(wide.clone()));
    let mut plan = w.full_plan(k, r);
    plan.others_actions.push(OtherAction {
        party: af,
        text: "Arbetsträning".into(),
    });
    w.ok(Command::UpdatePlan(plan));
    let mut narrow = wide;
    narrow.parties.remove(&af);
    let v = w.refused(Command::RecordConsent(narrow), "R-CONS-11");
    assert!(v.message_sv.contains("Arbetsförmedlingen"));
}

#[test]
fn r_cons_5_consent_without_anyone_giving_it_is_refused() {
    let mut w = World::adult();
    w.two_units();
    let input = w.consent_input(&[]);
    w.refused(Command::RecordConsent(input), "R-CONS-5");
}

#[test]
fn r_cons_10_a_digital_meeting_is_not_held_without_consent_to_it() {
    let mut w = World::adult();
    let (k, r) = w.two_units();
    w.consent();
    let mut m = w.meeting_input(MeetingKind::Planering, &[k, r]);
    m.digital = true;
    w.refused(Command::HoldMeeting(m.clone()), "R-CONS-10");
    let mut input = w.consent_input(&[Giver::Personen]);
    input.digital_meeting = true;
    w.ok(Command::RecordConsent(input));
    w.ok(Command::HoldMeeting(m));
}

/// Mikael Lund, 16, in the given profile, with two units and both guardians registered.
fn young_person(profile: &str) -> (World, PartyId, PartyId) {
    let mut w = World::person(
        "Mikael Lund",
        IdentityKind::Personnummer,
        "20100315-2384",
        profile,
    );
    let (k, r) = w.two_units();
    w.ok(Command::AddGuardian {
        name: "Maria Lund".into(),
        phone: String::new(),
    });
    w.ok(Command::AddGuardian {
        name: "Johan Lund".into(),
        phone: String::new(),
    });
    (w, k, r)
}

#[test]
fn r_cons_6_a_child_judged_mature_consents_alone_in_the_national_profile_and_vastra_gotaland() {
    for profile in ["nationell", "vastra-gotaland"] {
        let (mut w, k, r) = young_person(profile);
        // Without the assessment the child's own consent is not enough.
        w.refused(
            Command::RecordConsent(w.consent_input(&[Giver::Personen])),
            "R-CONS-6",
        );
        w.ok(Command::RecordMaturity(Some(MaturityAssessment {
            by: "Anna Samordnare, kurator".into(),
            at: w.now.date(),
        })));
        assert_eq!(w.case.maturity().unwrap().by, "Anna Samordnare, kurator");
        w.ok(Command::RecordConsent(w.consent_input(&[Giver::Personen])));
        // No guardian's consent is missing: the initiative goes.
        w.ok(World::initiative_cmd(k, r));
        assert!(
            w.case.log().iter().any(|e| e.what.contains("bedömt moget")),
            "{profile}"
        );
    }
}

#[test]
fn r_cons_6_in_vastmanland_the_guardians_are_asked_even_for_a_mature_child() {
    let (mut w, k, r) = young_person("vastmanland");
    let v = w.refused(
        Command::RecordMaturity(Some(MaturityAssessment {
            by: "Anna Samordnare".into(),
            at: w.now.date(),
        })),
        "R-CONS-6",
    );
    assert!(v.message_sv.contains("vårdnadshavarna"), "{}", v.message_sv);
    let guardians: Vec<Giver> = w
        .case
        .guardians()
        .iter()
        .map(|g| Giver::Vardnadshavare(g.id))
        .collect();
    w.ok(Command::RecordConsent(w.consent_input(&guardians[..1])));
    w.refused(World::initiative_cmd(k, r), "R-CONS-6");
    w.ok(Command::RecordConsent(w.consent_input(&guardians)));
    w.ok(World::initiative_cmd(k, r));
}

#[test]
fn r_cons_6_a_maturity_assessment_names_who_made_it_and_is_for_children_only() {
    let (mut w, _, _) = young_person("nationell");
    w.refused(
        Command::RecordMaturity(Some(MaturityAssessment {
            by: "  ".into(),
            at: w.now.date(),
        })),
        "R-CONS-6",
    );
    let mut adult = World::adult();
    adult.refused(
        Command::RecordMaturity(Some(MaturityAssessment {
            by: "Anna".into(),
            at: adult.now.date(),
        })),
        "R-CONS-6",
    );
}

#[test]
fn r_cons_4_a_plan_is_not_established_under_an_expired_consent() {
    let mut w = World::adult();
    let (k, r) = w.advance_to_meeting();
    w.ok(Command::UpdatePlan(w.full_plan(k, r)));
    // A year and a day after the consent was given: it no longer holds.
    w.tick(24 * 367);
    let before = w.case.clone();
    w.refused(Command::EstablishPlan, "R-CONS-4");
    assert_eq!(w.case, before, "a refusal changes nothing");
}

#[test]
fn r_cons_6_a_plan_is_not_established_while_a_guardian_added_after_the_meeting_has_not_consented() {
    let mut w = World::child();
    let (k, r) = w.two_units();
    w.ok(Command::AddGuardian {
        name: "Maria Berg".into(),
        phone: "070-1".into(),
    });
    let g = w.case.guardians()[0].id;
    w.ok(Command::RecordConsent(
        w.consent_input(&[Giver::Vardnadshavare(g)]),
    ));
    w.send_initiative(k, &[r]);
    w.ok(Command::AcknowledgeInitiative { recipient: r });
    w.ok(Command::SendKallelse(w.kallelse_draft(&[k, r])));
    w.tick(24 * 7);
    w.ok(Command::HoldMeeting(
        w.meeting_input(MeetingKind::Planering, &[k, r]),
    ));
    w.ok(Command::UpdatePlan(w.full_plan(k, r)));
    // A second guardian is registered after the meeting: the plan waits for their consent.
    w.ok(Command::AddGuardian {
        name: "Johan Berg".into(),
        phone: "070-2".into(),
    });
    let v = w.refused(Command::EstablishPlan, "R-CONS-6");
    assert!(v.message_sv.contains("Johan Berg"));
    let g2 = w.case.guardians()[1].id;
    w.ok(Command::AddConsentGiver(Giver::Vardnadshavare(g2)));
    w.ok(Command::EstablishPlan);
}
