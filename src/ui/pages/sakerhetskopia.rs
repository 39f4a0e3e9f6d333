//! Inställningar → Säkerhetskopia (when unlocked): what a backup is, and the button that loads the backup tool (its
//! own Wasm, `src/verktyg`, not part of the app's first load), which then draws its forms in the button's
//! place.

use crate::ui::app::state::use_app;
use crate::ui::text;
use leptos::prelude::*;

#[component]
pub fn BackupSection() -> impl IntoView {
    let app = use_app();
    let holder = NodeRef::<leptos::html::Div>::new();
    let open = move |_| {
        let Some(div) = holder.get_untracked() else {
            return;
        };
        leptos::task::spawn_local(async move {
            if let Err(m) = app.open_backup_tool(div.clone().into()).await {
                let _ = div.set_attribute("role", "alert");
                div.set_text_content(Some(&m));
            }
        });
    };
    view! {
        <section aria-labelledby="sakerhetskopia">
            <h2 id="sakerhetskopia">{text::BACKUP_TITLE}</h2>
            <p>{text::BACKUP_INTRO}</p>
            <div node_ref=holder>
                <button type="button" class="button" on:click=open>{text::BACKUP_OPEN}</button>
            </div>
        </section>
    }
}
