//! What [`crate::draw`] needs of a [`ChartData`], as numbers and text: the page hands a chart to the drawing
//! worker this way (issue 20: the charts are drawn on an `OffscreenCanvas` off the page's main thread). The
//! numbers go as one `Float64Array`, the text as one string of fields separated by [`SEP`]; both are copied
//! once by `postMessage`, with no JSON on either side.
//!
//! Carried: everything the drawing reads — lines (key, label, colour, kind, values), markers, bands and
//! published figures. Not carried: a line's physical quantity on an index chart (`Line::physical`), which
//! only the tooltip and the table on the page read; [`decode`] leaves it `None`.
//!
//! The keys are `&'static str` in a [`ChartData`]; [`decode`] turns the received ones into static strings
//! with the caller's `intern` (the worker keeps one copy of each key it has seen: there are a few dozen).

use crate::{Band, Basis, ChartData, ChartId, Kind, Line, Marker, Published};
use plotters::style::RGBColor;
use vtre_model::series::N_YEARS;

/// Separates the text fields (a unit separator: never in a label, a unit or a note).
pub const SEP: char = '\u{1f}';

/// `d` as numbers and text, for [`decode`].
pub fn encode(d: &ChartData) -> (Vec<f64>, String) {
    let mut w = Writer::default();
    w.text(d.id.key());
    w.text(&d.title);
    w.text(&d.unit);
    w.num(d.lines.len() as f64);
    for l in &d.lines {
        w.text(l.key);
        w.text(&l.label);
        w.color(l.color);
        w.num(match l.kind {
            Kind::Area => -1.0,
            Kind::Line => -2.0,
            Kind::Reference => -3.0,
            Kind::Compare(i) => f64::from(i),
        });
        w.nums(&l.values);
    }
    w.num(d.markers.len() as f64);
    for m in &d.markers {
        match m {
            Marker::Target { year, value, label } => {
                w.num(0.0);
                w.num(f64::from(*year));
                w.num(*value);
                w.text(label);
            }
            Marker::Year { year, label } => {
                w.num(1.0);
                w.num(f64::from(*year));
                w.text(label);
            }
            Marker::PolicyFrom {
                year,
                label,
                history,
            } => {
                w.num(2.0);
                w.num(f64::from(*year));
                w.text(label);
                w.text(history);
            }
        }
    }
    w.num(d.bands.len() as f64);
    for b in &d.bands {
        w.text(b.key);
        w.text(&b.label);
        w.color(b.color);
        for q in [&b.p5, &b.p10, &b.p90, &b.p95] {
            w.nums(q);
        }
    }
    w.num(d.published.len() as f64);
    for p in &d.published {
        w.text(p.key);
        w.text(&p.series);
        w.text(&p.figure);
        w.text(&p.note);
        w.color(p.color);
        w.num(f64::from(p.year));
        w.num(match p.basis {
            Basis::Same => 0.0,
            Basis::Part => 1.0,
            Basis::National => 2.0,
        });
        w.num(p.value.unwrap_or(f64::NAN));
        w.num(p.share.unwrap_or(f64::NAN));
    }
    (w.nums, w.text)
}

/// The chart [`encode`] made of `(nums, text)`, or `None` if they are not one (wrong length, an unknown
/// chart, kind or basis, a count out of range).
pub fn decode(
    nums: &[f64],
    text: &str,
    intern: &mut dyn FnMut(&str) -> &'static str,
) -> Option<ChartData> {
    let mut r = Reader {
        nums: nums.iter(),
        text: text.split(SEP),
    };
    let id = ChartId::from_key(r.text()?)?;
    let title = r.text()?.to_string();
    let unit = r.text()?.to_string();
    let mut lines = Vec::new();
    for _ in 0..r.count()? {
        let key = intern(r.text()?);
        let label = r.text()?.to_string();
        let color = r.color()?;
        let kind = match r.num()? {
            -1.0 => Kind::Area,
            -2.0 => Kind::Line,
            -3.0 => Kind::Reference,
            k if (0.0..=3.0).contains(&k) && k.fract() == 0.0 => Kind::Compare(k as u8),
            _ => return None,
        };
        lines.push(Line {
            key,
            label,
            color,
            kind,
            values: r.years()?,
            physical: None,
        });
    }
    let mut markers = Vec::new();
    for _ in 0..r.count()? {
        let code = r.num()?;
        let year = r.year()?;
        markers.push(match code {
            0.0 => {
                let value = r.num()?;
                Marker::Target {
                    year,
                    value,
                    label: r.text()?.to_string(),
                }
            }
            1.0 => Marker::Year {
                year,
                label: r.text()?.to_string(),
            },
            2.0 => Marker::PolicyFrom {
                year,
                label: r.text()?.to_string(),
                history: r.text()?.to_string(),
            },
            _ => return None,
        });
    }
    let mut bands = Vec::new();
    for _ in 0..r.count()? {
        let key = intern(r.text()?);
        let label = r.text()?.to_string();
        let color = r.color()?;
        bands.push(Band {
            key,
            label,
            color,
            p5: r.years()?,
            p10: r.years()?,
            p90: r.years()?,
            p95: r.years()?,
        });
    }
    let mut published = Vec::new();
    for _ in 0..r.count()? {
        let key = intern(r.text()?);
        let series = r.text()?.to_string();
        let figure = r.text()?.to_string();
        let note = r.text()?.to_string();
        let color = r.color()?;
        let year = r.year()?;
        let basis = match r.num()? {
            0.0 => Basis::Same,
            1.0 => Basis::Part,
            2.0 => Basis::National,
            _ => return None,
        };
        let some = |v: f64| (!v.is_nan()).then_some(v);
        published.push(Published {
            key,
            series,
            color,
            year,
            basis,
            value: some(r.num()?),
            figure,
            share: some(r.num()?),
            note,
        });
    }
    // Nothing may be left over: a longer message is not one this encoder wrote.
    if r.nums.next().is_some() || r.text.next().is_some() {
        return None;
    }
    Some(ChartData {
        id,
        title,
        unit,
        lines,
        markers,
        bands,
        published,
    })
}

