//! The analysis page (`?view=analysis`): what matters (a tornado), what it would take (goal-seek, and the
//! best each target reaches), and which change did what (contributions). Components bound to signals; the
//! analyses run in the worker ([`super::state::worker`]), so the page never blocks a click; the page's words
//! (`content/analysis.toml`) arrive as data (`pages/analysis-<lang>.json`) when the page is first opened.
//!
//! Each section keeps one run in the worker ([`Slot`]): a changed choice or scenario cancels it and asks
//! again. "Apply" writes an answer into the scenario as one undoable edit and says so.

mod bars;
mod seek;
mod tornado;
mod waterfall;

use super::state::worker::{self, Event, WorkerCtx, WorkerStatus};
use super::state::Edit;
use super::state::LangCtx;
use leptos::prelude::*;
use vtre_analysis::{Input, Measure, OFFERED_SERIES};
use vtre_codec::worker::Job;
use vtre_i18n::{quantity, Lang, Msg};
use vtre_model::levers::spec as lspec;
use vtre_model::params::spec as pspec;
use vtre_model::series::{FIRST_YEAR, LAST_YEAR};
use vtre_model::targets::{spec as tspec, Rule, TargetResult};
use vtre_model::{LeverId, SeriesId, Status, TargetId, TARGETS};

/// A compared scenario to open the contributions with (set by the compare view).
#[derive(Clone, Copy)]
pub struct AnalysisCtx(pub RwSignal<Option<usize>>);

/// The page's words in one language: text id → text.
#[derive(Clone, Debug, PartialEq, Default)]
struct Words(Vec<(String, String)>);

impl Words {
    fn parse(text: &str) -> Option<Words> {
        let v = vtre_codec::json::parse(text).ok()?;
        let items = v
            .as_object()?
            .iter()
            .filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_string())))
            .collect();
        Some(Words(items))
    }
}

/// What every section reads.
#[derive(Clone, Copy)]
struct Page {
    lang: RwSignal<Lang>,
    edit: Edit,
    words: RwSignal<Option<Words>>,
    /// What "Apply" last wrote into the scenario, said once.
    applied: RwSignal<Option<String>>,
}

impl Page {
    /// A text of the page (empty until the words have arrived).
    fn w(self, id: &'static str) -> impl Fn() -> String + Copy + Send + Sync + 'static {
        move || {
            self.words.with(|w| {
                w.as_ref()
                    .and_then(|w| w.0.iter().find(|(k, _)| k == id))
                    .map(|(_, t)| t.clone())
                    .unwrap_or_default()
            })
        }
    }

    /// Writes lever values into the scenario as one undoable edit, and says what was applied.
    fn apply(self, changes: &[(LeverId, f64)]) {
        if changes.is_empty() {
            return;
        }
        self.edit.step(|s| {
            for &(lever, to) in changes {
                s.set(lever, to);
            }
        });
        let l = self.lang.get_untracked();
        let what: Vec<String> = changes
            .iter()
            .map(|&(lever, to)| {
                format!(
                    "{} = {}",
                    lspec(lever).label.get(l),
                    lever_value(lever, to, l)
                )
            })
            .collect();
        self.applied.set(Some(
            Msg::Applied
                .text(l)
                .replace("{what}", &what.join(if l.zh() { "；" } else { "; " })),
        ));
    }
}

/// One worker run per section: starting a new one cancels the last, and leaving the page cancels it too.
#[derive(Clone, Copy)]
struct Slot(StoredValue<Option<u32>>);

impl Slot {
    fn new() -> Self {
        let slot = Slot(StoredValue::new(None));
        on_cleanup(move || slot.cancel());
        slot
    }
    fn cancel(self) {
        if let Some(run) = self.0.try_update_value(Option::take).flatten() {
            worker::cancel(run);
        }
    }
    fn start(self, job: Job, on: impl FnMut(Event) + 'static) {
        self.cancel();
        let run = worker::run(job, on);
        self.0.set_value(Some(run));
    }
}

/// A "what to measure" choice as the select holds it (`t:<target>` or `s:<series>`) with a year, as a
/// measure, its unit and its label.
fn measure(code: &str, year: u16, lang: Lang) -> Option<(Measure, &'static str, String)> {
    if let Some(k) = code.strip_prefix("t:") {
        let t = tspec(TargetId::from_key(k)?);
        return Some((
            Measure::Target(t.id),
            t.unit,
            format!("{} ({})", t.label.get(lang), t.year),
        ));
    }
    let s = SeriesId::from_key(code.strip_prefix("s:")?)?;
    Some((
        Measure::Series(s, year),
        s.unit(),
        format!("{} ({year})", s.label(lang)),
    ))
}

fn input_label(i: Input, lang: Lang) -> &'static str {
    match i {
        Input::Lever(id) => lspec(id).label.get(lang),
        Input::Param(id) => pspec(id).label().get(lang),
    }
}

/// A lever value with its unit ("300 万吨/年", a share as "40%").
fn lever_value(id: LeverId, v: f64, lang: Lang) -> String {
    vtre_i18n::lever_value(lspec(id), v, lang)
}

