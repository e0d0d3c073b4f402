//! Contributions: how much each change of a scenario (from the reference) adds to the difference in one
//! output, by Shapley values.
//!
//! The players are the scenario's changes from the reference ([`crate::changes_from_reference`]): every
//! lever away from its reference value and every overridden parameter. The value of a coalition `S` is the
//! measure in the reference with only the changes in `S` applied, `v(S)`: the reference **in the scenario's
//! market baseline, policy start year and lever schedules** (issue 25), so the split compares policies within one world and
//! `v(N)` is the scenario itself (a later start or another baseline used to be dropped, so the waterfall's
//! end was not the scenario's own value). Player `i` gets
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
//!
//! **Interaction** ([`Contributions::interaction`]). Beside its Shapley value, each change has its
//! **one-at-a-time effect** ([`Part::alone`]): `v({i}) − v(∅)`, the change made alone on the reference. The
//! sum of these is what the changes would do if each acted independently; what is left of the whole change,
//!
//! ```text
//! interaction = (v(N) − v(∅)) − Σ_i (v({i}) − v(∅))
//! ```
//!
//! is how much comes from changes acting **together**: positive when they reinforce each other, negative when
//! they cancel (a swap of V-Ti furnaces and "which furnaces" matter only together; two levers that cut the
//! same tonnes cannot both cut them). Two identities hold, each exactly by construction: the Shapley parts
//! sum to the whole change (`Σ φ_i = total`: the interaction is shared out among the parts), and separately
//! the one-at-a-time effects plus the interaction equal it (`Σ alone_i + interaction = total`). An exact
//! split has every `v({i})` among its coalitions; a sampled one runs the `n` single changes once more
//! (`n` runs).

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
    /// Its one-at-a-time effect: the change made alone on the reference, `v({i}) − v(∅)`.
    pub alone: f64,
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
    /// The sum of the one-at-a-time effects: what the changes would do if each acted alone.
    pub fn sum_alone(&self) -> f64 {
        self.parts.iter().map(|p| p.alone).sum()
    }
    /// How much of the total comes from changes acting together: `total − Σ alone` (see the module docs).
    /// Zero with no change or one; positive when changes reinforce each other, negative when they cancel.
    pub fn interaction(&self) -> f64 {
        self.total() - self.sum_alone()
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
    let mut run = ShapleyRun::new(s, measure, max_exact, permutations, seed);
    run.step(usize::MAX);
    run.finish()
}

/// Contributions computed a few model runs at a time, so a browser can spread the `2^n` runs of an exact
/// split (4,096 for 12 changes) over many short slices: [`ShapleyRun::new`], then [`ShapleyRun::step`] until
/// it answers `true`, then [`ShapleyRun::finish`]. Every run and every sum is made in the same order as
/// [`contributions_with`] (which is this, run at once), so the parts are bit-identical whatever the slices.
#[derive(Clone, Debug)]
pub struct ShapleyRun {
    measure: Measure,
    /// The reference in the scenario's market baseline and policy frame: what the changes are applied to.
    base: Scenario,
    changes: Vec<(Input, f64, f64)>,
    game: Game,
    method: Method,
    runs: usize,
    planned: usize,
}

impl ShapleyRun {
    /// Prepares the split of `s`'s change in `measure` (arguments as [`contributions_with`]); runs nothing.
    pub fn new(
        s: &Scenario,
        measure: Measure,
        max_exact: usize,
        permutations: usize,
        seed: u64,
    ) -> ShapleyRun {
        let changes = changes_from_reference(s);
        let n = changes.len();
        let permutations = permutations.max(1);
        let exact = n <= max_exact.min(MAX_EXACT_LIMIT);
        let (game, method, planned) = if exact {
            (
                Game::Exact(Exact::new(n)),
                Method::Exact,
                1usize << n.min(MAX_EXACT_LIMIT),
            )
        } else {
            (
                Game::Sampled(Sampled::new(n, permutations, seed)),
                Method::Sampled { permutations, seed },
                2 + permutations.saturating_mul(n.saturating_sub(1)) + n,
            )
        };
        let mut base = Scenario::reference();
        base.set_baseline(s.baseline());
        base.set_start_year(s.start_year());
        for (id, sch) in s.schedules() {
            base.set_schedule(id, sch.start, sch.full);
        }
        ShapleyRun {
            measure,
            base,
            changes,
            game,
            method,
            runs: 0,
            planned,
        }
    }

