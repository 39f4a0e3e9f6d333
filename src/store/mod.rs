//! The only door to IndexedDB. Every case is sealed (see [`crypto`]) before it is written and opened after it is
//! read; the rest of the app sees plain engine types.

pub mod audit;
pub mod backup;
pub mod crypto;
mod error;
pub mod index;
pub mod passphrase;
pub mod schema;
pub mod share;
pub mod users;
mod vault;

pub use error::StoreError;
pub use passphrase::{check_new_passphrase, MIN_PASSPHRASE_CHARS};
pub use schema::{OnEvent, StoreEvent};
pub use vault::{Loaded, SealedCase, Vault};

use crate::engine::users::{first_user, FIRST_USER_DEFAULT};
use crypto::{Sealed, VaultKey};
use error::write_error;
use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use js_sys::{Object, Reflect, Uint8Array};
use std::rc::Rc;
use users::{Wrapped, KEY_LEN, META_USERS};
use wasm_bindgen::{JsCast, JsValue};

const META_VAULT: &str = "vault";
const VERIFIER_PLAIN: &[u8] = b"SIP-planen verifierare v1";
const VERIFIER_AAD: &[u8] = b"meta/vault";

/// An open database whose key is not in memory.
#[derive(Clone)]
pub struct Store {
    db: Database,
}

/// What the coordinator is told after unlocking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct UnlockReport {
    /// Failed unlock attempts since the last successful one.
    pub failed_attempts: u32,
    /// An older store with one passphrase, not migrated to users yet.
    pub single_passphrase: bool,
}

/// The vault's settings: the verifier (sealed under the cases' key) and, for an older store with one passphrase,
/// the salt and iterations that passphrase's key was derived with.
struct VaultMeta {
    salt: Vec<u8>,
    iterations: u32,
    verifier: Sealed,
}

pub(crate) fn get_bytes(o: &JsValue, field: &str) -> Option<Vec<u8>> {
    Reflect::get(o, &field.into())
        .ok()?
        .dyn_into::<Uint8Array>()
        .ok()
        .map(|a| a.to_vec())
}

impl VaultMeta {
    fn to_js(&self) -> JsValue {
        let o = Object::new();
        if !self.salt.is_empty() {
            let _ = Reflect::set(&o, &"salt".into(), &Uint8Array::from(self.salt.as_slice()));
            let _ = Reflect::set(&o, &"iterations".into(), &JsValue::from(self.iterations));
        }
        let _ = Reflect::set(&o, &"verifier".into(), &self.verifier.to_js());
        o.into()
    }

    /// True when `key` opens the verifier: it is the cases' key.
    async fn opens(&self, key: &VaultKey) -> bool {
        matches!(key.open(&self.verifier, VERIFIER_AAD).await, Ok(p) if p == VERIFIER_PLAIN)
    }

    fn from_js(v: &JsValue) -> Option<VaultMeta> {
        let salt = get_bytes(v, "salt").unwrap_or_default();
        let iterations = Reflect::get(v, &"iterations".into())
            .ok()
            .and_then(|i| i.as_f64())
            .unwrap_or(0.0) as u32;
        let verifier = Sealed::from_js(&Reflect::get(v, &"verifier".into()).ok()?)?;
        Some(VaultMeta {
            salt,
            iterations,
            verifier,
        })
    }
}

fn access_entry(ok: bool, user: &str) -> JsValue {
    let o = Object::new();
    let _ = Reflect::set(&o, &"user".into(), &JsValue::from_str(user));
    let _ = Reflect::set(&o, &"at".into(), &JsValue::from(js_sys::Date::now()));
    let _ = Reflect::set(&o, &"ok".into(), &JsValue::from(ok));
    o.into()
}

/// Unicode NFC: the same passphrase typed as "å" or as "a" + a combining ring is the same passphrase.
pub(crate) fn nfc(s: &str) -> String {
    js_sys::JsString::from(s).normalize("NFC").into()
}

/// "14:05:30", local time, for the wait after failed attempts.
fn clock_time(ms: f64) -> String {
    let d = js_sys::Date::new(&JsValue::from(ms));
    format!(
        "{:02}:{:02}:{:02}",
        d.get_hours(),
        d.get_minutes(),
        d.get_seconds()
    )
}

/// The failed attempts at the end of the access log and the time of the last one.
struct Failures {
    count: u32,
    last_at: f64,
}

impl Store {
    /// Opens (and migrates) the app's database; `on_event` hears about other tabs and the browser.
    pub async fn open(on_event: OnEvent) -> Result<Store, StoreError> {
        Self::open_named_at(schema::DB_NAME, schema::SCHEMA_VERSION, on_event).await
    }

    /// Opens a database by name: tests use their own.
    pub async fn open_named(name: &str) -> Result<Store, StoreError> {
        Self::open_named_at(name, schema::SCHEMA_VERSION, Rc::new(|_| {})).await
    }

