//! Messages between the app and its analysis worker (`crates/worker`): what to compute ([`ToWorker`]) and
//! what came of it ([`FromWorker`]), as JSON text.
//!
//! Both directions are outside input for whoever reads them (a worker script from another deployment, a
//! tampered cache, a browser extension), so the decoders follow the codec's rules: they never panic, they
//! take only well-formed messages of this [`VERSION`] and say why they refuse anything else, and every id is
//! read with the model's own `from_key`. Numbers travel in their shortest round-trip form (`json::fmt_num`),
//! so the app shows bit for bit what the worker computed — the same numbers as `vtre ensemble` and
//! `vtre targets --members N --seed S`. Non-finite numbers (a quantile before any member ran) travel as
//! `null`.
//!
//! ```json
//! {"v":1,"run":7,"job":"ensemble","scenario":{"eaf_swap":300},"members":1000,"seed":1,"series":["co2_total"]}
//! {"v":1,"run":8,"job":"confident","scenario":{},"target":"energy_intensity","lever":"eaf_swap","confidence":0.8,
//!   "margin":false,"members":500,"seed":1}
//! {"v":1,"cancel":7}
//! {"v":1,"ready":true}
//! {"v":1,"run":7,"progress":[200,1000]}
//! {"v":1,"run":7,"ensemble":{"members":1000,"series":[["co2_total",[[p5,p10,p50,p90,p95],…16 years]]],
//!   "odds":[["industry_scale",1000,12,3,985],…]}}
//! ```

use crate::json::{self, Json};
use vtre_analysis::shapley::{Method, Part};
use vtre_analysis::{
    Bar, Chance, ConfidentSeek, Contributions, Input, Measure, Quantiles, Reachable, Seek,
    TargetOdds, Tornado,
};
use vtre_model::params::ParamId;
use vtre_model::series::N_YEARS;
use vtre_model::targets::TargetResult;
use vtre_model::{LeverId, Scenario, SeriesId, Status, TargetId};

/// The message format's version: a message of another version is refused (an app and a worker of two
/// deployments never exchange numbers).
pub const VERSION: u32 = 1;

/// Something to compute on a scenario.
#[derive(Clone, Debug, PartialEq)]
pub enum Job {
    /// `members` runs with the uncertain parameters sampled from `seed`: the quantiles of `series` and every
    /// target's odds.
    Ensemble {
        scenario: Scenario,
        members: usize,
        seed: u64,
        series: Vec<SeriesId>,
    },
    /// The `top` inputs that move `measure` most, one at a time.
    Tornado {
        scenario: Scenario,
        measure: Measure,
        top: usize,
    },
    /// The value of `lever` nearest the current one that meets `target`.
    Seek {
        scenario: Scenario,
        target: TargetId,
        lever: LeverId,
    },
    /// The best `target` can reach with every policy lever free (and the market levers too with
    /// `markets`: an "if markets…" question, never the default).
    Best {
        scenario: Scenario,
        target: TargetId,
        markets: bool,
    },
    /// The scenario's change from the reference in `measure`, split among its changes.
    Contributions {
        scenario: Scenario,
        measure: Measure,
        seed: u64,
    },
    /// The smallest move of the policy lever `lever` that meets `target` with a chance of at least
    /// `confidence` over `members` members drawn from `seed` (with its band when `margin`).
    Confident {
        scenario: Scenario,
        target: TargetId,
        lever: LeverId,
        confidence: f64,
        margin: bool,
        members: usize,
        seed: u64,
    },
}

impl Answer {
    /// The answer of an ensemble run: the members run so far, the quantiles of `series` and every target's
    /// odds (what the worker sends, and what `vtre first-view` writes as the reference's spread).
    pub fn of_ensemble(e: &vtre_analysis::Ensemble, series: &[SeriesId]) -> Answer {
        Answer::Ensemble {
            members: e.done(),
            series: series.iter().map(|&s| (s, e.quantiles(s))).collect(),
            odds: e.targets().to_vec(),
        }
    }
}

impl Job {
    fn kind(&self) -> &'static str {
        match self {
            Job::Ensemble { .. } => "ensemble",
            Job::Tornado { .. } => "tornado",
            Job::Seek { .. } => "seek",
            Job::Best { .. } => "best",
            Job::Contributions { .. } => "contributions",
            Job::Confident { .. } => "confident",
        }
    }
    /// The scenario it works on.
    pub fn scenario(&self) -> &Scenario {
        match self {
            Job::Ensemble { scenario, .. }
            | Job::Tornado { scenario, .. }
            | Job::Seek { scenario, .. }
            | Job::Best { scenario, .. }
            | Job::Contributions { scenario, .. }
            | Job::Confident { scenario, .. } => scenario,
        }
    }
}

