//! Rules of sections F (R-UPP), G (R-AVSL), H (R-UTSK), I (R-ROLE) and J (R-STAT), each tested by id.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::*;
use sip_planen::engine::model::*;
use sip_planen::engine::rules::{closing, discharge, followup, roles, stats};
use sip_planen::engine::{deadlines, evaluate, Command, DeadlineStatus, Phase};

#[test]
fn r_upp_1_the_follow_up_is_a_deadline_and_overdue_is_warned() {
    let mut w = World::adult();
    w.advance_to_locked_plan();
    let due = w
        .case
        .current_plan()
        .unwrap()
        .content
        .follow_up
        .clone()
        .unwrap()
        .date;
    let d = deadlines(&w.case, w.now, &w.profile)
        .into_iter()
        .find(|d| d.rule.as_str() == "R-UPP-1")
        .unwrap();
    assert_eq!(d.due, due);
    let later = (due + chrono::Duration::days(1))
        .and_hms_opt(9, 0, 0)
        .unwrap();
    assert!(ids(&evaluate(&w.case, later, &w.profile).warnings).contains(&"R-UPP-1"));
    w.set_now(later);
    w.ok(w.follow_up_all(ActivityStatus::Pagar, "Enligt plan"));
    let d = deadlines(&w.case, w.now, &w.profile)
        .into_iter()
        .find(|d| d.rule.as_str() == "R-UPP-1")
        .unwrap();
    assert_eq!(d.status, DeadlineStatus::Klar);
    assert_eq!(w.case.phase(), Phase::Uppfoljning);
}

#[test]
fn r_upp_1_no_follow_up_without_an_established_plan() {
    let mut w = World::adult();
    w.advance_to_meeting();
    w.refused(
        Command::RecordFollowUp {
            activities: vec![],
            comment: String::new(),
            next: None,
        },
        "R-UPP-1",
    );
}

#[test]
fn r_upp_2_each_activity_gets_a_status_of_its_own_plan() {
    let mut w = World::adult();
    w.advance_to_locked_plan();
    w.refused(
        Command::RecordFollowUp {
            activities: vec![ActivityFollowUp {
                insats: 999,
                status: ActivityStatus::Klart,
                comment: String::new(),
            }],
            comment: String::new(),
            next: None,
        },
        "R-UPP-2",
    );
    w.ok(w.follow_up_all(ActivityStatus::EjGenomford, "Enligt plan"));
    assert!(w
        .case
        .current_plan()
        .unwrap()
        .content
        .insatser
        .iter()
        .all(|i| i.status == Some(ActivityStatus::EjGenomford)));
    assert_eq!(ActivityStatus::EjPaborjad.label_sv(), "Ej påbörjad");
}

#[test]
fn r_upp_3_the_follow_up_checklist_is_shown_when_the_follow_up_is_near() {
    let mut w = World::adult();
    w.advance_to_locked_plan();
    let due = w
        .case
        .current_plan()
        .unwrap()
        .content
        .follow_up
        .clone()
        .unwrap()
        .date;
    let info = |w: &World| evaluate(&w.case, w.now, &w.profile).info;
    assert!(!ids(&info(&w)).contains(&"R-UPP-3"), "not months before");
    w.set_now(
        (due - chrono::Duration::days(10))
            .and_hms_opt(9, 0, 0)
            .unwrap(),
    );
    let f = info(&w)
        .into_iter()
        .find(|f| f.rule.as_str() == "R-UPP-3")
        .expect("R-UPP-3");
    for item in [
        "Hur går det med målen?",
        "Finns ny information eller har något förändrats?",
        "Har varje part gjort sina insatser?",
        "Vilken effekt har insatserna haft, på kort och lång sikt?",
        "Behövs någon annan insats?",
    ] {
        assert!(f.message_sv.contains(item), "{item}");
    }
    w.ok(w.follow_up_all(ActivityStatus::Pagar, ""));
    assert!(!ids(&info(&w)).contains(&"R-UPP-3"), "held");
}

