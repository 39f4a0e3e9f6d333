//! The static first screen in `index.html` (painted with the HTML, before the Wasm arrives): the app removes it
//! once it shows a screen of its own, and remembers which lock screen this device shows first, so the static copy
//! shows that one next time. The key holds no case data: only whether a store is set up here.

/// localStorage key read by the inline script of `index.html`.
const FIRST_SCREEN_KEY: &str = "sip-planen.forsta-skarm";

/// Removes the static first screen; the app's own screen shows in the same frame (the CSS hid it until now).
pub fn remove() {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("shell"))
    {
        el.remove();
    }
}

/// The lock screen this device shows first: unlock (a store is set up) or setup (none yet).
pub fn remember_first_screen(store_set_up: bool) {
    let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) else {
        return;
    };
    let _ = if store_set_up {
        storage.set_item(FIRST_SCREEN_KEY, "las-upp")
    } else {
        storage.remove_item(FIRST_SCREEN_KEY)
    };
}
