//! Baseline parameters: every number the model uses that is not a lever.
//!
//! The table is data: `data/params.csv` names each parameter (typed id, the row of `data/sichuan_baseline.csv`
//! it comes from, its chain) and `build.rs` takes its value, unit, kind (a published FACT or a reasoned
//! ESTIMATE) and low/high range from that CSV row when the crate is built, so the table cannot drift from its
//! sources: there is no hand copy of a number. `params.csv` may give a shorter `display_unit` for the tables
//! (`t/t` for the CSV's `t/t crude steel`) and names each parameter for a reader in both languages
//! (`label_zh`, `label_en`, checked by [`crate::label_check`]). Rows whose source says `vtre project` were
//! added by this project, with their reasoning in the row's `note`.
//!
//! Advanced users may override any parameter within its low–high range (`Scenario::overrides`).

use crate::text::Text;

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
    pub fn label(self) -> Text {
        match self {
            Chain::Steel => Text::new("钢铁", "Steel"),
            Chain::Vanadium => Text::new("钒", "Vanadium"),
            Chain::Titanium => Text::new("钛", "Titanium"),
            Chain::RareEarth => Text::new("稀土", "Rare earths"),
            Chain::Energy => Text::new("能源", "Energy"),
            Chain::Emissions => Text::new("排放", "Emissions"),
            Chain::Value => Text::new("产值", "Output value"),
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

/// One baseline parameter (a row of `data/params.csv` with its baseline CSV row).
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
    pub role: Role,
}

/// What a parameter row is to the model.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// An input: overriding it changes the projection.
    Input,
    /// A base-year figure the model reproduces and is tested against, not an input (e.g. 2020 TiO2 output
    /// = capacity × utilisation).
    Check,
    /// A value the calibration derives from other rows (e.g. EAF utilisation from 2020 crude steel).
    Derived,
    /// A figure the calibration cancels out: any value gives the same projection (e.g. the smelter-side
    /// vanadium recovery, since the vanadium yield is solved from 2020 V2O5 output).
    Absorbed,
}

impl Role {
    pub fn key(self) -> &'static str {
        match self {
            Role::Input => "input",
            Role::Check => "check",
            Role::Derived => "derived",
            Role::Absorbed => "absorbed",
        }
    }
}

impl ParamSpec {
    /// Whether a reader may override it: an input with a range (a FACT without a range is fixed).
    pub fn overridable(&self) -> bool {
        self.role == Role::Input && self.high > self.low
    }
    /// The parameter's name for a reader, in both languages (`label_zh`, `label_en` in `data/params.csv`);
    /// the CSV key is an internal id, shown only as secondary detail. Kept apart from the table (measured
    /// 2026-12-07: the names are ~10 KB of the page's first module, which shows none of them).
    pub fn label(&self) -> Text {
        PARAM_LABELS[self.id as usize]
    }
}

include!(concat!(env!("OUT_DIR"), "/params_gen.rs"));

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

/// Every data row of the embedded baseline CSV.
pub fn baseline_rows() -> Vec<CsvRow> {
    BASELINE_CSV
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .filter_map(|l| {
            let f = crate::csv_line::split_line(l).unwrap_or_default();
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
    fn the_generated_table_follows_params_csv_in_order_with_its_units() {
        let rows: Vec<Vec<String>> = include_str!("../data/params.csv")
            .lines()
            .skip(1)
            .filter(|l| !l.trim().is_empty())
            .map(|l| crate::csv_line::split_line(l).unwrap_or_default())
            .collect();
        assert_eq!(rows.len(), PARAMS.len());
        for (p, r) in PARAMS.iter().zip(&rows) {
            assert_eq!(format!("{:?}", p.id), r[0], "id order");
            assert_eq!(p.csv_key, r[1]);
            assert_eq!(p.chain.id(), r[2], "{} chain", p.csv_key);
            let csv = baseline_row(p.csv_key).map(|b| b.unit).unwrap_or_default();
            let unit = if r[3].is_empty() { &csv } else { &r[3] };
            assert_eq!(p.unit, unit, "{} unit", p.csv_key);
            assert_eq!(
                (p.label().zh, p.label().en),
                (&*r[5], &*r[6]),
                "{} label",
                p.csv_key
            );
        }
        assert_eq!(spec(ParamId::PowerElasticity).value, -0.3);
        assert_eq!(spec(ParamId::PowerElasticity).kind, Kind::Estimate);
        assert_eq!(
            (spec(ParamId::Grid2020).low, spec(ParamId::Grid2020).high),
            (0.1255, 0.1255)
        );
    }

    #[test]
    fn every_parameter_has_its_own_name_in_both_languages() {
        let mut seen = std::collections::HashSet::new();
        for p in PARAMS {
            assert_eq!(
                crate::label_check::check(p.label().zh, p.label().en),
                Ok(()),
                "{}",
                p.csv_key
            );
            assert!(
                seen.insert(p.label().zh),
                "{}: zh name used twice",
                p.csv_key
            );
            assert!(
                seen.insert(p.label().en),
                "{}: en name used twice",
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
    fn each_price_factor_spans_the_spread_of_its_2020_24_averages_around_their_mean() {
        for (id, hist) in [
            (ParamId::SteelPriceFactor, &REBAR_HISTORY),
            (ParamId::V2o5PriceFactor, &V2O5_HISTORY),
            (ParamId::Tio2PriceFactor, &TIO2_HISTORY),
            (ParamId::SpongePriceFactor, &SPONGE_HISTORY),
            (ParamId::NdprPriceFactor, &NDPR_HISTORY),
        ] {
            let sp = spec(id);
            let mean = hist.values.iter().sum::<f64>() / 5.0;
            let lo = hist.values.iter().copied().fold(f64::INFINITY, f64::min) / mean;
            let hi = hist.values.iter().copied().fold(0.0, f64::max) / mean;
            // Rounded outward to 0.01: the range covers the spread and is no more than 0.01 wider.
            assert!(
                sp.low <= lo && lo - sp.low < 0.01,
                "{}: low {} vs {lo}",
                sp.csv_key,
                sp.low
            );
            assert!(
                sp.high >= hi && sp.high - hi < 0.01,
                "{}: high {} vs {hi}",
                sp.csv_key,
                sp.high
            );
            assert_eq!(
                (sp.value, sp.kind, sp.role),
                (1.0, Kind::Estimate, Role::Input)
            );
            assert!(sp.overridable(), "{} is drawn by the ensemble", sp.csv_key);
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

    #[test]
    fn ids_keys_and_roles_round_trip() {
        assert_eq!(ParamId::all().count(), PARAMS.len());
        for p in PARAMS {
            assert_eq!(ParamId::from_key(p.id.key()), Some(p.id));
        }
        assert_eq!(ParamId::PowerElasticity.key(), "power_price_elasticity");
        assert_eq!(
            ParamId::from_key("power_price_elasticity"),
            Some(ParamId::PowerElasticity)
        );
        assert_eq!(ParamId::from_key("nope"), None);
        assert_eq!(
            [Role::Input, Role::Check, Role::Derived, Role::Absorbed].map(Role::key),
            ["input", "check", "derived", "absorbed"]
        );
    }
}