    /// Opens at an older schema version, as an older release would have (migration tests).
    pub async fn open_named_at(
        name: &str,
        version: u32,
        on_event: OnEvent,
    ) -> Result<Store, StoreError> {
        Ok(Store {
            db: schema::open_at(name, version, on_event).await?,
        })
    }

    async fn meta(&self) -> Result<Option<VaultMeta>, StoreError> {
        let v = schema::read(&self.db, schema::STORE_META, Some(META_VAULT))
            .await?
            .pop();
        Ok(v.and_then(|v| VaultMeta::from_js(&v)))
    }

    /// The unlocked store for a key the app already holds (the backup tool's own Wasm gets it from the app, so the
    /// passphrase is not asked again). `None` when `key` is not a key.
    pub fn vault_with_key(&self, key: JsValue, user: &str) -> Option<Vault> {
        VaultKey::from_crypto_key(key).map(|k| Vault::new(self.db.clone(), k, user))
    }

    /// True when a passphrase has been chosen on this device.
    pub async fn is_set_up(&self) -> Result<bool, StoreError> {
        Ok(self.meta().await?.is_some())
    }

    /// First start: the first user (who administers the device) and their passphrase (NFC-normalised, checked by
    /// [`check_new_passphrase`]). The cases get a random key, wrapped for that user; stored are the wrapped key, its
    /// salt and a verifier, never a key in the clear.
    pub async fn set_up(
        &self,
        name: &str,
        passphrase: &str,
        repeated: &str,
    ) -> Result<Vault, StoreError> {
        let user = first_user(name).map_err(|e| StoreError::Refused(e.message_sv().into()))?;
        let passphrase = nfc(passphrase);
        check_new_passphrase(&passphrase)?;
        if passphrase != nfc(repeated) {
            return Err(StoreError::PassphraseMismatch);
        }
        if self.is_set_up().await? {
            return self.unlock(&user.name, &passphrase).await.map(|(v, _)| v);
        }
        let mut raw = crypto::random_bytes(KEY_LEN)?;
        let key = VaultKey::import_raw(&raw).await;
        let wrapped = Wrapped::wrap(user.clone(), &passphrase, &raw).await;
        raw.fill(0);
        let (key, wrapped) = (key?, wrapped?);
        let meta = VaultMeta {
            salt: Vec::new(),
            iterations: 0,
            verifier: key.seal(VERIFIER_PLAIN, VERIFIER_AAD).await?,
        };
        self.put_meta(&meta, None).await?;
        self.change_users(|list| {
            list.clear();
            list.push(wrapped);
            Ok(())
        })
        .await?;
        Ok(Vault::new(self.db.clone(), key, &user.name))
    }

    /// Writes the vault's settings; `Some` users are written in the same transaction.
    async fn put_meta(&self, meta: &VaultMeta, users: Option<JsValue>) -> Result<(), StoreError> {
        let tx = schema::readwrite(&self.db, schema::STORE_META)?;
        let store = tx.object_store(schema::STORE_META).map_err(write_error)?;
        store
            .put(meta.to_js())
            .with_key(META_VAULT)
            .primitive()
            .map_err(write_error)?
            .await
            .map_err(write_error)?;
        if let Some(users) = users {
            store
                .put(users)
                .with_key(META_USERS)
                .primitive()
                .map_err(write_error)?
                .await
                .map_err(write_error)?;
        }
        tx.commit().await.map_err(write_error)
    }

    /// The first start of an older release, with one passphrase whose PBKDF2 key sealed the cases directly: kept
    /// so that the migration to users is tested against a store made the old way.
    #[doc(hidden)]
    pub async fn set_up_single_passphrase(&self, passphrase: &str) -> Result<Vault, StoreError> {
        let salt = crypto::random_bytes(crypto::SALT_LEN)?;
        let key = VaultKey::derive(passphrase, &salt, crypto::PBKDF2_ITERATIONS).await?;
        let meta = VaultMeta {
            salt,
            iterations: crypto::PBKDF2_ITERATIONS,
            verifier: key.seal(VERIFIER_PLAIN, VERIFIER_AAD).await?,
        };
        self.put_meta(&meta, None).await?;
        Ok(Vault::new(self.db.clone(), key, ""))
    }

