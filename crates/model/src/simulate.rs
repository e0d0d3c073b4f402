//! The one entry point: `simulate(&Scenario) -> Projection`, annual 2020–2035.
//!
//! Each year runs the chains in the order their couplings need:
//!
//! 1. power price → output response `m_e` ([`super::energy::power_response`]);
//! 2. steel capacity, iron-concentrate and scrap limits ([`super::steel`]);
//! 3. vanadium from V-Ti hot metal ([`super::vanadium`]), titanium from ore ([`super::titanium`]),
//!    rare earths ([`super::rare_earth`]);
//! 4. energy use and the energy quota; curtailment if it binds ([`super::energy`]);
//! 5. CO2 ([`super::emissions`]) and output value ([`super::value`]) from the final quantities.
//!
//! 2020 is the base year: every lever is at its 2020 level there, and the calibration constants (ore yields,
//! V2O5 per tonne of hot metal, output-value multipliers) are computed from it, so the base year reproduces
//! the CSV by construction. Deterministic: no randomness, no clock, no I/O.

use crate::ctx::{model_params, Calibration, Ctx, ValueK};
use crate::emissions::{co2, Co2};
use crate::energy::{self, curtail, energy_use, intensities, kappa, kappa_quota};
use crate::levers::{spec as lspec, LeverId};
use crate::params::ParamId as P;
use crate::product::{Product, N_PRODUCTS};
pub use crate::projection::{Limits, Projection};
use crate::rare_earth::{max_metal_per_separated, rare_earth};
use crate::scenario::Scenario;
use crate::series::{SeriesId as S, FIRST_YEAR, LAST_YEAR, N_SERIES, N_YEARS};
use crate::steel::{next_scrap_supply, steel};
use crate::targets::evaluate;
use crate::titanium::titanium;
use crate::value::{calibrate, prices, prices_2020, values, Valued};
use crate::vanadium::vanadium;

/// The grid emission factor in `year`. Every run uses the same history: a year with a published Sichuan
/// factor (2021, 2022) takes it, whatever the lever or the policy start. After the last published year the
/// lever's path takes over from where history ends: the gap between the published value and the lever's own
/// path in that year fades out linearly by the lever's target year (2030), so the path is continuous and
/// reaches the lever's value on time.
pub fn grid_factor(c: &Ctx, year: u16) -> f64 {
    let id = LeverId::GridFactor;
    if let Some(h) = crate::actuals::history(S::GridFactor, year) {
        return h;
    }
    let last = (FIRST_YEAR..year)
        .rev()
        .find_map(|y| crate::actuals::history(S::GridFactor, y).map(|h| (y, h)));
    let path = c.lever(id, year);
    match last {
        Some((hy, h)) => {
            let target = lspec(id).target_year;
            let fade = if target > hy {
                (1.0 - f64::from(year - hy) / f64::from(target - hy)).max(0.0)
            } else {
                0.0
            };
            path + (h - c.lever(id, hy)) * fade
        }
        None => path,
    }
}

/// Pre-curtailment quantities of one year.
struct Year {
    st: crate::steel::Steel,
    v: crate::vanadium::Vanadium,
    ti: crate::titanium::Titanium,
    re: crate::rare_earth::RareEarth,
    p_eff: f64,
}

fn run_chains(c: &Ctx, year: u16, scrap: f64) -> Year {
    let (p_eff, m_e) = energy::power_response(c, year);
    let st = steel(c, year, scrap, m_e);
    let v = vanadium(c, year, &st);
    let ti = titanium(
        c,
        year,
        st.ore_mined,
        m_e,
        st.bof_vti * c.p(P::HotMetalPerBof),
        st.nonbf,
    );
    let re = rare_earth(c, year, m_e);
    Year {
        st,
        v,
        ti,
        re,
        p_eff,
    }
}

fn quantities(y: &Year) -> [f64; N_PRODUCTS] {
    [
        y.st.bof_vti,
        y.st.bof_other,
        y.st.eaf,
        y.ti.sulfate,
        y.ti.chloride,
        y.ti.slag_sold,
        y.ti.sponge,
        y.ti.bf_slag_tio2,
        y.re.separated,
        y.re.metal,
        y.st.nonbf,
    ]
}

