//! Named scenarios for workshops and the guideline measures they reflect. The story each one tells is not part
//! of the model: it lives in `content/presets.toml` (keyed by [`Preset::key`]) and the page generator
//! (`vtre-site`) renders it on the notes page, which the app loads when a story is shown.

use super::levers::LeverId as L;
use super::scenario::Scenario;
use super::text::Text;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Preset {
    pub key: &'static str,
    pub label: Text,
    /// Levers set away from the reference (`None` = the reference; `no_new_policy` holds 2020 levels).
    pub levers: &'static [(L, f64)],
}

impl Preset {
    pub fn scenario(&self) -> Scenario {
        let mut s = if self.key == "no_new_policy" {
            Scenario::held_2020()
        } else {
            Scenario::reference()
        };
        for &(id, v) in self.levers {
            s.set(id, v);
        }
        s
    }
}

pub const PRESETS: &[Preset] = &[
    Preset {
        key: "reference",
        label: Text::new("参考情景（指南路径）", "Reference (guideline path)"),
        levers: &[],
    },
    Preset {
        key: "no_new_policy",
        label: Text::new(
            "无新政策（保持2020年）",
            "No new policy (2020 settings held)",
        ),
        levers: &[],
    },
    Preset {
        key: "green_low_carbon",
        label: Text::new("绿色低碳", "Green and low-carbon"),
        levers: &[
            (L::EafSwap, 600.0),
            (L::SwapVtiShare, 0.0),
            (L::ScrapGrowth, 7.0),
            (L::GridFactor, 0.08),
            (L::ChlorideShare, 40.0),
            (L::SteelPremium, 10.0),
            (L::EnergyQuota, 1500.0),
        ],
    },
    Preset {
        key: "resource_security",
        label: Text::new("资源安全", "Resource security"),
        levers: &[
            (L::NewMine, 1500.0),
            (L::VRecovery, 60.0),
            (L::TiRecovery, 40.0),
            (L::FeRecovery, 80.0),
            (L::BfSlagTi, 10.0),
            (L::OutsideOre, 800.0),
        ],
    },
    Preset {
        key: "rare_earth_expansion",
        label: Text::new("稀土扩能", "Rare-earth expansion"),
        levers: &[
            (L::ReQuota, 70000.0),
            (L::ReImported, 40000.0),
            (L::ReSeparation, 120000.0),
            (L::ReDeep, 70.0),
        ],
    },
    Preset {
        key: "vanadium_battery_push",
        label: Text::new("钒电池储能", "Vanadium-battery push"),
        levers: &[
            (L::VrfbDeploy, 4.0),
            (L::VRecovery, 60.0),
            (L::PrefCoverage, 50.0),
            (L::PrefPrice, 0.3),
        ],
    },
];

/// The scenario of a preset, or `None` for an unknown key.
pub fn preset(key: &str) -> Option<Scenario> {
    PRESETS.iter().find(|p| p.key == key).map(Preset::scenario)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::levers::spec;

    #[test]
    fn every_preset_is_valid_distinct_and_labelled_in_both_languages() {
        let mut seen = Vec::new();
        for p in PRESETS {
            for &(id, v) in p.levers {
                assert!(spec(id).contains(v), "{}: {} = {v}", p.key, id.key());
                assert_eq!(
                    spec(id).snap(v),
                    v,
                    "{}: {} on the step grid",
                    p.key,
                    id.key()
                );
            }
            assert!(
                !p.label.zh.trim().is_empty() && !p.label.en.trim().is_empty(),
                "{}",
                p.key
            );
            let s = p.scenario();
            assert!(!seen.contains(&s), "{} duplicates another preset", p.key);
            seen.push(s);
        }
        assert_eq!(preset("reference"), Some(Scenario::reference()));
        assert_eq!(preset("no_new_policy"), Some(Scenario::held_2020()));
        assert_eq!(preset("nope"), None);
    }
}
