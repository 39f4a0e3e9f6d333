//! Backup and restore ("Säkerhetskopiera", "Återställ"): the file's container and content, read with full
//! validation before anything is written, and the plan of what a restore writes. Pure: the store seals and opens
//! the bytes (AES-GCM under a key derived from the backup's own passphrase) and writes the plan in one transaction.
//!
//! The file: [`MAGIC`], the format version (one byte), the salt (16 bytes), the IV (12 bytes), then the ciphertext
//! of the compressed content. The header is the ciphertext's additional data, so a changed header does not open.
//! The content is JSON: `{"format": …, "version": 1, "created": …, "cases": [ … ], "audit": [ … ]}`, each case as
//! the store keeps it, and the audit log's entries oldest first (`audit` is absent from files made before it).

use super::case::{Case, CaseId, CASE_SCHEMA_VERSION};
use super::model::Event;
use crate::engine::audit::AuditEntry;
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::fmt;

/// The first bytes of every backup file.
pub const MAGIC: &[u8; 10] = b"SIPPLANBAK";
/// The container and content version this release writes and reads.
pub const FORMAT_VERSION: u8 = 1;
/// The content's `format` field.
pub const FORMAT_NAME: &str = "sip-planen/sakerhetskopia";
pub const SALT_LEN: usize = 16;
pub const IV_LEN: usize = 12;
/// AES-GCM's tag: the shortest ciphertext.
const TAG_LEN: usize = 16;
const HEADER_LEN: usize = MAGIC.len() + 1 + SALT_LEN;
/// The largest file (and the largest opened content) read: far above 10 000 cases with plans, below what a
/// browser tab can hold twice.
pub const MAX_BYTES: usize = 256 * 1024 * 1024;
/// The longest text of any one field: a hostile file's huge string is refused before it is parsed.
pub const MAX_TEXT_CHARS: usize = 100_000;
/// The most cases one file may hold.
pub const MAX_CASES: usize = 200_000;
/// The extension of a backup file.
pub const FILE_EXTENSION: &str = "sipbak";

/// Why a backup file is not restored. Each is shown as it is, and nothing is changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackupError {
    /// Not a file this app wrote.
    NotABackup,
    /// Cut short: shorter than its header, or its content ends early.
    Truncated,
    /// Written by a newer release (its format version).
    NewerVersion(u8),
    /// Larger than a backup can be.
    TooLarge,
    /// The passphrase does not open it, or the file was changed (AES-GCM cannot tell the two apart).
    WrongPassphraseOrChanged,
    /// It opens but its content is not a valid backup: what is wrong.
    Invalid(String),
    /// The browser could not do the work (no WebCrypto or compression streams).
    Unsupported,
}

impl BackupError {
    pub fn message_sv(&self) -> String {
        let text = match self {
            BackupError::NotABackup => "Filen är inte en säkerhetskopia från SIP-planen.".to_string(),
            BackupError::Truncated => {
                "Filen är ofullständig – den verkar ha klippts av när den kopierades.".to_string()
            }
            BackupError::NewerVersion(v) => format!(
                "Säkerhetskopian är gjord med en nyare version av SIP-planen (format {v}). Ladda om appen och \
                 försök igen."
            ),
            BackupError::TooLarge => "Filen är större än en säkerhetskopia kan vara.".to_string(),
            BackupError::WrongPassphraseOrChanged => {
                "Lösenfrasen öppnar inte filen, eller så har filen ändrats eller skadats.".to_string()
            }
            BackupError::Invalid(what) => format!("Filen går att öppna men innehållet är ogiltigt: {what}."),
            BackupError::Unsupported => {
                "Webbläsaren saknar stöd för kryptering eller komprimering. Använd en aktuell webbläsare."
                    .to_string()
            }
        };
        format!("{text} Ingenting har ändrats.")
    }
}

impl fmt::Display for BackupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_sv())
    }
}

/// The parts of a backup file, before opening.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SealedBackup {
    pub salt: Vec<u8>,
    pub iv: Vec<u8>,
    pub data: Vec<u8>,
}

impl SealedBackup {
    /// The header (magic, version, salt): the ciphertext's additional data.
    pub fn header(&self) -> Vec<u8> {
        let mut h = Vec::with_capacity(HEADER_LEN);
        h.extend_from_slice(MAGIC);
        h.push(FORMAT_VERSION);
        h.extend_from_slice(&self.salt);
        h
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut b = self.header();
        b.reserve(IV_LEN + self.data.len());
        b.extend_from_slice(&self.iv);
        b.extend_from_slice(&self.data);
        b
    }

