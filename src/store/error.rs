//! Errors of the store, each with the Swedish message the user sees.

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    #[error("Fel lösenfras")]
    WrongPassphrase,
    #[error("Lösenfrasen måste ha minst {0} tecken.")]
    PassphraseTooShort(usize),
    #[error("Lösenfraserna är inte likadana.")]
    PassphraseMismatch,
    #[error("Webbläsaren låter inte SIP-planen spara data (IndexedDB saknas eller är avstängd, t.ex. i privat läge).")]
    Unavailable,
    #[error(
        "Databasen är upptagen av en äldre flik av SIP-planen. Stäng andra flikar och ladda om."
    )]
    Blocked,
    #[error("Lagringsutrymmet är fullt. Ändringen finns kvar på skärmen men är inte sparad. Frigör utrymme och försök igen.")]
    QuotaExceeded,
    #[error("Kryptering stöds inte i den här webbläsaren.")]
    CryptoUnavailable,
    #[error("Ett ärende kunde inte läsas (skadad post {0}).")]
    Corrupt(String),
    #[error("SIP-planen är låst. Lås upp och försök igen.")]
    Locked,
    #[error("Kunde inte spara: {0}. Ändringen finns kvar på skärmen; försök igen.")]
    WriteFailed(String),
    #[error("Kunde inte läsa från databasen: {0}")]
    ReadFailed(String),
}

impl StoreError {
    pub fn message_sv(&self) -> String {
        self.to_string()
    }
}

/// Maps an IndexedDB error to a store error, recognising a full quota.
pub(crate) fn write_error(e: impl std::fmt::Display) -> StoreError {
    let text = e.to_string();
    if text.contains("QuotaExceeded") || text.contains("quota") {
        StoreError::QuotaExceeded
    } else {
        StoreError::WriteFailed(text)
    }
}

pub(crate) fn read_error(e: impl std::fmt::Display) -> StoreError {
    StoreError::ReadFailed(e.to_string())
}
