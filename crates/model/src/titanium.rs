//! Titanium: concentrate, TiO2 by route, slag, sponge, materials and Ti from blast-furnace slag.
//!
//! ```text
//! Ti concentrate [万t] = ore · y_ti · R_ti                     (y_ti calibrated: 2020 → 511万吨 at R_ti = 20 %)
//! chlorination         = K_tio2 · χ · u · min(m_e, 1/u)         (u = 0.80, the national operating rate;
//!                                                                χ = chloride share; never above K_tio2 · χ)
//! sulfate              = K_tio2 · (1 − χ) · u
//! TiO2 from BF slag    = min(lever · min(1, m_e), HM_vti · s · τ · η_bf, chlorination)
//! TiO2 from non-BF     = min(0.13 · NB, chlorination − TiO2 from BF slag)
//! chloride (own slag)  = chlorination − TiO2 from BF slag − TiO2 from non-BF slag
//! sponge [t]           = K_sponge · min(1, u_sp · m_e)
//! slag [万t]           = 1.3 · chloride + 2.3 · sponge/10⁴ + slag sold out of province (35)
//! concentrate need     = 2.4 · sulfate + 1.8 · slag             (scaled down together if above supply)
//! Ti recovery          = R_ti                                   (the guideline's 钛选矿回收率: dressing)
//! Ti from slag         = (TiO2 from BF slag + TiO2 from non-BF slag) / TiO2 in ore   (its own series)
//! ```
//!
//! **One TiO2 capacity.** The TiCl4 from blast-furnace slag (carbonisation and chlorination) and the
//! Ti-rich slag of non-blast-furnace smelting are chloride-route feeds: they are oxidised to TiO2 in the
//! same chloride plants (`K_tio2 · χ`) as the electric-furnace slag made from concentrate, and take that
//! capacity first (they are the by-products the guideline wants used), so TiO2 output never exceeds the
//! TiO2 capacity. What the plants cannot take is not made (the non-BF route's unprocessed Ti-rich slag
//! is not valued).
//!
//! TiO2 from blast-furnace slag is bounded by the slag the V-Ti blast furnaces make this year: `HM_vti`
//! (万t V-Ti hot metal) · `s` = 0.65 t slag per t hot metal · `τ` = 23.5 % TiO2 in the slag · `η_bf` = 75 %
//! extraction (all ESTIMATEs, see the baseline CSV). Swapping the V-Ti furnaces out removes the slag, and with
//! it this titanium.
//!
//! **Ti recovery** is scored as the guideline measures it, the dressing recovery `R_ti` (ore → concentrate):
//! titanium extracted from slag is reported as its own series, not added to the score.
//!
//! The share `δ` of sponge processed into materials in Sichuan is valued at 2.5× sponge (see
//! [`super::value`]). `m_e` is the power-price response from [`super::energy`].

use super::levers::LeverId as L;
use super::params::ParamId as P;
use crate::ctx::Ctx;

