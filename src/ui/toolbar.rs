//! The scenario toolbar: undo/redo, share link (copy + QR code), the file actions (download data, export
//! CSV and JSON: `files.rs`, in the full module), print handout, presenter mode, and the scenarios panel
//! toggle.

use super::state::t;
use super::state::{url_with, Edit, PresenterCtx};
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
        // What the address asked the full module to open or reveal is done once, not shared: the page drops
        // it from the address only after a pause (`write_later`), and a link made before that — a handout
        // printed just after closing the scenarios panel — must be the one made after it.
        ("open", None),
        ("reveal", None),
    ];
    // The comparison travels with the link (issue 22): one `c=` per compared scenario.
    params.extend(compare.iter().map(|c| ("c", Some(c.link_value()))));
    if compare.is_empty() {
        params.push(("c", None));
    }
    url_with(&params)
}

/// A file the toolbar writes (`files.rs`); its key is its button's `data-action` and the `open=` that asks the
/// full module for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileAction {
    DownloadData,
    ExportCsv,
    ExportJson,
}

impl FileAction {
    #[cfg(feature = "full")]
    pub const ALL: [FileAction; 3] = [
        FileAction::DownloadData,
        FileAction::ExportCsv,
        FileAction::ExportJson,
    ];
    pub const fn key(self) -> &'static str {
        match self {
            FileAction::DownloadData => "download-data",
            FileAction::ExportCsv => "export-csv",
            FileAction::ExportJson => "export-json",
        }
    }
    #[cfg(feature = "full")]
    pub fn from_key(k: &str) -> Option<FileAction> {
        FileAction::ALL.into_iter().find(|a| a.key() == k)
    }
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
    // The file actions are the full module's (files.rs): in the core their buttons ask for it, with the action
    // to do once it has taken over; a link or a hand-over that asked for one gets it done once, here.
    #[cfg(not(feature = "full"))]
    let file = {
        let super::handover::HandoverCtx(loading) = expect_context();
        move |a: FileAction| {
            super::handover::request(vec![("open", Some(a.key().to_string()))], loading)
        }
    };
    #[cfg(feature = "full")]
    let file = {
        let run = super::files::runner();
        if let Some(a) = super::handover::opened().and_then(FileAction::from_key) {
            request_animation_frame(move || run(a));
        }
        run
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
                on:click=toggle_embed>{t(lang, Msg::Embed)}</button>
            <button class="download" data-action=FileAction::DownloadData.key() title=t(lang, Msg::DownloadDataHint)
                on:click=move |_| file(FileAction::DownloadData)>
                <span aria-hidden="true">"⤓ "</span>{t(lang, Msg::DownloadData)}</button>
            <button data-action=FileAction::ExportCsv.key() on:click=move |_| file(FileAction::ExportCsv)>{t(lang, Msg::ExportCsv)}</button>
            <button data-action=FileAction::ExportJson.key() on:click=move |_| file(FileAction::ExportJson)>{t(lang, Msg::ExportJson)}</button>
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
