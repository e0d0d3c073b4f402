//! The model page's history section: the reference scenario against published figures (the validation
//! table) and other plans' targets, from `vtre_model::actuals`.

use crate::esc;
use std::fmt::Write as _;
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

fn link(source: &str) -> String {
    match source.split_whitespace().find(|w| w.starts_with("http")) {
        Some(url) => format!(
            r#"<a href="{}" rel="noopener noreferrer">{}</a>"#,
            esc(url.trim_end_matches([',', ';', ')'])),
            esc(source)
        ),
        None => esc(source),
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
    let mut o = String::new();
    let _ = write!(
        o,
        r#"<section id="validation" class="validation"><h3>{}</h3><p>{}</p><div class="table-wrap" tabindex="0"><table><thead><tr><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>"#,
        esc(Msg::ValidationTitle.text(lang)),
        esc(Msg::ValidationIntro.text(lang)),
        esc(Msg::Year.text(lang)),
        esc(Msg::ColSeries.text(lang)),
        esc(Msg::ColBasis.text(lang)),
        esc(Msg::ColPublished.text(lang)),
        esc(Msg::ColModel.text(lang)),
        esc(Msg::ColErrorShare.text(lang)),
        esc(Msg::ColSourceOriginal.text(lang)),
    );
    let mut rows = validation(&p);
    rows.sort_by_key(|c| {
        (
            c.basis != Basis::Same,
            c.basis == Basis::National,
            c.series as usize,
            c.actual.year,
        )
    });
    for c in &rows {
        let how = match (c.error, c.share) {
            (Some(e), _) => format!("{:+.0}%", 100.0 * e),
            (None, Some(s)) => format!("{} {:.1}%", Msg::ShareOf.text(lang), 100.0 * s),
            _ => "—".into(),
        };
        let _ = write!(
            o,
            r#"<tr data-basis="{}"><td>{}</td><td>{} <span class="muted">({})</span></td><td>{}</td><td class="num">{}</td><td class="num">{}</td><td class="num">{}</td><td class="source" lang="en"><span class="note">{}</span> {}</td></tr>"#,
            c.basis.key(),
            c.actual.year,
            esc(c.series.label(lang)),
            esc(&vtre_i18n::unit_text(c.series.unit(), lang)),
            esc(c.basis.label().get(lang)),
            fmt(c.published),
            fmt(c.model),
            esc(&how),
            esc(&c.actual.note),
            link(&c.actual.source),
        );
    }
    o.push_str("</tbody></table></div>");
    let _ = write!(
        o,
        r#"<h3 id="related">{}</h3><p>{}</p><div class="table-wrap" tabindex="0"><table><thead><tr><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>"#,
        esc(Msg::RelatedTitle.text(lang)),
        esc(Msg::RelatedIntro.text(lang)),
        esc(Msg::ColTarget.text(lang)),
        esc(Msg::ColMeasure.text(lang)),
        esc(Msg::ColModel.text(lang)),
        esc(Msg::ColStatus.text(lang)),
        esc(Msg::ColSourceOriginal.text(lang)),
    );
    for t in related_targets()? {
        let r = p.related.iter().find(|r| r.id == t.id);
        let (label, measure) = match lang {
            Lang::Zh => (&t.label.0, &t.measure_text.0),
            Lang::En => (&t.label.1, &t.measure_text.1),
        };
        let _ = write!(
            o,
            r#"<tr data-related="{}"><td>{}</td><td>{}</td><td class="num">{} / {}</td><td>{}</td><td class="source" lang="en"><span class="note">{}</span> {}</td></tr>"#,
            esc(&t.id),
            esc(label),
            esc(measure),
            r.map(|r| fmt(r.value)).unwrap_or_default(),
            fmt(t.threshold),
            r.map(|r| status_text(r.status, lang)).unwrap_or_default(),
            esc(&t.source.note),
            link(&t.source.source),
        );
    }
    o.push_str("</tbody></table></div></section>");
    Ok(o)
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
