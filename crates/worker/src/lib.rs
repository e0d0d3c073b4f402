//! The analysis worker's jobs, without the browser: a [`Runner`] takes the app's messages
//! ([`vtre_codec::worker::ToWorker`]) and does its runs a step at a time, most urgent first, so the worker can
//! take a newer message (a cancel, a new scenario) between two steps. `src/main.rs` is the browser glue: it
//! feeds the runner from `onmessage` and runs steps in slices of a few milliseconds.
//!
//! Urgency: ensembles (the bands and chances the explorer shows after every move) before the analysis
//! page's jobs; within each, first come first served. Each step is short: 25 ensemble members, 16 runs of a
//! contributions split, 25 runs of a goal-seek to a confidence (its ensembles at each lever value tried), or
//! one whole tornado, goal-seek or best-reachable search (a few hundred to about two thousand model runs,
//! tens of milliseconds in wasm). Results are exactly what the analysis crate computes at
//! once (the CLI's numbers): steps change only when the work is done, never what is done.

use vtre_analysis::goal_seek::{best_reachable_with, LeverSet};
use vtre_analysis::shapley::{DEFAULT_PERMUTATIONS, MAX_EXACT};
use vtre_analysis::{goal_seek, tornado, Chance, ConfidentRun, Ensemble, ShapleyRun};
use vtre_codec::worker::{Answer, FromWorker, Job, ToWorker};
use vtre_model::SeriesId;

/// Ensemble members per step.
pub const ENSEMBLE_STEP: usize = 25;
/// Contributions runs per step.
pub const SHAPLEY_STEP: usize = 16;
/// Model runs of a goal-seek to a confidence per step.
pub const CONFIDENT_STEP: usize = 25;

enum State {
    Ensemble {
        e: Box<Ensemble>,
        series: Vec<SeriesId>,
    },
    Shapley(Box<ShapleyRun>),
    Confident(Box<ConfidentRun>),
    /// Done in one step.
    Once(Box<Job>),
    /// A job that cannot start (a market lever, an unscored target): answered at once, with why.
    Refused(String),
    /// A share link's QR code to draw (one short step).
    Qr(String),
}

struct Running {
    run: u32,
    state: State,
}

impl Running {
    fn urgent(&self) -> bool {
        // A QR code is for a reader waiting at the share box: before anything else, and quick.
        matches!(self.state, State::Ensemble { .. } | State::Qr(_))
    }
}

/// The runs the worker has been asked for and not finished.
#[derive(Default)]
pub struct Runner {
    runs: Vec<Running>,
}

impl Runner {
    pub fn new() -> Self {
        Self::default()
    }

    /// Takes a message: queues a run or drops a cancelled one.
    pub fn take(&mut self, msg: ToWorker) {
        match msg {
            ToWorker::Cancel { run } => self.runs.retain(|r| r.run != run),
            ToWorker::Qr { run, text } => {
                self.runs.retain(|r| r.run != run);
                self.runs.push(Running {
                    run,
                    state: State::Qr(text),
                });
            }
            ToWorker::Run { run, job } => {
                // A run id given again replaces the older run.
                self.runs.retain(|r| r.run != run);
                let state = match job {
                    Job::Ensemble {
                        scenario,
                        members,
                        seed,
                        series,
                    } => State::Ensemble {
                        e: Box::new(Ensemble::new(&scenario, members, seed)),
                        series,
                    },
                    Job::Contributions {
                        scenario,
                        measure,
                        seed,
                    } => State::Shapley(Box::new(ShapleyRun::new(
                        &scenario,
                        measure,
                        MAX_EXACT,
                        DEFAULT_PERMUTATIONS,
                        seed,
                    ))),
                    Job::Confident {
                        scenario,
                        target,
                        lever,
                        confidence,
                        margin,
                        members,
                        seed,
                    } => {
                        let chance = Chance::of_margin(margin);
                        match ConfidentRun::new(
                            &scenario, target, lever, confidence, chance, members, seed,
                        ) {
                            Ok(c) => State::Confident(Box::new(c)),
                            Err(e) => State::Refused(e.to_string()),
                        }
                    }
                    other => State::Once(Box::new(other)),
                };
                self.runs.push(Running { run, state });
            }
        }
    }

