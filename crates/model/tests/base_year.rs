//! The 2020 base year, checked where it can fail.
//!
//! Most 2020 figures are identities: the calibration solves a factor back from the very parameter the figure
//! is then compared with — 2020 crude steel from the EAF utilisation solved out of it, iron and titanium
//! concentrate from the ore yields, V2O5 from the vanadium yield, output value from the multipliers `k`,
//! scrap and REO mined from the parameter itself. Comparing such a figure with its parameter only shows that
//! the solve ran (`behaviour.rs`, every parameter at either end). What can be wrong is the *solution*: parts
//! that do not add up to the published total, or a factor no mine, furnace or market could have. Each check
//! below restates that from the parameters and published figures, independently of the model's code, and
//! [`each_check_fails_when_a_parameter_is_mutated`] proves each can fail.
//!
//! Physical and published bounds used (each with its source):
//! - a utilisation is in (0, 1];
//! - Sichuan's EAF share of crude steel: 0.22–0.40 (`sichuan_eaf_share_crude_steel_2021`, the CSV's range;
//!   ±0.005 for its two decimals);
//! - a Panxi iron concentrate is about 54 % Fe (the ministry's V-Ti magnetite rules count concentrates of
//!   54 % or more; `iron_concentrate_per_t_hot_metal` assumes ~55 %); the ore it comes from is poorer than
//!   that and, being mined as ore, not below 15 % Fe (magnetite's boundary grade is 20 %; the margin is for
//!   the guideline's rounded tonnages);
//! - V-Ti magnetite ore carries 1–15 % TiO2; Panxi titanium concentrate is 47 % TiO2 (the CSV's
//!   `ti_ore_tio2_content` note); the Ti recovery that balance implies lies in the CSV's own range for the
//!   2020 recovery (`ti_recovery_rate_baseline`);
//! - the ore's V2O5 at the guideline's resource grade (2,434万t V2O5 in 100.03亿t ore; mined ore is at least
//!   as rich, so the bound is conservative) times the recoveries the model states bounds the V2O5 made;
//! - each output-value multiplier `k` is at least 1: a sub-sector's gross output counts at least its priced
//!   product at the market price (the rest of the published total, steel's part, included);
//! - Chinese EAFs charge scrap plus some hot metal or pig iron: the solved EAF scrap rate stays at or above
//!   0.5 t/t;
//! - Sichuan's 2020 REO mining is within the national rock-type quota left after Inner Mongolia (47,300 t,
//!   shared with Shandong; `non_inner_mongolia_re_rock_quota` in actuals.csv).
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::expect_used, clippy::unwrap_used)] // tests may fail loudly

#[path = "../src/csv_line.rs"]
mod csv_line;

use vtre_model::params::{spec, ParamId as P, PARAMS};
use vtre_model::series::SeriesId as S;
use vtre_model::{simulate, Scenario};

const BASELINE: &str = include_str!("../data/sichuan_baseline.csv");
const ACTUALS: &str = include_str!("../data/actuals.csv");

/// A published figure by its CSV key: (value, low, high) from the baseline CSV (the value for a missing
/// bound), or (value, value, value) from actuals.csv.
fn published(key: &str) -> (f64, f64, f64) {
    for (csv, has_range) in [(BASELINE, true), (ACTUALS, false)] {
        for line in csv.lines().skip(1) {
            let f = csv_line::split_line(line).unwrap();
            if f.first().map(String::as_str) == Some(key) {
                let num = |i: usize| f[i].parse::<f64>().unwrap();
                // A figure with no range in the CSV is its own range.
                let or_value = |i: usize| f[i].parse::<f64>().unwrap_or(num(1));
                return if has_range {
                    (num(1), or_value(5), or_value(6))
                } else {
                    (num(1), num(1), num(1))
                };
            }
        }
    }
    panic!("no published figure {key}")
}

/// Panxi titanium concentrate's TiO2 grade (the CSV note of `ti_ore_tio2_content`).
const TI_CONC_TIO2: f64 = 0.47;
/// Fe grade of a Panxi iron concentrate.
const FE_CONC: f64 = 0.54;

