//! "Användare" (Inställningar): the device's users, and for an administrator adding and removing users and
//! setting who administers; for everyone, changing their own passphrase. The rules are the engine's
//! ([`sip_planen::engine::users`]); the store wraps the cases' key for each user and never re-encrypts a case.

use crate::dom::{
    by_id, doc, el, field, field_error, focus, input, on, pass_field, set_text, value,
};
use sip_planen::engine::audit::AuditAction;
use sip_planen::engine::users::User;
use sip_planen::store::{Store, StoreError, Vault};
use sip_planen::ui::text;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::spawn_local;
use web_sys::Element;

/// The open tool: the store and who is unlocked.
struct Tool {
    vault: Vault,
    store: Store,
    me: String,
    busy: bool,
}

thread_local! {
    static TOOL: RefCell<Option<Tool>> = const { RefCell::new(None) };
}

fn with_tool<R>(f: impl FnOnce(&mut Tool) -> R) -> Option<R> {
    TOOL.with(|t| t.borrow_mut().as_mut().map(f))
}

/// Takes the busy flag; false when work is already under way (a second click does nothing).
fn start() -> Option<(Store, String)> {
    with_tool(|t| (!std::mem::replace(&mut t.busy, true)).then(|| (t.store.clone(), t.me.clone())))
        .flatten()
}

fn done() {
    with_tool(|t| t.busy = false);
}

/// Draws the tool into `container` for the unlocked `user` (the app hands over its key too; this tool needs only
/// the store: every change is confirmed with a passphrase).
#[wasm_bindgen]
pub async fn open_users_tool(
    container: Element,
    key: JsValue,
    user: String,
) -> Result<(), JsValue> {
    let vault = crate::open_vault(key, &user).await?;
    TOOL.with(|t| {
        *t.borrow_mut() = Some(Tool {
            vault: vault.clone(),
            store: vault.lock(),
            me: user,
            busy: false,
        })
    });
    draw(&container).await;
    focus("anvandare");
    Ok(())
}

/// The first start of a device: the first user (who administers) and their passphrase; the cases' key made and
/// wrapped for them. Answers `[key, name as kept]` for the app to unlock with, or the refusal in Swedish.
#[wasm_bindgen]
pub async fn set_up_device(
    name: String,
    passphrase: String,
    repeated: String,
) -> Result<js_sys::Array, JsValue> {
    let said = |e: StoreError| JsValue::from_str(&e.message_sv());
    let store = crate::open_store().await?;
    let vault = store
        .set_up(&name, &passphrase, &repeated)
        .await
        .map_err(said)?;
    Ok(js_sys::Array::of2(
        &vault.crypto_key(),
        &vault.user().into(),
    ))
}

/// An older store's one passphrase becomes the first user's, `name` ([`Store::migrate_single_passphrase`]).
#[wasm_bindgen]
pub async fn migrate_users(passphrase: String, name: String) -> Result<(), JsValue> {
    let store = crate::open_store().await?;
    store
        .migrate_single_passphrase(&passphrase, &name)
        .await
        .map_err(|e| JsValue::from_str(&e.message_sv()))
}

async fn users() -> Vec<User> {
    let Some(store) = with_tool(|t| t.store.clone()) else {
        return Vec::new();
    };
    store.users().await.ok().flatten().unwrap_or_default()
}

