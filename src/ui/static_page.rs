//! A pre-rendered reading page (`pages/<view>-<lang>.html`, see `src/pages.rs`), loaded when opened and
//! wired with one delegated listener per event type: lever and target chips jump to the explorer, section
//! links deep-link, the reader search and the assumptions filters/sort show and hide rows, parameter
//! inputs override assumptions through `Edit`. One effect keeps the live parts current (target statuses,
//! parameter values, flow diagrams).

use super::fetch::all;
use super::state::{Edit, View, ViewCtx};
use super::state::{FocusCtx, LangCtx, ProjectionCtx};
use fetched::load_page;
mod fetched;
mod flows;
mod live;
mod params;

use leptos::html::Div;
use leptos::prelude::*;
use params::{filter_params, set_group_open, sort_params};
use vtre_hooks as h;
use vtre_i18n::Msg;
use vtre_model::{LeverId, Status, TargetId};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement};

pub fn target_el(ev: &web_sys::Event) -> Option<Element> {
    ev.target().and_then(|t| t.dyn_into::<Element>().ok())
}

pub fn closest(el: &Element, sel: &str) -> Option<Element> {
    el.closest(sel).ok().flatten()
}

fn set_hidden(el: &Element, hidden: bool) {
    if let Some(h) = el.dyn_ref::<HtmlElement>() {
        h.set_hidden(hidden);
    }
}

pub fn value_of(el: &Element) -> String {
    if let Some(i) = el.dyn_ref::<HtmlInputElement>() {
        return i.value();
    }
    if let Some(s) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
        return s.value();
    }
    String::new()
}