    /// Whether any run is waiting.
    pub fn busy(&self) -> bool {
        !self.runs.is_empty()
    }

    /// The runs not finished, in the order they will be worked on.
    pub fn queued(&self) -> Vec<u32> {
        let mut order: Vec<&Running> = self.runs.iter().filter(|r| r.urgent()).collect();
        order.extend(self.runs.iter().filter(|r| !r.urgent()));
        order.into_iter().map(|r| r.run).collect()
    }

    /// One step of the most urgent run; its answer when that step finished it.
    pub fn step(&mut self) -> Option<FromWorker> {
        let i = self
            .runs
            .iter()
            .position(Running::urgent)
            .or_else(|| (!self.runs.is_empty()).then_some(0))?;
        let finished = match &mut self.runs[i].state {
            State::Ensemble { e, .. } => e.step(ENSEMBLE_STEP),
            State::Shapley(s) => s.step(SHAPLEY_STEP),
            State::Confident(c) => c.step(CONFIDENT_STEP),
            State::Once(_) | State::Refused(_) | State::Qr(_) => true,
        };
        if !finished {
            return None;
        }
        let Running { run, state } = self.runs.remove(i);
        let answer = match state {
            State::Ensemble { e, series } => Answer::of_ensemble(&e, &series),
            State::Shapley(s) => Answer::Contributions(s.finish()),
            State::Confident(c) => Answer::Confident(c.finish()),
            State::Refused(why) => Answer::Refused(why),
            State::Once(job) => once(*job),
            State::Qr(text) => match qr_svg(&text) {
                Some(svg) => Answer::Qr(svg),
                None => Answer::Refused("too long for a QR code".into()),
            },
        };
        Some(FromWorker::Done { run, answer })
    }

    /// Where each run that reports progress stands (contributions splits and ensembles).
    pub fn progress(&self) -> Vec<FromWorker> {
        self.runs
            .iter()
            .filter_map(|r| {
                let (done, total) = match &r.state {
                    State::Ensemble { e, .. } => (e.done(), e.members()),
                    State::Shapley(s) => (s.runs(), s.planned_runs()),
                    State::Confident(c) => {
                        let planned = c.estimated_runs();
                        (c.runs().min(planned), planned)
                    }
                    State::Once(_) | State::Refused(_) | State::Qr(_) => return None,
                };
                Some(FromWorker::Progress {
                    run: r.run,
                    done,
                    total,
                })
            })
            .collect()
    }
}

/// The QR code of `text` as SVG text, at least 220 px square with its quiet zone (`None`: too long to
/// encode). Drawn here rather than in the page: the QR encoder is 14 KiB gzip of wasm (issue 20).
pub fn qr_svg(text: &str) -> Option<String> {
    let code = qrcode::QrCode::new(text.as_bytes()).ok()?;
    Some(
        code.render::<qrcode::render::svg::Color>()
            .min_dimensions(220, 220)
            .quiet_zone(true)
            .build(),
    )
}

fn once(job: Job) -> Answer {
    match job {
        Job::Tornado {
            scenario,
            measure,
            top,
        } => Answer::Tornado(tornado(&scenario, measure, top)),
        Job::Seek {
            scenario,
            target,
            lever,
        } => match goal_seek(&scenario, target, lever) {
            Ok(s) => Answer::Seek(s),
            Err(e) => Answer::Refused(e.to_string()),
        },
        Job::Best {
            scenario,
            target,
            markets,
        } => {
            let set = if markets {
                LeverSet::WithMarkets
            } else {
                LeverSet::Policy
            };
            Answer::Best(best_reachable_with(&scenario, target, set).ok())
        }
        // Ensembles, contributions and goal-seeks to a confidence are stepped (`Runner::take` never makes them
        // a one-step run): one place computes each, so they are not repeated here.
        Job::Ensemble { .. } | Job::Contributions { .. } | Job::Confident { .. } => {
            Answer::Refused("a stepped job is not done at once".into())
        }
    }
}
