//! The model checks in `data/checks.csv`, run as tests (in the spirit of SDEverywhere's model-check): each row
//! is a statement a modeller would sign, as data, so adding a check needs no code.
//!
//! Kinds: `value` (the series in that year within a relative tolerance of a figure), `between` (the series, or
//! the ratio `a/b` of two series, in that year within `value` ..= `tolerance`, read as low and high),
//! `unchanged` (the scenario leaves the series, `|`-separated, equal to the reference in the year or `all`
//! years), `higher` / `lower` (the scenario moves the series above / below the reference in that year). A
//! scenario is `reference`, a preset key, or `lever=value;…` (`@param=value` overrides a parameter within its
//! range; `@!param=value` sets it to anything, a mutated parameter, for proving that a check can fail).
//!
//! A 2020 `value` row whose figure the calibration solves a factor from is an identity (its description says
//! so): it cannot fail while the model runs. The `between` rows and `tests/base_year.rs` check what can.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../src/csv_line.rs"]
mod csv_line;

use vtre_model::params::ParamId;
use vtre_model::series::years;
use vtre_model::{presets, simulate, LeverId, Projection, Scenario, SeriesId};

const CHECKS: &str = include_str!("../data/checks.csv");

fn scenario(spec: &str) -> Result<Scenario, String> {
    if spec == "reference" {
        return Ok(Scenario::reference());
    }
    if let Some(p) = presets::preset(spec) {
        return Ok(p);
    }
    let mut s = Scenario::reference();
    for part in spec.split(';') {
        let (k, v) = part
            .split_once('=')
            .ok_or_else(|| format!("scenario piece {part:?} is not key=value"))?;
        let v: f64 = v.parse().map_err(|_| format!("{part:?}: not a number"))?;
        if let Some(p) = k.strip_prefix("@!") {
            let id = ParamId::from_key(p).ok_or_else(|| format!("unknown parameter {p}"))?;
            s.set_param_mutated(id, v);
        } else if let Some(p) = k.strip_prefix('@') {
            let id = ParamId::from_key(p).ok_or_else(|| format!("unknown parameter {p}"))?;
            s.set_param(id, v);
        } else {
            let id = LeverId::from_key(k).ok_or_else(|| format!("unknown lever {k}"))?;
            s.set(id, v);
        }
    }
    Ok(s)
}

fn run(fields: &[String]) -> Result<(), String> {
    let [id, kind, scen, series, year, value, tol, desc] = fields else {
        return Err(format!("{} fields, want 8", fields.len()));
    };
    let s = scenario(scen)?;
    let p = simulate(&s);
    let r = simulate(&Scenario::reference());
    let series_id = |k: &str| SeriesId::from_key(k).ok_or_else(|| format!("unknown series {k}"));
    // `a/b`: a ratio of two series (`between` only).
    let (series, per) = match series.split_once('/') {
        Some((a, b)) => (a, Some(series_id(b)?)),
        None => (series.as_str(), None),
    };
    if per.is_some() && kind != "between" {
        return Err(format!("{id}: a ratio of series is for `between` checks"));
    }
    let ids: Vec<SeriesId> = series.split('|').map(series_id).collect::<Result<_, _>>()?;
    let yrs: Vec<u16> = if year == "all" {
        years().collect()
    } else {
        vec![year.parse().map_err(|_| format!("bad year {year}"))?]
    };
    let num = |t: &str, what: &str| t.parse::<f64>().map_err(|_| format!("bad {what} {t:?}"));
    let fail = |msg: String| Err(format!("{id} ({desc}): {msg}"));
    let at = |p: &Projection, sid: SeriesId, y: u16| p.at(sid, y) / per.map_or(1.0, |b| p.at(b, y));
    for &sid in &ids {
        for &y in &yrs {
            let (got, reference) = (at(&p, sid, y), at(&r, sid, y));
            let ok = match kind.as_str() {
                "value" => {
                    let (want, tol) = (num(value, "value")?, num(tol, "tolerance")?);
                    (got / want - 1.0).abs() <= tol
                }
                "between" => {
                    let (lo, hi) = (num(value, "low")?, num(tol, "high")?);
                    (lo..=hi).contains(&got)
                }
                "unchanged" => {
                    let tol = num(tol, "tolerance")?;
                    (got - reference).abs() <= tol * reference.abs().max(1.0)
                }
                "higher" => got > reference,
                "lower" => got < reference,
                k => return fail(format!("unknown kind {k}")),
            };
            if !ok {
                return fail(format!("{} {y}: {got} (reference {reference})", sid.key()));
            }
        }
    }
    Ok(())
}

