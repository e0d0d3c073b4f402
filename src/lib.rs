//! Sichuan V-Ti-Steel & Rare-Earth Policy Explorer (四川钒钛钢铁及稀土产业政策情景沙盘): the web app.
//!
//! Data flows one way: `vtre_model` (levers → Scenario → simulate → Projection) → `vtre_codec` (links, JSON,
//! library), `vtre_charts` (specs and drawing), `vtre_i18n` (sentences, numbers) → `ui` (this crate, wasm
//! only: Leptos components).

#[cfg(target_arch = "wasm32")]
pub mod ui;

/// The seed of the app's ensembles: the CLI's default (`vtre ensemble` / `vtre targets --members N` without
/// `--seed`), so the browser and `vtre targets --members 1000 --seed 1` give the same numbers
/// (`tests/ensemble_seed.rs` checks both constants).
pub const ENSEMBLE_SEED: u64 = 1;
/// Members of the app's ensembles: the CLI's default.
pub const ENSEMBLE_MEMBERS: usize = vtre_analysis::DEFAULT_MEMBERS;