fn valued(c: &Ctx, y: &Year, q: &[f64; N_PRODUCTS]) -> Valued {
    let v2o5 = (q[0] + q[10]) * y.v.v2o5_per_bof_vti;
    Valued {
        crude: q[0] + q[1] + q[2] + q[10],
        v2o5,
        // Flow batteries are built only with the vanadium there is: the year's local V2O5 (no import share is
        // assumed, none being cited), and only what is built is valued.
        vrfb_gwh: y.v.vrfb_gwh.min(v2o5 / (1000.0 * c.p(P::VrfbIntensity))),
        ti_conc: y.ti.concentrate,
        tio2: q[3] + q[4] + q[7] + q[10] * y.ti.nonbf_tio2_per_t,
        sponge: q[6],
        deep_share: y.ti.deep_share,
        separated: q[8],
        metal: q[9].min(q[8] * max_metal_per_separated(c)),
    }
}

/// Runs the model.
pub fn simulate(s: &Scenario) -> Projection {
    let params = model_params(s);
    // Calibration from the base year (levers at their 2020 levels, 2020 parameters).
    let pv = |id: P| params[id as usize];
    let fe_yield = pv(P::IronConc2020) / (pv(P::OreMined2020) * pv(P::FeRecovery2020));
    let ti_yield = pv(P::TiConc2020) / (pv(P::OreMined2020) * pv(P::TiRecovery2020));
    let tio2_per_ore = pv(P::TiOreTio2) / pv(P::OreMined2020);
    // Vanadium: the 2020 V-Ti furnaces smelt `smelted` of the local concentrate, which carries 61,000 t.
    let conc_vti_2020 =
        pv(P::VtiBofCap2020) * pv(P::BofUtil) * pv(P::HotMetalPerBof) * pv(P::ConcPerHotMetal);
    let smelted_2020 = conc_vti_2020.min(pv(P::IronConc2020));
    let v2o5_per_conc =
        pv(P::V2o5Output2020) / (smelted_2020 * pv(P::VRecovery2020) * pv(P::VExtraction));
    let mut c = Ctx {
        params,
        s,
        cal: Calibration {
            fe_yield,
            ti_yield,
            tio2_per_ore,
            v2o5_per_conc,
            k: ValueK::ONE,
            elec_2020: 0.0,
        },
    };
    let base = run_chains(&c, FIRST_YEAR, c.p(P::Scrap2020));
    let q_base = quantities(&base);
    c.cal.k = calibrate(&c, &valued(&c, &base, &q_base));
    // The quota did not cut 2020 (it is what happened): its 2020 level, where the lever phases in from, is at
    // least the energy 2020 counted against it (in the equivalent value it is set in).
    let it_q = intensities(
        &c,
        FIRST_YEAR,
        base.v.v2o5_per_bof_vti,
        base.ti.nonbf_tio2_per_t,
    );
    let used_2020 = energy_use(&q_base, &it_q, kappa_quota(&c), 0.0, None).counted;
    let quota = &mut c.params[P::Quota2020 as usize];
    *quota = quota.max(used_2020);
    let it_base = intensities(
        &c,
        FIRST_YEAR,
        base.v.v2o5_per_bof_vti,
        base.ti.nonbf_tio2_per_t,
    );
    c.cal.elec_2020 = energy_use(&q_base, &it_base, 1.0, 0.0, None).elec;

    let mut series = vec![[0.0; N_YEARS]; N_SERIES];
    let mut curtailed = [[0.0; N_PRODUCTS]; N_YEARS];
    let mut limits = [Limits::default(); N_YEARS];
    let mut scrap = c.p(P::Scrap2020);
    let p2020 = prices_2020();

    for (i, year) in (FIRST_YEAR..=LAST_YEAR).enumerate() {
        if year > FIRST_YEAR {
            scrap = next_scrap_supply(&c, year, scrap);
        }
        let y = run_chains(&c, year, scrap);
        let q0 = quantities(&y);
        let it = intensities(&c, year, y.v.v2o5_per_bof_vti, y.ti.nonbf_tio2_per_t);
        let kap = kappa(&c);
        let kap_q = kappa_quota(&c);
        let exempt =
            (c.lever(LeverId::RenewableExemption, year) >= 0.5).then(|| c.p(P::RenewableShare));
        let quota = c.lever(LeverId::EnergyQuota, year);
        let pr = prices(&c, year);

        // Value per unit of each product, for the curtailment order.
        let mut vpu = [0.0; N_PRODUCTS];
        for (j, v) in vpu.iter_mut().enumerate() {
            let mut unit = [0.0; N_PRODUCTS];
            unit[j] = 1.0;
            let mut probe = valued(&c, &y, &unit);
            probe.vrfb_gwh = 0.0;
            probe.ti_conc = 0.0;
            if j == Product::ReMetal as usize {
                probe.metal = 1.0;
            }
            *v = values(&c, &probe, &pr, &c.cal.k).total();
        }
        let (q, cut) = curtail(&q0, &it, &vpu, kap_q, c.cal.elec_2020, exempt, quota);
        curtailed[i] = cut;
        let vq = valued(&c, &y, &q);
        let vals = values(&c, &vq, &pr, &c.cal.k);
        let vals_uncut = values(&c, &valued(&c, &y, &q0), &pr, &c.cal.k);
        let vals_const = values(&c, &vq, &p2020, &c.cal.k);
        let use_ = energy_use(&q, &it, kap, c.cal.elec_2020, exempt);
        // The quota re-expressed in the reporting convention (see [`super::energy`]): same headroom.
        let use_q = energy_use(&q, &it, kap_q, c.cal.elec_2020, exempt);
        let quota_reported = quota + (use_.counted - use_q.counted);
        let ee = c.p(P::ElecEquivalent) / 1000.0;
        let v_it = (
            (c.p(P::V2o5Energy) - c.p(P::V2o5Elec) * ee) / 1e4,
            c.p(P::V2o5Elec) / 1e8,
        );
        let grid = grid_factor(&c, year);
        let co: Co2 = co2(&c, year, &q, &it, vq.v2o5, v_it, grid);

        limits[i] = Limits {
            iron_ore: y.st.ore_limited,
            scrap: y.st.scrap_limited,
            ti_concentrate: y.ti.conc_limited,
            energy_quota: cut.iter().any(|&x| x > 0.0),
            vanadium_ore: y.v.ore_limited,
            bf_slag: y.ti.bf_slag_limited,
            chlorination: y.ti.chlorination_limited,
            vrfb_vanadium: y.v.vrfb_gwh > vq.vrfb_gwh + 1e-9,
        };

        // Electricity bill: intensive steps at the effective price, the rest at the large-industry price.
        let p_large = c.lever(LeverId::PowerPrice, year);
        let mut bill = 0.0;
        for p in Product::ALL {
            let e = q[p as usize] * it.elec[p as usize];
            bill += e * if energy::is_intensive(p) {
                y.p_eff
            } else {
                p_large
            };
        }

        let hm = (q[0] + q[1]) * c.p(P::HotMetalPerBof);
        // The non-BF route smelts concentrate too (per tonne like hot metal), but makes no BF hot metal.
        let conc_demand = (hm + q[10] * c.p(P::HotMetalPerBof)) * c.p(P::ConcPerHotMetal);
        let bof = q[0] + q[1];
        let nb_tio2 = q[10] * y.ti.nonbf_tio2_per_t;
        let set = |series: &mut Vec<[f64; N_YEARS]>, id: S, v: f64| series[id as usize][i] = v;
        let sr = &mut series;
        set(sr, S::CrudeSteelTotal, bof + q[2] + q[10]);
        set(sr, S::CrudeSteelNonBf, q[10]);
        set(sr, S::CrudeSteelBof, bof);
        set(sr, S::CrudeSteelBofVti, q[0]);
        set(sr, S::CrudeSteelBofOther, q[1]);
        set(sr, S::CrudeSteelEaf, q[2]);
        set(sr, S::PigIron, hm);
        set(sr, S::CapacityBof, y.st.cap_vti + y.st.cap_other);
        set(sr, S::CapacityEaf, y.st.cap_eaf);
        set(sr, S::CapacityRetiredElsewhere, y.st.retired_elsewhere);
        set(sr, S::CapacityRetiredByRule, y.st.retired_by_rule);
        set(sr, S::NationalNetCapacityChange, y.st.national_net);
        set(sr, S::OreMined, y.st.ore_mined);
        set(sr, S::IronConcentrateSupply, y.st.conc_local);
        set(sr, S::IronConcentrateDemand, conc_demand);
        set(sr, S::IronConcentrateGap, conc_demand - y.st.conc_local);
        set(sr, S::ScrapSupply, scrap);
        set(
            sr,
            S::ScrapUsed,
            (bof + q[10]) * c.p(P::ScrapPerBof) + q[2] * c.p(P::ScrapPerEaf),
        );
        set(sr, S::V2o5Output, vq.v2o5);
        set(
            sr,
            S::V2o5ForVrfb,
            vq.vrfb_gwh * 1000.0 * c.p(P::VrfbIntensity),
        );
        set(sr, S::VrfbDeployed, vq.vrfb_gwh);
        set(sr, S::TiConcentrateOutput, y.ti.concentrate);
        set(sr, S::Tio2Output, vq.tio2);
        set(sr, S::Tio2Chloride, q[4] + q[7] + nb_tio2);
        set(sr, S::Tio2Sulfate, q[3]);
        set(sr, S::Tio2FromBfSlag, q[7]);
        set(sr, S::Tio2FromNonBfSlag, nb_tio2);
        set(
            sr,
            S::TiSlagOutput,
            q[4] * c.p(P::SlagPerChloride) + q[6] / 1e4 * c.p(P::SlagPerSponge) + q[5],
        );
        set(sr, S::TiSpongeOutput, q[6]);
        set(sr, S::TiMaterialsOutput, q[6] * y.ti.deep_share);
        set(sr, S::ReoMined, y.re.mined);
        set(sr, S::ReoImported, y.re.imported);
        set(sr, S::ReoRecycled, y.re.recycled);
        set(sr, S::ReoSeparated, q[8]);
        set(sr, S::ReMetalOutput, vq.metal);
        set(sr, S::VRecovery, c.lever(LeverId::VRecovery, year) / 100.0);
        // The guideline's 钛选矿回收率 is a dressing recovery: slag extraction is its own series.
        set(
            sr,
            S::TiRecovery,
            c.lever(LeverId::TiRecovery, year) / 100.0,
        );
        set(
            sr,
            S::TiSlagRecovery,
            if y.ti.tio2_in_ore > 0.0 {
                (q[7] + nb_tio2) / y.ti.tio2_in_ore
            } else {
                0.0
            },
        );
        set(sr, S::Tio2Capacity, y.ti.capacity);
        // Slag sold out of province has no price in the data, so its cut is reported as a tonnage.
        set(sr, S::TiSlagSoldCurtailed, q0[5] - q[5]);
        set(
            sr,
            S::FeRecovery,
            c.lever(LeverId::FeRecovery, year) / 100.0,
        );
        set(sr, S::EnergyTotal, use_.total);
        set(sr, S::EnergyCounted, use_.counted);
        set(sr, S::EnergyExempt, use_.exempt);
        set(sr, S::EnergyQuota, quota_reported);
        set(sr, S::ElectricityTotal, use_.elec);
        set(sr, S::ElectricityBill, bill);
        set(sr, S::PowerPriceEffective, y.p_eff);
        // The target's basis whatever the reporting convention: electricity at the equivalent value (the
        // convention the quota and the 14th FYP intensity target are set in), output at 2020 prices and the
        // 2020 premium, so neither an accounting switch nor a price lever moves it.
        set(
            sr,
            S::EnergyIntensity,
            if vals_const.total() > 0.0 {
                use_q.total / vals_const.total()
            } else {
                0.0
            },
        );
        set(
            sr,
            S::CurtailedValue,
            (vals_uncut.total() - vals.total()).max(0.0),
        );
        set(sr, S::Co2Total, co.direct + co.indirect);
        set(sr, S::Co2Direct, co.direct);
        set(sr, S::Co2Indirect, co.indirect);
        set(sr, S::Co2Steel, co.by_sector[0]);
        set(sr, S::Co2Vanadium, co.by_sector[1]);
        set(sr, S::Co2Titanium, co.by_sector[2]);
        set(sr, S::Co2RareEarth, co.by_sector[3]);
        set(sr, S::GridFactor, grid);
        set(sr, S::OutputValueTotal, vals.total());
        set(sr, S::OutputValueSteel, vals.steel);
        set(sr, S::OutputValueVanadium, vals.vanadium);
        set(sr, S::OutputValueTitanium, vals.titanium());
        set(sr, S::OutputValueRareEarth, vals.rare_earth);
        set(sr, S::OutputValueTiChemicals, vals.ti_chem);
        set(sr, S::OutputValueTiMetal, vals.ti_metal);
        set(sr, S::OutputValueConst, vals_const.total());
    }

    let targets = evaluate(&series, &c.params);
    let related = crate::actuals::score_related(&series, |l, y| c.lever(l, y));
    let peak_year = targets
        .iter()
        .find(|t| t.id == crate::targets::TargetId::CarbonPeak)
        .map_or(FIRST_YEAR, |t| t.value as u16);
    Projection {
        series,
        curtailed,
        limits,
        targets,
        related,
        peak_year,
        calibration: c.cal,
    }
}

