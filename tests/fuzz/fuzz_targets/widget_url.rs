#![no_main]
//! The widget's URL parameters (`vtre_codec::link::parse_widget_spec`, and `s` through `query_param` and the
//! share-link decoder). Never panics; charts and levers are known ids without repeats; unknown ids are
//! reported, shortened; the URL the app's embed dialog writes for the result (src/ui/embed_dialog.rs) reads
//! back as the same widget and scenario, with nothing unknown.

use libfuzzer_sys::fuzz_target;
use vtre_codec::link::{decode, encode, parse_widget_spec, query_escape, query_param, WidgetSpec};
use vtre_fuzz::assert_valid;

fn no_repeats<T: PartialEq>(v: &[T]) -> bool {
    v.iter().enumerate().all(|(i, x)| !v[..i].contains(x))
}

fuzz_target!(|data: &[u8]| {
    let query = String::from_utf8_lossy(data);
    let w = parse_widget_spec(&query);
    assert!(no_repeats(&w.charts) && no_repeats(&w.levers));
    assert!(w.unknown.len() <= 80 && w.unknown.iter().all(|u| u.chars().count() <= 40));
    let (s, _) = decode(&query_param(&query, "s").unwrap_or_default());
    assert_valid(&s);

    let join = |keys: Vec<&str>| keys.join(",");
    let url = format!(
        "?embed=1&charts={}&levers={}&lang=en&s={}&headline={}&scorecard={}",
        join(w.charts.iter().map(|c| c.key()).collect()),
        join(w.levers.iter().map(|l| l.key()).collect()),
        query_escape(&encode(&s)),
        u8::from(w.headline),
        w.scorecard.key(),
    );
    let expected = WidgetSpec {
        unknown: vec![],
        ..w
    };
    assert_eq!(parse_widget_spec(&url), expected, "{url}");
    let link = query_param(&url, "s").unwrap_or_default();
    assert_eq!(decode(&link), (s, vec![]), "{url}");
});
