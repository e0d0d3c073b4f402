//! Sichuan V-Ti-Steel & Rare-Earth Policy Explorer (四川钒钛钢铁及稀土产业政策情景沙盘): the web app.
//!
//! Data flows one way: `vtre_model` (levers → Scenario → simulate → Projection) → `vtre_codec` (links, JSON,
//! library), `vtre_charts` (specs and drawing), `vtre_i18n` (sentences, numbers) → `ui` (this crate, wasm
//! only: Leptos components).

#[cfg(target_arch = "wasm32")]
pub mod ui;
