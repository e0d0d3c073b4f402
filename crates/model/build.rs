//! Generates the lever and parameter tables from their data files, in the spirit of SDEverywhere's
//! `inputs.csv`:
//!
//! - `data/levers.csv` → `$OUT_DIR/levers_gen.rs`: the `LeverId` enum and the `LEVERS` table;
//! - `data/params.csv` (id, CSV key, chain, zh/en name) + `data/sichuan_baseline.csv` (value, unit, kind, low,
//!   high) → `$OUT_DIR/params_gen.rs`: the `ParamId` enum and the `PARAMS` table.
//!
//! `src/levers.rs` and `src/params.rs` `include!` them, so ids stay typed and checked by the compiler. A data
//! error (malformed row, unknown group or chain, a parameter key missing from the baseline CSV, a default
//! outside its lever's range, an empty or untranslated parameter name, …) stops the build with a message
//! naming the file and line.

#[path = "src/csv_line.rs"]
mod csv_line;
#[path = "src/label_check.rs"]
mod label_check;

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

const LEVERS_CSV: &str = "data/levers.csv";
const PARAMS_CSV: &str = "data/params.csv";
const BASELINE_CSV: &str = "data/sichuan_baseline.csv";

const LEVER_COLUMNS: [&str; 17] = [
    "id",
    "key",
    "group",
    "unit_zh",
    "unit_en",
    "min",
    "max",
    "step",
    "base",
    "default",
    "target_year",
    "guideline_ref",
    "section",
    "label_zh",
    "label_en",
    "base_param",
    "base_scale",
];
/// `display_unit` is optional: empty means the baseline CSV row's unit is shown as it is. `role` is empty for
/// an input, `check` for a base-year figure the model reproduces (tested, not an input) or `derived` for a
/// value the calibration derives from other rows. `label_zh` and `label_en` are the parameter's name for a
/// reader (the CSV key is an internal id), checked by `label_check::check`.
const PARAM_COLUMNS: [&str; 7] = [
    "id",
    "csv_key",
    "chain",
    "display_unit",
    "role",
    "label_zh",
    "label_en",
];
/// `absorbed` marks a figure the calibration cancels out (any value gives the same projection).
const ROLES: [(&str, &str); 4] = [
    ("", "Input"),
    ("check", "Check"),
    ("derived", "Derived"),
    ("absorbed", "Absorbed"),
];
const BASELINE_COLUMNS: [&str; 9] = [
    "key", "value", "unit", "year", "kind", "low", "high", "source", "note",
];

/// Lever groups: the `group` column → `LeverGroup` variant.
const GROUPS: [(&str, &str); 5] = [
    ("steel", "Steel"),
    ("vanadium_titanium", "VanadiumTitanium"),
    ("rare_earth", "RareEarth"),
    ("energy_power", "EnergyPower"),
    ("prices", "Prices"),
];
/// Model chains: the `chain` column → `Chain` variant.
const CHAINS: [(&str, &str); 7] = [
    ("steel", "Steel"),
    ("vanadium", "Vanadium"),
    ("titanium", "Titanium"),
    ("rare_earth", "RareEarth"),
    ("energy", "Energy"),
    ("emissions", "Emissions"),
    ("value", "Value"),
];

