//! The lever table: every policy or market choice a user can move, as data.
//!
//! A lever holds the value the scenario reaches by its `target_year`. Between 2020 and the target year the
//! value is phased in linearly from the lever's 2020 level (`base`) and held after:
//!
//! ```text
//! v(y) = base + (x − base) · clamp((y − 2020) / (target_year − 2020), 0, 1)
//! ```
//!
//! Switches (`step == 1`, range 0–1) take effect from 2021. Price levers are different: 2020–2024 follow the
//! annual averages in the baseline CSV and the lever sets the price from 2025 on.
//!
//! The table is data: `data/levers.csv` (one row per lever: id, key, group, unit, range, step, 2020 level,
//! default, target year, guideline section, label), turned into [`LeverId`] and [`LEVERS`] by `build.rs`,
//! which rejects a malformed row, an unknown group or a default outside the range. Every lever cites the
//! guideline chapter/section it comes from. Reference defaults are the guideline's own number where it gives
//! one; where it gives none, the default holds the latest known level. The long texts (what a lever does, the
//! CSV rows behind its 2020 level and range, why the default is what it is) are not part of the model: they
//! live in `content/levers.toml` and the page generator (`vtre-site`) renders them.

use crate::text::Text;

/// Lever groups as the UI shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LeverGroup {
    Steel,
    VanadiumTitanium,
    RareEarth,
    EnergyPower,
    Prices,
}

impl LeverGroup {
    pub const ALL: [LeverGroup; 5] = [
        LeverGroup::Steel,
        LeverGroup::VanadiumTitanium,
        LeverGroup::RareEarth,
        LeverGroup::EnergyPower,
        LeverGroup::Prices,
    ];
    pub fn id(self) -> &'static str {
        match self {
            LeverGroup::Steel => "steel",
            LeverGroup::VanadiumTitanium => "vanadium_titanium",
            LeverGroup::RareEarth => "rare_earth",
            LeverGroup::EnergyPower => "energy_power",
            LeverGroup::Prices => "prices",
        }
    }
    pub fn label(self) -> Text {
        match self {
            LeverGroup::Steel => Text::new("钢铁", "Steel"),
            LeverGroup::VanadiumTitanium => Text::new("钒钛", "Vanadium & titanium"),
            LeverGroup::RareEarth => Text::new("稀土", "Rare earths"),
            LeverGroup::EnergyPower => Text::new("能源与电价", "Energy & power"),
            LeverGroup::Prices => Text::new("价格", "Prices"),
        }
    }
}

/// One lever (a row of `data/levers.csv`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LeverSpec {
    pub id: LeverId,
    /// Stable text id used in share links, JSON scenarios, the CLI and `data-lever` hooks.
    pub key: &'static str,
    pub group: LeverGroup,
    pub unit: Text,
    pub min: f64,
    pub max: f64,
    pub step: f64,
    /// The 2020 level the lever phases in from (the CSV value of `base_param` × scale when it has one).
    pub base: f64,
    /// The parameter the 2020 level reads, with its scale to the lever's unit (e.g. a fraction × 100 for a
    /// lever in %): overriding that parameter moves the lever's starting point.
    pub base_param: Option<(crate::params::ParamId, f64)>,
    /// The reference scenario's value.
    pub default: f64,
    pub target_year: u16,
    /// Chapter/section of the guideline, e.g. `第三章第五节（一）`.
    pub guideline_ref: &'static str,
    /// Stable id of that section for links (`ch3-s5`).
    pub section: &'static str,
    pub label: Text,
}

/// What a lever is to a policy maker: something a policy sets, a market outcome, or an accounting choice.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LeverKind {
    /// Set by policy (capacities, recoveries, quotas, tariffs, the grid path).
    Policy,
    /// A market price or valuation (the price levers and the special-steel premium): an "if markets…"
    /// assumption, never a policy answer.
    Market,
    /// How a figure is counted (the electricity convention): changes no tonne and no tce.
    Accounting,
}

