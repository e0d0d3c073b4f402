//! Market baselines: named worlds a scenario is run in (issue 25, item 3) — one lever setting, three worlds.
//!
//! A baseline is what a policy maker does not set: where market prices and steel demand stand. It multiplies,
//! from [`FROM_YEAR`] (2025, the first year history leaves free) on:
//! - each price path (the price lever's path × its uncertainty factor, [`crate::value::prices`]) by its
//!   `prices` multiplier (rebar, V2O5, TiO2, Ti sponge, NdPr oxide);
//! - BF-BOF and EAF utilisation ([`crate::steel`]) by `steel_demand` (demand for Sichuan's steel).
//!
//! History (2020–24) is the same in every baseline, and so is the base year. `central` is the reference (every
//! multiplier exactly 1, so a scenario in it is bit-identical to one before baselines existed); `low` and
//! `high` put prices at the lowest and highest 2020–24 annual average relative to the five-year mean (the
//! ends of each price's uncertainty factor, so the ensemble still draws that factor around each world), and
//! `low` runs the steel mills as far below their 2020 utilisation as China's crude steel output was in 2025.
//! Every number and its source is a row of `data/baselines.csv`; `build.rs` turns it into [`BaselineId`] and
//! [`BASELINES`], and tests recompute each from the rows it cites.

use crate::text::Text;

/// The baselines' data file as it is, with each number's source (what `vtre baselines` prints; unused by the
/// app, so it stays out of the wasm).
pub const BASELINES_CSV: &str = include_str!("../data/baselines.csv");

/// The first year a baseline changes anything.
pub const FROM_YEAR: u16 = 2025;

/// One baseline (a row of `data/baselines.csv`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BaselineSpec {
    pub id: BaselineId,
    /// Stable text id (share links `,base:low`, scenario JSON `"baseline": "low"`, `--baseline low`).
    pub key: &'static str,
    pub label: Text,
    /// Multipliers on the rebar, V2O5, TiO2, Ti sponge and NdPr oxide price paths from [`FROM_YEAR`].
    pub prices: [f64; 5],
    /// Multiplier on BF-BOF and EAF utilisation from [`FROM_YEAR`].
    pub steel_demand: f64,
}

include!(concat!(env!("OUT_DIR"), "/baselines_gen.rs"));

/// The full spec of one baseline.
pub fn spec(id: BaselineId) -> &'static BaselineSpec {
    &BASELINES[id as usize]
}

impl BaselineId {
    /// The reference's market (the default).
    pub const CENTRAL: BaselineId = BaselineId::Central;

    pub fn key(self) -> &'static str {
        spec(self).key
    }
    pub fn from_key(key: &str) -> Option<BaselineId> {
        BASELINES.iter().find(|b| b.key == key).map(|b| b.id)
    }
    pub fn all() -> impl Iterator<Item = BaselineId> {
        BASELINES.iter().map(|b| b.id)
    }
}

impl Default for BaselineId {
    fn default() -> Self {
        BaselineId::CENTRAL
    }
}

