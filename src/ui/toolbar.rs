//! The scenario toolbar: undo/redo, share link (copy + QR code), export, download data (one CSV to cite:
//! citation, projection, assumptions with sources; `vtre_codec::download`), print handout, presenter mode,
//! and the scenarios panel toggle.

use super::state::t;
use super::state::{download, url_with, Edit, PresenterCtx};
use super::state::{LangCtx, ProjectionCtx, Qr, QrCtx};
use leptos::prelude::*;
use vtre_i18n::Msg;
use wasm_bindgen::JsCast;

/// The shareable URL of the current scenario (with the language), stamped with the model version and the
/// headline figures of `p`, its projection (issue 25, item 6).
pub fn share_url(
    s: &vtre_model::Scenario,
    p: &vtre_model::Projection,
    compare: &[super::state::Compared],
    lang: vtre_i18n::Lang,
) -> String {
    let stamp = vtre_codec::stamp::Stamp::of(p);
    let mut params = vec![
        ("s", Some(vtre_codec::link::encode_stamped(s, &stamp))),
        ("lang", Some(lang.key().into())),
    ];
    // The comparison travels with the link (issue 22): one `c=` per compared scenario.
    params.extend(compare.iter().map(|c| ("c", Some(c.link_value()))));
    if compare.is_empty() {
        params.push(("c", None));
    }
    url_with(&params)
}

