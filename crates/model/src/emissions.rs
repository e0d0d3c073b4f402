//! CO2: direct (fuel and process) and indirect (electricity × grid factor), by sub-sector.
//!
//! ```text
//! direct steel   = 1.95 · BOF + 0.20 · EAF                       [t CO2/t crude steel]
//! direct V, Ti, RE = fuel tce · 2.66 t CO2/tce  (+ 1.34 t/t process CO2 for chloride TiO2, IPCC 2006)
//! indirect       = Elec [亿kWh] · grid factor [kg/kWh] · 0.1     [Mt]
//! grid factor    = 0.1255 (2021, used for 2020) → lever value in 2030, linear, held after
//! ```
//!
//! The BF-BOF direct factor is the literature's 2.0 t/t total less its electricity at the 2021 Sichuan factor.

use super::energy::{Intensities, Product, N_PRODUCTS};
use super::params::ParamId as P;
use super::simulate::Ctx;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Co2 {
    pub direct: f64,
    pub indirect: f64,
    /// steel, vanadium, titanium, rare earth
    pub by_sector: [f64; 4],
}

/// Sector of each product's emissions: 0 steel, 1 vanadium, 2 titanium, 3 rare earth.
fn sector(p: Product) -> usize {
    match p {
        Product::BofVti | Product::BofOther | Product::Eaf => 0,
        Product::Tio2Sulfate
        | Product::Tio2Chloride
        | Product::SlagSold
        | Product::Sponge
        | Product::BfSlagTi => 2,
        Product::ReSeparation | Product::ReMetal => 3,
    }
}

/// Emissions of final quantities `q` (V2O5 `v2o5` in t, `v_it` its fuel 万tce/t and elec 亿kWh/t).
pub fn co2(
    c: &Ctx,
    q: &[f64; N_PRODUCTS],
    it: &Intensities,
    v2o5: f64,
    v_it: (f64, f64),
    grid: f64,
) -> Co2 {
    let fuel_f = c.p(P::FuelCo2) / 100.0; // 万tce → Mt CO2
    let grid_mt = grid * 0.1; // Mt per 亿kWh
    let mut out = Co2::default();
    for p in Product::ALL {
        let i = p as usize;
        // V-Ti steel's intensity includes its V2O5; split that back out to vanadium below.
        let (fuel, elec) = if p == Product::BofVti {
            (
                q[i] * it.fuel[i] - v2o5 * v_it.0,
                q[i] * it.elec[i] - v2o5 * v_it.1,
            )
        } else {
            (q[i] * it.fuel[i], q[i] * it.elec[i])
        };
        let direct = match p {
            Product::BofVti | Product::BofOther => q[i] * c.p(P::BofDirectCo2) / 100.0,
            Product::Eaf => q[i] * c.p(P::EafDirectCo2) / 100.0,
            Product::Tio2Chloride => fuel * fuel_f + q[i] * c.p(P::Tio2ChlProcessCo2) / 100.0,
            _ => fuel * fuel_f,
        };
        let indirect = elec.max(0.0) * grid_mt;
        out.direct += direct;
        out.indirect += indirect;
        out.by_sector[sector(p)] += direct + indirect;
    }
    let v_direct = v2o5 * v_it.0 * fuel_f;
    let v_indirect = v2o5 * v_it.1 * grid_mt;
    out.direct += v_direct;
    out.indirect += v_indirect;
    out.by_sector[1] += v_direct + v_indirect;
    out
}
