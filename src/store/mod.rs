//! The only door to IndexedDB. Every case is sealed (see [`crypto`]) before it is written and opened after it is
//! read; the rest of the app sees plain engine types.

pub mod crypto;
mod error;
pub mod schema;

pub use error::StoreError;

use crate::engine::Case;
use crypto::{Sealed, VaultKey, PBKDF2_ITERATIONS, SALT_LEN};
use error::{read_error, write_error};
use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use js_sys::{Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};

pub const MIN_PASSPHRASE_CHARS: usize = 10;
const META_VAULT: &str = "vault";
const VERIFIER_PLAIN: &[u8] = b"SIP-planen verifierare v1";
const VERIFIER_AAD: &[u8] = b"meta/vault";

/// An open database whose key is not in memory.
#[derive(Clone)]
pub struct Store {
    db: Database,
}

/// An unlocked store: the database and the derived key. Dropping it is locking.
#[derive(Clone)]
pub struct Vault {
    db: Database,
    key: VaultKey,
}

/// What the coordinator is told after unlocking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct UnlockReport {
    /// Failed unlock attempts since the last successful one.
    pub failed_attempts: u32,
}

struct VaultMeta {
    salt: Vec<u8>,
    iterations: u32,
    verifier: Sealed,
}

fn get_bytes(o: &JsValue, field: &str) -> Option<Vec<u8>> {
    Reflect::get(o, &field.into())
        .ok()?
        .dyn_into::<Uint8Array>()
        .ok()
        .map(|a| a.to_vec())
}

impl VaultMeta {
    fn to_js(&self) -> JsValue {
        let o = Object::new();
        let _ = Reflect::set(&o, &"salt".into(), &Uint8Array::from(self.salt.as_slice()));
        let _ = Reflect::set(&o, &"iterations".into(), &JsValue::from(self.iterations));
        let _ = Reflect::set(&o, &"verifier".into(), &self.verifier.to_js());
        o.into()
    }

    fn from_js(v: &JsValue) -> Option<VaultMeta> {
        let salt = get_bytes(v, "salt")?;
        let iterations = Reflect::get(v, &"iterations".into()).ok()?.as_f64()? as u32;
        let verifier = Sealed::from_js(&Reflect::get(v, &"verifier".into()).ok()?)?;
        Some(VaultMeta {
            salt,
            iterations,
            verifier,
        })
    }
}

fn case_record(id: &str, sealed: &Sealed) -> JsValue {
    let o = sealed.to_js();
    let _ = Reflect::set(&o, &"id".into(), &JsValue::from_str(id));
    o
}

fn case_aad(id: &str) -> Vec<u8> {
    format!("cases/{id}").into_bytes()
}

fn access_entry(ok: bool) -> JsValue {
    let o = Object::new();
    let _ = Reflect::set(&o, &"at".into(), &JsValue::from(js_sys::Date::now()));
    let _ = Reflect::set(&o, &"ok".into(), &JsValue::from(ok));
    o.into()
}

impl Store {
    /// Opens (and migrates) the app's database.
    pub async fn open() -> Result<Store, StoreError> {
        Self::open_named(schema::DB_NAME).await
    }

    /// Opens a database by name: tests use their own.
    pub async fn open_named(name: &str) -> Result<Store, StoreError> {
        Self::open_named_at(name, schema::SCHEMA_VERSION).await
    }

    /// Opens at an older schema version, as an older release would have (migration tests).
    pub async fn open_named_at(name: &str, version: u32) -> Result<Store, StoreError> {
        Ok(Store {
            db: schema::open_at(name, version).await?,
        })
    }

    async fn meta(&self) -> Result<Option<VaultMeta>, StoreError> {
        let tx = self
            .db
            .transaction(schema::STORE_META)
            .build()
            .map_err(read_error)?;
        let store = tx.object_store(schema::STORE_META).map_err(read_error)?;
        let v: Option<JsValue> = store
            .get(META_VAULT)
            .primitive()
            .map_err(read_error)?
            .await
            .map_err(read_error)?;
        Ok(v.and_then(|v| VaultMeta::from_js(&v)))
    }

    /// True when a passphrase has been chosen on this device.
    pub async fn is_set_up(&self) -> Result<bool, StoreError> {
        Ok(self.meta().await?.is_some())
    }

