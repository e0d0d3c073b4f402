//! Energy: use by product, the two electricity conventions, the energy quota and curtailment, power prices.
//!
//! **Use.** Each product has a fuel intensity `f` (tce/unit, excluding electricity) and an electricity
//! intensity `e` (kWh/unit), from the baseline CSV. The CSV's total intensities count electricity at the
//! equivalent value 0.1229 kgce/kWh, so `f = total − e · 0.1229`. Energy in 万tce is
//!
//! ```text
//! E = Σ q·f + κ · Σ q·e          κ = 0.1229 kgce/kWh (equivalent value, default) or 0.3055 (coal-equivalent)
//! ```
//!
//! V-Ti BF-BOF steel carries a fuel premium (6 %, ESTIMATE 0–12 %) over the average BF-BOF intensity: its
//! high-titanium slag is about twice that of ordinary ore, and the guideline (第四章第五节（三）) asks for
//! differentiated V-Ti energy norms. EAF fuel is set so that BF-BOF → EAF saves the FACT 350 kgce/t.
//!
//! Titanium slag for chloride TiO2 and sponge (2,700 kWh/t slag) is folded into those products' `e`; the
//! V2O5 made from a tonne of V-Ti hot metal is folded into V-Ti BF-BOF steel, since it cannot be made without it.
//!
//! **One convention at a time.** The convention switch changes how electricity is *reported* in every year,
//! 2020 included, so intensities and changes compare like with like. The quota is set in the equivalent value;
//! it is checked (and curtailment decided) in that convention, and reported in the chosen one as
//! `quota + (κ − κ_eq) · Elec_counted` (the electricity counted against it), so the headroom `counted − quota`
//! is the same in both and the switch alone never changes production.
//!
//! **Quota.** Energy counted against the quota is `E − X`, where the renewable exemption (a switch, as in
//! guideline 第四章第五节（三）) is `X = 0.87 · max(0, κ·Elec − κ·Elec₂₀₂₀)`: the renewable share of electricity
//! use above the 2020 level.
//!
//! **Curtailment rule.** When counted energy exceeds the quota, products are cut one at a time in ascending
//! order of output value per tce used (the least valuable use of energy first; the order is the same with or
//! without the exemption, so the exemption can never lower output). Each is cut just enough to
//! meet the quota (solved by bisection on the piecewise-linear counted energy), or to zero before moving on.
//! The projection reports each product's curtailed share and the output value lost.
//!
//! **Power price.** Electricity-intensive steps (EAF steel, chloride TiO2 via slag, sponge, Ti from BF slag,
//! RE metal) pay `p_eff = c·p_pref + (1 − c)·p` (coverage `c` of the preferential price). Their utilisation is
//! multiplied by `m_e = (p_eff / p_eff,2020)^ε` with `ε` = −0.3 (ESTIMATE, −0.6 to −0.1), each capped at full
//! capacity. The electricity bill is `Σ Elec × price` (the preferential price only for the covered share of
//! the intensive steps).

use super::levers::LeverId as L;
use super::params::ParamId as P;
use crate::ctx::Ctx;

pub use crate::product::{Product, N_PRODUCTS};

/// Per-unit fuel (万tce) and electricity (亿kWh) of each product in its own unit.
#[derive(Clone, Copy, Debug)]
pub struct Intensities {
    pub fuel: [f64; N_PRODUCTS],
    pub elec: [f64; N_PRODUCTS],
    /// TiO2 made per tonne of non-blast-furnace steel, folded into that product (t/t).
    pub nonbf_tio2: f64,
}

/// Electricity conversion factor κ in 万tce per 亿kWh (0.1229 kgce/kWh → 1.229) of the reporting convention
/// the scenario chose. An accounting convention is not a policy: it applies to every year, 2020 included.
pub fn kappa(c: &Ctx) -> f64 {
    if c.s.get(L::ElecConvention) >= 0.5 {
        10.0 * c.p(P::ElecCoalEquivalent)
    } else {
        kappa_quota(c)
    }
}

/// κ of the convention the energy quota is set in (the equivalent value, as the quota's 2020 figure): the
/// quota is checked, and curtailment decided, in this convention whatever the reporting convention.
pub fn kappa_quota(c: &Ctx) -> f64 {
    10.0 * c.p(P::ElecEquivalent)
}

