//! The scorecard: one card per guideline target — value vs threshold, status by colour, icon and text,
//! margin, and the levers that move it (click to focus the lever). Below it, apart and muted, other plans'
//! targets (Panzhihua, Sichuan's rare-earth opinions, the V-Ti base plan), scored the same way but not
//! counted with the guideline's.

use super::state::{focus_lever, t as tr, tx, FocusCtx, LangCtx, ProjectionCtx};
use leptos::prelude::*;
use vtre_i18n::{
    percent, quantity, related_quantity, status_icon as icon, status_msg as status_text, Msg,
};
use vtre_model::actuals::{RelatedGen, RELATED_GEN};
use vtre_model::levers::spec as lspec;
use vtre_model::targets::{Rule, TargetSpec};
use vtre_model::{Status, TargetId, TARGETS};

#[component]
fn Card(t: &'static TargetSpec) -> impl IntoView {
    let ProjectionCtx(p) = expect_context();
    let LangCtx(lang) = expect_context();
    let FocusCtx(focus) = expect_context();
    let vc: super::state::ViewCtx = expect_context();
    // A memo: the card re-renders only when its own result changes.
    let result = Memo::new(move |_| p.with(|p| p.target(t.id).copied()));
    let status = move || result.get().map_or(Status::Unquantified, |r| r.status);
    let zh = move || lang.get().zh();
    let fmt = move |v: f64| quantity(v, t.unit, lang.get());
    let margin = move || {
        result.get().map(|r| match t.rule {
            Rule::PeakBy => {
                if zh() {
                    format!("{:+}年", r.margin as i64)
                } else {
                    format!("{:+} years", r.margin as i64)
                }
            }
            Rule::Unquantified => "—".to_string(),
            _ => {
                let m = fmt(r.margin.abs());
                format!("{}{m}", if r.margin < 0.0 { "−" } else { "+" })
            }
        })
    };
    // The margin "met" needs (the target's band), stated on the card.
    let band_hidden = matches!(t.rule, Rule::Unquantified) || t.band <= 0.0;
    let band = move || match t.rule {
        Rule::PeakBy => {
            if zh() {
                format!("≥ {}年", t.band)
            } else {
                format!("≥ {} years", t.band)
            }
        }
        _ => format!("≥ {}", fmt(t.band)),
    };
    view! {
        <article class="card" data-target=t.key data-status=move || status().key()
            data-value=move || result.get().map(|r| r.value.to_string()).unwrap_or_default()>
            <header>
                <span class="status-icon" aria-hidden="true">{move || icon(status())}</span>
                <h3>{tx(lang, t.label)}</h3>
            </header>
            <p class="status-text">{move || status_text(status()).text(lang.get())}</p>
            <dl>
                <dt>{tr(lang, Msg::Value)}</dt>
                <dd class="value">{move || result.get().map(|r| fmt(r.value)).unwrap_or_default()}
                    <span class="year">{move || if zh() { format!("（{}年）", t.year) } else { format!(" ({})", t.year) }}</span></dd>
                <dt>{tr(lang, Msg::Threshold)}</dt>
                // The threshold the result was scored against (a parameter override can move it).
                <dd>{move || {
                    let th = result.get().and_then(|r| r.threshold).unwrap_or(t.threshold);
                    match t.rule {
                        Rule::Unquantified => "—".to_string(),
                        Rule::PeakBy => if zh() { format!("≤ {}年", th) } else { format!("by {}", th) },
                        Rule::AtMost => format!("≤ {}", fmt(th)),
                        Rule::AtLeast => format!("≥ {}", fmt(th)),
                    }
                }}</dd>
                <dt>{tr(lang, Msg::Margin)}</dt>
                <dd>{margin}</dd>
                <dt hidden=band_hidden>{tr(lang, Msg::MarginNeeded)}</dt>
                <dd class="band" hidden=band_hidden>{band}</dd>
                // Filled by the scorecard's ensemble effect (not for the unquantified target).
                <dt hidden=t.rule == Rule::Unquantified>{tr(lang, Msg::ChanceMet)}</dt>
                <dd class="probability" hidden=t.rule == Rule::Unquantified></dd>
                <dt hidden=t.rule == Rule::Unquantified>{tr(lang, Msg::ChanceMargin)}</dt>
                <dd class="probability-margin" hidden=t.rule == Rule::Unquantified></dd>
            </dl>
            <p class="measure">{tx(lang, t.measure)}</p>
            <blockquote lang="zh-CN">"“"{t.quote_zh}"”——"<cite>{t.guideline_ref}</cite></blockquote>
            <p class="quote-en" lang="en" hidden=zh>{move || (!zh()).then(|| format!("{}: “{}”", Msg::OurTranslation.text(lang.get()), t.quote_en))}</p>
            <a class="reader-link" data-reader-link=t.key href=format!("?view=guideline&sec={}", t.section)
                on:click=move |ev| { ev.prevent_default(); vc.go_section(t.section, None); }>
                {tr(lang, Msg::ReadInGuideline)}" →"</a>
            <div class="moved-by">
                <span>{tr(lang, Msg::MovedBy)}":"</span>
                {t.levers.iter().map(|&id| view! {
                    <button class="chip" data-focus-lever=id.key()
                        on:click=move |_| { focus.set(Some(id)); focus_lever(id); }>
                        {tx(lang, lspec(id).label)}
                    </button>
                }).collect_view()}
            </div>
        </article>
    }
}

