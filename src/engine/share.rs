//! Sharing "Min plan" without a server: the pure half. The link is `/min-plan/#` followed by the sealed plan —
//! salt, IV and ciphertext in base64url — and the fragment is never sent to any server. The code the coordinator
//! tells the person is made and checked here; the browser compresses and seals (store::share).

/// The code's alphabet: capitals and digits without look-alikes (no 0/O/Q/D, 1/I/L, 2/Z, 5/S, 8/B, U/V).
pub const CODE_ALPHABET: &[u8] = b"ACEFGHJKMNPRTWXY34679";
/// Characters in a code (at least 10); shown in groups of four.
pub const CODE_LEN: usize = 12;
/// The format of the link's fragment; another one reads as damaged.
const LINK_FORMAT: &str = "1";

/// A code as the person types it back: `K7QM-4TXA-9HCF`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShareCode(String);

impl ShareCode {
    /// A code from random bytes (one byte per character, rejection-free: each byte picks `byte % alphabet`, with
    /// the few bytes at the top of the range skipped so every character is equally likely). `None` when the bytes
    /// run out before the code is complete.
    pub fn from_random(bytes: &[u8]) -> Option<ShareCode> {
        let n = CODE_ALPHABET.len();
        let limit = 256 - 256 % n;
        let code: String = bytes
            .iter()
            .filter(|b| usize::from(**b) < limit)
            .take(CODE_LEN)
            .map(|b| char::from(CODE_ALPHABET[usize::from(*b) % n]))
            .collect();
        (code.len() == CODE_LEN).then_some(ShareCode(code))
    }

    /// Reads a typed code: case, spaces and dashes do not matter; any other character, or too few, is refused.
    pub fn parse(typed: &str) -> Option<ShareCode> {
        let code: String = typed
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .map(|c| c.to_ascii_uppercase())
            .collect();
        let ok = code.len() >= 10 && code.bytes().all(|b| CODE_ALPHABET.contains(&b));
        ok.then_some(ShareCode(code))
    }

    /// The characters the key is derived from.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// In groups of four, to read aloud and to type: `K7QM-4TXA-9HCF`.
    pub fn grouped(&self) -> String {
        let chars: Vec<char> = self.0.chars().collect();
        chars
            .chunks(4)
            .map(|c| c.iter().collect::<String>())
            .collect::<Vec<_>>()
            .join("-")
    }
}

/// The sealed plan in the link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SealedLink {
    pub salt: Vec<u8>,
    pub iv: Vec<u8>,
    pub data: Vec<u8>,
}

impl SealedLink {
    /// A checksum of the sealed bytes, so that a link cut short or changed in copying reads as damaged before any
    /// code is tried (a wrong code and a changed ciphertext look the same to AES-GCM). FNV-1a, 32 bits.
    fn check(&self) -> [u8; 4] {
        let mut h: u32 = 0x811c_9dc5;
        for b in self.salt.iter().chain(&self.iv).chain(&self.data) {
            h = (h ^ u32::from(*b)).wrapping_mul(0x0100_0193);
        }
        h.to_be_bytes()
    }

    /// The fragment (without `#`): `1.<salt>.<iv>.<data>.<checksum>`.
    pub fn to_fragment(&self) -> String {
        format!(
            "{LINK_FORMAT}.{}.{}.{}.{}",
            b64url(&self.salt),
            b64url(&self.iv),
            b64url(&self.data),
            b64url(&self.check())
        )
    }

    /// Reads a fragment (with or without `#`); `None` when it is cut, changed in its form, or of another format.
    pub fn from_fragment(fragment: &str) -> Option<SealedLink> {
        let f = fragment.trim().trim_start_matches('#');
        let mut parts = f.split('.');
        if parts.next()? != LINK_FORMAT {
            return None;
        }
        let salt = from_b64url(parts.next()?)?;
        let iv = from_b64url(parts.next()?)?;
        let data = from_b64url(parts.next()?)?;
        let check = from_b64url(parts.next()?)?;
        let link = SealedLink { salt, iv, data };
        // AES-GCM: a 12-byte IV and at least the 16-byte tag.
        let ok = parts.next().is_none()
            && link.salt.len() == 16
            && link.iv.len() == 12
            && link.data.len() > 16
            && check == link.check();
        ok.then_some(link)
    }
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64url without padding.
pub fn b64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 4 / 3 + 2);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(B64[(n >> (18 - 6 * i) & 63) as usize]));
        }
    }
    out
}

/// Reads base64url without padding; `None` for any other character or a length no encoding gives.
pub fn from_b64url(s: &str) -> Option<Vec<u8>> {
    if s.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    for chunk in s.as_bytes().chunks(4) {
        let mut n = 0u32;
        for (i, c) in chunk.iter().enumerate() {
            let v = B64.iter().position(|b| b == c)? as u32;
            n |= v << (18 - 6 * i);
        }
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    // Only the canonical encoding: the bits past the last byte are zero.
    (b64url(&out) == s).then_some(out)
}
