//! Contributions: how much each change of a scenario (from the reference) adds to the difference in one
//! output, by Shapley values.
//!
//! The players are the scenario's changes from the reference ([`crate::changes_from_reference`]): every
//! lever away from its reference value and every overridden parameter. The value of a coalition `S` is the
//! measure in the reference with only the changes in `S` applied, `v(S)`. Player `i` gets
//!
//! ```text
//! φ_i = Σ_{S ⊆ N∖{i}} |S|! (n − |S| − 1)! / n! · (v(S ∪ {i}) − v(S))
//! ```
//!
//! its marginal effect averaged over every order in which the changes could be made. Interactions are shared
//! out (two changes that only matter together split their joint effect), and the parts always add up to the
//! whole change: `Σ φ_i = v(N) − v(∅)` (efficiency).
//!
//! - **Exact** for up to [`MAX_EXACT`] changes: every coalition is run once (`2^n` runs, 4 096 for 12).
//! - **Sampled** beyond: `M` random orders (seeded, [`SplitMix64`]), each followed by its reverse (antithetic
//!   pairs, which cancel much of the sampling noise), and `φ_i` is player `i`'s mean marginal effect over
//!   them (`2 + M·(n − 1)` runs). The marginal effects along one order telescope to `v(N) − v(∅)`, so the
//!   sampled parts add up to the whole change exactly too (up to rounding); only the split is estimated.

use crate::measure::{changes_from_reference, Input, Measure};
use crate::rng::SplitMix64;
use vtre_model::{simulate, Scenario};

/// The largest number of changes computed exactly.
pub const MAX_EXACT: usize = 12;
/// Orders sampled beyond [`MAX_EXACT`] unless told (about the run budget of the largest exact case for 20
/// changes).
pub const DEFAULT_PERMUTATIONS: usize = 200;

/// One change's contribution.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Part {
    pub input: Input,
    /// The input's reference value.
    pub from: f64,
    /// The input's value in the scenario.
    pub to: f64,
    /// Its Shapley value, in the measure's unit.
    pub contribution: f64,
}

/// How the contributions were computed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    Exact,
    Sampled { permutations: usize, seed: u64 },
}

/// A scenario's change in one measure, split among its changes.
#[derive(Clone, Debug, PartialEq)]
pub struct Contributions {
    pub measure: Measure,
    /// The measure in the reference scenario.
    pub reference: f64,
    /// The measure in the scenario.
    pub scenario: f64,
    /// One part per change, levers first (table order), then parameters.
    pub parts: Vec<Part>,
    pub method: Method,
    /// Model runs used.
    pub runs: usize,
}

impl Contributions {
    /// `scenario − reference`.
    pub fn total(&self) -> f64 {
        self.scenario - self.reference
    }
    /// The sum of the parts (equal to [`Self::total`] up to rounding).
    pub fn sum(&self) -> f64 {
        self.parts.iter().map(|p| p.contribution).sum()
    }
}

/// Splits `s`'s change in `measure` from the reference among its changes: exact up to [`MAX_EXACT`] changes,
/// else [`DEFAULT_PERMUTATIONS`] sampled orders from `seed`.
pub fn contributions(s: &Scenario, measure: Measure, seed: u64) -> Contributions {
    contributions_with(s, measure, MAX_EXACT, DEFAULT_PERMUTATIONS, seed)
}

/// [`contributions`] with the exact limit and the number of sampled orders given (`permutations` at least 1;
/// `seed` is only used when sampling).
pub fn contributions_with(
    s: &Scenario,
    measure: Measure,
    max_exact: usize,
    permutations: usize,
    seed: u64,
) -> Contributions {
    let changes = changes_from_reference(s);
    let n = changes.len();
    let mut runs = 0;
    let mut v = |members: &[bool]| {
        let mut t = Scenario::reference();
        for (&(input, _, to), &on) in changes.iter().zip(members) {
            if on {
                input.set(&mut t, to);
            }
        }
        runs += 1;
        measure.of(&simulate(&t))
    };
    let exact = n <= max_exact.min(MAX_EXACT_LIMIT);
    let permutations = permutations.max(1);
    let (phi, reference, scenario) = if exact {
        shapley_exact(n, &mut v)
    } else {
        shapley_sampled(n, permutations, seed, &mut v)
    };
    let parts = changes
        .iter()
        .zip(phi)
        .map(|(&(input, from, to), contribution)| Part {
            input,
            from,
            to,
            contribution,
        })
        .collect();
    Contributions {
        measure,
        reference,
        scenario,
        parts,
        method: if exact {
            Method::Exact
        } else {
            Method::Sampled { permutations, seed }
        },
        runs,
    }
}

/// Above this many players exact Shapley values are never computed (2^n runs; the masks are `u32`).
const MAX_EXACT_LIMIT: usize = 20;

