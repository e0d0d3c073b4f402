//! The printed workshop handout's header: scenario name, the levers that differ from the reference, and the
//! share link. Shown only in print (the print stylesheet prints it with the scorecard and the charts), so it
//! is built when the browser is about to print (`beforeprint`) and not kept current on every lever move.
//! Its QR code is the worker's (state/qr.rs): once the worker runs, the code of the current link is asked for
//! when the scenario has settled (its ensemble is ready), so a print from the browser's menu has it; a code of
//! another link is never printed.

use super::state::t;
use super::state::Edit;
use super::state::LangCtx;
use leptos::prelude::*;
use vtre_i18n::{group, Msg};
use vtre_model::levers::spec;
use vtre_model::presets::PRESETS;

#[component]
pub fn Handout() -> impl IntoView {
    let edit: Edit = expect_context();
    let LangCtx(lang) = expect_context();
    let super::state::CompareCtx(compare) = expect_context();
    let super::state::ProjectionCtx(projection) = expect_context();
    let tr = move |m: Msg| m.text(lang.get());
    let printing = RwSignal::new(false);
    let qr: super::state::QrCtx = expect_context();
    let super::state::worker::WorkerCtx(worker) = expect_context();
    let link = move || {
        edit.scenario.with(|s| {
            projection.with(|p| compare.with(|c| super::toolbar::share_url(s, p, c, lang.get())))
        })
    };
    // A print from the browser's menu: the code is printed if it is made (asked for here for the next
    // print, since the browser prints what is shown now).
    // The listener outlives a core module that has handed the page over (its signals are gone then).
    let _before = window_event_listener(leptos::ev::beforeprint, move |_| {
        if super::handover::retired() {
            return;
        }
        printing.set(true);
        qr.want(&untrack(link));
    });
    // Keeps the code current in the background, only once the worker runs anyway (never starting it): when
    // the scenario has settled — its ensemble is ready, so a drag sets no timer per move — and when the
    // comparison or the language (both in the link) change.
    let ens: super::state::EnsembleCtx = expect_context();
    Effect::new(move |_| {
        let settled = ens.current.with(Option::is_some);
        compare.track();
        lang.track();
        if settled && worker.get() == super::state::worker::WorkerStatus::Ready {
            qr.want(&untrack(link));
        }
    });

    let _after = window_event_listener(leptos::ev::afterprint, move |_| printing.set(false));
    move || {
        printing.get().then(|| view! {
        <section class="print-only handout" aria-hidden="true">
            <h2>{t(lang, Msg::HandoutTitle)}": "{move || {
                let s = edit.scenario.get();
                PRESETS.iter().find(|p| p.scenario() == s).map_or_else(|| tr(Msg::Custom).to_string(), |p| p.label.get(lang.get()).to_string())
            }}</h2>
            <h3>{t(lang, Msg::ChangedLevers)}</h3>
            {move || {
                let cur = lang.get();
                let changed: Vec<_> = edit.scenario.with(|s| s.changed_levers().collect());
                if changed.is_empty() {
                    view! { <p>{tr(Msg::NoChanges)}</p> }.into_any()
                } else {
                    view! { <ul>{changed.into_iter().map(|(id, v)| {
                        let l = spec(id);
                        let dec = if l.step < 1.0 { 2 } else { 0 };
                        view! { <li>{format!("{}: {} {} ({} {})", l.label.get(cur), group(v, dec), l.unit.get(cur), tr(Msg::ReferenceValue), group(l.default, dec))}</li> }
                    }).collect_view()}</ul> }.into_any()
                }
            }}
            {move || {
                let y = edit.scenario.with(vtre_model::Scenario::start_year);
                (y != vtre_model::scenario::POLICY_FROM_DEFAULT).then(|| view! {
                    <p class="handout-policy">{format!("{}{} {y}", tr(Msg::PolicyFrom), if lang.get().zh() { "：" } else { ":" })}</p>
                })
            }}
            {move || {
                let n = edit.scenario.with(|s| s.overrides().len());
                (n > 0).then(|| view! { <p class="handout-overrides" data-handout-overrides=n.to_string()>{Msg::OverridesCount.text(lang.get()).replace("{n}", &n.to_string())}": "
                    {edit.scenario.with(|s| s.overrides().iter().map(|(id, v)| format!("{} = {}", id.key(), v)).collect::<Vec<_>>().join("; "))}</p> })
            }}
            {move || {
                let link = link();
                let src = match qr.of(&link) {
                    Some(super::state::Qr::Made(src)) => Some(src),
                    _ => None,
                };
                view! {
                    {src.map(|src| view! { <img class="qr" data-handout-qr="" src=src alt=tr(Msg::QrAlt)/> })}
                    <p class="share">{link}</p>
                }
            }}
            <p class="muted">{move || format!("{}: {}", tr(Msg::Printed), js_sys::Date::new_0().to_iso_string().as_string().unwrap_or_default().chars().take(10).collect::<String>())}</p>
        </section>
    })
    }
}