async fn draw(container: &Element) {
    let Some(d) = doc() else { return };
    let list = users().await;
    let me = with_tool(|t| t.me.clone()).unwrap_or_default();
    let admin = list.iter().any(|u| u.name == me && u.admin);
    container.set_text_content(None);
    el(
        &d,
        container,
        "h3",
        &[("id", "anvandare"), ("tabindex", "-1")],
        text::USERS_LIST,
    );
    if let Some(table) = el(&d, container, "div", &[("class", "table-wrap")], "")
        .and_then(|w| el(&d, &w, "table", &[("class", "case-table")], ""))
    {
        if let Some(head) = el(&d, &table, "thead", &[], "").and_then(|h| el(&d, &h, "tr", &[], ""))
        {
            el(&d, &head, "th", &[("scope", "col")], text::USERS_NAME);
            el(&d, &head, "th", &[("scope", "col")], text::USERS_ROLE);
            if admin {
                el(&d, &head, "th", &[("scope", "col")], text::USERS_ACTIONS);
            }
        }
        if let Some(body) = el(&d, &table, "tbody", &[], "") {
            for u in &list {
                let Some(row) = el(&d, &body, "tr", &[], "") else {
                    continue;
                };
                let you = if u.name == me { text::USERS_YOU } else { "" };
                el(
                    &d,
                    &row,
                    "th",
                    &[("scope", "row")],
                    &format!("{}{you}", u.name),
                );
                el(
                    &d,
                    &row,
                    "td",
                    &[("data-label", text::USERS_ROLE)],
                    if u.admin {
                        text::USERS_ADMIN
                    } else {
                        text::USERS_PLAIN
                    },
                );
                if admin {
                    actions(&d, &row, u, &me);
                }
            }
        }
    }
    el(
        &d,
        container,
        "p",
        &[("role", "status"), ("id", "users-status")],
        "",
    );
    if admin {
        add_form(&d, container);
    } else {
        el(&d, container, "p", &[], text::USERS_ONLY_ADMIN);
    }
    change_form(&d, container);
}

/// An administrator's buttons on a row: administers or not, and remove (never oneself).
fn actions(d: &web_sys::Document, row: &Element, u: &User, me: &str) {
    let Some(cell) = el(d, row, "td", &[("data-label", text::USERS_ACTIONS)], "") else {
        return;
    };
    let label = if u.admin {
        text::USERS_UNMAKE_ADMIN
    } else {
        text::USERS_MAKE_ADMIN
    };
    let named = format!("{label}: {}", u.name);
    if let Some(b) = el(
        d,
        &cell,
        "button",
        &[
            ("type", "button"),
            ("class", "button"),
            ("aria-label", &named),
        ],
        label,
    ) {
        let (name, admin) = (u.name.clone(), !u.admin);
        on(&b, "click", move |_| {
            let name = name.clone();
            run(move |store, me| async move {
                store.set_admin(&me, &name, admin).await?;
                Ok(format!(
                    "{name}: {}.",
                    if admin {
                        text::USERS_ADMIN
                    } else {
                        text::USERS_PLAIN
                    }
                ))
            });
        });
    }
    if u.name != me {
        let named = format!("{} {}", text::USERS_REMOVE, u.name);
        if let Some(b) = el(
            d,
            &cell,
            "button",
            &[("type", "button"), ("class", "button")],
            &named,
        ) {
            let name = u.name.clone();
            on(&b, "click", move |_| {
                let question = format!(
                    "Ta bort {name} från enheten? {name} kan inte längre låsa upp. Det {name} har gjort står kvar i ärendenas logg."
                );
                let sure = web_sys::window()
                    .and_then(|w| w.confirm_with_message(&question).ok())
                    .unwrap_or(false);
                if !sure {
                    return;
                }
                let name = name.clone();
                run(move |store, me| async move {
                    store.remove_user(&me, &name).await?;
                    Ok(format!("{name} är borttagen från enheten."))
                });
            });
        }
    }
}

