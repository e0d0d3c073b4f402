//! The `vtre` command line, run as a user would.
#![cfg(not(target_arch = "wasm32"))] // native only: runs the CLI, proptest and insta
#![allow(clippy::expect_used, clippy::unwrap_used)] // tests may fail loudly

mod common;
use common::vtre;

#[test]
fn project_prints_the_long_csv_with_every_required_series() {
    let (code, out, _) = vtre(&["project"]);
    assert_eq!(code, 0);
    let mut lines = out.lines();
    assert_eq!(lines.next(), Some("year,series,value,unit"));
    for (series, unit) in [
        ("crude_steel_total", "万吨"),
        ("crude_steel_bof", "万吨"),
        ("crude_steel_eaf", "万吨"),
        ("pig_iron", "万吨"),
        ("v2o5_output", "t"),
        ("ti_concentrate_output", "万吨"),
        ("tio2_output", "万吨"),
        ("ti_sponge_output", "t"),
        ("reo_mined", "t"),
        ("output_value_total", "亿元"),
        ("output_value_steel", "亿元"),
        ("output_value_vanadium", "亿元"),
        ("output_value_titanium", "亿元"),
        ("output_value_rare_earth", "亿元"),
        ("energy_total", "万tce"),
        ("co2_total", "Mt"),
        ("co2_direct", "Mt"),
        ("co2_indirect", "Mt"),
        ("iron_concentrate_gap", "万吨"),
        ("v_recovery", "fraction"),
        ("ti_recovery", "fraction"),
        ("fe_recovery", "fraction"),
    ] {
        for year in 2020..=2035 {
            let prefix = format!("{year},{series},");
            let line = out
                .lines()
                .find(|l| l.starts_with(&prefix))
                .unwrap_or_else(|| panic!("no row {prefix}"));
            assert!(line.ends_with(&format!(",{unit}")), "{line}");
            let value: f64 = line
                .split(',')
                .nth(2)
                .and_then(|v| v.parse().ok())
                .unwrap_or(f64::NAN);
            assert!(value.is_finite(), "{line}");
        }
    }
}

