//! The guideline reader: chapters and sections with our summaries, each measure with the guideline's exact
//! words and the levers and targets that represent it (click to jump), search, and shareable section links.

use super::state::ViewCtx;
use super::{FocusCtx, LangCtx, ProjectionCtx};
use crate::i18n::Msg;
use crate::model::guideline::{Measure, Section, CHAPTERS};
use crate::model::levers::spec as lspec;
use crate::model::targets::spec as tspec;
use crate::model::Status;
use leptos::prelude::*;
#[allow(unused_imports)]
use super::{t, zh_en};

fn matches(q: &str, texts: &[&str]) -> bool {
    q.is_empty() || texts.iter().any(|t| t.to_lowercase().contains(q))
}

fn measure_matches(m: &Measure, q: &str) -> bool {
    let mut texts = vec![m.quote_zh, m.summary_zh, m.summary_en];
    for l in m.levers {
        texts.push(lspec(*l).label_zh);
        texts.push(lspec(*l).label_en);
    }
    matches(q, &texts)
}

fn section_matches(s: &Section, q: &str) -> bool {
    matches(q, &[s.title_zh, s.title_en, s.summary_zh, s.summary_en])
        || s.measures.iter().any(|m| measure_matches(m, q))
}

#[component]
pub fn Reader() -> impl IntoView {
    let LangCtx(lang) = expect_context();
    let vc: ViewCtx = expect_context();
    let FocusCtx(focus) = expect_context();
    let ProjectionCtx(p) = expect_context();
    let query = RwSignal::new(String::new());
    let q = Memo::new(move |_| query.get().trim().to_lowercase());
    let any = Memo::new(move |_| {
        CHAPTERS
            .iter()
            .flat_map(|c| c.sections)
            .any(|s| section_matches(s, &q.get()))
    });

    let measure_view = move |m: &'static Measure| {
        view! {
            <li class="measure" data-measure=m.id hidden=move || !measure_matches(m, &q.get()) && !q.get().is_empty()>
                <blockquote lang="zh-CN">"“"{m.quote_zh}"”"</blockquote>
                <p>{move || m.summary(lang.get().zh())}</p>
                {if m.levers.is_empty() && m.targets.is_empty() {
                    view! { <p class="not-modelled" data-not-modelled="">{t(lang, Msg::NotModelled)}</p> }.into_any()
                } else {
                    view! {
                        <div class="moved-by">
                            {(!m.levers.is_empty()).then(|| view! { <span>{t(lang, Msg::InModelAs)}":"</span> })}
                            {m.levers.iter().map(|&id| view! {
                                <button class="chip" data-goto-lever=id.key() on:click=move |_| vc.go_lever(id, focus)>
                                    {move || lspec(id).label(lang.get().zh())}</button>
                            }).collect_view()}
                            {m.targets.iter().map(|&t| {
                                let status = move || p.with(|p| p.target(t).map_or(Status::Unquantified, |r| r.status));
                                view! {
                                    <button class="chip target-chip" data-goto-target=t.key() data-status=move || status().key()
                                        on:click=move |_| vc.go_target(tspec(t).key)>
                                        "◎ "{move || if lang.get().zh() { tspec(t).label_zh } else { tspec(t).label_en }}</button>
                                }
                            }).collect_view()}
                        </div>
                    }.into_any()
                }}
            </li>
        }
    };

    view! {
        <article class="reader page" aria-labelledby="reader-title">
            <h2 id="reader-title">{t(lang, Msg::ViewGuideline)}</h2>
            <p class="page-intro">{t(lang, Msg::ReaderIntro)}</p>
            <div class="search-row">
                <label for="reader-search">{t(lang, Msg::Search)}</label>
                <input id="reader-search" type="search" data-reader-search="" placeholder=t(lang, Msg::SearchPlaceholder)
                    prop:value=move || query.get() on:input=move |ev| query.set(event_target_value(&ev))/>
            </div>
            <p class="muted" hidden=move || any.get()>{t(lang, Msg::NoResults)}</p>
            <nav class="toc" aria-label=t(lang, Msg::Pages)>
                <ol>{CHAPTERS.iter().map(|c| view! {
                    <li>{c.number_zh}" "{move || c.title(lang.get().zh())}
                        <ol>{c.sections.iter().map(|s| view! {
                            <li><a href=format!("?view=guideline&sec={}", s.id) on:click=move |ev| { ev.prevent_default(); vc.go_section(s.id, None); }>
                                {move || s.title(lang.get().zh())}</a></li>
                        }).collect_view()}</ol>
                    </li>
                }).collect_view()}</ol>
            </nav>
            {CHAPTERS.iter().map(|c| view! {
                <section class="chapter" data-chapter=c.id>
                    <h3><span lang="zh-CN">{c.number_zh}</span>" "{move || c.title(lang.get().zh())}</h3>
                    {c.sections.iter().map(|s| view! {
                        <section class="section" data-section=s.id id=format!("sec-{}", s.id) hidden=move || !section_matches(s, &q.get())>
                            <h4><span lang="zh-CN">{s.number_zh}</span>" "{move || s.title(lang.get().zh())}
                                <button class="icon link" title=t(lang, Msg::CopySectionLink) aria-label=t(lang, Msg::CopySectionLink)
                                    on:click=move |_| vc.go_section(s.id, None)>"#"</button></h4>
                            <p class="summary">{move || s.summary(lang.get().zh())}</p>
                            <ul class="measures">{s.measures.iter().map(measure_view).collect_view()}</ul>
                        </section>
                    }).collect_view()}
                </section>
            }).collect_view()}
        </article>
    }
}
