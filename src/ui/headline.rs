//! The headline strip: 2025 output value, 2030 CO2, peak year, targets met "n / N".

use super::{LangCtx, ProjectionCtx};
use leptos::prelude::*;
use vtre_i18n::{quantity, Msg};
use vtre_model::series::SeriesId as S;
use vtre_model::{Status, TARGETS};

/// The four headline figures: (hook id, label, unit for formatting).
const ITEMS: [(&str, Msg, &str); 4] = [
    ("output_value_2025", Msg::HeadlineValue2025, "亿元"),
    ("co2_2030", Msg::HeadlineCo22030, "Mt"),
    ("peak_year", Msg::HeadlinePeak, "year"),
    ("targets_met", Msg::HeadlineTargets, ""),
];

fn figure(p: &vtre_model::Projection, i: usize) -> f64 {
    match i {
        0 => p.at(S::OutputValueTotal, 2025),
        1 => p.at(S::Co2Total, 2030),
        2 => f64::from(p.peak_year),
        _ => p.targets.iter().filter(|t| t.status == Status::Met).count() as f64,
    }
}

#[component]
pub fn Headline() -> impl IntoView {
    let ProjectionCtx(p) = expect_context();
    let super::ScenarioCtx(scenario) = expect_context();
    let vc: super::state::ViewCtx = expect_context();
    let LangCtx(lang) = expect_context();
    // Plain closures, not memos: each is a cheap read, and every memo call site costs wasm size.
    let overrides = move || scenario.with(|s| s.overrides().len());
    let scored = TARGETS
        .iter()
        .filter(|t| t.rule != vtre_model::targets::Rule::Unquantified)
        .count();
    view! {
        <section class="headline" aria-label=move || if lang.get().zh() { "关键指标" } else { "Headline figures" }>
            {ITEMS.iter().enumerate().map(|(i, &(id, label, unit))| {
                let raw = move || p.with(|p| figure(p, i));
                view! {
                    <div class="headline-item">
                        <span class="headline-label">{super::t(lang, label)}</span>
                        <strong class="headline-value" data-headline=id data-value=move || raw().to_string() aria-live="polite">
                            {move || if i == 3 { format!("{} / {scored}", raw()) } else { quantity(raw(), unit, lang.get()) }}
                        </strong>
                    </div>
                }
            }).collect_view()}
            <a class="overrides-badge" data-overrides=move || overrides().to_string() hidden=move || overrides() == 0
                href="?view=assumptions" on:click=move |ev| { ev.prevent_default(); vc.view.set(super::state::View::Assumptions); }>
                {move || Msg::OverridesCount.text(lang.get()).replace("{n}", &overrides().to_string())}</a>
        </section>
    }
}
