//! A panic must not leave a dead page: log it, then replace the page with a Swedish error and "Ladda om".
//! Replacing the body also removes any decrypted case data from the DOM.

use super::text;

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_crash_page();
    }));
}

fn show_crash_page() {
    let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    else {
        return;
    };
    body.set_inner_html(&format!(
        r#"<main class="crash" role="alert"><h1>{}</h1><p>{}</p><button type="button" id="ladda-om" class="button primary">{}</button></main>"#,
        text::CRASH_TITLE,
        text::CRASH_TEXT,
        text::CRASH_RELOAD
    ));
    // A listener, not an inline onclick: the Content-Security-Policy allows no inline script.
    let reload = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(|| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    });
    if let Some(button) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("ladda-om"))
    {
        use wasm_bindgen::JsCast;
        let _ = button.add_event_listener_with_callback("click", reload.as_ref().unchecked_ref());
    }
    reload.forget();
}
