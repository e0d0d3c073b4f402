//! Output value (产业规模, 亿元, gross output on the basis of the guideline's 6,000亿元 target).
//!
//! ```text
//! steel     = k_s · crude · p_steel · (1 + premium) / 10⁴
//! vanadium  = k_v · V2O5 · p_V2O5 / 10⁸ + B · cost · 10            (B GWh/yr of flow batteries, 2.0 yuan/Wh)
//! Ti chem.  = k_ti · (Ti conc. · p_conc + TiO2 · p_TiO2) / 10⁴
//! Ti metal  = k_ti · sponge · p_sponge · (1 + δ·(2.5 − 1)) / 10⁸     (δ = share processed into materials)
//! RE        = k_re · (sep · (0.17·p_NdPr + 0.83·p_LaCe) + NdPr in metal · p_NdPr · (2.5 − 1)) / 10⁸
//! ```
//!
//! Prices follow the CSV's 2020–24 annual averages, then the price levers from 2025, each times its
//! uncertainty factor (1 unless drawn by an ensemble or overridden; see [`prices`]). The multipliers
//! `k` stand for processing depth beyond the priced product (rolling and finishing, alloys and chemicals,
//! mining and dressing, applications); each is calibrated so that 2020 reproduces that sub-sector's 2020
//! estimate in the CSV (steel takes the rest of the 2,900亿元 total). Gross output counts intermediate
//! products sold between firms, as the statistics do. `output_value_const` repeats the sum at 2020 prices,
//! for the energy-intensity target.

use super::levers::LeverId as L;
use super::params::{
    ParamId as P, NDPR_HISTORY, REBAR_HISTORY, SPONGE_HISTORY, TIO2_HISTORY, V2O5_HISTORY,
};
use crate::ctx::Ctx;
pub use crate::ctx::ValueK;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Prices {
    pub steel: f64,
    pub v2o5: f64,
    pub tio2: f64,
    pub sponge: f64,
    pub ndpr: f64,
    /// The special-steel and processing premium over rebar, a fraction (the premium lever / 100): a
    /// valuation, like a price.
    pub steel_premium: f64,
}

/// Prices in `year`: CSV history for 2020–2024 in every run, then the levers, each times its uncertainty
/// factor (`rebar_price_factor`, … : 1 unless overridden or drawn by an ensemble; its range is the spread of
/// the 2020–24 averages around their mean, so the ensemble carries price uncertainty into the projection
/// while history and the base year stay what they were). A price lever phases in like
/// any other: from the policy start year `S`, over its own span (2020 → its target year, five years), from
/// where the path stood the year before `S` (the 2024 average, or the reference's assumption after it).
/// With the default start (2020) that is full from 2025, the first year history leaves free; with a later
/// start it is a fifth of the way a year (it used to switch in one step: +112 % output value in 2026 with
/// every lever at its maximum from 2026). From 2025 each path is also times the market baseline's multiplier
/// ([`crate::baselines`]; 1 in `central`).
pub fn prices(c: &Ctx, year: u16) -> Prices {
    const FIRST_FREE: u16 = 2025;
    let pick = |hist: &[f64; 5], id: L, factor: P| {
        let at = |y: u16| hist[usize::from(y.saturating_sub(2020)).min(4)];
        if year < FIRST_FREE {
            return at(year);
        }
        let l = super::levers::spec(id);
        let start = c.s.start_year();
        // The uncertainty around the path (1 in the reference; drawn across the spread of the 2020–24
        // averages by an ensemble): the lever is the market assumption, the factor how far a year sits from it.
        let f = c.p(factor);
        if year < start {
            // Before a later policy start, the reference's price assumption.
            return l.default * f;
        }
        let from = if start <= FIRST_FREE {
            at(FIRST_FREE - 1)
        } else {
            l.default
        };
        let span = l.target_year.saturating_sub(2020).max(1);
        (from + (c.s.get(id) - from) * super::levers::ramp(2020 + (year + 1 - start), 2020 + span))
            * f
    };
    // The market baseline's level from 2025 (1 in `central`; history is the same in every baseline).
    let world = crate::baselines::spec(c.s.baseline());
    let base = |i: usize| {
        if year < crate::baselines::FROM_YEAR {
            1.0
        } else {
            world.prices[i]
        }
    };
    Prices {
        steel: pick(&REBAR_HISTORY.values, L::SteelPrice, P::SteelPriceFactor) * base(0),
        v2o5: pick(&V2O5_HISTORY.values, L::V2o5Price, P::V2o5PriceFactor) * base(1),
        tio2: pick(&TIO2_HISTORY.values, L::Tio2Price, P::Tio2PriceFactor) * base(2),
        sponge: pick(&SPONGE_HISTORY.values, L::SpongePrice, P::SpongePriceFactor) * base(3),
        ndpr: pick(&NDPR_HISTORY.values, L::NdprPrice, P::NdprPriceFactor) * base(4),
        steel_premium: c.lever(L::SteelPremium, year) / 100.0,
    }
}

