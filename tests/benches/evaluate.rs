//! `evaluate` on a large case: 30 parties, 200 activities, 10 plan versions. Target ≤ 100 µs per evaluation.
//! Run: `cargo bench --bench evaluate`.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
#[path = "../common/mod.rs"]
mod common;

#[cfg(not(target_arch = "wasm32"))]
mod bench {
    use super::common::*;
    use criterion::{criterion_group, Criterion};
    use sip_planen::engine::model::*;
    use sip_planen::engine::{evaluate, Command};
    use std::hint::black_box;

    fn large_case() -> World {
        let mut w = World::adult();
        let (k, r) = w.two_units();
        for i in 0..28 {
            let kind = UnitKind::ALL[i % UnitKind::ALL.len()];
            w.unit(kind, &format!("Enhet {i}"));
        }
        assert_eq!(w.case.parties().len(), 30);
        w.consent();
        w.send_initiative(k, &[r]);
        w.ok(Command::AcknowledgeInitiative { recipient: r });
        let all: Vec<PartyId> = w.case.parties().iter().map(|p| p.id).collect();
        w.ok(Command::SendKallelse(w.kallelse_draft(&all)));
        w.tick(24 * 7);
        w.ok(Command::HoldMeeting(
            w.meeting_input(MeetingKind::Planering, &all),
        ));
        let mut content = w.full_plan(k, r);
        content.insatser = (0..200)
            .map(|i| {
                insats(
                    0,
                    &format!("Aktivitet {i}"),
                    all[i % all.len()],
                    &format!("Ansvarig {i}"),
                    "varje vecka",
                    "Hemma",
                )
            })
            .collect();
        content.contacts = all
            .iter()
            .map(|p| ContactPerson {
                party: *p,
                name: format!("Kontakt {}", p.0),
                phone: "021".into(),
            })
            .collect();
        w.ok(Command::UpdatePlan(content));
        for v in 0..10 {
            w.ok(Command::EstablishPlan);
            w.ok(Command::SignPlan { by: k });
            w.ok(Command::LockPlan { by: k });
            if v < 9 {
                w.ok(w.follow_up_all(ActivityStatus::Pagar, ""));
                w.ok(Command::StartNewVersion);
            }
        }
        assert_eq!(w.case.plans().len(), 10);
        assert_eq!(w.case.current_plan().unwrap().content.insatser.len(), 200);
        w
    }

    fn bench(c: &mut Criterion) {
        let w = large_case();
        let e = evaluate(&w.case, w.now, &w.profile);
        assert!(!e.deadlines.is_empty());
        c.bench_function(
            "evaluate: 30 parties, 200 activities, 10 plan versions",
            |b| b.iter(|| evaluate(black_box(&w.case), black_box(w.now), black_box(&w.profile))),
        );
    }

    criterion_group!(benches, bench);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    bench::benches();
    criterion::Criterion::default()
        .configure_from_args()
        .final_summary();
}
