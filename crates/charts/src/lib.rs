//! The explorer's five charts, drawn with plotters on any backend (canvas in the app, SVG for export and
//! native tests). No DOM here. [`spec`] holds the charts as a table (series, colours, reference line, target
//! markers from the model's targets); [`legend`] and [`unit`] read only the table; [`chart_data`] turns a
//! projection into lines in display units, with the published figures that fall on them; [`draw`] paints
//! them; the same [`ChartData`] feeds the tooltip, the accessible table and the text description
//! ([`describe`]).

pub mod bars;
mod describe;
mod draw;
pub mod html;
pub mod palette;
pub mod sankey;
pub mod spec;
pub mod surface;
pub mod wire;

pub use bars::{layout as bars_layout, BarChart, BarLayout, BarRow, Mark};
pub use describe::describe;
#[cfg(target_arch = "wasm32")]
pub use draw::draw_canvas;
pub use draw::{draw, to_svg, DrawOpts, PlotArea};
pub use palette::COMPARE_COLORS;
pub use spec::{
    band_series, chart_of_lever, legend, spread_series, unit, ChartSpec, LegendEntry, LineSpec,
    MarkerSpec, Scale, CHARTS, STACK_BAND,
};

use plotters::style::RGBColor;
use vtre_i18n::{display_unit, quantity};
pub use vtre_model::actuals::Basis;
use vtre_model::series::{SeriesId as S, FIRST_YEAR, LAST_YEAR, N_YEARS};
use vtre_model::{Lang, Projection};

/// The charts, in page order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChartId {
    OutputValue,
    Co2,
    Energy,
    Production,
    IronConcentrate,
}

impl ChartId {
    pub const ALL: [ChartId; 5] = [
        ChartId::OutputValue,
        ChartId::Co2,
        ChartId::Energy,
        ChartId::Production,
        ChartId::IronConcentrate,
    ];
    /// The `data-chart` id.
    pub fn key(self) -> &'static str {
        match self {
            ChartId::OutputValue => "output_value",
            ChartId::Co2 => "co2",
            ChartId::Energy => "energy",
            ChartId::Production => "production",
            ChartId::IronConcentrate => "iron_concentrate",
        }
    }
    pub fn from_key(k: &str) -> Option<ChartId> {
        ChartId::ALL.into_iter().find(|c| c.key() == k)
    }
    /// A short name for a tab (the docked chart on a phone).
    pub fn short_title(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            ChartId::OutputValue => ("产值", "Value"),
            ChartId::Co2 => ("CO2", "CO2"),
            ChartId::Energy => ("能耗", "Energy"),
            ChartId::Production => ("产量", "Output"),
            ChartId::IronConcentrate => ("铁精矿", "Iron ore"),
        };
        if lang.zh() {
            zh
        } else {
            en
        }
    }
    pub fn title(self, lang: Lang) -> &'static str {
        spec::spec(self).title.get(lang)
    }
}

/// How a line is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Stacked filled area (drawn cumulatively in declaration order).
    Area,
    Line,
    /// The reference scenario: dashed.
    Reference,
    /// A compared scenario (0–3): its own colour and dash pattern.
    Compare(u8),
}

/// Dash and gap lengths (CSS px) of compared scenarios.
pub const COMPARE_DASHES: [(f64, f64); 4] = [(14.0, 4.0), (3.0, 3.0), (8.0, 3.0), (1.5, 4.0)];

#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub key: &'static str,
    pub label: String,
    pub color: RGBColor,
    pub kind: Kind,
    /// Values in display units.
    pub values: [f64; N_YEARS],
    /// On an index chart, the line's own quantity (model values and unit), so tables and tooltips can say
    /// tonnes beside the index.
    pub physical: Option<([f64; N_YEARS], &'static str)>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Marker {
    /// A target value in a year (drawn as a labelled diamond).
    Target {
        year: u16,
        value: f64,
        label: String,
    },
    /// A vertical marker line (e.g. the peak year).
    Year { year: u16, label: String },
    /// A later policy start (see [`add_policy_from`]): the years before `year` shaded and labelled as
    /// history, a vertical line at `year`.
    PolicyFrom {
        year: u16,
        label: String,
        history: String,
    },
}

