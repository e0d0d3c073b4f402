//! CO2: direct (fuel and process) and indirect (electricity × grid factor), by sub-sector.
//!
//! ```text
//! direct steel   = 1.95 · (1 + 6 %) · BOF_vti + 1.95 · BOF_oth + 0.35 · EAF   [t CO2/t crude steel]
//! direct V, Ti, RE = fuel tce · 2.66 t CO2/tce  (+ 1.34 t/t process CO2 for chloride TiO2, IPCC 2006)
//! indirect       = Elec [亿kWh] · grid factor [kg/kWh] · 0.1     [Mt]
//! grid factor    = 0.1255 (2021, used for 2020) → lever value in 2030, linear, held after
//! ```
//!
//! The BF-BOF direct factor is the literature's 2.0 t/t total less its electricity at the 2021 Sichuan factor;
//! V-Ti furnaces carry the same 6 % premium as their fuel; the EAF factor is set so BF-BOF → EAF saves the
//! FACT 1.6 t CO2/t (both routes use about 400 kWh/t).

use super::params::ParamId as P;
use crate::ctx::Ctx;
use crate::energy::Intensities;
use crate::product::{Product, N_PRODUCTS};

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
        Product::BofVti | Product::BofOther | Product::Eaf | Product::NonBfVti => 0,
        Product::Tio2Sulfate
        | Product::Tio2Chloride
        | Product::SlagSold
        | Product::Sponge
        | Product::BfSlagTi => 2,
        Product::ReSeparation | Product::ReMetal => 3,
    }
}

