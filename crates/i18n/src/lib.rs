//! UI strings in Chinese (default) and English, and number formatting per language.
//!
//! Whole-sentence keys (`Msg`), never concatenated fragments. Number convention, documented in the README:
//! Chinese shows the units of Chinese statistics (亿元, 万吨, 万吨标准煤); English shows billion yuan, Mt and
//! Mt ce (1 billion yuan = 10 亿元, 1 Mt = 100 万吨).

pub use vtre_model::text::{Lang, Text};

mod format;
mod status;
pub use format::{
    axis_label, decimals, display_unit, group, lever_display, lever_value, quantity, unit_hint,
    unit_text, Precision,
};
pub use status::{percent, related_quantity, status_icon, status_msg};

// The Msg table: `data/msg.csv` (id, zh, en), turned into one static per sentence, `Msg` and `Msg::ALL` by
// `build.rs`. A new sentence is a new row; the build stops on a duplicate id or an empty Chinese text.
include!(concat!(env!("OUT_DIR"), "/msg_gen.rs"));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_parameter_is_in_both_languages() {
        let params = |t: &str| {
            let mut ps: Vec<String> = t
                .split('{')
                .skip(1)
                .filter_map(|p| p.split_once('}').map(|(name, _)| name.to_string()))
                .collect();
            ps.sort();
            ps
        };
        for m in Msg::ALL {
            assert_eq!(params(m.text(Lang::Zh)), params(m.text(Lang::En)), "{m:?}");
        }
        assert_eq!(params(Msg::NotSavedName.text(Lang::En)), ["name"]);
    }

    #[test]
    fn every_sentence_exists_in_both_languages_and_differs() {
        for m in Msg::ALL {
            let (zh, en) = (m.text(Lang::Zh), m.text(Lang::En));
            assert!(!zh.is_empty(), "{m:?}");
            if ![Msg::Years, Msg::PngExport, Msg::SvgExport].contains(m) {
                assert!(!en.is_empty(), "{m:?}");
                assert_ne!(zh, en, "{m:?}");
            }
        }
    }

    #[test]
    fn the_msg_table_is_data_msg_csv_row_by_row() {
        let csv = include_str!("../data/msg.csv");
        let ids: Vec<&str> = csv
            .lines()
            .skip(1)
            .filter_map(|l| l.split(',').next())
            .filter(|id| !id.is_empty())
            .collect();
        let ours: Vec<String> = Msg::ALL.iter().map(|m| format!("{m:?}")).collect();
        assert_eq!(ids, ours);
        assert_eq!(Msg::Levers.text(Lang::Zh), "政策杠杆");
        assert_eq!(Msg::Levers.text(Lang::En), "Policy levers");
    }

    #[test]
    fn numbers_follow_each_languages_units() {
        assert_eq!(quantity(3114.3, "亿元", Lang::Zh), "3,114亿元");
        assert_eq!(quantity(3114.3, "亿元", Lang::En), "311 billion yuan");
        assert_eq!(quantity(2790.0, "万吨", Lang::En), "27.9 Mt");
        assert_eq!(quantity(0.552, "fraction", Lang::En), "55.2%");
        assert_eq!(quantity(2025.0, "year", Lang::Zh), "2025年");
        assert_eq!(group(-1234.5, 1), "-1,234.5");
        assert_eq!(group(-0.0001, 1), "0.0");
    }
}
