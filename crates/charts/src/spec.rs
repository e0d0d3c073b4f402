//! The five charts as a table of specs: which series each draws, in which colour and style, which series the
//! reference and compared scenarios are drawn as, and which markers it shows. Target markers read the
//! model's target table and the guideline figures its parameter table holds: no number is copied here.
//!
//! Titles, units and legends come from the spec alone ([`legend`]), without a simulation run; the values
//! drawn come from a projection ([`crate::chart_data`]).

use crate::palette::*;
use crate::{ChartId, Kind};
use plotters::style::RGBColor;
use vtre_model::params::ParamId;
use vtre_model::series::SeriesId as S;
use vtre_model::targets::TargetId;
use vtre_model::{Lang, Text};

/// How a series' values are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scale {
    /// In the display unit of the series' model unit (`vtre_i18n::display_unit`).
    Unit,
    /// As an index, 2020 = 100.
    Index,
}

/// One line (or stacked band) of a chart.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LineSpec {
    /// The legend key (`data-key` of the legend entry; hidden lines are remembered by it).
    pub key: &'static str,
    pub series: S,
    pub color: RGBColor,
    pub kind: Kind,
}

/// A marker drawn on a chart.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum MarkerSpec {
    /// A guideline target: a diamond at its threshold in its year (from `vtre_model::targets`).
    Target(TargetId),
    /// A figure the guideline expects (a parameter of the model), in a year, with its label.
    Expected {
        param: ParamId,
        year: u16,
        label: Text,
    },
    /// A vertical line at the projection's CO2 peak year.
    PeakYear,
    /// A vertical line at the first year the energy quota curtails output.
    FirstQuotaCurtailment,
}

/// One chart.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ChartSpec {
    pub id: ChartId,
    pub title: Text,
    pub scale: Scale,
    /// The chart's lines, drawn in this order (stacked bands first).
    pub lines: &'static [LineSpec],
    /// The series the reference scenario is drawn as (dashed, in `reference_color`).
    pub reference: S,
    pub reference_color: RGBColor,
    /// The series compared scenarios are drawn as.
    pub compare: S,
    /// The series the top of the stacked areas is (their sum), which gets the areas' uncertainty band:
    /// a band per stacked layer would not say what the stack adds up to.
    pub stack_total: Option<S>,
    pub markers: &'static [MarkerSpec],
}

const fn line(key: &'static str, series: S, color: RGBColor, kind: Kind) -> LineSpec {
    LineSpec {
        key,
        series,
        color,
        kind,
    }
}

/// The chart table, in page order (`ChartId as usize`).
pub const CHARTS: [ChartSpec; 5] = [
    ChartSpec {
        id: ChartId::OutputValue,
        title: Text::new("产业规模（总产值）", "Industry scale (output value)"),
        scale: Scale::Unit,
        lines: &[
            line("steel", S::OutputValueSteel, STEEL, Kind::Area),
            line("vanadium", S::OutputValueVanadium, VANADIUM, Kind::Area),
            line("titanium", S::OutputValueTitanium, TITANIUM, Kind::Area),
            line("rare_earth", S::OutputValueRareEarth, RARE, Kind::Area),
        ],
        reference: S::OutputValueTotal,
        reference_color: INK,
        compare: S::OutputValueTotal,
        stack_total: Some(S::OutputValueTotal),
        markers: &[MarkerSpec::Target(TargetId::IndustryScale)],
    },
    ChartSpec {
        id: ChartId::Co2,
        title: Text::new("CO2排放（直接+间接）", "CO2 emissions (direct + indirect)"),
        scale: Scale::Unit,
        lines: &[
            line("total", S::Co2Total, INK, Kind::Line),
            line("direct", S::Co2Direct, STEEL, Kind::Line),
            line("indirect", S::Co2Indirect, VANADIUM, Kind::Line),
        ],
        reference: S::Co2Total,
        reference_color: GREY,
        compare: S::Co2Total,
        stack_total: None,
        markers: &[MarkerSpec::PeakYear],
    },
    ChartSpec {
        id: ChartId::Energy,
        title: Text::new(
            "计入指标的能耗与能耗指标",
            "Energy counted against the quota",
        ),
        scale: Scale::Unit,
        lines: &[
            line("counted", S::EnergyCounted, STEEL, Kind::Line),
            line("total", S::EnergyTotal, TITANIUM, Kind::Line),
            line("quota", S::EnergyQuota, ALERT, Kind::Line),
        ],
        reference: S::EnergyCounted,
        reference_color: GREY,
        compare: S::EnergyCounted,
        stack_total: None,
        markers: &[MarkerSpec::FirstQuotaCurtailment],
    },
    ChartSpec {
        id: ChartId::Production,
        title: Text::new("主要产品产量", "Production"),
        scale: Scale::Index,
        lines: &[
            line("bof", S::CrudeSteelBof, STEEL, Kind::Line),
            line("eaf", S::CrudeSteelEaf, STEEL_LIGHT, Kind::Line),
            line("v2o5", S::V2o5Output, VANADIUM, Kind::Line),
            line("tio2", S::Tio2Output, TITANIUM, Kind::Line),
            line("sponge", S::TiSpongeOutput, TITANIUM_DARK, Kind::Line),
            line("reo", S::ReoSeparated, RARE, Kind::Line),
        ],
        reference: S::CrudeSteelTotal,
        reference_color: GREY,
        compare: S::CrudeSteelTotal,
        stack_total: None,
        markers: &[],
    },
    ChartSpec {
        id: ChartId::IronConcentrate,
        title: Text::new("铁精矿供需", "Iron concentrate supply and demand"),
        scale: Scale::Unit,
        lines: &[
            line("demand", S::IronConcentrateDemand, ALERT, Kind::Line),
            line("supply", S::IronConcentrateSupply, STEEL, Kind::Line),
            line("gap", S::IronConcentrateGap, VANADIUM, Kind::Area),
        ],
        reference: S::IronConcentrateDemand,
        reference_color: GREY,
        compare: S::IronConcentrateGap,
        stack_total: Some(S::IronConcentrateGap),
        markers: &[MarkerSpec::Expected {
            param: ParamId::GuidelineConcGap2025,
            year: 2025,
            label: Text::new(
                "指南预计{year}年缺口{value}",
                "guideline: {value} gap in {year}",
            ),
        }],
    },
];

