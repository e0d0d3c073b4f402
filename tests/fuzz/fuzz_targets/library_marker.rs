#![no_main]
//! An import marker (`vtre_codec::library::parse_marker`), the record an import in progress keeps in storage
//! so that its entries are listed all at once or not at all, read around a library: any stored text either is
//! a marker, which hides exactly the entries it names (none other, none quarantined) and, once stale, is
//! tidied away with exactly those entries, or is not one, which hides and removes nothing. Ids a marker names
//! are never given to a new entry, and an import next to it still imports everything.

use libfuzzer_sys::fuzz_target;
use vtre_codec::library::{
    parse_marker, Library, MemoryStore, IMPORT_PREFIX, PREFIX, STALE_IMPORT_MS,
};
use vtre_fuzz::assert_valid;
use vtre_model::{LeverId, Scenario};

/// Entries stored under short ids, so that fuzzed markers can name them.
const IDS: [&str; 4] = ["a", "b", "0", "1-x"];

fuzz_target!(|data: &[u8]| {
    let raw = String::from_utf8_lossy(data).into_owned();
    let marker = parse_marker(&raw);
    if let Some(m) = &marker {
        assert!(m.at.is_finite());
    }
    let named = |id: &str| marker.as_ref().is_some_and(|m| m.ids.iter().any(|n| n == id));

    let mut s = Scenario::reference();
    s.set(LeverId::EafSwap, 300.0);
    let mut lib = Library::new(MemoryStore::default());
    for id in IDS {
        lib.store.map.insert(
            format!("{PREFIX}{id}"),
            format!(r#"{{"schema":1,"name":"{id}","saved_at":1,"scenario":{{"eaf_swap":300}}}}"#),
        );
    }
    let key = format!("{IMPORT_PREFIX}fuzz");
    lib.store.map.insert(key.clone(), raw.clone());

    // Listed: every entry the marker does not name, readable; nothing quarantined.
    let (ok, bad) = lib.list().expect("memory store");
    assert!(bad.is_empty(), "{bad:?}");
    let listed: Vec<&str> = ok.iter().map(|e| e.id.as_str()).collect();
    let expected: Vec<&str> = IDS.iter().copied().filter(|id| !named(id)).collect();
    let mut sorted = listed.clone();
    sorted.sort_unstable();
    let mut want = expected.clone();
    want.sort_unstable();
    assert_eq!(sorted, want);

    // A new entry never takes an id the marker names, and is listed.
    for now in [0.0, 1.0, 16.0, 1e12] {
        let id = lib.save("new", &s, now).expect("memory store");
        assert!(!named(&id), "{id} is named by the marker");
        lib.delete(&id).expect("memory store");
    }

    // A marker that may belong to an import still running is left alone.
    let before = lib.store.map.clone();
    if let Some(m) = &marker {
        lib.tidy(m.at);
        assert_eq!(lib.store.map, before);
    }

    // Stale: exactly the named entries and the marker go; a text that is no marker stays with everything.
    // (A time two minutes after the marker's, or 0 where adding two minutes does not change a huge time.)
    let later = marker.as_ref().map_or(0.0, |m| {
        [m.at + 2.0 * STALE_IMPORT_MS, 0.0]
            .into_iter()
            .find(|t| t.is_finite() && (t - m.at).abs() > STALE_IMPORT_MS)
            .unwrap_or(f64::NAN)
    });
    if later.is_finite() {
        lib.tidy(later);
        for id in IDS {
            let kept = lib.store.map.contains_key(&format!("{PREFIX}{id}"));
            assert_eq!(kept, !named(id), "{id}");
        }
        assert_eq!(lib.store.map.contains_key(&key), marker.is_none());
    }

    // An import beside it imports everything, all listed.
    let text = r#"{"entries":[{"name":"x","scenario":{"eaf_swap":100}},{"name":"y","scenario":{}}]}"#;
    let done = lib.import(text, "file", 5e12).expect("an import beside a marker");
    assert_eq!(done.ids.len(), 2);
    let (ok, _) = lib.list().expect("memory store");
    for id in &done.ids {
        let e = ok.iter().find(|e| &e.id == id).expect("an imported entry is listed");
        assert_valid(&e.scenario);
    }
});
