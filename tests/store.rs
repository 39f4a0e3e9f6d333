//! Store tests in headless Chromium: `cargo test --target wasm32-unknown-unknown --test store`.
#![cfg(target_arch = "wasm32")]

use chrono::NaiveDate;
use indexed_db_futures::prelude::*;
use sip_planen::engine::{Case, CaseId, IdentityKind, NewCase, ProfileId};
use sip_planen::store::crypto::{Sealed, VaultKey, PBKDF2_ITERATIONS};
use sip_planen::store::{schema, Store, StoreError};
use std::rc::Rc;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const PASS: &str = "korrekt häst batteri häftklammer";
const NAME: &str = "Anna Berg";

fn now() -> chrono::NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 23)
        .and_then(|d| d.and_hms_opt(10, 0, 0))
        .unwrap()
}

fn case(name: &str, pnr: &str) -> Case {
    let input = NewCase {
        name: name.into(),
        identity_kind: Some(IdentityKind::Personnummer),
        identity: pnr.into(),
        kommun: "Västerås".into(),
        profile: ProfileId::new("vastmanland"),
        language: "svenska".into(),
        interpreter: false,
    };
    Case::register(&input, CaseId(uuid::Uuid::new_v4()), now()).unwrap()
}

/// What another program does to the database `name` (at schema `version`), outside the app: one record of a store
/// read, replaced, or the whole store cleared (`key` `None`), each in its own read-write transaction.
async fn raw(
    name: &str,
    version: u32,
    store_name: &str,
    key: Option<&str>,
    put: Option<JsValue>,
) -> Option<JsValue> {
    let db = schema::open_at(name, version, Rc::new(|_| {}))
        .await
        .unwrap();
    let tx = db
        .transaction(store_name)
        .with_mode(indexed_db_futures::transaction::TransactionMode::Readwrite)
        .build()
        .unwrap();
    let store = tx.object_store(store_name).unwrap();
    let mut got = None;
    match (key, put) {
        (Some(k), Some(v)) => {
            let _: String = store.put(v).with_key(k).primitive().unwrap().await.unwrap();
        }
        (Some(k), None) => got = store.get(k).primitive().unwrap().await.unwrap(),
        (None, _) => store.clear().unwrap().await.unwrap(),
    }
    tx.commit().await.unwrap();
    db.close();
    got
}

/// The database `name` opened again and unlocked as the test user: another tab, or the next unlock.
async fn unlock_again(name: &str) -> (sip_planen::store::Vault, sip_planen::store::UnlockReport) {
    Store::open_named(name)
        .await
        .unwrap()
        .unlock(NAME, PASS)
        .await
        .unwrap()
}

async fn delete(name: &str) {
    if let Ok(req) = indexed_db_futures::database::Database::delete_by_name(name) {
        let _ = req.await;
    }
}

async fn fresh(name: &str) -> Store {
    delete(name).await;
    Store::open_named(name).await.unwrap()
}

async fn raw_records(db_name: &str) -> Vec<JsValue> {
    let db = schema::open_at(db_name, schema::SCHEMA_VERSION, Rc::new(|_| {}))
        .await
        .unwrap();
    let tx = db.transaction(schema::STORE_CASES).build().unwrap();
    let store = tx.object_store(schema::STORE_CASES).unwrap();
    let all: Vec<JsValue> = store
        .get_all()
        .primitive()
        .unwrap()
        .await
        .unwrap()
        .map(Result::unwrap)
        .collect();
    drop(tx);
    db.close();
    all
}

#[wasm_bindgen_test]
async fn round_trip_keeps_every_case_equal() {
    let store = fresh("t-roundtrip").await;
    assert!(!store.is_set_up().await.unwrap());
    let vault = store.set_up(NAME, PASS, PASS).await.unwrap();
    let a = case("Lisa Andersson", "19121212-1212");
    let b = case("Omar Said", "201701022384");
    vault.put_cases(&[a.clone(), b.clone()]).await.unwrap();
    let mut back = vault.load_cases().await.unwrap().cases;
    back.sort_by(|x, y| x.person().name.cmp(&y.person().name));
    assert_eq!(back, vec![a, b]);
}

#[wasm_bindgen_test]
async fn reopen_with_right_passphrase_finds_the_case_and_wrong_one_is_refused() {
    let name = "t-reopen";
    let store = fresh(name).await;
    let vault = store.set_up(NAME, PASS, PASS).await.unwrap();
    let a = case("Lisa Andersson", "19121212-1212");
    vault.put_case(&a).await.unwrap();
    vault.lock().close();

    let store = Store::open_named(name).await.unwrap();
    assert!(store.is_set_up().await.unwrap());
    match store.unlock(NAME, "fel lösenfras helt och hållet").await {
        Err(StoreError::WrongPassphrase) => {}
        other => panic!("expected WrongPassphrase, got {:?}", other.map(|_| ())),
    }
    assert_eq!(StoreError::WrongPassphrase.message_sv(), "Fel lösenfras");
    // The failed attempt changed nothing: the right passphrase still opens the same data,
    // and the failed attempt is reported.
    let (vault, report) = store.unlock(NAME, PASS).await.unwrap();
    assert_eq!(report.failed_attempts, 1);
    assert_eq!(vault.load_cases().await.unwrap().cases, vec![a]);
    let (_, report) = store.unlock(NAME, PASS).await.unwrap();
    assert_eq!(report.failed_attempts, 0);
}

#[wasm_bindgen_test]
async fn set_up_refuses_short_or_mismatched_passphrases_and_stores_nothing() {
    let store = fresh("t-setup").await;
    assert_eq!(
        store.set_up(NAME, "kort", "kort").await.err(),
        Some(StoreError::PassphraseTooShort(12))
    );
    assert_eq!(
        store.set_up(NAME, PASS, "något annat långt").await.err(),
        Some(StoreError::PassphraseMismatch)
    );
    assert!(!store.is_set_up().await.unwrap());
}

