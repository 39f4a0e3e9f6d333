//! The audit log's pure part: SHA-256 against the FIPS 180-4 examples, the hash chain (a changed, removed,
//! reordered or appended-behind-the-back entry is found), the filters and the CSV export.

#![cfg(not(target_arch = "wasm32"))]
use chrono::{NaiveDate, NaiveDateTime};
use proptest::prelude::*;
use sip_planen::engine::audit::{
    check, next, sha256, to_csv, AuditAction, AuditEntry, ChainCheck, Filter, Head, Link,
};

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn at(day: u32, h: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, day)
        .and_then(|d| d.and_hms_opt(h, 0, 0))
        .unwrap()
}

/// A chain of `n` entries with the given sealed bytes, as the store builds it.
fn chain(sealed: &[Vec<u8>]) -> (Vec<Link>, Head) {
    let mut head = Head::default();
    let mut links = Vec::new();
    for s in sealed {
        head = next(head, s);
        links.push(Link {
            seq: head.seq,
            sealed: s.clone(),
            hash: head.hash,
        });
    }
    (links, head)
}

#[test]
fn sha256_gives_the_standards_digests() {
    assert_eq!(
        hex(&sha256(b"")),
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    );
    assert_eq!(
        hex(&sha256(b"abc")),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
    assert_eq!(
        hex(&sha256(
            b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
        )),
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    );
    assert_eq!(
        hex(&sha256(&vec![b'a'; 1_000_000])),
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
    );
}

#[test]
fn a_whole_chain_checks_and_every_kind_of_tampering_is_found() {
    let sealed: Vec<Vec<u8>> = (0..5u8).map(|i| vec![i; 20 + i as usize]).collect();
    let (links, head) = chain(&sealed);
    assert_eq!(check(&links, head), ChainCheck::Whole { entries: 5 });
    assert_eq!(
        check(&[], Head::default()),
        ChainCheck::Whole { entries: 0 }
    );

    // An entry's bytes changed.
    let mut changed = links.clone();
    changed[2].sealed[0] ^= 1;
    assert_eq!(check(&changed, head), ChainCheck::Broken { at: 3 });
    // An entry removed in the middle.
    let mut removed = links.clone();
    removed.remove(1);
    assert_eq!(check(&removed, head), ChainCheck::Broken { at: 2 });
    // The last entry removed (the head remembers it).
    assert_eq!(check(&links[..4], head), ChainCheck::Broken { at: 5 });
    // Two entries swapped.
    let mut swapped = links.clone();
    swapped.swap(0, 1);
    assert_eq!(check(&swapped, head), ChainCheck::Broken { at: 1 });
    // An entry rebuilt with a recomputed link but its number kept: the next link no longer follows.
    let mut rebuilt = links.clone();
    rebuilt[1].sealed = vec![9; 9];
    rebuilt[1].hash = sip_planen::engine::audit::link(&links[0].hash, 2, &rebuilt[1].sealed);
    assert_eq!(check(&rebuilt, head), ChainCheck::Broken { at: 3 });
    assert!(ChainCheck::Broken { at: 3 }.sv().contains("Post 3"));
}

proptest! {
    #[test]
    fn any_single_changed_byte_breaks_the_chain(
        sealed in proptest::collection::vec(proptest::collection::vec(any::<u8>(), 1..40), 1..12),
        pick in any::<prop::sample::Index>(),
        flip in 1u8..=255,
    ) {
        let (mut links, head) = chain(&sealed);
        prop_assert_eq!(check(&links, head), ChainCheck::Whole { entries: sealed.len() as u64 });
        let i = pick.index(links.len());
        let j = pick.index(links[i].sealed.len());
        links[i].sealed[j] ^= flip;
        prop_assert_eq!(check(&links, head), ChainCheck::Broken { at: i as u64 + 1 });
    }
}

fn entry(day: u32, user: &str, action: AuditAction, case_id: &str, detail: &str) -> AuditEntry {
    AuditEntry {
        at: at(day, 10),
        user: user.into(),
        action,
        case_id: case_id.into(),
        case_name: if case_id.is_empty() {
            String::new()
        } else {
            "Lisa Andersson".into()
        },
        detail: detail.into(),
    }
}

#[test]
fn filters_keep_by_user_date_and_case() {
    let all = [
        entry(20, "Anna Berg", AuditAction::Oppnat, "c1", ""),
        entry(22, "Bo Ek", AuditAction::Andrat, "c1", "Planen ändrad"),
        entry(24, "Bo Ek", AuditAction::Utskrift, "c2", ""),
        entry(26, "Anna Berg", AuditAction::MisslyckadUpplasning, "", ""),
    ];
    let kept = |f: Filter| all.iter().filter(|e| f.keeps(e)).count();
    assert_eq!(kept(Filter::default()), 4);
    assert_eq!(
        kept(Filter {
            user: Some("Bo Ek".into()),
            ..Filter::default()
        }),
        2
    );
    let d = |day| NaiveDate::from_ymd_opt(2026, 11, day);
    assert_eq!(
        kept(Filter {
            from: d(22),
            to: d(24),
            ..Filter::default()
        }),
        2
    );
    assert_eq!(
        kept(Filter {
            case_id: Some("c1".into()),
            ..Filter::default()
        }),
        2
    );
    assert_eq!(
        kept(Filter {
            user: Some("Bo Ek".into()),
            case_id: Some("c1".into()),
            from: d(23),
            ..Filter::default()
        }),
        0
    );
}

#[test]
fn csv_has_a_header_quotes_what_needs_it_and_defuses_formulas() {
    let a = entry(
        22,
        "Bo Ek",
        AuditAction::Andrat,
        "c1",
        "Insats \"Hemtjänst\"; ändrad",
    );
    let b = entry(23, "=cmd|' /C calc'!A0", AuditAction::Oppnat, "c1", "");
    let csv = to_csv(&[&a, &b]);
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(lines[0], "Tid;Användare;Händelse;Ärende;Ärende-id;Detalj");
    assert_eq!(
        lines[1],
        "2026-11-22 10:00:00;Bo Ek;Ändrat;Lisa Andersson;c1;\"Insats \"\"Hemtjänst\"\"; ändrad\""
    );
    assert!(lines[2].starts_with("2026-11-23 10:00:00;'=cmd|' /C calc'!A0;Öppnat;"));
    assert_eq!(lines.len(), 4);
}

#[test]
fn every_action_has_a_code_that_names_it_back() {
    for a in AuditAction::ALL {
        assert_eq!(AuditAction::parse(a.code()), Some(a));
        assert!(!a.sv().is_empty());
    }
    assert_eq!(AuditAction::parse("okänd"), None);
}
