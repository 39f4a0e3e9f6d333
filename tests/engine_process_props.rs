//! Property tests of the state machine: random command sequences never break an invariant, a refused command
//! changes nothing, and serde keeps the case equal (native).
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::*;
use proptest::prelude::*;
use sip_planen::engine::model::*;
use sip_planen::engine::rules::{consent::missing_guardians, plan::r_plan_1_missing};
use sip_planen::engine::{Case, Command, MeetingInput};

struct Parties {
    k: PartyId,
    r: PartyId,
    actor: PartyId,
}

/// A command built from three random bytes (or a step of time, as `None`).
fn command(w: &World, p: &Parties, (op, a, b): (u8, u8, u8)) -> Option<Command> {
    let pick = |x: u8| [p.k, p.r, p.actor][usize::from(x % 3)];
    let guardians: Vec<u32> = w.case.guardians().iter().map(|g| g.id).collect();
    let plan = w.case.current_plan();
    Some(match op % 24 {
        0 => Command::AddGuardian {
            name: format!("Vh {a}"),
            phone: String::new(),
        },
        1 | 2 => {
            let mut givers = vec![];
            if a % 2 == 0 {
                givers.push(Giver::Personen);
            }
            for (i, g) in guardians.iter().enumerate() {
                if (b >> i) & 1 == 1 {
                    givers.push(Giver::Vardnadshavare(*g));
                }
            }
            let mut input = w.consent_input(&givers);
            input.information_exchange = a % 5 != 0;
            input.establish_plan = a % 7 != 0;
            input.digital_meeting = b % 2 == 0;
            input.form = [
                ConsentForm::Muntligt,
                ConsentForm::Skriftligt,
                ConsentForm::Presumerat,
            ][usize::from(b % 3)];
            if a % 11 == 0 {
                input.parties.clear();
            }
            if b % 13 == 0 {
                input.parties.remove(&p.actor);
            }
            Command::RecordConsent(input)
        }
        3 => Command::AddConsentGiver(
            guardians
                .get(usize::from(a) % guardians.len().max(1))
                .map_or(Giver::Personen, |g| Giver::Vardnadshavare(*g)),
        ),
        4 => Command::SendInitiative {
            initiator: pick(a),
            recipients: vec![pick(b)],
            reason: "Samordning".into(),
            urgency: Urgency::KanVanta,
        },
        5 => Command::AcknowledgeInitiative { recipient: pick(a) },
        6 => Command::DeclineInitiative {
            recipient: pick(a),
            referral: if b % 2 == 0 {
                String::new()
            } else {
                "Annan enhet".into()
            },
        },
        7 => {
            let mut d = w.kallelse_draft(&[p.k, p.r]);
            if a % 3 == 0 {
                d.recipients.push(p.actor);
            }
            if b % 4 == 0 {
                d.purpose.clear();
            }
            if b % 5 == 0 {
                d.questions.clear();
            }
            if a % 4 == 1 {
                d.place = Some(Place::Digitalt);
            }
            Command::SendKallelse(d)
        }
        8 => Command::AcknowledgeKallelse {
            recipient: pick(a),
            attendee: if b % 3 == 0 {
                String::new()
            } else {
                "Någon".into()
            },
            substitute: None,
        },
        9 => Command::HoldMeeting(MeetingInput {
            digital: a % 5 == 0,
            ..w.meeting_input(MeetingKind::Planering, &[p.k, p.r])
        }),
        10 | 11 => {
            let mut c = w.full_plan(p.k, p.r);
            match a % 5 {
                0 => c.follow_up = None,
                1 => c.needs.clear(),
                2 => c.others_actions.push(OtherAction {
                    party: p.actor,
                    text: "Stöd".into(),
                }),
                3 => c.huvudansvarig = Some(p.actor),
                _ => {}
            }
            Command::UpdatePlan(c)
        }
        12 => Command::DecideInsats {
            insats: plan
                .and_then(|p| p.content.insatser.first())
                .map_or(0, |i| i.id),
            by: pick(a),
        },
        13 => Command::EstablishPlan,
        14 => Command::SignPlan { by: pick(a) },
        15 => Command::LockPlan { by: pick(a) },
        16 => Command::StartNewVersion,
        17 => Command::RecordFollowUp {
            activities: plan
                .map(|p| {
                    p.content
                        .insatser
                        .iter()
                        .map(|i| ActivityFollowUp {
                            insats: i.id,
                            status: ActivityStatus::Pagar,
                            comment: String::new(),
                        })
                        .collect()
                })
                .unwrap_or_default(),
            comment: String::new(),
            next: None,
        },
        18 => Command::WithdrawConsent,
        19 => Command::RefuseConsent {
            informed: a % 2 == 0,
        },
        20 => Command::Close {
            reason: ClosingReason::ALL[usize::from(a) % ClosingReason::ALL.len()],
            participants: vec!["Anna".into()],
            comment: if b % 2 == 0 {
                String::new()
            } else {
                "Kommentar".into()
            },
        },
        21 => Command::Restart,
        22 => Command::SetCompulsoryCare(if a % 4 == 0 {
            Some(CompulsoryCare::Lpt)
        } else {
            None
        }),
        _ => return None,
    })
}