/// A published figure on one of the chart's lines (see `vtre_model::actuals`): drawn as a point unless it is
/// national, and listed in the tooltip and the data table with what it is.
#[derive(Clone, Debug, PartialEq)]
pub struct Published {
    /// The line it falls on (hidden with it).
    pub key: &'static str,
    /// The line's name.
    pub series: String,
    pub color: RGBColor,
    pub year: u16,
    pub basis: Basis,
    /// On the chart's scale (display unit, or the index of the line). `None` for a national figure, which
    /// is never drawn on Sichuan's axis: [`Published::share`] says what it means instead.
    pub value: Option<f64>,
    /// The figure as published, in the display unit ("4.26万吨").
    pub figure: String,
    /// A national figure: the current scenario's Sichuan value as a share of it.
    pub share: Option<f64>,
    /// What the figure is (whose, sales or output, a half year, national).
    pub note: String,
}

/// The spread of one series across an ensemble (the current scenario run over its uncertain assumptions), in
/// display units: drawn as a light 5–95 % band and a darker 10–90 % band behind the line.
#[derive(Clone, Debug, PartialEq)]
pub struct Band {
    /// The line it belongs to (hidden with it), or [`STACK_BAND`] for the top of the stacked areas.
    pub key: &'static str,
    /// The series' name (for the data table's p10/p90 columns).
    pub label: String,
    pub color: RGBColor,
    pub p5: [f64; N_YEARS],
    pub p10: [f64; N_YEARS],
    pub p90: [f64; N_YEARS],
    pub p95: [f64; N_YEARS],
}

#[derive(Clone, Debug, PartialEq)]
pub struct ChartData {
    pub id: ChartId,
    pub title: String,
    /// Unit of the y axis, in the display language.
    pub unit: String,
    pub lines: Vec<Line>,
    pub markers: Vec<Marker>,
    /// Uncertainty bands of the current scenario (empty when they are off or not computed yet).
    pub bands: Vec<Band>,
    /// Published figures on the chart's lines, by line then year.
    pub published: Vec<Published>,
}

impl ChartData {
    /// The policy start year when it is later than 2020 (a [`Marker::PolicyFrom`]).
    pub fn policy_from(&self) -> Option<u16> {
        self.markers.iter().find_map(|m| match m {
            Marker::PolicyFrom { year, .. } => Some(*year),
            _ => None,
        })
    }
}

/// Marks a later policy start on `d`: years before `year` follow history. Nothing for the guideline's own
/// window (2020).
pub fn add_policy_from(d: &mut ChartData, year: u16, lang: Lang) {
    if year <= FIRST_YEAR || year > LAST_YEAR {
        return;
    }
    let (label, history) = match lang {
        Lang::Zh => (format!("政策起始 {year}"), "历史".to_string()),
        Lang::En => (format!("Policy from {year}"), "history".to_string()),
    };
    d.markers.push(Marker::PolicyFrom {
        year,
        label,
        history,
    });
}

/// The published figures on the current scenario's lines of chart `s`, in `p`'s terms.
fn published(s: &ChartSpec, p: &Projection, lang: Lang) -> Vec<Published> {
    let mut out = Vec::new();
    for l in s.lines {
        for g in vtre_model::actuals::published(l.series) {
            let model = p.at(l.series, g.year);
            let value = match (g.basis, s.scale) {
                (Basis::National, _) => None,
                (_, Scale::Unit) => Some(g.value * display_unit(l.series.unit(), lang).1),
                (_, Scale::Index) => {
                    let base = p.get(l.series)[0];
                    (base > 0.0).then(|| g.value / base * 100.0)
                }
            };
            out.push(Published {
                key: l.key,
                series: l.series.label(lang).to_string(),
                color: l.color,
                year: g.year,
                basis: g.basis,
                value,
                figure: quantity(g.value, l.series.unit(), lang),
                share: (g.basis == Basis::National && g.value > 0.0).then(|| model / g.value),
                note: g.note.get(lang).to_string(),
            });
        }
    }
    out
}

