//! The analysis page (`?view=analysis`): the pre-rendered `pages/analysis-<lang>.html` (explanations and
//! choices, `vtre_site::analysis`) loaded when opened, with the analyses of `vtre-analysis` run on the
//! current scenario and written into its `data-result` boxes:
//!
//! - **tornado** (`tornado`, about 200 model runs) and **goal-seek** (`goal_seek`, under 100): one slice each;
//! - **best reachable with every lever free** (`best_reachable`) for every scored target: one target per
//!   slice, with a progress bar;
//! - **contributions** (`ShapleyRun`, up to 4,096 runs exact): as many runs per slice as fit in
//!   [`slices::SLICE_MS`], with a progress bar.
//!
//! Everything runs in slices ([`super::state::slices`]), so the page never freezes; a changed choice or
//! scenario cancels what was running for it. "Apply" writes a goal-seek answer (or a best setting) into the
//! scenario as one undoable edit.

use super::state::{slices, CompareCtx, Edit};
use super::static_page::{all, closest, load_page, target_el, value_of};
use super::LangCtx;
use leptos::html::Div;
use leptos::prelude::*;
use vtre_analysis::{
    best_reachable, goal_seek, tornado, Input, Measure, Method, ShapleyRun, DEFAULT_TOP,
};
use vtre_charts::palette::{GREY, INK, STEEL, VANADIUM};
use vtre_charts::{bars_svg, BarChart, BarRow};
use vtre_i18n::{display_unit, quantity, Lang, Msg};
use vtre_model::levers::spec as lspec;
use vtre_model::params::spec as pspec;
use vtre_model::targets::{spec as tspec, Rule, TargetResult};
use vtre_model::{LeverId, Scenario, SeriesId, Status, TargetId, TARGETS};
use web_sys::Element;

/// A compared scenario to open the contributions with (set by the compare view).
#[derive(Clone, Copy)]
pub struct AnalysisCtx(pub RwSignal<Option<usize>>);

/// The four analyses, for cancelling.
const TORNADO: usize = 0;
const SEEK: usize = 1;
const BEST: usize = 2;
const WATERFALL: usize = 3;

fn pick(root: &Element, name: &str) -> String {
    root.query_selector(&format!("[data-pick=\"{name}\"]"))
        .ok()
        .flatten()
        .map(|e| value_of(&e))
        .unwrap_or_default()
}

fn set_pick(root: &Element, name: &str, value: &str) {
    if let Some(s) = root
        .query_selector(&format!("[data-pick=\"{name}\"]"))
        .ok()
        .flatten()
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlSelectElement>(e).ok())
    {
        s.set_value(value);
    }
}

/// A year choice is only meaningful for a series: disabled while a target (which has its own year) is chosen.
fn sync_year(root: &Element, measure: &str, year: &str) {
    if let Some(y) = root
        .query_selector(&format!("[data-pick=\"{year}\"]"))
        .ok()
        .flatten()
    {
        let _ = if pick(root, measure).starts_with("t:") {
            y.set_attribute("disabled", "")
        } else {
            y.remove_attribute("disabled")
        };
    }
}

fn result_box(root: &Element, name: &str) -> Option<Element> {
    root.query_selector(&format!("[data-result=\"{name}\"]"))
        .ok()
        .flatten()
}

/// Shows a progress bar at `done / total`, or hides it.
fn progress(root: &Element, name: &str, done_total: Option<(usize, usize)>) {
    let Some(bar) = root
        .query_selector(&format!("[data-progress=\"{name}\"]"))
        .ok()
        .flatten()
    else {
        return;
    };
    match done_total {
        Some((done, total)) => {
            let _ = bar.set_attribute("max", &total.max(1).to_string());
            let _ = bar.set_attribute("value", &done.to_string());
            let _ = bar.remove_attribute("hidden");
        }
        None => {
            let _ = bar.set_attribute("hidden", "");
        }
    }
}

