//! `data/targets.csv` → the `TargetId` enum and the `TARGETS` table: the guideline's targets as data, like the
//! levers. How each is scored stays code (`targets::evaluate`, one arm per id: the compiler names the arm a
//! new row needs).

use crate::levers::ParamValues;
use crate::table::{lit, unique, Row};
use std::collections::HashSet;
use std::fmt::Write as _;

pub const TARGETS_CSV: &str = "data/targets.csv";

pub const TARGET_COLUMNS: [&str; 19] = [
    "id",
    "key",
    "year",
    "rule",
    "threshold",
    "threshold_param",
    "threshold_factor",
    "band",
    "unit",
    "guideline_ref",
    "section",
    "quote_zh",
    "quote_en",
    "label_zh",
    "label_en",
    "measure_zh",
    "measure_en",
    "source",
    "levers",
];

/// The `rule` column → `Rule` variant.
const RULES: [(&str, &str); 4] = [
    ("at_least", "AtLeast"),
    ("at_most", "AtMost"),
    ("peak_by", "PeakBy"),
    ("unquantified", "Unquantified"),
];

/// `levers` are lever keys (`data/levers.csv`), separated by spaces; `threshold_param` a parameter's CSV key
/// whose value × `threshold_factor` must equal `threshold`.
pub fn targets_rs(rows: &[Row], levers: &[Row], params: &ParamValues) -> Result<String, String> {
    if rows.is_empty() {
        return Err(format!("{TARGETS_CSV}: no targets"));
    }
    let (mut ids, mut keys) = (HashSet::new(), HashSet::new());
    let mut variants = String::new();
    let mut table = String::new();
    for r in rows {
        let id = r.ident("id")?;
        let key = r.key("key")?;
        unique(&mut ids, r, "id", id)?;
        unique(&mut keys, r, "key", key)?;
        let year = r.get("year");
        let year = match year.parse::<u16>() {
            Ok(y) if (2020..=2035).contains(&y) => y,
            _ => {
                return Err(format!(
                    "{}: target {key}: year must be 2020–2035, not {year:?}",
                    r.at()
                ))
            }
        };
        let rule = r.text("rule")?;
        let rule = RULES
            .iter()
            .find(|(k, _)| *k == rule)
            .map(|(_, v)| *v)
            .ok_or_else(|| format!("{}: target {key}: unknown rule {rule:?}", r.at()))?;
        let (threshold, band) = (r.num("threshold")?, r.num("band")?);
        if band < 0.0 {
            return Err(format!("{}: target {key}: band {band} < 0", r.at()));
        }
        let threshold_param = match r.get("threshold_param") {
            "" => "None".to_string(),
            k => {
                let (pid, value) = params.get(k).ok_or_else(|| {
                    format!(
                        "{}: target {key}: threshold_param {k:?} is not a parameter",
                        r.at()
                    )
                })?;
                let factor = r.num("threshold_factor")?;
                if (value * factor - threshold).abs() > 1e-9 * threshold.abs().max(1.0) {
                    return Err(format!(
                        "{}: target {key}: threshold {threshold} differs from {k} × {factor}",
                        r.at()
                    ));
                }
                format!("Some((ParamId::{pid}, {}))", lit(factor))
            }
        };
        let mut lever_ids = Vec::new();
        for k in r.text("levers")?.split(' ') {
            let l = levers
                .iter()
                .find(|l| l.get("key") == k)
                .ok_or_else(|| format!("{}: target {key}: unknown lever {k:?}", r.at()))?;
            lever_ids.push(format!("LeverId::{}", l.get("id")));
        }
        let section = r.text("section")?;
        if !section.starts_with("ch") {
            return Err(format!("{}: target {key}: bad section {section:?}", r.at()));
        }
        let [unit, guideline_ref, quote_zh, quote_en, label_zh, label_en, measure_zh, measure_en, source] =
            [
                "unit",
                "guideline_ref",
                "quote_zh",
                "quote_en",
                "label_zh",
                "label_en",
                "measure_zh",
                "measure_en",
                "source",
            ]
            .map(|c| r.text(c));
        let _ = writeln!(variants, "    /// `{key}`.\n    {id},");
        let _ = writeln!(
            table,
            "    TargetSpec {{
        id: TargetId::{id},
        key: {key:?},
        year: {year},
        rule: Rule::{rule},
        threshold: {},
        threshold_param: {threshold_param},
        band: {},
        unit: {:?},
        guideline_ref: {:?},
        section: {section:?},
        quote_zh: {:?},
        quote_en: {:?},
        label: Text::new({:?}, {:?}),
        measure: Text::new({:?}, {:?}),
        source: {:?},
        levers: &[{}],
    }},",
            lit(threshold),
            lit(band),
            unit?,
            guideline_ref?,
            quote_zh?,
            quote_en?,
            label_zh?,
            label_en?,
            measure_zh?,
            measure_en?,
            source?,
            lever_ids.join(", "),
        );
    }
    Ok(format!(
        "// Generated by crates/model/build.rs from {TARGETS_CSV}. Do not edit: edit the CSV.

/// Typed target ids; `TargetId::X as usize` indexes [`TARGETS`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TargetId {{
{variants}}}

/// The guideline's targets, in `TargetId` order.
pub const TARGETS: &[TargetSpec] = &[
{table}];
"
    ))
}
