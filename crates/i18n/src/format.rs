//! The one number formatter: how a model quantity is shown to people in each language.
//!
//! - **Units** ([`display_unit`]): Chinese keeps the units of Chinese statistics (亿元, 万吨, 万吨标准煤);
//!   English uses billion yuan, Mt and Mt ce (1 billion yuan = 10 亿元, 1 Mt = 100 万吨); CO2 is 万吨CO2 in
//!   Chinese (the model's Mt × 100), Mt CO2 in English. One table, used by
//!   the charts, the scorecard, the headline, the tables and the pages.
//! - **Decimals** ([`decimals`]): one rule with its cases named by [`Precision`].
//! - **Digits** ([`group`]): thousands separators, no `-0`.

use crate::Lang;

/// The display unit and the factor from the model's unit, for a model unit (`万吨`, `亿元`, `万tce`, `Mt`,
/// `t`, `t REO`, `亿kWh`, `fraction`). Unknown units are shown as they are, factor 1.
pub fn display_unit(unit: &str, lang: Lang) -> (&'static str, f64) {
    let zh = lang == Lang::Zh;
    match (unit, zh) {
        ("亿元", true) => ("亿元", 1.0),
        ("亿元", false) => ("billion yuan", 0.1),
        ("万吨", true) => ("万吨", 1.0),
        ("万吨", false) => ("Mt", 0.01),
        ("万tce", true) => ("万吨标准煤", 1.0),
        ("万tce", false) => ("Mt ce", 0.01),
        // CO2 in 万吨 like every other tonnage on a Chinese page (100 万吨 = 1 Mt).
        ("Mt", true) => ("万吨CO2", 100.0),
        ("Mt", false) => ("Mt CO2", 1.0),
        ("t", true) | ("t REO", true) => ("吨", 1.0),
        ("t", false) => ("t", 1.0),
        ("t REO", false) => ("t REO", 1.0),
        ("亿kWh", true) => ("亿千瓦时", 1.0),
        ("亿kWh", false) => ("TWh", 0.1),
        ("fraction", _) => ("%", 100.0),
        _ => ("", 1.0),
    }
}

/// What a number is shown for; [`decimals`] gives the digits after the point for each.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Precision {
    /// A result shown to people: about three significant digits (0 from 100, 1 from 10, 2 from 1, else 3).
    Value,
    /// An assumption and its range, shown faithfully (0 from 1,000 or for 0, 1 from 10, 2 from 1, else 4).
    Assumption,
    /// A lever value on its step grid: exactly as many decimals as the step has (0.05 → 2, 10 → 0).
    Step(f64),
    /// An axis tick: 0 from 100 (and for 0), 1 from 1, else 2.
    Axis,
}

/// The one decimals rule (see [`Precision`]).
pub fn decimals(v: f64, p: Precision) -> usize {
    let a = v.abs();
    match p {
        Precision::Value => match a {
            a if a >= 100.0 => 0,
            a if a >= 10.0 => 1,
            a if a >= 1.0 => 2,
            _ => 3,
        },
        Precision::Assumption => match a {
            a if a >= 1000.0 || a == 0.0 => 0,
            a if a >= 10.0 => 1,
            a if a >= 1.0 => 2,
            _ => 4,
        },
        Precision::Step(step) => {
            let mut d = 0;
            let mut s = step;
            while d < 6 && (s - s.round()).abs() > 1e-9 {
                s *= 10.0;
                d += 1;
            }
            d
        }
        Precision::Axis => match a {
            a if a >= 100.0 || a == 0.0 => 0,
            a if a >= 1.0 => 1,
            _ => 2,
        },
    }
}

/// An axis tick label: 12,345 → "12k", otherwise [`Precision::Axis`] decimals.
pub fn axis_label(v: f64) -> String {
    if v.abs() >= 10_000.0 {
        format!("{:.0}k", v / 1000.0)
    } else {
        format!("{:.*}", decimals(v, Precision::Axis), v)
    }
}

/// Formats a number with thousands separators and `decimals` digits.
pub fn group(v: f64, decimals: usize) -> String {
    if !v.is_finite() {
        return "—".into();
    }
    let s = format!("{:.*}", decimals, v.abs());
    let (int, frac) = s
        .split_once('.')
        .map_or((s.as_str(), None), |(a, b)| (a, Some(b)));
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    if v < 0.0 && out.chars().any(|c| c.is_ascii_digit() && c != '0') {
        out.insert(0, '-');
    }
    out
}