/// A message from the app to the worker.
// One message lives for one send and one read: boxing the large variant would buy nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq)]
pub enum ToWorker {
    /// Start `job`; its answers carry `run`.
    Run { run: u32, job: Job },
    /// Drop run `run` if it is still queued or running (a newer one replaces it).
    Cancel { run: u32 },
}

/// What a finished run gives.
// One message lives for one send and one read: boxing the large variant would buy nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    Ensemble {
        members: usize,
        series: Vec<(SeriesId, [Quantiles; N_YEARS])>,
        odds: Vec<TargetOdds>,
    },
    Tornado(Tornado),
    Seek(Seek),
    /// `None`: the target has no number (never scored).
    Best(Option<Reachable>),
    Contributions(Contributions),
    Confident(ConfidentSeek),
    /// The job could not be done (a goal-seek on the unquantified target): why, in English, for the log.
    Refused(String),
}

/// A message from the worker to the app.
// One message lives for one send and one read: boxing the large variant would buy nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq)]
pub enum FromWorker {
    /// The worker has started and takes runs.
    Ready,
    /// Run `run` has done `done` of `total` steps.
    Progress { run: u32, done: usize, total: usize },
    /// Run `run` is finished.
    Done { run: u32, answer: Answer },
}

// ---- writing ----

fn num(v: f64) -> Json {
    Json::Num(v)
}

fn obj(fields: Vec<(&str, Json)>) -> Json {
    Json::Obj(
        fields
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
    )
}

fn str_(s: &str) -> Json {
    Json::Str(s.to_string())
}

fn measure_json(m: Measure) -> Json {
    match m {
        Measure::Target(t) => Json::Arr(vec![str_(t.key())]),
        Measure::Series(s, y) => Json::Arr(vec![str_(s.key()), num(f64::from(y))]),
    }
}

fn input_json(i: Input) -> Json {
    Json::Arr(vec![str_(i.kind()), str_(i.key())])
}

fn result_json(r: &TargetResult) -> Json {
    Json::Arr(vec![
        str_(r.id.key()),
        num(f64::from(r.year)),
        num(r.value),
        r.threshold.map_or(Json::Null, num),
        str_(r.status.key()),
        num(r.margin),
    ])
}

impl ToWorker {
    /// The message as JSON text.
    pub fn to_text(&self) -> String {
        let v = num(f64::from(VERSION));
        let json = match self {
            ToWorker::Cancel { run } => obj(vec![("v", v), ("cancel", num(f64::from(*run)))]),
            ToWorker::Run { run, job } => {
                let mut f = vec![
                    ("v", v),
                    ("run", num(f64::from(*run))),
                    ("job", str_(job.kind())),
                    (
                        "scenario",
                        crate::scenario_json::to_json_value(job.scenario()),
                    ),
                ];
                match job {
                    Job::Ensemble {
                        members,
                        seed,
                        series,
                        ..
                    } => {
                        f.push(("members", num(*members as f64)));
                        f.push(("seed", num(*seed as f64)));
                        f.push((
                            "series",
                            Json::Arr(series.iter().map(|s| str_(s.key())).collect()),
                        ));
                    }
                    Job::Tornado { measure, top, .. } => {
                        f.push(("measure", measure_json(*measure)));
                        f.push(("top", num(*top as f64)));
                    }
                    Job::Seek { target, lever, .. } => {
                        f.push(("target", str_(target.key())));
                        f.push(("lever", str_(lever.key())));
                    }
                    Job::Best {
                        target, markets, ..
                    } => {
                        f.push(("target", str_(target.key())));
                        f.push(("markets", Json::Bool(*markets)));
                    }
                    Job::Contributions { measure, seed, .. } => {
                        f.push(("measure", measure_json(*measure)));
                        f.push(("seed", num(*seed as f64)));
                    }
                    Job::Confident {
                        target,
                        lever,
                        confidence,
                        margin,
                        members,
                        seed,
                        ..
                    } => {
                        f.push(("target", str_(target.key())));
                        f.push(("lever", str_(lever.key())));
                        f.push(("confidence", num(*confidence)));
                        f.push(("margin", Json::Bool(*margin)));
                        f.push(("members", num(*members as f64)));
                        f.push(("seed", num(*seed as f64)));
                    }
                }
                obj(f)
            }
        };
        json.to_text()
    }
}

