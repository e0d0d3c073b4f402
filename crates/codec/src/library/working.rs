//! Each tab's autosaved working scenario (`vtre.working.<tab>`): writing it, reading the newest back on a fresh
//! open, listing the other tabs' unsaved ones, and tidying stale ones away.

use super::{
    is_working_key, parse_entry, working_entry_json, KvStore, Library, StoreError, Working,
    MAX_WORKING, STALE_WORKING_MS, WORKING_KEY, WORKING_TAB_PREFIX,
};
use vtre_model::scenario::{InputIssue, Scenario};

impl<S: KvStore> Library<S> {
    /// This tab's working-scenario key.
    pub fn working_key(&self) -> String {
        if self.tab.is_empty() {
            WORKING_KEY.into()
        } else {
            format!("{WORKING_TAB_PREFIX}{}", self.tab)
        }
    }

    /// Autosaves this tab's working scenario under its own key (one write), then tidies the other tabs' (best
    /// effort, see [`Library::tidy_working`]).
    pub fn save_working(&mut self, s: &Scenario, now: f64) -> Result<(), StoreError> {
        self.store
            .set(&self.working_key(), &working_entry_json(s, now))?;
        self.tidy_working(now);
        Ok(())
    }

    /// Every readable working scenario, newest first (ties by key).
    pub fn all_working(&self) -> Result<Vec<Working>, StoreError> {
        let mut all = Vec::new();
        for key in self.store.keys()? {
            if !is_working_key(&key) {
                continue;
            }
            let Some(raw) = self.store.get(&key)? else {
                continue;
            };
            if let Ok((e, _)) = parse_entry("working", &raw) {
                all.push(Working {
                    key,
                    saved_at: e.saved_at,
                    scenario: e.scenario,
                });
            }
        }
        vtre_model::small_sort::sort_by(&mut all, |a, b| {
            b.saved_at.total_cmp(&a.saved_at).then(a.key.cmp(&b.key))
        });
        Ok(all)
    }

    /// The working scenario to open with: this tab's own if it has one, else the newest any tab autosaved.
    pub fn load_working(&self) -> Result<Option<(Scenario, Vec<InputIssue>)>, StoreError> {
        let own = self
            .store
            .get(&self.working_key())?
            .and_then(|raw| parse_entry("working", &raw).ok())
            .map(|(e, _)| (e.scenario, e.issues));
        if own.is_some() {
            return Ok(own);
        }
        let Some(newest) = self.all_working()?.into_iter().next() else {
            return Ok(None);
        };
        Ok(self
            .store
            .get(&newest.key)?
            .and_then(|raw| parse_entry("working", &raw).ok())
            .map(|(e, _)| (e.scenario, e.issues)))
    }

    /// Other tabs' working scenarios that exist nowhere else: not this tab's working scenario, not a saved
    /// entry, each scenario once (its newest copy), newest first.
    pub fn other_unsaved(&mut self) -> Result<Vec<Working>, StoreError> {
        let (saved, _) = self.list()?;
        let own = self.working_key();
        let all = self.all_working()?;
        let own_scenario = all.iter().find(|w| w.key == own).map(|w| &w.scenario);
        let mut out: Vec<Working> = Vec::new();
        for w in &all {
            if w.key == own
                || own_scenario == Some(&w.scenario)
                || saved.iter().any(|e| e.scenario == w.scenario)
                || out.iter().any(|o| o.scenario == w.scenario)
            {
                continue;
            }
            out.push(w.clone());
        }
        Ok(out)
    }

    /// Removes a working scenario (the user discarded it). Keys that are not working scenarios are left alone.
    pub fn discard_working(&mut self, key: &str) -> Result<(), StoreError> {
        if is_working_key(key) {
            self.store.remove(key)
        } else {
            Ok(())
        }
    }

    /// Removes other tabs' working scenarios that are no longer needed (best effort): one last written more than
    /// [`STALE_WORKING_MS`] ago goes if a newer working scenario holds the same scenario, or if
    /// [`MAX_WORKING`] newer distinct ones are kept. A tab still open but idle for that long loses only a copy
    /// (the same scenario is kept newer) or, past the limit, what its next edit writes again. Another tab's
    /// recent working scenario is never removed, so a tab writing while this runs loses nothing.
    pub fn tidy_working(&mut self, now: f64) {
        let Ok(all) = self.all_working() else {
            return;
        };
        let own = self.working_key();
        let mut distinct: Vec<&Scenario> = Vec::new();
        for w in &all {
            let copy = distinct.contains(&&w.scenario);
            let stale = now - w.saved_at > STALE_WORKING_MS;
            if w.key != own && stale && (copy || distinct.len() >= MAX_WORKING) {
                let _ = self.store.remove(&w.key);
                continue;
            }
            if !copy {
                distinct.push(&w.scenario);
            }
        }
    }
}
