//! The bridge to the analysis worker (`crates/worker`): ensembles, tornado, goal-seek and contributions run
//! there, off the page's main thread, so a drag is never competing with them.
//!
//! The worker starts when first needed ([`run`] is first called): the reference scenario's ensemble comes
//! with the build (`data/ensemble-reference.txt`, see [`super::ensemble`]), so a reader who only looks never
//! loads it, and the first lever move (or a shared scenario, or the analysis page) does. Its script is
//! `<meta name="vtre-worker">` of this page's own build (versioned file names: a page never starts another
//! deployment's worker), started by URL from the same origin, so `script-src 'self'` covers it; the single-file
//! edition names a blob URL in `window.__vtreWorker` instead.
//!
//! Messages both ways are JSON text ([`vtre_codec::worker`]); what comes back is decoded like any outside
//! input and anything malformed is dropped. Until the worker says it is ready, runs wait here (a message
//! posted before the worker's wasm has set its handler would be lost). If it cannot start — no Worker, the
//! script blocked or missing, no answer within [`START_TIMEOUT_MS`] — [`WorkerStatus::Failed`] is set,
//! every waiting run is told so, and the app goes on without bands and chances.

use leptos::prelude::*;
use std::cell::RefCell;
use vtre_codec::worker::{from_worker_taking, Answer, FromWorker, Job, ToWorker};
use wasm_bindgen::prelude::*;

/// The answers this module reads: the core (issue 20) asks only for ensembles and QR codes, so the decoders
/// of the analysis page's answers are left out of it (a few KiB of wasm).
#[cfg(feature = "full")]
pub(super) const READ: vtre_codec::worker::AnswerReader = vtre_codec::worker::any_answer;
#[cfg(not(feature = "full"))]
pub(super) const READ: vtre_codec::worker::AnswerReader = vtre_codec::worker::explorer_answer;

/// How long the worker may take to say it is ready (download and compile its wasm on a slow link).
pub const START_TIMEOUT_MS: u64 = 30_000;

/// Where the worker stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WorkerStatus {
    /// Not asked for anything yet.
    Idle,
    Starting,
    Ready,
    /// It could not start: no bands or chances in this page.
    Failed,
}

/// What a run hears (one event lives for one call: boxing the answer would buy nothing).
#[allow(clippy::large_enum_variant)]
pub enum Event {
    Progress(usize, usize),
    Done(Answer),
    /// The worker could not start (or stopped): no answer will come.
    Failed,
}

type Listener = Box<dyn FnMut(Event)>;

#[derive(Default)]
struct Bridge {
    worker: Option<web_sys::Worker>,
    ready: bool,
    failed: bool,
    next: u32,
    /// Messages waiting for the worker to be ready.
    queue: Vec<String>,
    listeners: Vec<(u32, Listener)>,
    status: Option<RwSignal<WorkerStatus>>,
}

thread_local! {
    static BRIDGE: RefCell<Bridge> = RefCell::new(Bridge::default());
}

/// The worker's status, as a signal (for notices and the bands' note).
#[derive(Clone, Copy)]
pub struct WorkerCtx(pub RwSignal<WorkerStatus>);

impl WorkerCtx {
    /// Provides the context; the worker itself starts with the first run.
    pub fn provide() -> Self {
        let status = RwSignal::new(WorkerStatus::Idle);
        BRIDGE.with(|b| b.borrow_mut().status = Some(status));
        let ctx = WorkerCtx(status);
        provide_context(ctx);
        ctx
    }
}

fn set_status(s: WorkerStatus) {
    let sig = BRIDGE.with(|b| b.borrow().status);
    if let Some(sig) = sig {
        if sig.try_get_untracked() != Some(s) {
            sig.try_set(s);
        }
    }
}

/// The worker's script URL: the single-file edition's blob, else this build's versioned loader.
fn script_url() -> Option<String> {
    let w = web_sys::window()?;
    if let Some(blob) = js_sys::Reflect::get(&w, &"__vtreWorker".into())
        .ok()
        .and_then(|v| v.as_string())
    {
        return Some(blob);
    }
    document()
        .query_selector("meta[name=\"vtre-worker\"]")
        .ok()
        .flatten()?
        .get_attribute("content")
        .filter(|c| !c.is_empty())
}

fn start() {
    let Some(url) = script_url() else {
        fail();
        return;
    };
    let Some(worker) = spawn(
        &url,
        |data| {
            if let Some(Ok(m)) = data.as_string().map(|t| from_worker_taking(&t, READ)) {
                receive(m);
            }
        },
        fail,
    ) else {
        fail();
        return;
    };
    // The drawing worker is the same script: it starts now too (see [`super::draw`]).
    super::draw::start(&url);
    BRIDGE.with(|b| b.borrow_mut().worker = Some(worker));
    set_status(WorkerStatus::Starting);
    set_timeout(
        || {
            if BRIDGE.with(|b| !b.borrow().ready) {
                fail();
            }
        },
        std::time::Duration::from_millis(START_TIMEOUT_MS),
    );
}