/// A choice `t:<target>` or `s:<series>` with a year, as a measure with its unit and label.
fn measure(code: &str, year: &str, lang: Lang) -> Option<(Measure, &'static str, String)> {
    if let Some(k) = code.strip_prefix("t:") {
        let t = tspec(TargetId::from_key(k)?);
        return Some((
            Measure::Target(t.id),
            t.unit,
            format!("{} ({})", t.label.get(lang), t.year),
        ));
    }
    let s = SeriesId::from_key(code.strip_prefix("s:")?)?;
    let y: u16 = year.parse().ok()?;
    Some((
        Measure::Series(s, y),
        s.unit(),
        format!("{} ({y})", s.label(lang)),
    ))
}

fn input_label(i: Input, lang: Lang) -> &'static str {
    match i {
        Input::Lever(id) => lspec(id).label.get(lang),
        Input::Param(id) => pspec(id).label.get(lang),
    }
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A lever value with its unit ("300 万吨/年").
fn lever_value(id: LeverId, v: f64, lang: Lang) -> String {
    let l = lspec(id);
    let dec = vtre_i18n::decimals(l.step, vtre_i18n::Precision::Step(l.step));
    format!("{} {}", vtre_i18n::group(v, dec), l.unit.get(lang))
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
    let value = if t.rule == Rule::PeakBy {
        quantity(r.value, "year", lang)
    } else {
        quantity(r.value, t.unit, lang)
    };
    format!("{} · {value}", status.text(lang))
}

/// A signed quantity: "+1.2 Mt CO2", "−300亿元".
fn signed(v: f64, unit: &str, lang: Lang) -> String {
    let sign = if v < 0.0 { "−" } else { "+" };
    format!("{sign}{}", quantity(v.abs(), unit, lang))
}

/// Lever moves: (lever, from, to).
type Moves = Vec<(LeverId, f64, f64)>;

/// The page's state: what the analyses read and write. `Copy`, so each analysis is one method (its code is in
/// the wasm once, whichever event starts it).
#[derive(Clone, Copy)]
struct Page {
    lang: RwSignal<Lang>,
    edit: Edit,
    compare: RwSignal<Vec<super::state::Compared>>,
    wf_pick: RwSignal<Option<usize>>,
    /// Per analysis: a ticket that a newer run invalidates.
    tickets: StoredValue<[u32; 4]>,
    seek_answer: StoredValue<Option<(LeverId, f64)>>,
    best_answers: StoredValue<Vec<(TargetId, Moves)>>,
}

impl Page {
    /// A new ticket for analysis `k`; a running task for it sees the change and stops.
    fn ticket(self, k: usize) -> u32 {
        self.tickets.update_value(|t| t[k] = t[k].wrapping_add(1));
        self.tickets.with_value(|t| t[k])
    }

    /// Whether `mine` is still analysis `k`'s ticket (and the page still open).
    fn current(self, k: usize, mine: u32) -> bool {
        self.tickets.try_with_value(|t| t[k] == mine) == Some(true)
    }

    /// The scenario the contributions are for, with its name: the current one or a compared one.
    fn wf_scenario(self, root: &Element, l: Lang) -> (Scenario, String) {
        let choice = pick(root, "wf-scenario");
        choice
            .strip_prefix("cmp")
            .and_then(|i| i.parse::<usize>().ok())
            .and_then(|i| {
                self.compare
                    .with_untracked(|c| c.get(i).map(|x| (x.scenario.clone(), x.label(l))))
            })
            .unwrap_or_else(|| {
                (
                    self.edit.scenario.get_untracked(),
                    Msg::CurrentScenario.text(l).to_string(),
                )
            })
    }

    /// Everything again (the page arrived, the scenario or the comparison changed).
    #[inline(never)]
    fn run_all(self, root: Element) {
        self.fill_scenarios(&root);
        self.run_tornado(root.clone());
        self.run_seek(root.clone());
        self.run_best(root.clone());
        self.run_waterfall(root);
    }

    #[inline(never)]
    fn run_tornado(self, root: Element) {
        sync_year(&root, "tornado-measure", "tornado-year");
        let mine = self.ticket(TORNADO);
        let l = self.lang.get_untracked();
        let Some((m, unit, label)) = measure(
            &pick(&root, "tornado-measure"),
            &pick(&root, "tornado-year"),
            l,
        ) else {
            return;
        };
        slices::spawn(move || {
            if self.current(TORNADO, mine) {
                self.draw_tornado(&root, m, unit, &label, l);
            }
            true
        });
    }

