//! The embedded widget's message API: what a host page may post to the widget, decoded without the DOM so
//! it can be tested and fuzzed natively. The app reads the fields of a `MessageEvent`'s data and passes them
//! here; anything unexpected is ignored, never a panic.
//!
//! Messages: `{type: "vtre:set-scenario", s: "<share-link text>"}` or `{type: "vtre:set-scenario",
//! scenario: {lever id → value}}`; `{type: "vtre:set-lang", lang: "zh"|"en"}`; `{type: "vtre:get-state"}`.

use crate::link::{decode, LinkIssue};
use crate::scenario_json::from_json;
use vtre_model::Scenario;

/// The longest share-link text a message may carry, in bytes: the share-link decoder's bound, far above the
/// longest link the widget itself posts.
pub const MAX_LINK_LEN: usize = crate::link::MAX_LEN;

/// The fields of a posted message that the widget reads (each absent when missing or not a string; the
/// `scenario` object as JSON text).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MessageFields<'a> {
    pub kind: Option<&'a str>,
    pub s: Option<&'a str>,
    pub scenario_json: Option<&'a str>,
    pub lang: Option<&'a str>,
}

/// What a message asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum WidgetMessage {
    /// Replace the scenario (with what was not taken as given).
    SetScenario(Box<Scenario>, Vec<LinkIssue>),
    /// Switch the language (the code as given; the app checks it).
    SetLang(String),
    /// Post the current state back.
    GetState,
    /// Not a message for the widget, or one without what it needs.
    Ignored,
}

/// Decodes a posted message. Never panics.
pub fn decode_message(m: &MessageFields<'_>) -> WidgetMessage {
    match m.kind {
        Some("vtre:set-scenario") => {
            if let Some(text) = m.s.filter(|t| t.len() <= MAX_LINK_LEN) {
                let (s, issues) = decode(text);
                WidgetMessage::SetScenario(Box::new(s), issues)
            } else if let Some(json) = m.scenario_json {
                let (s, issues) = from_json(json);
                WidgetMessage::SetScenario(
                    Box::new(s),
                    issues.into_iter().map(LinkIssue::Input).collect(),
                )
            } else {
                WidgetMessage::Ignored
            }
        }
        Some("vtre:set-lang") => m.lang.map_or(WidgetMessage::Ignored, |l| {
            WidgetMessage::SetLang(l.to_string())
        }),
        Some("vtre:get-state") => WidgetMessage::GetState,
        _ => WidgetMessage::Ignored,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use vtre_model::LeverId;

    #[test]
    fn a_share_link_or_a_scenario_object_sets_the_scenario() {
        let m = MessageFields {
            kind: Some("vtre:set-scenario"),
            s: Some("1,eaf_swap:300"),
            ..Default::default()
        };
        let WidgetMessage::SetScenario(s, issues) = decode_message(&m) else {
            panic!("not decoded");
        };
        assert_eq!(s.get(LeverId::EafSwap), 300.0);
        assert!(issues.is_empty());
        let m = MessageFields {
            kind: Some("vtre:set-scenario"),
            scenario_json: Some(r#"{"eaf_swap": 99999}"#),
            ..Default::default()
        };
        let WidgetMessage::SetScenario(s, issues) = decode_message(&m) else {
            panic!("not decoded");
        };
        assert_eq!(s.get(LeverId::EafSwap), 1200.0);
        assert_eq!(issues.len(), 1, "the clamp is reported");
    }

    #[test]
    fn unknown_incomplete_or_oversized_messages_are_ignored() {
        let long = "1,".to_string() + &"x".repeat(MAX_LINK_LEN);
        for m in [
            MessageFields::default(),
            MessageFields {
                kind: Some("other"),
                ..Default::default()
            },
            MessageFields {
                kind: Some("vtre:set-scenario"),
                ..Default::default()
            },
            MessageFields {
                kind: Some("vtre:set-scenario"),
                s: Some(&long),
                ..Default::default()
            },
            MessageFields {
                kind: Some("vtre:set-lang"),
                ..Default::default()
            },
        ] {
            assert_eq!(decode_message(&m), WidgetMessage::Ignored, "{m:?}");
        }
        let get = MessageFields {
            kind: Some("vtre:get-state"),
            ..Default::default()
        };
        assert_eq!(decode_message(&get), WidgetMessage::GetState);
    }
}
