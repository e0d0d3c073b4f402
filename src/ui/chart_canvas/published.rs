//! A chart's published figures as views: the legend keys for the kinds of marks it draws, a year's figures in
//! the tooltip, and the table of all of them (what each is, its basis, the figure as published and where it
//! sits on the chart or Sichuan's share). Which figures and kinds: `vtre_charts::html`, shared with the first
//! view.

use leptos::prelude::*;
use vtre_charts::html::{basis_label, in_tooltip, legend_entries, on_chart};
use vtre_charts::{ChartData, ChartId, Published};
use vtre_i18n::{Lang, Msg};
use vtre_model::actuals::Basis;

/// The mark a published figure has on the canvas (`vtre_charts::html::mark`).
fn mark(b: Basis) -> impl IntoView {
    let k = vtre_charts::html::mark(b);
    view! {
        <svg class="mark" viewBox="0 0 12 12" aria-hidden="true"><path d=k.d fill=k.fill stroke=k.stroke stroke-width=k.stroke_width/></svg>
    }
}

/// The legend keys of chart `chart` in `lang`.
pub(super) fn legend_keys(chart: ChartId, lang: Lang) -> impl IntoView {
    legend_entries(chart)
        .into_iter()
        .map(|(b, m)| {
            view! { <span class="legend-item published-key" data-basis=b.key()>{mark(b)}{m.text(lang)}</span> }
        })
        .collect_view()
}

/// The tooltip's list of `year`'s figures on lines not in `hidden` (nothing when there are none).
pub(super) fn tooltip_list(d: &ChartData, year: u16, hidden: &[&str], lang: Lang) -> impl IntoView {
    let items: Vec<&Published> = in_tooltip(d, year, hidden).collect();
    (!items.is_empty()).then(|| {
        let items = items
            .into_iter()
            .map(|p| {
                let share = p.share.map(|_| format!("; {}", on_chart(p, lang)));
                view! {
                    <li class="published" data-basis=p.basis.key()>{mark(p.basis)}{p.note.clone()}" ("{basis_label(p.basis, lang)}"): "
                        <b>{p.figure.clone()}</b>{share}</li>
                }
            })
            .collect_view();
        view! { <ul class="published-list">{items}</ul> }
    })
}

/// The table of the chart's published figures (nothing when it has none).
pub(super) fn table(d: &ChartData, lang: Lang) -> impl IntoView {
    (!d.published.is_empty()).then(|| {
        let rows = d
            .published
            .iter()
            .map(|p| {
                view! {
                    <tr data-published=p.key data-basis=p.basis.key()><th scope="row">{p.year}</th>
                        <td class="text">{p.series.clone()}</td>
                        <td class="text">{mark(p.basis)}" "{basis_label(p.basis, lang)}</td>
                        <td>{p.figure.clone()}</td><td>{on_chart(p, lang)}</td><td class="text">{p.note.clone()}</td></tr>
                }
            })
            .collect_view();
        let cols = [
            Msg::Year,
            Msg::ColSeries,
            Msg::ColBasis,
            Msg::ColPublished,
            Msg::ColOnChart,
            Msg::ColNote,
        ]
        .map(|m| view! { <th scope="col">{m.text(lang)}</th> });
        view! {
            <div class="published-table">
                <table data-published-table=d.id.key()><caption>{Msg::PublishedTitle.text(lang)}</caption>
                    <thead><tr>{cols.into_iter().collect_view()}</tr></thead><tbody>{rows}</tbody></table>
            </div>
        }
    })
}