/// A model quantity with its unit, in the display language (see the module docs for the convention).
pub fn quantity(v: f64, unit: &str, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let (shown, u) = match (unit, zh) {
        ("fraction", _) => return format!("{}%", group(v * 100.0, 1)),
        ("year", true) => return format!("{}年", v.round() as i64),
        ("year", false) => return format!("{}", v.round() as i64),
        ("clusters", true) => return format!("{}个", v.round() as i64),
        ("clusters", false) => return format!("{}", v.round() as i64),
        _ => match display_unit(unit, lang) {
            ("", _) => (v, unit),
            (u, f) => (v * f, u),
        },
    };
    let sep = if zh && !u.is_ascii() { "" } else { " " };
    format!(
        "{}{sep}{u}",
        group(shown, decimals(shown, Precision::Value))
    )
}

/// How a lever's value is shown: a share (unit 比例 / share, 0–1 in the model) as a percent like every
/// other share on screen, anything else in its own unit. Returns the factor from the model's value, the
/// decimals and the unit in `lang`.
pub fn lever_display(l: &vtre_model::levers::LeverSpec, lang: Lang) -> (f64, usize, &'static str) {
    if l.unit.zh == "比例" {
        let step = l.step * 100.0;
        (100.0, decimals(step, Precision::Step(step)), "%")
    } else {
        (
            1.0,
            decimals(l.step, Precision::Step(l.step)),
            l.unit.get(lang),
        )
    }
}

/// A lever's value with its unit, as a reader sees it ("300 万吨/年", "40%").
pub fn lever_value(l: &vtre_model::levers::LeverSpec, v: f64, lang: Lang) -> String {
    let (f, dec, unit) = lever_display(l, lang);
    let sep = if unit == "%" { "" } else { " " };
    format!("{}{sep}{unit}", group(v * f, dec))
}

#[cfg(test)]
mod lever_tests {
    use super::*;
    use vtre_model::levers::{spec, LeverId};

    #[test]
    fn shares_read_as_percents_and_other_levers_in_their_units() {
        assert_eq!(
            lever_value(spec(LeverId::SwapVtiShare), 0.35, Lang::Zh),
            "35%"
        );
        assert_eq!(
            lever_value(spec(LeverId::ImportEafShare), 1.0, Lang::En),
            "100%"
        );
        assert_eq!(
            lever_value(spec(LeverId::EafSwap), 300.0, Lang::Zh),
            "300 万吨/年"
        );
        assert_eq!(
            lever_value(spec(LeverId::PowerPrice), 0.35, Lang::En),
            "0.35 yuan/kWh"
        );
    }
}

/// What an abbreviation in a unit means (a tooltip beside the unit), if it needs saying.
pub fn unit_hint(unit: &str) -> Option<crate::Msg> {
    if unit.contains("REO") {
        Some(crate::Msg::UnitReo)
    } else if unit.contains("标煤") || unit.contains(" ce") || unit.contains("tce") {
        Some(crate::Msg::UnitCe)
    } else {
        None
    }
}

/// A model unit as text in `lang`, for the reading pages, where values stay in the model's unit (they are
/// the figures the sources give and what an override is typed in): 万吨 is "10 kt" in English, 亿元 "100
/// million yuan", 万tce 万吨标准煤 in Chinese and "10 kt ce" in English; units already in English stay.
pub fn unit_text(unit: &str, lang: Lang) -> String {
    if lang == Lang::Zh {
        if unit == "Mt" {
            return "百万吨CO2".into();
        }
        return unit.replace("万tce", "万吨标准煤");
    }
    unit.replace("万吨 TiO2", "10 kt TiO2")
        .replace("万吨", "10 kt")
        .replace("万tce", "10 kt ce")
        .replace("亿元", "100 million yuan")
        .replace("亿kWh", "100 million kWh")
        .replace("/年", "/yr")
}

#[cfg(test)]
mod unit_text_tests {
    use super::*;

    #[test]
    fn english_pages_get_english_units_for_the_models_chinese_ones() {
        for u in [
            "万吨",
            "万吨/年",
            "万吨 TiO2/年",
            "万tce",
            "亿元",
            "t/yr",
            "fraction",
        ] {
            let en = unit_text(u, Lang::En);
            assert!(
                !en.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{u} → {en}"
            );
        }
        assert_eq!(unit_text("万吨/年", Lang::En), "10 kt/yr");
        assert_eq!(unit_text("万tce", Lang::Zh), "万吨标准煤");
        assert_eq!(unit_text("万吨", Lang::Zh), "万吨");
    }
}
