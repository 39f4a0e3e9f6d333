//! Hooks for the measuring script only (`--features bench`, built to target/dist-bench, never served):
//! seed many cases through the real store, and force a panic to check the crash page.

use crate::engine::{Case, CaseId, IdentityKind, NewCase, ProfileId};
use crate::store::Store;
use wasm_bindgen::prelude::*;

/// The user the measuring store is set up with (the measurement unlocks as this user).
pub const BENCH_USER: &str = "Mätning";

/// A case as a coordinator's register holds after a year: three parties, consent, an answered initiative, a
/// kallelse, the planning meeting, a locked plan of 10 insatser with 4 contacts, and a follow-up — every step
/// through the engine's commands, so the case is one the app could have made. Registered 400 days before `now`.
#[doc(hidden)]
pub fn realistic_case(i: u32, now: chrono::NaiveDateTime) -> Result<Case, String> {
    use crate::engine::model::*;
    use crate::engine::{profiles, Command, Ctx};
    use chrono::Duration;
    let mut at = now - Duration::days(400);
    let input = NewCase {
        name: format!("Person {i:05} Realistsson"),
        identity_kind: Some(IdentityKind::Reservnummer),
        identity: format!("RN-{i:06}"),
        kommun: ["Västerås", "Sala", "Köping", "Fagersta"][i as usize % 4].into(),
        profile: ProfileId::default(),
        language: "svenska".into(),
        interpreter: i.is_multiple_of(7),
    };
    let mut case =
        Case::register(&input, CaseId(uuid::Uuid::new_v4()), at).map_err(|e| format!("{e:?}"))?;
    let profile = profiles::get(case.profile()).clone();
    let run = |case: &mut Case, at: chrono::NaiveDateTime, cmd: Command| {
        let ctx = Ctx {
            now: at,
            who: "Anna Samordnare",
            profile: &profile,
        };
        case.apply(cmd, &ctx).map_err(|v| v.to_string())
    };
    let unit = |kind: UnitKind, name: &str| Party {
        id: PartyId(0),
        kind: PartyKind::Unit(kind),
        name: name.into(),
        contact: Contact {
            name: format!("Kontakt {name}"),
            phone: "021-123 45".into(),
            email: String::new(),
        },
        has_system_access: true,
        ongoing_contact: true,
    };
    run(
        &mut case,
        at,
        Command::AddParty(unit(UnitKind::SocialtjanstMyndighet, "Socialtjänsten")),
    )?;
    run(
        &mut case,
        at,
        Command::AddParty(unit(UnitKind::Vardcentral, "Vårdcentralen Centrum")),
    )?;
    run(
        &mut case,
        at,
        Command::AddParty(unit(UnitKind::Psykiatri, "Psykiatrin")),
    )?;
    let ids: Vec<PartyId> = case.parties().iter().map(|p| p.id).collect();
    let (k, r, p) = (ids[0], ids[1], ids[2]);
    run(
        &mut case,
        at,
        Command::RecordConsent(Consent {
            information_exchange: true,
            establish_plan: true,
            parties: ids.iter().copied().collect(),
            information: InformationKind::ALL.into_iter().collect(),
            form: ConsentForm::Muntligt,
            given_by: [Giver::Personen].into_iter().collect(),
            given: at.date(),
            valid_until: at.date() + Duration::days(365),
            digital_meeting: false,
            withdrawn: None,
        }),
    )?;
    run(
        &mut case,
        at,
        Command::SendInitiative {
            initiator: k,
            recipients: vec![r, p],
            reason: "Behov av samordning av stöd i hemmet, vård och psykiatri.".into(),
            urgency: Some(Urgency::KanVanta),
        },
    )?;
    at += Duration::hours(20);
    run(
        &mut case,
        at,
        Command::AcknowledgeInitiative { recipient: r },
    )?;
    run(
        &mut case,
        at,
        Command::AcknowledgeInitiative { recipient: p },
    )?;
    run(
        &mut case,
        at,
        Command::SendKallelse(KallelseDraft {
            purpose: "Samordna stöd efter flytt".into(),
            long_term_goal: "Att bo kvar hemma med det stöd som behövs".into(),
            questions: vec![Question {
                text: "Vilket stöd behövs i hemmet?".into(),
                party: Some(r),
            }],
            meeting_at: Some(at + Duration::days(7)),
            place: Some(Place::Plats("Vårdcentralen Centrum".into())),
            participation: "Personen deltar på plats med sin syster".into(),
            recipients: vec![k, r, p],
            documenter: "Anna Samordnare".into(),
        }),
    )?;
    at += Duration::hours(20);
    for recipient in [r, p] {
        run(
            &mut case,
            at,
            Command::AcknowledgeKallelse {
                recipient,
                attendee: "Deltagare".into(),
                substitute: None,
            },
        )?;
    }
    at += Duration::days(7);
    run(
        &mut case,
        at,
        Command::HoldMeeting(Meeting {
            at,
            kind: MeetingKind::Planering,
            attendees: [k, r, p].into_iter().collect(),
            person_present: true,
            chair: Some(k),
            documenter: "Anna Samordnare".into(),
            digital: false,
            sip_kollen_told: false,
        }),
    )?;
    let units = [k, r, p];
    let insatser = (0..10)
        .map(|n| Insats {
            id: 0,
            what: format!("Insats {n}: stöd enligt överenskommelse vid mötet"),
            unit: units[n % 3],
            responsible: format!("Ansvarig {n}"),
            start: Some(at.date() + Duration::days(7)),
            how_often: "varje vecka".into(),
            place: "I hemmet".into(),
            decided: false,
            status: None,
            status_comment: String::new(),
        })
        .collect();
    run(
        &mut case,
        at,
        Command::UpdatePlan(PlanContent {
            needs: vec!["Stöd i vardagen".into(), "Samordnad vård".into()],
            long_term_goal: "Jag vill bo kvar hemma och må bättre".into(),
            delmal: vec![
                Goal {
                    text: "Laga frukost själv".into(),
                },
                Goal {
                    text: "Ta mina mediciner varje dag".into(),
                },
            ],
            insatser,
            self_does: "Handlar själv, går promenader".into(),
            help_needed: "Påminnelser om mediciner och läkarbesök".into(),
            others_actions: Vec::new(),
            contacts: (0..4)
                .map(|n| ContactPerson {
                    party: units[n % 3],
                    name: format!("Kontakt {n}"),
                    phone: format!("021-100 0{n}"),
                })
                .collect(),
            disagreements: Vec::new(),
            huvudansvarig: Some(k),
            documenter: "Anna Samordnare".into(),
            follow_up: Some(FollowUpPlan {
                date: at.date() + Duration::days(90),
                place: "Vårdcentralen Centrum".into(),
            }),
        }),
    )?;
    run(&mut case, at, Command::EstablishPlan)?;
    run(&mut case, at, Command::SignPlan { by: k })?;
    run(&mut case, at, Command::LockPlan { by: k })?;
    at += Duration::days(90);
    let activities = case
        .current_plan()
        .map(|plan| {
            plan.content
                .insatser
                .iter()
                .map(|i| ActivityFollowUp {
                    insats: i.id,
                    status: ActivityStatus::Pagar,
                    comment: "Enligt plan".into(),
                })
                .collect()
        })
        .unwrap_or_default();
    run(
        &mut case,
        at,
        Command::RecordFollowUp {
            activities,
            comment: "Planen följs.".into(),
            next: None,
        },
    )?;
    Ok(case)
}