/// One of another plan's targets: its name, how the model measures it and where it comes from. Its value,
/// threshold, margin and status are written by the scorecard's effect (one effect for all cards, instead of
/// reactive parts in each).
#[component]
fn RelatedCard(t: &'static RelatedGen) -> impl IntoView {
    let LangCtx(lang) = expect_context();
    view! {
        <article class="card related-card" data-related=t.id data-status="unquantified">
            <header>
                <span class="status-icon" aria-hidden="true"></span>
                <h4>{tx(lang, t.label)}</h4>
            </header>
            <p class="status-text"></p>
            <dl>
                <dt>{tr(lang, Msg::Value)}</dt>
                <dd class="value"><span class="v"></span><span class="year"></span></dd>
                <dt>{tr(lang, Msg::Threshold)}</dt>
                <dd class="threshold"></dd>
                <dt>{tr(lang, Msg::Margin)}</dt>
                <dd class="margin"></dd>
            </dl>
            <p class="measure"><span class="label">{tr(lang, Msg::RelatedMeasure)}</span>{tx(lang, t.measure_text)}</p>
            <p class="related-source"><span class="label">{tr(lang, Msg::RelatedFrom)}</span>{tx(lang, t.source)}</p>
        </article>
    }
}

/// Writes the projection's related results into the cards under `root`: status, value, threshold, margin.
fn fill_related(root: &web_sys::Element, p: &vtre_model::Projection, lang: vtre_i18n::Lang) {
    let set = |card: &web_sys::Element, sel: &str, text: &str| {
        if let Some(el) = card.query_selector(sel).ok().flatten() {
            if el.text_content().as_deref() != Some(text) {
                el.set_text_content(Some(text));
            }
        }
    };
    for card in super::fetch::all(root, "[data-related]") {
        let id = card.get_attribute("data-related").unwrap_or_default();
        let (Some(t), Some(r)) = (
            RELATED_GEN.iter().find(|t| t.id == id),
            p.related.iter().find(|r| r.id == id),
        ) else {
            continue;
        };
        let value = r.value.to_string();
        if card.get_attribute("data-value").as_deref() != Some(value.as_str()) {
            let _ = card.set_attribute("data-value", &value);
        }
        if card.get_attribute("data-status").as_deref() != Some(r.status.key()) {
            let _ = card.set_attribute("data-status", r.status.key());
        }
        let m = r.value - t.threshold;
        set(&card, ".status-icon", icon(r.status));
        set(&card, ".status-text", status_text(r.status).text(lang));
        set(&card, ".v", &related_quantity(t, r.value, lang));
        set(
            &card,
            ".year",
            &if lang.zh() {
                format!("（{}年）", t.year)
            } else {
                format!(" ({})", t.year)
            },
        );
        set(
            &card,
            ".threshold",
            &format!("≥ {}", related_quantity(t, t.threshold, lang)),
        );
        set(
            &card,
            ".margin",
            &format!(
                "{}{}",
                if m < 0.0 { "−" } else { "+" },
                related_quantity(t, m.abs(), lang)
            ),
        );
    }
}

