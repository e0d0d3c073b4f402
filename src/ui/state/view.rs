//! Which page is shown, and where to take the reader on it. Routing is state: going to a lever, a target or
//! a section sets the view and a pending [`Reveal`]; the page that shows it performs the reveal once its
//! content is in the document (`ViewCtx::take_reveal`), so no timer guesses when rendering is done.

use leptos::prelude::*;
use vtre_i18n::Msg;
use vtre_model::LeverId;

/// Which page is shown; `?view=` in the URL.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Explorer,
    Guideline,
    Assumptions,
    Model,
    Analysis,
}

impl View {
    pub const ALL: [View; 5] = [
        View::Explorer,
        View::Analysis,
        View::Guideline,
        View::Assumptions,
        View::Model,
    ];
    pub fn key(self) -> &'static str {
        match self {
            View::Explorer => "explorer",
            View::Guideline => "guideline",
            View::Assumptions => "assumptions",
            View::Model => "model",
            View::Analysis => "analysis",
        }
    }
    pub fn from_key(k: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.key() == k)
    }
    pub fn label(self) -> Msg {
        match self {
            View::Explorer => Msg::ViewExplorer,
            View::Guideline => Msg::ViewGuideline,
            View::Assumptions => Msg::ViewAssumptions,
            View::Model => Msg::ViewModel,
            View::Analysis => Msg::ViewAnalysis,
        }
    }
}

/// The page (and guideline section) a click on a link of the app opens: a plain click on an `<a>` whose `href`
/// is one of the app's own addresses (`?view=guideline&sec=ch3-s5`). `None` for anything else (a click with
/// a modifier key or another button, a link elsewhere, a click outside a link), which the browser handles.
pub fn in_app_link(ev: &web_sys::MouseEvent) -> Option<(View, Option<String>)> {
    use wasm_bindgen::JsCast;
    let modified = ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key();
    if ev.button() != 0 || modified || ev.default_prevented() {
        return None;
    }
    let el: web_sys::Element = ev.target()?.dyn_into().ok()?;
    let href = el.closest("a[href]").ok()??.get_attribute("href")?;
    let query = href.strip_prefix('?')?;
    let view = View::from_key(&vtre_codec::link::query_param(query, "view")?)?;
    Some((view, vtre_codec::link::query_param(query, "sec")))
}

/// Where to take the reader once the page shown has its content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reveal {
    /// Focus a lever's input (the explorer).
    Lever(LeverId),
    /// Scroll to and highlight an element.
    Selector(String),
}

/// The page shown, the reader section (`?sec=`) and a pending reveal.
#[derive(Clone, Copy)]
pub struct ViewCtx {
    pub view: RwSignal<View>,
    pub section: RwSignal<Option<String>>,
    pub reveal: RwSignal<Option<Reveal>>,
}

/// Scrolls an element into view (unfolding a closed `<details>` around it) and highlights it briefly (the
/// highlight is a CSS animation, so nothing has to remove it on time; the class is cleared when the animation
/// ends).
pub fn reveal(selector: &str) {
    if let Some(el) = document().query_selector(selector).ok().flatten() {
        if let Some(fold) = el.closest("details:not([open])").ok().flatten() {
            let _ = fold.set_attribute("open", "");
        }
        el.scroll_into_view();
        let list = el.class_list();
        let _ = list.remove_1("flash");
        let _ = list.add_1("flash");
        gloo_events::EventListener::once(&el, "animationend", move |_| {
            let _ = list.remove_1("flash");
        })
        .forget();
    }
}

impl ViewCtx {
    /// Opens the explorer and focuses a lever.
    pub fn go_lever(&self, id: LeverId, focus: RwSignal<Option<LeverId>>) {
        focus.set(Some(id));
        self.go(View::Explorer, Reveal::Lever(id));
    }
    /// Opens the explorer at a scorecard card.
    pub fn go_target(&self, key: &'static str) {
        self.go(
            View::Explorer,
            Reveal::Selector(format!("[data-target=\"{key}\"]")),
        );
    }
    /// Opens the reader at a section (and optionally a measure).
    pub fn go_section(&self, section: &str, measure: Option<&str>) {
        self.section.set(Some(section.to_string()));
        let sel = match measure {
            Some(m) => format!("[data-measure=\"{m}\"]"),
            None => format!("[data-section=\"{section}\"]"),
        };
        self.go(View::Guideline, Reveal::Selector(sel));
    }
    /// Opens the assumptions page at a baseline-CSV row (`<tr id="csv-<key>">`, a parameter or a cited
    /// figure). A key that is not a CSV key is ignored.
    pub fn go_row(&self, key: &str) {
        let ok = !key.is_empty()
            && key
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        if ok {
            self.go(
                View::Assumptions,
                Reveal::Selector(format!("[id=\"csv-{key}\"]")),
            );
        }
    }
    fn go(&self, view: View, reveal: Reveal) {
        self.view.set(view);
        self.reveal.set(Some(reveal));
    }
    /// For the page that shows `view`, once its content is in the document: performs the pending reveal, if
    /// any, and clears it.
    pub fn take_reveal(&self, view: View) {
        if self.view.get_untracked() != view {
            return;
        }
        match self.reveal.try_update(Option::take).flatten() {
            Some(Reveal::Lever(id)) => super::focus_lever(id),
            Some(Reveal::Selector(sel)) => reveal(&sel),
            None => {}
        }
    }
}
