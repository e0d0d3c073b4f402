//! The analysis commands of `vtre` (ensemble, targets --members, sensitivity, goal-seek, contributions), run
//! as a user would.
#![cfg(not(target_arch = "wasm32"))] // native only: runs the CLI
#![allow(clippy::expect_used, clippy::unwrap_used)] // tests may fail loudly

use std::collections::BTreeMap;
use std::path::PathBuf;

mod common;
use common::vtre;

/// Runs `vtre`, expects success and returns stdout.
fn ok(args: &[&str]) -> String {
    let (code, out, err) = vtre(args);
    assert_eq!(code, 0, "vtre {args:?}: {err}");
    out
}

fn num(s: &str) -> f64 {
    s.parse()
        .unwrap_or_else(|_| panic!("'{s}' is not a number"))
}

/// Rows of a CSV as maps of column → text.
fn rows(csv: &str) -> Vec<BTreeMap<String, String>> {
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().expect("header").split(',').collect();
    lines
        .map(|l| {
            let cells: Vec<&str> = l.split(',').collect();
            assert_eq!(cells.len(), header.len(), "{l}");
            header
                .iter()
                .zip(cells)
                .map(|(h, c)| (h.to_string(), c.to_string()))
                .collect()
        })
        .collect()
}

/// A scenario file in a fresh temporary directory.
fn scenario_file(name: &str, json: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("vtre-analysis-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("scenario.json");
    std::fs::write(&path, json).expect("write scenario");
    path
}

/// The value of a series in a year from `vtre project` output.
fn projected(csv: &str, series: &str, year: u16) -> f64 {
    let prefix = format!("{year},{series},");
    let line = csv
        .lines()
        .find(|l| l.starts_with(&prefix))
        .unwrap_or_else(|| panic!("no row {prefix}"));
    num(line.split(',').nth(2).unwrap_or_default())
}

#[test]
fn ensemble_quantiles_are_ordered_and_reproducible_from_the_seed() {
    let a = ok(&["ensemble", "--members", "60", "--seed", "4"]);
    assert_eq!(a.lines().next(), Some("year,series,p5,p10,p50,p90,p95"));
    let table = rows(&a);
    assert_eq!(table.len(), 16 * vtre_model::SERIES.len());
    let mut spread = 0;
    for r in &table {
        let q: Vec<f64> = ["p5", "p10", "p50", "p90", "p95"]
            .iter()
            .map(|c| num(&r[*c]))
            .collect();
        assert!(q.windows(2).all(|w| w[0] <= w[1]), "{r:?}");
        if q[4] > q[0] {
            spread += 1;
        }
    }
    assert!(
        spread > 100,
        "uncertain parameters spread many series ({spread})"
    );
    assert_eq!(
        a,
        ok(&["ensemble", "--members", "60", "--seed", "4"]),
        "same seed, same output"
    );
    assert_ne!(
        a,
        ok(&["ensemble", "--members", "60", "--seed", "5"]),
        "another seed, other members"
    );
    // A preset is an ensemble around another scenario.
    assert_ne!(
        a,
        ok(&[
            "ensemble",
            "--members",
            "60",
            "--seed",
            "4",
            "--preset",
            "no_new_policy"
        ])
    );
}

#[test]
fn targets_with_members_add_a_probability_to_the_usual_columns() {
    let plain = ok(&["targets"]);
    let with = ok(&["targets", "--members", "50", "--seed", "2"]);
    let mut lines = with.lines();
    assert_eq!(
        lines.next(),
        Some("target_id,year,value,threshold,status,margin,probability,probability_margin")
    );
    for (p, w) in plain.lines().skip(1).zip(lines) {
        assert!(w.starts_with(&format!("{p},")), "{w} extends {p}");
    }
    assert_eq!(with.lines().count(), plain.lines().count());
    for r in rows(&with) {
        if r["status"] == "unquantified" {
            assert_eq!(r["probability"], "", "{r:?}");
            assert_eq!(r["probability_margin"], "", "{r:?}");
        } else {
            let p = num(&r["probability"]);
            let m = num(&r["probability_margin"]);
            assert!((0.0..=1.0).contains(&p), "{r:?}");
            // Meeting the target with its margin is a subset of meeting it at all.
            assert!(m <= p, "{r:?}");
        }
    }
    assert_eq!(with, ok(&["targets", "--members", "50", "--seed", "2"]));
    // --seed alone asks for an ensemble too (of the default 1000 members)
    let (code, out, _) = vtre(&["targets", "--seed", "2"]);
    assert_eq!(code, 0);
    assert!(out.starts_with(
        "target_id,year,value,threshold,status,margin,probability,probability_margin\n"
    ));
    // The reference's Ti recovery is at risk (0.35 against 0.35) in every member: reached, not with margin.
    let ti = rows(&with)
        .into_iter()
        .find(|r| r["target_id"] == "ti_recovery")
        .unwrap();
    assert_eq!(
        (
            ti["probability"].as_str(),
            ti["probability_margin"].as_str()
        ),
        ("1", "0")
    );
}

#[test]
fn contributions_add_up_to_the_change_between_the_two_projections() {
    let file = scenario_file(
        "contrib",
        r#"{"eaf_swap": 600, "swap_vti_share": 1, "grid_factor": 0.05, "scrap_growth": 7,
            "params": {"power_price_elasticity": -0.5}}"#,
    );
    let f = file.to_str().unwrap();
    let out = ok(&[
        "contributions",
        "--scenario",
        f,
        "--series",
        "co2_total",
        "--year",
        "2030",
    ]);
    let table = rows(&out);
    assert_eq!(
        out.lines().next(),
        Some("kind,id,from,to,contribution,alone")
    );
    let (parts, total): (Vec<_>, Vec<_>) = table
        .iter()
        .filter(|r| r["kind"] != "interaction")
        .partition(|r| r["kind"] != "total");
    assert_eq!(parts.len(), 5, "four levers and one parameter");
    assert!(parts
        .iter()
        .any(|r| r["kind"] == "param" && r["id"] == "power_price_elasticity"));
    let total = total[0];
    assert_eq!(total["id"], "co2_total@2030");
    let sum: f64 = parts.iter().map(|r| num(&r["contribution"])).sum();
    // The total is the difference between the two projections, independently of the analysis.
    let scenario = projected(&ok(&["project", "--scenario", f]), "co2_total", 2030);
    let reference = projected(&ok(&["project"]), "co2_total", 2030);
    assert!((num(&total["from"]) - reference).abs() < 1e-6);
    assert!((num(&total["to"]) - scenario).abs() < 1e-6);
    assert!((num(&total["contribution"]) - (scenario - reference)).abs() < 1e-5);
    // The parts add up to it (each printed to 6 decimals).
    assert!(
        (sum - (scenario - reference)).abs() < 1e-5,
        "{sum} vs {}",
        scenario - reference
    );
    assert!((scenario - reference).abs() > 0.1, "a real change to split");
    // Separately: each change's effect alone plus the interaction row make the same total.
    let interaction = table
        .iter()
        .find(|r| r["kind"] == "interaction")
        .expect("an interaction row");
    assert_eq!(interaction["id"], "co2_total@2030");
    let alone: f64 = parts.iter().map(|r| num(&r["alone"])).sum();
    assert!(
        (alone + num(&interaction["contribution"]) - (scenario - reference)).abs() < 1e-5,
        "{alone} + {} vs {}",
        interaction["contribution"],
        scenario - reference
    );
    // The grid factor's effect alone is the CO2 of a cleaner grid with the reference's steel, checked
    // against the projection of that change alone.
    let grid_alone = scenario_file("contrib-grid", r#"{"grid_factor": 0.05}"#);
    let g = projected(
        &ok(&["project", "--scenario", grid_alone.to_str().unwrap()]),
        "co2_total",
        2030,
    );
    let grid = parts.iter().find(|r| r["id"] == "grid_factor").unwrap();
    assert!(
        (num(&grid["alone"]) - (g - reference)).abs() < 1e-5,
        "{grid:?}"
    );
    let _ = std::fs::remove_dir_all(grid_alone.parent().unwrap());

    // More than twelve changes: sampled orders, reproducible, still adding up.
    let many = scenario_file(
        "contrib-many",
        r#"{"eaf_swap": 600, "swap_vti_share": 1, "capacity_import": 200, "import_eaf_share": 0.5,
            "scrap_growth": 7, "outside_ore": 2000, "new_mine": 500, "v_recovery": 60, "ti_recovery": 40,
            "fe_recovery": 80, "chloride_share": 40, "tio2_capacity": 150, "sponge_capacity": 80000,
            "grid_factor": 0.05}"#,
    );
    let m = many.to_str().unwrap();
    let args = [
        "contributions",
        "--scenario",
        m,
        "--series",
        "co2_total",
        "--year",
        "2035",
        "--permutations",
        "20",
        "--seed",
        "3",
    ];
    let out = ok(&args);
    assert_eq!(out, ok(&args), "same seed, same split");
    let table = rows(&out);
    assert_eq!(table.len(), 16, "14 changes, the interaction and the total");
    assert_eq!(table[14]["kind"], "interaction");
    let sum: f64 = table[..14].iter().map(|r| num(&r["contribution"])).sum();
    let change = num(&table[15]["contribution"]);
    assert!((sum - change).abs() < 2e-5, "{sum} vs {change}");
    let _ = std::fs::remove_dir_all(file.parent().unwrap());
    let _ = std::fs::remove_dir_all(many.parent().unwrap());
}