#[test]
fn r_upp_4_a_new_version_voids_the_previous_and_keeps_it() {
    let mut w = World::adult();
    let (k, _) = w.advance_to_locked_plan();
    w.ok(w.follow_up_all(ActivityStatus::Pagar, "Enligt plan"));
    w.ok(Command::StartNewVersion);
    let p = w.case.plans();
    assert_eq!(p.len(), 2);
    assert_eq!(p[0].state(), PlanState::Makulerad);
    assert_eq!(p[1].state(), PlanState::Utkast);
    assert_eq!(p[1].version, 2);
    assert_eq!(
        p[1].content.long_term_goal, p[0].content.long_term_goal,
        "the new version starts from the old"
    );
    w.refused(Command::StartNewVersion, "R-UPP-4");
    w.ok(Command::EstablishPlan);
    w.ok(Command::SignPlan { by: k });
}

#[test]
fn r_upp_5_life_changes_bring_the_meeting_forward() {
    let mut w = World::adult();
    let (k, r) = w.advance_to_meeting();
    let info = |w: &World| ids(&evaluate(&w.case, w.now, &w.profile).info).contains(&"R-UPP-5");
    assert!(!info(&w), "not before the plan is established");
    w.ok(Command::UpdatePlan(w.full_plan(k, r)));
    w.ok(Command::EstablishPlan);
    assert!(info(&w));
    let f = evaluate(&w.case, w.now, &w.profile)
        .info
        .into_iter()
        .find(|f| f.rule.as_str() == "R-UPP-5")
        .unwrap();
    assert!(f
        .message_sv
        .contains("kallar huvudansvarig parterna tidigare"));
}

#[test]
fn r_upp_6_activities_without_status_are_listed_after_a_follow_up() {
    let mut w = World::adult();
    w.advance_to_locked_plan();
    assert!(
        followup::r_upp_6_without_status(&w.case).is_empty(),
        "before any follow-up"
    );
    let first = w.case.current_plan().unwrap().content.insatser[0].id;
    w.ok(Command::RecordFollowUp {
        activities: vec![ActivityFollowUp {
            insats: first,
            status: ActivityStatus::Klart,
            comment: String::new(),
        }],
        comment: String::new(),
        next: None,
    });
    let missing = followup::r_upp_6_without_status(&w.case);
    assert_eq!(missing.len(), 1);
    assert!(ids(&evaluate(&w.case, w.now, &w.profile).records).contains(&"R-UPP-6"));
}

#[test]
fn r_avsl_1_closing_needs_a_reason_and_a_changed_goal_is_described() {
    let mut w = World::adult();
    w.refused(
        Command::Close {
            reason: ClosingReason::LangsiktigtMalAndrat,
            participants: vec![],
            comment: " ".into(),
            person_took_part: false,
            at_meeting: false,
        },
        "R-AVSL-1",
    );
    w.refused(
        Command::Close {
            reason: ClosingReason::SamtyckeAterkallat,
            participants: vec![],
            comment: String::new(),
            person_took_part: false,
            at_meeting: false,
        },
        "R-CONS-8",
    );
    w.ok(Command::Close {
        reason: ClosingReason::IngetBehovFranBadaHuvudman,
        participants: vec!["Anna".into()],
        comment: "Klart".into(),
        person_took_part: false,
        at_meeting: false,
    });
    assert_eq!(w.case.phase(), Phase::Avslutad);
    w.refused(
        Command::SetIndicators(set(&[Indicator::OklartAnsvar])),
        "R-AVSL-1",
    );
    assert!(closing::r_avsl_1_reason(ClosingReason::InteNyttBehovInomKort, "", false).is_ok());
}

#[test]
fn r_avsl_2_who_decided_and_a_comment_are_recorded() {
    let mut w = World::adult();
    w.ok(Command::Close {
        reason: ClosingReason::InteNyttBehovInomKort,
        participants: vec![],
        comment: String::new(),
        person_took_part: false,
        at_meeting: false,
    });
    assert!(ids(&evaluate(&w.case, w.now, &w.profile).records).contains(&"R-AVSL-2"));
    let mut w = World::adult();
    w.ok(Command::Close {
        reason: ClosingReason::InteNyttBehovInomKort,
        participants: vec!["Lisa".into(), "Anna".into()],
        comment: "Målen nådda".into(),
        person_took_part: false,
        at_meeting: false,
    });
    assert!(closing::r_avsl_2_recorded(&w.case).is_none());
}

#[test]
fn r_avsl_3_everyone_is_told_when_the_sip_ends() {
    let mut w = World::adult();
    assert!(closing::r_avsl_3_notice(&w.case).is_none());
    w.ok(Command::Close {
        reason: ClosingReason::InteNyttBehovInomKort,
        participants: vec!["Anna".into()],
        comment: "x".into(),
        person_took_part: false,
        at_meeting: false,
    });
    assert!(ids(&evaluate(&w.case, w.now, &w.profile).info).contains(&"R-AVSL-3"));
    assert!(
        deadlines(&w.case, w.now, &w.profile).is_empty(),
        "no deadlines after closing"
    );
}

