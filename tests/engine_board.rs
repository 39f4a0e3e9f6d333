//! R-PLAN-9: what the big screen may show, and the plan-edit log line.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::*;
use sip_planen::engine::board::{board_view, redact, BoardMessage, HIDDEN_NUMBER_SV};
use sip_planen::engine::model::*;
use sip_planen::engine::Command;

#[test]
fn r_plan_9_redact_hides_identity_and_phone_numbers() {
    let h = HIDDEN_NUMBER_SV;
    for (text, want) in [
        (
            "Ring 070-123 45 67 vid behov",
            format!("Ring {h} vid behov"),
        ),
        ("tel 08-12 34 56.", format!("tel {h}.")),
        ("+46 70 123 45 67", h.to_string()),
        ("pnr 19811228-9874", format!("pnr {h}")),
        ("811228-9874 är Lisa", format!("{h} är Lisa")),
        ("0701234567", h.to_string()),
    ] {
        assert_eq!(redact(text), want, "{text}");
    }
}

#[test]
fn r_plan_9_redact_keeps_dates_times_and_small_numbers() {
    for text in [
        "Från 2026-12-01 varje vecka",
        "kl 10-12, 3 gånger i veckan",
        "Lisa vill gå 5 km",
        "2026-2027",
        "Rum 204",
        "AU124",
        "Lisa2000",
    ] {
        assert_eq!(redact(text), text);
    }
}

fn plan_with_numbers(w: &World, k: PartyId, r: PartyId) -> PlanContent {
    let mut p = w.full_plan(k, r);
    p.contacts[0].phone = "070-111 22 33".into();
    p.contacts[1].phone = "021-17 30 00".into();
    p.help_needed = "Ring mamma på 070-999 88 77 och ta med 19811228-9874".into();
    p.insatser[0].start = Some(date(2026, 12, 1));
    p
}

#[test]
fn r_plan_9_board_never_carries_identity_digits_or_phone_numbers() {
    let mut w = World::adult();
    let (k, r) = w.advance_to_meeting();
    let plan = plan_with_numbers(&w, k, r);
    w.ok(Command::UpdatePlan(plan.clone()));
    let view = board_view(&w.case, &plan, 3);
    let json = format!("{view:?}");
    for forbidden in [
        "19811228",
        "811228",
        "9874",
        "070",
        "111 22 33",
        "17 30 00",
        "021-",
        "999",
    ] {
        assert!(!json.contains(forbidden), "{forbidden} in {json}");
    }
    assert_eq!(view.title, "Lisas plan");
    assert_eq!(view.agenda_label(), "Vart vill du nå?");
    assert_eq!(view.long_term_goal, "Lisa vill bo kvar hemma");
    assert_eq!(view.insatser.len(), 2);
    assert_eq!(view.insatser[0].when, "från 2026-12-01, varje morgon");
    assert!(view.insatser[0].who.ends_with("Sara Hemtjänst"));
    // Contact persons by name only.
    assert_eq!(view.contacts[0].text, "Sara Hemtjänst");
    assert!(view.follow_up.ends_with(", Vårdcentralen"));
    assert!(!view.huvudansvarig.is_empty());
    assert_eq!(view.state, "Utkast");
}

#[test]
fn r_plan_9_board_messages_round_trip() {
    let mut w = World::adult();
    let (k, r) = w.advance_to_meeting();
    let plan = w.full_plan(k, r);
    let msgs = [
        BoardMessage::Show {
            case: w.case.id(),
            view: Box::new(board_view(&w.case, &plan, 99)),
        },
        BoardMessage::Waiting { case: w.case.id() },
        BoardMessage::Hello { case: w.case.id() },
        BoardMessage::Clear,
    ];
    for m in msgs {
        assert_eq!(BoardMessage::decode(&m.encode()), Some(m));
    }
    for junk in ["", "X", "Snot-a-uuid", "C1", "W"] {
        assert_eq!(BoardMessage::decode(junk), None, "{junk}");
    }
    // An agenda index past the end is the last step.
    assert_eq!(
        board_view(&w.case, &plan, 99).agenda_label(),
        "Sammanfattning och nästa steg"
    );
}