    /// Reads the container; the ciphertext is checked when opened.
    pub fn from_bytes(bytes: &[u8]) -> Result<SealedBackup, BackupError> {
        if bytes.len() > MAX_BYTES {
            return Err(BackupError::TooLarge);
        }
        let magic = &bytes[..bytes.len().min(MAGIC.len())];
        if magic != &MAGIC[..magic.len()] || bytes.is_empty() {
            return Err(BackupError::NotABackup);
        }
        if bytes.len() <= MAGIC.len() {
            return Err(BackupError::Truncated);
        }
        let version = bytes[MAGIC.len()];
        if version > FORMAT_VERSION {
            return Err(BackupError::NewerVersion(version));
        }
        if version != FORMAT_VERSION {
            return Err(BackupError::NotABackup);
        }
        if bytes.len() < HEADER_LEN + IV_LEN + TAG_LEN {
            return Err(BackupError::Truncated);
        }
        let (salt, rest) = bytes[MAGIC.len() + 1..].split_at(SALT_LEN);
        let (iv, data) = rest.split_at(IV_LEN);
        Ok(SealedBackup {
            salt: salt.to_vec(),
            iv: iv.to_vec(),
            data: data.to_vec(),
        })
    }
}

/// The content of a backup: every case on the device when it was made, and the audit log's entries (oldest first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backup {
    pub created: NaiveDateTime,
    pub cases: Vec<Case>,
    pub audit: Vec<AuditEntry>,
}

#[derive(Serialize)]
struct FileOut<'a> {
    format: &'a str,
    version: u8,
    #[serde(with = "crate::engine::serde_iso::datetime")]
    created: NaiveDateTime,
    cases: &'a [Case],
    audit: &'a [AuditEntry],
}

#[derive(Deserialize)]
struct FileIn {
    format: String,
    version: u8,
    #[serde(with = "crate::engine::serde_iso::datetime")]
    created: NaiveDateTime,
    cases: Vec<Case>,
    /// Files made before the audit log have none.
    #[serde(default)]
    audit: Vec<AuditEntry>,
}

/// The outermost keys, read before the cases so a wrong format or version is named as such.
#[derive(Deserialize)]
struct Head {
    format: String,
    version: u8,
}

impl Backup {
    /// The content's text (compressed and sealed by the store).
    pub fn encode(&self) -> String {
        serde_json::to_string(&FileOut {
            format: FORMAT_NAME,
            version: FORMAT_VERSION,
            created: self.created,
            cases: &self.cases,
            audit: &self.audit,
        })
        .unwrap_or_default()
    }

    /// Reads and validates the content completely: its size, every text's length, the nesting, the format and
    /// version, every case (unknown fields refused), no case id twice, no case from a newer release, no case
    /// changed before it was created. Any fault refuses the whole file.
    pub fn decode(text: &str) -> Result<Backup, BackupError> {
        if text.len() > MAX_BYTES {
            return Err(BackupError::TooLarge);
        }
        if longest_string(text) > MAX_TEXT_CHARS {
            return Err(BackupError::Invalid(format!(
                "en text är längre än {MAX_TEXT_CHARS} tecken"
            )));
        }
        // One parse on the way that succeeds; only a file that does not read is read again for its head, so that a
        // file of another kind or of a newer format is named as such.
        let file: FileIn = match super::json::from_str_strict(text) {
            Ok(file) => file,
            Err(_) => {
                let head = super::json::from_str::<Head>(text).map_err(|_| {
                    BackupError::Invalid("den är inte en säkerhetskopia i känt format".to_string())
                })?;
                return Err(if head.format != FORMAT_NAME {
                    BackupError::NotABackup
                } else if head.version > FORMAT_VERSION {
                    BackupError::NewerVersion(head.version)
                } else {
                    BackupError::Invalid(
                        "något ärende saknar uppgifter, har okända uppgifter eller har fel form"
                            .to_string(),
                    )
                });
            }
        };
        if file.format != FORMAT_NAME {
            return Err(BackupError::NotABackup);
        }
        if file.version != FORMAT_VERSION {
            return Err(if file.version > FORMAT_VERSION {
                BackupError::NewerVersion(file.version)
            } else {
                BackupError::NotABackup
            });
        }
        if file.cases.len() > MAX_CASES {
            return Err(BackupError::TooLarge);
        }
        let mut ids = BTreeSet::new();
        for (n, case) in file.cases.iter().enumerate() {
            let n = n + 1;
            if !ids.insert(case.id()) {
                return Err(BackupError::Invalid(format!(
                    "ärende nr {n} har samma id som ett tidigare ärende i filen"
                )));
            }
            if case.schema() > CASE_SCHEMA_VERSION {
                return Err(BackupError::Invalid(format!(
                    "ärende nr {n} är sparat av en nyare version av SIP-planen"
                )));
            }
            if case.updated() < case.created() {
                return Err(BackupError::Invalid(format!(
                    "ärende nr {n} är ändrat innan det skapades"
                )));
            }
        }
        Ok(Backup {
            created: file.created,
            cases: file.cases,
            audit: file.audit,
        })
    }
}

