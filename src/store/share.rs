//! Sharing "Min plan": the browser half of [`crate::engine::share`]. The person's copy is compressed
//! (`CompressionStream`, deflate-raw) and sealed with AES-GCM-256 under a key derived with PBKDF2-SHA-256 from the
//! code the coordinator tells the person; the result travels in the link's fragment, which no server ever sees.

use super::crypto::{random_bytes, Sealed, VaultKey, PBKDF2_ITERATIONS, SALT_LEN};
use crate::engine::share::{SealedLink, ShareCode};
use js_sys::{Array, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, ReadableStream, ReadableWritablePair, Response, WritableStream};

// The compression streams (web-sys has them only behind its unstable-API flag).
#[wasm_bindgen]
extern "C" {
    type CompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<CompressionStream, JsValue>;
    #[wasm_bindgen(method, getter)]
    fn readable(this: &CompressionStream) -> ReadableStream;
    #[wasm_bindgen(method, getter)]
    fn writable(this: &CompressionStream) -> WritableStream;

    type DecompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<DecompressionStream, JsValue>;
    #[wasm_bindgen(method, getter)]
    fn readable(this: &DecompressionStream) -> ReadableStream;
    #[wasm_bindgen(method, getter)]
    fn writable(this: &DecompressionStream) -> WritableStream;
}

/// Binds the ciphertext to its use: a sealed record of the store never opens as a plan link, nor the reverse.
const AAD: &[u8] = b"sip-planen min-plan 1";

/// Why a link does not open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShareError {
    /// The code does not open it (or the link was changed: AES-GCM cannot tell the two apart).
    WrongCode,
    /// The link is cut or changed in its form.
    Damaged,
    /// The browser lacks WebCrypto or compression streams.
    Unsupported,
}

/// Runs `bytes` through a compression or decompression stream (deflate-raw).
pub(super) async fn through(bytes: &[u8], compress: bool) -> Result<Vec<u8>, JsValue> {
    let parts = Array::of1(&Uint8Array::from(bytes));
    let stream: ReadableStream = Blob::new_with_u8_array_sequence(&parts)?.stream();
    let pair = if compress {
        let c = CompressionStream::new("deflate-raw")?;
        ReadableWritablePair::new(&c.readable(), &c.writable())
    } else {
        let d = DecompressionStream::new("deflate-raw")?;
        ReadableWritablePair::new(&d.readable(), &d.writable())
    };
    let out = Response::new_with_opt_readable_stream(Some(&stream.pipe_through(&pair)))?;
    let buf = JsFuture::from(out.array_buffer()?).await?;
    Ok(Uint8Array::new(&buf).to_vec())
}

/// Seals the person's copy (its text, [`crate::engine::views::person::PersonPlan::encode`]) under `code`.
pub async fn seal_link(plain: &str, code: &ShareCode) -> Result<SealedLink, ShareError> {
    let packed = through(plain.as_bytes(), true)
        .await
        .map_err(|_| ShareError::Unsupported)?;
    let salt = random_bytes(SALT_LEN).map_err(|_| ShareError::Unsupported)?;
    let key = VaultKey::derive(code.as_str(), &salt, PBKDF2_ITERATIONS)
        .await
        .map_err(|_| ShareError::Unsupported)?;
    let sealed = key
        .seal(&packed, AAD)
        .await
        .map_err(|_| ShareError::Unsupported)?;
    Ok(SealedLink {
        salt,
        iv: sealed.iv,
        data: sealed.ct,
    })
}

/// Opens a link with the code the person typed: the copy's text, or why not. Nothing is returned in part.
pub async fn open_link(link: &SealedLink, code: &ShareCode) -> Result<String, ShareError> {
    let key = VaultKey::derive(code.as_str(), &link.salt, PBKDF2_ITERATIONS)
        .await
        .map_err(|_| ShareError::Unsupported)?;
    let sealed = Sealed {
        iv: link.iv.clone(),
        ct: link.data.clone(),
    };
    let packed = key
        .open(&sealed, AAD)
        .await
        .map_err(|_| ShareError::WrongCode)?;
    let plain = through(&packed, false)
        .await
        .map_err(|_| ShareError::Damaged)?;
    String::from_utf8(plain).map_err(|_| ShareError::Damaged)
}
