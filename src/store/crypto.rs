//! Sealing records at rest (OWASP ASVS 8.2.2): AES-GCM-256 through WebCrypto, a fresh random 96-bit IV per write,
//! the key derived with PBKDF2-SHA-256 from the passphrase. The key is non-extractable and lives only in memory
//! while unlocked; neither it nor the passphrase is ever stored.

use super::error::StoreError;
use js_sys::{Array, Object, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AesDerivedKeyParams, AesGcmParams, CryptoKey, Pbkdf2Params, SubtleCrypto};

/// PBKDF2 iterations; OWASP's figure for PBKDF2-HMAC-SHA256.
pub const PBKDF2_ITERATIONS: u32 = 600_000;
pub const SALT_LEN: usize = 16;
pub const IV_LEN: usize = 12;

/// A sealed value: the IV and the ciphertext (with the GCM tag).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sealed {
    pub iv: Vec<u8>,
    pub ct: Vec<u8>,
}

fn crypto() -> Result<web_sys::Crypto, StoreError> {
    web_sys::window()
        .ok_or(StoreError::CryptoUnavailable)?
        .crypto()
        .map_err(|_| StoreError::CryptoUnavailable)
}

fn subtle() -> Result<SubtleCrypto, StoreError> {
    Ok(crypto()?.subtle())
}

pub fn random_bytes(n: usize) -> Result<Vec<u8>, StoreError> {
    let mut buf = vec![0u8; n];
    crypto()?
        .get_random_values_with_u8_array(&mut buf)
        .map_err(|_| StoreError::CryptoUnavailable)?;
    Ok(buf)
}

fn usages(list: &[&str]) -> JsValue {
    list.iter()
        .map(|s| JsValue::from_str(s))
        .collect::<Array>()
        .into()
}

/// The unlocked key. Dropping it (on lock) leaves no key material reachable from the app.
#[derive(Clone)]
pub struct VaultKey {
    key: CryptoKey,
}

impl VaultKey {
    /// The browser's key object, to hand to the backup tool's own Wasm (it stays non-extractable).
    pub fn crypto_key(&self) -> &CryptoKey {
        &self.key
    }

    /// A key handed over by the app (see [`VaultKey::crypto_key`]); `None` when it is not a key.
    pub fn from_crypto_key(key: JsValue) -> Option<VaultKey> {
        key.dyn_into::<CryptoKey>().ok().map(|key| VaultKey { key })
    }

    /// The PBKDF2 base key of a passphrase.
    async fn pbkdf2_base(passphrase: &str) -> Result<CryptoKey, StoreError> {
        let pass = Uint8Array::from(passphrase.as_bytes());
        let base = subtle()?
            .import_key_with_str("raw", &pass, "PBKDF2", false, &usages(&["deriveBits"]))
            .map_err(|_| StoreError::CryptoUnavailable)?;
        JsFuture::from(base)
            .await
            .map_err(|_| StoreError::CryptoUnavailable)?
            .dyn_into()
            .map_err(|_| StoreError::CryptoUnavailable)
    }

    /// The 256 bits PBKDF2-SHA-256 derives from the passphrase: the very bits [`VaultKey::derive`] makes its key of
    /// (WebCrypto's deriveKey imports deriveBits of the key's length). An older store's one passphrase gave the
    /// cases' key this way; the users' migration wraps these bits.
    pub async fn derive_raw(
        passphrase: &str,
        salt: &[u8],
        iterations: u32,
    ) -> Result<Vec<u8>, StoreError> {
        let base = Self::pbkdf2_base(passphrase).await?;
        let params =
            Pbkdf2Params::new_with_str("PBKDF2", "SHA-256", iterations, &Uint8Array::from(salt));
        let bits = subtle()?
            .derive_bits_with_object(&params, &base, 256)
            .map_err(|_| StoreError::CryptoUnavailable)?;
        let bits = JsFuture::from(bits)
            .await
            .map_err(|_| StoreError::CryptoUnavailable)?;
        Ok(Uint8Array::new(&bits).to_vec())
    }

