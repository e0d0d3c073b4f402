//! Titanium: concentrate, TiO2 by route, slag, sponge, materials and Ti from blast-furnace slag.
//!
//! ```text
//! Ti concentrate [万t] = ore · y_ti · R_ti                     (y_ti calibrated: 2020 → 600万吨 at R_ti = 20 %)
//! TiO2 potential       = K_tio2 · u_tio2                        (u = 0.80, the national operating rate)
//! chloride             = potential · χ · min(m_e, 1/u)          (χ = chloride share; electricity-intensive slag)
//! sulfate              = potential · (1 − χ)
//! sponge [t]           = K_sponge · min(1, u_sp · m_e)
//! slag [万t]           = 1.3 · chloride + 2.3 · sponge/10⁴ + slag sold out of province (35)
//! concentrate need     = 2.4 · sulfate + 1.8 · slag             (scaled down together if above supply)
//! TiO2 from BF slag    = lever · min(1, m_e)
//! Ti recovery          = R_ti + TiO2 from BF slag / TiO2 in ore
//! ```
//!
//! The share `δ` of sponge processed into materials in Sichuan is valued at 2.5× sponge (see
//! [`super::value`]). `m_e` is the power-price response from [`super::energy`].

use super::levers::LeverId as L;
use super::params::ParamId as P;
use super::simulate::Ctx;

#[derive(Clone, Copy, Debug, Default)]
pub struct Titanium {
    pub concentrate: f64,
    pub sulfate: f64,
    pub chloride: f64,
    pub slag_sold: f64,
    pub sponge: f64,
    pub bf_slag_tio2: f64,
    pub deep_share: f64,
    pub tio2_in_ore: f64,
    pub conc_limited: bool,
}

impl Titanium {
    pub fn slag(&self, c: &Ctx) -> f64 {
        self.chloride * c.p(P::SlagPerChloride)
            + self.sponge / 1e4 * c.p(P::SlagPerSponge)
            + self.slag_sold
    }
}

pub fn titanium(c: &Ctx, year: u16, ore_mined: f64, m_e: f64) -> Titanium {
    let concentrate = ore_mined * c.cal.ti_yield * c.lever(L::TiRecovery, year) / 100.0;
    let u = c.p(P::Tio2Util);
    let potential = c.lever(L::Tio2Capacity, year) * u;
    let chi = c.lever(L::ChlorideShare, year) / 100.0;
    let mut chloride = potential * chi * m_e.min(1.0 / u);
    let mut sulfate = potential * (1.0 - chi);
    let mut sponge = c.lever(L::SpongeCapacity, year) * (c.p(P::SpongeUtil) * m_e).min(1.0);
    let mut slag_sold = c.p(P::SlagExternal);
    let slag =
        chloride * c.p(P::SlagPerChloride) + sponge / 1e4 * c.p(P::SlagPerSponge) + slag_sold;
    let need = sulfate * c.p(P::ConcPerSulfate) + slag * c.p(P::ConcPerSlag);
    let conc_limited = need > concentrate + 1e-9;
    if conc_limited {
        let f = if need > 0.0 { concentrate / need } else { 0.0 };
        chloride *= f;
        sulfate *= f;
        sponge *= f;
        slag_sold *= f;
    }
    Titanium {
        concentrate,
        sulfate,
        chloride,
        slag_sold,
        sponge,
        bf_slag_tio2: c.lever(L::BfSlagTi, year) * m_e.min(1.0),
        deep_share: c.lever(L::TiDeepProcessing, year) / 100.0,
        tio2_in_ore: ore_mined * c.cal.tio2_per_ore,
        conc_limited,
    }
}
