//! What every fuzz target checks of a decoded scenario, and how the widget-message target turns bytes into
//! message fields. crates/codec/tests/fuzz_corpus.rs includes this file, so it reads and checks the seed
//! files the same way.

use vtre_codec::link::{decode, encode};
use vtre_codec::widget::MessageFields;
use vtre_model::params::spec as pspec;
use vtre_model::{Scenario, LEVERS};

/// The decoders' contract for a scenario: every lever inside its range, every parameter override inside its
/// low–high range (and different from the baseline value, or it would not be an override), every lever
/// schedule inside 2021–2035 and not the default one, and its share link
/// (what the app puts in the URL once the scenario is open, whichever way it came in) opens exactly it again.
pub fn assert_valid(s: &Scenario) {
    assert!(
        LEVERS.iter().all(|l| l.contains(s.get(l.id))),
        "a lever is out of range: {s:?}"
    );
    for (&id, &v) in s.overrides() {
        let p = pspec(id);
        assert!(
            v.is_finite() && v >= p.low.min(p.high) && v <= p.high.max(p.low),
            "parameter {} = {v} is outside {} .. {}",
            p.csv_key,
            p.low,
            p.high
        );
        assert!(
            v != p.value,
            "parameter {} overridden with its own baseline value",
            p.csv_key
        );
    }
    for (id, sch) in s.schedules() {
        assert!(
            Scenario::schedulable(id)
                && (2021..=2035).contains(&sch.start)
                && (sch.start..=2035).contains(&sch.full),
            "schedule of {} = {sch:?}",
            id.key()
        );
        assert_ne!(
            Some(sch),
            Some(s.default_schedule(id)),
            "the default schedule is never stored"
        );
    }
    let link = encode(s);
    assert_eq!(decode(&link), (s.clone(), vec![]), "link {link}");
}

/// A posted message from fuzz input: the text's NUL-separated fields `type`, `s`, `scenario` (as JSON text)
/// and `lang`, in that order; a missing or empty field is absent.
pub fn message_fields(text: &str) -> MessageFields<'_> {
    let mut parts = text.splitn(4, '\0');
    let mut next = || parts.next().filter(|p| !p.is_empty());
    MessageFields {
        kind: next(),
        s: next(),
        scenario_json: next(),
        lang: next(),
    }
}