    /// A non-extractable AES-GCM key of 256 raw bits (the cases' key, unwrapped for a user).
    pub async fn import_raw(raw: &[u8]) -> Result<VaultKey, StoreError> {
        let p = subtle()?
            .import_key_with_str(
                "raw",
                &Uint8Array::from(raw),
                "AES-GCM",
                false,
                &usages(&["encrypt", "decrypt"]),
            )
            .map_err(|_| StoreError::CryptoUnavailable)?;
        let key: CryptoKey = JsFuture::from(p)
            .await
            .map_err(|_| StoreError::CryptoUnavailable)?
            .dyn_into()
            .map_err(|_| StoreError::CryptoUnavailable)?;
        Ok(VaultKey { key })
    }

    /// Derives the AES-GCM-256 key from the passphrase with PBKDF2-SHA-256.
    pub async fn derive(
        passphrase: &str,
        salt: &[u8],
        iterations: u32,
    ) -> Result<VaultKey, StoreError> {
        let subtle = subtle()?;
        let pass = Uint8Array::from(passphrase.as_bytes());
        let base = subtle
            .import_key_with_str("raw", &pass, "PBKDF2", false, &usages(&["deriveKey"]))
            .map_err(|_| StoreError::CryptoUnavailable)?;
        let base: CryptoKey = JsFuture::from(base)
            .await
            .map_err(|_| StoreError::CryptoUnavailable)?
            .dyn_into()
            .map_err(|_| StoreError::CryptoUnavailable)?;
        let params =
            Pbkdf2Params::new_with_str("PBKDF2", "SHA-256", iterations, &Uint8Array::from(salt));
        let aes = AesDerivedKeyParams::new("AES-GCM", 256);
        let key = subtle
            .derive_key_with_object_and_object(
                &params,
                &base,
                &aes,
                false,
                &usages(&["encrypt", "decrypt"]),
            )
            .map_err(|_| StoreError::CryptoUnavailable)?;
        let key: CryptoKey = JsFuture::from(key)
            .await
            .map_err(|_| StoreError::CryptoUnavailable)?
            .dyn_into()
            .map_err(|_| StoreError::CryptoUnavailable)?;
        Ok(VaultKey { key })
    }

    /// Seals `plain` with a fresh IV; `aad` (the record's key) binds the ciphertext to its place.
    pub async fn seal(&self, plain: &[u8], aad: &[u8]) -> Result<Sealed, StoreError> {
        let iv = random_bytes(IV_LEN)?;
        let params = AesGcmParams::new_with_u8_array("AES-GCM", &Uint8Array::from(iv.as_slice()));
        params.set_additional_data_u8_array(&Uint8Array::from(aad));
        let p = subtle()?
            .encrypt_with_object_and_buffer_source(&params, &self.key, &Uint8Array::from(plain))
            .map_err(|_| StoreError::CryptoUnavailable)?;
        let ct = JsFuture::from(p)
            .await
            .map_err(|_| StoreError::CryptoUnavailable)?;
        Ok(Sealed {
            iv,
            ct: Uint8Array::new(&ct).to_vec(),
        })
    }

    /// Seals many values at once: the browser encrypts them side by side (a restore of thousands of cases). Each
    /// gets its own fresh IV; `aad` gives each its additional data.
    pub async fn seal_many(
        &self,
        plains: &[Vec<u8>],
        aad: impl Fn(usize) -> Vec<u8>,
    ) -> Result<Vec<Sealed>, StoreError> {
        // getRandomValues fills at most 65 536 bytes per call.
        let mut ivs = Vec::with_capacity(plains.len() * IV_LEN);
        while ivs.len() < plains.len() * IV_LEN {
            let n = (plains.len() * IV_LEN - ivs.len()).min(65_536 / IV_LEN * IV_LEN);
            ivs.extend(random_bytes(n)?);
        }
        let subtle = subtle()?;
        let promises = Array::new();
        for (i, plain) in plains.iter().enumerate() {
            let iv = &ivs[i * IV_LEN..(i + 1) * IV_LEN];
            let params = AesGcmParams::new_with_u8_array("AES-GCM", &Uint8Array::from(iv));
            params.set_additional_data_u8_array(&Uint8Array::from(aad(i).as_slice()));
            let p = subtle
                .encrypt_with_object_and_buffer_source(
                    &params,
                    &self.key,
                    &Uint8Array::from(plain.as_slice()),
                )
                .map_err(|_| StoreError::CryptoUnavailable)?;
            promises.push(&p);
        }
        let all = JsFuture::from(js_sys::Promise::all(&promises))
            .await
            .map_err(|_| StoreError::CryptoUnavailable)?;
        Ok(Array::from(&all)
            .iter()
            .enumerate()
            .map(|(i, ct)| Sealed {
                iv: ivs[i * IV_LEN..(i + 1) * IV_LEN].to_vec(),
                ct: Uint8Array::new(&ct).to_vec(),
            })
            .collect())
    }