#[wasm_bindgen_test]
async fn stored_bytes_contain_neither_name_nor_identity_digits() {
    let name = "t-sealed";
    let store = fresh(name).await;
    let vault = store.set_up(NAME, PASS, PASS).await.unwrap();
    let a = case("Lisa Andersson", "19121212-1212");
    vault.put_case(&a).await.unwrap();
    // Write twice: a fresh IV each time gives a different ciphertext.
    let first = raw_records(name).await;
    vault.put_case(&a).await.unwrap();
    let second = raw_records(name).await;
    assert_eq!(first.len(), 1);
    let s1 = Sealed::from_js(&first[0]).unwrap();
    let s2 = Sealed::from_js(&second[0]).unwrap();
    assert_ne!(s1.iv, s2.iv, "a fresh IV per write");
    assert_ne!(s1.ct, s2.ct);
    for needle in ["Lisa", "Andersson", "19121212", "1212", "121212"] {
        let n = needle.as_bytes();
        for bytes in [&s1.ct, &s1.iv] {
            assert!(
                !bytes.windows(n.len()).any(|w| w == n),
                "found {needle} in the stored bytes"
            );
        }
    }
    // The whole stored record, as JSON text of its fields, holds only the id and the sealed bytes.
    let keys = js_sys::Object::keys(&js_sys::Object::from(first[0].clone()));
    let mut keys: Vec<String> = keys.iter().filter_map(|k| k.as_string()).collect();
    keys.sort();
    assert_eq!(keys, vec!["ct", "id", "iv", "rev"]);
}

#[wasm_bindgen_test]
async fn a_database_written_by_schema_1_is_migrated_and_its_data_intact() {
    let name = "t-migrate";
    delete(name).await;
    // Write as a version-1 release did: the v1 stores only, a vault and one sealed case.
    let db = schema::open_at(name, 1, Rc::new(|_| {})).await.unwrap();
    let names: Vec<String> = db.object_store_names().collect();
    assert!(!names.contains(&schema::STORE_ACCESS.to_string()));
    db.close();
    let store_v1 = Store::open_named_at(name, 1, Rc::new(|_| {}))
        .await
        .unwrap();
    let vault = store_v1.set_up(NAME, PASS, PASS).await.unwrap();
    let a = case("Lisa Andersson", "19121212-1212");
    // The case record as that release wrote it: `{ id, rev, iv, ct }` in the cases store, nothing else.
    let key = VaultKey::from_crypto_key(vault.crypto_key()).unwrap();
    let id = a.id().to_string();
    let sealed = key
        .seal(
            &serde_json::to_vec(&a).unwrap(),
            format!("cases/{id}").as_bytes(),
        )
        .await
        .unwrap();
    let rec = sealed.to_js();
    let _ = js_sys::Reflect::set(&rec, &"id".into(), &id.as_str().into());
    let _ = js_sys::Reflect::set(&rec, &"rev".into(), &1.into());
    raw(name, 1, schema::STORE_CASES, Some(id.as_str()), Some(rec)).await;
    vault.lock().close();

    // Open with the current schema: migrations run, the data is still there.
    let store = Store::open_named(name).await.unwrap();
    let (vault, _) = store.unlock(NAME, PASS).await.unwrap();
    assert_eq!(vault.load_cases().await.unwrap().cases, vec![a.clone()]);
    // The index is built at this first unlock after the upgrade.
    assert_eq!(vault.load_index().await.unwrap(), None);
    vault.rebuild_index().await.unwrap();
    let index = vault.load_index().await.unwrap().unwrap();
    assert_eq!(
        index,
        (vec![sip_planen::engine::index::Summary::of(&a)], vec![])
    );
    vault.lock().close();
    let db = schema::open_at(name, schema::SCHEMA_VERSION, Rc::new(|_| {}))
        .await
        .unwrap();
    assert_eq!(db.version() as u32, schema::SCHEMA_VERSION);
    let names: Vec<String> = db.object_store_names().collect();
    assert!(names.contains(&schema::STORE_ACCESS.to_string()));
    db.close();
}

#[wasm_bindgen_test]
async fn the_vault_stores_salt_iterations_and_verifier_but_never_the_key() {
    let name = "t-meta";
    let store = fresh(name).await;
    let _vault = store.set_up(NAME, PASS, PASS).await.unwrap();
    let db = schema::open_at(name, schema::SCHEMA_VERSION, Rc::new(|_| {}))
        .await
        .unwrap();
    let tx = db.transaction(schema::STORE_META).build().unwrap();
    let meta_store = tx.object_store(schema::STORE_META).unwrap();
    let meta: Option<JsValue> = meta_store.get("vault").primitive().unwrap().await.unwrap();
    let users: Option<JsValue> = meta_store.get("users").primitive().unwrap().await.unwrap();
    drop(tx);
    db.close();
    let keys_of = |v: &JsValue| {
        let mut keys: Vec<String> = js_sys::Object::keys(&js_sys::Object::from(v.clone()))
            .iter()
            .filter_map(|k| k.as_string())
            .collect();
        keys.sort();
        keys
    };
    // The vault: the verifier only (sealed under the cases' key).
    assert_eq!(keys_of(&meta.unwrap()), vec!["verifier"]);
    // Each user: name, role, the salt and iterations of their passphrase and the cases' key wrapped (iv, ct).
    let users =
        js_sys::Array::from(&js_sys::Reflect::get(&users.unwrap(), &"users".into()).unwrap());
    assert_eq!(users.length(), 1);
    let user = users.get(0);
    assert_eq!(
        keys_of(&user),
        vec!["admin", "ct", "iterations", "iv", "name", "salt"]
    );
    let iterations = js_sys::Reflect::get(&user, &"iterations".into())
        .unwrap()
        .as_f64()
        .unwrap();
    assert!(
        iterations >= 600_000.0,
        "PBKDF2 iterations stored: {iterations}"
    );
    assert_eq!(iterations as u32, PBKDF2_ITERATIONS);
    // 32 bytes of key + the 16-byte GCM tag: a wrapped key, never one in the clear.
    let ct = js_sys::Uint8Array::new(&js_sys::Reflect::get(&user, &"ct".into()).unwrap());
    assert_eq!(ct.length(), 48);
}