#[test]
fn r_utsk_1_admission_is_an_event_and_notice_to_the_units() {
    let mut w = World::adult();
    w.ok(Command::RecordAdmission {
        at: at(2026, 11, 1, 8),
        insatser_may_be_needed: true,
    });
    assert!(w.case.log().last().unwrap().what.contains("Inskrivning"));
    assert!(ids(&evaluate(&w.case, w.now, &w.profile).records).contains(&"R-UTSK-1"));
    assert!(w
        .case
        .need()
        .indicators
        .contains(&Indicator::EfterUtskrivning));
    let mut w = World::adult();
    w.ok(Command::RecordAdmission {
        at: at(2026, 11, 1, 8),
        insatser_may_be_needed: false,
    });
    assert!(discharge::r_utsk_1_notice(&w.case).is_none());
    // A date before the admission is an input error, not a rule.
    w.refused_input(
        Command::RecordUtskrivningsklar {
            at: at(2026, 10, 1, 8),
        },
        "före inskrivningen",
    );
    // Utskrivningsklar without an admission: R-UTSK-1 (the admission is the event it follows).
    let mut w = World::adult();
    w.refused(
        Command::RecordUtskrivningsklar {
            at: at(2026, 11, 1, 8),
        },
        "R-UTSK-1",
    );
}

#[test]
fn r_utsk_2_an_existing_sip_at_admission_is_revised() {
    let mut w = World::adult();
    w.advance_to_locked_plan();
    assert!(discharge::r_utsk_2_existing_sip(&w.case).is_none());
    w.ok(Command::RecordAdmission {
        at: w.now,
        insatser_may_be_needed: true,
    });
    assert!(ids(&evaluate(&w.case, w.now, &w.profile).info).contains(&"R-UTSK-2"));
}

#[test]
fn r_utsk_3_is_the_three_calendar_day_kallelse_deadline() {
    let mut w = World::adult().with_profile("vastra-gotaland");
    let (k, r) = w.two_units();
    w.ok(Command::RecordAdmission {
        at: at(2026, 10, 28, 8),
        insatser_may_be_needed: true,
    });
    w.ok(Command::RecordUtskrivningsklar {
        at: at(2026, 10, 30, 12),
    });
    let d = deadlines(&w.case, w.now, &w.profile)
        .into_iter()
        .find(|d| d.rule.as_str() == "R-KALL-5")
        .unwrap();
    assert_eq!(d.due, date(2026, 11, 2));
    w.consent();
    w.ok(Command::SendKallelse(w.kallelse_draft(&[k, r])));
    let d = deadlines(&w.case, w.now, &w.profile)
        .into_iter()
        .find(|d| d.rule.as_str() == "R-KALL-5")
        .unwrap();
    assert_eq!(d.status, DeadlineStatus::Klar);
}

#[test]
fn r_utsk_4_region_outpatient_care_must_be_summoned_at_discharge() {
    let mut w = World::adult();
    let k = w.unit(UnitKind::SocialtjanstMyndighet, "Socialtjänsten");
    let hsv = w.unit(UnitKind::KommunalHalsoSjukvard, "Hemsjukvården");
    let oppen = w.unit(
        UnitKind::OppenVardRegion,
        "Fast vårdkontakt, medicinmottagningen",
    );
    w.ok(Command::RecordAdmission {
        at: at(2026, 10, 28, 8),
        insatser_may_be_needed: true,
    });
    w.consent();
    w.ok(Command::SendKallelse(w.kallelse_draft(&[k, hsv])));
    assert!(ids(&evaluate(&w.case, w.now, &w.profile).warnings).contains(&"R-UTSK-4"));
    let mut w2 = World::adult();
    let k = w2.unit(UnitKind::SocialtjanstMyndighet, "Socialtjänsten");
    let oppen2 = w2.unit(UnitKind::OppenVardRegion, "Fast vårdkontakt");
    w2.ok(Command::RecordAdmission {
        at: at(2026, 10, 28, 8),
        insatser_may_be_needed: true,
    });
    w2.consent();
    w2.ok(Command::SendKallelse(w2.kallelse_draft(&[k, oppen2])));
    assert!(discharge::r_utsk_4_outpatient(&w2.case).is_none());
    let _ = oppen;
}

