//! Projection output as text: the CLI's CSV and JSON, also used by the app's CSV export so both agree.
//!
//! - Projection CSV: long format, header `year,series,value,unit`, one row per year and series.
//! - Targets CSV: `target_id,year,value,threshold,status,margin`.
//! - Levers CSV: id, group, unit, range, step, default, 2020 level, target year, guideline reference, source.

use vtre_model::levers::{LeverId, LEVERS};
use vtre_model::series::{years, SERIES};
use vtre_model::targets::spec as tspec;
use vtre_model::{Lang, Projection};

/// Formats a number compactly and deterministically (at most 6 decimals, trailing zeros dropped).
pub fn fmt_num(v: f64) -> String {
    if !v.is_finite() {
        return "NaN".into();
    }
    let s = format!("{v:.6}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.into()
    }
}

/// One CSV field (RFC 4180): quoted, with `"` doubled, when it holds a comma, a quote or a line break. The one
/// CSV quoting of the workspace (the CLI's tables use it too).
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The projection as long CSV.
pub fn projection_csv(p: &Projection) -> String {
    let mut out = String::from("year,series,value,unit\n");
    for (i, y) in years().enumerate() {
        for s in SERIES {
            out.push_str(&format!(
                "{y},{},{},{}\n",
                s.key,
                fmt_num(p.series[s.id as usize][i]),
                csv_field(s.unit)
            ));
        }
    }
    out
}

/// One row per target.
pub fn targets_csv(p: &Projection) -> String {
    let mut out = String::from("target_id,year,value,threshold,status,margin\n");
    for t in &p.targets {
        out.push_str(&format!(
            "{},{},{},{},{},{}\n",
            tspec(t.id).key,
            t.year,
            fmt_num(t.value),
            t.threshold.map(fmt_num).unwrap_or_default(),
            t.status.key(),
            fmt_num(t.margin)
        ));
    }
    out
}

/// Every lever with its range, default and guideline reference. `source` gives a lever's source text (the CSV
/// keys or guideline section behind it), which is not part of the model: the CLI passes `vtre_site::notes`.
/// Every overridable parameter: `id,value,low,high,unit,kind,source` (`vtre params`). The source is the
/// baseline CSV row's `source` column. Parameters that are not inputs (base-year checks, derived or absorbed
/// by the calibration, fixed FACTs) are listed with `--all`, with their role in an extra column.
pub fn params_csv(all: bool) -> String {
    let rows = vtre_model::params::baseline_rows();
    let source = |key: &str| {
        rows.iter()
            .find(|r| r.key == key)
            .map_or(String::new(), |r| r.source.clone())
    };
    let mut out = String::from("id,value,low,high,unit,kind,source");
    out.push_str(if all { ",role\n" } else { "\n" });
    for p in vtre_model::params::PARAMS
        .iter()
        .filter(|p| all || p.overridable())
    {
        out.push_str(&format!(
            "{},{},{},{},{},{},{}",
            p.csv_key,
            fmt_num(p.value),
            fmt_num(p.low),
            fmt_num(p.high),
            csv_field(p.unit),
            p.kind.as_str(),
            csv_field(&source(p.csv_key)),
        ));
        if all {
            let role = if p.overridable() || p.role != vtre_model::params::Role::Input {
                p.role.key()
            } else {
                "fixed"
            };
            out.push(',');
            out.push_str(role);
        }
        out.push('\n');
    }
    out
}

pub fn levers_csv<'a>(source: impl Fn(LeverId) -> &'a str) -> String {
    let mut out = String::from(
        "id,group,unit,min,max,step,default,base_2020,target_year,guideline_ref,label_en,source\n",
    );
    for l in LEVERS {
        out.push_str(&format!(
            "{},{},{},{},{},{},{},{},{},{},{},{}\n",
            l.key,
            l.group.id(),
            csv_field(l.unit.get(Lang::En)),
            fmt_num(l.min),
            fmt_num(l.max),
            fmt_num(l.step),
            fmt_num(l.default),
            fmt_num(l.base),
            l.target_year,
            l.guideline_ref,
            csv_field(l.label.get(Lang::En)),
            csv_field(source(l.id))
        ));
    }
    out
}
