//! Starting the app: the core module takes over the pre-rendered first view (`#first-view`,
//! crates/site/src/first_view.rs), or hands the page to the full module when the address asks for a part only
//! it has (issue 20, `handover.rs`); the full module takes over the core.

use super::state::{LibraryCtx, Notices};
use super::{contain, handover, state, App};
use leptos::prelude::*;
use vtre_i18n::{Lang, Msg};
use vtre_model::{simulate, Scenario};

/// Mounts the app and takes over the pre-rendered first view (`#first-view`, crates/site/src/first_view.rs):
/// the app is built beside it and the view removed in the same task, so no frame shows both or neither, and
/// the app's elements sit where the view's were (the same classes and order). The reference's spread is
/// awaited first (the page preloads it), so the app's first frame has the bands the view showed; a slow or
/// failed fetch does not hold the app back more than [`TAKEOVER_WAIT_MS`].
pub fn start() {
    contain::install();
    if let Some(el) = document().get_element_by_id("loading") {
        el.remove();
    }
    // The core module and an address that shows a part only the full module has (another page, a
    // comparison, a panel): the full module takes over the first view directly; if it cannot be loaded, the
    // core shows the explorer and says so.
    #[cfg(not(feature = "full"))]
    if handover::needs_full(&state::query()) {
        handover::load_full(|| {
            handover::fall_back();
            begin();
        });
        return;
    }
    begin();
}

/// Takes over the first view once the reference's spread is in (or after [`TAKEOVER_WAIT_MS`]).
fn begin() {
    // Not Leptos' executor: it starts with the mount.
    wasm_bindgen_futures::spawn_local(async {
        state::preload_reference_spread().await;
        // In a task of its own: decoding the spread and building the app are two shorter tasks, not one.
        set_timeout(take_over, std::time::Duration::ZERO);
    });
    set_timeout(
        take_over,
        std::time::Duration::from_millis(TAKEOVER_WAIT_MS),
    );
}

/// The longest the app waits for the reference's spread before it takes over anyway.
pub const TAKEOVER_WAIT_MS: u64 = 1500;

thread_local! {
    static MOUNTED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// The first view's chart boxes (chart key, top, bottom, width, height), read once at takeover.
    static FIRST_BOXES: std::cell::RefCell<Vec<(String, [f64; 4])>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Where the first view had chart `key` (viewport top, bottom, width, height), once: the app's chart takes
/// the same box, so it knows whether it is on screen without forcing a layout of the page it has just built.
pub fn first_view_box(key: &str) -> Option<(f64, f64, f64, f64)> {
    FIRST_BOXES.with(|b| {
        let mut b = b.borrow_mut();
        let i = b.iter().position(|(k, _)| k == key)?;
        let [t, bo, w, h] = b.swap_remove(i).1;
        Some((t, bo, w, h))
    })
}

fn take_over() {
    if MOUNTED.with(|m| m.replace(true)) {
        return;
    }
    // Read before anything changes: the view is laid out, so this costs no layout.
    if let Ok(wraps) = document().query_selector_all("#first-view [data-chart-figure] .canvas-wrap")
    {
        let boxes: Vec<(String, [f64; 4])> = (0..wraps.length())
            .filter_map(|i| wraps.item(i))
            .filter_map(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
            .filter_map(|el| {
                let key = el
                    .closest("[data-chart-figure]")
                    .ok()
                    .flatten()?
                    .get_attribute("data-chart-figure")?;
                let r = el.get_bounding_client_rect();
                Some((key, [r.top(), r.bottom(), r.width(), r.height()]))
            })
            .collect();
        FIRST_BOXES.with(|b| *b.borrow_mut() = boxes);
    }
    // The full module, loaded by the core: the core writes the reader's scenario and steps aside first.
    #[cfg(feature = "full")]
    handover::take_over_core();
    let Some(body) = document().body() else {
        return;
    };
    let mounted = leptos::mount::mount_to(body, App);
    // The core keeps its handle: when the full module takes over, dropping it unmounts the core's view and
    // disposes its reactive system (window listeners, effects), so nothing of it acts on the page any more.
    #[cfg(not(feature = "full"))]
    handover::keep_mounted(Box::new(mounted));
    #[cfg(feature = "full")]
    {
        mounted.forget();
        handover::restore();
    }
    // The charts' first effects have run by the next task; later mounts measure for themselves.
    set_timeout(
        || FIRST_BOXES.with(|b| b.borrow_mut().clear()),
        std::time::Duration::ZERO,
    );
    if let Some(view) = document().get_element_by_id("first-view") {
        view.remove();
    }
    if let Some(root) = document().document_element() {
        let _ = root.remove_attribute("data-first-view");
        // For tests and embedding pages: the app, not the first view, is on the page now.
        let _ = root.set_attribute("data-app", "");
        // Which module runs it (issue 20, handover.rs): `data-core` until the full module takes over.
        if !cfg!(feature = "full") {
            let _ = root.set_attribute("data-core", "");
        }
    }
}

/// The scenario to open with: a shared link wins, then the autosaved working scenario, then the reference.
/// With it, what a link made with another version of the model shows differently (issue 25, item 6).
pub(super) fn initial_scenario(
    lib: LibraryCtx,
    notices: Notices,
    embedded: bool,
) -> (Scenario, Option<vtre_codec::stamp::VersionDiff>) {
    if let Some(text) = vtre_codec::link::query_param(&state::query(), "s") {
        let (s, stamp, issues) = vtre_codec::link::decode_stamped(&text);
        if !issues.is_empty() {
            notices.push(
                Msg::LinkNotice,
                issues.iter().map(state::link_issue_line).collect(),
                true,
            );
        }
        let diff = stamp
            .filter(|st| st.model != vtre_model::MODEL_VERSION)
            .and_then(|st| vtre_codec::stamp::diff(&st, &simulate(&s)));
        return (s, diff);
    }
    if embedded {
        return (Scenario::reference(), None);
    }
    match lib.run(|l| l.load_working()) {
        Ok(Some((s, _))) => (s, None),
        _ => (Scenario::reference(), None),
    }
}

/// The comparison a share link carries (`c=` parameters), with a notice for what could not be read.
pub(super) fn initial_compare(notices: Notices) -> Vec<state::Compared> {
    let (list, issues) = vtre_codec::compare::from_query(&state::query());
    if !issues.is_empty() {
        let lines = issues
            .iter()
            .flat_map(|i| match i {
                vtre_codec::compare::CompareIssue::Scenario(_, problems) => problems
                    .iter()
                    .map(state::link_issue_line)
                    .collect::<Vec<_>>(),
                vtre_codec::compare::CompareIssue::TooMany(n) => {
                    let say = |l| Msg::CompareTooMany.text(l).replace("{n}", &n.to_string());
                    vec![state::NoticeLine {
                        zh: say(Lang::Zh),
                        en: say(Lang::En),
                    }]
                }
            })
            .collect();
        notices.push(Msg::LinkNotice, lines, true);
    }
    list.into_iter()
        .map(|c| state::Compared {
            label_zh: c.label_zh,
            label_en: c.label_en,
            scenario: c.scenario,
        })
        .collect()
}
