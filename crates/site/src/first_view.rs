//! The first view in the first HTML (issue 20): the explorer for the reference scenario, in Chinese, rendered
//! at build time into `index.html` (`vtre first-view`, run by the post-build hook) so a phone shows it as
//! soon as the HTML and CSS have arrived, long before the wasm has. It is the same view the app renders —
//! headline figures with their ranges, the lever panel in its initial state, the five charts (SVG from the
//! app's own chart code, `vtre_charts::to_svg`, with the reference's bands), the scorecard with each target's
//! chance — in the same elements and classes, so the app takes it over without a layout shift
//! (`src/ui/mod.rs`: mount, then remove `#first-view`; an end-to-end test compares the two).
//!
//! What it is never allowed to do: present reference numbers as a reader's own. A badge says 参考情景 /
//! Reference scenario at all times, and `first-view.js` (render-blocking, external: the CSP has no inline
//! script) marks the page `data-first-view="yours"` when a share link or a saved working scenario will open
//! something else, which dims the figures and says 正在载入您的情景 / loading yours. The whole view is
//! `inert` (nothing in it can be used before the app is up) and the app removes it when it starts.
//!
//! Rendered with maud (typed templates, one escape). Inline `style` attributes are not allowed by the CSP,
//! so colour swatches are small SVGs and the slider's reference tick is left to the app.

mod cards;

use cards::{card, related_card};
use maud::{html, Markup, PreEscaped};
use vtre_charts::{
    add_bands, add_policy_from, chart_data, html as chart_html, legend, spread_series, to_svg,
    unit, ChartId, Kind, SeriesQuantiles,
};
use vtre_i18n::{decimals, display_unit, group, quantity, Lang, Msg, Precision};
use vtre_model::actuals::{RelatedGen, RELATED_GEN};
use vtre_model::levers::{spec as lspec, LeverGroup, LeverSpec, LEVERS};
use vtre_model::scenario::{POLICY_FROM_DEFAULT, POLICY_FROM_LATEST};
use vtre_model::series::SeriesId as S;
use vtre_model::targets::{Rule, TargetSpec};
use vtre_model::{simulate, Projection, Scenario, Status, TARGETS};

/// Where the first view goes in `index.html`: the static loading indicator the app used to replace.
pub const SLOT_START: &str = "<div aria-live=polite class=loading id=loading role=status>";

/// The reference scenario's spread, as the app's worker would compute it: the quantiles of the series the
/// app shows and every target's odds (1,000 members, seed 1).
pub struct Spread {
    pub series: Vec<(S, SeriesQuantiles)>,
    pub odds: Vec<vtre_analysis::TargetOdds>,
}

/// The significant digits of the quantiles in the reference spread the build ships (the first view's and
/// `data/ensemble-reference.txt`'s, written together by `vtre first-view`): more than any figure shows, and
/// half the bytes of the full 17.
pub const SPREAD_DIGITS: usize = 6;

/// The reference scenario's ensemble as the app's worker runs it (1,000 members, seed 1): the first view
/// and the spread file the build ships (`vtre first-view`) are both read from one run of it.
pub fn reference_ensemble() -> vtre_analysis::Ensemble {
    let mut e =
        vtre_analysis::Ensemble::new(&Scenario::reference(), vtre_analysis::DEFAULT_MEMBERS, 1);
    e.run();
    e
}

impl Spread {
    pub fn reference() -> Spread {
        Spread::of(&reference_ensemble())
    }
    /// The spread of a finished ensemble, its quantiles rounded to [`SPREAD_DIGITS`].
    pub fn of(e: &vtre_analysis::Ensemble) -> Spread {
        Spread {
            series: spread_series()
                .into_iter()
                .map(|id| {
                    let q = e.quantiles(id);
                    let mut out = [[0.0; 5]; vtre_model::series::N_YEARS];
                    for (o, x) in out.iter_mut().zip(q) {
                        *o = x.rounded(SPREAD_DIGITS).to_array();
                    }
                    (id, out)
                })
                .collect(),
            odds: e.targets().to_vec(),
        }
    }
    fn quantiles(&self, id: S) -> Option<SeriesQuantiles> {
        self.series.iter().find(|(s, _)| *s == id).map(|(_, q)| *q)
    }
}