/// Every check's name.
const CHECKS: [&str; 11] = [
    "steel_parts_add_up_to_the_published_total",
    "eaf_share_within_sichuans_published_range",
    "iron_ore_grade_between_mined_ore_and_concentrate",
    "titanium_ore_grade_and_balance_are_physical",
    "vanadium_no_more_than_the_ore_carried",
    "output_value_multipliers_at_least_one",
    "eaf_scrap_rate_plausible_within_the_supply",
    "reo_mined_within_the_national_quota_left_to_sichuan",
    "reproduces_2020_tio2",
    "reproduces_2020_sponge",
    "reproduces_2020_energy",
];

fn close(a: f64, b: f64, rel: f64) -> bool {
    (a - b).abs() <= rel * b.abs().max(1.0)
}

/// The checks of the 2020 base year, by name: what fails for this scenario (empty: all hold).
/// `every_set`: only the checks that must hold for every parameter set (the three that compare 2020 with a
/// figure the model does not solve from, `reproduces_*`, hold for the reference's parameters).
fn failures(s: &Scenario, every_set: bool) -> Vec<(&'static str, String)> {
    let pr = simulate(s);
    let at = |id: S| pr.at(id, 2020);
    let p = |id: P| s.param(id);
    let mut out = Vec::new();
    let mut check = |name: &'static str, ok: bool, why: String| {
        if !ok {
            out.push((name, why));
        }
    };

    // Steel: each part is a capacity times a utilisation, the BF-BOF one a parameter and the EAF one solved
    // from the rest of the published total; the three parts must add up to that total.
    let u_bof = p(P::BofUtil);
    let (vti, other, eaf) = (
        at(S::CrudeSteelBofVti),
        at(S::CrudeSteelBofOther),
        at(S::CrudeSteelEaf),
    );
    let u_eaf = eaf / p(P::EafCap2020);
    check(
        "steel_parts_add_up_to_the_published_total",
        u_bof > 0.0
            && u_bof <= 1.0
            && u_eaf > 0.0
            && u_eaf <= 1.0
            && close(vti, p(P::VtiBofCap2020) * u_bof, 1e-9)
            && close(other, p(P::OtherBofCap2020) * u_bof, 1e-9)
            && close(vti + other + eaf, p(P::CrudeSteel2020), 1e-9),
        format!(
            "V-Ti BF-BOF {vti} + other {other} + EAF {eaf} (utilisation {u_bof}, {u_eaf}) against {}",
            p(P::CrudeSteel2020)
        ),
    );
    let (_, lo, hi) = published("sichuan_eaf_share_crude_steel_2021");
    let share = eaf / at(S::CrudeSteelTotal);
    check(
        "eaf_share_within_sichuans_published_range",
        share >= lo - 0.005 && share <= hi + 0.005,
        format!("EAF share {share} outside {lo}–{hi}"),
    );

    // Iron: the ore yield is the ore's Fe grade over the concentrate's.
    let fe_yield = at(S::IronConcentrateSupply) / (at(S::OreMined) * at(S::FeRecovery));
    let ore_fe = fe_yield * FE_CONC;
    check(
        "iron_ore_grade_between_mined_ore_and_concentrate",
        (0.15..FE_CONC).contains(&ore_fe) && close(fe_yield, pr.calibration.fe_yield, 1e-9),
        format!("the ore would be {ore_fe} Fe (yield {fe_yield})"),
    );

    // Titanium: the TiO2 in the 2020 concentrate over the TiO2 in the ore mined is the Ti recovery.
    let ore_tio2 = p(P::TiOreTio2) / at(S::OreMined);
    let implied_r_ti = at(S::TiConcentrateOutput) * TI_CONC_TIO2 / p(P::TiOreTio2);
    let r = spec(P::TiRecovery2020);
    check(
        "titanium_ore_grade_and_balance_are_physical",
        (0.01..=0.15).contains(&ore_tio2) && (r.low..=r.high).contains(&implied_r_ti),
        format!("ore {ore_tio2} TiO2; the concentrate implies a Ti recovery of {implied_r_ti}"),
    );

    // Vanadium: no more V2O5 than the ore carried, times the dressing and smelter recoveries, for the share
    // of the local concentrate the V-Ti furnaces smelted.
    let (v2o5_res, _, _) = published("guideline_v2o5_resources");
    let (ore_res, _, _) = published("guideline_vti_magnetite_resources");
    let grade = v2o5_res / (ore_res * 1e4); // 万t V2O5 / (亿t × 10⁴ 万t/亿t)
    let conc_vti = vti * p(P::HotMetalPerBof) * p(P::ConcPerHotMetal);
    let smelted = (conc_vti / at(S::IronConcentrateSupply)).min(1.0);
    let bound = at(S::OreMined) * 1e4 * grade * smelted * at(S::VRecovery) * p(P::VExtraction);
    check(
        "vanadium_no_more_than_the_ore_carried",
        at(S::V2o5Output) <= bound,
        format!(
            "{} t V2O5 from ore carrying {bound} t recoverable",
            at(S::V2o5Output)
        ),
    );

    // Output value: the published sub-sector parts leave steel the rest of the total; every solved
    // multiplier is at least 1.
    let k = pr.calibration.k;
    check(
        "output_value_multipliers_at_least_one",
        [k.steel, k.v, k.ti, k.re].iter().all(|&x| x >= 1.0)
            && close(
                at(S::OutputValueSteel),
                p(P::Value2020) - p(P::ValueV2020) - p(P::ValueTi2020) - p(P::ValueRe2020),
                1e-9,
            ),
        format!("k = {k:?}, steel {}", at(S::OutputValueSteel)),
    );

    // Scrap: the converters' scrap at their rate, the EAFs' the rest of what was used, at least 0.5 t/t.
    let bof_scrap = (vti + other) * p(P::ScrapPerBof);
    let eaf_rate = (at(S::ScrapUsed) - bof_scrap) / eaf;
    check(
        "eaf_scrap_rate_plausible_within_the_supply",
        at(S::ScrapUsed) <= at(S::ScrapSupply) * (1.0 + 1e-12)
            && (0.5..=p(P::ScrapPerEaf) + 1e-12).contains(&eaf_rate),
        format!(
            "EAF scrap rate {eaf_rate}, {} used of {}",
            at(S::ScrapUsed),
            at(S::ScrapSupply)
        ),
    );

    // Rare earths: within the national rock-type quota outside Inner Mongolia.
    let (cap, _, _) = published("non_inner_mongolia_re_rock_quota");
    check(
        "reo_mined_within_the_national_quota_left_to_sichuan",
        at(S::ReoMined) > 0.0 && at(S::ReoMined) <= cap,
        format!("{} t REO mined, quota left {cap}", at(S::ReoMined)),
    );

    if !every_set {
        // Figures the model does not solve from: capacity × utilisation and the energy intensities.
        for (name, id, param) in [
            ("reproduces_2020_tio2", S::Tio2Output, P::Tio2Output2020),
            (
                "reproduces_2020_sponge",
                S::TiSpongeOutput,
                P::SpongeOutput2020,
            ),
            ("reproduces_2020_energy", S::EnergyTotal, P::Energy2020),
        ] {
            let want = spec(param).value;
            check(
                name,
                (at(id) / want - 1.0).abs() <= 0.02,
                format!("{} vs {want}", at(id)),
            );
        }
    }
    out
}

