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
//! Every lever cites the guideline chapter/section it comes from and the CSV row or guideline figure behind its
//! 2020 level and range. Reference defaults are the guideline's own number where it gives one; where it gives
//! none, the default holds the latest known level (`default_note` says which).

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
    pub fn label(self, zh: bool) -> &'static str {
        match (self, zh) {
            (LeverGroup::Steel, true) => "钢铁",
            (LeverGroup::Steel, false) => "Steel",
            (LeverGroup::VanadiumTitanium, true) => "钒钛",
            (LeverGroup::VanadiumTitanium, false) => "Vanadium & titanium",
            (LeverGroup::RareEarth, true) => "稀土",
            (LeverGroup::RareEarth, false) => "Rare earths",
            (LeverGroup::EnergyPower, true) => "能源与电价",
            (LeverGroup::EnergyPower, false) => "Energy & power",
            (LeverGroup::Prices, true) => "价格",
            (LeverGroup::Prices, false) => "Prices",
        }
    }
}

/// One lever.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LeverSpec {
    pub id: LeverId,
    /// Stable text id used in share links, JSON scenarios, the CLI and `data-lever` hooks.
    pub key: &'static str,
    pub group: LeverGroup,
    /// Unit in Chinese and English.
    pub unit_zh: &'static str,
    pub unit_en: &'static str,
    pub min: f64,
    pub max: f64,
    pub step: f64,
    /// The 2020 level the lever phases in from.
    pub base: f64,
    /// The reference scenario's value.
    pub default: f64,
    pub target_year: u16,
    /// Chapter/section of the guideline, e.g. `第三章第五节（一）`.
    pub guideline_ref: &'static str,
    /// Stable id of that section for links (`ch3-s5`).
    pub section: &'static str,
    pub label_zh: &'static str,
    pub label_en: &'static str,
    /// What the lever does. This and the next three texts are empty in the browser build, which loads them
    /// from the pre-rendered notes page when a lever's info opens (see `native_text!`).
    pub help_zh: &'static str,
    pub help_en: &'static str,
    /// CSV key(s) or guideline text behind the base value and the range.
    pub source: &'static str,
    /// Why the reference default is what it is (Chinese and English).
    pub default_note_zh: &'static str,
    pub default_note: &'static str,
}

impl LeverSpec {
    pub fn is_switch(&self) -> bool {
        self.step == 1.0 && self.min == 0.0 && self.max == 1.0
    }
    pub fn label(&self, zh: bool) -> &'static str {
        if zh {
            self.label_zh
        } else {
            self.label_en
        }
    }
    pub fn help(&self, zh: bool) -> &'static str {
        if zh {
            self.help_zh
        } else {
            self.help_en
        }
    }
    pub fn default_note(&self, zh: bool) -> &'static str {
        if zh {
            self.default_note_zh
        } else {
            self.default_note
        }
    }
    pub fn unit(&self, zh: bool) -> &'static str {
        if zh {
            self.unit_zh
        } else {
            self.unit_en
        }
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

/// The long texts of a lever are native-only (see `native_text!`); every other field is kept as written.
macro_rules! lever_field {
    (help_zh, $v:expr) => {
        super::native_text!($v)
    };
    (help_en, $v:expr) => {
        super::native_text!($v)
    };
    (source, $v:expr) => {
        super::native_text!($v)
    };
    (default_note_zh, $v:expr) => {
        super::native_text!($v)
    };
    (default_note, $v:expr) => {
        super::native_text!($v)
    };
    ($f:ident, $v:expr) => {
        $v
    };
}

macro_rules! levers {
    ($( $id:ident { $($field:ident : $val:expr),* $(,)? } )*) => {
        /// Typed lever ids; `LeverId::X as usize` indexes [`LEVERS`].
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum LeverId { $($id),* }

        /// The lever table, in `LeverId` order.
        pub const LEVERS: &[LeverSpec] = &[ $( LeverSpec { id: LeverId::$id, $($field: lever_field!($field, $val)),* } ),* ];
    };
}

/// Number of levers.
pub const N_LEVERS: usize = LEVERS.len();

