//! Two modules, one app (issue 20: a 250 KB start). The page loads the *core* module: this crate built
//! without the `full` feature — the explorer (levers, charts, headline, scorecard, the widget, share and
//! the printed handout). Everything else (the scenarios panel, the embed dialog, comparisons, the toolbar's
//! file actions, the analysis and reading pages) is in the *full* module: the same crate with `full`, built by
//! `scripts/postbuild.sh` beside it and named in `<meta name="vtre-full">`. It is fetched when the reader
//! first asks for one of those parts (or opens a link that shows one), never before, so a phone that only
//! explores downloads the core alone.
//!
//! The full module takes over the core the way the core takes over the pre-rendered first view: once it has
//! started, it sends `vtre-leave` to the window; the core then writes the reader's scenario into the address
//! bar and the autosave at once (with what was asked for, `view=` or `open=`), retires (its listeners and
//! timers do nothing any more) and removes its elements; the full module mounts in the same task and opens
//! the scenario from the address bar, under the same tab token (`<html data-tab>`), so it is one working
//! scenario, not two. While the full module loads, the core keeps working and says so; if it cannot load
//! (offline without a cached copy), the core says that and keeps working.

use super::toolbar::FileAction;
use std::cell::{Cell, RefCell};
use vtre_codec::link::query_param;

/// The event the full module sends when it takes over.
pub const LEAVE_EVENT: &str = "vtre-leave";

thread_local! {
    static RETIRED: Cell<bool> = const { Cell::new(false) };
    /// The focus selector and scroll position of the core module when the full module took over.
    static RESTORE: Cell<Option<(Option<String>, f64)>> = const { Cell::new(None) };
    /// The full module was needed at start but could not be loaded: the core shows the explorer instead.
    static FELL_BACK: Cell<bool> = const { Cell::new(false) };
    /// What the reader asked for that the full module shows: a `view=` or an `open=` parameter.
    static WANT: RefCell<Vec<(&'static str, Option<String>)>> = const { RefCell::new(Vec::new()) };
    /// In the core module: its mounted app (Leptos' unmount handle), dropped when the full module takes over.
    static MOUNTED: RefCell<Option<Box<dyn std::any::Any>>> = const { RefCell::new(None) };
}

/// In the core module: keeps the mounted app's unmount handle until the full module takes over.
pub fn keep_mounted(handle: Box<dyn std::any::Any>) {
    MOUNTED.with(|m| *m.borrow_mut() = Some(handle));
}

/// Whether this module has handed the page over (then it writes nothing and handles nothing).
pub fn retired() -> bool {
    RETIRED.with(Cell::get)
}

/// The core shows the explorer although the address asked for more (the full module could not load).
pub fn fall_back() {
    FELL_BACK.with(|f| f.set(true));
}

/// Whether [`fall_back`] happened (the app says so).
pub fn fell_back() -> bool {
    FELL_BACK.with(Cell::get)
}

/// What a link or a request can open in the full module (`open=`): its panels, and the toolbar's file
/// actions (`toolbar::FileAction`), done once it has taken over.
pub const PANELS: [&str; 5] = [
    "scenarios",
    "embed",
    FileAction::DownloadData.key(),
    FileAction::ExportCsv.key(),
    FileAction::ExportJson.key(),
];

/// Whether the address asks for a part only the full module has: another page than the explorer, a
/// comparison or a panel to open.
pub fn needs_full(query: &str) -> bool {
    query_param(query, "view").is_some_and(|v| v != "explorer")
        || query_param(query, "c").is_some()
        || query_param(query, "open").is_some_and(|v| PANELS.contains(&v.as_str()))
}

/// In the full module: the element the core was asked to reveal on another page (`reveal=`, a selector the
/// core wrote: a section, a measure, a target or an assumptions row), once.
pub fn reveal_asked() -> Option<String> {
    query_param(&super::state::query(), "reveal").filter(|s| !s.is_empty() && s.len() < 200)
}

/// In the full module: what the link asked to open (`open=`), once.
pub fn opened() -> Option<&'static str> {
    let v = query_param(&super::state::query(), "open")?;
    PANELS.into_iter().find(|p| *p == v)
}

/// In the full module, when it mounts: tells a running core module to hand over (synchronously: the core has
/// written the address bar and removed its elements when this returns).
pub fn take_over_core() {
    let Some(root) = leptos::prelude::document().document_element() else {
        return;
    };
    if !root.has_attribute("data-core") {
        return;
    }
    // Where the reader was: the control they used (a toolbar button, a page tab) and the scroll position,
    // restored once the full module has mounted, so a keyboard user's focus does not fall back to the top.
    let doc = leptos::prelude::document();
    let focus = doc.active_element().and_then(|el| {
        ["data-action", "data-view"].into_iter().find_map(|a| {
            let v = el.get_attribute(a)?;
            Some(format!("[{a}=\"{v}\"]"))
        })
    });
    let scroll = leptos::prelude::window().scroll_y().unwrap_or(0.0);
    if let Ok(ev) = web_sys::Event::new(LEAVE_EVENT) {
        let _ = leptos::prelude::window().dispatch_event(&ev);
    }
    let _ = root.remove_attribute("data-core");
    RESTORE.with(|r| r.set(Some((focus, scroll))));
}

