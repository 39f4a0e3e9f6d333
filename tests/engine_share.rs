//! "Min plan": the person's projection, its text form, the code and the link (the pure half; sealing is tested in
//! Chromium, tests/store.rs), and the view's language catalogues.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::*;
use proptest::prelude::*;
use sip_planen::engine::board::{BoardInsats, BoardLine, BoardView};
use sip_planen::engine::model::*;
use sip_planen::engine::share::{
    b64url, from_b64url, SealedLink, ShareCode, CODE_ALPHABET, CODE_LEN,
};
use sip_planen::engine::views::person::{person_plan, PersonPlan, PersonPlanState};
use sip_planen::engine::Command;

#[test]
fn r_plan_11_the_persons_copy_has_the_plan_with_phone_numbers_and_no_identity_digits() {
    let mut w = World::adult();
    let (k, r) = w.advance_to_meeting();
    let mut plan = w.full_plan(k, r);
    // An identity number typed into the plan by mistake never reaches the person's link.
    plan.help_needed = "Påminnelser (pnr 19811228-9874, ring 070-123 45 67)".into();
    w.ok(Command::UpdatePlan(plan));
    assert!(person_plan(&w.case, 1).is_none(), "a draft is not shared");
    w.ok(Command::EstablishPlan);
    let p = person_plan(&w.case, 1).unwrap();
    assert_eq!(p.state, PersonPlanState::Galler);
    assert_eq!(p.plan.title, "Lisas plan");
    assert_eq!(p.version, 1);
    assert_eq!(p.date, w.now.date());
    let text = p.encode();
    assert!(
        !text.contains("9874") && !text.contains("19811228"),
        "{text}"
    );
    assert!(
        !text.contains("Andersson"),
        "no surname: the plan is titled with the first name"
    );
    // The contacts carry their phone numbers (R-PLAN-11), unlike the big screen.
    assert!(
        p.plan.contacts.iter().any(|c| c.text.contains("021-1")),
        "{:?}",
        p.plan.contacts
    );
    assert!(p.plan.changes.is_empty() && p.plan.state.is_empty());
    assert_eq!(PersonPlan::decode(&text), Some(p));
}

#[test]
fn r_upp_4_an_older_version_says_it_is_replaced_and_a_closed_sip_that_it_no_longer_applies() {
    let mut w = World::adult();
    let (k, r) = w.advance_to_locked_plan();
    w.ok(Command::HoldMeeting(
        w.meeting_input(MeetingKind::Uppfoljning, &[k, r]),
    ));
    assert_eq!(
        person_plan(&w.case, 1).unwrap().state,
        PersonPlanState::Ersatt
    );
    assert!(person_plan(&w.case, 2).is_none());
    w.ok(Command::EstablishPlan);
    assert_eq!(
        person_plan(&w.case, 2).unwrap().state,
        PersonPlanState::Galler
    );
    w.ok(Command::WithdrawConsent);
    assert_eq!(
        person_plan(&w.case, 2).unwrap().state,
        PersonPlanState::Makulerad
    );
}

#[test]
fn a_code_is_twelve_characters_without_look_alikes_and_is_read_back_forgivingly() {
    let bytes: Vec<u8> = (0..=255).collect();
    let code = ShareCode::from_random(&bytes).unwrap();
    assert_eq!(code.as_str().len(), CODE_LEN);
    assert!(code.as_str().bytes().all(|b| CODE_ALPHABET.contains(&b)));
    for look_alike in "0O1IL2Z5S8BUV".bytes() {
        assert!(
            !CODE_ALPHABET.contains(&look_alike),
            "{}",
            look_alike as char
        );
    }
    let g = code.grouped();
    assert_eq!(g.len(), 14);
    assert_eq!(ShareCode::parse(&g.to_lowercase()), Some(code.clone()));
    assert_eq!(
        ShareCode::parse(&format!(" {} ", g.replace('-', " "))),
        Some(code)
    );
    assert_eq!(ShareCode::parse("ACEF-GH34"), None, "too short");
    assert_eq!(
        ShareCode::parse("ACEF-GH34-JKM0"),
        None,
        "0 is not in the alphabet"
    );
    assert!(
        ShareCode::from_random(&[255; 40]).is_none(),
        "bytes past the even range are skipped"
    );
}

#[test]
fn a_cut_or_reshaped_link_is_refused_before_any_key_is_tried() {
    let link = SealedLink {
        salt: vec![1; 16],
        iv: vec![2; 12],
        data: vec![3; 40],
    };
    let f = link.to_fragment();
    assert_eq!(SealedLink::from_fragment(&format!("#{f}")), Some(link));
    for bad in [
        &f[..f.len() - 10],
        &f[..f.rfind('.').unwrap()],
        "",
        "#",
        "2.AQ.AQ.AQ",
    ] {
        assert_eq!(SealedLink::from_fragment(bad), None, "{bad}");
    }
    let mut changed = f.clone();
    changed.push('=');
    assert_eq!(SealedLink::from_fragment(&changed), None);
    // Any one character of the sealed data changed in copying: damaged, before any code is tried.
    let start = f.match_indices('.').nth(2).unwrap().0 + 1;
    for i in start..f.rfind('.').unwrap() {
        let mut b = f.clone().into_bytes();
        b[i] = if b[i] == b'A' { b'B' } else { b'A' };
        let s = String::from_utf8(b).unwrap();
        assert_eq!(SealedLink::from_fragment(&s), None, "{s}");
    }
}