impl LeverSpec {
    /// Policy, market or accounting: the price group is the market; the electricity convention is accounting.
    pub fn kind(&self) -> LeverKind {
        if self.id == LeverId::ElecConvention {
            LeverKind::Accounting
        } else if self.group == LeverGroup::Prices {
            LeverKind::Market
        } else {
            LeverKind::Policy
        }
    }
    pub fn is_switch(&self) -> bool {
        self.step == 1.0 && self.min == 0.0 && self.max == 1.0
    }
    /// Clamps into range and snaps to the step grid (relative to `min`).
    pub fn snap(&self, v: f64) -> f64 {
        if !v.is_finite() {
            return self.default;
        }
        let c = v.clamp(self.min, self.max);
        let steps = ((c - self.min) / self.step).round();
        let s = self.min + steps * self.step;
        // Round away binary noise so 0.1 steps print as 0.1.
        let s = (s * 1e9).round() / 1e9;
        s.clamp(self.min, self.max)
    }
    /// Whether `v` is inside the range.
    pub fn contains(&self, v: f64) -> bool {
        v.is_finite() && v >= self.min && v <= self.max
    }
}

use crate::params::ParamId;
include!(concat!(env!("OUT_DIR"), "/levers_gen.rs"));

/// Number of levers.
pub const N_LEVERS: usize = LEVERS.len();

/// The full spec of one lever.
pub fn spec(id: LeverId) -> &'static LeverSpec {
    &LEVERS[id as usize]
}

impl LeverId {
    pub fn key(self) -> &'static str {
        spec(self).key
    }
    pub fn from_key(key: &str) -> Option<LeverId> {
        LEVERS.iter().find(|l| l.key == key).map(|l| l.id)
    }
    pub fn all() -> impl Iterator<Item = LeverId> {
        LEVERS.iter().map(|l| l.id)
    }
    /// Price levers follow the CSV history to 2024 and the lever from 2025.
    pub fn is_price(self) -> bool {
        matches!(
            self,
            LeverId::SteelPrice
                | LeverId::V2o5Price
                | LeverId::Tio2Price
                | LeverId::SpongePrice
                | LeverId::NdprPrice
        )
    }
}

