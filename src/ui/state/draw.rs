//! The bridge to the drawing worker (issue 20: every move within a frame). A second instance of the analysis
//! worker's script (`crates/worker/src/draw.rs`) draws the charts on their canvases, handed over with
//! `transferControlToOffscreen`: the drawing and the canvases' rasterisation — about 4 ms of a move's
//! main-thread work on a desktop, more on a phone — leave the page's main thread.
//!
//! It starts with the analysis worker (on the first lever move, a shared scenario or the analysis page, see
//! [`super::worker`]): until it says it is ready, and wherever it cannot run (no `transferControlToOffscreen`,
//! no worker, an error), the charts are drawn on the page as before. [`DrawCtx::on`] tells the charts
//! which: when it turns true each chart renders a fresh canvas (one that has been drawn on cannot be handed
//! over) and hands it over; if the worker fails later, it turns false and the charts draw on fresh canvases
//! of their own again.

use leptos::prelude::*;
use std::cell::RefCell;
use vtre_charts::{wire, ChartData, DrawOpts, PlotArea};
use vtre_codec::worker::{from_worker_taking, FromWorker};
use wasm_bindgen::prelude::*;

/// Whether the drawing worker draws the charts: once it is ready, except while the page is printed (the
/// browser prints what is on screen at once, and a drawing still on its way from the worker would be
/// missing: the charts are drawn on the page for the print, then handed back).
#[derive(Clone, Copy)]
pub struct DrawCtx {
    ready: RwSignal<bool>,
    printing: RwSignal<bool>,
}

impl DrawCtx {
    pub fn provide() -> Self {
        let ready = RwSignal::new(false);
        let printing = RwSignal::new(false);
        BRIDGE.with(|b| b.borrow_mut().ready = Some(ready));
        // The listeners outlive a core module that has handed the page over: they do nothing then.
        let print = move |on: bool| {
            if !crate::ui::handover::retired() {
                printing.try_set(on);
            }
        };
        let _ = window_event_listener(leptos::ev::beforeprint, move |_| print(true));
        let _ = window_event_listener(leptos::ev::afterprint, move |_| print(false));
        let ctx = DrawCtx { ready, printing };
        provide_context(ctx);
        ctx
    }

    /// The worker draws the charts now (tracked).
    pub fn on(self) -> bool {
        self.ready.get() && !self.printing.get()
    }
}

/// A handed-over canvas: what its chart does with the plot area once drawn, and the text last sent with it
/// (the same again is left out: the worker keeps it, so a drag sends numbers only).
struct Canvas {
    id: u32,
    drawn: Box<dyn Fn(PlotArea)>,
    text: String,
}

#[derive(Default)]
struct Bridge {
    worker: Option<web_sys::Worker>,
    ready: Option<RwSignal<bool>>,
    next: u32,
    canvases: Vec<Canvas>,
    /// The drawings asked for in this task, the latest for each canvas, sent after it ([`draw`]).
    pending: Vec<Pending>,
}

thread_local! {
    static BRIDGE: RefCell<Bridge> = RefCell::new(Bridge::default());
}

fn set_ready(v: bool) {
    let sig = BRIDGE.with(|b| b.borrow().ready);
    if let Some(sig) = sig {
        if sig.try_get_untracked() != Some(v) {
            sig.try_set(v);
        }
    }
}

/// The browser can hand a canvas to a worker.
fn supported() -> bool {
    document().create_element("canvas").is_ok_and(|c| {
        js_sys::Reflect::has(&c, &"transferControlToOffscreen".into()).unwrap_or(false)
    })
}

/// Starts the drawing worker from `url` (the analysis worker's script), once.
pub fn start(url: &str) {
    if BRIDGE.with(|b| b.borrow().worker.is_some()) || !supported() {
        return;
    }
    let on_message = |data: JsValue| {
        if let Some(t) = data.as_string() {
            if matches!(
                from_worker_taking(&t, super::worker::READ),
                Ok(FromWorker::Ready)
            ) {
                set_ready(true);
            }
        } else if let Some(a) = data.dyn_ref::<js_sys::Array>() {
            answer(a);
        }
    };
    let Some(worker) = super::worker::spawn(url, on_message, fail) else {
        return;
    };
    BRIDGE.with(|b| b.borrow_mut().worker = Some(worker));
}

/// The worker stopped: the charts go back to drawing on the page (on fresh canvases).
fn fail() {
    shut_down();
    set_ready(false);
}

/// Stops the worker (also for good, when the core module hands over to the full module, whose charts hand
/// their own canvases to a worker of its own).
pub fn shut_down() {
    let w = BRIDGE.with(|b| {
        let mut b = b.try_borrow_mut().ok()?;
        b.canvases.clear();
        b.pending.clear();
        b.worker.take()
    });
    if let Some(w) = w {
        w.terminate();
    }
}