#[test]
fn plan_edits_in_one_sitting_share_one_log_line() {
    let mut w = World::adult();
    let (k, r) = w.advance_to_meeting();
    let mut plan = w.full_plan(k, r);
    let before = w.case.log().len();
    for i in 0..5 {
        plan.help_needed = format!("Påminnelser {i}");
        w.ok(Command::UpdatePlan(plan.clone()));
        w.now += chrono::Duration::minutes(2);
    }
    assert_eq!(w.case.log().len(), before + 1);
    let last = w.case.log().last().unwrap();
    assert_eq!(last.what, "Planen ändrad");
    assert_eq!(last.at, w.now - chrono::Duration::minutes(2));
    // After a pause longer than the merge window, a new line.
    w.now += chrono::Duration::minutes(30);
    w.ok(Command::UpdatePlan(plan.clone()));
    assert_eq!(w.case.log().len(), before + 2);
    // Another command in between ends the sitting.
    w.ok(Command::DecideInsats {
        insats: w.case.current_plan().unwrap().content.insatser[0].id,
        by: k,
    });
    w.ok(Command::UpdatePlan(plan));
    assert_eq!(w.case.log().len(), before + 4);
}

#[test]
fn r_plan_11_the_paper_copy_has_every_contacts_phone_number() {
    use sip_planen::engine::board::{plan_view, Audience};
    let mut w = World::adult();
    let (k, r) = w.advance_to_meeting();
    let plan = plan_with_numbers(&w, k, r);
    let paper = plan_view(&w.case, &plan, 0, Audience::Paper);
    assert_eq!(paper.contacts[0].text, "Sara Hemtjänst, 070-111 22 33");
    assert!(paper.help_needed.contains("070-999 88 77"));
    let room = plan_view(&w.case, &plan, 0, Audience::Room);
    assert_eq!(room.contacts[0].text, "Sara Hemtjänst");
}

fn text() -> impl proptest::strategy::Strategy<Value = String> {
    // Any text, including the separator characters, which the encoding drops.
    proptest::string::string_regex("[a-zåäö 0-9\\-\u{1d}\u{1e}\u{1f}\n]{0,12}").unwrap()
}

proptest::proptest! {
    #[test]
    fn r_plan_9_board_view_survives_the_channel(
        t in proptest::collection::vec(text(), 16),
        n in 0usize..4,
        decided in proptest::bool::ANY,
    ) {
        use sip_planen::engine::board::{BoardInsats, BoardLine, BoardView};
        let clean = |s: &String| s.chars().filter(|c| !('\u{1d}'..='\u{1f}').contains(c)).collect::<String>();
        let v = BoardView {
            title: t[0].clone(),
            first_name: t[1].clone(),
            agenda: n,
            state: t[2].clone(),
            needs: vec![t[3].clone(); n],
            long_term_goal: t[4].clone(),
            delmal: vec![t[5].clone(), t[6].clone()],
            insatser: vec![BoardInsats { what: t[7].clone(), who: t[8].clone(), when: t[9].clone(), place: t[10].clone(), decided }; n],
            self_does: t[11].clone(),
            help_needed: t[12].clone(),
            others: vec![BoardLine { who: t[13].clone(), text: t[14].clone() }; n],
            contacts: Vec::new(),
            disagreements: vec![t[15].clone()],
            huvudansvarig: t[0].clone(),
            follow_up: t[1].clone(),
        };
        let texts = |v: &Vec<String>| v.iter().map(clean).filter(|s| !s.is_empty()).collect::<Vec<_>>();
        let back = BoardView::decode(&v.encode()).expect("decodes");
        // Equal to the view with separators dropped and empty texts left out of lists.
        let want = BoardView {
            title: clean(&v.title),
            first_name: clean(&v.first_name),
            state: clean(&v.state),
            needs: texts(&v.needs),
            long_term_goal: clean(&v.long_term_goal),
            delmal: texts(&v.delmal),
            insatser: v.insatser.iter().map(|i| BoardInsats { what: clean(&i.what), who: clean(&i.who), when: clean(&i.when), place: clean(&i.place), decided }).collect(),
            self_does: clean(&v.self_does),
            help_needed: clean(&v.help_needed),
            others: v.others.iter().map(|l| BoardLine { who: clean(&l.who), text: clean(&l.text) }).collect(),
            disagreements: texts(&v.disagreements),
            huvudansvarig: clean(&v.huvudansvarig),
            follow_up: clean(&v.follow_up),
            ..v.clone()
        };
        proptest::prop_assert_eq!(back, want);
    }
}
