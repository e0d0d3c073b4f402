//! The "Embed" panel of the full app: pick charts, levers and language; get the `<iframe>` snippet for the
//! current scenario.

use super::state::LangCtx;
use super::state::{url_with, Edit};
use leptos::prelude::*;
use vtre_charts::ChartId;
use vtre_codec::link::ScorecardMode;
use vtre_i18n::{Lang, Msg};
use vtre_model::{LeverId, LEVERS};

/// The widget URL for these choices.
pub fn widget_url(
    charts: &[ChartId],
    levers: &[LeverId],
    scorecard: ScorecardMode,
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
        ("scorecard", Some(scorecard.key().into())),
        ("lang", Some(lang.key().into())),
        ("s", Some(vtre_codec::link::encode(s))),
        ("c", None),
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
    let scorecard = RwSignal::new(ScorecardMode::Summary);
    let height = RwSignal::new(720u32);
    // The preview: the widget as the portal will show it, at a column width the editor picks; its own height
    // message gives the snippet's height (the frame fits without a script; with the script it follows).
    let preview_width = RwSignal::new(360u32);
    let preview = NodeRef::<leptos::html::Iframe>::new();
    let measured = RwSignal::new(None::<u32>);
    let _heights = window_event_listener(leptos::ev::message, move |ev| {
        let from_preview = preview
            .get_untracked()
            .and_then(|f| f.content_window())
            .zip(ev.source())
            .is_some_and(|(w, s)| js_sys::Object::is(&w, &s));
        if !from_preview {
            return;
        }
        let data = ev.data();
        let field = |k: &str| js_sys::Reflect::get(&data, &k.into()).ok();
        if field("type").and_then(|t| t.as_string()).as_deref() == Some("vtre:height") {
            if let Some(h) = field("height").and_then(|h| h.as_f64()) {
                let h = (h.round() as u32).clamp(200, 6000);
                measured.set(Some(h));
                height.set(h);
            }
        }
    });
    let url = move || {
        edit.scenario.with(|s| {
            widget_url(
                &charts.get(),
                &levers.get(),
                scorecard.get(),
                wlang.get(),
                s,
            )
        })
    };
    let snippet = move || {
        // Only while the dialog is open: a lever move does not rebuild a snippet nobody sees.
        if !open.get() {
            return String::new();
        }
        let url = url();
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
        <section id="embed-panel" class="embed-panel" hidden=move || !open.get() aria-label=super::state::t(lang, Msg::Embed)>
            <p>{super::state::t(lang, Msg::EmbedIntro)}</p>
            <fieldset><legend>{super::state::t(lang, Msg::EmbedCharts)}</legend>
                {ChartId::ALL.into_iter().map(|c| view! {
                    <label class="check"><input type="checkbox" data-embed-chart=c.key() prop:checked=move || charts.with(|v| v.contains(&c)) on:change=move |_| toggle_chart(c)/>
                        {move || c.title(lang.get())}</label>
                }).collect_view()}
            </fieldset>
            <fieldset><legend>{super::state::t(lang, Msg::EmbedLevers)}</legend>
                <div class="embed-levers">
                {LEVERS.iter().map(|l| { let id = l.id; view! {
                    <label class="check"><input type="checkbox" data-embed-lever=l.key prop:checked=move || levers.with(|v| v.contains(&id)) on:change=move |_| toggle_lever(id)/>
                        {move || l.label.get(lang.get())}</label>
                }}).collect_view()}
                </div>
            </fieldset>
            <div class="embed-row">
                <label>{super::state::t(lang, Msg::EmbedLang)}" "
                    <select data-embed-lang="" on:change=move |ev| { if let Some(l) = Lang::from_code(&event_target_value(&ev)) { wlang.set(l) } }>
                        <option value="zh" selected=move || wlang.get() == Lang::Zh>"中文"</option>
                        <option value="en" selected=move || wlang.get() == Lang::En>"English"</option>
                    </select></label>
                <label>{super::state::t(lang, Msg::EmbedHeight)}" "
                    <input type="number" min="300" max="3000" step="10" prop:value=move || height.get().to_string()
                        on:change=move |ev| { if let Ok(h) = event_target_value(&ev).parse::<u32>() { height.set(h.clamp(300, 3000)) } }/></label>
            </div>
            <div class="embed-row">
                <label>{super::state::t(lang, Msg::Scorecard)}" "
                    <select data-embed-scorecard="" on:change=move |ev| scorecard.set(match event_target_value(&ev).as_str() {
                        "0" => ScorecardMode::Off, "full" => ScorecardMode::Full, _ => ScorecardMode::Summary })>
                        <option value="summary" selected=move || scorecard.get() == ScorecardMode::Summary>{super::state::t(lang, Msg::ScorecardSummary)}</option>
                        <option value="full" selected=move || scorecard.get() == ScorecardMode::Full>{super::state::t(lang, Msg::ScorecardFull)}</option>
                        <option value="0" selected=move || scorecard.get() == ScorecardMode::Off>{super::state::t(lang, Msg::ScorecardOff)}</option>
                    </select></label>
                <label>{super::state::t(lang, Msg::EmbedPreviewWidth)}" "
                    <select data-embed-width="" on:change=move |ev| { if let Ok(w) = event_target_value(&ev).parse::<u32>() { measured.set(None); preview_width.set(w) } }>
                        {[360u32, 480, 640, 800].into_iter().map(|w| view! { <option value=w.to_string() selected=move || preview_width.get() == w>{format!("{w} px")}</option> }).collect_view()}
                    </select></label>
            </div>
            <p class="embed-measured" data-embed-measured=move || measured.get().map(|h| h.to_string())>
                {move || measured.get().map(|h| Msg::EmbedMeasured.text(lang.get()).replace("{w}", &preview_width.get().to_string()).replace("{h}", &h.to_string()))}</p>
            <label for="embed-snippet">{super::state::t(lang, Msg::EmbedSnippet)}</label>
            <textarea id="embed-snippet" data-embed-snippet="" readonly rows="4" prop:value=snippet></textarea>
            <button data-action="copy-snippet" on:click=move |_| {
                if let Some(w) = web_sys::window() { let _ = w.navigator().clipboard().write_text(&untrack(snippet)); }
            }>{super::state::t(lang, Msg::CopySnippet)}</button>
            <p class="hint">{super::state::t(lang, Msg::EmbedAutoHeight)}</p>
            <div class="embed-preview-wrap">
                {move || open.get().then(|| view! {
                    <iframe node_ref=preview class="embed-preview" data-embed-preview="" src=url
                        title=move || Msg::EmbedTitle.text(wlang.get()) width=move || preview_width.get().to_string()
                        height=move || measured.get().unwrap_or(600).to_string()></iframe>
                })}
            </div>
        </section>
    }
}
