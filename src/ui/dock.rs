//! On a phone, move a lever and see it (issue 20): the charts sit below the lever panel, so while the reader
//! is among the levers a compact chart stays docked at the bottom of the screen — the chart the lever last
//! moved changes most visibly (`vtre_charts::chart_of_lever`), with tabs for the other four and the same
//! drawing as the full charts (bands, reference, compared scenarios). It appears once a lever has been
//! moved, stays while the lever panel is on screen and the charts are not, and can be closed. On a wide
//! screen (the charts beside the levers) it never shows.

use super::chart_canvas::part;
use super::state::draw::{Painted, Painter};
use super::state::{CompareCtx, EnsembleCtx};
use super::state::{ComparedCtx, LangCtx, ProjectionCtx, ReferenceCtx, ScenarioCtx};
use leptos::html::Canvas;
use leptos::prelude::*;
use vtre_charts::{add_bands, add_policy_from, chart_data_compared, ChartId, DrawOpts};
use vtre_i18n::Msg;
use vtre_model::{LeverId, Scenario};

/// The lever the reader moved last (set by each lever as it is moved).
#[derive(Clone, Copy)]
pub struct LastLever(pub RwSignal<Option<LeverId>>);

/// The widest screen that docks a chart (the layout's one-column breakpoint, `style/main.css`).
pub const NARROW_PX: f64 = 820.0;
/// The docked chart's height in CSS pixels (`.dock-chart` in `style/main.css`).
const HEIGHT: f64 = 150.0;

/// Watches whether any element matching `sel` intersects the viewport.
fn watch(sel: &'static str, seen: RwSignal<bool>) {
    let Some(el) = document().query_selector(sel).ok().flatten() else {
        return;
    };
    let cb = wasm_bindgen::closure::Closure::<dyn FnMut(js_sys::Array)>::new(
        move |entries: js_sys::Array| {
            if let Some(last) = entries.iter().last() {
                let on = js_sys::Reflect::get(&last, &"isIntersecting".into())
                    .ok()
                    .and_then(|v| v.as_bool())
                    .unwrap_or(false);
                seen.try_set(on);
            }
        },
    );
    if let Ok(io) =
        web_sys::IntersectionObserver::new(wasm_bindgen::JsCast::unchecked_ref(cb.as_ref()))
    {
        io.observe(&el);
        // The callback lives as long as the observer: both go with the dock.
        let cb = send_wrapper::SendWrapper::new(cb);
        on_cleanup(move || {
            io.disconnect();
            drop(cb);
        });
    }
}

#[component]
pub fn Dock() -> impl IntoView {
    let LastLever(last) = expect_context();
    let LangCtx(lang) = expect_context();
    let ProjectionCtx(p) = expect_context();
    let ReferenceCtx(r) = expect_context();
    let CompareCtx(compare) = expect_context();
    let ComparedCtx(compared) = expect_context();
    let ens: EnsembleCtx = expect_context();
    let ScenarioCtx(scenario) = expect_context();
    let narrow = window()
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .is_some_and(|w| w <= NARROW_PX);
    let levers_seen = RwSignal::new(false);
    let charts_seen = RwSignal::new(false);
    let closed = RwSignal::new(false);
    // The chart shown: the one the last lever moves, until a tab is chosen.
    let picked = RwSignal::new(None::<ChartId>);
    // A wide screen never docks: there nothing here follows the levers (no effect runs and no attribute is
    // written while a lever moves).
    Effect::new(move |_| {
        if narrow && last.get().is_some() {
            picked.set(None);
        }
    });
    let chart = Memo::new(move |_| {
        narrow
            .then(|| {
                picked
                    .get()
                    .or_else(|| last.get().map(vtre_charts::chart_of_lever))
            })
            .flatten()
            .unwrap_or(ChartId::OutputValue)
    });
    let shown = Memo::new(move |_| {
        narrow
            && last.with(Option::is_some)
            && levers_seen.get()
            && !charts_seen.get()
            && !closed.get()
    });
    if narrow {
        Effect::new(move |first: Option<()>| {
            if first.is_none() {
                watch(".levers", levers_seen);
                watch(".charts", charts_seen);
            }
        });
    }
    let canvas = NodeRef::<Canvas>::new();
    let failed = RwSignal::new(false);
    let painter = Painter::new(None);
    Effect::new(move |_| {
        if !shown.get() {
            return;
        }
        let Some(el) = canvas.get() else { return };
        let l = lang.get();
        let id = chart.get();
        let dpr = window().device_pixel_ratio().max(1.0);
        // The dock spans the screen (less its margins): no layout is read while a lever moves.
        let w = window()
            .inner_width()
            .ok()
            .and_then(|w| w.as_f64())
            .unwrap_or(360.0)
            - 20.0;
        let (pw, ph) = ((w * dpr).round() as u32, (HEIGHT * dpr).round() as u32);
        // Written here, not as reactive attributes: the canvas is replaced when the drawing worker takes it.
        let label = id.title(l);
        if el.get_attribute("aria-label").as_deref() != Some(label) {
            let _ = el.set_attribute("aria-label", label);
        }
        let labels: Vec<String> = compare.with(|c| c.iter().map(|x| x.label(l)).collect());
        let mut d = compared.with(|cp| {
            let pairs: Vec<(String, &vtre_model::Projection)> =
                labels.into_iter().zip(cp.iter()).collect();
            p.with(|p| chart_data_compared(id, p, &r, &pairs, l))
        });
        if ens.bands_on.get() {
            ens.current.with(|c| {
                if let Some(c) = c {
                    p.with(|p| add_bands(&mut d, p, l, &|s| c.array(s)));
                }
            });
        }
        add_policy_from(&mut d, scenario.with(Scenario::start_year), l);
        let opts = DrawOpts {
            scale: dpr * 0.85,
            ..DrawOpts::default()
        };
        // The same guarded part as the full chart (`contain`): a chart whose drawing panicked is not drawn
        // here either, and says so. Here or in the drawing worker, as the full charts.
        let done = painter.paint(canvas, &el, (pw, ph), part(id), d, opts);
        let broken = match done {
            Painted::Swapped => return,
            Painted::Failed => true,
            Painted::Drawn(r) => {
                if let Err(e) = r {
                    leptos::logging::warn!("docked chart not drawn: {e}");
                }
                false
            }
        };
        if failed.get_untracked() != broken {
            failed.set(broken);
        }
        if el.hidden() != broken {
            el.set_hidden(broken);
        }
    });
    view! {
        <aside class="dock" data-dock=move || chart.get().key() hidden=move || !shown.get()
            aria-label=super::state::t(lang, Msg::DockLabel)>
            <div class="dock-head" role="tablist">
                {ChartId::ALL.into_iter().map(|c| view! {
                    <button role="tab" class="dock-tab" data-dock-tab=c.key()
                        aria-selected=move || (chart.get() == c).to_string()
                        on:click=move |_| picked.set(Some(c))>{move || c.short_title(lang.get())}</button>
                }).collect_view()}
                <button class="dock-close" data-action="close-dock" aria-label=super::state::t(lang, Msg::DockClose)
                    on:click=move |_| closed.set(true)>"×"</button>
            </div>
            <canvas node_ref=canvas class="dock-chart" role="img"></canvas>
            <p class="dock-failed" role="alert" hidden=move || !failed.get()>{super::state::t(lang, Msg::PartFailed)}</p>
        </aside>
    }
}
