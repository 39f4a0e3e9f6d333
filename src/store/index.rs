//! The sealed case index (see [`crate::engine::index`]): [`BUCKETS`] records sealed like the cases, beside them in
//! [`schema::STORE_INDEX`], and a plain marker `{ id: "d:<case id>", rev }` per case written since its bucket was
//! last sealed — put in the same transaction as the case ([`mark`]). The buckets and the markers together are the
//! index at every moment: a marked case is summarised from the case itself.
//!
//! Saving a case writes its marker only (a few bytes, no bucket to read and re-seal on the way to the disk); the
//! tools fold the markers into their buckets right after ([`Vault::fold_index`]): a bucket is read, changed and
//! sealed before its transaction opens (crypto cannot run inside one) and written only over the revision it was
//! read at; a marker is cleared only if its case has not been written again meanwhile.
//!
//! Unlocking opens the buckets, not the cases. An index that is not whole — a store from before the index, a bucket
//! that does not open or is another release's — is built again from every case, once ([`Vault::rebuild_index`],
//! run by the tools).

use super::crypto::Sealed;
use super::error::{read_error, write_error};
use super::vault::{record, rev_of, Seen};
use super::{get_bytes, schema, StoreError, Vault};
use crate::engine::index::{bucket_key, bucket_of, merge, rebuild, Bucket, Summary, BUCKETS};
use crate::engine::CaseId;
use indexed_db_futures::internals::SystemRepr;
use indexed_db_futures::prelude::*;
use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;

/// A plain marker: a bucket was written without every summary it should hold; the next unlock rebuilds.
const REBUILD: &str = "rebuild";
/// Attempts at a write whose buckets other tabs keep moving.
const ATTEMPTS: usize = 4;

fn aad(key: &str) -> Vec<u8> {
    format!("index/{key}").into_bytes()
}

fn js_err(e: JsValue) -> StoreError {
    write_error(format!("{e:?}"))
}

/// Marks a case written at `rev` (inside the transaction that writes it): its bucket is folded later.
pub(super) fn mark(index: &web_sys::IdbObjectStore, id: &str, rev: u64) -> Result<(), StoreError> {
    let key = format!("d:{id}");
    let o = Object::new();
    let _ = Reflect::set(&o, &"id".into(), &JsValue::from_str(&key));
    let _ = Reflect::set(&o, &"rev".into(), &JsValue::from(rev as f64));
    index
        .put_with_key(&o, &JsValue::from_str(&key))
        .map(|_| ())
        .map_err(js_err)
}

fn seen_of(rec: &JsValue) -> Seen {
    Seen {
        rev: rev_of(rec),
        iv: get_bytes(rec, "iv").unwrap_or_default(),
    }
}

/// The index as read: each bucket (empty when absent, or when it did not open) with the revision it was read at,
/// the marked cases with the revision each was marked at, and whether the buckets are whole.
pub(super) struct Stored {
    buckets: Vec<(Bucket, Option<Seen>)>,
    marked: Vec<(String, u64)>,
    whole: bool,
}

/// A prepared write of the index: the sealed buckets with the revision each was read at, the markers it clears
/// (with the revision each must still have; `None`: whatever it has) and whether it asks for a rebuild.
pub(super) struct IndexWrite {
    buckets: Vec<(String, Option<Seen>, Sealed)>,
    clear: Vec<(String, Option<u64>)>,
    rebuild: bool,
}

impl IndexWrite {
    /// Inside the write's transaction: true when every bucket is still as it was read; then its puts and deletes
    /// are issued (the transaction's commit awaits them).
    pub(super) async fn apply(
        &self,
        store: &indexed_db_futures::object_store::ObjectStore<'_>,
    ) -> Result<bool, StoreError> {
        for (key, read, _) in &self.buckets {
            if get(store, key).await?.as_ref().map(seen_of) != *read {
                return Ok(false);
            }
        }
        let sys = store.as_sys();
        for (key, read, sealed) in &self.buckets {
            let rev = read.as_ref().map_or(0, |s| s.rev) + 1;
            sys.put_with_key(&record(key, rev, sealed), &JsValue::from_str(key))
                .map_err(js_err)?;
        }
        for (key, rev) in &self.clear {
            // A case written again since it was folded keeps its marker.
            let keep = match rev {
                Some(rev) => get(store, key).await?.map(|r| rev_of(&r)) != Some(*rev),
                None => false,
            };
            if !keep {
                sys.delete(&JsValue::from_str(key)).map_err(js_err)?;
            }
        }
        if self.rebuild {
            let o = Object::new();
            let _ = Reflect::set(&o, &"id".into(), &JsValue::from_str(REBUILD));
            sys.put_with_key(&o, &JsValue::from_str(REBUILD))
                .map_err(js_err)?;
        }
        Ok(true)
    }
}

