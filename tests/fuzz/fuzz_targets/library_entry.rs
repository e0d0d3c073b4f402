#![no_main]
//! One saved-library entry (`vtre_codec::library::parse_entry`) and the whole library read around it
//! (`Library::list`, `load_working`, `export_all` → `import`). Any stored text either loads a valid scenario
//! or is quarantined untouched; it never hides the other entries; a migrated entry reads back as itself; the
//! library's export imports back as the same scenarios.

use libfuzzer_sys::fuzz_target;
use vtre_codec::library::{parse_entry, Library, MemoryStore, PREFIX, WORKING_KEY};
use vtre_fuzz::assert_valid;
use vtre_model::{LeverId, Scenario};

fuzz_target!(|data: &[u8]| {
    let raw = String::from_utf8_lossy(data).into_owned();
    let parsed = parse_entry("fuzz", &raw);
    if let Ok((e, _)) = &parsed {
        assert_valid(&e.scenario);
        assert!(e.name == "fuzz" || e.name.chars().count() <= 200);
        assert!(e.saved_at.is_finite());
    }

    // The whole library: a good entry saved by the app, the fuzzed one, and the fuzzed text as the working
    // scenario.
    let mut good = Scenario::reference();
    good.set(LeverId::EafSwap, 300.0);
    let mut lib = Library::new(MemoryStore::default());
    let good_id = lib.save("good", &good, 1.0).expect("memory store");
    let key = format!("{PREFIX}fuzz");
    lib.store.map.insert(key.clone(), raw.clone());
    lib.store.map.insert(WORKING_KEY.into(), raw.clone());
    let (ok, bad) = lib.list().expect("memory store");
    assert!(ok.iter().any(|e| e.id == good_id && e.scenario == good));
    assert_eq!(ok.len() + bad.len(), 2);
    match &parsed {
        Ok((e, _)) => {
            let listed = ok
                .iter()
                .find(|x| x.id == "fuzz")
                .expect("a readable entry is listed");
            assert_eq!(listed.scenario, e.scenario);
            // Whatever is stored now (migrated or as it was) reads back as the same scenario.
            let stored = lib.store.map.get(&key).cloned().unwrap_or_default();
            let (again, _) = parse_entry("fuzz", &stored).expect("the stored entry stays readable");
            assert_eq!(again.scenario, e.scenario);
            let (working, _) = lib.load_working().expect("memory store").expect("readable");
            assert_eq!(working, e.scenario);
        }
        Err(reason) => {
            assert!(!reason.is_empty());
            assert!(bad.iter().any(|q| q.id == "fuzz" && q.raw == raw));
            assert_eq!(
                lib.store.map.get(&key),
                Some(&raw),
                "quarantined entries stay untouched"
            );
            assert_eq!(lib.load_working(), Ok(None));
        }
    }

    // Export and import: the same scenarios, in the same order.
    let export = lib.export_all().expect("memory store");
    let mut other = Library::new(MemoryStore::default());
    let done = other
        .import(&export, "imported", 10.0)
        .expect("an export imports");
    assert_eq!(done.ids.len(), ok.len());
    assert!(done.issues.is_empty(), "{:?}", done.issues);
    let (back, unreadable) = other.list().expect("memory store");
    assert!(unreadable.is_empty());
    let scenarios =
        |v: &[vtre_codec::library::Entry]| v.iter().map(|e| e.scenario.clone()).collect::<Vec<_>>();
    assert_eq!(scenarios(&back), scenarios(&ok));
});
