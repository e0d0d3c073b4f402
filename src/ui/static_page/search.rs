//! The guideline page's search: a view mounted into the slot the page leaves for it (the box, "no results"
//! and how many were found, bound to a [`ReaderSearch`] the page keeps), and what the page does with the
//! query: shows the sections and measures that contain it, trims the contents, marks each match.

use super::{all, set_hidden};
use leptos::prelude::*;
use vtre_hooks as h;
use vtre_i18n::{Lang, Msg};
use wasm_bindgen::JsCast;
use web_sys::Element;

/// What a search found.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(super) struct Found {
    /// A query was given (an empty one shows everything and counts nothing).
    pub searching: bool,
    /// Any section is shown.
    pub any: bool,
    pub sections: usize,
    pub measures: usize,
}

/// The reader's query and what it found. Kept by the page, so a reload of it in the other language keeps
/// the search.
#[derive(Clone, Copy)]
pub(super) struct ReaderSearch {
    pub query: RwSignal<String>,
    pub found: RwSignal<Found>,
}

impl ReaderSearch {
    pub fn new() -> Self {
        ReaderSearch {
            query: RwSignal::new(String::new()),
            found: RwSignal::new(Found::default()),
        }
    }
}

/// The search box, "no results", and how many sections and measures were found.
#[component]
pub(super) fn SearchBox(search: ReaderSearch, lang: RwSignal<Lang>) -> impl IntoView {
    let tr = move |m: Msg| m.text(lang.get());
    let found = search.found;
    let count = move || {
        let f = found.get();
        Msg::SearchCount
            .text(lang.get())
            .replace("{sections}", &f.sections.to_string())
            .replace("{measures}", &f.measures.to_string())
    };
    view! {
        <div class="search-row">
            <label for="reader-search">{move || tr(Msg::Search)}</label>
            <input id="reader-search" type="search" data-reader-search=""
                placeholder=move || tr(Msg::SearchPlaceholder)
                prop:value=move || search.query.get()
                on:input=move |ev| search.query.set(event_target_value(&ev))/>
        </div>
        <p class="muted" data-no-results="" hidden=move || found.get().any>{move || tr(Msg::NoResults)}</p>
        <p class="search-count" data-search-count=move || found.get().sections.to_string() role="status"
            hidden=move || { let f = found.get(); !(f.searching && f.any) }>{count}</p>
    }
}

/// Brings the first result into view (once the reader has stopped typing: not 750 px below the box).
pub(super) fn scroll_to_first(root: &Element) {
    if let Some(first) = root
        .query_selector(&format!(
            "[{}]:not([hidden]) [{}]:not([hidden]), [{}]:not([hidden])",
            h::SECTION,
            h::MEASURE,
            h::SECTION
        ))
        .ok()
        .flatten()
    {
        let opts = web_sys::ScrollIntoViewOptions::new();
        opts.set_block(web_sys::ScrollLogicalPosition::Start);
        first.scroll_into_view_with_scroll_into_view_options(&opts);
    }
}

/// Shows the sections and measures whose text contains `q` (all for an empty one), trims the contents to
/// them, marks the matches, and says how many it found.
pub(super) fn apply(root: &Element, q: &str) -> Found {
    // Chinese has no case and the page text is pre-lowercased: ASCII folding is enough (and keeps the
    // Unicode case tables out of the wasm).
    let q = q.trim().to_ascii_lowercase();
    let mut any = false;
    let (mut sections, mut measures) = (0usize, 0usize);
    for sec in all(root, &h::sel(h::SECTION)) {
        let sec_hit = sec.get_attribute(h::SEARCH).is_some_and(|s| s.contains(&q));
        let mut measure_hit = false;
        for m in all(&sec, &h::sel(h::MEASURE)) {
            let hit = q.is_empty() || m.get_attribute(h::SEARCH).is_some_and(|s| s.contains(&q));
            measure_hit |= hit;
            set_hidden(&m, !hit && !sec_hit);
        }
        let show = q.is_empty() || sec_hit || measure_hit;
        any |= show;
        if show && !q.is_empty() {
            sections += 1;
            measures += all(&sec, &format!("[{}]:not([hidden])", h::MEASURE)).len();
        }
        set_hidden(&sec, !show);
    }
    // The contents follow the search: only the sections that match, and chapters with any.
    for a in all(root, &format!(".toc [{}]", h::GOTO_SECTION)) {
        let id = a.get_attribute(h::GOTO_SECTION).unwrap_or_default();
        let shown = q.is_empty()
            || root
                .query_selector(&format!("{}:not([hidden])", h::sel_eq(h::SECTION, &id)))
                .ok()
                .flatten()
                .is_some();
        if let Some(li) = a.parent_element() {
            set_hidden(&li, !shown);
        }
    }
    for ch in all(root, ".toc > ol > li") {
        let none = all(&ch, "li").iter().all(|li| li.has_attribute("hidden"));
        set_hidden(&ch, none && !q.is_empty());
    }
    // A chapter with no section shown is hidden too (no empty headings between results).
    for ch in all(root, ".chapter") {
        let none = all(&ch, &h::sel(h::SECTION))
            .iter()
            .all(|s| s.has_attribute("hidden"));
        set_hidden(&ch, none && !q.is_empty());
    }
    highlight(root, &q);
    Found {
        searching: !q.is_empty(),
        any,
        sections,
        measures,
    }
}

/// Marks every occurrence of `q` in the shown sections with the CSS Custom Highlight API
/// (`::highlight(vtre-search)`), which changes no DOM; nothing where the browser lacks it.
fn highlight(root: &Element, q: &str) {
    let win = window();
    let Ok(css) = js_sys::Reflect::get(&win, &"CSS".into()) else {
        return;
    };
    let Ok(registry) = js_sys::Reflect::get(&css, &"highlights".into()) else {
        return;
    };
    let Ok(ctor) = js_sys::Reflect::get(&win, &"Highlight".into()) else {
        return;
    };
    if registry.is_undefined() || !ctor.is_function() {
        return;
    }
    let clear = js_sys::Reflect::get(&registry, &"delete".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let Some(f) = &clear {
        let _ = f.call1(&registry, &"vtre-search".into());
    }
    if q.chars().count() < 1 {
        return;
    }
    let ranges = js_sys::Array::new();
    let doc = document();
    for sec in all(root, &format!("[{}]:not([hidden])", h::SECTION)) {
        let Ok(walker) = doc.create_tree_walker_with_what_to_show(&sec, 4) else {
            continue;
        };
        while let Ok(Some(node)) = walker.next_node() {
            let text = node.text_content().unwrap_or_default();
            let lower = text.to_ascii_lowercase();
            let mut from = 0;
            while let Some(i) = lower[from..].find(q) {
                let start = from + i;
                let end = start + q.len();
                // Ranges count UTF-16 units.
                let u16_at = |b: usize| text[..b].encode_utf16().count() as u32;
                if let Ok(r) = doc.create_range() {
                    if r.set_start(&node, u16_at(start)).is_ok()
                        && r.set_end(&node, u16_at(end)).is_ok()
                    {
                        ranges.push(&r);
                    }
                }
                from = end;
                if ranges.length() > 500 {
                    break;
                }
            }
        }
    }
    if let Ok(ctor) = ctor.dyn_into::<js_sys::Function>() {
        if let Ok(h) = js_sys::Reflect::construct(&ctor, &ranges) {
            if let Some(set) = js_sys::Reflect::get(&registry, &"set".into())
                .ok()
                .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
            {
                let _ = set.call2(&registry, &"vtre-search".into(), &h);
            }
        }
    }
}
