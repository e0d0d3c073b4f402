//! The Leptos app (wasm only). One `RwSignal<Scenario>` at the root, one `Memo<Projection>` derived from
//! it; every chart, card and headline reads the memo. Effects only at the edges (canvas, storage, title).

mod chart_canvas;
mod headline;
mod lever;
mod lever_panel;
mod scorecard;

use crate::i18n::{Lang, Msg};
use crate::model::{simulate, LeverId, Projection, Scenario};
use leptos::prelude::*;
use std::sync::Arc;

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

const LANG_KEY: &str = "vtre.lang";

fn initial_lang() -> Lang {
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
            use gloo_storage::Storage;
            gloo_storage::LocalStorage::raw()
                .get_item(LANG_KEY)
                .ok()
                .flatten()
                .and_then(|v| Lang::from_code(&v))
        })
        .unwrap_or_default()
}

/// Moves keyboard focus to a lever's input and scrolls it into view.
pub fn focus_lever(id: LeverId) {
    let sel = format!("[data-lever=\"{}\"]", id.key());
    if let Some(el) = document().query_selector(&sel).ok().flatten() {
        // Open a collapsed group first.
        if let Some(group) = el.closest("details").ok().flatten() {
            let _ = group.set_attribute("open", "");
        }
        el.scroll_into_view_with_bool(false);
        if let Ok(h) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
            let _ = h.focus();
        }
    }
}

#[component]
pub fn App() -> impl IntoView {
    let scenario = RwSignal::new(Scenario::reference());
    let projection = Memo::new(move |_| scenario.with(simulate));
    let lang = RwSignal::new(initial_lang());
    let focus = RwSignal::new(None::<LeverId>);
    provide_context(ScenarioCtx(scenario));
    provide_context(ProjectionCtx(projection));
    provide_context(ReferenceCtx(Arc::new(simulate(&Scenario::reference()))));
    provide_context(LangCtx(lang));
    provide_context(FocusCtx(focus));

    // Edges: the document language and title, and the persisted language choice.
    Effect::new(move |_| {
        let l = lang.get();
        let doc = document();
        if let Some(root) = doc.document_element() {
            let _ = root.set_attribute("lang", l.code());
        }
        doc.set_title(Msg::AppTitle.text(l));
        use gloo_storage::Storage;
        let _ = gloo_storage::LocalStorage::raw().set_item(LANG_KEY, l.code());
    });

    let tr = move |m: Msg| m.text(lang.get());
    view! {
        <header class="top">
            <div class="brand">
                <h1>{move || tr(Msg::AppTitle)}</h1>
                <p class="subtitle">{move || tr(Msg::AppSubtitle)}</p>
            </div>
            <button class="lang-toggle" data-action="toggle-lang" lang=move || lang.get().other().code()
                aria-label=move || tr(Msg::SwitchLanguageLabel)
                on:click=move |_| lang.update(|l| *l = l.other())>
                {move || tr(Msg::SwitchLanguage)}
            </button>
        </header>
        <headline::Headline/>
        <main class="layout">
            <lever_panel::LeverPanel/>
            <section class="results">
                <div class="charts">
                    {crate::charts::ChartId::ALL.into_iter().map(|c| view! { <chart_canvas::ChartCanvas chart=c/> }).collect_view()}
                </div>
                <scorecard::Scorecard/>
                <p class="model-note">{move || tr(Msg::ModelNote)}</p>
            </section>
        </main>
    }
}

/// Mounts the app into `<body>` and removes the static loading indicator.
pub fn start() {
    install_panic_banner();
    if let Some(el) = document().get_element_by_id("loading") {
        el.remove();
    }
    leptos::mount::mount_to_body(App);
}

/// Shows a readable banner (both languages) instead of a blank page if the app panics.
fn install_panic_banner() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            if doc.get_element_by_id("panic-banner").is_none() {
                if let (Ok(div), Some(body)) = (doc.create_element("div"), doc.body()) {
                    div.set_id("panic-banner");
                    let _ = div.set_attribute("role", "alert");
                    let _ = div.set_attribute("class", "panic-banner");
                    div.set_text_content(Some(&format!(
                        "{} {}",
                        Msg::PanicBanner.text(Lang::Zh),
                        Msg::PanicBanner.text(Lang::En)
                    )));
                    let _ = body.prepend_with_node_1(&div);
                }
            }
        }
    }));
}
