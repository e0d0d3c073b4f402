//! Property tests of the share-link and JSON decoders: any text gives a scenario (never a panic), and every
//! valid scenario survives encode → decode exactly.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
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
    }
}