/// The length in characters of the longest string literal in a JSON text (escapes counted as one). Linear, and
/// total on any input.
pub fn longest_string(text: &str) -> usize {
    let mut longest = 0;
    let mut current: Option<usize> = None;
    let mut escaped = false;
    for c in text.chars() {
        match current.as_mut() {
            None => {
                if c == '"' {
                    current = Some(0);
                }
            }
            Some(n) => {
                if escaped {
                    escaped = false;
                    *n += 1;
                } else if c == '\\' {
                    escaped = true;
                } else if c == '"' {
                    longest = longest.max(*n);
                    current = None;
                } else {
                    *n += 1;
                }
            }
        }
    }
    // An unterminated string counts too.
    longest.max(current.unwrap_or(0))
}

/// What the user chooses for a case that is both on the device and in the file, with different content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Choice {
    /// The one changed last stays (the other is not written).
    #[default]
    KeepNewer,
    /// The device's stays; the file's is added as a copy with a new id.
    KeepBoth,
    /// The device's stays; the file's is not restored.
    Skip,
}

impl Choice {
    pub const ALL: [Choice; 3] = [Choice::KeepNewer, Choice::KeepBoth, Choice::Skip];

    pub fn label_sv(self) -> &'static str {
        match self {
            Choice::KeepNewer => "Behåll den senast ändrade",
            Choice::KeepBoth => "Behåll båda (filens blir en kopia)",
            Choice::Skip => "Hoppa över (behåll enhetens)",
        }
    }
}

/// A case that is both on the device and in the file, with different content: the user chooses, seeing the dates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clash {
    pub id: CaseId,
    pub name: String,
    /// When the device's case was last changed.
    pub on_device: NaiveDateTime,
    /// When the file's case was last changed.
    pub in_file: NaiveDateTime,
}

/// The cases of `backup` that clash with the device's: same id, different content. Equal cases are no clash.
pub fn clashes(on_device: &[Case], backup: &Backup) -> Vec<Clash> {
    backup
        .cases
        .iter()
        .filter_map(|theirs| {
            let ours = on_device.iter().find(|c| c.id() == theirs.id())?;
            (ours != theirs).then(|| Clash {
                id: theirs.id(),
                name: theirs.person().name.clone(),
                on_device: ours.updated(),
                in_file: theirs.updated(),
            })
        })
        .collect()
}

/// What a restore writes, and what it did with each case of the file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RestorePlan {
    /// The cases to write, in one transaction.
    pub write: Vec<Case>,
    /// Not on the device: added.
    pub added: usize,
    /// On the device, older there: replaced by the file's.
    pub replaced: usize,
    /// Added as a copy beside the device's.
    pub copies: usize,
    /// The same on the device and in the file.
    pub unchanged: usize,
    /// Not restored: skipped, or the device's was the newer.
    pub kept: usize,
}

impl RestorePlan {
    /// "3 ärenden läggs till, 1 ersätts, …": what the restore did, for the user.
    pub fn summary_sv(&self) -> String {
        let mut parts = vec![format!("{} tillagda", self.added)];
        for (n, what) in [
            (self.replaced, "ersatta med filens nyare"),
            (self.copies, "tillagda som kopia"),
            (self.unchanged, "fanns redan likadana"),
            (self.kept, "behölls som de var på enheten"),
        ] {
            if n > 0 {
                parts.push(format!("{n} {what}"));
            }
        }
        format!("Återställt: {}.", parts.join(", "))
    }
}

/// Plans the restore of `backup` onto the device's cases: `choose` answers for each clash, `new_id` gives the id
/// of a copy, `now` and `who` stamp the copy's log line.
pub fn plan_restore(
    on_device: &[Case],
    backup: Backup,
    choose: &dyn Fn(CaseId) -> Choice,
    new_id: &mut dyn FnMut() -> CaseId,
    now: NaiveDateTime,
    who: &str,
) -> RestorePlan {
    let mut plan = RestorePlan::default();
    for theirs in backup.cases {
        let Some(ours) = on_device.iter().find(|c| c.id() == theirs.id()) else {
            plan.added += 1;
            plan.write.push(theirs);
            continue;
        };
        if *ours == theirs {
            plan.unchanged += 1;
            continue;
        }
        match choose(theirs.id()) {
            Choice::KeepNewer if theirs.updated() > ours.updated() => {
                plan.replaced += 1;
                plan.write.push(theirs);
            }
            Choice::KeepBoth => {
                plan.copies += 1;
                plan.write.push(theirs.restored_copy(new_id(), now, who));
            }
            Choice::KeepNewer | Choice::Skip => plan.kept += 1,
        }
    }
    plan
}

impl Case {
    /// The file's case restored beside the device's own: a new id, and a log line saying where it came from.
    pub fn restored_copy(mut self, id: CaseId, now: NaiveDateTime, who: &str) -> Case {
        self.log.push(Event {
            at: now,
            who: who.to_string(),
            what: format!(
                "Återställd från säkerhetskopia som kopia (ärendet fanns redan på enheten, id {})",
                self.id
            ),
        });
        self.id = id;
        self.updated = self.updated.max(now);
        self
    }
}
