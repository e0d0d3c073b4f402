//! The ensemble of the current scenario (and of each compared scenario), computed in the analysis worker
//! ([`super::worker`]) so it never competes with a drag on the main thread: `vtre_analysis::Ensemble` with
//! [`crate::ENSEMBLE_MEMBERS`] members and seed [`crate::ENSEMBLE_SEED`], the CLI's defaults, so
//! `vtre targets --members 1000 --seed 1` and `vtre ensemble` print the same numbers. It starts
//! [`SETTLE_MS`] after the scenario last changed (a drag does not start one per input event); a newer change
//! cancels the run in the worker. The reference scenario's comes with the build
//! (`data/ensemble-reference.txt`, written by `vtre first-view` from the same code), so the first view needs
//! no worker. Until a spread is ready [`EnsembleCtx::current`] is `None`: bands are not drawn and chances
//! are not claimed for a scenario they were not computed for; if the worker cannot start, they stay absent
//! and the app says so once.

use super::worker::{self, Event};
use super::Compared;
use leptos::prelude::*;
use std::sync::Arc;
use vtre_analysis::{Quantiles, TargetOdds};
use vtre_charts::SeriesQuantiles;
use vtre_codec::worker::{Answer, FromWorker, Job};
use vtre_model::series::{SeriesId, N_YEARS};
use vtre_model::{Scenario, TargetId};

/// Quiet time after the last scenario change before the ensemble starts, in ms.
pub const SETTLE_MS: u64 = 100;

/// What the app keeps of the current scenario's ensemble: the quantiles of the series it shows (chart bands,
/// headline ranges) and every target's odds.
#[derive(Clone, Debug, PartialEq)]
pub struct Spread {
    pub members: usize,
    series: Vec<(SeriesId, [Quantiles; N_YEARS])>,
    pub odds: Vec<TargetOdds>,
}

impl Spread {
    /// The spread in a worker's answer (`None` for any other answer).
    fn from_answer(a: Answer) -> Option<Spread> {
        match a {
            Answer::Ensemble {
                members,
                series,
                odds,
            } => Some(Spread {
                members,
                series,
                odds,
            }),
            _ => None,
        }
    }
}

impl Spread {
    /// The quantiles of a series (one of [`vtre_charts::spread_series`]).
    pub fn quantiles(&self, id: SeriesId) -> Option<&[Quantiles; N_YEARS]> {
        self.series.iter().find(|(s, _)| *s == id).map(|(_, q)| q)
    }
    /// As [`Self::quantiles`], as the charts take them.
    pub fn array(&self, id: SeriesId) -> Option<SeriesQuantiles> {
        self.quantiles(id).map(|q| {
            let mut out = [[0.0; 5]; N_YEARS];
            for (o, x) in out.iter_mut().zip(q) {
                *o = x.to_array();
            }
            out
        })
    }
    /// The share of members meeting a target (`None` for the unquantified one).
    pub fn probability(&self, id: TargetId) -> Option<f64> {
        probability(&self.odds, id)
    }
}

/// The share of members meeting target `id` in `odds`.
pub fn probability(odds: &[TargetOdds], id: TargetId) -> Option<f64> {
    odds.iter()
        .find(|o| o.id == id)
        .and_then(TargetOdds::probability)
}

thread_local! {
    static PRELOADED: std::cell::RefCell<Option<Arc<Spread>>> = const { std::cell::RefCell::new(None) };
}

/// Loads the reference scenario's spread that comes with the build (`data/ensemble-reference.txt`, preloaded
/// by the page; the single-file edition inlines it), decoded like any worker message. Nothing if it cannot be
/// read: the worker computes it then.
pub async fn preload_reference_spread() {
    if PRELOADED.with(|p| p.borrow().is_some()) {
        return;
    }
    let text = super::super::fetch::load_text(
        "data/ensemble-reference.txt",
        "data/ensemble-reference.txt",
    )
    .await;
    if let Some(t) = text {
        preload_reference_spread_text(&t);
    }
}

/// Puts a spread (the text of a worker's answer, as `data/ensemble-reference.txt` holds it) in place of the
/// build's reference spread, for a page that has none: the browser tests, which are not served the build's
/// files. `false` if the text is not a spread. Call before the app is mounted.
#[doc(hidden)]
pub fn preload_reference_spread_text(text: &str) -> bool {
    let spread = vtre_codec::worker::from_worker_taking(text.trim(), super::worker::READ)
        .ok()
        .and_then(|m| match m {
            FromWorker::Done { answer, .. } => Spread::from_answer(answer),
            _ => None,
        });
    let ok = spread.is_some();
    if let Some(s) = spread {
        PRELOADED.with(|p| *p.borrow_mut() = Some(Arc::new(s)));
    }
    ok
}

/// Ensemble results and the band switch.
#[derive(Clone, Copy)]
pub struct EnsembleCtx {
    /// The current scenario's spread; `None` while it is being computed.
    pub current: RwSignal<Option<Arc<Spread>>>,
    /// The target odds of compared scenarios, by scenario (computed after the current one).
    pub compared: RwSignal<Vec<(Scenario, Arc<Vec<TargetOdds>>)>>,
    /// Whether the charts draw bands.
    pub bands_on: RwSignal<bool>,
    /// The reference scenario's spread, from the build (`None` until loaded, or if it could not be read).
    reference: RwSignal<Option<Arc<Spread>>>,
    /// The runs in the worker for the current and the compared scenarios, to cancel.
    runs: StoredValue<Vec<u32>>,
    generation: super::Debounce,
    scenario: RwSignal<Scenario>,
    compare: RwSignal<Vec<Compared>>,
}

