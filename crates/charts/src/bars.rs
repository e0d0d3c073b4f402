//! Horizontal bar charts for the analysis page, laid out as typed marks ([`layout`]: the app renders them as
//! SVG elements): the tornado (each input's low→high swing around
//! the current value) and the contributions waterfall (each change's share of the difference from the
//! reference, floating from where the previous one ended).
//!
//! Each row is a label line (the label on the left, a note on the right) with its bar under it, so long
//! labels in either language never collide with the bars, and the chart is drawn at the width it is shown
//! at (fonts keep their size on a phone). Geometry is given by SVG attributes, never `style`, so it works
//! under a CSP without `'unsafe-inline'` styles.

use plotters::style::RGBColor;
use vtre_i18n::axis_label;

/// One row: its label, a note shown at the right of the label line, and its bar segments `(from, to,
/// colour)` in chart units.
#[derive(Clone, Debug, PartialEq)]
pub struct BarRow {
    pub label: String,
    pub note: String,
    pub segments: Vec<(f64, f64, RGBColor)>,
    /// A total (drawn bold).
    pub total: bool,
}

/// A horizontal bar chart.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct BarChart {
    /// Read by screen readers (`aria-label`).
    pub title: String,
    pub rows: Vec<BarRow>,
    /// A vertical line at this value (the current value of a tornado), labelled.
    pub marker: Option<(f64, String)>,
    /// Legend entries under the chart.
    pub legend: Vec<(RGBColor, String)>,
}

const TOP: f64 = 22.0;
const BOTTOM: f64 = 44.0;
const PAD: f64 = 6.0;
/// Font size and line height of the labels, CSS px.
const FONT: f64 = 12.0;
const LINE: f64 = 15.0;
/// Height of a bar and the space after it.
const BAR: f64 = 14.0;
const AFTER_BAR: f64 = 9.0;

fn hex(c: RGBColor) -> String {
    format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2)
}

/// The width of `s` in px at [`FONT`], estimated: a CJK character is about one em, a Latin one about half.
fn text_width(s: &str) -> f64 {
    s.chars()
        .map(|c| if c.is_ascii() { 0.56 } else { 1.0 })
        .sum::<f64>()
        * FONT
}

/// `s` broken into lines of at most `width` px: at spaces where there are any, else anywhere (CJK).
fn wrap(s: &str, width: f64) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in s.split_inclusive(' ') {
        for c in word.chars() {
            let last = lines.last_mut().map(|l| l.as_str()).unwrap_or_default();
            let too_long = text_width(last) + text_width(&c.to_string()) > width;
            if too_long && !last.is_empty() {
                // Break before the word when it started on this line, else here.
                let cut = match last.rfind(' ') {
                    Some(i) if c != ' ' && !c.is_ascii_whitespace() && c.is_ascii() => i + 1,
                    _ => last.len(),
                };
                let rest = last[cut..].to_string();
                if let Some(l) = lines.last_mut() {
                    l.truncate(cut);
                }
                lines.push(rest);
            }
            if let Some(l) = lines.last_mut() {
                l.push(c);
            }
        }
    }
    lines.iter().map(|l| l.trim().to_string()).collect()
}

/// One row laid out: its label lines, whether the note has a line of its own, and its height.
struct Laid {
    lines: Vec<String>,
    note_below: bool,
    height: f64,
}

fn lay_out(r: &BarRow, w: f64) -> Laid {
    let room = w - 2.0 * PAD;
    let note = text_width(&r.note);
    let lines = wrap(&r.label, room);
    let last = lines.last().map_or(0.0, |l| text_width(l));
    let note_below = !r.note.is_empty() && last + note + 2.0 * FONT > room;
    let text_lines = lines.len() + usize::from(note_below);
    Laid {
        lines,
        note_below,
        height: text_lines as f64 * LINE + 3.0 + BAR + AFTER_BAR,
    }
}