fn text() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[a-zåäöA-Z0-9 ,.:\\-\u{1d}\u{1e}\u{1f}]{0,16}").unwrap()
}

proptest! {
    #[test]
    fn base64url_round_trips_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..80)) {
        prop_assert_eq!(from_b64url(&b64url(&bytes)), Some(bytes));
    }

    /// The share codec round-trips any plan (separator characters, which cannot be typed, are dropped).
    #[test]
    fn the_persons_copy_round_trips_any_plan(
        t in proptest::collection::vec(text(), 12),
        n in 0usize..5,
        version in 1u32..50,
        state in 0usize..4,
        day in 0i64..3000,
    ) {
        let clean = |s: &String| s.chars().filter(|c| !('\u{1d}'..='\u{1f}').contains(c)).collect::<String>();
        let texts = |v: Vec<String>| v.iter().map(clean).filter(|s| !s.is_empty()).collect::<Vec<_>>();
        let plan = BoardView {
            title: t[0].clone(),
            first_name: t[1].clone(),
            needs: vec![t[2].clone(); n],
            long_term_goal: t[3].clone(),
            delmal: vec![t[4].clone()],
            insatser: vec![BoardInsats { what: t[5].clone(), who: t[6].clone(), when: t[7].clone(), place: t[8].clone(), ..Default::default() }; n],
            self_does: t[9].clone(),
            contacts: vec![BoardLine { who: t[10].clone(), text: t[11].clone() }; n],
            follow_up: t[2].clone(),
            ..Default::default()
        };
        let states = [PersonPlanState::Galler, PersonPlanState::Ersatt, PersonPlanState::Avslutad, PersonPlanState::Makulerad];
        let p = PersonPlan {
            state: states[state],
            version,
            date: date(2026, 1, 1) + chrono::Duration::days(day),
            plan,
        };
        let back = PersonPlan::decode(&p.encode()).expect("decodes");
        let want = BoardView::decode(&p.plan.encode()).unwrap();
        prop_assert_eq!(&back.plan.title, &clean(&p.plan.title));
        prop_assert_eq!(&back.plan.needs, &texts(p.plan.needs.clone()));
        prop_assert_eq!(back.plan, want);
        prop_assert_eq!((back.state, back.version, back.date), (p.state, p.version, p.date));
    }

    /// Anything else than a copy's text — random, or a copy cut short — reads as nothing, never in part.
    #[test]
    fn other_text_is_not_a_copy(s in "\\PC{0,60}", cut in 1usize..20) {
        prop_assert!(PersonPlan::decode(&s).is_none() || s.starts_with('1'));
        let p = PersonPlan { state: PersonPlanState::Galler, version: 1, date: date(2026, 11, 26), plan: BoardView { title: "Lisas plan".into(), ..Default::default() } };
        let text = p.encode();
        let cut = text.chars().take(text.chars().count().saturating_sub(cut)).collect::<String>();
        prop_assert!(PersonPlan::decode(&cut).is_none());
    }
}

// --- The view's catalogues (src/min_plan/lang/*.txt) ---

fn catalogue(name: &str) -> Vec<(String, String)> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src/min_plan/lang")
        .join(name);
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.trim_start().starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let (k, v) = l
                .split_once(" = ")
                .unwrap_or_else(|| panic!("{name}: not `key = text`: {l}"));
            (k.trim().to_string(), v.trim().to_string())
        })
        .collect()
}

#[test]
fn every_key_is_in_every_catalogue_and_every_key_the_view_uses_is_in_them() {
    let sv = catalogue("sv.txt");
    let keys: Vec<&String> = sv.iter().map(|(k, _)| k).collect();
    for other in ["lattlast.txt", "en.txt", "ar.txt"] {
        let c = catalogue(other);
        let theirs: Vec<&String> = c.iter().map(|(k, _)| k).collect();
        assert_eq!(
            theirs, keys,
            "{other} has the same keys, in the same order, as sv.txt"
        );
        assert!(
            c.iter().all(|(_, v)| !v.is_empty()),
            "{other}: an empty text"
        );
    }
    let code = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/min_plan/main.rs"),
    )
    .unwrap();
    let mut used = Vec::new();
    for (i, _) in code.match_indices("t(\"") {
        let rest = &code[i + 3..];
        used.push(rest[..rest.find('"').unwrap()].to_string());
    }
    for (i, _) in code.match_indices("Some(\"err_") {
        let rest = &code[i + 6..];
        used.push(rest[..rest.find('"').unwrap()].to_string());
    }
    assert!(used.len() > 20, "{used:?}");
    for k in used {
        assert!(
            keys.iter().any(|x| **x == k),
            "the view uses {k}, which sv.txt lacks"
        );
    }
}

#[test]
fn r_avsl_3_where_to_turn_in_swedish_is_the_rules_own_text() {
    let sv = catalogue("sv.txt");
    let text = &sv.iter().find(|(k, _)| k == "where_to_turn").unwrap().1;
    assert_eq!(
        text,
        sip_planen::engine::rules::closing::R_AVSL_3_WHERE_TO_TURN_SV
    );
}
