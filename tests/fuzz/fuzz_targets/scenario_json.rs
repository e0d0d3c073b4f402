#![no_main]
//! Scenario JSON import (`vtre_codec::scenario_json::from_json`): any text gives a valid scenario without
//! panicking, and the scenario's compact and full JSON read back as exactly it, with no issue.

use libfuzzer_sys::fuzz_target;
use vtre_codec::scenario_json::{from_json, to_full_json_value, to_json_value};
use vtre_fuzz::assert_valid;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (s, _issues) = from_json(&text);
    assert_valid(&s);
    let compact = to_json_value(&s).to_text();
    assert_eq!(from_json(&compact), (s.clone(), vec![]), "{compact}");
    let full = to_full_json_value(&s).to_pretty();
    assert_eq!(from_json(&full), (s, vec![]), "{full}");
});
