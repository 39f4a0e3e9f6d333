//! "Säkerhetskopiera" and "Återställ" (Inställningar): the forms, drawn into the app's page; a file is validated
//! completely by the engine ([`sip_planen::engine::backup`]) before anything is written, and the app is told after
//! each restore so it reads its case list again.

use crate::dom::{by_id, doc, el, field_error, focus, input, on, pass_field, set_text};
use sip_planen::engine::audit::AuditAction;
use sip_planen::engine::backup::{
    clashes, plan_restore, Backup, BackupError, Choice, FILE_EXTENSION, MAX_BYTES,
};
use sip_planen::engine::calendar::{iso, iso_minutes};
use sip_planen::engine::{Case, CaseId};
use sip_planen::store::backup::{open_backup, seal_backup};
use sip_planen::store::{check_new_passphrase, StoreError, Vault};
use sip_planen::ui::text;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{Element, HtmlElement};

/// What the open tool holds: the unlocked store, the app's callback, and a read file until it is restored.
struct Tool {
    vault: Vault,
    on_restored: js_sys::Function,
    opened: Option<(Backup, Vec<Case>)>,
    busy: bool,
}

thread_local! {
    static TOOL: RefCell<Option<Tool>> = const { RefCell::new(None) };
}

fn with_tool<R>(f: impl FnOnce(&mut Tool) -> R) -> Option<R> {
    TOOL.with(|t| t.borrow_mut().as_mut().map(f))
}

/// Draws the tool into `container` (emptied first) for the app's unlocked `key`; `on_restored` is called with
/// the summary after each restore, so the app reads its case list again.
#[wasm_bindgen]
pub async fn open_backup_tool(
    container: Element,
    key: JsValue,
    user: String,
    on_restored: js_sys::Function,
) -> Result<(), JsValue> {
    let vault = crate::open_vault(key, &user).await?;
    TOOL.with(|t| {
        *t.borrow_mut() = Some(Tool {
            vault,
            on_restored,
            opened: None,
            busy: false,
        })
    });
    draw(&container);
    focus("sakerhetskopiera");
    Ok(())
}

fn draw(container: &Element) {
    let Some(d) = doc() else { return };
    container.set_text_content(None);
    // Säkerhetskopiera.
    let Some(make) = el(
        &d,
        container,
        "form",
        &[("class", "form"), ("aria-labelledby", "sakerhetskopiera")],
        "",
    ) else {
        return;
    };
    el(
        &d,
        &make,
        "h3",
        &[("id", "sakerhetskopiera"), ("tabindex", "-1")],
        text::BACKUP_MAKE,
    );
    pass_field(
        &d,
        &make,
        "backup-pass",
        text::BACKUP_PASS,
        text::BACKUP_PASS_HINT,
        "new-password",
    );
    pass_field(
        &d,
        &make,
        "backup-again",
        text::BACKUP_PASS_AGAIN,
        "",
        "new-password",
    );
    el(
        &d,
        &make,
        "button",
        &[("type", "submit"), ("class", "button primary")],
        text::BACKUP_MAKE,
    );
    el(
        &d,
        &make,
        "p",
        &[("role", "status"), ("id", "backup-status")],
        "",
    );
    on(&make, "submit", |ev| {
        ev.prevent_default();
        make_backup();
    });
    // Återställ.
    let Some(restore) = el(
        &d,
        container,
        "form",
        &[("class", "form"), ("aria-labelledby", "aterstall")],
        "",
    ) else {
        return;
    };
    el(
        &d,
        &restore,
        "h3",
        &[("id", "aterstall"), ("tabindex", "-1")],
        text::RESTORE_TITLE,
    );
    if let Some(f) = el(&d, &restore, "div", &[("class", "field")], "") {
        el(
            &d,
            &f,
            "label",
            &[("for", "restore-file")],
            text::RESTORE_FILE,
        );
        el(
            &d,
            &f,
            "input",
            &[
                ("id", "restore-file"),
                ("type", "file"),
                ("accept", ".sipbak"),
                ("autocomplete", "off"),
            ],
            "",
        );
    }
    pass_field(&d, &restore, "restore-pass", text::RESTORE_PASS, "", "off");
    el(
        &d,
        &restore,
        "button",
        &[("type", "submit"), ("class", "button primary")],
        text::RESTORE_READ,
    );
    el(
        &d,
        &restore,
        "p",
        &[("role", "status"), ("id", "restore-status")],
        "",
    );
    on(&restore, "submit", |ev| {
        ev.prevent_default();
        read_backup();
    });
    el(&d, container, "div", &[("id", "restore-opened")], "");
}

