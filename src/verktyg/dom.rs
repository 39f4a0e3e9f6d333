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
            ("type", "password"),
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

/// The QR code of `text` as SVG (the same drawing as the app's), labelled with what it leads to; `None` when the
/// text is too long for a QR code.
pub fn qr(d: &Document, parent: &Element, text: &str, label: &str) -> Option<()> {
    const SVG: &str = "http://www.w3.org/2000/svg";
    let (size, path) = sip_planen::ui::components::qr_path(text)?;
    let svg = d.create_element_ns(Some(SVG), "svg").ok()?;
    let view_box = format!("0 0 {size} {size}");
    for (k, v) in [
        ("class", "qr"),
        ("role", "img"),
        ("aria-label", label),
        ("viewBox", view_box.as_str()),
        ("shape-rendering", "crispEdges"),
    ] {
        let _ = svg.set_attribute(k, v);
    }
    let bg = d.create_element_ns(Some(SVG), "rect").ok()?;
    for (k, v) in [("width", "100%"), ("height", "100%"), ("fill", "#fff")] {
        let _ = bg.set_attribute(k, v);
    }
    let p = d.create_element_ns(Some(SVG), "path").ok()?;
    let _ = p.set_attribute("d", &path);
    let _ = p.set_attribute("fill", "#000");
    svg.append_child(&bg).ok()?;
    svg.append_child(&p).ok()?;
    parent.append_child(&svg).ok()?;
    Some(())
}