#[test]
fn r_utsk_5_no_joint_need_after_discharge_closes_with_that_reason() {
    let mut w = World::adult();
    w.two_units();
    w.ok(Command::RecordAdmission {
        at: at(2026, 10, 28, 8),
        insatser_may_be_needed: true,
    });
    w.ok(Command::Close {
        reason: ClosingReason::IngetBehovEfterUtskrivning,
        participants: vec!["Avdelning 12".into()],
        comment: "Bara regionens insatser".into(),
        person_took_part: false,
        at_meeting: false,
    });
    assert_eq!(
        w.case.closing().unwrap().reason,
        ClosingReason::IngetBehovEfterUtskrivning
    );
    assert_eq!(w.case.phase(), Phase::Avslutad);
    // The assessment is told to every unit, by name.
    let f = evaluate(&w.case, w.now, &w.profile)
        .records
        .into_iter()
        .find(|f| f.rule.as_str() == "R-UTSK-5")
        .expect("R-UTSK-5");
    assert!(
        f.message_sv
            .contains("Socialtjänsten Västerås, Vårdcentralen Centrum"),
        "{}",
        f.message_sv
    );
}

#[test]
fn r_role_1_the_samordningsansvarigs_duties() {
    assert_eq!(roles::R_ROLE_1_DUTIES.len(), 10);
    assert!(roles::R_ROLE_1_DUTIES
        .iter()
        .any(|d| d.contains("makulera")));
}

#[test]
fn r_role_2_a_new_samordningsansvarig_comes_from_the_same_huvudman_and_history_is_kept() {
    let mut w = World::adult();
    let (k, r) = w.two_units();
    let k2 = w.unit(UnitKind::SocialtjanstUtforare, "Socialtjänsten, utförare");
    w.consent();
    w.send_initiative(k, &[r]);
    w.refused(
        Command::ReassignSamordningsansvarig {
            party: r,
            person: "Dr Berg".into(),
        },
        "R-ROLE-2",
    );
    w.ok(Command::ReassignSamordningsansvarig {
        party: k2,
        person: "Bo Ny".into(),
    });
    assert_eq!(w.case.roles().samordningsansvarig, Some(k2));
    assert!(w.case.log().last().unwrap().what.contains("Bo Ny"));
    let h = &w.case.roles().history;
    assert_eq!(h.len(), 1);
    assert_eq!(h[0].kind, CoordinatorChangeKind::Replacement);
    assert_eq!((h[0].from_party, h[0].to_party), (Some(k), k2));
}

#[test]
fn r_role_2_at_a_meeting_coordination_may_move_to_the_other_huvudman() {
    let mut w = World::adult();
    let (k, r) = w.two_units();
    w.consent();
    w.send_initiative(k, &[r]);
    let first = w.case.roles().samordningsansvarig_person.clone();
    // Before any meeting the parties have not decided anything.
    w.refused(
        Command::HandOverCoordination {
            party: r,
            person: "Dr Berg".into(),
        },
        "R-ROLE-2",
    );
    w.ok(Command::AcknowledgeInitiative { recipient: r });
    w.ok(Command::SendKallelse(w.kallelse_draft(&[k, r])));
    w.ok(Command::HoldMeeting(
        w.meeting_input(MeetingKind::Planering, &[k, r]),
    ));
    // The kommun's initiator hands over to the vårdcentral.
    w.ok(Command::HandOverCoordination {
        party: r,
        person: "Dr Berg".into(),
    });
    assert_eq!(w.case.roles().samordningsansvarig, Some(r));
    assert_eq!(w.case.roles().samordningsansvarig_person, "Dr Berg");
    let h = &w.case.roles().history;
    assert_eq!(h.len(), 1);
    assert_eq!(h[0].kind, CoordinatorChangeKind::HandOverAtMeeting);
    assert_eq!(h[0].from_person, first);
    assert!(w
        .case
        .log()
        .last()
        .unwrap()
        .what
        .contains("lämnat över på mötet"));
    // Not to another actor: the responsibility lies with kommun or region.
    let fk = w.actor(ActorKind::Forsakringskassan, "Försäkringskassan");
    w.refused(
        Command::HandOverCoordination {
            party: fk,
            person: "Handläggare".into(),
        },
        "R-ROLE-2",
    );
}