    /// Model runs made so far.
    pub fn runs(&self) -> usize {
        self.runs
    }

    /// Model runs the whole split takes.
    pub fn planned_runs(&self) -> usize {
        self.planned
    }

    /// Makes up to `k` more model runs; answers whether the split is complete.
    pub fn step(&mut self, k: usize) -> bool {
        for _ in 0..k {
            let value = match self.game.next() {
                None => return true,
                Some(members) => {
                    let mut t = self.base.clone();
                    for (&(input, _, to), &on) in self.changes.iter().zip(members) {
                        if on {
                            input.set(&mut t, to);
                        }
                    }
                    self.measure.of(&simulate(&t))
                }
            };
            self.runs += 1;
            self.game.record(value);
        }
        self.game.next().is_none()
    }

    /// The contributions (call once [`Self::step`] has answered `true`; before that, unrun coalitions
    /// count as NaN).
    pub fn finish(mut self) -> Contributions {
        let (phi, alone, reference, scenario) = self.game.finish();
        let parts = self
            .changes
            .iter()
            .zip(phi)
            .zip(alone)
            .map(|((&(input, from, to), contribution), alone)| Part {
                input,
                from,
                to,
                contribution,
                alone,
            })
            .collect();
        Contributions {
            measure: self.measure,
            reference,
            scenario,
            parts,
            method: self.method,
            runs: self.runs,
        }
    }
}

/// Above this many players exact Shapley values are never computed (2^n runs; the masks are `u32`).
const MAX_EXACT_LIMIT: usize = 20;

/// A Shapley computation as a sequence of coalitions to evaluate: `next` names the next coalition (as
/// membership flags) or `None` when all are done, `record` takes its value, `finish` gives
/// `(φ, alone, v(∅), v(N))` with `alone_i = v({i}) − v(∅)`.
#[derive(Clone, Debug)]
enum Game {
    Exact(Exact),
    Sampled(Sampled),
}

impl Game {
    fn next(&mut self) -> Option<&[bool]> {
        match self {
            Game::Exact(g) => g.next(),
            Game::Sampled(g) => g.next(),
        }
    }
    fn record(&mut self, value: f64) {
        match self {
            Game::Exact(g) => g.values.push(value),
            Game::Sampled(g) => g.record(value),
        }
    }
    fn finish(&mut self) -> Finished {
        match self {
            Game::Exact(g) => g.finish(),
            Game::Sampled(g) => g.finish(),
        }
    }
}

/// `(φ, alone, v(∅), v(N))`: Shapley values, one-at-a-time effects, and the empty and full coalitions.
type Finished = (Vec<f64>, Vec<f64>, f64, f64);

/// Every coalition of `n ≤ 20` players, in mask order.
#[derive(Clone, Debug)]
struct Exact {
    n: usize,
    members: Vec<bool>,
    values: Vec<f64>,
}

impl Exact {
    fn new(n: usize) -> Exact {
        let n = n.min(MAX_EXACT_LIMIT);
        Exact {
            n,
            members: vec![false; n],
            values: Vec::with_capacity(1 << n),
        }
    }
    fn next(&mut self) -> Option<&[bool]> {
        let mask = self.values.len();
        if mask >= 1 << self.n {
            return None;
        }
        for (i, m) in self.members.iter_mut().enumerate() {
            *m = mask & (1 << i) != 0;
        }
        Some(&self.members)
    }
    fn finish(&mut self) -> Finished {
        self.values.resize(1usize << self.n, f64::NAN);
        exact_from_values(self.n, &self.values)
    }
}

/// Shapley values of `n` players from the values of all `2^n` coalitions in mask order.
fn exact_from_values(n: usize, values: &[f64]) -> Finished {
    let size = 1usize << n;
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
    let alone = (0..n).map(|i| values[1 << i] - values[0]).collect();
    (phi, alone, values[0], values[size - 1])
}

/// Where a sampled computation is: `v(∅)`, then `v(N)`, then position `pos` of order `p`, then the single
/// change `i` alone.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Stage {
    Empty,
    Full,
    Orders { p: usize, pos: usize },
    Single { i: usize },
    Done,
}

