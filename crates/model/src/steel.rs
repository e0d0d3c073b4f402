//! Steel: capacity by route, production, iron concentrate and scrap.
//!
//! **Capacity.** Blast-furnace/converter (BF-BOF) capacity is split into furnaces on Panxi V-Ti ore
//! (`K_vti`, 2020: 1,700万吨) and on ordinary ore (`K_oth`, 300万吨); EAF capacity `K_eaf` is 1,200万吨.
//! A BF→EAF swap `W` (in-house, 1:1 under MIIT 2021) takes `W_vti = max(s·W, W − K_oth)` from V-Ti furnaces
//! (`s` = the "which furnaces" lever) and the rest from ordinary ones. The plan phases in as one schedule:
//! `W` grows to its target while `s` is the plan's choice from the start (not phased in itself), so each
//! furnace group's retirement only grows and no retired furnace is rebuilt. Imported capacity `I` with EAF share
//! `e` adds `I·e` to EAF and `I·(1−e)` to ordinary BF-BOF; the exporting provinces retire `r·I`
//! (replacement ratio `r`, a lever: the rule's 1.25, a merger's 1.1, a key region's 1.5), so the national net
//! change is `I·(1 − r)`.
//!
//! **Capacity replacement by rule** (issue 25, item 5). MIIT's 2021 rules (工信部原〔2021〕46号, the last in
//! force; suspended for new plans since 2024-08-23 while a revision is drafted) set the ratio by where the new
//! capacity is built: at least 1.5:1 in the key air-pollution regions, 1.25:1 elsewhere — Sichuan is not a
//! key region — and 1:1 for an in-house converter-to-EAF swap that retires its blast furnaces. So the rules
//! require `W_done·r_eq + I·r_sc` retired: the swapped furnaces themselves (`r_eq` = 1, in Sichuan) and
//! `1.25·I` in the provinces the imported capacity comes from (`r_sc`, whatever the lever `r` says a deal
//! retires). Reported as `capacity_retired_by_rule`.
//!
//! **Non-blast-furnace V-Ti smelting.** `N` 万吨/yr of V-Ti BF-BOF capacity (after any swap) is converted to
//! gas-based direct reduction + electric smelting (the guideline's 非高炉冶炼 / 气基直接还原): it runs at the
//! BF-BOF utilisation, smelts the same V-Ti concentrate per tonne (so it keeps the vanadium) and leaves the
//! titanium in a Ti-rich slag instead of blast-furnace slag (see [`super::titanium`]).
//!
//! **Production.** `BOF = K·u_bof·D` per furnace group and `EAF = K_eaf · min(1, u_eaf · m_e) · D` where `m_e` is
//! the power-price response (see [`super::energy`]) and `D` the market baseline's steel demand (1 before 2025
//! and in `central`; see [`crate::baselines`]). Two physical limits apply, in this order:
//! 1. *Iron concentrate*: hot metal `HM = 0.9·BOF` needs `c·HM` concentrate (`c` = 1.6 t/t). Supply is local
//!    concentrate `C = ore · y_fe · R_fe` plus at most `O` from outside Sichuan (lever). When `c·HM > C + O`,
//!    ordinary-ore furnaces (which depend on bought-in ore) are cut first, then V-Ti furnaces.
//! 2. *Scrap*: `S_t = S_{t−1} · (1 + g_t)` from 1,200万吨 in 2020; BOF uses 0.1 t/t first, EAF needs 1.0 t/t:
//!    `EAF ≤ (S − 0.1·BOF) / 1.0`.
//!
//! **The base year is what happened.** In 2020 no limit binds: the furnaces got their ore, and the calibration
//! ([`crate::ctx::model_params`]) re-solves the utilisations and the EAF scrap rate for every parameter set
//! so 2020 reproduces 2020 crude steel within 2020's scrap supply.
//!
//! Existing mines decline at `d` = 4.1 %/yr (derived from the guideline's expected 655万吨 gap in 2025 at 2020
//! demand); new ore (红格南) adds to it after a construction lag ([`new_mine_ore`]). `y_fe` is calibrated so 2020 ore × 70 % recovery gives 2,500万吨.
//! The iron-concentrate gap is `c·HM − C` (negative = surplus).

