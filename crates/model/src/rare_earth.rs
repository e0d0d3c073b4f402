//! Rare earths: quota, imported ore, separation, metal and magnets.
//!
//! ```text
//! mined [t REO]     = quota                                   (Sichuan's share of the national quota)
//! separated         = min(mined + imported, separation capacity)
//! NdPr oxide        = separated · 0.17                        (bastnaesite NdPr share)
//! metal [t]         = min(NdPr · δ · m_e, NdPr) · 0.86         (δ = deep-processing share, m_e power response)
//! ```
//!
//! So separated ≤ quota + imports always holds. Mined ore beyond the separation capacity leaves Sichuan as
//! concentrate (not valued here). Metal electrolysis uses 9,000 kWh/t; separation 3 tce/t REO.

use super::levers::LeverId as L;
use super::params::ParamId as P;
use super::simulate::Ctx;

#[derive(Clone, Copy, Debug, Default)]
pub struct RareEarth {
    pub mined: f64,
    pub imported: f64,
    pub separated: f64,
    pub metal: f64,
}

pub fn rare_earth(c: &Ctx, year: u16, m_e: f64) -> RareEarth {
    let mined = c.lever(L::ReQuota, year);
    let imported = c.lever(L::ReImported, year);
    let separated = (mined + imported).min(c.lever(L::ReSeparation, year));
    let ndpr = separated * c.p(P::NdprShare);
    let deep = c.lever(L::ReDeep, year) / 100.0;
    let metal = (ndpr * deep * m_e).min(ndpr) * c.p(P::MetalPerOxide);
    RareEarth {
        mined,
        imported,
        separated,
        metal,
    }
}

/// NdPr metal per tonne of separated REO at full deep-processing (caps metal when separation is curtailed).
pub fn max_metal_per_separated(c: &Ctx) -> f64 {
    c.p(P::NdprShare) * c.p(P::MetalPerOxide)
}
