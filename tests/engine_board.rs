//! R-PLAN-9: what the big screen may show, and the plan-edit log line.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::*;
use sip_planen::engine::board::{
    board_view, redact, BoardMessage, BoardReceiver, BoardSender, BoardView, Stamp,
    HIDDEN_NUMBER_SV,
};
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
        // Found by the hostile test of the big screen:
        ("ring 070\u{a0}111\u{a0}22\u{a0}33", format!("ring {h}")),
        ("ring +46 (0)70-111 22 33 nu", format!("ring {h} nu")),
        ("ring 070.111.22.33", format!("ring {h}")),
        ("ring 070/111 22 33", format!("ring {h}")),
        ("ring 070 - 111 22 33", format!("ring {h}")),
        ("ring (070) 111 22 33", format!("ring {h}")),
        ("121212+1212 är över 100", format!("{h} är över 100")),
        ("ring ０７０－１１１ ２２ ３３", format!("ring {h}")),
        ("ring ٠٧٠-١١١ ٢٢ ٣٣", format!("ring {h}")),
        ("ring ۰۷۰۱۱۱۲۲۳۳", format!("ring {h}")),
        ("ring 070\u{200b}111\u{200b}2233", format!("ring {h}")),
        ("ring 070–111 22 33", format!("ring {h}")),
        (
            "Vårdcentralen Centrum 021-123 45 67",
            format!("Vårdcentralen Centrum {h}"),
        ),
        ("1981-12-28-9874", h.to_string()),
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
        "Mötet 2026-12-01 10.00 i rum 3",
        "2026-12-01 10.00",
        "08.00-09.30 varje dag",
        "den 1.12.2026 kl. 13.15",
        "01/12/2026 och 2026/12/01",
        "Postnummer 721 30 Västerås",
        "Kostar 1 500 kr",
        "2026-12-01 – 2027-03-01",
    ] {
        assert_eq!(redact(text), text);
    }
}

#[test]
fn r_plan_9_party_names_pass_the_redaction_on_the_board() {
    let mut w = World::adult();
    let (k, r) = w.two_units();
    let unit_with_phone = w.unit(UnitKind::Psykiatri, "Psykiatrimottagningen 021-17 30 00");
    let actor = w.actor(ActorKind::Forsakringskassan, "FK 0771-524 524");
    w.consent();
    w.send_initiative(k, &[r, unit_with_phone]);
    w.ok(Command::AcknowledgeInitiative { recipient: r });
    w.ok(Command::AcknowledgeInitiative {
        recipient: unit_with_phone,
    });
    w.ok(Command::SendKallelse(w.kallelse_draft(&[k, r])));
    w.ok(Command::HoldMeeting(
        w.meeting_input(MeetingKind::Planering, &[k, r]),
    ));
    let mut plan = w.full_plan(k, r);
    plan.insatser[1].unit = unit_with_phone;
    plan.contacts.push(ContactPerson {
        party: unit_with_phone,
        name: "Dr Ek 070-123 45 67".into(),
        phone: "070-123 45 67".into(),
    });
    plan.others_actions.push(OtherAction {
        party: actor,
        text: "Utreder rätten till ersättning".into(),
    });
    plan.huvudansvarig = Some(unit_with_phone);
    w.ok(Command::UpdatePlan(plan.clone()));
    let view = board_view(&w.case, &plan, 0);
    let shown = format!("{view:?}");
    for forbidden in ["021", "17 30 00", "0771", "524", "070"] {
        assert!(!shown.contains(forbidden), "{forbidden} in {shown}");
    }
    assert_eq!(
        view.huvudansvarig,
        format!("Psykiatrimottagningen {HIDDEN_NUMBER_SV}")
    );
    assert!(view.insatser[1]
        .who
        .starts_with("Psykiatrimottagningen (nummer dolt)"));
    assert_eq!(view.others[0].who, format!("FK {HIDDEN_NUMBER_SV}"));
    assert_eq!(
        view.contacts[2].who,
        format!("Psykiatrimottagningen {HIDDEN_NUMBER_SV}")
    );
    assert_eq!(view.contacts[2].text, format!("Dr Ek {HIDDEN_NUMBER_SV}"));
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
    let from = Stamp {
        editor: 4_000_000_000,
        seq: 7,
    };
    let msgs = [
        BoardMessage::Show {
            case: w.case.id(),
            from,
            view: Box::new(board_view(&w.case, &plan, 99)),
        },
        BoardMessage::Patch {
            case: w.case.id(),
            from,
            changes: vec![(5, "Lisa vill".into()), (14, String::new())],
        },
        BoardMessage::Waiting { case: w.case.id() },
        BoardMessage::Hello { case: w.case.id() },
        BoardMessage::Clear,
    ];
    for m in msgs {
        assert_eq!(BoardMessage::decode(&m.encode()), Some(m));
    }
    for junk in [
        "",
        "X",
        "Snot-a-uuid",
        "C1",
        "W",
        "P00000000-0000-0000-0000-000000000000\u{1f}1:2\u{1f}99x",
    ] {
        assert_eq!(BoardMessage::decode(junk), None, "{junk}");
    }
    // An agenda index past the end is the last step.
    assert_eq!(
        board_view(&w.case, &plan, 99).agenda_label(),
        "Sammanfattning och nästa steg"
    );
}

