//! `data/levers.csv` → the `LeverId` enum and the `LEVERS` table.

use crate::table::{lit, unique, Row};
use crate::PARAMS_CSV;
use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

pub const LEVERS_CSV: &str = "data/levers.csv";

pub const LEVER_COLUMNS: [&str; 17] = [
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
/// Lever groups: the `group` column → `LeverGroup` variant.
const GROUPS: [(&str, &str); 5] = [
    ("steel", "Steel"),
    ("vanadium_titanium", "VanadiumTitanium"),
    ("rare_earth", "RareEarth"),
    ("energy_power", "EnergyPower"),
    ("prices", "Prices"),
];
/// Parameter CSV key → (ParamId variant, value).
pub type ParamValues = HashMap<String, (String, f64)>;

pub fn levers_rs(rows: &[Row], params: &ParamValues) -> Result<String, String> {
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
