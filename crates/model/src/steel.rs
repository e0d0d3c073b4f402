//! Steel: capacity by route, production, iron concentrate and scrap.
//!
//! **Capacity.** Blast-furnace/converter (BF-BOF) capacity is split into furnaces on Panxi V-Ti ore
//! (`K_vti`, 2020: 1,700万吨) and on ordinary ore (`K_oth`, 300万吨); EAF capacity `K_eaf` is 1,200万吨.
//! A BF→EAF swap `W` (in-house, 1:1 under MIIT 2021) takes `W_vti = max(s·W, W − K_oth)` from V-Ti furnaces
//! (`s` = the "which furnaces" lever) and the rest from ordinary ones. Imported capacity `I` with EAF share
//! `e` adds `I·e` to EAF and `I·(1−e)` to ordinary BF-BOF; the exporting provinces retire `r·I`
//! (replacement ratio `r`), so the national net change is `I·(1 − r)`.
//!
//! **Production.** `BOF = K·u_bof` per furnace group and `EAF = K_eaf · min(1, u_eaf · m_e)` where `m_e` is the
//! power-price response (see [`super::energy`]). Two physical limits apply, in this order:
//! 1. *Iron concentrate*: hot metal `HM = 0.9·BOF` needs `c·HM` concentrate (`c` = 1.6 t/t). Supply is local
//!    concentrate `C = ore · y_fe · R_fe` plus at most `O` from outside Sichuan (lever). When `c·HM > C + O`,
//!    ordinary-ore furnaces (which depend on bought-in ore) are cut first, then V-Ti furnaces.
//! 2. *Scrap*: `S_t = S_{t−1} · (1 + g_t)` from 1,200万吨 in 2020; BOF uses 0.1 t/t first, EAF needs 1.0 t/t:
//!    `EAF ≤ (S − 0.1·BOF) / 1.0`.
//!
//! Existing mines decline at `d` = 4.1 %/yr (derived from the guideline's expected 655万吨 gap in 2025 at 2020
//! demand); new ore (红格南) adds to it. `y_fe` is calibrated so 2020 ore × 70 % recovery gives 2,500万吨.
//! The iron-concentrate gap is `c·HM − C` (negative = surplus).

use super::levers::LeverId as L;
use super::params::ParamId as P;
use super::simulate::Ctx;

/// The steel chain in one year, before any energy-quota curtailment.
#[derive(Clone, Copy, Debug, Default)]
pub struct Steel {
    pub cap_vti: f64,
    pub cap_other: f64,
    pub cap_eaf: f64,
    pub bof_vti: f64,
    pub bof_other: f64,
    pub eaf: f64,
    pub ore_mined: f64,
    pub conc_local: f64,
    pub conc_demand: f64,
    pub scrap_supply: f64,
    pub retired_elsewhere: f64,
    pub national_net: f64,
    pub ore_limited: bool,
    pub scrap_limited: bool,
}

/// Computes the steel chain for `year`. `scrap_supply` is this year's scrap supply (see module docs).
pub fn steel(c: &Ctx, year: u16, scrap_supply: f64, m_e: f64) -> Steel {
    let swap = c.lever(L::EafSwap, year);
    let share = c.lever(L::SwapVtiShare, year);
    let k_vti0 = c.p(P::VtiBofCap2020);
    let k_oth0 = c.p(P::OtherBofCap2020);
    let w_vti = (share * swap).max(swap - k_oth0).clamp(0.0, k_vti0);
    let w_oth = (swap - w_vti).clamp(0.0, k_oth0);
    let imp = c.lever(L::CapacityImport, year);
    let e = c.lever(L::ImportEafShare, year);
    let ratio = c.lever(L::ReplacementRatio, year);

    let cap_vti = k_vti0 - w_vti;
    let cap_other = k_oth0 - w_oth + imp * (1.0 - e);
    let cap_eaf = c.p(P::EafCap2020) + w_vti + w_oth + imp * e;

    let u_bof = c.p(P::BofUtil);
    let mut bof_vti = cap_vti * u_bof;
    let mut bof_other = cap_other * u_bof;
    let eaf_pot = cap_eaf * (c.p(P::EafUtil) * m_e).min(1.0);

    // Iron concentrate: local supply from ore, plus outside supply up to the lever's cap.
    let t = f64::from(year - 2020);
    let ore =
        c.p(P::OreMined2020) * (1.0 - c.p(P::ConcDecline)).powf(t) + c.lever(L::NewMine, year);
    let conc_local = ore * c.cal.fe_yield * c.lever(L::FeRecovery, year) / 100.0;
    let hm_per = c.p(P::HotMetalPerBof);
    let conc_per = c.p(P::ConcPerHotMetal);
    let conc_avail = conc_local + c.lever(L::OutsideOre, year);
    let demand = (bof_vti + bof_other) * hm_per * conc_per;
    let ore_limited = demand > conc_avail + 1e-9;
    if ore_limited {
        // Ordinary-ore furnaces depend on bought-in ore and are cut first; V-Ti furnaces keep the local ore.
        let per = hm_per * conc_per;
        let short = (demand - conc_avail) / per;
        let cut_other = short.min(bof_other);
        bof_other -= cut_other;
        bof_vti = (bof_vti - (short - cut_other)).max(0.0);
    }
    let conc_demand = (bof_vti + bof_other) * hm_per * conc_per;

    // Scrap: BOF charge first, EAF gets the rest.
    let scrap_for_eaf = (scrap_supply - (bof_vti + bof_other) * c.p(P::ScrapPerBof)).max(0.0);
    let eaf_max = scrap_for_eaf / c.p(P::ScrapPerEaf);
    let scrap_limited = eaf_pot > eaf_max + 1e-9;
    let eaf = eaf_pot.min(eaf_max);

    Steel {
        cap_vti,
        cap_other,
        cap_eaf,
        bof_vti,
        bof_other,
        eaf,
        ore_mined: ore,
        conc_local,
        conc_demand,
        scrap_supply,
        retired_elsewhere: imp * ratio,
        national_net: imp * (1.0 - ratio),
        ore_limited,
        scrap_limited,
    }
}

/// Next year's scrap supply: `S_{t+1} = S_t · (1 + g_{t+1})`.
pub fn next_scrap_supply(c: &Ctx, year: u16, scrap: f64) -> f64 {
    scrap * (1.0 + c.lever(L::ScrapGrowth, year) / 100.0)
}
