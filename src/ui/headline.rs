//! The headline strip: 2025 output value, 2030 CO2, peak year, targets met "n / N"; and one polite live
//! region that says what changed in them once the levers have settled (issue #14), so a screen reader hears
//! one sentence per change ("2030 CO2: 44.0 → 41.2 Mt; targets met: 1 → 2"), not every step of a drag.

use super::state::{LangCtx, ProjectionCtx};
use leptos::prelude::*;
use vtre_i18n::{decimals, display_unit, group, quantity, Lang, Msg, Precision};
use vtre_model::series::SeriesId as S;
use vtre_model::{Status, TARGETS};

/// The four headline figures: (hook id, label, unit for formatting).
const ITEMS: [(&str, Msg, &str); 4] = [
    ("output_value_2025", Msg::HeadlineValue2025, "亿元"),
    ("co2_2030", Msg::HeadlineCo22030, "Mt"),
    ("peak_year", Msg::HeadlinePeak, "year"),
    ("targets_met", Msg::HeadlineTargets, ""),
];

fn figure(p: &vtre_model::Projection, i: usize) -> f64 {
    match i {
        0 => p.at(S::OutputValueTotal, 2025),
        1 => p.at(S::Co2Total, 2030),
        2 => f64::from(p.peak_year),
        _ => p.targets.iter().filter(|t| t.status == Status::Met).count() as f64,
    }
}

/// Quiet time after the last change before the live region speaks, in ms: a drag is one announcement.
pub const SETTLE_MS: u64 = 600;
/// The announcement of each figure, in [`ITEMS`] order.
const SAID: [Msg; 4] = [
    Msg::AnnounceValue,
    Msg::AnnounceCo2,
    Msg::AnnouncePeak,
    Msg::AnnounceTargets,
];

fn figures(p: &vtre_model::Projection) -> [f64; 4] {
    [0, 1, 2, 3].map(|i| figure(p, i))
}

/// A figure as the announcement says it: the headline's number without its unit (the sentence has it).
fn spoken(i: usize, v: f64, lang: Lang) -> String {
    if i < 2 {
        let x = v * display_unit(ITEMS[i].2, lang).1;
        group(x, decimals(x, Precision::Value))
    } else {
        // A year or a count: no thousands separator.
        v.to_string()
    }
}

/// What changed between two sets of headline figures, as said in `lang`; empty if nothing shows a change.
fn announcement(from: &[f64; 4], to: &[f64; 4], lang: Lang) -> String {
    let parts: Vec<String> = (0..4)
        .filter_map(|i| {
            let (a, b) = (spoken(i, from[i], lang), spoken(i, to[i], lang));
            (a != b).then(|| SAID[i].text(lang).replace("{from}", &a).replace("{to}", &b))
        })
        .collect();
    let mut text = parts.join(if lang.zh() { "；" } else { "; " });
    // "targets met: …" first in English takes a capital (ASCII only: Unicode case tables cost 8 KB of wasm).
    if let Some(first) = text.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    text
}