#[cfg(test)]
impl<'a> Ctx<'a> {
    /// A context for unit tests of the chains: the scenario's resolved parameters and the calibration
    /// [`simulate`] derives for it — the same `Ctx` that `simulate` ends up running the years with.
    pub(crate) fn for_test(s: &'a Scenario) -> Self {
        Ctx {
            params: model_params(s),
            s,
            cal: simulate(s).calibration,
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::test_util::{assert_close, p, with};

    #[test]
    fn levers_phase_in_linearly_from_their_2020_level_and_switches_act_from_2021() {
        let mut s = with(&[(LeverId::VRecovery, 60.0), (LeverId::ElecConvention, 1.0)]);
        s.set_param(P::PowerElasticity, -0.5);
        let c = Ctx::for_test(&s);
        let l = lspec(LeverId::VRecovery);
        assert_eq!(
            l.target_year, 2025,
            "the phase-in below assumes a 2025 target"
        );
        assert_close(c.lever(LeverId::VRecovery, 2020), l.base, "2020 level");
        // v(y) = base + (x − base)·(y − 2020)/(target − 2020)
        assert_close(
            c.lever(LeverId::VRecovery, 2022),
            l.base + (60.0 - l.base) * 2.0 / 5.0,
            "2022, two fifths of the way",
        );
        assert_close(c.lever(LeverId::VRecovery, 2025), 60.0, "target year");
        assert_close(c.lever(LeverId::VRecovery, 2035), 60.0, "held after");
        assert_close(
            c.lever(LeverId::ElecConvention, 2020),
            0.0,
            "switch off in 2020",
        );
        assert_close(
            c.lever(LeverId::ElecConvention, 2021),
            1.0,
            "switch on from 2021",
        );
        assert_close(
            c.p(P::PowerElasticity),
            -0.5,
            "parameter override reaches the model",
        );
        assert_close(
            c.p(P::NdprShare),
            p(P::NdprShare),
            "parameter not overridden",
        );
    }

    #[test]
    fn calibration_constants_make_the_2020_base_year_reproduce_the_csv() {
        let s = Scenario::reference();
        let pr = simulate(&s);
        let cal = pr.calibration;
        // y_fe: 2020 ore × 70 % recovery gives the guideline's 2,500万吨 concentrate; likewise titanium.
        assert_close(
            cal.fe_yield,
            p(P::IronConc2020) / (p(P::OreMined2020) * p(P::FeRecovery2020)),
            "fe_yield",
        );
        assert_close(
            cal.ti_yield,
            p(P::TiConc2020) / (p(P::OreMined2020) * p(P::TiRecovery2020)),
            "ti_yield",
        );
        assert_close(
            cal.tio2_per_ore,
            p(P::TiOreTio2) / p(P::OreMined2020),
            "tio2_per_ore",
        );
        // v: t V2O5 per 万t concentrate smelted per unit of vanadium recovery, before the smelter-side
        // recovery; the 2020 V-Ti furnaces smelt less than the local concentrate.
        let conc_vti =
            p(P::VtiBofCap2020) * p(P::BofUtil) * p(P::HotMetalPerBof) * p(P::ConcPerHotMetal);
        assert!(
            conc_vti < p(P::IronConc2020),
            "2020 local concentrate covers the V-Ti furnaces"
        );
        assert_close(
            cal.v2o5_per_conc,
            p(P::V2o5Output2020) / (conc_vti * p(P::VRecovery2020) * p(P::VExtraction)),
            "v2o5_per_conc",
        );
        assert_close(cal.elec_2020, pr.at(S::ElectricityTotal, 2020), "elec_2020");
        // So the base year reproduces the anchors.
        assert_close(
            pr.at(S::V2o5Output, 2020),
            p(P::V2o5Output2020),
            "2020 V2O5",
        );
        assert_close(
            pr.at(S::IronConcentrateSupply, 2020),
            p(P::IronConc2020),
            "2020 iron concentrate",
        );
        assert_close(
            pr.at(S::TiConcentrateOutput, 2020),
            p(P::TiConc2020),
            "2020 Ti concentrate",
        );
        assert_close(
            pr.at(S::OutputValueTotal, 2020),
            p(P::Value2020),
            "2020 value",
        );
        assert_close(
            pr.at(S::OutputValueVanadium, 2020),
            p(P::ValueV2020),
            "2020 vanadium value",
        );
    }

    #[test]
    fn derived_series_follow_their_defining_identities() {
        let s = with(&[
            (LeverId::EafSwap, 400.0),
            (LeverId::SwapVtiShare, 0.5),
            (LeverId::BfSlagTi, 10.0),
        ]);
        let pr = simulate(&s);
        for year in FIRST_YEAR..=LAST_YEAR {
            let at = |id: S| pr.at(id, year);
            let bof = at(S::CrudeSteelBof);
            assert_close(
                at(S::PigIron),
                bof * p(P::HotMetalPerBof),
                "pig iron = 0.9·BOF",
            );
            assert_close(
                at(S::IronConcentrateDemand),
                at(S::PigIron) * p(P::ConcPerHotMetal),
                "concentrate demand = 1.6·hot metal",
            );
            assert_close(
                at(S::IronConcentrateGap),
                at(S::IronConcentrateDemand) - at(S::IronConcentrateSupply),
                "gap = demand − local supply",
            );
            assert_close(
                at(S::ScrapUsed),
                bof * p(P::ScrapPerBof) + at(S::CrudeSteelEaf) * p(P::ScrapPerEaf),
                "scrap used = 0.1·BOF + 1.0·EAF",
            );
            assert_close(
                at(S::Co2Total),
                at(S::Co2Direct) + at(S::Co2Indirect),
                "CO2 = direct + indirect",
            );
            assert_close(
                at(S::EnergyIntensity),
                at(S::EnergyTotal) / at(S::OutputValueConst),
                "intensity = energy (equivalent value, the default convention) / constant-price value",
            );
            let ti_rec = s.get(LeverId::TiRecovery);
            if year >= 2025 {
                let tio2_in_ore = at(S::OreMined) * p(P::TiOreTio2) / p(P::OreMined2020);
                assert_close(at(S::TiRecovery), ti_rec / 100.0, "Ti recovery = R_ti");
                assert_close(
                    at(S::TiSlagRecovery),
                    at(S::Tio2FromBfSlag) / tio2_in_ore,
                    "Ti from slag = BF-slag TiO2 / TiO2 in ore",
                );
            }
        }
    }

    #[test]
    fn the_electricity_bill_prices_intensive_steps_at_the_effective_price_and_the_rest_at_the_large_industry_price(
    ) {
        let year = 2030;
        let bill = |s: &Scenario| simulate(s).at(S::ElectricityBill, year);
        let elec = |s: &Scenario| simulate(s).at(S::ElectricityTotal, year);
        // No preferential coverage: every kWh at the large-industry price; moving the price moves the bill/kWh.
        for pp in [0.45, 0.60] {
            let s = with(&[(LeverId::PowerPrice, pp), (LeverId::EnergyQuota, 2500.0)]);
            assert_close(bill(&s) / elec(&s), pp, "bill per kWh at 0 % coverage");
        }
        // Full coverage: the intensive steps at the preferential price, the others at the large-industry price.
        let s = with(&[
            (LeverId::PrefCoverage, 100.0),
            (LeverId::PrefPrice, 0.25),
            (LeverId::PowerPrice, 0.60),
            (LeverId::EnergyQuota, 2500.0),
        ]);
        let pr = simulate(&s);
        assert!(pr.curtailed_in(year).is_empty(), "nothing curtailed");
        let c = Ctx::for_test(&s);
        let y = run_chains(&c, year, pr.at(S::ScrapSupply, year));
        let q = quantities(&y);
        let it = intensities(&c, year, y.v.v2o5_per_bof_vti, y.ti.nonbf_tio2_per_t);
        let mut want = 0.0;
        let mut intensive_kwh = 0.0;
        for prod in Product::ALL {
            let e = q[prod as usize] * it.elec[prod as usize];
            if energy::is_intensive(prod) {
                intensive_kwh += e;
                want += e * 0.25;
            } else {
                want += e * 0.60;
            }
        }
        assert!(intensive_kwh > 0.0);
        assert_close(y.p_eff, 0.25, "effective price at full coverage");
        assert_close(pr.at(S::ElectricityBill, year), want, "bill");
    }

    #[test]
    fn a_projection_reads_by_series_and_year_and_lists_only_products_actually_cut() {
        let p = simulate(&Scenario::reference());
        assert_eq!(p.get(S::CrudeSteelTotal)[0], p.at(S::CrudeSteelTotal, 2020));
        assert_eq!(p.get(S::V2o5Output)[5], p.at(S::V2o5Output, 2025));
        assert!(p.at(S::V2o5Output, 2019).is_nan() && p.at(S::V2o5Output, 2036).is_nan());
        // The reference quota does not bind: nothing is listed, not even products with a zero cut.
        assert!(p.curtailed_in(2030).is_empty());
        let tight = simulate(&with(&[(LeverId::EnergyQuota, 1100.0)]));
        let cut = tight.curtailed_in(2030);
        assert!(!cut.is_empty());
        assert!(cut.iter().all(|(_, share)| *share > 1e-6 && *share <= 1.0));
        assert!(tight.curtailed_in(2040).is_empty());
    }

    #[test]
    fn slag_sold_out_of_province_cut_by_the_quota_is_reported_as_a_tonnage() {
        let year = 2030;
        let i = usize::from(year - FIRST_YEAR);
        let s = with(&[(LeverId::EnergyQuota, 1100.0)]);
        let tight = simulate(&s);
        let share = tight.curtailed[i][Product::SlagSold as usize];
        assert!(share > 0.0, "the tight quota cuts slag sold");
        let c = Ctx::for_test(&s);
        let y = run_chains(&c, year, tight.at(S::ScrapSupply, year));
        assert_close(
            tight.at(S::TiSlagSoldCurtailed, year),
            y.ti.slag_sold * share,
            "tonnage cut = slag sold × share cut",
        );
        let free = simulate(&with(&[(LeverId::EnergyQuota, 2500.0)]));
        assert!(free.get(S::TiSlagSoldCurtailed).iter().all(|&v| v == 0.0));
    }

    #[test]
    fn reported_series_follow_their_equations_with_the_non_bf_route_and_a_binding_quota() {
        let s = with(&[
            (LeverId::NonBfVti, 400.0),
            (LeverId::BfSlagTi, 10.0),
            (LeverId::OutsideOre, 3000.0),
        ]);
        let pr = simulate(&s);
        let pv = |id: P| crate::params::spec(id).value;
        let close = |a: f64, b: f64, what: &str| {
            assert!(
                (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0),
                "{what}: {a} vs {b}"
            );
        };
        for y in [2025, 2030] {
            let at = |id: S| pr.at(id, y);
            let nb = at(S::CrudeSteelNonBf);
            assert!(nb > 0.0);
            close(
                at(S::ScrapUsed),
                (at(S::CrudeSteelBof) + nb) * pv(P::ScrapPerBof)
                    + at(S::CrudeSteelEaf) * pv(P::ScrapPerEaf),
                "scrap used",
            );
            close(
                at(S::IronConcentrateDemand),
                (at(S::PigIron) + nb * pv(P::HotMetalPerBof)) * pv(P::ConcPerHotMetal),
                "concentrate demand",
            );
            // The chloride plants take the BF slag's TiO2 first, then the non-BF Ti-rich slag's, up to their
            // capacity (K·χ·u at m_e = 1).
            let chlorination = s.get(LeverId::Tio2Capacity) * s.get(LeverId::ChlorideShare) / 100.0
                * pv(P::Tio2Util);
            close(
                at(S::Tio2FromNonBfSlag),
                (nb * pv(P::NonBfTio2)).min(chlorination - at(S::Tio2FromBfSlag)),
                "non-BF TiO2",
            );
            assert!(at(S::Tio2Chloride) <= chlorination + 1e-9);
            assert!(at(S::Tio2Output) <= at(S::Tio2Capacity) + 1e-9);
            let chloride_own =
                at(S::Tio2Chloride) - at(S::Tio2FromBfSlag) - at(S::Tio2FromNonBfSlag);
            close(
                at(S::TiSlagOutput),
                chloride_own * pv(P::SlagPerChloride)
                    + at(S::TiSpongeOutput) / 1e4 * pv(P::SlagPerSponge)
                    + pv(P::SlagExternal),
                "titanium slag",
            );
            let tio2_in_ore = at(S::OreMined) * pr.calibration.tio2_per_ore;
            close(
                at(S::TiRecovery),
                s.get(LeverId::TiRecovery) / 100.0,
                "Ti recovery score: the dressing recovery",
            );
            close(
                at(S::TiSlagRecovery),
                (at(S::Tio2FromBfSlag) + at(S::Tio2FromNonBfSlag)) / tio2_in_ore,
                "Ti from slag, its own series",
            );
            // Vanadium's CO2: its fuel at 2.66 t/tce and its electricity at the grid factor.
            let ee = pv(P::ElecEquivalent) / 1000.0;
            let v_fuel = (pv(P::V2o5Energy) - pv(P::V2o5Elec) * ee) / 1e4;
            let v_elec = pv(P::V2o5Elec) / 1e8;
            close(
                at(S::Co2Vanadium),
                at(S::V2o5Output)
                    * (v_fuel * pv(P::FuelCo2) / 100.0 + v_elec * at(S::GridFactor) * 0.1),
                "vanadium CO2",
            );
        }
        // The TiO2 from the non-BF slag is valued at the TiO2 price like any other TiO2: Ti chemicals =
        // k_ti · (concentrate · p_conc + TiO2 · p_TiO2). With the chloride plants full it takes the place of
        // TiO2 made from the plants' own (concentrate) slag: the same TiO2, less slag made.
        let without = simulate(&with(&[
            (LeverId::BfSlagTi, 10.0),
            (LeverId::OutsideOre, 3000.0),
        ]));
        let y = 2030;
        close(
            pr.at(S::OutputValueTiChemicals, y),
            pr.calibration.k.ti
                * (pr.at(S::TiConcentrateOutput, y) * pv(P::TiConcPrice)
                    + pr.at(S::Tio2Output, y) * s.get(LeverId::Tio2Price))
                / 1e4,
            "TiO2 from the non-BF slag valued",
        );
        close(
            pr.at(S::Tio2Output, y),
            without.at(S::Tio2Output, y),
            "the same chloride plants",
        );
        assert!(pr.at(S::TiSlagOutput, y) < without.at(S::TiSlagOutput, y));
        assert_eq!(
            f64::from(pr.peak_year),
            pr.target(crate::targets::TargetId::CarbonPeak)
                .map_or(0.0, |t| t.value)
        );
        // The value a binding quota costs is what the same scenario earns without it.
        let free = simulate(&with(&[(LeverId::EnergyQuota, 2500.0)]));
        let tight = simulate(&with(&[(LeverId::EnergyQuota, 1100.0)]));
        for y in [2025, 2030] {
            close(
                tight.at(S::CurtailedValue, y),
                free.at(S::OutputValueTotal, y) - tight.at(S::OutputValueTotal, y),
                "curtailed value",
            );
        }
        assert!(tight.limits[10].energy_quota && !free.limits[10].energy_quota);
    }

    #[test]
    fn every_run_uses_the_published_grid_factors_and_the_path_starts_where_they_end() {
        // Published: 0.1255 (2021) and 0.1404 (2022). Whatever the lever and the policy start, those years
        // are history (it used to take 0.1404 only with a later policy start, 0.1255 otherwise).
        let mut runs = Vec::new();
        for start in [2020, 2022, 2026] {
            for grid in [0.05, 0.1255, 0.3] {
                let mut s = with(&[(LeverId::GridFactor, grid)]);
                s.set_start_year(start);
                runs.push((start, grid, simulate(&s)));
            }
        }
        for (start, grid, pr) in &runs {
            let what = format!("policy from {start}, grid {grid}");
            assert_close(pr.at(S::GridFactor, 2021), 0.1255, &what);
            assert_close(pr.at(S::GridFactor, 2022), 0.1404, &what);
        }
        // From 2023 the lever's path takes over from the last published value, reaching the lever by 2030:
        // g(y) = lever(y) + (0.1404 − lever(2022))·(1 − (y − 2022)/8). With the lever at 0.05 from 2020,
        // lever(y) = 0.1255 + (0.05 − 0.1255)·(y − 2020)/10.
        let pr = &runs[0].2;
        let lever = |y: u16| 0.1255 + (0.05 - 0.1255) * f64::from(y - 2020) / 10.0;
        for y in [2023u16, 2026, 2030, 2035] {
            let fade = (1.0 - f64::from(y - 2022) / 8.0).max(0.0);
            assert_close(
                pr.at(S::GridFactor, y),
                lever(y.min(2030)) + (0.1404 - lever(2022)) * fade,
                &format!("{y}"),
            );
        }
        assert_close(
            pr.at(S::GridFactor, 2030),
            0.05,
            "the lever by its target year",
        );
    }
}
