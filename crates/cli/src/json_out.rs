//! The projection as JSON for `vtre project --format json` (serde_json: the CLI has no size budget).

use serde_json::{json, Map, Value};
use vtre_codec::output::fmt_num;
use vtre_model::series::{years, SERIES};
use vtre_model::targets::spec as tspec;
use vtre_model::Projection;

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
