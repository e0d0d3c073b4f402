//! The ensemble of the current scenario (and of each compared scenario), computed in the browser without
//! blocking input: `vtre_analysis::Ensemble` with [`crate::ENSEMBLE_MEMBERS`] members and seed
//! [`crate::ENSEMBLE_SEED`], the CLI's defaults, so `vtre targets --members 1000 --seed 1` prints the same
//! probabilities. It starts [`SETTLE_MS`] after the scenario last changed (a slider drag does not start one
//! per input event) and runs in slices ([`super::slices`]); a new change cancels it. Until it is ready
//! [`EnsembleCtx::current`] is `None`: bands are not drawn and probabilities are not claimed for a scenario
//! they were not computed for.

use super::slices::{clock, deadline, spawn};
use super::Compared;
use leptos::prelude::*;
use std::sync::Arc;
use vtre_analysis::{Ensemble, Quantiles, TargetOdds};
use vtre_charts::SeriesQuantiles;
use vtre_model::series::{SeriesId, N_YEARS};
use vtre_model::{Scenario, TargetId};

/// Quiet time after the last scenario change before the ensemble starts, in ms.
pub const SETTLE_MS: u64 = 100;
/// Members run between two clock checks (about 0.2 ms in the release build).
const CHUNK: usize = 8;

/// What the app keeps of the current scenario's ensemble: the quantiles of the series it shows (chart bands,
/// headline ranges) and every target's odds.
#[derive(Clone, Debug, PartialEq)]
pub struct Spread {
    pub members: usize,
    series: Vec<(SeriesId, [Quantiles; N_YEARS])>,
    pub odds: Vec<TargetOdds>,
}

impl Spread {
    /// The quantiles of a series (one of [`wanted_series`]).
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

/// The series whose quantiles the app shows: every chart band and the headline figures.
pub fn wanted_series() -> Vec<SeriesId> {
    let mut out: Vec<SeriesId> = vec![SeriesId::OutputValueTotal, SeriesId::Co2Total];
    for c in vtre_charts::ChartId::ALL {
        for (_, s, _) in vtre_charts::band_series(c) {
            if !out.contains(&s) {
                out.push(s);
            }
        }
    }
    out
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
    generation: StoredValue<u32>,
    scenario: RwSignal<Scenario>,
    compare: RwSignal<Vec<Compared>>,
}

impl EnsembleCtx {
    /// Starts following `scenario` and the compared scenarios.
    pub fn start(scenario: RwSignal<Scenario>, compare: RwSignal<Vec<Compared>>) -> Self {
        let ctx = EnsembleCtx {
            current: RwSignal::new(None),
            compared: RwSignal::new(Vec::new()),
            bands_on: RwSignal::new(true),
            generation: StoredValue::new(0),
            scenario,
            compare,
        };
        // One effect for both inputs: a changed scenario drops the current spread; a changed comparison keeps
        // it and forgets the odds of scenarios no longer compared. Either way the job restarts.
        let last = StoredValue::new(None::<Scenario>);
        Effect::new(move |_| {
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

    /// Cancels the running job and starts a new one after the settle time.
    fn restart(self) {
        self.generation.update_value(|g| *g = g.wrapping_add(1));
        let ticket = self.generation.get_value();
        set_timeout(
            move || {
                if self.generation.try_get_value() == Some(ticket) {
                    self.run(ticket);
                }
            },
            std::time::Duration::from_millis(SETTLE_MS),
        );
    }

    fn run(self, ticket: u32) {
        let wanted = wanted_series();
        let mut job = Job::Pick;
        spawn(move || {
            if self.generation.try_get_value() != Some(ticket) {
                return true; // cancelled: dropped with its ensemble
            }
            let end = deadline();
            loop {
                match &mut job {
                    Job::Pick => match self.next_job() {
                        Some(next) => job = next,
                        None => return true,
                    },
                    Job::Current { e, done } => {
                        if !e.is_done() {
                            e.step(CHUNK);
                        } else if let Some(&id) = wanted.get(done.len()) {
                            done.push((id, e.quantiles(id)));
                        } else {
                            let spread = Spread {
                                members: e.done(),
                                series: std::mem::take(done),
                                odds: e.targets().to_vec(),
                            };
                            self.current.set(Some(Arc::new(spread)));
                            job = Job::Pick;
                        }
                    }
                    Job::Compared { e, scenario } => {
                        if !e.is_done() {
                            e.step(CHUNK);
                        } else {
                            let odds = Arc::new(e.targets().to_vec());
                            let s = Scenario::clone(scenario);
                            self.compared.update(|c| c.push((s, odds)));
                            job = Job::Pick;
                        }
                    }
                }
                if clock() > end {
                    return false;
                }
            }
        });
    }

    /// What to compute next: the current scenario, then each compared scenario not computed yet.
    fn next_job(self) -> Option<Job> {
        if self.current.with_untracked(Option::is_none) {
            let s = self.scenario.try_get_untracked()?;
            return Some(Job::Current {
                e: Ensemble::new(&s, crate::ENSEMBLE_MEMBERS, crate::ENSEMBLE_SEED),
                done: Vec::new(),
            });
        }
        let missing = self.compare.try_with_untracked(|v| {
            v.iter()
                .map(|c| &c.scenario)
                .find(|s| {
                    !self
                        .compared
                        .with_untracked(|c| c.iter().any(|(x, _)| x == *s))
                })
                .cloned()
        })??;
        Some(Job::Compared {
            e: Ensemble::new(&missing, crate::ENSEMBLE_MEMBERS, crate::ENSEMBLE_SEED),
            scenario: Box::new(missing),
        })
    }
}

enum Job {
    Pick,
    Current {
        e: Ensemble,
        done: Vec<(SeriesId, [Quantiles; N_YEARS])>,
    },
    Compared {
        e: Ensemble,
        scenario: Box<Scenario>,
    },
}
