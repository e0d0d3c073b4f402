//! The analysis worker's messages (`vtre_codec::worker`) at their edges, where mutation testing found the
//! decoders' rules unchecked: each bound exactly (accepted on it, refused one past it), each field's kind,
//! each status and input kind by name, and the texts the encoders write. Messages are written out by hand.
#![cfg(not(target_arch = "wasm32"))]

use vtre_analysis::shapley::{Method, Part};
use vtre_analysis::{Bar, Contributions, Input, Measure, Reachable, Seek, Tornado};
use vtre_codec::worker::{from_worker, to_worker, Answer, FromWorker, Job, Refused, ToWorker};
use vtre_model::params::ParamId;
use vtre_model::targets::TargetResult;
use vtre_model::{LeverId, Scenario, SeriesId, Status, TargetId};

/// Why `text` is refused by `from_worker` (a panic if it is accepted).
fn from_refusal(text: &str) -> String {
    match from_worker(text) {
        Err(Refused(why)) => why,
        Ok(m) => panic!("{text} was accepted as {m:?}"),
    }
}

fn to_refusal(text: &str) -> String {
    match to_worker(text) {
        Err(Refused(why)) => why,
        Ok(m) => panic!("{text} was accepted as {m:?}"),
    }
}

fn progress(run: &str, done: &str, total: &str) -> String {
    format!(r#"{{"v":1,"run":{run},"progress":[{done},{total}]}}"#)
}

#[test]
fn the_encoders_write_the_documented_texts() {
    assert_eq!(FromWorker::Ready.to_text(), r#"{"v":1,"ready":true}"#);
    assert_eq!(
        FromWorker::Progress {
            run: 7,
            done: 200,
            total: 1000
        }
        .to_text(),
        r#"{"v":1,"run":7,"progress":[200,1000]}"#
    );
    assert_eq!(
        ToWorker::Cancel { run: 7 }.to_text(),
        r#"{"v":1,"cancel":7}"#
    );
    let mut s = Scenario::reference();
    s.set(LeverId::EafSwap, 300.0);
    assert_eq!(
        ToWorker::Run {
            run: 7,
            job: Job::Ensemble {
                scenario: s.clone(),
                members: 1000,
                seed: 1,
                series: vec![SeriesId::Co2Total],
            },
        }
        .to_text(),
        r#"{"v":1,"run":7,"job":"ensemble","scenario":{"eaf_swap":300},"members":1000,"seed":1,"series":["co2_total"]}"#
    );
    assert_eq!(
        ToWorker::Run {
            run: 2,
            job: Job::Best {
                scenario: s,
                target: TargetId::IndustryScale,
                markets: false,
            },
        }
        .to_text(),
        r#"{"v":1,"run":2,"job":"best","scenario":{"eaf_swap":300},"target":"industry_scale","markets":false}"#
    );
    assert_eq!(
        FromWorker::Done {
            run: 1,
            answer: Answer::Refused("why".into())
        }
        .to_text(),
        r#"{"v":1,"run":1,"refused":"why"}"#
    );
}

#[test]
fn run_ids_are_whole_numbers_from_zero_to_the_largest_u32() {
    for (run, want) in [("0", 0u32), ("4294967295", u32::MAX)] {
        assert_eq!(
            from_worker(&progress(run, "1", "2")),
            Ok(FromWorker::Progress {
                run: want,
                done: 1,
                total: 2
            })
        );
        assert_eq!(
            to_worker(&format!(r#"{{"v":1,"cancel":{run}}}"#)),
            Ok(ToWorker::Cancel { run: want })
        );
    }
    for bad in ["4294967296", "-1", "0.5", "1e300", "\"1\"", "null", "true"] {
        assert_eq!(from_refusal(&progress(bad, "1", "2")), "run", "{bad}");
        assert_eq!(
            to_refusal(&format!(r#"{{"v":1,"cancel":{bad}}}"#)),
            "run",
            "{bad}"
        );
    }
}

#[test]
fn counts_are_whole_numbers_up_to_a_billion() {
    assert_eq!(
        from_worker(&progress("1", "0", "1000000000")),
        Ok(FromWorker::Progress {
            run: 1,
            done: 0,
            total: 1_000_000_000
        })
    );
    assert_eq!(from_refusal(&progress("1", "1000000001", "1")), "done");
    assert_eq!(from_refusal(&progress("1", "1", "2.5")), "total");
    assert_eq!(from_refusal(&progress("1", "-1", "2")), "done");
    assert_eq!(
        from_refusal(r#"{"v":1,"run":1,"progress":[1,2,3]}"#),
        "progress"
    );
    assert_eq!(
        from_refusal(r#"{"v":1,"run":1,"progress":{"done":1}}"#),
        "progress"
    );
}

#[test]
fn only_version_one_is_read_and_the_version_must_be_a_whole_number() {
    assert_eq!(
        from_worker(r#"{"v":1,"ready":true}"#),
        Ok(FromWorker::Ready)
    );
    assert_eq!(from_refusal(r#"{"v":0,"ready":true}"#), "another version");
    assert_eq!(from_refusal(r#"{"v":2,"ready":true}"#), "another version");
    assert_eq!(from_refusal(r#"{"v":1.5,"ready":true}"#), "v");
    assert_eq!(from_refusal(r#"{"v":1e7,"ready":true}"#), "v");
    assert_eq!(from_refusal(r#"{"v":"1","ready":true}"#), "v");
    assert_eq!(from_refusal(r#"{"ready":true}"#), "missing \"v\"");
    assert_eq!(from_refusal(r#"[{"v":1}]"#), "not an object");
    assert_eq!(to_refusal(r#"{"v":2,"cancel":1}"#), "another version");
    // `ready` is true or nothing.
    assert_eq!(from_refusal(r#"{"v":1,"ready":false}"#), "ready");
    assert_eq!(from_refusal(r#"{"v":1,"ready":1}"#), "ready");
}

fn ensemble_job(members: &str, seed: &str) -> String {
    format!(
        r#"{{"v":1,"run":1,"job":"ensemble","scenario":{{}},"members":{members},"seed":{seed},"series":["co2_total"]}}"#
    )
}

#[test]
fn an_ensemble_takes_one_to_a_hundred_thousand_members_and_seeds_an_f64_holds_exactly() {
    for (members, seed) in [("1", "0"), ("100000", "9007199254740991")] {
        match to_worker(&ensemble_job(members, seed)) {
            Ok(ToWorker::Run {
                run: 1,
                job:
                    Job::Ensemble {
                        members: m,
                        seed: sd,
                        series,
                        scenario,
                    },
            }) => {
                assert_eq!(m.to_string(), members);
                assert_eq!(sd.to_string(), seed);
                assert_eq!(series, vec![SeriesId::Co2Total]);
                assert_eq!(scenario, Scenario::reference());
            }
            other => panic!("{members}, {seed}: {other:?}"),
        }
    }
    for members in ["0", "100001"] {
        assert_eq!(
            to_refusal(&ensemble_job(members, "1")),
            "members outside 1-100000"
        );
    }
    assert_eq!(to_refusal(&ensemble_job("10", "9007199254740992")), "seed");
    assert_eq!(to_refusal(&ensemble_job("10", "-1")), "seed");
    assert_eq!(
        to_refusal(
            r#"{"v":1,"run":1,"job":"ensemble","scenario":{},"members":10,"seed":1,"series":["nope"]}"#
        ),
        "unknown series"
    );
    assert_eq!(
        to_refusal(
            r#"{"v":1,"run":1,"job":"ensemble","scenario":{},"members":10,"seed":1,"series":"co2_total"}"#
        ),
        "series"
    );
}

fn tornado_job(measure: &str) -> String {
    format!(r#"{{"v":1,"run":1,"job":"tornado","scenario":{{}},"measure":{measure},"top":3}}"#)
}

#[test]
fn a_measure_is_a_target_or_a_series_in_a_year_of_the_projection() {
    let measure_of = |text: &str| match to_worker(&tornado_job(text)) {
        Ok(ToWorker::Run {
            job: Job::Tornado { measure, top, .. },
            ..
        }) => {
            assert_eq!(top, 3);
            measure
        }
        other => panic!("{text}: {other:?}"),
    };
    assert_eq!(
        measure_of(r#"["industry_scale"]"#),
        Measure::Target(TargetId::IndustryScale)
    );
    assert_eq!(
        measure_of(r#"["co2_total",2020]"#),
        Measure::Series(SeriesId::Co2Total, 2020)
    );
    assert_eq!(
        measure_of(r#"["co2_total",2035]"#),
        Measure::Series(SeriesId::Co2Total, 2035)
    );
    for (bad, why) in [
        (r#"["co2_total",2019]"#, "year outside 2020-2035"),
        (r#"["co2_total",2036]"#, "year outside 2020-2035"),
        (r#"["co2_total",2030.5]"#, "year"),
        (r#"["co2_total",10000]"#, "year"),
        (r#"["nope",2030]"#, "unknown series"),
        (r#"["nope"]"#, "unknown target"),
        (r#"[]"#, "measure"),
        (r#"["co2_total",2030,1]"#, "measure"),
        (r#""co2_total""#, "measure"),
    ] {
        assert_eq!(to_refusal(&tornado_job(bad)), why, "{bad}");
    }
}

#[test]
fn every_job_kind_is_read_by_its_name_with_its_own_fields() {
    let job = |body: &str| match to_worker(&format!(
        r#"{{"v":1,"run":4,"scenario":{{"eaf_swap":300}},{body}}}"#
    )) {
        Ok(ToWorker::Run { run: 4, job }) => job,
        other => panic!("{body}: {other:?}"),
    };
    let mut s = Scenario::reference();
    s.set(LeverId::EafSwap, 300.0);
    assert_eq!(
        job(r#""job":"seek","target":"industry_scale","lever":"steel_price""#),
        Job::Seek {
            scenario: s.clone(),
            target: TargetId::IndustryScale,
            lever: LeverId::SteelPrice
        }
    );
    assert_eq!(
        job(r#""job":"best","target":"industry_scale","markets":true"#),
        Job::Best {
            scenario: s.clone(),
            target: TargetId::IndustryScale,
            markets: true
        }
    );
    assert_eq!(
        job(r#""job":"contributions","measure":["industry_scale"],"seed":9"#),
        Job::Contributions {
            scenario: s.clone(),
            measure: Measure::Target(TargetId::IndustryScale),
            seed: 9
        }
    );
    let base = r#"{"v":1,"run":4,"scenario":{},"#;
    for (body, why) in [
        (
            r#""job":"seek","target":"industry_scale","lever":"nope""#,
            "unknown lever",
        ),
        (
            r#""job":"seek","target":"industry_scale","lever":3"#,
            "lever",
        ),
        (
            r#""job":"seek","target":"industry_scale""#,
            "missing \"lever\"",
        ),
        (
            r#""job":"best","target":"industry_scale","markets":1"#,
            "markets",
        ),
        (
            r#""job":"tornado","measure":["industry_scale"],"top":-1"#,
            "top",
        ),
        (
            r#""job":"contributions","measure":["industry_scale"],"seed":0.5"#,
            "seed",
        ),
        (r#""job":7"#, "job"),
        (r#""job":"launch""#, "unknown job"),
    ] {
        assert_eq!(to_refusal(&format!("{base}{body}}}")), why, "{body}");
    }
    // A scenario is taken exactly or not at all.
    assert_eq!(
        to_refusal(
            r#"{"v":1,"run":4,"scenario":{"eaf_swap":"x"},"job":"seek","target":"industry_scale","lever":"eaf_swap"}"#
        ),
        "scenario with issues"
    );
    assert_eq!(
        to_refusal(r#"{"v":1,"run":4,"job":"seek","target":"industry_scale","lever":"eaf_swap"}"#),
        "missing \"scenario\""
    );
}

fn result(status: &str, threshold: &str) -> String {
    format!(r#"["industry_scale",2025,4641.5,{threshold},"{status}",-1358.5]"#)
}

fn seek_answer(result: &str) -> String {
    format!(
        r#"{{"v":1,"run":1,"seek":{{"target":"industry_scale","lever":"steel_price","from":3550,"value":6000,"reached":false,"result":{result},"runs":38}}}}"#
    )
}

#[test]
fn a_target_result_reads_each_status_by_name_and_a_missing_threshold_as_none() {
    for (name, status) in [
        ("met", Status::Met),
        ("at-risk", Status::AtRisk),
        ("missed", Status::Missed),
        ("unquantified", Status::Unquantified),
    ] {
        let want = Seek {
            target: TargetId::IndustryScale,
            lever: LeverId::SteelPrice,
            from: 3550.0,
            value: 6000.0,
            reached: false,
            result: TargetResult {
                id: TargetId::IndustryScale,
                year: 2025,
                value: 4641.5,
                threshold: Some(6000.0),
                status,
                margin: -1358.5,
            },
            runs: 38,
        };
        assert_eq!(
            from_worker(&seek_answer(&result(name, "6000"))),
            Ok(FromWorker::Done {
                run: 1,
                answer: Answer::Seek(want)
            })
        );
        let none = Seek {
            result: TargetResult {
                threshold: None,
                ..want.result
            },
            ..want
        };
        assert_eq!(
            from_worker(&seek_answer(&result(name, "null"))),
            Ok(FromWorker::Done {
                run: 1,
                answer: Answer::Seek(none)
            })
        );
    }
    for (r, why) in [
        (result("on-track", "6000"), "unknown status"),
        (result("met", "\"6000\""), "threshold"),
        (
            r#"["industry_scale",2025.5,1,1,"met",0]"#.to_string(),
            "year",
        ),
        (r#"["industry_scale",2025,1,1,"met"]"#.to_string(), "result"),
        (r#"["nope",2025,1,1,"met",0]"#.to_string(), "unknown target"),
        (
            r#"["industry_scale",2025,null,1,"met",0]"#.to_string(),
            "value",
        ),
        (
            r#"["industry_scale",2025,1,1,"met",null]"#.to_string(),
            "margin",
        ),
    ] {
        assert_eq!(from_refusal(&seek_answer(&r)), why, "{r}");
    }
}

fn tornado_answer(bar: &str, base: &str) -> String {
    format!(
        r#"{{"v":1,"run":2,"tornado":{{"measure":["co2_total",2030],"base":{base},"bars":[{bar}]}}}}"#
    )
}

#[test]
fn a_tornado_bar_names_a_lever_or_a_parameter_and_only_outputs_may_be_null() {
    let bars_of = |bar: &str, base: &str| match from_worker(&tornado_answer(bar, base)) {
        Ok(FromWorker::Done {
            run: 2,
            answer: Answer::Tornado(t),
        }) => t,
        other => panic!("{bar}: {other:?}"),
    };
    assert_eq!(
        bars_of(r#"[["lever","eaf_swap"],0,600,50.5,40.25]"#, "45"),
        Tornado {
            measure: Measure::Series(SeriesId::Co2Total, 2030),
            base: 45.0,
            bars: vec![Bar {
                input: Input::Lever(LeverId::EafSwap),
                low_input: 0.0,
                high_input: 600.0,
                low_output: 50.5,
                high_output: 40.25
            }]
        }
    );
    let t = bars_of(
        r#"[["param","power_price_elasticity"],-1,0,null,null]"#,
        "null",
    );
    assert!(t.base.is_nan());
    assert_eq!(t.bars[0].input, Input::Param(ParamId::PowerElasticity));
    assert!(t.bars[0].low_output.is_nan() && t.bars[0].high_output.is_nan());
    for (bar, why) in [
        (r#"[["lever","nope"],0,1,1,1]"#, "unknown lever"),
        (r#"[["param","nope"],0,1,1,1]"#, "unknown parameter"),
        (r#"[["series","co2_total"],0,1,1,1]"#, "input kind"),
        (r#"[["lever"],0,1,1,1]"#, "input"),
        (r#"[["lever","eaf_swap"],null,1,1,1]"#, "low_input"),
        (r#"[["lever","eaf_swap"],0,null,1,1]"#, "high_input"),
        (r#"[["lever","eaf_swap"],0,1,1]"#, "bar"),
    ] {
        assert_eq!(from_refusal(&tornado_answer(bar, "1")), why, "{bar}");
    }
}

fn odds_answer(odds: &str) -> String {
    let years = vec!["[1,2,3,4,5]"; 16].join(",");
    format!(
        r#"{{"v":1,"run":1,"ensemble":{{"members":10,"series":[["co2_total",[{years}]]],"odds":[{odds}]}}}}"#
    )
}

#[test]
fn an_ensembles_odds_may_add_up_to_its_members_but_not_more() {
    match from_worker(&odds_answer(r#"["industry_scale",10,5,3,2]"#)) {
        Ok(FromWorker::Done {
            answer:
                Answer::Ensemble {
                    members,
                    series,
                    odds,
                },
            ..
        }) => {
            assert_eq!(members, 10);
            assert_eq!(series.len(), 1);
            assert_eq!(series[0].0, SeriesId::Co2Total);
            let q = series[0].1[15];
            assert_eq!(
                [q.p5, q.p10, q.p50, q.p90, q.p95],
                [1.0, 2.0, 3.0, 4.0, 5.0]
            );
            assert_eq!(
                (
                    odds[0].members,
                    odds[0].met,
                    odds[0].at_risk,
                    odds[0].missed
                ),
                (10, 5, 3, 2)
            );
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        from_refusal(&odds_answer(r#"["industry_scale",10,5,3,3]"#)),
        "odds add up to more than the members"
    );
    assert_eq!(
        from_refusal(&odds_answer(r#"["industry_scale",10,5,3]"#)),
        "odds entry"
    );
    let short = format!(
        r#"{{"v":1,"run":1,"ensemble":{{"members":1,"series":[["co2_total",[{}]]],"odds":[]}}}}"#,
        vec!["[1,2,3,4,5]"; 17].join(",")
    );
    assert_eq!(from_refusal(&short), "years");
    let four = format!(
        r#"{{"v":1,"run":1,"ensemble":{{"members":1,"series":[["co2_total",[{}]]],"odds":[]}}}}"#,
        vec!["[1,2,3,4]"; 16].join(",")
    );
    assert_eq!(from_refusal(&four), "quantiles");
    let entry = r#"{"v":1,"run":1,"ensemble":{"members":1,"series":[["co2_total"]],"odds":[]}}"#;
    assert_eq!(from_refusal(entry), "series entry");
}

fn best_answer(body: &str) -> String {
    format!(r#"{{"v":1,"run":5,"best":{body}}}"#)
}

#[test]
fn a_best_reachable_answer_is_null_or_a_scenario_with_its_changes() {
    assert_eq!(
        from_worker(&best_answer("null")),
        Ok(FromWorker::Done {
            run: 5,
            answer: Answer::Best(None)
        })
    );
    let body = format!(
        r#"{{"target":"industry_scale","scenario":{{"eaf_swap":300}},"reached":true,"result":{},"changes":[["eaf_swap",0,300]],"runs":12}}"#,
        result("met", "6000")
    );
    let mut s = Scenario::reference();
    s.set(LeverId::EafSwap, 300.0);
    assert_eq!(
        from_worker(&best_answer(&body)),
        Ok(FromWorker::Done {
            run: 5,
            answer: Answer::Best(Some(Reachable {
                target: TargetId::IndustryScale,
                scenario: s,
                reached: true,
                result: TargetResult {
                    id: TargetId::IndustryScale,
                    year: 2025,
                    value: 4641.5,
                    threshold: Some(6000.0),
                    status: Status::Met,
                    margin: -1358.5
                },
                changes: vec![(LeverId::EafSwap, 0.0, 300.0)],
                runs: 12
            }))
        })
    );
    for (changes, why) in [
        (r#"[["eaf_swap",0]]"#, "change"),
        (r#"[["eaf_swap",null,1]]"#, "from"),
        (r#"[["eaf_swap",0,null]]"#, "to"),
        (r#"[["nope",0,1]]"#, "unknown lever"),
    ] {
        let b = body.replace(r#"[["eaf_swap",0,300]]"#, changes);
        assert_eq!(from_refusal(&best_answer(&b)), why, "{changes}");
    }
    assert_eq!(
        from_refusal(&best_answer(
            &body.replace(r#""reached":true"#, r#""reached":"yes""#)
        )),
        "reached"
    );
}

fn contributions_answer(parts: &str, method: &str) -> String {
    format!(
        r#"{{"v":1,"run":6,"contributions":{{"measure":["industry_scale"],"reference":4000,"scenario":null,"parts":[{parts}],"method":{method},"runs":8}}}}"#
    )
}

#[test]
fn contributions_say_whether_they_are_exact_or_sampled_and_from_which_seed() {
    let read = |parts: &str, method: &str| match from_worker(&contributions_answer(parts, method)) {
        Ok(FromWorker::Done {
            run: 6,
            answer: Answer::Contributions(c),
        }) => c,
        other => panic!("{method}: {other:?}"),
    };
    let c: Contributions = read(r#"[["lever","eaf_swap"],0,300,-12.5,-10]"#, "null");
    assert_eq!(c.method, Method::Exact);
    assert_eq!(c.reference, 4000.0);
    assert!(c.scenario.is_nan());
    assert_eq!(c.runs, 8);
    assert_eq!(
        c.parts,
        vec![Part {
            input: Input::Lever(LeverId::EafSwap),
            from: 0.0,
            to: 300.0,
            contribution: -12.5,
            alone: -10.0
        }]
    );
    assert_eq!(
        read("", "[200,7]").method,
        Method::Sampled {
            permutations: 200,
            seed: 7
        }
    );
    let unknown = read(r#"[["lever","eaf_swap"],0,300,null,null]"#, "null");
    assert!(unknown.parts[0].contribution.is_nan());
    assert!(unknown.parts[0].alone.is_nan());
    for (parts, method, why) in [
        ("", "[200]", "method"),
        ("", "\"exact\"", "method"),
        ("", "[200,0.5]", "seed"),
        ("", "[-1,7]", "permutations"),
        (r#"[["lever","eaf_swap"],0,300,1]"#, "null", "part"),
        (r#"[["lever","eaf_swap"],0,300,1,2,3]"#, "null", "part"),
        (r#"[["lever","eaf_swap"],null,300,1,2]"#, "null", "from"),
        (r#"[["lever","eaf_swap"],0,null,1,2]"#, "null", "to"),
        (
            r#"[["lever","eaf_swap"],0,300,"1",2]"#,
            "null",
            "contribution",
        ),
        (r#"[["lever","eaf_swap"],0,300,1,"2"]"#, "null", "alone"),
    ] {
        assert_eq!(
            from_refusal(&contributions_answer(parts, method)),
            why,
            "{parts} {method}"
        );
    }
}

#[test]
fn an_answer_of_no_known_kind_or_with_a_field_of_the_wrong_kind_is_refused() {
    assert_eq!(from_refusal(r#"{"v":1,"run":1}"#), "unknown answer");
    assert_eq!(from_refusal(r#"{"v":1,"run":1,"refused":3}"#), "refused");
    assert_eq!(
        from_worker(r#"{"v":1,"run":1,"refused":"no number"}"#),
        Ok(FromWorker::Done {
            run: 1,
            answer: Answer::Refused("no number".into())
        })
    );
    assert_eq!(
        from_refusal(r#"{"v":1,"run":1,"ensemble":{"series":[],"odds":[]}}"#),
        "missing \"members\""
    );
    assert_eq!(
        from_refusal(r#"{"v":1,"run":1,"ensemble":{"members":1,"series":{},"odds":[]}}"#),
        "series"
    );
    assert_eq!(
        from_refusal(r#"{"v":1,"run":1,"ensemble":{"members":1,"series":[],"odds":{}}}"#),
        "odds"
    );
}
