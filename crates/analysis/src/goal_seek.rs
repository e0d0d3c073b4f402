//! Goal-seek: which lever value meets a target, and how far all levers together can get.
//!
//! **Met** means the model's status `Status::Met` (past the threshold by at least the target's band, see
//! `vtre_model::targets`), the same rule the app shows and the ensemble counts. Candidates are compared by
//! status first (met, then at risk, then missed) and then by the target's `margin` (how far past the
//! threshold, positive on the right side; for the carbon peak, years before 2030).
//!
//! **One lever** ([`goal_seek`]): lever values are the lever's step grid (`min + k·step`, what
//! `Scenario::set` snaps to). Targets need not be monotone in a lever (the energy quota, prices and the
//! curtailment order interact), so the grid is first scanned at up to [`SCAN_INTERVALS`] evenly spaced
//! points plus the current value, and then refined to single steps by bisection on the met/not-met boundary
//! nearest the current value on each side. The answer is the met value nearest the current one: "move the
//! lever this far and the target is just met". If the current value already meets the target it is the
//! answer. A met window narrower than the scan spacing can be missed. If no point meets the target, the
//! answer is not reachable and reports the best value found (the best scan point, refined step by step
//! around it).
//!
//! **Policy levers only, unless asked.** A policy maker sets policies, not prices: both searches move only
//! levers of kind `Policy` ([`vtre_model::levers::LeverKind`]) by default. Market prices and the
//! special-steel premium (kind `Market`) are a separate, labelled question — "if markets…" — asked with
//! [`LeverSet::WithMarkets`] ([`goal_seek_with`], [`best_reachable_with`]; `--markets` in the CLI). The
//! electricity convention (kind `Accounting`) is never searched: it changes no tonne and no tce.
//!
//! **All levers** ([`best_reachable`]): a coordinate search from the current scenario. Levers are visited
//! in order (first the ones the target names as moving it most, then the rest of the table); each is scanned
//! on a coarse grid with the others held, and moved to the best value if that improves on the current status
//! and margin, or to the met value nearest its current value as soon as one meets the target. Up to
//! [`PASSES`] passes, stopping early when a pass improves nothing. When the target is met, a tidy pass moves
//! each changed lever back toward its starting value as far as the target stays met, so the answer changes
//! no more than it needs. This is a heuristic local search: it finds a good setting, not necessarily the
//! best one, and "not reachable" means this search did not find a way, not that none exists.

use vtre_model::levers::{spec as lspec, LeverKind, LeverSpec};
use vtre_model::targets::{spec as tspec, Rule, TargetResult};
use vtre_model::{simulate, LeverId, Scenario, Status, TargetId, LEVERS};

/// Evenly spaced scan points of one lever in [`goal_seek`] (plus the ends and the current value).
pub const SCAN_INTERVALS: usize = 64;
/// Scan points per lever and pass in [`best_reachable`].
pub const COARSE_INTERVALS: usize = 16;
/// Passes over the levers in [`best_reachable`].
pub const PASSES: usize = 3;

/// Which levers a search may move.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum LeverSet {
    /// Policy levers only (the default): what a policy maker can set.
    #[default]
    Policy,
    /// Policy levers and market prices ("if markets…"). Accounting switches are never searched.
    WithMarkets,
}

impl LeverSet {
    /// Whether a search with this set may move `lever`.
    pub fn allows(self, lever: LeverId) -> bool {
        match lspec(lever).kind() {
            LeverKind::Policy => true,
            LeverKind::Market => self == LeverSet::WithMarkets,
            LeverKind::Accounting => false,
        }
    }
}

/// Why a goal-seek cannot start.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SeekError {
    /// The target has no number (never scored), so it cannot be met.
    Unquantified(TargetId),
    /// The lever is a market price (or an accounting switch), not a policy: ask with
    /// [`LeverSet::WithMarkets`] ("if markets…") for a market lever.
    NotPolicy(LeverId),
}

impl std::fmt::Display for SeekError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SeekError::Unquantified(id) => write!(
                f,
                "target '{}' has no number in the guideline and is never scored",
                id.key()
            ),
            SeekError::NotPolicy(id) => match lspec(*id).kind() {
                LeverKind::Accounting => write!(
                    f,
                    "lever '{}' is an accounting convention: it changes no tonne and no tce, so it is \
                     never searched",
                    id.key()
                ),
                _ => write!(
                    f,
                    "lever '{}' is a market price, not a policy: ask \"if markets…\" with --markets",
                    id.key()
                ),
            },
        }
    }
}

