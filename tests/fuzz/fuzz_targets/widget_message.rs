#![no_main]
//! The widget's postMessage payloads (`vtre_codec::widget::decode_message`), built from the fuzz input's
//! NUL-separated fields (`vtre_fuzz::message_fields`). Never panics; a scenario message gives a valid
//! scenario, the same one the share-link or JSON decoder gives for that field; the state the widget posts back
//! (`encode`) sets exactly that scenario again.

use libfuzzer_sys::fuzz_target;
use vtre_codec::link::{decode, encode, LinkIssue};
use vtre_codec::scenario_json::from_json;
use vtre_codec::widget::{decode_message, MessageFields, WidgetMessage, MAX_LINK_LEN};
use vtre_fuzz::{assert_valid, message_fields};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let m = message_fields(&text);
    match decode_message(&m) {
        WidgetMessage::SetScenario(s, issues) => {
            assert_eq!(m.kind, Some("vtre:set-scenario"));
            assert_valid(&s);
            if let Some(link) = m.s.filter(|t| t.len() <= MAX_LINK_LEN) {
                assert_eq!((*s.clone(), issues), decode(link));
            } else {
                let (j, ji) = from_json(m.scenario_json.expect("a scenario came from somewhere"));
                assert_eq!(*s, j);
                assert_eq!(
                    issues,
                    ji.into_iter().map(LinkIssue::Input).collect::<Vec<_>>()
                );
            }
            let state = encode(&s);
            let back = MessageFields {
                kind: Some("vtre:set-scenario"),
                s: Some(&state),
                ..Default::default()
            };
            assert_eq!(
                decode_message(&back),
                WidgetMessage::SetScenario(s, vec![]),
                "{state}"
            );
        }
        WidgetMessage::SetLang(code) => {
            assert_eq!(m.kind, Some("vtre:set-lang"));
            assert_eq!(m.lang, Some(code.as_str()));
        }
        WidgetMessage::GetState => assert_eq!(m.kind, Some("vtre:get-state")),
        WidgetMessage::Ignored => match m.kind {
            Some("vtre:get-state") => panic!("get-state ignored"),
            Some("vtre:set-lang") => assert!(m.lang.is_none()),
            Some("vtre:set-scenario") => {
                assert!(m.scenario_json.is_none() && m.s.is_none_or(|t| t.len() > MAX_LINK_LEN))
            }
            _ => {}
        },
    }
});
