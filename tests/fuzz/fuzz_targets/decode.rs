#![no_main]
//! Any bytes, as a share link and as scenario JSON: decoding must return a valid scenario, never panic.

use libfuzzer_sys::fuzz_target;
use vtre_codec::link::decode;
use vtre_codec::scenario_json::from_json;
use vtre_model::LEVERS;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (s, _) = decode(&text);
    assert!(LEVERS.iter().all(|l| l.contains(s.get(l.id))));
    let (j, _) = from_json(&text);
    assert!(LEVERS.iter().all(|l| l.contains(j.get(l.id))));
    let _ = vtre_codec::library::parse_entry("fuzz", &text);
});
