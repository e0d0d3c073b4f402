//! The lever panel: levers grouped as the guideline's chains, each group collapsible.

use super::lever::Lever;
use super::state::Edit;
use super::t;
use super::LangCtx;
use leptos::prelude::*;
use vtre_i18n::Msg;
use vtre_model::levers::{LeverGroup, LEVERS};
use vtre_model::Scenario;

#[component]
pub fn LeverPanel() -> impl IntoView {
    let LangCtx(lang) = expect_context();
    let edit: Edit = expect_context();
    let scenario = edit.scenario;
    let changed = move || scenario.with(|s| s.changed_levers().count());
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
            {LeverGroup::ALL.into_iter().enumerate().map(|(i, g)| view! {
                <details class="lever-group" open=wide || i == 0 data-group=g.id()>
                    <summary>{move || g.label().get(lang.get())}</summary>
                    {LEVERS.iter().filter(|l| l.group == g).map(|l| view! { <Lever id=l.id/> }).collect_view()}
                </details>
            }).collect_view()}
        </aside>
    }
}
