//! The worker's runner gives exactly the analysis crate's (and so the CLI's) numbers, drops what is cancelled
//! and puts the explorer's ensembles before the analysis page's jobs.

#![allow(clippy::expect_used, clippy::unwrap_used)] // tests may fail loudly
use vtre_analysis::{Measure, TargetOdds};
use vtre_codec::worker::{from_worker, Answer, FromWorker, Job, ToWorker};
use vtre_model::{LeverId, Scenario, SeriesId, TargetId};
use vtre_worker::Runner;

fn scenario() -> Scenario {
    let mut s = Scenario::reference();
    s.set(LeverId::EafSwap, 600.0);
    s.set(LeverId::GridFactor, 0.3);
    s
}

fn ensemble_job(members: usize) -> Job {
    Job::Ensemble {
        scenario: scenario(),
        members,
        seed: 1,
        series: vec![SeriesId::Co2Total, SeriesId::OutputValueTotal],
    }
}

/// One of the analysis page's jobs: the three inputs that move the industry-scale target most.
fn tornado_job() -> Job {
    Job::Tornado {
        scenario: scenario(),
        measure: Measure::Target(TargetId::IndustryScale),
        top: 3,
    }
}

/// Runs until idle, through the message text both ways (as in the browser); the answers in finishing order.
fn drain(r: &mut Runner) -> Vec<(u32, Answer)> {
    let mut out = vec![];
    let mut guard = 0;
    while r.busy() {
        guard += 1;
        assert!(guard < 100_000, "the runner never finishes");
        if let Some(m) = r.step() {
            match from_worker(&m.to_text()) {
                Ok(FromWorker::Done { run, answer }) => out.push((run, answer)),
                other => panic!("{other:?}"),
            }
        }
    }
    out
}

fn send(r: &mut Runner, m: ToWorker) {
    r.take(vtre_codec::worker::to_worker(&m.to_text()).expect("the app's own message"));
}

