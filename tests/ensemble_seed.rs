//! The browser's ensembles use the CLI's defaults, so `vtre targets --members 1000 --seed 1` and the
//! scorecard's probabilities agree (the end-to-end test `tests/e2e/analysis.test.mjs` compares the two
//! outputs; this checks the constants and what they give, natively).
#![allow(clippy::expect_used, clippy::unwrap_used)]

use vtre_analysis::{ensemble, DEFAULT_MEMBERS};
use vtre_model::{Scenario, SeriesId, TARGETS};

#[test]
fn the_app_seed_and_member_count_are_the_clis_defaults() {
    // The CLI keeps its default seed in its own source (a native-only crate the app cannot depend on).
    let cli = include_str!("../crates/cli/src/analysis.rs");
    let seed = format!("const DEFAULT_SEED: u64 = {};", vtre::ENSEMBLE_SEED);
    assert!(
        cli.contains(&seed),
        "the CLI's default seed is not the app's ({seed})"
    );
    assert_eq!(vtre::ENSEMBLE_MEMBERS, DEFAULT_MEMBERS);
    assert_eq!(vtre::ENSEMBLE_MEMBERS, 1000);
}

#[test]
fn the_reference_ensemble_is_reproducible_and_its_probabilities_are_shares() {
    let s = Scenario::reference();
    let a = ensemble(&s, vtre::ENSEMBLE_MEMBERS, vtre::ENSEMBLE_SEED);
    let b = ensemble(&s, vtre::ENSEMBLE_MEMBERS, vtre::ENSEMBLE_SEED);
    assert_eq!(a, b);
    for t in TARGETS {
        let o = a.target(t.id).expect("every target is scored");
        if let Some(p) = o.probability() {
            assert!((0.0..=1.0).contains(&p));
            // Reached at all (met or at risk), and with the margin (met): shares of 1,000 members.
            assert_eq!(
                p * 1000.0,
                (o.met + o.at_risk) as f64,
                "a share of 1,000 members"
            );
            let m = o.probability_margin().expect("scored");
            assert_eq!(m * 1000.0, o.met as f64, "a share of 1,000 members");
        }
    }
    // The headline's 2025 scale: the reference inside its 10–90 % range.
    let q = a.at(SeriesId::OutputValueTotal, 2025).expect("2025");
    let v = vtre_model::simulate(&s).at(SeriesId::OutputValueTotal, 2025);
    assert!(q.p10 < v && v < q.p90, "{q:?} vs {v}");
}