#[component]
pub fn Toolbar(panel_open: RwSignal<bool>, embed_open: RwSignal<bool>) -> impl IntoView {
    let edit: Edit = expect_context();
    let LangCtx(lang) = expect_context();
    let super::state::CompareCtx(compare) = expect_context();
    let ProjectionCtx(p) = expect_context();
    let PresenterCtx(presenter) = expect_context();
    let share_open = RwSignal::new(false);
    let copied = RwSignal::new(None::<bool>);
    let tr = move |m: Msg| m.text(lang.get());
    // Only while the share box is open: a lever move does not rebuild a link nobody sees.
    let url = Memo::new(move |_| {
        if share_open.get() {
            edit.scenario
                .with(|s| p.with(|p| compare.with(|c| share_url(s, p, c, lang.get()))))
        } else {
            String::new()
        }
    });
    // Its QR code comes from the worker (state/qr.rs), asked for while the box is open.
    let qr: super::state::QrCtx = expect_context();
    Effect::new(move |_| {
        if share_open.get() {
            url.with(|u| qr.want(u));
        }
    });

    // The link as it is now, for the copy and print buttons.
    let link_now = move || {
        edit.scenario.with_untracked(|s| {
            p.with_untracked(|p| {
                compare.with_untracked(|c| share_url(s, p, c, lang.get_untracked()))
            })
        })
    };
    let copy = move |_| {
        let text = link_now();
        let clip = web_sys::window().map(|w| w.navigator().clipboard());
        match clip {
            Some(c) => {
                let promise = c.write_text(&text);
                leptos::task::spawn_local(async move {
                    let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
                    copied.set(Some(ok));
                });
            }
            None => copied.set(Some(false)),
        }
    };
    let export_csv = move |_| {
        let csv = p.with_untracked(vtre_codec::output::projection_csv);
        download("vtre-projection.csv", "text/csv;charset=utf-8", &csv);
    };
    // One file to cite: the assumptions' sources come from data/assumptions.csv (written by the build), so
    // their text is not in the wasm.
    let download_data = move |_| {
        let s = edit.scenario.get_untracked();
        let l = lang.get_untracked();
        leptos::task::spawn_local(async move {
            let file = "data/assumptions.csv";
            let assumptions = super::fetch::load_text(file, file).await;
            let now = js_sys::Date::new_0();
            let date = format!(
                "{}-{:02}-{:02}",
                now.get_full_year(),
                now.get_month() + 1,
                now.get_date()
            );
            let projection = vtre_model::simulate(&s);
            let link = compare.with_untracked(|c| share_url(&s, &projection, c, l));
            let cite = vtre_codec::download::Citation {
                title_zh: Msg::AppTitle.text(vtre_i18n::Lang::Zh),
                title_en: Msg::AppTitle.text(vtre_i18n::Lang::En),
                version: env!("CARGO_PKG_VERSION"),
                date: &date,
                link: &link,
                lang: l,
            };
            let csv = vtre_codec::download::data_csv(
                &cite,
                &projection,
                s.overrides(),
                assumptions.as_deref(),
            );
            download(
                &format!("vtre-data-{date}.csv"),
                "text/csv;charset=utf-8",
                &csv,
            );
        });
    };
    let export_json = move |_| {
        let json = edit.scenario.with_untracked(|s| {
            p.with_untracked(|p| {
                let stamp = vtre_codec::stamp::Stamp::of(p);
                vtre_codec::scenario_json::to_stamped_json_value(s, &stamp).to_text()
            })
        });
        download("vtre-scenario.json", "application/json", &json);
    };
    // The scenarios panel and the embed dialog are the full module's: in the core module (issue 20) their
    // buttons ask for it, with the panel to open once it has taken over (handover.rs).
    #[cfg(not(feature = "full"))]
    let (toggle_panel, toggle_embed) = {
        let _ = (panel_open, embed_open);
        let super::handover::HandoverCtx(loading) = expect_context();
        let ask = move |panel: &'static str| {
            super::handover::request(vec![("open", Some(panel.to_string()))], loading)
        };
        (
            move |_: leptos::ev::MouseEvent| ask("scenarios"),
            move |_: leptos::ev::MouseEvent| ask("embed"),
        )
    };
    #[cfg(feature = "full")]
    let (toggle_panel, toggle_embed) = (
        move |_: leptos::ev::MouseEvent| panel_open.update(|o| *o = !*o),
        move |_: leptos::ev::MouseEvent| embed_open.update(|o| *o = !*o),
    );
    view! {
        <nav class="toolbar" aria-label=t(lang, Msg::Scenarios)>
            <button data-action="undo" disabled=move || edit.past.with(Vec::is_empty) title=t(lang, Msg::UndoHint)
                on:click=move |_| edit.undo()>"↶ "{t(lang, Msg::Undo)}</button>
            <button data-action="redo" disabled=move || edit.future.with(Vec::is_empty) title=t(lang, Msg::RedoHint)
                on:click=move |_| edit.redo()>"↷ "{t(lang, Msg::Redo)}</button>
            <button data-action="scenarios" aria-expanded=move || panel_open.get().to_string() aria-controls="scenario-panel"
                on:click=toggle_panel>{t(lang, Msg::Scenarios)}</button>
            <button data-action="share" aria-expanded=move || share_open.get().to_string() aria-controls="share-box"
                on:click=move |_| { share_open.update(|o| *o = !*o); copied.set(None); }>{t(lang, Msg::ShareLink)}</button>
            <button data-action="embed" aria-expanded=move || embed_open.get().to_string() aria-controls="embed-panel"
                on:click=toggle_embed>{move || tr(Msg::Embed)}</button>
            <button class="download" data-action="download-data" title=t(lang, Msg::DownloadDataHint) on:click=download_data>
                <span aria-hidden="true">"⤓ "</span>{t(lang, Msg::DownloadData)}</button>
            <button data-action="export-csv" on:click=export_csv>{t(lang, Msg::ExportCsv)}</button>
            <button data-action="export-json" on:click=export_json>{t(lang, Msg::ExportJson)}</button>
            <button data-action="print" on:click=move |_| print_with_qr(qr, link_now())>{t(lang, Msg::Print)}</button>
            <button data-action="presenter" aria-pressed=move || presenter.get().to_string() title=t(lang, Msg::PresenterHint)
                on:click=move |_| presenter.update(|p| *p = !*p)>{t(lang, Msg::Presenter)}</button>
        </nav>
        <div id="share-box" class="share-box" hidden=move || !share_open.get()>
            <label for="share-url">{t(lang, Msg::ShareLink)}</label>
            <div class="share-row">
                <input id="share-url" data-share-url="" readonly prop:value=url
                    on:focus=move |ev| { if let Some(t) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) { t.select(); } }/>
                <button data-action="copy-link" on:click=copy>{t(lang, Msg::CopyLink)}</button>
            </div>
            <p class="field-note ok" role="status">{move || match copied.get() {
                Some(true) => tr(Msg::Copied).to_string(),
                Some(false) => tr(Msg::CopyFailed).to_string(),
                None => String::new(),
            }}</p>
            {move || match url.with(|u| qr.of(u)) {
                Some(Qr::Made(src)) => view! { <img class="qr" data-qr="" src=src alt=tr(Msg::QrAlt) width="220" height="220"/> }.into_any(),
                Some(Qr::Making) => view! { <p class="qr-note muted" data-qr-making="">{tr(Msg::QrMaking)}</p> }.into_any(),
                Some(Qr::Unavailable) => view! { <p class="qr-note" data-qr-unavailable="">{tr(Msg::QrUnavailable)}</p> }.into_any(),
                None => ().into_any(),
            }}
        </div>
    }
}

/// The print button: makes the handout's QR code of `link` first (the worker draws it: at most [`PRINT_WAIT_MS`]),
/// then prints. A print from the browser's menu prints the code when it is already made (the handout keeps
/// it current once the worker runs), else the link alone.
fn print_with_qr(qr: QrCtx, link: String) {
    qr.want(&link);
    let print = || {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    leptos::task::spawn_local(async move {
        let mut waited = 0;
        while waited < PRINT_WAIT_MS && qr.of(&link) == Some(Qr::Making) {
            gloo_timers::future::TimeoutFuture::new(50).await;
            waited += 50;
        }
        print();
    });
}

/// How long the print button waits for the QR code.
const PRINT_WAIT_MS: u32 = 2_000;