impl std::error::Error for SeekError {}

/// The answer of a one-lever goal-seek.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Seek {
    pub target: TargetId,
    pub lever: LeverId,
    /// The lever's value in the scenario searched from.
    pub from: f64,
    /// The met value nearest `from` when `reached`, else the best value found.
    pub value: f64,
    /// Whether `value` meets the target.
    pub reached: bool,
    /// The target as scored with the lever at `value`.
    pub result: TargetResult,
    /// Model runs used.
    pub runs: usize,
}

/// The answer of an all-levers search.
#[derive(Clone, Debug, PartialEq)]
pub struct Reachable {
    pub target: TargetId,
    /// The scenario found (the start with `changes` applied).
    pub scenario: Scenario,
    /// Whether it meets the target.
    pub reached: bool,
    /// The target as scored in `scenario`.
    pub result: TargetResult,
    /// Levers moved: (lever, from, to), in lever-table order.
    pub changes: Vec<(LeverId, f64, f64)>,
    /// Model runs used.
    pub runs: usize,
}

/// Whether a result meets its target.
pub fn is_met(r: &TargetResult) -> bool {
    r.status == Status::Met
}

fn rank(r: &TargetResult) -> u8 {
    match r.status {
        Status::Met => 3,
        Status::AtRisk => 2,
        Status::Missed => 1,
        Status::Unquantified => 0,
    }
}

/// Whether `a` is strictly better than `b`: a better status, or the same status with a larger margin.
pub fn better(a: &TargetResult, b: &TargetResult) -> bool {
    let m = |r: &TargetResult| {
        if r.margin.is_nan() {
            f64::NEG_INFINITY
        } else {
            r.margin
        }
    };
    (rank(a), m(a)) > (rank(b), m(b))
}

fn check(target: TargetId) -> Result<(), SeekError> {
    if tspec(target).rule == Rule::Unquantified {
        Err(SeekError::Unquantified(target))
    } else {
        Ok(())
    }
}

/// A placeholder for a target a projection somehow lacks: missed, with no margin.
fn missing(target: TargetId) -> TargetResult {
    TargetResult {
        id: target,
        year: tspec(target).year,
        value: f64::NAN,
        threshold: None,
        status: Status::Missed,
        margin: f64::NEG_INFINITY,
    }
}

fn score(s: &Scenario, target: TargetId) -> TargetResult {
    simulate(s)
        .target(target)
        .copied()
        .unwrap_or_else(|| missing(target))
}

/// One lever's step grid, with cached runs.
struct LeverScan<'a> {
    /// The target scored with the lever at a value (the model run; a test gives a made-up grid).
    score: Box<dyn Fn(f64) -> TargetResult + 'a>,
    lever: &'static LeverSpec,
    steps: usize,
    /// Results by step index (a vector, not a map: less code in the wasm).
    cache: Vec<Option<TargetResult>>,
    runs: usize,
}