#[component]
pub fn Headline() -> impl IntoView {
    let ProjectionCtx(p) = expect_context();
    let super::state::ScenarioCtx(scenario) = expect_context();
    let vc: super::state::ViewCtx = expect_context();
    let LangCtx(lang) = expect_context();
    let ens: super::state::EnsembleCtx = expect_context();
    let root = NodeRef::<leptos::html::Section>::new();
    // The 10–90 % range of the output value and CO2 figures, written by one effect once the current
    // scenario's ensemble is ready (empty while it runs). One effect rather than reactive attributes and a
    // reactive range text per figure: measured 2026-12-06, those cost +0.7 KiB gzip of the core wasm, which is
    // over its budget (issue 20).
    Effect::new(move |_| {
        let l = lang.get();
        let Some(root) = root.get() else { return };
        ens.current.with(|c| {
            for (i, (series, year)) in [(S::OutputValueTotal, 2025u16), (S::Co2Total, 2030)]
                .into_iter()
                .enumerate()
            {
                let sel = format!("[data-headline=\"{}\"]", ITEMS[i].0);
                let Some(el) = root.query_selector(&sel).ok().flatten() else {
                    continue;
                };
                let q = c
                    .as_ref()
                    .and_then(|c| c.quantiles(series))
                    .map(|q| q[usize::from(year - vtre_model::series::FIRST_YEAR)]);
                let f = display_unit(ITEMS[i].2, l).1;
                let n = |v: f64| group(v * f, decimals(v * f, Precision::Value));
                let text = q.map(|q| format!(" ({}–{})", n(q.p10), n(q.p90)));
                for (name, v) in [
                    ("data-p10", q.map(|q| q.p10)),
                    ("data-p90", q.map(|q| q.p90)),
                ] {
                    let _ = match v {
                        Some(v) => el.set_attribute(name, &v.to_string()),
                        None => el.remove_attribute(name),
                    };
                }
                let _ = el.set_attribute("title", Msg::RangeHint.text(l));
                if let Some(span) = el.query_selector(".range").ok().flatten() {
                    span.set_text_content(text.as_deref());
                }
            }
        });
    });
    // The live region: once the projection has been still for SETTLE_MS, what changed since it last spoke.
    let said = StoredValue::new(p.with_untracked(figures));
    let settle = super::state::Debounce::default();
    Effect::new(move |first: Option<()>| {
        p.track();
        if first.is_none() {
            return;
        }
        // A test build's unguarded fault (`?fault=headline`): a panic on the first change, where nothing
        // contains it (the banner, and what was unsaved written at once).
        #[cfg(feature = "fault-injection")]
        super::contain::inject("headline");
        settle.call(std::time::Duration::from_millis(SETTLE_MS), move |_| {
            let (Some(now), Some(l)) = (p.try_with_untracked(figures), lang.try_get_untracked())
            else {
                return;
            };
            let text = announcement(&said.get_value(), &now, l);
            said.set_value(now);
            let el = document().query_selector("[data-announce]").ok().flatten();
            if let (false, Some(el)) = (text.is_empty(), el) {
                el.set_text_content(Some(&text));
            }
        });
    });
    // ▲/▼ against the reference scenario, in the label line (never a wider value that could wrap).
    let super::state::ReferenceCtx(reference) = expect_context();
    let ref_figures = figures(&reference);
    let delta = move |i: usize| -> (f64, String) {
        let now = p.with(|p| figure(p, i));
        let d = now - ref_figures[i];
        let l = lang.get();
        let arrow = if d > 0.0 { "▲" } else { "▼" };
        let text = match i {
            0 | 1 => {
                let pct = d / ref_figures[i].abs().max(1e-9) * 100.0;
                if pct.abs() < 0.05 {
                    String::new()
                } else {
                    format!("{arrow}{}%", group(pct.abs(), 1))
                }
            }
            _ if d == 0.0 => String::new(),
            2 => format!("{arrow}{}{}", d.abs(), if l.zh() { "年" } else { " yr" }),
            _ => format!("{arrow}{}", d.abs()),
        };
        (d, text)
    };
    // Plain closures, not memos: each is a cheap read, and every memo call site costs wasm size.
    let overrides = move || scenario.with(|s| s.overrides().len());
    let scored = TARGETS
        .iter()
        .filter(|t| t.rule != vtre_model::targets::Rule::Unquantified)
        .count();
    view! {
        <section class="headline" node_ref=root aria-label=super::state::t(lang, Msg::HeadlineFigures)>
            {ITEMS.iter().enumerate().map(|(i, &(id, label, unit))| {
                let raw = move || p.with(|p| figure(p, i));
                view! {
                    <div class="headline-item">
                        <span class="headline-label">{super::state::t(lang, label)}
                            <span class="delta" data-delta=move || delta(i).0.to_string() title=super::state::t(lang, Msg::VsReference)
                                hidden=move || delta(i).1.is_empty()>{move || delta(i).1}</span></span>
                        <strong class="headline-value" data-headline=id data-value=move || raw().to_string()>
                            {move || if i == 3 { format!("{} / {scored}", raw()) } else { quantity(raw(), unit, lang.get()) }}
                            <span class="range"></span>
                        </strong>
                    </div>
                }
            }).collect_view()}
            <p class="sr-only" data-announce="" role="status" aria-live="polite" aria-atomic="true"></p>
            <a class="overrides-badge" data-overrides=move || overrides().to_string() hidden=move || overrides() == 0
                href="?view=assumptions" on:click=move |ev| { ev.prevent_default(); vc.view.set(super::state::View::Assumptions); }>
                {move || Msg::OverridesCount.text(lang.get()).replace("{n}", &overrides().to_string())}</a>
        </section>
    }
}