#[wasm_bindgen_test]
async fn a_key_from_another_passphrase_cannot_open_a_sealed_value() {
    let salt = [7u8; 16];
    let right = VaultKey::derive(PASS, &salt, PBKDF2_ITERATIONS)
        .await
        .unwrap();
    let wrong = VaultKey::derive("en annan fras helt", &salt, PBKDF2_ITERATIONS)
        .await
        .unwrap();
    let sealed = right.seal(b"hemligt", b"aad").await.unwrap();
    assert_eq!(right.open(&sealed, b"aad").await.unwrap(), b"hemligt");
    assert!(wrong.open(&sealed, b"aad").await.is_err());
    // The record's place is bound in: the same ciphertext under another key path does not open.
    assert!(right.open(&sealed, b"other").await.is_err());
}

#[wasm_bindgen_test]
async fn a_newer_schema_in_another_tab_closes_this_connection_instead_of_being_blocked() {
    use sip_planen::store::StoreEvent;
    use std::cell::RefCell;
    let name = "t-versionchange";
    delete(name).await;
    let heard = Rc::new(RefCell::new(Vec::new()));
    let log = heard.clone();
    let _store = Store::open_named_at(
        name,
        schema::SCHEMA_VERSION,
        Rc::new(move |e| log.borrow_mut().push(e)),
    )
    .await
    .unwrap();
    // A newer release opens the same database one version up: it gets through because this connection lets go.
    let newer = indexed_db_futures::database::Database::open(name)
        .with_version(schema::SCHEMA_VERSION + 1)
        .await
        .unwrap();
    assert_eq!(
        *heard.borrow(),
        vec![StoreEvent::VersionChange],
        "the app was told"
    );
    assert_eq!(newer.version() as u32, schema::SCHEMA_VERSION + 1);
    newer.close();
    // This release meets the newer database: a clear error, not a hang.
    let again = Store::open_named(name).await.err();
    assert_eq!(again, Some(StoreError::NewerVersion));
    // The database deleted from elsewhere is told apart from an upgrade.
    delete(name).await;
    let heard = Rc::new(RefCell::new(Vec::new()));
    let log = heard.clone();
    let _store = Store::open_named_at(
        name,
        schema::SCHEMA_VERSION,
        Rc::new(move |e| log.borrow_mut().push(e)),
    )
    .await
    .unwrap();
    delete(name).await;
    assert_eq!(*heard.borrow(), vec![StoreEvent::Deleted]);
}

#[wasm_bindgen_test]
async fn a_write_based_on_an_old_revision_is_refused_and_nothing_is_overwritten() {
    let name = "t-revision";
    let store = fresh(name).await;
    let vault_a = store.set_up(NAME, PASS, PASS).await.unwrap();
    let lisa = case("Lisa Andersson", "19121212-1212");
    vault_a.put_case(&lisa).await.unwrap();
    // A second tab: its own connection and vault, the same case read.
    let other = Store::open_named(name).await.unwrap();
    let (vault_b, _) = other.unlock(NAME, PASS).await.unwrap();
    assert_eq!(
        vault_b.load_cases().await.unwrap().cases,
        vec![lisa.clone()]
    );
    // Tab A saves a change.
    let mut a_version = lisa.clone();
    let profile = sip_planen::engine::profiles::get(lisa.profile());
    let ctx = sip_planen::engine::Ctx {
        now: now(),
        who: "A",
        profile,
    };
    let details = sip_planen::engine::CaseDetails {
        language: "finska".into(),
        ..lisa.details()
    };
    a_version
        .apply(sip_planen::engine::Command::UpdateDetails(details), &ctx)
        .unwrap();
    vault_a.put_case(&a_version).await.unwrap();
    // Tab B saves its older version: refused, inside the transaction, and A's version stays.
    let mut b_version = lisa.clone();
    let details = sip_planen::engine::CaseDetails {
        kommun: "Sala".into(),
        ..lisa.details()
    };
    b_version
        .apply(sip_planen::engine::Command::UpdateDetails(details), &ctx)
        .unwrap();
    assert_eq!(
        vault_b.put_case(&b_version).await,
        Err(StoreError::Conflict(lisa.id().to_string()))
    );
    assert_eq!(
        vault_b.peek_case(lisa.id()).await.unwrap(),
        Some(a_version.clone())
    );
    assert_eq!(
        vault_b
            .put_case(&b_version)
            .await
            .err()
            .map(|e| matches!(e, StoreError::Conflict(_))),
        Some(true),
        "peeking bases nothing on the stored version"
    );
    // B chooses to keep its own: based on the stored version, the write goes through.
    assert_eq!(vault_b.read_case(lisa.id()).await.unwrap(), Some(a_version));
    vault_b.put_case(&b_version).await.unwrap();
    assert_eq!(
        vault_a.peek_case(lisa.id()).await.unwrap(),
        Some(b_version.clone())
    );
    // A tab's own write without waiting (the page going away) is its own next base, not a conflict.
    let sealed = vault_b.seal_case(&b_version).await.unwrap();
    vault_b.write_now(&[sealed]).unwrap();
    vault_b.put_case(&b_version).await.unwrap();
}