impl FromWorker {
    /// The message as JSON text.
    pub fn to_text(&self) -> String {
        let v = num(f64::from(VERSION));
        let json = match self {
            FromWorker::Ready => obj(vec![("v", v), ("ready", Json::Bool(true))]),
            FromWorker::Progress { run, done, total } => obj(vec![
                ("v", v),
                ("run", num(f64::from(*run))),
                (
                    "progress",
                    Json::Arr(vec![num(*done as f64), num(*total as f64)]),
                ),
            ]),
            FromWorker::Done { run, answer } => {
                let (key, body) = answer_json(answer);
                obj(vec![("v", v), ("run", num(f64::from(*run))), (key, body)])
            }
        };
        json.to_text()
    }
}

fn answer_json(a: &Answer) -> (&'static str, Json) {
    match a {
        Answer::Ensemble {
            members,
            series,
            odds,
        } => (
            "ensemble",
            obj(vec![
                ("members", num(*members as f64)),
                (
                    "series",
                    Json::Arr(
                        series
                            .iter()
                            .map(|(s, q)| {
                                Json::Arr(vec![
                                    str_(s.key()),
                                    Json::Arr(
                                        q.iter()
                                            .map(|q| {
                                                Json::Arr(
                                                    q.to_array().into_iter().map(num).collect(),
                                                )
                                            })
                                            .collect(),
                                    ),
                                ])
                            })
                            .collect(),
                    ),
                ),
                (
                    "odds",
                    Json::Arr(
                        odds.iter()
                            .map(|o| {
                                Json::Arr(vec![
                                    str_(o.id.key()),
                                    num(o.members as f64),
                                    num(o.met as f64),
                                    num(o.at_risk as f64),
                                    num(o.missed as f64),
                                ])
                            })
                            .collect(),
                    ),
                ),
            ]),
        ),
        Answer::Tornado(t) => (
            "tornado",
            obj(vec![
                ("measure", measure_json(t.measure)),
                ("base", num(t.base)),
                (
                    "bars",
                    Json::Arr(
                        t.bars
                            .iter()
                            .map(|b| {
                                Json::Arr(vec![
                                    input_json(b.input),
                                    num(b.low_input),
                                    num(b.high_input),
                                    num(b.low_output),
                                    num(b.high_output),
                                ])
                            })
                            .collect(),
                    ),
                ),
            ]),
        ),
        Answer::Seek(s) => (
            "seek",
            obj(vec![
                ("target", str_(s.target.key())),
                ("lever", str_(s.lever.key())),
                ("from", num(s.from)),
                ("value", num(s.value)),
                ("reached", Json::Bool(s.reached)),
                ("result", result_json(&s.result)),
                ("runs", num(s.runs as f64)),
            ]),
        ),
        Answer::Best(None) => ("best", Json::Null),
        Answer::Best(Some(r)) => (
            "best",
            obj(vec![
                ("target", str_(r.target.key())),
                ("scenario", crate::scenario_json::to_json_value(&r.scenario)),
                ("reached", Json::Bool(r.reached)),
                ("result", result_json(&r.result)),
                (
                    "changes",
                    Json::Arr(
                        r.changes
                            .iter()
                            .map(|(l, a, b)| Json::Arr(vec![str_(l.key()), num(*a), num(*b)]))
                            .collect(),
                    ),
                ),
                ("runs", num(r.runs as f64)),
            ]),
        ),
        Answer::Contributions(c) => (
            "contributions",
            obj(vec![
                ("measure", measure_json(c.measure)),
                ("reference", num(c.reference)),
                ("scenario", num(c.scenario)),
                (
                    "parts",
                    Json::Arr(
                        c.parts
                            .iter()
                            .map(|p| {
                                Json::Arr(vec![
                                    input_json(p.input),
                                    num(p.from),
                                    num(p.to),
                                    num(p.contribution),
                                    num(p.alone),
                                ])
                            })
                            .collect(),
                    ),
                ),
                (
                    "method",
                    match c.method {
                        Method::Exact => Json::Null,
                        Method::Sampled { permutations, seed } => {
                            Json::Arr(vec![num(permutations as f64), num(seed as f64)])
                        }
                    },
                ),
                ("runs", num(c.runs as f64)),
            ]),
        ),
        Answer::Confident(c) => (
            "confident",
            obj(vec![
                ("target", str_(c.target.key())),
                ("lever", str_(c.lever.key())),
                ("confidence", num(c.confidence)),
                ("margin", Json::Bool(c.chance_of == Chance::Margin)),
                ("members", num(c.members as f64)),
                ("seed", num(c.seed as f64)),
                ("from", num(c.from)),
                ("chance_from", num(c.chance_from)),
                ("value", num(c.value)),
                ("chance", num(c.chance)),
                ("reached", Json::Bool(c.reached)),
                ("runs", num(c.runs as f64)),
            ]),
        ),
        Answer::Refused(why) => ("refused", str_(why)),
    }
}

