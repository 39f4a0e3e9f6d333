//! Backup and restore, the browser half of [`crate::engine::backup`]: the content is compressed (deflate-raw) and
//! sealed with AES-GCM-256 under a key derived with PBKDF2-SHA-256 from the backup's own passphrase; the file's
//! header is the additional data. Opening validates everything before the caller writes anything.

use super::crypto::{random_bytes, Sealed, VaultKey, PBKDF2_ITERATIONS};
use super::error::write_error;
use super::share::through;
use super::vault::{case_aad, record, rev_of, Seen};
use super::{schema, StoreError, Vault};
use crate::engine::backup::{Backup, BackupError, SealedBackup, MAX_BYTES, SALT_LEN};
use crate::engine::Case;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
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
    /// Writes restored cases in one transaction, sealed before it opens. A case already stored is replaced (the
    /// user chose so: [`crate::engine::backup::plan_restore`]); its revision moves on, so another tab that has it
    /// open is told of the change at its next write instead of overwriting the restored case.
    pub async fn restore(&self, cases: &[Case]) -> Result<(), StoreError> {
        let mut plains = Vec::with_capacity(cases.len());
        for case in cases {
            plains.push(
                serde_json::to_vec(case).map_err(|e| StoreError::WriteFailed(e.to_string()))?,
            );
        }
        let ids: Vec<String> = cases.iter().map(|c| c.id().to_string()).collect();
        let sealed = self.key.seal_many(&plains, |i| case_aad(&ids[i])).await?;
        drop(plains);
        let tx = self
            .db
            .transaction(schema::STORE_CASES)
            .with_mode(TransactionMode::Readwrite)
            .build()
            .map_err(write_error)?;
        let store = tx.object_store(schema::STORE_CASES).map_err(write_error)?;
        let mut written = Vec::with_capacity(ids.len());
        for (id, sealed) in ids.into_iter().zip(sealed) {
            let stored: Option<JsValue> = store
                .get(id.as_str())
                .primitive()
                .map_err(write_error)?
                .await
                .map_err(write_error)?;
            let rev = stored.as_ref().map_or(0, rev_of) + 1;
            store
                .put(record(&id, rev, &sealed))
                .with_key(id.as_str())
                .primitive()
                .map_err(write_error)?
                .await
                .map_err(write_error)?;
            written.push((id, Seen { rev, iv: sealed.iv }));
        }
        tx.commit().await.map_err(write_error)?;
        self.seen.borrow_mut().extend(written);
        Ok(())
    }
}