    /// Opens many sealed values side by side (`aad` gives each its additional data); `None` for each that does not
    /// open.
    pub async fn open_many(
        &self,
        sealed: &[Sealed],
        aad: impl Fn(usize) -> Vec<u8>,
    ) -> Result<Vec<Option<Vec<u8>>>, StoreError> {
        let subtle = subtle()?;
        let promises = Array::new();
        for (i, s) in sealed.iter().enumerate() {
            let params =
                AesGcmParams::new_with_u8_array("AES-GCM", &Uint8Array::from(s.iv.as_slice()));
            params.set_additional_data_u8_array(&Uint8Array::from(aad(i).as_slice()));
            // A value that cannot even be tried (an IV of the wrong length) is one that does not open.
            let p = subtle
                .decrypt_with_object_and_buffer_source(
                    &params,
                    &self.key,
                    &Uint8Array::from(s.ct.as_slice()),
                )
                .unwrap_or_else(|_| js_sys::Promise::reject(&JsValue::NULL));
            promises.push(&p);
        }
        let all = JsFuture::from(js_sys::Promise::all_settled(&promises))
            .await
            .map_err(|_| StoreError::CryptoUnavailable)?;
        Ok(Array::from(&all)
            .iter()
            .map(|r| {
                js_sys::Reflect::get(&r, &"value".into())
                    .ok()
                    .filter(|v| v.is_object())
                    .map(|v| Uint8Array::new(&v).to_vec())
            })
            .collect())
    }

    /// Opens a sealed value; fails when the key is wrong or the record was altered.
    pub async fn open(&self, sealed: &Sealed, aad: &[u8]) -> Result<Vec<u8>, StoreError> {
        let params =
            AesGcmParams::new_with_u8_array("AES-GCM", &Uint8Array::from(sealed.iv.as_slice()));
        params.set_additional_data_u8_array(&Uint8Array::from(aad));
        let p = subtle()?
            .decrypt_with_object_and_buffer_source(
                &params,
                &self.key,
                &Uint8Array::from(sealed.ct.as_slice()),
            )
            .map_err(|_| StoreError::CryptoUnavailable)?;
        let plain = JsFuture::from(p)
            .await
            .map_err(|_| StoreError::WrongPassphrase)?;
        Ok(Uint8Array::new(&plain).to_vec())
    }
}

/// Sealed values are kept in IndexedDB as `{ iv: Uint8Array, ct: Uint8Array }`.
impl Sealed {
    pub fn to_js(&self) -> JsValue {
        let o = Object::new();
        let _ = js_sys::Reflect::set(&o, &"iv".into(), &Uint8Array::from(self.iv.as_slice()));
        let _ = js_sys::Reflect::set(&o, &"ct".into(), &Uint8Array::from(self.ct.as_slice()));
        o.into()
    }

    pub fn from_js(v: &JsValue) -> Option<Sealed> {
        let iv = js_sys::Reflect::get(v, &"iv".into())
            .ok()?
            .dyn_into::<Uint8Array>()
            .ok()?
            .to_vec();
        let ct = js_sys::Reflect::get(v, &"ct".into())
            .ok()?
            .dyn_into::<Uint8Array>()
            .ok()?
            .to_vec();
        (iv.len() == IV_LEN).then_some(Sealed { iv, ct })
    }
}
