#![no_main]
//! Importing a library export or a single scenario file (`Library::import`): any text is either refused as a
//! whole or imported as valid scenarios that the library then lists as readable, none quarantined, no import
//! marker left behind; a second export → import round trip gives the same scenarios.

use libfuzzer_sys::fuzz_target;
use vtre_codec::library::{Entry, ImportError, Library, MemoryStore, IMPORT_PREFIX};
use vtre_fuzz::assert_valid;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut lib = Library::new(MemoryStore::default());
    match lib.import(&text, "imported", 1000.0) {
        Ok(done) => {
            let n = done.ids.len();
            assert!(
                !lib.store.map.keys().any(|k| k.starts_with(IMPORT_PREFIX)),
                "an import marker was left behind"
            );
            let (ok, bad) = lib.list().expect("memory store");
            assert!(
                bad.is_empty(),
                "the library wrote an entry it cannot read: {bad:?}"
            );
            assert_eq!(ok.len(), n);
            for e in &ok {
                assert_valid(&e.scenario);
                assert!(e.name.chars().count() <= 200);
            }
            let export = lib.export_all().expect("memory store");
            let mut other = Library::new(MemoryStore::default());
            let again = other
                .import(&export, "again", 5000.0)
                .expect("an export imports");
            assert_eq!(again.ids.len(), n);
            assert!(again.issues.is_empty(), "{:?}", again.issues);
            assert!(again.skipped.is_empty(), "{:?}", again.skipped);
            let (back, _) = other.list().expect("memory store");
            let scenarios = |v: &[Entry]| v.iter().map(|e| e.scenario.clone()).collect::<Vec<_>>();
            assert_eq!(scenarios(&back), scenarios(&ok));
        }
        Err(ImportError::NotJson(_) | ImportError::NotAScenario) => {
            assert!(lib.store.map.is_empty(), "a refused import wrote something");
        }
        Err(ImportError::Store { error, .. }) => {
            panic!("a memory store without a quota refused: {error:?}")
        }
    }
});
