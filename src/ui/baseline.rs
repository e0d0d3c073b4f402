//! The market baseline (issue 25, item 3): which market world the scenario runs in — prices and steel demand
//! from 2025, low / central / high (`vtre_model::baselines`, with sources in `crates/model/data/baselines.csv`).
//! A change is one undoable edit and travels in the share link (`,base:low`) and scenario JSON
//! (`"baseline": "low"`); `central` is the reference's and writes nothing.
//!
//! `<BaselinePicker/>` needs the `LangCtx` and `Edit` contexts (as the lever panel's policy-start control);
//! mount it in the lever panel's head, beside the policy start year.

use super::state::t;
use super::state::Edit;
use super::state::LangCtx;
use leptos::prelude::*;
use vtre_i18n::Msg;
use vtre_model::{BaselineId, Scenario, BASELINES};

/// A choice of market baseline, bound to the scenario. Carries `data-market="<key>"` (the hook the tests
/// read) and the class `changed` when it is not the reference's.
#[component]
pub fn BaselinePicker() -> impl IntoView {
    let LangCtx(lang) = expect_context();
    let edit: Edit = expect_context();
    let row = NodeRef::<leptos::html::Div>::new();
    // The select's value, its `data-market` and the row's highlight follow the scenario (undo, a loaded
    // link): one effect, as the policy start year does.
    Effect::new(move |_| {
        let key = edit.scenario.with(Scenario::baseline).key();
        let Some(row) = row.get() else { return };
        if let Some(sel) = row.query_selector("select").ok().flatten() {
            let _ = js_sys::Reflect::set(&sel, &"value".into(), &key.into());
            let _ = sel.set_attribute("data-market", key);
        }
        let _ = row
            .class_list()
            .toggle_with_force("changed", key != BaselineId::CENTRAL.key());
    });
    view! {
        <div class="baseline-picker" node_ref=row>
            <label for="market-baseline">{t(lang, Msg::MarketBaseline)}</label>
            <select id="market-baseline" data-market="central" aria-describedby="market-baseline-hint"
                on:change=move |ev| {
                    if let Some(b) = BaselineId::from_key(&event_target_value(&ev)) {
                        edit.step(|s| s.set_baseline(b));
                    }
                }>
                {BASELINES.iter().map(|b| view! {
                    <option value=b.key>{super::state::tx(lang, b.label)}</option>
                }).collect_view()}
            </select>
            <p class="hint" id="market-baseline-hint">{t(lang, Msg::MarketBaselineHint)}</p>
        </div>
    }
}
