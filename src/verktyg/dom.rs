//! Plain DOM calls for the tools: make an element with its attributes and text, listen, find, focus.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, HtmlInputElement};

pub fn doc() -> Option<Document> {
    web_sys::window()?.document()
}

pub fn by_id(id: &str) -> Option<Element> {
    doc()?.get_element_by_id(id)
}

pub fn input(id: &str) -> Option<HtmlInputElement> {
    by_id(id)?.dyn_into().ok()
}

pub fn el(
    d: &Document,
    parent: &Element,
    tag: &str,
    attrs: &[(&str, &str)],
    text: &str,
) -> Option<Element> {
    let e = d.create_element(tag).ok()?;
    for (k, v) in attrs {
        let _ = e.set_attribute(k, v);
    }
    if !text.is_empty() {
        e.set_text_content(Some(text));
    }
    parent.append_child(&e).ok()?;
    Some(e)
}

pub fn on(e: &Element, event: &str, f: impl FnMut(web_sys::Event) + 'static) {
    let cb = Closure::<dyn FnMut(web_sys::Event)>::new(f);
    let _ = e.add_event_listener_with_callback(event, cb.as_ref().unchecked_ref());
    cb.forget();
}

pub fn focus(id: &str) {
    if let Some(e) = by_id(id).and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        let _ = e.focus();
    }
}

pub fn set_text(id: &str, text: &str) {
    if let Some(e) = by_id(id) {
        e.set_text_content(Some(text));
    }
}

/// Shows (or clears) the error of a passphrase field: linked to it, announced when it takes focus.
pub fn field_error(id: &str, error: Option<&str>) {
    set_text(&format!("{id}-fel"), error.unwrap_or(""));
    if let Some(e) = by_id(id) {
        let _ = match error {
            Some(_) => e.set_attribute("aria-invalid", "true"),
            None => e.remove_attribute("aria-invalid"),
        };
    }
    if error.is_some() {
        focus(id);
    }
}

/// A labelled password field with its error line (and a hint).
pub fn pass_field(
    d: &Document,
    form: &Element,
    id: &str,
    label: &str,
    hint: &str,
    autocomplete: &str,
) {
    field(d, form, id, label, hint, "password", autocomplete);
}

/// A labelled input of `kind` with its error line (and a hint).
pub fn field(
    d: &Document,
    form: &Element,
    id: &str,
    label: &str,
    hint: &str,
    kind: &str,
    autocomplete: &str,
) {
    let Some(f) = el(d, form, "div", &[("class", "field")], "") else {
        return;
    };
    el(d, &f, "label", &[("for", id)], label);
    let described = if hint.is_empty() {
        format!("{id}-fel")
    } else {
        el(
            d,
            &f,
            "p",
            &[("id", &format!("{id}-hint")), ("class", "hint")],
            hint,
        );
        format!("{id}-hint {id}-fel")
    };
    el(
        d,
        &f,
        "input",
        &[
            ("id", id),
            ("type", kind),
            ("autocomplete", autocomplete),
            ("aria-describedby", &described),
        ],
        "",
    );
    el(
        d,
        &f,
        "p",
        &[("id", &format!("{id}-fel")), ("class", "field-error")],
        "",
    );
}

/// The value of an input (empty when it is not there).
pub fn value(id: &str) -> String {
    input(id).map(|i| i.value()).unwrap_or_default()
}

/// The QR code of `text` (the app's drawing), labelled with what it leads to; `None` when the text is too long for
/// a QR code.
pub fn qr(d: &Document, parent: &Element, text: &str, label: &str) -> Option<()> {
    let svg = sip_planen::ui::components::qr_svg(d, text, label)?;
    parent.append_child(&svg).ok()?;
    Some(())
}
