//! "How the model works": one page per chain (equations, symbols, couplings, calibration, limits), the
//! material-flow diagrams of the current scenario, and the glossary.

use super::state::ViewCtx;
use super::{FocusCtx, LangCtx, ProjectionCtx, ScenarioCtx};
use crate::charts::sankey::layout;
use crate::i18n::{group, Msg};
use crate::model::docs::{CHAIN_PAGES, GLOSSARY};
use crate::model::flows::{diagrams, Diagram};
use crate::model::levers::{spec as lspec, LeverId};
use crate::model::series::{FIRST_YEAR, LAST_YEAR};
use leptos::prelude::*;
#[allow(unused_imports)]
use super::{t, zh_en};

#[component]
fn FlowDiagram(d: Diagram) -> impl IntoView {
    let LangCtx(lang) = expect_context();
    let zh = move || lang.get().zh();
    let l = layout(&d, 920.0, 300.0);
    let unit = move || crate::charts::display_unit(d.unit, zh());
    let title = zh_en(lang, d.title_zh, d.title_en);
    let nodes = d.nodes.clone();
    let label_of = move |id: &str| {
        nodes
            .iter()
            .find(|n| n.id == id)
            .map(|n| if zh() { n.label_zh } else { n.label_en })
            .unwrap_or("")
    };
    let label_of2 = label_of.clone();
    view! {
        <figure class="flow" data-flow=d.id>
            <figcaption>{title}" ("{move || unit().0}")"</figcaption>
            <svg viewBox=format!("-2 -2 {} {}", l.width + 4.0, l.height + 4.0) role="img" aria-label=title class="sankey">
                {l.links.iter().map(|b| {
                    let (from, to) = (b.from, b.to);
                    let v = b.value;
                    let label_of = label_of.clone();
                    view! { <path d=b.d.clone() class=if b.muted { "band muted" } else { "band" }>
                        <title>{move || format!("{} → {}: {} {}", label_of(from), label_of(to), group(v * unit().1, crate::i18n::auto_decimals(v * unit().1)), unit().0)}</title></path> }
                }).collect_view()}
                {l.nodes.iter().map(|n| {
                    let id = n.id;
                    let v = n.value;
                    let label_of = label_of2.clone();
                    view! {
                        <g class=if n.muted { "node muted" } else { "node" } data-node=id>
                            <rect x=n.x y=n.y width=n.w height=n.h></rect>
                            <text x=n.x + n.w + 4.0 y=n.y + n.h / 2.0 + 4.0>{move || { let x = v * unit().1; format!("{} {}", label_of(id), group(x, crate::i18n::auto_decimals(x))) }}</text>
                        </g>
                    }
                }).collect_view()}
            </svg>
        </figure>
    }
}

#[component]
pub fn ModelPages() -> impl IntoView {
    let LangCtx(lang) = expect_context();
    let ScenarioCtx(scenario) = expect_context();
    let ProjectionCtx(p) = expect_context();
    let vc: ViewCtx = expect_context();
    let FocusCtx(focus) = expect_context();
    let zh = move || lang.get().zh();
    let year = RwSignal::new(2025u16);
    let flows = Memo::new(move |_| scenario.with(|s| p.with(|p| diagrams(s, p, year.get()))));
    view! {
        <article class="model-pages page" aria-labelledby="model-title">
            <h2 id="model-title">{t(lang, Msg::ViewModel)}</h2>
            <p class="page-intro">{t(lang, Msg::ModelIntro)}</p>
            <nav class="toc" aria-label=t(lang, Msg::Pages)>
                <ol>{CHAIN_PAGES.iter().map(|c| view! { <li><a href=format!("#chain-{}", c.id)>{zh_en(lang, c.title_zh, c.title_en)}</a></li> }).collect_view()}
                    <li><a href="#flows">{t(lang, Msg::FlowTitle)}</a></li>
                    <li><a href="#glossary">{t(lang, Msg::Glossary)}</a></li></ol>
            </nav>
            {CHAIN_PAGES.iter().map(|c| view! {
                <section class="chain" id=format!("chain-{}", c.id) data-chain=c.id>
                    <h3>{zh_en(lang, c.title_zh, c.title_en)}</h3>
                    <p>{zh_en(lang, c.intro_zh, c.intro_en)}</p>
                    <h4>{t(lang, Msg::Equations)}</h4>
                    <pre class="equations">{c.equations.join("\n")}</pre>
                    <h4>{t(lang, Msg::Symbols)}</h4>
                    <dl class="symbols">{c.symbols.iter().map(|(sym, szh, sen)| view! { <dt><code>{*sym}</code></dt><dd>{move || if zh() { *szh } else { *sen }}</dd> }).collect_view()}</dl>
                    <h4>{t(lang, Msg::Couplings)}</h4>
                    <p>{zh_en(lang, c.couplings_zh, c.couplings_en)}</p>
                    <h4>{t(lang, Msg::Calibration)}</h4>
                    <p>{zh_en(lang, c.calibration_zh, c.calibration_en)}</p>
                    <h4>{t(lang, Msg::Limits)}</h4>
                    <p>{zh_en(lang, c.limits_zh, c.limits_en)}</p>
                    <div class="moved-by">
                        <span>{t(lang, Msg::Levers)}":"</span>
                        {c.levers.iter().filter_map(|k| LeverId::from_key(k)).map(|id| view! {
                            <button class="chip" data-goto-lever=id.key() on:click=move |_| vc.go_lever(id, focus)>{move || lspec(id).label(zh())}</button>
                        }).collect_view()}
                    </div>
                </section>
            }).collect_view()}
            <section id="flows" class="flows">
                <h3>{t(lang, Msg::FlowTitle)}</h3>
                <label>{t(lang, Msg::FlowYear)}" "
                    <select data-flow-year="" on:change=move |ev| { if let Ok(y) = event_target_value(&ev).parse::<u16>() { year.set(y) } }>
                        {(FIRST_YEAR..=LAST_YEAR).map(|y| view! { <option value=y selected=y == 2025>{y}</option> }).collect_view()}
                    </select></label>
                <p class="muted">{t(lang, Msg::FlowBalanced)}</p>
                {move || flows.get().into_iter().map(|d| view! { <FlowDiagram d=d/> }).collect_view()}
            </section>
            <section id="glossary" class="glossary">
                <h3>{t(lang, Msg::Glossary)}</h3>
                <dl>{GLOSSARY.iter().map(|t| view! {
                    <dt data-term=t.en><span lang="zh-CN">{t.zh}</span>" · "{t.en}</dt>
                    <dd>{zh_en(lang, t.def_zh, t.def_en)}</dd>
                }).collect_view()}</dl>
            </section>
        </article>
    }
}
