//! Drawing the page's charts off its main thread (issue 20). The page hands each chart's `<canvas>` over
//! (`transferControlToOffscreen`) and then, on every change, the chart's data ([`vtre_charts::wire`]) and how
//! to draw it; this draws it with the same code the page would run, and the browser shows the result without
//! the page's main thread rasterising it. Messages (arrays, so they never look like the analysis' text):
//!
//! - `["canvas", id, OffscreenCanvas]`: a chart's canvas (transferred);
//! - `["draw", id, width, height, scale, hover, hidden, numbers, text]`: draw it at `width`×`height` device
//!   pixels; `hover` is a year index or −1; `hidden` the keys of lines switched off, joined by `wire::SEP`;
//!   `text` is left out (undefined) when it is the same as the last one for this canvas (it is during a drag);
//! - `["drop", id]`: the chart is gone;
//! - `["batch", draw…]`: several `draw` messages (each an array as above), drawn in this one task, so the
//!   charts of one lever move reach the screen together; the page sends a move's drawings this way.
//!
//! Answers: `["drawn", id, x0, x1, y0, y1]` (the plot area, for the page's tooltip) when it is new or has
//! changed, or `["failed", id]`.
//! A malformed message is answered `failed` (when it names a chart) or ignored, like any outside input.

use std::cell::RefCell;
use std::collections::HashMap;
use vtre_charts::{draw_canvas, wire, DrawOpts, PlotArea};
use vtre_model::series::N_YEARS;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, OffscreenCanvas};

/// A handed-over canvas: the last text its chart came with and the plot area last answered.
struct Canvas {
    el: OffscreenCanvas,
    text: String,
    area: Option<PlotArea>,
}

thread_local! {
    static CANVASES: RefCell<HashMap<u32, Canvas>> = RefCell::new(HashMap::new());
    /// One copy of each series key received (a few dozen): `ChartData` holds keys as static strings.
    static KEYS: RefCell<HashMap<String, &'static str>> = RefCell::new(HashMap::new());
}

fn intern(k: &str) -> &'static str {
    KEYS.with(|m| {
        let mut m = m.borrow_mut();
        if let Some(s) = m.get(k) {
            return *s;
        }
        let s: &'static str = Box::leak(k.to_string().into_boxed_str());
        m.insert(k.to_string(), s);
        s
    })
}

/// plotters-canvas checks that a context is a `CanvasRenderingContext2D`, a name a worker does not have:
/// the worker's 2D context (`OffscreenCanvasRenderingContext2D`, the same drawing methods) goes by that name
/// here, so the crate draws on it unchanged.
fn name_the_context() {
    let g = js_sys::global();
    let has = |k: &str| js_sys::Reflect::has(&g, &k.into()).unwrap_or(false);
    if !has("CanvasRenderingContext2D") && has("OffscreenCanvasRenderingContext2D") {
        if let Ok(c) = js_sys::Reflect::get(&g, &"OffscreenCanvasRenderingContext2D".into()) {
            let _ = js_sys::Reflect::set(&g, &"CanvasRenderingContext2D".into(), &c);
        }
    }
}

fn reply(parts: &[JsValue]) {
    let a: js_sys::Array = parts.iter().collect();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let _ = scope.post_message(&a);
}

/// A whole non-negative number below 2^32 (an id or a size).
fn whole(v: JsValue) -> Option<u32> {
    let n = v.as_f64()?;
    ((0.0..4_294_967_296.0).contains(&n) && n.fract() == 0.0).then_some(n as u32)
}

/// Takes a message that is not text.
pub fn take(data: &JsValue) {
    let Some(a) = data.dyn_ref::<js_sys::Array>() else {
        return;
    };
    if a.get(0).as_string().as_deref() == Some("batch") {
        // Only drawings in a batch (no nested batch, no canvas).
        for m in a.iter().skip(1) {
            if let Some(d) = m.dyn_ref::<js_sys::Array>() {
                if d.get(0).as_string().as_deref() == Some("draw") {
                    take(d);
                }
            }
        }
        return;
    }
    let Some(id) = whole(a.get(1)) else { return };
    match a.get(0).as_string().as_deref() {
        Some("canvas") => {
            if let Ok(c) = a.get(2).dyn_into::<OffscreenCanvas>() {
                name_the_context();
                let c = Canvas {
                    el: c,
                    text: String::new(),
                    area: None,
                };
                CANVASES.with(|m| m.borrow_mut().insert(id, c));
            }
        }
        Some("drop") => {
            CANVASES.with(|m| m.borrow_mut().remove(&id));
        }
        Some("draw") => match draw_one(id, a) {
            // The same plot area as last time: nothing to tell.
            Some(None) => {}
            Some(Some(p)) => reply(&[
                "drawn".into(),
                id.into(),
                p.x0.into(),
                p.x1.into(),
                p.y0.into(),
                p.y1.into(),
            ]),
            None => reply(&["failed".into(), id.into()]),
        },
        _ => {}
    }
}

/// Draws; `Some(Some(area))` when the plot area is new, `Some(None)` when it is as before.
fn draw_one(id: u32, a: &js_sys::Array) -> Option<Option<PlotArea>> {
    let (w, h) = (whole(a.get(2))?, whole(a.get(3))?);
    // No chart is drawn larger than 8192 px a side (a browser's canvas limit is about there).
    if w == 0 || h == 0 || w > 8192 || h > 8192 {
        return None;
    }
    let scale = a.get(4).as_f64().filter(|s| s.is_finite() && *s > 0.0)?;
    let hover = a.get(5).as_f64()?;
    // A year index (what the page sends) or none; anything else draws no crosshair.
    let hover = (0.0..N_YEARS as f64)
        .contains(&hover)
        .then_some(hover as usize);
    let hidden: Vec<&'static str> = a
        .get(6)
        .as_string()?
        .split(wire::SEP)
        .filter(|k| !k.is_empty())
        .map(intern)
        .collect();
    let nums = a.get(7).dyn_into::<js_sys::Float64Array>().ok()?.to_vec();
    let text = a.get(8).as_string();
    CANVASES.with(|m| {
        let mut m = m.borrow_mut();
        let c = m.get_mut(&id)?;
        if let Some(t) = text {
            c.text = t;
        }
        let data = wire::decode(&nums, &c.text, &mut intern)?;
        let opts = DrawOpts {
            scale,
            hidden,
            hover,
        };
        let area = draw_canvas(c.el.clone().unchecked_into(), (w, h), &data, &opts).ok()?;
        let new = c.area != Some(area);
        c.area = Some(area);
        Some(new.then_some(area))
    })
}
