//! Side-by-side comparison of up to four scenarios with the current one: each target's status per
//! scenario, the levers that differ, and the 2025/2030 headline figures.

use super::state::t;
use super::state::{CompareCtx, Compared};
use super::state::{LangCtx, ProjectionCtx};
use leptos::prelude::*;
use vtre_i18n::{quantity, Lang, Msg};
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
    let super::state::ComparedCtx(projections) = expect_context();
    let ens: super::state::EnsembleCtx = expect_context();
    let super::analysis::AnalysisCtx(wf_pick) = expect_context();
    let vc: super::state::ViewCtx = expect_context();

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
                                // Its contributions waterfall on the analysis page.
                                <button class="link" data-action="contributions" on:click=move |_| {
                                    wf_pick.set(Some(i));
                                    vc.reveal.set(Some(super::state::Reveal::Selector("[data-result=\"waterfall\"]".into())));
                                    vc.view.set(super::state::View::Analysis);
                                }>{t(lang, Msg::Contributions)}</button>
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
                                // Each scenario's own ensemble: the chance it meets the target (computed after
                                // the current scenario's; "…" until then).
                                let cur_odds = ens.current.get().map(|c| std::sync::Arc::new(c.odds.clone()));
                                let odds: Vec<_> = compare.get().iter().map(|c| ens.compared_odds(&c.scenario)).collect();
                                TARGETS.iter().map(|t| {
                                    let cell = |p: &Projection, o: &Option<std::sync::Arc<Vec<vtre_analysis::TargetOdds>>>| {
                                        let mut text = p.target(t.id).map(|r| format!("{} · {}", status_cell(r.status, l), quantity(r.value, t.unit, l))).unwrap_or_default();
                                        if t.rule != vtre_model::targets::Rule::Unquantified {
                                            let chance = o.as_ref().and_then(|o| super::state::probability(o, t.id));
                                            text += &format!(" · {} {}", Msg::ChanceMet.text(l), chance.map_or_else(|| "…".into(), vtre_i18n::percent));
                                        }
                                        view! { <td>{text}</td> }
                                    };
                                    view! {
                                        <tr data-compare-target=t.key>
                                            <th scope="row">{t.label.get(l)}</th>
                                            {cell(&cur, &cur_odds)}
                                            {others.iter().zip(&odds).map(|(p, o)| cell(p, o)).collect_view()}
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
                                <thead><tr>
                                    <th scope="col">{Msg::DiffColumnLever.text(l)}</th>
                                    <th scope="col">{Msg::CompareCurrent.text(l)}</th>
                                    {list.iter().map(|c| view! { <th scope="col">{c.label(l)}</th> }).collect_view()}
                                </tr></thead>
                                <tbody>
                                    {differing.is_empty().then(|| view! { <tr><td colspan="6">{Msg::NoDiff.text(l)}</td></tr> })}
                                    {differing.iter().map(|lv| {
                                        // A switch reads on/off, not 1/0; a share as a percent.
                                        let value = move |v: f64| if lv.is_switch() {
                                            if v >= 0.5 { Msg::On.text(l).to_string() } else { Msg::Off.text(l).to_string() }
                                        } else {
                                            vtre_i18n::lever_value(lv, v, l)
                                        };
                                        let name = lv.label.get(l).to_string();
                                        view! {
                                            <tr data-diff-lever=lv.key>
                                                <th scope="row">{name}</th>
                                                <td>{value(cur.get(lv.id))}</td>
                                                {list.iter().map(|c| view! { <td>{value(c.scenario.get(lv.id))}</td> }).collect_view()}
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
