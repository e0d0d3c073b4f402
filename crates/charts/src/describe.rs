//! A chart in words, for assistive technology (the canvas' `aria-describedby`): what it shows, how each series
//! moves from 2020 to 2035 (trend and latest value), the current scenario against the reference and the gap
//! to each target, the policy frame (history before a later start), and what the published figures marked on
//! it are. Built from the same [`ChartData`] the canvas draws, in either language.
//!
//! Sentences are templates in both languages (`{0}`, `{1}`, … filled by [`fill`]): one small function
//! instead of a `format!` per sentence and language keeps the wasm small.

use crate::spec::spec;
use crate::{Basis, ChartData, Kind, Marker};
use vtre_i18n::{decimals, group, Precision};
use vtre_model::series::{FIRST_YEAR, LAST_YEAR, N_YEARS};
use vtre_model::{Lang, Text};

const HEAD: Text = Text::new("{0}（单位：{1}）。", "{0} ({1}). ");
const FRAME: Text = Text::new(
    "{0}–{1}年为历史（参考路径，已公布的电网因子），政策自{2}年起。",
    "{0}–{1} is history (the reference path, the published grid factor); the policy starts in {2}. ",
);
const SERIES: Text = Text::new(
    "{0}：{1}年{2}，{3}年{4}（{5}）",
    "{0}: {2} in {1}, {4} in {3} ({5})",
);
const UP: Text = Text::new("上升{0}", "up {0}");
const DOWN: Text = Text::new("下降{0}", "down {0}");
const FLAT: Text = Text::new("基本持平", "roughly flat");
const TOTAL: Text = Text::new("合计", "Total");
const SEP: Text = Text::new("；", "; ");
const STOP: Text = Text::new("。", ". ");
const REFERENCE: Text = Text::new("{0}：{1}年{2}{3}。", "{0}: {2} in {1}{3}. ");
const AGAINST: Text = Text::new("，当前情景{0}", "; this scenario {0}");
const TARGET: Text = Text::new(
    "{0}：当前情景为{1}，差距{2}（{3}）。",
    "{0}; this scenario gives {1}, {2} ({3}) from it. ",
);
const MARKED: Text = Text::new("标注：{0}。", "Marked: {0}. ");
const PUBLISHED: Text = Text::new(
    "图中标出{0}个已公布数据（{1}），详见数据表。",
    "{0} published figures are marked ({1}); see the data table. ",
);
const SAME: Text = Text::new("实心圆点：同口径", "filled dots: the same quantity");
const PART: Text = Text::new(
    "空心三角：部分口径，如企业销量或半年数据，非全省产量",
    "hollow triangles: part of it, such as company sales or a half year, not provincial output",
);
const NATIONAL: Text = Text::new(
    "全国数据不画在四川的坐标上，数据表给出四川所占份额。",
    "National figures are not drawn on Sichuan's axis: the data table gives Sichuan's share. ",
);
const BANDS: Text = Text::new(
    "阴影带为假设的不确定区间（10–90%），不是预测区间。",
    "Shaded bands: the 10–90 % spread of the assumptions, not a forecast interval.",
);

