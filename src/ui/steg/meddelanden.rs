//! Meddelanden (R-INIT-7): information messages on the case, newest first.

use super::run;
use crate::engine::{Case, Command};
use crate::ui::app::state::use_app;
use crate::ui::components::{Explain, Field};
use crate::ui::platform::format_time;
use leptos::prelude::*;

#[component]
pub fn Meddelanden(case: Memo<Option<Case>>) -> impl IntoView {
    let app = use_app();
    let error = RwSignal::new(None);
    let author = RwSignal::new(String::new());
    let body = RwSignal::new(String::new());
    let messages = move || {
        case.with(|c| {
            c.as_ref()
                .map(|c| {
                    c.messages_newest_first()
                        .into_iter()
                        .cloned()
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let send = move |_| {
        if run(
            app,
            case,
            Command::AddMessage {
                author: author.get_untracked(),
                text: body.get_untracked(),
            },
            error,
        ) {
            body.set(String::new());
        }
    };
    view! {
        <h2>"Meddelanden"</h2>
        <p class="hint">"Informationsmeddelanden mellan deltagarna, till exempel för att komma överens om en tid. Skriv aldrig personnummer i ett meddelande."</p>
        <section class="card" aria-labelledby="nytt-meddelande">
            <h3 id="nytt-meddelande">"Nytt meddelande"</h3>
            <Field id="avsandare" label="Från" value=author/>
            <Field id="meddelande" label="Meddelande" value=body multiline=true/>
            <Explain violation=error/>
            <button type="button" class="button primary" on:click=send>"Skicka meddelande"</button>
        </section>
        <ol class="messages" aria-label="Meddelanden, nyast först">
            {move || messages().into_iter().map(|m| view! {
                <li class="message"><p class="message-meta"><strong>{m.author}</strong>" · "{format_time(m.at)}</p><p>{m.text}</p></li>
            }).collect_view()}
        </ol>
    }
}
