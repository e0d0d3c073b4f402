//! The explorer's five charts, drawn with plotters on any backend (canvas in the app, SVG for export and
//! native tests). No DOM here: [`chart_data`] turns a projection into lines in display units, [`draw`] paints
//! them, and the same [`ChartData`] feeds the legend, the tooltip and the accessible table.

pub mod sankey;
pub mod surface;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use surface::{dashed, Surface};
use vtre_model::series::{SeriesId as S, FIRST_YEAR, LAST_YEAR, N_YEARS};
use vtre_model::Projection;

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
    pub fn title(self, zh: bool) -> &'static str {
        match (self, zh) {
            (ChartId::OutputValue, true) => "产业规模（总产值）",
            (ChartId::OutputValue, false) => "Industry scale (output value)",
            (ChartId::Co2, true) => "CO2排放（直接+间接）",
            (ChartId::Co2, false) => "CO2 emissions (direct + indirect)",
            (ChartId::Energy, true) => "计入指标的能耗与能耗指标",
            (ChartId::Energy, false) => "Energy counted against the quota",
            (ChartId::Production, true) => "主要产品产量",
            (ChartId::Production, false) => "Production",
            (ChartId::IronConcentrate, true) => "铁精矿供需",
            (ChartId::IronConcentrate, false) => "Iron concentrate supply and demand",
        }
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

/// Colours of compared scenarios (distinct from the series colours).
pub const COMPARE_COLORS: [RGBColor; 4] = [
    RGBColor(230, 85, 13),
    RGBColor(49, 130, 50),
    RGBColor(117, 107, 177),
    RGBColor(99, 99, 99),
];
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
}

#[derive(Clone, Debug, PartialEq)]
pub struct ChartData {
    pub id: ChartId,
    pub title: String,
    /// Unit of the y axis, in the display language.
    pub unit: String,
    pub lines: Vec<Line>,
    pub markers: Vec<Marker>,
}

/// The display unit and conversion factor for a model unit: Chinese keeps 亿元/万吨/万吨标准煤;
/// English uses billion yuan, Mt and Mt ce (÷10, ÷100, ÷100).
pub fn display_unit(unit: &str, zh: bool) -> (&'static str, f64) {
    match (unit, zh) {
        ("亿元", true) => ("亿元", 1.0),
        ("亿元", false) => ("billion yuan", 0.1),
        ("万吨", true) => ("万吨", 1.0),
        ("万吨", false) => ("Mt", 0.01),
        ("万tce", true) => ("万吨标准煤", 1.0),
        ("万tce", false) => ("Mt ce", 0.01),
        ("Mt", true) => ("百万吨CO2", 1.0),
        ("Mt", false) => ("Mt CO2", 1.0),
        ("t", true) => ("吨", 1.0),
        ("t", false) => ("t", 1.0),
        ("亿kWh", true) => ("亿千瓦时", 1.0),
        ("亿kWh", false) => ("TWh", 0.1),
        ("fraction", _) => ("%", 100.0),
        _ => ("", 1.0),
    }
}

const STEEL: RGBColor = RGBColor(70, 110, 160);
const VANADIUM: RGBColor = RGBColor(196, 110, 36);
const TITANIUM: RGBColor = RGBColor(60, 150, 120);
const RARE: RGBColor = RGBColor(150, 80, 160);
const INK: RGBColor = RGBColor(40, 44, 52);
const ALERT: RGBColor = RGBColor(200, 50, 50);
const GREY: RGBColor = RGBColor(110, 110, 110);

fn conv(p: &Projection, id: S, f: f64) -> [f64; N_YEARS] {
    let mut v = *p.get(id);
    for x in &mut v {
        *x *= f;
    }
    v
}

fn index(p: &Projection, id: S) -> [f64; N_YEARS] {
    let s = p.get(id);
    let base = s[0];
    let mut v = [0.0; N_YEARS];
    for (o, x) in v.iter_mut().zip(s) {
        *o = if base > 0.0 { x / base * 100.0 } else { 0.0 };
    }
    v
}

fn t(zh: bool, a: &str, b: &str) -> String {
    if zh { a } else { b }.to_string()
}

/// The series of a chart that compared scenarios are drawn as (with its display conversion).
fn compare_series(id: ChartId, p: &Projection, zh: bool) -> [f64; N_YEARS] {
    match id {
        ChartId::OutputValue => conv(p, S::OutputValueTotal, display_unit("亿元", zh).1),
        ChartId::Co2 => conv(p, S::Co2Total, 1.0),
        ChartId::Energy => conv(p, S::EnergyCounted, display_unit("万tce", zh).1),
        ChartId::Production => index(p, S::CrudeSteelTotal),
        ChartId::IronConcentrate => conv(p, S::IronConcentrateGap, display_unit("万吨", zh).1),
    }
}