/// Sets up the vault (if needed) with `passphrase` and writes `n` cases, in batches: registered ones, or with
/// `realistic` a year's work each ([`realistic_case`]).
#[wasm_bindgen]
pub async fn bench_seed(passphrase: String, n: u32, realistic: bool) -> Result<u32, JsValue> {
    let store = Store::open(std::rc::Rc::new(|_| {}))
        .await
        .map_err(|e| JsValue::from_str(&e.message_sv()))?;
    let vault = if store
        .is_set_up()
        .await
        .map_err(|e| JsValue::from_str(&e.message_sv()))?
    {
        store.unlock(BENCH_USER, &passphrase).await.map(|(v, _)| v)
    } else {
        store.set_up(BENCH_USER, &passphrase, &passphrase).await
    }
    .map_err(|e| JsValue::from_str(&e.message_sv()))?;
    let now = chrono::Local::now().naive_local();
    let mut batch = Vec::with_capacity(200);
    for i in 0..n {
        batch.push(bench_case(i, now, realistic)?);
        if batch.len() == 200 {
            vault
                .put_cases(&batch)
                .await
                .map_err(|e| JsValue::from_str(&e.message_sv()))?;
            batch.clear();
        }
    }
    vault
        .put_cases(&batch)
        .await
        .map_err(|e| JsValue::from_str(&e.message_sv()))?;
    // The index as the tools leave it after the saves: every marker folded into its sealed bucket.
    vault
        .fold_index()
        .await
        .map_err(|e| JsValue::from_str(&e.message_sv()))?;
    Ok(n)
}

