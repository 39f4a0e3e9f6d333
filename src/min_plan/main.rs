//! "Min plan": the person's own read-only plan, opened on their phone from a link and a code — its own small Wasm
//! beside the coordinator's app (no store, no process engine, no Leptos): the link's fragment is opened with the
//! code ([`sip_planen::store::share`]), read as the engine's person projection and drawn with plain DOM calls, in the
//! language the person chose (remembered on the device).

mod lang;

use lang::{Lang, LANGS};
use sip_planen::engine::board::BoardView;
use sip_planen::engine::calendar::iso;
use sip_planen::engine::share::{SealedLink, ShareCode};
use sip_planen::engine::views::person::{PersonPlan, PersonPlanState};
use sip_planen::store::share::{open_link, ShareError};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlInputElement, HtmlSelectElement};

const LANG_KEY: &str = "sip-planen.min-plan.sprak";
const LARGE_KEY: &str = "sip-planen.min-plan.stor-text";

enum Screen {
    /// The code form, with the error of the last try (a catalogue key) and whether it is opening.
    Code {
        error: Option<&'static str>,
        busy: bool,
    },
    Plan(Box<PersonPlan>),
    /// The link cannot be read at all.
    Damaged,
}

struct State {
    lang: &'static Lang,
    screen: Screen,
    typed: String,
    link: Option<SealedLink>,
}

thread_local! {
    static STATE: RefCell<Option<State>> = const { RefCell::new(None) };
}