#[test]
fn r_role_1_the_duty_list_shows_what_the_case_already_shows_done() {
    let mut w = World::adult();
    let state = |w: &World, duty: &str| {
        roles::r_role_1_duties(&w.case)
            .into_iter()
            .find(|(d, _)| d.contains(duty))
            .map(|(_, s)| s)
            .unwrap()
    };
    assert_eq!(state(&w, "SIP-kollen"), roles::DutyState::NotYet);
    assert_eq!(
        state(&w, "återkallat samtycke"),
        roles::DutyState::NotNeeded
    );
    w.advance_to_meeting();
    assert_eq!(state(&w, "mötesledare"), roles::DutyState::Done);
    w.ok(Command::RecordSipKollenTold);
    assert_eq!(state(&w, "SIP-kollen"), roles::DutyState::Done);
}

#[test]
fn r_role_3_who_documents_is_decided_beforehand() {
    let mut w = World::adult();
    let (k, r) = w.two_units();
    w.consent();
    let mut d = w.kallelse_draft(&[k, r]);
    d.documenter = String::new();
    w.ok(Command::SendKallelse(d));
    let records =
        |w: &World| ids(&evaluate(&w.case, w.now, &w.profile).records).contains(&"R-ROLE-3");
    assert!(records(&w));
    let mut w = World::adult();
    let (k, r) = w.two_units();
    w.consent();
    w.ok(Command::SendKallelse(w.kallelse_draft(&[k, r])));
    assert!(!records(&w));
}

#[test]
fn r_stat_1_yearly_figures_by_kva_code() {
    let mut a = World::adult();
    a.advance_to_locked_plan();
    let mut b = World::adult();
    b.ok(Command::RefuseConsent { informed: true });
    let s = stats::r_stat_1_statistics([&a.case, &b.case]);
    assert_eq!(s.cases, 2);
    assert_eq!(s.plans_established, 1);
    assert_eq!(s.by_kva.get("AU124"), Some(&1));
    assert_eq!(s.followed_up, 0);
}

#[test]
fn r_stat_2_sip_kollen_is_reminded_after_a_meeting_until_the_person_is_told() {
    let mut w = World::adult();
    assert!(stats::r_stat_2_reminder(&w.case).is_none());
    w.refused(Command::RecordSipKollenTold, "R-STAT-2");
    w.advance_to_meeting();
    assert!(ids(&evaluate(&w.case, w.now, &w.profile).info).contains(&"R-STAT-2"));
    assert!(stats::SIP_KOLLEN_URL.contains("sipkollen.se"));
    w.ok(Command::RecordSipKollenTold);
    assert!(!ids(&evaluate(&w.case, w.now, &w.profile).info).contains(&"R-STAT-2"));
    let headings: Vec<&str> = stats::R_STAT_2_HEADINGS.iter().map(|(h, _)| *h).collect();
    assert_eq!(
        headings,
        vec![
            "Bemötande",
            "Medbestämmande",
            "Relevans",
            "Struktur",
            "Information"
        ]
    );
}

#[test]
fn r_stat_3_missed_deadlines_are_deviation_candidates_and_deviations_are_logged() {
    let mut w = World::adult().with_profile("vastmanland");
    let (k, r) = w.two_units();
    w.consent();
    w.send_initiative(k, &[r]);
    let later = at(2026, 11, 10, 9);
    let ds = deadlines(&w.case, later, &w.profile);
    let cands = stats::r_stat_3_candidates(&ds);
    assert_eq!(cands.len(), 1);
    assert_eq!(cands[0].rule.as_str(), "R-INIT-1");
    assert!(stats::r_stat_3_candidates(&deadlines(&w.case, w.now, &w.profile)).is_empty());
    w.ok(Command::RecordDeviation {
        rule: "R-INIT-1".into(),
        text: "Ingen kvittens på en vecka".into(),
    });
    assert_eq!(w.case.deviations().len(), 1);
}

#[test]
fn r_stat_4_every_accepted_command_is_logged_with_who_what_when_and_refusals_are_not() {
    let mut w = World::adult();
    let n = w.case.log().len();
    w.two_units();
    assert_eq!(w.case.log().len(), n + 2);
    let last = w.case.log().last().unwrap();
    assert_eq!(last.who, "Anna Samordnare");
    assert_eq!(last.at, w.now);
    assert!(last.what.contains("Vårdcentralen"));
    // A name the engine needs is an input error: no rule id is shown for it.
    w.refused_input(
        Command::AddParty(Party {
            id: PartyId(0),
            kind: PartyKind::Unit(UnitKind::Skola),
            name: "  ".into(),
            contact: Contact::default(),
            has_system_access: true,
            ongoing_contact: false,
        }),
        "Ange verksamhetens eller aktörens namn.",
    );
    assert_eq!(w.case.log().len(), n + 2);
}

