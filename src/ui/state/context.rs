//! The app's shared contexts (the scenario, its projection, the reference, the language, the focused lever,
//! the compared projections), the reactive sentence `t()` and `focus_lever`: the plumbing every component
//! reaches for, here rather than at the root of `ui`.

use leptos::prelude::*;
use std::sync::Arc;
use vtre_i18n::{Lang, Msg};
use vtre_model::{LeverId, Projection, Scenario};

/// The scenario being explored (the one writable state of the app).
#[derive(Clone, Copy)]
pub struct ScenarioCtx(pub RwSignal<Scenario>);
/// The projection of the current scenario.
#[derive(Clone, Copy)]
pub struct ProjectionCtx(pub Memo<Projection>);
/// The reference projection, computed once.
#[derive(Clone)]
pub struct ReferenceCtx(pub Arc<Projection>);
/// The display language.
#[derive(Clone, Copy)]
pub struct LangCtx(pub RwSignal<Lang>);
/// The lever most recently focused from the scorecard (highlighted).
#[derive(Clone, Copy)]
pub struct FocusCtx(pub RwSignal<Option<LeverId>>);
/// Projections of the compared scenarios, in `CompareCtx` order.
#[derive(Clone, Copy)]
pub struct ComparedCtx(pub Memo<Vec<Projection>>);

pub const LANG_KEY: &str = "vtre.lang";

pub fn initial_lang() -> Lang {
    let from_url = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .and_then(|q| {
            q.trim_start_matches('?')
                .split('&')
                .find_map(|kv| kv.strip_prefix("lang=").map(str::to_string))
        })
        .and_then(|v| Lang::from_code(&v));
    from_url
        .or_else(|| {
            // Never gloo's LocalStorage::raw(): it throws where storage is blocked (private mode,
            // third-party iframes), which would stop every effect after it.
            let store = web_sys::window().and_then(|w| w.local_storage().ok().flatten())?;
            store
                .get_item(LANG_KEY)
                .ok()
                .flatten()
                .and_then(|v| Lang::from_code(&v))
        })
        .unwrap_or_default()
}

/// A reactive UI sentence. One closure type serves every call site, which keeps the wasm small.
pub fn t(lang: RwSignal<Lang>, m: Msg) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    move || m.text(lang.get())
}

/// A model label ([`vtre_model::Text`]: a lever's, a target's, a group's) in the current language; one closure
/// type for every call site, as [`t`] is for the `Msg` table (each distinct closure costs wasm).
pub fn tx(
    lang: RwSignal<Lang>,
    text: vtre_model::Text,
) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    move || text.get(lang.get())
}

/// Moves keyboard focus to a lever's input and scrolls it into view, opening its group first (a closed
/// group builds its levers when opened, so the input may only exist a moment later).
pub fn focus_lever(id: LeverId) {
    let sel = format!("[data-lever=\"{}\"]", id.key());
    let group = format!(
        "details[data-group=\"{}\"]",
        vtre_model::levers::spec(id).group.id()
    );
    if let Some(g) = document().query_selector(&group).ok().flatten() {
        if !g.has_attribute("open") {
            let _ = g.set_attribute("open", "");
        }
    }
    let focus = move || {
        let Some(el) = document().query_selector(&sel).ok().flatten() else {
            return false;
        };
        // In the middle of the screen, not at its bottom edge (under a phone's docked chart).
        let opts = web_sys::ScrollIntoViewOptions::new();
        opts.set_block(web_sys::ScrollLogicalPosition::Center);
        el.scroll_into_view_with_scroll_into_view_options(&opts);
        if let Ok(h) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
            let _ = h.focus();
        }
        true
    };
    if !focus() {
        // The group's `toggle` event builds its levers in a later task.
        set_timeout(
            move || {
                focus();
            },
            std::time::Duration::from_millis(30),
        );
    }
}