    /// Unlocks as `user` with their passphrase. A wrong one gives [`StoreError::WrongPassphrase`] and changes nothing
    /// but the access log; after [`passphrase::FREE_ATTEMPTS`] failures in a row each attempt first waits
    /// ([`StoreError::Wait`], with the time of the next possible attempt), a wait kept in the database so that a
    /// reload does not end it — for every user of the device alike.
    ///
    /// `user` is the name as typed (letter case and spaces do not matter; none on a device with one user is that
    /// user); a name the device does not know gives [`StoreError::UnknownUser`], counted as a failed attempt.
    ///
    /// An older store with one passphrase (no users yet): that passphrase unlocks, as `user` (or
    /// [`crate::engine::users::FIRST_USER_DEFAULT`] without a name), and the report says so: the app then has the
    /// tools migrate it ([`Store::migrate_single_passphrase`]).
    pub async fn unlock(
        &self,
        user: &str,
        passphrase: &str,
    ) -> Result<(Vault, UnlockReport), StoreError> {
        let meta = self.meta().await?.ok_or(StoreError::Locked)?;
        let failures = self.failures().await;
        let wait = passphrase::wait_after(failures.count);
        if wait > 0.0 && js_sys::Date::now() < failures.last_at + wait {
            return Err(StoreError::Wait(clock_time(failures.last_at + wait)));
        }
        let normalised = nfc(passphrase);
        let users = self.wrapped().await?;
        let mut key = None;
        let typed_name = crate::engine::users::normalise_name(user).to_lowercase();
        let name = match &users {
            Some(list) => {
                // The name as typed: letter case and spaces do not matter (the engine keeps names distinct so).
                // No name on a device with one user: that user.
                let only = (typed_name.is_empty() && list.len() == 1).then(|| &list[0]);
                let Some(w) = only.or_else(|| {
                    list.iter()
                        .find(|w| w.user.name.to_lowercase() == typed_name)
                }) else {
                    self.log_access(false, user).await;
                    return Err(StoreError::UnknownUser);
                };
                if let Ok(mut raw) = w.unwrap(&normalised).await {
                    key = VaultKey::import_raw(&raw).await.ok();
                    raw.fill(0);
                }
                w.user.name.clone()
            }
            None => {
                // A passphrase chosen before normalisation was stored as typed: try that too.
                for pass in [normalised.as_str(), passphrase] {
                    let k = VaultKey::derive(pass, &meta.salt, meta.iterations).await?;
                    if meta.opens(&k).await {
                        key = Some(k);
                        break;
                    }
                    if normalised == passphrase {
                        break;
                    }
                }
                // The name typed becomes the first user's at the migration.
                first_user(user).map_or_else(|_| FIRST_USER_DEFAULT.to_string(), |u| u.name)
            }
        };
        if let Some(k) = &key {
            if !meta.opens(k).await {
                key = None;
            }
        }
        let mut report = self.log_access(key.is_some(), &name).await;
        report.single_passphrase = users.is_none();
        match key {
            Some(key) => Ok((Vault::new(self.db.clone(), key, &name), report)),
            None => {
                let after = self.failures().await;
                let wait = passphrase::wait_after(after.count);
                if wait > 0.0 {
                    return Err(StoreError::Wait(clock_time(after.last_at + wait)));
                }
                Err(StoreError::WrongPassphrase)
            }
        }
    }

    /// The failed attempts since the last successful unlock (those at the end of the log).
    async fn failures(&self) -> Failures {
        let all = schema::read(&self.db, schema::STORE_ACCESS, None)
            .await
            .unwrap_or_default();
        let failed: Vec<&JsValue> = all
            .iter()
            .rev()
            .take_while(|e| {
                Reflect::get(e, &"ok".into()).ok().and_then(|v| v.as_bool()) == Some(false)
            })
            .collect();
        Failures {
            count: failed.len() as u32,
            last_at: failed
                .first()
                .and_then(|e| Reflect::get(e, &"at".into()).ok())
                .and_then(|v| v.as_f64())
                .unwrap_or(0.0),
        }
    }

    /// Records an attempt; on success reports the failures since the last success.
    async fn log_access(&self, ok: bool, user: &str) -> UnlockReport {
        let failed = if ok { self.failures().await.count } else { 0 };
        let run = async {
            let tx = schema::readwrite(&self.db, schema::STORE_ACCESS)?;
            let store = tx.object_store(schema::STORE_ACCESS).map_err(write_error)?;
            // Kept until the audit log has taken them in (see `Vault::record_unlock`).
            store
                .add(access_entry(ok, user))
                .primitive()
                .map_err(write_error)?
                .await
                .map_err(write_error)?;
            tx.commit().await.map_err(write_error)
        };
        // The log is a courtesy: a failure to write it never blocks unlocking.
        let _ = run.await;
        UnlockReport {
            failed_attempts: failed,
            single_passphrase: false,
        }
    }

    /// Closes the connection (tests reopen the same database).
    pub fn close(self) {
        self.db.close();
    }
}

impl Vault {
    /// The key as the browser holds it, for the backup tool (see [`Store::vault_with_key`]).
    pub fn crypto_key(&self) -> JsValue {
        self.key.crypto_key().clone().into()
    }

    /// Locks: the key is dropped with the vault; the connection stays for the unlock form.
    pub fn lock(self) -> Store {
        Store { db: self.db() }
    }
}