/// In the full module, after it has mounted over the core: gives focus back to the control the reader used
/// and scrolls back to where they were.
pub fn restore() {
    let Some((focus, scroll)) = RESTORE.with(|r| r.take()) else {
        return;
    };
    let w = leptos::prelude::window();
    w.scroll_to_with_x_and_y(0.0, scroll);
    let el = focus.and_then(|sel| {
        leptos::prelude::document()
            .query_selector(&sel)
            .ok()
            .flatten()
    });
    if let Some(h) =
        el.and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok())
    {
        let _ = h.focus();
    }
}

/// The state of the full module's download, for the core's status line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Loading {
    Idle,
    Loading,
    Failed,
}

impl Loading {
    /// The state's name for `data-handover` (the status line's hook for tests and styles).
    pub fn key(self) -> &'static str {
        match self {
            Loading::Idle => "idle",
            Loading::Loading => "loading",
            Loading::Failed => "failed",
        }
    }
}

/// In the core module: the full module's download state.
#[derive(Clone, Copy)]
pub struct HandoverCtx(pub leptos::prelude::RwSignal<Loading>);

/// In the core module: asks for the full module, to show `want` once it has taken over (address parameters:
/// `view`, `sec`, `reveal`, `open`). A second request while it loads adds to what it will show.
pub fn request(
    want: Vec<(&'static str, Option<String>)>,
    status: leptos::prelude::RwSignal<Loading>,
) {
    use leptos::prelude::*;
    WANT.with(|w| {
        if let Ok(mut w) = w.try_borrow_mut() {
            w.retain(|(k, _)| !want.iter().any(|(n, _)| n == k));
            w.extend(want);
        }
    });
    if status.get_untracked() == Loading::Loading {
        return;
    }
    status.set(Loading::Loading);
    load_full(move || status.set(Loading::Failed));
}

/// What the reader asked the full module to show (address parameters), for the hand-over's address.
pub fn wanted() -> Vec<(&'static str, Option<String>)> {
    WANT.with(|w| w.try_borrow().map(|w| w.clone()).unwrap_or_default())
}

/// Adds the full module's loader (`<meta name="vtre-full" content="./full-loader-….js">`) to the page;
/// `failed` runs if it cannot be fetched or run. A same-origin module script, so `script-src 'self'`
/// covers it.
pub fn load_full(failed: impl FnOnce() + 'static) {
    use wasm_bindgen::JsCast;
    let doc = leptos::prelude::document();
    let src = doc
        .query_selector("meta[name=\"vtre-full\"]")
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
        .filter(|s| s.starts_with("./full-loader-") && s.ends_with(".js"));
    let (Some(src), Ok(script), Some(head)) = (src, doc.create_element("script"), doc.head())
    else {
        failed();
        return;
    };
    // A retry after a failure adds a fresh element (a failed one does not run again).
    if let Ok(Some(old)) = doc.query_selector("script[data-full-loader]") {
        old.remove();
    }
    let _ = script.set_attribute("type", "module");
    let _ = script.set_attribute("src", &src);
    let _ = script.set_attribute("data-full-loader", "");
    let on_error = wasm_bindgen::closure::Closure::once_into_js(failed);
    if let Some(s) = script.dyn_ref::<web_sys::HtmlElement>() {
        s.set_onerror(Some(on_error.unchecked_ref()));
    }
    let _ = head.append_child(&script);
}

/// In the core module: what to do when the full module takes over. `write` writes the reader's scenario
/// into the address bar (with `extra`, what was asked for) and the autosave, at once; then this module
/// retires and removes its elements.
pub fn on_leave(write: impl Fn(Vec<(&'static str, Option<String>)>) + 'static) {
    let handler = move |_: &web_sys::Event| {
        if retired() {
            return;
        }
        write(wanted());
        RETIRED.with(|r| r.set(true));
        super::state::worker::shut_down();
        // Unmounts the core's view and disposes its reactive system: its window listeners (a `beforeprint`
        // that would print the core's own handout), effects and timers' signals go with it. Taken out of the
        // cell first: the drop runs the components' cleanups.
        let mounted = MOUNTED.with(|m| m.borrow_mut().take());
        drop(mounted);
        // Whatever is left in the body besides scripts (a notice, the first view, text and marker nodes).
        let doc = leptos::prelude::document();
        if let Some(body) = doc.body() {
            let children = body.child_nodes();
            let nodes: Vec<web_sys::Node> = (0..children.length())
                .filter_map(|i| children.item(i))
                .filter(|n| {
                    let tag = n.node_name().to_ascii_lowercase();
                    tag != "script" && tag != "noscript"
                })
                .collect();
            for n in nodes {
                let _ = body.remove_child(&n);
            }
        }
        if let Some(root) = doc.document_element() {
            for attr in ["data-app", "data-first-view"] {
                let _ = root.remove_attribute(attr);
            }
            let _ = root.class_list().remove_2("presenter", "embedded");
        }
    };
    gloo_events::EventListener::new(&leptos::prelude::window(), LEAVE_EVENT, handler).forget();
}
