//! The toolbar's file actions, in the full module only (issue 20: they are 4.2 KiB gzip of the core, measured
//! 2026-12-06): the data to cite (one CSV: citation, projection, assumptions with sources;
//! `vtre_codec::download`), the projection CSV and the scenario JSON. In the core module their buttons ask for
//! the full module with the action (`open=download-data|export-csv|export-json`, `handover.rs`), which does it
//! once it has taken over.

use super::state::{download, CompareCtx, Edit, LangCtx, ProjectionCtx};
use super::toolbar::{share_url, FileAction};
use leptos::prelude::*;
use vtre_i18n::Msg;

/// The file actions on the app's current scenario (its contexts are read here, so call it in a component; the
/// actions can then run from anywhere, a click or a frame callback).
pub fn runner() -> impl Fn(FileAction) + Copy + 'static {
    let edit: Edit = expect_context();
    let LangCtx(lang) = expect_context();
    let ProjectionCtx(p) = expect_context();
    let CompareCtx(compare) = expect_context();
    move |action| run(action, edit, lang, p, compare)
}

fn run(
    action: FileAction,
    edit: Edit,
    lang: RwSignal<vtre_i18n::Lang>,
    p: Memo<vtre_model::Projection>,
    compare: RwSignal<Vec<super::state::Compared>>,
) {
    match action {
        FileAction::ExportCsv => {
            let csv = p.with_untracked(vtre_codec::output::projection_csv);
            download("vtre-projection.csv", "text/csv;charset=utf-8", &csv);
        }
        FileAction::ExportJson => {
            let json = edit.scenario.with_untracked(|s| {
                p.with_untracked(|p| {
                    let stamp = vtre_codec::stamp::Stamp::of(p);
                    vtre_codec::scenario_json::to_stamped_json_value(s, &stamp).to_text()
                })
            });
            download("vtre-scenario.json", "application/json", &json);
        }
        // One file to cite: the assumptions' sources come from data/assumptions.csv (written by the build), so
        // their text is not in the wasm.
        FileAction::DownloadData => {
            let s = edit.scenario.get_untracked();
            // The projection of that scenario, as the app already has it.
            let projection = p.get_untracked();
            let l = lang.get_untracked();
            let compared = compare.get_untracked();
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
                let link = share_url(&s, &projection, &compared, l);
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
        }
    }
}
