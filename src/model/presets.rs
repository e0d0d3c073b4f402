//! Named scenarios.

use super::levers::LeverId as L;
use super::scenario::Scenario;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Preset {
    pub key: &'static str,
    pub label_zh: &'static str,
    pub label_en: &'static str,
    pub story_zh: &'static str,
    pub story_en: &'static str,
}

pub const PRESETS: &[Preset] = &[
    Preset {
        key: "reference",
        label_zh: "参考情景（指南路径）",
        label_en: "Reference (guideline path)",
        story_zh: "指南给出数字的措施按数字实现（回收率、钛白粉产能），没有数字的措施保持最新水平。",
        story_en: "Measures the guideline quantifies reach their numbers (recoveries, TiO2 capacity); measures without a number stay at their latest level.",
    },
    Preset {
        key: "no_new_policy",
        label_zh: "无新政策（保持2020年）",
        label_en: "No new policy (2020 settings held)",
        story_zh: "所有杠杆保持2020年水平：回收率不提高，产能不变，价格按历史后保持2020年。",
        story_en: "Every lever held at its 2020 level: no recovery gains, no new capacity; prices after 2024 back at 2020 levels.",
    },
];

/// The scenario of a preset, or `None` for an unknown key.
pub fn preset(key: &str) -> Option<Scenario> {
    match key {
        "reference" => Some(Scenario::reference()),
        "no_new_policy" => Some(Scenario::held_2020()),
        _ => None,
    }
}

#[allow(dead_code)]
fn _uses(_: L) {}
