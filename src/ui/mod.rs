//! The Leptos app (wasm only). One `RwSignal<Scenario>` at the root, one `Memo<Projection>` derived from
//! it; every chart, card and headline reads the memo. Effects only at the edges (canvas, storage, title).

#[cfg(feature = "full")]
mod analysis;
/// The market baseline choice (issue 25): `<BaselinePicker/>`, for the lead to mount in the lever panel.
pub mod baseline;
mod chart_canvas;
#[cfg(feature = "full")]
mod compare_view;
mod contain;
mod dock;
mod embed;
#[cfg(feature = "full")]
mod embed_dialog;
mod fetch;
#[cfg(feature = "full")]
mod files;
mod handout;
pub mod handover;
mod headline;
mod later;
mod lever;
mod lever_panel;
mod notes;
mod notices;
mod offline;
#[cfg(feature = "full")]
mod scenario_panel;
mod scorecard;
mod start;
pub mod state;
#[cfg(feature = "full")]
mod static_page;
mod toolbar;
pub mod version_notice;

use leptos::prelude::*;
pub use start::start;
use start::{initial_compare, initial_scenario};
use state::{
    initial_lang, t, CompareCtx, ComparedCtx, Edit, FocusCtx, LangCtx, LibraryCtx, Notices,
    PresenterCtx, ProjectionCtx, ReferenceCtx, ScenarioCtx, View, ViewCtx, LANG_KEY,
};
use std::sync::Arc;
use vtre_i18n::Msg;
use vtre_model::{simulate, LeverId, Scenario};

fn typing_in(ev: &web_sys::KeyboardEvent) -> bool {
    ev.target()
        .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
        .is_some_and(|el| {
            let tag = el.tag_name().to_ascii_lowercase();
            let kind = el.get_attribute("type").unwrap_or_default();
            tag == "textarea"
                || tag == "select"
                || (tag == "input" && kind != "range" && kind != "checkbox")
        })
}

