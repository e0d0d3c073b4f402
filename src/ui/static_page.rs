//! A pre-rendered reading page (`pages/<view>-<lang>.html`, see `src/pages.rs`), loaded when opened and
//! with its live parts mounted as views into the slots it leaves for them (`live.rs`: chips, parameter
//! inputs, filters, group toggles, search, flow diagrams). Its links to other pages of the app are followed
//! here, without loading the app again; the reader's search and the table's filters and sort show, hide and
//! order the page's rows (`search.rs`, `params.rs`).

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
use params::{filter_params, sort_params};
use vtre_hooks as h;
use vtre_i18n::Msg;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

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
    let search_settled = super::state::Debounce::default();
    Effect::new(move |typed: Option<()>| {
        reader.query.track();
        if typed.is_none() {
            return;
        }
        search_settled.call(std::time::Duration::from_millis(600), move |_| {
            if let Some(root) = host.get_untracked() {
                search::scroll_to_first(&root);
            }
        });
    });

    // A reveal asked for this page (a section, a measure) is performed once its content is in the document.
    Effect::new(move |_| {
        let has_content = loaded.get() > 0;
        if has_content && vc.reveal.with(Option::is_some) {
            vc.take_reveal(view);
        }
    });

    // A link to a page of the app (`?view=guideline&sec=…`, as the pages write their contents and section
    // links) opens it here instead of loading the app again; a click with a modifier opens a new tab as usual.
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if let Some((to, sec)) = super::state::in_app_link(&ev) {
            ev.prevent_default();
            match sec {
                Some(sec) if to == View::Guideline => vc.go_section(&sec, None),
                _ => vc.view.set(to),
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
