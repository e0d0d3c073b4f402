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