fn check_invariants(c: &Case) -> Result<(), TestCaseError> {
    let live: Vec<&PlanVersion> = c
        .plans()
        .iter()
        .filter(|p| p.state != PlanState::Makulerad)
        .collect();
    prop_assert!(live.len() <= 1, "at most one live plan version");
    if let Some(cons) = c.consent() {
        prop_assert!(
            !cons.parties.is_empty() && !cons.information.is_empty(),
            "consent has a scope (R-CONS-3)"
        );
        prop_assert!(
            cons.valid_until
                <= sip_planen::engine::rules::consent::r_cons_4_max_valid_until(cons.given),
            "R-CONS-4"
        );
        if cons.withdrawn.is_some() {
            prop_assert!(
                live.is_empty(),
                "withdrawn consent voids the plan (R-CONS-8)"
            );
        }
    }
    for p in &live {
        if p.state != PlanState::Utkast {
            prop_assert!(
                c.consent()
                    .is_some_and(|x| x.establish_plan && x.withdrawn.is_none()),
                "an established plan has consent (b)"
            );
        }
        if p.state == PlanState::Last {
            prop_assert!(
                r_plan_1_missing(&p.content).is_empty(),
                "a locked plan is complete (R-PLAN-1)"
            );
        }
        for a in &p.content.others_actions {
            prop_assert!(
                c.consent().is_some_and(|x| x.parties.contains(&a.party)),
                "R-CONS-11"
            );
        }
    }
    if let Some(k) = c.kallelse() {
        prop_assert!(
            !k.purpose.is_empty() && !k.long_term_goal.is_empty() && !k.questions.is_empty(),
            "R-KALL-1"
        );
    }
    if let Some(i) = c.initiative() {
        prop_assert!(
            matches!(
                c.party(i.initiator).map(|p| p.kind),
                Some(PartyKind::Unit(_))
            ),
            "R-NEED-9"
        );
        for r in &i.recipients {
            if let Some(InitiativeAnswer::Nekad { referral, .. }) = &r.answer {
                prop_assert!(!referral.trim().is_empty(), "R-INIT-1");
            }
        }
    }
    Ok(())
}

fn run(mut w: World, ops: Vec<(u8, u8, u8)>) -> Result<(), TestCaseError> {
    let (k, r) = w.two_units();
    let actor = w.actor(ActorKind::Forsakringskassan, "FK");
    let parties = Parties { k, r, actor };
    for op in ops {
        let Some(cmd) = command(&w, &parties, op) else {
            w.tick(i64::from(op.1) * 5);
            continue;
        };
        let before = w.case.clone();
        let is_initiative = matches!(cmd, Command::SendInitiative { .. });
        let is_plan_edit = matches!(cmd, Command::UpdatePlan(_));
        match w.cmd(cmd) {
            Ok(()) => {
                // One log line per accepted command; a plan edit right after a plan edit shares the line.
                let merged = is_plan_edit
                    && before
                        .log()
                        .last()
                        .is_some_and(|e| e.what == "Planen ändrad")
                    && w.case.log().len() == before.log().len();
                if merged {
                    prop_assert_eq!(w.case.log().last().map(|e| e.at), Some(w.now));
                } else {
                    prop_assert_eq!(
                        w.case.log().len(),
                        before.log().len() + 1,
                        "one log line per accepted command"
                    );
                }
                if is_initiative {
                    prop_assert!(
                        missing_guardians(&w.case, w.now.date()).is_empty(),
                        "a child's initiative has every guardian's consent"
                    );
                }
            }
            Err(v) => {
                prop_assert_eq!(&w.case, &before, "refused {} changed the case", v.rule);
                prop_assert!(!v.message_sv.is_empty());
            }
        }
        check_invariants(&w.case)?;
    }
    let json = serde_json::to_string(&w.case).unwrap();
    let back: Case = serde_json::from_str(&json).unwrap();
    prop_assert_eq!(back, w.case);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn random_command_sequences_keep_every_invariant_for_an_adult(ops in prop::collection::vec(any::<(u8, u8, u8)>(), 1..60)) {
        run(World::adult(), ops)?;
    }

    #[test]
    fn random_command_sequences_keep_every_invariant_for_a_child(ops in prop::collection::vec(any::<(u8, u8, u8)>(), 1..60)) {
        run(World::child(), ops)?;
    }
}

#[test]
fn the_happy_path_reaches_every_phase_in_order() {
    use sip_planen::engine::Phase::*;
    let mut w = World::adult();
    let mut phases = vec![w.case.phase()];
    w.ok(Command::SetIndicators(set(&[Indicator::OklartAnsvar])));
    phases.push(w.case.phase());
    let (k, r) = w.two_units();
    w.consent();
    phases.push(w.case.phase());
    w.send_initiative(k, &[r]);
    w.ok(Command::AcknowledgeInitiative { recipient: r });
    phases.push(w.case.phase());
    w.ok(Command::SendKallelse(w.kallelse_draft(&[k, r])));
    phases.push(w.case.phase());
    w.ok(Command::HoldMeeting(
        w.meeting_input(MeetingKind::Planering, &[k, r]),
    ));
    w.ok(Command::UpdatePlan(w.full_plan(k, r)));
    w.ok(Command::EstablishPlan);
    phases.push(w.case.phase());
    w.ok(Command::RecordFollowUp {
        activities: vec![],
        comment: String::new(),
        next: None,
    });
    phases.push(w.case.phase());
    w.ok(Command::Close {
        reason: ClosingReason::InteNyttBehovInomKort,
        participants: vec!["Lisa".into()],
        comment: "Klart".into(),
    });
    phases.push(w.case.phase());
    phases.dedup();
    assert_eq!(
        phases,
        vec![
            Behov,
            Samtycke,
            Initiativ,
            Kallelse,
            Mote,
            PlanUpprattad,
            Uppfoljning,
            Avslutad
        ]
    );
}
