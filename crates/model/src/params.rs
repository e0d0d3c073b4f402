//! Baseline parameters: every number the model uses that is not a lever.
//!
//! Each parameter names the row of `data/sichuan_baseline.csv` it comes from (`csv_key`), its unit, whether
//! the figure is a published FACT or a reasoned ESTIMATE, and its low/high range. A test checks that every
//! value, kind and range here equals its CSV row, so the table cannot drift from its sources. Rows whose source
//! says `vtre project` were added by this project, with their reasoning in the row's `note`.
//!
//! Advanced users may override any parameter within its low–high range (`Scenario::overrides`).

/// Whether a figure was published (FACT) or reasoned from facts (ESTIMATE, always with a range).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Fact,
    Estimate,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Fact => "FACT",
            Kind::Estimate => "ESTIMATE",
        }
    }
}

/// Which chain of the model a parameter or lever belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Chain {
    Steel,
    Vanadium,
    Titanium,
    RareEarth,
    Energy,
    Emissions,
    Value,
}

impl Chain {
    pub const ALL: [Chain; 7] = [
        Chain::Steel,
        Chain::Vanadium,
        Chain::Titanium,
        Chain::RareEarth,
        Chain::Energy,
        Chain::Emissions,
        Chain::Value,
    ];
    pub fn label(self, zh: bool) -> &'static str {
        match (self, zh) {
            (Chain::Steel, true) => "钢铁",
            (Chain::Steel, false) => "Steel",
            (Chain::Vanadium, true) => "钒",
            (Chain::Vanadium, false) => "Vanadium",
            (Chain::Titanium, true) => "钛",
            (Chain::Titanium, false) => "Titanium",
            (Chain::RareEarth, true) => "稀土",
            (Chain::RareEarth, false) => "Rare earths",
            (Chain::Energy, true) => "能源",
            (Chain::Energy, false) => "Energy",
            (Chain::Emissions, true) => "排放",
            (Chain::Emissions, false) => "Emissions",
            (Chain::Value, true) => "产值",
            (Chain::Value, false) => "Output value",
        }
    }
    pub fn id(self) -> &'static str {
        match self {
            Chain::Steel => "steel",
            Chain::Vanadium => "vanadium",
            Chain::Titanium => "titanium",
            Chain::RareEarth => "rare_earth",
            Chain::Energy => "energy",
            Chain::Emissions => "emissions",
            Chain::Value => "value",
        }
    }
}

/// One baseline parameter.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ParamSpec {
    pub id: ParamId,
    /// The `key` column of the CSV row this figure comes from.
    pub csv_key: &'static str,
    pub chain: Chain,
    pub value: f64,
    pub unit: &'static str,
    pub kind: Kind,
    pub low: f64,
    pub high: f64,
}

macro_rules! params {
    ($( $id:ident => ($key:literal, $chain:ident, $value:expr, $unit:literal, $kind:ident, $low:expr, $high:expr) ),* $(,)?) => {
        /// Typed parameter ids; `ParamId::X as usize` indexes [`PARAMS`].
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum ParamId { $($id),* }

        /// The parameter table, in `ParamId` order.
        pub const PARAMS: &[ParamSpec] = &[
            $(ParamSpec { id: ParamId::$id, csv_key: $key, chain: Chain::$chain, value: $value, unit: $unit,
                          kind: Kind::$kind, low: $low, high: $high }),*
        ];
    };
}