#[test]
fn r_avsl_3_the_closing_names_every_party_to_tell() {
    let mut w = World::adult();
    let (k, r) = w.advance_to_locked_plan();
    let fk = w.actor(ActorKind::Forsakringskassan, "Försäkringskassan");
    w.ok(Command::Close {
        reason: ClosingReason::IngetBehovFranBadaHuvudman,
        participants: vec!["Lisa".into(), "Anna".into()],
        comment: "Målen är nådda".into(),
        person_took_part: false,
        at_meeting: false,
    });
    assert_eq!(w.case.closing().unwrap().notify, vec![k, r, fk]);
    let f = evaluate(&w.case, w.now, &w.profile)
        .info
        .into_iter()
        .find(|f| f.rule.as_str() == "R-AVSL-3")
        .expect("R-AVSL-3");
    assert!(
        f.message_sv.contains(
            "Meddela: Socialtjänsten Västerås, Vårdcentralen Centrum, Försäkringskassan."
        ),
        "{}",
        f.message_sv
    );
    assert!(f.message_sv.contains("vart hen vänder sig"));
}

#[test]
fn r_avsl_1_goals_reached_is_decided_with_the_person_and_each_unit_documents_the_closing() {
    let mut w = World::adult();
    w.advance_to_locked_plan();
    let close = |took_part| Command::Close {
        reason: ClosingReason::MalenUppfyllda,
        participants: vec!["Lisa".into(), "Anna Samordnare".into(), "Dr Berg".into()],
        comment: "Lisa klarar morgnarna själv".into(),
        person_took_part: took_part,
        at_meeting: false,
    };
    let v = w.refused(close(false), "R-AVSL-1");
    assert!(v.message_sv.contains("personen"), "{}", v.message_sv);
    w.ok(close(true));
    assert_eq!(w.case.phase(), Phase::Avslutad);
    assert!(w.case.closing().unwrap().person_took_part);
    let records = evaluate(&w.case, w.now, &w.profile).records;
    let own = records
        .iter()
        .find(|f| f.rule.as_str() == "R-AVSL-1")
        .unwrap();
    assert!(
        own.message_sv.contains("egen journal"),
        "{}",
        own.message_sv
    );
    assert!(
        own.message_sv.contains("Vårdcentralen Centrum"),
        "{}",
        own.message_sv
    );
}

#[test]
fn r_avsl_1_consent_withdrawn_ends_the_sip_and_voids_the_plan_recorded_once() {
    // Through the closing dialog …
    let mut w = World::adult();
    w.advance_to_locked_plan();
    w.ok(Command::Close {
        reason: ClosingReason::SamtyckeAterkallat,
        participants: vec!["Lisa".into()],
        comment: "Lisa vill inte längre".into(),
        person_took_part: true,
        at_meeting: false,
    });
    assert_eq!(w.case.phase(), Phase::Makulerad);
    assert!(w.case.consent().unwrap().withdrawn.is_some());
    assert!(w
        .case
        .plans()
        .iter()
        .all(|p| p.state() == PlanState::Makulerad));
    assert_eq!(
        w.case.closing().unwrap().reason,
        ClosingReason::SamtyckeAterkallat
    );
    // … and recorded once: neither a second closing nor a second withdrawal.
    w.refused(Command::WithdrawConsent, "R-CONS-8");
    w.refused(
        Command::Close {
            reason: ClosingReason::SamtyckeAterkallat,
            participants: vec![],
            comment: String::new(),
            person_took_part: true,
            at_meeting: false,
        },
        "R-CONS-8",
    );
    // The withdrawal itself is the same closing.
    let mut w = World::adult();
    w.advance_to_locked_plan();
    w.ok(Command::WithdrawConsent);
    assert_eq!(w.case.phase(), Phase::Makulerad);
    assert_eq!(
        w.case.closing().unwrap().reason,
        ClosingReason::SamtyckeAterkallat
    );
    assert_eq!(
        w.case
            .log()
            .iter()
            .filter(|e| e.what.contains("återkallat"))
            .count(),
        1
    );
}