/// Quantiles of a series per year, `[p5, p10, p50, p90, p95]` in the model's unit (the order of
/// `vtre_analysis::Quantiles::to_array`).
pub type SeriesQuantiles = [[f64; 5]; N_YEARS];

/// Adds the bands of `d`'s chart from `quantiles` (a series' ensemble quantiles, `None` when not computed):
/// in display units, and on an index chart relative to the current projection `p`'s 2020 value (the scale
/// its lines are drawn on).
pub fn add_bands(
    d: &mut ChartData,
    p: &Projection,
    lang: Lang,
    quantiles: &dyn Fn(S) -> Option<SeriesQuantiles>,
) {
    let scale = spec::spec(d.id).scale;
    for (key, series, color) in band_series(d.id) {
        let Some(q) = quantiles(series) else { continue };
        let f = match scale {
            Scale::Unit => display_unit(series.unit(), lang).1,
            Scale::Index => {
                let base = p.get(series)[0];
                if base > 0.0 {
                    100.0 / base
                } else {
                    0.0
                }
            }
        };
        let pick = |k: usize| {
            let mut v = [0.0; N_YEARS];
            for (o, row) in v.iter_mut().zip(&q) {
                *o = row[k] * f;
            }
            v
        };
        d.bands.push(Band {
            key,
            label: series.label(lang).to_string(),
            color,
            p5: pick(0),
            p10: pick(1),
            p90: pick(3),
            p95: pick(4),
        });
    }
}

fn values(p: &Projection, id: S, scale: Scale, lang: Lang) -> [f64; N_YEARS] {
    let s = p.get(id);
    let mut v = [0.0; N_YEARS];
    match scale {
        Scale::Unit => {
            let f = display_unit(id.unit(), lang).1;
            for (o, x) in v.iter_mut().zip(s) {
                *o = x * f;
            }
        }
        Scale::Index => {
            let base = s[0];
            for (o, x) in v.iter_mut().zip(s) {
                *o = if base > 0.0 { x / base * 100.0 } else { 0.0 };
            }
        }
    }
    v
}

/// The lines and markers of one chart for the current projection `p` and the reference `r`.
pub fn chart_data(id: ChartId, p: &Projection, r: &Projection, lang: Lang) -> ChartData {
    chart_data_compared(id, p, r, &[], lang)
}

/// As [`chart_data`], with up to four compared scenarios `(label, projection)` overlaid as extra lines.
pub fn chart_data_compared(
    id: ChartId,
    p: &Projection,
    r: &Projection,
    compare: &[(String, &Projection)],
    lang: Lang,
) -> ChartData {
    let s = spec::spec(id);
    let labels: Vec<String> = compare.iter().map(|(l, _)| l.clone()).collect();
    let lines = legend(id, &labels, lang)
        .into_iter()
        .map(|e| {
            let (proj, series) = match e.kind {
                Kind::Reference => (r, Some(s.reference)),
                Kind::Compare(i) => (compare[usize::from(i)].1, Some(s.compare)),
                _ => (p, s.lines.iter().find(|l| l.key == e.key).map(|l| l.series)),
            };
            let values = series.map_or([0.0; N_YEARS], |id| values(proj, id, s.scale, lang));
            let physical = match (s.scale, series) {
                (Scale::Index, Some(id)) => Some((*proj.get(id), id.unit())),
                _ => None,
            };
            Line {
                key: e.key,
                label: e.label,
                color: e.color,
                kind: e.kind,
                values,
                physical,
            }
        })
        .collect();
    ChartData {
        id,
        title: id.title(lang).to_string(),
        unit: unit(id, lang),
        lines,
        markers: s
            .markers
            .iter()
            .filter_map(|m| marker(m, s, p, lang))
            .collect(),
        bands: Vec::new(),
        published: published(s, p, lang),
    }
}