/// Writes `base` with `changes` applied (lever key → value) and reads the target's status back.
fn status_with(name: &str, base: &str, changes: &[(String, String)], target: &str) -> String {
    let mut obj: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(base).expect("base JSON");
    for (k, v) in changes {
        obj.insert(k.clone(), serde_json::Value::from(num(v)));
    }
    let file = scenario_file(name, &serde_json::Value::Object(obj).to_string());
    let out = ok(&["targets", "--scenario", file.to_str().unwrap()]);
    let _ = std::fs::remove_dir_all(file.parent().unwrap());
    rows(&out)
        .into_iter()
        .find(|r| r["target_id"] == target)
        .map(|r| r["status"].clone())
        .expect("target row")
}

#[test]
fn goal_seek_answers_meet_their_target_when_simulated_again() {
    let base = r#"{"v_recovery": 45, "ti_recovery": 20, "bf_slag_ti": 0}"#;
    let file = scenario_file("seek", base);
    let f = file.to_str().unwrap();
    assert_eq!(status_with("seek-base", base, &[], "v_recovery"), "missed");

    let out = ok(&[
        "goal-seek",
        "--target",
        "v_recovery",
        "--lever",
        "v_recovery",
        "--scenario",
        f,
    ]);
    let r = &rows(&out)[0];
    assert_eq!(
        out.lines().next(),
        Some("target_id,lever,from,to,reached,status,value,margin")
    );
    assert_eq!(
        (r["reached"].as_str(), r["status"].as_str()),
        ("true", "met")
    );
    assert_eq!(r["from"], "45");
    let answer = vec![("v_recovery".to_string(), r["to"].clone())];
    assert_eq!(status_with("seek-one", base, &answer, "v_recovery"), "met");
    let less = vec![("v_recovery".to_string(), (num(&r["to"]) - 1.0).to_string())];
    assert_ne!(
        status_with("seek-less", base, &less, "v_recovery"),
        "met",
        "just met"
    );

    // All levers free: apply every row's lever change and the target is met.
    let out = ok(&["goal-seek", "--target", "ti_recovery", "--scenario", f]);
    let table = rows(&out);
    assert!(table
        .iter()
        .all(|r| r["reached"] == "true" && r["status"] == "met"));
    let changes: Vec<(String, String)> = table
        .iter()
        .map(|r| (r["lever"].clone(), r["to"].clone()))
        .collect();
    assert!(!changes.is_empty() && !changes[0].0.is_empty());
    assert_eq!(
        status_with("seek-all", base, &changes, "ti_recovery"),
        "met"
    );

    // A lever that cannot reach the target says so.
    let out = ok(&[
        "goal-seek",
        "--target",
        "v_recovery",
        "--lever",
        "re_quota",
        "--scenario",
        f,
    ]);
    assert_eq!(rows(&out)[0]["reached"], "false");
    let (code, _, err) = vtre(&["goal-seek", "--target", "overseas_re_base"]);
    assert_eq!(code, 2);
    assert!(err.contains("never scored"), "{err}");
    let _ = std::fs::remove_dir_all(file.parent().unwrap());
}