    #[inline(never)]
    fn draw_tornado(self, root: &Element, m: Measure, unit: &'static str, label: &str, l: Lang) {
        let t = self
            .edit
            .scenario
            .with_untracked(|s| tornado(s, m, DEFAULT_TOP));
        let f = display_unit(unit, l).1;
        let chart = BarChart {
            title: label.to_string(),
            rows: t
                .bars
                .iter()
                .map(|b| BarRow {
                    label: input_label(b.input, l).to_string(),
                    note: format!(
                        "{} … {}",
                        quantity(b.low_output, unit, l),
                        quantity(b.high_output, unit, l)
                    ),
                    segments: vec![
                        (t.base * f, b.low_output * f, STEEL),
                        (t.base * f, b.high_output * f, VANADIUM),
                    ],
                    total: false,
                })
                .collect(),
            marker: Some((
                t.base * f,
                Msg::NowValue
                    .text(l)
                    .replace("{value}", &quantity(t.base, unit, l)),
            )),
            legend: vec![
                (STEEL, Msg::LowEnd.text(l).into()),
                (VANADIUM, Msg::HighEnd.text(l).into()),
            ],
        };
        if let Some(b) = result_box(root, "tornado") {
            b.set_inner_html(&bars_svg(&chart, f64::from(b.client_width())));
        }
    }

    #[inline(never)]
    fn run_seek(self, root: Element) {
        let mine = self.ticket(SEEK);
        let (Some(target), Some(lever)) = (
            TargetId::from_key(&pick(&root, "seek-target")),
            LeverId::from_key(&pick(&root, "seek-lever")),
        ) else {
            return;
        };
        slices::spawn(move || {
            if self.current(SEEK, mine) {
                self.draw_seek(&root, target, lever);
            }
            true
        });
    }

    #[inline(never)]
    fn draw_seek(self, root: &Element, target: TargetId, lever: LeverId) {
        let l = self.lang.get_untracked();
        let Some(b) = result_box(root, "seek") else {
            return;
        };
        let Ok(r) = self
            .edit
            .scenario
            .with_untracked(|s| goal_seek(s, target, lever))
        else {
            b.set_text_content(None);
            return;
        };
        let msg = if r.reached && r.value == r.from {
            Msg::SeekAlready
        } else if r.reached {
            Msg::SeekReached
        } else {
            Msg::SeekUnreachable
        };
        let text = msg
            .text(l)
            .replace("{lever}", lspec(lever).label.get(l))
            .replace("{from}", &lever_value(lever, r.from, l))
            .replace("{value}", &lever_value(lever, r.value, l))
            .replace("{result}", &result_text(&r.result, l));
        let apply = r.value != r.from;
        self.seek_answer
            .set_value(apply.then_some((lever, r.value)));
        b.set_inner_html(&format!(
            r#"<p class="seek {}">{}</p>{}"#,
            if r.reached { "ok" } else { "alert" },
            esc(&text),
            if apply {
                apply_button("seek", l)
            } else {
                String::new()
            }
        ));
    }

    #[inline(never)]
    fn run_best(self, root: Element) {
        let mine = self.ticket(BEST);
        let scored: Vec<TargetId> = TARGETS
            .iter()
            .filter(|t| t.rule != Rule::Unquantified)
            .map(|t| t.id)
            .collect();
        let mut rows = String::new();
        let mut answers = Vec::new();
        let mut next = 0;
        progress(&root, "best", Some((0, scored.len())));
        slices::spawn(move || {
            if !self.current(BEST, mine) {
                return true;
            }
            // One target per slice (each search is a few hundred to two thousand model runs).
            if let Some(&id) = scored.get(next) {
                if let Some((row, changes)) = self.best_row(id) {
                    rows += &row;
                    answers.push((id, changes));
                }
                next += 1;
                progress(&root, "best", Some((next, scored.len())));
                return false;
            }
            if let Some(b) = result_box(&root, "best") {
                b.set_inner_html(&rows);
            }
            self.best_answers.set_value(std::mem::take(&mut answers));
            progress(&root, "best", None);
            true
        });
    }