/// Case `i` of a measured store: registered only, or with `realistic` a year's work ([`realistic_case`]).
fn bench_case(i: u32, now: chrono::NaiveDateTime, realistic: bool) -> Result<Case, JsValue> {
    if realistic {
        return realistic_case(i, now).map_err(|e| JsValue::from_str(&e));
    }
    let input = NewCase {
        name: format!("Person {i:04} Testsson"),
        identity_kind: Some(IdentityKind::Reservnummer),
        identity: format!("RN-{i:06}"),
        kommun: "Västerås".into(),
        profile: ProfileId::default(),
        language: "svenska".into(),
        interpreter: i.is_multiple_of(7),
    };
    Case::register(&input, CaseId(uuid::Uuid::new_v4()), now)
        .map_err(|_| JsValue::from_str("seed case refused"))
}

/// The Wasm memory's size in bytes (it grows to the most the app has held, and never shrinks).
#[wasm_bindgen]
pub fn bench_memory() -> f64 {
    use wasm_bindgen::JsCast;
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .map(|m| js_sys::ArrayBuffer::from(m.buffer()).byte_length() as f64)
        .unwrap_or(0.0)
}

/// Panics, as a bug would.
#[wasm_bindgen]
pub fn bench_panic() {
    let v: Vec<u8> = Vec::new();
    let i = v.len() + 3;
    std::hint::black_box(v[i]);
}

/// Restores `n` cases (registered, or with `realistic` a year's work each) from a backup file into an empty database
/// of its own ("bench-restore"): the file is made first (not timed), then opened and validated, planned, sealed and
/// written as "Återställ" does. Returns the timings as JSON: `{"cases":n,"bytes":…,"open_ms":…,"seal_ms":…,"write_ms":…}`.
#[wasm_bindgen]
pub async fn bench_restore(passphrase: String, n: u32, realistic: bool) -> Result<String, JsValue> {
    use crate::engine::backup::{plan_restore, Backup, Choice};
    use crate::store::backup::{open_backup, seal_backup};
    let err = |e: String| JsValue::from_str(&e);
    let now = chrono::Local::now().naive_local();
    let cases = (0..n)
        .map(|i| bench_case(i, now, realistic))
        .collect::<Result<Vec<_>, _>>()?;
    let file = seal_backup(
        &Backup {
            created: now,
            cases,
            audit: Vec::new(),
        },
        &passphrase,
    )
    .await
    .map_err(|e| err(e.message_sv()))?;
    if let Ok(req) = indexed_db_futures::database::Database::delete_by_name("bench-restore") {
        let _ = req.await;
    }
    let store = Store::open_named("bench-restore")
        .await
        .map_err(|e| err(e.message_sv()))?;
    let vault = store
        .set_up(BENCH_USER, &passphrase, &passphrase)
        .await
        .map_err(|e| err(e.message_sv()))?;
    let clock = || js_sys::Date::now();
    let t0 = clock();
    let backup = open_backup(&file, &passphrase)
        .await
        .map_err(|e| err(e.message_sv()))?;
    let t1 = clock();
    let plan = plan_restore(
        &[],
        backup,
        &|_| Choice::KeepNewer,
        &mut || CaseId(uuid::Uuid::new_v4()),
        now,
        "mätning",
    );
    let sealed = vault
        .seal_many(&plan.write)
        .await
        .map_err(|e| err(e.message_sv()))?;
    // The index's part: each case summarised for its bucket (written in the same transaction).
    let summaries: Vec<crate::engine::index::Summary> = plan
        .write
        .iter()
        .map(crate::engine::index::Summary::of)
        .collect();
    let t2 = clock();
    vault
        .write_restored(&sealed, &summaries)
        .await
        .map_err(|e| err(e.message_sv()))?;
    let t3 = clock();
    let stored = vault
        .load_cases()
        .await
        .map_err(|e| err(e.message_sv()))?
        .cases
        .len();
    vault.lock().close();
    Ok(format!(
        r#"{{"cases":{stored},"bytes":{},"open_ms":{},"seal_ms":{},"write_ms":{}}}"#,
        file.len(),
        t1 - t0,
        t2 - t1,
        t3 - t2
    ))
}