/// 2020 prices and the 2020 premium (for constant-price output value: no price or premium lever moves it).
pub fn prices_2020() -> Prices {
    Prices {
        steel: REBAR_HISTORY.values[0],
        v2o5: V2O5_HISTORY.values[0],
        tio2: TIO2_HISTORY.values[0],
        sponge: SPONGE_HISTORY.values[0],
        ndpr: NDPR_HISTORY.values[0],
        steel_premium: super::levers::spec(L::SteelPremium).base / 100.0,
    }
}

/// Quantities that carry output value.
#[derive(Clone, Copy, Debug, Default)]
pub struct Valued {
    pub crude: f64,
    pub v2o5: f64,
    pub vrfb_gwh: f64,
    pub ti_conc: f64,
    pub tio2: f64,
    pub sponge: f64,
    pub deep_share: f64,
    pub separated: f64,
    pub metal: f64,
}

/// Output value by sub-sector: steel, vanadium, Ti chemicals, Ti metal, rare earth (亿元).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Values {
    pub steel: f64,
    pub vanadium: f64,
    pub ti_chem: f64,
    pub ti_metal: f64,
    pub rare_earth: f64,
}

impl Values {
    pub fn titanium(&self) -> f64 {
        self.ti_chem + self.ti_metal
    }
    pub fn total(&self) -> f64 {
        self.steel + self.vanadium + self.titanium() + self.rare_earth
    }
}

pub fn values(c: &Ctx, q: &Valued, p: &Prices, k: &ValueK) -> Values {
    let premium = 1.0 + p.steel_premium;
    let basket = c.p(P::NdprShare) * p.ndpr + (1.0 - c.p(P::NdprShare)) * c.p(P::LaCePrice);
    let ndpr_in_metal = q.metal / c.p(P::MetalPerOxide);
    Values {
        steel: k.steel * q.crude * p.steel * premium / 1e4,
        vanadium: k.v * q.v2o5 * p.v2o5 / 1e8 + q.vrfb_gwh * c.p(P::VrfbCost) * 10.0,
        ti_chem: k.ti * (q.ti_conc * c.p(P::TiConcPrice) + q.tio2 * p.tio2) / 1e4,
        ti_metal: k.ti
            * q.sponge
            * p.sponge
            * (1.0 + q.deep_share * (c.p(P::TiMaterialsRatio) - 1.0))
            / 1e8,
        rare_earth: k.re
            * (q.separated * basket + ndpr_in_metal * p.ndpr * (c.p(P::MagnetRatio) - 1.0))
            / 1e8,
    }
}