use super::levers::LeverId as L;
use super::params::ParamId as P;
use crate::ctx::Ctx;

/// The steel chain in one year, before any energy-quota curtailment.
#[derive(Clone, Copy, Debug, Default)]
pub struct Steel {
    pub cap_vti: f64,
    pub cap_other: f64,
    pub cap_eaf: f64,
    /// Non-blast-furnace V-Ti capacity and output (万t).
    pub cap_nonbf: f64,
    pub nonbf: f64,
    pub bof_vti: f64,
    pub bof_other: f64,
    pub eaf: f64,
    pub ore_mined: f64,
    pub conc_local: f64,
    pub conc_demand: f64,
    pub scrap_supply: f64,
    pub retired_elsewhere: f64,
    /// What the replacement rules require retired for the swap (in Sichuan) and the imports (elsewhere).
    pub retired_by_rule: f64,
    pub national_net: f64,
    pub ore_limited: bool,
    pub scrap_limited: bool,
}

/// Computes the steel chain for `year`. `scrap_supply` is this year's scrap supply (see module docs).
pub fn steel(c: &Ctx, year: u16, scrap_supply: f64, m_e: f64) -> Steel {
    let swap = c.lever(L::EafSwap, year);
    // Which furnaces is part of the plan, not a quantity phased in on its own: phasing it in apart from the
    // swap size retired ordinary furnaces first and rebuilt them later.
    let share = c.lever_plan(L::SwapVtiShare, year);
    let k_vti0 = c.p(P::VtiBofCap2020);
    let k_oth0 = c.p(P::OtherBofCap2020);
    let w_vti = (share * swap).max(swap - k_oth0).clamp(0.0, k_vti0);
    let w_oth = (swap - w_vti).clamp(0.0, k_oth0);
    let imp = c.lever(L::CapacityImport, year);
    let e = c.lever(L::ImportEafShare, year);
    let ratio = c.lever(L::ReplacementRatio, year);

    let cap_vti_left = k_vti0 - w_vti;
    let cap_nonbf = c.lever(L::NonBfVti, year).clamp(0.0, cap_vti_left);
    let cap_vti = cap_vti_left - cap_nonbf;
    let cap_other = k_oth0 - w_oth + imp * (1.0 - e);
    let cap_eaf = c.p(P::EafCap2020) + w_vti + w_oth + imp * e;

    // Demand for Sichuan's steel in the market baseline (1 before 2025 and in `central`).
    let demand_m = crate::baselines::spec(c.s.baseline()).demand_in(year);
    let u_bof = c.p(P::BofUtil) * demand_m;
    let mut bof_vti = cap_vti * u_bof;
    let mut bof_other = cap_other * u_bof;
    let mut nonbf = cap_nonbf * u_bof;
    let eaf_pot = cap_eaf * (c.p(P::EafUtil) * m_e).min(1.0) * demand_m;

    // Iron concentrate: local supply from ore, plus outside supply up to the lever's cap.
    let t = f64::from(year - 2020);
    let ore = c.p(P::OreMined2020) * (1.0 - c.p(P::ConcDecline)).powf(t) + new_mine_ore(c, year);
    let conc_local = ore * c.cal.fe_yield * c.lever(L::FeRecovery, year) / 100.0;
    let hm_per = c.p(P::HotMetalPerBof);
    let conc_per = c.p(P::ConcPerHotMetal);
    let conc_avail = conc_local + c.lever(L::OutsideOre, year);
    let demand = (bof_vti + bof_other + nonbf) * hm_per * conc_per;
    // 2020 is what happened: its furnaces got their ore (outside ore made up whatever the local concentrate
    // did not cover), so the limit applies from 2021.
    let ore_limited = year > super::series::FIRST_YEAR && demand > conc_avail + 1e-9;
    if ore_limited {
        // Ordinary-ore furnaces depend on bought-in ore and are cut first; then V-Ti blast furnaces, then the
        // non-blast-furnace route.
        let per = hm_per * conc_per;
        let mut short = (demand - conc_avail) / per;
        for x in [&mut bof_other, &mut bof_vti, &mut nonbf] {
            let cut = short.min(*x);
            *x -= cut;
            short -= cut;
        }
    }
    let conc_demand = (bof_vti + bof_other + nonbf) * hm_per * conc_per;

    // Scrap: BOF (and non-BF) charge first, EAF gets the rest.
    let scrap_for_eaf =
        (scrap_supply - (bof_vti + bof_other + nonbf) * c.p(P::ScrapPerBof)).max(0.0);
    let eaf_max = scrap_for_eaf / c.p(P::ScrapPerEaf);
    let scrap_limited = eaf_pot > eaf_max + 1e-9;
    let eaf = eaf_pot.min(eaf_max);

    Steel {
        cap_vti,
        cap_other,
        cap_eaf,
        cap_nonbf,
        nonbf,
        bof_vti,
        bof_other,
        eaf,
        ore_mined: ore,
        conc_local,
        conc_demand,
        scrap_supply,
        retired_elsewhere: imp * ratio,
        retired_by_rule: (w_vti + w_oth) * c.p(P::EafEqualRatio) + imp * c.p(P::ReplacementRatio),
        national_net: imp * (1.0 - ratio),
        ore_limited,
        scrap_limited,
    }
}