/// Takes the busy flag; false when work is already under way (a second click does nothing).
fn start() -> bool {
    with_tool(|t| !std::mem::replace(&mut t.busy, true)).unwrap_or(false)
}

fn done() {
    with_tool(|t| t.busy = false);
}

fn vault() -> Option<Vault> {
    with_tool(|t| t.vault.clone())
}

/// Offers `bytes` as a downloaded file.
pub fn download(bytes: &[u8], name: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let d = doc().ok_or(JsValue::NULL)?;
    let a = d.create_element("a")?;
    a.set_attribute("href", &url)?;
    a.set_attribute("download", name)?;
    a.unchecked_ref::<HtmlElement>().click();
    // The download has its own copy once started; the address is let go a little later.
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(w) = web_sys::window() {
        let _ =
            w.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000);
    }
    Ok(())
}

fn now() -> chrono::NaiveDateTime {
    chrono::Local::now().naive_local()
}

fn make_backup() {
    let pass = input("backup-pass").map(|i| i.value()).unwrap_or_default();
    let again = input("backup-again").map(|i| i.value()).unwrap_or_default();
    let checked = check_new_passphrase(&pass).and_then(|()| {
        if pass == again {
            Ok(())
        } else {
            Err(StoreError::PassphraseMismatch)
        }
    });
    set_text("backup-status", "");
    if let Err(e) = checked {
        field_error("backup-pass", Some(&e.message_sv()));
        return;
    }
    field_error("backup-pass", None);
    let Some(vault) = vault() else { return };
    if !start() {
        return;
    }
    spawn_local(async move {
        let result = async {
            let loaded = vault.load_cases().await.map_err(|e| e.message_sv())?;
            crate::audit::note(&vault, AuditAction::Sakerhetskopia, "", "", &format!("{} ärenden", loaded.cases.len())).await;
            let audit = vault.audit_log().await.map_err(|e| e.message_sv())?;
            let backup = Backup {
                created: now(),
                cases: loaded.cases,
                audit: audit.entries,
            };
            let bytes = seal_backup(&backup, &pass).await.map_err(|e| e.message_sv())?;
            let name = format!("sip-planen-{}.{FILE_EXTENSION}", iso(backup.created.date()));
            download(&bytes, &name).map_err(|_| BackupError::Unsupported.message_sv())?;
            let mut said = format!(
                "Säkerhetskopian med {} ärenden är nedladdad som {name}. Förvara den och lösenfrasen åtskilda.",
                backup.cases.len()
            );
            if !loaded.unreadable.is_empty() {
                said.push_str(&format!(
                    " {} poster på enheten gick inte att läsa och kom inte med.",
                    loaded.unreadable.len()
                ));
            }
            Ok::<String, String>(said)
        }
        .await;
        match result {
            Ok(said) => {
                for id in ["backup-pass", "backup-again"] {
                    if let Some(i) = input(id) {
                        i.set_value("");
                    }
                }
                set_text("backup-status", &said);
            }
            Err(m) => field_error("backup-pass", Some(&m)),
        }
        done();
    });
}

/// The bytes of the chosen file, or why not.
async fn read_file() -> Result<Vec<u8>, String> {
    let file = input("restore-file")
        .and_then(|i| i.files())
        .and_then(|f| f.get(0))
        .ok_or_else(|| text::RESTORE_NO_FILE.to_string())?;
    if file.size() > MAX_BYTES as f64 {
        return Err(BackupError::TooLarge.message_sv());
    }
    let buf = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| BackupError::Truncated.message_sv())?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}

fn read_backup() {
    let Some(vault) = vault() else { return };
    if !start() {
        return;
    }
    set_text("restore-status", "");
    close_opened();
    let pass = input("restore-pass").map(|i| i.value()).unwrap_or_default();
    spawn_local(async move {
        let result = async {
            let bytes = read_file().await?;
            let backup = open_backup(&bytes, &pass)
                .await
                .map_err(|e| e.message_sv())?;
            let device = vault.load_cases().await.map_err(|e| e.message_sv())?.cases;
            Ok::<_, String>((backup, device))
        }
        .await;
        match result {
            Ok((backup, device)) => {
                field_error("restore-pass", None);
                show_opened(&backup, &device);
                with_tool(|t| t.opened = Some((backup, device)));
                focus("restore-read");
            }
            Err(m) => field_error("restore-pass", Some(&m)),
        }
        done();
    });
}

fn close_opened() {
    with_tool(|t| t.opened = None);
    if let Some(p) = by_id("restore-opened") {
        p.set_text_content(None);
        let _ = p.remove_attribute("class");
    }
}

