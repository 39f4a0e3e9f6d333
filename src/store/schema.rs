//! The IndexedDB schema, versioned with explicit, ordered migrations. `MIGRATIONS[n]` takes a database from
//! version n to n + 1; opening at [`SCHEMA_VERSION`] runs every step the stored database has not had yet.

use super::error::StoreError;
use indexed_db_futures::database::{Database, VersionChangeEvent};
use indexed_db_futures::internals::SystemRepr;
use indexed_db_futures::prelude::*;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

pub const DB_NAME: &str = "sip-planen";
/// The current schema version.
pub const SCHEMA_VERSION: u32 = 4;

/// Key/value settings of the vault: salt, iterations and the passphrase verifier. Never the key.
pub const STORE_META: &str = "meta";
/// One sealed record per case, keyed by case id: `{ id, rev, iv, ct }`. `rev` counts the writes of the record, so a
/// write based on an older revision (another tab) is refused instead of overwriting.
pub const STORE_CASES: &str = "cases";
/// Unlock attempts (time, outcome and the name typed; no case data), so failed attempts are shown at the next unlock
/// and the wait after repeated failures survives a reload; kept until the audit log has taken them in.
pub const STORE_ACCESS: &str = "access_log";

/// The audit log: one sealed entry per record, keyed by its number in the chain: `{ seq, iv, ct, hash }`; the
/// chain's head is the meta record `audit_head` (see [`crate::engine::audit`]).
pub const STORE_AUDIT: &str = "audit";

/// The sealed case index (see [`crate::engine::index`]): the buckets `{ id: "b07", rev, iv, ct }`, and a plain
/// marker `{ id: "d:<case id>" }` for a case written while its page went away (no time to re-seal its bucket then):
/// the next unlock summarises that case again.
pub const STORE_INDEX: &str = "index";

type Migration = fn(&Database) -> indexed_db_futures::Result<()>;

/// Version 1: the vault settings and the sealed cases.
fn v1_initial(db: &Database) -> indexed_db_futures::Result<()> {
    db.create_object_store(STORE_META).build()?;
    db.create_object_store(STORE_CASES).build()?;
    Ok(())
}

/// Version 2: the access log of unlock attempts.
fn v2_access_log(db: &Database) -> indexed_db_futures::Result<()> {
    db.create_object_store(STORE_ACCESS)
        .with_auto_increment(true)
        .build()?;
    Ok(())
}

/// Version 3: the audit log.
fn v3_audit_log(db: &Database) -> indexed_db_futures::Result<()> {
    db.create_object_store(STORE_AUDIT).build()?;
    Ok(())
}

/// Version 4: the case index. Its content needs the key, so it is built at the first unlock after the upgrade
/// (from every case, once), not here.
fn v4_index(db: &Database) -> indexed_db_futures::Result<()> {
    db.create_object_store(STORE_INDEX).build()?;
    Ok(())
}

pub const MIGRATIONS: [Migration; SCHEMA_VERSION as usize] =
    [v1_initial, v2_access_log, v3_audit_log, v4_index];

/// What happens to the connection from outside: another tab or the browser.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoreEvent {
    /// Our open waits for an older tab that does not let go.
    Blocked,
    /// Another tab opens a newer schema: this connection has closed so that tab is not blocked.
    VersionChange,
    /// Another tab deleted the database.
    Deleted,
    /// The browser closed the connection (site data cleared).
    Closed,
}

impl StoreEvent {
    /// The error the app shows for the event.
    pub fn error(self) -> StoreError {
        match self {
            StoreEvent::Blocked => StoreError::Blocked,
            StoreEvent::VersionChange => StoreError::NewerVersion,
            StoreEvent::Deleted => StoreError::Deleted,
            StoreEvent::Closed => StoreError::Closed,
        }
    }
}

pub type OnEvent = Rc<dyn Fn(StoreEvent)>;

/// Opens `name` at `version` (≤ [`SCHEMA_VERSION`]), migrating step by step from whatever version it has. Tests open
/// at an older version to write data as an older release would have. The listeners for a version change, a
/// deletion and a closed connection are attached before anything else can run, so no event is missed while the app
/// is still starting.
pub async fn open_at(name: &str, version: u32, on_event: OnEvent) -> Result<Database, StoreError> {
    let version = version.clamp(1, SCHEMA_VERSION);
    let blocked = on_event.clone();
    let db = Database::open(name)
        .with_version(version)
        .with_on_blocked(move |_: VersionChangeEvent| {
            blocked(StoreEvent::Blocked);
            Ok(())
        })
        .with_on_upgrade_needed(move |event: VersionChangeEvent, db: Database| {
            let from = event.old_version() as usize;
            for step in MIGRATIONS.iter().take(version as usize).skip(from) {
                step(&db)?;
            }
            Ok(())
        })
        .await
        .map_err(|e| {
            let text = e.to_string();
            if text.contains("VersionError") {
                StoreError::NewerVersion
            } else if text.contains("indexedDB")
                || text.contains("not available")
                || text.contains("NotFound")
                || text.contains("InvalidStateError")
            {
                StoreError::Unavailable
            } else {
                StoreError::ReadFailed(text)
            }
        })?;
    listen(&db, on_event);
    Ok(db)
}

/// Closes the connection at once when another tab upgrades or deletes the database (so that tab is not blocked)
/// and reports it; reports a connection the browser closed.
fn listen(db: &Database, on_event: OnEvent) {
    let sys = db.as_sys().clone();
    let changed = on_event.clone();
    let on_change = Closure::<dyn FnMut(web_sys::IdbVersionChangeEvent)>::new(
        move |ev: web_sys::IdbVersionChangeEvent| {
            sys.close();
            changed(if ev.new_version().is_none() {
                StoreEvent::Deleted
            } else {
                StoreEvent::VersionChange
            });
        },
    );
    db.as_sys()
        .set_onversionchange(Some(on_change.as_ref().unchecked_ref()));
    let on_close = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| on_event(StoreEvent::Closed));
    db.as_sys()
        .set_onclose(Some(on_close.as_ref().unchecked_ref()));
    // One pair of listeners per opened connection, for the life of the page.
    on_change.forget();
    on_close.forget();
}

/// A read-write transaction over `stores` (one name, or several as an array).
pub(crate) fn readwrite<S: indexed_db_futures::database::ObjectStoreName>(
    db: &Database,
    stores: S,
) -> Result<indexed_db_futures::transaction::Transaction<'_>, StoreError> {
    db.transaction(stores)
        .with_mode(indexed_db_futures::transaction::TransactionMode::Readwrite)
        .build()
        .map_err(super::error::write_error)
}

/// Reads one record (`Some(key)`) or every record (`None`) of an object store, in its own read-only
/// transaction that ends before anything else happens (decryption runs after it).
pub async fn read(
    db: &Database,
    store_name: &str,
    key: Option<&str>,
) -> Result<Vec<wasm_bindgen::JsValue>, StoreError> {
    use super::error::read_error;
    let tx = db.transaction(store_name).build().map_err(read_error)?;
    let store = tx.object_store(store_name).map_err(read_error)?;
    match key {
        Some(k) => {
            let one: Option<wasm_bindgen::JsValue> = store
                .get(k)
                .primitive()
                .map_err(read_error)?
                .await
                .map_err(read_error)?;
            Ok(one.into_iter().collect())
        }
        None => store
            .get_all()
            .primitive()
            .map_err(read_error)?
            .await
            .map_err(read_error)?
            .collect::<Result<_, _>>()
            .map_err(read_error),
    }
}