fn answer(a: &js_sys::Array) {
    let Some(id) = a.get(1).as_f64().map(|v| v as u32) else {
        return;
    };
    match a.get(0).as_string().as_deref() {
        Some("drawn") => {
            let n = |i| a.get(i).as_f64().map(|v| v as i32);
            let (Some(x0), Some(x1), Some(y0), Some(y1)) = (n(2), n(3), n(4), n(5)) else {
                return;
            };
            BRIDGE.with(|b| {
                if let Some(c) = b.borrow().canvases.iter().find(|c| c.id == id) {
                    (c.drawn)(PlotArea { x0, x1, y0, y1 });
                }
            });
        }
        Some("failed") => leptos::logging::warn!("chart {id} not drawn in the worker"),
        _ => {}
    }
}

fn send(msg: &js_sys::Array, transfer: Option<&JsValue>) -> bool {
    BRIDGE.with(|b| {
        let b = b.borrow();
        let Some(w) = b.worker.as_ref() else {
            return false;
        };
        match transfer {
            Some(t) => w
                .post_message_with_transfer(msg, &js_sys::Array::of1(t))
                .is_ok(),
            None => w.post_message(msg).is_ok(),
        }
    })
}

fn post(parts: &[JsValue], transfer: Option<&JsValue>) -> bool {
    // Drawings asked for before go first (a canvas dropped after its drawing was asked for).
    flush();
    send(&parts.iter().collect(), transfer)
}

/// Hands `el` to the worker; `drawn` hears the plot area after each drawing. `None` if it cannot be handed
/// over (it has been drawn on, or the worker is gone): the chart then draws on it itself.
pub fn hand_over(
    el: &web_sys::HtmlCanvasElement,
    drawn: impl Fn(PlotArea) + 'static,
) -> Option<u32> {
    if BRIDGE.with(|b| b.borrow().worker.is_none()) {
        return None;
    }
    let off = el.transfer_control_to_offscreen().ok()?;
    let id = BRIDGE.with(|b| {
        let mut b = b.borrow_mut();
        b.next += 1;
        let id = b.next;
        b.canvases.push(Canvas {
            id,
            drawn: Box::new(drawn),
            text: String::new(),
        });
        id
    });
    post(
        &["canvas".into(), id.into(), off.clone().into()],
        Some(&off),
    )
    .then_some(id)
}

/// A drawing asked for and not yet sent.
struct Pending {
    id: u32,
    size: (u32, u32),
    data: ChartData,
    opts: DrawOpts,
}

/// Sends the drawings asked for so far as one message, `["batch", draw…]`: the worker draws them in one task,
/// so the charts of a move reach the screen in one frame and the page posts once a move, not once a chart.
fn flush() {
    let Some(pending) =
        BRIDGE.with(|b| Some(std::mem::take(&mut b.try_borrow_mut().ok()?.pending)))
    else {
        return;
    };
    if pending.is_empty() {
        return;
    }
    let batch = js_sys::Array::of1(&"batch".into());
    for p in pending {
        batch.push(&message(p));
    }
    send(&batch, None);
}

/// One drawing's message: `["draw", id, width, height, scale, hover, hidden, numbers, text]`, the text left
/// out when the worker has it already.
fn message(p: Pending) -> js_sys::Array {
    let (nums, text) = wire::encode(&p.data);
    let text = BRIDGE.with(|b| {
        let mut b = b.borrow_mut();
        let c = b.canvases.iter_mut().find(|c| c.id == p.id)?;
        (c.text != text).then(|| {
            let v = JsValue::from_str(&text);
            c.text = text;
            v
        })
    });
    let mut hidden = String::new();
    for k in &p.opts.hidden {
        hidden.push_str(k);
        hidden.push(wire::SEP);
    }
    [
        JsValue::from_str("draw"),
        p.id.into(),
        p.size.0.into(),
        p.size.1.into(),
        p.opts.scale.into(),
        p.opts.hover.map_or(-1.0, |h| h as f64).into(),
        hidden.into(),
        js_sys::Float64Array::from(nums.as_slice()).into(),
        text.unwrap_or(JsValue::UNDEFINED),
    ]
    .iter()
    .collect()
}

/// Asks the worker to draw `data` on canvas `id` at `size` device pixels: queued, and sent with the other
/// charts' drawings in a task after this one, when every effect of the change has run (Leptos runs effects
/// woken by other effects in later microtasks: a move redraws a chart, then the cleared bands redraw it
/// again). Only the latest drawing of each canvas is sent.
pub fn draw(id: u32, size: (u32, u32), data: ChartData, opts: DrawOpts) {
    let first = BRIDGE.with(|b| {
        let mut b = b.borrow_mut();
        let first = b.pending.is_empty();
        b.pending.retain(|p| p.id != id);
        b.pending.push(Pending {
            id,
            size,
            data,
            opts,
        });
        first
    });
    if first {
        set_timeout(flush, std::time::Duration::ZERO);
    }
}