    /// First start: chooses the passphrase. Stores a random salt and a verifier, never the key.
    pub async fn set_up(&self, passphrase: &str, repeated: &str) -> Result<Vault, StoreError> {
        if passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
            return Err(StoreError::PassphraseTooShort(MIN_PASSPHRASE_CHARS));
        }
        if passphrase != repeated {
            return Err(StoreError::PassphraseMismatch);
        }
        if self.is_set_up().await? {
            return self.unlock(passphrase).await.map(|(v, _)| v);
        }
        let salt = crypto::random_bytes(SALT_LEN)?;
        let key = VaultKey::derive(passphrase, &salt, PBKDF2_ITERATIONS).await?;
        let verifier = key.seal(VERIFIER_PLAIN, VERIFIER_AAD).await?;
        let meta = VaultMeta {
            salt,
            iterations: PBKDF2_ITERATIONS,
            verifier,
        };
        let tx = self
            .db
            .transaction(schema::STORE_META)
            .with_mode(TransactionMode::Readwrite)
            .build()
            .map_err(write_error)?;
        let store = tx.object_store(schema::STORE_META).map_err(write_error)?;
        store
            .put(meta.to_js())
            .with_key(META_VAULT)
            .primitive()
            .map_err(write_error)?
            .await
            .map_err(write_error)?;
        tx.commit().await.map_err(write_error)?;
        Ok(Vault {
            db: self.db.clone(),
            key,
        })
    }

    /// Unlocks with the passphrase. A wrong one gives [`StoreError::WrongPassphrase`] and changes nothing but the
    /// access log.
    pub async fn unlock(&self, passphrase: &str) -> Result<(Vault, UnlockReport), StoreError> {
        let meta = self.meta().await?.ok_or(StoreError::Locked)?;
        let key = VaultKey::derive(passphrase, &meta.salt, meta.iterations).await?;
        let ok =
            matches!(key.open(&meta.verifier, VERIFIER_AAD).await, Ok(p) if p == VERIFIER_PLAIN);
        let report = self.log_access(ok).await;
        if !ok {
            return Err(StoreError::WrongPassphrase);
        }
        Ok((
            Vault {
                db: self.db.clone(),
                key,
            },
            report,
        ))
    }

    /// Records an attempt; on success reports the failures since the last success and starts the log anew.
    async fn log_access(&self, ok: bool) -> UnlockReport {
        let run = async {
            let tx = self
                .db
                .transaction(schema::STORE_ACCESS)
                .with_mode(TransactionMode::Readwrite)
                .build()
                .map_err(write_error)?;
            let store = tx.object_store(schema::STORE_ACCESS).map_err(write_error)?;
            let mut failed = 0;
            if ok {
                let all: Vec<JsValue> = store
                    .get_all()
                    .primitive()
                    .map_err(read_error)?
                    .await
                    .map_err(read_error)?
                    .filter_map(Result::ok)
                    .collect();
                failed = all
                    .iter()
                    .rev()
                    .take_while(|e| {
                        Reflect::get(e, &"ok".into()).ok().and_then(|v| v.as_bool()) == Some(false)
                    })
                    .count() as u32;
                store
                    .clear()
                    .map_err(write_error)?
                    .await
                    .map_err(write_error)?;
            }
            store
                .add(access_entry(ok))
                .primitive()
                .map_err(write_error)?
                .await
                .map_err(write_error)?;
            tx.commit().await.map_err(write_error)?;
            Ok::<_, StoreError>(UnlockReport {
                failed_attempts: failed,
            })
        };
        // The log is a courtesy: a failure to write it never blocks unlocking.
        run.await.unwrap_or_default()
    }

    /// When another tab opens a newer schema, this connection closes at once (so that tab's upgrade is not blocked)
    /// and `on_change` is told; the app then drops the key and asks for a reload.
    pub fn on_version_change(&self, on_change: impl Fn() + 'static) {
        use indexed_db_futures::internals::SystemRepr;
        use wasm_bindgen::closure::Closure;
        let db = self.db.clone();
        let cb = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
            db.clone().close();
            on_change();
        });
        self.db
            .as_sys()
            .set_onversionchange(Some(cb.as_ref().unchecked_ref()));
        // One listener per opened store, for the life of the page.
        cb.forget();
    }

    /// Closes the connection (tests reopen the same database).
    pub fn close(self) {
        self.db.close();
    }
}

impl Vault {
    /// Locks: the key is dropped with the vault; the connection stays for the unlock form.
    pub fn lock(self) -> Store {
        Store { db: self.db }
    }

    /// Reads and opens every case. A record that cannot be opened is reported, not skipped silently.
    pub async fn load_cases(&self) -> Result<Vec<Case>, StoreError> {
        let tx = self
            .db
            .transaction(schema::STORE_CASES)
            .build()
            .map_err(read_error)?;
        let store = tx.object_store(schema::STORE_CASES).map_err(read_error)?;
        let records: Vec<JsValue> = store
            .get_all()
            .primitive()
            .map_err(read_error)?
            .await
            .map_err(read_error)?
            .collect::<Result<_, _>>()
            .map_err(read_error)?;
        drop(tx);
        let mut cases = Vec::with_capacity(records.len());
        for rec in records {
            let id = Reflect::get(&rec, &"id".into())
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_default();
            let sealed = Sealed::from_js(&rec).ok_or_else(|| StoreError::Corrupt(id.clone()))?;
            let plain = self
                .key
                .open(&sealed, &case_aad(&id))
                .await
                .map_err(|_| StoreError::Corrupt(id.clone()))?;
            // From a str, like every other JSON the app reads: one serde_json reader type in the bundle.
            let case: Case = std::str::from_utf8(&plain)
                .ok()
                .and_then(|s| serde_json::from_str(s).ok())
                .ok_or_else(|| StoreError::Corrupt(id.clone()))?;
            cases.push(case);
        }
        Ok(cases)
    }

    /// Seals and writes cases in one transaction. The crypto is done before the transaction opens, so the
    /// transaction does not auto-commit while it waits.
    pub async fn put_cases(&self, cases: &[Case]) -> Result<(), StoreError> {
        let mut records = Vec::with_capacity(cases.len());
        for case in cases {
            let id = case.id().to_string();
            let plain =
                serde_json::to_vec(case).map_err(|e| StoreError::WriteFailed(e.to_string()))?;
            let sealed = self.key.seal(&plain, &case_aad(&id)).await?;
            records.push((id, sealed));
        }
        let tx = self
            .db
            .transaction(schema::STORE_CASES)
            .with_mode(TransactionMode::Readwrite)
            .build()
            .map_err(write_error)?;
        let store = tx.object_store(schema::STORE_CASES).map_err(write_error)?;
        for (id, sealed) in &records {
            store
                .put(case_record(id, sealed))
                .with_key(id.as_ref() as &str)
                .primitive()
                .map_err(write_error)?
                .await
                .map_err(write_error)?;
        }
        tx.commit().await.map_err(write_error)
    }

    pub async fn put_case(&self, case: &Case) -> Result<(), StoreError> {
        self.put_cases(std::slice::from_ref(case)).await
    }
}