/// `tpl` with `{0}`, `{1}`, … replaced by `args` (a placeholder without an argument is left as it is).
fn fill(tpl: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(tpl.len() + 16 * args.len());
    let mut rest = tpl;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let arg = tail
            .as_bytes()
            .get(1)
            .filter(|b| b.is_ascii_digit() && tail.as_bytes().get(2) == Some(&b'}'))
            .and_then(|b| args.get(usize::from(b - b'0')));
        match arg {
            Some(a) => {
                out.push_str(a);
                rest = &tail[3..];
            }
            None => {
                out.push('{');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn num(v: f64) -> String {
    group(v, decimals(v, Precision::Value))
}

/// A signed whole percent: "+5%", "−20%".
fn signed_pct(v: f64) -> String {
    let p = (v * 100.0).round();
    format!("{}{:.0}%", if p < 0.0 { "−" } else { "+" }, p.abs())
}

/// `s` with its first letter in upper case (a sentence start). ASCII only: Unicode case mapping would bring
/// its tables into the wasm.
fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| std::iter::once(f.to_ascii_uppercase()).chain(c).collect())
        .unwrap_or_default()
}

/// "up 12%", "down 3%", "roughly flat" (within 2 %, or from zero).
fn trend(first: f64, last: f64, lang: Lang) -> String {
    let c = if first.abs() > 1e-12 {
        last / first - 1.0
    } else {
        0.0
    };
    let t = match (c.abs() < 0.02, c > 0.0) {
        (true, _) => FLAT,
        (false, true) => UP,
        (false, false) => DOWN,
    };
    fill(t.get(lang), &[&format!("{:.0}%", (c * 100.0).abs())])
}

/// One series: its 2020 and 2035 values and the trend between them.
fn series_text(label: &str, v: &[f64; N_YEARS], lang: Lang) -> String {
    let (a, b) = (v[0], v[N_YEARS - 1]);
    fill(
        SERIES.get(lang),
        &[
            label,
            &FIRST_YEAR.to_string(),
            &num(a),
            &LAST_YEAR.to_string(),
            &num(b),
            &trend(a, b, lang),
        ],
    )
}

/// A text description of `d` in `lang`: plain sentences, no markup.
pub fn describe(d: &ChartData, lang: Lang) -> String {
    let last = LAST_YEAR.to_string();
    let mut out = fill(HEAD.get(lang), &[&d.title, &d.unit]);
    // The frame: history before a later policy start.
    if let Some(y) = d.policy_from() {
        out.push_str(&fill(
            FRAME.get(lang),
            &[
                &FIRST_YEAR.to_string(),
                &(y - 1).to_string(),
                &y.to_string(),
            ],
        ));
    }
    // The main series: the sum of the stacked areas, else the first line; then every line.
    let mut main: Option<[f64; N_YEARS]> = None;
    let mut sep = "";
    if d.lines.iter().any(|l| l.kind == Kind::Area) {
        let mut sum = [0.0; N_YEARS];
        for l in d.lines.iter().filter(|l| l.kind == Kind::Area) {
            for (s, v) in sum.iter_mut().zip(l.values) {
                *s += v.max(0.0);
            }
        }
        out.push_str(&series_text(TOTAL.get(lang), &sum, lang));
        sep = SEP.get(lang);
        main = Some(sum);
    }
    for l in d.lines.iter().filter(|l| l.kind == Kind::Line) {
        out.push_str(sep);
        out.push_str(&series_text(&l.label, &l.values, lang));
        sep = SEP.get(lang);
        main = main.or(Some(l.values));
    }
    out.push_str(STOP.get(lang));
    // The reference scenario, compared where it is the same series as the main one.
    let s = spec(d.id);
    let comparable = s.stack_total.or(s.lines.first().map(|l| l.series)) == Some(s.reference);
    if let Some(r) = d.lines.iter().find(|l| l.kind == Kind::Reference) {
        let rv = r.values[N_YEARS - 1];
        let against = main
            .map(|m| m[N_YEARS - 1])
            .filter(|_| comparable && rv.abs() > 1e-12)
            .map(|c| fill(AGAINST.get(lang), &[&signed_pct(c / rv - 1.0)]))
            .unwrap_or_default();
        out.push_str(&fill(
            REFERENCE.get(lang),
            &[&r.label, &last, &num(rv), &against],
        ));
    }
    // Targets: the gap of the main series in the target's year; year markers by their label.
    for m in &d.markers {
        match m {
            Marker::Target { year, value, label } => {
                let cur = main.and_then(|v| {
                    year.checked_sub(FIRST_YEAR)
                        .and_then(|i| v.get(usize::from(i)).copied())
                });
                let (Some(cur), true) = (cur, value.abs() > 1e-12) else {
                    continue;
                };
                let gap = cur - value;
                let sign = if gap < 0.0 { "−" } else { "+" };
                let label = if lang == Lang::Zh {
                    label.clone()
                } else {
                    capital(label)
                };
                out.push_str(&fill(
                    TARGET.get(lang),
                    &[
                        &label,
                        &num(cur),
                        &format!("{sign}{}", num(gap.abs())),
                        &signed_pct(gap / value),
                    ],
                ));
            }
            Marker::Year { label, .. } => out.push_str(&fill(MARKED.get(lang), &[label])),
            Marker::PolicyFrom { .. } => {}
        }
    }
    // Published figures: how many are marked and what the marks mean; national ones are in the table only.
    let drawn = d.published.iter().filter(|p| p.value.is_some()).count();
    if drawn > 0 {
        let kinds: Vec<&str> = [(Basis::Same, SAME), (Basis::Part, PART)]
            .iter()
            .filter(|(b, _)| {
                d.published
                    .iter()
                    .any(|p| p.basis == *b && p.value.is_some())
            })
            .map(|(_, t)| t.get(lang))
            .collect();
        out.push_str(&fill(
            PUBLISHED.get(lang),
            &[&drawn.to_string(), &kinds.join(SEP.get(lang))],
        ));
    }
    if d.published.iter().any(|p| p.basis == Basis::National) {
        out.push_str(NATIONAL.get(lang));
    }
    if !d.bands.is_empty() {
        out.push_str(BANDS.get(lang));
    }
    out.trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{add_policy_from, chart_data, ChartId, Line};
    use plotters::style::RGBColor;
    use vtre_model::{simulate, LeverId, Scenario};

    fn flat(v: f64) -> [f64; N_YEARS] {
        [v; N_YEARS]
    }

    #[test]
    fn templates_are_filled_by_position_and_stray_braces_are_kept() {
        assert_eq!(fill("{1} and {0}", &["a", "b"]), "b and a");
        assert_eq!(fill("{0}{0}", &["x"]), "xx");
        assert_eq!(fill("{2} {x} {", &["a"]), "{2} {x} {");
        assert_eq!(fill("（{0}）", &["中"]), "（中）");
        // Every template has the same placeholders in both languages.
        for t in [
            HEAD, FRAME, SERIES, UP, DOWN, REFERENCE, AGAINST, TARGET, MARKED, PUBLISHED,
        ] {
            for i in 0..7 {
                let p = format!("{{{i}}}");
                assert_eq!(t.zh.contains(&p), t.en.contains(&p), "{} / {}", t.zh, t.en);
            }
        }
    }

    #[test]
    fn trends_percentages_and_capitals_are_words() {
        assert_eq!(trend(100.0, 112.0, Lang::En), "up 12%");
        assert_eq!(trend(100.0, 97.0, Lang::Zh), "下降3%");
        assert_eq!(trend(100.0, 101.0, Lang::En), "roughly flat");
        assert_eq!(trend(0.0, 5.0, Lang::En), "roughly flat");
        assert_eq!(signed_pct(-0.204), "−20%");
        assert_eq!(signed_pct(0.05), "+5%");
        assert_eq!(signed_pct(-0.001), "+0%");
        assert_eq!(capital("guideline: x"), "Guideline: x");
        assert_eq!(capital(""), "");
    }

    #[test]
    fn a_series_gives_both_ends_and_the_trend() {
        let mut v = flat(100.0);
        v[N_YEARS - 1] = 80.0;
        assert_eq!(
            series_text("CO2", &v, Lang::En),
            "CO2: 100 in 2020, 80.0 in 2035 (down 20%)"
        );
        assert_eq!(
            series_text("排放", &flat(10.0), Lang::Zh),
            "排放：2020年10.0，2035年10.0（基本持平）"
        );
    }

    #[test]
    fn every_chart_is_described_in_both_languages_with_its_latest_value() {
        let r = simulate(&Scenario::reference());
        let mut s = Scenario::reference();
        s.set(LeverId::EafSwap, 500.0);
        let p = simulate(&s);
        for id in ChartId::ALL {
            let zh = describe(&chart_data(id, &p, &r, Lang::Zh), Lang::Zh);
            let en = describe(&chart_data(id, &p, &r, Lang::En), Lang::En);
            assert!(zh.starts_with(id.title(Lang::Zh)), "{zh}");
            assert!(en.starts_with(id.title(Lang::En)), "{en}");
            assert!(zh.contains("2035年") && en.contains("in 2035"), "{en}");
            assert!(
                !en.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{en}"
            );
            assert!(!en.contains("  ") && !en.ends_with(' '), "{en:?}");
        }
    }

    #[test]
    fn the_output_value_description_gives_the_total_and_the_gap_to_the_target() {
        let r = simulate(&Scenario::reference());
        let d = chart_data(ChartId::OutputValue, &r, &r, Lang::En);
        let en = describe(&d, Lang::En);
        let total: f64 = d
            .lines
            .iter()
            .filter(|l| l.kind == Kind::Area)
            .map(|l| l.values[5])
            .sum();
        // The 2025 target of 600 billion yuan: the reference falls short by 600 − total.
        let gap = format!("−{}", num(600.0 - total));
        assert!(
            en.contains(&format!(
                "2025 target: 600 billion yuan; this scenario gives {}, {gap} (",
                num(total)
            )),
            "{en}"
        );
        // …and the gap as a share of the target.
        assert!(
            en.contains(&format!("{gap} ({})", signed_pct((total - 600.0) / 600.0))),
            "{en}"
        );
        // Its published figures are provincial or part of it: nothing about a national share.
        assert!(!en.contains("Sichuan's share"), "{en}");
        assert!(en.contains("Total: 290 in 2020"), "{en}");
        assert!(en.contains("; this scenario +0%."), "{en}");
        let zh = describe(
            &chart_data(ChartId::OutputValue, &r, &r, Lang::Zh),
            Lang::Zh,
        );
        assert!(zh.contains("2025年目标 6,000亿元：当前情景为"), "{zh}");
        assert!(zh.contains("差距−"), "{zh}");
    }

    #[test]
    fn a_scenario_is_compared_with_the_reference_and_a_later_start_is_named() {
        let r = simulate(&Scenario::reference());
        let mut s = Scenario::reference();
        s.set(LeverId::EafSwap, 600.0);
        s.set_start_year(2026);
        let p = simulate(&s);
        let mut d = chart_data(ChartId::Co2, &p, &r, Lang::En);
        add_policy_from(&mut d, 2026, Lang::En);
        let en = describe(&d, Lang::En);
        assert!(en.contains("2020–2025 is history"), "{en}");
        assert!(en.contains("the policy starts in 2026"), "{en}");
        assert!(en.contains("; this scenario −21%."), "{en}");
        assert!(en.contains("Marked: peak"), "{en}");
        let mut d = chart_data(ChartId::Co2, &p, &r, Lang::Zh);
        add_policy_from(&mut d, 2026, Lang::Zh);
        let zh = describe(&d, Lang::Zh);
        assert!(
            zh.contains("2020–2025年为历史") && zh.contains("政策自2026年起"),
            "{zh}"
        );
        assert!(zh.contains("，当前情景−21%。"), "{zh}");
        // A reference of another series is given as it is, not compared.
        let prod = describe(&chart_data(ChartId::Production, &p, &r, Lang::En), Lang::En);
        assert!(
            prod.contains("Reference (Crude steel): 100 in 2035. "),
            "{prod}"
        );
    }

    #[test]
    fn published_figures_say_what_the_marks_are_and_national_ones_where_to_find_the_share() {
        let r = simulate(&Scenario::reference());
        let en = describe(&chart_data(ChartId::Production, &r, &r, Lang::En), Lang::En);
        assert!(en.contains("4 published figures are marked (hollow triangles: part of it, such as company sales or a half year, not provincial output)"), "{en}");
        assert!(en.contains("the data table gives Sichuan's share"), "{en}");
        let zh = describe(&chart_data(ChartId::Production, &r, &r, Lang::Zh), Lang::Zh);
        assert!(
            zh.contains(
                "图中标出4个已公布数据（空心三角：部分口径，如企业销量或半年数据，非全省产量）"
            ),
            "{zh}"
        );
        // A chart without published figures says nothing about them.
        let co2 = describe(&chart_data(ChartId::Co2, &r, &r, Lang::En), Lang::En);
        assert!(
            !co2.contains("published") && !co2.contains("National"),
            "{co2}"
        );
    }

    #[test]
    fn bands_are_mentioned_and_compared_lines_do_not_disturb_the_description() {
        let r = simulate(&Scenario::reference());
        let mut d = chart_data(ChartId::Co2, &r, &r, Lang::En);
        let plain = describe(&d, Lang::En);
        d.lines.push(Line {
            key: "cmp-0",
            label: "A".into(),
            color: RGBColor(0, 0, 0),
            kind: Kind::Compare(0),
            values: flat(1.0),
            physical: None,
        });
        assert_eq!(describe(&d, Lang::En), plain);
        d.bands.push(crate::Band {
            key: "total",
            label: "x".into(),
            color: RGBColor(0, 0, 0),
            p5: flat(0.0),
            p10: flat(0.0),
            p90: flat(1.0),
            p95: flat(1.0),
        });
        assert!(describe(&d, Lang::En).ends_with("not a forecast interval."));
    }
}