#[derive(Clone, Copy, Debug, Default)]
pub struct Titanium {
    pub concentrate: f64,
    pub sulfate: f64,
    pub chloride: f64,
    pub slag_sold: f64,
    pub sponge: f64,
    pub bf_slag_tio2: f64,
    /// The lever asks for more TiO2 than this year's V-Ti blast-furnace slag holds.
    pub bf_slag_limited: bool,
    /// TiO2 made per tonne of non-blast-furnace steel this year (its Ti-rich slag, up to the chlorination
    /// capacity left after the BF slag), t/t.
    pub nonbf_tio2_per_t: f64,
    /// The slag feeds (BF slag, non-BF slag) ask for more than the chloride plants can take.
    pub chlorination_limited: bool,
    /// TiO2 capacity this year, 万t/yr.
    pub capacity: f64,
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

/// Titanium in `year` from the ore mined (万t), the power response `m_e`, the V-Ti hot metal (万t) whose
/// blast-furnace slag can be processed and the non-blast-furnace steel (万t) whose Ti-rich slag can be.
pub fn titanium(c: &Ctx, year: u16, ore_mined: f64, m_e: f64, hm_vti: f64, nonbf: f64) -> Titanium {
    let concentrate = ore_mined * c.cal.ti_yield * c.lever(L::TiRecovery, year) / 100.0;
    let u = c.p(P::Tio2Util);
    let capacity = c.lever(L::Tio2Capacity, year);
    let potential = capacity * u;
    let chi = c.lever(L::ChlorideShare, year) / 100.0;
    let chlorination = potential * chi * m_e.min(1.0 / u);
    // The slag feeds take the chloride plants first; the rest is the plants' own slag from concentrate.
    let bf_asked = c.lever(L::BfSlagTi, year) * m_e.min(1.0);
    let bf_slag_max =
        hm_vti.max(0.0) * c.p(P::BfSlagPerHm) * c.p(P::BfSlagTio2) * c.p(P::BfSlagExtraction);
    let bf_possible = bf_asked.min(bf_slag_max);
    let bf_slag_tio2 = bf_possible.min(chlorination);
    let nb_wanted = nonbf.max(0.0) * c.p(P::NonBfTio2);
    let nb_tio2 = nb_wanted.min((chlorination - bf_slag_tio2).max(0.0));
    let nonbf_tio2_per_t = if nonbf > 0.0 {
        nb_tio2 / nonbf
    } else {
        c.p(P::NonBfTio2)
    };
    let mut chloride = (chlorination - bf_slag_tio2 - nb_tio2).max(0.0);
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
        bf_slag_tio2,
        bf_slag_limited: bf_asked > bf_slag_max + 1e-9,
        nonbf_tio2_per_t,
        chlorination_limited: bf_possible + nb_wanted > chlorination + 1e-9,
        capacity,
        deep_share: c.lever(L::TiDeepProcessing, year) / 100.0,
        tio2_in_ore: ore_mined * c.cal.tio2_per_ore,
        conc_limited,
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
    /// V-Ti hot metal (万t) whose slag holds far more TiO2 than any BF-slag lever setting.
    const HM_PLENTY: f64 = 1e5;

    /// The unconstrained routes of the reference scenario at power response `m_e` (no non-BF steel, BF slag
    /// plentiful): the chloride plants' own slag fills what the BF-slag TiO2 leaves.
    fn unconstrained(s: &Scenario, m_e: f64) -> (f64, f64, f64) {
        let u = p(P::Tio2Util);
        let pot = s.get(L::Tio2Capacity) * u;
        let chi = s.get(L::ChlorideShare) / 100.0;
        let chlorination = pot * chi * m_e.min(1.0 / u);
        let chloride = chlorination - (s.get(L::BfSlagTi) * m_e.min(1.0)).min(chlorination);
        let sulfate = pot * (1.0 - chi);
        let sponge = s.get(L::SpongeCapacity) * (p(P::SpongeUtil) * m_e).min(1.0);
        (chloride, sulfate, sponge)
    }

    #[test]
    fn ti_concentrate_is_ore_times_calibrated_yield_times_recovery() {
        let s = Scenario::reference();
        let c = Ctx::for_test(&s);
        let y_ti = p(P::TiConc2020) / (p(P::OreMined2020) * p(P::TiRecovery2020));
        let ore = 8000.0;
        let t = titanium(&c, YEAR, ore, 1.0, HM_PLENTY, 0.0);
        assert_close(
            t.concentrate,
            ore * y_ti * s.get(L::TiRecovery) / 100.0,
            "ore · y_ti · R_ti",
        );
        assert_close(
            t.tio2_in_ore,
            ore * p(P::TiOreTio2) / p(P::OreMined2020),
            "TiO2 in ore",
        );
        assert_close(
            titanium(&c, YEAR, 2.0 * ore, 1.0, HM_PLENTY, 0.0).concentrate,
            2.0 * t.concentrate,
            "doubling ore doubles concentrate",
        );
        // 2020: levers at their base, 2020 ore → the published 511万吨.
        assert_close(
            titanium(&c, 2020, p(P::OreMined2020), 1.0, HM_PLENTY, 0.0).concentrate,
            p(P::TiConc2020),
            "2020 concentrate",
        );
    }

    #[test]
    fn tio2_capacity_splits_into_chloride_and_sulfate_by_the_chloride_share() {
        let s = Scenario::reference();
        let c = Ctx::for_test(&s);
        let t = titanium(&c, YEAR, p(P::OreMined2020), 1.0, HM_PLENTY, 0.0);
        assert!(!t.conc_limited);
        let (chloride, sulfate, sponge) = unconstrained(&s, 1.0);
        assert_close(t.chloride, chloride, "chloride = K·u·χ");
        assert_close(t.sulfate, sulfate, "sulfate = K·u·(1 − χ)");
        assert_close(t.sponge, sponge, "sponge = K_sp·u_sp");
        assert_close(t.slag_sold, p(P::SlagExternal), "slag sold");
        assert_close(t.bf_slag_tio2, s.get(L::BfSlagTi), "TiO2 from BF slag");
        assert_close(
            t.deep_share,
            s.get(L::TiDeepProcessing) / 100.0,
            "deep share",
        );
        // slag = 1.3·chloride + 2.3·sponge/10⁴ + sold
        assert_close(
            t.slag(&c),
            p(P::SlagPerChloride) * chloride
                + p(P::SlagPerSponge) * sponge / 1e4
                + p(P::SlagExternal),
            "slag",
        );
    }

    #[test]
    fn the_power_response_moves_only_the_electricity_intensive_routes_up_to_capacity() {
        let s = Scenario::reference();
        let c = Ctx::for_test(&s);
        let ore = p(P::OreMined2020);
        let base = titanium(&c, YEAR, ore, 1.0, HM_PLENTY, 0.0);
        let up = titanium(&c, YEAR, ore, 1.2, HM_PLENTY, 0.0);
        // The chloride plants' output (own slag + BF slag) scales with m_e; the BF slag is capped at its lever.
        assert_close(
            up.chloride + up.bf_slag_tio2,
            1.2 * (base.chloride + base.bf_slag_tio2),
            "chlorination × m_e",
        );
        assert_close(
            up.chloride,
            unconstrained(&s, 1.2).0,
            "own slag fills the rest",
        );
        assert_close(up.sulfate, base.sulfate, "sulfate does not respond");
        assert_close(
            up.sponge,
            unconstrained(&s, 1.2).2,
            "sponge = K·min(1, u·m_e)",
        );
        assert_close(
            up.bf_slag_tio2,
            base.bf_slag_tio2,
            "BF slag capped at the lever",
        );
        let down = titanium(&c, YEAR, ore, 0.5, HM_PLENTY, 0.0);
        assert_close(
            down.chloride + down.bf_slag_tio2,
            0.5 * (base.chloride + base.bf_slag_tio2),
            "chlorination × 0.5",
        );
        assert_close(down.bf_slag_tio2, 0.5 * base.bf_slag_tio2, "BF slag × 0.5");
        assert_close(down.sponge, 0.5 * base.sponge, "sponge × 0.5");
        // Far above: every route at full capacity.
        let full = titanium(&c, YEAR, ore, 3.0, HM_PLENTY, 0.0);
        assert_close(
            full.chloride + full.bf_slag_tio2,
            s.get(L::Tio2Capacity) * s.get(L::ChlorideShare) / 100.0,
            "chloride plants capped at their capacity",
        );
        assert_close(full.sponge, s.get(L::SpongeCapacity), "sponge capped");
    }

    #[test]
    fn short_concentrate_scales_every_route_down_together_to_what_the_ore_gives() {
        let s = Scenario::reference();
        let c = Ctx::for_test(&s);
        let (chloride, sulfate, sponge) = unconstrained(&s, 1.0);
        let slag = p(P::SlagPerChloride) * chloride
            + p(P::SlagPerSponge) * sponge / 1e4
            + p(P::SlagExternal);
        let need = sulfate * p(P::ConcPerSulfate) + slag * p(P::ConcPerSlag);
        let t = titanium(&c, YEAR, 2000.0, 1.0, HM_PLENTY, 0.0);
        assert!(t.conc_limited && t.concentrate < need);
        let f = t.concentrate / need;
        assert_close(t.chloride, chloride * f, "chloride scaled");
        assert_close(t.sulfate, sulfate * f, "sulfate scaled");
        assert_close(t.sponge, sponge * f, "sponge scaled");
        assert_close(t.slag_sold, p(P::SlagExternal) * f, "slag sold scaled");
        assert_close(
            t.sulfate * p(P::ConcPerSulfate) + t.slag(&c) * p(P::ConcPerSlag),
            t.concentrate,
            "need = 2.4·sulfate + 1.8·slag uses exactly the concentrate",
        );
        assert_close(
            t.bf_slag_tio2,
            s.get(L::BfSlagTi),
            "BF slag needs no concentrate",
        );
    }

    #[test]
    fn bf_slag_titanium_is_bounded_by_the_slag_of_this_years_v_ti_hot_metal() {
        let s = Scenario::reference();
        let c = Ctx::for_test(&s);
        let per_hm = p(P::BfSlagPerHm) * p(P::BfSlagTio2) * p(P::BfSlagExtraction);
        let asked = s.get(L::BfSlagTi);
        assert!(asked > 0.0);
        // Plenty of hot metal: the lever decides.
        let t = titanium(&c, YEAR, 8000.0, 1.0, HM_PLENTY, 0.0);
        assert_close(t.bf_slag_tio2, asked, "lever when slag is plentiful");
        assert!(!t.bf_slag_limited);
        // Little hot metal: the slag decides.
        let hm = 0.5 * asked / per_hm;
        let t = titanium(&c, YEAR, 8000.0, 1.0, hm, 0.0);
        assert_close(t.bf_slag_tio2, hm * per_hm, "HM_vti · s · τ · η_bf");
        assert!(t.bf_slag_limited);
        // No V-Ti blast furnaces, no slag, no titanium from it.
        assert_close(
            titanium(&c, YEAR, 8000.0, 1.0, 0.0, 0.0).bf_slag_tio2,
            0.0,
            "no slag",
        );
    }

    #[test]
    fn slag_feeds_share_the_chloride_plants_so_tio2_never_exceeds_capacity() {
        // Large slag feeds: 60万吨 asked from BF slag, 1,000万吨 of non-BF steel at 0.13 t TiO2/t.
        let mut s = Scenario::reference();
        s.set(L::BfSlagTi, 60.0);
        let c = Ctx::for_test(&s);
        let (k, chi, u) = (
            s.get(L::Tio2Capacity),
            s.get(L::ChlorideShare) / 100.0,
            p(P::Tio2Util),
        );
        let chlorination = k * chi * u;
        let t = titanium(&c, YEAR, 8000.0, 1.0, HM_PLENTY, 1000.0);
        // BF slag takes the plants first (19.2万吨 at 120万吨 × 20 % × 0.8), nothing is left for the rest.
        assert_close(
            t.bf_slag_tio2,
            chlorination,
            "BF slag up to the chloride plants",
        );
        assert_close(t.nonbf_tio2_per_t, 0.0, "no room for the non-BF slag");
        assert_close(t.chloride, 0.0, "no room for the plants' own slag");
        assert!(t.chlorination_limited);
        assert!(t.sulfate + t.chloride + t.bf_slag_tio2 <= k * u + 1e-9);
        // A small BF-slag plant: the non-BF slag takes the rest, the plants' own slag none.
        s.set(L::BfSlagTi, 5.0);
        let c = Ctx::for_test(&s);
        let t = titanium(&c, YEAR, 8000.0, 1.0, HM_PLENTY, 100.0);
        assert_close(t.bf_slag_tio2, 5.0, "BF slag as asked");
        // Both feeds fit in the chloride plants (5 + 100 t × 0.13 below 19.2): nothing is limited.
        assert!(5.0 + 100.0 * p(P::NonBfTio2) < chlorination);
        assert!(!t.chlorination_limited, "both slag feeds fit");
        // Twice the non-BF steel asks more than the plants take: limited.
        let t2 = titanium(&c, YEAR, 8000.0, 1.0, HM_PLENTY, 200.0);
        assert!(5.0 + 200.0 * p(P::NonBfTio2) > chlorination);
        assert!(t2.chlorination_limited, "the slag feeds exceed the plants");
        assert_close(
            t.nonbf_tio2_per_t * 100.0,
            (chlorination - 5.0).min(100.0 * p(P::NonBfTio2)),
            "non-BF slag up to the room left",
        );
        assert_close(
            t.chloride,
            chlorination - 5.0 - t.nonbf_tio2_per_t * 100.0,
            "own slag fills the rest",
        );
        // No slag feeds: the plants run on their own slag and the non-BF rate is the parameter's.
        s.set(L::BfSlagTi, 0.0);
        let c = Ctx::for_test(&s);
        let t = titanium(&c, YEAR, 8000.0, 1.0, HM_PLENTY, 0.0);
        assert_close(t.chloride, chlorination, "own slag only");
        assert_close(t.nonbf_tio2_per_t, p(P::NonBfTio2), "per-tonne rate");
        assert!(!t.chlorination_limited);
    }

    #[test]
    fn short_concentrate_scales_every_route_down_together_to_exactly_the_supply() {
        // A titanium-concentrate squeeze: low recovery, large plants.
        let mut s = Scenario::reference();
        s.set(L::TiRecovery, 15.0);
        s.set(L::Tio2Capacity, 250.0);
        s.set(L::SpongeCapacity, 150000.0);
        let c = Ctx::for_test(&s);
        let free = titanium(&c, YEAR, 8000.0, 1.0, HM_PLENTY, 0.0);
        assert!(free.conc_limited);
        let need = free.sulfate * p(P::ConcPerSulfate) + free.slag(&c) * p(P::ConcPerSlag);
        assert_close(
            need,
            free.concentrate,
            "uses exactly the concentrate there is",
        );
        let (chl, _sul, _sp) = unconstrained(&s, 1.0);
        let f = free.chloride / chl;
        assert!(f > 0.0 && f < 1.0);
        assert_close(
            free.slag_sold,
            p(P::SlagExternal) * f,
            "slag sold scaled with the rest",
        );
    }
}
