//! The audit log at rest ([`crate::engine::audit`] holds the entry, the chain and its check). An entry is sealed
//! like a case before its transaction opens; inside one transaction over the log and the head, the head is read,
//! the next link is computed (SHA-256 in Rust: no asynchronous call may run inside the transaction) and the entry
//! and the new head are put — so two tabs writing at once still make one chain. Nothing here deletes an entry.

use super::crypto::Sealed;
use super::error::{read_error, write_error};
use super::{get_bytes, schema, StoreError, Vault};
use crate::engine::audit::{self, AuditAction, AuditEntry, ChainCheck, Head, Link};
use chrono::NaiveDateTime;
use indexed_db_futures::internals::SystemRepr;
use indexed_db_futures::prelude::*;
use js_sys::{Object, Reflect, Uint8Array};
use wasm_bindgen::JsValue;

/// The meta record that holds the chain's head.
const META_HEAD: &str = "audit_head";
/// Every entry's additional data: an entry never opens as a case, nor the reverse.
const AAD: &[u8] = b"audit";

/// What the log holds, read and checked: the chain's state and the entries that open, oldest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditLog {
    pub check: ChainCheck,
    pub entries: Vec<AuditEntry>,
    /// Entries whose sealed bytes do not open (changed: the chain says where).
    pub unreadable: usize,
}

fn sealed_bytes(s: &Sealed) -> Vec<u8> {
    [s.iv.as_slice(), s.ct.as_slice()].concat()
}

fn head_from_js(v: &JsValue) -> Option<Head> {
    let seq = Reflect::get(v, &"seq".into()).ok()?.as_f64()? as u64;
    let hash: [u8; 32] = get_bytes(v, "hash")?.try_into().ok()?;
    Some(Head { seq, hash })
}

fn head_to_js(h: &Head) -> JsValue {
    let o = Object::new();
    let _ = Reflect::set(&o, &"seq".into(), &JsValue::from(h.seq as f64));
    let _ = Reflect::set(&o, &"hash".into(), &Uint8Array::from(h.hash.as_slice()));
    o.into()
}

/// The time of a browser timestamp (ms since the epoch), in local time.
pub fn local_time(ms: f64) -> Option<NaiveDateTime> {
    let d = js_sys::Date::new(&JsValue::from(ms));
    chrono::NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())?
        .and_hms_opt(d.get_hours(), d.get_minutes(), d.get_seconds())
}

impl Vault {
    /// Records entries (sealed first, then appended in one transaction, in order).
    pub async fn record(&self, entries: &[AuditEntry]) -> Result<(), StoreError> {
        let mut sealed = Vec::with_capacity(entries.len());
        for e in entries {
            let plain =
                serde_json::to_vec(e).map_err(|e| StoreError::WriteFailed(e.to_string()))?;
            sealed.push(self.key.seal(&plain, AAD).await?);
        }
        let tx = schema::readwrite(&self.db, [schema::STORE_AUDIT, schema::STORE_META])?;
        let log = tx.object_store(schema::STORE_AUDIT).map_err(write_error)?;
        let meta = tx.object_store(schema::STORE_META).map_err(write_error)?;
        let stored: Option<JsValue> = meta
            .get(META_HEAD)
            .primitive()
            .map_err(read_error)?
            .await
            .map_err(read_error)?;
        let mut head = match stored {
            Some(v) => head_from_js(&v).ok_or_else(|| StoreError::Corrupt(META_HEAD.into()))?,
            None => Head::default(),
        };
        for s in &sealed {
            head = audit::next(head, &sealed_bytes(s));
            let rec = s.to_js();
            let _ = Reflect::set(&rec, &"seq".into(), &JsValue::from(head.seq as f64));
            let _ = Reflect::set(
                &rec,
                &"hash".into(),
                &Uint8Array::from(head.hash.as_slice()),
            );
            log.as_sys()
                .put_with_key(&rec, &JsValue::from(head.seq as f64))
                .map_err(|e| write_error(format!("{e:?}")))?;
        }
        meta.as_sys()
            .put_with_key(&head_to_js(&head), &JsValue::from_str(META_HEAD))
            .map_err(|e| write_error(format!("{e:?}")))?;
        tx.commit().await.map_err(write_error)
    }

    /// Records the unlock of `user`, after the failed attempts the access log holds since the audit last took them
    /// in (each with its time and the name typed); the access log is then emptied in the same transaction as it
    /// is read, so an attempt is recorded once.
    pub async fn record_unlock(&self, at: NaiveDateTime) -> Result<(), StoreError> {
        let tx = schema::readwrite(&self.db, schema::STORE_ACCESS)?;
        let access = tx.object_store(schema::STORE_ACCESS).map_err(write_error)?;
        let all: Vec<JsValue> = access
            .get_all()
            .primitive()
            .map_err(read_error)?
            .await
            .map_err(read_error)?
            .collect::<Result<_, _>>()
            .map_err(read_error)?;
        access
            .as_sys()
            .clear()
            .map_err(|e| write_error(format!("{e:?}")))?;
        tx.commit().await.map_err(write_error)?;
        let mut entries: Vec<AuditEntry> = all
            .iter()
            .filter(|e| Reflect::get(e, &"ok".into()).ok().and_then(|v| v.as_bool()) == Some(false))
            .filter_map(|e| {
                Some(AuditEntry {
                    at: local_time(Reflect::get(e, &"at".into()).ok()?.as_f64()?)?,
                    user: Reflect::get(e, &"user".into())
                        .ok()
                        .and_then(|u| u.as_string())
                        .unwrap_or_default(),
                    action: AuditAction::MisslyckadUpplasning,
                    case_id: String::new(),
                    case_name: String::new(),
                    detail: String::new(),
                })
            })
            .collect();
        entries.push(AuditEntry {
            at,
            user: self.user().to_string(),
            action: AuditAction::Upplast,
            case_id: String::new(),
            case_name: String::new(),
            detail: String::new(),
        });
        self.record(&entries).await
    }

    /// Reads the whole log, checks its chain and opens every entry.
    pub async fn audit_log(&self) -> Result<AuditLog, StoreError> {
        let records = schema::read(&self.db, schema::STORE_AUDIT, None).await?;
        let head = schema::read(&self.db, schema::STORE_META, Some(META_HEAD))
            .await?
            .pop()
            .and_then(|v| head_from_js(&v))
            .unwrap_or_default();
        let mut links = Vec::with_capacity(records.len());
        let mut sealed = Vec::with_capacity(records.len());
        for r in &records {
            let s = Sealed::from_js(r).unwrap_or(Sealed {
                iv: Vec::new(),
                ct: Vec::new(),
            });
            links.push(Link {
                seq: Reflect::get(r, &"seq".into())
                    .ok()
                    .and_then(|v| v.as_f64())
                    .unwrap_or(0.0) as u64,
                sealed: sealed_bytes(&s),
                hash: get_bytes(r, "hash")
                    .and_then(|h| h.try_into().ok())
                    .unwrap_or([0; 32]),
            });
            sealed.push(s);
        }
        let check = audit::check(&links, head);
        let plains = self.key.open_many(&sealed, |_| AAD.to_vec()).await?;
        let mut log = AuditLog {
            check,
            entries: Vec::with_capacity(records.len()),
            unreadable: 0,
        };
        for p in plains {
            match p
                .as_deref()
                .and_then(|b| std::str::from_utf8(b).ok())
                .and_then(|s| crate::engine::json::from_str::<AuditEntry>(s).ok())
            {
                Some(e) => log.entries.push(e),
                None => log.unreadable += 1,
            }
        }
        Ok(log)
    }
}
