//! Sensitivity as a tornado: which inputs move one output most, one at a time.
//!
//! From the current scenario, each uncertain parameter ([`crate::uncertain_params`]) is set to its `low` and
//! then its `high` with everything else held, and each lever to its `min` and then its `max`; the measure is
//! read from both runs. Bars are sorted by the absolute swing `|high_output − low_output|` and the largest
//! are kept. Parameters the user has overridden are swung too (the question is how much each input matters,
//! whatever value it holds now).
//!
//! One-at-a-time swings miss interactions: a lever that only acts through another (the V-Ti share of a swap
//! that is zero) shows no swing here. Use [`crate::contributions`] for a scenario's interacting changes.
//! Cost: two runs per input (about 2 × (levers + estimates) runs).

use crate::measure::{uncertain_params, Input, Measure};
use vtre_model::{simulate, Scenario, LEVERS};

/// How many bars a tornado keeps unless told.
pub const DEFAULT_TOP: usize = 10;

/// One input swung across its range.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bar {
    pub input: Input,
    /// The input at the low end (parameter `low`, lever `min`).
    pub low_input: f64,
    /// The input at the high end (parameter `high`, lever `max`).
    pub high_input: f64,
    /// The measure with the input at its low end.
    pub low_output: f64,
    /// The measure with the input at its high end.
    pub high_output: f64,
}

impl Bar {
    /// `high_output − low_output` (negative when raising the input lowers the measure).
    pub fn swing(&self) -> f64 {
        self.high_output - self.low_output
    }
}

/// The tornado of one measure.
#[derive(Clone, Debug, PartialEq)]
pub struct Tornado {
    pub measure: Measure,
    /// The measure in the current scenario.
    pub base: f64,
    /// The bars, largest `|swing|` first (ties in input order: levers, then parameters).
    pub bars: Vec<Bar>,
}

/// Swings every lever and uncertain parameter from `s`, one at a time, and keeps the `top` largest.
pub fn tornado(s: &Scenario, measure: Measure, top: usize) -> Tornado {
    let base = measure.of(&simulate(s));
    let inputs = LEVERS
        .iter()
        .map(|l| Input::Lever(l.id))
        .chain(uncertain_params().map(Input::Param));
    let mut bars: Vec<Bar> = inputs
        .map(|input| {
            let (lo, hi) = input.range();
            let run = |v: f64| {
                let mut t = s.clone();
                let used = input.set(&mut t, v);
                (used, measure.of(&simulate(&t)))
            };
            let (low_input, low_output) = run(lo);
            let (high_input, high_output) = run(hi);
            Bar {
                input,
                low_input,
                high_input,
                low_output,
                high_output,
            }
        })
        .collect();
    // Largest |swing| first; a NaN swing (a broken run) sinks to the end.
    let size = |b: &Bar| {
        let w = b.swing().abs();
        if w.is_nan() {
            -1.0
        } else {
            w
        }
    };
    // Stable, as `sort_by` (ties keep table order), with less wasm.
    vtre_model::small_sort::sort_by(&mut bars, |a, b| size(b).total_cmp(&size(a)));
    bars.truncate(top);
    Tornado {
        measure,
        base,
        bars,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use vtre_model::params::{spec as pspec, ParamId};
    use vtre_model::{LeverId, SeriesId, TargetId};

    #[test]
    fn bars_are_the_largest_swings_in_order_with_their_own_runs() {
        let s = Scenario::reference();
        let m = Measure::Series(SeriesId::Co2Total, 2030);
        let t = tornado(&s, m, DEFAULT_TOP);
        assert_eq!(t.bars.len(), DEFAULT_TOP);
        assert_eq!(t.base, simulate(&s).at(SeriesId::Co2Total, 2030));
        assert!(
            t.bars
                .windows(2)
                .all(|w| w[0].swing().abs() >= w[1].swing().abs()),
            "sorted by |swing|"
        );
        // The kept bars are the largest of all: nothing left out swings more than the last kept bar.
        let all = tornado(&s, m, usize::MAX);
        assert!(all.bars.len() > DEFAULT_TOP);
        assert_eq!(&all.bars[..DEFAULT_TOP], &t.bars[..]);
        // Each bar is what a run with that input at each end gives.
        for b in &t.bars {
            let mut lo = s.clone();
            b.input.set(&mut lo, b.low_input);
            let mut hi = s.clone();
            b.input.set(&mut hi, b.high_input);
            assert_eq!(b.low_output, m.of(&simulate(&lo)), "{}", b.input.key());
            assert_eq!(b.high_output, m.of(&simulate(&hi)), "{}", b.input.key());
            assert_eq!(
                (b.low_input, b.high_input),
                b.input.range(),
                "{}",
                b.input.key()
            );
        }
        // The grid factor drives indirect CO2: it must be among the bars and raise CO2 when raised.
        let grid = t
            .bars
            .iter()
            .find(|b| b.input == Input::Lever(LeverId::GridFactor))
            .expect("grid factor in the top ten");
        assert!(grid.swing() > 0.0);
    }

    #[test]
    fn a_target_tornado_swings_its_own_lever_and_skips_facts() {
        let t = tornado(
            &Scenario::reference(),
            Measure::Target(TargetId::VRecovery),
            3,
        );
        // Only the vanadium recovery lever moves the vanadium recovery target.
        assert_eq!(t.bars[0].input, Input::Lever(LeverId::VRecovery));
        assert!((t.bars[0].swing() - 0.30).abs() < 1e-9, "40 % → 70 %");
        assert_eq!(t.bars[1].swing(), 0.0);
        let all = tornado(
            &Scenario::reference(),
            Measure::Target(TargetId::VRecovery),
            usize::MAX,
        );
        assert!(all
            .bars
            .iter()
            .all(|b| b.input != Input::Param(ParamId::Grid2020)));
        assert!(all
            .bars
            .iter()
            .any(|b| b.input == Input::Param(ParamId::PowerElasticity)
                && b.low_input == pspec(ParamId::PowerElasticity).low));
    }
}
