#![no_main]
//! The analysis worker's messages, both ways (`vtre_codec::worker::to_worker`, what the app asks, and
//! `from_worker`, what the worker answers), read from the fuzz input as text. Never panics; a message either
//! decoder accepts re-encodes (`to_text`) to text that decodes to the same message again, and encoding that
//! is a fixed point (so a quantile sent as `null` stays NaN, and nothing drifts by a bit); every scenario in
//! an accepted message is a valid scenario (`vtre_fuzz::assert_valid`), every count in its range, every QR
//! text and QR code of a sane length (a code an SVG document); what the page's first module reads
//! (`explorer_answer`) it reads exactly as the full reader does.

use libfuzzer_sys::fuzz_target;
use vtre_codec::worker::{
    explorer_answer, from_worker, from_worker_taking, to_worker, Answer, FromWorker, Job, ToWorker,
    QR_MAX_SVG, QR_MAX_TEXT,
};
use vtre_fuzz::assert_valid;

/// `a` and `b` are the same message: equal, or (NaN is never equal to itself) encoded alike.
#[allow(clippy::eq_op)]
fn same<T: PartialEq>(a: &T, b: &T, text_a: &str, text_b: &str) -> bool {
    a == b || (text_a == text_b && a != a)
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);

    if let Ok(m) = to_worker(&text) {
        if let ToWorker::Run { job, .. } = &m {
            assert_valid(job.scenario());
            if let Job::Ensemble { members, .. } = job {
                assert!((1..=100_000).contains(members), "{members} members");
            }
        }
        if let ToWorker::Qr { text, .. } = &m {
            assert!(!text.is_empty() && text.len() <= QR_MAX_TEXT, "QR text of {}", text.len());
        }
        let once = m.to_text();
        let back = to_worker(&once).unwrap_or_else(|e| panic!("{once} refused: {e:?}"));
        let twice = back.to_text();
        assert_eq!(once, twice, "re-encoding drifts");
        assert!(same(&m, &back, &once, &twice), "{m:?} came back as {back:?}");
    }

    if let Ok(m) = from_worker_taking(&text, explorer_answer) {
        // Compared as text: a quantile sent as `null` is NaN, never equal to itself.
        let full = from_worker(&text).map(|x| x.to_text()).ok();
        assert_eq!(full, Some(m.to_text()), "the two readers differ");
    }

    if let Ok(m) = from_worker(&text) {
        match &m {
            FromWorker::Done {
                answer: Answer::Best(Some(r)),
                ..
            } => assert_valid(&r.scenario),
            FromWorker::Done {
                answer: Answer::Qr(svg),
                ..
            } => assert!(
                svg.len() <= QR_MAX_SVG && (svg.starts_with("<?xml") || svg.starts_with("<svg")),
                "{svg}"
            ),
            FromWorker::Done {
                answer: Answer::Ensemble { odds, .. },
                ..
            } => {
                for o in odds {
                    assert!(o.met + o.at_risk + o.missed <= o.members, "{o:?}");
                }
            }
            _ => {}
        }
        let once = m.to_text();
        let back = from_worker(&once).unwrap_or_else(|e| panic!("{once} refused: {e:?}"));
        let twice = back.to_text();
        assert_eq!(once, twice, "re-encoding drifts");
        assert!(same(&m, &back, &once, &twice), "{m:?} came back as {back:?}");
    }
});