// ---- reading ----

/// Why a message was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refused(pub String);

type R<T> = Result<T, Refused>;

fn bad<T>(what: &str) -> R<T> {
    Err(Refused(what.to_string()))
}

fn field<'a>(v: &'a Json, key: &str) -> R<&'a Json> {
    v.get(key)
        .ok_or_else(|| Refused(format!("missing \"{key}\"")))
}

/// A finite number.
fn f(v: &Json, what: &str) -> R<f64> {
    match v.as_f64() {
        Some(x) if x.is_finite() => Ok(x),
        _ => bad(what),
    }
}

/// A number that may be `null` (NaN).
fn f_or_nan(v: &Json, what: &str) -> R<f64> {
    match v {
        Json::Null => Ok(f64::NAN),
        _ => f(v, what),
    }
}

/// A chance, or `null` (NaN: an answer made before any member ran).
fn chance_or_nan(v: &Json, what: &str) -> R<f64> {
    match v {
        Json::Null => Ok(f64::NAN),
        _ => chance(v, what),
    }
}

/// A whole number in `0..=max`.
fn whole(v: &Json, max: f64, what: &str) -> R<f64> {
    let x = f(v, what)?;
    if x.fract() == 0.0 && (0.0..=max).contains(&x) {
        Ok(x)
    } else {
        bad(what)
    }
}

fn count(v: &Json, what: &str) -> R<usize> {
    // Far above any member count or run count the app asks for, and exact in an f64.
    whole(v, 1e9, what).map(|x| x as usize)
}

/// Members of an ensemble a job may ask for: 1 to 100,000.
fn members(v: &Json) -> R<usize> {
    match count(v, "members")? {
        n @ 1..=100_000 => Ok(n),
        _ => bad("members outside 1-100000"),
    }
}

/// A chance: a number from 0 to 1.
fn chance(v: &Json, what: &str) -> R<f64> {
    match f(v, what)? {
        x if (0.0..=1.0).contains(&x) => Ok(x),
        _ => bad(what),
    }
}

fn run_id(v: &Json) -> R<u32> {
    whole(v, f64::from(u32::MAX), "run").map(|x| x as u32)
}

fn seed(v: &Json) -> R<u64> {
    // Seeds travel as JSON numbers: only those an f64 holds exactly.
    whole(v, 9_007_199_254_740_991.0, "seed").map(|x| x as u64)
}

fn s<'a>(v: &'a Json, what: &str) -> R<&'a str> {
    v.as_str().ok_or_else(|| Refused(what.to_string()))
}

fn arr<'a>(v: &'a Json, what: &str) -> R<&'a [Json]> {
    v.as_array().ok_or_else(|| Refused(what.to_string()))
}

fn b(v: &Json, what: &str) -> R<bool> {
    match v {
        Json::Bool(x) => Ok(*x),
        _ => bad(what),
    }
}

fn target(v: &Json) -> R<TargetId> {
    TargetId::from_key(s(v, "target")?).ok_or_else(|| Refused("unknown target".into()))
}

fn lever(v: &Json) -> R<LeverId> {
    LeverId::from_key(s(v, "lever")?).ok_or_else(|| Refused("unknown lever".into()))
}

fn series(v: &Json) -> R<SeriesId> {
    SeriesId::from_key(s(v, "series")?).ok_or_else(|| Refused("unknown series".into()))
}

fn status(v: &Json) -> R<Status> {
    match s(v, "status")? {
        "met" => Ok(Status::Met),
        "at-risk" => Ok(Status::AtRisk),
        "missed" => Ok(Status::Missed),
        "unquantified" => Ok(Status::Unquantified),
        _ => bad("unknown status"),
    }
}

fn measure(v: &Json) -> R<Measure> {
    match arr(v, "measure")? {
        [t] => Ok(Measure::Target(target(t)?)),
        [sr, y] => {
            let y = whole(y, 9999.0, "year")? as u16;
            if !(vtre_model::series::FIRST_YEAR..=vtre_model::series::LAST_YEAR).contains(&y) {
                return bad("year outside 2020-2035");
            }
            Ok(Measure::Series(series(sr)?, y))
        }
        _ => bad("measure"),
    }
}

