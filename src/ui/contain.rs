//! Containment of a panic (issue 24): a failing part stops alone, the rest of the page keeps working, and the
//! reader's scenario is never lost.
//!
//! The release build aborts on panic (`panic = "abort"`: unwinding would cost size and is unstable on
//! wasm32), so `catch_unwind` cannot catch anything: a panic is a wasm trap. A trap unwinds the wasm stack to
//! the nearest JavaScript frame, which sees it as an exception. [`guarded`] puts such a frame around a part's
//! work: it calls the work through a JavaScript function (`Function.call`, whose binding catches), so a trap
//! inside ends that call and the caller carries on. The part is then marked failed and never run again (the
//! component shows [`Msg::PartFailed`] and a reload button); the trapped frames' own data is leaked, nothing
//! else. For that to hold, the guarded work must own what it uses: no signal read or borrow held across the
//! call (a lock held by a trapped frame would never be released). Chart drawing is guarded that way.
//!
//! A panic anywhere else (a component's render, an effect) may leave the app's reactive state half-updated,
//! so the hook then shows a banner in the reader's language with a reload link, after first writing what
//! the page had not saved yet (the share link in the address bar and the autosaved working scenario, which
//! are otherwise written 250 ms after the last change).

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use vtre_i18n::{Lang, Msg};
use vtre_model::Scenario;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The page's address parameters other than the scenario (language, page, section, compared scenarios) and
/// the working scenario's storage key (`None` in the widget, which does not autosave): what the hook needs to
/// write the reader's latest scenario as the page would.
pub struct Page {
    pub params: Vec<(&'static str, Option<String>)>,
    pub working_key: Option<String>,
}

thread_local! {
    /// The guarded part running now (a panic now is that part's alone).
    static RUNNING: Cell<Option<&'static str>> = const { Cell::new(None) };
    /// The parts that failed (never run again).
    static FAILED: RefCell<Vec<&'static str>> = const { RefCell::new(Vec::new()) };
    static PAGE: RefCell<Option<Page>> = const { RefCell::new(None) };
    /// The scenario of the last edit, until the page has saved it (the address bar and the autosave are
    /// written 250 ms after the last change).
    static LATEST: RefCell<Option<Scenario>> = const { RefCell::new(None) };
    /// The reader's language, for the banner (the hook cannot read a signal).
    static LANG: Cell<Lang> = const { Cell::new(Lang::Zh) };
}

/// Remembers the page's other address parameters and its autosave key (on every change of them).
pub fn set_page(p: Page) {
    PAGE.with(|x| {
        if let Ok(mut x) = x.try_borrow_mut() {
            *x = Some(p);
        }
    });
}

/// Notes an edit's scenario (called by every edit, before any effect runs).
pub fn note_edit(s: &Scenario) {
    LATEST.with(|x| {
        if let Ok(mut x) = x.try_borrow_mut() {
            *x = Some(s.clone());
        }
    });
}

/// The page has written the address bar and the autosave: nothing is unsaved.
pub fn saved() {
    LATEST.with(|x| {
        if let Ok(mut x) = x.try_borrow_mut() {
            *x = None;
        }
    });
}

/// Keeps the banner's language in step with the page's.
pub fn set_lang(l: Lang) {
    LANG.with(|x| x.set(l));
}

/// Whether `part` has failed.
pub fn failed(part: &str) -> bool {
    FAILED.with(|f| f.try_borrow().map(|f| f.contains(&part)).unwrap_or(true))
}

/// Runs `work` so that a panic inside stops only it: `Some(result)`, or `None` if it panicked now or before
/// (then the part is marked failed and not run again). `work` must own what it uses (see the module notes).
pub fn guarded<T: 'static>(part: &'static str, work: impl FnOnce() -> T + 'static) -> Option<T> {
    if failed(part) {
        return None;
    }
    let out: Rc<Cell<Option<T>>> = Rc::new(Cell::new(None));
    let slot = out.clone();
    let call = Closure::once_into_js(move || {
        #[cfg(feature = "fault-injection")]
        inject(part);
        let v = work();
        slot.set(Some(v));
    });
    let before = RUNNING.with(|r| r.replace(Some(part)));
    let ran = call
        .unchecked_ref::<js_sys::Function>()
        .call0(&JsValue::NULL);
    RUNNING.with(|r| r.set(before));
    match ran {
        Ok(_) => out.take(),
        Err(_) => {
            FAILED.with(|f| {
                if let Ok(mut f) = f.try_borrow_mut() {
                    f.push(part);
                }
            });
            if let Some(root) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.document_element())
            {
                // For tests and support: which parts stopped.
                let _ = root.set_attribute(
                    "data-failed-parts",
                    &FAILED.with(|f| f.try_borrow().map(|f| f.join(" ")).unwrap_or_default()),
                );
            }
            None
        }
    }
}