impl<'a> LeverScan<'a> {
    fn new(base: &'a Scenario, target: TargetId, lever: LeverId) -> Self {
        let l = lspec(lever);
        LeverScan {
            score: Box::new(move |v| {
                let mut s = base.clone();
                s.set(lever, v);
                score(&s, target)
            }),
            lever: l,
            steps: ((l.max - l.min) / l.step).round().max(0.0) as usize,
            cache: Vec::new(),
            runs: 0,
        }
    }
    fn value(&self, k: usize) -> f64 {
        self.lever.snap(self.lever.min + k as f64 * self.lever.step)
    }
    fn index(&self, v: f64) -> usize {
        (((v - self.lever.min) / self.lever.step).round().max(0.0) as usize).min(self.steps)
    }
    fn eval(&mut self, k: usize) -> TargetResult {
        if let Some(Some(r)) = self.cache.get(k) {
            return *r;
        }
        let r = (self.score)(self.value(k));
        self.runs += 1;
        self.remember(k, r);
        r
    }
    fn remember(&mut self, k: usize, r: TargetResult) {
        if self.cache.len() <= k {
            self.cache.resize(k + 1, None);
        }
        self.cache[k] = Some(r);
    }
    fn met(&mut self, k: usize) -> bool {
        is_met(&self.eval(k))
    }
    /// With `unmet` not meeting and `met` meeting the target: the met index next to the boundary nearest
    /// `unmet` (bisection, assuming one crossing in between; always a met index).
    fn bisect(&mut self, mut unmet: usize, mut met: usize) -> usize {
        while unmet.abs_diff(met) > 1 {
            let mid = (unmet + met) / 2;
            if self.met(mid) {
                met = mid;
            } else {
                unmet = mid;
            }
        }
        met
    }
    /// Searches from `current` with up to `intervals` scan intervals: `(index, reached)`.
    fn search(&mut self, current: usize, intervals: usize, refine: bool) -> (usize, bool) {
        if self.met(current) {
            return (current, true);
        }
        let h = self.steps.div_ceil(intervals.max(1)).max(1);
        let mut points: Vec<usize> = (0..=self.steps).step_by(h).collect();
        points.push(self.steps);
        points.push(current);
        vtre_model::small_sort::sort_by(&mut points, usize::cmp);
        points.dedup();
        let met: Vec<bool> = points.iter().map(|&k| self.met(k)).collect();
        let at = points.iter().position(|&k| k == current).unwrap_or(0);
        // The nearest met scan point on each side, refined toward the current value.
        let left = (0..at)
            .rev()
            .find(|&i| met[i])
            .map(|i| self.bisect(points[i + 1], points[i]));
        let right = (at + 1..points.len())
            .find(|&i| met[i])
            .map(|i| self.bisect(points[i - 1], points[i]));
        let nearest = match (left, right) {
            (Some(l), Some(r)) => Some(if current - l <= r - current { l } else { r }),
            (l, r) => l.or(r),
        };
        if let Some(k) = nearest {
            return (k, true);
        }
        // Not reachable: the best scan point (ties: nearest the current value), refined step by step.
        let mut best = current;
        let consider = |scan: &mut Self, k: usize, best: &mut usize| {
            let (rk, rb) = (scan.eval(k), scan.eval(*best));
            if better(&rk, &rb)
                || (!better(&rb, &rk) && k.abs_diff(current) < best.abs_diff(current))
            {
                *best = k;
            }
        };
        for &k in &points {
            consider(self, k, &mut best);
        }
        if refine {
            let centre = best;
            for k in centre.saturating_sub(h - 1)..=(centre + h - 1).min(self.steps) {
                consider(self, k, &mut best);
            }
        }
        let reached = self.met(best);
        (best, reached)
    }
}

/// Finds the value of `lever` nearest its current value that meets `target`, all else held. See the module
/// docs for the search and what "not reachable" reports. `lever` is the caller's explicit choice, so any lever
/// but an accounting switch may be named here; [`goal_seek_with`] with [`LeverSet::Policy`] refuses market
/// levers too.
pub fn goal_seek(s: &Scenario, target: TargetId, lever: LeverId) -> Result<Seek, SeekError> {
    goal_seek_with(s, target, lever, LeverSet::WithMarkets)
}

/// [`goal_seek`] within a lever set: a lever outside it is refused with [`SeekError::NotPolicy`].
pub fn goal_seek_with(
    s: &Scenario,
    target: TargetId,
    lever: LeverId,
    set: LeverSet,
) -> Result<Seek, SeekError> {
    check(target)?;
    if !set.allows(lever) {
        return Err(SeekError::NotPolicy(lever));
    }
    let from = s.get(lever);
    let mut scan = LeverScan::new(s, target, lever);
    let current = scan.index(from);
    let (k, reached) = scan.search(current, SCAN_INTERVALS, true);
    let result = scan.eval(k);
    Ok(Seek {
        target,
        lever,
        from,
        value: scan.value(k),
        reached,
        result,
        runs: scan.runs,
    })
}

/// Searches the policy levers for a setting that meets `target`, from `s`. A heuristic local search: see
/// the module docs. Market prices and the premium stay where `s` has them.
pub fn best_reachable(s: &Scenario, target: TargetId) -> Result<Reachable, SeekError> {
    best_reachable_with(s, target, LeverSet::Policy)
}

