//! Several users on one device ([`crate::engine::users`] holds the rules of the list). The cases are sealed with
//! one random 256-bit key; each user keeps that key wrapped (AES-GCM) under a key derived with PBKDF2-SHA-256 from
//! their own passphrase and their own salt. Adding a user, removing one, setting who administers and changing a
//! passphrase rewrite only this list, never a case. The list (names, who administers, salts, wrapped keys) is the
//! meta record `users`; a store without it is an older one with a single passphrase, migrated at its next unlock.

use super::crypto::{random_bytes, Sealed, VaultKey, PBKDF2_ITERATIONS, SALT_LEN};
use super::error::{read_error, write_error};
use super::{check_new_passphrase, nfc, schema, Store, StoreError};
use crate::engine::users::{self, User};
use indexed_db_futures::prelude::*;
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::JsValue;

pub(super) const META_USERS: &str = "users";
/// The length of the cases' key.
pub(super) const KEY_LEN: usize = 32;

/// One user as stored: who, the salt and iterations of their passphrase, and the cases' key wrapped under it.
#[derive(Clone)]
pub(super) struct Wrapped {
    pub(super) user: User,
    salt: Vec<u8>,
    iterations: u32,
    key: Sealed,
}

/// Binds a wrapped key to its user: one user's record copied onto another's name does not open.
fn aad(name: &str) -> Vec<u8> {
    format!("users/{name}").into_bytes()
}

impl Wrapped {
    /// Wraps the cases' key (`raw`) for `user` under their passphrase.
    pub(super) async fn wrap(
        user: User,
        passphrase: &str,
        raw: &[u8],
    ) -> Result<Wrapped, StoreError> {
        let salt = random_bytes(SALT_LEN)?;
        let kek = VaultKey::derive(passphrase, &salt, PBKDF2_ITERATIONS).await?;
        let key = kek.seal(raw, &aad(&user.name)).await?;
        Ok(Wrapped {
            user,
            salt,
            iterations: PBKDF2_ITERATIONS,
            key,
        })
    }

    /// The cases' key for this user's passphrase; [`StoreError::WrongPassphrase`] when it does not open.
    pub(super) async fn unwrap(&self, passphrase: &str) -> Result<Vec<u8>, StoreError> {
        let kek = VaultKey::derive(passphrase, &self.salt, self.iterations).await?;
        let raw = kek
            .open(&self.key, &aad(&self.user.name))
            .await
            .map_err(|_| StoreError::WrongPassphrase)?;
        if raw.len() == KEY_LEN {
            Ok(raw)
        } else {
            Err(StoreError::WrongPassphrase)
        }
    }

    fn to_js(&self) -> JsValue {
        let o = self.key.to_js();
        let set = |k: &str, v: &JsValue| {
            let _ = Reflect::set(&o, &k.into(), v);
        };
        set("name", &JsValue::from_str(&self.user.name));
        set("admin", &JsValue::from(self.user.admin));
        set(
            "salt",
            &js_sys::Uint8Array::from(self.salt.as_slice()).into(),
        );
        set("iterations", &JsValue::from(self.iterations));
        o
    }

    fn from_js(v: &JsValue) -> Option<Wrapped> {
        let get = |k: &str| Reflect::get(v, &k.into()).ok();
        Some(Wrapped {
            user: User {
                name: get("name")?.as_string()?,
                admin: get("admin")?.as_bool()?,
            },
            salt: super::get_bytes(v, "salt")?,
            iterations: get("iterations")?.as_f64()? as u32,
            key: Sealed::from_js(v)?,
        })
    }
}

fn list_to_js(list: &[Wrapped]) -> JsValue {
    let o = Object::new();
    let a: Array = list.iter().map(Wrapped::to_js).collect();
    let _ = Reflect::set(&o, &"users".into(), &a);
    o.into()
}

/// `None` when the record is not a list of users (a damaged record opens nothing).
fn list_from_js(v: &JsValue) -> Option<Vec<Wrapped>> {
    let a: Array = Reflect::get(v, &"users".into()).ok()?.into();
    a.iter().map(|u| Wrapped::from_js(&u)).collect()
}

fn refused(e: users::UserError) -> StoreError {
    StoreError::Refused(e.message_sv().into())
}

impl Store {
    /// The users as stored (wrapped keys included); `None` for an older store with one passphrase.
    pub(super) async fn wrapped(&self) -> Result<Option<Vec<Wrapped>>, StoreError> {
        match schema::read(&self.db, schema::STORE_META, Some(META_USERS))
            .await?
            .pop()
        {
            None => Ok(None),
            Some(v) => list_from_js(&v)
                .map(Some)
                .ok_or_else(|| StoreError::Corrupt(META_USERS.into())),
        }
    }

    /// The users of this device, in the order they were added (the first administers); `None` for an older store
    /// with one passphrase, whose unlock form asks for the name its first user gets.
    pub async fn users(&self) -> Result<Option<Vec<User>>, StoreError> {
        Ok(self
            .wrapped()
            .await?
            .map(|l| l.into_iter().map(|w| w.user).collect()))
    }