/// Ore from new mines (红格南) in `year`: nothing during the construction lag `L` (ESTIMATE, 3 years) after
/// the policy start `S` (the lever's schedule start when it has one), then a straight line to the lever's
/// value by its target year `T` (2030; the schedule's full-effect year when it has one):
/// `X · clamp((year − (S + L − 1)) / (T − (S + L − 1)), 0, 1)`. Before a later policy start, the
/// reference's (no new mine).
pub fn new_mine_ore(c: &Ctx, year: u16) -> f64 {
    let l = super::levers::spec(L::NewMine);
    let x = c.lever_plan(L::NewMine, year);
    // With a schedule of its own: construction from its start year, full output by its full-effect year.
    let (start, full) = match c.s.schedule(L::NewMine) {
        Some(_) => {
            let s = c.s.effective_schedule(L::NewMine);
            (f64::from(s.start), f64::from(s.full))
        }
        None => (f64::from(c.s.start_year()), f64::from(l.target_year)),
    };
    let before_first = start + c.p(P::NewMineLag) - 1.0;
    let span = (full - before_first).max(1.0);
    x * ((f64::from(year) - before_first) / span).clamp(0.0, 1.0)
}

/// Next year's scrap supply: `S_{t+1} = S_t · (1 + g_{t+1})`.
pub fn next_scrap_supply(c: &Ctx, year: u16, scrap: f64) -> f64 {
    scrap * (1.0 + c.lever(L::ScrapGrowth, year) / 100.0)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::test_util::{assert_close, p, with};

    /// Every lever is fully phased in by 2030 (the latest target year), so there `c.lever(id) == s.get(id)`.
    const YEAR: u16 = 2030;
    const PLENTY_OF_SCRAP: f64 = 1e6;

    #[test]
    fn bf_bof_output_is_capacity_times_utilisation_in_each_furnace_group() {
        let s = with(&[(L::OutsideOre, 3000.0)]);
        let c = Ctx::for_test(&s);
        let st = steel(&c, YEAR, PLENTY_OF_SCRAP, 1.0);
        assert!(!st.ore_limited && !st.scrap_limited);
        assert_close(st.cap_vti, p(P::VtiBofCap2020), "V-Ti capacity");
        assert_close(st.cap_other, p(P::OtherBofCap2020), "ordinary capacity");
        assert_close(st.bof_vti, p(P::VtiBofCap2020) * p(P::BofUtil), "V-Ti BOF");
        assert_close(
            st.bof_other,
            p(P::OtherBofCap2020) * p(P::BofUtil),
            "ordinary BOF",
        );
        assert_close(
            st.eaf,
            p(P::EafCap2020) * p(P::EafUtil),
            "EAF = K_eaf·u_eaf",
        );
        // Concentrate demand: c · 0.9 · BOF.
        assert_close(
            st.conc_demand,
            (st.bof_vti + st.bof_other) * p(P::HotMetalPerBof) * p(P::ConcPerHotMetal),
            "concentrate demand",
        );
    }

    #[test]
    fn a_swap_takes_the_larger_of_its_share_and_the_overflow_from_v_ti_furnaces_and_imports_split_by_eaf_share(
    ) {
        let (k_vti, k_oth, k_eaf) = (p(P::VtiBofCap2020), p(P::OtherBofCap2020), p(P::EafCap2020));
        for (w, share) in [(500.0, 0.5), (500.0, 0.0), (200.0, 0.0), (1000.0, 0.9)] {
            let s = with(&[(L::EafSwap, w), (L::SwapVtiShare, share)]);
            let st = steel(&Ctx::for_test(&s), YEAR, PLENTY_OF_SCRAP, 1.0);
            let w_vti = f64::max(share * w, w - k_oth);
            let what = format!("swap {w} with V-Ti share {share}");
            assert_close(st.cap_vti, k_vti - w_vti, &what);
            assert_close(st.cap_other, k_oth - (w - w_vti), &what);
            assert_close(st.cap_eaf, k_eaf + w, &what);
        }
        // Imports: I·e to EAF, I·(1 − e) to ordinary BF-BOF; r·I retired elsewhere, net I·(1 − r).
        let (imp, e, r) = (400.0, 0.25, 1.5);
        let s = with(&[
            (L::CapacityImport, imp),
            (L::ImportEafShare, e),
            (L::ReplacementRatio, r),
        ]);
        let st = steel(&Ctx::for_test(&s), YEAR, PLENTY_OF_SCRAP, 1.0);
        assert_close(st.cap_eaf, k_eaf + imp * e, "imported EAF");
        assert_close(st.cap_other, k_oth + imp * (1.0 - e), "imported BF-BOF");
        assert_close(st.cap_vti, k_vti, "V-Ti furnaces untouched by imports");
        assert_close(st.retired_elsewhere, r * imp, "retired elsewhere");
        assert_close(st.national_net, imp * (1.0 - r), "national net change");
    }

    #[test]
    fn importing_500_of_steel_capacity_retires_625_elsewhere_under_the_1_25_rule_and_a_swap_retires_its_own_1_1(
    ) {
        // Sichuan is not a key air-pollution region: 1.25:1 (MIIT 2021), whatever ratio a deal's lever says.
        for lever_ratio in [1.1, 1.25, 1.5] {
            let s = with(&[
                (L::CapacityImport, 500.0),
                (L::ReplacementRatio, lever_ratio),
            ]);
            let st = steel(&Ctx::for_test(&s), YEAR, PLENTY_OF_SCRAP, 1.0);
            assert_close(
                st.retired_by_rule,
                625.0,
                &format!("import 500, lever {lever_ratio}"),
            );
            assert_close(
                st.retired_elsewhere,
                500.0 * lever_ratio,
                "the deal's own ratio",
            );
        }
        // An in-house converter-to-EAF swap retires its own furnaces 1:1; with imports both add up.
        let s = with(&[(L::EafSwap, 300.0)]);
        let st = steel(&Ctx::for_test(&s), YEAR, PLENTY_OF_SCRAP, 1.0);
        assert_close(st.retired_by_rule, 300.0, "swap 300");
        let s = with(&[(L::EafSwap, 300.0), (L::CapacityImport, 500.0)]);
        let st = steel(&Ctx::for_test(&s), YEAR, PLENTY_OF_SCRAP, 1.0);
        assert_close(st.retired_by_rule, 925.0, "swap 300 and import 500");
        // The swap's ratio is the rule's parameter: were the rule 1.5:1, the same swap would retire 450.
        let mut s = with(&[(L::EafSwap, 300.0)]);
        s.set_param_mutated(P::EafEqualRatio, 1.5);
        let st = steel(&Ctx::for_test(&s), YEAR, PLENTY_OF_SCRAP, 1.0);
        assert_close(st.retired_by_rule, 450.0, "swap 300 at a 1.5:1 rule");
        let st = steel(&Ctx::for_test(&with(&[])), YEAR, PLENTY_OF_SCRAP, 1.0);
        assert_close(
            st.retired_by_rule,
            0.0,
            "the reference neither swaps nor imports",
        );
    }

    #[test]
    fn eaf_output_is_capped_by_the_scrap_left_after_the_converters() {
        let mut s = with(&[(L::OutsideOre, 3000.0)]);
        // Off the default 1.0 t/t, so dividing by the EAF scrap rate differs from multiplying by it.
        s.set_param(P::ScrapPerEaf, 1.05);
        let c = Ctx::for_test(&s);
        let bof = (p(P::VtiBofCap2020) + p(P::OtherBofCap2020)) * p(P::BofUtil);
        let left = 300.0;
        let scrap = bof * p(P::ScrapPerBof) + left;
        let st = steel(&c, YEAR, scrap, 1.0);
        assert!(st.scrap_limited);
        assert_close(st.eaf, left / 1.05, "EAF = (S − 0.1·BOF) / 1.05");
        // 100 more scrap: 100/1.05 more EAF steel.
        let more = steel(&c, YEAR, scrap + 100.0, 1.0);
        assert_close(more.eaf - st.eaf, 100.0 / 1.05, "EAF response to scrap");
        // Scrap the converters need leaves nothing for EAF.
        let none = steel(&c, YEAR, bof * p(P::ScrapPerBof) * 0.5, 1.0);
        assert_close(none.eaf, 0.0, "no scrap left");
        // Plenty of scrap: EAF = K_eaf · min(1, u_eaf · m_e).
        let k_eaf = p(P::EafCap2020);
        let free = steel(&c, YEAR, PLENTY_OF_SCRAP, 1.1);
        assert!(!free.scrap_limited);
        assert_close(free.eaf, k_eaf * p(P::EafUtil) * 1.1, "EAF with m_e = 1.1");
        let full = steel(&c, YEAR, PLENTY_OF_SCRAP, 2.0);
        assert_close(full.eaf, k_eaf, "EAF capped at capacity");
        // BF-BOF does not respond to the power price.
        assert_close(full.bof_vti, st.bof_vti, "BOF independent of m_e");
    }

    #[test]
    fn short_iron_concentrate_cuts_ordinary_ore_furnaces_first_then_v_ti_ones() {
        let per = p(P::HotMetalPerBof) * p(P::ConcPerHotMetal);
        let bof_vti = p(P::VtiBofCap2020) * p(P::BofUtil);
        let bof_oth = p(P::OtherBofCap2020) * p(P::BofUtil);
        // Local concentrate: declining ore (+ new mine) × y_fe × R_fe.
        let new_mine = 500.0;
        let ore = p(P::OreMined2020) * (1.0 - p(P::ConcDecline)).powi(10) + new_mine;
        let y_fe = p(P::IronConc2020) / (p(P::OreMined2020) * p(P::FeRecovery2020));
        for (outside, vti_cut) in [(700.0, false), (0.0, true)] {
            let s = with(&[(L::OutsideOre, outside), (L::NewMine, new_mine)]);
            let c = Ctx::for_test(&s);
            let st = steel(&c, YEAR, PLENTY_OF_SCRAP, 1.0);
            let local = ore * y_fe * s.get(L::FeRecovery) / 100.0;
            assert_close(st.ore_mined, ore, "ore mined");
            assert_close(st.conc_local, local, "local concentrate");
            let short = ((bof_vti + bof_oth) * per - local - outside) / per;
            assert!(st.ore_limited && short > 0.0);
            assert_eq!(
                short > bof_oth,
                vti_cut,
                "the case this outside supply is meant to test"
            );
            if !vti_cut {
                assert_close(st.bof_other, bof_oth - short, "ordinary furnaces cut");
                assert_close(st.bof_vti, bof_vti, "V-Ti furnaces kept");
            } else {
                assert_close(st.bof_other, 0.0, "ordinary furnaces stopped");
                assert_close(
                    st.bof_vti,
                    bof_vti - (short - bof_oth),
                    "V-Ti furnaces cut by the rest",
                );
            }
            assert_close(st.conc_demand, local + outside, "demand meets supply");
        }
    }

    #[test]
    fn a_new_mine_with_a_schedule_builds_from_its_start_and_is_full_by_its_full_year() {
        let mut s = with(&[(L::NewMine, 1000.0)]);
        s.set_schedule(L::NewMine, 2024, 2032);
        let c = Ctx::for_test(&s);
        let lag = p(P::NewMineLag);
        // Construction from 2024: no ore for the lag, then a straight line to 1,000 by 2032.
        let first = 2024.0 + lag;
        for y in 2020..=2035u16 {
            let got = new_mine_ore(&c, y);
            if f64::from(y) < first {
                assert_eq!(got, 0.0, "{y}");
            } else if y >= 2032 {
                assert_close(got, 1000.0, "full by its full year");
            } else {
                assert!(got > 0.0 && got < 1000.0, "{y}: {got}");
            }
        }
    }

    #[test]
    fn scrap_supply_grows_by_the_phased_in_growth_rate() {
        let s = with(&[(L::ScrapGrowth, 8.0)]);
        let c = Ctx::for_test(&s);
        assert_close(next_scrap_supply(&c, YEAR, 1000.0), 1080.0, "8 %/yr");
        let base = crate::levers::spec(L::ScrapGrowth).base;
        assert_close(
            next_scrap_supply(&c, 2022, 1000.0),
            1000.0 * (1.0 + (base + (8.0 - base) * 0.4) / 100.0),
            "2022, two fifths phased in",
        );
    }

    #[test]
    fn non_bf_capacity_comes_out_of_the_v_ti_furnaces_and_is_cut_last_when_ore_runs_short() {
        let s = with(&[(L::NonBfVti, 500.0), (L::OutsideOre, 3000.0)]);
        let c = Ctx::for_test(&s);
        let st = steel(&c, YEAR, PLENTY_OF_SCRAP, 1.0);
        let u = p(P::BofUtil);
        assert_close(st.cap_nonbf, 500.0, "converted capacity");
        assert_close(
            st.cap_vti,
            p(P::VtiBofCap2020) - 500.0,
            "out of the V-Ti furnaces",
        );
        assert_close(st.nonbf, 500.0 * u, "runs at the BF-BOF utilisation");
        let per = p(P::HotMetalPerBof) * p(P::ConcPerHotMetal);
        assert_close(
            st.conc_demand,
            (st.bof_vti + st.bof_other + st.nonbf) * per,
            "it smelts concentrate too",
        );
        assert!(!st.ore_limited);
        // No outside ore and a short local supply: ordinary furnaces go first, then V-Ti blast furnaces,
        // and the non-BF route keeps its ore longest.
        let s = with(&[(L::NonBfVti, 500.0), (L::OutsideOre, 0.0)]);
        let c = Ctx::for_test(&s);
        let st = steel(&c, 2035, PLENTY_OF_SCRAP, 1.0);
        assert!(st.ore_limited);
        assert_close(st.bof_other, 0.0, "ordinary furnaces cut first");
        assert_close(st.nonbf, 500.0 * u, "non-BF kept");
        assert_close(
            (st.bof_vti + st.nonbf) * per,
            st.conc_local,
            "the rest of the local concentrate",
        );
        // Scrap: non-BF steel takes the BOF charge before the EAFs.
        let scrap = 1000.0;
        let st = steel(&c, YEAR, scrap, 1.0);
        let bof_like = st.bof_vti + st.bof_other + st.nonbf;
        assert!(st.scrap_limited);
        assert_close(
            st.eaf,
            (scrap - bof_like * p(P::ScrapPerBof)) / p(P::ScrapPerEaf),
            "EAF gets the scrap left after the BOF and non-BF charge",
        );
    }
}