#[test]
fn r_upp_4_a_follow_up_meeting_on_a_locked_plan_starts_the_new_version_and_its_plan_deadline_can_be_met(
) {
    let mut w = World::adult();
    let (k, r) = w.advance_to_locked_plan();
    w.ok(w.follow_up_all(ActivityStatus::Pagar, "Enligt plan"));
    w.tick(24 * 30);
    w.ok(Command::HoldMeeting(
        w.meeting_input(MeetingKind::Uppfoljning, &[k, r]),
    ));
    let p = w.case.plans();
    assert_eq!(p.len(), 2, "the follow-up meeting opened version 2");
    assert_eq!(
        p[0].state(),
        PlanState::Makulerad,
        "version 1 is voided and kept"
    );
    assert_eq!(p[1].state(), PlanState::Utkast);
    assert_eq!(
        p[1].content.insatser[0].status,
        Some(ActivityStatus::Pagar),
        "the follow-up status goes with the insats"
    );
    assert!(
        p[1].content.insatser.iter().all(|i| !i.decided),
        "each unit decides its insatser anew (R-PLAN-4)"
    );
    assert!(w
        .case
        .log()
        .last()
        .is_some_and(|e| e.what.contains("ny planversion 2")));
    // The new version can be established, signed and locked like the first: R-PLAN-7 can be met.
    w.ok(Command::EstablishPlan);
    w.ok(Command::SignPlan { by: k });
    w.ok(Command::LockPlan { by: k });
    assert_eq!(w.case.current_plan().map(|p| p.version), Some(2));
    // An evaluation meeting (closing) does not open a version.
    w.ok(Command::HoldMeeting(
        w.meeting_input(MeetingKind::Utvardering, &[k, r]),
    ));
    assert_eq!(w.case.plans().len(), 2);
}