/// [`best_reachable`] over a lever set ([`LeverSet::WithMarkets`]: "if markets…", prices may move too).
pub fn best_reachable_with(
    s: &Scenario,
    target: TargetId,
    set: LeverSet,
) -> Result<Reachable, SeekError> {
    check(target)?;
    let named: Vec<LeverId> = tspec(target)
        .levers
        .iter()
        .copied()
        .filter(|&id| set.allows(id))
        .collect();
    let order: Vec<LeverId> = named
        .iter()
        .copied()
        .chain(
            LEVERS
                .iter()
                .map(|l| l.id)
                .filter(|id| !named.contains(id) && set.allows(*id)),
        )
        .collect();
    let mut cur = s.clone();
    let mut result = score(&cur, target);
    let mut runs = 1;
    coordinate_search(&mut cur, &mut result, &mut runs, target, &order);
    if !is_met(&result) {
        // Stuck where no single lever helps (a target bound by two levers at once, like the smaller of two
        // growth rates): try the corners of the levers the target names, and search again from the best.
        let (corner, r, n) = best_corner(&cur, target, &named);
        runs += n;
        if better(&r, &result) {
            cur = corner;
            result = r;
            coordinate_search(&mut cur, &mut result, &mut runs, target, &order);
        }
    }
    if is_met(&result) {
        tidy(s, &mut cur, &mut result, &mut runs, target);
    }
    let changes = LEVERS
        .iter()
        .filter(|l| s.get(l.id) != cur.get(l.id))
        .map(|l| (l.id, s.get(l.id), cur.get(l.id)))
        .collect();
    Ok(Reachable {
        target,
        reached: is_met(&result),
        scenario: cur,
        result,
        changes,
        runs,
    })
}

/// Up to [`PASSES`] passes over `order`, one lever at a time; stops as soon as the target is met.
fn coordinate_search(
    cur: &mut Scenario,
    result: &mut TargetResult,
    runs: &mut usize,
    target: TargetId,
    order: &[LeverId],
) {
    for _ in 0..PASSES {
        if is_met(result) {
            return;
        }
        let mut improved = false;
        for &lever in order {
            let mut scan = LeverScan::new(cur, target, lever);
            let current = scan.index(cur.get(lever));
            scan.remember(current, *result);
            let (k, reached) = scan.search(current, COARSE_INTERVALS, false);
            let r = scan.eval(k);
            let v = scan.value(k);
            *runs += scan.runs;
            drop(scan);
            if reached || better(&r, result) {
                cur.set(lever, v);
                *result = r;
                improved = true;
            }
            if reached {
                return;
            }
        }
        if !improved {
            return;
        }
    }
}

/// The best of the `2^k` settings with each of the first six `levers` at its min or max, the rest of `cur`
/// held: `(scenario, result, runs)`.
fn best_corner(
    cur: &Scenario,
    target: TargetId,
    levers: &[LeverId],
) -> (Scenario, TargetResult, usize) {
    let levers = &levers[..levers.len().min(6)];
    let mut best: Option<(Scenario, TargetResult)> = None;
    for mask in 0..1usize << levers.len() {
        let mut t = cur.clone();
        for (j, &id) in levers.iter().enumerate() {
            let l = lspec(id);
            t.set(id, if mask & (1 << j) != 0 { l.max } else { l.min });
        }
        let r = score(&t, target);
        if best.as_ref().is_none_or(|(_, b)| better(&r, b)) {
            best = Some((t, r));
        }
    }
    let runs = 1usize << levers.len();
    match best {
        Some((t, r)) => (t, r, runs),
        None => (cur.clone(), missing(target), runs),
    }
}

