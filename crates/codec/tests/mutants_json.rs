//! The small JSON module (`vtre_codec::json`) where mutation testing found it untested: the indented form
//! (library exports and scenario files are written with it and read by people), control characters in
//! strings, the nesting limit exactly, and what a refusal says. Expected texts are written out by hand.
#![cfg(not(target_arch = "wasm32"))]

use vtre_codec::json::{parse, Json};

fn obj(fields: &[(&str, Json)]) -> Json {
    Json::Obj(
        fields
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect(),
    )
}

#[test]
fn the_indented_form_puts_each_member_on_its_own_line_two_spaces_per_level() {
    let v = obj(&[
        (
            "a",
            Json::Arr(vec![
                Json::Num(1.0),
                Json::Arr(vec![]),
                Json::Arr(vec![Json::Null]),
            ]),
        ),
        ("b", obj(&[])),
        ("c", obj(&[("d", obj(&[("e", Json::Bool(false))]))])),
    ]);
    let want = "{\n  \"a\": [\n    1,\n    [],\n    [\n      null\n    ]\n  ],\n  \"b\": {},\n  \"c\": {\n    \"d\": {\n      \"e\": false\n    }\n  }\n}";
    assert_eq!(v.to_pretty(), want);
    assert_eq!(
        v.to_text(),
        r#"{"a":[1,[],[null]],"b":{},"c":{"d":{"e":false}}}"#
    );
    assert_eq!(parse(want), Ok(v));
    // Empty containers stay on one line at the top too.
    assert_eq!(Json::Arr(vec![]).to_pretty(), "[]");
    assert_eq!(obj(&[]).to_pretty(), "{}");
}

#[test]
fn control_characters_in_strings_are_written_as_unicode_escapes_and_nothing_else_is() {
    let s = "a\u{1}b\u{1f} \u{7f}é\"\\\n\r\t";
    let text = Json::Str(s.to_string()).to_text();
    assert_eq!(text, "\"a\\u0001b\\u001f \u{7f}é\\\"\\\\\\n\\r\\t\"");
    assert_eq!(parse(&text), Ok(Json::Str(s.to_string())));
}

#[test]
fn sixty_five_levels_of_nesting_are_read_and_sixty_six_are_refused() {
    let nested = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    assert!(parse(&nested(65)).is_ok());
    assert_eq!(parse(&nested(66)), Err("nested too deeply".to_string()));
    let objects = |n: usize| format!("{}1{}", "{\"k\":".repeat(n), "}".repeat(n));
    // n objects put the number at depth n.
    assert!(parse(&objects(64)).is_ok());
    assert_eq!(parse(&objects(65)), Err("nested too deeply".to_string()));
}

#[test]
fn a_stray_character_is_reported_as_such_not_as_a_bad_number() {
    assert_eq!(
        parse("x"),
        Err("unexpected character at byte 0".to_string())
    );
    assert_eq!(
        parse("[1, @]"),
        Err("unexpected character at byte 4".to_string())
    );
    assert_eq!(parse("-x"), Err("invalid number '-'".to_string()));
}

#[test]
fn a_value_describes_itself_briefly_for_messages() {
    assert_eq!(Json::Null.describe(), "null");
    assert_eq!(Json::Bool(true).describe(), "true");
    assert_eq!(Json::Num(2.5).describe(), "2.5");
    assert_eq!(Json::Num(0.0).describe(), "0");
    assert_eq!(Json::Str("短".into()).describe(), "\"短\"");
    // Long strings are cut to their first 40 characters.
    assert_eq!(
        Json::Str("x".repeat(50)).describe(),
        format!("\"{}\"", "x".repeat(40))
    );
    assert_eq!(Json::Arr(vec![]).describe(), "an array");
    assert_eq!(obj(&[]).describe(), "an object");
}

#[test]
fn whitespace_of_every_kind_between_tokens_is_skipped() {
    assert_eq!(
        parse(" \t\r\n{ \"a\" :\n[ 1 ,\t2 ] } \n"),
        Ok(obj(&[(
            "a",
            Json::Arr(vec![Json::Num(1.0), Json::Num(2.0)])
        )]))
    );
}

#[test]
fn every_escape_json_defines_is_read() {
    assert_eq!(
        parse(r#""\"\\\/\b\f\n\r\t\u00e9""#),
        Ok(Json::Str("\"\\/\u{8}\u{c}\n\r\té".to_string()))
    );
    assert_eq!(parse(r#""\x""#), Err("bad escape".to_string()));
}