fn add_form(d: &web_sys::Document, container: &Element) {
    let Some(form) = el(
        d,
        container,
        "form",
        &[("class", "form"), ("aria-labelledby", "lagg-till")],
        "",
    ) else {
        return;
    };
    el(d, &form, "h3", &[("id", "lagg-till")], text::USERS_ADD);
    field(d, &form, "ny-namn", text::USERS_NAME, "", "text", "off");
    pass_field(
        d,
        &form,
        "ny-pass",
        text::USERS_NEW_PASS,
        text::USERS_NEW_PASS_HINT,
        "new-password",
    );
    pass_field(
        d,
        &form,
        "ny-igen",
        text::USERS_NEW_AGAIN,
        "",
        "new-password",
    );
    pass_field(
        d,
        &form,
        "ny-min",
        text::USERS_CONFIRM,
        "",
        "current-password",
    );
    el(
        d,
        &form,
        "button",
        &[("type", "submit"), ("class", "button primary")],
        text::USERS_ADD,
    );
    on(&form, "submit", |ev| {
        ev.prevent_default();
        let ids = ["ny-namn", "ny-pass", "ny-igen", "ny-min"];
        for id in ids {
            field_error(id, None);
        }
        let [name, pass, again, mine] = ids.map(value);
        run_form(
            move |store, me| async move {
                let user = store.add_user(&me, &mine, &name, &pass, &again).await?;
                Ok(format!(
                    "{} är tillagd. Säg den första lösenfrasen till {0}, som byter den under Inställningar → Användare.",
                    user.name
                ))
            },
            |e| match e {
                StoreError::Refused(_) => "ny-namn",
                StoreError::WrongPassphrase => "ny-min",
                StoreError::PassphraseMismatch => "ny-igen",
                _ => "ny-pass",
            },
        );
    });
}

fn change_form(d: &web_sys::Document, container: &Element) {
    let Some(form) = el(
        d,
        container,
        "form",
        &[("class", "form"), ("aria-labelledby", "byt-fras")],
        "",
    ) else {
        return;
    };
    el(d, &form, "h3", &[("id", "byt-fras")], text::USERS_CHANGE);
    pass_field(
        d,
        &form,
        "fras-nu",
        text::USERS_CURRENT,
        "",
        "current-password",
    );
    pass_field(
        d,
        &form,
        "fras-ny",
        text::USERS_NEXT,
        text::USERS_NEXT_HINT,
        "new-password",
    );
    pass_field(
        d,
        &form,
        "fras-igen",
        text::USERS_NEXT_AGAIN,
        "",
        "new-password",
    );
    el(
        d,
        &form,
        "button",
        &[("type", "submit"), ("class", "button primary")],
        text::USERS_CHANGE,
    );
    on(&form, "submit", |ev| {
        ev.prevent_default();
        let ids = ["fras-nu", "fras-ny", "fras-igen"];
        for id in ids {
            field_error(id, None);
        }
        let [current, new, again] = ids.map(value);
        run_form(
            move |store, me| async move {
                store.change_passphrase(&me, &current, &new, &again).await?;
                Ok(text::USERS_CHANGED.to_string())
            },
            |e| match e {
                StoreError::WrongPassphrase => "fras-nu",
                StoreError::PassphraseMismatch => "fras-igen",
                _ => "fras-ny",
            },
        );
    });
}

/// Runs a change of the list; then the tool is drawn again with the outcome in its status line (focus on the
/// list's heading), or the refusal is shown in the status line.
fn run<F, Fut>(change: F)
where
    F: FnOnce(Store, String) -> Fut + 'static,
    Fut: std::future::Future<Output = Result<String, StoreError>>,
{
    run_form(change, |_| "");
}

/// As [`run`]; a refusal is shown at the field `field_of` names (or in the status line when it names none).
fn run_form<F, Fut>(change: F, field_of: fn(&StoreError) -> &'static str)
where
    F: FnOnce(Store, String) -> Fut + 'static,
    Fut: std::future::Future<Output = Result<String, StoreError>>,
{
    let Some((store, me)) = start() else { return };
    set_text("users-status", "");
    spawn_local(async move {
        match change(store, me).await {
            Ok(said) => {
                if let Some(vault) = with_tool(|t| t.vault.clone()) {
                    crate::audit::note(&vault, AuditAction::Anvandare, "", "", &said).await;
                }
                if let Some(container) = by_id("anvandare").and_then(|h| h.parent_element()) {
                    draw(&container).await;
                }
                set_text("users-status", &said);
                focus("anvandare");
            }
            Err(e) => {
                let message = e.message_sv();
                match field_of(&e) {
                    "" => set_text("users-status", &message),
                    id => {
                        // The passphrases typed are cleared; the name stays for a corrected try.
                        if id != "ny-namn" {
                            if let Some(i) = input(id) {
                                i.set_value("");
                            }
                        }
                        field_error(id, Some(&message));
                    }
                }
            }
        }
        done();
    });
}