fn main() {
    for f in [
        LEVERS_CSV,
        PARAMS_CSV,
        BASELINE_CSV,
        ACTUALS_CSV,
        ACTUALS_MAP_CSV,
        RELATED_CSV,
        "build.rs",
        "src/csv_line.rs",
        "src/label_check.rs",
    ] {
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
    let (params_text, values) = params_rs(&params, &baseline)?;
    write(&out.join("levers_gen.rs"), &levers_rs(&levers, &values)?)?;
    write(&out.join("params_gen.rs"), &params_text)?;
    write(&out.join("actuals_gen.rs"), &actuals_rs(&dir)?)?;
    Ok(())
}

const ACTUALS_CSV: &str = "data/actuals.csv";
const ACTUALS_MAP_CSV: &str = "data/actuals_map.csv";
const RELATED_CSV: &str = "data/related_targets.csv";

/// The few numbers the app needs from the published figures, as const tables, so the figures' long notes
/// and sources stay out of the wasm (the CLI and the page generator read the full CSV): the same-basis
/// Sichuan history, the other plans' targets (with a short name of the plan each comes from) and the
/// published figures the charts mark (with the map's short zh/en description of what each figure is).
fn actuals_rs(dir: &Path) -> Result<String, String> {
    let actuals = read_table(
        dir,
        ACTUALS_CSV,
        &[
            "key", "value", "unit", "year", "kind", "role", "source", "note",
        ],
    )?;
    let map = read_table(
        dir,
        ACTUALS_MAP_CSV,
        &[
            "key", "unit", "series", "factor", "basis", "note_zh", "note_en",
        ],
    )?;
    let related = read_table(
        dir,
        RELATED_CSV,
        &[
            "id",
            "actual_key",
            "factor",
            "measure",
            "label_zh",
            "label_en",
            "measure_zh",
            "measure_en",
            "source_zh",
            "source_en",
        ],
    )?;
    let mut history = String::new();
    let mut published = String::new();
    for m in &map {
        let basis = match m.get("basis") {
            "same" => "Same",
            "part" => "Part",
            "national" => "National",
            b => return Err(format!("{}: unknown basis {b:?}", m.at())),
        };
        let (note_zh, note_en) = (m.text("note_zh")?, m.text("note_en")?);
        let factor = m.num("factor")?;
        for a in actuals.iter().filter(|a| {
            a.get("key") == m.get("key")
                && a.get("unit") == m.get("unit")
                && a.get("role") != "target"
        }) {
            let year: u16 = a
                .get("year")
                .parse()
                .map_err(|_| format!("{}: bad year", a.at()))?;
            // Only the projection's years can be drawn on a chart.
            if !(2020..=2035).contains(&year) {
                continue;
            }
            let _ = writeln!(
                published,
                "    PublishedGen {{ series: {:?}, year: {year}, value: {}, basis: Basis::{basis}, note: Text::new({note_zh:?}, {note_en:?}) }},",
                m.key("series")?,
                lit(a.num("value")? * factor)
            );
        }
    }
    for m in &map {
        if m.get("basis") != "same" {
            continue;
        }
        let factor = m.num("factor")?;
        for a in actuals.iter().filter(|a| {
            a.get("key") == m.get("key")
                && a.get("unit") == m.get("unit")
                && a.get("role") == "actual"
        }) {
            let year: u16 = a
                .get("year")
                .parse()
                .map_err(|_| format!("{}: bad year", a.at()))?;
            // Only the projection's years (2020 on) can be history a later policy start follows.
            if year < 2020 {
                continue;
            }
            let _ = writeln!(
                history,
                "    ({:?}, {year}, {}),",
                m.key("series")?,
                lit(a.num("value")? * factor)
            );
        }
    }
    let mut rel = String::new();
    for r in &related {
        let key = r.key("actual_key")?;
        let a = actuals
            .iter()
            .find(|a| a.get("key") == key && a.get("role") == "target")
            .ok_or_else(|| format!("{}: no target row {key:?} in {ACTUALS_CSV}", r.at()))?;
        let year: u16 = a
            .get("year")
            .parse()
            .map_err(|_| format!("{}: bad year", a.at()))?;
        let _ = writeln!(
            rel,
            "    RelatedGen {{ id: {:?}, year: {year}, threshold: {}, measure: {:?}, label: Text::new({:?}, {:?}), measure_text: Text::new({:?}, {:?}), source: Text::new({:?}, {:?}), actual_key: {key:?} }},",
            r.key("id")?,
            lit(a.num("value")? * r.num("factor")?),
            r.text("measure")?,
            r.text("label_zh")?,
            r.text("label_en")?,
            r.text("measure_zh")?,
            r.text("measure_en")?,
            r.text("source_zh")?,
            r.text("source_en")?,
        );
    }
    Ok(format!(
        "// Generated by crates/model/build.rs from {ACTUALS_CSV}, {ACTUALS_MAP_CSV} and {RELATED_CSV}.

/// Published Sichuan figures measuring exactly what a series measures: (series key, year, value in its unit).
pub const HISTORY_GEN: &[(&str, u16, f64)] = &[
{history}];

/// Other plans' targets, thresholds in the measure's unit.
pub const RELATED_GEN: &[RelatedGen] = &[
{rel}];

/// Published figures (not targets) on a model series in 2020–2035, in the series' unit, with what each is.
pub const PUBLISHED_GEN: &[PublishedGen] = &[
{published}];
"
    ))
}

fn env(name: &str) -> Result<String, String> {
    std::env::var(name).map_err(|e| format!("{name}: {e}"))
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// One data row: the file, its line number (1-based) and its fields by column name.
struct Row<'a> {
    file: &'static str,
    line: usize,
    columns: &'a [&'static str],
    fields: Vec<String>,
}

