//! A QR code drawn as SVG, for an address the person scans with their own phone (SIP-kollen, R-STAT-2). The text
//! is also shown beside it: the code is a convenience, never the only way.

use leptos::prelude::*;
use qrcodegen::{QrCode, QrCodeEcc};

/// The dark modules of the code as one SVG path (one square per module), with a quiet zone of 4 modules.
pub fn qr_path(text: &str) -> Option<(i32, String)> {
    let qr = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let n = qr.size();
    let mut d = String::with_capacity((n * n) as usize * 4);
    for y in 0..n {
        for x in 0..n {
            if qr.get_module(x, y) {
                d.push_str(&format!("M{} {}h1v1h-1z", x + 4, y + 4));
            }
        }
    }
    Some((n + 8, d))
}

/// The same drawing as an element made with plain DOM calls, for the pages without Leptos (Min plan's printout, the
/// tools): `None` when the text is too long for a QR code.
pub fn qr_svg(d: &web_sys::Document, text: &str, label: &str) -> Option<web_sys::Element> {
    const SVG: &str = "http://www.w3.org/2000/svg";
    let (size, path) = qr_path(text)?;
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
    Some(svg)
}

/// The QR code of `text`, labelled for screen readers with what it leads to.
#[component]
pub fn Qr(#[prop(into)] text: String, #[prop(into)] label: String) -> impl IntoView {
    qr_path(&text).map(|(size, d)| {
        view! {
            <svg class="qr" role="img" aria-label=label viewBox=format!("0 0 {size} {size}")
                xmlns="http://www.w3.org/2000/svg" shape-rendering="crispEdges">
                <rect width="100%" height="100%" fill="#fff"/>
                <path d=d fill="#000"/>
            </svg>
        }
    })
}
