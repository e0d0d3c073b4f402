//! Vanadium follows the V-Ti concentrate actually smelted.
//!
//! Vanadium enters the chain with Panxi V-Ti ore. It sits in the titanomagnetite, the mineral the iron
//! concentrate is made of, so its grade in the concentrate is fixed by the mineral: recovering more iron
//! (more concentrate) recovers that concentrate's vanadium with it, and can never dilute it. Only blast
//! furnaces on V-Ti ore smelt the concentrate into vanadium-bearing hot metal; ordinary ore brought in from
//! outside Sichuan carries no vanadium. So the V2O5 a year can make is
//!
//! ```text
//! smelted     = min(c · HM_vti, C_local)                   (local concentrate the V-Ti furnaces take)
//! V2O5   [t]  = smelted · v · R_v · η_ext
//! ```
//!
//! with `HM_vti = 0.9 · BOF_vti`, `c` = 1.6 t concentrate per t hot metal, `C_local` the local iron
//! concentrate ([`super::steel`], ore × Fe recovery), `R_v` the vanadium-recovery lever (the guideline's
//! 钒回收率; a higher one recovers more vanadium per tonne of concentrate: less lost to tailings and slag),
//! `η_ext` = 0.80 the smelter-side recovery (hot metal → vanadium slag → V2O5) and `v` (t V2O5 per 万t
//! concentrate per unit of recovery) calibrated so 2020 reproduces 61,000 t. The vanadium the local
//! concentrate carries is `C_local · v · R_v · η_ext`. Two limits follow, each the physics the guideline
//! describes:
//! - swapping V-Ti blast furnaces to EAF cuts V2O5 with their hot metal (the tension between steel and
//!   vanadium capacity), while swapping ordinary-ore furnaces leaves it untouched;
//! - when the declining local ore can no longer feed the V-Ti furnaces (they run partly on outside ore), V2O5
//!   follows the local concentrate instead, so new mines (红格南) and the iron and vanadium recoveries raise it.
//!
//! For energy, emissions and curtailment the year's V2O5 is carried per 万t of V-Ti BF-BOF steel
//! (`v2o5_per_bof_vti`): a quota cut of V-Ti steel cuts its vanadium in proportion.
//!
//! Flow batteries: `B` GWh/yr of vanadium redox flow batteries need `B · 1000 · 9.25` t V2O5 and add `B · cost`
//! to the vanadium sector's output value (2.0 yuan/Wh). They are built only with the vanadium there is: at
//! most the year's local V2O5 output (after any quota cut; no import share is assumed, none being cited), and
//! only what is built is valued (`simulate::valued`; the limit flag `vrfb_vanadium` says when it binds).

use super::levers::LeverId as L;
use super::params::ParamId as P;
use super::steel::Steel;
use crate::ctx::Ctx;

#[derive(Clone, Copy, Debug, Default)]
pub struct Vanadium {
    /// t V2O5 per 万t of V-Ti crude steel (blast-furnace or non-blast-furnace) this year, before any cut.
    pub v2o5_per_bof_vti: f64,
    /// V2O5 this year before any energy-quota cut, t.
    pub v2o5: f64,
    /// Local V-Ti iron concentrate smelted by the V-Ti furnaces, 万t.
    pub conc_smelted: f64,
    /// The V-Ti furnaces need more concentrate than Sichuan's mines give (they run partly on outside ore,
    /// which carries no vanadium).
    pub ore_limited: bool,
    pub vrfb_gwh: f64,
    pub v2o5_for_vrfb: f64,
}

