//! Contributions: a scenario's change from the reference in one result, split among its changes (Shapley
//! values, `vtre contributions`), for the current scenario or a compared one.

use super::bars::{width_of, BarsView};
use super::{input_label, lever_value, measure, signed, MeasurePicks, Page, Progress, Slot};
use crate::ui::state::worker::Event;
use crate::ui::state::CompareCtx;
use leptos::html::Div;
use leptos::prelude::*;
use vtre_analysis::{Contributions, Input, Method};
use vtre_charts::palette::{GREY, INK, STEEL, VANADIUM};
use vtre_charts::{bars_layout, BarChart, BarRow};
use vtre_codec::worker::{Answer, Job};
use vtre_i18n::{display_unit, quantity, Lang, Msg};

/// The waterfall: the reference, each change (largest first) from where the previous one ended, and the
/// scenario.
fn chart(c: &Contributions, unit: &'static str, label: &str, name: &str, l: Lang) -> BarChart {
    let f = display_unit(unit, l).1;
    let mut parts = c.parts.clone();
    // Largest contributions first (the path changes, the end does not: the parts add up).
    vtre_model::small_sort::sort_by(&mut parts, |a, b| {
        b.contribution.abs().total_cmp(&a.contribution.abs())
    });
    let mut cum = c.reference;
    let mut lowest = c.reference.min(c.scenario);
    let mut highest = c.reference.max(c.scenario);
    let mut steps = vec![];
    for p in &parts {
        let from = cum;
        cum += p.contribution;
        lowest = lowest.min(cum);
        highest = highest.max(cum);
        steps.push((p, from, cum));
    }
    // Totals start a little below the lowest point, so the changes are not dwarfed by them.
    let base = lowest - (highest - lowest).max(highest.abs() * 0.02) * 0.6;
    let mut rows = vec![BarRow {
        label: Msg::ReferenceScenario.text(l).into(),
        note: quantity(c.reference, unit, l),
        segments: vec![(base * f, c.reference * f, GREY)],
        total: true,
    }];
    for (p, from, to) in steps {
        let range = match p.input {
            Input::Lever(id) => format!(
                "{} → {}",
                lever_value(id, p.from, l),
                lever_value(id, p.to, l)
            ),
            Input::Param(_) => {
                let n = |v: f64| {
                    vtre_i18n::group(v, vtre_i18n::decimals(v, vtre_i18n::Precision::Assumption))
                };
                format!("{} → {}", n(p.from), n(p.to))
            }
        };
        rows.push(BarRow {
            label: format!("{} ({range})", input_label(p.input, l)),
            note: signed(p.contribution, unit, l),
            segments: vec![(
                from * f,
                to * f,
                if p.contribution < 0.0 {
                    STEEL
                } else {
                    VANADIUM
                },
            )],
            total: false,
        });
    }
    rows.push(BarRow {
        label: name.to_string(),
        note: format!(
            "{} ({})",
            quantity(c.scenario, unit, l),
            signed(c.total(), unit, l)
        ),
        segments: vec![(base * f, c.scenario * f, INK)],
        total: true,
    });
    BarChart {
        title: format!("{}: {label}", Msg::Contributions.text(l)),
        rows,
        marker: None,
        legend: vec![
            (VANADIUM, Msg::Increase.text(l).into()),
            (STEEL, Msg::Decrease.text(l).into()),
        ],
    }
}

fn method_text(c: &Contributions, l: Lang) -> String {
    match c.method {
        Method::Exact => Msg::ExactRuns
            .text(l)
            .replace("{runs}", &c.runs.to_string()),
        Method::Sampled { permutations, .. } => Msg::SampledRuns
            .text(l)
            .replace("{m}", &permutations.to_string())
            .replace("{runs}", &c.runs.to_string()),
    }
}

/// How much of the change comes from the changes acting together (`Contributions::interaction`), as a
/// sentence: reinforcing (the interaction goes the way of the changes made alone, or they act only
/// together), partly cancelling, or
/// barely any (under 0.5 % of the larger of the total and the sum alone).
fn interaction_text(c: &Contributions, unit: &str, l: Lang) -> String {
    let (alone, inter) = (c.sum_alone(), c.interaction());
    let msg = if inter.abs() <= 0.005 * c.total().abs().max(alone.abs()) {
        Msg::WaterfallNoInteraction
    } else if inter * alone >= 0.0 {
        Msg::WaterfallReinforce
    } else {
        Msg::WaterfallCancel
    };
    msg.text(l)
        .replace("{alone}", &signed(alone, unit, l))
        .replace("{interaction}", &signed(inter, unit, l))
}