params! {
    // ---- steel ----------------------------------------------------------------------------------------------
    CrudeSteel2020 => ("sichuan_crude_steel_output_2020", Steel, 2790.0, "万吨", Fact, 2750.0, 2830.0),
    VtiBofCap2020 => ("sichuan_vti_bfbof_capacity_2020", Steel, 1700.0, "万吨/年", Estimate, 1500.0, 1850.0),
    OtherBofCap2020 => ("sichuan_other_bfbof_capacity_2020", Steel, 300.0, "万吨/年", Estimate, 150.0, 500.0),
    EafCap2020 => ("sichuan_eaf_capacity_total_2022", Steel, 1200.0, "万吨/年", Estimate, 1050.0, 1400.0),
    BofUtil => ("bfbof_utilisation_2020", Steel, 0.93, "fraction", Estimate, 0.85, 0.98),
    EafUtil => ("eaf_utilisation_2020", Steel, 0.775, "fraction", Estimate, 0.6, 0.9),
    HotMetalPerBof => ("hot_metal_per_t_bof_steel", Steel, 0.9, "t/t", Estimate, 0.85, 0.95),
    ConcPerHotMetal => ("iron_concentrate_per_t_hot_metal", Steel, 1.6, "t/t", Estimate, 1.5, 1.75),
    OreMined2020 => ("guideline_vti_ore_mined_per_year", Steel, 10000.0, "万吨/年", Fact, 9000.0, 10000.0),
    IronConc2020 => ("guideline_iron_concentrate_output", Steel, 2500.0, "万吨/年", Fact, 2500.0, 2700.0),
    ConcDecline => ("iron_concentrate_decline_rate", Steel, 0.041, "1/yr", Estimate, 0.02, 0.06),
    FeRecovery2020 => ("fe_recovery_rate_baseline", Steel, 0.7, "fraction", Estimate, 0.65, 0.73),
    Scrap2020 => ("guideline_scrap_supply", Steel, 1200.0, "万吨/年", Fact, 1100.0, 1300.0),
    ScrapGrowth2020 => ("scrap_supply_growth_2020", Steel, 0.03, "1/yr", Estimate, 0.01, 0.06),
    ScrapPerEaf => ("scrap_per_t_eaf_steel", Steel, 1.0, "t/t", Estimate, 0.9, 1.1),
    ScrapPerBof => ("scrap_per_t_bof_steel", Steel, 0.1, "t/t", Estimate, 0.08, 0.15),
    ReplacementRatio => ("capacity_replacement_ratio_other_regions", Steel, 1.25, "ratio", Fact, 1.25, 1.25),
    // ---- vanadium -------------------------------------------------------------------------------------------
    V2o5Output2020 => ("sichuan_v2o5_output_2020", Vanadium, 61000.0, "t", Estimate, 55000.0, 67000.0),
    VRecovery2020 => ("v_recovery_rate_baseline", Vanadium, 0.47, "fraction", Estimate, 0.42, 0.52),
    VExtraction => ("v_extraction_recovery", Vanadium, 0.8, "fraction", Estimate, 0.7, 0.88),
    VrfbIntensity => ("vrfb_v2o5_intensity", Vanadium, 9.25, "t V2O5/MWh", Fact, 9.25, 9.25),
    VrfbCost => ("vrfb_system_cost_2024", Vanadium, 2.0, "yuan/Wh", Estimate, 1.6, 2.6),
    Vrfb2020 => ("vrfb_deployment_2020", Vanadium, 0.05, "GWh/yr", Estimate, 0.0, 0.1),
    V2o5Energy => ("v2o5_energy_per_t", Vanadium, 3.0, "tce/t", Estimate, 1.5, 5.0),
    V2o5Elec => ("v2o5_electricity_per_t", Vanadium, 1500.0, "kWh/t", Estimate, 800.0, 3000.0),
    // ---- titanium -------------------------------------------------------------------------------------------
    TiConc2020 => ("guideline_ti_concentrate_output", Titanium, 600.0, "万吨/年", Fact, 600.0, 650.0),
    TiRecovery2020 => ("ti_recovery_rate_baseline", Titanium, 0.2, "fraction", Estimate, 0.15, 0.3),
    TiOreTio2 => ("ti_ore_tio2_content", Titanium, 1410.0, "万吨 TiO2/年", Estimate, 1100.0, 1600.0),
    Tio2Cap2020 => ("sichuan_tio2_capacity_2020", Titanium, 100.0, "万吨/年", Estimate, 85.0, 110.0),
    Tio2Util => ("tio2_utilisation", Titanium, 0.8, "fraction", Fact, 0.75, 0.85),
    Tio2Output2020 => ("sichuan_tio2_output_2020", Titanium, 80.0, "万吨", Estimate, 65.0, 95.0),
    ChlorideShare2020 => ("sichuan_tio2_chloride_share_2022", Titanium, 0.07, "fraction", Estimate, 0.04, 0.12),
    ConcPerSulfate => ("ti_concentrate_per_t_tio2_sulfate", Titanium, 2.4, "t/t", Estimate, 2.2, 2.6),
    SlagPerChloride => ("ti_slag_per_t_tio2_chloride", Titanium, 1.3, "t/t", Estimate, 1.2, 1.45),
    SlagPerSponge => ("ti_slag_per_t_sponge", Titanium, 2.3, "t/t", Estimate, 2.0, 2.6),
    ConcPerSlag => ("ti_concentrate_per_t_slag", Titanium, 1.8, "t/t", Estimate, 1.6, 2.0),
    SlagExternal => ("ti_slag_external_sales", Titanium, 35.0, "万吨/年", Estimate, 20.0, 50.0),
    SpongeCap2020 => ("sichuan_ti_sponge_capacity_2020", Titanium, 25000.0, "t/yr", Estimate, 20000.0, 32000.0),
    SpongeUtil => ("ti_sponge_utilisation", Titanium, 0.8, "fraction", Estimate, 0.6, 0.9),
    SpongeOutput2020 => ("sichuan_ti_sponge_output_2020", Titanium, 20000.0, "t", Estimate, 15000.0, 26000.0),
    Tio2SulfEnergy => ("tio2_sulfate_energy_per_t", Titanium, 1.2, "tce/t", Estimate, 0.9, 1.6),
    Tio2SulfElec => ("tio2_sulfate_electricity_per_t", Titanium, 1000.0, "kWh/t", Estimate, 700.0, 1400.0),
    Tio2ChlEnergy => ("tio2_chloride_energy_per_t", Titanium, 0.9, "tce/t", Estimate, 0.6, 1.3),
    Tio2ChlElec => ("tio2_chloride_electricity_per_t", Titanium, 800.0, "kWh/t", Estimate, 600.0, 1100.0),
    Tio2ChlProcessCo2 => ("tio2_chloride_process_co2_per_t", Titanium, 1.34, "tCO2/t", Fact, 1.34, 1.34),
    SlagElec => ("titanium_slag_furnace_electricity", Titanium, 2700.0, "kWh/t", Fact, 2700.0, 2700.0),
    SpongeElec => ("ti_sponge_electricity_per_t", Titanium, 25000.0, "kWh/t", Estimate, 18000.0, 35000.0),
    BfSlagTiElec => ("bf_slag_ti_electricity_per_t", Titanium, 3000.0, "kWh/t", Estimate, 1500.0, 5000.0),
    TiMaterialsRatio => ("ti_materials_value_ratio", Titanium, 2.5, "ratio", Estimate, 1.8, 4.0),
    // ---- rare earths ----------------------------------------------------------------------------------------
    ReQuota2020 => ("sichuan_re_mining_quota_2020", RareEarth, 35000.0, "t REO", Estimate, 29000.0, 40000.0),
    ReImported2020 => ("sichuan_re_imported_processed_2020", RareEarth, 10000.0, "t REO", Estimate, 5000.0, 20000.0),
    ReSepCap2020 => ("sichuan_re_separation_capacity_2020", RareEarth, 45000.0, "t REO/yr", Fact, 45000.0, 45000.0),
    NdprShare => ("ndpr_share_of_reo", RareEarth, 0.17, "fraction", Estimate, 0.15, 0.19),
    LaCePrice => ("la_ce_oxide_price_avg", RareEarth, 12000.0, "yuan/t", Estimate, 8000.0, 20000.0),
    MetalPerOxide => ("re_metal_per_t_oxide", RareEarth, 0.86, "t/t", Estimate, 0.84, 0.86),
    ReSepEnergy => ("re_separation_energy_per_t", RareEarth, 3.0, "tce/t", Estimate, 2.0, 4.0),
    ReMetalElec => ("re_metal_electrolysis_electricity_per_t", RareEarth, 9000.0, "kWh/t", Estimate, 7500.0, 11000.0),
    ReDeep2020 => ("re_deep_processing_share_2020", RareEarth, 0.3, "fraction", Estimate, 0.15, 0.45),
    MagnetRatio => ("re_magnet_value_ratio", RareEarth, 2.5, "ratio", Estimate, 1.8, 3.5),
    // ---- energy ---------------------------------------------------------------------------------------------
    ElecEquivalent => ("electricity_tce_equivalent_factor", Energy, 0.1229, "kgce/kWh", Fact, 0.1229, 0.1229),
    ElecCoalEquivalent => ("electricity_tce_coal_equivalent_factor", Energy, 0.3055, "kgce/kWh", Fact, 0.3055, 0.3055),
    BofEnergy => ("bfbof_energy_intensity", Energy, 560.0, "kgce/t", Estimate, 540.0, 600.0),
    BofElec => ("bfbof_electricity_per_t", Energy, 400.0, "kWh/t", Estimate, 300.0, 500.0),
    EafElec => ("eaf_electricity_per_t", Energy, 400.0, "kWh/t", Estimate, 330.0, 480.0),
    EafFuel => ("eaf_fuel_energy_per_t", Energy, 70.0, "kgce/t", Estimate, 40.0, 120.0),
    Energy2020 => ("sichuan_vti_re_energy_2020", Energy, 1300.0, "万tce", Estimate, 1150.0, 1700.0),
    Quota2020 => ("sector_energy_quota_2020", Energy, 1500.0, "万tce", Estimate, 1300.0, 1800.0),
    RenewableShare => ("renewable_share_new_electricity", Energy, 0.87, "fraction", Fact, 0.87, 0.87),
    PowerPrice2020 => ("sichuan_large_industry_power_price", Energy, 0.45, "yuan/kWh", Estimate, 0.35, 0.6),
    PrefPrice2020 => ("sichuan_hydro_preferential_power_price", Energy, 0.32, "yuan/kWh", Estimate, 0.28, 0.38),
    PowerElasticity => ("power_price_elasticity", Energy, -0.3, "elasticity", Estimate, -0.6, -0.1),
    IntensityCut => ("sichuan_energy_intensity_target_14fyp", Energy, 0.14, "fraction", Estimate, 0.135, 0.145),
    // ---- emissions ------------------------------------------------------------------------------------------
    BofDirectCo2 => ("bfbof_direct_co2_per_t", Emissions, 1.95, "tCO2/t", Estimate, 1.75, 2.15),
    EafDirectCo2 => ("eaf_direct_co2_per_t", Emissions, 0.2, "tCO2/t", Estimate, 0.15, 0.25),
    FuelCo2 => ("fuel_co2_per_tce", Emissions, 2.66, "tCO2/tce", Estimate, 1.64, 2.77),
    Grid2020 => ("sichuan_grid_co2_factor_2021", Emissions, 0.1255, "kgCO2/kWh", Fact, 0.1255, 0.1255),
    GridNational => ("china_grid_co2_factor_2022", Emissions, 0.5366, "kgCO2/kWh", Fact, 0.5366, 0.5366),
    // ---- output value ---------------------------------------------------------------------------------------
    Value2020 => ("sichuan_vti_steel_re_output_value_2020", Value, 2900.0, "亿元", Estimate, 2500.0, 3300.0),
    ValueV2020 => ("sichuan_vanadium_output_value_2020", Value, 100.0, "亿元", Estimate, 70.0, 140.0),
    ValueTi2020 => ("sichuan_titanium_output_value_2020", Value, 300.0, "亿元", Estimate, 220.0, 400.0),
    ValueRe2020 => ("sichuan_re_output_value_2020", Value, 115.0, "亿元", Estimate, 60.0, 200.0),
    TiConcPrice => ("ti_concentrate_price_avg_2020", Value, 1700.0, "yuan/t", Estimate, 1300.0, 2300.0),
}

