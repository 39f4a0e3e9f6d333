//! Property tests of the state machine: random command sequences never break an invariant, a refused command
//! changes nothing, and serde keeps the case equal (native).
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::*;
use proptest::prelude::*;
use sip_planen::engine::model::*;
use sip_planen::engine::rules::{consent::missing_guardians, plan::r_plan_1_missing};
use sip_planen::engine::{Case, Command};

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
            urgency: Some(Urgency::KanVanta),
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
        9 => Command::HoldMeeting(Meeting {
            digital: a % 5 == 0,
            // A planning meeting mostly; a follow-up meeting opens a new version (R-UPP-4), an evaluation does not.
            ..w.meeting_input(
                match a % 4 {
                    0 => MeetingKind::Uppfoljning,
                    1 => MeetingKind::Utvardering,
                    _ => MeetingKind::Planering,
                },
                &[p.k, p.r],
            )
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
            person_took_part: a % 3 != 0,
            at_meeting: false,
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
        .filter(|p| p.state() != PlanState::Makulerad)
        .collect();
    prop_assert!(live.len() <= 1, "at most one live plan version");
    if let Some(cons) = c.consent() {
        prop_assert!(
            !cons.parties.is_empty() && !cons.information.is_empty(),
            "consent has a scope (R-CONS-3)"
        );
        let profile = sip_planen::engine::profiles::get(c.profile());
        prop_assert!(
            cons.valid_until >= cons.given
                && sip_planen::engine::rules::consent::r_cons_4_max_valid_until(
                    cons.given, profile
                )
                .is_none_or(|max| cons.valid_until <= max),
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
        if p.state() != PlanState::Utkast {
            prop_assert!(
                c.consent()
                    .is_some_and(|x| x.establish_plan && x.withdrawn.is_none()),
                "an established plan has consent (b)"
            );
        }
        if p.state() == PlanState::Last {
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

/// The case index keeps what Att göra shows: on any day, a summary's deadlines (written and read back as the store
/// does) are the engine's open deadlines of the case, with the status of that day.
fn check_index(c: &Case, now: chrono::NaiveDateTime) -> Result<(), TestCaseError> {
    use sip_planen::engine::index::Summary;
    use sip_planen::engine::{deadlines, DeadlineStatus};
    let mut bucket = sip_planen::engine::index::Bucket::default();
    bucket.put(Summary::of(c));
    let back = sip_planen::engine::index::Bucket::decode(&bucket.encode())
        .and_then(|b| b.cases.into_iter().next())
        .unwrap();
    prop_assert_eq!(&back, &Summary::of(c));
    let profile = sip_planen::engine::profiles::get(c.profile());
    for days in [-30i64, 0, 1, 45, 400] {
        let t = now + chrono::Duration::days(days);
        let want: Vec<_> = deadlines(c, t, profile)
            .into_iter()
            .filter(|d| d.status != DeadlineStatus::Klar)
            .collect();
        prop_assert_eq!(back.deadlines_on(t).collect::<Vec<_>>(), want);
    }
    Ok(())
}

/// Where a run starts: a new case with its parties, or one that has reached the SIP meeting (so the invariants
/// about established and locked plans are exercised, not only reached by chance).
#[derive(Debug, Clone, Copy)]
enum Start {
    Registered,
    AtMeeting,
    /// A locked plan: follow-ups, new versions, withdrawal and closing are drawn against it.
    AtLockedPlan,
}

/// The plan states a run saw, and whether its last case still had a live plan.
#[derive(Debug, Default, Clone, Copy)]
struct Reached {
    established: bool,
    signed: bool,
    locked: bool,
    voided: bool,
}

fn run(mut w: World, start: Start, ops: Vec<(u8, u8, u8)>) -> Result<Reached, TestCaseError> {
    let parties = match start {
        Start::Registered => {
            let (k, r) = w.two_units();
            let actor = w.actor(ActorKind::Forsakringskassan, "FK");
            Parties { k, r, actor }
        }
        Start::AtMeeting | Start::AtLockedPlan => {
            let (k, r) = w.two_units();
            let actor = w.actor(ActorKind::Forsakringskassan, "FK");
            // A child's consent comes from both guardians.
            let child = w.case.person().is_child_on(w.now.date()) == Some(true);
            let givers: Vec<Giver> = if child {
                for name in ["Maria", "Johan"] {
                    w.ok(Command::AddGuardian {
                        name: name.into(),
                        phone: String::new(),
                    });
                }
                w.case
                    .guardians()
                    .iter()
                    .map(|g| Giver::Vardnadshavare(g.id))
                    .collect()
            } else {
                vec![Giver::Personen]
            };
            let input = w.consent_input(&givers);
            w.ok(Command::RecordConsent(input));
            w.send_initiative(k, &[r]);
            w.ok(Command::AcknowledgeInitiative { recipient: r });
            w.ok(Command::SendKallelse(w.kallelse_draft(&[k, r])));
            w.tick(24 * 7);
            w.ok(Command::HoldMeeting(
                w.meeting_input(MeetingKind::Planering, &[k, r]),
            ));
            if matches!(start, Start::AtLockedPlan) {
                w.ok(Command::UpdatePlan(w.full_plan(k, r)));
                w.ok(Command::EstablishPlan);
                w.ok(Command::SignPlan { by: k });
                w.ok(Command::LockPlan { by: k });
            }
            Parties { k, r, actor }
        }
    };
    let mut reached = Reached::default();
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
                // A voided version is history: kept, unchanged, by whatever command follows (R-UPP-4).
                for old in before
                    .plans()
                    .iter()
                    .filter(|p| p.state() == PlanState::Makulerad)
                {
                    prop_assert_eq!(
                        w.case.plans().iter().find(|p| p.version == old.version),
                        Some(old),
                        "voided version {} changed or went",
                        old.version
                    );
                }
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
                prop_assert_eq!(&w.case, &before, "refused {} changed the case", v);
                prop_assert!(!v.message_sv.is_empty());
            }
        }
        check_invariants(&w.case)?;
        check_index(&w.case, w.now)?;
        for p in w.case.plans() {
            match p.state() {
                PlanState::Upprattad => reached.established = true,
                PlanState::Signerad => reached.signed = true,
                PlanState::Last => reached.locked = true,
                PlanState::Makulerad => reached.voided = true,
                PlanState::Utkast => {}
            }
        }
    }
    let json = serde_json::to_string(&w.case).unwrap();
    // The app's own writer writes the very same text.
    prop_assert_eq!(
        String::from_utf8(sip_planen::engine::json_write::to_vec(&w.case).unwrap()).unwrap(),
        json.clone()
    );
    // The app's own reader (engine::json) and serde_json read the stored text to the same case.
    let back: Case = sip_planen::engine::json::from_str(&json).unwrap();
    prop_assert_eq!(&back, &w.case);
    let back: Case = serde_json::from_str(&json).unwrap();
    prop_assert_eq!(back, w.case);
    Ok(reached)
}

/// Two in three commands are steps of the plan's lifecycle as a coordinator takes them (a complete plan, establish,
/// sign and lock by the samordningsansvarig, decide, follow up, a new version), so that runs get through it; the
/// rest are any command with any arguments.
fn op() -> impl Strategy<Value = (u8, u8, u8)> {
    // (command, first argument): 10 with a = 4 is the complete plan; 12, 14, 15 with a = 0 act as unit k.
    const LIFECYCLE: [(u8, u8); 8] = [
        (10, 4),
        (13, 0),
        (14, 0),
        (15, 0),
        (12, 0),
        (17, 0),
        (16, 0),
        (10, 2),
    ];
    prop_oneof![
        1 => any::<(u8, u8, u8)>(),
        2 => (0usize..LIFECYCLE.len(), any::<u8>()).prop_map(|(i, b)| (LIFECYCLE[i].0, LIFECYCLE[i].1, b)),
    ]
}

fn random_runs(person: fn() -> World, who: &str) {
    use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
    use std::cell::RefCell;
    const CASES: u32 = 600;
    // Per start (registered, at the meeting, at a locked plan): runs, established, signed, locked, voided.
    let counts = RefCell::new([[0u32; 5]; 3]);
    // A fixed seed: the counts below are the same in every run, so the shares asserted on them cannot flake.
    let mut runner = TestRunner::new_with_rng(
        Config {
            cases: CASES,
            failure_persistence: None,
            ..Config::default()
        },
        TestRng::deterministic_rng(RngAlgorithm::ChaCha),
    );
    let strategy = (0usize..3, prop::collection::vec(op(), 1..60));
    runner
        .run(&strategy, |(start, ops)| {
            let from = [Start::Registered, Start::AtMeeting, Start::AtLockedPlan][start];
            let r = run(person(), from, ops)?;
            let c = &mut counts.borrow_mut()[start];
            c[0] += 1;
            c[1] += u32::from(r.established);
            c[2] += u32::from(r.signed);
            c[3] += u32::from(r.locked);
            c[4] += u32::from(r.voided);
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{e}"));
    let counts = *counts.borrow();
    for (label, [runs, established, signed, locked, voided]) in
        ["a new case", "the meeting", "a locked plan"]
            .iter()
            .zip(counts)
    {
        println!(
            "{who}, from {label}: {runs} runs — a plan established in {established}, signed in {signed}, \
             locked in {locked}, voided in {voided}"
        );
    }
    let [runs, _, _, locked, voided] = counts[1];
    // From the meeting, random commands take a fair share of runs through the whole lifecycle.
    assert!(
        locked * 20 >= runs,
        "only {locked} of {runs} runs from the meeting reached a locked plan"
    );
    assert!(
        voided * 10 >= runs,
        "only {voided} of {runs} runs from the meeting voided a plan"
    );
    let [runs, _, _, _, voided] = counts[2];
    assert!(
        voided * 5 >= runs,
        "only {voided} of {runs} runs from a locked plan voided it"
    );
}

#[test]
fn random_command_sequences_keep_every_invariant_for_an_adult() {
    random_runs(World::adult, "adult");
}

#[test]
fn random_command_sequences_keep_every_invariant_for_a_child() {
    random_runs(World::child, "child");
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
        person_took_part: false,
        at_meeting: false,
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