/// The probability of a target in `vtre targets --members N --seed S` of `base` with `changes` applied.
fn chance_with(
    name: &str,
    base: &str,
    changes: &[(String, String)],
    target: &str,
    members: &str,
    seed: &str,
) -> f64 {
    let mut obj: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(base).expect("base JSON");
    for (k, v) in changes {
        obj.insert(k.clone(), serde_json::Value::from(num(v)));
    }
    let file = scenario_file(name, &serde_json::Value::Object(obj).to_string());
    let out = ok(&[
        "targets",
        "--members",
        members,
        "--seed",
        seed,
        "--scenario",
        file.to_str().unwrap(),
    ]);
    let _ = std::fs::remove_dir_all(file.parent().unwrap());
    rows(&out)
        .into_iter()
        .find(|r| r["target_id"] == target)
        .map(|r| num(&r["probability"]))
        .expect("target row")
}

#[test]
fn a_goal_seek_to_a_confidence_reruns_at_its_chance_or_says_the_best_chance() {
    // The reference's energy-intensity cut is reached in no member; 80 % of 100 members from seed 2.
    let out = ok(&[
        "goal-seek",
        "--target",
        "energy_intensity",
        "--lever",
        "eaf_swap",
        "--confidence",
        "0.8",
        "--members",
        "100",
        "--seed",
        "2",
    ]);
    assert_eq!(
        out.lines().next(),
        Some("target_id,lever,from,to,reached,confidence,chance_from,chance,chance_of,members,seed,runs")
    );
    let r = &rows(&out)[0];
    assert_eq!(
        (
            r["reached"].as_str(),
            r["members"].as_str(),
            r["seed"].as_str()
        ),
        ("true", "100", "2")
    );
    assert_eq!(r["chance_from"], "0");
    let answer = vec![("eaf_swap".to_string(), r["to"].clone())];
    let again = chance_with("conf", "{}", &answer, "energy_intensity", "100", "2");
    assert!(again >= 0.8, "{again}");
    assert_eq!(
        again,
        num(&r["chance"]),
        "the same members, the same chance"
    );
    let less = vec![("eaf_swap".to_string(), (num(&r["to"]) - 10.0).to_string())];
    assert!(
        chance_with("conf-less", "{}", &less, "energy_intensity", "100", "2") < 0.8,
        "the smallest move"
    );

    // Without --lever: each policy lever the target names, the answer first; unreachable ones give their
    // best chance.
    let out = ok(&[
        "goal-seek",
        "--target",
        "industry_scale",
        "--confidence",
        "0.5",
        "--members",
        "30",
    ]);
    let table = rows(&out);
    assert!(table.len() >= 3, "{out}");
    assert!(table.iter().all(|r| r["reached"] == "false"), "{out}");
    assert!(
        !table
            .iter()
            .any(|r| r["lever"] == "steel_price" || r["lever"] == "steel_premium"),
        "policy only"
    );
    for w in table.windows(2) {
        assert!(num(&w[0]["chance"]) >= num(&w[1]["chance"]));
    }
    // Market levers and flags of the other goal-seek are refused.
    for (args, needle) in [
        (
            &[
                "goal-seek",
                "--target",
                "industry_scale",
                "--confidence",
                "0.8",
                "--lever",
                "steel_price",
            ][..],
            "market price",
        ),
        (
            &[
                "goal-seek",
                "--target",
                "industry_scale",
                "--confidence",
                "0.8",
                "--markets",
            ][..],
            "policy levers only",
        ),
        (
            &[
                "goal-seek",
                "--target",
                "industry_scale",
                "--confidence",
                "80",
            ][..],
            "at most 1",
        ),
        (
            &["goal-seek", "--target", "industry_scale", "--members", "80"][..],
            "goes with --confidence",
        ),
    ] {
        let (code, _, err) = vtre(args);
        assert_eq!(code, 2, "{args:?}");
        assert!(err.contains(needle), "{args:?}: {err}");
    }
}

