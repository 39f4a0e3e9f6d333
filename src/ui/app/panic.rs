//! A panic must not leave a dead page: replace the page with a Swedish error and "Ladda om". Replacing the body
//! also removes any decrypted case data from the DOM.
//!
//! Two paths lead there. A build with unwinding information runs the panic hook below. The release build of the
//! site aborts at once on a panic (`panic=immediate-abort`, see `.ci/build.sh`): no hook runs and the Wasm traps, so
//! a small JavaScript listener — a wasm-bindgen snippet, served as a file of its own so the Content-Security-Policy
//! allows it — catches the trap and draws the same page without calling back into the stopped Wasm.

use crate::ui::text;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
export function show_crash_page(title, message, reload) {
  const main = document.createElement('main');
  main.className = 'crash';
  const alert = document.createElement('div');
  alert.setAttribute('role', 'alert');
  const h1 = document.createElement('h1');
  h1.textContent = title;
  const p = document.createElement('p');
  p.textContent = message;
  const button = document.createElement('button');
  button.type = 'button';
  button.id = 'ladda-om';
  button.className = 'button primary';
  button.textContent = reload;
  button.addEventListener('click', () => location.reload());
  alert.append(h1, p);
  main.append(alert, button);
  document.body.replaceChildren(main);
}

export function watch_traps(title, message, reload) {
  const trapped = (e) => e instanceof WebAssembly.RuntimeError;
  window.addEventListener('error', (e) => { if (trapped(e.error)) show_crash_page(title, message, reload); });
  window.addEventListener('unhandledrejection', (e) => {
    if (trapped(e.reason)) show_crash_page(title, message, reload);
  });
}
"#)]
extern "C" {
    fn show_crash_page(title: &str, message: &str, reload: &str);
    fn watch_traps(title: &str, message: &str, reload: &str);
}

pub fn install() {
    watch_traps(text::CRASH_TITLE, text::CRASH_TEXT, text::CRASH_RELOAD);
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_crash_page(text::CRASH_TITLE, text::CRASH_TEXT, text::CRASH_RELOAD);
    }));
}