    /// Changes the list as stored now, in one transaction: `change` sees the current list (another tab may have
    /// changed it) and either accepts (the list is written) or refuses (nothing is written).
    pub(super) async fn change_users(
        &self,
        change: impl FnOnce(&mut Vec<Wrapped>) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let tx = schema::readwrite(&self.db, schema::STORE_META)?;
        let store = tx.object_store(schema::STORE_META).map_err(write_error)?;
        let current: Option<JsValue> = store
            .get(META_USERS)
            .primitive()
            .map_err(read_error)?
            .await
            .map_err(read_error)?;
        let mut list = match current {
            Some(v) => list_from_js(&v).ok_or_else(|| StoreError::Corrupt(META_USERS.into()))?,
            None => Vec::new(),
        };
        // A refusal drops the transaction before anything is put: it aborts and nothing changes.
        change(&mut list)?;
        store
            .put(list_to_js(&list))
            .with_key(META_USERS)
            .primitive()
            .map_err(write_error)?
            .await
            .map_err(write_error)?;
        tx.commit().await.map_err(write_error)
    }

    /// An older store's one passphrase becomes the passphrase of the device's first user, `name` (or
    /// [`users::FIRST_USER_DEFAULT`] without one), who administers: the cases' key (that passphrase's PBKDF2 bits)
    /// is wrapped for that user, in one write; the cases keep their key. Nothing happens when the store has users
    /// already; a passphrase that is not the store's gives [`StoreError::WrongPassphrase`].
    pub async fn migrate_single_passphrase(
        &self,
        passphrase: &str,
        name: &str,
    ) -> Result<(), StoreError> {
        if self.wrapped().await?.is_some() {
            return Ok(());
        }
        let meta = self.meta().await?.ok_or(StoreError::Locked)?;
        let normalised = nfc(passphrase);
        for pass in [normalised.as_str(), passphrase] {
            let mut raw = VaultKey::derive_raw(pass, &meta.salt, meta.iterations).await?;
            let key = VaultKey::import_raw(&raw).await?;
            if meta.opens(&key).await {
                let first = users::first_user(name).map_err(refused)?;
                let wrapped = Wrapped::wrap(first, &normalised, &raw).await;
                raw.fill(0);
                let wrapped = wrapped?;
                return self
                    .change_users(|list| {
                        if list.is_empty() {
                            list.push(wrapped);
                        }
                        Ok(())
                    })
                    .await;
            }
            raw.fill(0);
        }
        Err(StoreError::WrongPassphrase)
    }

    /// The stored user `name` and the cases' key their passphrase opens.
    async fn open_as(&self, name: &str, passphrase: &str) -> Result<Vec<u8>, StoreError> {
        let list = self.wrapped().await?.ok_or(StoreError::Locked)?;
        let w = list
            .iter()
            .find(|w| w.user.name == name)
            .ok_or_else(|| refused(users::UserError::Unknown))?;
        w.unwrap(&nfc(passphrase)).await
    }

    /// An administrator (`actor`, confirming with their own passphrase, which opens the cases' key to wrap it
    /// again) adds a user with a first passphrase the new user then changes. Returns the user as kept.
    pub async fn add_user(
        &self,
        actor: &str,
        actor_passphrase: &str,
        name: &str,
        passphrase: &str,
        repeated: &str,
    ) -> Result<User, StoreError> {
        let mut check = self.users().await?.unwrap_or_default();
        let user = users::add(&mut check, actor, name).map_err(refused)?;
        let passphrase = nfc(passphrase);
        check_new_passphrase(&passphrase)?;
        if passphrase != nfc(repeated) {
            return Err(StoreError::PassphraseMismatch);
        }
        let mut raw = self.open_as(actor, actor_passphrase).await?;
        let wrapped = Wrapped::wrap(user.clone(), &passphrase, &raw).await;
        raw.fill(0);
        let wrapped = wrapped?;
        self.change_users(|list| {
            let mut now: Vec<User> = list.iter().map(|w| w.user.clone()).collect();
            users::add(&mut now, actor, &user.name).map_err(refused)?;
            list.push(wrapped);
            Ok(())
        })
        .await?;
        Ok(user)
    }

    /// An administrator removes a user (their wrapped key with them: their passphrase opens nothing any more).
    pub async fn remove_user(&self, actor: &str, name: &str) -> Result<(), StoreError> {
        self.change_users(|list| {
            let mut now: Vec<User> = list.iter().map(|w| w.user.clone()).collect();
            users::remove(&mut now, actor, name).map_err(refused)?;
            list.retain(|w| w.user.name != name);
            Ok(())
        })
        .await
    }

    /// An administrator sets whether `name` administers too.
    pub async fn set_admin(&self, actor: &str, name: &str, admin: bool) -> Result<(), StoreError> {
        self.change_users(|list| {
            let mut now: Vec<User> = list.iter().map(|w| w.user.clone()).collect();
            users::set_admin(&mut now, actor, name, admin).map_err(refused)?;
            for (w, u) in list.iter_mut().zip(now) {
                w.user = u;
            }
            Ok(())
        })
        .await
    }

    /// A user changes their own passphrase (the current one opens the cases' key, the new one wraps it).
    pub async fn change_passphrase(
        &self,
        name: &str,
        current: &str,
        new: &str,
        repeated: &str,
    ) -> Result<(), StoreError> {
        let new = nfc(new);
        check_new_passphrase(&new)?;
        if new != nfc(repeated) {
            return Err(StoreError::PassphraseMismatch);
        }
        let mut raw = self.open_as(name, current).await?;
        let user = User {
            name: name.to_string(),
            admin: false,
        };
        let wrapped = Wrapped::wrap(user, &new, &raw).await;
        raw.fill(0);
        let mut wrapped = wrapped?;
        self.change_users(|list| {
            let w = list
                .iter_mut()
                .find(|w| w.user.name == name)
                .ok_or_else(|| refused(users::UserError::Unknown))?;
            wrapped.user.admin = w.user.admin;
            *w = wrapped;
            Ok(())
        })
        .await
    }
}
