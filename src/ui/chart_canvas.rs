//! One chart: a hi-DPI `<canvas>` drawn by plotters, a legend whose entries toggle series, a crosshair
//! tooltip (mouse and touch), and a table toggle showing the same data as an accessible HTML table, with the
//! published figures on the chart's lines in a second table. A later policy start shades the years before it
//! as history on the canvas and marks them in the tooltip and the table. A visually hidden paragraph
//! (`aria-describedby` of the canvas) describes the chart in words, rewritten once a change has settled.
//! The component owns a `NodeRef` and the one effect that redraws.

mod curtail;
mod published;
mod table;

use super::state::draw::{Painted, Painter};
use super::state::t;
use super::state::ComparedCtx;
use super::state::{download, download_url, CompareCtx};
use super::state::{LangCtx, ProjectionCtx, ReferenceCtx};
use leptos::html::Canvas;
use leptos::prelude::*;
use table::cell;
use vtre_charts::{
    add_bands, add_policy_from, chart_data_compared, describe, draw_canvas, legend, to_svg, unit,
    ChartData, ChartId, DrawOpts, Kind, PlotArea,
};
use vtre_i18n::Msg;
use vtre_model::series::{FIRST_YEAR, N_YEARS};
use vtre_model::Scenario;

/// The chart's name as a guarded part (`contain`; `?fault=chart:co2` in a fault-injection build).
pub(super) fn part(c: ChartId) -> &'static str {
    match c {
        ChartId::OutputValue => "chart:output_value",
        ChartId::Co2 => "chart:co2",
        ChartId::Energy => "chart:energy",
        ChartId::Production => "chart:production",
        ChartId::IronConcentrate => "chart:iron_concentrate",
    }
}

fn css_color(c: plotters::style::RGBColor) -> String {
    format!("rgb({},{},{})", c.0, c.1, c.2)
}

/// The chart as a PNG data URL, drawn afresh at `css` size (the canvas on screen may be the drawing worker's,
/// which the page cannot read).
fn png(d: &ChartData, o: &DrawOpts, css: (f64, f64)) -> Option<String> {
    use wasm_bindgen::JsCast;
    let el: web_sys::HtmlCanvasElement =
        document().create_element("canvas").ok()?.dyn_into().ok()?;
    let size = (
        (css.0 * o.scale).round() as u32,
        (css.1 * o.scale).round() as u32,
    );
    draw_canvas(el.clone(), size, d, o).ok()?;
    el.to_data_url().ok()
}