fn marker(m: &MarkerSpec, s: &ChartSpec, p: &Projection, lang: Lang) -> Option<Marker> {
    let zh = lang == Lang::Zh;
    match *m {
        MarkerSpec::Target(t) => {
            let t = vtre_model::targets::spec(t);
            let f = match s.scale {
                Scale::Unit => display_unit(t.unit, lang).1,
                Scale::Index => 1.0,
            };
            let value = quantity(t.threshold, t.unit, lang);
            let label = if zh {
                format!("{}年目标 {value}", t.year)
            } else {
                format!("{} target: {value}", t.year)
            };
            Some(Marker::Target {
                year: t.year,
                value: t.threshold * f,
                label,
            })
        }
        MarkerSpec::Expected { param, year, label } => {
            let ps = vtre_model::params::spec(param);
            let label = label
                .get(lang)
                .replace("{year}", &year.to_string())
                .replace("{value}", &quantity(ps.value, ps.unit, lang));
            Some(Marker::Target {
                year,
                value: ps.value * display_unit(ps.unit, lang).1,
                label,
            })
        }
        MarkerSpec::PeakYear => Some(Marker::Year {
            year: p.peak_year,
            label: if zh {
                format!("峰值 {}年", p.peak_year)
            } else {
                format!("peak {}", p.peak_year)
            },
        }),
        MarkerSpec::FirstQuotaCurtailment => (FIRST_YEAR..=LAST_YEAR)
            .find(|&y| p.limits[usize::from(y - FIRST_YEAR)].energy_quota)
            .map(|year| Marker::Year {
                year,
                label: vtre_model::Text::new("指标约束减产", "quota curtails output")
                    .get(lang)
                    .to_string(),
            }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use vtre_model::{simulate, LeverId, Scenario};

    #[test]
    fn chart_ids_round_trip_through_their_keys_and_have_titles_in_both_languages() {
        let keys: Vec<&str> = ChartId::ALL.iter().map(|c| c.key()).collect();
        assert_eq!(
            keys,
            [
                "output_value",
                "co2",
                "energy",
                "production",
                "iron_concentrate"
            ]
        );
        for c in ChartId::ALL {
            assert_eq!(ChartId::from_key(c.key()), Some(c));
            for lang in [Lang::Zh, Lang::En] {
                assert!(!c.title(lang).is_empty() && !c.short_title(lang).is_empty());
                // A tab's name is no longer than the chart's title.
                assert!(c.short_title(lang).chars().count() <= c.title(lang).chars().count());
            }
            assert_ne!(c.title(Lang::Zh), c.title(Lang::En), "{}", c.key());
        }
        assert_eq!(ChartId::from_key("nope"), None);
        assert_eq!(ChartId::OutputValue.short_title(Lang::Zh), "产值");
        assert_eq!(ChartId::IronConcentrate.short_title(Lang::En), "Iron ore");
        let titles: std::collections::BTreeSet<&str> =
            ChartId::ALL.iter().map(|c| c.title(Lang::En)).collect();
        assert_eq!(titles.len(), 5, "five different titles");
    }

    #[test]
    fn a_phone_docks_the_chart_a_lever_acts_on_first() {
        use crate::spec::chart_of_lever;
        // Ore levers act on the iron concentrate; power prices on what the quota lets each product make.
        for l in [LeverId::OutsideOre, LeverId::NewMine, LeverId::FeRecovery] {
            assert_eq!(chart_of_lever(l), ChartId::IronConcentrate, "{}", l.key());
        }
        for l in [
            LeverId::PowerPrice,
            LeverId::PrefPrice,
            LeverId::PrefCoverage,
        ] {
            assert_eq!(chart_of_lever(l), ChartId::Production, "{}", l.key());
        }
        assert_eq!(chart_of_lever(LeverId::GridFactor), ChartId::Co2);
        assert_eq!(chart_of_lever(LeverId::EafSwap), ChartId::Co2);
        assert_eq!(chart_of_lever(LeverId::SteelPrice), ChartId::OutputValue);
    }

    #[test]
    fn the_spread_covers_the_headline_and_every_band_once() {
        use crate::spec::{band_series, spread_series};
        let s = spread_series();
        assert_eq!(&s[..2], [S::OutputValueTotal, S::Co2Total]);
        for c in ChartId::ALL {
            for (_, series, _) in band_series(c) {
                assert!(s.contains(&series), "{series:?} of {}", c.key());
            }
        }
        let unique: std::collections::BTreeSet<usize> = s.iter().map(|x| *x as usize).collect();
        assert_eq!(unique.len(), s.len(), "each series once");
        // The output value's stack band is drawn in ink (several layers), the CO2 lines' in their colours.
        let ov: Vec<_> = band_series(ChartId::OutputValue).collect();
        assert_eq!(ov[0].0, STACK_BAND);
        assert_eq!(ov[0].2, crate::palette::INK);
        assert!(band_series(ChartId::Co2).all(|(k, _, _)| k != STACK_BAND));
    }

    #[test]
    fn every_lever_moves_a_line_of_the_chart_a_phone_keeps_beside_it() {
        // Some levers act only through another (the V-Ti share of a swap, the EAF share of imported
        // capacity): they are moved in the reference and, failing that, with the others at their maximum.
        let mut all_max = Scenario::reference();
        for l in vtre_model::LEVERS {
            all_max.set(l.id, l.max);
        }
        let moves = |chart: ChartId, l: &vtre_model::levers::LeverSpec| {
            [Scenario::reference(), all_max.clone()]
                .into_iter()
                .any(|base| {
                    let before = simulate(&base);
                    [l.min, l.max].into_iter().any(|v| {
                        let mut s = base.clone();
                        s.set(l.id, v);
                        let p = simulate(&s);
                        spec::spec(chart).lines.iter().any(|line| {
                            p.get(line.series)
                                .iter()
                                .zip(before.get(line.series))
                                .any(|(a, b)| (a - b).abs() > 1e-9 * b.abs().max(1.0))
                        })
                    })
                })
        };
        for l in vtre_model::LEVERS {
            // The replacement ratio moves only the capacity retired elsewhere in China (not Sichuan's output,
            // energy or CO2), which no chart draws.
            if l.id == LeverId::ReplacementRatio {
                assert!(ChartId::ALL.iter().all(|&c| !moves(c, l)));
                continue;
            }
            let chart = chart_of_lever(l.id);
            assert!(
                moves(chart, l),
                "{} moves no line of {chart:?}; it moves {:?}",
                l.key,
                ChartId::ALL
                    .into_iter()
                    .filter(|&c| moves(c, l))
                    .collect::<Vec<_>>()
            );
        }
    }

    /// The SVG elements stroked in `color`: (polylines, line segments).
    fn strokes(svg: &str, color: RGBColor) -> (usize, usize) {
        let hex = format!("#{:02X}{:02X}{:02X}", color.0, color.1, color.2);
        let mut polylines = 0;
        let mut segments = 0;
        for el in svg.split('<').filter(|e| e.contains(hex.as_str())) {
            if el.starts_with("polyline") {
                polylines += 1;
            } else if el.starts_with("line") {
                segments += 1;
            }
        }
        (polylines, segments)
    }

    #[test]
    fn every_chart_renders_to_svg_in_both_languages_with_its_unit() {
        let r = simulate(&Scenario::reference());
        let mut s = Scenario::reference();
        s.set(LeverId::EafSwap, 500.0);
        let p = simulate(&s);
        for id in ChartId::ALL {
            for lang in [Lang::Zh, Lang::En] {
                let d = chart_data(id, &p, &r, lang);
                let svg = to_svg(&d, 640, 360).unwrap_or_default();
                assert!(svg.starts_with("<svg"), "{}", id.key());
                assert!(
                    !d.unit.is_empty() && svg.contains(d.unit.as_str()),
                    "{} y unit shown",
                    id.key()
                );
                assert!(svg.contains(d.title.as_str()) || !svg.is_empty());
            }
        }
    }

    #[test]
    fn the_reference_line_is_dashed_and_the_others_are_solid() {
        let r = simulate(&Scenario::reference());
        for id in ChartId::ALL {
            let d = chart_data(id, &r, &r, Lang::En);
            let reference = d.lines.iter().find(|l| l.kind == Kind::Reference);
            let Some(reference) = reference else {
                panic!("{} has no reference line", id.key());
            };
            // Draw the reference alone: a dashed line is many short segments and no polyline.
            let mut only = d.clone();
            only.markers.clear();
            only.lines.retain(|l| l.kind == Kind::Reference);
            let svg = to_svg(&only, 640, 360).unwrap_or_default();
            let (polylines, segments) = strokes(&svg, reference.color);
            assert_eq!(
                polylines,
                0,
                "{}: the reference is not one solid line",
                id.key()
            );
            assert!(segments > 20, "{}: {segments} dash segments", id.key());
            // The same line drawn as an ordinary line is one solid polyline: the test can tell them apart.
            only.lines[0].kind = Kind::Line;
            let svg = to_svg(&only, 640, 360).unwrap_or_default();
            assert_eq!(strokes(&svg, reference.color), (1, 0), "{}", id.key());
        }
    }

    #[test]
    fn legends_and_titles_come_from_the_table_without_a_projection() {
        for id in ChartId::ALL {
            let s = spec::spec(id);
            assert_eq!(s.id, id, "the table is in ChartId order");
            let l = legend(id, &["A".into()], Lang::En);
            assert_eq!(
                l.len(),
                s.lines.len() + 2,
                "lines, the reference and one compared"
            );
            assert!(l.iter().all(|e| !e.label.is_empty()));
            assert!(
                l.iter().all(|e| !e.label.contains('（')),
                "ASCII brackets in English"
            );
            assert_eq!(l.last().map(|e| e.kind), Some(Kind::Compare(0)));
        }
        assert_eq!(unit(ChartId::OutputValue, Lang::En), "billion yuan");
        assert_eq!(unit(ChartId::Production, Lang::Zh), "指数，2020年=100");
    }

    #[test]
    fn target_markers_read_the_models_targets() {
        let p = simulate(&Scenario::reference());
        let d = chart_data(ChartId::OutputValue, &p, &p, Lang::En);
        let t = vtre_model::targets::spec(vtre_model::TargetId::IndustryScale);
        assert!(d.markers.iter().any(|m| matches!(m,
            Marker::Target { year, value, .. } if *year == t.year && (*value - t.threshold / 10.0).abs() < 1e-9)));
    }

    #[test]
    fn chart_values_are_the_projection_in_display_units() {
        let p = simulate(&Scenario::reference());
        let zh = chart_data(ChartId::OutputValue, &p, &p, Lang::Zh);
        let en = chart_data(ChartId::OutputValue, &p, &p, Lang::En);
        assert_eq!(zh.lines[0].values[0], p.at(S::OutputValueSteel, 2020));
        assert!((en.lines[0].values[0] - p.at(S::OutputValueSteel, 2020) / 10.0).abs() < 1e-9);
        assert_eq!(en.unit, "billion yuan");
    }

    /// Quantiles spread ±`k`·10 % around the projection's values.
    pub(crate) fn spread(p: &Projection, k: f64) -> impl Fn(S) -> Option<SeriesQuantiles> + '_ {
        move |s| {
            let mut q = [[0.0; 5]; N_YEARS];
            for (row, v) in q.iter_mut().zip(p.get(s)) {
                *row = [
                    v * (1.0 - 2.0 * k),
                    v * (1.0 - k),
                    *v,
                    v * (1.0 + k),
                    v * (1.0 + 2.0 * k),
                ];
            }
            Some(q)
        }
    }

    #[test]
    fn bands_are_translucent_polygons_behind_each_line_and_go_with_hidden_lines() {
        let p = simulate(&Scenario::reference());
        let translucent = |svg: &str| {
            svg.split('<')
                .filter(|e| e.starts_with("polygon") && e.contains("opacity=\"0.13"))
                .count()
        };
        for id in ChartId::ALL {
            let mut d = chart_data(id, &p, &p, Lang::Zh);
            let plain = to_svg(&d, 640, 360).unwrap_or_default();
            assert_eq!(
                translucent(&plain),
                0,
                "{}: no bands without an ensemble",
                id.key()
            );
            add_bands(&mut d, &p, Lang::Zh, &spread(&p, 0.1));
            let n = band_series(id).count();
            assert_eq!(d.bands.len(), n);
            let svg = to_svg(&d, 640, 360).unwrap_or_default();
            assert_eq!(
                translucent(&svg),
                n,
                "{}: one light 5–95 % band each",
                id.key()
            );
            // The bands widen the axis to hold them.
            for b in &d.bands {
                assert!(b.p5.iter().zip(&b.p10).all(|(a, b)| a <= b));
                assert!(b.p90.iter().zip(&b.p95).all(|(a, b)| a <= b));
            }
        }
        // Units follow the language; an index chart is relative to the current 2020 value.
        let mut en = chart_data(ChartId::OutputValue, &p, &p, Lang::En);
        add_bands(&mut en, &p, Lang::En, &spread(&p, 0.1));
        let total = p.at(S::OutputValueTotal, 2025);
        assert!((en.bands[0].p90[5] - total * 1.1 / 10.0).abs() < 1e-9);
        assert_eq!(en.bands[0].key, STACK_BAND);
        let mut ix = chart_data(ChartId::Production, &p, &p, Lang::En);
        add_bands(&mut ix, &p, Lang::En, &spread(&p, 0.1));
        assert!((ix.bands[0].p10[0] - 90.0).abs() < 1e-9);
        // A hidden line hides its band.
        let mut co2 = chart_data(ChartId::Co2, &p, &p, Lang::En);
        add_bands(&mut co2, &p, Lang::En, &spread(&p, 0.1));
        let mut svg = String::new();
        {
            use plotters::prelude::IntoDrawingArea;
            let root = surface::Surface::svg(&mut svg, (640, 360)).into_drawing_area();
            let opts = DrawOpts {
                scale: 1.0,
                hidden: vec!["total"],
                hover: None,
            };
            assert!(draw(&root, &co2, &opts).is_ok());
        }
        assert_eq!(translucent(&svg), 2, "direct and indirect only");
    }

    #[test]
    fn a_later_policy_start_shades_the_history_and_marks_the_year_and_2020_adds_nothing() {
        let r = simulate(&Scenario::reference());
        let mut d = chart_data(ChartId::Co2, &r, &r, Lang::En);
        let plain = to_svg(&d, 640, 360).unwrap_or_default();
        add_policy_from(&mut d, 2020, Lang::En);
        assert_eq!(d.policy_from(), None, "2020 is the guideline's own window");
        add_policy_from(&mut d, 2026, Lang::En);
        assert_eq!(d.policy_from(), Some(2026));
        let svg = to_svg(&d, 640, 360).unwrap_or_default();
        assert!(
            svg.contains("Policy from 2026") && svg.contains("history"),
            "labelled: {}",
            svg.lines()
                .filter(|l| l.contains("<text"))
                .collect::<Vec<_>>()
                .join("\n")
        );
        let grey = |svg: &str| svg.matches("<polygon").count();
        // The shaded history and the label's white ground.
        assert_eq!(grey(&svg), grey(&plain) + 2);
        let mut zh = chart_data(ChartId::Co2, &r, &r, Lang::Zh);
        add_policy_from(&mut zh, 2026, Lang::Zh);
        let svg = to_svg(&zh, 640, 360).unwrap_or_default();
        assert!(svg.contains("政策起始 2026") && svg.contains("历史"));
    }

    #[test]
    fn published_figures_are_marked_on_their_lines_national_ones_only_listed() {
        let r = simulate(&Scenario::reference());
        let d = chart_data(ChartId::Production, &r, &r, Lang::En);
        let part: Vec<&Published> = d
            .published
            .iter()
            .filter(|p| p.basis == Basis::Part)
            .collect();
        assert_eq!(part.len(), 4);
        assert!(part.iter().all(|p| p.value.is_some() && p.share.is_none()));
        // On the index chart, relative to the line's own 2020 value.
        let tio2 = part.iter().find(|p| p.key == "tio2" && p.year == 2021);
        let base = r.at(S::Tio2Output, 2020);
        let v = tio2.and_then(|p| p.value).unwrap_or_default();
        assert!((v - 24.74 / base * 100.0).abs() < 1e-9, "{v}");
        let national: Vec<&Published> = d
            .published
            .iter()
            .filter(|p| p.basis == Basis::National)
            .collect();
        assert!(national.len() >= 10);
        assert!(national
            .iter()
            .all(|p| p.value.is_none() && p.share.is_some()));
        let quota = national.iter().find(|p| p.key == "reo" && p.year == 2020);
        assert_eq!(
            quota.and_then(|p| p.share),
            Some(r.at(S::ReoSeparated, 2020) / 135_000.0)
        );
        assert_eq!(quota.map(|p| p.figure.as_str()), Some("135,000 t"));
        // Drawn as hollow triangles (white ground + outline) in the line's colour; hidden with the line.
        let v2o5 = d.lines.iter().find(|l| l.key == "v2o5").map(|l| l.color);
        let outlines = |svg: &str| {
            let hex = v2o5
                .map(|c| format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2))
                .unwrap_or_default();
            svg.split('<')
                .filter(|e| e.starts_with("polyline") && e.contains(hex.as_str()))
                .filter(|e| {
                    e.split("points=\"")
                        .nth(1)
                        .is_some_and(|p| p.split(' ').filter(|x| x.contains(',')).count() == 4)
                })
                .count()
        };
        let svg = to_svg(&d, 640, 360).unwrap_or_default();
        assert_eq!(
            outlines(&svg),
            2,
            "V2O5: the 2020 half year and the 2021 sales"
        );
        let mut svg = String::new();
        {
            use plotters::prelude::IntoDrawingArea;
            let root = surface::Surface::svg(&mut svg, (640, 360)).into_drawing_area();
            let opts = DrawOpts {
                scale: 1.0,
                hidden: vec!["v2o5"],
                hover: None,
            };
            assert!(draw(&root, &d, &opts).is_ok());
        }
        assert_eq!(outlines(&svg), 0);
        // A chart with no figure on its lines has none.
        assert!(chart_data(ChartId::Co2, &r, &r, Lang::En)
            .published
            .is_empty());
    }

    #[test]
    fn the_plot_area_maps_pixels_to_years() {
        let a = PlotArea {
            x0: 100,
            x1: 250,
            y0: 0,
            y1: 100,
        };
        assert_eq!(a.year_at(100.0), Some(0));
        assert_eq!(a.year_at(250.0), Some(N_YEARS - 1));
        assert_eq!(a.year_at(10.0), None);
        // 150 px for 15 years: the nearest year, and a twentieth of slack beyond either end.
        assert_eq!(a.year_at(154.0), Some(5));
        assert_eq!(a.year_at(156.0), Some(6));
        assert_eq!(a.year_at(95.0), Some(0), "a little left of the axis");
        assert_eq!(a.year_at(257.0), Some(N_YEARS - 1));
        assert_eq!(a.year_at(90.0), None, "more than 5 % outside");
        assert_eq!(a.year_at(260.0), None);
        assert_eq!(PlotArea { x1: 100, ..a }.year_at(100.0), None, "no width");
    }
}
