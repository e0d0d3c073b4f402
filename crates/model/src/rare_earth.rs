//! Rare earths: quota, imported ore, separation, metal and magnets.
//!
//! ```text
//! mined [t REO]     = quota                                   (Sichuan's share of the national quota)
//! separated         = min(min(mined, separation quota) + imported + recycled, separation capacity)
//! NdPr oxide        = separated · 0.17                        (bastnaesite NdPr share)
//! metal [t]         = min(NdPr · δ · m_e, NdPr) · 0.86         (δ = deep-processing share, m_e power response)
//! ```
//!
//! The separation quota applies to domestic ore; imported ore and recycled material (magnet scrap, the
//! guideline's 二次资源) are processed outside it. So separated ≤ quota + imports + recycled always holds. Mined ore beyond the separation capacity leaves Sichuan as
//! concentrate (not valued here). Metal electrolysis uses 9,000 kWh/t; separation 3 tce/t REO.

use super::levers::LeverId as L;
use super::params::ParamId as P;
use crate::ctx::Ctx;

#[derive(Clone, Copy, Debug, Default)]
pub struct RareEarth {
    pub mined: f64,
    pub imported: f64,
    pub recycled: f64,
    pub separated: f64,
    pub metal: f64,
}

pub fn rare_earth(c: &Ctx, year: u16, m_e: f64) -> RareEarth {
    let mined = c.lever(L::ReQuota, year);
    let imported = c.lever(L::ReImported, year);
    let recycled = c.lever(L::ReRecycled, year);
    let domestic = mined.min(c.lever(L::ReSepQuota, year));
    let separated = (domestic + imported + recycled).min(c.lever(L::ReSeparation, year));
    let ndpr = separated * c.p(P::NdprShare);
    let deep = c.lever(L::ReDeep, year) / 100.0;
    let metal = (ndpr * deep * m_e).min(ndpr) * c.p(P::MetalPerOxide);
    RareEarth {
        mined,
        imported,
        recycled,
        separated,
        metal,
    }
}

/// NdPr metal per tonne of separated REO at full deep-processing (caps metal when separation is curtailed).
pub fn max_metal_per_separated(c: &Ctx) -> f64 {
    c.p(P::NdprShare) * c.p(P::MetalPerOxide)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::scenario::Scenario;
    use crate::test_util::{assert_close, p, with};

    /// Every lever is fully phased in by 2030.
    const YEAR: u16 = 2030;

    #[test]
    fn separation_takes_domestic_ore_up_to_its_quota_plus_imports_and_recycling_up_to_the_capacity()
    {
        let s = with(&[
            (L::ReQuota, 47000.0),
            (L::ReSepQuota, 50000.0),
            (L::ReImported, 20000.0),
            (L::ReSeparation, 70000.0),
        ]);
        let r = rare_earth(&Ctx::for_test(&s), YEAR, 1.0);
        assert_close(r.mined, 47000.0, "mined = quota");
        assert_close(r.imported, 20000.0, "imported");
        assert_close(r.separated, 67000.0, "all ore in hand is separated");
        let s = with(&[
            (L::ReQuota, 47000.0),
            (L::ReImported, 20000.0),
            (L::ReSeparation, 50000.0),
        ]);
        let r = rare_earth(&Ctx::for_test(&s), YEAR, 1.0);
        assert_close(r.separated, 50000.0, "capped by the separation capacity");
        assert_close(r.mined, 47000.0, "mining is not capped by separation");
        // The separation quota caps domestic ore only; imports and recycled material pass outside it.
        let s = with(&[
            (L::ReQuota, 47000.0),
            (L::ReSepQuota, 40000.0),
            (L::ReImported, 20000.0),
            (L::ReRecycled, 5000.0),
            (L::ReSeparation, 100000.0),
        ]);
        let r = rare_earth(&Ctx::for_test(&s), YEAR, 1.0);
        assert_close(r.recycled, 5000.0, "recycled");
        assert_close(
            r.separated,
            40000.0 + 20000.0 + 5000.0,
            "quota + imports + recycled",
        );
    }

    #[test]
    fn metal_is_ndpr_share_times_deep_share_times_power_response_times_metal_yield() {
        let s = Scenario::reference();
        let c = Ctx::for_test(&s);
        let r = rare_earth(&c, YEAR, 1.0);
        let ndpr = r.separated * p(P::NdprShare);
        let deep = s.get(L::ReDeep) / 100.0;
        assert_close(
            r.metal,
            ndpr * deep * p(P::MetalPerOxide),
            "NdPr · δ · 0.86",
        );
        assert_close(
            rare_earth(&c, YEAR, 1.5).metal,
            1.5 * r.metal,
            "metal scales with m_e",
        );
        // m_e · δ > 1: all NdPr oxide is made into metal, and no more.
        let capped = rare_earth(&c, YEAR, 3.0);
        assert!(3.0 * deep > 1.0);
        assert_close(capped.metal, ndpr * p(P::MetalPerOxide), "capped at NdPr");
        assert_close(
            capped.metal,
            capped.separated * max_metal_per_separated(&c),
            "max metal per separated = 0.17 · 0.86",
        );
        assert_close(
            max_metal_per_separated(&c),
            p(P::NdprShare) * p(P::MetalPerOxide),
            "max metal per separated",
        );
    }

    #[test]
    fn doubling_the_deep_processing_share_doubles_metal_but_not_separation() {
        let run = |deep: f64| {
            let s = with(&[(L::ReDeep, deep)]);
            rare_earth(&Ctx::for_test(&s), YEAR, 1.0)
        };
        let (a, b) = (run(40.0), run(80.0));
        assert_close(b.metal, 2.0 * a.metal, "metal doubles");
        assert_close(b.separated, a.separated, "separation unchanged");
    }
}