#[test]
fn project_json_and_presets_work() {
    let (code, out, _) = vtre(&["project", "--preset", "no_new_policy", "--format", "json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(v["years"].as_array().map(|a| a.len()), Some(16));
    assert!(v["series"]["co2_total"]["values"].is_array());
    let (code, _, err) = vtre(&["project", "--preset", "nope"]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown preset"));
}

#[test]
fn targets_prints_one_row_per_target() {
    let (code, out, _) = vtre(&["targets"]);
    assert_eq!(code, 0);
    let mut lines = out.lines();
    assert_eq!(
        lines.next(),
        Some("target_id,year,value,threshold,status,margin")
    );
    assert_eq!(lines.count(), vtre_model::TARGETS.len());
    assert!(out.contains("industry_scale,2025,"));
}

#[test]
fn levers_lists_every_lever_with_range_default_and_reference() {
    let (code, out, _) = vtre(&["levers"]);
    assert_eq!(code, 0);
    assert_eq!(out.lines().count(), vtre_model::LEVERS.len() + 1);
    assert!(out
        .lines()
        .any(|l| l.starts_with("eaf_swap,steel,") && l.contains("第三章第五节")));
}

#[test]
fn a_scenario_file_is_read_and_a_bad_one_is_refused_loudly() {
    let dir = std::env::temp_dir().join(format!("vtre-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let good = dir.join("good.json");
    std::fs::write(&good, r#"{"eaf_swap": 300, "swap_vti_share": 1}"#).expect("write");
    let (code, out, _) = vtre(&["project", "--scenario", good.to_str().unwrap_or_default()]);
    assert_eq!(code, 0);
    let (_, reference, _) = vtre(&["project"]);
    assert_ne!(out, reference, "the scenario changes the projection");

    let bad = dir.join("bad.json");
    std::fs::write(&bad, r#"{"eaf_swap": 99999, "made_up": 1}"#).expect("write");
    let (code, out, err) = vtre(&["project", "--scenario", bad.to_str().unwrap_or_default()]);
    assert_eq!(code, 2, "never a silent clamp");
    assert!(out.is_empty());
    assert!(
        err.contains("eaf_swap") && err.contains("out of range") && err.contains("made_up"),
        "{err}"
    );

    let (code, _, err) = vtre(&["project", "--scenario", "/no/such/file.json"]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot read"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn params_lists_every_overridable_parameter_once_with_its_range_and_source() {
    let (code, out, _) = vtre(&["params", "--format", "csv"]);
    assert_eq!(code, 0);
    let mut lines = out.lines();
    assert_eq!(lines.next(), Some("id,value,low,high,unit,kind,source"));
    let ids: Vec<&str> = lines.map(|l| l.split(',').next().unwrap()).collect();
    let want: Vec<&str> = vtre_model::params::PARAMS
        .iter()
        .filter(|p| p.overridable())
        .map(|p| p.csv_key)
        .collect();
    assert_eq!(ids, want);
    // A check row and an absorbed row are not offered; --all names their role.
    assert!(!ids.contains(&"sichuan_tio2_output_2020"));
    assert!(!ids.contains(&"v_extraction_recovery"));
    let (_, all, _) = vtre(&["params-all"]);
    assert!(all.contains("\nv_extraction_recovery,0.8,0.7,0.88,fraction,ESTIMATE,"));
    assert!(all
        .lines()
        .any(|l| l.starts_with("sichuan_tio2_output_2020,") && l.ends_with(",check")));
    assert!(all
        .lines()
        .any(|l| l.starts_with("eaf_utilisation_2020,") && l.ends_with(",derived")));
}

#[test]
fn diff_names_the_series_that_moved_between_two_projections() {
    let dir = std::env::temp_dir().join(format!("vtre-diff-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (_, a, _) = vtre(&["project"]);
    std::fs::write(dir.join("a.json"), r#"{"new_mine": 3000}"#).unwrap();
    let (_, b, _) = vtre(&[
        "project",
        "--scenario",
        dir.join("a.json").to_str().unwrap(),
    ]);
    std::fs::write(dir.join("a.csv"), a).unwrap();
    std::fs::write(dir.join("b.csv"), b).unwrap();
    let (code, out, _) = vtre(&[
        "diff",
        dir.join("a.csv").to_str().unwrap(),
        dir.join("b.csv").to_str().unwrap(),
    ]);
    assert_eq!(code, 0);
    assert!(out.lines().any(|l| l.starts_with("v2o5_output ")), "{out}");
    assert!(out.lines().any(|l| l.starts_with("ore_mined ")), "{out}");
    assert!(!out.lines().any(|l| l.starts_with("grid_factor ")), "{out}");
    let (same, _, _) = vtre(&[
        "diff",
        dir.join("a.csv").to_str().unwrap(),
        dir.join("a.csv").to_str().unwrap(),
    ]);
    assert_eq!(same, 0);
}

#[test]
fn actuals_prints_every_published_figure_with_its_series_and_source() {
    let (code, out, _) = vtre(&["actuals", "--format", "csv"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("year,series,value,unit,source,"));
    let rows = out.lines().count() - 1;
    assert_eq!(rows, vtre_model::actuals::actuals().unwrap().len());
    // Converted to the model series' unit where it compares with one: 27.33 Mt is 2,733万吨.
    assert!(
        out.lines()
            .any(|l| l.starts_with("2019,crude_steel_total,2733,万吨,")),
        "{out}"
    );
    // Partial figures say so.
    assert!(out
        .lines()
        .any(|l| l.contains(",pgvt_vanadium_products_sales,actual,part,")));
}

#[test]
fn validate_and_related_score_the_scenario_against_history_and_other_plans() {
    let (code, v, _) = vtre(&["validate"]);
    assert_eq!(code, 0);
    assert!(
        v.lines()
            .any(|l| l.starts_with("2022,grid_factor,same,0.1404,0.1404,0,")),
        "{v}"
    );
    let (code, r, _) = vtre(&["related"]);
    assert_eq!(code, 0);
    assert!(
        r.lines()
            .any(|l| l.starts_with("tio2_capacity,2025,120,120,met,")),
        "{r}"
    );
    // A larger rare-earth quota moves the 2027 rare-earth scale.
    let dir = std::env::temp_dir().join(format!("vtre-rel-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("re.json");
    std::fs::write(
        &f,
        r#"{"re_quota": 100000, "re_separation": 150000, "re_deep": 90}"#,
    )
    .unwrap();
    let (_, r2, _) = vtre(&["related", "--scenario", f.to_str().unwrap()]);
    let value = |t: &str| -> f64 {
        t.lines()
            .find(|l| l.starts_with("re_scale,"))
            .and_then(|l| l.split(',').nth(2))
            .unwrap()
            .parse()
            .unwrap()
    };
    assert!(value(&r2) > value(&r));
}

#[test]
fn baselines_are_listed_with_sources_and_switch_only_the_market_from_2025() {
    let (code, out, _) = vtre(&["baselines"]);
    assert_eq!(code, 0);
    let keys: Vec<&str> = out
        .lines()
        .skip(1)
        .filter_map(|l| l.split(',').nth(1))
        .collect();
    assert_eq!(keys, ["low", "central", "high"]);
    assert!(out.contains("cn_crude_steel") && out.contains("rebar_price_avg_2020"));

    // Central is the reference: byte-identical output.
    let (_, reference, _) = vtre(&["project"]);
    let (code, central, _) = vtre(&["project", "--baseline", "central"]);
    assert_eq!(code, 0);
    assert_eq!(central, reference);
    // Low: every row before 2025 as in the reference, and rows from 2025 moved.
    let (code, low, _) = vtre(&["project", "--baseline", "low"]);
    assert_eq!(code, 0);
    let mut moved = 0;
    for (a, b) in reference.lines().zip(low.lines()).skip(1) {
        let year: u16 = a
            .split(',')
            .next()
            .and_then(|y| y.parse().ok())
            .unwrap_or(0);
        if year < 2025 {
            assert_eq!(a, b, "history is the same in every baseline");
        } else if a != b {
            moved += 1;
        }
    }
    assert!(moved > 100, "{moved}");
    // A scenario file naming the baseline is the same run; naming another than --baseline is an error.
    let dir = std::env::temp_dir().join(format!("vtre-cli-base-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("low.json");
    std::fs::write(&file, r#"{"baseline": "low"}"#).expect("write");
    let f = file.to_str().unwrap_or_default();
    let (_, from_file, _) = vtre(&["project", "--scenario", f]);
    assert_eq!(from_file, low);
    let (code, _, err) = vtre(&["project", "--scenario", f, "--baseline", "high"]);
    assert_eq!(code, 2);
    assert!(err.contains("give it once"), "{err}");
    let (code, _, err) = vtre(&["targets", "--baseline", "medium"]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown baseline 'medium'"), "{err}");
    // targets and ensemble take it too.
    let (_, t_ref, _) = vtre(&["targets"]);
    let (code, t_low, _) = vtre(&["targets", "--baseline", "low"]);
    assert_eq!(code, 0);
    assert_ne!(t_low, t_ref);
    let (code, e_low, _) = vtre(&["ensemble", "--members", "20", "--baseline", "low"]);
    assert_eq!(code, 0);
    let (_, e_ref, _) = vtre(&["ensemble", "--members", "20"]);
    assert_ne!(e_low, e_ref);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_lever_schedule_in_a_scenario_file_moves_the_projection_only_from_its_start() {
    let dir = std::env::temp_dir().join(format!("vtre-cli-sched-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let plain = dir.join("plain.json");
    std::fs::write(&plain, r#"{"eaf_swap": 600}"#).expect("write");
    let sched = dir.join("sched.json");
    std::fs::write(
        &sched,
        r#"{"eaf_swap": 600, "schedules": {"eaf_swap": [2027, 2029]}}"#,
    )
    .expect("write");
    let (_, reference, _) = vtre(&["project"]);
    let (_, a, _) = vtre(&["project", "--scenario", plain.to_str().unwrap_or_default()]);
    let (code, b, err) = vtre(&["project", "--scenario", sched.to_str().unwrap_or_default()]);
    assert_eq!(code, 0, "{err}");
    let row = |csv: &str, year: u16| {
        let prefix = format!("{year},crude_steel_eaf,");
        csv.lines()
            .find(|l| l.starts_with(&prefix))
            .map(str::to_string)
            .unwrap_or_default()
    };
    // Before 2027 the scheduled swap is the reference; by 2029 it is the plain one's full swap.
    for y in [2021, 2024, 2026] {
        assert_eq!(row(&b, y), row(&reference, y), "{y}");
    }
    assert_ne!(
        row(&a, 2024),
        row(&reference, 2024),
        "the default phases in from 2021"
    );
    assert_ne!(row(&b, 2027), row(&reference, 2027));
    for y in [2029, 2035] {
        assert_eq!(row(&b, y), row(&a, y), "{y}");
    }
    // A schedule on a price lever is refused loudly.
    let bad = dir.join("bad.json");
    std::fs::write(&bad, r#"{"schedules": {"steel_price": [2026, 2028]}}"#).expect("write");
    let (code, _, err) = vtre(&["project", "--scenario", bad.to_str().unwrap_or_default()]);
    assert_eq!(code, 2);
    assert!(
        err.contains("steel_price") && err.contains("schedule"),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_scenario_file_of_another_model_version_runs_and_says_what_changed_in_its_figures() {
    let dir = std::env::temp_dir().join(format!("vtre-cli-model-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let old = dir.join("old.json");
    std::fs::write(
        &old,
        r#"{"eaf_swap": 300, "model": "0ld0ld00", "figures": {"output_value_2025": 1, "targets_met": 0}}"#,
    )
    .expect("write");
    let (code, out, err) = vtre(&["project", "--scenario", old.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("year,series,value,unit"));
    assert!(
        err.contains("made with model version 0ld0ld00; this is "),
        "{err}"
    );
    assert!(err.contains("\n  output_value_2025,1,"), "{err}");
    assert!(
        err.contains("\n  co2_2030,,"),
        "a figure the file did not carry: {err}"
    );
    // The same file stamped with this model's version says nothing.
    let this = vtre_model::MODEL_VERSION;
    std::fs::write(&old, format!(r#"{{"eaf_swap": 300, "model": "{this}"}}"#)).expect("write");
    let (code, _, err) = vtre(&["project", "--scenario", old.to_str().unwrap()]);
    assert_eq!((code, err.as_str()), (0, ""));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn project_shows_the_capacity_the_replacement_rules_require_retired_for_imports_and_swaps() {
    let dir = std::env::temp_dir().join(format!("vtre-cli-rule-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let f = dir.join("import.json");
    // 500万吨 brought in at a merger's 1.1:1 deal; the rule for Sichuan is 1.25:1, and the swap is 1:1.
    std::fs::write(
        &f,
        r#"{"capacity_import": 500, "replacement_ratio": 1.1, "eaf_swap": 300}"#,
    )
    .expect("write");
    let (code, out, err) = vtre(&["project", "--scenario", f.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("\n2025,capacity_retired_by_rule,925,万吨/年\n"),
        "{out}"
    );
    assert!(
        out.contains("\n2025,capacity_retired_elsewhere,550,万吨/年\n"),
        "{out}"
    );
    assert!(
        out.contains("\n2020,capacity_retired_by_rule,0,万吨/年\n"),
        "{out}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn spread_digits_rounds_the_quantiles_only_and_keeps_the_odds_exact() {
    let (code, full, _) = vtre(&["spread", "--preset", "no_new_policy"]);
    assert_eq!(code, 0);
    let (code, short, _) = vtre(&["spread", "--digits", "6", "--preset", "no_new_policy"]);
    assert_eq!(code, 0);
    let (f, s): (serde_json::Value, serde_json::Value) = (
        serde_json::from_str(&full).expect("JSON"),
        serde_json::from_str(&short).expect("JSON"),
    );
    let (f, s) = (&f["ensemble"], &s["ensemble"]);
    assert_eq!(f["members"], s["members"]);
    assert_eq!(f["odds"], s["odds"], "member counts are never rounded");
    let (fs, ss) = (
        f["series"].as_array().expect("series"),
        s["series"].as_array().expect("series"),
    );
    assert_eq!(fs.len(), ss.len());
    let mut rounded = 0;
    for (a, b) in fs.iter().zip(ss) {
        assert_eq!(a[0], b[0], "the same series in the same order");
        let flat = |v: &serde_json::Value| -> Vec<f64> {
            v[1].as_array()
                .expect("years")
                .iter()
                .flat_map(|q| q.as_array().expect("quantiles").clone())
                .map(|x| x.as_f64().unwrap_or(f64::NAN))
                .collect()
        };
        for (x, y) in flat(a).into_iter().zip(flat(b)) {
            assert!((x - y).abs() <= 5e-6 * x.abs(), "{}: {x} vs {y}", a[0]);
            let mantissa = format!("{y:e}");
            let digits = mantissa
                .split('e')
                .next()
                .unwrap_or_default()
                .chars()
                .filter(char::is_ascii_digit)
                .count();
            assert!(digits <= 6, "{y} has {digits} significant digits");
            rounded += usize::from(x != y);
        }
    }
    assert!(
        rounded > 100,
        "most quantiles had more digits ({rounded} rounded)"
    );
    assert!(
        short.len() * 2 < full.len(),
        "{} vs {} bytes",
        short.len(),
        full.len()
    );
    for bad in [
        &["spread", "--digits", "0"][..],
        &["spread", "--digits", "x"],
        &["spread", "--digits"],
    ] {
        let (code, _, err) = vtre(bad);
        assert_eq!(code, 2, "{bad:?}");
        assert!(err.contains("--digits"), "{err}");
    }
}
