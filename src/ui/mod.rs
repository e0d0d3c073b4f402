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
pub mod state;
#[cfg(feature = "full")]
mod static_page;
mod toolbar;
pub mod version_notice;

use leptos::prelude::*;
use state::{CompareCtx, Edit, LibraryCtx, Notices, PresenterCtx, View, ViewCtx};
use std::sync::Arc;
use vtre_i18n::{Lang, Msg};
use vtre_model::{simulate, LeverId, Projection, Scenario};

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

/// The scenario to open with: a shared link wins, then the autosaved working scenario, then the reference.
/// With it, what a link made with another version of the model shows differently (issue 25, item 6).
fn initial_scenario(
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
fn initial_compare(notices: Notices) -> Vec<state::Compared> {
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
        <p class="handover-status" role="status" data-handover=move || format!("{:?}", loading.get()).to_lowercase()
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