#[test]
fn an_ensemble_in_steps_equals_the_ensemble_at_once_bit_for_bit() {
    let mut r = Runner::new();
    send(
        &mut r,
        ToWorker::Run {
            run: 1,
            job: ensemble_job(300),
        },
    );
    let got = drain(&mut r);
    let whole = vtre_analysis::ensemble(&scenario(), 300, 1);
    match &got[..] {
        [(
            1,
            Answer::Ensemble {
                members,
                series,
                odds,
            },
        )] => {
            assert_eq!(*members, 300);
            for (id, q) in series {
                for (y, q) in q.iter().enumerate() {
                    assert_eq!(*q, whole.series[*id as usize][y], "{id:?} {y}");
                }
            }
            let want: Vec<TargetOdds> = whole.targets.clone();
            assert_eq!(odds, &want);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_cancelled_run_never_answers_and_a_newer_one_does() {
    let mut r = Runner::new();
    send(
        &mut r,
        ToWorker::Run {
            run: 1,
            job: ensemble_job(200),
        },
    );
    // Part of it runs, then the scenario changes: the app cancels run 1 and asks for run 2.
    assert!(r.step().is_none());
    send(&mut r, ToWorker::Cancel { run: 1 });
    send(
        &mut r,
        ToWorker::Run {
            run: 2,
            job: ensemble_job(50),
        },
    );
    let got = drain(&mut r);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].0, 2);
}

#[test]
fn ensembles_go_before_the_analysis_pages_jobs() {
    let mut r = Runner::new();
    send(
        &mut r,
        ToWorker::Run {
            run: 10,
            job: tornado_job(),
        },
    );
    send(
        &mut r,
        ToWorker::Run {
            run: 11,
            job: ensemble_job(60),
        },
    );
    assert_eq!(r.queued(), vec![11, 10]);
    let order: Vec<u32> = drain(&mut r).into_iter().map(|(run, _)| run).collect();
    assert_eq!(order, vec![11, 10]);
}

#[test]
fn every_analysis_answer_equals_the_analysis_crate() {
    let s = scenario();
    let m = Measure::Series(SeriesId::Co2Total, 2030);
    let mut r = Runner::new();
    let jobs = [
        Job::Tornado {
            scenario: s.clone(),
            measure: m,
            top: 10,
        },
        Job::Seek {
            scenario: s.clone(),
            target: TargetId::IndustryScale,
            lever: LeverId::SteelPrice,
        },
        Job::Best {
            scenario: s.clone(),
            target: TargetId::IndustryScale,
            markets: false,
        },
        Job::Contributions {
            scenario: s.clone(),
            measure: m,
            seed: 1,
        },
        Job::Seek {
            scenario: s.clone(),
            target: TargetId::OverseasReBase,
            lever: LeverId::EafSwap,
        },
    ];
    for (i, job) in jobs.into_iter().enumerate() {
        send(&mut r, ToWorker::Run { run: i as u32, job });
    }
    let got = drain(&mut r);
    assert_eq!(got.len(), 5);
    for (run, a) in got {
        match (run, a) {
            (0, Answer::Tornado(t)) => assert_eq!(t, vtre_analysis::tornado(&s, m, 10)),
            (1, Answer::Seek(x)) => assert_eq!(
                Ok(x),
                vtre_analysis::goal_seek(&s, TargetId::IndustryScale, LeverId::SteelPrice)
            ),
            (2, Answer::Best(b)) => assert_eq!(
                b,
                vtre_analysis::best_reachable(&s, TargetId::IndustryScale).ok()
            ),
            (3, Answer::Contributions(c)) => {
                assert_eq!(c, vtre_analysis::contributions(&s, m, 1))
            }
            (4, Answer::Refused(why)) => assert!(why.contains("never scored"), "{why}"),
            other => panic!("{other:?}"),
        }
    }
}

#[test]
fn progress_reports_where_long_runs_stand() {
    let mut r = Runner::new();
    send(
        &mut r,
        ToWorker::Run {
            run: 5,
            job: ensemble_job(100),
        },
    );
    r.step();
    assert_eq!(
        r.progress(),
        vec![FromWorker::Progress {
            run: 5,
            done: vtre_worker::ENSEMBLE_STEP,
            total: 100
        }]
    );
}

#[test]
fn a_goal_seek_to_a_confidence_in_steps_equals_the_analysis_at_once_and_reports_progress() {
    use vtre_analysis::{confident_seek, Chance};
    let mut r = Runner::new();
    let job = |lever| Job::Confident {
        scenario: Scenario::reference(),
        target: TargetId::EnergyIntensity,
        lever,
        confidence: 0.8,
        margin: false,
        members: 40,
        seed: 2,
    };
    send(
        &mut r,
        ToWorker::Run {
            run: 5,
            job: job(LeverId::EafSwap),
        },
    );
    // A market lever is refused by the worker, with the analysis crate's reason.
    send(
        &mut r,
        ToWorker::Run {
            run: 6,
            job: job(LeverId::SteelPrice),
        },
    );
    r.step();
    let progress = r.progress();
    assert!(
        progress.iter().any(|p| matches!(p,
            FromWorker::Progress { run: 5, done, total } if *done > 0 && done <= total)),
        "{progress:?}"
    );
    let got = drain(&mut r);
    let whole = confident_seek(
        &Scenario::reference(),
        TargetId::EnergyIntensity,
        LeverId::EafSwap,
        0.8,
        Chance::Threshold,
        40,
        2,
    )
    .unwrap();
    assert!(whole.reached);
    assert!(got.contains(&(5, Answer::Confident(whole))), "{got:?}");
    assert!(
        got.iter().any(|(run, a)| *run == 6
            && matches!(a, Answer::Refused(why) if why.contains("market price"))),
        "{got:?}"
    );
}

#[test]
fn a_share_links_qr_code_comes_back_as_svg_before_the_analysis_pages_jobs_and_a_page_reads_it() {
    let link = "https://example.org/explorer/?s=1,eaf_swap:300&lang=zh";
    let mut r = Runner::new();
    send(
        &mut r,
        ToWorker::Run {
            run: 20,
            job: tornado_job(),
        },
    );
    send(
        &mut r,
        ToWorker::Qr {
            run: 21,
            text: link.into(),
        },
    );
    assert_eq!(r.queued(), vec![21, 20], "the QR code is not kept waiting");
    // Exactly one step, and the page's first module reads the answer (explorer_answer).
    let m = r.step().expect("a QR code in one step");
    let text = m.to_text();
    let read = vtre_codec::worker::from_worker_taking(&text, vtre_codec::worker::explorer_answer);
    let Ok(FromWorker::Done {
        run: 21,
        answer: Answer::Qr(svg),
    }) = read
    else {
        panic!("{read:?}");
    };
    assert!(svg.starts_with("<?xml") && svg.contains("<svg"), "{svg}");
    assert_eq!(Some(svg.clone()), vtre_worker::qr_svg(link));
    // Another link, another code.
    assert_ne!(Some(svg), vtre_worker::qr_svg("https://example.org/?s=1"));
    // The tornado still answers, and the page's first module refuses its answer as one it never asked for.
    let rest = r.step().expect("the tornado");
    assert!(vtre_codec::worker::from_worker_taking(
        &rest.to_text(),
        vtre_codec::worker::explorer_answer
    )
    .is_err_and(|e| e.0.contains("unknown answer")));
    assert!(matches!(
        from_worker(&rest.to_text()),
        Ok(FromWorker::Done {
            run: 20,
            answer: Answer::Tornado(_)
        })
    ));
}

#[test]
fn a_text_too_long_for_a_qr_code_is_refused_with_why() {
    let mut r = Runner::new();
    // Within what a message may carry, beyond what a QR code holds (2,953 bytes at the lowest correction).
    let long = "x".repeat(5_000);
    send(&mut r, ToWorker::Qr { run: 1, text: long });
    match drain(&mut r).as_slice() {
        [(1, Answer::Refused(why))] => assert!(why.contains("QR"), "{why}"),
        other => panic!("{other:?}"),
    }
}