/// Starts a worker from `url` whose messages go to `on_message` and whose errors to `on_error` (the analysis
/// worker here, the drawing worker in [`super::draw`]).
pub(super) fn spawn(url: &str, on_message: fn(JsValue), on_error: fn()) -> Option<web_sys::Worker> {
    let worker = web_sys::Worker::new(url).ok()?;
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            on_message(ev.data())
        });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
        ev.prevent_default();
        on_error();
    });
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
    Some(worker)
}

/// The worker cannot be used: drop it and tell every waiting run.
fn fail() {
    let listeners = BRIDGE.with(|b| {
        let mut b = b.borrow_mut();
        b.failed = true;
        b.ready = false;
        b.queue.clear();
        if let Some(w) = b.worker.take() {
            w.terminate();
        }
        std::mem::take(&mut b.listeners)
    });
    set_status(WorkerStatus::Failed);
    for (_, mut l) in listeners {
        l(Event::Failed);
    }
}

fn receive(m: FromWorker) {
    match m {
        FromWorker::Ready => {
            let (worker, queue) = BRIDGE.with(|b| {
                let mut b = b.borrow_mut();
                if b.failed {
                    // Late, after the time-out: take it after all.
                    b.failed = false;
                }
                b.ready = true;
                (b.worker.clone(), std::mem::take(&mut b.queue))
            });
            set_status(WorkerStatus::Ready);
            if let Some(w) = worker {
                for text in queue {
                    let _ = w.post_message(&JsValue::from_str(&text));
                }
            }
        }
        FromWorker::Progress { run, done, total } => {
            notify(run, Event::Progress(done, total), false)
        }
        FromWorker::Done { run, answer } => notify(run, Event::Done(answer), true),
    }
}

/// Calls run `run`'s listener (outside the borrow: it may start another run).
fn notify(run: u32, e: Event, last: bool) {
    let taken = BRIDGE.with(|b| {
        let mut b = b.borrow_mut();
        let i = b.listeners.iter().position(|(r, _)| *r == run)?;
        Some(b.listeners.remove(i))
    });
    if let Some((r, mut l)) = taken {
        l(e);
        if !last {
            BRIDGE.with(|b| b.borrow_mut().listeners.push((r, l)));
        }
    }
}

fn send(m: &ToWorker) {
    let text = m.to_text();
    BRIDGE.with(|b| {
        let mut b = b.borrow_mut();
        if b.failed {
            return;
        }
        match (&b.worker, b.ready) {
            (Some(w), true) => {
                let _ = w.post_message(&JsValue::from_str(&text));
            }
            _ => b.queue.push(text),
        }
    });
}

/// Starts `job` in the worker (starting the worker first if need be); `on` hears its progress and answer.
/// Returns the run's id, for [`cancel`]. If the worker has failed, `on` hears [`Event::Failed`] at once.
pub fn run(job: Job, on: impl FnMut(Event) + 'static) -> u32 {
    start_run(move |run| ToWorker::Run { run, job }, Box::new(on))
}

/// Starts the worker (and with it the drawing worker) if it has not started, before any run is asked for.
pub fn warm() {
    if BRIDGE.with(|b| {
        let b = b.borrow();
        b.worker.is_none() && !b.failed
    }) {
        start();
    }
}

/// Asks the worker for the QR code of `text` (starting it if need be); `on` hears the answer
/// ([`Answer::Qr`], or [`Answer::Refused`] for a text too long), or [`Event::Failed`].
pub fn run_qr(text: String, on: impl FnMut(Event) + 'static) -> u32 {
    start_run(move |run| ToWorker::Qr { run, text }, Box::new(on))
}

fn start_run(message: impl FnOnce(u32) -> ToWorker, mut on: Listener) -> u32 {
    let (run, failed, idle) = BRIDGE.with(|b| {
        let mut b = b.borrow_mut();
        b.next = b.next.wrapping_add(1);
        (b.next, b.failed, b.worker.is_none())
    });
    if failed {
        on(Event::Failed);
        return run;
    }
    BRIDGE.with(|b| b.borrow_mut().listeners.push((run, on)));
    if idle {
        start();
    }
    send(&message(run));
    run
}

/// Cancels a run: the worker drops it and its listener is forgotten.
pub fn cancel(run: u32) {
    let known = BRIDGE.with(|b| {
        let mut b = b.borrow_mut();
        let before = b.listeners.len();
        b.listeners.retain(|(r, _)| *r != run);
        before != b.listeners.len()
    });
    if known {
        send(&ToWorker::Cancel { run });
    }
}

/// Stops the worker for good (the core module, handing over to the full module, which starts its own):
/// its runs end without an answer and nothing more is sent.
pub fn shut_down() {
    let worker = BRIDGE.with(|b| {
        let mut b = b.try_borrow_mut().ok()?;
        b.listeners.clear();
        b.queue.clear();
        b.failed = true;
        b.worker.take()
    });
    if let Some(w) = worker {
        w.terminate();
    }
    super::draw::shut_down();
}
