//! The share link's QR code, drawn by the analysis worker: the QR encoder is 14 KiB gzip of wasm, so the
//! page's first module asks the worker for it (issue 20) instead of carrying it. One code is kept: that of
//! the newest link asked for. The share box asks when it opens and whenever its link changes; the printed
//! handout shows the code when it is that of the link it prints (kept current in the background once the
//! worker runs, and made before printing by the toolbar's print button), and never another link's.

use super::worker::{self, Event};
use leptos::prelude::*;
use vtre_codec::worker::Answer;

/// Where a link's QR code stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Qr {
    Making,
    /// An image URL (`data:image/svg+xml,…`): the worker's SVG, shown only as an image.
    Made(String),
    /// The worker could not start, or the link is too long for a QR code.
    Unavailable,
}

#[derive(Clone, Copy)]
pub struct QrCtx {
    /// The newest link asked for and its code.
    slot: RwSignal<Option<(String, Qr)>>,
    /// The worker run making it.
    run: StoredValue<Option<u32>>,
}

impl QrCtx {
    pub fn provide() -> Self {
        let ctx = QrCtx {
            slot: RwSignal::new(None),
            run: StoredValue::new(None),
        };
        provide_context(ctx);
        ctx
    }

    /// Asks for `link`'s code unless it is made or being made (a run for another link is dropped).
    pub fn want(self, link: &str) {
        if self
            .slot
            .with_untracked(|s| s.as_ref().is_some_and(|(l, _)| l == link))
        {
            return;
        }
        if let Some(old) = self.run.try_get_value().flatten() {
            worker::cancel(old);
        }
        self.slot.try_set(Some((link.to_string(), Qr::Making)));
        let mine = link.to_string();
        let run = worker::run_qr(link.to_string(), move |e| {
            let got = match e {
                Event::Progress(..) => return,
                Event::Done(Answer::Qr(svg)) => Qr::Made(format!(
                    "data:image/svg+xml;utf8,{}",
                    vtre_codec::link::query_escape(&svg)
                )),
                Event::Done(_) | Event::Failed => Qr::Unavailable,
            };
            // Only if this link is still the one wanted (the page may have moved on).
            self.slot.try_update(|s| {
                if let Some((l, q)) = s {
                    if *l == mine {
                        *q = got;
                    }
                }
            });
        });
        self.run.try_set_value(Some(run));
    }

    /// `link`'s code as it stands (reactive); `None` if it was not the last link asked for.
    pub fn of(self, link: &str) -> Option<Qr> {
        self.slot
            .try_with(|s| {
                s.as_ref()
                    .filter(|(l, _)| l == link)
                    .map(|(_, q)| q.clone())
            })
            .flatten()
    }
}
