//! The audit log (HSLF-FS 2016:40, 4 kap. 9 §): who did what with which case, and when — every opening of a case,
//! every change, print, export, share link, backup, restore, unlock and failed unlock. Append-only: each entry is
//! sealed like a case and chained to the one before by SHA-256 over the previous link, its number and its sealed
//! bytes, so a changed, removed or reordered entry breaks the chain and is shown. Nothing is ever pruned by the app
//! (the log is kept at least 5 years). This module is the pure part: the entry, the chain, the check, the filters
//! and the CSV export; the store seals and writes.

use crate::engine::serde_iso;
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

/// What was done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AuditAction {
    Upplast,
    MisslyckadUpplasning,
    Oppnat,
    Andrat,
    Utskrift,
    Export,
    Delning,
    Sakerhetskopia,
    Aterstallning,
    Anvandare,
}

impl AuditAction {
    pub const ALL: [AuditAction; 10] = [
        AuditAction::Upplast,
        AuditAction::MisslyckadUpplasning,
        AuditAction::Oppnat,
        AuditAction::Andrat,
        AuditAction::Utskrift,
        AuditAction::Export,
        AuditAction::Delning,
        AuditAction::Sakerhetskopia,
        AuditAction::Aterstallning,
        AuditAction::Anvandare,
    ];

    /// The word shown in the log and the CSV.
    pub fn sv(self) -> &'static str {
        match self {
            AuditAction::Upplast => "Upplåst",
            AuditAction::MisslyckadUpplasning => "Misslyckad upplåsning",
            AuditAction::Oppnat => "Öppnat",
            AuditAction::Andrat => "Ändrat",
            AuditAction::Utskrift => "Utskrift",
            AuditAction::Export => "Export",
            AuditAction::Delning => "Delningslänk",
            AuditAction::Sakerhetskopia => "Säkerhetskopia",
            AuditAction::Aterstallning => "Återställning",
            AuditAction::Anvandare => "Användare",
        }
    }

    /// The action a short code names (the app names actions by these codes when it asks the tools to record).
    pub fn parse(code: &str) -> Option<AuditAction> {
        AuditAction::ALL.into_iter().find(|a| a.code() == code)
    }

    pub fn code(self) -> &'static str {
        match self {
            AuditAction::Upplast => "upplast",
            AuditAction::MisslyckadUpplasning => "misslyckad",
            AuditAction::Oppnat => "oppnat",
            AuditAction::Andrat => "andrat",
            AuditAction::Utskrift => "utskrift",
            AuditAction::Export => "export",
            AuditAction::Delning => "delning",
            AuditAction::Sakerhetskopia => "sakerhetskopia",
            AuditAction::Aterstallning => "aterstallning",
            AuditAction::Anvandare => "anvandare",
        }
    }
}

/// One entry: when, who (the unlocked user, or the name typed at a failed unlock), what, which case (its id and
/// the person's name, so the log reads without the case) and a detail (the case log's line for a change).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    #[serde(with = "serde_iso::datetime")]
    pub at: NaiveDateTime,
    pub user: String,
    pub action: AuditAction,
    #[serde(default)]
    pub case_id: String,
    #[serde(default)]
    pub case_name: String,
    #[serde(default)]
    pub detail: String,
}

/// An entry as stored: its number in the chain, the sealed bytes (IV and ciphertext) and its link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub seq: u64,
    pub sealed: Vec<u8>,
    pub hash: [u8; 32],
}

/// The chain's head: the number and link of the last entry (kept beside the entries, so that entries removed at
/// the end are detected too).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Head {
    pub seq: u64,
    pub hash: [u8; 32],
}

/// The link of entry `seq` after `prev`: SHA-256(prev ‖ seq as 8 bytes big-endian ‖ sealed bytes).
pub fn link(prev: &[u8; 32], seq: u64, sealed: &[u8]) -> [u8; 32] {
    let mut data = Vec::with_capacity(40 + sealed.len());
    data.extend_from_slice(prev);
    data.extend_from_slice(&seq.to_be_bytes());
    data.extend_from_slice(sealed);
    sha256(&data)
}

/// Appends: the next entry's number and link after `head`.
pub fn next(head: Head, sealed: &[u8]) -> Head {
    let seq = head.seq + 1;
    Head {
        seq,
        hash: link(&head.hash, seq, sealed),
    }
}

/// What checking the chain found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChainCheck {
    /// Every entry from 1 to the head is there, unchanged and in order.
    Whole { entries: u64 },
    /// The first entry that is missing, changed or out of place (entries from here on cannot be trusted).
    Broken { at: u64 },
}

