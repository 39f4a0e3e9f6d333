//! The passphrase rules and the wait after failed unlock attempts (native; the store applies them in the browser).
#![cfg(not(target_arch = "wasm32"))]

use sip_planen::store::passphrase::{check_new_passphrase, wait_after, FREE_ATTEMPTS, MAX_WAIT_MS};
use sip_planen::store::StoreError;

#[test]
fn a_new_passphrase_is_long_not_blank_and_not_one_character_repeated() {
    assert_eq!(check_new_passphrase(""), Err(StoreError::PassphraseBlank));
    assert_eq!(
        check_new_passphrase(&" ".repeat(10)),
        Err(StoreError::PassphraseBlank)
    );
    assert_eq!(
        check_new_passphrase("kort fras"),
        Err(StoreError::PassphraseTooShort(12))
    );
    assert_eq!(
        check_new_passphrase("elva tecken"),
        Err(StoreError::PassphraseTooShort(12))
    );
    assert_eq!(
        check_new_passphrase("aaaaaaaaaaaa"),
        Err(StoreError::PassphraseRepeated)
    );
    assert_eq!(
        check_new_passphrase("a a a a a a a a"),
        Err(StoreError::PassphraseRepeated)
    );
    assert_eq!(check_new_passphrase("blåbär på åkern"), Ok(()));
    assert_eq!(check_new_passphrase("tolv tecken!"), Ok(()));
    for e in [
        StoreError::PassphraseBlank,
        StoreError::PassphraseTooShort(12),
        StoreError::PassphraseRepeated,
    ] {
        assert!(e.message_sv().starts_with("Lösenfrasen"), "{e}");
    }
}

#[test]
fn failed_unlocks_wait_longer_and_longer_after_five() {
    for n in 0..FREE_ATTEMPTS {
        assert_eq!(wait_after(n), 0.0, "{n} failures");
    }
    assert_eq!(wait_after(5), 30_000.0);
    assert_eq!(wait_after(6), 60_000.0);
    assert_eq!(wait_after(7), 120_000.0);
    assert!(
        (5..40).all(|n| wait_after(n + 1) >= wait_after(n)),
        "never shorter"
    );
    assert_eq!(wait_after(40), MAX_WAIT_MS);
    assert!(StoreError::Wait("14:05:30".into())
        .message_sv()
        .contains("kl. 14:05:30"));
}