/// The lines and markers of one chart for the current projection `p` and the reference `r`.
pub fn chart_data(id: ChartId, p: &Projection, r: &Projection, zh: bool) -> ChartData {
    chart_data_compared(id, p, r, &[], zh)
}

/// As [`chart_data`], with up to four compared scenarios `(label, projection)` overlaid as extra lines.
pub fn chart_data_compared(
    id: ChartId,
    p: &Projection,
    r: &Projection,
    compare: &[(String, &Projection)],
    zh: bool,
) -> ChartData {
    let mut d = base_chart_data(id, p, r, zh);
    const KEYS: [&str; 4] = ["cmp-0", "cmp-1", "cmp-2", "cmp-3"];
    for (i, (label, cp)) in compare.iter().take(4).enumerate() {
        d.lines.push(Line {
            key: KEYS[i],
            label: label.clone(),
            color: COMPARE_COLORS[i],
            kind: Kind::Compare(i as u8),
            values: compare_series(id, cp, zh),
        });
    }
    d
}

fn base_chart_data(id: ChartId, p: &Projection, r: &Projection, zh: bool) -> ChartData {
    let line = |key, label: String, color, kind, values| Line {
        key,
        label,
        color,
        kind,
        values,
    };
    let lbl = |s: S| s.label(zh).to_string();
    let reference = t(zh, "参考情景", "Reference");
    let (lines, markers, unit) = match id {
        ChartId::OutputValue => {
            let (u, f) = display_unit("亿元", zh);
            let lines = vec![
                line(
                    "steel",
                    lbl(S::OutputValueSteel),
                    STEEL,
                    Kind::Area,
                    conv(p, S::OutputValueSteel, f),
                ),
                line(
                    "vanadium",
                    lbl(S::OutputValueVanadium),
                    VANADIUM,
                    Kind::Area,
                    conv(p, S::OutputValueVanadium, f),
                ),
                line(
                    "titanium",
                    lbl(S::OutputValueTitanium),
                    TITANIUM,
                    Kind::Area,
                    conv(p, S::OutputValueTitanium, f),
                ),
                line(
                    "rare_earth",
                    lbl(S::OutputValueRareEarth),
                    RARE,
                    Kind::Area,
                    conv(p, S::OutputValueRareEarth, f),
                ),
                line(
                    "reference",
                    format!("{reference}（{}）", lbl(S::OutputValueTotal)),
                    INK,
                    Kind::Reference,
                    conv(r, S::OutputValueTotal, f),
                ),
            ];
            let target = 6000.0 * f;
            let label = if zh {
                "2025年目标 6000亿元".to_string()
            } else {
                "2025 target: 600 bn yuan".to_string()
            };
            (
                lines,
                vec![Marker::Target {
                    year: 2025,
                    value: target,
                    label,
                }],
                u.to_string(),
            )
        }
        ChartId::Co2 => {
            let (u, f) = display_unit("Mt", zh);
            let lines = vec![
                line(
                    "total",
                    lbl(S::Co2Total),
                    INK,
                    Kind::Line,
                    conv(p, S::Co2Total, f),
                ),
                line(
                    "direct",
                    lbl(S::Co2Direct),
                    STEEL,
                    Kind::Line,
                    conv(p, S::Co2Direct, f),
                ),
                line(
                    "indirect",
                    lbl(S::Co2Indirect),
                    VANADIUM,
                    Kind::Line,
                    conv(p, S::Co2Indirect, f),
                ),
                line(
                    "reference",
                    format!("{reference}（{}）", lbl(S::Co2Total)),
                    GREY,
                    Kind::Reference,
                    conv(r, S::Co2Total, f),
                ),
            ];
            let label = if zh {
                format!("峰值 {}年", p.peak_year)
            } else {
                format!("peak {}", p.peak_year)
            };
            (
                lines,
                vec![Marker::Year {
                    year: p.peak_year,
                    label,
                }],
                u.to_string(),
            )
        }
        ChartId::Energy => {
            let (u, f) = display_unit("万tce", zh);
            let lines = vec![
                line(
                    "counted",
                    lbl(S::EnergyCounted),
                    STEEL,
                    Kind::Line,
                    conv(p, S::EnergyCounted, f),
                ),
                line(
                    "total",
                    lbl(S::EnergyTotal),
                    TITANIUM,
                    Kind::Line,
                    conv(p, S::EnergyTotal, f),
                ),
                line(
                    "quota",
                    lbl(S::EnergyQuota),
                    ALERT,
                    Kind::Line,
                    conv(p, S::EnergyQuota, f),
                ),
                line(
                    "reference",
                    format!("{reference}（{}）", lbl(S::EnergyCounted)),
                    GREY,
                    Kind::Reference,
                    conv(r, S::EnergyCounted, f),
                ),
            ];
            let markers = (FIRST_YEAR..=LAST_YEAR)
                .filter(|&y| p.limits[usize::from(y - FIRST_YEAR)].energy_quota)
                .take(1)
                .map(|y| Marker::Year {
                    year: y,
                    label: t(zh, "指标约束减产", "quota curtails output"),
                })
                .collect();
            (lines, markers, u.to_string())
        }
        ChartId::Production => {
            let items = [
                ("bof", S::CrudeSteelBof, STEEL),
                ("eaf", S::CrudeSteelEaf, RGBColor(120, 160, 210)),
                ("v2o5", S::V2o5Output, VANADIUM),
                ("tio2", S::Tio2Output, TITANIUM),
                ("sponge", S::TiSpongeOutput, RGBColor(30, 100, 80)),
                ("reo", S::ReoSeparated, RARE),
            ];
            let mut lines: Vec<Line> = items
                .iter()
                .map(|&(k, s, c)| line(k, lbl(s), c, Kind::Line, index(p, s)))
                .collect();
            lines.push(line(
                "reference",
                format!("{reference}（{}）", lbl(S::CrudeSteelTotal)),
                GREY,
                Kind::Reference,
                index(r, S::CrudeSteelTotal),
            ));
            (
                lines,
                vec![],
                t(zh, "指数，2020年=100", "index, 2020 = 100"),
            )
        }
        ChartId::IronConcentrate => {
            let (u, f) = display_unit("万吨", zh);
            let lines = vec![
                line(
                    "demand",
                    lbl(S::IronConcentrateDemand),
                    ALERT,
                    Kind::Line,
                    conv(p, S::IronConcentrateDemand, f),
                ),
                line(
                    "supply",
                    lbl(S::IronConcentrateSupply),
                    STEEL,
                    Kind::Line,
                    conv(p, S::IronConcentrateSupply, f),
                ),
                line(
                    "gap",
                    lbl(S::IronConcentrateGap),
                    VANADIUM,
                    Kind::Area,
                    conv(p, S::IronConcentrateGap, f),
                ),
                line(
                    "reference",
                    format!("{reference}（{}）", lbl(S::IronConcentrateDemand)),
                    GREY,
                    Kind::Reference,
                    conv(r, S::IronConcentrateDemand, f),
                ),
            ];
            let label = if zh {
                "指南预计2025年缺口655万吨".to_string()
            } else {
                "guideline: 6.55 Mt gap in 2025".to_string()
            };
            (
                lines,
                vec![Marker::Target {
                    year: 2025,
                    value: 655.0 * f,
                    label,
                }],
                u.to_string(),
            )
        }
    };
    ChartData {
        id,
        title: id.title(zh).to_string(),
        unit,
        lines,
        markers,
    }
}

