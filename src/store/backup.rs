//! Backup and restore, the browser half of [`crate::engine::backup`]: the content is compressed (deflate-raw) and
//! sealed with AES-GCM-256 under a key derived with PBKDF2-SHA-256 from the backup's own passphrase; the file's
//! header is the additional data. Opening validates everything before the caller writes anything.

use super::crypto::{random_bytes, Sealed, VaultKey, PBKDF2_ITERATIONS};
use super::error::write_error;
use super::share::through;
use super::vault::{case_aad, record, Seen};
use super::{schema, SealedCase, StoreError, Vault};
use crate::engine::backup::{Backup, BackupError, SealedBackup, MAX_BYTES, SALT_LEN};
use crate::engine::index::Summary;
use crate::engine::Case;
use indexed_db_futures::internals::SystemRepr;
use wasm_bindgen::JsValue;

/// The file's bytes for `backup`, sealed under `passphrase` (checked by the caller against the passphrase rules).
pub async fn seal_backup(backup: &Backup, passphrase: &str) -> Result<Vec<u8>, BackupError> {
    let packed = through(backup.encode().as_bytes(), true)
        .await
        .map_err(|_| BackupError::Unsupported)?;
    let salt = random_bytes(SALT_LEN).map_err(|_| BackupError::Unsupported)?;
    let key = VaultKey::derive(passphrase, &salt, PBKDF2_ITERATIONS)
        .await
        .map_err(|_| BackupError::Unsupported)?;
    let mut file = SealedBackup {
        salt,
        iv: Vec::new(),
        data: Vec::new(),
    };
    let sealed = key
        .seal(&packed, &file.header())
        .await
        .map_err(|_| BackupError::Unsupported)?;
    file.iv = sealed.iv;
    file.data = sealed.ct;
    Ok(file.to_bytes())
}

/// Opens and validates a backup file completely ([`Backup::decode`]); nothing is written.
pub async fn open_backup(bytes: &[u8], passphrase: &str) -> Result<Backup, BackupError> {
    let file = SealedBackup::from_bytes(bytes)?;
    let key = VaultKey::derive(passphrase, &file.salt, PBKDF2_ITERATIONS)
        .await
        .map_err(|_| BackupError::Unsupported)?;
    let sealed = Sealed {
        iv: file.iv.clone(),
        ct: file.data.clone(),
    };
    let packed = key
        .open(&sealed, &file.header())
        .await
        .map_err(|_| BackupError::WrongPassphraseOrChanged)?;
    let plain = through(&packed, false)
        .await
        .map_err(|_| BackupError::Invalid("den packade datan går inte att packa upp".into()))?;
    if plain.len() > MAX_BYTES {
        return Err(BackupError::TooLarge);
    }
    let text = String::from_utf8(plain)
        .map_err(|_| BackupError::Invalid("texten är inte giltig UTF-8".into()))?;
    Backup::decode(&text)
}

impl Vault {
    /// Writes restored cases in one transaction, sealed side by side before it opens. A case already stored is
    /// replaced (the user chose so: [`crate::engine::backup::plan_restore`]). Its revision moves on from the one this
    /// tab last read (the restore reads the device's cases first); another tab that has the case open sees a record
    /// it did not write at its next write and is told, instead of overwriting the restored case. Every put is issued
    /// at once and the transaction's end is awaited once: all or nothing.
    pub async fn restore(&self, cases: &[Case]) -> Result<(), StoreError> {
        let sealed = self.seal_many(cases).await?;
        let summaries: Vec<Summary> = cases.iter().map(Summary::of).collect();
        self.write_restored(&sealed, &summaries).await
    }

    /// Seals many cases side by side (the browser encrypts them in parallel), before any transaction opens.
    pub async fn seal_many(&self, cases: &[Case]) -> Result<Vec<SealedCase>, StoreError> {
        let mut plains = Vec::with_capacity(cases.len());
        for case in cases {
            plains.push(
                serde_json::to_vec(case).map_err(|e| StoreError::WriteFailed(e.to_string()))?,
            );
        }
        let ids: Vec<String> = cases.iter().map(|c| c.id().to_string()).collect();
        let sealed = self.key.seal_many(&plains, |i| case_aad(&ids[i])).await?;
        Ok(cases
            .iter()
            .zip(sealed)
            .map(|(c, sealed)| SealedCase { id: c.id(), sealed })
            .collect())
    }

    /// Writes sealed cases, and their summaries into the index's buckets, in one transaction, replacing what is
    /// stored (see [`Vault::restore`]); the buckets are prepared first, and the write is tried again if another tab
    /// moved one meanwhile.
    pub async fn write_restored(
        &self,
        cases: &[SealedCase],
        summaries: &[Summary],
    ) -> Result<(), StoreError> {
        for _ in 0..4 {
            let index = self.index_for(summaries).await?;
            let tx = schema::readwrite(&self.db, [schema::STORE_CASES, schema::STORE_INDEX])?;
            let index_store = tx.object_store(schema::STORE_INDEX).map_err(write_error)?;
            if !index.apply(&index_store).await? {
                continue;
            }
            let store = tx.object_store(schema::STORE_CASES).map_err(write_error)?;
            let mut written = Vec::with_capacity(cases.len());
            for c in cases {
                let id = c.id.to_string();
                let rev = self.seen.borrow().get(&id).map_or(0, |s| s.rev) + 1;
                store
                    .as_sys()
                    .put_with_key(&record(&id, rev, &c.sealed), &JsValue::from_str(&id))
                    .map_err(|e| write_error(format!("{e:?}")))?;
                written.push((
                    id,
                    Seen {
                        rev,
                        iv: c.sealed.iv.clone(),
                    },
                ));
            }
            tx.commit().await.map_err(write_error)?;
            self.seen.borrow_mut().extend(written);
            return Ok(());
        }
        Err(write_error("registret ändrades hela tiden i en annan flik"))
    }
}