async fn get(
    store: &indexed_db_futures::object_store::ObjectStore<'_>,
    key: &str,
) -> Result<Option<JsValue>, StoreError> {
    store
        .get(key)
        .primitive()
        .map_err(read_error)?
        .await
        .map_err(read_error)
}

impl Vault {
    /// The markers only (their keys sort after every bucket's).
    async fn markers(&self) -> Result<Vec<JsValue>, StoreError> {
        let tx = self
            .db
            .transaction(schema::STORE_INDEX)
            .build()
            .map_err(read_error)?;
        let store = tx.object_store(schema::STORE_INDEX).map_err(read_error)?;
        store
            .get_all()
            .with_query("c"..)
            .primitive()
            .map_err(read_error)?
            .await
            .map_err(read_error)?
            .collect::<Result<_, _>>()
            .map_err(read_error)
    }

    /// Reads the buckets in the mask `which` and the markers as stored now (every record when most buckets are
    /// asked for).
    async fn read_some(&self, which: u64) -> Result<Stored, StoreError> {
        if which.count_ones() > 4 {
            return self.read_index(u64::MAX).await;
        }
        let mut records = self.markers().await?;
        for b in (0..BUCKETS).filter(|b| which & (1 << b) != 0) {
            let key = bucket_key(b);
            records.extend(schema::read(&self.db, schema::STORE_INDEX, Some(key.as_str())).await?);
        }
        self.open_index(&records, which).await
    }

    /// Reads every record of the index as stored now.
    async fn read_index(&self, which: u64) -> Result<Stored, StoreError> {
        let records = schema::read(&self.db, schema::STORE_INDEX, None).await?;
        self.open_index(&records, which).await
    }

    /// Opens the buckets of `records` (one by one: a handful of records) and lists the markers; whole when every
    /// bucket in `which` is there and opens, and no rebuild is asked for.
    async fn open_index(&self, records: &[JsValue], which: u64) -> Result<Stored, StoreError> {
        let mut stored = Stored {
            buckets: vec![(Bucket::default(), None); usize::from(BUCKETS)],
            marked: Vec::new(),
            whole: true,
        };
        let mut present = 0u64;
        for rec in records {
            let Some(key) = Reflect::get(rec, &"id".into())
                .ok()
                .and_then(|v| v.as_string())
            else {
                continue;
            };
            let n = key
                .strip_prefix('b')
                .and_then(|n| n.parse::<u8>().ok())
                .filter(|n| *n < BUCKETS);
            let Some(n) = n else {
                match key.strip_prefix("d:") {
                    Some(id) => stored.marked.push((id.to_string(), rev_of(rec))),
                    None => stored.whole = false,
                }
                continue;
            };
            present |= 1 << n;
            stored.buckets[usize::from(n)].1 = Some(seen_of(rec));
            let mut bucket = None;
            if let Some(sealed) = Sealed::from_js(rec) {
                if let Ok(plain) = self.key.open(&sealed, &aad(&key)).await {
                    bucket = String::from_utf8(plain)
                        .ok()
                        .and_then(|t| Bucket::decode(&t));
                }
            }
            match bucket {
                Some(b) => stored.buckets[usize::from(n)].0 = b,
                None => stored.whole = false,
            }
        }
        stored.whole &= present | !which == u64::MAX;
        Ok(stored)
    }

    async fn seal_buckets(
        &self,
        buckets: Vec<(Bucket, Option<Seen>)>,
        which: u64,
        clear: Vec<(String, Option<u64>)>,
        rebuild: bool,
    ) -> Result<IndexWrite, StoreError> {
        let mut sealed = Vec::new();
        for (n, (bucket, read)) in (0..BUCKETS).zip(buckets) {
            if which & (1 << n) != 0 {
                let key = bucket_key(n);
                let s = self
                    .key
                    .seal(bucket.encode().as_bytes(), &aad(&key))
                    .await?;
                sealed.push((key, read, s));
            }
        }
        Ok(IndexWrite {
            buckets: sealed,
            clear,
            rebuild,
        })
    }

    /// Writes an index change in its own transaction; false when a bucket moved on since it was read.
    async fn commit_index(&self, write: &IndexWrite) -> Result<bool, StoreError> {
        let tx = schema::readwrite(&self.db, schema::STORE_INDEX)?;
        let store = tx.object_store(schema::STORE_INDEX).map_err(write_error)?;
        if !write.apply(&store).await? {
            return Ok(false);
        }
        tx.commit().await.map_err(write_error)?;
        Ok(true)
    }

