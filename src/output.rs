//! Projection output as text: the CLI's CSV and JSON, also used by the app's CSV export so both agree.
//!
//! - Projection CSV: long format, header `year,series,value,unit`, one row per year and series.
//! - Targets CSV: `target_id,year,value,threshold,status,margin`.
//! - Levers CSV: id, group, unit, range, step, default, 2020 level, target year, guideline reference, source.

use crate::model::levers::LEVERS;
use crate::model::series::{years, SERIES};
use crate::model::targets::spec as tspec;
use crate::model::Projection;
use serde_json::{json, Map, Value};

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

fn csv_field(s: &str) -> String {
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

/// Every lever with its range, default and guideline reference.
pub fn levers_csv() -> String {
    let mut out = String::from(
        "id,group,unit,min,max,step,default,base_2020,target_year,guideline_ref,label_en,source\n",
    );
    for l in LEVERS {
        out.push_str(&format!(
            "{},{},{},{},{},{},{},{},{},{},{},{}\n",
            l.key,
            l.group.id(),
            csv_field(l.unit_en),
            fmt_num(l.min),
            fmt_num(l.max),
            fmt_num(l.step),
            fmt_num(l.default),
            fmt_num(l.base),
            l.target_year,
            l.guideline_ref,
            csv_field(l.label_en),
            csv_field(l.source)
        ));
    }
    out
}

fn round(v: f64) -> Value {
    fmt_num(v)
        .parse::<f64>()
        .ok()
        .and_then(serde_json::Number::from_f64)
        .map_or(Value::Null, Value::Number)
}

/// The projection as JSON: years, series (unit + values), targets, curtailment.
pub fn projection_json(p: &Projection) -> Value {
    let mut series = Map::new();
    for s in SERIES {
        series.insert(
            s.key.into(),
            json!({ "unit": s.unit, "values": p.series[s.id as usize].iter().map(|v| round(*v)).collect::<Vec<_>>() }),
        );
    }
    let targets: Vec<Value> = p
        .targets
        .iter()
        .map(|t| {
            json!({
                "target_id": tspec(t.id).key, "year": t.year, "value": round(t.value),
                "threshold": t.threshold.map(round), "status": t.status.key(), "margin": round(t.margin),
            })
        })
        .collect();
    let curtailment: Vec<Value> = years()
        .filter_map(|y| {
            let c = p.curtailed_in(y);
            (!c.is_empty()).then(|| {
                json!({ "year": y, "products": c.iter().map(|(pr, f)| json!({"product": pr.key(), "share_cut": round(*f)})).collect::<Vec<_>>() })
            })
        })
        .collect();
    json!({
        "years": years().collect::<Vec<_>>(),
        "series": series,
        "targets": targets,
        "peak_year": p.peak_year,
        "curtailment": curtailment,
    })
}
