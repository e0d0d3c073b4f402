//! Side-by-side comparison of up to four scenarios with the current one: each target's status per
//! scenario, the levers that differ, and the 2025/2030 headline figures.

use super::state::{CompareCtx, Compared};
use super::t;
use super::{LangCtx, ProjectionCtx};
use leptos::prelude::*;
use vtre_i18n::{group, quantity, Lang, Msg};
use vtre_model::levers::LEVERS;
use vtre_model::series::SeriesId as S;
use vtre_model::{Projection, Status, TARGETS};

fn status_cell(s: Status, lang: Lang) -> String {
    let (icon, m) = match s {
        Status::Met => ("✓", Msg::StatusMet),
        Status::AtRisk => ("!", Msg::StatusAtRisk),
        Status::Missed => ("✗", Msg::StatusMissed),
        Status::Unquantified => ("○", Msg::StatusUnquantified),
    };
    format!("{icon} {}", m.text(lang))
}

#[component]
pub fn CompareView() -> impl IntoView {
    let CompareCtx(compare) = expect_context();
    let LangCtx(lang) = expect_context();
    let ProjectionCtx(current) = expect_context();
    let edit: super::state::Edit = expect_context();
    let tr = move |m: Msg| m.text(lang.get());
    let super::ComparedCtx(projections) = expect_context();

    view! {
        <Show when=move || compare.with(|v| !v.is_empty())>
            <section class="compare" data-compare="" aria-labelledby="compare-title">
                <h2 id="compare-title">{t(lang, Msg::CompareTitle)}</h2>
                <div class="chips">
                    {move || compare.get().into_iter().enumerate().map(|(i, c)| {
                        let color = vtre_charts::COMPARE_COLORS[i];
                        view! {
                            <span class="chip compare-chip" data-compared=i>
                                <span class="swatch" style:background=format!("rgb({},{},{})", color.0, color.1, color.2)></span>
                                {c.label(lang.get())}
                                <button class="icon" aria-label=move || format!("{}: {}", tr(Msg::CompareRemove), c.label(lang.get()))
                                    on:click=move |_| compare.update(|v| { if i < v.len() { v.remove(i); } })>"×"</button>
                            </span>
                        }
                    }).collect_view()}
                </div>
                <div class="table-wrap" tabindex="0">
                    <table class="compare-table">
                        <thead><tr>
                            <th scope="col">{t(lang, Msg::Scorecard)}</th>
                            <th scope="col">{t(lang, Msg::CompareCurrent)}</th>
                            {move || compare.get().iter().map(|c| view! { <th scope="col">{c.label(lang.get())}</th> }).collect_view()}
                        </tr></thead>
                        <tbody>
                            {move || {
                                let l = lang.get();
                                let cur = current.get();
                                let others = projections.get();
                                TARGETS.iter().map(|t| {
                                    let cell = |p: &Projection| p.target(t.id).map(|r| format!("{} · {}", status_cell(r.status, l), quantity(r.value, t.unit, l))).unwrap_or_default();
                                    view! {
                                        <tr data-compare-target=t.key>
                                            <th scope="row">{t.label.get(l)}</th>
                                            <td>{cell(&cur)}</td>
                                            {others.iter().map(|p| view! { <td>{cell(p)}</td> }).collect_view()}
                                        </tr>
                                    }
                                }).collect_view()
                            }}
                        </tbody>
                    </table>
                </div>
                <h3>{t(lang, Msg::DiffLevers)}</h3>
                <div class="table-wrap" tabindex="0">
                    {move || {
                        let l = lang.get();
                        let cur = edit.scenario.get();
                        let list: Vec<Compared> = compare.get();
                        let differing: Vec<_> = LEVERS.iter().filter(|lv| list.iter().any(|c| c.scenario.get(lv.id) != cur.get(lv.id))).collect();
                        let curp = current.get();
                        let others = projections.get();
                        let head = |id: S, y: u16, unit: &'static str| {
                            let label = format!("{} {}", id.label(l), y);
                            let cells = others.iter().map(|p| view! { <td>{quantity(p.at(id, y), unit, l)}</td> }).collect_view();
                            view! { <tr class="headline-row"><th scope="row">{label}</th><td>{quantity(curp.at(id, y), unit, l)}</td>{cells}</tr> }
                        };
                        view! {
                            <table class="diff-table" data-diff="">
                                <tbody>
                                    {differing.is_empty().then(|| view! { <tr><td colspan="6">{Msg::NoDiff.text(l)}</td></tr> })}
                                    {differing.iter().map(|lv| {
                                        let dec = if lv.step < 1.0 { 2 } else { 0 };
                                        view! {
                                            <tr data-diff-lever=lv.key>
                                                <th scope="row">{format!("{} ({})", lv.label.get(l), lv.unit.get(l))}</th>
                                                <td>{group(cur.get(lv.id), dec)}</td>
                                                {list.iter().map(|c| view! { <td>{group(c.scenario.get(lv.id), dec)}</td> }).collect_view()}
                                            </tr>
                                        }
                                    }).collect_view()}
                                    {head(S::OutputValueTotal, 2025, "亿元")}
                                    {head(S::Co2Total, 2030, "Mt")}
                                    {head(S::EnergyTotal, 2025, "万tce")}
                                </tbody>
                            </table>
                        }
                    }}
                </div>
            </section>
        </Show>
    }
}
