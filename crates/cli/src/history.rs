//! History beside the projection: `vtre actuals`, `vtre validate`, `vtre related`.

use vtre_codec::output::{csv_field, fmt_num as num};
use vtre_model::actuals::{actuals, related_targets, validation, Role};
use vtre_model::{simulate, Scenario};

/// `vtre actuals`: every published figure as `year,series,value,unit,source`, plus `role,basis,kind,note`.
/// Where a figure compares with a model series, `series` is the series id and the value is converted to
/// its unit; otherwise `series` is the figure's own key and the value is as published.
pub fn actuals_csv() -> Result<String, String> {
    let mut out = String::from("year,series,value,unit,source,key,role,basis,kind,note\n");
    for a in actuals()? {
        let (series, value, unit, basis) = match (a.series, a.in_series_unit()) {
            (Some((s, _, b)), Some(v)) => (s.key().to_string(), v, s.unit().to_string(), b.key()),
            _ => (a.key.clone(), a.value, a.unit.clone(), ""),
        };
        let role = match a.role {
            Role::Actual => "actual",
            Role::Context => "context",
            Role::Target => "target",
        };
        out.push_str(&format!(
            "{},{},{},{},{},{},{role},{basis},{},{}\n",
            a.year,
            csv_field(&series),
            num(value),
            csv_field(&unit),
            csv_field(&a.source),
            csv_field(&a.key),
            csv_field(&a.kind),
            csv_field(&a.note),
        ));
    }
    Ok(out)
}

/// `vtre validate`: the scenario against every published Sichuan figure in 2020–2035 (and Sichuan's share of
/// national figures).
pub fn validate_csv(s: &Scenario) -> String {
    let p = simulate(s);
    let mut out =
        String::from("year,series,basis,published,model,error,sichuan_share,key,source\n");
    let opt = |v: Option<f64>| v.map(num).unwrap_or_default();
    for c in validation(&p) {
        out.push_str(&format!(
            "{},{},{},{},{},{},{},{},{}\n",
            c.actual.year,
            c.series.key(),
            c.basis.key(),
            num(c.published),
            num(c.model),
            opt(c.error),
            opt(c.share),
            csv_field(&c.actual.key),
            csv_field(&c.actual.source),
        ));
    }
    out
}

/// `vtre related`: other plans' targets scored for the scenario.
pub fn related_csv(s: &Scenario) -> Result<String, String> {
    let p = simulate(s);
    let specs = related_targets()?;
    let mut out = String::from("id,year,value,threshold,status,label,source\n");
    for r in &p.related {
        let label = specs
            .iter()
            .find(|t| t.id == r.id)
            .map(|t| t.label.1.clone())
            .unwrap_or_default();
        let source = specs
            .iter()
            .find(|t| t.id == r.id)
            .map(|t| t.source.source.clone())
            .unwrap_or_default();
        out.push_str(&format!(
            "{},{},{},{},{},{},{}\n",
            r.id,
            r.year,
            num(r.value),
            num(r.threshold),
            r.status.key(),
            csv_field(&label),
            csv_field(&source),
        ));
    }
    Ok(out)
}