/// One realistic case saved as the app's autosave does, `runs` times, in a database of its own ("bench-autosave"):
/// the main thread's part (the case serialised to JSON, as sealing begins; the browser encrypts off the main thread)
/// and the whole save (serialise, seal, write in a transaction, committed). Returns JSON:
/// `{"serialise_ms":[…],"save_ms":[…],"fold_ms":[…],"bytes":…}`; the fold is the tools' part after the save
/// (the marker folded into a bucket of a 10 000-case index).
#[wasm_bindgen]
pub async fn bench_autosave(passphrase: String, runs: u32) -> Result<String, JsValue> {
    let err = |e: crate::store::StoreError| JsValue::from_str(&e.message_sv());
    let now = chrono::Local::now().naive_local();
    let case = realistic_case(1, now).map_err(|e| JsValue::from_str(&e))?;
    if let Ok(req) = indexed_db_futures::database::Database::delete_by_name("bench-autosave") {
        let _ = req.await;
    }
    let store = Store::open_named("bench-autosave").await.map_err(err)?;
    let vault = store
        .set_up(BENCH_USER, &passphrase, &passphrase)
        .await
        .map_err(err)?;
    // The index as the first unlock builds it (empty), then 10 000 other cases in it, so the bucket the fold
    // re-seals holds what it would on a full device.
    vault.rebuild_index().await.map_err(err)?;
    let others: Vec<Case> = (0..10_000)
        .map(|i| bench_case(i + 10, now, false))
        .collect::<Result<_, _>>()?;
    let sealed = vault.seal_many(&others).await.map_err(err)?;
    let summaries: Vec<crate::engine::index::Summary> = others
        .iter()
        .map(crate::engine::index::Summary::of)
        .collect();
    vault
        .write_restored(&sealed, &summaries)
        .await
        .map_err(err)?;
    let perf = web_sys::window()
        .and_then(|w| w.performance())
        .ok_or_else(|| JsValue::from_str("no performance"))?;
    let (mut serialise, mut save, mut fold) = (Vec::new(), Vec::new(), Vec::new());
    let mut bytes = 0;
    for _ in 0..runs {
        // The browser's clock is coarse (0.1 ms): the serialising is timed over 100 and divided.
        let t0 = perf.now();
        for _ in 0..100 {
            bytes = crate::engine::json_write::to_vec(&case)
                .map(|v| v.len())
                .unwrap_or(0);
        }
        serialise.push((perf.now() - t0) / 100.0);
        let t1 = perf.now();
        let sealed = vault.seal_case(&case).await.map_err(err)?;
        vault.write(&[sealed]).await.map_err(err)?;
        save.push(perf.now() - t1);
        // What the tools do after the save: the case's marker folded into its sealed bucket.
        let t2 = perf.now();
        vault.fold_index().await.map_err(err)?;
        fold.push(perf.now() - t2);
    }
    let list = |v: &[f64]| {
        v.iter()
            .map(|x| format!("{x:.3}"))
            .collect::<Vec<_>>()
            .join(",")
    };
    Ok(format!(
        "{{\"serialise_ms\":[{}],\"save_ms\":[{}],\"fold_ms\":[{}],\"bytes\":{bytes}}}",
        list(&serialise),
        list(&save),
        list(&fold)
    ))
}