/// Exact Shapley values of `n ≤ 20` players for the game `v` (called once per coalition, as membership
/// flags). Returns `(φ, v(∅), v(N))`.
fn shapley_exact(n: usize, v: &mut impl FnMut(&[bool]) -> f64) -> (Vec<f64>, f64, f64) {
    let n = n.min(MAX_EXACT_LIMIT);
    let size = 1usize << n;
    let mut members = vec![false; n];
    let values: Vec<f64> = (0..size)
        .map(|mask| {
            for (i, m) in members.iter_mut().enumerate() {
                *m = mask & (1 << i) != 0;
            }
            v(&members)
        })
        .collect();
    // weight of a coalition of k others: k! (n − k − 1)! / n! = 1 / (n · C(n − 1, k))
    let mut weight = vec![0.0; n];
    let mut binom = 1.0; // C(n − 1, k)
    for (k, w) in weight.iter_mut().enumerate() {
        *w = 1.0 / (n as f64 * binom);
        binom = binom * (n - 1 - k) as f64 / (k + 1) as f64;
    }
    let phi = (0..n)
        .map(|i| {
            let bit = 1usize << i;
            (0..size)
                .filter(|mask| mask & bit == 0)
                .map(|mask| {
                    weight[mask.count_ones() as usize] * (values[mask | bit] - values[mask])
                })
                .sum()
        })
        .collect();
    (phi, values[0], values[size - 1])
}