/// `permutations` random orders of `n` players (antithetic pairs: each shuffled order, then its reverse),
/// each player's marginal effect added up along each order.
#[derive(Clone, Debug)]
struct Sampled {
    n: usize,
    permutations: usize,
    rng: SplitMix64,
    order: Vec<usize>,
    members: Vec<bool>,
    phi: Vec<f64>,
    alone: Vec<f64>,
    empty: f64,
    full: f64,
    before: f64,
    stage: Stage,
}

impl Sampled {
    fn new(n: usize, permutations: usize, seed: u64) -> Sampled {
        Sampled {
            n,
            permutations,
            rng: SplitMix64::new(seed),
            order: (0..n).collect(),
            members: vec![false; n],
            phi: vec![0.0; n],
            alone: vec![f64::NAN; n],
            empty: f64::NAN,
            full: f64::NAN,
            before: f64::NAN,
            stage: Stage::Empty,
        }
    }
    fn next(&mut self) -> Option<&[bool]> {
        match self.stage {
            Stage::Empty => self.members.iter_mut().for_each(|m| *m = false),
            Stage::Full => self.members.iter_mut().for_each(|m| *m = true),
            Stage::Done => return None,
            Stage::Single { i } => {
                if i >= self.n {
                    self.stage = Stage::Done;
                    return None;
                }
                for (j, m) in self.members.iter_mut().enumerate() {
                    *m = j == i;
                }
            }
            Stage::Orders { mut p, mut pos } => loop {
                if p == self.permutations {
                    self.stage = Stage::Single { i: 0 };
                    return self.next();
                }
                if pos == 0 {
                    if p % 2 == 0 {
                        self.rng.shuffle(&mut self.order);
                    } else {
                        self.order.reverse();
                    }
                    self.members.iter_mut().for_each(|m| *m = false);
                    self.before = self.empty;
                }
                let i = self.order[pos];
                self.members[i] = true;
                if pos + 1 < self.n {
                    self.stage = Stage::Orders { p, pos };
                    break;
                }
                // The last position adds every player: that coalition's value is v(N), no run needed.
                self.phi[i] += self.full - self.before;
                self.before = self.full;
                p += 1;
                pos = 0;
            },
        }
        Some(&self.members)
    }
    fn record(&mut self, value: f64) {
        match self.stage {
            Stage::Empty => {
                self.empty = value;
                self.stage = Stage::Full;
            }
            Stage::Full => {
                self.full = value;
                self.stage = if self.n == 0 {
                    Stage::Done
                } else {
                    Stage::Orders { p: 0, pos: 0 }
                };
            }
            Stage::Orders { p, pos } => {
                let i = self.order[pos];
                self.phi[i] += value - self.before;
                self.before = value;
                self.stage = Stage::Orders { p, pos: pos + 1 };
            }
            Stage::Single { i } => {
                if let Some(a) = self.alone.get_mut(i) {
                    *a = value - self.empty;
                }
                self.stage = Stage::Single { i: i + 1 };
            }
            Stage::Done => {}
        }
    }
    fn finish(&mut self) -> Finished {
        let m = self.permutations as f64;
        let phi = self.phi.iter().map(|x| x / m).collect();
        (phi, self.alone.clone(), self.empty, self.full)
    }
}

/// Exact Shapley values of `n ≤ 20` players for the game `v` (called once per coalition, as membership
/// flags). Returns `(φ, alone, v(∅), v(N))`.
#[cfg(test)]
fn shapley_exact(n: usize, v: &mut impl FnMut(&[bool]) -> f64) -> Finished {
    let mut g = Game::Exact(Exact::new(n));
    while let Some(m) = g.next() {
        let x = v(m);
        g.record(x);
    }
    g.finish()
}