/// The energy-efficiency levers in `year`: the factors (1 − gain) on BF-BOF and on EAF energy.
pub fn efficiency(c: &Ctx, year: u16) -> (f64, f64) {
    (
        1.0 - c.lever(L::EffBof, year) / 100.0,
        1.0 - c.lever(L::EffEaf, year) / 100.0,
    )
}

/// Builds the intensity table for `year`; `v2o5_per_bof_vti` is t V2O5 per 万t V-Ti steel this year and
/// `nonbf_tio2` the TiO2 made per tonne of non-blast-furnace steel (see [`super::titanium`]).
pub fn intensities(c: &Ctx, year: u16, v2o5_per_bof_vti: f64, nonbf_tio2: f64) -> Intensities {
    let (f_bof, f_eaf) = efficiency(c, year);
    let ee = c.p(P::ElecEquivalent) / 1000.0; // tce per kWh
    let slag_e = c.p(P::SlagElec);
    // Per 万t products: fuel tce/t → 万tce per 万t; kWh/t → 亿kWh per 万t is /1e4.
    // Per t products: fuel tce/t → 万tce per t is /1e4; kWh/t → 亿kWh per t is /1e8.
    let v_fuel = (c.p(P::V2o5Energy) - c.p(P::V2o5Elec) * ee) / 1e4 * v2o5_per_bof_vti;
    let v_elec = c.p(P::V2o5Elec) / 1e8 * v2o5_per_bof_vti;
    let bof_fuel = f_bof * (c.p(P::BofEnergy) - c.p(P::BofElec) * c.p(P::ElecEquivalent)) / 1000.0;
    let bof_elec = c.p(P::BofElec) / 1e4;
    // Non-blast-furnace V-Ti steel: its own smelting, its V2O5, and chloride TiO2 from its Ti-rich slag
    // (the slag is made in the smelter, so no slag-furnace electricity).
    let nb_tio2 = nonbf_tio2;
    let nb_fuel = c.p(P::NonBfFuel) / 1000.0
        + v_fuel
        + nb_tio2 * (c.p(P::Tio2ChlEnergy) - c.p(P::Tio2ChlElec) * ee);
    let nb_elec = c.p(P::NonBfElec) / 1e4 + v_elec + nb_tio2 * c.p(P::Tio2ChlElec) / 1e4;
    // Blast furnaces on high-titanium V-Ti ore burn more fuel per tonne than the national average.
    let fuel = [
        bof_fuel * (1.0 + c.p(P::VtiPremium)) + v_fuel,
        bof_fuel,
        f_eaf * c.p(P::EafFuel) / 1000.0,
        c.p(P::Tio2SulfEnergy) - c.p(P::Tio2SulfElec) * ee,
        c.p(P::Tio2ChlEnergy) - c.p(P::Tio2ChlElec) * ee,
        0.0,
        0.0,
        0.0,
        c.p(P::ReSepEnergy) / 1e4,
        0.0,
        nb_fuel,
    ];
    let elec = [
        bof_elec + v_elec,
        bof_elec,
        f_eaf * c.p(P::EafElec) / 1e4,
        c.p(P::Tio2SulfElec) / 1e4,
        (c.p(P::Tio2ChlElec) + c.p(P::SlagPerChloride) * slag_e) / 1e4,
        slag_e / 1e4,
        (c.p(P::SpongeElec) + c.p(P::SlagPerSponge) * slag_e) / 1e8,
        c.p(P::BfSlagTiElec) / 1e4,
        0.0,
        c.p(P::ReMetalElec) / 1e8,
        nb_elec,
    ];
    Intensities {
        fuel,
        elec,
        nonbf_tio2,
    }
}

/// Products whose electricity is billed at the effective (possibly preferential) price.
pub fn is_intensive(p: Product) -> bool {
    matches!(
        p,
        Product::Eaf
            | Product::Tio2Chloride
            | Product::SlagSold
            | Product::Sponge
            | Product::BfSlagTi
            | Product::ReMetal
    )
}

/// Energy figures for a set of quantities.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct EnergyUse {
    /// Total energy, 万tce (selected convention).
    pub total: f64,
    /// Electricity, 亿kWh.
    pub elec: f64,
    /// Exempt renewable energy, 万tce.
    pub exempt: f64,
    /// Counted against the quota, 万tce.
    pub counted: f64,
}

