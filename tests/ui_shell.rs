//! The static first screen in index.html (painted before the Wasm arrives) says what the app's own first screens
//! say, word for word, so nothing changes but the form when the app takes over.

use sip_planen::ui::text;

const INDEX: &str = include_str!("../index.html");

fn shell() -> &'static str {
    let start = INDEX
        .find("<div id=\"shell\">")
        .expect("index.html has the static shell");
    let end = INDEX[start..]
        .find("</body>")
        .expect("the shell is in the body");
    &INDEX[start..start + end]
}

#[test]
fn the_static_first_screen_carries_the_apps_own_texts() {
    let s = shell();
    for t in [
        text::APP_NAME,
        text::TAGLINE,
        text::NAV_LABEL,
        text::NAV_SETTINGS,
        text::SETUP_TITLE,
        text::SETUP_INTRO,
        text::SETUP_WARNING,
        text::UNLOCK_TITLE,
        text::UNLOCK_INTRO,
        text::STARTING,
        text::FOOTER_NOTE,
        text::FOOTER_A11Y,
    ] {
        assert!(s.contains(t), "index.html's shell lacks {t:?}");
    }
}

#[test]
fn the_static_first_screen_has_no_field_to_type_into_and_no_id_the_app_uses() {
    let s = shell();
    for tag in ["<input", "<textarea", "<select", "<form", "<button"] {
        assert!(
            !s.contains(tag),
            "the shell must not take input ({tag}): it is removed when the app starts"
        );
    }
    for id in [
        "id=\"innehall\"",
        "id=\"setup-title\"",
        "id=\"unlock-title\"",
    ] {
        assert!(!s.contains(id), "the shell repeats the app's {id}");
    }
}

#[test]
fn the_update_notice_of_index_html_says_what_the_apps_texts_say() {
    assert!(INDEX.contains(&format!("<p role=status>{}<button", text::UPDATE_READY)));
    assert!(INDEX.contains(&format!(">{}</button>", text::UPDATE_RELOAD)));
}
