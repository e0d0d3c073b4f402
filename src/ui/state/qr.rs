//! The share link's QR code, drawn by the analysis worker: the QR encoder is 14 KiB gzip of wasm, so the
//! page's first module asks the worker for it (issue 20) instead of carrying it. The codes of the newest
//! few links asked for are kept. The share box asks when it opens and whenever its link changes; the printed
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

/// How many links' codes are kept: the share box's and the handout's may differ for a moment (a link also
/// carries the page's address, such as an open panel, which changes on its own), and neither may drop the
/// other's code.
const KEEP: usize = 3;

#[derive(Clone, Copy)]
pub struct QrCtx {
    /// The newest links asked for and their codes, oldest first.
    slot: RwSignal<Vec<(String, Qr)>>,
    /// The worker runs making them.
    runs: StoredValue<Vec<(String, u32)>>,
}

impl QrCtx {
    pub fn provide() -> Self {
        let ctx = QrCtx {
            slot: RwSignal::new(Vec::new()),
            runs: StoredValue::new(Vec::new()),
        };
        provide_context(ctx);
        ctx
    }

    /// Asks for `link`'s code unless it is made or being made. The oldest of the kept links goes when a
    /// new one comes, and its run with it.
    pub fn want(self, link: &str) {
        if self
            .slot
            .with_untracked(|s| s.iter().any(|(l, _)| l == link))
        {
            return;
        }
        let mut dropped = None;
        self.slot.try_update(|s| {
            s.push((link.to_string(), Qr::Making));
            if s.len() > KEEP {
                dropped = Some(s.remove(0).0);
            }
        });
        if let Some(old) = dropped {
            let run = self.runs.try_update_value(|r| {
                let i = r.iter().position(|(l, _)| *l == old)?;
                Some(r.remove(i).1)
            });
            if let Some(run) = run.flatten() {
                worker::cancel(run);
            }
        }
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
            self.runs
                .try_update_value(|r| r.retain(|(l, _)| *l != mine));
            // Only if this link is still kept (the page may have moved on).
            self.slot.try_update(|s| {
                if let Some((_, q)) = s.iter_mut().find(|(l, _)| *l == mine) {
                    *q = got;
                }
            });
        });
        self.runs
            .try_update_value(|r| r.push((link.to_string(), run)));
    }

    /// `link`'s code as it stands (reactive); `None` if it is not one of the links kept.
    pub fn of(self, link: &str) -> Option<Qr> {
        self.slot
            .try_with(|s| s.iter().find(|(l, _)| l == link).map(|(_, q)| q.clone()))
            .flatten()
    }
}
