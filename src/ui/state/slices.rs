//! Long computations on the main thread without blocking it: a task runs in slices of a few milliseconds, and
//! between slices the browser handles input and renders. Slices are scheduled by posting a message on a
//! `MessageChannel` (not `setTimeout`, which Chromium clamps to 4 ms after a few nested calls, and not
//! `window.postMessage`, which the embedded widget listens to): a message is an ordinary task, so input
//! events and frames queued meanwhile go first. Works under the strict CSP (no worker, no eval).
//!
//! Tasks take turns (one slice each, round robin); a task answers `true` when it is finished (or cancelled)
//! and is then dropped, with whatever it holds.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use wasm_bindgen::prelude::*;

/// About how long one slice may run, in ms: well inside a 60 Hz frame, so a key press or a drag is answered
/// at once.
pub const SLICE_MS: f64 = 4.0;

type Task = Box<dyn FnMut() -> bool>;

thread_local! {
    static TASKS: RefCell<VecDeque<Task>> = const { RefCell::new(VecDeque::new()) };
    static SCHEDULED: Cell<bool> = const { Cell::new(false) };
    static PORT: RefCell<Option<web_sys::MessagePort>> = const { RefCell::new(None) };
}

/// The time in ms (`performance.now()`), for slice deadlines.
pub fn clock() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or_else(js_sys::Date::now, |p| p.now())
}

/// A deadline [`SLICE_MS`] from now.
pub fn deadline() -> f64 {
    clock() + SLICE_MS
}

/// Runs `task` in slices: it is called once per slice until it answers `true`. Each call should do about
/// [`SLICE_MS`] of work (check [`clock`] against a [`deadline`]).
pub fn spawn(task: impl FnMut() -> bool + 'static) {
    TASKS.with(|t| t.borrow_mut().push_back(Box::new(task)));
    kick();
}

fn kick() {
    if SCHEDULED.with(Cell::get) {
        return;
    }
    SCHEDULED.with(|s| s.set(true));
    let posted = PORT.with(|p| {
        if p.borrow().is_none() {
            *p.borrow_mut() = channel();
        }
        p.borrow()
            .as_ref()
            .is_some_and(|port| port.post_message(&JsValue::NULL).is_ok())
    });
    if !posted {
        // No MessageChannel: a zero timeout does the same, a little later.
        leptos::prelude::set_timeout(run_one, std::time::Duration::ZERO);
    }
}

/// The channel whose first port runs a slice per message; returns the port to post to.
fn channel() -> Option<web_sys::MessagePort> {
    let ch = web_sys::MessageChannel::new().ok()?;
    let on = Closure::<dyn FnMut()>::new(run_one);
    ch.port1().set_onmessage(Some(on.as_ref().unchecked_ref()));
    // One channel for the page's lifetime.
    on.forget();
    Some(ch.port2())
}

/// Runs one slice of the next task.
fn run_one() {
    SCHEDULED.with(|s| s.set(false));
    let next = TASKS.with(|t| t.borrow_mut().pop_front());
    if let Some(mut task) = next {
        // Not borrowed while it runs: a task may spawn another.
        if !task() {
            TASKS.with(|t| t.borrow_mut().push_back(task));
        }
    }
    if TASKS.with(|t| !t.borrow().is_empty()) {
        kick();
    }
}
