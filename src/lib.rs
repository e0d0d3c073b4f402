//! Sichuan V-Ti-Steel & Rare-Earth Policy Explorer (四川钒钛钢铁及稀土产业政策情景沙盘).
//!
//! [`model`] is the pure simulation model (native and wasm); [`output`] turns a projection into the CLI's
//! CSV/JSON; [`charts`] draws projections with plotters on any backend; `ui` (wasm only) is the Leptos app.

pub mod charts;
pub mod codec;
pub mod i18n;
pub mod json;
pub mod library;
pub mod model;
pub mod num;
pub mod output;
#[cfg(not(target_arch = "wasm32"))]
pub mod pages;
pub mod small_sort;
#[cfg(target_arch = "wasm32")]
pub mod ui;
