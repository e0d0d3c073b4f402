//! The published figures of a chart as HTML text, for the app's tooltip, data table and legend (set as
//! `innerHTML`: one string is far less wasm than a typed view per row). No inline styles (the strict CSP in the
//! README forbids them in markup); the `data-*` names are listed in `vtre-hooks`.

use crate::{ChartData, ChartId, Published};
use vtre_i18n::{decimals, group, Msg, Precision};
use vtre_model::actuals::Basis;
use vtre_model::Lang;

/// Text for an HTML text node or attribute value.
pub fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The mark a published figure has on the canvas, as a small inline SVG (a glyph like △ is tiny in CJK fonts):
/// a filled dot for the same quantity, a hollow triangle for a part of it; a national figure is not drawn (a
/// hollow diamond in the table).
pub fn mark(b: Basis) -> &'static str {
    match b {
        Basis::Same => {
            r#"<svg class="mark" viewBox="0 0 12 12" aria-hidden="true"><circle cx="6" cy="6" r="4.5" fill="currentColor"/></svg>"#
        }
        Basis::Part => {
            r#"<svg class="mark" viewBox="0 0 12 12" aria-hidden="true"><path d="M6 1.5 11 10.5H1Z" fill="white" stroke="currentColor" stroke-width="1.6"/></svg>"#
        }
        Basis::National => {
            r#"<svg class="mark" viewBox="0 0 12 12" aria-hidden="true"><path d="M6 1 11 6 6 11 1 6Z" fill="none" stroke="currentColor" stroke-width="1.4"/></svg>"#
        }
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

/// The tooltip's lines for the published figures of `year` on lines not in `hidden`: what each is, its basis,
/// the figure, and Sichuan's share for a national one.
pub fn tooltip_items(d: &ChartData, year: u16, hidden: &[&str], lang: Lang) -> String {
    let mut o = String::new();
    for p in d
        .published
        .iter()
        .filter(|p| p.year == year && !hidden.contains(&p.key))
    {
        o.push_str(&format!(
            r#"<li class="published" data-basis="{}">{}{} ({}): <b>{}</b>{}</li>"#,
            p.basis.key(),
            mark(p.basis),
            esc(&p.note),
            basis_label(p.basis, lang),
            esc(&p.figure),
            p.share
                .map(|_| format!("; {}", esc(&on_chart(p, lang))))
                .unwrap_or_default(),
        ));
    }
    o
}

/// The table of a chart's published figures (empty when it has none): year, series, basis, the figure as
/// published, its place on the chart or Sichuan's share, and what it is.
pub fn table(d: &ChartData, lang: Lang) -> String {
    if d.published.is_empty() {
        return String::new();
    }
    let mut o = format!(
        r#"<table data-published-table="{}"><caption>{}</caption><thead><tr>"#,
        d.id.key(),
        esc(Msg::PublishedTitle.text(lang))
    );
    for m in [
        Msg::Year,
        Msg::ColSeries,
        Msg::ColBasis,
        Msg::ColPublished,
        Msg::ColOnChart,
        Msg::ColNote,
    ] {
        o.push_str(&format!(r#"<th scope="col">{}</th>"#, esc(m.text(lang))));
    }
    o.push_str("</tr></thead><tbody>");
    for p in &d.published {
        o.push_str(&format!(
            r#"<tr data-published="{}" data-basis="{}"><th scope="row">{}</th><td class="text">{}</td><td class="text">{} {}</td><td>{}</td><td>{}</td><td class="text">{}</td></tr>"#,
            p.key,
            p.basis.key(),
            p.year,
            esc(&p.series),
            mark(p.basis),
            basis_label(p.basis, lang),
            esc(&p.figure),
            esc(&on_chart(p, lang)),
            esc(&p.note),
        ));
    }
    o.push_str("</tbody></table>");
    o
}

/// Legend entries for the kinds of published figures chart `id` draws (same quantity, part of it): from the
/// chart's spec and the published table alone.
pub fn legend(id: ChartId, lang: Lang) -> String {
    let mut o = String::new();
    for (b, m) in [
        (Basis::Same, Msg::PublishedSame),
        (Basis::Part, Msg::PublishedPart),
    ] {
        let drawn = crate::spec::spec(id)
            .lines
            .iter()
            .any(|l| vtre_model::actuals::published(l.series).any(|g| g.basis == b));
        if drawn {
            o.push_str(&format!(
                r#"<span class="legend-item published-key" data-basis="{}">{}{}</span>"#,
                b.key(),
                mark(b),
                esc(m.text(lang))
            ));
        }
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart_data;
    use vtre_model::{simulate, Scenario};

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            esc(r#"<a href="x">&</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;"
        );
    }

    #[test]
    fn the_production_table_lists_every_published_figure_with_its_basis_and_what_it_is() {
        let r = simulate(&Scenario::reference());
        let d = chart_data(ChartId::Production, &r, &r, Lang::Zh);
        let t = table(&d, Lang::Zh);
        assert_eq!(t.matches("<tr data-published=").count(), d.published.len());
        assert_eq!(t.matches(r#"data-basis="part""#).count(), 4);
        assert!(t.contains("攀钢钒钛钒制品销量，非全省产量"), "{t}");
        assert!(t.contains("仅2020年上半年"), "{t}");
        assert!(t.contains("四川（当前情景）占全国"), "{t}");
        assert!(!t.contains("style="), "no inline styles under the CSP");
        let en = table(&chart_data(ChartId::Production, &r, &r, Lang::En), Lang::En);
        assert!(
            en.contains("Pangang V-Ti TiO2 sales, not provincial output"),
            "{en}"
        );
        assert!(en.contains("<caption>Published figures"), "{en}");
        // A chart without published figures has no table and no legend entries.
        let co2 = chart_data(ChartId::Co2, &r, &r, Lang::En);
        assert_eq!(table(&co2, Lang::En), "");
        assert_eq!(legend(ChartId::Co2, Lang::En), "");
    }

    #[test]
    fn the_tooltip_lists_a_years_figures_on_visible_lines_and_the_legend_explains_the_marks() {
        let r = simulate(&Scenario::reference());
        let d = chart_data(ChartId::Production, &r, &r, Lang::En);
        let y2021 = tooltip_items(&d, 2021, &[], Lang::En);
        assert!(
            y2021.contains("vanadium product sales, not provincial output (part of it)"),
            "{y2021}"
        );
        assert!(y2021.contains("TiO2 sales"), "{y2021}");
        let hidden = tooltip_items(&d, 2021, &["v2o5", "tio2"], Lang::En);
        assert!(!hidden.contains("sales"), "{hidden}");
        let y2024 = tooltip_items(&d, 2024, &[], Lang::En);
        assert!(
            y2024.contains("China's vanadium output (as V2O5) (national)"),
            "{y2024}"
        );
        assert!(
            y2024.contains("Sichuan (this scenario) as a share of China 42."),
            "{y2024}"
        );
        assert_eq!(tooltip_items(&d, 2030, &[], Lang::En), "");
        let l = legend(ChartId::Production, Lang::Zh);
        assert!(
            l.contains(r#"data-basis="part""#) && l.contains(mark(Basis::Part)),
            "{l}"
        );
        assert!(
            !l.contains(r#"data-basis="same""#),
            "no same-basis figure on this chart"
        );
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