/// A test build's fault: `?fault=<part>` (e.g. `chart:co2`) makes that part panic. Only with the
/// `fault-injection` feature (`scripts/test.sh` builds one for `tests/e2e/contain.test.mjs`); never in the
/// release build.
#[cfg(feature = "fault-injection")]
pub fn inject(part: &str) {
    let q = super::state::query();
    if vtre_codec::link::query_param(&q, "fault").as_deref() == Some(part) {
        // Said first: the release build's panic is a trap that prints no message.
        web_sys::console::error_1(&format!("injected fault in {part}").into());
        panic!("injected fault in {part}");
    }
}

/// Installs what runs after a panic outside a guarded part: it writes what was unsaved and shows the banner.
///
/// The release build makes a panic an immediate trap (`-Cpanic=immediate-abort`, scripts/wasm-env.sh): no
/// hook runs, and the trap reaches the JavaScript frame that called into the module. Inside a guarded part
/// that frame is [`guarded`]'s call, which catches it; anywhere else it is the browser's event, timer or
/// promise dispatch, which reports it to the page's `error` / `unhandledrejection` listeners: those below
/// (a `WebAssembly.RuntimeError` only: an error of the page's own scripts is not the module's). A build with
/// the prebuilt std (a plain `cargo build`, `trunk serve` without scripts/wasm-env.sh) runs the hook first,
/// then traps; the listener then finds the banner shown and nothing unsaved.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        if RUNNING.with(Cell::get).is_some() {
            // A guarded part: its component says so once the call has returned.
            return;
        }
        after_panic();
    }));
    let Some(w) = web_sys::window() else { return };
    for (event, field) in [("error", "error"), ("unhandledrejection", "reason")] {
        // For the page's lifetime, as the hook is.
        gloo_events::EventListener::new(&w, event, move |ev| {
            let is_trap = js_sys::Reflect::get(ev, &JsValue::from_str(field))
                .is_ok_and(|e| e.is_instance_of::<js_sys::WebAssembly::RuntimeError>());
            if is_trap {
                after_panic();
            }
        })
        .forget();
    }
}

/// Saves what the page had not saved yet and shows the banner, unless this module has handed over to the
/// full module (then it owns nothing on the page any more).
fn after_panic() {
    if super::handover::retired() {
        return;
    }
    save_unsaved();
    banner();
}

/// The reload action of a failed part: saves what is unsaved, then reloads the page (which opens the same
/// scenario from the address bar).
pub fn reload() {
    save_unsaved();
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}

/// Writes the share link into the address bar and the working scenario into storage, if a change had not
/// been saved yet. Best effort: each step on its own.
fn save_unsaved() {
    let Some(latest) = LATEST.with(|x| x.try_borrow_mut().ok().and_then(|mut x| x.take())) else {
        return;
    };
    let Some(page) = PAGE.with(|x| x.try_borrow_mut().ok().and_then(|mut x| x.take())) else {
        return;
    };
    let Some(w) = web_sys::window() else { return };
    let mut params = vec![("s", Some(vtre_codec::link::encode(&latest)))];
    params.extend(page.params);
    if let Ok(h) = w.history() {
        let url = super::state::url_with(&params);
        let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
    if let (Some(key), Ok(Some(store))) = (page.working_key, w.local_storage()) {
        let now = js_sys::Date::now();
        let _ = store.set_item(&key, &vtre_codec::library::working_entry_json(&latest, now));
    }
}

/// The banner at the top of the page: what happened, that the scenario is kept, and a reload link (a plain
/// link to this address, which now carries the scenario: it works even if the app no longer runs).
fn banner() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if doc.get_element_by_id("panic-banner").is_some() {
        return;
    }
    let l = LANG.with(Cell::get);
    let href = doc
        .location()
        .and_then(|l| l.href().ok())
        .unwrap_or_default();
    let (Ok(div), Ok(a), Some(body)) = (
        doc.create_element("div"),
        doc.create_element("a"),
        doc.body(),
    ) else {
        return;
    };
    div.set_id("panic-banner");
    let _ = div.set_attribute("role", "alert");
    let _ = div.set_attribute("class", "panic-banner");
    div.set_text_content(Some(Msg::PanicBanner.text(l)));
    let _ = a.set_attribute("href", &href);
    let _ = a.set_attribute("class", "reload");
    a.set_text_content(Some(Msg::Reload.text(l)));
    let _ = div.append_with_node_1(&a);
    let _ = body.prepend_with_node_1(&div);
}