#[test]
fn sensitivity_lists_the_largest_swings_first() {
    let out = ok(&["sensitivity", "--series", "co2_total", "--year", "2030"]);
    let table = rows(&out);
    assert_eq!(table.len(), 10);
    let swings: Vec<f64> = table.iter().map(|r| num(&r["swing"]).abs()).collect();
    assert!(swings.windows(2).all(|w| w[0] >= w[1]), "{swings:?}");
    for (i, r) in table.iter().enumerate() {
        assert_eq!(r["rank"], (i + 1).to_string());
        assert!(r["kind"] == "lever" || r["kind"] == "param");
        let (lo, hi) = (num(&r["low_output"]), num(&r["high_output"]));
        assert!((hi - lo - num(&r["swing"])).abs() < 1e-5, "{r:?}");
    }
    assert!(table
        .iter()
        .all(|r| r["base_output"] == table[0]["base_output"]));
    let out = ok(&["sensitivity", "--target", "carbon_peak", "--top", "3"]);
    assert_eq!(rows(&out).len(), 3);
}

#[test]
fn analysis_arguments_are_checked() {
    for (args, needle) in [
        (&["ensemble", "--members", "0"][..], "--members must be"),
        (&["ensemble", "--members", "ten"][..], "whole number"),
        (&["ensemble", "--format", "json"][..], "unknown argument"),
        (&["ensemble", "--seed"][..], "needs a value"),
        (&["ensemble", "--seed", "1", "--seed", "2"][..], "twice"),
        (&["sensitivity"][..], "--target ID, or --series"),
        (
            &["sensitivity", "--series", "co2_total"][..],
            "needs --year",
        ),
        (
            &["sensitivity", "--series", "co2_total", "--year", "2040"][..],
            "2020 to 2035",
        ),
        (
            &["sensitivity", "--target", "carbon_peak", "--year", "2030"][..],
            "--year goes with --series",
        ),
        (&["sensitivity", "--target", "nope"][..], "unknown target"),
        (
            &["goal-seek", "--target", "v_recovery", "--lever", "nope"][..],
            "unknown lever",
        ),
        (
            &["contributions", "--series", "nope", "--year", "2030"][..],
            "unknown series",
        ),
        (
            &[
                "contributions",
                "--target",
                "carbon_peak",
                "--permutations",
                "0",
            ][..],
            "at least 1",
        ),
        (
            &["ensemble", "--preset", "reference", "--scenario", "x.json"][..],
            "not both",
        ),
    ] {
        let (code, out, err) = vtre(args);
        assert_eq!(code, 2, "{args:?}");
        assert!(out.is_empty(), "{args:?}");
        assert!(err.contains(needle), "{args:?}: {err}");
    }
    // Without --members or --seed, `targets` is the plain command.
    let (code, out, _) = vtre(&["targets", "--preset", "reference"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("target_id,year,value,threshold,status,margin\n"));
}

#[test]
fn goal_seek_moves_policy_levers_unless_markets_are_asked_for() {
    // Without a lever: every lever moved is a policy (no price, premium or accounting switch).
    let out = ok(&["goal-seek", "--target", "industry_scale"]);
    let markets = [
        "steel_price",
        "steel_premium",
        "v2o5_price",
        "tio2_price",
        "sponge_price",
        "ndpr_price",
        "elec_convention",
    ];
    for r in rows(&out) {
        assert!(!markets.contains(&r["lever"].as_str()), "{r:?}");
    }
    // "If markets…": the labelled option lets prices move too.
    let with = ok(&["goal-seek", "--target", "industry_scale", "--markets"]);
    assert!(
        rows(&with)
            .iter()
            .any(|r| markets.contains(&r["lever"].as_str())),
        "{with}"
    );
    // Naming a market lever needs the option, and says so.
    let (code, _, err) = vtre(&[
        "goal-seek",
        "--target",
        "industry_scale",
        "--lever",
        "steel_price",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("--markets"), "{err}");
    ok(&[
        "goal-seek",
        "--target",
        "industry_scale",
        "--lever",
        "steel_price",
        "--markets",
    ]);
}