/// The chart of canvas `id` is gone.
pub fn drop_canvas(id: u32) {
    BRIDGE.with(|b| b.borrow_mut().canvases.retain(|c| c.id != id));
    post(&["drop".into(), id.into()], None);
}

/// What [`Painter::paint`] did.
pub enum Painted {
    /// The canvas was replaced by a fresh copy (handed to the worker, or back from it): the caller's effect
    /// runs again for the new one, which is drawn then.
    Swapped,
    /// The drawing (or preparing it for the worker) panicked: the chart's part is marked failed (`contain`).
    Failed,
    /// Drawn here or sent to the worker (the plot area is in the painter's `area` once known), or the
    /// drawing's error.
    Drawn(Result<(), String>),
}

/// Draws one chart's canvas, in the drawing worker while [`DrawCtx::on`] and on the page otherwise: shared by
/// the charts and the phone's docked chart. Holds the canvas' id in the worker (0 if it could not be handed
/// over, `None` while not tried) and tells the worker when the chart goes.
#[derive(Clone, Copy)]
pub struct Painter {
    handed: StoredValue<Option<u32>>,
    /// Where the plot area goes once drawn (the tooltip's), if anywhere.
    area: Option<StoredValue<PlotArea>>,
    ctx: Option<DrawCtx>,
}

impl Painter {
    pub fn new(area: Option<StoredValue<PlotArea>>) -> Self {
        let handed = StoredValue::new(None::<u32>);
        on_cleanup(move || {
            if let Some(id) = handed.try_get_value().flatten().filter(|&id| id > 0) {
                drop_canvas(id);
            }
        });
        Painter {
            handed,
            area,
            ctx: use_context::<DrawCtx>(),
        }
    }

    /// Draws `d` on `node`'s canvas `el` at `size` device pixels as the guarded part `part`. A fresh copy
    /// replaces a canvas that has been drawn on when the worker takes over (one cannot be handed over), and
    /// one that has been handed over when the page draws again. The plot area goes to the painter's `area`.
    pub fn paint(
        self,
        node: NodeRef<leptos::html::Canvas>,
        el: &web_sys::HtmlCanvasElement,
        size: (u32, u32),
        part: &'static str,
        d: ChartData,
        opts: DrawOpts,
    ) -> Painted {
        let (handed, area) = (self.handed, self.area);
        let on = self.ctx.is_some_and(DrawCtx::on);
        let swap = |fresh: web_sys::HtmlCanvasElement| {
            node.set(Some(send_wrapper::SendWrapper::new(fresh)));
            Painted::Swapped
        };
        let id = match (on, handed.get_value()) {
            (true, None) => match fresh_canvas(el) {
                // Not replaceable: drawn here.
                None => {
                    handed.set_value(Some(0));
                    None
                }
                Some(fresh) => {
                    let id = hand_over(&fresh, move |a| {
                        if let Some(s) = area {
                            s.set_value(a);
                        }
                    });
                    handed.set_value(Some(id.unwrap_or(0)));
                    if id.is_some() {
                        let _ = fresh.set_attribute("data-drawn-in", "worker");
                    }
                    return swap(fresh);
                }
            },
            (false, Some(id)) if id > 0 => {
                handed.set_value(None);
                return match fresh_canvas(el) {
                    Some(fresh) => {
                        let _ = fresh.remove_attribute("data-drawn-in");
                        swap(fresh)
                    }
                    None => Painted::Swapped,
                };
            }
            (_, Some(id)) if id > 0 => Some(id),
            _ => None,
        };
        // The work owns its data (a copy: no signal is read inside).
        let el = el.clone();
        let done = crate::ui::contain::guarded(part, move || {
            match id {
                Some(id) => draw(id, size, d, opts),
                None => {
                    let a = vtre_charts::draw_canvas(el, size, &d, &opts)?;
                    if let Some(s) = area {
                        s.set_value(a);
                    }
                }
            }
            Ok(())
        });
        done.map_or(Painted::Failed, Painted::Drawn)
    }
}

/// A copy of `el` (its attributes, no drawing) in its place in the page.
fn fresh_canvas(el: &web_sys::HtmlCanvasElement) -> Option<web_sys::HtmlCanvasElement> {
    let fresh: web_sys::HtmlCanvasElement = el.clone_node().ok()?.dyn_into().ok()?;
    el.replace_with_with_node_1(&fresh).ok()?;
    Some(fresh)
}
