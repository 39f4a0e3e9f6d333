//! "Dela med Lisa" (R-PLAN-11, "SIP är den enskildes plan"): the established plan as a link to the person's own
//! "Min plan" (/min-plan/), sealed under a code the coordinator tells the person. The link's fragment is never sent
//! to a server; the link alone reads nothing. The code is shown here only — never on the big screen. The app keeps
//! the section and its buttons (src/ui/steg/mote/share.rs); this draws each recipient's code, link and QR code.

use crate::dom::{doc, el, qr};
use sip_planen::engine::share::ShareCode;
use sip_planen::engine::views::person::person_plan;
use sip_planen::engine::CaseId;
use sip_planen::store::crypto::random_bytes;
use sip_planen::store::share::seal_link;
use wasm_bindgen::prelude::*;
use web_sys::Element;

fn refuse(text: &str) -> JsValue {
    JsValue::from_str(text)
}

/// Seals the current version of case `case_id` for `to` (the person, or one of a child's guardians, each their own
/// link and code) and shows the result in `holder`, replacing an earlier one for the same recipient.
#[wasm_bindgen]
pub async fn share_plan(
    holder: Element,
    key: JsValue,
    user: String,
    case_id: String,
    to: String,
) -> Result<(), JsValue> {
    let vault = crate::open_vault(key, &user).await?;
    let case = match CaseId::parse(&case_id) {
        Some(id) => vault
            .peek_case(id)
            .await
            .map_err(|e| refuse(&e.message_sv()))?,
        None => None,
    };
    let draft = "Planen är inte upprättad ännu; ett utkast delas inte.";
    let case = case.ok_or_else(|| refuse(draft))?;
    let version = case
        .current_plan()
        .map(|p| p.version)
        .ok_or_else(|| refuse(draft))?;
    let text = person_plan(&case, version)
        .ok_or_else(|| refuse(draft))?
        .encode();
    let code = random_bytes(48)
        .ok()
        .and_then(|b| ShareCode::from_random(&b))
        .ok_or_else(|| refuse("Webbläsaren kan inte skapa en säker kod."))?;
    let sealed = seal_link(&text, &code)
        .await
        .map_err(|_| refuse("Webbläsaren kan inte kryptera planen. Prova en annan webbläsare."))?;
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    let link = format!("{origin}/min-plan/#{}", sealed.to_fragment());
    crate::audit::note(
        &vault,
        sip_planen::engine::audit::AuditAction::Delning,
        &case_id,
        &case.person().name,
        &format!("Version {version} till {to}"),
    )
    .await;
    draw(&holder, &to, version, &code.grouped(), &link);
    Ok(())
}

fn draw(holder: &Element, to: &str, version: u32, code: &str, link: &str) -> Option<()> {
    let d = doc()?;
    let id = format!("dela-lank-{}", to.replace(' ', "-"));
    // One result per recipient: a new code replaces the earlier one, and comes last.
    if let Some(old) = d.get_element_by_id(&format!("{id}-resultat")) {
        old.remove();
    }
    let r = el(
        &d,
        holder,
        "div",
        &[("class", "share-result"), ("id", &format!("{id}-resultat"))],
        "",
    )?;
    el(&d, &r, "h3", &[], &format!("Till {to} – version {version}"));
    let p = el(&d, &r, "p", &[], "Koden: ")?;
    el(&d, &p, "strong", &[("class", "share-code")], code);
    let field = el(&d, &r, "div", &[("class", "field")], "")?;
    el(
        &d,
        &field,
        "label",
        &[("for", &id)],
        &format!("Länken till {to}"),
    );
    el(
        &d,
        &field,
        "textarea",
        &[
            ("id", &id),
            ("readonly", ""),
            ("rows", "3"),
            ("autocomplete", "off"),
            ("spellcheck", "false"),
        ],
        link,
    );
    el(
        &d,
        &field,
        "p",
        &[("class", "hint")],
        &format!(
            "{} tecken. Markera och kopiera den, eller skanna QR-koden med telefonen.",
            link.chars().count()
        ),
    );
    if qr(&d, &r, link, &format!("QR-kod till länken för {to}")).is_none() {
        el(
            &d,
            &r,
            "p",
            &[("class", "hint")],
            "Länken är för lång för en QR-kod. Skicka den som text, eller skriv ut planen.",
        );
    }
    Some(())
}
