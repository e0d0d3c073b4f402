//! The headline strip: 2025 output value, 2030 CO2, peak year, targets met "n / N".

use super::{LangCtx, ProjectionCtx};
use leptos::prelude::*;
use vtre_i18n::{decimals, display_unit, group, quantity, Msg, Precision};
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
    let ens: super::state::EnsembleCtx = expect_context();
    let root = NodeRef::<leptos::html::Section>::new();
    // The 10–90 % range of the output value and CO2 figures, written by one effect once the current
    // scenario's ensemble is ready (empty while it runs).
    Effect::new(move |_| {
        let l = lang.get();
        let Some(root) = root.get() else { return };
        ens.current.with(|c| {
            for (i, (series, year)) in [(S::OutputValueTotal, 2025u16), (S::Co2Total, 2030)]
                .into_iter()
                .enumerate()
            {
                let sel = format!("[data-headline=\"{}\"]", ITEMS[i].0);
                let Some(el) = root.query_selector(&sel).ok().flatten() else {
                    continue;
                };
                let q = c
                    .as_ref()
                    .and_then(|c| c.quantiles(series))
                    .map(|q| q[usize::from(year - vtre_model::series::FIRST_YEAR)]);
                let f = display_unit(ITEMS[i].2, l).1;
                let n = |v: f64| group(v * f, decimals(v * f, Precision::Value));
                let text = q.map(|q| format!(" ({}–{})", n(q.p10), n(q.p90)));
                for (name, v) in [
                    ("data-p10", q.map(|q| q.p10)),
                    ("data-p90", q.map(|q| q.p90)),
                ] {
                    let _ = match v {
                        Some(v) => el.set_attribute(name, &v.to_string()),
                        None => el.remove_attribute(name),
                    };
                }
                let _ = el.set_attribute("title", Msg::RangeHint.text(l));
                if let Some(span) = el.query_selector(".range").ok().flatten() {
                    span.set_text_content(text.as_deref());
                }
            }
        });
    });
    // Plain closures, not memos: each is a cheap read, and every memo call site costs wasm size.
    let overrides = move || scenario.with(|s| s.overrides().len());
    let scored = TARGETS
        .iter()
        .filter(|t| t.rule != vtre_model::targets::Rule::Unquantified)
        .count();
    view! {
        <section class="headline" node_ref=root aria-label=move || if lang.get().zh() { "关键指标" } else { "Headline figures" }>
            {ITEMS.iter().enumerate().map(|(i, &(id, label, unit))| {
                let raw = move || p.with(|p| figure(p, i));
                view! {
                    <div class="headline-item">
                        <span class="headline-label">{super::t(lang, label)}</span>
                        <strong class="headline-value" data-headline=id data-value=move || raw().to_string() aria-live="polite">
                            {move || if i == 3 { format!("{} / {scored}", raw()) } else { quantity(raw(), unit, lang.get()) }}
                            <span class="range"></span>
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
