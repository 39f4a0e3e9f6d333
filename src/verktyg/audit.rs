//! The audit log in the tools: recording what the app and the tools tell ([`record`]) and the "Granskningslogg"
//! viewer — the chain's state first, then the entries newest first, filtered by user, case and dates, and the CSV
//! export of what the filters keep. The chain and its check are the
//! engine's ([`sip_planen::engine::audit`]); sealing and appending the store's.

use crate::dom::{by_id, doc, el, field, focus, on, set_text, value};
use sip_planen::engine::audit::{seconds, to_csv, AuditAction, AuditEntry, ChainCheck, Filter};
use sip_planen::engine::calendar::parse_iso;
use sip_planen::store::audit::{local_time, AuditLog};
use sip_planen::store::Vault;
use sip_planen::ui::text;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

fn said(e: sip_planen::store::StoreError) -> JsValue {
    JsValue::from_str(&e.message_sv())
}

/// Builds an entry of the unlocked user.
pub fn entry(
    vault: &Vault,
    action: AuditAction,
    case_id: &str,
    case_name: &str,
    detail: &str,
) -> AuditEntry {
    AuditEntry {
        at: local_time(js_sys::Date::now()).unwrap_or_default(),
        user: vault.user().to_string(),
        action,
        case_id: case_id.to_string(),
        case_name: case_name.to_string(),
        detail: detail.to_string(),
    }
}

/// Records one entry for the app: `action` by its code, at `at_ms` (when it happened in the app). An unlock
/// ("upplast") is recorded after the failed attempts before it.
#[wasm_bindgen]
pub async fn record(
    key: JsValue,
    user: String,
    action: String,
    case_id: String,
    case_name: String,
    detail: String,
    at_ms: f64,
) -> Result<(), JsValue> {
    let vault = crate::open_vault(key, &user).await?;
    let action =
        AuditAction::parse(&action).ok_or_else(|| JsValue::from_str(text::TOOLS_FAILED))?;
    let at = local_time(at_ms).unwrap_or_default();
    if action == AuditAction::Upplast {
        return vault.record_unlock(at).await.map_err(said);
    }
    let mut e = entry(&vault, action, &case_id, &case_name, &detail);
    e.at = at;
    vault.record(&[e]).await.map_err(said)
}

/// Records from within the tools (a share link, a backup, a restore, a change of users); a failure to record is
/// shown in the tool's status line by the caller's next message, never blocks the work done.
pub async fn note(
    vault: &Vault,
    action: AuditAction,
    case_id: &str,
    case_name: &str,
    detail: &str,
) {
    let _ = vault
        .record(&[entry(vault, action, case_id, case_name, detail)])
        .await;
}

/// The open viewer: the log as read.
struct Viewer {
    vault: Vault,
    log: AuditLog,
}

thread_local! {
    static VIEWER: RefCell<Option<Viewer>> = const { RefCell::new(None) };
}

/// How many entries are drawn at most (the CSV has every entry the filters keep).
const SHOWN: usize = 200;

/// Draws the viewer into `container`.
#[wasm_bindgen]
pub async fn open_audit_tool(
    container: Element,
    key: JsValue,
    user: String,
) -> Result<(), JsValue> {
    let vault = crate::open_vault(key, &user).await?;
    let log = vault.audit_log().await.map_err(said)?;
    let d = doc().ok_or_else(|| JsValue::from_str(text::TOOLS_FAILED))?;
    container.set_text_content(None);
    let (ok, message) = match &log.check {
        c @ ChainCheck::Whole { .. } => (true, c.sv()),
        c => (false, c.sv()),
    };
    el(
        &d,
        &container,
        "p",
        &[
            ("id", "logg-kedja"),
            ("tabindex", "-1"),
            ("class", if ok { "saved-note" } else { "error" }),
            ("role", if ok { "status" } else { "alert" }),
        ],
        &message,
    );
    // The cases the log names (id and the person's name), by name.
    let mut cases: Vec<(String, String)> = log
        .entries
        .iter()
        .filter(|e| !e.case_id.is_empty())
        .map(|e| (e.case_name.clone(), e.case_id.clone()))
        .collect();
    cases.sort();
    cases.dedup_by(|a, b| a.1 == b.1);
    let mut users: Vec<String> = log.entries.iter().map(|e| e.user.clone()).collect();
    users.sort();
    users.dedup();
    let form = el(
        &d,
        &container,
        "form",
        &[
            ("class", "form filters"),
            ("aria-label", text::AUDIT_FILTERS),
        ],
        "",
    )
    .ok_or_else(|| JsValue::from_str(text::TOOLS_FAILED))?;
    if let Some(f) = el(&d, &form, "div", &[("class", "field")], "") {
        el(
            &d,
            &f,
            "label",
            &[("for", "logg-anvandare")],
            text::AUDIT_USER,
        );
        if let Some(sel) = el(
            &d,
            &f,
            "select",
            &[("id", "logg-anvandare"), ("autocomplete", "off")],
            "",
        ) {
            el(&d, &sel, "option", &[("value", "")], text::AUDIT_ALL_USERS);
            for u in &users {
                el(&d, &sel, "option", &[("value", u)], u);
            }
        }
    }
    if let Some(f) = el(&d, &form, "div", &[("class", "field")], "") {
        el(&d, &f, "label", &[("for", "logg-arende")], text::AUDIT_CASE);
        if let Some(sel) = el(
            &d,
            &f,
            "select",
            &[("id", "logg-arende"), ("autocomplete", "off")],
            "",
        ) {
            el(&d, &sel, "option", &[("value", "")], text::AUDIT_ALL_CASES);
            for (name, id) in &cases {
                el(&d, &sel, "option", &[("value", id)], name);
            }
        }
    }
    field(&d, &form, "logg-fran", text::AUDIT_FROM, "", "date", "off");
    field(&d, &form, "logg-till", text::AUDIT_TO, "", "date", "off");
    el(
        &d,
        &form,
        "button",
        &[("type", "submit"), ("class", "button")],
        text::AUDIT_SHOW,
    );
    el(
        &d,
        &form,
        "button",
        &[("type", "button"), ("class", "button"), ("id", "logg-csv")],
        text::AUDIT_CSV,
    );
    on(&form, "submit", |ev| {
        ev.prevent_default();
        draw_rows();
    });
    if let Some(b) = by_id("logg-csv") {
        on(&b, "click", |_| download_csv());
    }
    el(
        &d,
        &container,
        "p",
        &[("id", "logg-antal"), ("role", "status")],
        "",
    );
    el(&d, &container, "div", &[("id", "logg-rader")], "");
    VIEWER.with(|v| *v.borrow_mut() = Some(Viewer { vault, log }));
    draw_rows();
    focus("logg-kedja");
    Ok(())
}