fn input(v: &Json) -> R<Input> {
    match arr(v, "input")? {
        [k, id] => match s(k, "input kind")? {
            "lever" => Ok(Input::Lever(lever(id)?)),
            "param" => ParamId::from_key(s(id, "param")?)
                .map(Input::Param)
                .ok_or_else(|| Refused("unknown parameter".into())),
            _ => bad("input kind"),
        },
        _ => bad("input"),
    }
}

fn result(v: &Json) -> R<TargetResult> {
    match arr(v, "result")? {
        [id, year, value, threshold, st, margin] => Ok(TargetResult {
            id: target(id)?,
            year: whole(year, 9999.0, "year")? as u16,
            value: f(value, "value")?,
            threshold: match threshold {
                Json::Null => None,
                t => Some(f(t, "threshold")?),
            },
            status: status(st)?,
            margin: f(margin, "margin")?,
        }),
        _ => bad("result"),
    }
}

/// A scenario as the messages carry it: refused (not repaired) if it is not exactly a valid scenario, since a
/// run on a repaired scenario would be a run on something nobody asked for.
fn scenario(v: &Json) -> R<Scenario> {
    let (sc, issues) = crate::scenario_json::from_json_value(v);
    if issues.is_empty() {
        Ok(sc)
    } else {
        bad("scenario with issues")
    }
}

fn versioned(text: &str) -> R<Json> {
    let v = json::parse(text).map_err(Refused)?;
    if !v.is_object() {
        return bad("not an object");
    }
    if whole(field(&v, "v")?, 1e6, "v")? != f64::from(VERSION) {
        return bad("another version");
    }
    Ok(v)
}

/// Reads a message to the worker. Never panics.
pub fn to_worker(text: &str) -> R<ToWorker> {
    let v = versioned(text)?;
    if let Some(c) = v.get("cancel") {
        return Ok(ToWorker::Cancel { run: run_id(c)? });
    }
    let run = run_id(field(&v, "run")?)?;
    let sc = scenario(field(&v, "scenario")?)?;
    let job = match s(field(&v, "job")?, "job")? {
        "ensemble" => {
            let members = members(field(&v, "members")?)?;
            Job::Ensemble {
                scenario: sc,
                members,
                seed: seed(field(&v, "seed")?)?,
                series: arr(field(&v, "series")?, "series")?
                    .iter()
                    .map(series)
                    .collect::<R<_>>()?,
            }
        }
        "tornado" => Job::Tornado {
            scenario: sc,
            measure: measure(field(&v, "measure")?)?,
            top: count(field(&v, "top")?, "top")?,
        },
        "seek" => Job::Seek {
            scenario: sc,
            target: target(field(&v, "target")?)?,
            lever: lever(field(&v, "lever")?)?,
        },
        "best" => Job::Best {
            scenario: sc,
            target: target(field(&v, "target")?)?,
            markets: b(field(&v, "markets")?, "markets")?,
        },
        "contributions" => Job::Contributions {
            scenario: sc,
            measure: measure(field(&v, "measure")?)?,
            seed: seed(field(&v, "seed")?)?,
        },
        "confident" => Job::Confident {
            scenario: sc,
            target: target(field(&v, "target")?)?,
            lever: lever(field(&v, "lever")?)?,
            confidence: chance(field(&v, "confidence")?, "confidence")?,
            margin: b(field(&v, "margin")?, "margin")?,
            members: members(field(&v, "members")?)?,
            seed: seed(field(&v, "seed")?)?,
        },
        _ => return bad("unknown job"),
    };
    Ok(ToWorker::Run { run, job })
}