/// Drawing options.
#[derive(Clone, Debug, Default)]
pub struct DrawOpts {
    /// Device pixels per CSS pixel (fonts and strokes scale with it).
    pub scale: f64,
    /// Keys of lines the user switched off in the legend.
    pub hidden: Vec<&'static str>,
    /// Year index under the crosshair.
    pub hover: Option<usize>,
}

/// Pixel range of the plotting area, for mapping a pointer to a year.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct PlotArea {
    pub x0: i32,
    pub x1: i32,
    pub y0: i32,
    pub y1: i32,
}

impl PlotArea {
    /// The year index nearest to device-pixel x.
    pub fn year_at(&self, x: f64) -> Option<usize> {
        if self.x1 <= self.x0 {
            return None;
        }
        let f = (x - f64::from(self.x0)) / f64::from(self.x1 - self.x0);
        if !(-0.05..=1.05).contains(&f) {
            return None;
        }
        Some(((f * (N_YEARS - 1) as f64).round().max(0.0) as usize).min(N_YEARS - 1))
    }
}

/// Draws `data` on `root`.
pub fn draw(
    root: &DrawingArea<Surface<'_>, Shift>,
    data: &ChartData,
    o: &DrawOpts,
) -> Result<PlotArea, String> {
    let e = |x: DrawingAreaErrorKind<surface::SurfaceError>| x.to_string();
    let s = if o.scale > 0.0 { o.scale } else { 1.0 };
    let px = |v: f64| (v * s).round() as i32;
    root.fill(&WHITE).map_err(e)?;
    let visible: Vec<&Line> = data
        .lines
        .iter()
        .filter(|l| !o.hidden.contains(&l.key))
        .collect();
    let mut ymax: f64 = 0.0;
    let mut ymin: f64 = 0.0;
    let stacked: f64 = (0..N_YEARS)
        .map(|i| {
            visible
                .iter()
                .filter(|l| l.kind == Kind::Area)
                .map(|l| l.values[i].max(0.0))
                .sum::<f64>()
        })
        .fold(0.0, f64::max);
    ymax = ymax.max(stacked);
    for l in &visible {
        for v in l.values {
            if v.is_finite() {
                ymax = ymax.max(v);
                ymin = ymin.min(v);
            }
        }
    }
    for m in &data.markers {
        if let Marker::Target { value, .. } = m {
            ymax = ymax.max(*value);
        }
    }
    if ymax <= ymin {
        ymax = ymin + 1.0;
    }
    let pad = (ymax - ymin) * 0.08;
    let font = (FontFamily::SansSerif, px(12.0)).into_font().color(&INK);
    let mut chart = ChartBuilder::on(root)
        .margin(px(8.0))
        .x_label_area_size(px(26.0))
        .y_label_area_size(px(56.0))
        .build_cartesian_2d(
            f64::from(FIRST_YEAR)..f64::from(LAST_YEAR),
            (ymin - if ymin < 0.0 { pad } else { 0.0 })..(ymax + pad),
        )
        .map_err(e)?;
    chart
        .configure_mesh()
        .x_labels(8)
        .y_labels(6)
        .x_label_formatter(&|x| format!("{}", x.round() as i64))
        .y_label_formatter(&|y| compact(*y))
        .label_style(font.clone())
        .axis_desc_style(font.clone())
        .y_desc(data.unit.as_str())
        // Bold grid lines only: the fine mesh costs more canvas strokes than all the data together.
        .max_light_lines(0)
        .bold_line_style(RGBColor(225, 225, 225))
        .draw()
        .map_err(e)?;
    let xs = || (FIRST_YEAR..=LAST_YEAR).map(f64::from);
    // Stacked areas: each band is one polygon between the stack below it and its own top, filled with its
    // colour lightened as if 75 % opaque over white, and outlined along its top. Bands do not overlap and the
    // fill is opaque, so every pixel is painted once with no blending (the canvas rasterises less per move).
    let mut lower = [0.0; N_YEARS];
    for l in visible.iter().filter(|l| l.kind == Kind::Area) {
        let mut upper = lower;
        for (u, v) in upper.iter_mut().zip(l.values) {
            *u += v.max(0.0);
        }
        let outline: Vec<(f64, f64)> = xs()
            .zip(upper)
            .chain(xs().rev().zip(lower.into_iter().rev()))
            .collect();
        chart
            .draw_series(std::iter::once(Polygon::new(
                outline,
                over_white(l.color, 0.75).filled(),
            )))
            .map_err(e)?;
        chart
            .draw_series(LineSeries::new(
                xs().zip(upper),
                l.color.stroke_width(px(1.0) as u32),
            ))
            .map_err(e)?;
        lower = upper;
    }
    for l in visible.iter().filter(|l| l.kind != Kind::Area) {
        let pts: Vec<(f64, f64)> = xs().zip(l.values).collect();
        match l.kind {
            Kind::Compare(i) => {
                let (dash, gap) = COMPARE_DASHES[usize::from(i) % 4];
                dashed(px(dash) as u32, px(gap) as u32, || {
                    chart.draw_series(LineSeries::new(pts, l.color.stroke_width(px(2.5) as u32)))
                })
                .map_err(e)?;
            }
            Kind::Reference => {
                dashed(px(9.0) as u32, px(5.0) as u32, || {
                    chart.draw_series(LineSeries::new(pts, l.color.stroke_width(px(2.0) as u32)))
                })
                .map_err(e)?;
            }
            _ => {
                chart
                    .draw_series(LineSeries::new(pts, l.color.stroke_width(px(2.5) as u32)))
                    .map_err(e)?;
            }
        }
    }
    let small = (FontFamily::SansSerif, px(11.0)).into_font().color(&INK);
    for m in &data.markers {
        match m {
            Marker::Target { year, value, label } => {
                let x = f64::from(*year);
                chart
                    .draw_series(std::iter::once(Circle::new(
                        (x, *value),
                        px(5.0),
                        ALERT.filled(),
                    )))
                    .map_err(e)?;
                let style = small.clone().pos(Pos::new(HPos::Left, VPos::Bottom));
                chart
                    .draw_series(std::iter::once(Text::new(
                        label.clone(),
                        (x + 0.3, *value),
                        style,
                    )))
                    .map_err(e)?;
            }
            Marker::Year { year, label } => {
                let x = f64::from(*year);
                let (y0, y1) = (chart.y_range().start, chart.y_range().end);
                dashed(px(3.0) as u32, px(3.0) as u32, || {
                    chart.draw_series(LineSeries::new(
                        vec![(x, y0), (x, y1)],
                        ALERT.stroke_width(px(1.0) as u32),
                    ))
                })
                .map_err(e)?;
                let style = small.clone().pos(Pos::new(HPos::Left, VPos::Top));
                chart
                    .draw_series(std::iter::once(Text::new(
                        label.clone(),
                        (x + 0.2, y1),
                        style,
                    )))
                    .map_err(e)?;
            }
        }
    }
    if let Some(i) = o.hover {
        let x = f64::from(FIRST_YEAR) + i as f64;
        let (y0, y1) = (chart.y_range().start, chart.y_range().end);
        chart
            .draw_series(LineSeries::new(
                vec![(x, y0), (x, y1)],
                GREY.stroke_width(px(1.0) as u32),
            ))
            .map_err(e)?;
    }
    let (xr, yr) = chart.plotting_area().get_pixel_range();
    root.present().map_err(e)?;
    Ok(PlotArea {
        x0: xr.start,
        x1: xr.end,
        y0: yr.start,
        y1: yr.end,
    })
}