#[test]
fn every_model_check_in_the_data_file_holds() {
    let mut failures = Vec::new();
    let mut n = 0;
    for (i, line) in CHECKS.lines().enumerate().skip(1) {
        if line.trim().is_empty() {
            continue;
        }
        n += 1;
        let fields =
            csv_line::split_line(line).unwrap_or_else(|e| panic!("checks.csv:{}: {e}", i + 1));
        if let Err(e) = run(&fields) {
            failures.push(format!("checks.csv:{}: {e}", i + 1));
        }
    }
    assert!(n >= 15, "{n} checks");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_check_that_is_false_fails() {
    // The runner must be able to fail: a wrong figure, a wrong direction and a moved series.
    let row = |s: &str| csv_line::split_line(s).unwrap();
    assert!(run(&row(
        "x,value,reference,crude_steel_total,2020,3500,0.02,wrong figure"
    ))
    .is_err());
    assert!(run(&row(
        "x,higher,eaf_swap=600;swap_vti_share=1,v2o5_output,2030,,,wrong way"
    ))
    .is_err());
    assert!(run(&row(
        "x,unchanged,eaf_swap=600,crude_steel_eaf,all,,1e-9,moved"
    ))
    .is_err());
    assert!(run(&row("x,value,reference,no_such_series,2020,1,0.1,unknown")).is_err());
    assert!(run(&row(
        "x,value,reference,crude_steel_eaf/crude_steel_total,2020,0.3,0.1,a ratio is for between"
    ))
    .is_err());
}

#[test]
fn each_between_check_holds_for_the_reference_and_fails_under_a_mutated_parameter() {
    // The data file's `between` rows, each run again on a scenario with one parameter mutated out of its
    // range, which must make it fail: they are not identities.
    let mutated = [
        // three times the ordinary-ore blast furnaces: the EAFs would have made 13 % of the crude steel
        ("eaf_share_2020", "@!sichuan_other_bfbof_capacity_2020=900"),
        // BF-BOF at 60 %: the EAFs would need 140 % of their capacity; at full use they make 43 %
        ("eaf_share_2020", "@!bfbof_utilisation_2020=0.6"),
        // a 3,000万吨 scrap supply: 37 % of it used
        ("scrap_use_2020", "@!guideline_scrap_supply=3000"),
        // a 50,000 t mining quota, over what the national quota left to Sichuan and Shandong
        ("reo_mined_2020", "@!sichuan_re_mining_quota_2020=50000"),
    ];
    let rows: Vec<Vec<String>> = CHECKS
        .lines()
        .skip(1)
        .map(|l| csv_line::split_line(l).unwrap())
        .filter(|f| f.get(1).map(String::as_str) == Some("between"))
        .collect();
    assert_eq!(rows.len(), 3);
    for f in &rows {
        run(f).unwrap();
        let cases: Vec<_> = mutated.iter().filter(|(id, _)| *id == f[0]).collect();
        assert!(
            !cases.is_empty(),
            "{}: no mutation proves it can fail",
            f[0]
        );
        for (_, scen) in cases {
            let mut g = f.clone();
            g[2] = scen.to_string();
            assert!(run(&g).is_err(), "{} with {scen} should fail", f[0]);
        }
    }
}
