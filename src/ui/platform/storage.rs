//! sessionStorage (this tab only, survives a reload) and a timer future.

/// This tab's sessionStorage, when the browser allows it.
pub fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// Resolves after `ms` milliseconds.
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// What this site uses of the device's storage and what the browser allows it, in bytes, when the browser tells.
pub async fn estimate() -> Option<(u64, u64)> {
    use wasm_bindgen::JsCast;
    let manager = web_sys::window()?.navigator().storage();
    let e: web_sys::StorageEstimate =
        wasm_bindgen_futures::JsFuture::from(manager.estimate().ok()?)
            .await
            .ok()?
            .unchecked_into();
    Some((e.get_usage()? as u64, e.get_quota()? as u64))
}

/// Asks the browser to keep this site's data rather than clear it when the device runs short of space; its answer
/// (`None` when it gives none).
pub async fn persist() -> Option<bool> {
    let manager = web_sys::window()?.navigator().storage();
    let kept = wasm_bindgen_futures::JsFuture::from(manager.persisted().ok()?)
        .await
        .ok()?
        .as_bool()?;
    if kept {
        return Some(true);
    }
    wasm_bindgen_futures::JsFuture::from(manager.persist().ok()?)
        .await
        .ok()?
        .as_bool()
}
