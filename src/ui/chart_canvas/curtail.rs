//! The energy chart's note on curtailment: the first year the energy quota binds, the year with the deepest
//! cuts and the cut per product (whole percent) — or that nothing is curtailed.

use leptos::prelude::*;
use vtre_charts::ChartId;
use vtre_i18n::Msg;
use vtre_model::energy::Product;
use vtre_model::series::{FIRST_YEAR, N_YEARS};

/// The note of chart `chart` (the energy chart's only). A memo underneath, so the note's DOM is rebuilt only
/// when what it says changes.
pub(super) fn note(
    chart: ChartId,
    p: Memo<vtre_model::Projection>,
    lang: RwSignal<vtre_i18n::Lang>,
) -> impl IntoView {
    let curtailment = Memo::new(move |_| {
        (chart == ChartId::Energy).then(|| {
            p.with(|p| {
                let first = (0..N_YEARS).find(|&i| p.limits[i].energy_quota)?;
                let worst = (0..N_YEARS)
                    .max_by(|&a, &b| {
                        p.curtailed[a]
                            .iter()
                            .sum::<f64>()
                            .total_cmp(&p.curtailed[b].iter().sum::<f64>())
                    })
                    .unwrap_or(first);
                let cuts: Vec<(Product, i64)> = Product::ALL
                    .iter()
                    .filter(|pr| p.curtailed[worst][**pr as usize] > 1e-6)
                    .map(|pr| {
                        (
                            *pr,
                            (p.curtailed[worst][*pr as usize] * 100.0).round() as i64,
                        )
                    })
                    .collect();
                Some((FIRST_YEAR + first as u16, FIRST_YEAR + worst as u16, cuts))
            })
        })
    });
    move || {
        curtailment.get().map(|c| {
            let l = lang.get();
            match c {
                None => view! { <p class="callout ok">{Msg::NotCurtailed.text(l)}</p> }.into_any(),
                Some((year, worst, cuts)) => {
                    let items = cuts
                        .into_iter()
                        .map(|(pr, share)| view! { <li>{pr.label().get(l)}" −"{share}"%"</li> })
                        .collect_view();
                    let head = Msg::CurtailedFrom
                        .text(l)
                        .replace("{year}", &year.to_string())
                        .replace("{worst}", &worst.to_string());
                    view! { <div class="callout alert" role="status" data-curtailed="true"><p>{head}</p><ul>{items}</ul></div> }.into_any()
                }
            }
        })
    }
}
