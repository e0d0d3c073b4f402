//! The simulation model of Sichuan's vanadium-titanium-steel and rare-earth chain. Pure Rust: no web types,
//! no I/O, deterministic. One entry point, [`simulate`]. This crate depends on no other crate at all, so the
//! compiler (not care) keeps it pure: the app, the CLI and the page generator depend on it, never the reverse.
//!
//! Data flows one way: levers ([`levers`]) → [`Scenario`] → [`simulate`] → [`Projection`] (series, targets).
//! Every number comes from the guideline or the baseline CSV embedded in [`params`].
//! The lever and parameter tables are data (`data/levers.csv`, `data/params.csv`), turned into typed ids and
//! const tables by `build.rs`; the long texts about levers and presets live in `content/` (`vtre-site`).
//!
//! Chains, each documented with its equations: [`steel`], [`vanadium`], [`titanium`], [`rare_earth`],
//! [`energy`], [`emissions`], [`value`]; targets and their scoring in [`targets`].

pub mod actuals;
pub mod baselines;
mod csv_line;
pub mod ctx;
pub mod emissions;
pub mod energy;
pub mod flows;
pub mod label_check;
pub mod levers;
pub mod params;
pub mod presets;
pub mod product;
pub mod projection;
pub mod rare_earth;
pub mod scenario;
pub mod series;
pub mod simulate;
pub mod small_sort;
pub mod steel;
pub mod targets;
#[cfg(test)]
mod test_util;
pub mod text;
pub mod titanium;
pub mod value;
pub mod vanadium;

/// The version of this model and its data: 8 hex digits, a hash of `data/*.csv`, the build code and every
/// module's code before its tests (`build/version.rs`). A share link (`m:`) and a scenario file (`"model"`)
/// carry it, so opening one made with another version can say so and show what changed in its numbers.
pub const MODEL_VERSION: &str = include!(concat!(env!("OUT_DIR"), "/model_version.rs"));

pub use baselines::{BaselineId, BASELINES};
pub use levers::{LeverId, LEVERS};
pub use projection::Projection;
pub use scenario::{InputIssue, Scenario};
pub use series::{SeriesId, SERIES};
pub use simulate::simulate;
pub use targets::{Status, TargetId, TARGETS};
pub use text::{Lang, Text};
