//! The lock gate: first start (choose a passphrase) or unlock, before any case data is shown.

use crate::store::StoreError;
use crate::ui::app::state::{use_app, Session};
use crate::ui::components::{ConflictNotice, Field, Notice};
use crate::ui::platform::{self, set_title};
use crate::ui::text;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn Gate(children: ChildrenFn) -> impl IntoView {
    let app = use_app();
    let children = StoredValue::new(children);
    view! {
        {move || match app.session.get() {
            Session::Starting => view! { <p class="starting" role="status">{text::STARTING}</p> }.into_any(),
            Session::Locking => view! { <p class="starting" role="status">{text::LOCKING}</p> }.into_any(),
            Session::NeedsSetup => {
                platform::shell::remember_first_screen(false);
                view! { <Setup/> }.into_any()
            }
            Session::Locked => {
                platform::shell::remember_first_screen(true);
                view! { <Unlock/> }.into_any()
            }
            Session::Unavailable(msg) => view! {
                <h1>{text::UNAVAILABLE_TITLE}</h1>
                <p class="error" role="alert">{msg}</p>
                <p><button type="button" class="button primary" on:click=|_| { let _ = window().location().reload(); }>{text::CRASH_RELOAD}</button></p>
            }.into_any(),
            Session::Unlocked => {
                platform::shell::remember_first_screen(true);
                view! { <Notice/> <ConflictNotice/> {children.with_value(|c| c())} }.into_any()
            }
        }}
    }
}

#[component]
fn Setup() -> impl IntoView {
    let app = use_app();
    set_title(text::SETUP_TITLE);
    let name = RwSignal::new(String::new());
    let pass = RwSignal::new(String::new());
    let repeat = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let working = RwSignal::new(false);
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        attempt(
            working,
            error,
            Box::pin(async move {
                app.set_up(
                    name.get_untracked(),
                    pass.get_untracked(),
                    repeat.get_untracked(),
                )
                .await
            }),
            None,
        );
    };
    view! {
        <section class="lock-panel" aria-labelledby="setup-title">
            <h1 id="setup-title">{text::SETUP_TITLE}</h1>
            <p>{text::SETUP_INTRO}</p>
            <p class="warning"><strong>{text::SETUP_WARNING}</strong></p>
            <form on:submit=on_submit novalidate>
                <Field id="user-name" label=text::USER_NAME value=name hint=text::SETUP_NAME_HINT/>
                <Field id="pass" label=text::SETUP_PASS value=pass kind="password" autocomplete="new-password"
                    required=true hint=text::SETUP_PASS_HINT/>
                <Field id="repeat" label=text::SETUP_REPEAT value=repeat kind="password" autocomplete="new-password"
                    required=true/>
                <SubmitRow error working label=text::SETUP_SUBMIT busy=text::SETUP_WORKING/>
            </form>
        </section>
    }
}

#[component]
fn Unlock() -> impl IntoView {
    let app = use_app();
    set_title(text::UNLOCK_TITLE);
    let user = RwSignal::new(String::new());
    let pass = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let working = RwSignal::new(false);
    let input = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(el) = input.get() {
            let _ = el.focus();
        }
    });
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        attempt(
            working,
            error,
            Box::pin(async move {
                let result = app.unlock(user.get_untracked(), pass.get_untracked()).await;
                let _ = pass.try_set(String::new());
                result
            }),
            Some(input),
        );
    };
    view! {
        <section class="lock-panel" aria-labelledby="unlock-title">
            <h1 id="unlock-title">{text::UNLOCK_TITLE}</h1>
            <Notice/>
            <p>{text::UNLOCK_INTRO}</p>
            <form on:submit=on_submit novalidate>
                // Not needed on a device with one user; on an older store with one passphrase the name typed
                // becomes its first user's.
                <Field id="user-name" label=text::USER_NAME value=user hint=text::UNLOCK_NAME_HINT/>
                <Field id="unlock-pass" label=text::UNLOCK_PASS value=pass kind="password"
                    autocomplete="current-password" required=true node_ref=input/>
                <SubmitRow error working label=text::UNLOCK_SUBMIT busy=text::UNLOCK_WORKING/>
            </form>
        </section>
    }
}

/// One attempt at a time; a refusal shows the store's Swedish message and lets the user try again (focus back in
/// the passphrase field when given).
fn attempt(
    working: RwSignal<bool>,
    error: RwSignal<Option<String>>,
    run: std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), StoreError>>>>,
    focus_on_failure: Option<NodeRef<leptos::html::Input>>,
) {
    if working.get_untracked() {
        return;
    }
    working.set(true);
    error.set(None);
    spawn_local(async move {
        if let Err(e) = run.await {
            let _ = error.try_set(Some(e.message_sv()));
            let _ = working.try_set(false);
            if let Some(el) = focus_on_failure.and_then(|r| r.get_untracked()) {
                let _ = el.focus();
            }
        }
    });
}

/// The form's error (announced) and its submit button, disabled while the attempt runs.
#[component]
fn SubmitRow(
    error: RwSignal<Option<String>>,
    working: RwSignal<bool>,
    label: &'static str,
    busy: &'static str,
) -> impl IntoView {
    view! {
        {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
        <button type="submit" class="button primary" prop:disabled=move || working.get()>
            {move || if working.get() { busy } else { label }}
        </button>
    }
}
