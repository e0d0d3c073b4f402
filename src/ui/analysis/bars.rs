//! A horizontal bar chart (tornado, waterfall) as SVG elements, from the typed marks of
//! `vtre_charts::bars_layout` laid out at the width of its box.

use leptos::prelude::*;
use vtre_charts::{BarLayout, Mark};

/// Props: `layout` — the chart laid out.
#[component]
pub fn BarsView(layout: BarLayout) -> impl IntoView {
    let (w, h) = (layout.width.round(), layout.height.round());
    let marks = layout
        .marks
        .into_iter()
        .map(|m| match m {
            Mark::Line {
                x1,
                y1,
                x2,
                y2,
                color,
                dashed,
            } => view! {
                <line x1=x1 y1=y1 x2=x2 y2=y2 stroke=color stroke-dasharray=dashed.then_some("4 3")/>
            }
            .into_any(),
            Mark::Text {
                x,
                y,
                text,
                anchor,
                color,
                bold,
            } => view! {
                <text x=x y=y text-anchor=anchor fill=color font-weight=bold.then_some("700")>{text}</text>
            }
            .into_any(),
            Mark::Rect { x, y, w, h, color } => {
                view! { <rect x=x y=y width=w height=h fill=color/> }.into_any()
            }
        })
        .collect_view();
    view! {
        <svg xmlns="http://www.w3.org/2000/svg" class="bars" role="img" aria-label=layout.title
            width=w height=h viewBox=format!("0 0 {w} {h}") font-size=layout.font font-family="sans-serif">
            {marks}
        </svg>
    }
}

/// The width to lay a chart out at: its box's, read once when a result arrives (never during a move).
pub fn width_of(el: Option<leptos::web_sys::HtmlDivElement>) -> f64 {
    el.map_or(640.0, |e| f64::from(e.client_width()))
}