fn doc() -> Option<Document> {
    web_sys::window()?.document()
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn el(d: &Document, tag: &str, class: &str, text: &str) -> Option<Element> {
    let e = d.create_element(tag).ok()?;
    if !class.is_empty() {
        e.set_class_name(class);
    }
    // The plan's own words stay as written, in Swedish, whatever the page's language.
    if class == "own" {
        let _ = e.set_attribute("lang", "sv");
        let _ = e.set_attribute("dir", "auto");
    }
    if !text.is_empty() {
        e.set_text_content(Some(text));
    }
    Some(e)
}

fn add(parent: &Element, child: Option<Element>) -> Option<Element> {
    let c = child?;
    parent.append_child(&c).ok()?;
    Some(c)
}

fn on(e: &Element, event: &str, f: impl FnMut(web_sys::Event) + 'static) {
    let cb = Closure::<dyn FnMut(web_sys::Event)>::new(f);
    let _ = e.add_event_listener_with_callback(event, cb.as_ref().unchecked_ref());
    cb.forget();
}

fn with_state<R>(f: impl FnOnce(&mut State) -> R) -> Option<R> {
    STATE.with(|s| s.borrow_mut().as_mut().map(f))
}

fn main() {
    let lang = storage()
        .and_then(|s| s.get_item(LANG_KEY).ok().flatten())
        .map_or(&LANGS[0], |c| Lang::by_code(&c));
    let fragment = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    let link = SealedLink::from_fragment(&fragment);
    let screen = if link.is_some() {
        Screen::Code {
            error: None,
            busy: false,
        }
    } else {
        Screen::Damaged
    };
    STATE.with(|s| {
        *s.borrow_mut() = Some(State {
            lang,
            screen,
            typed: String::new(),
            link,
        })
    });
    if let Some(d) = doc() {
        let large = storage()
            .and_then(|s| s.get_item(LARGE_KEY).ok().flatten())
            .is_some();
        if let Some(html) = d.document_element() {
            let _ = html.class_list().toggle_with_force("stor-text", large);
        }
    }
    render();
}

/// Draws the whole page from the state (it is small; a language change or an answer redraws it).
fn render() {
    let Some(d) = doc() else { return };
    let Some(root) = d.get_element_by_id("app") else {
        return;
    };
    let Some((lang, code)) = with_state(|s| (s.lang, s.typed.clone())) else {
        return;
    };
    if let Some(html) = d.document_element() {
        let _ = html.set_attribute("lang", lang.html_lang);
        let _ = html.set_attribute("dir", lang.dir);
    }
    root.set_text_content(None);
    tools(&d, &root, lang);
    let Some(main) = add(&root, el(&d, "main", "", "")) else {
        return;
    };
    let _ = main.set_attribute("id", "innehall");
    let shown = with_state(|s| match &s.screen {
        Screen::Plan(p) => {
            plan(&d, &main, lang, p);
            None
        }
        Screen::Damaged => Some((Some("err_damaged"), false, false)),
        Screen::Code { error, busy } => Some((*error, *busy, true)),
    })
    .flatten();
    if let Some((error, busy, form)) = shown {
        d.set_title(lang.t("app_title"));
        add(&main, el(&d, "h1", "", lang.t("app_title")));
        if form {
            code_form(&d, &main, lang, &code, error, busy);
        } else if let Some(e) = error {
            if let Some(p) = add(&main, el(&d, "p", "error", lang.t(e))) {
                let _ = p.set_attribute("role", "alert");
            }
        }
    }
}

/// The language menu and, on a plan, "Stor text" and "Skriv ut".
fn tools(d: &Document, root: &Element, lang: &'static Lang) {
    let Some(bar) = add(root, el(d, "header", "tools", "")) else {
        return;
    };
    let Some(label) = add(&bar, el(d, "label", "", lang.t("lang_label"))) else {
        return;
    };
    let _ = label.set_attribute("for", "sprak");
    let Some(select) = add(&bar, el(d, "select", "", "")) else {
        return;
    };
    let _ = select.set_attribute("id", "sprak");
    let _ = select.set_attribute("autocomplete", "off");
    for l in &LANGS {
        if let Some(o) = add(&select, el(d, "option", "", l.t("lang_name"))) {
            let _ = o.set_attribute("value", l.code);
            let _ = o.set_attribute("lang", l.html_lang);
            if l.code == lang.code {
                let _ = o.set_attribute("selected", "");
            }
        }
    }
    on(&select, "change", |ev| {
        let Some(s) = ev
            .target()
            .and_then(|t| t.dyn_into::<HtmlSelectElement>().ok())
        else {
            return;
        };
        let code = s.value();
        if let Some(st) = storage() {
            let _ = st.set_item(LANG_KEY, &code);
        }
        with_state(|state| state.lang = Lang::by_code(&code));
        render();
        if let Some(s) = doc().and_then(|d| d.get_element_by_id("sprak")) {
            let _ = s.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    });
    let showing_plan = with_state(|s| matches!(s.screen, Screen::Plan(_))).unwrap_or(false);
    if !showing_plan {
        return;
    }
    let Some(large) = add(&bar, el(d, "button", "button", lang.t("large_text"))) else {
        return;
    };
    let _ = large.set_attribute("type", "button");
    let on_now = d
        .document_element()
        .is_some_and(|h| h.class_list().contains("stor-text"));
    let _ = large.set_attribute("aria-pressed", if on_now { "true" } else { "false" });
    on(&large, "click", |ev| {
        let Some(html) = doc().and_then(|d| d.document_element()) else {
            return;
        };
        let now = html.class_list().toggle("stor-text").unwrap_or(false);
        if let Some(st) = storage() {
            let _ = if now {
                st.set_item(LARGE_KEY, "1")
            } else {
                st.remove_item(LARGE_KEY)
            };
        }
        if let Some(b) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) {
            let _ = b.set_attribute("aria-pressed", if now { "true" } else { "false" });
        }
    });
    let Some(print) = add(&bar, el(d, "button", "button", lang.t("print"))) else {
        return;
    };
    let _ = print.set_attribute("type", "button");
    on(&print, "click", |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
}

fn code_form(
    d: &Document,
    main: &Element,
    lang: &'static Lang,
    typed: &str,
    error: Option<&'static str>,
    busy: bool,
) {
    add(main, el(d, "p", "", lang.t("code_intro")));
    let Some(form) = add(main, el(d, "form", "", "")) else {
        return;
    };
    let _ = form.set_attribute("novalidate", "");
    let Some(field) = add(&form, el(d, "div", "field", "")) else {
        return;
    };
    if let Some(l) = add(&field, el(d, "label", "", lang.t("code_heading"))) {
        let _ = l.set_attribute("for", "kod");
    }
    if let Some(h) = add(&field, el(d, "p", "hint", lang.t("code_hint"))) {
        let _ = h.set_attribute("id", "kod-hint");
    }
    let Some(input) = add(&field, el(d, "input", "", "")) else {
        return;
    };
    for (k, v) in [
        ("id", "kod"),
        ("type", "text"),
        ("autocomplete", "off"),
        ("autocapitalize", "characters"),
        ("spellcheck", "false"),
        ("dir", "ltr"),
        (
            "aria-describedby",
            if error.is_some() {
                "kod-hint kod-fel"
            } else {
                "kod-hint"
            },
        ),
    ] {
        let _ = input.set_attribute(k, v);
    }
    if error.is_some() {
        let _ = input.set_attribute("aria-invalid", "true");
    }
    if let Ok(i) = input.clone().dyn_into::<HtmlInputElement>() {
        i.set_value(typed);
    }
    on(&input, "input", |ev| {
        if let Some(i) = ev
            .target()
            .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        {
            let v = i.value();
            with_state(|s| s.typed = v);
        }
    });
    if let Some(e) = error {
        if let Some(p) = add(&field, el(d, "p", "error", lang.t(e))) {
            let _ = p.set_attribute("id", "kod-fel");
            let _ = p.set_attribute("role", "alert");
        }
    }
    if busy {
        if let Some(p) = add(&form, el(d, "p", "", lang.t("opening"))) {
            let _ = p.set_attribute("role", "status");
        }
    }
    if let Some(b) = add(
        &form,
        el(d, "button", "button primary", lang.t("open_button")),
    ) {
        let _ = b.set_attribute("type", "submit");
    }
    on(&form, "submit", |ev| {
        ev.prevent_default();
        submit();
    });
}

fn submit() {
    let Some((typed, link, busy)) = with_state(|s| {
        (
            s.typed.clone(),
            s.link.clone(),
            matches!(s.screen, Screen::Code { busy: true, .. }),
        )
    }) else {
        return;
    };
    if busy {
        return;
    }
    let (Some(code), Some(link)) = (ShareCode::parse(&typed), link) else {
        with_state(|s| {
            s.screen = Screen::Code {
                error: Some("err_code_form"),
                busy: false,
            }
        });
        render();
        focus("kod");
        return;
    };
    with_state(|s| {
        s.screen = Screen::Code {
            error: None,
            busy: true,
        }
    });
    render();
    wasm_bindgen_futures::spawn_local(async move {
        let opened = open_link(&link, &code).await;
        let screen = match opened.map(|text| PersonPlan::decode(&text)) {
            Ok(Some(p)) => Screen::Plan(Box::new(p)),
            Ok(None) | Err(ShareError::Damaged) => Screen::Damaged,
            Err(ShareError::WrongCode) => Screen::Code {
                error: Some("err_wrong_code"),
                busy: false,
            },
            Err(ShareError::Unsupported) => Screen::Code {
                error: Some("err_unsupported"),
                busy: false,
            },
        };
        let plan = matches!(screen, Screen::Plan(_));
        with_state(|s| s.screen = screen);
        render();
        focus(if plan { "plan-rubrik" } else { "kod" });
    });
}

fn focus(id: &str) {
    if let Some(e) = doc().and_then(|d| d.get_element_by_id(id)) {
        let _ = e.unchecked_into::<web_sys::HtmlElement>().focus();
    }
}

fn fill(template: &str, plan: &PersonPlan) -> String {
    template
        .replace("{title}", &plan.plan.title)
        .replace("{name}", &plan.plan.first_name)
        .replace("{date}", &iso(plan.date))
        .replace("{version}", &plan.version.to_string())
}

/// The plan, in the order the person reads it.
fn plan(d: &Document, main: &Element, lang: &'static Lang, p: &PersonPlan) {
    let b: &BoardView = &p.plan;
    let title = fill(lang.t("plan_title"), p);
    d.set_title(&format!("{title} – {}", lang.t("app_title")));
    if let Some(h) = add(main, el(d, "h1", "", &title)) {
        let _ = h.set_attribute("id", "plan-rubrik");
        let _ = h.set_attribute("tabindex", "-1");
    }
    let state = match p.state {
        PersonPlanState::Galler => "state_galler",
        PersonPlanState::Ersatt => "state_ersatt",
        PersonPlanState::Avslutad => "state_avslutad",
        PersonPlanState::Makulerad => "state_makulerad",
    };
    let class = if p.state == PersonPlanState::Galler {
        "state"
    } else {
        "state old"
    };
    add(main, el(d, "p", class, lang.t(state)));
    add(main, el(d, "p", "", &fill(lang.t("version_from"), p)));
    if p.state == PersonPlanState::Avslutad {
        section(d, main, lang.t("where_to_turn_heading"), |s| {
            add(s, el(d, "p", "", lang.t("where_to_turn")));
        });
    }
    let own = |text: &str| el(d, "p", "own", text);
    let list = |s: &Element, items: &[String]| {
        if let Some(ul) = add(s, el(d, "ul", "", "")) {
            for i in items {
                add(&ul, el(d, "li", "own", i));
            }
        }
    };
    if !b.needs.is_empty() {
        section(d, main, lang.t("needs"), |s| list(s, &b.needs));
    }
    if !b.long_term_goal.is_empty() {
        section(d, main, lang.t("goal"), |s| {
            add(s, own(&b.long_term_goal));
        });
    }
    if !b.delmal.is_empty() {
        section(d, main, lang.t("delmal"), |s| list(s, &b.delmal));
    }
    if !b.self_does.is_empty() {
        section(d, main, lang.t("self_does"), |s| {
            add(s, own(&b.self_does));
        });
    }
    if !b.help_needed.is_empty() {
        section(d, main, lang.t("help_needed"), |s| {
            add(s, own(&b.help_needed));
        });
    }
    if !b.insatser.is_empty() {
        section(d, main, lang.t("insatser"), |s| {
            for i in &b.insatser {
                let Some(item) = add(s, el(d, "div", "insats", "")) else {
                    continue;
                };
                add(&item, el(d, "h3", "own", &i.what));
                let Some(dl) = add(&item, el(d, "dl", "", "")) else {
                    continue;
                };
                for (k, v) in [("who", &i.who), ("when", &i.when), ("where", &i.place)] {
                    if !v.is_empty() {
                        add(&dl, el(d, "dt", "", lang.t(k)));
                        add(&dl, el(d, "dd", "own", v));
                    }
                }
            }
        });
    }
    let lines = |s: &Element, items: &[sip_planen::engine::board::BoardLine]| {
        let texts: Vec<String> = items
            .iter()
            .map(|l| format!("{}: {}", l.who, l.text))
            .collect();
        list(s, &texts);
    };
    if !b.others.is_empty() {
        section(d, main, lang.t("others"), |s| lines(s, &b.others));
    }
    if !b.contacts.is_empty() {
        section(d, main, lang.t("contacts"), |s| lines(s, &b.contacts));
    }
    if !b.huvudansvarig.is_empty() {
        section(d, main, lang.t("huvudansvarig"), |s| {
            add(s, own(&b.huvudansvarig));
        });
    }
    if !b.follow_up.is_empty() && p.state == PersonPlanState::Galler {
        section(d, main, lang.t("follow_up"), |s| {
            add(s, own(&b.follow_up));
        });
    }
    if !b.disagreements.is_empty() {
        section(d, main, lang.t("disagreements"), |s| {
            list(s, &b.disagreements)
        });
    }
    print_qr(d, main, lang);
    if let Some(f) = add(main, el(d, "footer", "", "")) {
        add(&f, el(d, "p", "", lang.t("free")));
        add(&f, el(d, "p", "", lang.t("own_plan")));
        if lang.code != "sv" && lang.code != "lattlast" {
            add(&f, el(d, "p", "", lang.t("own_words")));
        }
    }
}

fn section(d: &Document, main: &Element, heading: &str, body: impl FnOnce(&Element)) {
    if let Some(s) = add(main, el(d, "section", "", "")) {
        add(&s, el(d, "h2", "", heading));
        body(&s);
    }
}

/// On paper only: a QR code of this page's address (the link, never the code), so the person can open the plan on a
/// phone again from the printout.
fn print_qr(d: &Document, main: &Element, lang: &'static Lang) {
    let Some(href) = web_sys::window().and_then(|w| w.location().href().ok()) else {
        return;
    };
    let Some(svg) = sip_planen::ui::components::qr_svg(d, &href, lang.t("qr_caption")) else {
        return;
    };
    let Some(fig) = add(main, el(d, "figure", "print-only", "")) else {
        return;
    };
    let _ = fig.append_child(&svg);
    add(&fig, el(d, "figcaption", "", lang.t("qr_caption")));
}
