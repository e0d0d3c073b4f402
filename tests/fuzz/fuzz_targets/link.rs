#![no_main]
//! The share link (`?s=…`, `vtre_codec::link::decode`): any text opens a valid scenario without panicking, and
//! that scenario's own link, plain or percent-escaped in a URL, opens exactly it again, with no notice.

use libfuzzer_sys::fuzz_target;
use vtre_codec::link::{decode, encode, query_escape};
use vtre_fuzz::assert_valid;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (s, _issues) = decode(&text);
    assert_valid(&s);
    let link = encode(&s);
    assert_eq!(
        decode(&query_escape(&link)),
        (s, vec![]),
        "escaped link {link}"
    );
});