/// Emissions of final quantities `q` in `year` (V2O5 `v2o5` in t, `v_it` its fuel 万tce/t and elec 亿kWh/t).
pub fn co2(
    c: &Ctx,
    year: u16,
    q: &[f64; N_PRODUCTS],
    it: &Intensities,
    v2o5: f64,
    v_it: (f64, f64),
    grid: f64,
) -> Co2 {
    let fuel_f = c.p(P::FuelCo2) / 100.0; // 万tce → Mt CO2
    let grid_mt = grid * 0.1; // Mt per 亿kWh
    let (f_bof, f_eaf) = super::energy::efficiency(c, year);
    let (vti, nb) = (Product::BofVti as usize, Product::NonBfVti as usize);
    // Both V-Ti routes carry the year's V2O5 in their intensity, in proportion to their output.
    let v_share = |i: usize| {
        let both = q[vti] + q[nb];
        if both > 0.0 {
            v2o5 * q[i] / both
        } else {
            0.0
        }
    };
    // The chloride TiO2 made from the non-BF route's Ti-rich slag is titanium's: fuel, electricity, process CO2.
    let nb_tio2 = q[nb] * it.nonbf_tio2;
    let ee = c.p(P::ElecEquivalent) / 1000.0;
    let nb_ti_fuel = nb_tio2 * (c.p(P::Tio2ChlEnergy) - c.p(P::Tio2ChlElec) * ee);
    let nb_ti_elec = nb_tio2 * c.p(P::Tio2ChlElec) / 1e4;
    let mut out = Co2::default();
    for p in Product::ALL {
        let i = p as usize;
        // V-Ti steel's electricity includes its V2O5's (split back out to vanadium below) and, for the non-BF
        // route, its chloride TiO2's (titanium's). Steel's direct CO2 is a factor per tonne, not its fuel.
        let elec = match p {
            Product::BofVti => q[i] * it.elec[i] - v_share(i) * v_it.1,
            Product::NonBfVti => q[i] * it.elec[i] - v_share(i) * v_it.1 - nb_ti_elec,
            _ => q[i] * it.elec[i],
        };
        let direct = match p {
            Product::BofVti => {
                q[i] * c.p(P::BofDirectCo2) * (1.0 + c.p(P::VtiPremium)) * f_bof / 100.0
            }
            Product::BofOther => q[i] * c.p(P::BofDirectCo2) * f_bof / 100.0,
            Product::Eaf => q[i] * c.p(P::EafDirectCo2) * f_eaf / 100.0,
            Product::NonBfVti => q[i] * c.p(P::NonBfDirectCo2) / 100.0,
            Product::Tio2Chloride => {
                q[i] * it.fuel[i] * fuel_f + q[i] * c.p(P::Tio2ChlProcessCo2) / 100.0
            }
            _ => q[i] * it.fuel[i] * fuel_f,
        };
        let indirect = elec.max(0.0) * grid_mt;
        out.direct += direct;
        out.indirect += indirect;
        out.by_sector[sector(p)] += direct + indirect;
    }
    let nb_ti_direct = nb_ti_fuel * fuel_f + nb_tio2 * c.p(P::Tio2ChlProcessCo2) / 100.0;
    let nb_ti_indirect = nb_ti_elec.max(0.0) * grid_mt;
    out.direct += nb_ti_direct;
    out.indirect += nb_ti_indirect;
    out.by_sector[2] += nb_ti_direct + nb_ti_indirect;
    let v_direct = v2o5 * v_it.0 * fuel_f;
    let v_indirect = v2o5 * v_it.1 * grid_mt;
    out.direct += v_direct;
    out.indirect += v_indirect;
    out.by_sector[1] += v_direct + v_indirect;
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::energy::intensities;
    use crate::scenario::Scenario;
    use crate::test_util::{assert_close, p};

    /// A year with every lever fully phased in.
    const YEAR: u16 = 2030;
    /// t V2O5 per 万t V-Ti steel used for the intensity table in these tests.
    const V_PER: f64 = 40.0;

    /// V2O5's own fuel (万tce/t) and electricity (亿kWh/t), as `simulate` passes them.
    fn v_it() -> (f64, f64) {
        let ee = p(P::ElecEquivalent) / 1000.0;
        (
            (p(P::V2o5Energy) - p(P::V2o5Elec) * ee) / 1e4,
            p(P::V2o5Elec) / 1e8,
        )
    }

    fn only(pairs: &[(Product, f64)]) -> [f64; N_PRODUCTS] {
        let mut q = [0.0; N_PRODUCTS];
        for &(prod, x) in pairs {
            q[prod as usize] = x;
        }
        q
    }

    #[test]
    fn steel_direct_co2_uses_the_per_tonne_factors_and_indirect_the_grid_factor() {
        let s = Scenario::reference();
        let c = Ctx::for_test(&s);
        let it = intensities(&c, YEAR, V_PER, p(P::NonBfTio2));
        let grid = 0.2;
        let q = only(&[(Product::BofOther, 100.0), (Product::Eaf, 50.0)]);
        let co = co2(&c, YEAR, &q, &it, 0.0, v_it(), grid);
        // 万t × t/t = 万t CO2; /100 → Mt.
        let direct = (100.0 * p(P::BofDirectCo2) + 50.0 * p(P::EafDirectCo2)) / 100.0;
        // 亿kWh × kg/kWh × 0.1 = Mt.
        let elec =
            100.0 * it.elec[Product::BofOther as usize] + 50.0 * it.elec[Product::Eaf as usize];
        assert_close(co.direct, direct, "direct = 1.95·BOF + 0.20·EAF");
        assert_close(
            co.indirect,
            elec * grid * 0.1,
            "indirect = Elec · grid · 0.1",
        );
        assert_close(co.by_sector[0], direct + elec * grid * 0.1, "all in steel");
        assert_eq!(co.by_sector[1..], [0.0; 3], "nothing in the other sectors");
    }

    #[test]
    fn titanium_and_rare_earth_fuel_burns_at_2_66_and_chloride_tio2_adds_process_co2() {
        let s = Scenario::reference();
        let c = Ctx::for_test(&s);
        let it = intensities(&c, YEAR, V_PER, p(P::NonBfTio2));
        let q = only(&[
            (Product::Tio2Sulfate, 10.0),
            (Product::Tio2Chloride, 5.0),
            (Product::ReSeparation, 1000.0),
        ]);
        // Grid 0: direct only.
        let co = co2(&c, YEAR, &q, &it, 0.0, v_it(), 0.0);
        let fuel_f = p(P::FuelCo2) / 100.0;
        let ti = (10.0 * it.fuel[Product::Tio2Sulfate as usize]
            + 5.0 * it.fuel[Product::Tio2Chloride as usize])
            * fuel_f
            + 5.0 * p(P::Tio2ChlProcessCo2) / 100.0;
        let re = 1000.0 * it.fuel[Product::ReSeparation as usize] * fuel_f;
        assert_close(
            co.by_sector[2],
            ti,
            "titanium: fuel · 2.66 + 1.34 · chloride",
        );
        assert_close(co.by_sector[3], re, "rare earth: fuel · 2.66");
        assert_close(co.direct, ti + re, "direct");
        assert_close(co.indirect, 0.0, "no grid, no indirect");
    }

    #[test]
    fn v2o5_emissions_move_from_v_ti_steel_to_vanadium_and_indirect_stays_electricity_times_grid() {
        let s = Scenario::reference();
        let c = Ctx::for_test(&s);
        let it = intensities(&c, YEAR, V_PER, p(P::NonBfTio2));
        let grid = 0.3;
        let bof = 100.0;
        let v2o5 = bof * V_PER;
        let q = only(&[(Product::BofVti, bof)]);
        let (vf, ve) = v_it();
        let co = co2(&c, YEAR, &q, &it, v2o5, (vf, ve), grid);
        let fuel_f = p(P::FuelCo2) / 100.0;
        assert_close(
            co.by_sector[1],
            v2o5 * (vf * fuel_f + ve * grid * 0.1),
            "vanadium: its fuel and its electricity",
        );
        let steel_elec = bof * it.elec[Product::BofVti as usize] - v2o5 * ve;
        assert_close(
            co.by_sector[0],
            bof * p(P::BofDirectCo2) * (1.0 + p(P::VtiPremium)) / 100.0 + steel_elec * grid * 0.1,
            "steel without the V2O5 (V-Ti furnaces at their premium)",
        );
        assert_close(
            co.indirect,
            bof * it.elec[Product::BofVti as usize] * grid * 0.1,
            "indirect counts the whole electricity once",
        );
    }

    #[test]
    fn doubling_the_grid_factor_doubles_indirect_co2_and_leaves_direct_alone() {
        let s = Scenario::reference();
        let c = Ctx::for_test(&s);
        let it = intensities(&c, YEAR, V_PER, p(P::NonBfTio2));
        let mut q = [0.0; N_PRODUCTS];
        for (i, x) in q.iter_mut().enumerate() {
            *x = 10.0 * (i + 1) as f64;
        }
        let v2o5 = q[Product::BofVti as usize] * V_PER;
        let a = co2(&c, YEAR, &q, &it, v2o5, v_it(), 0.1255);
        let b = co2(&c, YEAR, &q, &it, v2o5, v_it(), 0.251);
        assert!(a.indirect > 0.0);
        assert_close(b.indirect, 2.0 * a.indirect, "indirect doubles");
        assert_close(b.direct, a.direct, "direct unchanged");
        let elec: f64 = q.iter().zip(it.elec).map(|(x, e)| x * e).sum();
        assert_close(
            a.indirect,
            elec * 0.1255 * 0.1,
            "indirect = Elec · grid · 0.1",
        );
        assert_close(
            a.by_sector.iter().sum::<f64>(),
            a.direct + a.indirect,
            "sectors add up",
        );
    }

    #[test]
    fn the_non_bf_route_splits_its_co2_between_steel_vanadium_and_titanium() {
        let s = Scenario::reference();
        let c = Ctx::for_test(&s);
        let it = intensities(&c, YEAR, V_PER, p(P::NonBfTio2));
        let (grid, nb) = (0.3, 100.0);
        let v2o5 = nb * V_PER;
        let (vf, ve) = v_it();
        let q = only(&[(Product::NonBfVti, nb)]);
        let co = co2(&c, YEAR, &q, &it, v2o5, (vf, ve), grid);
        let fuel_f = p(P::FuelCo2) / 100.0;
        let ee = p(P::ElecEquivalent) / 1000.0;
        let tio2 = nb * p(P::NonBfTio2);
        let ti_fuel = tio2 * (p(P::Tio2ChlEnergy) - p(P::Tio2ChlElec) * ee);
        let ti_elec = tio2 * p(P::Tio2ChlElec) / 1e4;
        let i = Product::NonBfVti as usize;
        let steel_elec = nb * it.elec[i] - v2o5 * ve - ti_elec;
        assert_close(
            co.by_sector[0],
            nb * p(P::NonBfDirectCo2) / 100.0 + steel_elec * grid * 0.1,
            "steel: 0.8 t/t and its own electricity",
        );
        assert_close(
            co.by_sector[2],
            ti_fuel * fuel_f + tio2 * p(P::Tio2ChlProcessCo2) / 100.0 + ti_elec * grid * 0.1,
            "titanium: the chloride TiO2 from its slag",
        );
        assert_close(
            co.by_sector[1],
            v2o5 * (vf * fuel_f + ve * grid * 0.1),
            "vanadium: its V2O5",
        );
        assert_close(
            co.indirect,
            nb * it.elec[i] * grid * 0.1,
            "indirect counts the whole electricity once",
        );
        assert_close(
            co.direct + co.indirect,
            co.by_sector.iter().sum(),
            "sectors add up",
        );
    }

    #[test]
    fn v2o5_is_split_between_the_two_v_ti_routes_by_their_output_and_no_v_ti_steel_is_finite() {
        let s = Scenario::reference();
        let c = Ctx::for_test(&s);
        let it = intensities(&c, YEAR, V_PER, p(P::NonBfTio2));
        let (vf, ve) = v_it();
        let grid = 0.2;
        let q = only(&[(Product::BofVti, 300.0), (Product::NonBfVti, 100.0)]);
        let v2o5 = 400.0 * V_PER;
        let co = co2(&c, YEAR, &q, &it, v2o5, (vf, ve), grid);
        let tio2 = 100.0 * p(P::NonBfTio2);
        let ti_elec = tio2 * p(P::Tio2ChlElec) / 1e4;
        let (bi, ni) = (Product::BofVti as usize, Product::NonBfVti as usize);
        // Each route's steel electricity is its own less three quarters / one quarter of the V2O5's.
        let steel_indirect = (300.0 * it.elec[bi] - 0.75 * v2o5 * ve + 100.0 * it.elec[ni]
            - 0.25 * v2o5 * ve
            - ti_elec)
            * grid
            * 0.1;
        let steel_direct = 300.0 * p(P::BofDirectCo2) * (1.0 + p(P::VtiPremium)) / 100.0
            + 100.0 * p(P::NonBfDirectCo2) / 100.0;
        assert_close(co.by_sector[0], steel_direct + steel_indirect, "steel");
        // Without V-Ti steel (and so without V2O5) nothing divides by zero.
        let q = only(&[(Product::Eaf, 500.0)]);
        let co = co2(&c, YEAR, &q, &it, 0.0, (vf, ve), grid);
        assert!(co.direct.is_finite() && co.indirect.is_finite());
        assert_close(co.by_sector[1], 0.0, "no vanadium");
    }
}