fn swatch(c: plotters::style::RGBColor) -> Markup {
    html! {
        span.swatch aria-hidden="true" {
            svg viewBox="0 0 1 1" width="100%" height="100%" preserveAspectRatio="none" {
                rect width="1" height="1" fill=(format!("rgb({},{},{})", c.0, c.1, c.2)) {}
            }
        }
    }
}

fn header(l: Lang) -> Markup {
    html! {
        header.top {
            div.brand {
                h1 { (Msg::AppTitle.text(l)) }
                p.subtitle { (Msg::AppSubtitle.text(l)) }
            }
            button.lang-toggle data-action="toggle-lang" lang=(l.other().code())
                title=(Msg::SwitchLanguageLabel.text(l)) { (Msg::SwitchLanguage.text(l)) }
        }
        div.notices aria-live="polite" {}
        nav.toolbar aria-label=(Msg::Scenarios.text(l)) {
            button data-action="undo" disabled title=(Msg::UndoHint.text(l)) { "↶ " (Msg::Undo.text(l)) }
            button data-action="redo" disabled title=(Msg::RedoHint.text(l)) { "↷ " (Msg::Redo.text(l)) }
            button data-action="scenarios" aria-expanded="false" { (Msg::Scenarios.text(l)) }
            button data-action="share" aria-expanded="false" { (Msg::ShareLink.text(l)) }
            button data-action="embed" aria-expanded="false" { (Msg::Embed.text(l)) }
            button.download data-action="download-data" title=(Msg::DownloadDataHint.text(l)) {
                span aria-hidden="true" { "⤓ " } (Msg::DownloadData.text(l))
            }
            button data-action="export-csv" { (Msg::ExportCsv.text(l)) }
            button data-action="export-json" { (Msg::ExportJson.text(l)) }
            button data-action="print" { (Msg::Print.text(l)) }
            button data-action="presenter" aria-pressed="false" title=(Msg::PresenterHint.text(l)) { (Msg::Presenter.text(l)) }
        }
        nav.views aria-label=(Msg::Pages.text(l)) {
            @for (key, m) in [("explorer", Msg::ViewExplorer), ("analysis", Msg::ViewAnalysis), ("guideline", Msg::ViewGuideline), ("assumptions", Msg::ViewAssumptions), ("model", Msg::ViewModel)] {
                a href=(format!("?view={key}")) data-view=(key) aria-current=[(key == "explorer").then_some("page")] { (m.text(l)) }
            }
        }
    }
}

