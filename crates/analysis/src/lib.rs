//! Analyses on top of the model, for analysts and the browser: what is uncertain, what matters, what it
//! takes, and which change did what.
//!
//! - [`mod@ensemble`]: the current scenario under parameter uncertainty (Latin hypercube over the ESTIMATE
//!   parameters, triangular on each range): quantiles per series and year, and the probability each target
//!   is met. Incremental ([`Ensemble::step`]) so a browser can run it in slices.
//! - [`mod@sensitivity`]: a tornado of one output over every lever and uncertain parameter, one at a time.
//! - [`mod@goal_seek`]: the lever value that just meets a target, or the best all levers reach.
//! - [`mod@confidence`]: the smallest move of a policy lever that meets a target with a chance of at least
//!   `c` over an ensemble, or the best chance reachable.
//! - [`mod@shapley`]: a scenario's change from the reference in one output, split among its changes.
//!
//! Pure Rust on `vtre-model` only: no I/O, no clock, no threads; randomness from a seeded [`SplitMix64`]
//! ([`rng`]), so every result is reproducible bit for bit from its inputs and seed, natively and in wasm.
//! What is measured and varied: [`Measure`] and [`Input`].

pub mod confidence;
pub mod ensemble;
pub mod goal_seek;
pub mod measure;
pub mod rng;
pub mod sensitivity;
pub mod shapley;
mod sort;

pub use confidence::{confident_seek, confident_seek_levers, Chance, ConfidentRun, ConfidentSeek};
pub use ensemble::{
    ensemble, member_scenarios, Ensemble, Quantiles, Summary, TargetOdds, DEFAULT_MEMBERS,
    QUANTILE_LEVELS,
};
pub use goal_seek::{
    best_reachable, best_reachable_with, goal_seek, goal_seek_with, LeverSet, Reachable, Seek,
    SeekError,
};
pub use measure::{changes_from_reference, uncertain_params, Input, Measure, OFFERED_SERIES};
pub use rng::SplitMix64;
pub use sensitivity::{tornado, Bar, Tornado, DEFAULT_TOP};
pub use shapley::{contributions, contributions_with, Contributions, Method, Part, ShapleyRun};