/// The phase-in fraction of a lever in `year`: 0 in 2020, 1 from `target_year` on.
pub fn ramp(year: u16, target_year: u16) -> f64 {
    if target_year <= 2020 {
        return if year > 2020 { 1.0 } else { 0.0 };
    }
    let span = f64::from(target_year - 2020);
    (f64::from(year.saturating_sub(2020)) / span).clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::params::{spec as pspec, ParamId};

    #[test]
    fn the_generated_table_walks_in_order_with_sane_ranges_and_both_languages() {
        for (i, l) in LEVERS.iter().enumerate() {
            assert_eq!(l.id as usize, i, "table order");
            assert!(l.min < l.max, "{}", l.key);
            assert!(
                l.min <= l.default && l.default <= l.max,
                "{} default in range",
                l.key
            );
            assert!(
                l.min <= l.base && l.base <= l.max,
                "{} base in range",
                l.key
            );
            assert!(l.step > 0.0 && l.step <= (l.max - l.min), "{} step", l.key);
            assert_eq!(
                l.snap(l.default),
                l.default,
                "{} default on the step grid",
                l.key
            );
            for s in [l.label.zh, l.label.en, l.unit.zh, l.unit.en] {
                assert!(!s.trim().is_empty(), "{} has an empty text", l.key);
            }
            assert!(
                l.guideline_ref.starts_with('第'),
                "{} cites a chapter",
                l.key
            );
            assert!(l.section.starts_with("ch"), "{} section id", l.key);
            assert!(
                l.label
                    .zh
                    .chars()
                    .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{} zh label is Chinese",
                l.key
            );
            assert!(
                !l.label
                    .en
                    .chars()
                    .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{} en label is English",
                l.key
            );
            assert_eq!(LeverId::from_key(l.key), Some(l.id));
        }
    }

    #[test]
    fn the_generated_table_keeps_the_typed_ids_and_values() {
        // Spot checks that the CSV reached the table unchanged (the first, a switch, a fine step, a zero default).
        let l = spec(LeverId::EafSwap);
        assert_eq!(
            (l.key, l.group, l.min, l.max, l.step, l.default),
            ("eaf_swap", LeverGroup::Steel, 0.0, 1200.0, 10.0, 0.0)
        );
        assert_eq!(l.unit.get(crate::Lang::En), "10 kt/yr");
        assert!(spec(LeverId::RenewableExemption).is_switch());
        assert_eq!(spec(LeverId::GridFactor).step, 0.0005);
        assert_eq!(spec(LeverId::GridFactor).target_year, 2030);
        assert_eq!(spec(LeverId::ReRecycled).default, 0.0);
        // Every row reached the table, in order (a new row at the end needs no change here).
        assert_eq!(LEVERS.len(), N_LEVERS);
        assert!(LEVERS.iter().enumerate().all(|(i, l)| l.id as usize == i));
        assert_eq!(spec(LeverId::NdprPrice).default, 400000.0);
        assert_eq!(
            spec(LeverId::ReDeep).label.en,
            "Rare-earth deep processing (metal, magnets)"
        );
    }

    #[test]
    fn lever_2020_levels_equal_the_baseline_parameters() {
        let pairs = [
            (
                LeverId::VRecovery,
                pspec(ParamId::VRecovery2020).value * 100.0,
            ),
            (
                LeverId::TiRecovery,
                pspec(ParamId::TiRecovery2020).value * 100.0,
            ),
            (
                LeverId::FeRecovery,
                pspec(ParamId::FeRecovery2020).value * 100.0,
            ),
            (
                LeverId::ChlorideShare,
                pspec(ParamId::ChlorideShare2020).value * 100.0,
            ),
            (LeverId::Tio2Capacity, pspec(ParamId::Tio2Cap2020).value),
            (LeverId::SpongeCapacity, pspec(ParamId::SpongeCap2020).value),
            (LeverId::ReQuota, pspec(ParamId::ReQuota2020).value),
            (LeverId::ReImported, pspec(ParamId::ReImported2020).value),
            (LeverId::ReSeparation, pspec(ParamId::ReSepCap2020).value),
            (LeverId::ReDeep, pspec(ParamId::ReDeep2020).value * 100.0),
            (LeverId::EnergyQuota, pspec(ParamId::Quota2020).value),
            (LeverId::PowerPrice, pspec(ParamId::PowerPrice2020).value),
            (LeverId::PrefPrice, pspec(ParamId::PrefPrice2020).value),
            (LeverId::GridFactor, pspec(ParamId::Grid2020).value),
            (
                LeverId::ScrapGrowth,
                pspec(ParamId::ScrapGrowth2020).value * 100.0,
            ),
            (LeverId::VrfbDeploy, pspec(ParamId::Vrfb2020).value),
            (
                LeverId::ReplacementRatio,
                pspec(ParamId::ReplacementRatio).value,
            ),
        ];
        for (id, v) in pairs {
            assert!(
                (spec(id).base - v).abs() < 1e-9,
                "{} base {} vs param {v}",
                id.key(),
                spec(id).base
            );
        }
    }

    #[test]
    fn phase_in_runs_from_2020_to_the_target_year_and_holds() {
        assert_eq!(ramp(2020, 2025), 0.0);
        assert!((ramp(2022, 2025) - 0.4).abs() < 1e-12);
        assert_eq!(ramp(2025, 2025), 1.0);
        assert_eq!(ramp(2035, 2025), 1.0);
        assert_eq!(ramp(2021, 2021), 1.0);
        assert_eq!(ramp(2020, 2021), 0.0);
    }

    #[test]
    fn the_prices_are_market_levers_the_electricity_convention_is_accounting_and_the_rest_are_policy(
    ) {
        for l in LEVERS {
            let want = if l.id == LeverId::ElecConvention {
                LeverKind::Accounting
            } else if l.group == LeverGroup::Prices {
                LeverKind::Market
            } else {
                LeverKind::Policy
            };
            assert_eq!(l.kind(), want, "{}", l.key);
        }
        assert_eq!(spec(LeverId::SteelPrice).kind(), LeverKind::Market);
        assert_eq!(spec(LeverId::V2o5Price).kind(), LeverKind::Market);
        // The power prices are the guideline's electricity-price support (第四章第五节（四）): policy.
        assert_eq!(spec(LeverId::PowerPrice).kind(), LeverKind::Policy);
        assert_eq!(spec(LeverId::ElecConvention).kind(), LeverKind::Accounting);
        assert_eq!(spec(LeverId::EafSwap).kind(), LeverKind::Policy);
        assert_eq!(spec(LeverId::RenewableExemption).kind(), LeverKind::Policy);
        let count = |k: LeverKind| LEVERS.iter().filter(|l| l.kind() == k).count();
        assert_eq!(count(LeverKind::Accounting), 1);
        assert!(
            count(LeverKind::Market) >= 2 && count(LeverKind::Policy) > count(LeverKind::Market)
        );
    }

    #[test]
    fn groups_have_stable_ids_and_only_the_two_on_off_levers_are_switches() {
        assert_eq!(
            [
                LeverGroup::Steel,
                LeverGroup::VanadiumTitanium,
                LeverGroup::RareEarth,
                LeverGroup::EnergyPower,
                LeverGroup::Prices
            ]
            .map(LeverGroup::id),
            [
                "steel",
                "vanadium_titanium",
                "rare_earth",
                "energy_power",
                "prices"
            ]
        );
        let switches: Vec<LeverId> = LEVERS
            .iter()
            .filter(|l| l.is_switch())
            .map(|l| l.id)
            .collect();
        assert_eq!(
            switches,
            [LeverId::RenewableExemption, LeverId::ElecConvention]
        );
        let l = spec(LeverId::ChlorideShare);
        assert!(l.contains(l.min) && l.contains(l.max) && l.contains(20.0));
        assert!(!l.contains(l.max + 1.0) && !l.contains(l.min - 1.0) && !l.contains(f64::NAN));
    }

    #[test]
    fn ids_keys_and_price_levers_round_trip() {
        assert_eq!(LeverId::all().count(), LEVERS.len());
        for l in LEVERS {
            assert_eq!(LeverId::from_key(l.id.key()), Some(l.id));
            assert_eq!(l.id.key(), l.key);
        }
        assert_eq!(LeverId::EafSwap.key(), "eaf_swap");
        assert_eq!(LeverId::from_key("no_such_lever"), None);
        let prices: Vec<LeverId> = LeverId::all().filter(|l| l.is_price()).collect();
        assert_eq!(
            prices,
            [
                LeverId::SteelPrice,
                LeverId::V2o5Price,
                LeverId::Tio2Price,
                LeverId::SpongePrice,
                LeverId::NdprPrice
            ]
        );
    }

    #[test]
    fn the_ramp_is_zero_in_2020_linear_to_the_target_year_and_one_after() {
        assert_eq!(ramp(2020, 2025), 0.0);
        assert_eq!(ramp(2021, 2025), 0.2);
        assert_eq!(ramp(2025, 2025), 1.0);
        assert_eq!(ramp(2035, 2025), 1.0);
        assert_eq!(ramp(2019, 2025), 0.0);
        // A target year of 2020 (immediate) is off in 2020 and on from 2021.
        assert_eq!(ramp(2020, 2020), 0.0);
        assert_eq!(ramp(2021, 2020), 1.0);
    }
}
