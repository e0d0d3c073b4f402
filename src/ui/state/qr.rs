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

/// A link, its code and the worker run making it.
type Entry = (String, Qr, Option<u32>);

#[derive(Clone, Copy)]
pub struct QrCtx {
    /// The newest links asked for, oldest first.
    slot: RwSignal<Vec<Entry>>,
}

impl QrCtx {
    pub fn provide() -> Self {
        let ctx = QrCtx {
            slot: RwSignal::new(Vec::new()),
        };
        provide_context(ctx);
        ctx
    }

    /// Asks for `link`'s code unless it is made or being made. The oldest of the kept links goes when a
    /// new one comes, and its run with it.
    pub fn want(self, link: &str) {
        if self
            .slot
            .with_untracked(|s| s.iter().any(|(l, ..)| l == link))
        {
            return;
        }
        let mut dropped = None;
        self.slot.try_update(|s| {
            s.push((link.to_string(), Qr::Making, None));
            if s.len() > KEEP {
                dropped = s.remove(0).2;
            }
        });
        if let Some(run) = dropped {
            // Nothing is sent for a run that has answered already.
            worker::cancel(run);
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
            // Only if this link is still kept (the page may have moved on).
            self.slot.try_update(|s| {
                if let Some((_, q, _)) = s.iter_mut().find(|(l, ..)| *l == mine) {
                    *q = got;
                }
            });
        });
        // Not a change anyone shows: no notification.
        self.slot.try_update_untracked(|s| {
            if let Some((.., r)) = s.iter_mut().find(|(l, ..)| l == link) {
                *r = Some(run);
            }
        });
    }

    /// `link`'s code as it stands (reactive); `None` if it is not one of the links kept.
    pub fn of(self, link: &str) -> Option<Qr> {
        self.slot
            .try_with(|s| {
                s.iter()
                    .find(|(l, ..)| l == link)
                    .map(|(_, q, _)| q.clone())
            })
            .flatten()
    }
}
