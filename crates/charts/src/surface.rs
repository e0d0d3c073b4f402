//! One drawing backend for both outputs of [`super::draw`]: the `<canvas>` in the app and the SVG string for
//! export and native tests.
//!
//! Why not draw on `CanvasBackend` and `SVGBackend` directly: `draw` is generic, so each backend would get its
//! own copy of plotters' whole chart/mesh/series machinery in the wasm. Dispatching here, below plotters,
//! keeps one copy (the wasm is smaller) and gives one place for what neither backend offers: native dashed
//! strokes. A dashed line on the canvas is one path with `setLineDash` instead of plotters' dozens of tiny
//! segments (each several calls across the wasm–JS boundary); in SVG the dashes are written out as segments.

use plotters::prelude::DrawingBackend;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
};
use std::cell::Cell;

/// A drawing error from either backend, as text.
#[derive(Debug)]
pub struct SurfaceError(pub String);

impl std::fmt::Display for SurfaceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SurfaceError {}

fn cast<E: std::error::Error + Send + Sync>(
    e: DrawingErrorKind<E>,
    text: impl FnOnce(E) -> String,
) -> DrawingErrorKind<SurfaceError> {
    match e {
        DrawingErrorKind::DrawingError(e) => DrawingErrorKind::DrawingError(SurfaceError(text(e))),
        DrawingErrorKind::FontError(e) => DrawingErrorKind::FontError(e),
    }
}

/// The SVG backend's error: an `io::Error` that writing into a `String` never raises, named without
/// formatting it (measured 2026-12-07: formatting it put `io::Error`'s `Display` in the page's first module,
/// 0.3 KiB gzip).
fn from_svg(e: DrawingErrorKind<std::io::Error>) -> DrawingErrorKind<SurfaceError> {
    cast(e, |_| "the SVG could not be written".into())
}

/// The canvas backend's error: the browser's message.
#[cfg(target_arch = "wasm32")]
fn from_canvas<E: std::error::Error + Send + Sync>(
    e: DrawingErrorKind<E>,
) -> DrawingErrorKind<SurfaceError> {
    cast(e, |e| e.to_string())
}

/// Where the chart goes.
pub enum Surface<'a> {
    Svg(plotters_svg::SVGBackend<'a>),
    #[cfg(target_arch = "wasm32")]
    Canvas {
        backend: plotters_canvas::CanvasBackend,
        ctx: web_sys::CanvasRenderingContext2d,
    },
}

impl<'a> Surface<'a> {
    pub fn svg(buf: &'a mut String, size: (u32, u32)) -> Self {
        Surface::Svg(plotters_svg::SVGBackend::with_string(buf, size))
    }

    #[cfg(target_arch = "wasm32")]
    pub fn canvas(el: web_sys::HtmlCanvasElement) -> Option<Self> {
        use wasm_bindgen::JsCast;
        // Opaque: every drawing starts by filling the chart white, and an opaque canvas is cheaper for the
        // browser to composite on every move. (The first request sets the context's attributes.)
        let opts = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&opts, &"alpha".into(), &false.into());
        let ctx = el
            .get_context_with_context_options("2d", &opts)
            .ok()
            .flatten()?
            .dyn_into::<web_sys::CanvasRenderingContext2d>()
            .ok()?;
        let backend = plotters_canvas::CanvasBackend::with_canvas_object(el)?;
        Some(Surface::Canvas { backend, ctx })
    }
}

thread_local! {
    /// Dash and gap (device pixels) for the paths drawn while [`dashed`] runs.
    static DASH: Cell<Option<(u32, u32)>> = const { Cell::new(None) };
}

/// Runs `f` with every path it draws dashed (`dash` on, `gap` off, in device pixels).
pub fn dashed<R>(dash: u32, gap: u32, f: impl FnOnce() -> R) -> R {
    DASH.with(|d| d.set(Some((dash.max(1), gap.max(1)))));
    let r = f();
    DASH.with(|d| d.set(None));
    r
}

/// The dash segments of a polyline: `dash` pixels drawn, `gap` pixels skipped, continuing across corners.
pub fn dash_segments(
    path: &[BackendCoord],
    dash: u32,
    gap: u32,
) -> Vec<(BackendCoord, BackendCoord)> {
    let (dash, gap) = (f64::from(dash.max(1)), f64::from(gap.max(1)));
    let mut out = Vec::new();
    // Position within the current dash+gap period.
    let mut phase = 0.0;
    for w in path.windows(2) {
        let (a, b) = (w[0], w[1]);
        let (dx, dy) = (f64::from(b.0 - a.0), f64::from(b.1 - a.1));
        let len = dx.hypot(dy);
        if len == 0.0 {
            continue;
        }
        let at = |t: f64| {
            (
                a.0 + (dx * t / len).round() as i32,
                a.1 + (dy * t / len).round() as i32,
            )
        };
        let mut t = 0.0;
        while t < len {
            if phase < dash {
                let end = (t + dash - phase).min(len);
                out.push((at(t), at(end)));
                phase += end - t;
                t = end;
            } else {
                let end = (t + dash + gap - phase).min(len);
                phase += end - t;
                t = end;
                if phase >= dash + gap {
                    phase = 0.0;
                }
            }
        }
    }
    out
}