#[component]
pub fn App() -> impl IntoView {
    let notices = Notices(RwSignal::new(Vec::new()));
    let embedded =
        vtre_codec::link::query_param(&state::query(), "embed").is_some_and(|v| v != "0");
    // The widget never touches storage, so it has nothing to say about it.
    let lib = LibraryCtx::new(notices, embedded);
    let (first, version_diff) = initial_scenario(lib, notices, embedded);
    let scenario = RwSignal::new(first);
    provide_context(version_notice::VersionCtx(RwSignal::new(
        version_diff.map(|diff| version_notice::VersionShown { diff, saved: None }),
    )));
    if !embedded {
        lib.announce_unsaved(&scenario.get_untracked(), notices);
    }
    let edit = Edit::new(scenario);
    let projection = Memo::new(move |_| scenario.with(simulate));
    let lang = RwSignal::new(initial_lang());
    let focus = RwSignal::new(None::<LeverId>);
    let compare = RwSignal::new(if embedded {
        Vec::new()
    } else {
        initial_compare(notices)
    });
    let compared = Memo::new(move |_| {
        compare.with(|v| v.iter().map(|c| simulate(&c.scenario)).collect::<Vec<_>>())
    });
    let presenter = RwSignal::new(false);
    // In presenter mode the lever panel is hidden until shown, so the charts get the room.
    let levers_shown = RwSignal::new(false);
    let panel_open = RwSignal::new(false);
    let q = state::query();
    let view = RwSignal::new(
        vtre_codec::link::query_param(&q, "view")
            .and_then(|v| View::from_key(&v))
            .unwrap_or(View::Explorer),
    );
    let section = RwSignal::new(vtre_codec::link::query_param(&q, "sec"));
    let vc = ViewCtx {
        view,
        section,
        reveal: RwSignal::new(None),
    };
    provide_context(vc);
    if let Some(sel) = handover::reveal_asked() {
        vc.reveal.set(Some(state::Reveal::Selector(sel)));
    }
    if let Some(sec) = section.get_untracked() {
        if view.get_untracked() == View::Guideline {
            vc.go_section(&sec, None);
        }
    }
    provide_context(ScenarioCtx(scenario));
    provide_context(edit);
    provide_context(notices);
    provide_context(lib);
    provide_context(ProjectionCtx(projection));
    provide_context(ReferenceCtx(Arc::new(simulate(&Scenario::reference()))));
    provide_context(LangCtx(lang));
    provide_context(FocusCtx(focus));
    provide_context(dock::LastLever(RwSignal::new(None)));
    provide_context(CompareCtx(compare));
    provide_context(ComparedCtx(compared));
    provide_context(PresenterCtx(presenter));
    provide_context(notes::NotesCtx::new());
    state::worker::WorkerCtx::provide();
    state::draw::DrawCtx::provide();
    state::QrCtx::provide();
    provide_context(state::EnsembleCtx::start(scenario, compare));
    #[cfg(feature = "full")]
    provide_context(analysis::AnalysisCtx(RwSignal::new(None)));
    // The core module: the full module's download, and what to write when it takes over (handover.rs).
    #[cfg(not(feature = "full"))]
    let loading = {
        let loading = RwSignal::new(handover::Loading::Idle);
        provide_context(handover::HandoverCtx(loading));
        if handover::fell_back() {
            notices.push(Msg::LoadMoreFailed, vec![], true);
        }
        if !embedded {
            handover::on_leave(move |want| {
                let s = scenario.get_untracked();
                let link = projection.with_untracked(|p| {
                    vtre_codec::link::encode_stamped(&s, &vtre_codec::stamp::Stamp::of(p))
                });
                let mut params = vec![
                    ("s", Some(link)),
                    ("lang", Some(lang.get_untracked().key().to_string())),
                ];
                params.extend(want);
                if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
                    let url = state::url_with(&params);
                    let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
                }
                lib.autosave(&s);
                contain::saved();
            });
        }
        loading
    };

    // Edges: the document language and title, and the persisted language choice.
    Effect::new(move |_| {
        let l = lang.get();
        contain::set_lang(l);
        let doc = document();
        if let Some(root) = doc.document_element() {
            let _ = root.set_attribute("lang", l.code());
        }
        doc.set_title(Msg::AppTitle.text(l));
        if let Some(store) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
            let _ = store.set_item(LANG_KEY, l.code());
        }
    });
    // Edges: the URL carries the scenario (share link) and the language; the working scenario autosaves.
    // Both are debounced (250 ms after the last change) so a slider drag does not write history and storage
    // on every input event.
    // A change of page (a tab, a guideline section) is a new history entry, so a phone's Back returns to the
    // page before; scenario and language changes replace the current entry.
    let write_later = state::Debounce::default();
    let shown_page = StoredValue::new((
        view.get_untracked(),
        section
            .get_untracked()
            .filter(|_| view.get_untracked() == View::Guideline),
    ));
    let from_history = StoredValue::new(false);
    let working_key = lib.run(|l| l.working_key());
    let _back = window_event_listener(leptos::ev::popstate, move |_| {
        if handover::retired() {
            return;
        }
        let q = state::query();
        let v = vtre_codec::link::query_param(&q, "view")
            .and_then(|v| View::from_key(&v))
            .unwrap_or(View::Explorer);
        from_history.set_value(true);
        section.set(vtre_codec::link::query_param(&q, "sec").filter(|_| v == View::Guideline));
        view.set(v);
    });
    Effect::new(move |_| {
        let l = lang.get();
        let v = view.get();
        let sec = section.get().filter(|_| v == View::Guideline);
        scenario.track();
        compare.track();
        let page = (v, sec.clone());
        // The address's parameters besides the scenario (a change of any re-runs this effect).
        let mut rest = vec![
            ("lang", Some(l.key().to_string())),
            ("view", (v != View::Explorer).then(|| v.key().to_string())),
            ("sec", sec),
            ("c", None),
            // What a link or the core module asked the full module to open or reveal is done once.
            ("open", None),
            ("reveal", None),
        ];
        compare.with_untracked(|c| rest.extend(c.iter().map(|c| ("c", Some(c.link_value())))));
        let others = rest.clone();
        let url = move || {
            let s = scenario.with_untracked(|s| {
                projection.with_untracked(|p| {
                    vtre_codec::link::encode_stamped(s, &vtre_codec::stamp::Stamp::of(p))
                })
            });
            let mut params = vec![("s", Some(s))];
            params.extend(others.iter().cloned());
            state::url_with(&params)
        };
        if shown_page.with_value(|p| *p != page) {
            shown_page.set_value(page);
            if !from_history.get_value() {
                if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
                    let _ = h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url()));
                }
            }
        }
        from_history.set_value(false);
        // For the panic hook, which writes an unsaved edit at once if the app fails before the write below.
        contain::set_page(contain::Page {
            params: rest,
            working_key: (!embedded).then(|| working_key.clone()),
        });
        write_later.call(std::time::Duration::from_millis(250), move |_| {
            if handover::retired() {
                return;
            }
            if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
                let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url()));
            }
            if !embedded {
                scenario.with_untracked(|s| lib.autosave(s));
            }
            contain::saved();
        });
    });
    // Edges: presenter mode on <body> and full screen.
    Effect::new(move |prev: Option<bool>| {
        let on = presenter.get();
        if let Some(root) = document().document_element() {
            let _ = root.class_list().toggle_with_force("presenter", on);
        }
        if prev.is_some() {
            if on {
                if let Some(root) = document().document_element() {
                    let _ = root.request_fullscreen();
                }
            } else if document().fullscreen_element().is_some() {
                document().exit_fullscreen();
            }
        }
        on
    });
    let _keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if handover::retired() {
            return;
        }
        let ctrl = ev.ctrl_key() || ev.meta_key();
        let key = ev.key();
        if ctrl && (key == "z" || key == "Z") && !ev.shift_key() {
            ev.prevent_default();
            edit.undo();
        } else if ctrl && ((key == "z" || key == "Z") && ev.shift_key() || key == "y" || key == "Y")
        {
            ev.prevent_default();
            edit.redo();
        } else if !ctrl && !ev.alt_key() && (key == "p" || key == "P") && !typing_in(&ev) {
            presenter.update(|p| *p = !*p);
        } else if key == "Escape" && presenter.get_untracked() {
            presenter.set(false);
        }
    });

    // Offline and installable: the full app only (the widget must not take over its host's origin).
    let update = offline::UpdateCtx(RwSignal::new(false));
    provide_context(update);
    if !embedded {
        offline::register(update.0);
    }
    if embedded {
        embed::start_messaging(edit, lang, notices);
        if let Some(root) = document().document_element() {
            let _ = root.class_list().add_1("embedded");
        }
        return view! { <embed::Widget spec=embed::parse_spec(&state::query())/> }.into_any();
    }
    // A link (or the core module, handing over) may ask for a panel to open (`open=`, handover.rs).
    let opened = handover::opened();
    let embed_open = RwSignal::new(opened == Some("embed"));
    if cfg!(feature = "full") {
        panel_open.set(opened == Some("scenarios"));
    }
    let current_view = Memo::new(move |_| view.get());
    let tr = move |m: Msg| m.text(lang.get());
    let go = move |v: View| {
        view.set(v);
        if v != View::Guideline {
            section.set(None);
        }
    };
    // The core module shows the explorer only: going to another page (a tab, a guideline section, an
    // assumptions row from a lever's note) asks for the full module with where to go, and stays here.
    #[cfg(not(feature = "full"))]
    Effect::new(move |_| {
        let v = view.get();
        if v == View::Explorer {
            return;
        }
        let reveal = match vc.reveal.get_untracked() {
            Some(state::Reveal::Selector(sel)) => Some(sel),
            _ => None,
        };
        handover::request(
            vec![
                ("view", Some(v.key().to_string())),
                (
                    "sec",
                    section.get_untracked().filter(|_| v == View::Guideline),
                ),
                ("reveal", reveal),
            ],
            loading,
        );
        vc.reveal.set(None);
        view.set(View::Explorer);
    });
    view! {
        <header class="top">
            <div class="brand">
                <h1>{t(lang, Msg::AppTitle)}</h1>
                <p class="subtitle">{t(lang, Msg::AppSubtitle)}</p>
            </div>
            <button class="lang-toggle" data-action="toggle-lang" lang=move || lang.get().other().code()
                title=t(lang, Msg::SwitchLanguageLabel)
                on:click=move |_| lang.update(|l| *l = l.other())>
                {t(lang, Msg::SwitchLanguage)}
            </button>
        </header>
        <notices::NoticeList/>
        <offline::UpdateNotice/>
        <toolbar::Toolbar panel_open=panel_open embed_open=embed_open/>
        {workshop_panels(panel_open, embed_open)}
        <nav class="views" aria-label=t(lang, Msg::Pages)>
            {View::ALL.into_iter().map(|v| view! {
                <a href=format!("?view={}", v.key()) data-view=v.key() aria-current=move || (view.get() == v).then_some("page")
                    on:click=move |ev| { ev.prevent_default(); go(v); }>
                    {move || tr(v.label())}</a>
            }).collect_view()}
        </nav>
        <headline::Headline/>
        <handout::Handout/>
        // One switch for the page shown (a memo, so re-selecting the current view rebuilds nothing).
        {move || match current_view.get() {
            View::Explorer => explorer(vc, levers_shown).into_any(),
            #[cfg(feature = "full")]
            View::Analysis => view! { <analysis::AnalysisPage/> }.into_any(),
            #[cfg(feature = "full")]
            other => view! { <static_page::StaticPage view=other/> }.into_any(),
            // The core module shows the explorer only (another page hands over to the full module).
            #[cfg(not(feature = "full"))]
            _ => explorer(vc, levers_shown).into_any(),
        }}
    }
    .into_any()
}