#[test]
fn r_plan_9_a_keystroke_sends_only_the_field_it_changed_and_the_screen_keeps_the_newest() {
    let mut w = World::adult();
    let (k, r) = w.advance_to_meeting();
    let mut plan = w.full_plan(k, r);
    let id = w.case.id();
    let mut editor = BoardSender::new(1);
    let mut screen = BoardReceiver::default();
    let first = editor
        .next(id, &board_view(&w.case, &plan, 0))
        .expect("the whole view first");
    assert!(matches!(first, BoardMessage::Show { .. }));
    assert_eq!(screen.apply(&first), Some(board_view(&w.case, &plan, 0)));
    // Nothing changed: nothing to send.
    assert_eq!(editor.next(id, &board_view(&w.case, &plan, 0)), None);
    // One keystroke in the goal: one field travels.
    plan.long_term_goal = "Lisa vill bo kvar hemma!".into();
    let patch = editor.next(id, &board_view(&w.case, &plan, 0)).unwrap();
    match &patch {
        BoardMessage::Patch { changes, .. } => {
            assert_eq!(
                changes,
                &vec![(5u8, "Lisa vill bo kvar hemma!".to_string())]
            )
        }
        other => panic!("expected a patch, got {other:?}"),
    }
    assert_eq!(screen.apply(&patch), Some(board_view(&w.case, &plan, 0)));
    // The same patch heard again (directly and over the channel), or an older one, changes nothing.
    assert_eq!(screen.apply(&patch), None);
    assert_eq!(screen.apply(&first), None);
    // A screen that opened after the first message cannot apply a patch: it asks for the whole view.
    let mut late = BoardReceiver::default();
    assert_eq!(late.apply(&patch), None);
    let full = editor.full(id, &board_view(&w.case, &plan, 0));
    assert_eq!(late.apply(&full), Some(board_view(&w.case, &plan, 0)));
    // Another editor (the page reloaded) starts anew, whatever its numbers.
    let mut reloaded = BoardSender::new(2);
    let again = reloaded.next(id, &board_view(&w.case, &plan, 3)).unwrap();
    assert_eq!(screen.apply(&again), Some(board_view(&w.case, &plan, 3)));
    // Locking clears the screen, and a patch after it has nothing to apply to.
    assert_eq!(screen.apply(&BoardMessage::Clear), None);
    plan.help_needed = "Ny".into();
    let after = reloaded.next(id, &board_view(&w.case, &plan, 3)).unwrap();
    assert_eq!(screen.apply(&after), None);
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
    let paper = plan_view(&w.case, 1, &plan, 0, Audience::Paper);
    assert_eq!(paper.contacts[0].text, "Sara Hemtjänst, 070-111 22 33");
    assert!(paper.help_needed.contains("070-999 88 77"));
    let room = plan_view(&w.case, 1, &plan, 0, Audience::Room);
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
            insatser: vec![BoardInsats { what: t[7].clone(), who: t[8].clone(), when: t[9].clone(), place: t[10].clone(), status: t[2].clone(), mark: t[3].clone(), decided }; n],
            self_does: t[11].clone(),
            help_needed: t[12].clone(),
            others: vec![BoardLine { who: t[13].clone(), text: t[14].clone() }; n],
            contacts: Vec::new(),
            disagreements: vec![t[15].clone()],
            huvudansvarig: t[0].clone(),
            follow_up: t[1].clone(),
            changes_heading: t[4].clone(),
            changes: vec![t[5].clone(), t[6].clone()],
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
            insatser: v.insatser.iter().map(|i| BoardInsats { what: clean(&i.what), who: clean(&i.who), when: clean(&i.when), place: clean(&i.place), status: clean(&i.status), mark: clean(&i.mark), decided }).collect(),
            self_does: clean(&v.self_does),
            help_needed: clean(&v.help_needed),
            others: v.others.iter().map(|l| BoardLine { who: clean(&l.who), text: clean(&l.text) }).collect(),
            disagreements: texts(&v.disagreements),
            huvudansvarig: clean(&v.huvudansvarig),
            follow_up: clean(&v.follow_up),
            changes_heading: clean(&v.changes_heading),
            changes: texts(&v.changes),
            ..v.clone()
        };
        proptest::prop_assert_eq!(back, want);
    }
}

