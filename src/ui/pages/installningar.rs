//! Settings: regional profile for new cases, text size, auto-lock (kept in localStorage, preferences only), and the
//! device's storage: whether the browser keeps the data, how much is used of what it allows; and, when unlocked, the
//! backup section (src/ui/pages/sakerhetskopia.rs).

use crate::ui::app::prefs::{TextSize, AUTOLOCK_CHOICES};
use crate::ui::app::state::use_app;
use crate::ui::components::{ProfileSelect, RadioGroup};
use crate::ui::platform::set_title;
use crate::ui::text;
use leptos::prelude::*;

#[component]
pub fn Settings() -> impl IntoView {
    let app = use_app();
    set_title(text::SETTINGS_TITLE);
    let profile = RwSignal::new(app.prefs.get_untracked().profile);
    let status = RwSignal::new(None::<&'static str>);
    let store = move |f: &dyn Fn(&mut crate::ui::app::prefs::Prefs)| {
        app.prefs.update(|p| f(p));
        let ok = app.prefs.with_untracked(|p| p.save());
        status.set(Some(if ok {
            text::SETTINGS_SAVED
        } else {
            "Webbläsaren tillåter inte att inställningen sparas; den gäller tills sidan laddas om."
        }));
    };
    let on_profile = Callback::new(move |()| store(&|p| p.profile = profile.get_untracked()));
    let size = RwSignal::new(Some(app.prefs.get_untracked().text_size));
    let on_size = Callback::new(move |()| {
        if let Some(s) = size.get_untracked() {
            store(&|p| p.text_size = s)
        }
    });
    view! {
        <h1>{text::SETTINGS_TITLE}</h1>
        <p>{text::SETTINGS_INTRO}</p>
        <form class="form" on:submit=|ev| ev.prevent_default()>
            <ProfileSelect id="installning-profil" value=profile hint=text::SETTINGS_PROFILE_HINT on_change=on_profile/>
            <RadioGroup legend=text::SETTINGS_TEXT_SIZE name="textstorlek" value=size
                options=TextSize::ALL.into_iter().map(|s| (s, s.label_sv().to_string())).collect()
                on_change=on_size/>
            <div class="field">
                <label for="autolas">{text::SETTINGS_AUTOLOCK}</label>
                <select autocomplete="off" id="autolas" on:change=move |ev| {
                    if let Ok(m) = event_target_value(&ev).parse::<u32>() { store(&|p| p.autolock_minutes = m); }
                }>
                    {AUTOLOCK_CHOICES.into_iter().map(|m| view! {
                        <option value=m.to_string() prop:selected=move || app.prefs.with(|p| p.autolock_minutes == m)>
                            {format!("{m} minuter")}
                        </option>
                    }).collect_view()}
                </select>
            </div>
        </form>
        <p role="status" class="saved-note">{move || status.get()}</p>
        <Storage/>
        {app.is_unlocked().then(crate::ui::pages::sakerhetskopia::ToolSections)}
    }
}

/// Whether the browser has promised to keep the data (asked here, and at each unlock), and how full it is.
#[component]
fn Storage() -> impl IntoView {
    // Drawn by the tools' Wasm (loaded now; it asks the browser again and reads its estimate).
    let holder = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if let Some(div) = holder.get() {
            leptos::task::spawn_local(async move {
                let args = js_sys::Array::of1(&div);
                let _ = crate::ui::app::tools::call_tool("show_storage", &args).await;
            });
        }
    });
    view! {
        <section aria-labelledby="lagring">
            <h2 id="lagring">{text::STORAGE_TITLE}</h2>
            <div node_ref=holder></div>
        </section>
    }
}