type Res = Result<(), DrawingErrorKind<SurfaceError>>;

/// Calls the same backend method on whichever backend `surface` holds, as `b`, and casts its error.
macro_rules! on_backend {
    ($surface:expr, |$b:ident| $call:expr) => {
        match $surface {
            Surface::Svg($b) => $call.map_err(from_svg),
            #[cfg(target_arch = "wasm32")]
            Surface::Canvas { backend: $b, .. } => $call.map_err(from_canvas),
        }
    };
}

impl DrawingBackend for Surface<'_> {
    type ErrorType = SurfaceError;

    fn get_size(&self) -> (u32, u32) {
        match self {
            Surface::Svg(b) => b.get_size(),
            #[cfg(target_arch = "wasm32")]
            Surface::Canvas { backend, .. } => backend.get_size(),
        }
    }

    fn ensure_prepared(&mut self) -> Res {
        on_backend!(self, |b| b.ensure_prepared())
    }

    fn present(&mut self) -> Res {
        on_backend!(self, |b| b.present())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Res {
        on_backend!(self, |b| b.draw_pixel(point, color))
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Res {
        if DASH.with(Cell::get).is_some() {
            return self.draw_path([from, to], style);
        }
        on_backend!(self, |b| b.draw_line(from, to, style))
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Res {
        on_backend!(self, |b| b.draw_rect(upper_left, bottom_right, style, fill))
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Res {
        let dash = DASH.with(Cell::get);
        match self {
            Surface::Svg(b) => match dash {
                None => b.draw_path(path, style).map_err(from_svg),
                Some((d, g)) => {
                    let pts: Vec<BackendCoord> = path.into_iter().collect();
                    for (from, to) in dash_segments(&pts, d, g) {
                        b.draw_line(from, to, style).map_err(from_svg)?;
                    }
                    Ok(())
                }
            },
            #[cfg(target_arch = "wasm32")]
            Surface::Canvas { backend, ctx } => {
                if let Some((d, g)) = dash {
                    let pattern = js_sys::Array::of2(&f64::from(d).into(), &f64::from(g).into());
                    let _ = ctx.set_line_dash(&pattern);
                }
                let r = backend.draw_path(path, style).map_err(from_canvas);
                if dash.is_some() {
                    let _ = ctx.set_line_dash(&js_sys::Array::new());
                }
                r
            }
        }
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Res {
        on_backend!(self, |b| b.draw_circle(center, radius, style, fill))
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Res {
        on_backend!(self, |b| b.fill_polygon(vert, style))
    }

    fn draw_text<T: BackendTextStyle>(&mut self, text: &str, style: &T, pos: BackendCoord) -> Res {
        on_backend!(self, |b| b.draw_text(text, style, pos))
    }

    fn estimate_text_size<T: BackendTextStyle>(
        &self,
        text: &str,
        style: &T,
    ) -> Result<(u32, u32), DrawingErrorKind<SurfaceError>> {
        on_backend!(self, |b| b.estimate_text_size(text, style))
    }

    fn blit_bitmap(&mut self, pos: BackendCoord, size: (u32, u32), src: &[u8]) -> Res {
        on_backend!(self, |b| b.blit_bitmap(pos, size, src))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dashes_alternate_along_a_line_and_carry_across_corners() {
        // 0..20 horizontally then 10 down, dash 4 gap 2.
        let segs = dash_segments(&[(0, 0), (20, 0), (20, 10)], 4, 2);
        assert_eq!(segs[0], ((0, 0), (4, 0)));
        assert_eq!(segs[1], ((6, 0), (10, 0)));
        assert_eq!(segs[3], ((18, 0), (20, 0)));
        // The dash begun before the corner ends 2 px after it.
        assert_eq!(segs[4], ((20, 0), (20, 2)));
        let drawn: f64 = segs
            .iter()
            .map(|(a, b)| f64::from(b.0 - a.0).hypot(f64::from(b.1 - a.1)))
            .sum();
        assert!(
            (drawn - 20.0).abs() < 1.0,
            "two thirds of 30 px drawn: {drawn}"
        );
    }
}
