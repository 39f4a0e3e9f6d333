//! The unlocked store: reading and writing sealed cases. Every record carries a revision (`rev`, the number of
//! writes it has had); a write names the revision it was based on and is refused inside its transaction when the
//! record has moved on ([`StoreError::Conflict`]) — the same case saved from another tab is never overwritten
//! silently.

use super::crypto::{Sealed, VaultKey};
use super::error::{read_error, write_error};
use super::{schema, StoreError};
use crate::engine::{Case, CaseId};
use indexed_db_futures::database::Database;
use indexed_db_futures::internals::SystemRepr;
use indexed_db_futures::prelude::*;
use js_sys::Reflect;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;
use wasm_bindgen::JsValue;

/// The revision of a record as this tab last saw it, with the IV it had (a fresh IV per write, so an equal IV
/// means the very record this tab wrote).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Seen {
    pub(super) rev: u64,
    pub(super) iv: Vec<u8>,
}

/// An unlocked store: the database and the derived key. Dropping it is locking.
#[derive(Clone)]
pub struct Vault {
    pub(super) db: Database,
    pub(super) key: VaultKey,
    pub(super) seen: Rc<RefCell<BTreeMap<String, Seen>>>,
    /// The unlocked user's name: who acts.
    user: Rc<str>,
}

/// A case sealed for writing: built before a transaction opens (crypto cannot run inside one), written later.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SealedCase {
    pub id: CaseId,
    pub(super) sealed: Sealed,
}

/// What unlocking read: the cases that opened, and the ids of records that did not (altered, swapped or not a
/// case at all). Those are left in the database untouched, for a later restore.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Loaded {
    pub cases: Vec<Case>,
    pub unreadable: Vec<String>,
}

pub(super) fn case_aad(id: &str) -> Vec<u8> {
    format!("cases/{id}").into_bytes()
}

pub(super) fn record(id: &str, rev: u64, sealed: &Sealed) -> JsValue {
    let o = sealed.to_js();
    let _ = Reflect::set(&o, &"id".into(), &JsValue::from_str(id));
    let _ = Reflect::set(&o, &"rev".into(), &JsValue::from(rev as f64));
    o
}

pub(super) fn rev_of(rec: &JsValue) -> u64 {
    Reflect::get(rec, &"rev".into())
        .ok()
        .and_then(|v| v.as_f64())
        .map_or(0, |f| f as u64)
}

impl Vault {
    pub(super) fn new(db: Database, key: VaultKey, user: &str) -> Vault {
        Vault {
            db,
            key,
            seen: Rc::new(RefCell::new(BTreeMap::new())),
            user: user.into(),
        }
    }

    /// The unlocked user's name, written as "who acts" in the case log.
    pub fn user(&self) -> &str {
        &self.user
    }

    pub(super) fn db(&self) -> Database {
        self.db.clone()
    }

    /// Opens one record; `None` when it cannot be read as a case of that id.
    async fn open_record(&self, rec: &JsValue) -> Option<(Case, Seen)> {
        let id = Reflect::get(rec, &"id".into()).ok()?.as_string()?;
        let sealed = Sealed::from_js(rec)?;
        let plain = self.key.open(&sealed, &case_aad(&id)).await.ok()?;
        // Through the engine's one JSON reader, like every other JSON the app reads (the bundle's size).
        let case: Case = std::str::from_utf8(&plain)
            .ok()
            .and_then(|s| crate::engine::json::from_str(s).ok())?;
        (case.id().to_string() == id).then_some((
            case,
            Seen {
                rev: rev_of(rec),
                iv: sealed.iv,
            },
        ))
    }

    /// Reads and opens every case. A record that cannot be opened is listed, not fatal: the others open.
    pub async fn load_cases(&self) -> Result<Loaded, StoreError> {
        let records = schema::read(&self.db, schema::STORE_CASES, None).await?;
        let mut loaded = Loaded::default();
        for rec in records {
            match self.open_record(&rec).await {
                Some((case, seen)) => {
                    self.seen.borrow_mut().insert(case.id().to_string(), seen);
                    loaded.cases.push(case);
                }
                None => loaded.unreadable.push(
                    Reflect::get(&rec, &"id".into())
                        .ok()
                        .and_then(|v| v.as_string())
                        .unwrap_or_else(|| "okänd".to_string()),
                ),
            }
        }
        Ok(loaded)
    }

    /// Reads one case as it is stored now (another tab may have written it) and bases this tab's next write of it
    /// on that version.
    pub async fn read_case(&self, id: CaseId) -> Result<Option<Case>, StoreError> {
        self.fetch(id, true).await
    }

    /// Reads one case as it is stored now without basing anything on it (to show what another tab changed).
    pub async fn peek_case(&self, id: CaseId) -> Result<Option<Case>, StoreError> {
        self.fetch(id, false).await
    }

