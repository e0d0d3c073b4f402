//! Writing the worker messages: every number in its shortest round-trip form, non-finite ones as `null`.

use super::*;

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
            ToWorker::Qr { run, text } => obj(vec![
                ("v", v),
                ("run", num(f64::from(*run))),
                ("qr", str_(text)),
            ]),
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
        Answer::Qr(svg) => ("qr", str_(svg)),
        Answer::Refused(why) => ("refused", str_(why)),
    }
}