impl Row<'_> {
    fn get(&self, column: &str) -> &str {
        self.columns
            .iter()
            .position(|c| *c == column)
            .and_then(|i| self.fields.get(i))
            .map_or("", String::as_str)
    }
    fn at(&self) -> String {
        format!("{}:{}", self.file, self.line)
    }
    /// A field that must not be empty.
    fn text(&self, column: &str) -> Result<&str, String> {
        let v = self.get(column);
        if v.trim().is_empty() || v.trim() != v {
            return Err(format!(
                "{}: `{column}` is empty or has surrounding spaces ({v:?})",
                self.at()
            ));
        }
        Ok(v)
    }
    /// A finite number.
    fn num(&self, column: &str) -> Result<f64, String> {
        let v = self.get(column);
        match v.trim().parse::<f64>() {
            Ok(x) if x.is_finite() => Ok(x),
            _ => Err(format!(
                "{}: `{column}` is not a finite number ({v:?})",
                self.at()
            )),
        }
    }
    /// A Rust identifier in CamelCase, used as an enum variant.
    fn ident(&self, column: &str) -> Result<&str, String> {
        let v = self.text(column)?;
        let ok = v.starts_with(|c: char| c.is_ascii_uppercase())
            && v.chars().all(|c| c.is_ascii_alphanumeric());
        if ok {
            Ok(v)
        } else {
            Err(format!(
                "{}: `{column}` must be a CamelCase identifier, not {v:?}",
                self.at()
            ))
        }
    }
    /// A stable text key: lowercase ASCII letters, digits and `_`.
    fn key(&self, column: &str) -> Result<&str, String> {
        let v = self.text(column)?;
        if v.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        {
            Ok(v)
        } else {
            Err(format!(
                "{}: `{column}` must be lowercase snake_case, not {v:?}",
                self.at()
            ))
        }
    }
}

/// Reads a CSV file whose header must be exactly `columns`. Fields may be quoted (RFC 4180: `""` is a quote
/// inside a quoted field); fields do not span lines. Blank lines are skipped.
fn read_table<'a>(
    dir: &Path,
    file: &'static str,
    columns: &'a [&'static str],
) -> Result<Vec<Row<'a>>, String> {
    let text =
        std::fs::read_to_string(dir.join(file)).map_err(|e| format!("cannot read {file}: {e}"))?;
    let mut lines = text.lines().enumerate();
    let header = lines
        .next()
        .map(|(_, l)| csv_line::split_line(l))
        .transpose()
        .map_err(|e| format!("{file}:1: {e}"))?
        .unwrap_or_default();
    if header != columns {
        return Err(format!(
            "{file}:1: the header must be `{}`, found `{}`",
            columns.join(","),
            header.join(",")
        ));
    }
    let mut rows = Vec::new();
    for (i, l) in lines {
        if l.trim().is_empty() {
            continue;
        }
        let fields = csv_line::split_line(l).map_err(|e| format!("{file}:{}: {e}", i + 1))?;
        if fields.len() != columns.len() {
            return Err(format!(
                "{file}:{}: malformed row: {} fields, the header has {}",
                i + 1,
                fields.len(),
                columns.len()
            ));
        }
        rows.push(Row {
            file,
            line: i + 1,
            columns,
            fields,
        });
    }
    Ok(rows)
}

/// A float literal that reads back as exactly `v` (`{:?}` prints the shortest round-trip form, always with a
/// `.` or an exponent).
fn lit(v: f64) -> String {
    format!("{v:?}")
}

fn unique(seen: &mut HashSet<String>, row: &Row, column: &str, v: &str) -> Result<(), String> {
    if seen.insert(v.to_string()) {
        Ok(())
    } else {
        Err(format!("{}: duplicate `{column}` {v:?}", row.at()))
    }
}

/// Parameter CSV key → (ParamId variant, value).
type ParamValues = HashMap<String, (String, f64)>;