/// A scored target result: "达成 · 6,308亿元".
fn result_text(r: &TargetResult, lang: Lang) -> String {
    let status = match r.status {
        Status::Met => Msg::StatusMet,
        Status::AtRisk => Msg::StatusAtRisk,
        Status::Missed => Msg::StatusMissed,
        Status::Unquantified => Msg::StatusUnquantified,
    };
    let t = tspec(r.id);
    let unit = if t.rule == Rule::PeakBy {
        "year"
    } else {
        t.unit
    };
    format!("{} · {}", status.text(lang), quantity(r.value, unit, lang))
}

/// A signed quantity: "+1.2 Mt CO2", "−300亿元".
fn signed(v: f64, unit: &str, lang: Lang) -> String {
    let sign = if v < 0.0 { "−" } else { "+" };
    format!("{sign}{}", quantity(v.abs(), unit, lang))
}

fn scored_targets() -> impl Iterator<Item = &'static vtre_model::targets::TargetSpec> {
    TARGETS.iter().filter(|t| t.rule != Rule::Unquantified)
}

/// The "result" and "year" choices: every scored target, then the offered series; the year applies to a
/// series only (disabled while a target, which has its own year, is chosen).
#[component]
fn MeasurePicks(
    /// Hook prefix: `tornado` or `wf` (`data-pick="<prefix>-measure"`, `"<prefix>-year"`).
    name: &'static str,
    code: RwSignal<String>,
    year: RwSignal<u16>,
) -> impl IntoView {
    let page: Page = expect_context();
    let lang = page.lang;
    view! {
        <label class="pick">{page.w("result")}" "
            <select data-pick=format!("{name}-measure") prop:value=move || code.get()
                on:change=move |ev| code.set(event_target_value(&ev))>
                <optgroup label=page.w("targets_group")>
                    {scored_targets().map(|t| view! {
                        <option value=format!("t:{}", t.key)>{move || format!("{}（{}）", t.label.get(lang.get()), t.year)}</option>
                    }).collect_view()}
                </optgroup>
                <optgroup label=page.w("series_group")>
                    {OFFERED_SERIES.into_iter().map(|s| view! {
                        <option value=format!("s:{}", s.key())>{move || s.label(lang.get())}</option>
                    }).collect_view()}
                </optgroup>
            </select>
        </label>
        <label class="pick">{page.w("year")}" "
            <select data-pick=format!("{name}-year") prop:value=move || year.get().to_string()
                disabled=move || code.with(|c| c.starts_with("t:"))
                on:change=move |ev| if let Ok(y) = event_target_value(&ev).parse() { year.set(y) }>
                {(FIRST_YEAR..=LAST_YEAR).map(|y| view! { <option value=y.to_string()>{y}</option> }).collect_view()}
            </select>
        </label>
    }
}

#[component]
pub fn AnalysisPage() -> impl IntoView {
    let LangCtx(lang) = expect_context();
    let vc: super::state::ViewCtx = expect_context();
    let WorkerCtx(status) = expect_context();
    let page = Page {
        lang,
        edit: expect_context(),
        words: RwSignal::new(None),
        applied: RwSignal::new(None),
    };
    provide_context(page);
    let failed = RwSignal::new(false);
    // The words, in the page's language (again on a switch).
    Effect::new(move |_| {
        let key = format!("analysis-{}.json", lang.get().key());
        leptos::task::spawn_local(async move {
            let path = format!("pages/{key}");
            let words = super::fetch::load_text(&key, &path)
                .await
                .and_then(|t| Words::parse(&t));
            failed.try_set(words.is_none());
            if words.is_some() {
                page.words.try_set(words);
            }
        });
    });
    // A reveal asked for this page (from a chip elsewhere) once it is shown.
    Effect::new(move |_| {
        if vc.reveal.with(Option::is_some) {
            vc.take_reveal(super::state::View::Analysis);
        }
    });
    view! {
        <article class="analysis page" data-page="analysis" aria-labelledby="analysis-title">
            <p class="notice warn" hidden=move || !failed.get()>{super::state::t(lang, Msg::PageLoadFailed)}</p>
            <p class="notice warn" data-worker-failed="" hidden=move || status.get() != WorkerStatus::Failed>
                {super::state::t(lang, Msg::AnalysisUnavailable)}</p>
            <h2 id="analysis-title">{page.w("title")}</h2>
            <p class="page-intro">{page.w("intro")}</p>
            <p class="notice ok" role="status" data-applied="" hidden=move || page.applied.with(Option::is_none)>
                {move || page.applied.get().unwrap_or_default()}</p>
            <tornado::Tornado/>
            <seek::Seek/>
            <waterfall::Waterfall/>
        </article>
    }
}

/// A progress bar while a long run works (`data-progress="<name>"`), hidden otherwise.
#[component]
fn Progress(name: &'static str, at: RwSignal<Option<(usize, usize)>>) -> impl IntoView {
    view! {
        <progress data-progress=name hidden=move || at.with(Option::is_none)
            max=move || at.get().map_or(1, |(_, t)| t.max(1)).to_string()
            value=move || at.get().map_or(0, |(d, _)| d).to_string()></progress>
    }
}