fn job(s: &Scenario) -> Job {
    Job::Ensemble {
        scenario: s.clone(),
        members: crate::ENSEMBLE_MEMBERS,
        seed: crate::ENSEMBLE_SEED,
        series: vtre_charts::spread_series(),
    }
}

impl EnsembleCtx {
    /// Starts following `scenario` and the compared scenarios.
    pub fn start(scenario: RwSignal<Scenario>, compare: RwSignal<Vec<Compared>>) -> Self {
        let ctx = EnsembleCtx {
            current: RwSignal::new(None),
            compared: RwSignal::new(Vec::new()),
            bands_on: RwSignal::new(true),
            reference: RwSignal::new(None),
            runs: StoredValue::new(Vec::new()),
            generation: super::Debounce::default(),
            scenario,
            compare,
        };
        // The reference's spread, computed at build time by the same code (no worker for the first view):
        // loaded before the app was mounted, or now if that did not finish in time.
        match PRELOADED.with(|p| p.borrow().clone()) {
            Some(s) => ctx.reference.set(Some(s)),
            None => leptos::task::spawn_local(async move {
                preload_reference_spread().await;
                if let Some(s) = PRELOADED.with(|p| p.borrow().clone()) {
                    ctx.reference.try_set(Some(s));
                }
            }),
        }
        // One effect for both inputs: a changed scenario drops the current spread; a changed comparison keeps
        // it and forgets the odds of scenarios no longer compared. Either way the runs restart.
        let last = StoredValue::new(None::<Scenario>);
        Effect::new(move |_| {
            ctx.reference.track();
            let changed = scenario.with(|s| last.with_value(|l| l.as_ref() != Some(s)));
            if changed {
                last.set_value(Some(scenario.get_untracked()));
                if ctx.current.with_untracked(Option::is_some) {
                    ctx.current.set(None);
                }
            }
            compare.with(|list| {
                let kept = |s: &Scenario| list.iter().any(|c| &c.scenario == s);
                if ctx
                    .compared
                    .with_untracked(|c| c.iter().any(|(s, _)| !kept(s)))
                {
                    ctx.compared.update(|c| c.retain(|(s, _)| kept(s)));
                }
            });
            ctx.restart();
        });
        ctx
    }

    /// The odds of a compared scenario, once computed.
    pub fn compared_odds(&self, s: &Scenario) -> Option<Arc<Vec<TargetOdds>>> {
        self.compared
            .with(|c| c.iter().find(|(x, _)| x == s).map(|(_, o)| o.clone()))
    }

    /// Cancels the runs in the worker and starts new ones after the settle time.
    fn restart(self) {
        for run in self
            .runs
            .try_update_value(std::mem::take)
            .unwrap_or_default()
        {
            worker::cancel(run);
        }
        // The reference needs no worker and no wait.
        if self.current.with_untracked(Option::is_none) {
            if let Some(r) = self.reference_if_current() {
                self.current.set(Some(r));
            }
        }
        // Another scenario than the reference: the worker will be needed once the moves settle, and the
        // drawing worker (the same script) at once, so it starts now, in the middle of a drag.
        if self.current.with_untracked(Option::is_none) {
            worker::warm();
        }
        self.generation
            .call(std::time::Duration::from_millis(SETTLE_MS), move |ticket| {
                self.run(ticket)
            });
    }

    /// The build's reference spread, if the current scenario is the reference.
    fn reference_if_current(self) -> Option<Arc<Spread>> {
        let is_ref = self
            .scenario
            .try_with_untracked(|s| *s == Scenario::reference())?;
        is_ref.then(|| self.reference.get_untracked()).flatten()
    }

    /// Asks the worker for what is missing: the current scenario's spread, then each compared scenario's odds.
    fn run(self, ticket: u32) {
        let still = move || self.generation.is_latest(ticket);
        if self.current.with_untracked(Option::is_none) {
            let Some(s) = self.scenario.try_get_untracked() else {
                return;
            };
            let run = worker::run(job(&s), move |e| {
                if let (Event::Done(a), true) = (e, still()) {
                    if let Some(spread) = Spread::from_answer(a) {
                        self.current.try_set(Some(Arc::new(spread)));
                    }
                }
            });
            self.runs.update_value(|r| r.push(run));
        }
        let missing: Vec<Scenario> = self
            .compare
            .try_with_untracked(|v| {
                v.iter()
                    .map(|c| c.scenario.clone())
                    .filter(|s| {
                        !self
                            .compared
                            .with_untracked(|c| c.iter().any(|(x, _)| x == s))
                    })
                    .collect()
            })
            .unwrap_or_default();
        for s in missing {
            let key = s.clone();
            let run = worker::run(job(&s), move |e| {
                if let (Event::Done(Answer::Ensemble { odds, .. }), true) = (e, still()) {
                    let key = key.clone();
                    self.compared.try_update(|c| c.push((key, Arc::new(odds))));
                }
            });
            self.runs.update_value(|r| r.push(run));
        }
    }
}
