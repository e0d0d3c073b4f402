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
mod search;

use leptos::html::Div;
use leptos::prelude::*;
use params::{filter_params, set_group_open, sort_params};
use vtre_hooks as h;
use vtre_i18n::Msg;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

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

/// Which load of the page the live views are mounted in, and the handles that keep them there (dropping
/// them unmounts the views).
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
    let reader = search::ReaderSearch::new();
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

    // Each load of the page: its live views (live.rs) mounted once into their slots, current by themselves
    // from then on (a reload in the other language gets new copies, showing the same year, filters and
    // search), and the reader section asked for brought into view.
    Effect::new(move |_| {
        loaded.track();
        let Some(root) = host.get() else { return };
        let root: &Element = &root;
        let load = loaded.get_untracked();
        if mounted.with_value(|m| m.as_ref().is_none_or(|(n, _)| *n != load)) {
            let go = live::Go { view: vc, focus };
            let views = live::mount(
                root,
                live::Live {
                    edit,
                    projection: p,
                    lang,
                    go,
                    year,
                    table,
                    search: reader,
                },
            );
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

    // The guideline as the reader's search says (again for a reloaded page).
    Effect::new(move |_| {
        loaded.track();
        let q = reader.query.get();
        let Some(root) = host.get() else { return };
        let found = search::apply(&root, &q);
        if reader.found.get_untracked() != found {
            reader.found.set(found);
        }
    });
    // Once the reader stops typing, the first result comes into view.
    let search_ticket = StoredValue::new(0u32);
    Effect::new(move |typed: Option<()>| {
        reader.query.track();
        if typed.is_none() {
            return;
        }
        search_ticket.update_value(|t| *t = t.wrapping_add(1));
        let mine = search_ticket.get_value();
        set_timeout(
            move || {
                if search_ticket.try_get_value() == Some(mine) {
                    if let Some(root) = host.get_untracked() {
                        search::scroll_to_first(&root);
                    }
                }
            },
            std::time::Duration::from_millis(600),
        );
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
        if let Some(a) = closest(&el, &h::sel(h::GOTO_SECTION)) {
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
    view! {
        <p class="notice warn" hidden=move || !failed.get()>{super::state::t(lang, Msg::PageLoadFailed)}</p>
        <div class="static-page" data-page=view.key() node_ref=host on:click=on_click>
            <p class="loading">{super::state::t(lang, Msg::Loading)}</p>
        </div>
    }
}
