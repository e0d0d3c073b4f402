//! Undoable edits: the only writer of the scenario signal.

use leptos::prelude::*;
use vtre_model::Scenario;

const HISTORY_LIMIT: usize = 200;

/// The only writer of the scenario: every change goes through here, so it can be undone.
/// A slider drag is one step: `drag` opens a gesture on its first input, `end_drag` closes it.
#[derive(Clone, Copy)]
pub struct Edit {
    pub scenario: RwSignal<Scenario>,
    pub past: RwSignal<Vec<Scenario>>,
    pub future: RwSignal<Vec<Scenario>>,
    gesture: StoredValue<bool>,
}

impl Edit {
    pub fn new(scenario: RwSignal<Scenario>) -> Self {
        Edit {
            scenario,
            past: RwSignal::new(Vec::new()),
            future: RwSignal::new(Vec::new()),
            gesture: StoredValue::new(false),
        }
    }

    fn push_past(&self, s: Scenario) {
        self.past.update(|p| {
            p.push(s);
            if p.len() > HISTORY_LIMIT {
                p.remove(0);
            }
        });
        self.future.update(Vec::clear);
    }

    /// One undoable step.
    pub fn step(&self, f: impl FnOnce(&mut Scenario)) {
        self.end_drag();
        let before = self.scenario.get_untracked();
        let mut next = before.clone();
        f(&mut next);
        if next != before {
            self.push_past(before);
            crate::ui::contain::note_edit(&next);
            self.scenario.set(next);
        }
    }

    /// Replaces the whole scenario as one step (preset, import, link).
    pub fn replace(&self, s: Scenario) {
        self.step(|cur| *cur = s);
    }

    /// A change during a continuous gesture (slider drag): one undo step for the whole gesture.
    pub fn drag(&self, f: impl FnOnce(&mut Scenario)) {
        if !self.gesture.get_value() {
            self.gesture.set_value(true);
            self.push_past(self.scenario.get_untracked());
        }
        self.scenario.update(f);
        self.scenario.with_untracked(crate::ui::contain::note_edit);
    }

    pub fn end_drag(&self) {
        if self.gesture.get_value() {
            self.gesture.set_value(false);
            let cur = self.scenario.get_untracked();
            if self.past.with_untracked(|p| p.last() == Some(&cur)) {
                self.past.update(|p| {
                    p.pop();
                });
            }
        }
    }

    pub fn undo(&self) {
        self.end_drag();
        if let Some(prev) = self.past.try_update(Vec::pop).flatten() {
            let cur = self.scenario.get_untracked();
            self.future.update(|f| f.push(cur));
            crate::ui::contain::note_edit(&prev);
            self.scenario.set(prev);
        }
    }

    pub fn redo(&self) {
        self.end_drag();
        if let Some(next) = self.future.try_update(Vec::pop).flatten() {
            let cur = self.scenario.get_untracked();
            self.past.update(|p| p.push(cur));
            crate::ui::contain::note_edit(&next);
            self.scenario.set(next);
        }
    }
}