/// The full spec of one parameter.
pub fn spec(id: ParamId) -> &'static ParamSpec {
    &PARAMS[id as usize]
}

impl ParamId {
    /// The parameter's stable text id (its CSV key), used in share links and JSON.
    pub fn key(self) -> &'static str {
        spec(self).csv_key
    }
    pub fn from_key(key: &str) -> Option<ParamId> {
        PARAMS.iter().find(|p| p.csv_key == key).map(|p| p.id)
    }
    pub fn all() -> impl Iterator<Item = ParamId> {
        PARAMS.iter().map(|p| p.id)
    }
}

/// Annual price history 2020–2024 from the CSV, used before a price lever takes over in 2025.
/// Each entry: the CSV keys for 2020, 2021, 2022, 2023, 2024 and their values.
pub struct PriceHistory {
    pub csv_keys: [&'static str; 5],
    pub values: [f64; 5],
    pub unit: &'static str,
}

pub const REBAR_HISTORY: PriceHistory = PriceHistory {
    csv_keys: [
        "rebar_price_avg_2020",
        "rebar_price_avg_2021",
        "rebar_price_avg_2022",
        "rebar_price_avg_2023",
        "rebar_price_avg_2024",
    ],
    values: [3800.0, 4900.0, 4400.0, 3950.0, 3550.0],
    unit: "yuan/t",
};
pub const V2O5_HISTORY: PriceHistory = PriceHistory {
    csv_keys: [
        "v2o5_price_avg_2020",
        "v2o5_price_avg_2021",
        "v2o5_price_avg_2022",
        "v2o5_price_avg_2023",
        "v2o5_price_avg_2024",
    ],
    values: [100000.0, 112000.0, 130000.0, 110000.0, 83000.0],
    unit: "yuan/t",
};
pub const TIO2_HISTORY: PriceHistory = PriceHistory {
    csv_keys: [
        "tio2_price_avg_2020",
        "tio2_price_avg_2021",
        "tio2_price_avg_2022",
        "tio2_price_avg_2023",
        "tio2_price_avg_2024",
    ],
    values: [14025.0, 19500.0, 18000.0, 15500.0, 15000.0],
    unit: "yuan/t",
};
pub const SPONGE_HISTORY: PriceHistory = PriceHistory {
    csv_keys: [
        "ti_sponge_price_avg_2020",
        "ti_sponge_price_avg_2021",
        "ti_sponge_price_avg_2022",
        "ti_sponge_price_avg_2023",
        "ti_sponge_price_avg_2024",
    ],
    values: [60000.0, 68000.0, 78000.0, 62000.0, 50000.0],
    unit: "yuan/t",
};
pub const NDPR_HISTORY: PriceHistory = PriceHistory {
    csv_keys: [
        "ndpr_oxide_price_avg_2020",
        "ndpr_oxide_price_avg_2021",
        "ndpr_oxide_price_avg_2022",
        "ndpr_oxide_price_avg_2023",
        "ndpr_oxide_price_avg_2024",
    ],
    values: [330000.0, 600000.0, 880000.0, 560000.0, 400000.0],
    unit: "yuan/t",
};

/// The baseline CSV, embedded so the app can show every source without a request.
pub const BASELINE_CSV: &str = include_str!("../data/sichuan_baseline.csv");

/// One row of the baseline CSV.
#[derive(Clone, Debug, PartialEq)]
pub struct CsvRow {
    pub key: String,
    pub value: String,
    pub unit: String,
    pub year: String,
    pub kind: String,
    pub low: String,
    pub high: String,
    pub source: String,
    pub note: String,
}

/// Splits one CSV line with RFC 4180 quoting (the file has quoted fields with commas, no newlines in fields).
fn split_csv_line(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => out.push(std::mem::take(&mut field)),
            (c, _) => field.push(c),
        }
    }
    out.push(field);
    out
}

