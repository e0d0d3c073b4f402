//! `data/params.csv` + `data/sichuan_baseline.csv` → the `ParamId` enum and the `PARAMS` table.

use crate::label_check;
use crate::table::{lit, Ids, ParamValues, Row};
use crate::{BASELINE_CSV, PARAMS_CSV};
use std::collections::HashMap;
use std::fmt::Write as _;

/// `display_unit` is optional: empty means the baseline CSV row's unit is shown as it is. `role` is empty for
/// an input, `check` for a base-year figure the model reproduces (tested, not an input) or `derived` for a
/// value the calibration derives from other rows. `label_zh` and `label_en` are the parameter's name for a
/// reader (the CSV key is an internal id), checked by `label_check::check`.
pub const PARAM_COLUMNS: [&str; 7] = [
    "id",
    "csv_key",
    "chain",
    "display_unit",
    "role",
    "label_zh",
    "label_en",
];
/// `absorbed` marks a figure the calibration cancels out (any value gives the same projection).
pub const ROLES: [(&str, &str); 4] = [
    ("", "Input"),
    ("check", "Check"),
    ("derived", "Derived"),
    ("absorbed", "Absorbed"),
];
pub const BASELINE_COLUMNS: [&str; 9] = [
    "key", "value", "unit", "year", "kind", "low", "high", "source", "note",
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

/// What the model needs of one baseline CSV row.
struct Baseline<'a> {
    line: usize,
    value: &'a str,
    unit: &'a str,
    kind: &'a str,
    low: &'a str,
    high: &'a str,
}

pub fn params_rs(rows: &[Row], baseline: &[Row]) -> Result<(String, ParamValues), String> {
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
    let mut ids = Ids::default();
    let mut variants = String::new();
    let mut table = String::new();
    let mut labels = String::new();
    let mut values = ParamValues::new();
    for r in rows {
        let (id, key) = ids.of(r, "csv_key")?;
        let role = r.one_of("role", &ROLES, "parameter")?;
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
        let _ = writeln!(labels, "    Text::new({label_zh:?}, {label_en:?}),");
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

/// The parameters' names, in `ParamId` order ([`ParamSpec::label`]): apart from [`PARAMS`], so a build that
/// shows no parameter's name (the page's first module) does not carry them.
static PARAM_LABELS: &[Text] = &[
{labels}];
"
    );
    Ok((text, values))
}