/// Moves each lever changed from `start` back toward its start value as far as the target stays met
/// (bisection between the start, not met, and the current value, met).
fn tidy(
    start: &Scenario,
    cur: &mut Scenario,
    result: &mut TargetResult,
    runs: &mut usize,
    target: TargetId,
) {
    for l in LEVERS.iter().rev() {
        let (from, now) = (start.get(l.id), cur.get(l.id));
        if from == now {
            continue;
        }
        let mut scan = LeverScan::new(cur, target, l.id);
        let (k_from, k_now) = (scan.index(from), scan.index(now));
        scan.remember(k_now, *result);
        let k = if scan.met(k_from) {
            k_from
        } else {
            scan.bisect(k_from, k_now)
        };
        *result = scan.eval(k);
        *runs += scan.runs;
        let v = if k == k_from { from } else { scan.value(k) };
        drop(scan);
        cur.set(l.id, v);
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use vtre_model::presets;
    use vtre_model::targets::TARGETS;

    fn met_with(s: &Scenario, lever: LeverId, v: f64, target: TargetId) -> bool {
        let mut t = s.clone();
        t.set(lever, v);
        is_met(&score(&t, target))
    }

    #[test]
    fn a_recovery_target_is_just_met_one_step_past_threshold_plus_band() {
        // Vanadium recovery ≥ 55 % with a 2-point band: met from 57 % (58 % while the model's margin
        // 0.57 − 0.55 rounds below the band), found from 45 % below it.
        let mut s = Scenario::reference();
        s.set(LeverId::VRecovery, 45.0);
        let r = goal_seek(&s, TargetId::VRecovery, LeverId::VRecovery).unwrap();
        assert!(r.reached);
        assert_eq!(r.from, 45.0);
        assert!(r.value == 57.0 || r.value == 58.0, "{r:?}");
        assert!(met_with(
            &s,
            LeverId::VRecovery,
            r.value,
            TargetId::VRecovery
        ));
        assert!(
            !met_with(&s, LeverId::VRecovery, r.value - 1.0, TargetId::VRecovery),
            "just met: one step less is not"
        );
        let mut at = s.clone();
        at.set(LeverId::VRecovery, r.value);
        assert_eq!(r.result, score(&at, TargetId::VRecovery));
    }

    #[test]
    fn an_already_met_target_needs_no_move_and_an_unrelated_lever_cannot_reach_it() {
        let mut s = Scenario::reference();
        s.set(LeverId::VRecovery, 60.0);
        let r = goal_seek(&s, TargetId::VRecovery, LeverId::VRecovery).unwrap();
        assert!(r.reached && r.value == 60.0);
        s.set(LeverId::VRecovery, 45.0);
        let r = goal_seek(&s, TargetId::VRecovery, LeverId::NdprPrice).unwrap();
        assert!(!r.reached);
        assert_eq!(
            r.value,
            s.get(LeverId::NdprPrice),
            "nothing better: stays put"
        );
        assert_eq!(r.result.status, Status::Missed);
        assert_eq!(
            goal_seek(&s, TargetId::OverseasReBase, LeverId::ReImported),
            Err(SeekError::Unquantified(TargetId::OverseasReBase))
        );
    }

    #[test]
    fn a_fine_lever_is_bisected_downward_to_the_nearest_met_step() {
        // With a small EAF swap the carbon peak is still at risk (CO2 plateaus after 2025); a cleaner grid
        // meets it. The grid factor has over a thousand steps: the scan and the bisections use a small
        // fraction of them.
        let mut s = Scenario::reference();
        s.set(LeverId::EafSwap, 50.0);
        assert!(!is_met(&score(&s, TargetId::CarbonPeak)));
        let r = goal_seek(&s, TargetId::CarbonPeak, LeverId::GridFactor).unwrap();
        assert!(r.reached, "{r:?}");
        assert!(r.value < r.from, "downward");
        assert!(met_with(
            &s,
            LeverId::GridFactor,
            r.value,
            TargetId::CarbonPeak
        ));
        let step = lspec(LeverId::GridFactor).step;
        assert!(
            !met_with(
                &s,
                LeverId::GridFactor,
                r.value + step,
                TargetId::CarbonPeak
            ),
            "just met"
        );
        assert!(r.runs < 100, "{} runs for 1 041 steps", r.runs);
    }

    #[test]
    fn best_reachable_finds_a_target_bound_by_two_levers_at_once() {
        // Held at 2020, rare-earth growth is 0 (at risk). Its measure is the smaller of mining and separation
        // growth, so no single lever raises it: the corner step moves quota and separation together.
        let s = presets::preset("no_new_policy").unwrap();
        assert!(!is_met(&score(&s, TargetId::ReExpansion)));
        let r = best_reachable(&s, TargetId::ReExpansion).unwrap();
        assert!(r.reached, "{r:?}");
        assert!(is_met(&score(&r.scenario, TargetId::ReExpansion)));
        let moved: Vec<LeverId> = r.changes.iter().map(|c| c.0).collect();
        assert!(
            moved.contains(&LeverId::ReQuota) || moved.contains(&LeverId::ReImported),
            "{moved:?}"
        );
        assert!(moved.contains(&LeverId::ReSeparation), "{moved:?}");
    }

    #[test]
    fn best_reachable_meets_a_target_and_moves_no_lever_further_than_needed() {
        let mut s = Scenario::reference();
        s.set(LeverId::TiRecovery, 20.0);
        s.set(LeverId::BfSlagTi, 0.0);
        // From low titanium recovery, and the reference's industry scale (far below 6000 亿元, so several
        // levers move, some first to where they help most and then back by the tidy pass; with policy levers
        // alone it is not reached, so this asks "if markets…").
        for (s, target, set) in [
            (s, TargetId::TiRecovery, LeverSet::Policy),
            (
                Scenario::reference(),
                TargetId::IndustryScale,
                LeverSet::WithMarkets,
            ),
        ] {
            let r = best_reachable_with(&s, target, set).unwrap();
            assert!(r.reached, "{r:?}");
            assert!(is_met(&score(&r.scenario, target)), "re-simulated");
            assert_eq!(r.result, score(&r.scenario, target));
            assert!(!r.changes.is_empty());
            for &(id, from, to) in &r.changes {
                assert_eq!(s.get(id), from);
                assert_eq!(r.scenario.get(id), to);
                // tidy: moving this lever one step back toward its start loses the target
                let step = lspec(id).step;
                let back = if to > from { to - step } else { to + step };
                assert!(!met_with(&r.scenario, id, back, target), "{}", id.key());
            }
        }
        // Policy levers alone do not reach the industry scale from the reference (its best is reported).
        let policy = best_reachable(&Scenario::reference(), TargetId::IndustryScale).unwrap();
        assert!(
            !policy.reached && policy.result.value < 6000.0,
            "{policy:?}"
        );
        // a target already met costs one run and changes nothing
        let met = best_reachable(&Scenario::reference(), TargetId::ReExpansion).unwrap();
        assert!(met.reached && met.changes.is_empty() && met.runs == 1);
    }

    #[test]
    fn best_reachable_moves_policy_levers_only_unless_asked_about_markets() {
        // A policy maker sets policies, not prices: the search raised the steel price to 5,300 and
        // the premium to its 50 % maximum to reach the industry scale.
        let market =
            |id: LeverId| matches!(lspec(id).kind(), LeverKind::Market | LeverKind::Accounting);
        for t in TARGETS.iter().filter(|t| t.rule != Rule::Unquantified) {
            let r = best_reachable(&Scenario::reference(), t.id).unwrap();
            assert!(
                r.changes.iter().all(|c| !market(c.0)),
                "{}: {:?}",
                t.key,
                r.changes
            );
        }
        // Asked explicitly ("if markets…"), prices may move.
        let r = best_reachable_with(
            &Scenario::reference(),
            TargetId::IndustryScale,
            LeverSet::WithMarkets,
        )
        .unwrap();
        assert!(r.changes.iter().any(|c| market(c.0)), "{:?}", r.changes);
        // The one-lever search names a market lever only with the option.
        assert_eq!(
            goal_seek_with(
                &Scenario::reference(),
                TargetId::IndustryScale,
                LeverId::SteelPrice,
                LeverSet::Policy
            ),
            Err(SeekError::NotPolicy(LeverId::SteelPrice))
        );
        assert!(goal_seek_with(
            &Scenario::reference(),
            TargetId::IndustryScale,
            LeverId::SteelPrice,
            LeverSet::WithMarkets
        )
        .is_ok());
    }

    /// A scan of the grid factor's 1,041 steps over a made-up target, met (margin 1) at the grid indices in
    /// `met` and missed (margin −1) elsewhere: the search's own rules on a shape the model never gives (met on
    /// both sides of the start).
    fn made_up(met: &'static [std::ops::RangeInclusive<usize>]) -> LeverScan<'static> {
        made_up_with(move |k| {
            let hit = met.iter().any(|r| r.contains(&k));
            (hit, if hit { 1.0 } else { -1.0 })
        })
    }

    /// The same with (met, margin) at each grid index given by `f`.
    fn made_up_with(f: impl Fn(usize) -> (bool, f64) + 'static) -> LeverScan<'static> {
        let lever = lspec(LeverId::GridFactor);
        let template = score(&Scenario::reference(), TargetId::CarbonPeak);
        LeverScan {
            score: Box::new(move |v| {
                let k = ((v - lever.min) / lever.step).round() as usize;
                let (hit, margin) = f(k);
                TargetResult {
                    status: if hit { Status::Met } else { Status::Missed },
                    margin,
                    ..template
                }
            }),
            lever,
            steps: ((lever.max - lever.min) / lever.step).round() as usize,
            cache: Vec::new(),
            runs: 0,
        }
    }

    #[test]
    fn met_on_both_sides_the_nearer_boundary_wins_and_the_lower_when_equally_near() {
        const TWO: &[std::ops::RangeInclusive<usize>] = &[100..=200, 600..=700];
        assert_eq!(made_up(TWO).steps, 1040);
        // Equally near (200 below, 200 above): the lower value.
        assert_eq!(made_up(TWO).search(400, SCAN_INTERVALS, true), (200, true));
        // Nearer above, nearer below.
        assert_eq!(made_up(TWO).search(420, SCAN_INTERVALS, true), (600, true));
        assert_eq!(made_up(TWO).search(380, SCAN_INTERVALS, true), (200, true));
        // One step of difference decides.
        assert_eq!(made_up(TWO).search(401, SCAN_INTERVALS, true), (600, true));
        assert_eq!(made_up(TWO).search(399, SCAN_INTERVALS, true), (200, true));
        // Inside a met window: where it stands, one run.
        let mut inside = made_up(TWO);
        assert_eq!(inside.search(650, SCAN_INTERVALS, true), (650, true));
        assert_eq!(inside.runs, 1);
        // The crossings are found to the step by bisection, with far fewer runs than steps.
        let mut scan = made_up(TWO);
        assert_eq!(scan.search(900, SCAN_INTERVALS, true), (700, true));
        assert!(scan.runs < 100, "{} runs", scan.runs);
    }

    #[test]
    fn never_met_the_best_point_refined_and_on_a_tie_the_one_nearer_the_start_then_the_lower() {
        // The grid factor's scan points are every 17th step. Missed everywhere, least badly at two scan
        // points, 204 and 612 (margin 0 there, falling one per step away): the one nearer the start wins, and
        // when both are equally near, the lower.
        let two_peaks = |k: usize| (false, -(k.abs_diff(204).min(k.abs_diff(612)) as f64));
        assert_eq!(
            made_up_with(two_peaks).search(380, SCAN_INTERVALS, true),
            (204, false)
        );
        assert_eq!(
            made_up_with(two_peaks).search(430, SCAN_INTERVALS, true),
            (612, false)
        );
        assert_eq!(
            made_up_with(two_peaks).search(408, SCAN_INTERVALS, true),
            (204, false)
        );
        // A peak between scan points (200): the best scan point (204), then step by step to the peak.
        let one_peak = |k: usize| (false, -(k.abs_diff(200) as f64));
        assert_eq!(
            made_up_with(one_peak).search(380, SCAN_INTERVALS, true),
            (200, false)
        );
        // Without refinement (the all-levers search's coarse scans), the best scan point is the answer.
        let (k, reached) = made_up_with(one_peak).search(380, COARSE_INTERVALS, false);
        let h = 1040usize.div_ceil(COARSE_INTERVALS);
        assert_eq!((k, reached), ((200 + h / 2) / h * h, false));
        // Everything equal: stays where it is.
        assert_eq!(
            made_up_with(|_| (false, -5.0)).search(333, SCAN_INTERVALS, true),
            (333, false)
        );
    }

    #[test]
    fn better_orders_by_status_then_margin() {
        let base = score(&Scenario::reference(), TargetId::IndustryScale);
        let with = |status, margin| TargetResult {
            status,
            margin,
            ..base
        };
        assert!(better(&with(Status::Met, 0.0), &with(Status::AtRisk, 5.0)));
        assert!(better(
            &with(Status::Missed, -1.0),
            &with(Status::Missed, -2.0)
        ));
        assert!(!better(
            &with(Status::Missed, -2.0),
            &with(Status::Missed, -2.0)
        ));
        assert!(better(
            &with(Status::Missed, -2.0),
            &with(Status::Missed, f64::NAN)
        ));
    }
}
