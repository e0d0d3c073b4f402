//! The headline strip: 2025 output value, 2030 CO2, peak year, targets met "n / N".

#[allow(unused_imports)]
use super::{t, zh_en};
use super::{LangCtx, ProjectionCtx};
use crate::i18n::{quantity, Msg};
use crate::model::series::SeriesId as S;
use crate::model::{Status, TARGETS};
use leptos::prelude::*;

#[component]
pub fn Headline() -> impl IntoView {
    let ProjectionCtx(p) = expect_context();
    let super::ScenarioCtx(scenario) = expect_context();
    let vc: super::state::ViewCtx = expect_context();
    let overrides = Memo::new(move |_| scenario.with(|s| s.overrides().len()));
    let LangCtx(lang) = expect_context();
    let value = Memo::new(move |_| p.with(|p| p.at(S::OutputValueTotal, 2025)));
    let co2 = Memo::new(move |_| p.with(|p| p.at(S::Co2Total, 2030)));
    let peak = Memo::new(move |_| p.with(|p| p.peak_year));
    let met = Memo::new(move |_| {
        p.with(|p| p.targets.iter().filter(|t| t.status == Status::Met).count())
    });
    let scored = TARGETS
        .iter()
        .filter(|t| t.rule != crate::model::targets::Rule::Unquantified)
        .count();
    let item = move |id: &'static str, label: Msg, raw: Signal<f64>, text: Signal<String>| {
        view! {
            <div class="headline-item">
                <span class="headline-label">{move || label.text(lang.get())}</span>
                <strong class="headline-value" data-headline=id data-value=move || raw.get().to_string() aria-live="polite">
                    {move || text.get()}
                </strong>
            </div>
        }
    };
    view! {
        <section class="headline" aria-label=move || if lang.get().zh() { "关键指标" } else { "Headline figures" }>
            {item("output_value_2025", Msg::HeadlineValue2025, value.into(),
                Signal::derive(move || quantity(value.get(), "亿元", lang.get())))}
            {item("co2_2030", Msg::HeadlineCo22030, co2.into(),
                Signal::derive(move || quantity(co2.get(), "Mt", lang.get())))}
            {item("peak_year", Msg::HeadlinePeak, Signal::derive(move || f64::from(peak.get())),
                Signal::derive(move || quantity(f64::from(peak.get()), "year", lang.get())))}
            {item("targets_met", Msg::HeadlineTargets, Signal::derive(move || met.get() as f64),
                Signal::derive(move || format!("{} / {}", met.get(), scored)))}
            <a class="overrides-badge" data-overrides=move || overrides.get().to_string() hidden=move || overrides.get() == 0
                href="?view=assumptions" on:click=move |ev| { ev.prevent_default(); vc.view.set(super::state::View::Assumptions); }>
                {move || Msg::OverridesCount.text(lang.get()).replace("{n}", &overrides.get().to_string())}</a>
        </section>
    }
}