/// The filter the form and the case say.
fn filter() -> Filter {
    let chosen = |id: &str| {
        by_id(id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlSelectElement>().ok())
            .map(|s| s.value())
            .filter(|v| !v.is_empty())
    };
    Filter {
        user: chosen("logg-anvandare"),
        from: parse_iso(&value("logg-fran")),
        to: parse_iso(&value("logg-till")),
        case_id: chosen("logg-arende"),
    }
}

fn draw_rows() {
    let Some(d) = doc() else { return };
    let Some(holder) = by_id("logg-rader") else {
        return;
    };
    holder.set_text_content(None);
    let f = filter();
    VIEWER.with(|v| {
        let v = v.borrow();
        let Some(v) = v.as_ref() else { return };
        let kept: Vec<&AuditEntry> = v.log.entries.iter().rev().filter(|e| f.keeps(e)).collect();
        let count = if kept.len() > SHOWN {
            format!("Visar de {SHOWN} senaste av {} poster. Avgränsa med filtren, eller ladda ner alla som CSV.", kept.len())
        } else {
            format!("{} poster.", kept.len())
        };
        set_text("logg-antal", &count);
        // In a container the table's rows stack when it is narrow (a phone, 200 % text).
        let Some(table) = el(&d, &holder, "div", &[("class", "table-wrap")], "")
            .and_then(|w| el(&d, &w, "table", &[("class", "case-table")], ""))
        else {
            return;
        };
        el(&d, &table, "caption", &[], text::AUDIT_TITLE);
        if let Some(tr) = el(&d, &table, "thead", &[], "").and_then(|h| el(&d, &h, "tr", &[], "")) {
            for h in ["Tid", "Användare", "Händelse", "Ärende", "Detalj"] {
                el(&d, &tr, "th", &[("scope", "col")], h);
            }
        }
        let Some(body) = el(&d, &table, "tbody", &[], "") else {
            return;
        };
        for e in kept.iter().take(SHOWN) {
            let Some(tr) = el(&d, &body, "tr", &[], "") else {
                continue;
            };
            // Each cell names its column: on a phone the rows stack and the labels show.
            for (label, v) in [
                ("Tid", seconds(e.at).as_str()),
                ("Användare", &e.user),
                ("Händelse", e.action.sv()),
                ("Ärende", &e.case_name),
                ("Detalj", &e.detail),
            ] {
                el(&d, &tr, "td", &[("data-label", label)], v);
            }
        }
    });
}

fn download_csv() {
    let f = filter();
    let csv = VIEWER.with(|v| {
        let v = v.borrow();
        v.as_ref().map(|v| {
            let kept: Vec<&AuditEntry> = v.log.entries.iter().filter(|e| f.keeps(e)).collect();
            (to_csv(&kept), kept.len())
        })
    });
    let Some((csv, count)) = csv else { return };
    // A byte order mark: spreadsheet programs then read the file as UTF-8 (å, ä, ö).
    let bytes = [&[0xEF, 0xBB, 0xBF][..], csv.as_bytes()].concat();
    let day = local_time(js_sys::Date::now())
        .map(|t| sip_planen::engine::calendar::iso(t.date()))
        .unwrap_or_default();
    if crate::backup::download(&bytes, &format!("granskningslogg-{day}.csv")).is_ok() {
        set_text("logg-antal", text::AUDIT_CSV_DONE);
        // An export is recorded too.
        if let Some(vault) = VIEWER.with(|v| v.borrow().as_ref().map(|v| v.vault.clone())) {
            let detail = format!("Granskningsloggen som CSV, {count} poster");
            wasm_bindgen_futures::spawn_local(async move {
                note(&vault, AuditAction::Export, "", "", &detail).await;
            });
        }
    }
}
