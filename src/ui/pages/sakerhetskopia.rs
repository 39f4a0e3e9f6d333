//! Inställningar's tool sections (when unlocked): Säkerhetskopia, Användare and Granskningslogg — what each is, and
//! the button that loads its tool (the tools' own Wasm, `src/verktyg`, not part of the app's first load), which then draws its
//! forms in the button's place.

use crate::ui::app::state::use_app;
use crate::ui::app::tools::{AUDIT_TOOL, BACKUP_TOOL, USERS_TOOL};
use crate::ui::text;
use leptos::prelude::*;

/// One tool's section: heading, what it is, and the button that opens it.
#[component]
fn ToolSection(
    id: &'static str,
    title: &'static str,
    intro: &'static str,
    open_label: &'static str,
    tool: &'static str,
) -> impl IntoView {
    let app = use_app();
    let holder = NodeRef::<leptos::html::Div>::new();
    let open = move |_| {
        let Some(div) = holder.get_untracked() else {
            return;
        };
        leptos::task::spawn_local(async move {
            if let Err(m) = app.open_tool(tool, div.clone().into()).await {
                let _ = div.set_attribute("role", "alert");
                div.set_text_content(Some(&m));
            }
        });
    };
    view! {
        <section aria-labelledby=id>
            <h2 id=id>{title}</h2>
            <p>{intro}</p>
            <div node_ref=holder>
                <button type="button" class="button" on:click=open>{open_label}</button>
            </div>
        </section>
    }
}

/// Säkerhetskopia, Användare and the device's Granskningslogg.
#[component]
pub fn ToolSections() -> impl IntoView {
    view! {
        <ToolSection id="sakerhetskopia" title=text::BACKUP_TITLE intro=text::BACKUP_INTRO
            open_label=text::BACKUP_OPEN tool=BACKUP_TOOL/>
        <ToolSection id="anvandare-rubrik" title=text::USERS_TITLE intro=text::USERS_INTRO
            open_label=text::USERS_OPEN tool=USERS_TOOL/>
        <ToolSection id="logg-rubrik" title=text::AUDIT_TITLE intro=text::AUDIT_INTRO
            open_label=text::AUDIT_OPEN tool=AUDIT_TOOL/>
    }
}
