//! A chart's data table — every line and, with bands on, each band's 10 % and 90 % quantiles, year by year,
//! the years before a later policy start marked as history — with the table of its published figures below.
//! Built only while shown.

use leptos::prelude::*;
use vtre_charts::{ChartData, ChartId};
use vtre_i18n::{decimals, group, Msg, Precision};
use vtre_model::series::{FIRST_YEAR, N_YEARS};

/// A column of the data table: its heading, its values and, on an index chart, the line's own quantity.
type Column<'a> = (
    String,
    &'a [f64; N_YEARS],
    Option<&'a ([f64; N_YEARS], &'static str)>,
);

/// The data table's columns: every line, then (with bands on) each band's 10 % and 90 % quantiles.
fn columns(d: &ChartData) -> Vec<Column<'_>> {
    let lines = d
        .lines
        .iter()
        .map(|l| (l.label.clone(), &l.values, l.physical.as_ref()));
    let bands = d.bands.iter().flat_map(|b| {
        [
            (format!("{} p10", b.label), &b.p10, None),
            (format!("{} p90", b.label), &b.p90, None),
        ]
    });
    lines.chain(bands).collect()
}

/// A value as the table and tooltip show it: the index and, on an index chart, the quantity it stands for
/// ("105 (2,937万吨)").
pub(super) fn cell(
    v: f64,
    physical: Option<&([f64; N_YEARS], &'static str)>,
    i: usize,
    l: vtre_i18n::Lang,
) -> String {
    let shown = group(v, decimals(v, Precision::Value));
    match physical {
        Some((raw, unit)) => format!("{shown} ({})", vtre_i18n::quantity(raw[i], unit, l)),
        None => shown,
    }
}

/// The tables of chart `chart`, while `show` is on.
pub(super) fn data_table(
    chart: ChartId,
    data: Memo<ChartData>,
    lang: RwSignal<vtre_i18n::Lang>,
    show: RwSignal<bool>,
) -> impl IntoView {
    move || {
        show.get().then(|| data.with(|d| {
                    let l = lang.get();
                    let from = d.policy_from();
                    let frame = from.map(|y| format!(" — {}", Msg::FrameCaption.text(l).replace("{last}", &(y - 1).to_string()).replace("{from}", &y.to_string())));
                    view! {
                    <table data-table=chart.key()>
                        <caption>{format!("{} ({})", d.title, d.unit)}{frame}</caption>
                        <thead><tr><th scope="col">{Msg::Year.text(l)}</th>
                            {columns(d).into_iter().map(|(label, _, _)| view! { <th scope="col">{label}</th> }).collect_view()}</tr></thead>
                        <tbody>
                            {(0..N_YEARS).map(|i| view! {
                                <tr><th scope="row" data-history=from.is_some_and(|y| FIRST_YEAR + (i as u16) < y).then_some("")>{
                                    let year = FIRST_YEAR + i as u16;
                                    if from.is_some_and(|y| year < y) { format!("{year} · {}", Msg::History.text(l)) } else { year.to_string() }
                                }</th>
                                    {columns(d).into_iter().map(|(_, v, phys)| view! { <td>{cell(v[i], phys, i, l)}</td> }).collect_view()}
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                    {super::published::table(d, l)}
                    }
                }))
    }
}