#[test]
fn the_reference_base_year_passes_every_check_that_can_fail() {
    assert_eq!(failures(&Scenario::reference(), false), vec![]);
}

#[test]
fn the_base_year_is_physical_with_every_parameter_at_either_end_of_its_range() {
    let mut n = 0;
    for p in PARAMS.iter().filter(|p| p.overridable()) {
        for v in [p.low, p.high] {
            let mut s = Scenario::reference();
            s.set_param(p.id, v);
            assert_eq!(failures(&s, true), vec![], "{}={v}", p.csv_key);
            n += 1;
        }
    }
    assert!(n > 100, "{n}");
}

#[test]
fn each_check_fails_when_a_parameter_is_mutated() {
    // (check, parameter, mutated value, why it must fail)
    let cases = [
        // More than all 2020 furnaces make at full use (2,000 + 1,200): the parts fall short.
        (
            "steel_parts_add_up_to_the_published_total",
            P::CrudeSteel2020,
            3500.0,
        ),
        // BF-BOF "over" full use: the EAFs' part comes out negative.
        ("steel_parts_add_up_to_the_published_total", P::BofUtil, 1.5),
        // Three times the ordinary-ore blast furnaces: the EAFs would have made 13 %.
        (
            "eaf_share_within_sichuans_published_range",
            P::OtherBofCap2020,
            900.0,
        ),
        // A third of the ore for the same concentrate: the ore richer than its concentrate.
        (
            "iron_ore_grade_between_mined_ore_and_concentrate",
            P::OreMined2020,
            3000.0,
        ),
        // Over three times the concentrate from the same ore: 8,000万t of 54 % Fe from 10,000 at 62 %.
        (
            "iron_ore_grade_between_mined_ore_and_concentrate",
            P::IronConc2020,
            8000.0,
        ),
        // 20 % TiO2 in the ore.
        (
            "titanium_ore_grade_and_balance_are_physical",
            P::TiOreTio2,
            2000.0,
        ),
        // Twice the titanium concentrate from the same ore: a 40 % Ti recovery.
        (
            "titanium_ore_grade_and_balance_are_physical",
            P::TiConc2020,
            1000.0,
        ),
        // More V2O5 than the recoverable vanadium.
        (
            "vanadium_no_more_than_the_ore_carried",
            P::V2o5Output2020,
            100_000.0,
        ),
        // The same V2O5 with half the dressing recovery.
        (
            "vanadium_no_more_than_the_ore_carried",
            P::VRecovery2020,
            0.25,
        ),
        // A total that leaves steel less than its crude steel at rebar prices.
        (
            "output_value_multipliers_at_least_one",
            P::Value2020,
            1200.0,
        ),
        // Titanium valued below its concentrate and TiO2 at market prices.
        (
            "output_value_multipliers_at_least_one",
            P::ValueTi2020,
            150.0,
        ),
        // Half the scrap: the EAFs' rate cut to 0.45 t/t.
        (
            "eaf_scrap_rate_plausible_within_the_supply",
            P::Scrap2020,
            600.0,
        ),
        // More than the rock-type quota left after Inner Mongolia.
        (
            "reo_mined_within_the_national_quota_left_to_sichuan",
            P::ReQuota2020,
            50_000.0,
        ),
        // Capacity × utilisation no longer gives the 2020 output.
        ("reproduces_2020_tio2", P::Tio2Util, 0.6),
        ("reproduces_2020_sponge", P::SpongeUtil, 0.5),
        (
            "reproduces_2020_energy",
            P::BofEnergy,
            spec(P::BofEnergy).value * 1.5,
        ),
    ];
    let names: Vec<&str> = failures(&Scenario::reference(), false)
        .iter()
        .map(|f| f.0)
        .collect();
    assert!(names.is_empty(), "{names:?}");
    let mut proven = std::collections::BTreeSet::new();
    for (name, id, v) in cases {
        let mut s = Scenario::reference();
        s.set_param_mutated(id, v);
        let failed = failures(&s, false);
        assert!(
            failed.iter().any(|f| f.0 == name),
            "{}={v} should fail {name}; failed: {failed:?}",
            spec(id).csv_key
        );
        proven.insert(name);
    }
    // Every check has been seen to fail.
    assert_eq!(proven.into_iter().collect::<Vec<_>>(), {
        let mut all = CHECKS.to_vec();
        all.sort_unstable();
        all
    });
}
