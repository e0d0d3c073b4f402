//! Output series: every annual figure a projection carries, with its stable id, unit and labels.
//!
//! Units are the model's (万吨, t, 亿元, 万tce, Mt CO2, 亿kWh, fraction); the UI decides how to show them.

use crate::text::{Lang, Text};

/// Years covered by every projection: 2020 (base year) to 2035.
pub const FIRST_YEAR: u16 = 2020;
pub const LAST_YEAR: u16 = 2035;
pub const N_YEARS: usize = (LAST_YEAR - FIRST_YEAR + 1) as usize;

/// Index of a year in a series (`None` outside 2020–2035).
pub fn year_index(year: u16) -> Option<usize> {
    (FIRST_YEAR..=LAST_YEAR)
        .contains(&year)
        .then(|| usize::from(year - FIRST_YEAR))
}

/// All years, in order.
pub fn years() -> impl Iterator<Item = u16> {
    FIRST_YEAR..=LAST_YEAR
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SeriesSpec {
    pub id: SeriesId,
    pub key: &'static str,
    pub unit: &'static str,
    pub label: Text,
}

macro_rules! series {
    ($( $id:ident => ($key:literal, $unit:literal, $zh:literal, $en:literal) ),* $(,)?) => {
        /// Typed series ids; `SeriesId::X as usize` indexes [`SERIES`] and `Projection::series`.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum SeriesId { $($id),* }
        /// The series table, in `SeriesId` order.
        pub const SERIES: &[SeriesSpec] = &[
            $(SeriesSpec { id: SeriesId::$id, key: $key, unit: $unit, label: Text::new($zh, $en) }),*
        ];
    };
}

series! {
    // steel
    CrudeSteelTotal => ("crude_steel_total", "万吨", "粗钢产量", "Crude steel"),
    CrudeSteelBof => ("crude_steel_bof", "万吨", "长流程（高炉-转炉）粗钢", "BF-BOF crude steel"),
    CrudeSteelBofVti => ("crude_steel_bof_vti", "万吨", "钒钛矿高炉-转炉粗钢", "BF-BOF steel on V-Ti ore"),
    CrudeSteelBofOther => ("crude_steel_bof_other", "万吨", "普通矿高炉-转炉粗钢", "BF-BOF steel on ordinary ore"),
    CrudeSteelNonBf => ("crude_steel_nonbf", "万吨", "钒钛矿非高炉冶炼粗钢", "Non-blast-furnace steel on V-Ti ore"),
    CrudeSteelEaf => ("crude_steel_eaf", "万吨", "电炉粗钢", "EAF crude steel"),
    PigIron => ("pig_iron", "万吨", "生铁（铁水）", "Pig iron (hot metal)"),
    CapacityBof => ("capacity_bof", "万吨/年", "长流程产能", "BF-BOF capacity"),
    CapacityEaf => ("capacity_eaf", "万吨/年", "电炉产能", "EAF capacity"),
    CapacityRetiredElsewhere => ("capacity_retired_elsewhere", "万吨/年", "外省为置换退出的产能", "Capacity retired elsewhere for imports"),
    NationalNetCapacityChange => ("national_net_capacity_change", "万吨/年", "全国产能净变化", "National net capacity change"),
    OreMined => ("ore_mined", "万吨", "钒钛磁铁矿原矿", "V-Ti magnetite ore mined"),
    IronConcentrateSupply => ("iron_concentrate_supply", "万吨", "本地铁精矿供应", "Local iron concentrate supply"),
    IronConcentrateDemand => ("iron_concentrate_demand", "万吨", "铁精矿需求", "Iron concentrate demand"),
    IronConcentrateGap => ("iron_concentrate_gap", "万吨", "铁精矿缺口", "Iron concentrate gap"),
    ScrapSupply => ("scrap_supply", "万吨", "废钢供应", "Scrap supply"),
    ScrapUsed => ("scrap_used", "万吨", "废钢消耗", "Scrap used"),
    // vanadium
    V2o5Output => ("v2o5_output", "t", "五氧化二钒（当量）", "V2O5 (equivalent)"),
    V2o5ForVrfb => ("v2o5_for_vrfb", "t", "液流电池用V2O5", "V2O5 for flow batteries"),
    VrfbDeployed => ("vrfb_deployed", "GWh", "全钒液流电池", "Vanadium flow batteries"),
    // titanium
    TiConcentrateOutput => ("ti_concentrate_output", "万吨", "钛精矿", "Titanium concentrate"),
    Tio2Output => ("tio2_output", "万吨", "钛白粉", "TiO2 pigment"),
    Tio2Chloride => ("tio2_chloride", "万吨", "氯化法钛白粉", "Chloride-route TiO2"),
    Tio2Sulfate => ("tio2_sulfate", "万吨", "硫酸法钛白粉", "Sulfate-route TiO2"),
    Tio2FromBfSlag => ("tio2_from_bf_slag", "万吨", "高炉渣提钛（TiO2当量）", "TiO2 from blast-furnace slag"),
    Tio2FromNonBfSlag => ("tio2_from_nonbf_slag", "万吨", "非高炉冶炼富钛渣制钛白（TiO2）", "TiO2 from non-blast-furnace smelting slag"),
    TiSlagOutput => ("ti_slag_output", "万吨", "钛渣", "Titanium slag"),
    TiSpongeOutput => ("ti_sponge_output", "t", "海绵钛", "Titanium sponge"),
    TiMaterialsOutput => ("ti_materials_output", "t", "钛材（海绵钛当量）", "Titanium materials (sponge eq.)"),
    // rare earths
    ReoMined => ("reo_mined", "t", "稀土开采（REO）", "Rare earths mined (REO)"),
    ReoImported => ("reo_imported", "t", "进口矿加工（REO）", "Imported ore processed (REO)"),
    ReoRecycled => ("reo_recycled", "t", "二次资源回收（REO）", "Rare earths recycled (REO)"),
    ReoSeparated => ("reo_separated", "t", "冶炼分离（REO）", "Rare earths separated (REO)"),
    ReMetalOutput => ("re_metal_output", "t", "稀土金属（镨钕）", "Rare-earth metal (NdPr)"),
    // recoveries
    VRecovery => ("v_recovery", "fraction", "钒回收率", "Vanadium recovery"),
    TiRecovery => ("ti_recovery", "fraction", "钛回收率", "Titanium recovery"),
    FeRecovery => ("fe_recovery", "fraction", "铁回收率", "Iron recovery"),
    // energy
    EnergyTotal => ("energy_total", "万tce", "能源消费总量", "Total energy use"),
    EnergyCounted => ("energy_counted", "万tce", "计入指标的能耗", "Energy counted against the quota"),
    EnergyExempt => ("energy_exempt", "万tce", "免于计入的新增可再生能源", "Exempt new renewable energy"),
    EnergyQuota => ("energy_quota", "万tce", "能耗指标", "Energy quota"),
    ElectricityTotal => ("electricity_total", "亿kWh", "用电量", "Electricity use"),
    ElectricityBill => ("electricity_bill", "亿元", "电费", "Electricity bill"),
    PowerPriceEffective => ("power_price_effective", "yuan/kWh", "高耗电环节实际电价", "Effective power price (intensive steps)"),
    EnergyIntensity => ("energy_intensity", "tce/万元", "单位产值能耗（2020年价，电力按当量值）", "Energy per unit output (2020 prices, electricity at equivalent value)"),
    CurtailedValue => ("curtailed_value", "亿元", "能耗约束压减的产值", "Output value lost to the energy quota"),
    // emissions
    Co2Total => ("co2_total", "Mt", "CO2排放总量", "Total CO2"),
    Co2Direct => ("co2_direct", "Mt", "直接排放", "Direct CO2"),
    Co2Indirect => ("co2_indirect", "Mt", "间接排放（电力）", "Indirect CO2 (electricity)"),
    Co2Steel => ("co2_steel", "Mt", "钢铁CO2", "Steel CO2"),
    Co2Vanadium => ("co2_vanadium", "Mt", "钒CO2", "Vanadium CO2"),
    Co2Titanium => ("co2_titanium", "Mt", "钛CO2", "Titanium CO2"),
    Co2RareEarth => ("co2_rare_earth", "Mt", "稀土CO2", "Rare-earth CO2"),
    GridFactor => ("grid_factor", "kgCO2/kWh", "电网排放因子", "Grid emission factor"),
    // output value
    OutputValueTotal => ("output_value_total", "亿元", "产业规模（总产值）", "Industry scale (output value)"),
    OutputValueSteel => ("output_value_steel", "亿元", "钢铁产值", "Steel output value"),
    OutputValueVanadium => ("output_value_vanadium", "亿元", "钒产值", "Vanadium output value"),
    OutputValueTitanium => ("output_value_titanium", "亿元", "钛产值", "Titanium output value"),
    OutputValueRareEarth => ("output_value_rare_earth", "亿元", "稀土产值", "Rare-earth output value"),
    OutputValueTiChemicals => ("output_value_ti_chemicals", "亿元", "钛化工产值", "Titanium chemicals output value"),
    OutputValueTiMetal => ("output_value_ti_metal", "亿元", "钛金属产值", "Titanium metal output value"),
    OutputValueConst => ("output_value_const", "亿元", "总产值（2020年价）", "Output value at 2020 prices"),
    // added in issue 21 (at the end, so earlier ids keep their place)
    TiSlagRecovery => ("ti_slag_recovery", "fraction", "炉渣提钛（占原矿TiO2）", "Titanium recovered from slag (share of TiO2 in ore)"),
    Tio2Capacity => ("tio2_capacity", "万吨/年", "钛白粉产能", "TiO2 capacity"),
    // added in issue 21's second pass: what the quota cuts that carries no value (no slag price was found)
    TiSlagSoldCurtailed => ("ti_slag_sold_curtailed", "万吨", "能耗约束压减的外销钛渣（无价格，未计产值）", "Titanium slag sold out of province cut by the energy quota (no price found: not in output value)"),
}

pub const N_SERIES: usize = SERIES.len();

pub fn spec(id: SeriesId) -> &'static SeriesSpec {
    &SERIES[id as usize]
}

