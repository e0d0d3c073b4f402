//! A golden snapshot of the reference projection and its scorecard: any change to results is a reviewed
#![cfg(not(target_arch = "wasm32"))] // native only: runs the CLI, proptest and insta
#![allow(clippy::expect_used, clippy::unwrap_used)] // tests may fail loudly
//! change (`cargo insta review`, or delete the snapshot and re-run to accept).

use vtre_codec::output::{projection_csv, targets_csv};
use vtre_model::{simulate, Scenario};

#[test]
fn reference_projection_matches_the_reviewed_snapshot() {
    let p = simulate(&Scenario::reference());
    insta::assert_snapshot!("reference_projection_csv", projection_csv(&p));
    insta::assert_snapshot!("reference_targets_csv", targets_csv(&p));
}