/// Props: `chart` — which of the five charts.
#[component]
pub fn ChartCanvas(chart: ChartId) -> impl IntoView {
    let ProjectionCtx(p) = expect_context();
    let ReferenceCtx(r) = expect_context();
    let LangCtx(lang) = expect_context();
    let canvas = NodeRef::<Canvas>::new();
    let hidden = RwSignal::new(Vec::<&'static str>::new());
    let hover = RwSignal::new(None::<usize>);
    let show_table = RwSignal::new(false);
    let size_tick = RwSignal::new(0u32);
    // The canvas' CSS size, from a ResizeObserver: reading clientWidth while drawing would force a style and
    // layout pass on every lever move (the scorecard and headline text have just changed).
    let css_size = RwSignal::new((0.0f64, 0.0f64));
    // Charts off screen are not redrawn until they scroll into view (or the page is printed): most lever
    // moves then redraw only what the user can see.
    let visible = RwSignal::new(false);
    // The drawing panicked (`contain`): the chart says so in place of the canvas and stops drawing.
    let failed = RwSignal::new(super::contain::failed(part(chart)));
    let area = StoredValue::new(PlotArea::default());
    let CompareCtx(compare) = expect_context();
    let super::state::PresenterCtx(presenter) = expect_context();
    let ComparedCtx(compared) = expect_context();
    let ens: super::state::EnsembleCtx = expect_context();
    let super::state::ScenarioCtx(scenario) = expect_context();
    // Draws the canvas here or in the drawing worker.
    let painter = Painter::new(Some(area));
    let data: Memo<ChartData> = Memo::new(move |_| {
        let l = lang.get();
        let labels: Vec<String> = compare.with(|c| c.iter().map(|x| x.label(l)).collect());
        let mut d = compared.with(|cp| {
            let pairs: Vec<(String, &vtre_model::Projection)> =
                labels.into_iter().zip(cp.iter()).collect();
            p.with(|p| chart_data_compared(chart, p, &r, &pairs, l))
        });
        // The current scenario's uncertainty bands, once its ensemble is ready.
        if ens.bands_on.get() {
            ens.current.with(|c| {
                if let Some(c) = c {
                    p.with(|p| add_bands(&mut d, p, l, &|s| c.array(s)));
                }
            });
        }
        add_policy_from(&mut d, scenario.with(Scenario::start_year), l);
        d
    });
    // The policy frame on the canvas (`data-policy-from`, at once) and the chart in words for assistive
    // technology, rewritten 300 ms after the last change (not on every step of a drag, and without making
    // charts off screen compute their data on every move).
    // Written straight into the DOM by one effect: reactive attributes would each add code to the wasm.
    let desc_el = NodeRef::<leptos::html::Div>::new();
    let keys_el = NodeRef::<leptos::html::Div>::new();
    let desc_later = super::state::Debounce::default();
    // The language the legend keys are in (0: none yet, 1: zh, 2: en).
    let keys_lang = StoredValue::new(0u32);
    Effect::new(move |_| {
        let l = lang.get();
        let from = scenario.with(Scenario::start_year);
        p.track();
        compared.track();
        ens.bands_on.track();
        ens.current.track();
        if let Some(c) = canvas.get() {
            // Written here rather than as a reactive attribute: the canvas may be replaced
            // (`state::draw::Painter`).
            let label = format!("{} ({})", chart.title(l), unit(chart, l));
            if c.get_attribute("aria-label").as_deref() != Some(label.as_str()) {
                let _ = c.set_attribute("aria-label", &label);
            }
            let want = (from > vtre_model::scenario::POLICY_FROM_DEFAULT).then(|| from.to_string());
            if c.get_attribute("data-policy-from") != want {
                let _ = match want {
                    Some(y) => c.set_attribute("data-policy-from", &y),
                    None => c.remove_attribute("data-policy-from"),
                };
            }
        }
        let code = if l.zh() { 1 } else { 2 };
        let describe_now = move || {
            let text = data.try_with_untracked(|d| describe(d, l));
            if let (Some(text), Some(el)) = (text, desc_el.get_untracked()) {
                el.set_text_content(Some(&text));
            }
        };
        desc_later.cancel();
        if keys_lang.get_value() != code {
            // At mount and on a language switch: the description at once (the page must not keep sentences in
            // the other language).
            if keys_el.get().is_some() {
                let mounting = keys_lang.get_value() == 0;
                keys_lang.set_value(code);
                if mounting {
                    // At mount, in a task of its own: the app's first task (taking over the first view) stays
                    // short on a phone, and nothing visible waits for it.
                    desc_later.call(std::time::Duration::ZERO, move |_| describe_now());
                } else {
                    describe_now();
                }
            }
            return;
        }
        desc_later.call(std::time::Duration::from_millis(300), move |_| {
            describe_now()
        });
    });
    // Title, unit and legend depend on the language and the compared scenarios only, never on lever values:
    // a lever move recomputes `data` for the charts on screen and leaves these (and charts off screen) alone.
    let meta = Memo::new(move |_| {
        let l = lang.get();
        let labels: Vec<String> = compare.with(|c| c.iter().map(|x| x.label(l)).collect());
        (
            chart.title(l).to_string(),
            unit(chart, l),
            legend(chart, &labels, l),
        )
    });

    let _resize = window_event_listener(leptos::ev::resize, move |_| size_tick.update(|t| *t += 1));

    // The one effect that draws.
    Effect::new(move |_| {
        let Some(el) = canvas.get() else { return };
        // On screen already at mount: draw now rather than a frame later, when the observers first report.
        // Taking over the first view, its chart's box says where this one is without forcing a layout of the
        // new page (the view has the same boxes and was laid out already).
        let (top, bottom, w, h) = super::start::first_view_box(chart.key()).unwrap_or_else(|| {
            let r = el.get_bounding_client_rect();
            (r.top(), r.bottom(), r.width(), r.height())
        });
        let vh = window()
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(0.0);
        if w > 0.0 && h > 0.0 && bottom > 0.0 && top < vh {
            css_size.set((w, h));
            visible.set(true);
        }
        let on_view = wasm_bindgen::closure::Closure::<
            dyn FnMut(js_sys::Array, web_sys::IntersectionObserver),
        >::new(
            move |entries: js_sys::Array, io: web_sys::IntersectionObserver| {
                let seen = entries.iter().any(|e| {
                    js_sys::Reflect::get(&e, &"isIntersecting".into())
                        .ok()
                        .and_then(|v| v.as_bool())
                        .unwrap_or(false)
                });
                match visible.try_get_untracked() {
                    // The chart was unmounted (another view opened): stop observing.
                    None => io.disconnect(),
                    Some(was) if was != seen => {
                        visible.try_set(seen);
                    }
                    Some(_) => {}
                }
            },
        );
        let io = match web_sys::IntersectionObserver::new(wasm_bindgen::JsCast::unchecked_ref(
            on_view.as_ref(),
        )) {
            Ok(io) => {
                io.observe(&el);
                Some(io)
            }
            // No IntersectionObserver: treat every chart as visible.
            Err(_) => {
                visible.set(true);
                None
            }
        };
        let on_resize = wasm_bindgen::closure::Closure::<
            dyn FnMut(js_sys::Array, web_sys::ResizeObserver),
        >::new(
            move |entries: js_sys::Array, ro: web_sys::ResizeObserver| {
                for entry in entries.iter() {
                    let Ok(entry) =
                        wasm_bindgen::JsCast::dyn_into::<web_sys::ResizeObserverEntry>(entry)
                    else {
                        continue;
                    };
                    let r = entry.content_rect();
                    let size = (r.width(), r.height());
                    match css_size.try_get_untracked() {
                        None => ro.disconnect(),
                        Some(was) if was != size => {
                            css_size.try_set(size);
                        }
                        Some(_) => {}
                    }
                }
            },
        );
        let ro =
            web_sys::ResizeObserver::new(wasm_bindgen::JsCast::unchecked_ref(on_resize.as_ref()))
                .ok();
        if let Some(ro) = &ro {
            ro.observe(&el);
        }
        // When the chart is unmounted (another page, the widget's host resized it away): the observers stop
        // and their callbacks are freed, instead of one pair leaking per mount.
        let observers = send_wrapper::SendWrapper::new((io, ro, on_view, on_resize));
        on_cleanup(move || {
            let (io, ro, on_view, on_resize) = observers.take();
            if let Some(io) = io {
                io.disconnect();
            }
            if let Some(ro) = ro {
                ro.disconnect();
            }
            drop((on_view, on_resize));
        });
    });
    let _print = window_event_listener(leptos::ev::beforeprint, move |_| visible.set(true));

    Effect::new(move |_| {
        size_tick.track();
        if !visible.get() {
            return;
        }
        let Some(el) = canvas.get() else { return };
        let dpr = window().device_pixel_ratio().max(1.0);
        let (w, h) = match css_size.get() {
            (w, h) if w > 0.0 && h > 0.0 => (w, h),
            // Not observed yet (or no ResizeObserver): measure once.
            _ => (f64::from(el.client_width()), f64::from(el.client_height())),
        };
        let (w, h) = (w.max(200.0), h.max(160.0));
        let (pw, ph) = ((w * dpr).round() as u32, (h * dpr).round() as u32);
        // Presenter mode: larger type and strokes, readable from the back of the room.
        let k = if presenter.get() { 1.45 } else { 1.0 };
        let opts = DrawOpts {
            scale: dpr * k,
            hidden: hidden.get(),
            hover: hover.get(),
        };
        let d = data.get();
        // The published figures drawn as points (visible lines, not national): evidence for tests.
        let points = d
            .published
            .iter()
            .filter(|x| x.value.is_some() && !opts.hidden.contains(&x.key))
            .count()
            .to_string();
        // Here or in the drawing worker (`state::draw`), as a guarded part: a fault stops this chart only.
        match painter.paint(canvas, &el, (pw, ph), part(chart), d, opts) {
            Painted::Swapped => {}
            Painted::Failed => failed.set(true),
            Painted::Drawn(Ok(())) => {
                if el.get_attribute("data-published-points").as_deref() != Some(points.as_str()) {
                    let _ = el.set_attribute("data-published-points", &points);
                }
            }
            Painted::Drawn(Err(e)) => {
                leptos::logging::warn!("chart {} not drawn: {e}", chart.key())
            }
        }
    });

    let on_move = move |ev: leptos::ev::PointerEvent| {
        let dpr = window().device_pixel_ratio().max(1.0);
        let x = f64::from(ev.offset_x()) * dpr;
        let y = area.get_value().year_at(x);
        if hover.get_untracked() != y {
            hover.set(y);
        }
    };
    let tr = move |m: Msg| m.text(lang.get());
    let title_id = format!("chart-title-{}", chart.key());
    let desc_id = format!("chart-desc-{}", chart.key());
    let table_id = format!("chart-table-{}", chart.key());

    let tooltip = move || {
        hover.get().map(|i| {
            data.with(|d| {
                let rows = d
                    .lines
                    .iter()
                    .filter(|l| !hidden.get().contains(&l.key))
                    .map(|l| {
                        let v = l.values[i];
                        view! {
                            <li><span class="swatch" style:background=css_color(l.color)></span>
                                {l.label.clone()}": "<b>{cell(v, l.physical.as_ref(), i, lang.get())}</b></li>
                        }
                    })
                    .collect_view();
                let year = FIRST_YEAR + i as u16;
                let l = lang.get();
                // Published figures of this year on visible lines: what each is, and where it sits.
                let published = hidden.with(|h| published::tooltip_list(d, year, h, l));
                let history = if d.policy_from().is_some_and(|y| year < y) {
                    format!(" · {}", Msg::History.text(l))
                } else {
                    String::new()
                };
                let left = area.get_value().x0 as f64 / window().device_pixel_ratio().max(1.0);
                let pct = i as f64 / (N_YEARS - 1) as f64;
                view! {
                    <div class="tooltip" role="status" style:left=format!("calc({:.1}px + {:.1}% * 0.8)", left, pct * 100.0)
                        // Anchored by the same share of its width: whole at both ends of the axis (the figure
                        // clips what sticks out), centred in the middle.
                        style:transform=format!("translateX(-{:.0}%)", pct * 100.0)>
                        <strong>{year}</strong>" · "{d.unit.clone()}{history}
                        <ul>{rows}</ul>
                        {published}
                    </div>
                }
            })
        })
    };

    let curtail_note = curtail::note(chart, p, lang);

    view! {
        <figure class="chart" data-chart-figure=chart.key() aria-labelledby=title_id.clone()>
            <figcaption id=title_id.clone()>{move || meta.with(|m| m.0.clone())}
                <span class="unit">{move || meta.with(|m| format!(" ({})", m.1))}</span></figcaption>
            // The pointer is followed on the canvas' box (the tooltip lets it through): the canvas itself is
            // replaced when the drawing worker takes it over.
            <div class="canvas-wrap" on:pointerleave=move |_| hover.set(None)
                on:pointermove=on_move on:pointerdown=on_move>
                <canvas node_ref=canvas data-chart=chart.key() role="img"
                    aria-describedby=desc_id.clone()></canvas>
                {tooltip}
                <Show when=move || failed.get()>
                    <div class="part-failed" role="alert" data-part-failed=chart.key()>
                        <p>{t(lang, Msg::PartFailed)}</p>
                        <button type="button" on:click=move |_| super::contain::reload()>
                            {t(lang, Msg::Reload)}</button>
                    </div>
                </Show>
            </div>
            <div class="sr-only chart-desc" id=desc_id.clone() data-chart-desc=chart.key() node_ref=desc_el></div>
            <div class="legend" role="group" aria-label=t(lang, Msg::LegendHint)>
                {move || meta.with(|m| m.2.iter().map(|e| {
                    let key = e.key;
                    let dashed = e.kind == Kind::Reference;
                    view! {
                        <button class="legend-item" class:dashed=dashed data-series=key
                            aria-pressed=move || (!hidden.get().contains(&key)).to_string()
                            on:click=move |_| hidden.update(|h| if let Some(i) = h.iter().position(|k| *k == key) { h.remove(i); } else { h.push(key); })>
                            <span class="swatch" style:background=css_color(e.color)></span>
                            {e.label.clone()}
                        </button>
                    }
                }).collect_view())}
                <span class="legend-item band-key" data-band-legend="" hidden=move || !ens.bands_on.get()
                    title=t(lang, Msg::BandsExplain)>
                    <span class="swatch band" aria-hidden="true"></span>{t(lang, Msg::BandsLegend)}</span>
                <div class="published-keys" node_ref=keys_el>{move || published::legend_keys(chart, lang.get())}</div>
            </div>
            {curtail_note}
            <div class="chart-actions">
            <button class="export" data-action="export-png" aria-label=move || format!("{} PNG", meta.with(|m| m.0.clone()))
                on:click=move |_| {
                    let opts = DrawOpts {
                        scale: window().device_pixel_ratio().max(1.0),
                        hidden: hidden.get_untracked(),
                        hover: None,
                    };
                    let (w, h) = css_size.get_untracked();
                    if let Some(url) = data.with_untracked(|d| png(d, &opts, (w.max(200.0), h.max(160.0)))) {
                        download_url(&format!("vtre-{}.png", chart.key()), &url);
                    }
                }>{t(lang, Msg::PngExport)}</button>
            <button class="export" data-action="export-svg" aria-label=move || format!("{} SVG", meta.with(|m| m.0.clone()))
                on:click=move |_| {
                    let hidden_now = hidden.get_untracked();
                    let svg = data.with_untracked(|d| {
                        let mut d = d.clone();
                        d.lines.retain(|l| !hidden_now.contains(&l.key));
                        to_svg(&d, 960, 540)
                    });
                    if let Ok(svg) = svg {
                        download(&format!("vtre-{}.svg", chart.key()), "image/svg+xml", &svg);
                    }
                }>{t(lang, Msg::SvgExport)}</button>
            <button class="table-toggle" aria-expanded=move || show_table.get().to_string() aria-controls=table_id.clone()
                on:click=move |_| show_table.update(|s| *s = !*s)>
                {move || if show_table.get() { tr(Msg::HideTable) } else { tr(Msg::ShowTable) }}
            </button>
            </div>
            <div class="table-wrap" tabindex="0" id=table_id.clone() hidden=move || !show_table.get()>
                {table::data_table(chart, data, lang, show_table)}
            </div>
        </figure>
    }
}
