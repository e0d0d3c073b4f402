//! The simulation model of Sichuan's vanadium-titanium-steel and rare-earth chain. Pure Rust: no web types,
//! no I/O, deterministic. One entry point, [`simulate`].
//!
//! Data flows one way: levers ([`levers`]) → [`Scenario`] → [`simulate`] → [`Projection`] (series, targets).
//! Every number comes from the guideline or the baseline CSV embedded in [`params`].
//!
//! Chains, each documented with its equations: [`steel`], [`vanadium`], [`titanium`], [`rare_earth`],
//! [`energy`], [`emissions`], [`value`]; targets and their scoring in [`targets`].

pub mod docs;
pub mod emissions;
pub mod energy;
pub mod flows;
pub mod guideline;
pub mod levers;
pub mod params;
pub mod presets;
pub mod rare_earth;
pub mod scenario;
pub mod series;
pub mod simulate;
pub mod steel;
pub mod targets;
pub mod titanium;
pub mod value;
pub mod vanadium;

pub use levers::{LeverId, LEVERS};
pub use scenario::{InputIssue, Scenario};
pub use series::{SeriesId, SERIES};
pub use simulate::{simulate, Projection};
pub use targets::{Status, TargetId, TARGETS};
