//! Scenarios picked for comparison, and presenter mode.

use leptos::prelude::*;
use vtre_i18n::Lang;
use vtre_model::Scenario;

/// A scenario picked for comparison.
#[derive(Clone, Debug, PartialEq)]
pub struct Compared {
    pub label_zh: String,
    pub label_en: String,
    pub scenario: Scenario,
}

impl Compared {
    /// Its `c=` value in a share link ([`vtre_codec::compare`]).
    pub fn link_value(&self) -> String {
        vtre_codec::compare::encode(&vtre_codec::compare::ComparedLink {
            label_zh: self.label_zh.clone(),
            label_en: self.label_en.clone(),
            scenario: self.scenario.clone(),
        })
    }

    pub fn label(&self, lang: Lang) -> String {
        if lang.zh() {
            self.label_zh.clone()
        } else {
            self.label_en.clone()
        }
    }
}

#[derive(Clone, Copy)]
pub struct CompareCtx(pub RwSignal<Vec<Compared>>);

pub const MAX_COMPARE: usize = 4;

/// Presenter mode (large type, collapsible levers, large charts).
#[derive(Clone, Copy)]
pub struct PresenterCtx(pub RwSignal<bool>);