/// Energy use of quantities `q` (`elec_2020` in 亿kWh; `exempt_on` the switch).
pub fn energy_use(
    q: &[f64; N_PRODUCTS],
    it: &Intensities,
    kappa: f64,
    elec_2020: f64,
    exempt: Option<f64>,
) -> EnergyUse {
    let mut fuel = 0.0;
    let mut elec = 0.0;
    for ((qi, f), e) in q.iter().zip(it.fuel).zip(it.elec) {
        fuel += qi * f;
        elec += qi * e;
    }
    let total = fuel + kappa * elec;
    let ex = exempt.map_or(0.0, |share| share * kappa * (elec - elec_2020).max(0.0));
    EnergyUse {
        total,
        elec,
        exempt: ex,
        counted: total - ex,
    }
}

/// Applies the curtailment rule. `value_per_unit` is output value (亿元) per unit of each product.
/// Returns the curtailed quantities and the share of each product cut.
pub fn curtail(
    q: &[f64; N_PRODUCTS],
    it: &Intensities,
    value_per_unit: &[f64; N_PRODUCTS],
    kappa: f64,
    elec_2020: f64,
    exempt: Option<f64>,
    quota: f64,
) -> ([f64; N_PRODUCTS], [f64; N_PRODUCTS]) {
    let mut out = *q;
    let mut cut = [0.0; N_PRODUCTS];
    if energy_use(&out, it, kappa, elec_2020, exempt).counted <= quota {
        return (out, cut);
    }
    // Order by value per tce of energy used. The order does not depend on the exemption, so the exemption
    // (which lowers counted energy at every point of the same path) can only stop the cutting earlier.
    let mut order: Vec<(f64, usize)> = (0..N_PRODUCTS)
        .filter(|&i| q[i] > 0.0)
        .map(|i| {
            let e = it.fuel[i] + kappa * it.elec[i];
            let v = if e > 0.0 {
                value_per_unit[i] / e
            } else {
                f64::INFINITY
            };
            (v, i)
        })
        .collect();
    crate::small_sort::sort_by(&mut order, |a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    for (_, i) in order {
        let q0 = out[i];
        out[i] = 0.0;
        if energy_use(&out, it, kappa, elec_2020, exempt).counted > quota {
            cut[i] = 1.0;
            continue;
        }
        // Bisection: largest t in [0, q0] with counted(t) ≤ quota (counted is non-decreasing in t).
        let (mut lo, mut hi) = (0.0, q0);
        for _ in 0..60 {
            let mid = 0.5 * (lo + hi);
            out[i] = mid;
            if energy_use(&out, it, kappa, elec_2020, exempt).counted <= quota {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        out[i] = lo;
        cut[i] = if q0 > 0.0 { 1.0 - lo / q0 } else { 0.0 };
        break;
    }
    (out, cut)
}

/// Effective power price of the intensive steps and their output multiplier `m_e`.
pub fn power_response(c: &Ctx, year: u16) -> (f64, f64) {
    let eff = |price: f64, pref: f64, cov: f64| cov * pref + (1.0 - cov) * price;
    let p = eff(
        c.lever(L::PowerPrice, year),
        c.lever(L::PrefPrice, year),
        c.lever(L::PrefCoverage, year) / 100.0,
    );
    // The 2020 price the response is relative to: the levers' 2020 levels, which read the price parameters
    // (so overriding the 2020 price keeps 2020 output on the CSV). Every price lever's range is positive.
    let p2020 = eff(
        c.lever(L::PowerPrice, super::series::FIRST_YEAR),
        c.lever(L::PrefPrice, super::series::FIRST_YEAR),
        c.lever(L::PrefCoverage, super::series::FIRST_YEAR) / 100.0,
    );
    let m = (p / p2020).powf(c.p(P::PowerElasticity));
    (p, m)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::levers::spec as lspec;
    use crate::scenario::Scenario;
    use crate::test_util::{assert_close, p, with};

    /// Every lever is fully phased in by 2030.
    const YEAR: u16 = 2030;

    /// A hand-made intensity table: fuel in 万tce/unit, electricity in 亿kWh/unit.
    fn table(fuel: &[f64], elec: &[f64]) -> Intensities {
        let mut it = Intensities {
            fuel: [0.0; N_PRODUCTS],
            elec: [0.0; N_PRODUCTS],
            nonbf_tio2: 0.0,
        };
        it.fuel[..fuel.len()].copy_from_slice(fuel);
        it.elec[..elec.len()].copy_from_slice(elec);
        it
    }

    #[test]
    fn kappa_counts_electricity_at_the_equivalent_value_unless_the_coal_switch_is_on() {
        let reference = Scenario::reference();
        let c = Ctx::for_test(&reference);
        assert_close(kappa(&c), 10.0 * p(P::ElecEquivalent), "1.229 万tce/亿kWh");
        assert_close(kappa_quota(&c), 10.0 * p(P::ElecEquivalent), "quota κ");
        let s = with(&[(L::ElecConvention, 1.0)]);
        let c = Ctx::for_test(&s);
        assert_close(kappa(&c), 10.0 * p(P::ElecCoalEquivalent), "3.055");
        // The quota stays in its own convention.
        assert_close(kappa_quota(&c), 10.0 * p(P::ElecEquivalent), "quota κ");
    }

    #[test]
    fn fuel_intensity_is_the_csv_total_less_electricity_at_the_equivalent_value() {
        let s = Scenario::reference();
        let c = Ctx::for_test(&s);
        let v_per = 40.0; // t V2O5 per 万t V-Ti steel
        let it = intensities(&c, YEAR, v_per, p(P::NonBfTio2));
        let ee = p(P::ElecEquivalent) / 1000.0; // tce/kWh
        let bof = Product::BofOther as usize;
        // Per 万t products: 万tce/万t = tce/t, 亿kWh/万t = kWh/t / 10⁴.
        assert_close(
            it.fuel[bof] * 1000.0 + it.elec[bof] * 1e4 * p(P::ElecEquivalent),
            p(P::BofEnergy),
            "BF-BOF fuel + electricity = 560 kgce/t",
        );
        assert_close(it.elec[bof], p(P::BofElec) / 1e4, "BF-BOF electricity");
        let sulf = Product::Tio2Sulfate as usize;
        assert_close(
            it.fuel[sulf] + it.elec[sulf] * 1e4 * ee,
            p(P::Tio2SulfEnergy),
            "sulfate TiO2 total",
        );
        assert_close(
            it.fuel[Product::Eaf as usize],
            p(P::EafFuel) / 1000.0,
            "EAF fuel",
        );
        assert_close(
            it.elec[Product::Eaf as usize],
            p(P::EafElec) / 1e4,
            "EAF elec",
        );
        // Slag is folded into chloride TiO2 and sponge.
        assert_close(
            it.elec[Product::Tio2Chloride as usize],
            (p(P::Tio2ChlElec) + p(P::SlagPerChloride) * p(P::SlagElec)) / 1e4,
            "chloride TiO2 with its slag",
        );
        assert_close(
            it.elec[Product::Sponge as usize],
            (p(P::SpongeElec) + p(P::SlagPerSponge) * p(P::SlagElec)) / 1e8,
            "sponge (per t) with its slag",
        );
        assert_close(
            it.elec[Product::ReMetal as usize],
            p(P::ReMetalElec) / 1e8,
            "RE metal",
        );
        assert_close(
            it.fuel[Product::ReSeparation as usize],
            p(P::ReSepEnergy) / 1e4,
            "RE separation",
        );
        // V-Ti steel carries its fuel premium and the V2O5 made from it: V2O5 total energy, split the same way.
        let vti = Product::BofVti as usize;
        assert_close(
            it.fuel[vti] - it.fuel[bof] * (1.0 + p(P::VtiPremium)),
            v_per * (p(P::V2o5Energy) - p(P::V2o5Elec) * ee) / 1e4,
            "V2O5 fuel in V-Ti steel",
        );
        assert_close(
            it.elec[vti] - it.elec[bof],
            v_per * p(P::V2o5Elec) / 1e8,
            "V2O5 electricity in V-Ti steel",
        );
    }

    #[test]
    fn energy_is_fuel_plus_kappa_times_electricity_and_the_exemption_counts_only_growth() {
        let it = table(&[0.5, 0.0, 0.07], &[0.04, 0.0, 0.04]);
        let mut q = [0.0; N_PRODUCTS];
        q[0] = 100.0;
        q[2] = 50.0;
        let (fuel, elec) = (100.0 * 0.5 + 50.0 * 0.07, 150.0 * 0.04);
        let k = 1.229;
        let u = energy_use(&q, &it, k, 0.0, None);
        assert_close(u.elec, elec, "electricity");
        assert_close(u.total, fuel + k * elec, "E = Σ q·f + κ·Σ q·e");
        assert_close(u.counted, u.total, "no exemption");
        // Coal-equivalent κ: only the electricity term grows.
        let coal = energy_use(&q, &it, 3.055, 0.0, None);
        assert_close(coal.total - u.total, (3.055 - k) * elec, "κ response");
        // Exemption: X = 0.87 · κ · max(0, Elec − Elec₂₀₂₀).
        let ex = energy_use(&q, &it, k, 2.0, Some(0.87));
        assert_close(ex.exempt, 0.87 * k * (elec - 2.0), "exempt growth");
        assert_close(ex.counted, ex.total - ex.exempt, "counted = E − X");
        let below = energy_use(&q, &it, k, elec + 1.0, Some(0.87));
        assert_close(below.exempt, 0.0, "no exemption below the 2020 level");
    }

    #[test]
    fn curtailment_cuts_the_least_value_per_tce_first_just_enough_to_meet_the_quota() {
        // Three products of 10 units; energy per unit 1, 2 (half of it electricity), 1 tce.
        let it = table(&[1.0, 1.0, 1.0], &[0.0, 1.0, 0.0]);
        let mut q = [0.0; N_PRODUCTS];
        q[..3].copy_from_slice(&[10.0, 10.0, 10.0]);
        // Value per tce: 10, 4/2 = 2, 3 — product 1 goes first, then product 2.
        let mut vpu = [0.0; N_PRODUCTS];
        vpu[..3].copy_from_slice(&[10.0, 4.0, 3.0]);
        let k = 1.0;
        assert_close(energy_use(&q, &it, k, 0.0, None).counted, 40.0, "uncut");
        let (out, cut) = curtail(&q, &it, &vpu, k, 0.0, None, 50.0);
        assert_eq!(
            (out, cut),
            (q, [0.0; N_PRODUCTS]),
            "under the quota: no cut"
        );
        let (out, cut) = curtail(&q, &it, &vpu, k, 0.0, None, 30.0);
        assert_close(out[1], 5.0, "product 1 cut by 10 tce");
        assert_close(cut[1], 0.5, "half of product 1");
        assert_eq!((out[0], out[2]), (10.0, 10.0), "the others untouched");
        let (out, cut) = curtail(&q, &it, &vpu, k, 0.0, None, 15.0);
        assert_close(cut[1], 1.0, "product 1 cut to zero first");
        assert_close(out[2], 5.0, "then product 2 just enough");
        assert_close(cut[2], 0.5, "half of product 2");
        assert_close(out[0], 10.0, "the most valuable use kept");
        assert_close(
            energy_use(&out, &it, k, 0.0, None).counted,
            15.0,
            "quota met",
        );
    }

    #[test]
    fn the_preferential_price_lowers_the_effective_price_and_raises_output_by_the_elasticity() {
        let reference = Scenario::reference();
        let (p0, m0) = power_response(&Ctx::for_test(&reference), YEAR);
        assert_close(p0, lspec(L::PowerPrice).base, "2020 price, no coverage");
        assert_close(m0, 1.0, "no response at the 2020 price");
        let s = with(&[
            (L::PrefCoverage, 50.0),
            (L::PrefPrice, 0.30),
            (L::PowerPrice, 0.50),
        ]);
        let (pe, m) = power_response(&Ctx::for_test(&s), YEAR);
        let want = 0.5 * 0.30 + 0.5 * 0.50;
        assert_close(pe, want, "p_eff = c·p_pref + (1 − c)·p");
        assert_close(
            m,
            (want / lspec(L::PowerPrice).base).powf(p(P::PowerElasticity)),
            "m_e = (p_eff / p_eff,2020)^ε",
        );
        // Raising the large-industry price with no coverage: m_e falls by the elasticity.
        let s = with(&[(L::PowerPrice, 0.60)]);
        let (pe, m) = power_response(&Ctx::for_test(&s), YEAR);
        assert_close(pe, 0.60, "p_eff = p at 0 % coverage");
        assert_close(
            m,
            (0.60 / lspec(L::PowerPrice).base).powf(p(P::PowerElasticity)),
            "m_e at 0.60 yuan/kWh",
        );
        assert!(m < 1.0);
    }

    #[test]
    fn every_product_has_its_own_stable_key_and_only_electric_steps_are_intensive() {
        let keys: Vec<&str> = Product::ALL.iter().map(|p| p.key()).collect();
        assert_eq!(
            keys,
            [
                "bof_vti",
                "bof_other",
                "eaf",
                "tio2_sulfate",
                "tio2_chloride",
                "ti_slag_sold",
                "ti_sponge",
                "bf_slag_ti",
                "re_separation",
                "re_metal",
                "nonbf_vti"
            ]
        );
        let intensive: Vec<Product> = Product::ALL
            .iter()
            .copied()
            .filter(|p| is_intensive(*p))
            .collect();
        assert_eq!(
            intensive,
            [
                Product::Eaf,
                Product::Tio2Chloride,
                Product::SlagSold,
                Product::Sponge,
                Product::BfSlagTi,
                Product::ReMetal
            ]
        );
    }

    #[test]
    fn each_products_intensity_is_its_csv_figures_and_the_non_bf_route_carries_its_v2o5_and_tio2() {
        let s = with(&[(L::EffBof, 10.0), (L::EffEaf, 20.0)]);
        let c = Ctx::for_test(&s);
        let v_per = 30.0;
        let it = intensities(&c, YEAR, v_per, p(P::NonBfTio2));
        let ee = p(P::ElecEquivalent) / 1000.0;
        let v_fuel = (p(P::V2o5Energy) - p(P::V2o5Elec) * ee) / 1e4 * v_per;
        let v_elec = p(P::V2o5Elec) / 1e8 * v_per;
        let chl_fuel = p(P::Tio2ChlEnergy) - p(P::Tio2ChlElec) * ee;
        let nb = Product::NonBfVti as usize;
        assert_close(
            it.fuel[nb],
            p(P::NonBfFuel) / 1000.0 + v_fuel + p(P::NonBfTio2) * chl_fuel,
            "non-BF fuel",
        );
        assert_close(
            it.elec[nb],
            p(P::NonBfElec) / 1e4 + v_elec + p(P::NonBfTio2) * p(P::Tio2ChlElec) / 1e4,
            "non-BF electricity",
        );
        let bof_fuel = (p(P::BofEnergy) - p(P::BofElec) * p(P::ElecEquivalent)) / 1000.0;
        assert_close(
            it.fuel[Product::BofOther as usize],
            0.9 * bof_fuel,
            "BF-BOF at 90 %",
        );
        assert_close(
            it.fuel[Product::BofVti as usize],
            0.9 * bof_fuel * (1.0 + p(P::VtiPremium)) + v_fuel,
            "V-Ti BF-BOF at 90 %, with its premium and V2O5",
        );
        assert_close(
            it.elec[Product::BofOther as usize],
            p(P::BofElec) / 1e4,
            "BF-BOF power unchanged",
        );
        assert_close(
            it.fuel[Product::Eaf as usize],
            0.8 * p(P::EafFuel) / 1000.0,
            "EAF fuel at 80 %",
        );
        assert_close(
            it.elec[Product::Eaf as usize],
            0.8 * p(P::EafElec) / 1e4,
            "EAF power at 80 %",
        );
        assert_close(
            it.fuel[Product::Tio2Sulfate as usize],
            p(P::Tio2SulfEnergy) - p(P::Tio2SulfElec) * ee,
            "sulfate TiO2",
        );
        assert_close(
            it.fuel[Product::Tio2Chloride as usize],
            chl_fuel,
            "chloride TiO2",
        );
    }

    #[test]
    fn covered_steps_pay_the_blend_of_the_preferential_and_the_large_industry_price() {
        let s = with(&[
            (L::PrefCoverage, 50.0),
            (L::PrefPrice, 0.30),
            (L::PowerPrice, 0.50),
        ]);
        let c = Ctx::for_test(&s);
        let (price, m) = power_response(&c, YEAR);
        assert_close(price, 0.5 * 0.30 + 0.5 * 0.50, "half at each price");
        let p2020 = p(P::PowerPrice2020);
        assert_close(m, (0.40 / p2020).powf(p(P::PowerElasticity)), "m_e");
        // 2020 always responds 1, whatever the 2020 price parameter says.
        let mut o = Scenario::reference();
        o.set_param(P::PowerPrice2020, 0.55);
        let c = Ctx::for_test(&o);
        assert_close(power_response(&c, 2020).1, 1.0, "2020 at its own price");
    }
}
