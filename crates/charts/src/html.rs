//! The published figures of a chart: which a tooltip lists, which kinds the legend explains, where each sits
//! on the chart and how its basis reads — shared by the app's views (`src/ui/chart_canvas/published.rs`) and
//! the first view, whose template writes the legend with its marks as small inline SVG ([`mark`]).
//! No inline styles (the strict CSP in the README forbids them in markup); the `data-*` names are listed in
//! `vtre-hooks`.

use crate::{ChartData, ChartId, Published};
use vtre_i18n::{decimals, group, Msg, Precision};
use vtre_model::actuals::Basis;
use vtre_model::Lang;

/// The mark a published figure has on the canvas, drawn as a small inline SVG (`viewBox="0 0 12 12"`; a glyph
/// like △ is tiny in CJK fonts): a filled dot for the same quantity, a hollow triangle for a part of it; a
/// national figure is not drawn (a hollow diamond in the table). One shape for the app's view and the first
/// view's template. Attributes only, no inline style (the CSP).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MarkShape {
    /// The path (the dot is a circle of radius 4.5 drawn as a path).
    pub d: &'static str,
    pub fill: &'static str,
    pub stroke: &'static str,
    pub stroke_width: &'static str,
}

pub fn mark(b: Basis) -> MarkShape {
    let (d, fill, stroke, stroke_width) = match b {
        Basis::Same => (
            "M1.5 6a4.5 4.5 0 1 0 9 0a4.5 4.5 0 1 0-9 0Z",
            "currentColor",
            "none",
            "0",
        ),
        Basis::Part => ("M6 1.5 11 10.5H1Z", "white", "currentColor", "1.6"),
        Basis::National => ("M6 1 11 6 6 11 1 6Z", "none", "currentColor", "1.4"),
    };
    MarkShape {
        d,
        fill,
        stroke,
        stroke_width,
    }
}

/// A basis as the charts name it.
pub fn basis_label(b: Basis, lang: Lang) -> &'static str {
    match b {
        Basis::Same => vtre_model::Text::new("同口径", "same quantity"),
        Basis::Part => vtre_model::Text::new("部分口径", "part of it"),
        Basis::National => vtre_model::Text::new("全国", "national"),
    }
    .get(lang)
}

/// Where a published figure sits on the chart (its value on the chart's scale), or, for a national one,
/// Sichuan's share of it.
pub fn on_chart(p: &Published, lang: Lang) -> String {
    match (p.value, p.share) {
        (_, Some(share)) => format!("{} {:.1}%", Msg::SichuanShare.text(lang), share * 100.0),
        (Some(v), _) => group(v, decimals(v, Precision::Value)),
        _ => "—".into(),
    }
}

/// The published figures of `year` on lines not in `hidden`: what the tooltip lists.
pub fn in_tooltip<'a>(
    d: &'a ChartData,
    year: u16,
    hidden: &'a [&str],
) -> impl Iterator<Item = &'a Published> + 'a {
    d.published
        .iter()
        .filter(move |p| p.year == year && !hidden.contains(&p.key))
}

/// The kinds of published figures chart `id` draws (same quantity, part of it), each with its legend text:
/// from the chart's spec and the published table alone.
pub fn legend_entries(id: ChartId) -> Vec<(Basis, Msg)> {
    [
        (Basis::Same, Msg::PublishedSame),
        (Basis::Part, Msg::PublishedPart),
    ]
    .into_iter()
    .filter(|(b, _)| {
        crate::spec::spec(id)
            .lines
            .iter()
            .any(|l| vtre_model::actuals::published(l.series).any(|g| g.basis == *b))
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart_data;
    use vtre_model::{simulate, Scenario};

    #[test]
    fn each_basis_has_its_own_name_in_each_language() {
        let names: Vec<&str> = [Basis::Same, Basis::Part, Basis::National]
            .iter()
            .flat_map(|b| [basis_label(*b, Lang::Zh), basis_label(*b, Lang::En)])
            .collect();
        assert_eq!(
            names,
            [
                "同口径",
                "same quantity",
                "部分口径",
                "part of it",
                "全国",
                "national"
            ]
        );
    }

    #[test]
    fn the_tooltip_lists_a_years_figures_on_visible_lines_and_the_legend_explains_the_marks_drawn()
    {
        let r = simulate(&Scenario::reference());
        let d = chart_data(ChartId::Production, &r, &r, Lang::En);
        let notes = |year, hidden: &[&str]| -> Vec<String> {
            in_tooltip(&d, year, hidden)
                .map(|p| p.note.clone())
                .collect()
        };
        let y2021 = notes(2021, &[]);
        assert!(
            y2021
                .iter()
                .any(|n| n.contains("vanadium product sales, not provincial output")),
            "{y2021:?}"
        );
        assert!(y2021.iter().any(|n| n.contains("TiO2 sales")), "{y2021:?}");
        assert!(notes(2021, &["v2o5", "tio2"])
            .iter()
            .all(|n| !n.contains("sales")));
        assert!(notes(2030, &[]).is_empty());
        let y2024: Vec<&Published> = in_tooltip(&d, 2024, &[]).collect();
        assert!(
            y2024.iter().any(|p| p.basis == Basis::National
                && on_chart(p, Lang::En)
                    .starts_with("Sichuan (this scenario) as a share of China 42.")),
            "{:?}",
            y2024
                .iter()
                .map(|p| on_chart(p, Lang::En))
                .collect::<Vec<_>>()
        );
        // What each figure is, in both languages (the data table lists them all).
        let zh = chart_data(ChartId::Production, &r, &r, Lang::Zh);
        assert_eq!(
            zh.published
                .iter()
                .filter(|p| p.basis == Basis::Part)
                .count(),
            4
        );
        assert!(zh
            .published
            .iter()
            .any(|p| p.note.contains("攀钢钒钛钒制品销量，非全省产量")));
        assert!(zh
            .published
            .iter()
            .any(|p| p.note.contains("仅2020年上半年")));
        assert!(zh
            .published
            .iter()
            .any(|p| on_chart(p, Lang::Zh).starts_with("四川（当前情景）占全国")));
        assert!(d.published.iter().any(|p| p
            .note
            .contains("Pangang V-Ti TiO2 sales, not provincial output")));
        // Only the kinds a chart draws: part-of-it figures on production, none on CO2.
        assert_eq!(
            legend_entries(ChartId::Production),
            vec![(Basis::Part, Msg::PublishedPart)]
        );
        assert!(legend_entries(ChartId::Co2).is_empty());
        // The same quantity is a filled dot; a part of it and a national figure are hollow outlines.
        assert_eq!(
            (mark(Basis::Same).fill, mark(Basis::Same).stroke),
            ("currentColor", "none")
        );
        for b in [Basis::Part, Basis::National] {
            assert_eq!(mark(b).stroke, "currentColor");
            assert_ne!(mark(b).fill, "currentColor");
        }
        assert_ne!(mark(Basis::Part).d, mark(Basis::National).d);
    }

    #[test]
    fn on_chart_gives_the_index_or_the_share() {
        let r = simulate(&Scenario::reference());
        let d = chart_data(ChartId::Production, &r, &r, Lang::En);
        let sales = d
            .published
            .iter()
            .find(|p| p.key == "v2o5" && p.year == 2021 && p.basis == Basis::Part)
            .map(|p| on_chart(p, Lang::En));
        // 42,600 t of 61,000 t in 2020: index 69.8.
        assert_eq!(sales.as_deref(), Some("69.8"));
    }
}
