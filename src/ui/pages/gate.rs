//! The lock gate: first start (choose a passphrase) or unlock, before any case data is shown.

use crate::ui::app::state::{use_app, Session};
use crate::ui::components::{ConflictNotice, Notice};
use crate::ui::platform::set_title;
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
            Session::NeedsSetup => view! { <Setup/> }.into_any(),
            Session::Locked => view! { <Unlock/> }.into_any(),
            Session::Unavailable(msg) => view! {
                <h1>{text::UNAVAILABLE_TITLE}</h1>
                <p class="error" role="alert">{msg}</p>
                <p><button type="button" class="button primary" on:click=|_| { let _ = window().location().reload(); }>{text::CRASH_RELOAD}</button></p>
            }.into_any(),
            Session::Unlocked => view! { <Notice/> <ConflictNotice/> {children.with_value(|c| c())} }.into_any(),
        }}
    }
}

#[component]
fn Setup() -> impl IntoView {
    let app = use_app();
    set_title(text::SETUP_TITLE);
    let pass = RwSignal::new(String::new());
    let repeat = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let working = RwSignal::new(false);
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if working.get_untracked() {
            return;
        }
        working.set(true);
        error.set(None);
        spawn_local(async move {
            if let Err(e) = app
                .set_up(pass.get_untracked(), repeat.get_untracked())
                .await
            {
                let _ = error.try_set(Some(e.message_sv()));
                let _ = working.try_set(false);
            }
        });
    };
    view! {
        <section class="lock-panel" aria-labelledby="setup-title">
            <h1 id="setup-title">{text::SETUP_TITLE}</h1>
            <p>{text::SETUP_INTRO}</p>
            <p class="warning"><strong>{text::SETUP_WARNING}</strong></p>
            <form on:submit=on_submit novalidate>
                <div class="field">
                    <label for="pass">{text::SETUP_PASS}</label>
                    <input id="pass" type="password" autocomplete="new-password" required
                        aria-describedby="pass-hint"
                        prop:value=move || pass.get()
                        on:input=move |ev| pass.set(event_target_value(&ev))/>
                    <p id="pass-hint" class="hint">{format!("Minst {} tecken, gärna några ord som bara du kan koppla ihop. Inte ett och samma tecken upprepat.", crate::store::MIN_PASSPHRASE_CHARS)}</p>
                </div>
                <div class="field">
                    <label for="repeat">{text::SETUP_REPEAT}</label>
                    <input id="repeat" type="password" autocomplete="new-password" required
                        prop:value=move || repeat.get()
                        on:input=move |ev| repeat.set(event_target_value(&ev))/>
                </div>
                {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
                <button type="submit" class="button primary" prop:disabled=move || working.get()>
                    {move || if working.get() { text::SETUP_WORKING } else { text::SETUP_SUBMIT }}
                </button>
            </form>
        </section>
    }
}

#[component]
fn Unlock() -> impl IntoView {
    let app = use_app();
    set_title(text::UNLOCK_TITLE);
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
        if working.get_untracked() {
            return;
        }
        working.set(true);
        error.set(None);
        spawn_local(async move {
            let result = app.unlock(pass.get_untracked()).await;
            let _ = pass.try_set(String::new());
            if let Err(e) = result {
                let _ = error.try_set(Some(e.message_sv()));
                let _ = working.try_set(false);
                if let Some(el) = input.get_untracked() {
                    let _ = el.focus();
                }
            }
        });
    };
    view! {
        <section class="lock-panel" aria-labelledby="unlock-title">
            <h1 id="unlock-title">{text::UNLOCK_TITLE}</h1>
            <Notice/>
            <p>{text::UNLOCK_INTRO}</p>
            <form on:submit=on_submit novalidate>
                <div class="field">
                    <label for="unlock-pass">{text::UNLOCK_PASS}</label>
                    <input id="unlock-pass" type="password" autocomplete="current-password" required node_ref=input
                        prop:value=move || pass.get()
                        on:input=move |ev| pass.set(event_target_value(&ev))/>
                </div>
                {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
                <button type="submit" class="button primary" prop:disabled=move || working.get()>
                    {move || if working.get() { text::UNLOCK_WORKING } else { text::UNLOCK_SUBMIT }}
                </button>
            </form>
        </section>
    }
}