impl ChainCheck {
    pub fn sv(&self) -> String {
        match self {
            ChainCheck::Whole { entries } => format!(
                "Loggen är hel: {entries} poster, ingen är ändrad eller borttagen."
            ),
            ChainCheck::Broken { at } => format!(
                "Varning: loggen är ändrad. Post {at} är ändrad, borttagen eller flyttad; posterna från den kan inte litas på. Kontakta informationssäkerhetsansvarig."
            ),
        }
    }
}

/// Checks `links` (in stored order) against `head`.
pub fn check(links: &[Link], head: Head) -> ChainCheck {
    let mut prev = [0u8; 32];
    for (i, l) in links.iter().enumerate() {
        let seq = i as u64 + 1;
        if l.seq != seq || link(&prev, seq, &l.sealed) != l.hash {
            return ChainCheck::Broken { at: seq };
        }
        prev = l.hash;
    }
    let n = links.len() as u64;
    if head.seq != n || (n > 0 && head.hash != prev) {
        // Entries after the last one stored were removed (or the head was changed).
        return ChainCheck::Broken { at: n + 1 };
    }
    ChainCheck::Whole { entries: n }
}

/// Which entries to show: by user, from and to a date (inclusive), by case.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub user: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub case_id: Option<String>,
}

impl Filter {
    pub fn keeps(&self, e: &AuditEntry) -> bool {
        self.user.as_ref().is_none_or(|u| &e.user == u)
            && self.from.is_none_or(|d| e.at.date() >= d)
            && self.to.is_none_or(|d| e.at.date() <= d)
            && self.case_id.as_ref().is_none_or(|c| &e.case_id == c)
    }
}

/// The entries as CSV (RFC 4180, semicolon-separated as Swedish spreadsheets expect, CRLF, a header row); a field
/// that begins like a formula is prefixed with an apostrophe so a spreadsheet does not run it.
pub fn to_csv(entries: &[&AuditEntry]) -> String {
    fn field(out: &mut String, s: &str) {
        let s = if s.starts_with(['=', '+', '-', '@']) {
            format!("'{s}")
        } else {
            s.to_string()
        };
        if s.contains([';', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&s.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&s);
        }
    }
    let mut out = String::from("Tid;Användare;Händelse;Ärende;Ärende-id;Detalj\r\n");
    for e in entries {
        let at = seconds(e.at);
        for (i, v) in [
            at.as_str(),
            &e.user,
            e.action.sv(),
            &e.case_name,
            &e.case_id,
            &e.detail,
        ]
        .into_iter()
        .enumerate()
        {
            if i > 0 {
                out.push(';');
            }
            field(&mut out, v);
        }
        out.push_str("\r\n");
    }
    out
}

/// "2026-11-27 14:05:09": an entry's time as the log and the CSV show it.
pub fn seconds(t: NaiveDateTime) -> String {
    use chrono::{Datelike, Timelike};
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}:{:02}",
        t.year(),
        t.month(),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// SHA-256 (FIPS 180-4). The chain is extended inside the store's transaction, where no asynchronous WebCrypto
/// call may run, so the hash is computed here.
pub fn sha256(data: &[u8]) -> [u8; 32] {
    const K: [u32; 64] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
        0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
        0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
        0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
        0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
        0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
        0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
        0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
        0xc67178f2,
    ];
    let mut h: [u32; 8] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
        0x5be0cd19,
    ];
    let mut msg = data.to_vec();
    msg.push(0x80);
    while msg.len() % 64 != 56 {
        msg.push(0);
    }
    msg.extend_from_slice(&((data.len() as u64) * 8).to_be_bytes());
    for block in msg.chunks_exact(64) {
        let mut w = [0u32; 64];
        for (i, word) in block.chunks_exact(4).enumerate() {
            w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16]
                .wrapping_add(s0)
                .wrapping_add(w[i - 7])
                .wrapping_add(s1);
        }
        let mut v = h;
        for i in 0..64 {
            let s1 = v[4].rotate_right(6) ^ v[4].rotate_right(11) ^ v[4].rotate_right(25);
            let ch = (v[4] & v[5]) ^ (!v[4] & v[6]);
            let t1 = v[7]
                .wrapping_add(s1)
                .wrapping_add(ch)
                .wrapping_add(K[i])
                .wrapping_add(w[i]);
            let s0 = v[0].rotate_right(2) ^ v[0].rotate_right(13) ^ v[0].rotate_right(22);
            let maj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
            let t2 = s0.wrapping_add(maj);
            v = [
                t1.wrapping_add(t2),
                v[0],
                v[1],
                v[2],
                v[3].wrapping_add(t1),
                v[4],
                v[5],
                v[6],
            ];
        }
        for (a, b) in h.iter_mut().zip(v) {
            *a = a.wrapping_add(b);
        }
    }
    let mut out = [0u8; 32];
    for (i, word) in h.iter().enumerate() {
        out[i * 4..i * 4 + 4].copy_from_slice(&word.to_be_bytes());
    }
    out
}