impl SeriesId {
    pub fn key(self) -> &'static str {
        spec(self).key
    }
    pub fn unit(self) -> &'static str {
        spec(self).unit
    }
    pub fn from_key(key: &str) -> Option<SeriesId> {
        SERIES.iter().find(|s| s.key == key).map(|s| s.id)
    }
    pub fn label(self, lang: Lang) -> &'static str {
        spec(self).label.get(lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn series_table_is_in_id_order_with_unique_keys_and_both_languages() {
        let mut keys = std::collections::HashSet::new();
        for (i, s) in SERIES.iter().enumerate() {
            assert_eq!(s.id as usize, i);
            assert!(keys.insert(s.key), "duplicate {}", s.key);
            assert!(!s.label.zh.is_empty() && !s.label.en.is_empty() && !s.unit.is_empty());
        }
    }

    #[test]
    fn each_series_reads_its_own_key_unit_and_label() {
        assert_eq!(SeriesId::CrudeSteelTotal.key(), "crude_steel_total");
        assert_eq!(SeriesId::CrudeSteelTotal.unit(), "万吨");
        assert_eq!(SeriesId::V2o5Output.unit(), "t");
        assert_eq!(SeriesId::CrudeSteelTotal.label(Lang::Zh), "粗钢产量");
        assert_eq!(SeriesId::CrudeSteelTotal.label(Lang::En), "Crude steel");
        for sp in SERIES {
            assert_eq!(SeriesId::from_key(sp.id.key()), Some(sp.id));
        }
    }
}