    /// The best-reachable table row of a target, and the lever changes it needs.
    #[inline(never)]
    fn best_row(self, id: TargetId) -> Option<(String, Moves)> {
        let l = self.lang.get_untracked();
        let s = self.edit.scenario.get_untracked();
        let r = best_reachable(&s, id).ok()?;
        let changes = if r.changes.is_empty() {
            Msg::NoLeverChange.text(l).to_string()
        } else {
            r.changes
                .iter()
                .map(|&(lv, from, to)| {
                    format!(
                        "{}: {} → {}",
                        lspec(lv).label.get(l),
                        lever_value(lv, from, l),
                        lever_value(lv, to, l)
                    )
                })
                .collect::<Vec<_>>()
                .join("; ")
        };
        let key = tspec(id).key;
        let row = format!(
            r#"<tr data-best="{key}" data-status="{}"><th scope="row">{}</th><td>{}</td><td>{}</td><td>{}</td></tr>"#,
            r.result.status.key(),
            esc(tspec(id).label.get(l)),
            esc(&result_text(&r.result, l)),
            esc(&changes),
            if r.changes.is_empty() {
                String::new()
            } else {
                apply_button(&format!("best:{key}"), l)
            }
        );
        Some((row, r.changes))
    }

    #[inline(never)]
    fn run_waterfall(self, root: Element) {
        sync_year(&root, "wf-measure", "wf-year");
        let mine = self.ticket(WATERFALL);
        let l = self.lang.get_untracked();
        let Some((m, unit, label)) =
            measure(&pick(&root, "wf-measure"), &pick(&root, "wf-year"), l)
        else {
            return;
        };
        let (s, name) = self.wf_scenario(&root, l);
        if let Some(b) = result_box(&root, "waterfall") {
            b.set_inner_html(&format!(
                r#"<p class="pending">{}</p>"#,
                Msg::Computing.text(l)
            ));
        }
        let mut run = Some(ShapleyRun::new(
            &s,
            m,
            vtre_analysis::shapley::MAX_EXACT,
            vtre_analysis::shapley::DEFAULT_PERMUTATIONS,
            crate::ENSEMBLE_SEED,
        ));
        slices::spawn(move || {
            if !self.current(WATERFALL, mine) {
                return true;
            }
            let Some(r) = run.as_mut() else { return true };
            let end = slices::deadline();
            let mut done = false;
            while !done && slices::clock() < end {
                done = r.step(4);
            }
            if !done {
                progress(&root, "waterfall", Some((r.runs(), r.planned_runs())));
                return false;
            }
            progress(&root, "waterfall", None);
            if let Some(c) = run.take().map(ShapleyRun::finish) {
                draw_waterfall(&root, &c, unit, &label, &name, l);
            }
            true
        });
    }

    /// The compared scenarios as choices for the contributions; a scenario picked in the compare view is
    /// selected.
    #[inline(never)]
    fn fill_scenarios(self, root: &Element) {
        let Some(sel) = root
            .query_selector("[data-pick=\"wf-scenario\"]")
            .ok()
            .flatten()
        else {
            return;
        };
        let keep = value_of(&sel);
        for o in all(&sel, "option[value^=cmp]") {
            o.remove();
        }
        let l = self.lang.get_untracked();
        self.compare.with_untracked(|c| {
            for (i, x) in c.iter().enumerate() {
                if let Ok(o) = document().create_element("option") {
                    let _ = o.set_attribute("value", &format!("cmp{i}"));
                    o.set_text_content(Some(&x.label(l)));
                    let _ = sel.append_child(&o);
                }
            }
        });
        set_pick(root, "wf-scenario", &keep);
        if let Some(i) = self.wf_pick.try_update(Option::take).flatten() {
            set_pick(root, "wf-scenario", &format!("cmp{i}"));
        }
        if pick(root, "wf-scenario").is_empty() {
            set_pick(root, "wf-scenario", "current");
        }
    }