/// Reader search: sections and measures whose text contains the query.
fn filter_reader(root: &Element, q: &str) {
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
    if let Some(n) = root.query_selector(&h::sel(h::NO_RESULTS)).ok().flatten() {
        set_hidden(&n, any);
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
    // How many, in words.
    if let Some(c) = root.query_selector(&h::sel(h::SEARCH_COUNT)).ok().flatten() {
        let text = (!q.is_empty() && any).then(|| {
            let l = if document()
                .document_element()
                .and_then(|e| e.get_attribute("lang"))
                .is_some_and(|l| l.starts_with("en"))
            {
                vtre_i18n::Lang::En
            } else {
                vtre_i18n::Lang::Zh
            };
            Msg::SearchCount
                .text(l)
                .replace("{sections}", &sections.to_string())
                .replace("{measures}", &measures.to_string())
        });
        let _ = c.set_attribute(h::SEARCH_COUNT, &sections.to_string());
        c.set_text_content(text.as_deref());
        set_hidden(&c, text.is_none());
    }
    highlight(root, &q);
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

/// Which load of the page the live views are mounted in (the flow diagrams, the assumptions' value cells
/// and flag), and the handles that keep them there (dropping them unmounts the views).
type MountedViews = (u32, send_wrapper::SendWrapper<live::Mounted>);

#[component]
pub fn StaticPage(view: View) -> impl IntoView {
    let LangCtx(lang) = expect_context();
    let ProjectionCtx(p) = expect_context();
    let edit: Edit = expect_context();
    let vc: ViewCtx = expect_context();
    let FocusCtx(focus) = expect_context();
    let host = NodeRef::<Div>::new();
    let loaded = RwSignal::new(0u32);
    let failed = RwSignal::new(false);
    let year = RwSignal::new(2025u16);
    let table = live::TableView::new();
    // The views mounted into the loaded page (dropped with the page, or when a reload of the page in
    // another language brings a new copy).
    let mounted: StoredValue<Option<MountedViews>> = StoredValue::new(None);
    on_cleanup(move || {
        mounted.try_update_value(|m| *m = None);
    });

    // Load the page for this view and language.
    Effect::new(move |_| {
        let name = format!("{}-{}", view.key(), lang.get().key());
        leptos::task::spawn_local(async move {
            let text = load_page(&name).await;
            // The page may have been closed while it loaded: then every handle is gone and nothing is done.
            // Parsed inert and cleaned (src/ui/fetch.rs): what a cache or the network gives back runs nothing.
            let body = text.as_deref().and_then(fetched::inert_body);
            match (body, host.try_get_untracked().flatten()) {
                (Some(body), Some(el)) => {
                    fetched::replace_children(&el, &body);
                    // The chain groups say whether they are open as this screen starts them.
                    for g in all(&el, &format!("tbody[{}]", h::CHAIN_GROUP)) {
                        set_group_open(&g, None);
                    }
                    failed.try_set(false);
                    loaded.try_update(|n| *n += 1);
                }
                (None, Some(_)) => {
                    failed.try_set(true);
                }
                _ => {}
            }
        });
    });

    // Keep the live parts current.
    Effect::new(move |_| {
        loaded.track();
        let Some(root) = host.get() else { return };
        let root: &Element = &root;
        p.with(|p| {
            for chip in all(root, &h::sel(h::GOTO_TARGET)) {
                let status = chip
                    .get_attribute(h::GOTO_TARGET)
                    .and_then(|k| TargetId::from_key(&k))
                    .and_then(|t| p.target(t))
                    .map_or(Status::Unquantified, |r| r.status);
                let _ = chip.set_attribute(h::STATUS, status.key());
            }
        });
        // The live views (flow diagrams with their year chooser, the assumptions' value cells and flag):
        // mounted once into this copy of the page, current by themselves (a reloaded page, in the other
        // language, gets new copies; the diagrams show the year chosen).
        let load = loaded.get_untracked();
        if mounted.with_value(|m| m.as_ref().is_none_or(|(n, _)| *n != load)) {
            let mut views = live::mount(root, edit, table, lang);
            if let Some(el) = root
                .query_selector(&h::sel(h::FLOWS))
                .ok()
                .flatten()
                .and_then(|b| b.dyn_into::<HtmlElement>().ok())
            {
                let scenario = edit.scenario;
                views.push(Box::new(leptos::mount::mount_to(el, move || {
                    view! { <flows::FlowDiagrams year=year scenario=scenario projection=p lang=lang/> }
                })));
            }
            // The old page's views go with it.
            mounted.set_value(Some((load, send_wrapper::SendWrapper::new(views))));
        }
        if view == View::Guideline && vc.reveal.with_untracked(Option::is_none) {
            if let Some(sec) = vc.section.get_untracked() {
                super::state::reveal(&h::sel_eq(h::SECTION, &sec));
            }
        }
    });

    // The assumptions table as the reader's filters and sort say (again for a reloaded page).
    Effect::new(move |_| {
        loaded.track();
        let Some(root) = host.get() else { return };
        filter_params(&root, &table);
        sort_params(&root, table.sort.get());
    });

    // A reveal asked for this page (a section, a measure) is performed once its content is in the document.
    Effect::new(move |_| {
        let has_content = loaded.get() > 0;
        if has_content && vc.reveal.with(Option::is_some) {
            vc.take_reveal(view);
        }
    });

    let on_click = move |ev: leptos::ev::MouseEvent| {
        let Some(el) = target_el(&ev) else { return };
        if let Some(b) = closest(&el, &h::sel(h::GOTO_LEVER)) {
            if let Some(id) = b
                .get_attribute(h::GOTO_LEVER)
                .and_then(|k| LeverId::from_key(&k))
            {
                vc.go_lever(id, focus);
            }
        } else if let Some(b) = closest(&el, &h::sel(h::GOTO_TARGET)) {
            if let Some(t) = b
                .get_attribute(h::GOTO_TARGET)
                .and_then(|k| TargetId::from_key(&k))
            {
                vc.go_target(vtre_model::targets::spec(t).key);
            }
        } else if let Some(a) = closest(&el, &h::sel(h::GOTO_SECTION)) {
            ev.prevent_default();
            if let Some(sec) = a.get_attribute(h::GOTO_SECTION) {
                vc.go_section(&sec, None);
            }
        } else if let Some(b) = closest(&el, &h::sel(h::GROUP_TOGGLE)) {
            if let Some(g) = closest(&b, &format!("tbody[{}]", h::CHAIN_GROUP)) {
                let open = b.get_attribute("aria-expanded").as_deref() == Some("true");
                set_group_open(&g, Some(!open));
            }
        }
    };
    let search_ticket = StoredValue::new(0u32);
    let on_input = move |ev: leptos::ev::Event| {
        let (Some(el), Some(root)) = (target_el(&ev), host.get_untracked()) else {
            return;
        };
        if el.has_attribute(h::READER_SEARCH) {
            filter_reader(&root, &value_of(&el));
            // Once the reader stops typing, the first result comes into view (not 750 px below the box).
            search_ticket.update_value(|t| *t = t.wrapping_add(1));
            let mine = search_ticket.get_value();
            set_timeout(
                move || {
                    if search_ticket.try_get_value() != Some(mine) {
                        return;
                    }
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
                },
                std::time::Duration::from_millis(600),
            );
        }
    };
    view! {
        <p class="notice warn" hidden=move || !failed.get()>{super::state::t(lang, Msg::PageLoadFailed)}</p>
        <div class="static-page" data-page=view.key() node_ref=host on:click=on_click on:input=on_input>
            <p class="loading">{super::state::t(lang, Msg::Loading)}</p>
        </div>
    }
}
