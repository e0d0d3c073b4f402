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
//! Titanium slag for chloride TiO2 and sponge (2,700 kWh/t slag) is folded into those products' `e`; the
//! V2O5 made from a tonne of V-Ti hot metal is folded into V-Ti BF-BOF steel, since it cannot be made without it.
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
use super::simulate::Ctx;
use crate::text::Text;

/// Products the energy quota can curtail.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Product {
    /// BF-BOF steel on V-Ti ore, with its V2O5 (万t crude steel).
    BofVti,
    /// BF-BOF steel on ordinary ore (万t).
    BofOther,
    /// EAF steel (万t).
    Eaf,
    /// Sulfate-route TiO2 (万t).
    Tio2Sulfate,
    /// Chloride-route TiO2 with its slag (万t).
    Tio2Chloride,
    /// Titanium slag sold out of province (万t).
    SlagSold,
    /// Titanium sponge with its slag (t).
    Sponge,
    /// TiO2 from blast-furnace slag (万t).
    BfSlagTi,
    /// Rare-earth separation (t REO).
    ReSeparation,
    /// Rare-earth metal (t).
    ReMetal,
}

pub const N_PRODUCTS: usize = 10;

impl Product {
    pub const ALL: [Product; N_PRODUCTS] = [
        Product::BofVti,
        Product::BofOther,
        Product::Eaf,
        Product::Tio2Sulfate,
        Product::Tio2Chloride,
        Product::SlagSold,
        Product::Sponge,
        Product::BfSlagTi,
        Product::ReSeparation,
        Product::ReMetal,
    ];
    pub fn key(self) -> &'static str {
        match self {
            Product::BofVti => "bof_vti",
            Product::BofOther => "bof_other",
            Product::Eaf => "eaf",
            Product::Tio2Sulfate => "tio2_sulfate",
            Product::Tio2Chloride => "tio2_chloride",
            Product::SlagSold => "ti_slag_sold",
            Product::Sponge => "ti_sponge",
            Product::BfSlagTi => "bf_slag_ti",
            Product::ReSeparation => "re_separation",
            Product::ReMetal => "re_metal",
        }
    }
    pub fn label(self) -> Text {
        match self {
            Product::BofVti => Text::new(
                "钒钛矿长流程钢（含钒）",
                "BF-BOF steel on V-Ti ore (with its vanadium)",
            ),
            Product::BofOther => Text::new("普通矿长流程钢", "BF-BOF steel on ordinary ore"),
            Product::Eaf => Text::new("电炉钢", "EAF steel"),
            Product::Tio2Sulfate => Text::new("硫酸法钛白粉", "Sulfate-route TiO2"),
            Product::Tio2Chloride => Text::new("氯化法钛白粉", "Chloride-route TiO2"),
            Product::SlagSold => Text::new("外销钛渣", "Titanium slag sold out of province"),
            Product::Sponge => Text::new("海绵钛", "Titanium sponge"),
            Product::BfSlagTi => Text::new("高炉渣提钛", "Ti from blast-furnace slag"),
            Product::ReSeparation => Text::new("稀土冶炼分离", "Rare-earth separation"),
            Product::ReMetal => Text::new("稀土金属", "Rare-earth metal"),
        }
    }
}

/// Per-unit fuel (万tce) and electricity (亿kWh) of each product in its own unit.
#[derive(Clone, Copy, Debug)]
pub struct Intensities {
    pub fuel: [f64; N_PRODUCTS],
    pub elec: [f64; N_PRODUCTS],
}

/// Electricity conversion factor κ in 万tce per 亿kWh (0.1229 kgce/kWh → 1.229).
pub fn kappa(c: &Ctx, year: u16) -> f64 {
    let coal = c.lever(L::ElecConvention, year) >= 0.5;
    10.0 * if coal {
        c.p(P::ElecCoalEquivalent)
    } else {
        c.p(P::ElecEquivalent)
    }
}

/// Builds the intensity table; `v2o5_per_bof_vti` is t V2O5 per 万t V-Ti steel this year.
pub fn intensities(c: &Ctx, v2o5_per_bof_vti: f64) -> Intensities {
    let ee = c.p(P::ElecEquivalent) / 1000.0; // tce per kWh
    let slag_e = c.p(P::SlagElec);
    // Per 万t products: fuel tce/t → 万tce per 万t; kWh/t → 亿kWh per 万t is /1e4.
    // Per t products: fuel tce/t → 万tce per t is /1e4; kWh/t → 亿kWh per t is /1e8.
    let v_fuel = (c.p(P::V2o5Energy) - c.p(P::V2o5Elec) * ee) / 1e4 * v2o5_per_bof_vti;
    let v_elec = c.p(P::V2o5Elec) / 1e8 * v2o5_per_bof_vti;
    let bof_fuel = (c.p(P::BofEnergy) - c.p(P::BofElec) * c.p(P::ElecEquivalent)) / 1000.0;
    let bof_elec = c.p(P::BofElec) / 1e4;
    let fuel = [
        bof_fuel + v_fuel,
        bof_fuel,
        c.p(P::EafFuel) / 1000.0,
        c.p(P::Tio2SulfEnergy) - c.p(P::Tio2SulfElec) * ee,
        c.p(P::Tio2ChlEnergy) - c.p(P::Tio2ChlElec) * ee,
        0.0,
        0.0,
        0.0,
        c.p(P::ReSepEnergy) / 1e4,
        0.0,
    ];
    let elec = [
        bof_elec + v_elec,
        bof_elec,
        c.p(P::EafElec) / 1e4,
        c.p(P::Tio2SulfElec) / 1e4,
        (c.p(P::Tio2ChlElec) + c.p(P::SlagPerChloride) * slag_e) / 1e4,
        slag_e / 1e4,
        (c.p(P::SpongeElec) + c.p(P::SlagPerSponge) * slag_e) / 1e8,
        c.p(P::BfSlagTiElec) / 1e4,
        0.0,
        c.p(P::ReMetalElec) / 1e8,
    ];
    Intensities { fuel, elec }
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
    let p2020 = eff(
        super::levers::spec(L::PowerPrice).base,
        super::levers::spec(L::PrefPrice).base,
        super::levers::spec(L::PrefCoverage).base / 100.0,
    );
    let m = if p > 0.0 && p2020 > 0.0 {
        (p / p2020).powf(c.p(P::PowerElasticity))
    } else {
        1.0
    };
    (p, m)
}