/// The explorer page: the lever panel, the charts, the comparison and the scorecard.
fn explorer(vc: ViewCtx, levers_shown: RwSignal<bool>) -> impl IntoView {
    let LangCtx(lang) = expect_context();
    // A pending reveal (a lever or a target to show) is performed once the explorer is in the document:
    // this effect runs after the explorer has rendered, and again when a reveal is asked while it is up.
    Effect::new(move |_| {
        if vc.reveal.with(Option::is_some) {
            vc.take_reveal(View::Explorer);
        }
    });
    view! {
        <main class="layout" class:levers-shown=move || levers_shown.get()>
            <lever_panel::LeverPanel/>
            <section class="results">
                <button class="toggle-levers presenter-only" aria-pressed=move || levers_shown.get().to_string()
                    on:click=move |_| levers_shown.update(|h| *h = !*h)>{t(lang, Msg::ToggleLevers)}</button>
                <BandsBar/>
                <div class="charts">
                    {vtre_charts::ChartId::ALL.into_iter().map(|c| view! {
                        <later::Later borrow=format!("[data-chart-figure=\"{}\"]", c.key())><chart_canvas::ChartCanvas chart=c/></later::Later>
                    }).collect_view()}
                </div>
                {compare_view()}
                <later::Later borrow=".scorecard".to_string()><scorecard::Scorecard/></later::Later>
                <p class="model-note">{t(lang, Msg::ModelNote)}</p>
            </section>
            <dock::Dock/>
        </main>
    }
}

