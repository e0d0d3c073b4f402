//! The analysis worker in the browser: `onmessage` decodes the app's message ([`vtre_codec::worker`]) and
//! hands it to the [`vtre_worker::Runner`]; steps run in slices of about [`SLICE_MS`] and each slice ends by
//! posting what finished and where the long runs stand, then yields (one message on a `MessageChannel`), so
//! a cancel or a newer scenario is read before the next slice. Trunk builds it as a worker
//! (`index.html`: `data-type="worker"` with a loader shim); `scripts/postbuild.sh` versions its file names.
//!
//! The page starts a second instance of the same script to draw its charts ([`draw`]): messages that are not
//! text are for that one.

#[cfg(target_arch = "wasm32")]
mod glue {
    use std::cell::{Cell, RefCell};
    use vtre_codec::worker::{to_worker, FromWorker};
    use vtre_worker::Runner;
    use wasm_bindgen::prelude::*;
    use web_sys::{DedicatedWorkerGlobalScope, MessageChannel, MessageEvent, MessagePort};

    /// About how long a slice runs before the worker looks at its messages again, in ms.
    pub const SLICE_MS: f64 = 8.0;

    thread_local! {
        static RUNNER: RefCell<Runner> = RefCell::new(Runner::new());
        static SCHEDULED: Cell<bool> = const { Cell::new(false) };
        static PORT: RefCell<Option<MessagePort>> = const { RefCell::new(None) };
    }

    fn scope() -> DedicatedWorkerGlobalScope {
        js_sys::global().unchecked_into()
    }

    fn post(m: &FromWorker) {
        let _ = scope().post_message(&JsValue::from_str(&m.to_text()));
    }

    fn schedule() {
        if SCHEDULED.with(Cell::get) {
            return;
        }
        SCHEDULED.with(|s| s.set(true));
        PORT.with(|p| {
            if let Some(port) = p.borrow().as_ref() {
                let _ = port.post_message(&JsValue::NULL);
            }
        });
    }

    fn slice() {
        SCHEDULED.with(|s| s.set(false));
        let end = js_sys::Date::now() + SLICE_MS;
        RUNNER.with(|r| {
            let mut r = r.borrow_mut();
            while r.busy() {
                if let Some(done) = r.step() {
                    post(&done);
                }
                if js_sys::Date::now() > end {
                    break;
                }
            }
            for p in r.progress() {
                post(&p);
            }
        });
        if RUNNER.with(|r| r.borrow().busy()) {
            schedule();
        }
    }

    pub fn start() {
        let Ok(ch) = MessageChannel::new() else {
            return;
        };
        let tick = Closure::<dyn FnMut()>::new(slice);
        ch.port1()
            .set_onmessage(Some(tick.as_ref().unchecked_ref()));
        tick.forget();
        PORT.with(|p| *p.borrow_mut() = Some(ch.port2()));
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|ev: MessageEvent| {
            let data = ev.data();
            let Some(text) = data.as_string() else {
                super::draw::take(&data);
                return;
            };
            // Anything but a well-formed message of this version is ignored: the app never sends one, and
            // a run nobody asked for must not start.
            if let Ok(m) = to_worker(&text) {
                RUNNER.with(|r| r.borrow_mut().take(m));
                schedule();
            }
        });
        scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        post(&FromWorker::Ready);
    }
}

#[cfg(target_arch = "wasm32")]
mod draw;

fn main() {
    #[cfg(target_arch = "wasm32")]
    glue::start();
}
