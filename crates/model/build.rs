//! Generates the lever and parameter tables from their data files, in the spirit of SDEverywhere's
//! `inputs.csv`:
//!
//! - `data/levers.csv` → `$OUT_DIR/levers_gen.rs`: the `LeverId` enum and the `LEVERS` table;
//! - `data/series.csv`, `data/products.csv`, `data/flows.csv` → the series table, the products' names and the
//!   flow diagrams' titles and nodes (labels as data);
//! - `data/targets.csv` → `$OUT_DIR/targets_gen.rs`: the `TargetId` enum and the `TARGETS` table;
//! - `data/baselines.csv` → `$OUT_DIR/baselines_gen.rs`: the `BaselineId` enum and the `BASELINES` table;
//! - `data/*.csv`, `build.rs`, `build/*.rs`, `src/*.rs` (code before its tests) → `$OUT_DIR/model_version.rs`:
//!   the model's version, a short hash that share links and scenario files carry;
//! - `data/params.csv` (id, CSV key, chain, zh/en name) + `data/sichuan_baseline.csv` (value, unit, kind, low,
//!   high) → `$OUT_DIR/params_gen.rs`: the `ParamId` enum and the `PARAMS` table.
//!
//! One module per table under `build/` (`table.rs` reads any of them with the `csv` crate).
//! `src/levers.rs` and `src/params.rs` `include!` them, so ids stay typed and checked by the compiler. A data
//! error (malformed row, unknown group or chain, a parameter key missing from the baseline CSV, a default
//! outside its lever's range, an empty or untranslated parameter name, …) stops the build with a message
//! naming the file and line.

#[path = "build/actuals.rs"]
mod actuals;
#[path = "build/baselines.rs"]
mod baselines;
#[path = "src/label_check.rs"]
mod label_check;
#[path = "build/labels.rs"]
mod labels;
#[path = "build/levers.rs"]
mod levers;
#[path = "build/params.rs"]
mod params;
#[path = "build/table.rs"]
mod table;
#[path = "build/targets.rs"]
mod targets;
#[path = "build/version.rs"]
mod version;

use actuals::{ACTUALS_CSV, ACTUALS_MAP_CSV, RELATED_CSV};
use baselines::{BASELINES_CSV, BASELINE_TABLE_COLUMNS};
use labels::{FLOWS_CSV, FLOW_COLUMNS, PRODUCTS_CSV, PRODUCT_COLUMNS, SERIES_COLUMNS, SERIES_CSV};
use levers::{LEVERS_CSV, LEVER_COLUMNS};
use params::{BASELINE_COLUMNS, PARAM_COLUMNS};
use std::path::PathBuf;
use table::{env, read_table, write};
use targets::{TARGETS_CSV, TARGET_COLUMNS};

pub const PARAMS_CSV: &str = "data/params.csv";
pub const BASELINE_CSV: &str = "data/sichuan_baseline.csv";

fn main() {
    for f in [
        LEVERS_CSV,
        PARAMS_CSV,
        BASELINE_CSV,
        ACTUALS_CSV,
        ACTUALS_MAP_CSV,
        RELATED_CSV,
        TARGETS_CSV,
        SERIES_CSV,
        PRODUCTS_CSV,
        FLOWS_CSV,
        BASELINES_CSV,
        "build.rs",
        "build",
        "src/label_check.rs",
    ]
    .into_iter()
    .chain(version::VERSION_INPUTS)
    {
        println!("cargo:rerun-if-changed={f}");
    }
    if let Err(e) = run() {
        // A data error must stop the build; say where it is.
        eprintln!("error: vtre-model build script: {e}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), String> {
    let dir = PathBuf::from(env("CARGO_MANIFEST_DIR")?);
    let out = PathBuf::from(env("OUT_DIR")?);
    let levers = read_table(&dir, LEVERS_CSV, &LEVER_COLUMNS)?;
    let params = read_table(&dir, PARAMS_CSV, &PARAM_COLUMNS)?;
    let baseline = read_table(&dir, BASELINE_CSV, &BASELINE_COLUMNS)?;
    let (params_text, values) = params::params_rs(&params, &baseline)?;
    write(
        &out.join("levers_gen.rs"),
        &levers::levers_rs(&levers, &values)?,
    )?;
    write(&out.join("params_gen.rs"), &params_text)?;
    write(&out.join("actuals_gen.rs"), &actuals::actuals_rs(&dir)?)?;
    let targets = read_table(&dir, TARGETS_CSV, &TARGET_COLUMNS)?;
    write(
        &out.join("targets_gen.rs"),
        &targets::targets_rs(&targets, &levers, &values)?,
    )?;
    let series = read_table(&dir, SERIES_CSV, &SERIES_COLUMNS)?;
    write(&out.join("series_gen.rs"), &labels::series_rs(&series)?)?;
    let products = read_table(&dir, PRODUCTS_CSV, &PRODUCT_COLUMNS)?;
    write(
        &out.join("products_gen.rs"),
        &labels::products_rs(&products)?,
    )?;
    let flows = read_table(&dir, FLOWS_CSV, &FLOW_COLUMNS)?;
    write(&out.join("flows_gen.rs"), &labels::flows_rs(&flows)?)?;
    let baselines = read_table(&dir, BASELINES_CSV, &BASELINE_TABLE_COLUMNS)?;
    write(
        &out.join("baselines_gen.rs"),
        &baselines::baselines_rs(&baselines)?,
    )?;
    write(
        &out.join("model_version.rs"),
        &format!("{:?}", version::model_version(&dir)?),
    )?;
    Ok(())
}
