//! What an analysis measures ([`Measure`]: a target's value or a series in a year) and what it varies
//! ([`Input`]: a lever or a baseline parameter).

use vtre_model::levers::spec as lspec;
use vtre_model::params::{spec as pspec, Kind, ParamId};
use vtre_model::targets::spec as tspec;
use vtre_model::{LeverId, Projection, Scenario, SeriesId, TargetId};

/// The series an analysis offers to measure (beside the targets): the ones the charts and the headline
/// show, and a few a reader asks about.
pub const OFFERED_SERIES: [SeriesId; 14] = [
    SeriesId::OutputValueTotal,
    SeriesId::Co2Total,
    SeriesId::Co2Direct,
    SeriesId::Co2Indirect,
    SeriesId::EnergyTotal,
    SeriesId::EnergyCounted,
    SeriesId::EnergyIntensity,
    SeriesId::ElectricityTotal,
    SeriesId::CrudeSteelTotal,
    SeriesId::V2o5Output,
    SeriesId::Tio2Output,
    SeriesId::TiSpongeOutput,
    SeriesId::ReoSeparated,
    SeriesId::IronConcentrateGap,
];

/// One number read from a projection.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Measure {
    /// The target's `value` as scored by the model (`TargetResult::value`, in the target's unit: 亿元 for the
    /// industry scale, a fraction for recoveries and growth, a count of clusters, the peak year for the carbon
    /// peak), in the target's own year.
    Target(TargetId),
    /// A series in a year (2020–2035).
    Series(SeriesId, u16),
}

impl Measure {
    /// The measured number in `p`; NaN for a year outside 2020–2035 or a target the projection lacks.
    pub fn of(self, p: &Projection) -> f64 {
        match self {
            Measure::Target(id) => p.target(id).map_or(f64::NAN, |t| t.value),
            Measure::Series(s, year) => p.at(s, year),
        }
    }

    /// A short stable label: `target_key` or `series_key@year`.
    pub fn key(self) -> String {
        match self {
            Measure::Target(id) => tspec(id).key.to_string(),
            Measure::Series(s, year) => format!("{}@{year}", s.key()),
        }
    }
}

/// Something an analysis can vary: a lever or a baseline parameter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Input {
    Lever(LeverId),
    Param(ParamId),
}

impl Input {
    /// `"lever"` or `"param"`.
    pub fn kind(self) -> &'static str {
        match self {
            Input::Lever(_) => "lever",
            Input::Param(_) => "param",
        }
    }

    /// The stable text id (lever key or parameter CSV key).
    pub fn key(self) -> &'static str {
        match self {
            Input::Lever(id) => id.key(),
            Input::Param(id) => id.key(),
        }
    }

    /// Its value in a scenario.
    pub fn get(self, s: &Scenario) -> f64 {
        match self {
            Input::Lever(id) => s.get(id),
            Input::Param(id) => s.param(id),
        }
    }

    /// Sets it in a scenario (a lever clamped and snapped, a parameter clamped); returns the value used.
    pub fn set(self, s: &mut Scenario, v: f64) -> f64 {
        match self {
            Input::Lever(id) => s.set(id, v),
            Input::Param(id) => s.set_param(id, v),
        }
    }

    /// Its range: a lever's min–max, a parameter's low–high.
    pub fn range(self) -> (f64, f64) {
        match self {
            Input::Lever(id) => (lspec(id).min, lspec(id).max),
            Input::Param(id) => (pspec(id).low, pspec(id).high),
        }
    }
}

/// The uncertain parameters, in table order: every ESTIMATE with a real range (`low < high`) that a scenario
/// can override. FACTs and point estimates are held at their value, and so are rows the model does not take
/// as inputs (figures the calibration derives or reproduces, which `Scenario::set_param` refuses: probed
/// here through `set_param` itself, so this follows the model's own rule).
pub fn uncertain_params() -> impl Iterator<Item = ParamId> {
    ParamId::all().filter(|&id| {
        let p = pspec(id);
        // Inputs only: base-year checks and values derived or absorbed by the calibration are not sampled.
        p.kind == Kind::Estimate && p.overridable()
    })
}

