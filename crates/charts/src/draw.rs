//! Drawing a [`ChartData`] with plotters on a [`Surface`] (canvas or SVG): axes, stacked bands, lines,
//! dashed reference and compared scenarios, target and year markers, the hover crosshair.

use crate::palette::{ALERT, GREY, INK};
use crate::surface::{self, dashed, Surface};
use crate::{Band, Basis, ChartData, Kind, Line, Marker, COMPARE_DASHES, STACK_BAND};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use vtre_i18n::axis_label;
use vtre_model::series::{FIRST_YEAR, LAST_YEAR, N_YEARS};

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
    // Bands of hidden lines are hidden too; the stack's band goes with the last visible area.
    let any_area = visible.iter().any(|l| l.kind == Kind::Area);
    let bands: Vec<&Band> = data
        .bands
        .iter()
        .filter(|b| {
            if b.key == STACK_BAND {
                any_area
            } else {
                visible.iter().any(|l| l.key == b.key)
            }
        })
        .collect();
    for b in &bands {
        for v in b.p95.iter().chain(&b.p5) {
            if v.is_finite() {
                ymax = ymax.max(*v);
                ymin = ymin.min(*v);
            }
        }
    }
    for m in &data.markers {
        if let Marker::Target { value, .. } = m {
            ymax = ymax.max(*value);
        }
    }
    // Published figures on visible lines (national ones are not drawn).
    let points: Vec<(f64, f64, RGBColor, Basis)> = data
        .published
        .iter()
        .filter(|p| visible.iter().any(|l| l.key == p.key))
        .filter_map(|p| {
            p.value
                .filter(|v| v.is_finite())
                .map(|v| (f64::from(p.year), v, p.color, p.basis))
        })
        .collect();
    for (_, v, _, _) in &points {
        ymax = ymax.max(*v);
        ymin = ymin.min(*v);
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
        .y_label_formatter(&|y| axis_label(*y))
        .label_style(font.clone())
        .axis_desc_style(font.clone())
        .y_desc(data.unit.as_str())
        // Bold grid lines only: the fine mesh costs more canvas strokes than all the data together.
        .max_light_lines(0)
        .bold_line_style(RGBColor(225, 225, 225))
        .draw()
        .map_err(e)?;
    let xs = || (FIRST_YEAR..=LAST_YEAR).map(f64::from);
    let small = (FontFamily::SansSerif, px(11.0)).into_font().color(&INK);
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
    // Uncertainty bands over the areas and behind the lines: the 5–95 % band light, the 10–90 % band on it
    // (so the inner band shows darker), in the line's colour.
    for b in &bands {
        for (lo, hi, alpha) in [(&b.p5, &b.p95, 0.13), (&b.p10, &b.p90, 0.2)] {
            let outline: Vec<(f64, f64)> = xs()
                .zip(hi.iter().copied())
                .chain(xs().rev().zip(lo.iter().rev().copied()))
                .filter(|(_, y)| y.is_finite())
                .collect();
            chart
                .draw_series(std::iter::once(Polygon::new(
                    outline,
                    b.color.mix(alpha).filled(),
                )))
                .map_err(e)?;
        }
    }
    // A later policy start: the years before it are history, shaded grey (over the areas, under the lines).
    // Drawn with the element types the chart already uses (polygon, text), so it adds little to the wasm.
    let (xr, yr) = chart.plotting_area().get_pixel_range();
    let (y0, y1) = (chart.y_range().start, chart.y_range().end);
    // Data units per device pixel, for marks of a fixed pixel size.
    let per_px = (
        f64::from(LAST_YEAR - FIRST_YEAR) / f64::from((xr.end - xr.start).max(1)),
        (y1 - y0) / f64::from((yr.end - yr.start).max(1)),
    );
    for m in &data.markers {
        if let Marker::PolicyFrom { year, history, .. } = m {
            let (a, b) = (f64::from(FIRST_YEAR), f64::from(*year));
            chart
                .draw_series(std::iter::once(Polygon::new(
                    vec![(a, y0), (b, y0), (b, y1), (a, y1)],
                    GREY.mix(0.14).filled(),
                )))
                .map_err(e)?;
            let style = small.clone().pos(Pos::new(HPos::Left, VPos::Top));
            chart
                .draw_series(std::iter::once(Text::new(
                    history.clone(),
                    (a + f64::from(px(4.0)) * per_px.0, y1),
                    style,
                )))
                .map_err(e)?;
        }
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
    // Published figures: a filled dot for the same quantity, a hollow triangle for a part of it (one
    // company, sales, a half year), each on a white ground so it stands out on a line.
    for (x, y, color, basis) in &points {
        let r = px(5.0);
        match basis {
            Basis::Part => {
                // An upward equilateral triangle around the point, `k` device pixels from its centre to a
                // corner (cos/sin of −90°, 30°, 150° as constants: trigonometry would add code to the wasm).
                // In pixels on the whole canvas: in the chart's coordinates a mark on the first year would be
                // squashed against the axis.
                let (cx, cy) = chart.backend_coord(&(*x, *y));
                let t = |k: f64| -> Vec<(i32, i32)> {
                    [(0.0, -1.0), (0.866, 0.5), (-0.866, 0.5), (0.0, -1.0)]
                        .iter()
                        .map(|(c, s)| (cx + (c * k).round() as i32, cy + (s * k).round() as i32))
                        .collect()
                };
                let k = f64::from(r) * 1.35;
                root.draw(&Polygon::new(t(k + f64::from(px(2.0))), WHITE.filled()))
                    .map_err(e)?;
                root.draw(&PathElement::new(t(k), color.stroke_width(px(2.0) as u32)))
                    .map_err(e)?;
            }
            _ => {
                for (radius, c) in [(r + px(1.5), WHITE), (r, *color)] {
                    chart
                        .draw_series(std::iter::once(Circle::new((*x, *y), radius, c.filled())))
                        .map_err(e)?;
                }
            }
        }
    }
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
            Marker::PolicyFrom { year, label, .. } => {
                let x = f64::from(*year);
                let (y0, y1) = (chart.y_range().start, chart.y_range().end);
                chart
                    .draw_series(LineSeries::new(
                        vec![(x, y0), (x, y1)],
                        INK.stroke_width(px(1.5) as u32),
                    ))
                    .map_err(e)?;
                // At the foot of the line on a white ground (lines may pass there): the top holds the
                // peak-year and target labels, and every chart's axis starts at zero.
                let style = small.clone().pos(Pos::new(HPos::Left, VPos::Bottom));
                let (w, h) = root.estimate_text_size(label, &style).map_err(e)?;
                let (x0, x1) = (
                    x + f64::from(px(2.0)) * per_px.0,
                    x + f64::from(w as i32 + px(8.0)) * per_px.0,
                );
                let (b0, b1) = (
                    y0 + f64::from(px(1.0)) * per_px.1,
                    y0 + f64::from(h as i32 + px(6.0)) * per_px.1,
                );
                chart
                    .draw_series(std::iter::once(Polygon::new(
                        vec![(x0, b0), (x1, b0), (x1, b1), (x0, b1)],
                        WHITE.filled(),
                    )))
                    .map_err(e)?;
                chart
                    .draw_series(std::iter::once(Text::new(
                        label.clone(),
                        (
                            x + f64::from(px(5.0)) * per_px.0,
                            y0 + f64::from(px(4.0)) * per_px.1,
                        ),
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

/// Draws `data` on the canvas `el` at `size` device pixels, resizing it first if need be: the page's charts,
/// their PNG export, and the drawing worker's canvases (an `OffscreenCanvas`, whose size and context calls
/// are the same).
#[cfg(target_arch = "wasm32")]
pub fn draw_canvas(
    el: web_sys::HtmlCanvasElement,
    size: (u32, u32),
    data: &ChartData,
    o: &DrawOpts,
) -> Result<PlotArea, String> {
    use plotters::prelude::IntoDrawingArea;
    if el.width() != size.0 {
        el.set_width(size.0);
    }
    if el.height() != size.1 {
        el.set_height(size.1);
    }
    let s = Surface::canvas(el).ok_or("no 2D context")?;
    draw(&s.into_drawing_area(), data, o)
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
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::{add_policy_from, chart_data, ChartId};
    use vtre_model::text::Lang;
    use vtre_model::{simulate, Scenario};

    /// The chart drawn as SVG at 640 × 360 with `o`, and where its plotting area fell.
    fn svg(d: &ChartData, o: &DrawOpts) -> (String, PlotArea) {
        let mut buf = String::new();
        let area = {
            let root = Surface::svg(&mut buf, (640, 360)).into_drawing_area();
            draw(&root, d, o).expect("drawn")
        };
        (buf, area)
    }

    fn one() -> DrawOpts {
        DrawOpts {
            scale: 1.0,
            ..DrawOpts::default()
        }
    }

    /// The chart's target: (year, value).
    fn target(d: &ChartData) -> (f64, f64) {
        d.markers
            .iter()
            .find_map(|m| match m {
                Marker::Target { year, value, .. } => Some((f64::from(*year), *value)),
                _ => None,
            })
            .expect("target")
    }

    /// Every `<tag …>` element's text.
    fn tags<'a>(svg: &'a str, tag: &str) -> Vec<&'a str> {
        let open = format!("<{tag} ");
        svg.match_indices(&open)
            .map(|(i, _)| &svg[i..i + svg[i..].find('>').unwrap_or(0)])
            .collect()
    }

    fn attr(tag: &str, name: &str) -> String {
        let key = format!(" {name}=\"");
        tag.find(&key)
            .map(|i| {
                let rest = &tag[i + key.len()..];
                rest[..rest.find('"').unwrap_or(0)].to_string()
            })
            .unwrap_or_default()
    }

    fn num(tag: &str, name: &str) -> f64 {
        attr(tag, name).parse().unwrap_or(f64::NAN)
    }

    /// An element's `points` (polyline, polygon) as (x, y) pairs.
    fn points(tag: &str) -> Vec<(f64, f64)> {
        attr(tag, "points")
            .split_whitespace()
            .filter_map(|xy| {
                let (x, y) = xy.split_once(',')?;
                Some((x.parse().ok()?, y.parse().ok()?))
            })
            .collect()
    }

    fn hex(c: RGBColor) -> String {
        format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
    }

    /// Pixel of (year, value) in a plotting area whose value axis runs `lo`–`hi`.
    fn at(a: PlotArea, lo: f64, hi: f64, year: f64, v: f64) -> (f64, f64) {
        let fx = (year - f64::from(FIRST_YEAR)) / f64::from(LAST_YEAR - FIRST_YEAR);
        let fy = (v - lo) / (hi - lo);
        (
            f64::from(a.x0) + fx * f64::from(a.x1 - a.x0),
            f64::from(a.y1) - fy * f64::from(a.y1 - a.y0),
        )
    }

    #[test]
    fn the_target_dot_sits_at_its_year_and_value_and_the_value_axis_reaches_8_percent_above_it() {
        let r = simulate(&Scenario::reference());
        let d = chart_data(ChartId::OutputValue, &r, &r, Lang::En);
        // The 2025 target (600 billion yuan) is above every area and figure: the axis runs 0 to 600 × 1.08.
        let (target_year, target) = target(&d);
        let (svg, a) = svg(&d, &one());
        let dot = tags(&svg, "circle")
            .into_iter()
            .find(|c| attr(c, "fill") == "#C83232")
            .expect("target dot");
        let (x, y) = at(a, 0.0, target * 1.08, target_year, target);
        assert!((num(dot, "cx") - x).abs() <= 1.5, "{dot} against {x}");
        assert!((num(dot, "cy") - y).abs() <= 1.5, "{dot} against {y}");
        assert_eq!(num(dot, "r"), 5.0);
        // Its label to the right of the dot, at the same height.
        let label = tags(&svg, "text")
            .into_iter()
            .find(|t| num(t, "y") == num(dot, "cy") && num(t, "x") > num(dot, "cx"))
            .expect("target label");
        assert_eq!(attr(label, "text-anchor"), "start");
    }

    #[test]
    fn the_hover_line_stands_at_its_year() {
        let r = simulate(&Scenario::reference());
        let d = chart_data(ChartId::Co2, &r, &r, Lang::En);
        let (plain, _) = svg(&d, &one());
        let (hovered, a) = svg(
            &d,
            &DrawOpts {
                hover: Some(5),
                ..one()
            },
        );
        let grey = |s: &str| -> Vec<Vec<(f64, f64)>> {
            tags(s, "polyline")
                .into_iter()
                .filter(|p| attr(p, "stroke") == "#6E6E6E")
                .map(points)
                .collect()
        };
        assert!(grey(&plain).is_empty());
        let lines = grey(&hovered);
        assert_eq!(lines.len(), 1, "{lines:?}");
        let xs: Vec<f64> = lines[0].iter().map(|p| p.0).collect();
        let (x, _) = at(a, 0.0, 1.0, 2025.0, 0.0);
        assert!(
            xs.len() == 2 && xs.iter().all(|v| (v - x).abs() <= 1.5),
            "{xs:?} against {x}"
        );
    }

    #[test]
    fn a_later_policy_start_shades_the_history_years_and_marks_the_start() {
        let r = simulate(&Scenario::reference());
        let mut d = chart_data(ChartId::Co2, &r, &r, Lang::En);
        let (plain, _) = svg(&d, &one());
        add_policy_from(&mut d, 2026, Lang::En);
        let (shaded, a) = svg(&d, &one());
        // One grey polygon from 2020 to 2026 (the history years), under the lines.
        let grey = |s: &str| {
            tags(s, "polygon")
                .into_iter()
                .filter(|p| attr(p, "fill") == "#6E6E6E")
                .map(|p| (points(p), num(p, "opacity")))
                .collect::<Vec<_>>()
        };
        assert!(grey(&plain).is_empty());
        let polys = grey(&shaded);
        assert_eq!(polys.len(), 1, "{polys:?}");
        assert!((polys[0].1 - 0.14).abs() < 1e-9);
        let xs: Vec<f64> = polys[0].0.iter().map(|p| p.0).collect();
        let (x0, _) = at(a, 0.0, 1.0, 2020.0, 0.0);
        let (x1, _) = at(a, 0.0, 1.0, 2026.0, 0.0);
        let (lo, hi) = xs
            .iter()
            .fold((f64::MAX, f64::MIN), |(l, h), v| (l.min(*v), h.max(*v)));
        assert!(
            (lo - x0).abs() <= 1.5 && (hi - x1).abs() <= 1.5,
            "{xs:?}: {x0}–{x1}"
        );
        // The start year: an ink line at 2026 and its label on a white ground at its foot.
        let ink: Vec<Vec<(f64, f64)>> = tags(&shaded, "polyline")
            .into_iter()
            .filter(|p| attr(p, "stroke") == "#282C34" && num(p, "stroke-width") >= 1.0)
            .map(points)
            .filter(|pts| pts.iter().all(|p| (p.0 - x1).abs() <= 1.5))
            .collect();
        assert_eq!(ink.len(), 1, "{ink:?}");
        assert!(shaded.len() > plain.len());
        let texts = tags(&shaded, "text").len() - tags(&plain, "text").len();
        assert_eq!(texts, 2, "the history label and the start's label");
    }

    /// The `<text …>` element whose content is `content`.
    fn text_of<'a>(svg: &'a str, content: &str) -> &'a str {
        tags(svg, "text")
            .into_iter()
            .find(|t| {
                let i = svg.find(*t).unwrap_or(0) + t.len() + 1;
                svg[i..].trim_start().starts_with(content)
            })
            .unwrap_or_else(|| panic!("no text {content}"))
    }

    #[test]
    fn the_policy_starts_label_sits_on_a_white_ground_at_the_lines_foot_and_history_at_the_top_left(
    ) {
        let r = simulate(&Scenario::reference());
        let mut d = chart_data(ChartId::Co2, &r, &r, Lang::En);
        add_policy_from(&mut d, 2026, Lang::En);
        let (svg, a) = svg(&d, &one());
        let (x, _) = at(a, 0.0, 1.0, 2026.0, 0.0);
        let (bottom, top) = (f64::from(a.y1), f64::from(a.y0));
        // The white ground: from 2 px right of the line, 1 px above the axis, as wide as the label and 6 px.
        let ground = tags(&svg, "polygon")
            .into_iter()
            .map(points)
            .find(|p| p.iter().any(|q| (q.0 - x - 2.0).abs() <= 1.5))
            .expect("the label's ground");
        let (x0, x1) = ground
            .iter()
            .fold((f64::MAX, f64::MIN), |(l, h), q| (l.min(q.0), h.max(q.0)));
        let (y0, y1) = ground
            .iter()
            .fold((f64::MAX, f64::MIN), |(l, h), q| (l.min(q.1), h.max(q.1)));
        assert!((x0 - (x + 2.0)).abs() <= 1.5, "{ground:?} from {x}");
        // As large as the label in 11 px type, with 6 px more across and 5 px more up.
        let mut probe = String::new();
        let (w, h) = Surface::svg(&mut probe, (640, 360))
            .into_drawing_area()
            .estimate_text_size(
                "Policy from 2026",
                &(FontFamily::SansSerif, 11).into_font().color(&INK),
            )
            .expect("measured");
        assert!(
            ((x1 - x0) - f64::from(w + 6)).abs() <= 1.5,
            "{ground:?}: {w} px of text"
        );
        // 1 px above the axis, not on it (the axis line stays visible).
        assert!((y1 - (bottom - 1.0)).abs() <= 0.5, "{ground:?} on {bottom}");
        assert!(
            ((y1 - y0) - f64::from(h + 5)).abs() <= 1.5,
            "{ground:?}: {h} px of text"
        );
        // The label itself inside it: 5 px right of the line, its foot 4 px above the axis.
        let label = text_of(&svg, "Policy from 2026");
        assert!((num(label, "x") - (x + 5.0)).abs() <= 1.5, "{label}");
        assert!(
            (num(label, "y") - (bottom - 4.0)).abs() <= 1.5,
            "{label} on {bottom}"
        );
        assert!(
            num(label, "x") < x1 && num(label, "y") > y0,
            "{label} within {ground:?}"
        );
        // "history" at the top left of the plot, 4 px in.
        let history = text_of(&svg, "history");
        assert!(
            (num(history, "x") - (f64::from(a.x0) + 4.0)).abs() <= 1.5,
            "{history}"
        );
        assert!(
            num(history, "y") - top <= 15.0,
            "{history} near the top ({top})"
        );
        // The peak year's label just right of its line (a fifth of a year).
        let peak = d
            .markers
            .iter()
            .find_map(|m| match m {
                Marker::Year { year, label } => Some((f64::from(*year), label.clone())),
                _ => None,
            })
            .expect("a peak year");
        let (px0, _) = at(a, 0.0, 1.0, peak.0 + 0.2, 0.0);
        let t = text_of(&svg, &peak.1);
        assert!((num(t, "x") - px0).abs() <= 1.5, "{t} against {px0}");
    }

    /// A chart of `lines` alone (no markers, bands or published figures), in distinct colours.
    fn lines_only(lines: &[(Kind, [f64; N_YEARS])]) -> ChartData {
        const KEYS: [&str; 3] = ["a", "b", "c"];
        ChartData {
            id: ChartId::Co2,
            title: String::new(),
            unit: String::new(),
            lines: lines
                .iter()
                .zip(KEYS)
                .enumerate()
                .map(|(i, (&(kind, values), key))| Line {
                    key,
                    label: key.to_string(),
                    color: RGBColor(10 + 40 * i as u8, 60, 120),
                    kind,
                    values,
                    physical: None,
                })
                .collect(),
            markers: vec![],
            bands: vec![],
            published: vec![],
        }
    }

    /// The first and last point of the polyline drawn in `c`.
    fn ends(svg: &str, c: RGBColor) -> ((f64, f64), (f64, f64)) {
        let line = tags(svg, "polyline")
            .into_iter()
            .find(|t| attr(t, "stroke") == hex(c))
            .unwrap_or_else(|| panic!("no line in {}", hex(c)));
        let p = points(line);
        (p[0], p[p.len() - 1])
    }

    fn near(p: (f64, f64), q: (f64, f64)) -> bool {
        (p.0 - q.0).abs() <= 1.5 && (p.1 - q.1).abs() <= 1.5
    }

    #[test]
    fn the_value_axis_takes_the_stacked_areas_sum_and_pads_8_percent_below_negatives_and_above() {
        // Two areas of 10: the stack reaches 20, above any single line, so the axis runs 0 to 20 × 1.08.
        let d = lines_only(&[(Kind::Area, [10.0; N_YEARS]), (Kind::Area, [10.0; N_YEARS])]);
        let (out, a) = svg(&d, &one());
        let top = tags(&out, "polygon")
            .into_iter()
            .map(points)
            .flat_map(|p| p.into_iter())
            .fold(f64::MAX, |m, q| m.min(q.1));
        assert!(
            (top - at(a, 0.0, 21.6, 2020.0, 20.0).1).abs() <= 1.5,
            "stack top {top}"
        );
        // A line from −10 to 10: 8 % of the 20 span of padding on either side (−11.6 to 11.6).
        let mut rising = [0.0; N_YEARS];
        for (i, v) in rising.iter_mut().enumerate() {
            *v = -10.0 + 20.0 * i as f64 / (N_YEARS - 1) as f64;
        }
        let d = lines_only(&[(Kind::Line, rising)]);
        let (out, a) = svg(&d, &one());
        let (first, last) = ends(&out, d.lines[0].color);
        assert!(near(first, at(a, -11.6, 11.6, 2020.0, -10.0)), "{first:?}");
        assert!(near(last, at(a, -11.6, 11.6, 2035.0, 10.0)), "{last:?}");
        // All zero: the axis still has a height, 0 to 1 × 1.08 (labels up to 1, none below 0), with the zero
        // line at its foot.
        let d = lines_only(&[(Kind::Line, [0.0; N_YEARS])]);
        let (out, a) = svg(&d, &one());
        let (first, _) = ends(&out, d.lines[0].color);
        assert!(near(first, at(a, 0.0, 1.08, 2020.0, 0.0)), "{first:?}");
        // The value axis' labels: the numbers left of the plotting area.
        let labels: Vec<f64> = tags(&out, "text")
            .into_iter()
            .filter(|t| num(t, "x") < f64::from(a.x0))
            .filter_map(|t| {
                let i = out.find(t)? + t.len() + 1;
                out[i..out[i..].find('<')? + i].trim().parse().ok()
            })
            .collect();
        assert_eq!(labels.first(), Some(&0.0), "{labels:?}");
        assert_eq!(
            labels.iter().copied().fold(f64::MIN, f64::max),
            1.0,
            "{labels:?}"
        );
    }

    #[test]
    fn a_compared_scenario_is_dashed_in_its_own_pattern() {
        // The second compared scenario (index 1): 3 px on, 3 px off at a pixel ratio of 1, in its colour.
        let d = lines_only(&[(Kind::Compare(1), [5.0; N_YEARS])]);
        let (out, _) = svg(&d, &one());
        let dashes: Vec<&str> = tags(&out, "line")
            .into_iter()
            .filter(|t| attr(t, "stroke") == hex(d.lines[0].color))
            .collect();
        assert!(dashes.len() > 20, "drawn as dashes: {}", dashes.len());
        let (dash, gap) = COMPARE_DASHES[1];
        let (a, b) = (dashes[0], dashes[1]);
        assert!(((num(a, "x2") - num(a, "x1")) - dash).abs() <= 1.0, "{a}");
        assert!(
            ((num(b, "x1") - num(a, "x2")) - gap).abs() <= 1.0,
            "{a} then {b}"
        );
    }

    #[test]
    fn the_stacks_band_goes_with_the_last_visible_area() {
        // An area and a line of 10, and the stack's band reaching 100: shown, it sets the axis (0 to 108).
        let mut d = lines_only(&[(Kind::Area, [10.0; N_YEARS]), (Kind::Line, [10.0; N_YEARS])]);
        d.bands.push(Band {
            key: STACK_BAND,
            label: String::new(),
            color: RGBColor(200, 200, 200),
            p5: [9.0; N_YEARS],
            p10: [9.5; N_YEARS],
            p90: [50.0; N_YEARS],
            p95: [100.0; N_YEARS],
        });
        let line = d.lines[1].color;
        let (out, a) = svg(&d, &one());
        let (first, _) = ends(&out, line);
        assert!(near(first, at(a, 0.0, 108.0, 2020.0, 10.0)), "{first:?}");
        // The area switched off: no stack is drawn, nor its band (the line alone sets the axis, 0 to 10.8).
        let hidden = DrawOpts {
            hidden: vec!["a"],
            ..one()
        };
        let (out, a) = svg(&d, &hidden);
        let (first, _) = ends(&out, line);
        assert!(near(first, at(a, 0.0, 10.8, 2020.0, 10.0)), "{first:?}");
    }

    #[test]
    fn stacked_areas_are_opaque_and_each_tops_out_at_the_running_sum() {
        let r = simulate(&Scenario::reference());
        let d = chart_data(ChartId::OutputValue, &r, &r, Lang::En);
        let target = target(&d).1;
        let (svg, a) = svg(&d, &one());
        let polys = tags(&svg, "polygon");
        let mut sum = [0.0; N_YEARS];
        let areas: Vec<&Line> = d.lines.iter().filter(|l| l.kind == Kind::Area).collect();
        assert!(areas.len() >= 3);
        for l in areas {
            for (s, v) in sum.iter_mut().zip(l.values) {
                *s += v.max(0.0);
            }
            // Its colour at 75 % over white, fully opaque.
            let fill = hex(over_white(l.color, 0.75));
            let p = polys
                .iter()
                .find(|p| attr(p, "fill") == fill)
                .unwrap_or_else(|| panic!("{} ({fill})", l.key));
            assert_eq!(num(p, "opacity"), 1.0);
            // The outline starts at the stack's top in 2020 and reaches its top in 2035.
            let pts = points(p);
            let hi = target * 1.08;
            let (x0, y0) = at(a, 0.0, hi, 2020.0, sum[0]);
            let (x1, y1) = at(a, 0.0, hi, 2035.0, sum[N_YEARS - 1]);
            assert!(
                (pts[0].0 - x0).abs() <= 1.5 && (pts[0].1 - y0).abs() <= 1.5,
                "{}: {:?} against ({x0}, {y0})",
                l.key,
                pts[0]
            );
            let top_end = pts[N_YEARS - 1];
            assert!(
                (top_end.0 - x1).abs() <= 1.5 && (top_end.1 - y1).abs() <= 1.5,
                "{}: {top_end:?} against ({x1}, {y1})",
                l.key
            );
        }
    }

    #[test]
    fn published_figures_are_dots_for_the_same_quantity_and_hollow_triangles_for_a_part() {
        let r = simulate(&Scenario::reference());
        let mut seen = (0, 0);
        for id in ChartId::ALL {
            let d = chart_data(id, &r, &r, Lang::En);
            let drawn: Vec<&crate::Published> =
                d.published.iter().filter(|p| p.value.is_some()).collect();
            let (svg, _) = svg(&d, &one());
            let same = drawn.iter().filter(|p| p.basis == Basis::Same).count();
            let part = drawn.iter().filter(|p| p.basis == Basis::Part).count();
            // A dot: a white disc of 7 px under the figure's own of 5 px, at the same centre.
            let circles = tags(&svg, "circle");
            let grounds: Vec<&&str> = circles
                .iter()
                .filter(|c| num(c, "r") == 7.0 && attr(c, "fill") == "#FFFFFF")
                .collect();
            assert_eq!(grounds.len(), same, "{}", id.key());
            for g in &grounds {
                assert!(
                    circles.iter().any(|c| num(c, "r") == 5.0
                        && num(c, "cx") == num(g, "cx")
                        && num(c, "cy") == num(g, "cy")
                        && attr(c, "fill") != "#FFFFFF"),
                    "{g}"
                );
            }
            // A triangle: a white one under a closed outline of four points in the figure's colour.
            let outlines = tags(&svg, "polyline")
                .into_iter()
                .filter(|p| {
                    points(p).len() == 4
                        && drawn
                            .iter()
                            .any(|f| f.basis == Basis::Part && attr(p, "stroke") == hex(f.color))
                })
                .count();
            assert_eq!(outlines, part, "{}", id.key());
            seen.0 += same;
            seen.1 += part;
        }
        assert!(seen.1 > 0, "triangles drawn somewhere: {seen:?}");
        // The same figures taken as the same quantity: dots where the triangles were.
        let mut d = chart_data(ChartId::OutputValue, &r, &r, Lang::En);
        let n = d.published.iter().filter(|p| p.value.is_some()).count();
        assert!(n > 0);
        for p in &mut d.published {
            p.basis = Basis::Same;
        }
        let (svg, a) = svg(&d, &one());
        let circles = tags(&svg, "circle");
        let grounds: Vec<&&str> = circles
            .iter()
            .filter(|c| num(c, "r") == 7.0 && attr(c, "fill") == "#FFFFFF")
            .collect();
        assert_eq!(grounds.len(), n);
        let f = d
            .published
            .iter()
            .find(|p| p.value.is_some())
            .expect("figure");
        let hi = target(&d).1 * 1.08;
        let (x, y) = at(a, 0.0, hi, f64::from(f.year), f.value.unwrap_or_default());
        let dot = circles
            .iter()
            .find(|c| num(c, "r") == 5.0 && attr(c, "fill") == hex(f.color))
            .expect("dot");
        assert!(
            (num(dot, "cx") - x).abs() <= 1.5 && (num(dot, "cy") - y).abs() <= 1.5,
            "{dot}: ({x}, {y})"
        );
    }

    #[test]
    fn over_white_mixes_a_colour_with_white_as_if_translucent() {
        assert_eq!(over_white(RGBColor(0, 0, 0), 0.75), RGBColor(64, 64, 64));
        assert_eq!(
            over_white(RGBColor(255, 255, 255), 0.3),
            RGBColor(255, 255, 255)
        );
        assert_eq!(
            over_white(RGBColor(100, 200, 0), 0.5),
            RGBColor(178, 228, 128)
        );
        assert_eq!(
            over_white(RGBColor(100, 200, 0), 1.0),
            RGBColor(100, 200, 0)
        );
    }

    #[test]
    fn marks_scale_with_the_pixel_ratio_and_a_ratio_of_zero_counts_as_one() {
        let r = simulate(&Scenario::reference());
        let d = chart_data(ChartId::OutputValue, &r, &r, Lang::En);
        let dot_r = |scale: f64| {
            let (svg, _) = svg(
                &d,
                &DrawOpts {
                    scale,
                    ..DrawOpts::default()
                },
            );
            tags(&svg, "circle")
                .into_iter()
                .find(|c| attr(c, "fill") == "#C83232")
                .map(|c| num(c, "r"))
                .unwrap_or(f64::NAN)
        };
        assert_eq!(dot_r(1.0), 5.0);
        assert_eq!(dot_r(2.0), 10.0);
        assert_eq!(dot_r(0.0), 5.0);
        assert_eq!(dot_r(-1.0), 5.0);
    }

    #[test]
    fn a_part_figure_is_an_upward_triangle_on_a_larger_white_one_and_the_target_label_sits_right_of_its_dot(
    ) {
        let r = simulate(&Scenario::reference());
        let d = chart_data(ChartId::OutputValue, &r, &r, Lang::En);
        let (svg, a) = svg(&d, &one());
        let f = d
            .published
            .iter()
            .find(|p| p.value.is_some() && p.basis == Basis::Part)
            .expect("a part figure");
        let outline = tags(&svg, "polyline")
            .into_iter()
            .find(|p| attr(p, "stroke") == hex(f.color) && points(p).len() == 4)
            .map(points)
            .expect("outline");
        // k = 5 px × 1.35: the top corner 7 px above the centre, the others 6 px aside and 3 px below.
        let (cx, cy) = (outline[0].0, outline[0].1 + 7.0);
        assert_eq!(
            outline,
            [
                (cx, cy - 7.0),
                (cx + 6.0, cy + 3.0),
                (cx - 6.0, cy + 3.0),
                (cx, cy - 7.0)
            ]
        );
        // The centre is the figure's year and value.
        let hi = target(&d).1 * 1.08;
        let (x, y) = at(a, 0.0, hi, f64::from(f.year), f.value.unwrap_or_default());
        assert!(
            (cx - x).abs() <= 1.5 && (cy - y).abs() <= 1.5,
            "({cx}, {cy}) against ({x}, {y})"
        );
        // Its white ground: 2 px more from the centre to each corner.
        let ground = tags(&svg, "polygon")
            .into_iter()
            .map(|p| (attr(p, "fill"), points(p)))
            .find(|(fill, p)| fill == "#FFFFFF" && p.first() == Some(&(cx, cy - 9.0)))
            .expect("white ground");
        assert_eq!(
            &ground.1[..3],
            [(cx, cy - 9.0), (cx + 8.0, cy + 4.0), (cx - 8.0, cy + 4.0)]
        );
        // The target's label starts 0.3 of a year right of its dot.
        let (target_year, target) = target(&d);
        let (lx, _) = at(a, 0.0, target * 1.08, target_year + 0.3, target);
        assert!(
            tags(&svg, "text")
                .iter()
                .any(|t| (num(t, "x") - lx).abs() <= 1.5 && attr(t, "text-anchor") == "start"),
            "a label at {lx}"
        );
    }
}