/// Every data row of the embedded baseline CSV.
pub fn baseline_rows() -> Vec<CsvRow> {
    BASELINE_CSV
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .filter_map(|l| {
            let f = split_csv_line(l);
            if f.len() != 9 {
                return None;
            }
            let mut it = f.into_iter();
            let mut next = || it.next().unwrap_or_default();
            Some(CsvRow {
                key: next(),
                value: next(),
                unit: next(),
                year: next(),
                kind: next(),
                low: next(),
                high: next(),
                source: next(),
                note: next(),
            })
        })
        .collect()
}

/// The CSV row with this key, if any.
pub fn baseline_row(key: &str) -> Option<CsvRow> {
    baseline_rows().into_iter().find(|r| r.key == key)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(s: &str) -> Option<f64> {
        s.trim().parse().ok()
    }

    #[test]
    fn every_parameter_matches_its_row_in_the_baseline_csv() {
        for (i, p) in PARAMS.iter().enumerate() {
            assert_eq!(p.id as usize, i, "table order");
            let row =
                baseline_row(p.csv_key).unwrap_or_else(|| panic!("{} has no CSV row", p.csv_key));
            assert_eq!(num(&row.value), Some(p.value), "{} value", p.csv_key);
            assert_eq!(row.kind, p.kind.as_str(), "{} kind", p.csv_key);
            assert!(!row.source.trim().is_empty(), "{} has no source", p.csv_key);
            match (num(&row.low), num(&row.high)) {
                (Some(lo), Some(hi)) => {
                    assert_eq!((lo, hi), (p.low, p.high), "{} range", p.csv_key);
                }
                _ => {
                    assert_eq!(
                        p.kind,
                        Kind::Fact,
                        "{}: an ESTIMATE must carry a range",
                        p.csv_key
                    );
                    assert_eq!(
                        (p.low, p.high),
                        (p.value, p.value),
                        "{} point range",
                        p.csv_key
                    );
                }
            }
            assert!(
                p.low <= p.value && p.value <= p.high,
                "{} value inside its range",
                p.csv_key
            );
        }
    }

    #[test]
    fn every_price_history_figure_matches_the_baseline_csv() {
        for h in [
            &REBAR_HISTORY,
            &V2O5_HISTORY,
            &TIO2_HISTORY,
            &SPONGE_HISTORY,
            &NDPR_HISTORY,
        ] {
            for (k, v) in h.csv_keys.iter().zip(h.values) {
                let row = baseline_row(k).unwrap_or_else(|| panic!("{k} missing"));
                assert_eq!(num(&row.value), Some(v), "{k}");
            }
        }
    }

    #[test]
    fn estimates_in_the_csv_all_carry_a_range_and_a_note() {
        for r in baseline_rows() {
            if r.kind == "ESTIMATE" {
                assert!(
                    num(&r.low).is_some() && num(&r.high).is_some(),
                    "{} range",
                    r.key
                );
            }
            assert!(r.kind == "FACT" || r.kind == "ESTIMATE", "{} kind", r.key);
        }
    }
}