/// What a scenario changes from the reference: every lever away from its reference value, then every
/// overridden parameter, each with its reference and scenario values.
pub fn changes_from_reference(s: &Scenario) -> Vec<(Input, f64, f64)> {
    let reference = Scenario::reference();
    let levers = s
        .changed_levers()
        .map(|(id, v)| (Input::Lever(id), reference.get(id), v));
    let params = s
        .overrides()
        .iter()
        .map(|(&id, &v)| (Input::Param(id), pspec(id).value, v));
    levers.chain(params).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use vtre_model::{simulate, TARGETS};

    #[test]
    fn uncertain_params_are_the_ranged_estimates_a_scenario_can_move() {
        let chosen: Vec<ParamId> = uncertain_params().collect();
        assert!(chosen.len() > 10, "the baseline has many estimates");
        for id in ParamId::all() {
            let p = pspec(id);
            if chosen.contains(&id) {
                assert_eq!(p.kind, Kind::Estimate, "{}", id.key());
                assert!(p.low < p.high, "{}", id.key());
                for v in [p.low, p.high] {
                    assert_eq!(
                        Scenario::reference().set_param(id, v),
                        v,
                        "{} moves",
                        id.key()
                    );
                }
            } else if p.kind == Kind::Estimate && p.low < p.high {
                let mut s = Scenario::reference();
                s.set_param(id, p.low);
                s.set_param(id, p.high);
                assert!(
                    s.overrides().is_empty(),
                    "{} is left out but could move",
                    id.key()
                );
            }
        }
        assert!(chosen.contains(&ParamId::PowerElasticity));
        assert!(!chosen.contains(&ParamId::Grid2020), "a point FACT");
    }

    #[test]
    fn a_measure_reads_the_projection() {
        let p = simulate(&Scenario::reference());
        for t in TARGETS {
            let v = Measure::Target(t.id).of(&p);
            assert_eq!(
                v.to_bits(),
                p.target(t.id).map(|r| r.value).unwrap_or(0.0).to_bits()
            );
        }
        let m = Measure::Series(SeriesId::Co2Total, 2030);
        assert_eq!(m.of(&p), p.at(SeriesId::Co2Total, 2030));
        assert!(Measure::Series(SeriesId::Co2Total, 2040).of(&p).is_nan());
        assert_eq!(m.key(), "co2_total@2030");
    }

    #[test]
    fn changes_list_levers_and_overrides() {
        let mut s = Scenario::reference();
        assert!(changes_from_reference(&s).is_empty());
        s.set(LeverId::EafSwap, 300.0);
        s.set_param(ParamId::PowerElasticity, -0.5);
        let c = changes_from_reference(&s);
        assert_eq!(
            c,
            vec![
                (Input::Lever(LeverId::EafSwap), 0.0, 300.0),
                (
                    Input::Param(ParamId::PowerElasticity),
                    pspec(ParamId::PowerElasticity).value,
                    -0.5
                )
            ]
        );
        let mut t = Scenario::reference();
        for (i, _, v) in &c {
            assert_eq!(i.set(&mut t, *v), *v);
            assert_eq!(i.get(&t), *v);
        }
        assert_eq!(t, s);
    }

    #[test]
    fn an_input_names_its_kind_and_its_key_as_the_cli_and_the_links_spell_them() {
        let lever = Input::Lever(LeverId::EafSwap);
        let param = Input::Param(ParamId::PowerElasticity);
        assert_eq!((lever.kind(), lever.key()), ("lever", "eaf_swap"));
        assert_eq!(
            (param.kind(), param.key()),
            ("param", ParamId::PowerElasticity.key())
        );
        assert!(!param.key().is_empty() && param.key() != lever.key());
    }
}