impl BaselineSpec {
    /// The multiplier on steel demand in `year` (1 before [`FROM_YEAR`]).
    pub fn demand_in(&self, year: u16) -> f64 {
        if year < FROM_YEAR {
            1.0
        } else {
            self.steel_demand
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::actuals::actuals;
    use crate::params::{spec as pspec, ParamId as P};

    #[test]
    fn the_table_has_the_three_worlds_and_central_changes_nothing() {
        let keys: Vec<&str> = BASELINES.iter().map(|b| b.key).collect();
        assert_eq!(keys, ["low", "central", "high"]);
        let c = spec(BaselineId::CENTRAL);
        assert_eq!(c.prices, [1.0; 5]);
        assert_eq!(c.steel_demand, 1.0);
        assert_eq!(BaselineId::default(), BaselineId::Central);
        for b in BASELINES {
            assert_eq!(BaselineId::from_key(b.key), Some(b.id));
            assert_eq!(b.id.key(), b.key);
            assert!(!b.label.zh.is_empty() && !b.label.en.is_empty());
        }
        assert_eq!(BaselineId::from_key("medium"), None);
        assert_eq!(BaselineId::all().count(), 3);
    }

    #[test]
    fn price_multipliers_are_the_ends_of_each_price_factor_recomputed_from_its_rows() {
        // Low and high are the lowest and highest 2020–24 annual average over their mean, rounded outward
        // to 0.01: exactly the range of each price's uncertainty factor (itself recomputed from the rows by
        // the params tests).
        let factors = [
            P::SteelPriceFactor,
            P::V2o5PriceFactor,
            P::Tio2PriceFactor,
            P::SpongePriceFactor,
            P::NdprPriceFactor,
        ];
        let (low, high) = (spec(BaselineId::Low), spec(BaselineId::High));
        for (i, f) in factors.into_iter().enumerate() {
            assert_eq!(low.prices[i], pspec(f).low, "{}", f.key());
            assert_eq!(high.prices[i], pspec(f).high, "{}", f.key());
            assert!(low.prices[i] < 1.0 && high.prices[i] > 1.0);
        }
    }

    #[test]
    fn low_steel_demand_is_chinas_2025_crude_steel_over_2020() {
        let all = actuals().unwrap();
        let at = |year: u16| {
            all.iter()
                .find(|a| a.key == "cn_crude_steel" && a.year == year)
                .map(|a| a.value)
                .expect("cn_crude_steel row")
        };
        let ratio = at(2025) / at(2020);
        assert!((ratio - 0.91245).abs() < 1e-4, "{ratio}");
        assert_eq!(
            spec(BaselineId::Low).steel_demand,
            (ratio * 1000.0).round() / 1000.0
        );
        // China's output peaked in 2020: no year of the series is above it, so high demand holds 1.
        for y in 2021..=2025 {
            assert!(at(y) < at(2020));
        }
        assert_eq!(spec(BaselineId::High).steel_demand, 1.0);
        assert_eq!(spec(BaselineId::Low).demand_in(2024), 1.0);
        assert_eq!(spec(BaselineId::Low).demand_in(FROM_YEAR), 0.912);
    }

    #[test]
    fn a_baseline_switch_changes_only_the_baselines_inputs() {
        use crate::ctx::Ctx;
        use crate::series::{years, SERIES};
        use crate::{simulate, LeverId, Scenario, SeriesId as S};
        let mut central = Scenario::reference();
        central.set(LeverId::EafSwap, 300.0);
        central.set(LeverId::OutsideOre, 3000.0);
        central.set_param(P::PowerElasticity, -0.5);
        central.set_start_year(2022);
        let pc = simulate(&central);
        for b in [BaselineId::Low, BaselineId::High] {
            let mut s = central.clone();
            s.set_baseline(b);
            // The scenario: only its baseline differs.
            for l in crate::LEVERS {
                assert_eq!(s.get(l.id), central.get(l.id));
            }
            assert_eq!(s.overrides(), central.overrides());
            assert_eq!(s.start_year(), central.start_year());
            assert_ne!(s, central);
            let w = spec(b);
            // Its inputs: each price path times its multiplier from 2025, history as it was.
            let (cs, cc) = (Ctx::for_test(&s), Ctx::for_test(&central));
            for y in years() {
                let (a, z) = (crate::value::prices(&cs, y), crate::value::prices(&cc, y));
                let m = if y < FROM_YEAR { [1.0; 5] } else { w.prices };
                for (i, (got, want)) in [a.steel, a.v2o5, a.tio2, a.sponge, a.ndpr]
                    .into_iter()
                    .zip([z.steel, z.v2o5, z.tio2, z.sponge, z.ndpr])
                    .enumerate()
                {
                    assert_eq!(got, want * m[i], "{} price {i} in {y}", b.key());
                }
                assert_eq!(a.steel_premium, z.steel_premium, "the premium is a lever");
                // Steel utilisation times the demand multiplier (ample ore and scrap: no limit binds).
                let (x, o) = (
                    crate::steel::steel(&cs, y, 1e6, 1.0),
                    crate::steel::steel(&cc, y, 1e6, 1.0),
                );
                let d = w.demand_in(y);
                assert_eq!(x.cap_vti, o.cap_vti);
                assert_eq!(x.cap_eaf, o.cap_eaf);
                assert!((x.bof_vti - o.bof_vti * d).abs() < 1e-9 * o.bof_vti.max(1.0));
                assert!((x.eaf - o.eaf * d).abs() < 1e-9 * o.eaf.max(1.0));
            }
            // The projection: history (2020–24) is the same in every baseline, to the bit.
            let p = simulate(&s);
            for spec in SERIES {
                for y in 2020..FROM_YEAR {
                    assert_eq!(
                        p.at(spec.id, y).to_bits(),
                        pc.at(spec.id, y).to_bits(),
                        "{} {} in {y}",
                        b.key(),
                        spec.key
                    );
                }
            }
            // and from 2025 output value moves the way the world says.
            let (v, v0) = (
                p.at(S::OutputValueTotal, 2030),
                pc.at(S::OutputValueTotal, 2030),
            );
            match b {
                BaselineId::Low => assert!(v < v0 * 0.95, "{v} vs {v0}"),
                _ => assert!(v > v0 * 1.05, "{v} vs {v0}"),
            }
        }
        // Central is the reference's world: bit-identical to a scenario that never named a baseline.
        let mut c = central.clone();
        c.set_baseline(BaselineId::Central);
        assert_eq!(c, central);
    }
}