#[component]
pub fn Scorecard() -> impl IntoView {
    let LangCtx(lang) = expect_context();
    let ens: super::state::EnsembleCtx = expect_context();
    let ProjectionCtx(p) = expect_context();
    let root = NodeRef::<leptos::html::Section>::new();
    let related = NodeRef::<leptos::html::Section>::new();
    // Other plans' targets: one effect fills every card.
    Effect::new(move |_| {
        let l = lang.get();
        if let Some(root) = related.get() {
            p.with(|p| fill_related(&root, p, l));
        }
    });
    // The ensemble's state and each card's chance of being met, written straight into the cards: one effect
    // instead of reactive parts in every card (measured 2026-12-06: reactive `data-probability*` attributes
    // and texts in each card cost +0.6 KiB gzip of the core wasm, which is over its budget, issue 20).
    // `data-probability` only once the ensemble of this scenario is ready (never an old scenario's), and never
    // on the unquantified target.
    Effect::new(move |_| {
        let l = lang.get();
        let Some(root) = root.get() else { return };
        ens.current.with(|c| {
            let state = if c.is_some() { "ready" } else { "running" };
            let _ = root.set_attribute("data-ensemble", state);
            for card in super::fetch::all(&root, "[data-target]") {
                let odds = card
                    .get_attribute("data-target")
                    .and_then(|k| TargetId::from_key(&k))
                    .zip(c.as_ref())
                    .and_then(|(id, c)| c.odds.iter().find(|o| o.id == id).copied());
                for (attr, class, p) in [
                    (
                        "data-probability",
                        ".probability",
                        odds.and_then(|o| o.probability()),
                    ),
                    (
                        "data-probability-margin",
                        ".probability-margin",
                        odds.and_then(|o| o.probability_margin()),
                    ),
                ] {
                    let _ = match p {
                        Some(p) => card.set_attribute(attr, &p.to_string()),
                        None => card.remove_attribute(attr),
                    };
                    if let Some(dd) = card.query_selector(class).ok().flatten() {
                        dd.set_text_content(Some(
                            &p.map_or_else(|| Msg::Computing.text(l).into(), percent),
                        ));
                        let _ = dd.class_list().toggle_with_force("pending", p.is_none());
                    }
                }
            }
        });
    });
    view! {
        <section class="scorecard" aria-labelledby="scorecard-title" node_ref=root data-ensemble="running">
            <h2 id="scorecard-title">{tr(lang, Msg::Scorecard)}</h2>
            <p class="scorecard-legend">{tr(lang, Msg::ScorecardLegend)}</p>
            <div class="cards">{TARGETS.iter().map(|t| view! { <Card t=t/> }).collect_view()}</div>
            <section class="related" aria-labelledby="related-title" node_ref=related>
                <h3 id="related-title">{tr(lang, Msg::RelatedTitle)}</h3>
                <p class="related-intro">{tr(lang, Msg::RelatedIntro)}</p>
                <div class="cards related-cards">{RELATED_GEN.iter().map(|t| view! { <RelatedCard t=t/> }).collect_view()}</div>
            </section>
        </section>
    }
}

/// The scorecard in one line per target, for a narrow widget (`scorecard=summary`): the target's name, its
/// status in words and its chance of being reached.
#[component]
pub fn ScoreSummary() -> impl IntoView {
    let LangCtx(lang) = expect_context();
    let ProjectionCtx(p) = expect_context();
    let ens: super::state::EnsembleCtx = expect_context();
    view! {
        <section class="score-summary" aria-labelledby="score-summary-title">
            <h2 id="score-summary-title">{tr(lang, Msg::Scorecard)}</h2>
            <ul>
                {TARGETS.iter().filter(|t| t.rule != Rule::Unquantified).map(|t| {
                    let status = Memo::new(move |_| p.with(|p| p.target(t.id).map_or(Status::Unquantified, |r| r.status)));
                    let chance = move || ens.current.with(|c| c.as_ref().and_then(|c| c.probability(t.id)));
                    view! {
                        <li data-summary-target=t.key data-status=move || status.get().key()>
                            <span class="status-icon" aria-hidden="true">{move || icon(status.get())}</span>
                            <span class="name">{tx(lang, t.label)}</span>
                            <span class="status-text">{move || status_text(status.get()).text(lang.get())}</span>
                            <span class="chance" title=tr(lang, Msg::ChanceMet)>{move || chance().map(percent).unwrap_or_default()}</span>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}