/// Vanadium in `year` from the year's steel chain (V-Ti BF-BOF output, ore mined, local concentrate).
pub fn vanadium(c: &Ctx, year: u16, st: &Steel) -> Vanadium {
    let r_v = c.lever(L::VRecovery, year) / 100.0;
    // Both V-Ti routes smelt the V-Ti concentrate and keep its vanadium.
    let vti = st.bof_vti + st.nonbf;
    let need = vti * c.p(P::HotMetalPerBof) * c.p(P::ConcPerHotMetal);
    let smelted = need.min(st.conc_local).max(0.0);
    let v2o5 = smelted * c.cal.v2o5_per_conc * r_v * c.p(P::VExtraction);
    let gwh = c.lever(L::VrfbDeploy, year);
    Vanadium {
        v2o5_per_bof_vti: if vti > 0.0 { v2o5 / vti } else { 0.0 },
        v2o5,
        conc_smelted: smelted,
        ore_limited: need > st.conc_local + 1e-9,
        vrfb_gwh: gwh,
        v2o5_for_vrfb: gwh * 1000.0 * c.p(P::VrfbIntensity),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::scenario::Scenario;
    use crate::series::SeriesId as S;
    use crate::simulate::simulate;
    use crate::test_util::{assert_close, p, with};

    /// Every lever is fully phased in by 2030.
    const YEAR: u16 = 2030;

    /// A steel year with `bof_vti` 万t of V-Ti steel, `ore` 万t mined and `conc` 万t local concentrate.
    fn steel_year(bof_vti: f64, ore: f64, conc: f64) -> Steel {
        Steel {
            bof_vti,
            ore_mined: ore,
            conc_local: conc,
            ..Steel::default()
        }
    }

    /// 万t concentrate per 万t V-Ti steel: 0.9 t hot metal/t · 1.6 t concentrate/t hot metal.
    fn conc_per_steel() -> f64 {
        p(P::HotMetalPerBof) * p(P::ConcPerHotMetal)
    }

    #[test]
    fn v2o5_is_the_vanadium_of_the_local_concentrate_share_the_v_ti_furnaces_smelt() {
        let s = with(&[(L::VRecovery, 55.0)]);
        let c = Ctx::for_test(&s);
        let (bof, ore, conc) = (1000.0, 8000.0, 2000.0);
        let v = vanadium(&c, YEAR, &steel_year(bof, ore, conc));
        let smelted = bof * conc_per_steel();
        assert!(smelted < conc);
        let want = smelted * c.cal.v2o5_per_conc * 0.55 * p(P::VExtraction);
        assert_close(v.v2o5, want, "smelted · v · R_v · η_ext");
        assert_close(v.conc_smelted, smelted, "smelted concentrate");
        assert_close(v.v2o5_per_bof_vti, want / bof, "per 万t V-Ti steel");
        assert!(!v.ore_limited);
    }

    #[test]
    fn with_concentrate_to_spare_v2o5_follows_the_v_ti_furnaces_one_for_one() {
        let s = Scenario::reference();
        let c = Ctx::for_test(&s);
        let at = |bof: f64| vanadium(&c, YEAR, &steel_year(bof, 8000.0, 2500.0)).v2o5;
        assert_close(
            at(600.0) / at(1200.0),
            0.5,
            "half the furnaces, half the V2O5",
        );
        assert_close(at(0.0), 0.0, "no V-Ti furnaces, no vanadium");
        // More ore mined with the same furnaces (and the concentrate scaled with it) changes nothing.
        let more_ore = vanadium(&c, YEAR, &steel_year(1200.0, 16000.0, 5000.0)).v2o5;
        assert_close(
            more_ore,
            at(1200.0),
            "furnace-limited: ore does not add vanadium",
        );
    }

    #[test]
    fn when_local_concentrate_runs_short_v2o5_follows_the_ore_and_outside_ore_adds_none() {
        let s = Scenario::reference();
        let c = Ctx::for_test(&s);
        let conc = 1400.0;
        // Both furnace levels need more than 1,400万吨 of concentrate: the extra runs on outside ore.
        let a = vanadium(&c, YEAR, &steel_year(1200.0, 6000.0, conc));
        let b = vanadium(&c, YEAR, &steel_year(1500.0, 6000.0, conc));
        assert!(a.ore_limited && b.ore_limited);
        assert_close(a.conc_smelted, conc, "all local concentrate smelted");
        assert_close(
            b.v2o5,
            a.v2o5,
            "more furnaces on outside ore add no vanadium",
        );
        let full = conc * c.cal.v2o5_per_conc * s.get(L::VRecovery) / 100.0 * p(P::VExtraction);
        assert_close(a.v2o5, full, "all the local concentrate's vanadium");
        // More ore (a new mine) raises it in proportion.
        let mined = vanadium(&c, YEAR, &steel_year(1500.0, 9000.0, 2100.0));
        assert_close(mined.v2o5 / a.v2o5, 1.5, "50 % more ore, 50 % more V2O5");
    }

    #[test]
    fn the_2020_base_year_makes_the_2020_v2o5_output() {
        let pr = simulate(&Scenario::reference());
        assert_close(
            pr.at(S::V2o5Output, 2020),
            p(P::V2o5Output2020),
            "2020 V2O5 (61,000 t)",
        );
    }

    #[test]
    fn v2o5_scales_in_proportion_to_the_dressing_recovery() {
        let at = |r_v: f64| {
            let s = with(&[(L::VRecovery, r_v)]);
            vanadium(
                &Ctx::for_test(&s),
                YEAR,
                &steel_year(1200.0, 8000.0, 2500.0),
            )
            .v2o5
        };
        let base = 100.0 * p(P::VRecovery2020);
        assert_close(at(70.0) / at(base), 70.0 / base, "70 % vs the 2020 47 %");
        assert_close(at(60.0) / at(40.0), 1.5, "60 % vs 40 %");
    }

    #[test]
    fn flow_batteries_need_9_25_t_v2o5_per_mwh() {
        let need = |b: f64| {
            let s = with(&[(L::VrfbDeploy, b)]);
            vanadium(
                &Ctx::for_test(&s),
                YEAR,
                &steel_year(1200.0, 8000.0, 2500.0),
            )
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
        // The batteries take no V2O5 from the smelter's output.
        assert_close(need(4.0).v2o5, v.v2o5, "output independent of B");
    }
}