mod redaction_property {
    use proptest::prelude::*;
    use sip_planen::engine::board::{redact, HIDDEN_NUMBER_SV};

    /// Digits in the scripts a hostile text may use: ASCII, full-width, Arabic-Indic, Extended Arabic-Indic,
    /// Devanagari, mathematical bold.
    const ZEROS: [u32; 6] = [0x30, 0xFF10, 0x660, 0x6F0, 0x966, 0x1D7CE];
    const SPACES: [&str; 5] = [" ", "\u{a0}", "\u{202f}", "\u{2009}", "\u{3000}"];
    const DASHES: [&str; 6] = ["-", "\u{2013}", "\u{2010}", "\u{2212}", "\u{ff0d}", " - "];
    const WORDS: [&str; 10] = [
        "Lisa",
        "ring",
        "vid",
        "behov",
        "till",
        "syster",
        "hemtjänst",
        "på",
        "morgonen",
        "gärna",
    ];

    fn in_script(ascii: &str, zero: u32) -> String {
        ascii
            .chars()
            .map(|c| match c.to_digit(10) {
                Some(d) => char::from_u32(zero + d).unwrap_or(c),
                None => c,
            })
            .collect()
    }

    /// A phone or identity number, written in one of the ways people write them.
    fn secret() -> impl Strategy<Value = String> {
        (
            0usize..12,
            proptest::collection::vec(0u8..10, 12),
            0usize..SPACES.len(),
            0usize..DASHES.len(),
            0usize..ZEROS.len(),
            any::<bool>(),
        )
            .prop_map(|(format, d, sp, da, script, zero_width)| {
                let n = |r: std::ops::Range<usize>| {
                    d[r].iter().map(|x| x.to_string()).collect::<String>()
                };
                let s = SPACES[sp];
                let dash = DASHES[da];
                let month = 1 + d[2] % 9;
                let day = 10 + d[3] % 18;
                let ascii = match format {
                    0 => format!("07{}{dash}{}{s}{}{s}{}", n(0..1), n(1..4), n(4..6), n(6..8)),
                    1 => format!("07{}{s}{}{s}{}{s}{}", n(0..1), n(1..4), n(4..6), n(6..8)),
                    2 => format!("07{}.{}.{}.{}", n(0..1), n(1..4), n(4..6), n(6..8)),
                    3 => format!("07{}/{}{s}{}{s}{}", n(0..1), n(1..4), n(4..6), n(6..8)),
                    4 => format!("(07{}){s}{}{s}{}{s}{}", n(0..1), n(1..4), n(4..6), n(6..8)),
                    5 => format!(
                        "+46{s}7{}{s}{}{s}{}{s}{}",
                        n(0..1),
                        n(1..4),
                        n(4..6),
                        n(6..8)
                    ),
                    6 => format!(
                        "+46{s}(0)7{}{dash}{}{s}{}{s}{}",
                        n(0..1),
                        n(1..4),
                        n(4..6),
                        n(6..8)
                    ),
                    7 => format!("0{}{dash}{}{s}{}", n(0..2), n(2..4), n(4..6)),
                    8 => format!("{}{:02}{:02}{dash}{}", n(0..2), month, day, n(6..10)),
                    9 => format!("{}{:02}{:02}+{}", n(0..2), month, day, n(6..10)),
                    10 => format!("19{}{:02}{:02}{dash}{}", n(0..2), month, day, n(6..10)),
                    _ => format!("20{}{:02}{:02}{}", n(0..2), month, day, n(6..10)),
                };
                let mut out = in_script(&ascii, ZEROS[script]);
                if zero_width {
                    // Put a zero-width space after the third character (between digits in most formats).
                    let mut cs: Vec<char> = out.chars().collect();
                    if cs.len() > 3 {
                        cs.insert(3, '\u{200b}');
                    }
                    out = cs.into_iter().collect();
                }
                out
            })
    }

    /// A date or a time that must survive.
    fn keep() -> impl Strategy<Value = String> {
        (
            0usize..4,
            2000u32..2100,
            1u32..13,
            1u32..29,
            0u32..24,
            0u32..60,
        )
            .prop_map(|(format, y, m, d, h, min)| match format {
                0 => format!("{y}-{m:02}-{d:02}"),
                1 => format!("{h:02}.{min:02}"),
                2 => format!("{y}-{m:02}-{d:02} {h:02}.{min:02}"),
                _ => format!("{h}.{min:02}-{:02}.{min:02}", (h + 1) % 24),
            })
    }

