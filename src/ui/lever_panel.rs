//! The lever panel: the policy start year, then the levers grouped as the guideline's chains, each group
//! collapsible.

use super::lever::Lever;
use super::state::t;
use super::state::Edit;
use super::state::LangCtx;
use leptos::prelude::*;
use vtre_i18n::Msg;
use vtre_model::levers::{LeverGroup, LEVERS};
use vtre_model::scenario::{POLICY_FROM_DEFAULT, POLICY_FROM_LATEST};
use vtre_model::Scenario;

/// The year the scenario's policy starts (2020–2030): one undoable edit per change, carried in the share link
/// (`,from:2026`). Years before it follow history.
#[component]
fn PolicyFrom() -> impl IntoView {
    let LangCtx(lang) = expect_context();
    let edit: Edit = expect_context();
    let row = NodeRef::<leptos::html::Div>::new();
    // The select's value, its `data-policy-from` and the row's highlight follow the scenario (undo, a
    // loaded link): written by one effect rather than three reactive attributes (less wasm), and only when
    // the year changes — not on every lever move (each write re-selects an option and restyles the panel).
    Effect::new(move |written: Option<u16>| {
        let y = edit.scenario.with(Scenario::start_year);
        if written == Some(y) {
            return y;
        }
        let Some(row) = row.get() else { return 0 };
        let y_text = y.to_string();
        if let Some(sel) = row.query_selector("select").ok().flatten() {
            let _ = js_sys::Reflect::set(&sel, &"value".into(), &y_text.as_str().into());
            let _ = sel.set_attribute("data-policy-from", &y_text);
        }
        let _ = row
            .class_list()
            .toggle_with_force("changed", y != POLICY_FROM_DEFAULT);
        y
    });
    view! {
        <div class="policy-from" node_ref=row>
            <label for="policy-from">{t(lang, Msg::PolicyFrom)}</label>
            <select id="policy-from" data-policy-from="2020" aria-describedby="policy-from-hint"
                on:change=move |ev| {
                    if let Ok(y) = event_target_value(&ev).parse::<u16>() {
                        edit.step(|s| {
                            s.set_start_year(y);
                        });
                    }
                }>
                {(POLICY_FROM_DEFAULT..=POLICY_FROM_LATEST).map(|y| view! { <option value=y.to_string()>{y}</option> }).collect_view()}
            </select>
            <p class="hint" id="policy-from-hint">{t(lang, Msg::PolicyFromHint)}</p>
        </div>
    }
}

#[component]
pub fn LeverPanel() -> impl IntoView {
    let LangCtx(lang) = expect_context();
    let edit: Edit = expect_context();
    let scenario = edit.scenario;
    let changed = move || {
        scenario.with(|s| {
            s.changed_levers().count() + usize::from(s.start_year() != POLICY_FROM_DEFAULT)
        })
    };
    // On a phone only the first group starts open, so the charts are a short scroll away.
    let wide = window()
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .is_none_or(|w| w > 820.0);
    // Keyboard and screen-reader users get each lever's explanation (its aria-describedby) from the notes
    // page: ask for it on the first focus inside the panel.
    let notes: super::notes::NotesCtx = expect_context();
    view! {
        <aside class="levers" aria-labelledby="levers-title" on:focusin=move |_| notes.want(lang.get_untracked())>
            <div class="levers-head">
                <h2 id="levers-title">{t(lang, Msg::Levers)}</h2>
                <button class="reset-all" data-action="reset-all"
                    disabled=move || changed() == 0
                    on:click=move |_| edit.replace(Scenario::reference())>
                    {t(lang, Msg::ResetAll)}
                </button>
            </div>
            <PolicyFrom/>
            {LeverGroup::ALL.into_iter().enumerate().map(|(i, g)| {
                // A closed group's levers are built when it is first opened (and kept): on a phone, where all
                // but the first start closed, the app's first task builds a quarter of the panel.
                let shown = RwSignal::new(wide || i == 0);
                view! {
                    <details class="lever-group" open=wide || i == 0 data-group=g.id()
                        on:toggle=move |ev| {
                            let open = event_target::<web_sys::HtmlDetailsElement>(&ev).open();
                            if open && !shown.get_untracked() { shown.set(true); }
                        }>
                        <summary>{super::state::tx(lang, g.label())}</summary>
                        {move || shown.get().then(|| LEVERS.iter().filter(|l| l.group == g).map(|l| view! { <Lever id=l.id/> }).collect_view())}
                    </details>
                }
            }).collect_view()}
        </aside>
    }
}