#[test]
fn r_upp_4_what_changed_between_two_versions() {
    use sip_planen::engine::views::versions::{plan_diff, ChangeKind};
    let mut w = World::adult();
    let (k, r) = w.advance_to_locked_plan();
    w.ok(Command::StartNewVersion);
    let old = w.case.plans()[0].content.clone();
    let mut new = old.clone();
    assert!(
        plan_diff(&w.case, &old, &new).is_empty(),
        "no change, nothing listed"
    );
    new.long_term_goal = "Lisa vill arbeta igen".into();
    new.delmal.push(Goal {
        text: "Lisa ska börja praktik".into(),
    });
    new.insatser[0].how_often = "två gånger i veckan".into();
    new.insatser[0].unit = r;
    let removed = new.insatser.remove(1);
    new.insatser.push(insats(
        99,
        "Arbetsträning",
        k,
        "Eva",
        "varje vecka",
        "Daglig verksamhet",
    ));
    new.huvudansvarig = Some(r);
    let d = plan_diff(&w.case, &old, &new);
    let find = |area: &str, kind: ChangeKind| {
        d.iter()
            .filter(|c| c.area == area && c.kind == kind)
            .map(|c| c.text.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        find("Långsiktigt mål", ChangeKind::Andrad),
        vec![format!("{} → Lisa vill arbeta igen", old.long_term_goal)]
    );
    assert_eq!(
        find("Delmål", ChangeKind::Tillagd),
        vec!["Lisa ska börja praktik"]
    );
    let changed = find("Insats", ChangeKind::Andrad);
    assert_eq!(changed.len(), 1);
    assert!(changed[0].starts_with(&format!("{}: ", old.insatser[0].what)));
    assert!(changed[0].contains(&format!(
        "hur ofta: {} → två gånger i veckan",
        old.insatser[0].how_often
    )));
    assert!(
        changed[0].contains("verksamhet: "),
        "the unit that carries it out changed"
    );
    assert_eq!(
        find("Insats", ChangeKind::Borttagen),
        vec![removed.what.clone()]
    );
    assert_eq!(find("Insats", ChangeKind::Tillagd).len(), 1);
    assert!(find("Insats", ChangeKind::Tillagd)[0].starts_with("Arbetsträning ("));
    assert_eq!(find("Huvudansvarig", ChangeKind::Andrad).len(), 1);
    // In the order of the plan: the goal before the insatser, the insatser before huvudansvarig.
    let pos = |area: &str| d.iter().position(|c| c.area == area).unwrap();
    assert!(pos("Långsiktigt mål") < pos("Insats") && pos("Insats") < pos("Huvudansvarig"));
}

#[test]
fn r_upp_5_a_kallelse_to_the_follow_up_is_sent_once_the_plan_is_established_and_the_called_meeting_held(
) {
    let mut w = World::adult();
    let (k, r) = w.advance_to_meeting();
    // The first kallelse's meeting is held but the plan is a draft: no second kallelse yet.
    w.refused(Command::SendKallelse(w.kallelse_draft(&[k, r])), "R-KALL-3");
    w.ok(Command::UpdatePlan(w.full_plan(k, r)));
    w.ok(Command::EstablishPlan);
    w.ok(Command::SignPlan { by: k });
    w.ok(Command::LockPlan { by: k });
    assert!(w.case.may_call_follow_up());
    let next = evaluate(&w.case, w.now, &w.profile).next_steps;
    assert!(
        next.contains(&sip_planen::engine::Step::SkickaKallelse),
        "{next:?}"
    );
    w.tick(24 * 20);
    w.ok(Command::SendKallelse(w.kallelse_draft(&[k, r])));
    assert_eq!(
        w.case.earlier_kallelser().len(),
        1,
        "the first kallelse is kept"
    );
    assert!(w
        .case
        .log()
        .last()
        .is_some_and(|e| e.what.starts_with("Kallelse till uppföljning")));
    // Nationally the plan stays in force until the meeting is held (R-UPP-4).
    assert_eq!(w.case.plans().len(), 1);
    assert_eq!(w.case.current_plan().unwrap().state(), PlanState::Last);
    // Until that meeting is held, no further kallelse.
    w.refused(Command::SendKallelse(w.kallelse_draft(&[k, r])), "R-KALL-3");
    // Each summoned unit acknowledges the new kallelse (R-KALL-3), and the meeting opens version 2.
    w.ok(Command::AcknowledgeKallelse {
        recipient: k,
        attendee: "Anna".into(),
        substitute: None,
    });
    w.set_now(w.case.kallelse().unwrap().meeting_at);
    w.ok(Command::HoldMeeting(
        w.meeting_input(MeetingKind::Uppfoljning, &[k, r]),
    ));
    assert_eq!(w.case.plans().len(), 2);
    assert!(!w.case.may_call_follow_up());
}

#[test]
fn r_upp_4_in_vastmanland_calling_the_new_meeting_voids_the_plan() {
    let mut w = World::adult().with_profile("vastmanland");
    let (k, r) = w.advance_to_locked_plan();
    w.tick(24 * 20);
    w.ok(Command::SendKallelse(w.kallelse_draft(&[k, r])));
    let p = w.case.plans();
    assert_eq!(p.len(), 2, "the kallelse opened version 2");
    assert_eq!(p[0].state(), PlanState::Makulerad);
    assert_eq!(p[1].state(), PlanState::Utkast);
    assert!(w
        .case
        .log()
        .last()
        .is_some_and(|e| e.what.contains("ny planversion 2")));
    // The meeting then works on that version: it opens no third.
    w.set_now(w.case.kallelse().unwrap().meeting_at);
    w.ok(Command::HoldMeeting(
        w.meeting_input(MeetingKind::Uppfoljning, &[k, r]),
    ));
    assert_eq!(w.case.plans().len(), 2);
}

#[test]
fn r_upp_2_editing_the_new_version_keeps_each_insats_status() {
    let mut w = World::adult();
    let (k, r) = w.advance_to_locked_plan();
    w.ok(w.follow_up_all(ActivityStatus::Pagar, "Enligt plan"));
    w.tick(24 * 30);
    w.ok(Command::HoldMeeting(
        w.meeting_input(MeetingKind::Uppfoljning, &[k, r]),
    ));
    // The editor sends the plan as typed, without statuses; the recorded ones stay.
    let mut edited = w.case.current_plan().unwrap().content.clone();
    for i in edited.insatser.iter_mut() {
        i.status = None;
        i.status_comment.clear();
    }
    w.ok(Command::UpdatePlan(edited));
    let p = w.case.current_plan().unwrap();
    assert!(p
        .content
        .insatser
        .iter()
        .all(|i| i.status == Some(ActivityStatus::Pagar) && i.status_comment == "Enligt plan"));
    // And the board shows them for the editor's draft, which has none.
    let mut draft = p.content.clone();
    draft.insatser[0].status = None;
    let view = sip_planen::engine::board::board_view(&w.case, &draft, 0);
    assert_eq!(view.insatser[0].status, "Pågår");
}