/// Calibrates the multipliers so the 2020 quantities `q` at 2020 prices give the CSV's 2020 values.
pub fn calibrate(c: &Ctx, q: &Valued) -> ValueK {
    let raw = values(c, q, &prices_2020(), &ValueK::ONE);
    let vrfb = q.vrfb_gwh * c.p(P::VrfbCost) * 10.0;
    let ratio = |target: f64, raw: f64| {
        if raw > 0.0 {
            (target / raw).max(0.0)
        } else {
            1.0
        }
    };
    let v = ratio(c.p(P::ValueV2020) - vrfb, raw.vanadium - vrfb);
    let ti = ratio(c.p(P::ValueTi2020), raw.titanium());
    let re = ratio(c.p(P::ValueRe2020), raw.rare_earth);
    let steel_target =
        c.p(P::Value2020) - c.p(P::ValueV2020) - c.p(P::ValueTi2020) - c.p(P::ValueRe2020);
    ValueK {
        steel: ratio(steel_target, raw.steel),
        v,
        ti,
        re,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::scenario::Scenario;
    use crate::test_util::{assert_close, p};

    /// Every lever is fully phased in by 2030.
    const YEAR: u16 = 2030;
    /// Distinct multipliers, so a term multiplied by the wrong `k` shows.
    const K: ValueK = ValueK {
        steel: 1.1,
        v: 1.2,
        ti: 1.3,
        re: 1.4,
    };

    fn some_quantities() -> Valued {
        Valued {
            crude: 2800.0,
            v2o5: 60000.0,
            vrfb_gwh: 1.5,
            ti_conc: 600.0,
            tio2: 80.0,
            sponge: 20000.0,
            deep_share: 0.3,
            separated: 45000.0,
            metal: 2000.0,
        }
    }

    #[test]
    fn prices_follow_the_csv_history_to_2024_then_the_levers() {
        // The reference price levers equal the 2024 averages: move them so 2025 shows which one is used.
        let mut s = Scenario::reference();
        s.set(L::SteelPrice, 4200.0);
        s.set(L::V2o5Price, 120000.0);
        s.set(L::Tio2Price, 20000.0);
        s.set(L::SpongePrice, 70000.0);
        s.set(L::NdprPrice, 600000.0);
        let c = Ctx::for_test(&s);
        for (i, year) in (2020..=2024).enumerate() {
            let pr = prices(&c, year);
            assert_close(pr.steel, REBAR_HISTORY.values[i], "rebar history");
            assert_close(pr.v2o5, V2O5_HISTORY.values[i], "V2O5 history");
            assert_close(pr.tio2, TIO2_HISTORY.values[i], "TiO2 history");
            assert_close(pr.sponge, SPONGE_HISTORY.values[i], "sponge history");
            assert_close(pr.ndpr, NDPR_HISTORY.values[i], "NdPr history");
        }
        for year in [2025, YEAR] {
            let pr = prices(&c, year);
            assert_close(pr.steel, s.get(L::SteelPrice), "steel lever");
            assert_close(pr.v2o5, s.get(L::V2o5Price), "V2O5 lever");
            assert_close(pr.tio2, s.get(L::Tio2Price), "TiO2 lever");
            assert_close(pr.sponge, s.get(L::SpongePrice), "sponge lever");
            assert_close(pr.ndpr, s.get(L::NdprPrice), "NdPr lever");
        }
        assert_eq!(prices(&c, 2020), prices_2020(), "2020 prices");
    }

    #[test]
    fn a_price_factor_scales_every_projection_year_of_its_price_and_no_history_year() {
        let factors = [
            (P::SteelPriceFactor, 1.15),
            (P::V2o5PriceFactor, 0.8),
            (P::Tio2PriceFactor, 1.1),
            (P::SpongePriceFactor, 0.9),
            (P::NdprPriceFactor, 1.5),
        ];
        for start in [2020, 2027] {
            let mut base = Scenario::reference();
            base.set(L::SteelPrice, 4200.0);
            base.set_start_year(start);
            let mut s = base.clone();
            for (id, f) in factors {
                s.set_param(id, f);
            }
            let (c0, c) = (Ctx::for_test(&base), Ctx::for_test(&s));
            for year in 2020..=2024 {
                assert_eq!(prices(&c, year), prices(&c0, year), "history {year}");
            }
            for year in [2025, 2026, 2028, YEAR, 2035] {
                let (a, b) = (prices(&c0, year), prices(&c, year));
                let what = format!("{year}, policy from {start}");
                assert_close(b.steel, a.steel * 1.15, &what);
                assert_close(b.v2o5, a.v2o5 * 0.8, &what);
                assert_close(b.tio2, a.tio2 * 1.1, &what);
                assert_close(b.sponge, a.sponge * 0.9, &what);
                assert_close(b.ndpr, a.ndpr * 1.5, &what);
                assert_close(b.steel_premium, a.steel_premium, "the premium is a lever");
            }
        }
    }

    #[test]
    fn with_a_later_policy_start_prices_phase_in_like_the_other_levers() {
        // Policy from 2026, steel at 6,000: the reference's 3,550 until 2025, then a fifth of the way a year
        // (the price levers' span is 2020–2025, five years), all the way by 2030. It used to jump in 2026.
        let mut s = Scenario::reference();
        s.set(L::SteelPrice, 6000.0);
        s.set_start_year(2026);
        let c = Ctx::for_test(&s);
        let reference = crate::levers::spec(L::SteelPrice).default;
        assert_close(prices(&c, 2025).steel, reference, "2025: the reference's");
        for (year, share) in [
            (2026, 0.2),
            (2027, 0.4),
            (2029, 0.8),
            (2030, 1.0),
            (2035, 1.0),
        ] {
            assert_close(
                prices(&c, year).steel,
                reference + (6000.0 - reference) * share,
                &format!("{year}"),
            );
        }
        // From 2022: history to 2024 (the policy cannot change a published price), 80 % of the way in 2025.
        s.set_start_year(2022);
        let c = Ctx::for_test(&s);
        assert_close(
            prices(&c, 2024).steel,
            REBAR_HISTORY.values[4],
            "2024 history",
        );
        assert_close(
            prices(&c, 2025).steel,
            REBAR_HISTORY.values[4] + (6000.0 - REBAR_HISTORY.values[4]) * 0.8,
            "2025",
        );
    }

    #[test]
    fn each_sub_sector_value_is_quantity_times_price_times_its_multiplier() {
        let s = Scenario::reference();
        let c = Ctx::for_test(&s);
        let q = some_quantities();
        let pr = prices(&c, YEAR);
        let v = values(&c, &q, &pr, &K);
        let premium = 1.0 + s.get(L::SteelPremium) / 100.0;
        // 万t × yuan/t / 10⁴ = 亿元; t × yuan/t / 10⁸ = 亿元; GWh × yuan/Wh × 10 = 亿元.
        assert_close(
            v.steel,
            K.steel * q.crude * pr.steel * premium / 1e4,
            "steel",
        );
        assert_close(
            v.vanadium,
            K.v * q.v2o5 * pr.v2o5 / 1e8 + q.vrfb_gwh * p(P::VrfbCost) * 10.0,
            "vanadium with flow batteries at cost",
        );
        assert_close(
            v.ti_chem,
            K.ti * (q.ti_conc * p(P::TiConcPrice) + q.tio2 * pr.tio2) / 1e4,
            "Ti chemicals",
        );
        assert_close(
            v.ti_metal,
            K.ti * q.sponge * pr.sponge * (1.0 + q.deep_share * (p(P::TiMaterialsRatio) - 1.0))
                / 1e8,
            "Ti metal with materials at 2.5× sponge",
        );
        let basket = p(P::NdprShare) * pr.ndpr + (1.0 - p(P::NdprShare)) * p(P::LaCePrice);
        let ndpr_in_metal = q.metal / p(P::MetalPerOxide);
        assert_close(
            v.rare_earth,
            K.re * (q.separated * basket + ndpr_in_metal * pr.ndpr * (p(P::MagnetRatio) - 1.0))
                / 1e8,
            "rare earth: separated basket + magnets",
        );
        assert_close(v.titanium(), v.ti_chem + v.ti_metal, "titanium");
        assert_close(
            v.total(),
            v.steel + v.vanadium + v.ti_chem + v.ti_metal + v.rare_earth,
            "total",
        );
    }

    #[test]
    fn doubling_a_price_doubles_that_products_value_and_nothing_else() {
        let s = Scenario::reference();
        let c = Ctx::for_test(&s);
        let mut q = some_quantities();
        q.vrfb_gwh = 0.0; // flow batteries are valued at cost, not at the V2O5 price
        let pr = prices(&c, YEAR);
        let base = values(&c, &q, &pr, &K);
        let steel = values(
            &c,
            &q,
            &Prices {
                steel: 2.0 * pr.steel,
                ..pr
            },
            &K,
        );
        assert_close(steel.steel, 2.0 * base.steel, "steel doubles");
        assert_close(
            steel.total() - steel.steel,
            base.total() - base.steel,
            "rest unchanged",
        );
        let v = values(
            &c,
            &q,
            &Prices {
                v2o5: 2.0 * pr.v2o5,
                ..pr
            },
            &K,
        );
        assert_close(v.vanadium, 2.0 * base.vanadium, "vanadium doubles");
        assert_close(v.steel, base.steel, "steel unchanged");
        let sp = values(
            &c,
            &q,
            &Prices {
                sponge: 2.0 * pr.sponge,
                ..pr
            },
            &K,
        );
        assert_close(sp.ti_metal, 2.0 * base.ti_metal, "Ti metal doubles");
        assert_close(sp.ti_chem, base.ti_chem, "Ti chemicals unchanged");
        // The premium lever scales steel: 5 % → 25 % premium.
        let mut s2 = Scenario::reference();
        s2.set(L::SteelPremium, 25.0);
        let c2 = Ctx::for_test(&s2);
        let prem = values(&c2, &q, &prices(&c2, YEAR), &K);
        assert_close(
            prem.steel / base.steel,
            1.25 / (1.0 + s.get(L::SteelPremium) / 100.0),
            "premium response",
        );
    }

    #[test]
    fn calibration_makes_2020_quantities_at_2020_prices_give_the_csv_sub_sector_values() {
        let s = Scenario::reference();
        let c = Ctx::for_test(&s);
        let q = some_quantities();
        let k = calibrate(&c, &q);
        let v = values(&c, &q, &prices_2020(), &k);
        assert_close(v.vanadium, p(P::ValueV2020), "vanadium 100亿元");
        assert_close(v.titanium(), p(P::ValueTi2020), "titanium 300亿元");
        assert_close(v.rare_earth, p(P::ValueRe2020), "rare earth 115亿元");
        assert_close(
            v.total(),
            p(P::Value2020),
            "steel takes the rest of 2,900亿元",
        );
        // Twice the quantities: half the multipliers.
        let q2 = Valued {
            crude: 2.0 * q.crude,
            separated: 2.0 * q.separated,
            metal: 2.0 * q.metal,
            ..q
        };
        let k2 = calibrate(&c, &q2);
        assert_close(k2.steel, k.steel / 2.0, "steel multiplier halves");
        assert_close(k2.re, k.re / 2.0, "RE multiplier halves");
    }

    #[test]
    fn prices_follow_the_csv_to_2024_and_the_levers_from_2025_or_from_a_later_policy_start() {
        let mut s = Scenario::reference();
        s.set(L::SteelPrice, 5000.0);
        s.set(L::NdprPrice, 900000.0);
        let c = Ctx::for_test(&s);
        assert_eq!(prices(&c, 2024).steel, REBAR_HISTORY.values[4]);
        assert_eq!(prices(&c, 2025).steel, 5000.0);
        assert_eq!(prices(&c, 2030).ndpr, 900000.0);
        // Policy from 2027: 2025 and 2026 keep the reference's price assumption.
        s.set_start_year(2027);
        let c = Ctx::for_test(&s);
        assert_eq!(
            prices(&c, 2026).steel,
            crate::levers::spec(L::SteelPrice).default
        );
        // then a fifth of the way a year from it (see the phase-in test)
        let d = crate::levers::spec(L::SteelPrice).default;
        assert_close(prices(&c, 2027).steel, d + (5000.0 - d) * 0.2, "2027");
        assert_close(prices(&c, 2031).steel, 5000.0, "2031");
    }
}