fn levers_rs(rows: &[Row], params: &ParamValues) -> Result<String, String> {
    if rows.is_empty() {
        return Err(format!("{LEVERS_CSV}: no levers"));
    }
    let (mut ids, mut keys) = (HashSet::new(), HashSet::new());
    let mut variants = String::new();
    let mut table = String::new();
    for r in rows {
        let id = r.ident("id")?;
        let key = r.key("key")?;
        unique(&mut ids, r, "id", id)?;
        unique(&mut keys, r, "key", key)?;
        let group = r.text("group")?;
        let group = GROUPS
            .iter()
            .find(|(g, _)| *g == group)
            .map(|(_, v)| *v)
            .ok_or_else(|| {
                let known: Vec<&str> = GROUPS.iter().map(|(g, _)| *g).collect();
                format!(
                    "{}: unknown group {group:?} (known: {})",
                    r.at(),
                    known.join(", ")
                )
            })?;
        let [min, max, step, base, default] =
            ["min", "max", "step", "base", "default"].map(|c| r.num(c));
        let (min, max, step, base, default) = (min?, max?, step?, base?, default?);
        if min >= max {
            return Err(format!("{}: lever {key}: min {min} >= max {max}", r.at()));
        }
        if !(min <= default && default <= max) {
            return Err(format!(
                "{}: lever {key}: default {default} is outside min {min} .. max {max}",
                r.at()
            ));
        }
        if !(min <= base && base <= max) {
            return Err(format!(
                "{}: lever {key}: base {base} is outside min {min} .. max {max}",
                r.at()
            ));
        }
        // The 2020 level and the default must sit on the step grid, so a scenario holding them (the
        // "no new policy" preset, the reference) survives a share link exactly.
        for (what, v) in [("base", base), ("default", default)] {
            let steps = (v - min) / step;
            if (steps - steps.round()).abs() > 1e-6 {
                return Err(format!(
                    "{}: lever {key}: {what} {v} is not on the step grid (min {min}, step {step})",
                    r.at()
                ));
            }
        }
        if !(step > 0.0 && step <= max - min) {
            return Err(format!(
                "{}: lever {key}: step {step} must be > 0 and <= max - min",
                r.at()
            ));
        }
        let year = r.get("target_year");
        let target_year = match year.parse::<u16>() {
            Ok(y) if (2020..=2100).contains(&y) => y,
            _ => {
                return Err(format!(
                    "{}: lever {key}: target_year must be a year from 2020, not {year:?}",
                    r.at()
                ))
            }
        };
        let section = r.text("section")?;
        if !section.starts_with("ch") {
            return Err(format!(
                "{}: lever {key}: section {section:?} must be a section id like `ch3-s5`",
                r.at()
            ));
        }
        let [guideline_ref, unit_zh, unit_en, label_zh, label_en] = [
            "guideline_ref",
            "unit_zh",
            "unit_en",
            "label_zh",
            "label_en",
        ]
        .map(|c| r.text(c));
        let (guideline_ref, unit_zh, unit_en, label_zh, label_en) =
            (guideline_ref?, unit_zh?, unit_en?, label_zh?, label_en?);
        // The 2020 level may read a parameter (value × scale), so overriding it moves the lever's start.
        let base_param = match r.get("base_param") {
            "" => "None".to_string(),
            k => {
                let (pid, value) = params.get(k).ok_or_else(|| {
                    format!(
                        "{}: lever {key}: base_param {k:?} is not in {PARAMS_CSV}",
                        r.at()
                    )
                })?;
                let scale = r.num("base_scale")?;
                if (value * scale - base).abs() > 1e-9 * base.abs().max(1.0) {
                    return Err(format!(
                        "{}: lever {key}: base {base} differs from {k} × {scale} = {}",
                        r.at(),
                        value * scale
                    ));
                }
                format!("Some((ParamId::{pid}, {}))", lit(scale))
            }
        };
        let _ = writeln!(variants, "    /// `{key}`: {label_en}.\n    {id},");
        let _ = writeln!(
            table,
            "    LeverSpec {{
        id: LeverId::{id},
        key: {key:?},
        group: LeverGroup::{group},
        unit: Text::new({unit_zh:?}, {unit_en:?}),
        min: {},
        max: {},
        step: {},
        base: {},
        base_param: {base_param},
        default: {},
        target_year: {target_year},
        guideline_ref: {guideline_ref:?},
        section: {section:?},
        label: Text::new({label_zh:?}, {label_en:?}),
    }},",
            lit(min),
            lit(max),
            lit(step),
            lit(base),
            lit(default),
        );
    }
    Ok(format!(
        "// Generated by crates/model/build.rs from {LEVERS_CSV}. Do not edit: edit the CSV.

/// Typed lever ids; `LeverId::X as usize` indexes [`LEVERS`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LeverId {{
{variants}}}

/// The lever table, in `LeverId` order.
pub const LEVERS: &[LeverSpec] = &[
{table}];
"
    ))
}

/// What the model needs of one baseline CSV row.
struct Baseline<'a> {
    line: usize,
    value: &'a str,
    unit: &'a str,
    kind: &'a str,
    low: &'a str,
    high: &'a str,
}

