//! Backup and restore, the pure half: the file's container, its content read with full validation (hostile files
//! refused, never a panic), the round trip, and what a restore writes for each choice. Sealing is tested in
//! Chromium (tests/store.rs).
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::*;
use proptest::prelude::*;
use sip_planen::engine::backup::{
    clashes, longest_string, plan_restore, Backup, BackupError, Choice, SealedBackup, MAGIC,
    MAX_TEXT_CHARS,
};
use sip_planen::engine::{Case, CaseId, Command};

fn id(n: u128) -> CaseId {
    CaseId(uuid::Uuid::from_u128(n))
}

/// Three cases at different steps: a child registered, an adult at the meeting, a locked plan (each with its own id).
fn three_cases() -> Vec<Case> {
    let registered = World::child().case;
    let mut meeting = World::adult();
    meeting.advance_to_meeting();
    let mut locked = World::adult();
    locked.advance_to_locked_plan();
    let now = at(2026, 11, 20, 9);
    vec![
        registered.restored_copy(id(1), now, "test"),
        meeting.case.restored_copy(id(2), now, "test"),
        locked.case.restored_copy(id(3), now, "test"),
    ]
}

fn backup(cases: Vec<Case>) -> Backup {
    Backup {
        created: at(2026, 11, 26, 14),
        cases,
        audit: Vec::new(),
    }
}