/// The scenarios panel and the embed dialog (the full module's; the core's toolbar asks for them).
#[cfg(feature = "full")]
fn workshop_panels(panel_open: RwSignal<bool>, embed_open: RwSignal<bool>) -> impl IntoView {
    view! {
        <scenario_panel::ScenarioPanel open=panel_open/>
        <embed_dialog::EmbedDialog open=embed_open/>
    }
}

/// The core module's part of the same place: whether the full module is loading or could not be loaded.
#[cfg(not(feature = "full"))]
fn workshop_panels(_panel_open: RwSignal<bool>, _embed_open: RwSignal<bool>) -> impl IntoView {
    let LangCtx(lang) = expect_context();
    let handover::HandoverCtx(loading) = expect_context();
    view! {
        <p class="handover-status" role="status" data-handover=move || loading.get().key()
            class:warn=move || loading.get() == handover::Loading::Failed
            hidden=move || loading.get() == handover::Loading::Idle>
            {move || match loading.get() {
                handover::Loading::Failed => Msg::LoadMoreFailed.text(lang.get()),
                _ => Msg::LoadingMore.text(lang.get()),
            }}
        </p>
    }
}

#[cfg(feature = "full")]
fn compare_view() -> impl IntoView {
    view! { <compare_view::CompareView/> }
}

#[cfg(not(feature = "full"))]
fn compare_view() -> impl IntoView {}

/// The switch for the charts' uncertainty bands, with what a band is.
#[component]
fn BandsBar() -> impl IntoView {
    let LangCtx(lang) = expect_context();
    let ens: state::EnsembleCtx = expect_context();
    let state::worker::WorkerCtx(status) = expect_context();
    let failed = move || status.get() == state::worker::WorkerStatus::Failed;
    view! {
        <div class="bands-bar">
            <button class="bands-toggle" data-action="toggle-bands" aria-pressed=move || ens.bands_on.get().to_string()
                on:click=move |_| ens.bands_on.update(|b| *b = !*b)>
                <span class="swatch band" aria-hidden="true"></span>{t(lang, Msg::BandsToggle)}</button>
            <p class="bands-note" hidden=move || !ens.bands_on.get()>{t(lang, Msg::BandsExplain)}
                <span class="pending" hidden=move || ens.current.with(Option::is_some) || failed()>" "{t(lang, Msg::Computing)}</span></p>
            <p class="notice warn" data-worker-failed="" hidden=move || !failed()>{t(lang, Msg::WorkerFailed)}</p>
        </div>
    }
}

/// Benchmark hook (used by `scripts/bench.sh`, harmless otherwise): runs the model `n` times on the
/// reference scenario or with every lever at its maximum, and returns a checksum so nothing is optimised away.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn vtre_bench_simulate(n: u32, all_max: bool) -> f64 {
    let mut s = Scenario::reference();
    if all_max {
        for l in vtre_model::LEVERS {
            s.set(l.id, l.max);
        }
    }
    let mut sum = 0.0;
    for _ in 0..n {
        sum += simulate(&s).at(vtre_model::SeriesId::Co2Total, 2030);
    }
    sum
}
