//! Settings: regional profile for new cases, text size, auto-lock. Kept in localStorage (preferences only).

use crate::ui::app::prefs::{TextSize, AUTOLOCK_CHOICES};
use crate::ui::app::state::use_app;
use crate::ui::components::ProfileSelect;
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
    view! {
        <h1>{text::SETTINGS_TITLE}</h1>
        <p>{text::SETTINGS_INTRO}</p>
        <form class="form" on:submit=|ev| ev.prevent_default()>
            <ProfileSelect id="installning-profil" value=profile hint=text::SETTINGS_PROFILE_HINT on_change=on_profile/>
            <fieldset class="field">
                <legend>{text::SETTINGS_TEXT_SIZE}</legend>
                <div class="radios">
                    {TextSize::ALL.into_iter().map(|size| view! {
                        <label class="radio">
                            <input autocomplete="off" type="radio" name="textstorlek" value=size.as_str()
                                prop:checked=move || app.prefs.with(|p| p.text_size == size)
                                on:change=move |_| store(&|p| p.text_size = size)/>
                            {size.label_sv()}
                        </label>
                    }).collect_view()}
                </div>
            </fieldset>
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
        <p role="status" class="status">{move || status.get()}</p>
    }
}
