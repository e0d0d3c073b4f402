//! Named scenarios for workshops, each with the story it tells and the guideline measures it reflects.

use super::levers::LeverId as L;
use super::scenario::Scenario;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Preset {
    pub key: &'static str,
    pub label_zh: &'static str,
    pub label_en: &'static str,
    /// The story (empty in the browser build, which loads it from the notes page; see `native_text!`).
    pub story_zh: &'static str,
    pub story_en: &'static str,
    /// Levers set away from the reference (`None` = the reference; `no_new_policy` holds 2020 levels).
    pub levers: &'static [(L, f64)],
}

impl Preset {
    pub fn label(&self, zh: bool) -> &'static str {
        if zh {
            self.label_zh
        } else {
            self.label_en
        }
    }
    pub fn story(&self, zh: bool) -> &'static str {
        if zh {
            self.story_zh
        } else {
            self.story_en
        }
    }
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
        label_zh: "参考情景（指南路径）",
        label_en: "Reference (guideline path)",
        story_zh: super::native_text!("指南给出数字的措施按数字实现：钒、钛、铁回收率达到55%、35%、75%，钛白粉产能120万吨，新增可再生能源不计入能耗；没有数字的措施保持最新水平，价格保持2024年均价。它回答的是：只做指南写明数字的事，2025年会怎样？"),
        story_en: super::native_text!("Measures the guideline quantifies reach their numbers: V, Ti and Fe recovery of 55%, 35% and 75%, 1.2 Mt of TiO2 capacity, new renewable power exempt from the energy quota. Measures without a number stay at their latest level and prices stay at 2024 averages. It asks: what does 2025 look like if only the numbered measures happen?"),
        levers: &[],
    },
    Preset {
        key: "no_new_policy",
        label_zh: "无新政策（保持2020年）",
        label_en: "No new policy (2020 settings held)",
        story_zh: super::native_text!("所有杠杆保持2020年水平：回收率不提高，产能不变，没有可再生能源豁免，2025年后价格回到2020年水平。它是衡量指南作用的基线。"),
        story_en: super::native_text!("Every lever held at its 2020 level: no recovery gains, no new capacity, no renewable exemption, and prices after 2024 back at 2020 levels. The baseline against which the guideline's effect is measured."),
        levers: &[],
    },
    Preset {
        key: "green_low_carbon",
        label_zh: "绿色低碳",
        label_en: "Green and low-carbon",
        story_zh: super::native_text!("落实第三章第五节“践行绿色低碳”：600万吨长流程产能置换为全废钢电炉（先关普通矿高炉），废钢加工配送体系使废钢供应年增7%，电网排放因子2030年降到0.08，氯化法钛白粉占40%，产品结构向优特钢升级。能耗指标收紧到1500万吨标准煤。"),
        story_en: super::native_text!("Chapter 3 section 5, green and low-carbon: 6 Mt of BF-BOF capacity swapped to all-scrap EAF (ordinary-ore furnaces first), scrap supply growing 7% a year with processing centres, a grid factor of 0.08 by 2030, 40% chloride-route TiO2 and a richer special-steel mix, under a tighter 15 Mt ce energy quota."),
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
        label_zh: "资源安全",
        label_en: "Resource security",
        story_zh: super::native_text!("落实第三章第六节“优化资源供给”：红格南新矿2030年产原矿1500万吨，回收率超过目标（钒60%、钛40%、铁80%），高炉渣提钛10万吨，同时把省外铁矿依赖压到800万吨以内。看缺口能否靠本地资源补上。"),
        story_en: super::native_text!("Chapter 3 section 6, resource supply: the Hongge South mine producing 15 Mt of ore by 2030, recoveries beyond the targets (V 60%, Ti 40%, Fe 80%), 100 kt of TiO2 from blast-furnace slag, and reliance on outside iron ore capped at 8 Mt. Can local resources close the gap?"),
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
        label_zh: "稀土扩能",
        label_en: "Rare-earth expansion",
        story_zh: super::native_text!("落实第二章第三节“适度扩大稀土采矿及冶炼分离规模”和第三章第二节（三）：开采指标7万吨、进口矿加工4万吨、分离产能12万吨，70%的镨钕在省内制成金属和永磁材料。"),
        story_en: super::native_text!("Chapter 2 section 3 (moderately expand rare-earth mining and separation) and chapter 3 section 2 (iii): a 70 kt mining quota, 40 kt of imported ore, 120 kt of separation capacity, and 70% of NdPr made into metal and magnets in Sichuan."),
        levers: &[(L::ReQuota, 70000.0), (L::ReImported, 40000.0), (L::ReSeparation, 120000.0), (L::ReDeep, 70.0)],
    },
    Preset {
        key: "vanadium_battery_push",
        label_zh: "钒电池储能",
        label_en: "Vanadium-battery push",
        story_zh: super::native_text!("落实第三章第二节（二）“打造钒电池储能产业集群”：每年4 GWh全钒液流电池（约1 GW/年集成能力目标），钒回收率60%，钒钛高耗电环节一半电量享受0.30元/千瓦时优惠电价。"),
        story_en: super::native_text!("Chapter 3 section 2 (ii), a vanadium-battery storage cluster: 4 GWh of flow batteries a year (about the 1 GW/yr integration target), 60% vanadium recovery, and half the electricity of the intensive V-Ti steps at a preferential 0.30 yuan/kWh."),
        levers: &[(L::VrfbDeploy, 4.0), (L::VRecovery, 60.0), (L::PrefCoverage, 50.0), (L::PrefPrice, 0.3)],
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
    fn every_preset_is_valid_distinct_and_explained_in_both_languages() {
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
                p.story_zh.chars().count() > 40 && p.story_en.len() > 80,
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
