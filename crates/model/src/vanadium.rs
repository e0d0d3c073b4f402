//! Vanadium follows V-bearing hot metal.
//!
//! Only blast furnaces on Panxi V-Ti ore make vanadium-bearing hot metal. With `HM_vti = 0.9 · BOF_vti`:
//!
//! ```text
//! V2O5 [t] = HM_vti · 10⁴ · g · (R_v / R_v,2020) · η_ext
//! ```
//!
//! `R_v` is the vanadium dressing recovery lever (share of the ore's vanadium reaching the concentrate,
//! 47 % in 2020, target 55 %), `η_ext` = 0.80 the smelter-side recovery (hot metal → vanadium slag → V2O5), and
//! `g` (t V2O5 per t hot metal at 2020 recovery) is calibrated so 2020 reproduces 61,000 t. So swapping V-Ti
//! blast furnaces to EAF cuts V2O5 one-for-one with their hot metal — the guideline's own tension between
//! steel and vanadium capacity — while swapping ordinary-ore furnaces leaves it untouched.
//!
//! Flow batteries: `B` GWh/yr of vanadium redox flow batteries need `B · 1000 · 9.25` t V2O5 (reported, and
//! compared with local output) and add `B · cost` to the vanadium sector's output value (2.0 yuan/Wh).

use super::levers::LeverId as L;
use super::params::ParamId as P;
use super::simulate::Ctx;

#[derive(Clone, Copy, Debug, Default)]
pub struct Vanadium {
    /// t V2O5 per 万t of V-Ti BF-BOF crude steel at this year's recovery.
    pub v2o5_per_bof_vti: f64,
    pub vrfb_gwh: f64,
    pub v2o5_for_vrfb: f64,
}

pub fn vanadium(c: &Ctx, year: u16) -> Vanadium {
    let r = c.lever(L::VRecovery, year) / (c.p(P::VRecovery2020) * 100.0);
    let gwh = c.lever(L::VrfbDeploy, year);
    Vanadium {
        v2o5_per_bof_vti: c.p(P::HotMetalPerBof)
            * 1e4
            * c.cal.v2o5_per_hm
            * r
            * c.p(P::VExtraction),
        vrfb_gwh: gwh,
        v2o5_for_vrfb: gwh * 1000.0 * c.p(P::VrfbIntensity),
    }
}