#[component]
pub fn Waterfall() -> impl IntoView {
    let page: Page = expect_context();
    let lang = page.lang;
    let CompareCtx(compare) = expect_context();
    let super::AnalysisCtx(wf_pick) = expect_context();
    let code = RwSignal::new("s:co2_total".to_string());
    let year = RwSignal::new(2030u16);
    // Which scenario: `None` the current one, `Some(i)` the i-th compared one (the compare view may ask).
    let which = RwSignal::new(wf_pick.try_update(Option::take).flatten());
    let result = RwSignal::new(None::<Contributions>);
    let progress = RwSignal::new(None::<(usize, usize)>);
    let slot = Slot::new();
    Effect::new(move |_| {
        let Some((m, _, _)) = measure(&code.get(), year.get(), Lang::Zh) else {
            return;
        };
        let s = match which.get() {
            Some(i) => compare.with(|c| c.get(i).map(|x| x.scenario.clone())),
            None => Some(page.edit.scenario.get()),
        };
        let Some(s) = s else {
            // The compared scenario is gone: back to the current one.
            which.set(None);
            return;
        };
        result.set(None);
        progress.set(None);
        slot.start(
            Job::Contributions {
                scenario: s,
                measure: m,
                seed: crate::ENSEMBLE_SEED,
            },
            move |e| match e {
                Event::Progress(d, t) => {
                    progress.try_set(Some((d, t)));
                }
                Event::Done(Answer::Contributions(c)) => {
                    progress.try_set(None);
                    result.try_set(Some(c));
                }
                _ => {}
            },
        );
    });
    let host = NodeRef::<Div>::new();
    let name = move |l: Lang| match which.get() {
        Some(i) => compare
            .with(|c| c.get(i).map(|x| x.label(l)))
            .unwrap_or_default(),
        None => Msg::CurrentScenario.text(l).to_string(),
    };
    let drawn = move || {
        let l = lang.get();
        let (_, unit, label) = measure(&code.get(), year.get(), l)?;
        let n = name(l);
        result.with(|c| {
            c.as_ref().map(|c| {
                if c.parts.is_empty() {
                    view! { <p>{Msg::NoChanges.text(l)}</p> }.into_any()
                } else {
                    let layout = bars_layout(&chart(c, unit, &label, &n, l), width_of(host.get_untracked()));
                    view! {
                        <BarsView layout=layout/>
                        <p class="note" data-parts=c.parts.len() data-sum=c.sum().to_string() data-total=c.total().to_string()>
                            {method_text(c, l)}</p>
                        {(c.parts.len() > 1).then(|| view! {
                            <p class="note" data-interaction=c.interaction().to_string() data-sum-alone=c.sum_alone().to_string()>
                                {interaction_text(c, unit, l)}</p>
                        })}
                    }
                    .into_any()
                }
            })
        })
    };
    view! {
        <section class="analysis-part" aria-labelledby="waterfall-title">
            <h3 id="waterfall-title">{page.w("waterfall_title")}</h3>
            <p>{page.w("waterfall_text")}</p>
            <div class="picks">
                <label class="pick">{page.w("scenario")}" "
                    <select data-pick="wf-scenario"
                        prop:value=move || which.get().map_or("current".to_string(), |i| format!("cmp{i}"))
                        on:change=move |ev| which.set(event_target_value(&ev).strip_prefix("cmp").and_then(|i| i.parse().ok()))>
                        <option value="current">{move || Msg::CurrentScenario.text(lang.get())}</option>
                        {move || compare.with(|c| c.iter().enumerate().map(|(i, x)| view! {
                            <option value=format!("cmp{i}")>{x.label(lang.get())}</option>
                        }).collect_view())}
                    </select>
                </label>
                <MeasurePicks name="wf" code=code year=year/>
            </div>
            <Progress name="waterfall" at=progress/>
            <div class="result" data-result="waterfall" aria-live="polite" node_ref=host>
                {move || drawn().unwrap_or_else(|| view! { <p class="pending">{Msg::Computing.text(lang.get())}</p> }.into_any())}
            </div>
        </section>
    }
}