#[wasm_bindgen_test]
async fn altered_and_foreign_records_are_listed_and_the_other_cases_open() {
    let name = "t-bad-records";
    let store = fresh(name).await;
    let vault = store.set_up(NAME, PASS, PASS).await.unwrap();
    let cases = vec![
        case("Lisa Andersson", "19121212-1212"),
        case("Omar Said", "201701022384"),
        case("Elsa Berg", "20170102-2384"),
    ];
    vault.put_cases(&cases).await.unwrap();
    // Swap two sealed records, and add one that is no case at all.
    let records = raw_records(name).await;
    let db = schema::open_at(name, schema::SCHEMA_VERSION, Rc::new(|_| {}))
        .await
        .unwrap();
    let tx = db
        .transaction(schema::STORE_CASES)
        .with_mode(indexed_db_futures::transaction::TransactionMode::Readwrite)
        .build()
        .unwrap();
    let store_cases = tx.object_store(schema::STORE_CASES).unwrap();
    let id = |r: &JsValue| {
        js_sys::Reflect::get(r, &"id".into())
            .unwrap()
            .as_string()
            .unwrap()
    };
    let (a, b) = (&records[0], &records[1]);
    let swapped_a =
        js_sys::Object::assign(&js_sys::Object::new(), &js_sys::Object::from(b.clone()));
    js_sys::Reflect::set(&swapped_a, &"id".into(), &JsValue::from_str(&id(a))).unwrap();
    let swapped_b =
        js_sys::Object::assign(&js_sys::Object::new(), &js_sys::Object::from(a.clone()));
    js_sys::Reflect::set(&swapped_b, &"id".into(), &JsValue::from_str(&id(b))).unwrap();
    for (key, value) in [
        (id(a), JsValue::from(swapped_a)),
        (id(b), JsValue::from(swapped_b)),
        ("skräp".to_string(), JsValue::from_str("inte ett ärende")),
    ] {
        store_cases
            .put(value)
            .with_key(key.as_str())
            .primitive()
            .unwrap()
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();
    db.close();
    let loaded = vault.load_cases().await.unwrap();
    assert_eq!(loaded.cases.len(), 1, "the good case opens");
    let mut bad = loaded.unreadable.clone();
    bad.sort();
    let mut want = vec![id(a), id(b), "okänd".to_string()];
    want.sort();
    assert_eq!(bad, want);
    // Nothing was removed: the bad records stay for a later restore.
    assert_eq!(raw_records(name).await.len(), 4);
}

#[wasm_bindgen_test]
async fn passphrases_are_checked_normalised_and_repeated_failures_wait() {
    let name = "t-passphrase";
    let store = fresh(name).await;
    assert_eq!(
        store.set_up(NAME, "          ", "          ").await.err(),
        Some(StoreError::PassphraseBlank)
    );
    assert_eq!(
        store
            .set_up(NAME, "xxxxxxxxxxxxxx", "xxxxxxxxxxxxxx")
            .await
            .err(),
        Some(StoreError::PassphraseRepeated)
    );
    let composed = "blåbär på åkern i år";
    let decomposed: String = js_sys::JsString::from(composed).normalize("NFD").into();
    assert_ne!(composed, decomposed);
    store.set_up(NAME, composed, &decomposed).await.unwrap();
    store.unlock(NAME, &decomposed).await.unwrap();
    for i in 0..4 {
        assert_eq!(
            store
                .unlock(NAME, &format!("fel fras nummer {i}"))
                .await
                .err(),
            Some(StoreError::WrongPassphrase)
        );
    }
    // The fifth failure starts the wait; while it lasts even the right passphrase waits, in a new tab too.
    assert!(matches!(
        store.unlock(NAME, "fel fras nummer 5").await.err(),
        Some(StoreError::Wait(_))
    ));
    store.close();
    let store = Store::open_named(name).await.unwrap();
    assert!(matches!(
        store.unlock(NAME, composed).await.err(),
        Some(StoreError::Wait(_))
    ));
}

// --- "Min plan": the share link, sealed and opened in the browser (issue 16) ---

use sip_planen::engine::board::{BoardInsats, BoardLine, BoardView};
use sip_planen::engine::share::{SealedLink, ShareCode};
use sip_planen::engine::views::person::{PersonPlan, PersonPlanState};
use sip_planen::store::share::{open_link, seal_link, ShareError};

/// A large plan: 30 insatser, 10 contacts, the other parts filled as a coordinator would.
fn large_plan() -> PersonPlan {
    let units = [
        "Socialtjänsten Västerås",
        "Vårdcentralen Centrum",
        "Psykiatrin Västerås",
        "Försäkringskassan",
    ];
    let plan = BoardView {
        title: "Lisas plan".into(),
        first_name: "Lisa".into(),
        needs: vec![
            "Stöd på morgonen och med mediciner".into(),
            "Hjälp att hitta en sysselsättning".into(),
        ],
        long_term_goal: "Lisa vill bo kvar hemma och klara vardagen med så lite hjälp som möjligt"
            .into(),
        delmal: (1..=5)
            .map(|n| format!("Delmål {n}: Lisa ska klara del {n} av morgonen själv före sommaren"))
            .collect(),
        insatser: (0..30)
            .map(|n| BoardInsats {
                what: format!(
                    "Insats {n}: hjälp med dusch, påklädning och frukost enligt genomförandeplan"
                ),
                who: format!("{}, kontaktperson nummer {n}", units[n % 4]),
                when: format!("från 2026-12-{:02}, två gånger i veckan", n % 28 + 1),
                place: "I hemmet, Storgatan 12".into(),
                ..Default::default()
            })
            .collect(),
        self_does: "Lisa handlar själv och sköter tvätten".into(),
        help_needed: "Påminnelser om mediciner och stöd vid läkarbesök".into(),
        contacts: (0..10)
            .map(|n| BoardLine {
                who: units[n % 4].into(),
                text: format!(
                    "Kontaktperson {n}, 021-{:03} {:02} {:02}",
                    100 + n * 7,
                    n * 3,
                    90 - n
                ),
            })
            .collect(),
        huvudansvarig: "Socialtjänsten Västerås".into(),
        follow_up: "2027-03-01, Vårdcentralen Centrum".into(),
        ..Default::default()
    };
    PersonPlan {
        state: PersonPlanState::Galler,
        version: 3,
        date: NaiveDate::from_ymd_opt(2026, 11, 26).unwrap(),
        plan,
    }
}

#[wasm_bindgen_test]
async fn a_share_link_opens_with_its_code_only_and_refuses_a_changed_byte() {
    let plan = large_plan();
    let text = plan.encode();
    let code = ShareCode::from_random(&(0..=255u8).rev().collect::<Vec<_>>()).unwrap();
    let sealed = seal_link(&text, &code).await.unwrap();
    let link = format!("https://sip.example.se/min-plan/#{}", sealed.to_fragment());
    wasm_bindgen_test::console_log!(
        "min-plan link for 30 insatser and 10 contacts: {} characters (plan text {} bytes)",
        link.len(),
        text.len()
    );
    // The fragment read back opens with the code, to the same plan.
    let back = SealedLink::from_fragment(&sealed.to_fragment()).unwrap();
    let opened = open_link(&back, &code).await.unwrap();
    assert_eq!(PersonPlan::decode(&opened), Some(plan));
    // Another code opens nothing.
    let other = ShareCode::parse("ACEF-GH34-JKMN").unwrap();
    assert_eq!(open_link(&back, &other).await, Err(ShareError::WrongCode));
    // Any single changed byte of the ciphertext is refused (AES-GCM), never opened in part.
    for i in [0, sealed.data.len() / 2, sealed.data.len() - 1] {
        let mut bad = sealed.clone();
        bad.data[i] ^= 1;
        assert_eq!(
            open_link(&bad, &code).await,
            Err(ShareError::WrongCode),
            "byte {i}"
        );
    }
    let mut bad = sealed.clone();
    bad.salt[0] ^= 1;
    assert_eq!(open_link(&bad, &code).await, Err(ShareError::WrongCode));
}

use sip_planen::engine::backup::{plan_restore, Backup, BackupError, Choice};
use sip_planen::store::backup::{open_backup, seal_backup};

#[wasm_bindgen_test]
async fn a_backup_opens_with_its_passphrase_only_and_restores_into_a_wiped_store_in_one_go() {
    let name = "t-backup";
    let store = fresh(name).await;
    let vault = store.set_up(NAME, PASS, PASS).await.unwrap();
    let cases: Vec<Case> = (0..40)
        .map(|i| case(&format!("Person {i:02}"), "19121212-1212"))
        .collect();
    vault.put_cases(&cases).await.unwrap();
    let backup = Backup {
        created: now(),
        cases: vault.load_cases().await.unwrap().cases,
        audit: Vec::new(),
    };
    let bytes = seal_backup(&backup, "en annan lång lösenfras")
        .await
        .unwrap();
    // Neither a name nor identity digits in the file.
    let hay = String::from_utf8_lossy(&bytes);
    assert!(!hay.contains("Person") && !hay.contains("19121212"));
    // Wrong passphrase; any changed byte (header, IV or ciphertext); cut short: refused, nothing returned.
    assert_eq!(
        open_backup(&bytes, "fel lösenfras här").await,
        Err(BackupError::WrongPassphraseOrChanged)
    );
    for at in [12, 30, 40, bytes.len() - 1] {
        let mut changed = bytes.clone();
        changed[at] ^= 1;
        assert_eq!(
            open_backup(&changed, "en annan lång lösenfras").await,
            Err(BackupError::WrongPassphraseOrChanged),
            "byte {at}"
        );
    }
    assert_eq!(
        open_backup(&bytes[..bytes.len() - 20], "en annan lång lösenfras").await,
        Err(BackupError::WrongPassphraseOrChanged)
    );
    assert_eq!(
        open_backup(&bytes[..20], "en annan lång lösenfras").await,
        Err(BackupError::Truncated)
    );
    let opened = open_backup(&bytes, "en annan lång lösenfras")
        .await
        .unwrap();
    assert_eq!(opened, backup);

    // Wipe: a new device (a new database), then restore everything in one transaction.
    vault.lock().close();
    delete(name).await;
    let store = Store::open_named(name).await.unwrap();
    let vault = store.set_up(NAME, PASS, PASS).await.unwrap();
    let plan = plan_restore(
        &[],
        opened,
        &|_| Choice::KeepNewer,
        &mut || CaseId(uuid::Uuid::new_v4()),
        now(),
        "Anna",
    );
    assert_eq!(plan.added, 40);
    vault.restore(&plan.write).await.unwrap();
    let mut back = vault.load_cases().await.unwrap().cases;
    back.sort_by(|a, b| a.person().name.cmp(&b.person().name));
    assert_eq!(back, cases);
    // A restored case is written on like any other (its revision was taken up by this tab).
    vault.put_case(&back[0]).await.unwrap();
    // And a restore over an existing case moves its revision on, so another tab's older copy is refused.
    let other = Store::open_named(name).await.unwrap();
    let (vault_b, _) = other.unlock(NAME, PASS).await.unwrap();
    let _ = vault_b.load_cases().await.unwrap();
    vault.restore(&back[..1]).await.unwrap();
    assert!(matches!(
        vault_b.put_case(&back[0]).await,
        Err(StoreError::Conflict(_))
    ));
}

#[wasm_bindgen_test]
async fn several_users_open_the_same_cases_each_with_their_own_passphrase() {
    const BO: &str = "Bo Ek";
    const BO_PASS: &str = "blåbär på åkern i år";
    const BO_NEW: &str = "lingon i skogen i höst";
    let name = "t-users";
    let store = fresh(name).await;
    let vault = store.set_up(NAME, PASS, PASS).await.unwrap();
    assert_eq!(vault.user(), NAME);
    let a = case("Lisa Andersson", "19121212-1212");
    vault.put_case(&a).await.unwrap();
    let users = store.users().await.unwrap().unwrap();
    assert_eq!((users.len(), users[0].admin), (1, true));

    // Adding needs the administrator's own passphrase; a refusal changes nothing.
    assert_eq!(
        store
            .add_user(NAME, "fel fras helt och hållet", BO, BO_PASS, BO_PASS)
            .await
            .err(),
        Some(StoreError::WrongPassphrase)
    );
    assert!(matches!(
        store.add_user(NAME, PASS, "anna berg", BO_PASS, BO_PASS).await,
        Err(StoreError::Refused(m)) if m.contains("redan en användare")
    ));
    assert_eq!(store.users().await.unwrap().unwrap().len(), 1);
    let bo = store
        .add_user(NAME, PASS, BO, BO_PASS, BO_PASS)
        .await
        .unwrap();
    assert!(!bo.admin);
    // Bo does not administer.
    assert!(matches!(
        store.add_user(BO, BO_PASS, "Cai Lind", BO_PASS, BO_PASS).await,
        Err(StoreError::Refused(m)) if m.contains("Bara en administratör")
    ));

    // Each opens the same cases with their own passphrase, and acts under their own name.
    let (vault_bo, _) = store.unlock(BO, BO_PASS).await.unwrap();
    assert_eq!(vault_bo.user(), BO);
    assert_eq!(vault_bo.load_cases().await.unwrap().cases, vec![a.clone()]);
    assert_eq!(
        store.unlock(BO, PASS).await.err(),
        Some(StoreError::WrongPassphrase)
    );
    // The name as typed: letter case and spaces do not matter; a name the device does not know is said so.
    assert_eq!(
        store.unlock("  bo   ek ", BO_PASS).await.unwrap().0.user(),
        BO
    );
    assert_eq!(
        store.unlock("Cai Lind", BO_PASS).await.err(),
        Some(StoreError::UnknownUser)
    );

    // Bo changes his own passphrase: the old one opens nothing, the new one does, Anna's is untouched.
    store
        .change_passphrase(BO, BO_PASS, BO_NEW, BO_NEW)
        .await
        .unwrap();
    assert_eq!(
        store.unlock(BO, BO_PASS).await.err(),
        Some(StoreError::WrongPassphrase)
    );
    assert_eq!(
        store
            .unlock(BO, BO_NEW)
            .await
            .unwrap()
            .0
            .load_cases()
            .await
            .unwrap()
            .cases,
        vec![a.clone()]
    );
    assert_eq!(
        store
            .unlock(NAME, PASS)
            .await
            .unwrap()
            .0
            .load_cases()
            .await
            .unwrap()
            .cases,
        vec![a.clone()]
    );

    // At least one administrator stays; an administrator removes Bo, whose passphrase then opens nothing.
    assert!(matches!(
        store.set_admin(NAME, NAME, false).await,
        Err(StoreError::Refused(m)) if m.contains("minst en administratör")
    ));
    store.set_admin(NAME, BO, true).await.unwrap();
    assert!(store
        .users()
        .await
        .unwrap()
        .unwrap()
        .iter()
        .all(|u| u.admin));
    store.set_admin(BO, BO, false).await.unwrap();
    store.remove_user(NAME, BO).await.unwrap();
    assert_eq!(
        store.unlock(BO, BO_NEW).await.err(),
        Some(StoreError::UnknownUser)
    );
    // The case was never written again: the users' changes re-encrypt nothing.
    let records = raw_records(name).await;
    assert_eq!(records.len(), 1);
    assert_eq!(
        js_sys::Reflect::get(&records[0], &"rev".into())
            .unwrap()
            .as_f64(),
        Some(1.0)
    );
}

#[wasm_bindgen_test]
async fn an_older_store_with_one_passphrase_migrates_to_its_first_user() {
    use sip_planen::engine::users::FIRST_USER_DEFAULT;
    let name = "t-users-migration";
    let store = fresh(name).await;
    // Set up the way an older release did: the passphrase's PBKDF2 key seals the cases.
    let old = store.set_up_single_passphrase(PASS).await.unwrap();
    let a = case("Lisa Andersson", "19121212-1212");
    old.put_case(&a).await.unwrap();
    old.lock().close();

    let store = Store::open_named(name).await.unwrap();
    assert_eq!(store.users().await.unwrap(), None);
    assert_eq!(
        store.unlock("", "fel fras helt och hållet").await.err(),
        Some(StoreError::WrongPassphrase)
    );
    // The one passphrase unlocks (no user to choose yet), as the first user, and the report asks for migration.
    let (vault, report) = store.unlock("", PASS).await.unwrap();
    assert_eq!(
        (report.failed_attempts, report.single_passphrase),
        (1, true)
    );
    assert_eq!(vault.user(), FIRST_USER_DEFAULT);
    assert_eq!(vault.load_cases().await.unwrap().cases, vec![a.clone()]);
    // A wrong passphrase migrates nothing; the right one makes it the first user's (who administers).
    assert_eq!(
        store
            .migrate_single_passphrase("fel fras helt och hållet", "")
            .await
            .err(),
        Some(StoreError::WrongPassphrase)
    );
    assert_eq!(store.users().await.unwrap(), None);
    store.migrate_single_passphrase(PASS, "").await.unwrap();
    let users = store.users().await.unwrap().unwrap();
    assert_eq!(users.len(), 1);
    assert_eq!(users[0].name, FIRST_USER_DEFAULT);
    assert!(users[0].admin);
    // From now on the user's wrapped key opens the same cases, and more users can be added.
    vault.lock().close();
    let store = Store::open_named(name).await.unwrap();
    let (vault, report) = store.unlock(FIRST_USER_DEFAULT, PASS).await.unwrap();
    assert!(!report.single_passphrase);
    assert_eq!(vault.load_cases().await.unwrap().cases, vec![a]);
    store
        .add_user(
            FIRST_USER_DEFAULT,
            PASS,
            "Bo Ek",
            "blåbär på åkern i år",
            "blåbär på åkern i år",
        )
        .await
        .unwrap();
    assert_eq!(store.users().await.unwrap().unwrap().len(), 2);
}

#[wasm_bindgen_test]
async fn the_audit_log_is_a_sealed_chain_that_shows_a_changed_or_removed_entry() {
    use sip_planen::engine::audit::{AuditAction, AuditEntry, ChainCheck};
    let name = "t-audit";
    let store = fresh(name).await;
    store.set_up(NAME, PASS, PASS).await.unwrap();
    // Two failed attempts (one with a name the device does not know), then an unlock: all three recorded.
    assert!(store
        .unlock(NAME, "fel fras helt och hållet")
        .await
        .is_err());
    assert_eq!(
        store.unlock("Okänd Person", PASS).await.err(),
        Some(StoreError::UnknownUser)
    );
    let (vault, report) = store.unlock(NAME, PASS).await.unwrap();
    assert_eq!(report.failed_attempts, 2);
    vault.record_unlock(now()).await.unwrap();
    let entry = |action, detail: &str| AuditEntry {
        at: now(),
        user: NAME.into(),
        action,
        case_id: "c1".into(),
        case_name: "Lisa Andersson".into(),
        detail: detail.into(),
    };
    vault
        .record(&[entry(AuditAction::Oppnat, "")])
        .await
        .unwrap();
    vault
        .record(&[
            entry(AuditAction::Andrat, "Planen ändrad"),
            entry(AuditAction::Utskrift, "Planen"),
        ])
        .await
        .unwrap();
    let log = vault.audit_log().await.unwrap();
    assert_eq!(log.check, ChainCheck::Whole { entries: 6 });
    let actions: Vec<AuditAction> = log.entries.iter().map(|e| e.action).collect();
    assert_eq!(
        actions,
        [
            AuditAction::MisslyckadUpplasning,
            AuditAction::MisslyckadUpplasning,
            AuditAction::Upplast,
            AuditAction::Oppnat,
            AuditAction::Andrat,
            AuditAction::Utskrift
        ]
    );
    assert_eq!(log.entries[1].user, "Okänd Person");
    assert_eq!(log.entries[4].detail, "Planen ändrad");
    // The access log was taken in once: the next unlock records no failure again.
    vault.record_unlock(now()).await.unwrap();
    assert_eq!(
        vault.audit_log().await.unwrap().check,
        ChainCheck::Whole { entries: 7 }
    );
    // Nothing of an entry is readable at rest.
    let db = schema::open_at(name, schema::SCHEMA_VERSION, Rc::new(|_| {}))
        .await
        .unwrap();
    {
        let tx = db
            .transaction(schema::STORE_AUDIT)
            .with_mode(indexed_db_futures::transaction::TransactionMode::Readwrite)
            .build()
            .unwrap();
        let store = tx.object_store(schema::STORE_AUDIT).unwrap();
        let rec: JsValue = store.get(5.0).primitive().unwrap().await.unwrap().unwrap();
        let ct = js_sys::Uint8Array::new(&js_sys::Reflect::get(&rec, &"ct".into()).unwrap());
        let bytes = ct.to_vec();
        assert!(!String::from_utf8_lossy(&bytes).contains("Planen"));
        // Change one byte of entry 5.
        let mut changed = bytes.clone();
        changed[0] ^= 1;
        js_sys::Reflect::set(
            &rec,
            &"ct".into(),
            &js_sys::Uint8Array::from(changed.as_slice()),
        )
        .unwrap();
        store
            .put(rec)
            .with_key(5.0)
            .primitive()
            .unwrap()
            .await
            .unwrap();
        tx.commit().await.unwrap();
    }
    let log = vault.audit_log().await.unwrap();
    assert_eq!(log.check, ChainCheck::Broken { at: 5 });
    assert_eq!(log.unreadable, 1);
    // The last entry removed: the head remembers it.
    {
        let tx = db
            .transaction(schema::STORE_AUDIT)
            .with_mode(indexed_db_futures::transaction::TransactionMode::Readwrite)
            .build()
            .unwrap();
        let store = tx.object_store(schema::STORE_AUDIT).unwrap();
        store.delete(7.0).primitive().unwrap().await.unwrap();
        store.delete(5.0).primitive().unwrap().await.unwrap();
        tx.commit().await.unwrap();
    }
    assert_eq!(
        vault.audit_log().await.unwrap().check,
        ChainCheck::Broken { at: 5 }
    );
    db.close();
}

/// Version `v` of case `i` (the same id, another name and kommun): what a later save of the case writes.
fn version(i: u32, v: u32) -> Case {
    let input = NewCase {
        name: format!("Person {i:02} v{v}"),
        identity_kind: Some(IdentityKind::Saknas),
        identity: String::new(),
        kommun: ["Sala", "Köping", "Västerås"][(v % 3) as usize].into(),
        profile: ProfileId::new("vastra-gotaland"),
        language: "svenska".into(),
        interpreter: false,
    };
    let id = CaseId(uuid::Uuid::from_u128(
        0x5151_0000_0000 + u128::from(i) * 977,
    ));
    Case::register(&input, id, now() + chrono::Duration::minutes(i64::from(v))).unwrap()
}

/// What a fresh rebuild from the stored cases gives, in the register's order.
async fn rebuilt(vault: &sip_planen::store::Vault) -> Vec<sip_planen::engine::index::Summary> {
    let mut want: Vec<_> = vault
        .load_cases()
        .await
        .unwrap()
        .cases
        .iter()
        .map(sip_planen::engine::index::Summary::of)
        .collect();
    sip_planen::engine::index::sort_by_last_change(&mut want);
    want
}

async fn clear_index(name: &str) {
    raw(
        name,
        schema::SCHEMA_VERSION,
        schema::STORE_INDEX,
        None,
        None,
    )
    .await;
}

/// The index as unlocking reads it; built from the cases first when it is not whole (as the app has the tools do).
/// The marked cases are summarised from the cases, as the app does.
async fn index_at_unlock(
    vault: &sip_planen::store::Vault,
) -> Vec<sip_planen::engine::index::Summary> {
    let (mut list, marked) = match vault.load_index().await.unwrap() {
        Some(index) => index,
        None => {
            vault.rebuild_index().await.unwrap();
            vault
                .load_index()
                .await
                .unwrap()
                .expect("whole after the rebuild")
        }
    };
    for id in marked {
        let case = vault.peek_case(id).await.unwrap().unwrap();
        sip_planen::engine::index::insert_sorted(
            &mut list,
            sip_planen::engine::index::Summary::of(&case),
        );
    }
    list
}

/// The sealed buckets alone, after the tools folded every marker in.
async fn folded(vault: &sip_planen::store::Vault) -> Vec<sip_planen::engine::index::Summary> {
    vault.fold_index().await.unwrap();
    let (list, marked) = vault.load_index().await.unwrap().expect("whole");
    assert!(marked.is_empty(), "every marker folded");
    list
}

/// Issue 18: two tabs (each its own connection and vault) write cases at the same moment, often into the same
/// bucket; a write made as a page goes away; a restore. After each the stored index equals a rebuild from the
/// cases, and an unlock reads it whole without decrypting the cases.
#[wasm_bindgen_test]
async fn the_index_equals_a_rebuild_after_writes_from_two_tabs_at_once() {
    let name = "t-index";
    let store = fresh(name).await;
    let tab_a = store.set_up(NAME, PASS, PASS).await.unwrap();
    assert_eq!(
        tab_a.load_index().await.unwrap(),
        None,
        "no index before the first unlock"
    );
    assert!(index_at_unlock(&tab_a).await.is_empty());
    let other = Store::open_named(name).await.unwrap();
    let (tab_b, _) = other.unlock(NAME, PASS).await.unwrap();
    // A fixed pseudo-random walk: each round tab A writes an even case and tab B an odd one, at once.
    let mut seed: u32 = 12345;
    let mut next = move |n: u32| {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        (seed >> 16) % n
    };
    for round in 0..30 {
        let (i, j) = (next(20) * 2, next(20) * 2 + 1);
        let (a, b) = (version(i, round), version(j, round));
        let (ra, rb) = futures::join!(tab_a.put_case(&a), tab_b.put_case(&b));
        ra.unwrap();
        rb.unwrap();
    }
    // Every save marked its case: read with the markers, the index is the rebuild already.
    let (_, marked) = tab_a.load_index().await.unwrap().expect("whole");
    assert!(!marked.is_empty());
    assert_eq!(index_at_unlock(&tab_a).await, rebuilt(&tab_a).await);
    // The two tabs fold at once; the buckets alone are then the rebuild.
    let (fa, fb) = futures::join!(tab_a.fold_index(), tab_b.fold_index());
    fa.unwrap();
    fb.unwrap();
    assert_eq!(folded(&tab_a).await, rebuilt(&tab_a).await);

    // A restore of ten cases (five new) from the other tab keeps the index whole and equal.
    let restored: Vec<Case> = (35..45).map(|i| version(i, 7)).collect();
    tab_b.load_cases().await.unwrap();
    tab_b.restore(&restored).await.unwrap();
    let (stored, marked) = tab_a.load_index().await.unwrap().expect("whole");
    assert!(marked.is_empty(), "a restore writes the buckets themselves");
    assert_eq!(stored, rebuilt(&tab_a).await);

    // A page going away writes its case and marker at once; the next unlock reads the case for it.
    let sealed = tab_a.seal_case(&version(0, 99)).await.unwrap();
    tab_a.load_cases().await.unwrap();
    tab_a.write_now(&[sealed]).unwrap();
    let (vault, _) = unlock_again(name).await;
    let loaded = index_at_unlock(&vault).await;
    assert_eq!(loaded, rebuilt(&vault).await);
    assert!(loaded.iter().any(|s| s.name == "Person 00 v99"));
    assert_eq!(folded(&vault).await, loaded);
}

/// Issue 18: a store from schema 3 gets the index store at the upgrade and its index at the first unlock (from
/// every case, once); a bucket changed outside the app makes the next unlock build the index again.
#[wasm_bindgen_test]
async fn a_store_without_an_index_or_with_a_changed_bucket_gets_it_built_at_unlock() {
    let name = "t-index-migrate";
    delete(name).await;
    let v3 = Store::open_named_at(name, 3, Rc::new(|_| {}))
        .await
        .unwrap();
    v3.set_up(NAME, PASS, PASS).await.unwrap().lock().close();
    let store = Store::open_named(name).await.unwrap();
    let (vault, _) = store.unlock(NAME, PASS).await.unwrap();
    let cases: Vec<Case> = (0..12).map(|i| version(i, 1)).collect();
    vault.put_cases(&cases).await.unwrap();
    vault.lock().close();
    // The cases as a release before the index left them: no index at all.
    clear_index(name).await;
    let (vault, _) = unlock_again(name).await;
    assert_eq!(vault.load_index().await.unwrap(), None);
    let loaded = index_at_unlock(&vault).await;
    assert_eq!(loaded.len(), 12);
    assert_eq!(loaded, rebuilt(&vault).await);
    assert_eq!(folded(&vault).await, loaded);

    // One bucket's bytes changed: it does not open, the index is built again and nothing is lost.
    let key =
        sip_planen::engine::index::bucket_key(sip_planen::engine::index::bucket_of(cases[3].id()));
    let v = schema::SCHEMA_VERSION;
    let rec = raw(name, v, schema::STORE_INDEX, Some(key.as_str()), None)
        .await
        .unwrap();
    let mut sealed = Sealed::from_js(&rec).unwrap();
    sealed.ct[0] ^= 1;
    let _ = js_sys::Reflect::set(
        &rec,
        &"ct".into(),
        &js_sys::Uint8Array::from(sealed.ct.as_slice()),
    );
    raw(name, v, schema::STORE_INDEX, Some(key.as_str()), Some(rec)).await;
    assert_eq!(vault.load_index().await.unwrap(), None);
    // A save into that bucket before the rebuild: its fold builds the whole index instead.
    vault.put_case(&version(3, 2)).await.unwrap();
    assert_eq!(vault.load_index().await.unwrap(), None);
    let again = folded(&vault).await;
    assert_eq!(again, rebuilt(&vault).await);
    assert_eq!(again.len(), 12);
}
