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
//! Prices follow the CSV's 2020–24 annual averages, then the price levers from 2025. The multipliers
//! `k` stand for processing depth beyond the priced product (rolling and finishing, alloys and chemicals,
//! mining and dressing, applications); each is calibrated so that 2020 reproduces that sub-sector's 2020
//! estimate in the CSV (steel takes the rest of the 2,900亿元 total). Gross output counts intermediate
//! products sold between firms, as the statistics do. `output_value_const` repeats the sum at 2020 prices,
//! for the energy-intensity target.

use super::levers::LeverId as L;
use super::params::{
    ParamId as P, NDPR_HISTORY, REBAR_HISTORY, SPONGE_HISTORY, TIO2_HISTORY, V2O5_HISTORY,
};
use super::simulate::Ctx;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Prices {
    pub steel: f64,
    pub v2o5: f64,
    pub tio2: f64,
    pub sponge: f64,
    pub ndpr: f64,
}

/// Prices in `year`: CSV history for 2020–2024, the levers from 2025.
pub fn prices(c: &Ctx, year: u16) -> Prices {
    let pick = |hist: &[f64; 5], id: L| {
        if year < 2025 {
            hist[usize::from(year.saturating_sub(2020)).min(4)]
        } else {
            c.s.get(id)
        }
    };
    Prices {
        steel: pick(&REBAR_HISTORY.values, L::SteelPrice),
        v2o5: pick(&V2O5_HISTORY.values, L::V2o5Price),
        tio2: pick(&TIO2_HISTORY.values, L::Tio2Price),
        sponge: pick(&SPONGE_HISTORY.values, L::SpongePrice),
        ndpr: pick(&NDPR_HISTORY.values, L::NdprPrice),
    }
}

/// 2020 prices (for constant-price output value).
pub fn prices_2020() -> Prices {
    Prices {
        steel: REBAR_HISTORY.values[0],
        v2o5: V2O5_HISTORY.values[0],
        tio2: TIO2_HISTORY.values[0],
        sponge: SPONGE_HISTORY.values[0],
        ndpr: NDPR_HISTORY.values[0],
    }
}

/// Calibration multipliers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ValueK {
    pub steel: f64,
    pub v: f64,
    pub ti: f64,
    pub re: f64,
}

impl ValueK {
    pub const ONE: ValueK = ValueK {
        steel: 1.0,
        v: 1.0,
        ti: 1.0,
        re: 1.0,
    };
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

pub fn values(c: &Ctx, year: u16, q: &Valued, p: &Prices, k: &ValueK) -> Values {
    let premium = 1.0 + c.lever(L::SteelPremium, year) / 100.0;
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
    let raw = values(c, 2020, q, &prices_2020(), &ValueK::ONE);
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