#[test]
fn a_backup_reads_back_to_the_same_cases() {
    let b = backup(three_cases());
    let text = b.encode();
    assert!(text.starts_with(r#"{"format":"sip-planen/sakerhetskopia","version":1,"#));
    assert_eq!(Backup::decode(&text).unwrap(), b);
    // An empty device backs up too.
    let empty = backup(vec![]);
    assert_eq!(Backup::decode(&empty.encode()).unwrap(), empty);
}

#[test]
fn the_container_round_trips_and_names_each_fault() {
    let s = SealedBackup {
        salt: vec![7; 16],
        iv: vec![9; 12],
        data: vec![1; 40],
    };
    let bytes = s.to_bytes();
    assert!(bytes.starts_with(MAGIC));
    assert_eq!(SealedBackup::from_bytes(&bytes).unwrap(), s);
    assert_eq!(SealedBackup::from_bytes(b""), Err(BackupError::NotABackup));
    assert_eq!(
        SealedBackup::from_bytes(b"%PDF-1.7 hello"),
        Err(BackupError::NotABackup)
    );
    assert_eq!(
        SealedBackup::from_bytes(b"{\"format\":1}"),
        Err(BackupError::NotABackup)
    );
    // Cut anywhere in the header, the IV or before a whole tag: truncated.
    for cut in [3, 10, 11, 20, 27, 30, 38, 50] {
        assert_eq!(
            SealedBackup::from_bytes(&bytes[..cut]),
            Err(if cut < 3 {
                BackupError::NotABackup
            } else {
                BackupError::Truncated
            }),
            "cut at {cut}"
        );
    }
    let mut newer = bytes.clone();
    newer[MAGIC.len()] = 2;
    assert_eq!(
        SealedBackup::from_bytes(&newer),
        Err(BackupError::NewerVersion(2))
    );
    // The header is what the ciphertext is bound to.
    assert_eq!(&s.header()[..], &bytes[..27]);
}

#[test]
fn every_message_is_swedish_and_says_nothing_changed() {
    for e in [
        BackupError::NotABackup,
        BackupError::Truncated,
        BackupError::NewerVersion(3),
        BackupError::TooLarge,
        BackupError::WrongPassphraseOrChanged,
        BackupError::Invalid("x".into()),
        BackupError::Unsupported,
    ] {
        let m = e.message_sv();
        assert!(m.ends_with("Ingenting har ändrats."), "{m}");
    }
}

#[test]
fn hostile_content_is_refused_with_a_reason() {
    let good = backup(three_cases()).encode();
    let reason = |text: &str| match Backup::decode(text) {
        Err(BackupError::Invalid(why)) => why,
        other => panic!("expected Invalid, got {other:?}"),
    };
    // A huge string, anywhere.
    let huge = good.replacen("Lisa Andersson", &"L".repeat(MAX_TEXT_CHARS + 1), 1);
    assert!(reason(&huge).contains("längre än 100000 tecken"));
    // Deep nesting: refused, no stack overflow.
    let deep = format!(
        r#"{{"format":"sip-planen/sakerhetskopia","version":1,"created":"2026-11-26T14:00:00","cases":{}{}}}"#,
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    assert!(Backup::decode(&deep).is_err());
    // The same case twice.
    let cases = three_cases();
    let twice = backup(vec![cases[0].clone(), cases[1].clone(), cases[0].clone()]).encode();
    assert_eq!(
        reason(&twice),
        "ärende nr 3 har samma id som ett tidigare ärende i filen"
    );
    // A field the case does not have.
    let unknown = good.replacen(r#""kommun":"#, r#""hemlig":"x","kommun":"#, 1);
    assert!(reason(&unknown).contains("okända uppgifter"));
    // A case missing a field it must have.
    let missing = good.replacen(r#""kommun":"Västerås","#, "", 1);
    assert!(reason(&missing).contains("saknar uppgifter"));
    // Cut short.
    assert!(matches!(
        Backup::decode(&good[..good.len() / 2]),
        Err(BackupError::Invalid(_))
    ));
    // Not JSON at all, or JSON of something else.
    assert!(matches!(
        Backup::decode("hej"),
        Err(BackupError::Invalid(_))
    ));
    assert_eq!(
        Backup::decode(r#"{"format":"annat","version":1}"#),
        Err(BackupError::NotABackup)
    );
    assert_eq!(
        Backup::decode(
            r#"{"format":"sip-planen/sakerhetskopia","version":9,"created":"x","cases":[],"ny":1}"#
        ),
        Err(BackupError::NewerVersion(9))
    );
    // A case from a newer release of the app.
    let newer = good.replacen(r#""schema":2"#, r#""schema":99"#, 1);
    assert!(reason(&newer).contains("nyare version"));
}

#[test]
fn the_longest_string_counts_escapes_as_one_character() {
    assert_eq!(longest_string(r#"{"a":"bcd","e":"\"\\x"}"#), 3);
    assert_eq!(longest_string(r#"["åäö"]"#), 3);
    assert_eq!(longest_string(r#"["unterminated"#), 12);
    assert_eq!(longest_string(""), 0);
}

#[test]
fn a_clash_is_a_case_on_both_sides_with_different_content() {
    let cases = three_cases();
    let mut device = cases.clone();
    // The device's Lisa (id 3) moved on after the backup.
    let mut later = World {
        case: device[2].clone(),
        profile: profile("nationell"),
        now: at(2026, 12, 1, 10),
    };
    later.ok(Command::UpdateDetails(sip_planen::engine::CaseDetails {
        kommun: "Sala".into(),
        ..later.case.details()
    }));
    device[2] = later.case.clone();
    let file = backup(cases.clone());
    let found = clashes(&device, &file);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].id, id(3));
    assert_eq!(found[0].name, "Lisa Andersson");
    assert_eq!(found[0].on_device, at(2026, 12, 1, 10));
    assert_eq!(found[0].in_file, cases[2].updated());

    let now = at(2026, 12, 2, 8);
    let mut next = 100;
    let mut new_id = || {
        next += 1;
        id(next)
    };
    // Keep the newer: the device's is newer, so nothing is written for it; the two equal ones are unchanged.
    let keep_newer = plan_restore(
        &device,
        file.clone(),
        &|_| Choice::KeepNewer,
        &mut new_id,
        now,
        "Anna",
    );
    assert!(keep_newer.write.is_empty());
    assert_eq!((keep_newer.unchanged, keep_newer.kept), (2, 1));
    // The other way round, the file's is the newer and replaces the device's.
    let onto_old = plan_restore(
        &cases,
        backup(device.clone()),
        &|_| Choice::KeepNewer,
        &mut new_id,
        now,
        "Anna",
    );
    assert_eq!(onto_old.write, vec![device[2].clone()]);
    assert_eq!(onto_old.replaced, 1);
    // Keep both: the file's is written under a new id, with a log line naming the original.
    let both = plan_restore(
        &device,
        file.clone(),
        &|_| Choice::KeepBoth,
        &mut new_id,
        now,
        "Anna",
    );
    assert_eq!(both.copies, 1);
    let copy = &both.write[0];
    assert_ne!(copy.id(), id(3));
    assert_eq!(copy.person(), cases[2].person());
    let line = copy.log().last().unwrap();
    assert_eq!(line.who, "Anna");
    assert!(line.what.contains(&id(3).to_string()));
    assert_eq!(copy.plans(), cases[2].plans());
    // Skip.
    let skip = plan_restore(&device, file, &|_| Choice::Skip, &mut new_id, now, "Anna");
    assert!(skip.write.is_empty());
    assert_eq!(
        skip.summary_sv(),
        "Återställt: 0 tillagda, 2 fanns redan likadana, 1 behölls som de var på enheten."
    );
    // Onto an empty device everything is added.
    let fresh = plan_restore(
        &[],
        backup(cases.clone()),
        &|_| Choice::Skip,
        &mut new_id,
        now,
        "Anna",
    );
    assert_eq!(fresh.write, cases);
    assert_eq!(fresh.summary_sv(), "Återställt: 3 tillagda.");
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zåäöA-ZÅÄÖ \"\\\\/\n\t{}\\[\\]:,0-9-]{0,40}",
        any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    /// Any set of cases, with any text typed into them, reads back unchanged (lossless round trip).
    #[test]
    fn the_round_trip_is_lossless(
        picks in prop::collection::vec((0usize..3, text(), text()), 0..6)
    ) {
        let base = three_cases();
        let now = at(2026, 11, 25, 9);
        let cases: Vec<Case> = picks
            .into_iter()
            .enumerate()
            .map(|(n, (k, name, goal))| {
                let mut w = World { case: base[k].clone(), profile: profile("nationell"), now };
                let _ = w.cmd(Command::UpdateDetails(sip_planen::engine::CaseDetails {
                    kommun: name.clone(),
                    language: goal.clone(),
                    interpreter: true,
                    profile: sip_planen::engine::ProfileId::new("nationell"),
                }));
                w.case.restored_copy(id(1000 + n as u128), now, &name)
            })
            .collect();
        let b = backup(cases);
        prop_assert_eq!(Backup::decode(&b.encode()).unwrap(), b);
    }

    /// Random bytes never panic the container reader or the content reader.
    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = SealedBackup::from_bytes(&bytes);
        let mut with_magic = MAGIC.to_vec();
        with_magic.extend_from_slice(&bytes);
        let _ = SealedBackup::from_bytes(&with_magic);
        let _ = Backup::decode(&String::from_utf8_lossy(&bytes));
    }

    /// A valid backup with bytes changed, removed or inserted anywhere is read or refused, never a panic, and
    /// what reads is still a valid backup (no two cases with one id).
    #[test]
    fn mutated_content_never_panics(
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..8)
    ) {
        let good = backup(three_cases()).encode().into_bytes();
        let mut bytes = good.clone();
        for (at, byte, kind) in edits {
            if bytes.is_empty() { break; }
            let i = at.index(bytes.len());
            match kind {
                0 => bytes[i] = byte,
                1 => { bytes.remove(i); }
                _ => bytes.insert(i, byte),
            }
        }
        if let Ok(b) = Backup::decode(&String::from_utf8_lossy(&bytes)) {
            let mut ids: Vec<_> = b.cases.iter().map(|c| c.id()).collect();
            ids.sort();
            ids.dedup();
            prop_assert_eq!(ids.len(), b.cases.len());
        }
    }
}
