//! The passphrase: what a new one must be, and the growing wait after failed unlock attempts. Plain functions,
//! tested natively.

use super::StoreError;

/// A passphrase a coordinator can remember but a guess cannot reach: at least this many characters.
pub const MIN_PASSPHRASE_CHARS: usize = 12;

/// Failed unlock attempts in a row before each further attempt has to wait.
pub const FREE_ATTEMPTS: u32 = 5;

/// The first wait, doubled for every further failure, up to [`MAX_WAIT_MS`].
pub const FIRST_WAIT_MS: f64 = 30_000.0;
pub const MAX_WAIT_MS: f64 = 3_600_000.0;

/// Checks a new passphrase (already NFC-normalised): not blank, long enough, not one character repeated.
pub fn check_new_passphrase(passphrase: &str) -> Result<(), StoreError> {
    if passphrase.trim().is_empty() {
        return Err(StoreError::PassphraseBlank);
    }
    if passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
        return Err(StoreError::PassphraseTooShort(MIN_PASSPHRASE_CHARS));
    }
    let mut visible = passphrase.chars().filter(|c| !c.is_whitespace());
    let first = visible.next();
    if visible.all(|c| Some(c) == first) {
        return Err(StoreError::PassphraseRepeated);
    }
    Ok(())
}

/// How long the next unlock attempt must wait after `failures` failed attempts in a row (milliseconds).
pub fn wait_after(failures: u32) -> f64 {
    if failures < FREE_ATTEMPTS {
        return 0.0;
    }
    let doublings = (failures - FREE_ATTEMPTS).min(16);
    (FIRST_WAIT_MS * f64::from(1u32 << doublings)).min(MAX_WAIT_MS)
}