#[derive(Default)]
struct Writer {
    nums: Vec<f64>,
    text: String,
    fields: usize,
}

impl Writer {
    fn num(&mut self, v: f64) {
        self.nums.push(v);
    }

    fn nums(&mut self, v: &[f64]) {
        self.nums.extend_from_slice(v);
    }

    fn color(&mut self, c: RGBColor) {
        self.nums
            .extend([f64::from(c.0), f64::from(c.1), f64::from(c.2)]);
    }

    fn text(&mut self, s: &str) {
        if self.fields > 0 {
            self.text.push(SEP);
        }
        self.fields += 1;
        // A separator inside a field would shift every field after it: dropped (none of the app's texts
        // has one).
        self.text.extend(s.chars().filter(|&c| c != SEP));
    }
}

struct Reader<'a> {
    nums: std::slice::Iter<'a, f64>,
    text: std::str::Split<'a, char>,
}

impl Reader<'_> {
    fn num(&mut self) -> Option<f64> {
        self.nums.next().copied()
    }

    /// A count of items (at most 64: no chart has more lines, bands or figures).
    fn count(&mut self) -> Option<usize> {
        let n = self.num()?;
        ((0.0..=64.0).contains(&n) && n.fract() == 0.0).then_some(n as usize)
    }

    fn year(&mut self) -> Option<u16> {
        let y = self.num()?;
        ((0.0..=f64::from(u16::MAX)).contains(&y) && y.fract() == 0.0).then_some(y as u16)
    }

    fn color(&mut self) -> Option<RGBColor> {
        let mut c = [0u8; 3];
        for v in &mut c {
            let x = self.num()?;
            if !(0.0..=255.0).contains(&x) || x.fract() != 0.0 {
                return None;
            }
            *v = x as u8;
        }
        Some(RGBColor(c[0], c[1], c[2]))
    }

    fn years(&mut self) -> Option<[f64; N_YEARS]> {
        let mut v = [0.0; N_YEARS];
        for x in &mut v {
            *x = self.num()?;
        }
        Some(v)
    }

    fn text(&mut self) -> Option<&str> {
        self.text.next()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{add_bands, add_policy_from, chart_data_compared, to_svg};
    use vtre_model::{simulate, Lang, LeverId, Scenario};

    fn intern(s: &str) -> &'static str {
        Box::leak(s.to_string().into_boxed_str())
    }

    /// Every chart with everything a chart can hold: two compared scenarios, bands, a later policy start
    /// (a marker with two texts), targets and published figures of all three bases.
    fn full(lang: Lang) -> Vec<ChartData> {
        let mut s = Scenario::reference();
        s.set(LeverId::EafSwap, 0.6);
        let p = simulate(&s);
        let r = simulate(&Scenario::reference());
        let mut low = Scenario::reference();
        low.set(LeverId::EafSwap, 0.1);
        let low = simulate(&low);
        let pairs = [("A".to_string(), &r), ("B".to_string(), &low)];
        let mut all: Vec<ChartData> = ChartId::ALL
            .iter()
            .map(|&id| {
                let mut d = chart_data_compared(id, &p, &r, &pairs, lang);
                add_bands(&mut d, &p, lang, &crate::tests::spread(&p, 0.1));
                add_policy_from(&mut d, 2023, lang);
                d
            })
            .collect();
        // Today's published figures are parts or national totals; a figure of the same quantity is drawn
        // differently (a dot on white ground), so one is made so.
        if let Some(f) = all
            .iter_mut()
            .flat_map(|d| &mut d.published)
            .find(|f| f.value.is_some())
        {
            f.basis = Basis::Same;
        }
        all
    }

    #[test]
    fn a_chart_survives_the_trip_to_the_drawing_worker_and_draws_the_same() {
        let mut kinds = std::collections::BTreeSet::new();
        for lang in [Lang::Zh, Lang::En] {
            for d in full(lang) {
                let (nums, text) = encode(&d);
                let back = decode(&nums, &text, &mut intern);
                let mut want = d.clone();
                for l in &mut want.lines {
                    l.physical = None;
                }
                assert_eq!(back.as_ref(), Some(&want), "{}", d.id.key());
                // What the worker draws is what the page would have drawn.
                let back = back.unwrap_or(want);
                assert_eq!(to_svg(&back, 640, 360), to_svg(&d, 640, 360));
                for m in &d.markers {
                    kinds.insert(match m {
                        Marker::Target { .. } => "target",
                        Marker::Year { .. } => "year",
                        Marker::PolicyFrom { .. } => "policy",
                    });
                }
            }
        }
        // The charts above hold every kind of marker (the test would prove little otherwise).
        assert_eq!(kinds.len(), 3, "{kinds:?}");
        let all = full(Lang::En);
        let bases: std::collections::BTreeSet<&str> = all
            .iter()
            .flat_map(|d| d.published.iter().map(|p| p.basis.key()))
            .collect();
        assert_eq!(bases.len(), 3, "{bases:?}");
        assert!(all
            .iter()
            .any(|d| d.published.iter().any(|p| p.share.is_some())));
        assert!(all.iter().all(|d| !d.bands.is_empty()));
        let line_kinds: std::collections::BTreeSet<String> = all
            .iter()
            .flat_map(|d| d.lines.iter().map(|l| format!("{:?}", l.kind)))
            .collect();
        assert_eq!(
            line_kinds.into_iter().collect::<Vec<_>>(),
            ["Area", "Compare(0)", "Compare(1)", "Line", "Reference"]
        );
    }

    #[test]
    fn a_message_the_encoder_did_not_write_is_refused() {
        let d = full(Lang::Zh).swap_remove(1);
        let (nums, text) = encode(&d);
        let ok = |n: &[f64], t: &str| decode(n, t, &mut intern).is_some();
        assert!(ok(&nums, &text));
        // Cut short, or with something left over.
        assert!(!ok(&nums[..nums.len() - 1], &text));
        let mut more = nums.clone();
        more.push(0.0);
        assert!(!ok(&more, &text));
        assert!(!ok(&nums, &format!("{text}{SEP}x")));
        let cut = text.rsplit_once(SEP).map_or("", |(a, _)| a);
        assert!(!ok(&nums, cut));
        // An unknown chart.
        assert!(!ok(&nums, &text.replacen("co2", "nope", 1)));
        // A count, a colour, a kind out of range (the numbers start with the count of lines, then the first
        // line's colour and kind).
        for (at, v) in [
            (0, 65.0),
            (0, 1.5),
            (1, 256.0),
            (1, -1.0),
            (1, 0.5),
            (4, 4.0),
            (4, -4.0),
            (4, 0.5),
        ] {
            let mut bad = nums.clone();
            bad[at] = v;
            assert!(!ok(&bad, &text), "numbers[{at}] = {v}");
        }
        assert!(!ok(&[], ""));
    }

    #[test]
    fn counts_and_years_must_be_whole_numbers_in_range() {
        // One line and one year marker, nothing else: a count or year cut to a whole number would otherwise
        // still make a chart.
        let mut d = full(Lang::En).swap_remove(1);
        d.lines.truncate(1);
        d.markers = vec![Marker::Year {
            year: 2025,
            label: "peak".into(),
        }];
        d.bands.clear();
        d.published.clear();
        let (nums, text) = encode(&d);
        assert!(decode(&nums, &text, &mut intern).is_some());
        let year_at = 1 + 3 + 1 + N_YEARS + 1 + 1;
        assert_eq!(nums[year_at], 2025.0);
        for (at, v) in [
            (0, 1.5),
            (year_at, 2025.5),
            (year_at, -1.0),
            (year_at, 70000.0),
        ] {
            let mut bad = nums.clone();
            bad[at] = v;
            assert!(
                decode(&bad, &text, &mut intern).is_none(),
                "numbers[{at}] = {v}"
            );
        }
    }

    #[test]
    fn a_separator_inside_a_text_is_dropped_not_shifting_the_fields_after_it() {
        let mut d = full(Lang::En).swap_remove(0);
        d.title = format!("a{SEP}b");
        let (nums, text) = encode(&d);
        let back = decode(&nums, &text, &mut intern);
        assert_eq!(
            back.map(|b| (b.title, b.unit)),
            Some(("ab".to_string(), d.unit))
        );
    }
}
