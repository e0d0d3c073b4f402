//! Offline and installable (issue #14): registers the service worker `sw.js` (written into each build by
//! `scripts/pwa.mjs`, see `scripts/sw.js`) and shows a quiet notice when a new version is ready.
//!
//! Versions never mix. The build version is in `<meta name="vtre-build">`; the page asks every new worker
//! for its version (`vtre:version`) and a worker announces itself when installed. A worker of the page's own
//! build (the network sent this page while an older worker still controlled it) is activated at once, with
//! no notice; one of another build waits until the reader presses "reload" (it is then told
//! `vtre:skip-waiting`, and the page reloads when it takes control). Until then the page keeps its own files:
//! its worker answers from its cache, and the page's on-demand files carry `?v=<build>` ([`versioned`]).
//!
//! Not registered in the embedded widget, in the single-file build (no `sw.js` beside it), where the browser
//! has no `navigator.serviceWorker` (plain http other than localhost), or without the build meta.

use super::state::{t, LangCtx};
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use vtre_i18n::Msg;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{ServiceWorker, ServiceWorkerRegistration, ServiceWorkerState};

/// Whether a new version waits (the notice shows).
#[derive(Clone, Copy)]
pub struct UpdateCtx(pub RwSignal<bool>);

thread_local! {
    /// The worker of the new version, told to take over when the reader reloads.
    static PENDING: RefCell<Option<ServiceWorker>> = const { RefCell::new(None) };
    /// The reader asked to reload: do it when the new worker takes control.
    static RELOAD: Cell<bool> = const { Cell::new(false) };
}

const ASK: &str = "vtre:version";
const ANSWER: &str = "vtre:version:";
const SKIP_WAITING: &str = "vtre:skip-waiting";

/// This build's version (`<meta name="vtre-build">`), if the page has one.
pub fn build_version() -> Option<String> {
    document()
        .query_selector("meta[name=vtre-build]")
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
        .filter(|v| !v.is_empty())
}

/// `path` with `?v=<build>`, so a worker of another build leaves it to the network.
pub fn versioned(path: &str) -> String {
    match build_version() {
        Some(v) => format!("{path}?v={v}"),
        None => path.to_string(),
    }
}

fn ask(w: &ServiceWorker) {
    let _ = w.post_message(&ASK.into());
}

/// Registers the service worker once the page has loaded, and follows new versions. `ready` turns on when a
/// version other than the page's own is ready.
pub fn register(ready: RwSignal<bool>) {
    let w = window();
    let has = |o: &JsValue, k: &str| js_sys::Reflect::has(o, &k.into()).unwrap_or(false);
    if !has(&w.navigator(), "serviceWorker") || has(&w, "__vtrePages") {
        return;
    }
    let Some(build) = build_version() else {
        return;
    };
    let sw = w.navigator().service_worker();
    gloo_events::EventListener::new(&sw, "message", move |ev| {
        let Some(ev) = ev.dyn_ref::<web_sys::MessageEvent>() else {
            return;
        };
        let Some(text) = ev.data().as_string() else {
            return;
        };
        let Some(version) = text.strip_prefix(ANSWER) else {
            return;
        };
        let Some(worker) = ev.source().and_then(|s| s.dyn_into::<ServiceWorker>().ok()) else {
            return;
        };
        if version == build {
            // The page's own build: let it take over now (a no-op for the active worker).
            let _ = worker.post_message(&SKIP_WAITING.into());
        } else {
            PENDING.with(|p| *p.borrow_mut() = Some(worker));
            ready.set(true);
        }
    })
    .forget();
    let container = sw.clone();
    gloo_events::EventListener::new(&sw, "controllerchange", move |_| {
        if RELOAD.with(Cell::get) {
            let _ = window().location().reload();
        } else if let Some(c) = container.controller() {
            ask(&c);
        }
    })
    .forget();
    let sw2 = sw.clone();
    let start = move || {
        let sw = sw2;
        let opts = web_sys::RegistrationOptions::new();
        opts.set_scope("./");
        let promise = sw.register_with_options("sw.js", &opts);
        leptos::task::spawn_local(async move {
            let Ok(reg) = wasm_bindgen_futures::JsFuture::from(promise).await else {
                return;
            };
            // Not a registration (a browser or a test harness that blocks service workers resolves with
            // nothing): nothing to follow.
            let Ok(reg) = reg.dyn_into::<ServiceWorkerRegistration>() else {
                return;
            };
            for worker in [reg.installing(), reg.waiting()].into_iter().flatten() {
                ask(&worker);
            }
            // A reader coming back to a tab left open looks for a new deployment.
            gloo_events::EventListener::new(&document(), "visibilitychange", move |_| {
                if !document().hidden() {
                    let _ = reg.update();
                }
            })
            .forget();
        });
    };
    // A first visit precaches the whole build (about 0.5 MB gzip): not while a phone is still loading what it
    // needs to show and answer, but after the reader's first interaction, or after [`PRECACHE_AFTER_MS`] of
    // a page left alone. A page a worker already controls only checks for an update, after its load.
    let controlled = sw.controller().is_some();
    let once = std::rc::Rc::new(Cell::new(Some(start)));
    let go = move || {
        if let Some(f) = once.take() {
            f();
        }
    };
    if controlled {
        if document().ready_state() == "complete" {
            go();
        } else {
            gloo_events::EventListener::once(&w, "load", move |_| go()).forget();
        }
        return;
    }
    for ev in ["pointerdown", "keydown"] {
        let go = go.clone();
        gloo_events::EventListener::once(&w, ev, move |_| go()).forget();
    }
    set_timeout(go, std::time::Duration::from_millis(PRECACHE_AFTER_MS));
}

/// How long a first visit waits without an interaction before it precaches the build for offline use.
pub const PRECACHE_AFTER_MS: u64 = 10_000;

/// Activates the waiting version and reloads when it has taken over (or after 3 s in any case).
fn reload_now() {
    RELOAD.with(|r| r.set(true));
    let worker = PENDING.with(|p| p.borrow_mut().take());
    match worker {
        Some(w) if w.state() != ServiceWorkerState::Activated => {
            let _ = w.post_message(&SKIP_WAITING.into());
            set_timeout(
                || {
                    let _ = window().location().reload();
                },
                std::time::Duration::from_secs(3),
            );
        }
        _ => {
            let _ = window().location().reload();
        }
    }
}

/// The quiet "new version" notice, in a polite live region that is always present.
#[component]
pub fn UpdateNotice() -> impl IntoView {
    let LangCtx(lang) = expect_context();
    let UpdateCtx(ready) = expect_context();
    view! {
        <div class="notices update-slot" role="status" aria-live="polite">
            <div class="notice update" data-update="ready" hidden=move || !ready.get()>
                <p>{t(lang, Msg::UpdateReady)}</p>
                <div class="notice-actions">
                    <button class="primary" data-action="reload" on:click=move |_| reload_now()>{t(lang, Msg::Reload)}</button>
                    <button class="dismiss" data-action="later" on:click=move |_| ready.set(false)>{t(lang, Msg::Later)}</button>
                </div>
            </div>
        </div>
    }
}
