//! Errors of the store, each with the Swedish message the user sees.

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    #[error("Fel lösenfras")]
    WrongPassphrase,
    #[error("Det finns ingen användare med det namnet på den här enheten. Skriv ditt namn som det står under Inställningar → Användare.")]
    UnknownUser,
    #[error(
        "Lösenfrasen måste ha minst {0} tecken. Välj gärna några ord som bara du kan koppla ihop."
    )]
    PassphraseTooShort(usize),
    #[error("Lösenfrasen får inte bestå av bara mellanslag.")]
    PassphraseBlank,
    #[error("Lösenfrasen får inte vara ett och samma tecken upprepat. Välj något som är lätt för dig att komma ihåg men svårt för andra att gissa, till exempel några ord.")]
    PassphraseRepeated,
    #[error("Lösenfraserna är inte likadana.")]
    PassphraseMismatch,
    #[error("För många försök med fel lösenfras. Nästa försök kan göras kl. {0}.")]
    Wait(String),
    #[error("Webbläsaren låter inte SIP-planen spara data (IndexedDB saknas eller är avstängd, t.ex. i privat läge).")]
    Unavailable,
    #[error(
        "Stäng andra flikar med SIP-planen: en äldre flik hindrar uppdateringen av databasen."
    )]
    Blocked,
    #[error("SIP-planen har uppdaterats i en annan flik. Ladda om sidan för att fortsätta.")]
    NewerVersion,
    #[error("SIP-planens databas har raderats i en annan flik. Uppgifterna som fanns på den här enheten finns inte kvar.")]
    Deleted,
    #[error("Webbläsarens lagrade data för SIP-planen har rensats medan appen var öppen. Det som inte redan fanns sparat kan inte sparas. Ladda om sidan.")]
    Closed,
    #[error("Lagringsutrymmet är fullt. Ändringen finns kvar på skärmen men är inte sparad. Frigör utrymme och försök igen.")]
    QuotaExceeded,
    #[error("Kryptering stöds inte i den här webbläsaren.")]
    CryptoUnavailable,
    #[error("Ett ärende kunde inte läsas (skadad post {0}).")]
    Corrupt(String),
    #[error("Ärendet har ändrats i en annan flik sedan det öppnades här.")]
    Conflict(String),
    #[error("SIP-planen är låst. Lås upp och försök igen.")]
    Locked,
    #[error("Kunde inte spara: {0}. Ändringen finns kvar på skärmen; försök igen.")]
    WriteFailed(String),
    /// A change the engine's rules refuse (the user list), or a tool's own message.
    #[error("{0}")]
    Refused(String),
    #[error("Kunde inte läsa från databasen: {0}")]
    ReadFailed(String),
}

impl StoreError {
    pub fn message_sv(&self) -> String {
        self.to_string()
    }
}

/// Maps an IndexedDB error to a store error, recognising a full quota and a connection closed under us.
pub(crate) fn write_error(e: impl std::fmt::Display) -> StoreError {
    let text = e.to_string();
    if text.contains("QuotaExceeded") || text.contains("quota") {
        StoreError::QuotaExceeded
    } else if text.contains("InvalidStateError") || text.contains("closing") {
        StoreError::Closed
    } else {
        StoreError::WriteFailed(text)
    }
}

pub(crate) fn read_error(e: impl std::fmt::Display) -> StoreError {
    let text = e.to_string();
    if text.contains("InvalidStateError") || text.contains("closing") {
        StoreError::Closed
    } else {
        StoreError::ReadFailed(text)
    }
}
