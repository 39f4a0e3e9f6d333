//! The IndexedDB schema, versioned with explicit, ordered migrations. `MIGRATIONS[n]` takes a database from
//! version n to n + 1; opening at [`SCHEMA_VERSION`] runs every step the stored database has not had yet.

use super::error::StoreError;
use indexed_db_futures::database::{Database, VersionChangeEvent};
use indexed_db_futures::prelude::*;

pub const DB_NAME: &str = "sip-planen";
/// The current schema version.
pub const SCHEMA_VERSION: u32 = 2;

/// Key/value settings of the vault: salt, iterations and the passphrase verifier. Never the key.
pub const STORE_META: &str = "meta";
/// One sealed record per case, keyed by case id.
pub const STORE_CASES: &str = "cases";
/// Unlock attempts (time and outcome only, no personal data), so failed attempts are shown at the next unlock.
pub const STORE_ACCESS: &str = "access_log";

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

pub const MIGRATIONS: [Migration; SCHEMA_VERSION as usize] = [v1_initial, v2_access_log];

/// Opens `name` at `version` (≤ [`SCHEMA_VERSION`]), migrating step by step from whatever version it has.
/// Tests open at an older version to write data as an older release would have.
pub async fn open_at(name: &str, version: u32) -> Result<Database, StoreError> {
    let version = version.clamp(1, SCHEMA_VERSION);
    Database::open(name)
        .with_version(version)
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
            if text.contains("indexedDB")
                || text.contains("not available")
                || text.contains("NotFound")
            {
                StoreError::Unavailable
            } else {
                StoreError::ReadFailed(text)
            }
        })
}
