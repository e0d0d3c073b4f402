//! Reading the worker messages as outside input: well-formed messages of this version only, every id through
//! the model's `from_key`, and a reason for anything refused; never a panic.

use super::*;

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
    if let Some(q) = v.get("qr") {
        let text = s(q, "qr")?;
        if text.is_empty() || text.len() > QR_MAX_TEXT {
            return bad("qr text length");
        }
        return Ok(ToWorker::Qr {
            run,
            text: text.to_string(),
        });
    }
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

/// Reads a message from the worker, taking every answer. Never panics.
pub fn from_worker(text: &str) -> R<FromWorker> {
    from_worker_taking(text, any_answer)
}

/// Reads the answer in a message of the worker's (`None`: not an answer this reader takes).
pub type AnswerReader = fn(&Json) -> Option<R<Answer>>;

/// Reads a message from the worker, taking only the answers `read` reads (any other is refused as
/// unknown): the page's first module reads those the explorer asks for ([`explorer_answer`]), so the
/// decoders of the analysis page's answers are not in it (issue 20). Never panics.
pub fn from_worker_taking(text: &str, read: AnswerReader) -> R<FromWorker> {
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
    match read(&v) {
        Some(answer) => Ok(FromWorker::Done {
            run,
            answer: answer?,
        }),
        None => bad("unknown answer"),
    }
}

/// Every answer.
pub fn any_answer(v: &Json) -> Option<R<Answer>> {
    explorer_answer(v).or_else(|| analysis_answer(v))
}

/// The answers the explorer asks for: an ensemble's bands and chances, a QR code, a refusal.
pub fn explorer_answer(v: &Json) -> Option<R<Answer>> {
    if let Some(e) = v.get("ensemble") {
        Some(ensemble_answer(e))
    } else if let Some(x) = v.get("qr") {
        Some(s(x, "qr").and_then(|svg| {
            // An SVG document (shown as an image, so nothing in it runs), of a sane length.
            if svg.len() <= QR_MAX_SVG && (svg.starts_with("<?xml") || svg.starts_with("<svg")) {
                Ok(Answer::Qr(svg.to_string()))
            } else {
                bad("qr")
            }
        }))
    } else {
        v.get("refused")
            .map(|x| s(x, "refused").map(|w| Answer::Refused(w.to_string())))
    }
}

fn ensemble_answer(e: &Json) -> R<Answer> {
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
    Ok(Answer::Ensemble {
        members,
        series,
        odds,
    })
}

/// The analysis page's answers: tornado, goal-seek, best reachable, contributions, goal-seek to a confidence.
fn analysis_answer(v: &Json) -> Option<R<Answer>> {
    ["tornado", "seek", "best", "contributions", "confident"]
        .into_iter()
        .find_map(|k| v.get(k).map(|x| analysis_body(k, x)))
}

fn analysis_body(key: &str, x: &Json) -> R<Answer> {
    Ok(match key {
        "tornado" => Answer::Tornado(Tornado {
            measure: measure(field(x, "measure")?)?,
            base: f_or_nan(field(x, "base")?, "base")?,
            bars: arr(field(x, "bars")?, "bars")?
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
        }),
        "seek" => Answer::Seek(Seek {
            target: target(field(x, "target")?)?,
            lever: lever(field(x, "lever")?)?,
            from: f(field(x, "from")?, "from")?,
            value: f(field(x, "value")?, "value")?,
            reached: b(field(x, "reached")?, "reached")?,
            result: result(field(x, "result")?)?,
            runs: count(field(x, "runs")?, "runs")?,
        }),
        "best" => match x {
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
        },
        "contributions" => Answer::Contributions(Contributions {
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
        }),
        "confident" => Answer::Confident(ConfidentSeek {
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
        }),
        _ => return bad("unknown answer"),
    })
}