    fn on_change(self, root: Element, el: &Element) {
        match el.get_attribute("data-pick").as_deref() {
            Some("tornado-measure" | "tornado-year") => self.run_tornado(root),
            Some("seek-target") => {
                // The lever the target names first, a good start.
                if let Some(t) = TargetId::from_key(&value_of(el)) {
                    if let Some(l) = tspec(t).levers.first() {
                        set_pick(&root, "seek-lever", l.key());
                    }
                }
                self.run_seek(root);
            }
            Some("seek-lever") => self.run_seek(root),
            Some("wf-scenario" | "wf-measure" | "wf-year") => self.run_waterfall(root),
            _ => {}
        }
    }

    /// Apply: a goal-seek answer or a best setting, as one undoable edit.
    fn on_click(self, el: &Element) {
        let Some(b) = closest(el, "[data-apply]") else {
            return;
        };
        let what = b.get_attribute("data-apply").unwrap_or_default();
        let changes: Vec<(LeverId, f64)> = if what == "seek" {
            self.seek_answer.get_value().into_iter().collect()
        } else if let Some(id) = what.strip_prefix("best:").and_then(TargetId::from_key) {
            self.best_answers.with_value(|a| {
                a.iter()
                    .filter(|(t, _)| *t == id)
                    .flat_map(|(_, c)| c.iter().map(|&(lever, _, to)| (lever, to)))
                    .collect()
            })
        } else {
            return;
        };
        self.edit.step(|s| {
            for &(lever, to) in &changes {
                s.set(lever, to);
            }
        });
    }
}

fn apply_button(what: &str, l: Lang) -> String {
    format!(
        r#"<button class="apply" data-apply="{what}">{}</button>"#,
        Msg::Apply.text(l)
    )
}

/// The contributions waterfall: the reference, each change (largest first) from where the previous one
/// ended, and the scenario.
#[inline(never)]
fn draw_waterfall(
    root: &Element,
    c: &vtre_analysis::Contributions,
    unit: &'static str,
    label: &str,
    name: &str,
    l: Lang,
) {
    let f = display_unit(unit, l).1;
    let mut parts = c.parts.clone();
    // Largest contributions first (the path changes, the end does not: the parts add up).
    vtre_model::small_sort::sort_by(&mut parts, |a, b| {
        b.contribution.abs().total_cmp(&a.contribution.abs())
    });
    let mut cum = c.reference;
    let mut lowest = c.reference.min(c.scenario);
    let mut highest = c.reference.max(c.scenario);
    let mut steps = vec![];
    for p in &parts {
        let from = cum;
        cum += p.contribution;
        lowest = lowest.min(cum);
        highest = highest.max(cum);
        steps.push((p, from, cum));
    }
    // Totals start a little below the lowest point, so the changes are not dwarfed by them.
    let base = lowest - (highest - lowest).max(highest.abs() * 0.02) * 0.6;
    let mut rows = vec![BarRow {
        label: Msg::ReferenceScenario.text(l).into(),
        note: quantity(c.reference, unit, l),
        segments: vec![(base * f, c.reference * f, GREY)],
        total: true,
    }];
    for (p, from, to) in steps {
        let range = match p.input {
            Input::Lever(id) => format!(
                "{} → {}",
                lever_value(id, p.from, l),
                lever_value(id, p.to, l)
            ),
            Input::Param(_) => {
                let n = |v: f64| {
                    vtre_i18n::group(v, vtre_i18n::decimals(v, vtre_i18n::Precision::Assumption))
                };
                format!("{} → {}", n(p.from), n(p.to))
            }
        };
        rows.push(BarRow {
            label: format!("{} ({range})", input_label(p.input, l)),
            note: signed(p.contribution, unit, l),
            segments: vec![(
                from * f,
                to * f,
                if p.contribution < 0.0 {
                    STEEL
                } else {
                    VANADIUM
                },
            )],
            total: false,
        });
    }
    rows.push(BarRow {
        label: name.to_string(),
        note: format!(
            "{} ({})",
            quantity(c.scenario, unit, l),
            signed(c.total(), unit, l)
        ),
        segments: vec![(base * f, c.scenario * f, INK)],
        total: true,
    });
    let method = match c.method {
        Method::Exact => Msg::ExactRuns
            .text(l)
            .replace("{runs}", &c.runs.to_string()),
        Method::Sampled { permutations, .. } => Msg::SampledRuns
            .text(l)
            .replace("{m}", &permutations.to_string())
            .replace("{runs}", &c.runs.to_string()),
    };
    let chart = BarChart {
        title: format!("{}: {label}", Msg::Contributions.text(l)),
        rows,
        marker: None,
        legend: vec![
            (VANADIUM, Msg::Increase.text(l).into()),
            (STEEL, Msg::Decrease.text(l).into()),
        ],
    };
    if let Some(b) = result_box(root, "waterfall") {
        let body = if c.parts.is_empty() {
            format!("<p>{}</p>", Msg::NoChanges.text(l))
        } else {
            format!(
                r#"{}<p class="note" data-parts="{}" data-sum="{}" data-total="{}">{}</p>"#,
                bars_svg(&chart, f64::from(b.client_width())),
                c.parts.len(),
                c.sum(),
                c.total(),
                esc(&method)
            )
        };
        b.set_inner_html(&body);
    }
}