/// Reads a message from the worker. Never panics.
pub fn from_worker(text: &str) -> R<FromWorker> {
    let v = versioned(text)?;
    if let Some(r) = v.get("ready") {
        return if b(r, "ready")? {
            Ok(FromWorker::Ready)
        } else {
            bad("ready")
        };
    }
    let run = run_id(field(&v, "run")?)?;
    if let Some(p) = v.get("progress") {
        return match arr(p, "progress")? {
            [d, t] => Ok(FromWorker::Progress {
                run,
                done: count(d, "done")?,
                total: count(t, "total")?,
            }),
            _ => bad("progress"),
        };
    }
    let answer = if let Some(e) = v.get("ensemble") {
        let members = count(field(e, "members")?, "members")?;
        let series = arr(field(e, "series")?, "series")?
            .iter()
            .map(|x| match arr(x, "series entry")? {
                [id, years] => {
                    let years = arr(years, "years")?;
                    if years.len() != N_YEARS {
                        return bad("years");
                    }
                    let mut q = [Quantiles::NAN; N_YEARS];
                    for (slot, y) in q.iter_mut().zip(years) {
                        match arr(y, "quantiles")? {
                            [a, b_, c, d, e] => {
                                *slot = Quantiles {
                                    p5: f_or_nan(a, "p5")?,
                                    p10: f_or_nan(b_, "p10")?,
                                    p50: f_or_nan(c, "p50")?,
                                    p90: f_or_nan(d, "p90")?,
                                    p95: f_or_nan(e, "p95")?,
                                }
                            }
                            _ => return bad("quantiles"),
                        }
                    }
                    Ok((series(id)?, q))
                }
                _ => bad("series entry"),
            })
            .collect::<R<Vec<_>>>()?;
        let odds = arr(field(e, "odds")?, "odds")?
            .iter()
            .map(|x| match arr(x, "odds entry")? {
                [id, n, met, risk, missed] => {
                    let o = TargetOdds {
                        id: target(id)?,
                        members: count(n, "members")?,
                        met: count(met, "met")?,
                        at_risk: count(risk, "at_risk")?,
                        missed: count(missed, "missed")?,
                    };
                    if o.met + o.at_risk + o.missed > o.members {
                        return bad("odds add up to more than the members");
                    }
                    Ok(o)
                }
                _ => bad("odds entry"),
            })
            .collect::<R<Vec<_>>>()?;
        Answer::Ensemble {
            members,
            series,
            odds,
        }
    } else if let Some(t) = v.get("tornado") {
        Answer::Tornado(Tornado {
            measure: measure(field(t, "measure")?)?,
            base: f_or_nan(field(t, "base")?, "base")?,
            bars: arr(field(t, "bars")?, "bars")?
                .iter()
                .map(|x| match arr(x, "bar")? {
                    [i, li, hi, lo, ho] => Ok(Bar {
                        input: input(i)?,
                        low_input: f(li, "low_input")?,
                        high_input: f(hi, "high_input")?,
                        low_output: f_or_nan(lo, "low_output")?,
                        high_output: f_or_nan(ho, "high_output")?,
                    }),
                    _ => bad("bar"),
                })
                .collect::<R<_>>()?,
        })
    } else if let Some(x) = v.get("seek") {
        Answer::Seek(Seek {
            target: target(field(x, "target")?)?,
            lever: lever(field(x, "lever")?)?,
            from: f(field(x, "from")?, "from")?,
            value: f(field(x, "value")?, "value")?,
            reached: b(field(x, "reached")?, "reached")?,
            result: result(field(x, "result")?)?,
            runs: count(field(x, "runs")?, "runs")?,
        })
    } else if let Some(x) = v.get("best") {
        match x {
            Json::Null => Answer::Best(None),
            x => Answer::Best(Some(Reachable {
                target: target(field(x, "target")?)?,
                scenario: scenario(field(x, "scenario")?)?,
                reached: b(field(x, "reached")?, "reached")?,
                result: result(field(x, "result")?)?,
                changes: arr(field(x, "changes")?, "changes")?
                    .iter()
                    .map(|c| match arr(c, "change")? {
                        [l, a, b_] => Ok((lever(l)?, f(a, "from")?, f(b_, "to")?)),
                        _ => bad("change"),
                    })
                    .collect::<R<_>>()?,
                runs: count(field(x, "runs")?, "runs")?,
            })),
        }
    } else if let Some(x) = v.get("contributions") {
        Answer::Contributions(Contributions {
            measure: measure(field(x, "measure")?)?,
            reference: f_or_nan(field(x, "reference")?, "reference")?,
            scenario: f_or_nan(field(x, "scenario")?, "scenario")?,
            parts: arr(field(x, "parts")?, "parts")?
                .iter()
                .map(|p| match arr(p, "part")? {
                    [i, a, b_, c, al] => Ok(Part {
                        input: input(i)?,
                        from: f(a, "from")?,
                        to: f(b_, "to")?,
                        contribution: f_or_nan(c, "contribution")?,
                        alone: f_or_nan(al, "alone")?,
                    }),
                    _ => bad("part"),
                })
                .collect::<R<_>>()?,
            method: match field(x, "method")? {
                Json::Null => Method::Exact,
                m => match arr(m, "method")? {
                    [p, sd] => Method::Sampled {
                        permutations: count(p, "permutations")?,
                        seed: seed(sd)?,
                    },
                    _ => return bad("method"),
                },
            },
            runs: count(field(x, "runs")?, "runs")?,
        })
    } else if let Some(x) = v.get("confident") {
        Answer::Confident(ConfidentSeek {
            target: target(field(x, "target")?)?,
            lever: lever(field(x, "lever")?)?,
            confidence: chance(field(x, "confidence")?, "confidence")?,
            chance_of: Chance::of_margin(b(field(x, "margin")?, "margin")?),
            members: members(field(x, "members")?)?,
            seed: seed(field(x, "seed")?)?,
            from: f(field(x, "from")?, "from")?,
            chance_from: chance_or_nan(field(x, "chance_from")?, "chance_from")?,
            value: f(field(x, "value")?, "value")?,
            chance: chance_or_nan(field(x, "chance")?, "chance")?,
            reached: b(field(x, "reached")?, "reached")?,
            runs: count(field(x, "runs")?, "runs")?,
        })
    } else if let Some(x) = v.get("refused") {
        Answer::Refused(s(x, "refused")?.to_string())
    } else {
        return bad("unknown answer");
    };
    Ok(FromWorker::Done { run, answer })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample_scenario() -> Scenario {
        let mut s = Scenario::reference();
        s.set(LeverId::EafSwap, 300.0);
        s.set_start_year(2026);
        s
    }

    #[test]
    fn every_job_reads_back_as_itself() {
        let sc = sample_scenario();
        let jobs = vec![
            Job::Ensemble {
                scenario: sc.clone(),
                members: 1000,
                seed: 1,
                series: vec![SeriesId::Co2Total, SeriesId::OutputValueTotal],
            },
            Job::Tornado {
                scenario: sc.clone(),
                measure: Measure::Series(SeriesId::Co2Total, 2030),
                top: 10,
            },
            Job::Seek {
                scenario: sc.clone(),
                target: TargetId::IndustryScale,
                lever: LeverId::EafSwap,
            },
            Job::Best {
                scenario: sc.clone(),
                target: TargetId::IndustryScale,
                markets: true,
            },
            Job::Contributions {
                scenario: sc.clone(),
                measure: Measure::Target(TargetId::IndustryScale),
                seed: 1,
            },
            Job::Confident {
                scenario: sc.clone(),
                target: TargetId::EnergyIntensity,
                lever: LeverId::EafSwap,
                confidence: 0.95,
                margin: true,
                members: 500,
                seed: 1,
            },
        ];
        for (i, job) in jobs.into_iter().enumerate() {
            let m = ToWorker::Run {
                run: i as u32 + 7,
                job,
            };
            assert_eq!(to_worker(&m.to_text()), Ok(m.clone()), "{}", m.to_text());
        }
        let c = ToWorker::Cancel { run: 4_000_000_000 };
        assert_eq!(to_worker(&c.to_text()), Ok(c));
    }

    #[test]
    fn answers_computed_by_the_analysis_read_back_bit_for_bit() {
        let sc = sample_scenario();
        let mut e = vtre_analysis::Ensemble::new(&sc, 40, 3);
        e.run();
        let q = e.quantiles(SeriesId::Co2Total);
        let answers = vec![
            Answer::Ensemble {
                members: e.done(),
                series: vec![(SeriesId::Co2Total, q)],
                odds: e.targets().to_vec(),
            },
            Answer::Tornado(vtre_analysis::tornado(
                &sc,
                Measure::Series(SeriesId::Co2Total, 2030),
                5,
            )),
            Answer::Contributions(vtre_analysis::contributions(
                &sc,
                Measure::Target(TargetId::IndustryScale),
                1,
            )),
            Answer::Confident(
                vtre_analysis::confident_seek(
                    &sc,
                    TargetId::EnergyIntensity,
                    LeverId::EafSwap,
                    0.8,
                    Chance::Threshold,
                    20,
                    1,
                )
                .unwrap_or_else(|e| panic!("{e}")),
            ),
            Answer::Refused("no number".into()),
            Answer::Best(None),
        ];
        for a in answers {
            let m = FromWorker::Done { run: 3, answer: a };
            assert_eq!(from_worker(&m.to_text()), Ok(m.clone()), "{}", m.to_text());
        }
        for m in [
            FromWorker::Ready,
            FromWorker::Progress {
                run: 1,
                done: 5,
                total: 9,
            },
        ] {
            assert_eq!(from_worker(&m.to_text()), Ok(m.clone()));
        }
    }

    #[test]
    fn a_contributions_answer_carries_each_changes_effect_alone_and_so_the_interaction() {
        let mut sc = Scenario::reference();
        sc.set(LeverId::EafSwap, 600.0);
        sc.set(LeverId::SwapVtiShare, 1.0);
        let c =
            vtre_analysis::contributions(&sc, Measure::Series(SeriesId::CrudeSteelBofVti, 2030), 1);
        assert!(c.interaction().abs() > 1.0, "{c:?}");
        let m = FromWorker::Done {
            run: 2,
            answer: Answer::Contributions(c.clone()),
        };
        match from_worker(&m.to_text()) {
            Ok(FromWorker::Done {
                answer: Answer::Contributions(back),
                ..
            }) => {
                assert_eq!(back, c);
                assert_eq!(back.interaction().to_bits(), c.interaction().to_bits());
            }
            other => panic!("{other:?}"),
        }
        // A part without its effect alone (the earlier four-element form) is refused, not guessed.
        let old = r#"{"v":1,"run":1,"contributions":{"measure":["co2_total",2030],"reference":1,"scenario":2,"parts":[[["lever","eaf_swap"],0,600,1]],"method":null,"runs":2}}"#;
        assert!(from_worker(old).is_err_and(|e| e.0.contains("part")));
    }

    #[test]
    fn a_quantile_before_any_member_travels_as_null_and_comes_back_nan() {
        let m = FromWorker::Done {
            run: 1,
            answer: Answer::Ensemble {
                members: 0,
                series: vec![(SeriesId::Co2Total, [Quantiles::NAN; N_YEARS])],
                odds: vec![],
            },
        };
        let text = m.to_text();
        assert!(text.contains("[null,null,null,null,null]"), "{text}");
        match from_worker(&text) {
            Ok(FromWorker::Done {
                answer: Answer::Ensemble { series, .. },
                ..
            }) => assert!(series[0].1.iter().all(|q| q.p50.is_nan())),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn messages_of_another_version_or_shape_are_refused_with_a_reason() {
        for (text, why) in [
            ("", "not JSON"),
            ("[]", "not an object"),
            (r#"{"v":2,"ready":true}"#, "another version"),
            (r#"{"ready":true}"#, "missing \"v\""),
            (r#"{"v":1,"run":-1,"progress":[1,2]}"#, "run"),
            (r#"{"v":1,"run":1.5,"progress":[1,2]}"#, "run"),
            (r#"{"v":1,"run":1,"progress":[1]}"#, "progress"),
            (r#"{"v":1,"run":1,"nonsense":1}"#, "unknown answer"),
            (
                r#"{"v":1,"run":1,"ensemble":{"members":2,"series":[],"odds":[["industry_scale",2,2,1,0]]}}"#,
                "odds add up",
            ),
            (
                r#"{"v":1,"run":1,"ensemble":{"members":2,"series":[["co2_total",[[1,2,3,4,5]]]],"odds":[]}}"#,
                "years",
            ),
            (
                r#"{"v":1,"run":1,"seek":{"target":"nope"}}"#,
                "unknown target",
            ),
        ] {
            let got = from_worker(text);
            assert!(got.is_err(), "{text} must be refused");
            if why != "not JSON" {
                assert!(
                    got.as_ref().is_err_and(|e| e.0.contains(why)),
                    "{text}: {got:?} should say {why}"
                );
            }
        }
        for text in [
            r#"{"v":1,"run":1,"job":"ensemble","scenario":{"eaf_swap":99999},"members":10,"seed":1,"series":[]}"#,
            r#"{"v":1,"run":1,"job":"ensemble","scenario":{},"members":0,"seed":1,"series":[]}"#,
            r#"{"v":1,"run":1,"job":"ensemble","scenario":{},"members":10,"seed":1e300,"series":[]}"#,
            r#"{"v":1,"run":1,"job":"tornado","scenario":{},"measure":["co2_total",2019],"top":3}"#,
            r#"{"v":1,"run":1,"job":"launch","scenario":{}}"#,
            r#"{"v":1,"run":1,"job":"confident","scenario":{},"target":"energy_intensity","lever":"eaf_swap","confidence":80,"margin":false,"members":500,"seed":1}"#,
            r#"{"v":1,"run":1,"job":"confident","scenario":{},"target":"energy_intensity","lever":"eaf_swap","confidence":0.8,"margin":false,"members":0,"seed":1}"#,
            r#"{"v":1,"run":1,"job":"confident","scenario":{},"target":"energy_intensity","lever":"eaf_swap","confidence":0.8,"members":500,"seed":1}"#,
        ] {
            assert!(to_worker(text).is_err(), "{text} must be refused");
        }
    }
}