fn params_rs(rows: &[Row], baseline: &[Row]) -> Result<(String, ParamValues), String> {
    if rows.is_empty() {
        return Err(format!("{PARAMS_CSV}: no parameters"));
    }
    let mut csv: HashMap<&str, Baseline> = HashMap::new();
    for b in baseline {
        csv.entry(b.get("key")).or_insert(Baseline {
            line: b.line,
            value: b.get("value"),
            unit: b.get("unit"),
            kind: b.get("kind"),
            low: b.get("low"),
            high: b.get("high"),
        });
    }
    let (mut ids, mut keys) = (HashSet::new(), HashSet::new());
    let mut variants = String::new();
    let mut table = String::new();
    let mut values = ParamValues::new();
    for r in rows {
        let id = r.ident("id")?;
        let key = r.key("csv_key")?;
        let role = r.get("role");
        let role = ROLES
            .iter()
            .find(|(k, _)| *k == role)
            .map(|(_, v)| *v)
            .ok_or_else(|| {
                format!(
                    "{}: unknown role {role:?} (empty, check, derived or absorbed)",
                    r.at()
                )
            })?;
        unique(&mut ids, r, "id", id)?;
        unique(&mut keys, r, "csv_key", key)?;
        let chain = r.text("chain")?;
        let chain = CHAINS
            .iter()
            .find(|(c, _)| *c == chain)
            .map(|(_, v)| *v)
            .ok_or_else(|| {
                let known: Vec<&str> = CHAINS.iter().map(|(c, _)| *c).collect();
                format!(
                    "{}: unknown chain {chain:?} (known: {})",
                    r.at(),
                    known.join(", ")
                )
            })?;
        let b = csv.get(key).ok_or_else(|| {
            format!(
                "{}: parameter {id}: csv_key {key:?} has no row in {BASELINE_CSV}",
                r.at()
            )
        })?;
        let at = format!("{BASELINE_CSV}:{} (parameter {id})", b.line);
        let num = |column: &str, s: &str| -> Result<Option<f64>, String> {
            if s.trim().is_empty() {
                return Ok(None);
            }
            match s.trim().parse::<f64>() {
                Ok(x) if x.is_finite() => Ok(Some(x)),
                _ => Err(format!("{at}: `{column}` is not a finite number ({s:?})")),
            }
        };
        let value = num("value", b.value)?.ok_or_else(|| format!("{at}: `value` is empty"))?;
        let kind = match b.kind {
            "FACT" => "Fact",
            "ESTIMATE" => "Estimate",
            k => return Err(format!("{at}: kind must be FACT or ESTIMATE, not {k:?}")),
        };
        let (low, high) = match (num("low", b.low)?, num("high", b.high)?) {
            (Some(lo), Some(hi)) => (lo, hi),
            (None, None) if kind == "Fact" => (value, value),
            (None, None) => return Err(format!("{at}: an ESTIMATE must carry a low-high range")),
            _ => return Err(format!("{at}: give both `low` and `high` or neither")),
        };
        if !(low <= value && value <= high) {
            return Err(format!(
                "{at}: value {value} is outside its range {low} .. {high}"
            ));
        }
        let unit = match r.get("display_unit") {
            "" => b.unit,
            _ => r.text("display_unit")?,
        };
        if unit.trim().is_empty() {
            return Err(format!("{at}: the row has no unit"));
        }
        let (label_zh, label_en) = (r.get("label_zh"), r.get("label_en"));
        label_check::check(label_zh, label_en)
            .map_err(|e| format!("{}: parameter {id}: {e}", r.at()))?;
        values.insert(key.to_string(), (id.to_string(), value));
        let _ = writeln!(variants, "    /// `{key}`: {label_en}.\n    {id},");
        let _ = writeln!(
            table,
            "    ParamSpec {{
        id: ParamId::{id},
        csv_key: {key:?},
        chain: Chain::{chain},
        value: {},
        unit: {unit:?},
        kind: Kind::{kind},
        low: {},
        high: {},
        role: Role::{role},
        label: Text::new({label_zh:?}, {label_en:?}),
    }},",
            lit(value),
            lit(low),
            lit(high),
        );
    }
    let text = format!(
        "// Generated by crates/model/build.rs from {PARAMS_CSV} and {BASELINE_CSV}. Do not edit: edit the CSVs.

/// Typed parameter ids; `ParamId::X as usize` indexes [`PARAMS`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ParamId {{
{variants}}}

/// The parameter table, in `ParamId` order.
pub const PARAMS: &[ParamSpec] = &[
{table}];
"
    );
    Ok((text, values))
}