/// The key of the band around the top of a chart's stacked areas.
pub const STACK_BAND: &str = "stack";

/// The uncertainty bands a chart draws, as (key, series, colour): one per plain line (keyed like the line, so
/// hiding the line hides its band) and one around the top of the stacked areas ([`STACK_BAND`]).
pub fn band_series(id: ChartId) -> impl Iterator<Item = (&'static str, S, RGBColor)> {
    let s = spec(id);
    // A single layer's band takes its colour; the sum of several layers is drawn in ink.
    let mut areas = s.lines.iter().filter(|l| l.kind == Kind::Area);
    let color = match (areas.next(), areas.next()) {
        (Some(only), None) => only.color,
        _ => INK,
    };
    s.stack_total
        .map(move |t| (STACK_BAND, t, color))
        .into_iter()
        .chain(
            s.lines
                .iter()
                .filter(|l| l.kind != Kind::Area)
                .map(|l| (l.key, l.series, l.color)),
        )
}

/// The series whose spread the app shows: the headline's two figures (output value, CO2) and every chart's
/// bands, each once. The analysis worker computes the quantiles of these (and the build those of the
/// reference scenario).
pub fn spread_series() -> Vec<S> {
    let mut out: Vec<S> = vec![S::OutputValueTotal, S::Co2Total];
    for c in ChartId::ALL {
        for (_, s, _) in band_series(c) {
            if !out.contains(&s) {
                out.push(s);
            }
        }
    }
    out
}

/// The chart a lever moves most visibly: the one a phone keeps in view beside the levers while that lever
/// is moved (`src/ui/dock.rs`). A test checks that moving each lever across its range moves a line of its
/// chart.
pub fn chart_of_lever(id: vtre_model::LeverId) -> ChartId {
    use vtre_model::levers::{spec as lspec, LeverGroup};
    use vtre_model::LeverId as L;
    match id {
        L::OutsideOre | L::NewMine | L::FeRecovery => ChartId::IronConcentrate,
        L::VrfbDeploy | L::TiDeepProcessing | L::ReDeep => ChartId::OutputValue,
        L::GridFactor => ChartId::Co2,
        L::BfSlagTi => ChartId::Energy,
        L::PowerPrice | L::PrefPrice | L::PrefCoverage => ChartId::Production,
        _ => match lspec(id).group {
            LeverGroup::Steel => ChartId::Co2,
            LeverGroup::VanadiumTitanium | LeverGroup::RareEarth => ChartId::Production,
            LeverGroup::EnergyPower => ChartId::Energy,
            LeverGroup::Prices => ChartId::OutputValue,
        },
    }
}

/// The spec of a chart.
pub fn spec(id: ChartId) -> &'static ChartSpec {
    &CHARTS[id as usize]
}

/// One legend entry.
#[derive(Clone, Debug, PartialEq)]
pub struct LegendEntry {
    pub key: &'static str,
    pub label: String,
    pub color: RGBColor,
    pub kind: Kind,
}

/// Keys of the compared scenarios' lines.
pub const COMPARE_KEYS: [&str; 4] = ["cmp-0", "cmp-1", "cmp-2", "cmp-3"];

/// The chart's unit in `lang` (the y-axis title).
pub fn unit(id: ChartId, lang: Lang) -> String {
    let s = spec(id);
    match s.scale {
        Scale::Index => Text::new("指数，2020年=100", "index, 2020 = 100")
            .get(lang)
            .to_string(),
        Scale::Unit => vtre_i18n::display_unit(s.reference.unit(), lang)
            .0
            .to_string(),
    }
}

/// The legend of a chart with compared scenarios labelled `compare`: from the spec alone.
pub fn legend(id: ChartId, compare: &[String], lang: Lang) -> Vec<LegendEntry> {
    let s = spec(id);
    let mut out: Vec<LegendEntry> = s
        .lines
        .iter()
        .map(|l| LegendEntry {
            key: l.key,
            label: l.series.label(lang).to_string(),
            color: l.color,
            kind: l.kind,
        })
        .collect();
    let reference = Text::new("参考情景", "Reference").get(lang);
    let (open, close) = match lang {
        Lang::Zh => ("（", "）"),
        Lang::En => (" (", ")"),
    };
    out.push(LegendEntry {
        key: "reference",
        label: format!("{reference}{open}{}{close}", s.reference.label(lang)),
        color: s.reference_color,
        kind: Kind::Reference,
    });
    for (i, label) in compare.iter().take(COMPARE_KEYS.len()).enumerate() {
        out.push(LegendEntry {
            key: COMPARE_KEYS[i],
            label: label.clone(),
            color: COMPARE_COLORS[i],
            kind: Kind::Compare(i as u8),
        });
    }
    out
}