    async fn fetch(&self, id: CaseId, adopt: bool) -> Result<Option<Case>, StoreError> {
        let key = id.to_string();
        let rec = schema::read(&self.db, schema::STORE_CASES, Some(key.as_str()))
            .await?
            .pop();
        let Some(rec) = rec else { return Ok(None) };
        let (case, seen) = self
            .open_record(&rec)
            .await
            .ok_or_else(|| StoreError::Corrupt(key.clone()))?;
        if adopt {
            self.seen.borrow_mut().insert(key, seen);
        }
        Ok(Some(case))
    }

    /// Seals a case for writing.
    pub async fn seal_case(&self, case: &Case) -> Result<SealedCase, StoreError> {
        let id = case.id();
        let plain = crate::engine::json_write::to_vec(case)
            .map_err(|e| StoreError::WriteFailed(e.to_string()))?;
        let sealed = self.key.seal(&plain, &case_aad(&id.to_string())).await?;
        Ok(SealedCase { id, sealed })
    }

    /// Writes sealed cases in one transaction, each based on the revision this tab last saw, and marks each in the
    /// index (see [`super::index`]). When any record has moved on (written by another tab), nothing is written and
    /// [`StoreError::Conflict`] names the case.
    pub async fn write(&self, cases: &[SealedCase]) -> Result<(), StoreError> {
        let tx = schema::readwrite(&self.db, [schema::STORE_CASES, schema::STORE_INDEX])?;
        let store = tx.object_store(schema::STORE_CASES).map_err(write_error)?;
        let mut written = Vec::with_capacity(cases.len());
        for c in cases {
            let id = c.id.to_string();
            let stored: Option<JsValue> = store
                .get(id.as_str())
                .primitive()
                .map_err(read_error)?
                .await
                .map_err(read_error)?;
            let expected = self.seen.borrow().get(&id).cloned();
            let current = stored.as_ref().map(|r| Seen {
                rev: rev_of(r),
                iv: super::get_bytes(r, "iv").unwrap_or_default(),
            });
            if current != expected {
                // Dropping the transaction aborts it: nothing of this batch is written.
                return Err(StoreError::Conflict(id));
            }
            let rev = expected.map_or(1, |s| s.rev + 1);
            store
                .put(record(&id, rev, &c.sealed))
                .with_key(id.as_str())
                .primitive()
                .map_err(write_error)?;
            written.push((
                id,
                Seen {
                    rev,
                    iv: c.sealed.iv.clone(),
                },
            ));
        }
        let index = tx.object_store(schema::STORE_INDEX).map_err(write_error)?;
        for (id, seen) in &written {
            super::index::mark(index.as_sys(), id, seen.rev)?;
        }
        tx.commit().await.map_err(write_error)?;
        self.seen.borrow_mut().extend(written);
        Ok(())
    }

    /// Writes sealed cases now, without waiting for anything: for a page that is going away (closed, reloaded,
    /// navigated), where no further callback may run. The requests and the commit are issued before this returns;
    /// the revision is taken as this tab last saw it (no read is possible here).
    pub fn write_now(&self, cases: &[SealedCase]) -> Result<(), StoreError> {
        if cases.is_empty() {
            return Ok(());
        }
        let tx = self
            .db
            .as_sys()
            .transaction_with_str_sequence_and_mode(
                &js_sys::Array::of2(&schema::STORE_CASES.into(), &schema::STORE_INDEX.into()),
                web_sys::IdbTransactionMode::Readwrite,
            )
            .map_err(|e| write_error(format!("{e:?}")))?;
        let store = tx
            .object_store(schema::STORE_CASES)
            .map_err(|e| write_error(format!("{e:?}")))?;
        let index = tx
            .object_store(schema::STORE_INDEX)
            .map_err(|e| write_error(format!("{e:?}")))?;
        for c in cases {
            let id = c.id.to_string();
            let rev = self.seen.borrow().get(&id).map_or(1, |s| s.rev + 1);
            store
                .put_with_key(&record(&id, rev, &c.sealed), &JsValue::from_str(&id))
                .map_err(|e| write_error(format!("{e:?}")))?;
            super::index::mark(&index, &id, rev)?;
            self.seen.borrow_mut().insert(
                id,
                Seen {
                    rev,
                    iv: c.sealed.iv.clone(),
                },
            );
        }
        // `commit()` is standard (and what makes the write land before the page is gone); web-sys marks it
        // deprecated only because older browsers lacked it.
        #[allow(deprecated)]
        tx.commit().map_err(|e| write_error(format!("{e:?}")))
    }

    /// Seals and writes cases in one transaction (tests, measurements, a new case).
    pub async fn put_cases(&self, cases: &[Case]) -> Result<(), StoreError> {
        let mut sealed = Vec::with_capacity(cases.len());
        for case in cases {
            sealed.push(self.seal_case(case).await?);
        }
        self.write(&sealed).await
    }

    pub async fn put_case(&self, case: &Case) -> Result<(), StoreError> {
        self.put_cases(std::slice::from_ref(case)).await
    }
}