/// Shapley values of `n` players estimated from `permutations` orders (in antithetic pairs) drawn from
/// `seed`. Returns `(φ, v(∅), v(N))`; `Σ φ = v(N) − v(∅)` up to rounding.
fn shapley_sampled(
    n: usize,
    permutations: usize,
    seed: u64,
    v: &mut impl FnMut(&[bool]) -> f64,
) -> (Vec<f64>, f64, f64) {
    let mut members = vec![false; n];
    let empty = v(&members);
    members.iter_mut().for_each(|m| *m = true);
    let full = v(&members);
    let mut phi = vec![0.0; n];
    if n == 0 {
        return (phi, empty, full);
    }
    let mut rng = SplitMix64::new(seed);
    let mut order: Vec<usize> = (0..n).collect();
    for p in 0..permutations {
        if p % 2 == 0 {
            rng.shuffle(&mut order);
        } else {
            order.reverse();
        }
        members.iter_mut().for_each(|m| *m = false);
        let mut before = empty;
        for (pos, &i) in order.iter().enumerate() {
            members[i] = true;
            let after = if pos + 1 == n { full } else { v(&members) };
            phi[i] += after - before;
            before = after;
        }
    }
    let m = permutations as f64;
    phi.iter_mut().for_each(|x| *x /= m);
    (phi, empty, full)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use vtre_model::params::ParamId;
    use vtre_model::{LeverId, SeriesId, LEVERS};

    /// `v = [0∈S]·([1∈S] + 2·[2∈S]) + 3·[0,1,2∈S] + 3·[3∈S]`: unanimity games {0,1}×1, {0,2}×2 and
    /// {0,1,2}×3, a lone player worth 3, and player 4 a null player. Shapley splits each unanimity game
    /// evenly: φ = [0.5 + 1 + 1, 0.5 + 1, 1 + 1, 3, 0]. (Equal weights for every coalition, the Banzhaf
    /// index, would give the three-player game 3/4 each and not add up.)
    fn game(m: &[bool]) -> f64 {
        let b = |i: usize| f64::from(u8::from(m[i]));
        b(0) * (b(1) + 2.0 * b(2)) + 3.0 * b(0) * b(1) * b(2) + 3.0 * b(3)
    }

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol
    }

    #[test]
    fn exact_values_of_a_known_game() {
        let mut calls = 0;
        let (phi, empty, full) = shapley_exact(5, &mut |m| {
            calls += 1;
            game(m)
        });
        assert_eq!(calls, 32);
        assert_eq!((empty, full), (0.0, 9.0));
        for (got, want) in phi.iter().zip([2.5, 1.5, 2.0, 3.0, 0.0]) {
            assert!(close(*got, want, 1e-12), "{phi:?}");
        }
    }

    #[test]
    fn sampled_values_sum_exactly_and_approach_the_exact_ones() {
        let (phi, empty, full) = shapley_sampled(5, 2000, 11, &mut |m: &[bool]| game(m));
        assert!(close(phi.iter().sum::<f64>(), full - empty, 1e-12));
        for (got, want) in phi.iter().zip([2.5, 1.5, 2.0, 3.0, 0.0]) {
            assert!(close(*got, want, 0.1), "{phi:?}");
        }
        assert_eq!(
            phi[3], 3.0,
            "a lone player's marginal is the same in every order"
        );
        assert_eq!(phi[4], 0.0, "a null player gets nothing");
        let again = shapley_sampled(5, 2000, 11, &mut |m: &[bool]| game(m)).0;
        assert_eq!(phi, again, "seeded");
    }

    fn swap_scenario() -> Scenario {
        let mut s = Scenario::reference();
        s.set(LeverId::EafSwap, 600.0);
        s.set(LeverId::SwapVtiShare, 1.0);
        s.set(LeverId::GridFactor, 0.05);
        s.set_param(ParamId::PowerElasticity, -0.5);
        s
    }

    #[test]
    fn exact_parts_add_up_and_share_an_interaction() {
        let s = swap_scenario();
        let m = Measure::Series(SeriesId::CrudeSteelBofVti, 2030);
        let c = contributions(&s, m, 0);
        assert_eq!(c.method, Method::Exact);
        assert_eq!(c.parts.len(), 4);
        assert_eq!(c.runs, 16);
        assert_eq!(c.reference, m.of(&simulate(&Scenario::reference())));
        assert_eq!(c.scenario, m.of(&simulate(&s)));
        let scale = c.reference.abs().max(c.scenario.abs()).max(1.0);
        assert!(
            close(c.sum(), c.total(), 1e-9 * scale),
            "{} vs {}",
            c.sum(),
            c.total()
        );
        assert!(c.total() < 0.0, "swapping V-Ti furnaces cuts V-Ti steel");
        // The V-Ti share alone changes nothing (no swap to share), but with the swap it decides which
        // furnaces go: a one-at-a-time split would give it 0 and not add up.
        let share = c
            .parts
            .iter()
            .find(|p| p.input == Input::Lever(LeverId::SwapVtiShare))
            .unwrap();
        let mut alone = Scenario::reference();
        alone.set(LeverId::SwapVtiShare, 1.0);
        assert_eq!(m.of(&simulate(&alone)), c.reference, "no effect alone");
        assert!(share.contribution < 0.0, "{c:?}");
        assert_eq!((share.from, share.to), (0.0, 1.0));
        // The grid factor does not touch steel tonnes: a null player.
        let grid = c
            .parts
            .iter()
            .find(|p| p.input == Input::Lever(LeverId::GridFactor))
            .unwrap();
        assert!(grid.contribution.abs() <= 1e-9 * scale, "{grid:?}");
    }

    #[test]
    fn many_changes_are_sampled_reproducibly_and_still_add_up() {
        let mut s = Scenario::reference();
        for l in LEVERS.iter().take(15) {
            s.set(l.id, l.max);
        }
        assert_eq!(
            s.changed_levers().count(),
            14,
            "one of them is at its maximum already"
        );
        let m = Measure::Series(SeriesId::Co2Total, 2035);
        let c = contributions_with(&s, m, MAX_EXACT, 20, 7);
        assert_eq!(c.parts.len(), 14);
        assert_eq!(
            c.method,
            Method::Sampled {
                permutations: 20,
                seed: 7
            }
        );
        assert_eq!(c.runs, 2 + 20 * 13);
        let scale = c.reference.abs().max(c.scenario.abs()).max(1.0);
        assert!(
            close(c.sum(), c.total(), 1e-9 * scale),
            "{} vs {}",
            c.sum(),
            c.total()
        );
        assert_eq!(
            c,
            contributions_with(&s, m, MAX_EXACT, 20, 7),
            "same seed, same parts"
        );
        let other = contributions_with(&s, m, MAX_EXACT, 20, 8);
        assert_ne!(c.parts, other.parts, "another seed, other orders");
        assert!(close(other.sum(), c.total(), 1e-9 * scale));
    }

    #[test]
    fn sampling_agrees_with_the_exact_split() {
        let s = swap_scenario();
        let m = Measure::Series(SeriesId::Co2Total, 2030);
        let exact = contributions(&s, m, 0);
        let sampled = contributions_with(&s, m, 0, 400, 3);
        assert!(matches!(sampled.method, Method::Sampled { .. }));
        let scale = exact
            .parts
            .iter()
            .map(|p| p.contribution.abs())
            .fold(0.0, f64::max);
        for (e, p) in exact.parts.iter().zip(&sampled.parts) {
            assert_eq!(e.input, p.input);
            assert!(
                close(e.contribution, p.contribution, 0.05 * scale),
                "{}: {} vs {}",
                e.input.key(),
                e.contribution,
                p.contribution
            );
        }
    }

    #[test]
    fn the_reference_has_nothing_to_split() {
        let c = contributions(
            &Scenario::reference(),
            Measure::Series(SeriesId::Co2Total, 2030),
            0,
        );
        assert!(c.parts.is_empty());
        assert_eq!(c.total(), 0.0);
        assert_eq!(c.runs, 1);
    }
}
