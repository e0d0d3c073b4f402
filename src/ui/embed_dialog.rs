//! The "Embed" panel of the full app: pick charts, levers and language; get the `<iframe>` snippet for the
//! current scenario.

use super::state::{url_with, Edit};
use super::LangCtx;
use leptos::prelude::*;
use vtre_charts::ChartId;
use vtre_i18n::{Lang, Msg};
use vtre_model::{LeverId, LEVERS};

/// The widget URL for these choices.
pub fn widget_url(
    charts: &[ChartId],
    levers: &[LeverId],
    lang: Lang,
    s: &vtre_model::Scenario,
) -> String {
    let join = |v: Vec<&str>| v.join(",");
    url_with(&[
        ("view", None),
        ("sec", None),
        ("embed", Some("1".into())),
        (
            "charts",
            Some(join(charts.iter().map(|c| c.key()).collect())),
        ),
        (
            "levers",
            Some(join(levers.iter().map(|l| l.key()).collect())),
        ),
        ("lang", Some(lang.key().into())),
        ("s", Some(vtre_codec::link::encode(s))),
    ])
}

fn attr_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

#[component]
pub fn EmbedDialog(open: RwSignal<bool>) -> impl IntoView {
    let LangCtx(lang) = expect_context();
    let edit: Edit = expect_context();
    let charts = RwSignal::new(vec![ChartId::OutputValue, ChartId::Co2]);
    let levers = RwSignal::new(vec![
        LeverId::EafSwap,
        LeverId::EnergyQuota,
        LeverId::ReQuota,
    ]);
    let wlang = RwSignal::new(lang.get_untracked());
    let height = RwSignal::new(720u32);
    let snippet = move || {
        // Only while the dialog is open: a lever move does not rebuild a snippet nobody sees.
        if !open.get() {
            return String::new();
        }
        let url = edit
            .scenario
            .with(|s| widget_url(&charts.get(), &levers.get(), wlang.get(), s));
        format!(
            "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"{}\" loading=\"lazy\" referrerpolicy=\"origin\"></iframe>",
            attr_escape(&url),
            attr_escape(Msg::EmbedTitle.text(wlang.get())),
            height.get()
        )
    };
    let toggle_chart = move |c: ChartId| {
        charts.update(|v| {
            if let Some(i) = v.iter().position(|x| *x == c) {
                v.remove(i);
            } else {
                v.push(c);
            }
        })
    };
    let toggle_lever = move |l: LeverId| {
        levers.update(|v| {
            if let Some(i) = v.iter().position(|x| *x == l) {
                v.remove(i);
            } else {
                v.push(l);
            }
        })
    };
    view! {
        <section id="embed-panel" class="embed-panel" hidden=move || !open.get() aria-label=super::t(lang, Msg::Embed)>
            <p>{super::t(lang, Msg::EmbedIntro)}</p>
            <fieldset><legend>{super::t(lang, Msg::EmbedCharts)}</legend>
                {ChartId::ALL.into_iter().map(|c| view! {
                    <label class="check"><input type="checkbox" data-embed-chart=c.key() prop:checked=move || charts.with(|v| v.contains(&c)) on:change=move |_| toggle_chart(c)/>
                        {move || c.title(lang.get())}</label>
                }).collect_view()}
            </fieldset>
            <fieldset><legend>{super::t(lang, Msg::EmbedLevers)}</legend>
                <div class="embed-levers">
                {LEVERS.iter().map(|l| { let id = l.id; view! {
                    <label class="check"><input type="checkbox" data-embed-lever=l.key prop:checked=move || levers.with(|v| v.contains(&id)) on:change=move |_| toggle_lever(id)/>
                        {move || l.label.get(lang.get())}</label>
                }}).collect_view()}
                </div>
            </fieldset>
            <div class="embed-row">
                <label>{super::t(lang, Msg::EmbedLang)}" "
                    <select data-embed-lang="" on:change=move |ev| { if let Some(l) = Lang::from_code(&event_target_value(&ev)) { wlang.set(l) } }>
                        <option value="zh" selected=move || wlang.get() == Lang::Zh>"中文"</option>
                        <option value="en" selected=move || wlang.get() == Lang::En>"English"</option>
                    </select></label>
                <label>{super::t(lang, Msg::EmbedHeight)}" "
                    <input type="number" min="300" max="3000" step="10" prop:value=move || height.get().to_string()
                        on:change=move |ev| { if let Ok(h) = event_target_value(&ev).parse::<u32>() { height.set(h.clamp(300, 3000)) } }/></label>
            </div>
            <label for="embed-snippet">{super::t(lang, Msg::EmbedSnippet)}</label>
            <textarea id="embed-snippet" data-embed-snippet="" readonly rows="4" prop:value=snippet></textarea>
            <button data-action="copy-snippet" on:click=move |_| {
                if let Some(w) = web_sys::window() { let _ = w.navigator().clipboard().write_text(&untrack(snippet)); }
            }>{super::t(lang, Msg::CopySnippet)}</button>
        </section>
    }
}