/// What the file holds, the cases that clash (with both dates), the choice for them, and the buttons.
fn show_opened(backup: &Backup, device: &[Case]) {
    let (Some(d), Some(panel)) = (doc(), by_id("restore-opened")) else {
        return;
    };
    panel.set_text_content(None);
    let _ = panel.set_attribute("class", "panel");
    el(
        &d,
        &panel,
        "p",
        &[("id", "restore-read"), ("tabindex", "-1")],
        &format!(
            "Filen gjordes {} och innehåller {} ärenden.",
            iso_minutes(backup.created),
            backup.cases.len()
        ),
    );
    let found = clashes(device, backup);
    if !found.is_empty() {
        el(&d, &panel, "h4", &[], text::RESTORE_CLASHES);
        if let Some(list) = el(&d, &panel, "ul", &[], "") {
            for c in &found {
                el(
                    &d,
                    &list,
                    "li",
                    &[],
                    &format!(
                        "{}: på enheten ändrat {}, i filen ändrat {}",
                        c.name,
                        iso_minutes(c.on_device),
                        iso_minutes(c.in_file)
                    ),
                );
            }
        }
        if let Some(set) = el(&d, &panel, "fieldset", &[("class", "field")], "") {
            el(&d, &set, "legend", &[], text::RESTORE_CLASH_HINT);
            if let Some(radios) = el(&d, &set, "div", &[("class", "radios")], "") {
                for (i, choice) in Choice::ALL.into_iter().enumerate() {
                    let id = format!("aterstall-val-{i}");
                    if let Some(r) = el(&d, &radios, "div", &[("class", "radio")], "") {
                        let radio = el(
                            &d,
                            &r,
                            "input",
                            &[
                                ("type", "radio"),
                                ("name", "aterstall-val"),
                                ("id", &id),
                                ("autocomplete", "off"),
                            ],
                            "",
                        );
                        if let (0, Some(radio)) = (i, radio) {
                            let _ = radio.set_attribute("checked", "");
                        }
                        el(&d, &r, "label", &[("for", &id)], choice.label_sv());
                    }
                }
            }
        }
    }
    let Some(row) = el(&d, &panel, "div", &[("class", "button-row")], "") else {
        return;
    };
    let go = el(
        &d,
        &row,
        "button",
        &[("type", "button"), ("class", "button primary")],
        &format!("Återställ {} ärenden", backup.cases.len()),
    );
    if let Some(go) = go {
        on(&go, "click", |_| restore());
    }
    if let Some(cancel) = el(
        &d,
        &row,
        "button",
        &[("type", "button"), ("class", "button secondary")],
        text::RESTORE_CANCEL,
    ) {
        on(&cancel, "click", |_| {
            close_opened();
            focus("aterstall");
        });
    }
}

/// The chosen answer for clashing cases (the first while none is chosen).
fn chosen() -> Choice {
    (0..Choice::ALL.len())
        .find(|i| input(&format!("aterstall-val-{i}")).is_some_and(|r| r.checked()))
        .map_or(Choice::KeepNewer, |i| Choice::ALL[i])
}

fn restore() {
    let choice = chosen();
    let Some(Some((backup, device))) = with_tool(|t| t.opened.take()) else {
        return;
    };
    let Some((vault, on_restored)) = with_tool(|t| (t.vault.clone(), t.on_restored.clone())) else {
        return;
    };
    if !start() {
        return;
    }
    let audit = backup.audit.clone();
    let plan = plan_restore(
        &device,
        backup,
        &|_| choice,
        &mut || CaseId(uuid::Uuid::new_v4()),
        now(),
        vault.user(),
    );
    spawn_local(async move {
        let summary = plan.summary_sv();
        match vault.restore(&plan.write).await {
            Ok(()) => {
                // The file's audit entries this device's log does not hold are taken in (a device restored after a
                // loss gets its log back), then the restore itself.
                let known = vault
                    .audit_log()
                    .await
                    .map(|l| l.entries)
                    .unwrap_or_default();
                let missing: Vec<_> = audit.into_iter().filter(|e| !known.contains(e)).collect();
                let _ = vault.record(&missing).await;
                crate::audit::note(&vault, AuditAction::Aterstallning, "", "", &summary).await;
                close_opened();
                if let Some(i) = input("restore-file") {
                    i.set_value("");
                }
                if let Some(i) = input("restore-pass") {
                    i.set_value("");
                }
                set_text("restore-status", &summary);
                let _ = on_restored.call1(&JsValue::NULL, &JsValue::from_str(&summary));
            }
            Err(e) => {
                close_opened();
                set_text(
                    "restore-status",
                    &format!("{} Ingenting har ändrats.", e.message_sv()),
                );
            }
        }
        focus("aterstall");
        done();
    });
}