/// Puts the loaded page in `el`, keeping the choices already made (a change of language reloads it).
fn insert_page(el: &Element, html: &str) {
    let kept: Vec<(String, String)> = all(el, "[data-pick]")
        .iter()
        .filter_map(|p| Some((p.get_attribute("data-pick")?, value_of(p))))
        .collect();
    el.set_inner_html(html);
    if kept.is_empty() {
        // First load: the goal-seek lever starts at the one the target names first.
        if let Some(t) = TargetId::from_key(&pick(el, "seek-target")) {
            if let Some(l) = tspec(t).levers.first() {
                set_pick(el, "seek-lever", l.key());
            }
        }
    }
    for (name, value) in kept {
        set_pick(el, &name, &value);
    }
}

#[component]
pub fn AnalysisPage() -> impl IntoView {
    let LangCtx(lang) = expect_context();
    let CompareCtx(compare) = expect_context();
    let AnalysisCtx(wf_pick) = expect_context();
    let vc: super::state::ViewCtx = expect_context();
    let page = Page {
        lang,
        edit: expect_context(),
        compare,
        wf_pick,
        tickets: StoredValue::new([0u32; 4]),
        seek_answer: StoredValue::new(None),
        best_answers: StoredValue::new(Vec::new()),
    };
    let host = NodeRef::<Div>::new();
    let loaded = RwSignal::new(0u32);
    let failed = RwSignal::new(false);

    Effect::new(move |_| {
        let name = format!("analysis-{}", lang.get().key());
        leptos::task::spawn_local(async move {
            let text = load_page(&name).await;
            match (text, host.try_get_untracked().flatten()) {
                (Some(html), Some(el)) => {
                    insert_page(&el, &html);
                    failed.try_set(false);
                    loaded.try_update(|n| *n += 1);
                }
                (None, Some(_)) => {
                    failed.try_set(true);
                }
                _ => {}
            }
        });
    });

    // Everything again when the page arrives (or arrives in the other language), the scenario changes, or the
    // compared scenarios change.
    Effect::new(move |_| {
        let n = loaded.get();
        page.edit.scenario.track();
        compare.track();
        let Some(root) = host.get() else { return };
        if n == 0 {
            return;
        }
        if vc.reveal.with_untracked(Option::is_some) {
            vc.take_reveal(super::state::View::Analysis);
        }
        page.run_all((*root).clone().into());
    });

    let on_change = move |ev: leptos::ev::Event| {
        if let (Some(el), Some(root)) = (target_el(&ev), host.get_untracked()) {
            page.on_change((*root).clone().into(), &el);
        }
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if let Some(el) = target_el(&ev) {
            page.on_click(&el);
        }
    };

    view! {
        <p class="notice warn" hidden=move || !failed.get()>{super::t(lang, Msg::PageLoadFailed)}</p>
        <div class="static-page" data-page="analysis" node_ref=host on:change=on_change on:click=on_click>
            <p class="loading">{super::t(lang, Msg::Loading)}</p>
        </div>
    }
}
