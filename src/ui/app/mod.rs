//! The app: its state in context, the layout (header, lock, footer) and the routes.

mod audit;
pub mod conflict;
pub mod panic;
pub mod prefs;
mod saving;
pub mod session;
pub mod state;
pub mod steps;
pub mod tools;

use super::pages;
use super::platform;
use crate::ui::components::SaveStatus;
use crate::ui::steg;
use crate::ui::text;
use leptos::ev;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;
use state::{use_app, AppState, Session};
use std::time::Duration;

#[component]
pub fn App() -> impl IntoView {
    let app = AppState::new();
    provide_context(app);
    app.start();

    // Text size preference on <html>, so rem-based CSS scales everything.
    Effect::new(move |_| {
        let size = app.prefs.with(|p| p.text_size);
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-textstorlek", size.as_str());
        }
    });

    // Auto-lock after idle minutes: any key or pointer use counts as activity.
    let _k = window_event_listener(ev::keydown, move |_| app.touch());
    let _p = window_event_listener(ev::pointerdown, move |_| app.touch());
    let _ = set_interval_with_handle(move || app.check_idle(), Duration::from_secs(5));

    view! {
        <Router>
            <StaticShell/>
            <Chrome>
                <a class="skip-link" href="#innehall">{text::SKIP_LINK}</a>
                <Header/>
            </Chrome>
            <main id="innehall" tabindex="-1">
                <Routes fallback=|| view! { <NotFound/> }>
                    <Route path=path!("/") view=|| view! { <pages::gate::Gate><pages::att_gora::AttGora/></pages::gate::Gate> }/>
                    <Route path=path!("/arenden") view=|| view! { <pages::gate::Gate><pages::arenden::CaseList/></pages::gate::Gate> }/>
                    <Route path=path!("/arende/ny") view=|| view! { <pages::gate::Gate><pages::nytt_arende::NewCase/></pages::gate::Gate> }/>
                    <Route path=path!("/arende/:id") view=|| view! { <pages::gate::Gate><pages::arende::CasePage/></pages::gate::Gate> }/>
                    <Route path=path!("/arende/:id/:steg") view=|| view! { <pages::gate::Gate><pages::arende::CasePage/></pages::gate::Gate> }/>
                    <Route path=path!("/utskrift/samtycke/:id") view=|| view! { <pages::gate::Gate><pages::utskrift::ConsentForm/></pages::gate::Gate> }/>
                    <Route path=path!("/utskrift/kallelse/:id/:part") view=|| view! { <pages::gate::Gate><pages::utskrift::KallelseLetter/></pages::gate::Gate> }/>
                    <Route path=path!("/utskrift/plan/:id") view=|| view! { <pages::gate::Gate><pages::utskrift::PlanPrint/></pages::gate::Gate> }/>
                    <Route path=path!("/utskrift/plan/:id/:version") view=|| view! { <pages::gate::Gate><pages::utskrift::PlanPrint/></pages::gate::Gate> }/>
                    <Route path=path!("/storskarm/:id") view=steg::storskarm::BigScreen/>
                    <Route path=path!("/installningar") view=pages::installningar::Settings/>
                    <Route path=path!("/tillganglighet") view=pages::tillganglighet::Statement/>
                </Routes>
            </main>
            <Chrome>
                <footer class="site-footer">
                    <p>{text::FOOTER_NOTE}</p>
                    <A href="/tillganglighet">{text::FOOTER_A11Y}</A>
                </footer>
            </Chrome>
        </Router>
    }
}

/// The static first screen of index.html goes when the app has a screen of its own to show: the lock gate's (once
/// the store said whether it is set up), or at once on the pages without a gate.
#[component]
fn StaticShell() -> impl IntoView {
    let app = use_app();
    let location = leptos_router::hooks::use_location();
    Effect::new(move |_| {
        let gated = location.pathname.with(|p| {
            !(p.starts_with("/storskarm")
                || p.starts_with("/installningar")
                || p.starts_with("/tillganglighet"))
        });
        if !gated || app.session.get() != Session::Starting {
            platform::shell::remove();
        }
    });
}

/// The site's header and footer, left out on the big screen (it has no controls but full screen).
#[component]
fn Chrome(children: ChildrenFn) -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    let shown = move || !location.pathname.with(|p| p.starts_with("/storskarm"));
    view! { <Show when=shown>{children()}</Show> }
}

#[component]
fn Header() -> impl IntoView {
    let app = use_app();
    view! {
        <header class="site-header">
            <div class="brand">
                <A href="/" attr:class="brand-name">{text::APP_NAME}</A>
                <span class="brand-tagline">{text::TAGLINE}</span>
            </div>
            <nav aria-label=text::NAV_LABEL>
                <ul>
                    <Show when=move || app.session.get() == Session::Unlocked>
                        <li><TodoLink/></li>
                        <li><A href="/arenden">{text::NAV_CASES}</A></li>
                        <li><A href="/arende/ny">{text::NAV_NEW_CASE}</A></li>
                    </Show>
                    <li><A href="/installningar">{text::NAV_SETTINGS}</A></li>
                </ul>
            </nav>
            <Show when=move || app.session.get() == Session::Unlocked>
                <div class="header-tools">
                    <SaveStatus/>
                    <button type="button" class="button secondary" on:click=move |_| app.lock(session::LockReason::Manual)>
                        {text::LOCK}
                    </button>
                </div>
            </Show>
        </header>
    }
}

/// "Att göra" with the number of open deadlines as a badge (and in the link's name).
#[component]
fn TodoLink() -> impl IntoView {
    let app = use_app();
    let count = Memo::new(move |_| app.summaries.with(|cs| pages::att_gora::open_count(cs)));
    let label = move || match count.get() {
        0 => text::NAV_ATT_GORA.to_string(),
        1 => format!("{} 1 öppen", text::NAV_ATT_GORA),
        n => format!("{} {n} öppna", text::NAV_ATT_GORA),
    };
    view! {
        <A href="/" exact=true attr:aria-label=label>
            {text::NAV_ATT_GORA}
            <Show when=move || { count.get() > 0 }>
                " "<span class="badge" aria-hidden="true">{move || count.get()}</span>
            </Show>
        </A>
    }
}

#[component]
fn NotFound() -> impl IntoView {
    platform::set_title("Sidan finns inte");
    view! {
        <h1>"Sidan finns inte"</h1>
        <p><A href="/arenden">{text::CASE_BACK}</A></p>
    }
}
