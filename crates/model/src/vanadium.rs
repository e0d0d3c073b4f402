//! Vanadium follows V-bearing hot metal.
//!
//! Only blast furnaces on Panxi V-Ti ore make vanadium-bearing hot metal. With `HM_vti = 0.9 · BOF_vti`:
//!
//! ```text
//! V2O5 [t] = HM_vti · 10⁴ · g · (R_v / R_v,2020) · η_ext
//! ```
//!
//! `R_v` is the vanadium dressing recovery lever (share of the ore's vanadium reaching the concentrate,
//! 47 % in 2020, target 55 %), `η_ext` = 0.80 the smelter-side recovery (hot metal → vanadium slag → V2O5), and
//! `g` (t V2O5 per t hot metal at 2020 recovery) is calibrated so 2020 reproduces 61,000 t. So swapping V-Ti
//! blast furnaces to EAF cuts V2O5 one-for-one with their hot metal — the guideline's own tension between
//! steel and vanadium capacity — while swapping ordinary-ore furnaces leaves it untouched.
//!
//! Flow batteries: `B` GWh/yr of vanadium redox flow batteries need `B · 1000 · 9.25` t V2O5 (reported, and
//! compared with local output) and add `B · cost` to the vanadium sector's output value (2.0 yuan/Wh).

use super::levers::LeverId as L;
use super::params::ParamId as P;
use super::simulate::Ctx;

#[derive(Clone, Copy, Debug, Default)]
pub struct Vanadium {
    /// t V2O5 per 万t of V-Ti BF-BOF crude steel at this year's recovery.
    pub v2o5_per_bof_vti: f64,
    pub vrfb_gwh: f64,
    pub v2o5_for_vrfb: f64,
}

pub fn vanadium(c: &Ctx, year: u16) -> Vanadium {
    let r = c.lever(L::VRecovery, year) / (c.p(P::VRecovery2020) * 100.0);
    let gwh = c.lever(L::VrfbDeploy, year);
    Vanadium {
        v2o5_per_bof_vti: c.p(P::HotMetalPerBof)
            * 1e4
            * c.cal.v2o5_per_hm
            * r
            * c.p(P::VExtraction),
        vrfb_gwh: gwh,
        v2o5_for_vrfb: gwh * 1000.0 * c.p(P::VrfbIntensity),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::params::spec as pspec;
    use crate::scenario::Scenario;

    /// Every lever is fully phased in by 2030.
    const YEAR: u16 = 2030;

    fn p(id: P) -> f64 {
        pspec(id).value
    }

    fn assert_close(got: f64, want: f64, what: &str) {
        assert!(
            (got - want).abs() <= 1e-9 * want.abs().max(1.0),
            "{what}: got {got}, want {want}"
        );
    }

    fn with(pairs: &[(L, f64)]) -> Scenario {
        let mut s = Scenario::reference();
        for &(id, v) in pairs {
            s.set(id, v);
        }
        s
    }

    #[test]
    fn v2o5_is_v_ti_hot_metal_times_calibrated_yield_times_recovery_ratio_times_extraction() {
        let r_v = 55.0;
        let s = with(&[(L::VRecovery, r_v)]);
        let c = Ctx::for_test(&s);
        let v = vanadium(&c, YEAR);
        // Per 万t of V-Ti crude steel: 0.9 t hot metal/t · 10⁴ · g · (R_v / R_v,2020) · η_ext.
        let want = p(P::HotMetalPerBof)
            * 1e4
            * c.cal.v2o5_per_hm
            * (r_v / 100.0 / p(P::VRecovery2020))
            * p(P::VExtraction);
        assert_close(v.v2o5_per_bof_vti, want, "t V2O5 per 万t V-Ti steel");
    }

    #[test]
    fn the_2020_v_ti_furnaces_make_the_2020_v2o5_output() {
        let s = Scenario::reference();
        let c = Ctx::for_test(&s);
        let v = vanadium(&c, 2020);
        let bof_vti_2020 = p(P::VtiBofCap2020) * p(P::BofUtil);
        assert_close(
            v.v2o5_per_bof_vti * bof_vti_2020,
            p(P::V2o5Output2020),
            "2020 V2O5 (61,000 t)",
        );
    }

    #[test]
    fn v2o5_per_tonne_scales_in_proportion_to_the_dressing_recovery() {
        let at = |r_v: f64| {
            let s = with(&[(L::VRecovery, r_v)]);
            vanadium(&Ctx::for_test(&s), YEAR).v2o5_per_bof_vti
        };
        let base = 100.0 * p(P::VRecovery2020);
        assert_close(at(70.0) / at(base), 70.0 / base, "70 % vs the 2020 47 %");
        assert_close(at(60.0) / at(40.0), 1.5, "60 % vs 40 %");
    }

    #[test]
    fn flow_batteries_need_9_25_t_v2o5_per_mwh() {
        let need = |b: f64| {
            let s = with(&[(L::VrfbDeploy, b)]);
            vanadium(&Ctx::for_test(&s), YEAR)
        };
        let v = need(2.0);
        assert_close(v.vrfb_gwh, 2.0, "GWh deployed");
        assert_close(
            v.v2o5_for_vrfb,
            2.0 * 1000.0 * p(P::VrfbIntensity),
            "B · 1000 · 9.25",
        );
        assert_close(
            need(4.0).v2o5_for_vrfb,
            2.0 * v.v2o5_for_vrfb,
            "doubling B doubles the need",
        );
        // The batteries take no V2O5 from the smelter's per-tonne yield.
        assert_close(
            need(4.0).v2o5_per_bof_vti,
            v.v2o5_per_bof_vti,
            "yield independent of B",
        );
    }
}