levers! {
    // ---- 钢铁 steel ------------------------------------------------------------------------------------------
    EafSwap {
        key: "eaf_swap", group: LeverGroup::Steel, unit_zh: "万吨/年", unit_en: "10 kt/yr",
        min: 0.0, max: 1200.0, step: 10.0, base: 0.0, default: 0.0, target_year: 2025,
        guideline_ref: "第三章第五节（一）", section: "ch3-s5",
        label_zh: "长流程转电炉（产能置换）", label_en: "BF-BOF capacity swapped to EAF",
        help_zh: "把多少高炉-转炉产能等量置换为全废钢电炉（1:1，厂内转换）。“有序引导全废钢电炉炼钢工艺发展”。",
        help_en: "How much blast-furnace/converter capacity is replaced 1:1 by all-scrap electric arc furnaces (in-house swap), per the guideline's call to develop all-scrap EAF steelmaking in an orderly way.",
        source: "capacity_replacement_ratio_eaf_equal; sichuan_bfbof_capacity_2022",
        default_note_zh: "指南未给出数量；参考情景不置换。",
        default_note: "The guideline sets no amount; the reference swaps nothing.",
    }
    SwapVtiShare {
        key: "swap_vti_share", group: LeverGroup::Steel, unit_zh: "比例", unit_en: "share",
        min: 0.0, max: 1.0, step: 0.05, base: 0.0, default: 0.0, target_year: 2025,
        guideline_ref: "第三章第二节（二）", section: "ch3-s2",
        label_zh: "置换中钒钛高炉所占比例", label_en: "Share of the swap taken from V-Ti blast furnaces",
        help_zh: "0 = 先关普通矿高炉，1 = 只关钒钛矿高炉。关钒钛高炉会减少含钒铁水和钒渣（“提高钒收得率，加大钒渣供给量”）。",
        help_en: "0 retires ordinary-ore furnaces first, 1 only V-Ti furnaces. Retiring V-Ti furnaces cuts vanadium-bearing hot metal and vanadium slag, against the guideline's call for more vanadium slag.",
        source: "sichuan_vti_bfbof_capacity_2020; sichuan_other_bfbof_capacity_2020",
        default_note_zh: "参考情景不置换，此项不起作用。",
        default_note: "No swap in the reference, so the share has no effect there.",
    }
    CapacityImport {
        key: "capacity_import", group: LeverGroup::Steel, unit_zh: "万吨/年", unit_en: "10 kt/yr",
        min: 0.0, max: 1000.0, step: 10.0, base: 0.0, default: 0.0, target_year: 2025,
        guideline_ref: "第二章第三节", section: "ch2-s3",
        label_zh: "引进钢铁产能", label_en: "Steel capacity brought into Sichuan",
        help_zh: "“适量引进钢铁产能”：从省外置换进来的新产能，外省须按置换比例关停更多产能。",
        help_en: "\"Bring in a moderate amount of steel capacity\": new capacity moved in from other provinces, which must retire more than they send under the replacement ratio.",
        source: "Guideline 第二章第三节; capacity_replacement_ratio_other_regions",
        default_note_zh: "指南未给出数量；参考情景不引进。",
        default_note: "The guideline gives no amount; the reference imports none.",
    }
    ImportEafShare {
        key: "import_eaf_share", group: LeverGroup::Steel, unit_zh: "比例", unit_en: "share",
        min: 0.0, max: 1.0, step: 0.05, base: 1.0, default: 1.0, target_year: 2025,
        guideline_ref: "第三章第二节（一）", section: "ch3-s2",
        label_zh: "引进产能中电炉比例", label_en: "EAF share of imported capacity",
        help_zh: "引进产能中短流程电炉的比例，其余为普通矿高炉-转炉（需外购铁矿）。",
        help_en: "Share of imported capacity that is electric arc furnace; the rest is blast furnace/converter running on ore bought from outside.",
        source: "Guideline 第三章第二节（一）",
        default_note_zh: "全部为电炉，符合指南对短流程的重视。",
        default_note: "All EAF, matching the guideline's short-process emphasis.",
    }
    ReplacementRatio {
        key: "replacement_ratio", group: LeverGroup::Steel, unit_zh: "退出:新增", unit_en: "retired:new",
        min: 1.0, max: 1.5, step: 0.05, base: 1.25, default: 1.25, target_year: 2025,
        guideline_ref: "第二章第三节", section: "ch2-s3",
        label_zh: "产能置换比例", label_en: "Capacity replacement ratio",
        help_zh: "每引进1吨产能，外省须退出的产能。工信部2021年办法：非重点区域1.25:1，实质兼并重组后1.1:1。",
        help_en: "Capacity retired elsewhere per tonne brought in. MIIT 2021: 1.25:1 outside key regions, 1.1:1 after real mergers.",
        source: "capacity_replacement_ratio_other_regions; capacity_replacement_ratio_after_merger_other_regions",
        default_note_zh: "1.25:1，适用于四川的规定。",
        default_note: "1.25:1, the rule for Sichuan.",
    }
    ScrapGrowth {
        key: "scrap_growth", group: LeverGroup::Steel, unit_zh: "%/年", unit_en: "%/yr",
        min: 0.0, max: 10.0, step: 0.5, base: 3.0, default: 4.0, target_year: 2025,
        guideline_ref: "第三章第六节（三）", section: "ch3-s6",
        label_zh: "废钢供应增速", label_en: "Scrap supply growth",
        help_zh: "年废钢供应增长率（2020年约1200万吨）。废钢加工配送体系建设会提高它；电炉产量受废钢约束。",
        help_en: "Annual growth of scrap supply (about 12 Mt in 2020). Scrap processing and distribution centres raise it; EAF output is limited by scrap.",
        source: "guideline_scrap_supply; scrap_supply_growth_2020; china_scrap_resources_2023",
        default_note_zh: "4%/年，约为2020–2023年全国废钢资源增速。",
        default_note: "4%/yr, about the national growth of scrap resources 2020–23.",
    }
    OutsideOre {
        key: "outside_ore", group: LeverGroup::Steel, unit_zh: "万吨/年", unit_en: "10 kt/yr",
        min: 0.0, max: 3000.0, step: 10.0, base: 300.0, default: 1500.0, target_year: 2025,
        guideline_ref: "第三章第八节", section: "ch3-s8",
        label_zh: "省外铁矿/铁精矿输入上限", label_en: "Iron ore brought in from outside (cap)",
        help_zh: "可从省外（含进口）获得的铁精矿上限；本地铁精矿不足（2025年预计缺口655万吨）时限制高炉产量。",
        help_en: "Most iron concentrate obtainable from outside Sichuan (incl. imports); when local concentrate falls short (the guideline expects a 6.55 Mt gap in 2025) it limits blast-furnace output.",
        source: "guideline_iron_concentrate_gap_2025; Guideline 第三章第八节",
        default_note_zh: "1500：足以弥补指南预计的2025年655万吨缺口及此后矿山衰减带来的更大缺口，与指南鼓励进口生铁、直接还原铁和铁矿的方向一致。",
        default_note: "1,500: enough to cover the guideline's expected 6.55 Mt gap in 2025 and the wider gap as mines decline, as the guideline's call to import pig iron, DRI and ore implies.",
    }
    NewMine {
        key: "new_mine", group: LeverGroup::Steel, unit_zh: "万吨原矿/年", unit_en: "10 kt ore/yr",
        min: 0.0, max: 3000.0, step: 50.0, base: 0.0, default: 0.0, target_year: 2030,
        guideline_ref: "第三章第六节（一）", section: "ch3-s6",
        label_zh: "红格南等新矿山原矿产量", label_en: "New V-Ti ore mining (Hongge South)",
        help_zh: "“加快推进红格南矿区开发”：新增钒钛磁铁矿原矿，按回收率产出铁、钛精矿和钒，2030年达产。",
        help_en: "\"Speed up development of the Hongge South deposit\": extra V-Ti magnetite ore, yielding iron and titanium concentrate and vanadium at the recovery rates; full output by 2030.",
        source: "guideline_vti_ore_mined_per_year; Guideline 第三章第六节（一）",
        default_note_zh: "投产时间未公开；参考情景不计入。",
        default_note: "No output date is public; the reference adds none.",
    }
    // ---- 钒钛 vanadium-titanium -------------------------------------------------------------------------------
    VRecovery {
        key: "v_recovery", group: LeverGroup::VanadiumTitanium, unit_zh: "%", unit_en: "%",
        min: 40.0, max: 70.0, step: 1.0, base: 47.0, default: 55.0, target_year: 2025,
        guideline_ref: "第二章第三节", section: "ch2-s3",
        label_zh: "钒选矿回收率", label_en: "Vanadium dressing recovery",
        help_zh: "原矿中的钒进入铁精矿的比例；提高后含钒铁水品位和五氧化二钒产量按比例上升。目标≥55%。",
        help_en: "Share of the vanadium in ore that reaches the iron concentrate; V2O5 output rises in proportion. Target: 55% or more.",
        source: "v_recovery_rate_baseline; v_recovery_target_2025",
        default_note_zh: "指南2025年目标55%。",
        default_note: "The guideline's 2025 target, 55%.",
    }
    TiRecovery {
        key: "ti_recovery", group: LeverGroup::VanadiumTitanium, unit_zh: "%", unit_en: "%",
        min: 15.0, max: 50.0, step: 1.0, base: 20.0, default: 35.0, target_year: 2025,
        guideline_ref: "第二章第三节", section: "ch2-s3",
        label_zh: "钛选矿回收率", label_en: "Titanium dressing recovery",
        help_zh: "原矿中的钛进入钛精矿的比例，决定钛精矿产量（2020年约600万吨）。目标≥35%。",
        help_en: "Share of the titanium in ore that reaches titanium concentrate; sets concentrate output (about 6 Mt in 2020). Target: 35% or more.",
        source: "ti_recovery_rate_baseline; ti_recovery_target_2025; guideline_ti_concentrate_output",
        default_note_zh: "指南2025年目标35%。",
        default_note: "The guideline's 2025 target, 35%.",
    }
    FeRecovery {
        key: "fe_recovery", group: LeverGroup::VanadiumTitanium, unit_zh: "%", unit_en: "%",
        min: 60.0, max: 85.0, step: 1.0, base: 70.0, default: 75.0, target_year: 2025,
        guideline_ref: "第二章第三节", section: "ch2-s3",
        label_zh: "铁资源综合回收率", label_en: "Iron comprehensive recovery",
        help_zh: "原矿中的铁进入铁精矿的比例；提高后本地铁精矿增加、缺口缩小。目标≥75%。",
        help_en: "Share of the iron in ore that reaches iron concentrate; more local concentrate narrows the gap. Target: 75%.",
        source: "fe_recovery_rate_baseline; fe_recovery_target_2025",
        default_note_zh: "指南2025年目标75%。",
        default_note: "The guideline's 2025 target, 75%.",
    }
    ChlorideShare {
        key: "chloride_share", group: LeverGroup::VanadiumTitanium, unit_zh: "%", unit_en: "%",
        min: 0.0, max: 80.0, step: 1.0, base: 7.0, default: 20.0, target_year: 2025,
        guideline_ref: "第三章第二节（二）", section: "ch3-s2",
        label_zh: "氯化法钛白粉占比", label_en: "Chloride-route share of TiO2",
        help_zh: "“重点发展氯化法钛白粉”：氯化法需用电炉钛渣（耗电），但燃料和酸耗低，有工艺CO2。",
        help_en: "\"Focus on chloride-route TiO2\": it needs electric-furnace titanium slag (electricity-intensive) but less fuel and acid; it emits process CO2.",
        source: "sichuan_tio2_chloride_share_2022; tio2_chloride_energy_per_t; titanium_slag_furnace_electricity",
        default_note_zh: "指南未给出数字；20%假定其要求的氯化法产线建成。",
        default_note: "No number in the guideline; 20% assumes the chloride lines it calls for.",
    }
    Tio2Capacity {
        key: "tio2_capacity", group: LeverGroup::VanadiumTitanium, unit_zh: "万吨/年", unit_en: "10 kt/yr",
        min: 60.0, max: 250.0, step: 5.0, base: 100.0, default: 120.0, target_year: 2025,
        guideline_ref: "第二章第三节", section: "ch2-s3",
        label_zh: "钛白粉产能", label_en: "TiO2 capacity",
        help_zh: "钛白粉年产能；产量 = 产能 × 开工率（约80%），受钛精矿供应约束。",
        help_en: "Titanium dioxide capacity; output = capacity × operating rate (about 80%), limited by titanium concentrate.",
        source: "sichuan_tio2_capacity_2020; target_2025_tio2_capacity",
        default_note_zh: "指南2025年产能目标120万吨/年。",
        default_note: "The guideline's 2025 capacity target, 1.2 Mt/yr.",
    }
    SpongeCapacity {
        key: "sponge_capacity", group: LeverGroup::VanadiumTitanium, unit_zh: "吨/年", unit_en: "t/yr",
        min: 10000.0, max: 150000.0, step: 1000.0, base: 25000.0, default: 60000.0, target_year: 2025,
        guideline_ref: "第三章第二节（二）", section: "ch3-s2",
        label_zh: "海绵钛产能", label_en: "Titanium sponge capacity",
        help_zh: "“钛精矿—氯化钛渣—海绵钛—钛材”全产业链；海绵钛每吨耗电约2.5万千瓦时，对电价敏感。",
        help_en: "The concentrate–slag–sponge–titanium-materials chain; sponge uses about 25,000 kWh/t and responds to the power price.",
        source: "sichuan_ti_sponge_capacity_2020; pangang_titanium_sponge_new_line_2023; target_2025_ti_sponge_ingot_capacity",
        default_note_zh: "2020年产能加攀钢2023年投产的3.5万吨/年新线。",
        default_note: "2020 capacity plus Pangang's 35 kt/yr line of 2023.",
    }
    TiDeepProcessing {
        key: "ti_deep", group: LeverGroup::VanadiumTitanium, unit_zh: "%", unit_en: "%",
        min: 0.0, max: 100.0, step: 5.0, base: 20.0, default: 30.0, target_year: 2025,
        guideline_ref: "第三章第二节（二）", section: "ch3-s2",
        label_zh: "海绵钛省内深加工比例", label_en: "Sponge processed into Ti materials in Sichuan",
        help_zh: "海绵钛在省内加工成钛锭、钛材的比例；钛材产值约为海绵钛的2.5倍。",
        help_en: "Share of sponge turned into ingot and titanium materials in Sichuan; materials are worth about 2.5× the sponge.",
        source: "ti_materials_value_ratio; target_2025_ti_materials_capacity",
        default_note_zh: "向5万吨/年钛材产能目标小幅提高。",
        default_note: "A modest rise toward the 50 kt/yr Ti-materials capacity target.",
    }
    BfSlagTi {
        key: "bf_slag_ti", group: LeverGroup::VanadiumTitanium, unit_zh: "万吨TiO2/年", unit_en: "10 kt TiO2/yr",
        min: 0.0, max: 60.0, step: 1.0, base: 0.0, default: 2.0, target_year: 2025,
        guideline_ref: "第三章第一节（二）", section: "ch3-s1",
        label_zh: "高炉渣提钛", label_en: "Titanium from blast-furnace slag",
        help_zh: "从高钛型高炉渣中提取的TiO2（氯化路线，耗电）；计入钛白粉产量和钛回收率。",
        help_en: "TiO2 recovered from high-titanium blast-furnace slag (chloride route, electricity-intensive); counts toward TiO2 output and titanium recovery.",
        source: "bf_slag_ti_electricity_per_t; Guideline 第三章第一节（二）",
        default_note_zh: "首条工业化产线（2万吨/年）；指南只提技术，未给规模。",
        default_note: "A first industrial line (20 kt/yr); the guideline names the technology, not a size.",
    }
    VrfbDeploy {
        key: "vrfb_deploy", group: LeverGroup::VanadiumTitanium, unit_zh: "GWh/年", unit_en: "GWh/yr",
        min: 0.0, max: 8.0, step: 0.1, base: 0.05, default: 1.0, target_year: 2025,
        guideline_ref: "第三章第二节（二）", section: "ch3-s2",
        label_zh: "全钒液流电池产量", label_en: "Vanadium flow batteries built",
        help_zh: "省内集成的全钒液流电池储能；每MWh约需9.25吨V2O5，按系统价计入钒产业产值。",
        help_en: "Vanadium redox flow batteries integrated in Sichuan; each MWh needs about 9.25 t V2O5 and adds its system value to the vanadium sector.",
        source: "vrfb_v2o5_intensity; vrfb_system_cost_2024; target_2025_vrfb_integration_capacity",
        default_note_zh: "1 GWh/年，约为1 GW/年（约4 GWh）集成能力目标的四分之一。",
        default_note: "1 GWh/yr, a quarter of the 1 GW/yr (≈4 GWh) integration-capacity target.",
    }
    // ---- 稀土 rare earths -------------------------------------------------------------------------------------
    ReQuota {
        key: "re_quota", group: LeverGroup::RareEarth, unit_zh: "吨REO/年", unit_en: "t REO/yr",
        min: 20000.0, max: 100000.0, step: 1000.0, base: 35000.0, default: 47000.0, target_year: 2025,
        guideline_ref: "第二章第三节", section: "ch2-s3",
        label_zh: "稀土开采指标", label_en: "Rare-earth mining quota",
        help_zh: "四川分得的稀土开采总量控制指标（吨稀土氧化物）。“适度扩大稀土采矿及冶炼分离规模”。",
        help_en: "Sichuan's share of the national rare-earth mining quota (t REO). The guideline calls for moderately expanding mining and separation.",
        source: "sichuan_re_mining_quota_2020; sichuan_re_mining_quota_2023",
        default_note_zh: "保持2023年估计值（4.7万吨）。",
        default_note: "The 2023 estimate (47,000 t) held.",
    }
    ReImported {
        key: "re_imported", group: LeverGroup::RareEarth, unit_zh: "吨REO/年", unit_en: "t REO/yr",
        min: 0.0, max: 60000.0, step: 1000.0, base: 10000.0, default: 20000.0, target_year: 2025,
        guideline_ref: "第二章第三节", section: "ch2-s3",
        label_zh: "进口/海外稀土矿加工量", label_en: "Imported rare-earth ore processed",
        help_zh: "“建成全国最大的海外稀土资源加工基地”：加工进口矿，不占国内开采指标。",
        help_en: "\"Build the country's largest base for processing overseas rare-earth resources\": imported ore, outside the domestic mining quota.",
        source: "sichuan_re_imported_processed_2020; Guideline 第三章第二节（三）",
        default_note_zh: "比2020年估计值翻一番；指南未给出数字。",
        default_note: "Doubling the 2020 estimate; the guideline gives no number.",
    }
    ReSeparation {
        key: "re_separation", group: LeverGroup::RareEarth, unit_zh: "吨REO/年", unit_en: "t REO/yr",
        min: 30000.0, max: 150000.0, step: 1000.0, base: 45000.0, default: 70000.0, target_year: 2025,
        guideline_ref: "第三章第二节（三）", section: "ch3-s2",
        label_zh: "冶炼分离产能", label_en: "Separation capacity",
        help_zh: "乐山、凉山冶炼分离产能；分离量 = min(开采 + 进口, 产能)。",
        help_en: "Separation capacity (Leshan, Liangshan); separated = min(mined + imported, capacity).",
        source: "sichuan_re_separation_capacity_2020; sichuan_re_separation_quota_2022",
        default_note_zh: "足以加工参考情景的开采量和进口量。",
        default_note: "Enough for the reference quota plus imports.",
    }
    ReDeep {
        key: "re_deep", group: LeverGroup::RareEarth, unit_zh: "%", unit_en: "%",
        min: 0.0, max: 90.0, step: 5.0, base: 30.0, default: 45.0, target_year: 2025,
        guideline_ref: "第三章第二节（三）", section: "ch3-s2",
        label_zh: "稀土深加工比例（金属/磁材）", label_en: "Rare-earth deep processing (metal, magnets)",
        help_zh: "分离出的镨钕在省内制成金属和永磁材料的比例；电解耗电约9000千瓦时/吨金属。",
        help_en: "Share of separated NdPr made into metal and permanent magnets in Sichuan; electrolysis uses about 9,000 kWh per tonne of metal.",
        source: "re_deep_processing_share_2020; re_metal_electrolysis_electricity_per_t; re_magnet_value_ratio",
        default_note_zh: "从2020年估计值向指南“迈入中高端”的方向提高一半。",
        default_note: "Halfway from the 2020 estimate toward the guideline's 'mid-to-high end' aim.",
    }
    // ---- 能源与电价 energy and power ----------------------------------------------------------------------------
    EnergyQuota {
        key: "energy_quota", group: LeverGroup::EnergyPower, unit_zh: "万吨标煤", unit_en: "10 kt ce",
        min: 800.0, max: 2500.0, step: 10.0, base: 1500.0, default: 1700.0, target_year: 2025,
        guideline_ref: "第四章第五节（三）", section: "ch4-s5",
        label_zh: "产业能耗指标", label_en: "Sector energy quota",
        help_zh: "钒钛钢铁及稀土产业可用的能耗总量指标；超出时按“每吨标煤产值最低者先减产”压减。",
        help_en: "Total energy the sector may use under dual control; above it, production is curtailed, lowest output value per tce first.",
        source: "sector_energy_quota_2020; sichuan_vti_re_energy_2020",
        default_note_zh: "无公开的产业能耗指标；参考情景允许适度增长。",
        default_note: "No published sector quota; the reference allows modest growth.",
    }
    RenewableExemption {
        key: "renewable_exemption", group: LeverGroup::EnergyPower, unit_zh: "开/关", unit_en: "on/off",
        min: 0.0, max: 1.0, step: 1.0, base: 0.0, default: 1.0, target_year: 2021,
        guideline_ref: "第四章第五节（三）", section: "ch4-s5",
        label_zh: "新增可再生能源不计入能耗", label_en: "New renewable power exempt from the quota",
        help_zh: "“新增可再生能源消费量不纳入能耗总量考核”：比2020年新增用电中可再生部分（87%）不计入指标。",
        help_en: "\"New renewable energy use is not counted against the energy total\": the renewable part (87%) of electricity use above 2020 is not counted.",
        source: "renewable_share_new_electricity; Guideline 第四章第五节（三）",
        default_note_zh: "开启，按指南规定。",
        default_note: "On, as the guideline says.",
    }
    ElecConvention {
        key: "elec_convention", group: LeverGroup::EnergyPower, unit_zh: "开/关", unit_en: "on/off",
        min: 0.0, max: 1.0, step: 1.0, base: 0.0, default: 0.0, target_year: 2021,
        guideline_ref: "第三章第五节（二）", section: "ch3-s5",
        label_zh: "电力按发电煤耗折标", label_en: "Count electricity at coal-equivalent",
        help_zh: "关 = 当量值0.1229 kgce/kWh（默认）；开 = 发电煤耗法0.3055 kgce/kWh。只改变计量，不改变生产。",
        help_en: "Off = equivalent value 0.1229 kgce/kWh (default); on = coal-equivalent 0.3055 kgce/kWh. Changes accounting, not production.",
        source: "electricity_tce_equivalent_factor; electricity_tce_coal_equivalent_factor",
        default_note_zh: "当量值，国家能耗限额标准采用的口径。",
        default_note: "Equivalent value, the convention of the national energy norms.",
    }
    PowerPrice {
        key: "power_price", group: LeverGroup::EnergyPower, unit_zh: "元/千瓦时", unit_en: "yuan/kWh",
        min: 0.25, max: 0.8, step: 0.01, base: 0.45, default: 0.45, target_year: 2025,
        guideline_ref: "第四章第五节（四）", section: "ch4-s5",
        label_zh: "大工业电价", label_en: "Large-industry power price",
        help_zh: "电炉钢、钛渣、海绵钛、稀土金属等高耗电产品的产量按弹性（约−0.3）随电价变化。",
        help_en: "Output of electricity-intensive products (EAF steel, Ti slag, sponge, RE metal) responds with an elasticity of about −0.3.",
        source: "sichuan_large_industry_power_price; power_price_elasticity",
        default_note_zh: "保持2022年估计值。",
        default_note: "The 2022 estimate held.",
    }
    PrefPrice {
        key: "pref_price", group: LeverGroup::EnergyPower, unit_zh: "元/千瓦时", unit_en: "yuan/kWh",
        min: 0.2, max: 0.5, step: 0.01, base: 0.32, default: 0.32, target_year: 2025,
        guideline_ref: "第四章第五节（四）", section: "ch4-s5",
        label_zh: "优惠电价（指定产业链）", label_en: "Preferential power price (designated chains)",
        help_zh: "“研究制定钒钛、稀土支持措施”：对指定的钒钛、稀土高耗电环节执行的优惠电价。",
        help_en: "\"Study support measures for V-Ti and rare earths\": a preferential price for designated electricity-intensive V-Ti and rare-earth steps.",
        source: "sichuan_hydro_preferential_power_price; sichuan_precise_power_price_cap_al",
        default_note_zh: "2022年估计值；仅在覆盖比例大于0时起作用。",
        default_note: "The 2022 estimate; it only matters when coverage is above 0.",
    }
    PrefCoverage {
        key: "pref_coverage", group: LeverGroup::EnergyPower, unit_zh: "%", unit_en: "%",
        min: 0.0, max: 100.0, step: 5.0, base: 0.0, default: 0.0, target_year: 2025,
        guideline_ref: "第四章第五节（四）", section: "ch4-s5",
        label_zh: "优惠电价覆盖比例", label_en: "Preferential price coverage",
        help_zh: "钛渣、海绵钛、稀土金属、电炉钢用电中按优惠电价结算的比例（2019年精准电价政策未覆盖钒钛钢铁）。",
        help_en: "Share of the electricity of Ti slag, sponge, RE metal and EAF steel billed at the preferential price (the 2019 precise-price policy did not cover V-Ti or steel).",
        source: "sichuan_precise_power_price_cap_al",
        default_note_zh: "0：目前尚无此项措施。",
        default_note: "0: no such measure is in force yet.",
    }
    GridFactor {
        key: "grid_factor", group: LeverGroup::EnergyPower, unit_zh: "kgCO2/千瓦时", unit_en: "kgCO2/kWh",
        min: 0.03, max: 0.55, step: 0.0005, base: 0.1255, default: 0.1255, target_year: 2030,
        guideline_ref: "第三章第五节（一）", section: "ch3-s5",
        label_zh: "2030年电网排放因子", label_en: "Grid emission factor in 2030",
        help_zh: "四川电网CO2排放因子（2021年0.1255，2022年枯水年0.1404，全国0.5366），线性过渡到2030年。",
        help_en: "Sichuan grid CO2 factor (0.1255 in 2021, 0.1404 in dry 2022, national 0.5366), moving linearly to the 2030 value.",
        source: "sichuan_grid_co2_factor_2021; sichuan_grid_co2_factor_2022; china_grid_co2_factor_2022",
        default_note_zh: "保持2021年排放因子。",
        default_note: "The 2021 factor held.",
    }
    // ---- 价格 prices (from 2025; 2020–24 follow the CSV's annual averages) ------------------------------------
    SteelPrice {
        key: "steel_price", group: LeverGroup::Prices, unit_zh: "元/吨", unit_en: "yuan/t",
        min: 2500.0, max: 6000.0, step: 50.0, base: 3800.0, default: 3550.0, target_year: 2025,
        guideline_ref: "第二章第三节", section: "ch2-s3",
        label_zh: "钢材价格（螺纹钢）", label_en: "Steel price (rebar)",
        help_zh: "2025年起的螺纹钢含税价；2020–2024年用历史年均价。",
        help_en: "Rebar price incl. VAT from 2025; 2020–24 use the annual averages.",
        source: "rebar_price_avg_2020 … rebar_price_avg_2024",
        default_note_zh: "保持2024年均价。",
        default_note: "The 2024 average held.",
    }
    SteelPremium {
        key: "steel_premium", group: LeverGroup::Prices, unit_zh: "%", unit_en: "%",
        min: 0.0, max: 50.0, step: 1.0, base: 0.0, default: 5.0, target_year: 2025,
        guideline_ref: "第三章第四节（三）", section: "ch3-s4",
        label_zh: "优特钢与深加工溢价", label_en: "Special-steel and processing premium",
        help_zh: "产品结构升级（优特钢、钒钛钢、深加工）带来的吨钢产值提升。",
        help_en: "Extra output value per tonne from a richer product mix (special steels, V-Ti steels, deeper processing).",
        source: "Guideline 第三章第四节（三）; sichuan_steel_output_value_target_2020",
        default_note_zh: "5%：适度升级；指南未给出数字。",
        default_note: "5%: a modest upgrade; the guideline gives no number.",
    }
    V2o5Price {
        key: "v2o5_price", group: LeverGroup::Prices, unit_zh: "元/吨", unit_en: "yuan/t",
        min: 50000.0, max: 250000.0, step: 1000.0, base: 100000.0, default: 83000.0, target_year: 2025,
        guideline_ref: "第三章第二节（二）", section: "ch3-s2",
        label_zh: "五氧化二钒价格", label_en: "V2O5 price",
        help_zh: "98%片钒含税价，2025年起；2020–2024年用历史年均价。",
        help_en: "98% flake V2O5 incl. VAT from 2025; 2020–24 use the annual averages.",
        source: "v2o5_price_avg_2020 … v2o5_price_avg_2024",
        default_note_zh: "保持2024年均价。",
        default_note: "The 2024 average held.",
    }
    Tio2Price {
        key: "tio2_price", group: LeverGroup::Prices, unit_zh: "元/吨", unit_en: "yuan/t",
        min: 10000.0, max: 30000.0, step: 100.0, base: 14025.0, default: 15000.0, target_year: 2025,
        guideline_ref: "第三章第二节（二）", section: "ch3-s2",
        label_zh: "钛白粉价格", label_en: "TiO2 price",
        help_zh: "金红石型钛白粉价格，2025年起；2020–2024年用历史年均价。",
        help_en: "Rutile TiO2 price from 2025; 2020–24 use the annual averages.",
        source: "tio2_price_avg_2020 … tio2_price_avg_2024",
        default_note_zh: "保持2024年均价。",
        default_note: "The 2024 average held.",
    }
    SpongePrice {
        key: "sponge_price", group: LeverGroup::Prices, unit_zh: "元/吨", unit_en: "yuan/t",
        min: 30000.0, max: 120000.0, step: 500.0, base: 60000.0, default: 50000.0, target_year: 2025,
        guideline_ref: "第三章第二节（二）", section: "ch3-s2",
        label_zh: "海绵钛价格", label_en: "Titanium sponge price",
        help_zh: "99.7%海绵钛价格，2025年起；2020–2024年用历史年均价。",
        help_en: "99.7% sponge price from 2025; 2020–24 use the annual averages.",
        source: "ti_sponge_price_avg_2020 … ti_sponge_price_avg_2024",
        default_note_zh: "保持2024年均价。",
        default_note: "The 2024 average held.",
    }
    NdprPrice {
        key: "ndpr_price", group: LeverGroup::Prices, unit_zh: "元/吨", unit_en: "yuan/t",
        min: 200000.0, max: 1200000.0, step: 10000.0, base: 330000.0, default: 400000.0, target_year: 2025,
        guideline_ref: "第三章第二节（三）", section: "ch3-s2",
        label_zh: "氧化镨钕价格", label_en: "NdPr oxide price",
        help_zh: "氧化镨钕价格，2025年起；2020–2024年用历史年均价。",
        help_en: "NdPr oxide price from 2025; 2020–24 use the annual averages.",
        source: "ndpr_oxide_price_avg_2020 … ndpr_oxide_price_avg_2024",
        default_note_zh: "保持2024年均价。",
        default_note: "The 2024 average held.",
    }
}

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
    use crate::params::{baseline_row, spec as pspec, ParamId};

    #[test]
    fn every_lever_has_a_sane_range_a_source_and_both_languages() {
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
            for s in [
                l.label_zh,
                l.label_en,
                l.help_zh,
                l.help_en,
                l.unit_zh,
                l.unit_en,
                l.source,
                l.default_note,
                l.default_note_zh,
            ] {
                assert!(!s.trim().is_empty(), "{} has an empty text", l.key);
            }
            assert!(
                l.guideline_ref.starts_with('第'),
                "{} cites a chapter",
                l.key
            );
            assert!(l.section.starts_with("ch"), "{} section id", l.key);
            assert!(
                l.help_zh
                    .chars()
                    .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{} zh help is Chinese",
                l.key
            );
            assert!(
                l.help_en.is_ascii() || l.help_en.chars().filter(|c| !c.is_ascii()).count() < 8,
                "{} en help is English",
                l.key
            );
            assert_eq!(LeverId::from_key(l.key), Some(l.id));
        }
    }

    #[test]
    fn every_csv_key_a_lever_cites_exists() {
        for l in LEVERS {
            for part in l.source.split(';') {
                let part = part.trim();
                if part.starts_with("Guideline") {
                    continue;
                }
                for key in part.split(" … ") {
                    let key = key.trim();
                    assert!(
                        baseline_row(key).is_some(),
                        "{} cites missing CSV key {key}",
                        l.key
                    );
                }
            }
        }
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
}
