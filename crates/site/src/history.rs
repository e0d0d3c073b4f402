//! The model page's history section: the reference scenario against published figures (the validation
//! table) and other plans' targets, from `vtre_model::actuals`.

use maud::{html, Markup};
use vtre_i18n::{group, Msg};
use vtre_model::actuals::{related_targets, validation, Basis};
use vtre_model::targets::Status;
use vtre_model::{simulate, Lang, Scenario};

fn fmt(v: f64) -> String {
    let dec = if v.abs() >= 100.0 {
        0
    } else if v.abs() >= 1.0 {
        1
    } else {
        4
    };
    group(v, dec)
}

/// A source line, its first web address a link.
fn link(source: &str) -> Markup {
    match source.split_whitespace().find(|w| w.starts_with("http")) {
        Some(url) => html! {
            a href=(url.trim_end_matches([',', ';', ')'])) rel="noopener noreferrer" { (source) }
        },
        None => html! { (source) },
    }
}

fn status_text(s: Status, lang: Lang) -> &'static str {
    match (s, lang) {
        (Status::Met, Lang::Zh) => "达成",
        (Status::Met, Lang::En) => "met",
        (Status::AtRisk, Lang::Zh) => "有风险",
        (Status::AtRisk, Lang::En) => "at risk",
        (Status::Missed, Lang::Zh) => "未达成",
        (Status::Missed, Lang::En) => "missed",
        (_, Lang::Zh) => "未量化",
        (_, Lang::En) => "not quantified",
    }
}

/// `<section id="validation">`: the validation table and the related targets, for the reference scenario.
pub fn history_html(lang: Lang) -> Result<String, String> {
    let p = simulate(&Scenario::reference());
    let mut rows = validation(&p);
    rows.sort_by_key(|c| {
        (
            c.basis != Basis::Same,
            c.basis == Basis::National,
            c.series as usize,
            c.actual.year,
        )
    });
    let related = related_targets()?;
    let head = |cols: &[Msg]| {
        html! {
            thead { tr { @for m in cols { th scope="col" { (m.text(lang)) } } } }
        }
    };
    let section = html! {
        section id="validation" class="validation" {
            h3 { (Msg::ValidationTitle.text(lang)) }
            p { (Msg::ValidationIntro.text(lang)) }
            div class="table-wrap" tabindex="0" {
                table {
                    (head(&[Msg::Year, Msg::ColSeries, Msg::ColBasis, Msg::ColPublished, Msg::ColModel, Msg::ColErrorShare, Msg::ColSourceOriginal]))
                    tbody {
                        @for c in &rows {
                            @let how = match (c.error, c.share) {
                                (Some(e), _) => format!("{:+.0}%", 100.0 * e),
                                (None, Some(s)) => format!("{} {:.1}%", Msg::ShareOf.text(lang), 100.0 * s),
                                _ => "—".into(),
                            };
                            tr data-basis=(c.basis.key()) {
                                td { (c.actual.year) }
                                td { (c.series.label(lang)) " " span class="muted" { "(" (vtre_i18n::unit_text(c.series.unit(), lang)) ")" } }
                                td { (c.basis.label().get(lang)) }
                                td class="num" { (fmt(c.published)) }
                                td class="num" { (fmt(c.model)) }
                                td class="num" { (how) }
                                td class="source" lang="en" { span class="note" { (c.actual.note) } " " (link(&c.actual.source)) }
                            }
                        }
                    }
                }
            }
            h3 id="related" { (Msg::RelatedTitle.text(lang)) }
            p { (Msg::RelatedIntro.text(lang)) }
            div class="table-wrap" tabindex="0" {
                table {
                    (head(&[Msg::ColTarget, Msg::ColMeasure, Msg::ColModel, Msg::ColStatus, Msg::ColSourceOriginal]))
                    tbody {
                        @for t in related {
                            @let r = p.related.iter().find(|r| r.id == t.id);
                            @let (label, measure) = match lang {
                                Lang::Zh => (&t.label.0, &t.measure_text.0),
                                Lang::En => (&t.label.1, &t.measure_text.1),
                            };
                            tr data-related=(t.id) {
                                td { (label) }
                                td { (measure) }
                                td class="num" { (r.map(|r| fmt(r.value)).unwrap_or_default()) " / " (fmt(t.threshold)) }
                                td { (r.map(|r| status_text(r.status, lang)).unwrap_or_default()) }
                                td class="source" lang="en" { span class="note" { (t.source.note) } " " (link(&t.source.source)) }
                            }
                        }
                    }
                }
            }
        }
    };
    Ok(section.into_string())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn the_history_section_shows_every_comparison_and_related_target_in_both_languages() {
        let p = simulate(&Scenario::reference());
        for lang in [Lang::Zh, Lang::En] {
            let h = history_html(lang).unwrap();
            assert_eq!(h.matches("<tr data-basis=").count(), validation(&p).len());
            assert_eq!(
                h.matches("<tr data-related=").count(),
                related_targets().unwrap().len()
            );
            assert!(h.contains(Msg::ValidationTitle.text(lang)));
        }
        let en = history_html(Lang::En).unwrap();
        // The grid factor is compared like with like: 2022 published 0.1404.
        assert!(en.contains("0.1404"), "{en}");
        assert!(
            en.contains("share 25.0%"),
            "Sichuan's 35,000 t of the 140,000 t national quota"
        );
    }
}