/// One headline figure: hook id, label, raw value, text, and (p10, p90, range text).
type HeadlineItem = (&'static str, Msg, f64, String, Option<(f64, f64, String)>);

/// The headline's four figures; the 10–90 % range of the first two.
fn headline(p: &Projection, spread: &Spread, l: Lang) -> Markup {
    let scored = TARGETS
        .iter()
        .filter(|t| t.rule != Rule::Unquantified)
        .count();
    let met = p.targets.iter().filter(|t| t.status == Status::Met).count();
    let range = |series: S, year: u16, unit: &str| {
        spread.quantiles(series).map(|q| {
            let q = q[usize::from(year - vtre_model::series::FIRST_YEAR)];
            let f = display_unit(unit, l).1;
            let n = |v: f64| group(v * f, decimals(v * f, Precision::Value));
            (q[1], q[3], format!(" ({}–{})", n(q[1]), n(q[3])))
        })
    };
    let items: [HeadlineItem; 4] = [
        (
            "output_value_2025",
            Msg::HeadlineValue2025,
            p.at(S::OutputValueTotal, 2025),
            quantity(p.at(S::OutputValueTotal, 2025), "亿元", l),
            range(S::OutputValueTotal, 2025, "亿元"),
        ),
        (
            "co2_2030",
            Msg::HeadlineCo22030,
            p.at(S::Co2Total, 2030),
            quantity(p.at(S::Co2Total, 2030), "Mt", l),
            range(S::Co2Total, 2030, "Mt"),
        ),
        (
            "peak_year",
            Msg::HeadlinePeak,
            f64::from(p.peak_year),
            quantity(f64::from(p.peak_year), "year", l),
            None,
        ),
        (
            "targets_met",
            Msg::HeadlineTargets,
            met as f64,
            format!("{met} / {scored}"),
            None,
        ),
    ];
    html! {
        section.headline aria-label=(if l.zh() { "关键指标" } else { "Headline figures" }) {
            @for (id, label, raw, text, r) in items {
                div.headline-item {
                    span.headline-label { (label.text(l)) }
                    strong.headline-value data-headline=(id) data-value=(raw.to_string())
                        data-p10=[r.as_ref().map(|r| r.0.to_string())] data-p90=[r.as_ref().map(|r| r.1.to_string())]
                        title=[r.as_ref().map(|_| Msg::RangeHint.text(l))] {
                        (text) span.range { @if let Some(r) = &r { (r.2) } }
                    }
                }
            }
            p.first-view-badge data-first-view-badge="" {
                span.ref { (Msg::ReferenceScenario.text(Lang::Zh)) " · " (Msg::ReferenceScenario.text(Lang::En)) }
                span.yours { (Msg::FirstViewLoadingYours.text(Lang::Zh)) " / " (Msg::FirstViewLoadingYours.text(Lang::En)) }
            }
        }
    }
}

fn lever(l: &LeverSpec, v: f64, lang: Lang) -> Markup {
    // As the app shows it (src/ui/lever.rs): a share as a percent.
    let (shown, dec, unit) = vtre_i18n::lever_display(l, lang);
    let tidy = |x: f64| (x * 1e6).round() / 1e6;
    let input_id = format!("lever-{}", l.key);
    let help_id = format!("lever-help-{}", l.key);
    html! {
        div.lever data-lever-row=(l.key) {
            div.lever-head {
                label for=(input_id) { (l.label.get(lang)) }
                button.icon.info aria-expanded="false" aria-controls=(help_id) title=(Msg::Info.text(lang))
                    aria-label=(format!("{}: {}", Msg::Info.text(lang), l.label.get(lang))) { "i" }
                button.icon.reset disabled title=(Msg::Reset.text(lang))
                    aria-label=(format!("{}: {}", Msg::Reset.text(lang), l.label.get(lang))) { "↺" }
            }
            @if l.is_switch() {
                label.switch {
                    input type="checkbox" id=(input_id) data-lever=(l.key) aria-describedby=(help_id) checked[v >= 0.5];
                    span { (if v >= 0.5 { Msg::On.text(lang) } else { Msg::Off.text(lang) }) }
                }
            } @else {
                div.slider-row {
                    div.track {
                        input type="range" id=(input_id) data-lever=(l.key) min=(l.min) max=(l.max) step=(l.step)
                            value=(v) aria-describedby=(help_id)
                            aria-valuetext=(vtre_i18n::lever_value(l, v, lang));
                    }
                    input.num type="number" min=(tidy(l.min * shown)) max=(tidy(l.max * shown)) step=(tidy(l.step * shown))
                        value=(format!("{:.*}", dec, v * shown))
                        aria-label=(format!("{} ({unit})", l.label.get(lang)));
                    span.unit title=[vtre_i18n::unit_hint(unit).map(|m| m.text(lang))] { (unit) }
                }
            }
        }
    }
}

fn levers(s: &Scenario, lang: Lang) -> Markup {
    html! {
        aside.levers aria-labelledby="levers-title" {
            div.levers-head {
                h2 id="levers-title" { (Msg::Levers.text(lang)) }
                button.reset-all data-action="reset-all" disabled { (Msg::ResetAll.text(lang)) }
            }
            div.policy-from {
                label for="policy-from" { (Msg::PolicyFrom.text(lang)) }
                select id="policy-from" data-policy-from=(s.start_year()) aria-describedby="policy-from-hint" {
                    @for y in POLICY_FROM_DEFAULT..=POLICY_FROM_LATEST {
                        option value=(y) selected[y == s.start_year()] { (y) }
                    }
                }
                p.hint id="policy-from-hint" { (Msg::PolicyFromHint.text(lang)) }
            }
            @for g in LeverGroup::ALL {
                // Every group open, as on a desktop; on a phone the CSS shows all but the first closed, as the
                // app opens them there.
                details.lever-group open data-group=(g.id()) {
                    summary { (g.label().get(lang)) }
                    @for l in LEVERS.iter().filter(|l| l.group == g) { (lever(l, s.get(l.id), lang)) }
                }
            }
        }
    }
}

/// The width and height the charts are drawn at: their box on a 1440 px desktop (two columns beside the
/// 360 px lever panel). Elsewhere the SVG scales into the same box, keeping its proportions.
const CHART_W: u32 = 505;
const CHART_H: u32 = 250;

fn chart(id: ChartId, p: &Projection, spread: &Spread, l: Lang) -> Markup {
    let mut d = chart_data(id, p, p, l);
    add_bands(&mut d, p, l, &|s| spread.quantiles(s));
    add_policy_from(&mut d, POLICY_FROM_DEFAULT, l);
    let svg = to_svg(&d, CHART_W, CHART_H).unwrap_or_default();
    // The drawing, scaled to its box: the root <svg> gets a class and scales with its viewBox.
    let svg = svg.replacen(
        &format!(r#"<svg width="{CHART_W}" height="{CHART_H}""#),
        r#"<svg class="prerender-chart" preserveAspectRatio="xMidYMid meet" aria-hidden="true""#,
        1,
    );
    let title = id.title(l);
    let u = unit(id, l);
    let entries = legend(id, &[], l);
    html! {
        figure.chart data-chart-figure=(id.key()) aria-labelledby=(format!("chart-title-{}", id.key())) {
            figcaption id=(format!("chart-title-{}", id.key())) { (title) span.unit { (format!(" ({u})")) } }
            div.canvas-wrap role="img" aria-label=(format!("{title} ({u})")) { (PreEscaped(svg)) }
            div.legend role="group" aria-label=(Msg::LegendHint.text(l)) {
                @for e in &entries {
                    button.legend-item.dashed[e.kind == Kind::Reference] data-series=(e.key) aria-pressed="true" {
                        (swatch(e.color)) (e.label)
                    }
                }
                span.legend-item.band-key data-band-legend="" title=(Msg::BandsExplain.text(l)) {
                    span.swatch.band aria-hidden="true" {} (Msg::BandsLegend.text(l))
                }
                div.published-keys {
                    @for (b, m) in chart_html::legend_entries(id) {
                        @let k = chart_html::mark(b);
                        span.legend-item.published-key data-basis=(b.key()) {
                            svg.mark viewBox="0 0 12 12" aria-hidden="true" {
                                path d=(k.d) fill=(k.fill) stroke=(k.stroke) stroke-width=(k.stroke_width) {}
                            }
                            (m.text(l))
                        }
                    }
                }
            }
            @if id == ChartId::Energy {
                @if (0..vtre_model::series::N_YEARS).any(|i| p.limits[i].energy_quota) {
                    div.callout.alert role="status" data-curtailed="true" { p { (Msg::CurtailedIn.text(l)) } }
                } @else {
                    p.callout.ok { (Msg::NotCurtailed.text(l)) }
                }
            }
            div.chart-actions {
                button.export data-action="export-png" { (Msg::PngExport.text(l)) }
                button.export data-action="export-svg" { (Msg::SvgExport.text(l)) }
                button.table-toggle aria-expanded="false" { (Msg::ShowTable.text(l)) }
            }
        }
    }
}

/// The explorer's first view of the reference scenario in `lang`, as the body of `index.html` holds it.
pub fn first_view(spread: &Spread, lang: Lang) -> String {
    let s = Scenario::reference();
    let p = simulate(&s);
    let l = lang;
    html! {
        div #first-view .first-view inert {
            (header(l))
            (headline(&p, spread, l))
            main.layout {
                (levers(&s, l))
                section.results {
                    div.bands-bar {
                        button.bands-toggle data-action="toggle-bands" aria-pressed="true" {
                            span.swatch.band aria-hidden="true" {} (Msg::BandsToggle.text(l))
                        }
                        p.bands-note { (Msg::BandsExplain.text(l)) }
                    }
                    div.charts {
                        @for c in ChartId::ALL { (chart(c, &p, spread, l)) }
                    }
                    section.scorecard aria-labelledby="scorecard-title" data-ensemble="ready" {
                        h2 id="scorecard-title" { (Msg::Scorecard.text(l)) }
                        p.scorecard-legend { (Msg::ScorecardLegend.text(l)) }
                        div.cards { @for t in TARGETS { (card(t, &p, spread, l)) } }
                        section.related aria-labelledby="related-title" {
                            h3 id="related-title" { (Msg::RelatedTitle.text(l)) }
                            p.related-intro { (Msg::RelatedIntro.text(l)) }
                            div.cards.related-cards { @for t in RELATED_GEN { (related_card(t, &p, l)) } }
                        }
                    }
                    p.model-note { (Msg::ModelNote.text(l)) }
                }
            }
        }
    }
    .into_string()
}

/// `index.html` with the first view in place of the static loading indicator; `None` if the slot is missing.
pub fn into_index(index: &str, view: &str) -> Option<String> {
    let start = index.find(SLOT_START)?;
    let end = start + index[start..].find("</div>")? + "</div>".len();
    Some(format!("{}{view}{}", &index[..start], &index[end..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_view_shows_the_references_figures_and_every_lever_chart_and_target() {
        let spread = Spread::reference();
        let html = first_view(&spread, Lang::Zh);
        let p = simulate(&Scenario::reference());
        assert!(html.contains(&format!(
            r#"data-headline="output_value_2025" data-value="{}""#,
            p.at(S::OutputValueTotal, 2025)
        )));
        for l in LEVERS {
            assert!(
                html.contains(&format!(r#"data-lever="{}""#, l.key)),
                "{}",
                l.key
            );
        }
        for c in ChartId::ALL {
            assert!(html.contains(&format!(r#"data-chart-figure="{}""#, c.key())));
        }
        for t in TARGETS {
            assert!(html.contains(&format!(r#"data-target="{}""#, t.key)));
        }
        assert_eq!(html.matches("<svg class=\"prerender-chart\"").count(), 5);
        assert!(!html.contains("style="), "no inline styles (CSP)");
        assert!(!html.contains("<script"), "no inline script (CSP)");
        assert!(
            html.contains("参考情景 · Reference scenario"),
            "always says what it shows"
        );
        assert!(html.starts_with(r#"<div class="first-view" id="first-view" inert>"#));
        // The chance on each scored card is the ensemble's.
        for o in &spread.odds {
            if let Some(pr) = o.probability() {
                assert!(
                    html.contains(&format!(r#"data-probability="{pr}""#)),
                    "{:?}",
                    o.id
                );
            }
        }
        assert!(!html.contains(r#"data-status="unquantified" data-value="0" data-probability"#));
    }

    #[test]
    fn the_view_goes_where_the_loading_indicator_was() {
        let index = format!(
            "<body>{SLOT_START}<span>x</span><span>y</span></div><noscript>n</noscript></body>"
        );
        // The indicator has inner elements: the view replaces up to its first closing </div>.
        let out = into_index(&index, "VIEW").unwrap_or_default();
        assert_eq!(out, "<body>VIEW<noscript>n</noscript></body>");
        assert_eq!(into_index("<body></body>", "VIEW"), None);
    }
}
