//! Messages between the app and its analysis worker (`crates/worker`): what to compute ([`ToWorker`]) and
//! what came of it ([`FromWorker`]), as JSON text.
//!
//! Both directions are outside input for whoever reads them (a worker script from another deployment, a
//! tampered cache, a browser extension), so the decoders follow the codec's rules: they never panic, they
//! take only well-formed messages of this [`VERSION`] and say why they refuse anything else, and every id is
//! read with the model's own `from_key`. Numbers travel in their shortest round-trip form (`json::number`),
//! so the app shows bit for bit what the worker computed — the same numbers as `vtre ensemble` and
//! `vtre targets --members N --seed S`. Non-finite numbers (a quantile before any member ran) travel as
//! `null`.
//!
//! ```json
//! {"v":1,"run":7,"job":"ensemble","scenario":{"eaf_swap":300},"members":1000,"seed":1,"series":["co2_total"]}
//! {"v":1,"run":8,"job":"confident","scenario":{},"target":"energy_intensity","lever":"eaf_swap","confidence":0.8,
//!   "margin":false,"members":500,"seed":1}
//! {"v":1,"run":9,"qr":"https://example.org/?s=1,eaf_swap:300"}
//! {"v":1,"cancel":7}
//! {"v":1,"ready":true}
//! {"v":1,"run":7,"progress":[200,1000]}
//! {"v":1,"run":7,"ensemble":{"members":1000,"series":[["co2_total",[[p5,p10,p50,p90,p95],…16 years]]],
//!   "odds":[["industry_scale",1000,12,3,985],…]}}
//! {"v":1,"run":9,"qr":"<?xml version=\"1.0\" …><svg …>…</svg>"}
//! ```
//!
//! The worker also draws the share link's QR code (`qr`), so the QR encoder is not in the page's first
//! module (issue 20: 14 KiB gzip of the core's wasm).

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
    /// The job's name in a message's `kind` field.
    pub fn kind(&self) -> &'static str {
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
    /// Draw the QR code of `text` (a share link); its answer is [`Answer::Qr`].
    Qr { run: u32, text: String },
}

/// The longest text the worker draws a QR code of, and the longest QR code (SVG text) the app takes back:
/// far above a share link, far below anything that could slow the page.
pub const QR_MAX_TEXT: usize = 8_000;
pub const QR_MAX_SVG: usize = 400_000;

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
    /// The QR code asked for, as SVG text (the app shows it as an image, never as markup).
    Qr(String),
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

mod read;
mod write;
pub use read::{
    any_answer, explorer_answer, from_worker, from_worker_taking, to_worker, AnswerReader, Refused,
};

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
    fn a_qr_code_request_and_answer_read_back_and_anything_but_an_svg_of_sane_length_is_refused() {
        let ask = ToWorker::Qr {
            run: 9,
            text: "https://example.org/?s=1,eaf_swap:300&lang=en".into(),
        };
        assert_eq!(to_worker(&ask.to_text()), Ok(ask.clone()));
        let svg = r#"<?xml version="1.0" standalone="yes"?><svg xmlns="http://www.w3.org/2000/svg"></svg>"#;
        let answer = FromWorker::Done {
            run: 9,
            answer: Answer::Qr(svg.into()),
        };
        assert_eq!(from_worker(&answer.to_text()), Ok(answer.clone()));
        assert_eq!(
            from_worker_taking(&answer.to_text(), explorer_answer),
            Ok(answer)
        );
        for (text, why) in [
            (r#"{"v":1,"run":9,"qr":""}"#.to_string(), "qr text length"),
            (
                format!(
                    r#"{{"v":1,"run":9,"qr":"{}"}}"#,
                    "x".repeat(QR_MAX_TEXT + 1)
                ),
                "qr text length",
            ),
            (r#"{"v":1,"run":9,"qr":7}"#.to_string(), "qr"),
        ] {
            assert!(
                to_worker(&text).is_err_and(|e| e.0.contains(why)),
                "{why}: {:?}",
                to_worker(&text)
            );
        }
        for text in [
            r#"{"v":1,"run":9,"qr":"<script>alert(1)</script>"}"#.to_string(),
            r#"{"v":1,"run":9,"qr":""}"#.to_string(),
            format!(r#"{{"v":1,"run":9,"qr":"<svg{}"}}"#, " ".repeat(QR_MAX_SVG)),
        ] {
            assert!(
                from_worker(&text).is_err_and(|e| e.0 == "qr"),
                "{:?}",
                from_worker(&text)
            );
        }
    }

    #[test]
    fn the_first_modules_reader_takes_the_explorers_answers_and_refuses_the_analysis_pages() {
        let sc = sample_scenario();
        let mut e = vtre_analysis::Ensemble::new(&sc, 10, 1);
        e.run();
        let ens = FromWorker::Done {
            run: 1,
            answer: Answer::of_ensemble(&e, &[SeriesId::Co2Total]),
        };
        assert_eq!(
            from_worker_taking(&ens.to_text(), explorer_answer),
            Ok(ens.clone())
        );
        let refused = FromWorker::Done {
            run: 2,
            answer: Answer::Refused("no".into()),
        };
        assert_eq!(
            from_worker_taking(&refused.to_text(), explorer_answer),
            Ok(refused)
        );
        let tornado = FromWorker::Done {
            run: 3,
            answer: Answer::Tornado(vtre_analysis::tornado(
                &sc,
                Measure::Series(SeriesId::Co2Total, 2030),
                3,
            )),
        };
        assert!(from_worker_taking(&tornado.to_text(), explorer_answer)
            .is_err_and(|e| e.0 == "unknown answer"));
        assert_eq!(from_worker(&tornado.to_text()), Ok(tornado));
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