/// Shapley values of `n` players estimated from `permutations` orders (in antithetic pairs) drawn from
/// `seed`, then each player alone. Returns `(φ, alone, v(∅), v(N))`; `Σ φ = v(N) − v(∅)` up to rounding.
#[cfg(test)]
fn shapley_sampled(
    n: usize,
    permutations: usize,
    seed: u64,
    v: &mut impl FnMut(&[bool]) -> f64,
) -> Finished {
    let mut g = Game::Sampled(Sampled::new(n, permutations, seed));
    while let Some(m) = g.next() {
        let x = v(m);
        g.record(x);
    }
    g.finish()
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
        let (phi, alone, empty, full) = shapley_exact(5, &mut |m| {
            calls += 1;
            game(m)
        });
        assert_eq!(calls, 32);
        assert_eq!((empty, full), (0.0, 9.0));
        for (got, want) in phi.iter().zip([2.5, 1.5, 2.0, 3.0, 0.0]) {
            assert!(close(*got, want, 1e-12), "{phi:?}");
        }
        // Alone, only the lone player does anything: the three unanimity games (1 + 2 + 3 = 6) are all
        // interaction, and one-at-a-time effects plus interaction make the whole change.
        assert_eq!(alone, [0.0, 0.0, 0.0, 3.0, 0.0]);
        let interaction = (full - empty) - alone.iter().sum::<f64>();
        assert_eq!(interaction, 6.0);
    }

    #[test]
    fn sampled_one_at_a_time_effects_are_the_exact_ones() {
        let (_, exact, ..) = shapley_exact(5, &mut |m: &[bool]| game(m));
        let (_, sampled, ..) = shapley_sampled(5, 6, 2, &mut |m: &[bool]| game(m));
        assert_eq!(exact, sampled);
    }

    #[test]
    fn sampled_values_sum_exactly_and_approach_the_exact_ones() {
        let (phi, _, empty, full) = shapley_sampled(5, 2000, 11, &mut |m: &[bool]| game(m));
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
    fn one_at_a_time_effects_plus_interaction_equal_the_total_and_the_swap_pair_interacts() {
        // The issue's relation, on the model: Shapley parts sum to the total; separately, the one-at-a-time
        // effects plus the interaction equal it. Each `alone` is the change made alone, simulated again here.
        let s = swap_scenario();
        let m = Measure::Series(SeriesId::CrudeSteelBofVti, 2030);
        let reference = m.of(&simulate(&Scenario::reference()));
        for c in [contributions(&s, m, 0), contributions_with(&s, m, 0, 10, 4)] {
            let scale = c.reference.abs().max(c.scenario.abs()).max(1.0);
            assert!(close(c.sum(), c.total(), 1e-9 * scale));
            assert!(close(
                c.sum_alone() + c.interaction(),
                c.total(),
                1e-9 * scale
            ));
            for p in &c.parts {
                let mut alone = Scenario::reference();
                p.input.set(&mut alone, p.to);
                assert_eq!(
                    p.alone,
                    m.of(&simulate(&alone)) - reference,
                    "{:?}",
                    p.input
                );
            }
            // The swap and "which furnaces" act together: V-Ti steel falls by more than the swap alone
            // (which takes ordinary furnaces first) and the share alone (nothing to share) would cut it.
            assert!(c.interaction() < -1.0, "{c:?}");
        }
        // One change: no interaction.
        let mut one = Scenario::reference();
        one.set(LeverId::EafSwap, 600.0);
        let c = contributions(&one, m, 0);
        assert_eq!(c.parts[0].alone, c.total());
        assert_eq!(c.interaction(), 0.0);
        // Two changes that do not meet (the grid and the swap, measured in steel): none either.
        let mut apart = one.clone();
        apart.set(LeverId::GridFactor, 0.05);
        assert!(contributions(&apart, m, 0).interaction().abs() < 1e-9);
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
        assert_eq!(
            c.runs,
            2 + 20 * 13 + 14,
            "the orders, then each change alone"
        );
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

    /// The closure-based computations the state machines replaced, kept as oracles: the incremental ones
    /// must make the same evaluations in the same order and give bit-identical values.
    fn oracle_exact(n: usize, v: &mut impl FnMut(&[bool]) -> f64) -> Finished {
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
        // The weighting is shared (`exact_values_of_a_known_game` checks it against hand-worked values);
        // what this oracle pins is which coalitions are evaluated, in which order.
        exact_from_values(n, &values)
    }

    fn oracle_sampled(
        n: usize,
        permutations: usize,
        seed: u64,
        v: &mut impl FnMut(&[bool]) -> f64,
    ) -> Finished {
        let mut members = vec![false; n];
        let empty = v(&members);
        members.iter_mut().for_each(|m| *m = true);
        let full = v(&members);
        let mut phi = vec![0.0; n];
        if n == 0 {
            return (phi, vec![], empty, full);
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
        let alone = (0..n)
            .map(|i| {
                for (j, m) in members.iter_mut().enumerate() {
                    *m = j == i;
                }
                v(&members) - empty
            })
            .collect();
        (phi, alone, empty, full)
    }

    fn bits(r: &Finished) -> (Vec<u64>, Vec<u64>, u64, u64) {
        (
            r.0.iter().map(|x| x.to_bits()).collect(),
            r.1.iter().map(|x| x.to_bits()).collect(),
            r.2.to_bits(),
            r.3.to_bits(),
        )
    }

    #[test]
    fn the_incremental_games_evaluate_and_sum_exactly_like_the_closure_versions() {
        // A game with interactions and irrational-ish values, so any reordering of sums would show.
        let g = |m: &[bool]| {
            let on: Vec<f64> = m.iter().map(|&b| f64::from(u8::from(b))).collect();
            on.iter()
                .enumerate()
                .map(|(i, x)| x * (1.0 + i as f64).sqrt())
                .sum::<f64>()
                + on.windows(2).map(|w| w[0] * w[1] * 0.1).sum::<f64>()
        };
        for n in [0, 1, 2, 5, 7] {
            let (mut a, mut b) = (Vec::new(), Vec::new());
            let got = shapley_exact(n, &mut |m: &[bool]| {
                a.push(m.to_vec());
                g(m)
            });
            let want = oracle_exact(n, &mut |m: &[bool]| {
                b.push(m.to_vec());
                g(m)
            });
            assert_eq!(a, b, "exact n = {n}: same coalitions in the same order");
            assert_eq!(bits(&got), bits(&want), "exact n = {n}");
            for (perms, seed) in [(1, 0), (2, 3), (7, 9), (40, 11)] {
                let (mut a, mut b) = (Vec::new(), Vec::new());
                let got = shapley_sampled(n, perms, seed, &mut |m: &[bool]| {
                    a.push(m.to_vec());
                    g(m)
                });
                let want = oracle_sampled(n, perms, seed, &mut |m: &[bool]| {
                    b.push(m.to_vec());
                    g(m)
                });
                assert_eq!(a, b, "sampled n = {n}, {perms} orders");
                assert_eq!(bits(&got), bits(&want), "sampled n = {n}, {perms} orders");
            }
        }
    }

    #[test]
    fn a_split_run_in_slices_equals_the_one_run_at_once() {
        let s = swap_scenario();
        let m = Measure::Series(SeriesId::Co2Total, 2030);
        for (max_exact, perms) in [(MAX_EXACT, 1), (0, 30)] {
            let whole = contributions_with(&s, m, max_exact, perms, 5);
            let mut run = ShapleyRun::new(&s, m, max_exact, perms, 5);
            assert_eq!(run.planned_runs(), whole.runs);
            let mut slices = 0;
            while !run.step(3) {
                slices += 1;
                assert!(run.runs() <= run.planned_runs());
            }
            assert!(slices > 1);
            assert_eq!(run.runs(), run.planned_runs());
            assert_eq!(run.finish(), whole);
        }
    }

    #[test]
    fn the_split_is_made_in_the_scenarios_baseline_and_policy_frame() {
        let mut s = swap_scenario();
        s.set_baseline(vtre_model::BaselineId::Low);
        s.set_start_year(2024);
        s.set_schedule(LeverId::EafSwap, 2026, 2029);
        let m = Measure::Series(SeriesId::OutputValueTotal, 2030);
        let c = contributions(&s, m, 0);
        assert_eq!(c.scenario, m.of(&simulate(&s)), "v(N) is the scenario");
        let mut base = Scenario::reference();
        base.set_baseline(vtre_model::BaselineId::Low);
        base.set_start_year(2024);
        assert_eq!(
            c.reference,
            m.of(&simulate(&base)),
            "v(∅): the reference in that world"
        );
        let scale = c.reference.abs().max(1.0);
        assert!(close(c.sum(), c.total(), 1e-9 * scale));
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