/// `c` at opacity `alpha` over white, as an opaque colour.
fn over_white(c: RGBColor, alpha: f64) -> RGBColor {
    let mix = |v: u8| (f64::from(v) * alpha + 255.0 * (1.0 - alpha)).round() as u8;
    RGBColor(mix(c.0), mix(c.1), mix(c.2))
}

/// Axis numbers: 12,345 → "12k", small numbers with one decimal.
fn compact(v: f64) -> String {
    let a = v.abs();
    if a >= 10_000.0 {
        format!("{:.0}k", v / 1000.0)
    } else if a >= 100.0 || v == 0.0 {
        format!("{v:.0}")
    } else if a >= 1.0 {
        format!("{v:.1}")
    } else {
        format!("{v:.2}")
    }
}

/// Renders a chart to an SVG string (export and native tests).
pub fn to_svg(data: &ChartData, width: u32, height: u32) -> Result<String, String> {
    let mut buf = String::new();
    {
        let root = Surface::svg(&mut buf, (width, height)).into_drawing_area();
        draw(
            &root,
            data,
            &DrawOpts {
                scale: 1.0,
                ..DrawOpts::default()
            },
        )?;
    }
    Ok(buf)
}

#[cfg(test)]
mod tests {
    use super::*;
    use vtre_model::{simulate, LeverId, Scenario};

