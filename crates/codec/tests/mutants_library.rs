//! A saved entry's schema number and the test store's quota at their edges, where mutation testing found
//! them unchecked: which schema numbers are read, which are refused and why, which are migrated, and a value
//! that fills the quota exactly. Stored texts are written out by hand.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use vtre_codec::library::{
    is_library_key, is_working_key, parse_entry, KvStore, MemoryStore, StoreError,
};

fn entry(schema: &str) -> String {
    format!(r#"{{"schema":{schema},"name":"plan","saved_at":5,"scenario":{{"eaf_swap":300}}}}"#)
}

#[test]
fn schema_one_is_read_as_is_and_schema_zero_is_read_and_marked_for_migration() {
    let (e, migrated) = parse_entry("a", &entry("1")).unwrap();
    assert!(!migrated);
    assert_eq!(e.id, "a");
    assert_eq!(e.name, "plan");
    assert_eq!(e.saved_at, 5.0);
    let (e0, migrated0) = parse_entry("a", &entry("0")).unwrap();
    assert!(migrated0);
    assert_eq!(e0.scenario, e.scenario);
    // A bare lever map (no schema at all) is the oldest form, migrated too.
    let (bare, migrated_bare) = parse_entry("b", r#"{"eaf_swap":300}"#).unwrap();
    assert!(migrated_bare);
    assert_eq!(bare.scenario, e.scenario);
}

#[test]
fn a_later_schema_is_refused_as_made_by_a_newer_version() {
    assert_eq!(
        parse_entry("a", &entry("2")).err().unwrap(),
        "made by a newer version (schema 2)"
    );
    assert_eq!(
        parse_entry("a", &entry("999999999")).err().unwrap(),
        "made by a newer version (schema 999999999)"
    );
}

#[test]
fn a_schema_that_is_not_a_whole_number_from_zero_to_below_a_billion_is_refused() {
    for bad in ["-1", "1.5", "1000000000", "1e300", "\"1\"", "null", "true"] {
        assert_eq!(
            parse_entry("a", &entry(bad)).err().unwrap(),
            "schema is not a number",
            "{bad}"
        );
    }
}

#[test]
fn the_test_store_takes_a_value_that_fills_its_quota_exactly_and_refuses_one_byte_more() {
    let mut s = MemoryStore {
        capacity: Some(10),
        ..MemoryStore::default()
    };
    s.set("a", "12345").unwrap();
    s.set("b", "12345").unwrap();
    assert_eq!(s.set("c", "1"), Err(StoreError::Full));
    // Replacing a value counts the new one, not both.
    s.set("b", "123456").expect_err("11 bytes");
    s.set("b", "1234").unwrap();
    assert_eq!(s.get("b").unwrap().as_deref(), Some("1234"));
}

#[test]
fn the_app_rereads_on_a_change_to_an_entry_an_import_or_a_working_scenario_and_on_no_other_key() {
    for key in [
        "vtre.scenario.abc",
        "vtre.importing.abc",
        "vtre.working",
        "vtre.working.tab1",
    ] {
        assert!(is_library_key(key), "{key}");
    }
    for key in ["vtre.lang", "vtre.scenario", "vtre.importing", "other", ""] {
        assert!(!is_library_key(key), "{key}");
    }
    assert!(is_working_key("vtre.working") && is_working_key("vtre.working.tab1"));
    assert!(!is_working_key("vtre.workings") && !is_working_key("vtre.scenario.abc"));
}
