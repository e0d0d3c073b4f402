//! Output series: every annual figure a projection carries, with its stable id, unit and labels. The table is
//! data (`data/series.csv`: id, key, unit, zh/en label), turned into `SeriesId` and `SERIES` by `build.rs`;
//! a new series goes at the end, so earlier ids keep their place.
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

include!(concat!(env!("OUT_DIR"), "/series_gen.rs"));

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
