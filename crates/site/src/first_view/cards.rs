//! The first view's scorecard: a card per guideline target (status, value, threshold, margin and the chance
//! of meeting it from the reference spread) and per related plan's target, as the app's scorecard draws them.

use super::*;
use vtre_i18n::{percent, related_quantity, status_icon as icon, status_msg as status_text};

pub(super) fn card(t: &TargetSpec, p: &Projection, spread: &Spread, l: Lang) -> Markup {
    let r = p.target(t.id).copied();
    let status = r.map_or(Status::Unquantified, |r| r.status);
    let fmt = |v: f64| quantity(v, t.unit, l);
    let margin = r.map(|r| match t.rule {
        Rule::PeakBy => {
            if l.zh() {
                format!("{:+}年", r.margin as i64)
            } else {
                format!("{:+} years", r.margin as i64)
            }
        }
        Rule::Unquantified => "—".to_string(),
        _ => format!(
            "{}{}",
            if r.margin < 0.0 { "−" } else { "+" },
            fmt(r.margin.abs())
        ),
    });
    let th = r.and_then(|r| r.threshold).unwrap_or(t.threshold);
    let threshold = match t.rule {
        Rule::Unquantified => "—".to_string(),
        Rule::PeakBy => {
            if l.zh() {
                format!("≤ {th}年")
            } else {
                format!("by {th}")
            }
        }
        Rule::AtMost => format!("≤ {}", fmt(th)),
        Rule::AtLeast => format!("≥ {}", fmt(th)),
    };
    let odds = spread.odds.iter().find(|o| o.id == t.id);
    let prob = odds.and_then(vtre_analysis::TargetOdds::probability);
    let prob_margin = odds.and_then(vtre_analysis::TargetOdds::probability_margin);
    let unscored = t.rule == Rule::Unquantified;
    let band_hidden = unscored || t.band <= 0.0;
    let band = match t.rule {
        Rule::PeakBy => {
            if l.zh() {
                format!("≥ {}年", t.band)
            } else {
                format!("≥ {} years", t.band)
            }
        }
        _ => format!("≥ {}", fmt(t.band)),
    };
    html! {
        article.card data-target=(t.key) data-status=(status.key())
            data-value=(r.map(|r| r.value.to_string()).unwrap_or_default())
            data-probability=[prob.map(|p| p.to_string())] data-probability-margin=[prob_margin.map(|p| p.to_string())] {
            header {
                span.status-icon aria-hidden="true" { (icon(status)) }
                h3 { (t.label.get(l)) }
            }
            p.status-text { (status_text(status).text(l)) }
            dl {
                dt { (Msg::Value.text(l)) }
                dd.value { (r.map(|r| fmt(r.value)).unwrap_or_default())
                    span.year { (if l.zh() { format!("（{}年）", t.year) } else { format!(" ({})", t.year) }) } }
                dt { (Msg::Threshold.text(l)) }
                dd { (threshold) }
                dt { (Msg::Margin.text(l)) }
                dd { (margin.unwrap_or_default()) }
                dt hidden[band_hidden] { (Msg::MarginNeeded.text(l)) }
                dd.band hidden[band_hidden] { (band) }
                dt hidden[unscored] { (Msg::ChanceMet.text(l)) }
                dd.probability.pending[prob.is_none()] hidden[unscored] {
                    (prob.map_or_else(|| Msg::Computing.text(l).to_string(), percent)) }
                dt hidden[unscored] { (Msg::ChanceMargin.text(l)) }
                dd.probability-margin.pending[prob_margin.is_none()] hidden[unscored] {
                    (prob_margin.map_or_else(|| Msg::Computing.text(l).to_string(), percent)) }
            }
            p.measure { (t.measure.get(l)) }
            blockquote lang="zh-CN" { "“" (t.quote_zh) "”——" cite { (t.guideline_ref) } }
            a.reader-link data-reader-link=(t.key) href=(format!("?view=guideline&sec={}", t.section)) {
                (Msg::ReadInGuideline.text(l)) " →"
            }
            div.moved-by {
                span { (Msg::MovedBy.text(l)) ":" }
                @for id in t.levers { button.chip data-focus-lever=(id.key()) { (lspec(*id).label.get(l)) } }
            }
        }
    }
}

pub(super) fn related_card(t: &RelatedGen, p: &Projection, l: Lang) -> Markup {
    let r = p.related.iter().find(|r| r.id == t.id);
    let status = r.map_or(Status::Unquantified, |r| r.status);
    html! {
        article.card.related-card data-related=(t.id) data-status=(status.key())
            data-value=[r.map(|r| r.value.to_string())] {
            header {
                span.status-icon aria-hidden="true" { @if r.is_some() { (icon(status)) } }
                h4 { (t.label.get(l)) }
            }
            p.status-text { @if r.is_some() { (status_text(status).text(l)) } }
            dl {
                dt { (Msg::Value.text(l)) }
                dd.value {
                    span.v { @if let Some(r) = r { (related_quantity(t, r.value, l)) } }
                    span.year { @if r.is_some() { (if l.zh() { format!("（{}年）", t.year) } else { format!(" ({})", t.year) }) } }
                }
                dt { (Msg::Threshold.text(l)) }
                dd.threshold { @if r.is_some() { (format!("≥ {}", related_quantity(t, t.threshold, l))) } }
                dt { (Msg::Margin.text(l)) }
                dd.margin { @if let Some(r) = r {
                    @let m = r.value - t.threshold;
                    (format!("{}{}", if m < 0.0 { "−" } else { "+" }, related_quantity(t, m.abs(), l)))
                } }
            }
            p.measure { span.label { (Msg::RelatedMeasure.text(l)) } (t.measure_text.get(l)) }
            p.related-source { span.label { (Msg::RelatedFrom.text(l)) } (t.source.get(l)) }
        }
    }
}
