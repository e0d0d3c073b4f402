//! Property tests of the share-link, JSON and import-marker decoders: any text gives a scenario (never a
//! panic), every valid scenario survives encode → decode exactly, and an import marker hides exactly what it
//! names.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use vtre_codec::json::Json;
use vtre_codec::library::{
    parse_marker, ImportMarker, Library, MemoryStore, IMPORT_PREFIX, PREFIX, STALE_IMPORT_MS,
};
use vtre_codec::link::{decode, encode};
use vtre_model::params::PARAMS;
use vtre_model::{Scenario, LEVERS};

fn any_valid_scenario() -> impl Strategy<Value = Scenario> {
    (
        proptest::collection::vec((any::<bool>(), 0.0f64..=1.0), LEVERS.len()),
        proptest::collection::vec((any::<bool>(), 0.0f64..=1.0), PARAMS.len()),
        2020u16..=2030,
    )
        .prop_map(|(levers, params, start)| {
            let mut s = Scenario::reference();
            for (l, (change, f)) in LEVERS.iter().zip(levers) {
                if change {
                    s.set(l.id, l.min + f * (l.max - l.min));
                }
            }
            for (p, (change, f)) in PARAMS.iter().zip(params) {
                if change && p.high > p.low {
                    s.set_param(p.id, p.low + f * (p.high - p.low));
                }
            }
            s.set_start_year(start);
            s
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn any_text_decodes_to_some_scenario_without_panicking(text in ".{0,300}") {
        let (s, _) = decode(&text);
        for l in LEVERS {
            prop_assert!(l.contains(s.get(l.id)));
        }
        let _ = vtre_codec::scenario_json::from_json(&text);
    }

    #[test]
    fn link_shaped_garbage_never_panics(text in "[0-9a-z_@:,;=.%+\\- ]{0,200}") {
        let _ = decode(&text);
    }

    #[test]
    fn every_valid_scenario_round_trips_through_a_link(s in any_valid_scenario()) {
        let (back, issues) = decode(&encode(&s));
        prop_assert!(issues.is_empty(), "{:?}", issues);
        prop_assert_eq!(back, s);
    }

    #[test]
    fn every_valid_scenario_round_trips_through_json(s in any_valid_scenario()) {
        let (back, issues) = vtre_codec::scenario_json::from_json(&vtre_codec::scenario_json::to_json_value(&s).to_text());
        prop_assert!(issues.is_empty(), "{:?}", issues);
        prop_assert_eq!(back, s);
    }
}

proptest! {
    // The robustness run: 100,000 arbitrary inputs to both decoders, none may panic or hang.
    #![proptest_config(ProptestConfig::with_cases(100_000))]

    #[test]
    fn a_hundred_thousand_arbitrary_links_and_json_texts_never_panic(text in "(?s).{0,120}") {
        let (s, _) = decode(&text);
        prop_assert!(LEVERS.iter().all(|l| l.contains(s.get(l.id))));
        let (j, _) = vtre_codec::scenario_json::from_json(&text);
        prop_assert!(LEVERS.iter().all(|l| l.contains(j.get(l.id))));
        if let Some(m) = parse_marker(&text) {
            prop_assert!(m.at.is_finite());
        }
    }
}

/// An import marker as the library writes it (`{"at": …, "ids": […]}`).
fn marker_text(at: f64, ids: &[String]) -> String {
    Json::Obj(vec![
        ("at".into(), Json::Num(at)),
        (
            "ids".into(),
            Json::Arr(ids.iter().map(|i| Json::Str(i.clone())).collect()),
        ),
    ])
    .to_text()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn every_import_marker_reads_back_as_itself(
        at in proptest::num::f64::NORMAL | proptest::num::f64::ZERO | proptest::num::f64::SUBNORMAL,
        ids in proptest::collection::vec("(?s).{0,20}", 0..12),
    ) {
        let m = parse_marker(&marker_text(at, &ids));
        prop_assert_eq!(m, Some(ImportMarker { at, ids }));
    }

    #[test]
    fn a_marker_hides_exactly_the_entries_it_names_and_only_until_it_is_tidied(
        named in proptest::collection::vec(any::<bool>(), 6),
        garbage in "(?s).{0,40}",
        at in 0.0f64..1e13,
    ) {
        let ids: Vec<String> = (0..6).map(|i| format!("e{i}")).collect();
        let mut lib = Library::new(MemoryStore::default());
        for id in &ids {
            lib.store.map.insert(
                format!("{PREFIX}{id}"),
                r#"{"schema":1,"name":"x","saved_at":1,"scenario":{}}"#.into(),
            );
        }
        let hidden: Vec<String> = ids.iter().zip(&named).filter(|(_, n)| **n).map(|(i, _)| i.clone()).collect();
        lib.store.map.insert(format!("{IMPORT_PREFIX}m"), marker_text(at, &hidden));
        // Text under the marker prefix that is no marker changes nothing.
        if parse_marker(&garbage).is_none() {
            lib.store.map.insert(format!("{IMPORT_PREFIX}g"), garbage);
        }
        let listed = |lib: &mut Library<MemoryStore>| -> Vec<String> {
            let mut v: Vec<String> = lib.list().unwrap_or_default().0.into_iter().map(|e| e.id).collect();
            v.sort();
            v
        };
        let shown: Vec<String> = ids.iter().filter(|i| !hidden.contains(i)).cloned().collect();
        prop_assert_eq!(listed(&mut lib), shown.clone());
        lib.tidy(at + STALE_IMPORT_MS / 2.0);
        prop_assert_eq!(listed(&mut lib), shown.clone());
        lib.tidy(at + 2.0 * STALE_IMPORT_MS);
        prop_assert_eq!(listed(&mut lib), shown.clone());
        for id in &hidden {
            let key = format!("{PREFIX}{id}");
            prop_assert!(!lib.store.map.contains_key(&key));
        }
        let marker = format!("{IMPORT_PREFIX}m");
        prop_assert!(!lib.store.map.contains_key(&marker));
    }
}