    fn digits(s: &str) -> String {
        s.chars()
            .filter_map(|c| {
                if c.is_ascii_digit() {
                    return Some(c);
                }
                // Any script's digit counts as a digit.
                ZEROS
                    .iter()
                    .find_map(|z| (c as u32).checked_sub(*z).filter(|d| *d < 10))
                    .and_then(|d| char::from_digit(d, 10))
            })
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

        /// R-PLAN-9: whatever the format, script and spacing, no digit of a phone or identity number reaches the
        /// big screen, and every date and time is shown as written.
        #[test]
        fn r_plan_9_redaction_hides_every_number_format_and_keeps_dates_and_times(
            items in proptest::collection::vec((any::<bool>(), secret(), keep(), 0usize..WORDS.len()), 1..6),
        ) {
            let mut text = String::new();
            let mut kept = Vec::new();
            let mut secrets = 0;
            for (is_secret, secret, date, word) in &items {
                text.push_str(WORDS[*word]);
                text.push(' ');
                if *is_secret {
                    text.push_str(secret);
                    secrets += 1;
                } else {
                    text.push_str(date);
                    kept.push(date.clone());
                }
                text.push_str(", ");
            }
            let out = redact(&text);
            prop_assert_eq!(out.matches(HIDDEN_NUMBER_SV).count(), secrets, "{} → {}", text, out);
            let shown_digits = digits(&out);
            let kept_digits: String = kept.iter().map(|k| digits(k)).collect();
            prop_assert_eq!(shown_digits, kept_digits, "{} → {}", text, out);
            for k in &kept {
                prop_assert!(out.contains(k.as_str()), "{} lost in {}", k, out);
            }
        }
    }
}

#[test]
fn r_upp_4_the_board_at_a_follow_up_shows_statuses_and_marks_what_changed() {
    let mut w = World::adult();
    let (k, r) = w.advance_to_locked_plan();
    w.ok(w.follow_up_all(ActivityStatus::Pagar, "Enligt plan"));
    // Version 1 on the board: statuses, no marks, nothing "changed since".
    let v1 = w.case.current_plan().unwrap().content.clone();
    let view = board_view(&w.case, &v1, 0);
    assert!(view
        .insatser
        .iter()
        .all(|i| i.status == "Pågår" && i.mark.is_empty()));
    assert!(view.changes_heading.is_empty() && view.changes.is_empty());
    w.tick(24 * 30);
    w.ok(Command::HoldMeeting(
        w.meeting_input(MeetingKind::Uppfoljning, &[k, r]),
    ));
    // Version 2 as it is written: one insats changed, one added, a contact with a new phone number.
    let mut v2 = w.case.current_plan().unwrap().content.clone();
    v2.insatser[0].how_often = "två gånger i veckan".into();
    v2.insatser.push(insats(
        0,
        "Stöd i att handla",
        k,
        "Per",
        "varje fredag",
        "Hemma",
    ));
    v2.contacts[0].phone = "070-123 45 67".into();
    let view = board_view(&w.case, &v2, 0);
    assert_eq!(view.state, "Utkast");
    assert_eq!(view.insatser[0].mark, "Ändrad");
    assert_eq!(view.insatser[0].status, "Pågår");
    assert_eq!(view.insatser[1].mark, "");
    assert_eq!(view.insatser[2].mark, "Ny");
    assert_eq!(view.insatser[2].status, "");
    assert_eq!(view.changes_heading, "Ändrat sedan version 1");
    assert!(
        view.changes
            .iter()
            .any(|c| c.contains("hur ofta") && c.contains("två gånger i veckan")),
        "{:?}",
        view.changes
    );
    assert!(view
        .changes
        .iter()
        .any(|c| c.starts_with("Insats (tillagt): Stöd i att handla")));
    // The room never sees a phone number, not even in what changed.
    assert!(
        view.changes.iter().all(|c| !c.contains("070")),
        "{:?}",
        view.changes
    );
    assert_eq!(BoardView::decode(&view.encode()), Some(view));
}

#[test]
fn r_upp_4_what_changed_on_the_board_does_not_count_the_drafts_missing_statuses() {
    let mut w = World::adult();
    let (k, r) = w.advance_to_locked_plan();
    w.ok(w.follow_up_all(ActivityStatus::Pagar, "Enligt plan"));
    w.ok(Command::HoldMeeting(
        w.meeting_input(MeetingKind::Uppfoljning, &[k, r]),
    ));
    let mut draft = w.case.current_plan().unwrap().content.clone();
    for i in draft.insatser.iter_mut() {
        i.status = None;
    }
    let view = board_view(&w.case, &draft, 0);
    assert!(view.changes.is_empty(), "{:?}", view.changes);
    assert!(view.insatser.iter().all(|i| i.status == "Pågår"));
}