    #[test]
    fn every_chart_renders_to_svg_in_both_languages_with_a_dashed_reference() {
        let r = simulate(&Scenario::reference());
        let mut s = Scenario::reference();
        s.set(LeverId::EafSwap, 500.0);
        let p = simulate(&s);
        for id in ChartId::ALL {
            for zh in [true, false] {
                let d = chart_data(id, &p, &r, zh);
                assert!(
                    d.lines.iter().any(|l| l.kind == Kind::Reference),
                    "{}",
                    id.key()
                );
                let svg = to_svg(&d, 640, 360).unwrap_or_default();
                assert!(svg.starts_with("<svg"), "{}", id.key());
                assert!(
                    svg.contains("stroke-dasharray")
                        || svg.matches("<line").count() > 10
                        || svg.contains("polyline")
                );
                assert!(
                    svg.contains(d.unit.as_str()) || d.unit.is_empty(),
                    "{} y unit shown",
                    id.key()
                );
            }
        }
    }

    #[test]
    fn chart_values_are_the_projection_in_display_units() {
        let p = simulate(&Scenario::reference());
        let zh = chart_data(ChartId::OutputValue, &p, &p, true);
        let en = chart_data(ChartId::OutputValue, &p, &p, false);
        assert_eq!(zh.lines[0].values[0], p.at(S::OutputValueSteel, 2020));
        assert!((en.lines[0].values[0] - p.at(S::OutputValueSteel, 2020) / 10.0).abs() < 1e-9);
        assert_eq!(en.unit, "billion yuan");
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
    }
}