    /// The index's part of a restore: the summaries put into their buckets as stored now, sealed. A marker of a
    /// restored case is left (it says "read the case for its summary", which gives the restored one; the next fold
    /// clears it): clearing thousands would cost a request each.
    pub(super) async fn index_for(&self, summaries: &[Summary]) -> Result<IndexWrite, StoreError> {
        let which = summaries.iter().fold(0u64, |m, s| m | 1 << bucket_of(s.id));
        let mut stored = self.read_some(which).await?;
        for s in summaries {
            stored.buckets[usize::from(bucket_of(s.id))]
                .0
                .put(s.clone());
        }
        // A bucket that did not open (or is another release's) is written with what this write knows; the rest
        // of its cases come back with the rebuild this asks for.
        let rebuild = !stored.whole;
        self.seal_buckets(stored.buckets, which, Vec::new(), rebuild)
            .await
    }

    /// Reads the index at unlock: every case's summary in the register's order, and the cases marked since their
    /// bucket was sealed (the caller summarises them from the cases); `None` when the index is not whole (then
    /// [`Vault::rebuild_index`] builds it).
    pub async fn load_index(&self) -> Result<Option<(Vec<Summary>, Vec<CaseId>)>, StoreError> {
        let stored = self.read_index(u64::MAX).await?;
        Ok(stored.whole.then(|| {
            let marked = stored
                .marked
                .iter()
                .filter_map(|(id, _)| CaseId::parse(id))
                .collect();
            (
                merge(stored.buckets.into_iter().map(|b| b.0.cases).collect()),
                marked,
            )
        }))
    }

    /// Folds the marked cases into their buckets (each summarised from the case as stored now) and clears their
    /// markers; builds the whole index instead when it is not whole.
    pub async fn fold_index(&self) -> Result<(), StoreError> {
        for _ in 0..ATTEMPTS {
            // The markers first, then only their buckets: a save's fold opens one bucket, not the index.
            let marked: Vec<(String, u64)> = self
                .markers()
                .await?
                .iter()
                .filter_map(|r| {
                    let key = Reflect::get(r, &"id".into()).ok()?.as_string()?;
                    Some((key.strip_prefix("d:").unwrap_or("").to_string(), rev_of(r)))
                })
                .collect();
            if marked.is_empty() {
                return Ok(());
            }
            let which = marked.iter().fold(0u64, |m, (id, _)| {
                m | CaseId::parse(id).map_or(0, |c| 1 << bucket_of(c))
            });
            let mut stored = self.read_some(which).await?;
            if !stored.whole {
                return self.rebuild_index().await.map(|_| ());
            }
            let mut clear = Vec::new();
            for (id, rev) in &stored.marked {
                if let Some(cid) = CaseId::parse(id) {
                    if let Ok(Some(case)) = self.peek_case(cid).await {
                        stored.buckets[usize::from(bucket_of(cid))]
                            .0
                            .put(Summary::of(&case));
                    }
                }
                clear.push((format!("d:{id}"), Some(*rev)));
            }
            let write = self
                .seal_buckets(stored.buckets, which, clear, false)
                .await?;
            if self.commit_index(&write).await? {
                return Ok(());
            }
        }
        Err(write_error("registret ändrades hela tiden i en annan flik"))
    }

    /// Builds the index from every case and writes it whole, over what was there (another tab's write meanwhile
    /// makes it read again). Returns the ids of case records that did not open (left untouched, not indexed).
    pub async fn rebuild_index(&self) -> Result<Vec<String>, StoreError> {
        for _ in 0..ATTEMPTS {
            let stored = self.read_index(u64::MAX).await?;
            let loaded = self.load_cases().await?;
            let buckets = rebuild(&loaded.cases)
                .into_iter()
                .zip(stored.buckets)
                .map(|(fresh, (_, read))| (fresh, read))
                .collect();
            let mut clear: Vec<(String, Option<u64>)> = stored
                .marked
                .into_iter()
                .map(|(id, rev)| (format!("d:{id}"), Some(rev)))
                .collect();
            clear.push((REBUILD.to_string(), None));
            let write = self.seal_buckets(buckets, u64::MAX, clear, false).await?;
            if self.commit_index(&write).await? {
                return Ok(loaded.unreadable);
            }
        }
        Err(write_error("registret ändrades hela tiden i en annan flik"))
    }
}
