#![no_main]
//! Any bytes, as a share link and as scenario JSON: decoding must return a valid scenario, never panic.

use libfuzzer_sys::fuzz_target;
use vtre::codec::decode;
use vtre::model::{Scenario, LEVERS};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (s, _) = decode(&text);
    assert!(LEVERS.iter().all(|l| l.contains(s.get(l.id))));
    let (j, _) = Scenario::from_json(&text);
    assert!(LEVERS.iter().all(|l| l.contains(j.get(l.id))));
    let _ = vtre::library::parse_entry("fuzz", &text);
});
