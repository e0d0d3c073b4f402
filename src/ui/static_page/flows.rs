//! The model page's material-flow diagrams (`vtre_model::flows`), drawn as SVG views from the typed layout of
//! `vtre_charts::sankey` for the current scenario, projection, language and chosen year: bands whose width is
//! the flow (each with its value as a tooltip), nodes with their name and throughput.

use leptos::prelude::*;
use vtre_charts::sankey::layout;
use vtre_i18n::{decimals, display_unit, group, Lang, Msg, Precision};
use vtre_model::flows::{diagrams, Diagram};
use vtre_model::series::{FIRST_YEAR, LAST_YEAR};
use vtre_model::{Projection, Scenario};

/// The year chooser and the diagrams of that year. Props: the year shown (the page's: a reload of the page
/// in the other language mounts a new copy showing the same year), and the scenario, its projection and the
/// language (passed in: the diagrams are mounted into the fetched page, outside the app's context).
#[component]
pub fn FlowDiagrams(
    year: RwSignal<u16>,
    scenario: RwSignal<Scenario>,
    projection: Memo<Projection>,
    lang: RwSignal<Lang>,
) -> impl IntoView {
    let options = (FIRST_YEAR..=LAST_YEAR)
        .map(
            |y| view! { <option value=y.to_string() selected=move || year.get() == y>{y}</option> },
        )
        .collect_view();
    view! {
        <label>
            {move || Msg::FlowYear.text(lang.get())}" "
            <select data-flow-year="" on:change=move |ev| {
                if let Ok(y) = event_target_value(&ev).parse::<u16>() {
                    year.set(y);
                }
            }>{options}</select>
        </label>
        {move || {
            let l = lang.get();
            let all = scenario.with(|s| projection.with(|p| diagrams(s, p, year.get())));
            all.iter().map(|d| diagram(d, l)).collect_view()
        }}
    }
}

fn diagram(d: &Diagram, lang: Lang) -> impl IntoView {
    let lay = layout(d, 920.0, 300.0);
    let (unit, f) = display_unit(d.unit, lang);
    let label = |id: &str| {
        d.nodes
            .iter()
            .find(|n| n.id == id)
            .map_or("", |n| n.label.get(lang))
    };
    let num = |v: f64| group(v * f, decimals(v * f, Precision::Value));
    let title = d.title.get(lang);
    let bands = lay
        .links
        .iter()
        .map(|b| {
            let tip = format!("{} → {}: {} {unit}", label(b.from), label(b.to), num(b.value));
            view! { <path d=b.d.clone() class="band" class:muted=b.muted><title>{tip}</title></path> }
        })
        .collect_view();
    let nodes = lay
        .nodes
        .iter()
        .map(|n| {
            let text = format!("{} {}", label(n.id), num(n.value));
            view! {
                <g class="node" class:muted=n.muted data-node=n.id>
                    <rect x=format!("{:.1}", n.x) y=format!("{:.1}", n.y) width=format!("{:.1}", n.w) height=format!("{:.1}", n.h)></rect>
                    <text x=format!("{:.1}", n.x + n.w + 4.0) y=format!("{:.1}", n.y + n.h / 2.0 + 4.0)>{text}</text>
                </g>
            }
        })
        .collect_view();
    view! {
        <figure class="flow" data-flow=d.id>
            <figcaption>{format!("{title} ({unit})")}</figcaption>
            <svg viewBox=format!("-2 -2 {:.0} {:.0}", lay.width + 4.0, lay.height + 4.0) role="img" aria-label=title class="sankey">
                {bands}{nodes}
            </svg>
        </figure>
    }
}