/// One drawn element of a laid-out bar chart, in CSS pixels.
#[derive(Clone, Debug, PartialEq)]
pub enum Mark {
    /// A grid line or the marker line.
    Line {
        x1: f64,
        y1: f64,
        x2: f64,
        y2: f64,
        color: &'static str,
        dashed: bool,
    },
    Text {
        x: f64,
        y: f64,
        text: String,
        /// `start`, `middle` or `end`.
        anchor: &'static str,
        color: &'static str,
        bold: bool,
    },
    Rect {
        x: f64,
        y: f64,
        w: f64,
        h: f64,
        color: String,
    },
}

/// A bar chart laid out at a width: what to draw, as typed marks the app renders as SVG elements.
#[derive(Clone, Debug, PartialEq)]
pub struct BarLayout {
    pub width: f64,
    pub height: f64,
    /// For `aria-label`.
    pub title: String,
    pub marks: Vec<Mark>,
    /// The font size, CSS px.
    pub font: f64,
}

const INK_HEX: &str = "#23272f";
const MUTED_HEX: &str = "#5b6270";
const GRID_HEX: &str = "#e3e5e8";

/// Lays the chart out `width` CSS pixels wide (at least 280).
pub fn layout(c: &BarChart, width: f64) -> BarLayout {
    let w = width.max(280.0);
    let laid: Vec<Laid> = c.rows.iter().map(|r| lay_out(r, w)).collect();
    let h = TOP + laid.iter().map(|l| l.height).sum::<f64>() + BOTTOM;
    // The value range: every segment end and the marker, padded.
    let values = c
        .rows
        .iter()
        .flat_map(|r| r.segments.iter().flat_map(|s| [s.0, s.1]))
        .chain(c.marker.as_ref().map(|m| m.0))
        .filter(|v| v.is_finite());
    let (mut lo, mut hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
        (a.min(v), b.max(v))
    });
    if lo > hi {
        (lo, hi) = (0.0, 1.0);
    }
    if hi - lo < 1e-12 {
        let d = hi.abs().max(1.0) * 0.05;
        (lo, hi) = (lo - d, hi + d);
    }
    let span = hi - lo;
    let (lo, hi) = (lo - span * 0.04, hi + span * 0.04);
    let x = |v: f64| PAD + (v - lo) / (hi - lo) * (w - 2.0 * PAD);
    let mut marks = Vec::new();
    let text = |x: f64, y: f64, text: String, anchor, color, bold| Mark::Text {
        x,
        y,
        text,
        anchor,
        color,
        bold,
    };
    // Ticks: five values across the range, with light grid lines.
    for k in 0..=4 {
        let v = lo + (hi - lo) * f64::from(k) / 4.0;
        let xv = x(v);
        let anchor = match k {
            0 => "start",
            4 => "end",
            _ => "middle",
        };
        marks.push(Mark::Line {
            x1: xv,
            y1: TOP,
            x2: xv,
            y2: h - BOTTOM + 4.0,
            color: GRID_HEX,
            dashed: false,
        });
        marks.push(text(
            xv,
            h - BOTTOM + 18.0,
            axis_label(v),
            anchor,
            MUTED_HEX,
            false,
        ));
    }
    let mut y = TOP;
    for (r, l) in c.rows.iter().zip(&laid) {
        for line in &l.lines {
            y += LINE;
            marks.push(text(PAD, y - 3.0, line.clone(), "start", INK_HEX, r.total));
        }
        if l.note_below {
            y += LINE;
        }
        if !r.note.is_empty() {
            marks.push(text(
                w - PAD,
                y - 3.0,
                r.note.clone(),
                "end",
                MUTED_HEX,
                false,
            ));
        }
        y += 3.0;
        for &(a, b, color) in &r.segments {
            if !(a.is_finite() && b.is_finite()) {
                continue;
            }
            let (x0, x1) = (x(a.min(b)), x(a.max(b)));
            marks.push(Mark::Rect {
                x: x0,
                y,
                w: (x1 - x0).max(1.0),
                h: BAR,
                color: hex(color),
            });
        }
        y += BAR + AFTER_BAR;
    }
    if let Some((v, label)) = &c.marker {
        let xv = x(*v);
        let right = xv > w * 0.7;
        marks.push(Mark::Line {
            x1: xv,
            y1: TOP - 2.0,
            x2: xv,
            y2: h - BOTTOM + 4.0,
            color: INK_HEX,
            dashed: true,
        });
        marks.push(text(
            xv + if right { -4.0 } else { 4.0 },
            TOP - 8.0,
            label.clone(),
            if right { "end" } else { "start" },
            INK_HEX,
            false,
        ));
    }
    // Legend along the bottom.
    let mut lx = PAD;
    for (color, label) in &c.legend {
        marks.push(Mark::Rect {
            x: lx,
            y: h - 16.0,
            w: 12.0,
            h: 12.0,
            color: hex(*color),
        });
        marks.push(text(
            lx + 16.0,
            h - 6.0,
            label.clone(),
            "start",
            INK_HEX,
            false,
        ));
        lx += 16.0 + text_width(label) + 18.0;
    }
    BarLayout {
        width: w,
        height: h,
        title: c.title.clone(),
        marks,
        font: FONT,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::palette::{STEEL, VANADIUM};

    fn chart() -> BarChart {
        BarChart {
            title: "Tornado <test>".into(),
            rows: vec![
                BarRow {
                    label: "钒回收率 & more".into(),
                    note: "2,900 … 3,300".into(),
                    segments: vec![(3100.0, 2900.0, STEEL), (3100.0, 3300.0, VANADIUM)],
                    total: false,
                },
                BarRow {
                    label: "Grid factor".into(),
                    note: String::new(),
                    segments: vec![(3100.0, 3050.0, STEEL), (3100.0, f64::NAN, VANADIUM)],
                    total: true,
                },
            ],
            marker: Some((3100.0, "now 3,100".into())),
            legend: vec![(STEEL, "low".into()), (VANADIUM, "high".into())],
        }
    }

    fn rects(l: &BarLayout) -> Vec<(f64, f64)> {
        l.marks
            .iter()
            .filter_map(|m| match m {
                Mark::Rect { x, w, .. } => Some((*x, *w)),
                _ => None,
            })
            .collect()
    }

    fn texts(l: &BarLayout) -> Vec<&str> {
        text_marks(l).into_iter().map(|t| t.2).collect()
    }

    #[test]
    fn rows_labels_bars_marker_and_legend_are_marks() {
        let l = layout(&chart(), 600.0);
        assert_eq!(
            l.title, "Tornado <test>",
            "text stays text: the view escapes it"
        );
        assert!(texts(&l).contains(&"钒回收率 & more"));
        let bold: Vec<&str> = l
            .marks
            .iter()
            .filter_map(|m| match m {
                Mark::Text {
                    text, bold: true, ..
                } => Some(text.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(bold, ["Grid factor"], "a total row is bold");
        // Three finite segments (the NaN one is skipped), two legend swatches.
        assert_eq!(rects(&l).len(), 5);
        assert!(
            l.marks
                .iter()
                .any(|m| matches!(m, Mark::Line { dashed: true, .. })),
            "the marker"
        );
        assert!(l.marks.iter().all(|m| match m {
            Mark::Rect { x, y, w, h, .. } => [x, y, w, h].iter().all(|v| v.is_finite()),
            Mark::Line { x1, y1, x2, y2, .. } => [x1, y1, x2, y2].iter().all(|v| v.is_finite()),
            Mark::Text { x, y, .. } => x.is_finite() && y.is_finite(),
        }));
    }

    #[test]
    fn bars_stay_inside_the_width_and_the_longer_swing_is_longer() {
        let rects = rects(&layout(&chart(), 400.0));
        for (x, wd) in &rects {
            assert!(*x >= 0.0 && x + wd <= 400.0, "{x} + {wd}");
        }
        // Row 1: 200 each side of 3,100; row 2: 50 below.
        assert!((rects[0].1 - rects[1].1).abs() < 1.0);
        assert!(rects[2].1 < rects[0].1 / 3.0);
        // Long labels wrap and a note that does not fit goes on its own line, so nothing overlaps.
        let mut long = chart();
        long.rows[0].label =
            "Share of the swap taken from V-Ti furnaces (0.00 share → 1.00 share)".into();
        let narrow = layout(&long, 300.0);
        let texts = texts(&narrow);
        assert!(texts.contains(&"(0.00 share → 1.00 share)"), "{texts:?}");
        assert!(
            texts.iter().all(|t| text_width(t) <= 300.0 - 2.0 * PAD),
            "{texts:?}"
        );
        assert!(wrap("钒钛磁铁矿原矿开采量与铁精矿", 60.0).len() == 3);
        // An empty chart still draws, at the least width.
        assert_eq!(layout(&BarChart::default(), 100.0).width, 280.0);
    }

    /// The marks of one kind, in order.
    fn lines(l: &BarLayout) -> Vec<(f64, f64, f64, f64, &'static str, bool)> {
        l.marks
            .iter()
            .filter_map(|m| match m {
                Mark::Line {
                    x1,
                    y1,
                    x2,
                    y2,
                    color,
                    dashed,
                } => Some((*x1, *y1, *x2, *y2, *color, *dashed)),
                _ => None,
            })
            .collect()
    }

    fn text_marks(l: &BarLayout) -> Vec<(f64, f64, &str, &'static str, &'static str)> {
        l.marks
            .iter()
            .filter_map(|m| match m {
                Mark::Text {
                    x,
                    y,
                    text,
                    anchor,
                    color,
                    ..
                } => Some((*x, *y, text.as_str(), *anchor, *color)),
                _ => None,
            })
            .collect()
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn values_map_linearly_across_the_padded_range_of_every_segment_end_and_the_marker() {
        // Values from 2,900 to 3,300 (the marker inside): the range is 2,900–3,300 widened by 4 % each side.
        let w = 600.0;
        let l = layout(&chart(), w);
        let (lo, hi) = (2900.0 - 16.0, 3300.0 + 16.0);
        let x = |v: f64| PAD + (v - lo) / (hi - lo) * (w - 2.0 * PAD);
        let r = rects(&l);
        // Row 1: 2,900→3,100 and 3,100→3,300; row 2: 3,050→3,100 (the NaN segment skipped).
        assert!(
            close(r[0].0, x(2900.0)) && close(r[0].1, x(3100.0) - x(2900.0)),
            "{r:?}"
        );
        assert!(
            close(r[1].0, x(3100.0)) && close(r[1].1, x(3300.0) - x(3100.0)),
            "{r:?}"
        );
        assert!(
            close(r[2].0, x(3050.0)) && close(r[2].1, x(3100.0) - x(3050.0)),
            "{r:?}"
        );
        // Five ticks at the ends and quarters of the range, labelled with their values, the ends anchored inside.
        let grid: Vec<f64> = lines(&l).iter().filter(|g| !g.5).map(|g| g.0).collect();
        assert_eq!(grid.len(), 5);
        for (k, gx) in grid.iter().enumerate() {
            let v = lo + (hi - lo) * k as f64 / 4.0;
            assert!(close(*gx, x(v)), "tick {k}: {gx} against {}", x(v));
        }
        assert!(close(grid[0], PAD) && close(grid[4], w - PAD));
        // Grid lines run from the top of the rows to just under the last bar.
        for g in lines(&l).iter().filter(|g| !g.5) {
            assert!(close(g.1, TOP) && close(g.3, l.height - BOTTOM + 4.0) && g.4 == GRID_HEX);
        }
        let ticks: Vec<_> = text_marks(&l)
            .into_iter()
            .filter(|t| t.4 == MUTED_HEX && close(t.1, l.height - BOTTOM + 18.0))
            .collect();
        assert_eq!(
            ticks.iter().map(|t| t.3).collect::<Vec<_>>(),
            ["start", "middle", "middle", "middle", "end"]
        );
        assert_eq!(ticks[0].2, axis_label(lo));
        assert_eq!(ticks[4].2, axis_label(hi));
        // The marker: a dashed line at its value over the rows, its label to the right of it (left of 70 %).
        let m = lines(&l).into_iter().find(|g| g.5).expect("marker");
        assert!(close(m.0, x(3100.0)) && close(m.0, m.2) && close(m.1, TOP - 2.0));
        assert!(close(m.3, l.height - BOTTOM + 4.0) && m.4 == INK_HEX);
        let label = text_marks(&l)
            .into_iter()
            .find(|t| t.2 == "now 3,100")
            .expect("marker label");
        assert!(close(label.0, x(3100.0) + 4.0) && label.3 == "start" && close(label.1, TOP - 8.0));
    }

    #[test]
    fn a_marker_near_the_right_edge_is_labelled_to_its_left() {
        let mut c = chart();
        c.marker = Some((3290.0, "now".into()));
        let l = layout(&c, 600.0);
        let m = lines(&l).into_iter().find(|g| g.5).expect("marker");
        let label = text_marks(&l)
            .into_iter()
            .find(|t| t.2 == "now")
            .expect("label");
        assert!(m.0 > 600.0 * 0.7);
        assert!(close(label.0, m.0 - 4.0) && label.3 == "end");
    }

    #[test]
    fn rows_stack_label_lines_then_their_bar_and_the_height_is_their_sum() {
        let l = layout(&chart(), 600.0);
        // Both rows fit on one label line with their notes: 15 px of text, 3, a 14 px bar, 9 after.
        let row = LINE + 3.0 + BAR + AFTER_BAR;
        assert!(close(l.height, TOP + 2.0 * row + BOTTOM), "{}", l.height);
        let bars: Vec<f64> = l
            .marks
            .iter()
            .filter_map(|m| match m {
                Mark::Rect { y, h, w, .. } if close(*h, BAR) && !close(*w, 12.0) => Some(*y),
                _ => None,
            })
            .collect();
        assert_eq!(
            bars,
            [TOP + LINE + 3.0, TOP + LINE + 3.0, TOP + row + LINE + 3.0]
        );
        let t = text_marks(&l);
        let label = |s: &str| t.iter().find(|m| m.2 == s).copied().expect(s);
        // The label on the left above its bar, the note at the right end of the same line.
        let (l1, n1) = (label("钒回收率 & more"), label("2,900 … 3,300"));
        assert!(close(l1.0, PAD) && l1.3 == "start" && close(l1.1, TOP + LINE - 3.0));
        assert!(
            close(n1.0, 600.0 - PAD) && n1.3 == "end" && close(n1.1, l1.1) && n1.4 == MUTED_HEX
        );
        assert!(close(label("Grid factor").1, TOP + row + LINE - 3.0));
        // A note that does not fit beside the label gets a line of its own: one more line for that row.
        let mut c = chart();
        c.rows[0].note = "a long note that will not fit beside the label".into();
        let narrow = layout(&c, 300.0);
        let wrapped = lay_out(&c.rows[0], 300.0);
        assert!(wrapped.note_below);
        assert!(close(
            narrow.height,
            TOP + wrapped.height + lay_out(&c.rows[1], 300.0).height + BOTTOM
        ));
        assert!(close(
            wrapped.height,
            (wrapped.lines.len() + 1) as f64 * LINE + 3.0 + BAR + AFTER_BAR
        ));
        let nt = text_marks(&narrow);
        let note = nt
            .iter()
            .find(|m| m.2.starts_with("a long note"))
            .expect("note");
        assert!(close(
            note.1,
            TOP + (wrapped.lines.len() + 1) as f64 * LINE - 3.0
        ));
        let last_label = nt
            .iter()
            .filter(|m| m.3 == "start" && m.4 == INK_HEX && close(m.0, PAD))
            .map(|m| m.1)
            .next()
            .expect("label");
        assert!(note.1 > last_label, "the note's line is below the label's");
    }

    #[test]
    fn bars_take_their_segment_colours_and_the_legend_runs_along_the_bottom() {
        let l = layout(&chart(), 600.0);
        let colours: Vec<&str> = l
            .marks
            .iter()
            .filter_map(|m| match m {
                Mark::Rect { color, .. } => Some(color.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(
            colours,
            ["#466ea0", "#c46e24", "#466ea0", "#466ea0", "#c46e24"]
        );
        let swatches: Vec<(f64, f64)> = l
            .marks
            .iter()
            .filter_map(|m| match m {
                Mark::Rect { x, y, w, h, .. } if close(*w, 12.0) && close(*h, 12.0) => {
                    Some((*x, *y))
                }
                _ => None,
            })
            .collect();
        assert_eq!(swatches.len(), 2);
        assert!(close(swatches[0].0, PAD) && close(swatches[0].1, l.height - 16.0));
        // The second after the first's label: swatch, gap, the label's width and a space.
        assert!(close(swatches[1].0, PAD + 16.0 + text_width("low") + 18.0));
        let t = text_marks(&l);
        let low = t.iter().find(|m| m.2 == "low").expect("legend label");
        assert!(close(low.0, PAD + 16.0) && close(low.1, l.height - 6.0));
    }

    #[test]
    fn a_range_of_one_value_or_none_still_spreads_the_axis() {
        // Every value 100: the axis runs 5 % either side (then the 4 % padding).
        let c = BarChart {
            rows: vec![BarRow {
                label: "x".into(),
                note: String::new(),
                segments: vec![(100.0, 100.0, STEEL)],
                total: false,
            }],
            ..BarChart::default()
        };
        let l = layout(&c, 400.0);
        let grid: Vec<f64> = lines(&l).iter().map(|g| g.0).collect();
        let (lo, hi) = (95.0 - 0.4, 105.0 + 0.4);
        let ticks: Vec<String> = text_marks(&l)
            .iter()
            .filter(|t| t.4 == MUTED_HEX)
            .map(|t| t.2.to_string())
            .collect();
        assert_eq!(ticks.first(), Some(&axis_label(lo)));
        assert_eq!(ticks.last(), Some(&axis_label(hi)));
        assert!(close(grid[2], 200.0), "100 in the middle: {grid:?}");
        // The zero-width bar is drawn one pixel wide, at the middle.
        let r = rects(&l);
        assert!(close(r[0].1, 1.0) && close(r[0].0, 200.0), "{r:?}");
        // No finite value at all: 0 to 1.
        let none = layout(&BarChart::default(), 400.0);
        let ticks: Vec<String> = text_marks(&none).iter().map(|t| t.2.to_string()).collect();
        assert_eq!(ticks.first(), Some(&axis_label(-0.04)));
        assert_eq!(ticks.last(), Some(&axis_label(1.04)));
        assert!(close(none.height, TOP + BOTTOM));
    }

    #[test]
    fn text_width_counts_a_latin_character_as_about_half_a_chinese_one() {
        assert!(close(text_width("ab"), 2.0 * 0.56 * FONT));
        assert!(close(text_width("钒钛"), 2.0 * FONT));
        assert!(close(text_width("a钒"), 1.56 * FONT));
        // Wrapping breaks Latin text at spaces and keeps whole words.
        assert_eq!(wrap("aaaa bbbb cccc", 60.0), ["aaaa", "bbbb", "cccc"]);
        assert_eq!(wrap("aaaa bbbb", 200.0), ["aaaa bbbb"]);
        assert_eq!(wrap("钒钛磁铁矿原矿", 36.0), ["钒钛磁", "铁矿原", "矿"]);
        // A Chinese character that does not fit breaks the line there, not at an earlier space.
        assert_eq!(wrap("ab 钒钛磁铁", 45.0), ["ab 钒钛", "磁铁"]);
    }

    #[test]
    fn a_label_wraps_at_the_width_less_the_padding_and_a_note_goes_below_when_it_would_crowd_the_label(
    ) {
        // 43 Latin characters are 289 px: two lines in a 300 px chart (288 px of room), one in a 312 px one.
        let row = |label: &str, note: &str| BarRow {
            label: label.into(),
            note: note.into(),
            segments: vec![],
            total: false,
        };
        let word = "a".repeat(43);
        assert_eq!(lay_out(&row(&word, ""), 300.0).lines.len(), 2);
        assert_eq!(lay_out(&row(&word, ""), 312.0).lines.len(), 1);
        // "ab" (13.4 px) and a 38-character note (255.4 px) need 2 em between them: 292.8 px, over 288.
        let note = "n".repeat(38);
        assert!(lay_out(&row("ab", &note), 300.0).note_below);
        // Two characters fewer fit.
        assert!(!lay_out(&row("ab", &"n".repeat(36)), 300.0).note_below);
        assert!(
            !lay_out(&row("ab", ""), 300.0).note_below,
            "no note, nothing below"
        );
    }
}
