//! The saved-scenario library and the autosaved working scenario, over a small key–value store abstraction
//! (localStorage in the browser, memory in tests and as the fallback when storage is full or disabled).
//!
//! Each saved scenario is its own key (`vtre.scenario.<id>`) holding
//! `{"schema": 1, "name": "…", "saved_at": <ms>, "scenario": {lever id → value, "params": {…}, "model": …,
//! "figures": {…}}}`, so one corrupted entry can never take the others with it. The scenario carries the
//! stamp of the model version it was saved with and the headline figures it showed then ([`crate::stamp`]):
//! an entry saved with another version can say what changed in its numbers, as a link does. A saved or
//! updated entry is stamped with this version; an imported one keeps the stamp its file carried (stamped with
//! this version if it had none); a copy or a rename keeps its entry's stamp; an export writes it. Entries are
//! read leniently:
//! - schema 0 (a bare lever map, as the first releases and the CLI write) is migrated to schema 1;
//! - an entry that is not JSON, not an object, or from a newer schema is **quarantined**: it stays in storage
//!   untouched, is listed as unreadable with the reason, and can be exported raw or deleted by the user;
//! - unknown levers or out-of-range values load the nearest valid scenario and report what changed.
//!
//! Every change is one write except an import, which is all or nothing (see [`Library`]); each tab autosaves
//! its own working scenario (`vtre.working.<tab>`).

use crate::json::{self, Json};
use crate::stamp::Stamp;
use litemap::LiteMap;

mod entry;
mod transfer;
mod working;
use entry::entry_json;
pub use entry::{parse_entry, stamp_of, working_entry_json, Entry, Quarantined};
pub use transfer::{ImportError, Imported};
use vtre_model::scenario::Scenario;

pub const SCHEMA: u64 = 1;
pub const PREFIX: &str = "vtre.scenario.";
/// The working scenario of a library without a tab token, and the one shared key that releases before per-tab
/// autosave wrote (read as one more working scenario).
pub const WORKING_KEY: &str = "vtre.working";
/// A tab's working scenario: `vtre.working.<tab>`.
pub const WORKING_TAB_PREFIX: &str = "vtre.working.";
/// An import in progress: `vtre.importing.<first id>` = `{"at": <ms>, "ids": [<id>, …]}`.
pub const IMPORT_PREFIX: &str = "vtre.importing.";
/// An import marker older than this (ms) was left by an import that did not finish: one runs in a single task,
/// in milliseconds.
pub const STALE_IMPORT_MS: f64 = 60_000.0;
/// Another tab's working scenario is tidied away only after this long (ms) without an edit.
pub const STALE_WORKING_MS: f64 = 3_600_000.0;
/// Working scenarios kept (distinct scenarios) before stale ones are tidied away regardless.
pub const MAX_WORKING: usize = 12;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// Storage is disabled (private mode, blocked by policy).
    Unavailable,
    /// The quota is exhausted.
    Full,
}

/// A string key–value store.
pub trait KvStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&mut self, key: &str) -> Result<(), StoreError>;
    fn keys(&self) -> Result<Vec<String>, StoreError>;
}

/// An in-memory store (the page's when the browser's storage fails); `capacity` (bytes of values) simulates
/// a full quota in tests. A `LiteMap` (a sorted `Vec`), not a `BTreeMap`: see `vtre_model::scenario::Overrides`.
#[derive(Clone, Debug, Default)]
pub struct MemoryStore {
    pub map: LiteMap<String, String>,
    pub capacity: Option<usize>,
}

impl KvStore for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.map.get(key).cloned())
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        if let Some(cap) = self.capacity {
            let used: usize = self
                .map
                .iter()
                .filter(|(k, _)| k.as_str() != key)
                .map(|(_, v)| v.len())
                .sum();
            if used + value.len() > cap {
                return Err(StoreError::Full);
            }
        }
        self.map.insert(key.to_string(), value.to_string());
        Ok(())
    }
    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.map.remove(key);
        Ok(())
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.map.keys().cloned().collect())
    }
}

/// A readable working scenario: the one a tab autosaves as it is edited (not a saved entry).
#[derive(Clone, Debug, PartialEq)]
pub struct Working {
    /// Its key: `vtre.working.<tab>`, or `vtre.working` as written by releases before per-tab autosave.
    pub key: String,
    pub saved_at: f64,
    pub scenario: Scenario,
}

/// Whether `key` is one the library reads: a saved entry, an import in progress or a working scenario. The app
/// re-reads when another tab changes one of them.
pub fn is_library_key(key: &str) -> bool {
    key.starts_with(PREFIX) || key.starts_with(IMPORT_PREFIX) || is_working_key(key)
}

/// Whether `key` holds a working scenario (this tab's, another tab's, or the one shared key of older releases).
pub fn is_working_key(key: &str) -> bool {
    key == WORKING_KEY || key.starts_with(WORKING_TAB_PREFIX)
}

/// The record of an import in progress: when it started and the ids it is writing.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportMarker {
    pub at: f64,
    pub ids: Vec<String>,
}

/// Reads an import marker (`{"at": <ms>, "ids": ["…", …]}`). `None` if it is not one: such a text hides
/// nothing and is left alone. Ids that are not strings are skipped.
pub fn parse_marker(raw: &str) -> Option<ImportMarker> {
    let v = json::parse(raw).ok()?;
    let at = v
        .get("at")
        .and_then(Json::as_f64)
        .filter(|t| t.is_finite())?;
    let ids = v
        .get("ids")
        .and_then(Json::as_array)?
        .iter()
        .filter_map(Json::as_str)
        .map(str::to_string)
        .collect();
    Some(ImportMarker { at, ids })
}

fn marker_json(at: f64, ids: &[String]) -> String {
    Json::Obj(vec![
        ("at".into(), Json::Num(at)),
        (
            "ids".into(),
            Json::Arr(ids.iter().map(|id| Json::Str(id.clone())).collect()),
        ),
    ])
    .to_text()
}

/// A name as stored: trimmed, at most 200 characters.
fn clean_name(name: &str) -> String {
    name.trim().chars().take(200).collect()
}

/// The library over a store.
///
/// Two tabs (or a laptop and a projector window) share one store. So that neither can lose the other's work,
/// every save writes a key of its own — the time plus this tab's `tab` token — and checks just before
/// writing that no entry holds that key; renames re-read the entry just before writing and keep whatever
/// scenario it holds then. The app re-lists when another tab changes the store (the `storage` event).
///
/// **Writes that fail halfway.** Saving, updating, renaming, duplicating and deleting each write one key, so
/// storage either takes the change or leaves the entry as it was. An import writes many keys and is all or
/// nothing ([`Library::save_all`]): a failure at any step leaves the library as it was, and the error names
/// every entry that was not saved.
///
/// **Working scenarios.** Each tab autosaves its own (`vtre.working.<tab>`), so two tabs edited at once never
/// overwrite each other's; a fresh open restores the newest; the others stay listed until they are saved,
/// discarded, or (after an hour without an edit) found to hold a scenario a newer working copy holds too.
pub struct Library<S: KvStore> {
    pub store: S,
    tab: String,
}

impl<S: KvStore> Library<S> {
    pub fn new(store: S) -> Self {
        Library {
            store,
            tab: String::new(),
        }
    }

    /// A library for one tab: `tab` (a short random token) makes this tab's new ids distinct from every
    /// other tab's, even when two save in the same millisecond, and names its working scenario's key.
    pub fn for_tab(store: S, tab: &str) -> Self {
        Library {
            store,
            tab: tab
                .chars()
                .filter(char::is_ascii_alphanumeric)
                .take(12)
                .collect(),
        }
    }

    /// The ids that import markers name: entries of an import not yet complete (or interrupted), hidden.
    fn pending_ids(&self, keys: &[String]) -> Result<Vec<String>, StoreError> {
        let mut ids = Vec::new();
        for key in keys.iter().filter(|k| k.starts_with(IMPORT_PREFIX)) {
            if let Some(m) = self.store.get(key)?.and_then(|raw| parse_marker(&raw)) {
                ids.extend(m.ids);
            }
        }
        Ok(ids)
    }

    /// Every saved entry, readable ones sorted by time, and the quarantined ones. Migrates schema 0 entries in
    /// place (best effort: if the store refuses, they stay readable as they are). Entries of an import that has
    /// not completed are not listed.
    pub fn list(&mut self) -> Result<(Vec<Entry>, Vec<Quarantined>), StoreError> {
        let mut ok = Vec::new();
        let mut bad = Vec::new();
        let keys = self.store.keys()?;
        let pending = self.pending_ids(&keys)?;
        for key in keys {
            let Some(id) = key.strip_prefix(PREFIX) else {
                continue;
            };
            if pending.iter().any(|p| p == id) {
                continue;
            }
            let raw = self.store.get(&key)?.unwrap_or_default();
            match parse_entry(id, &raw) {
                Ok((e, migrated)) => {
                    if migrated {
                        let _ = self.store.set(
                            &key,
                            &entry_json(&e.name, e.saved_at, &e.scenario, e.stamp.as_ref()),
                        );
                    }
                    ok.push(e);
                }
                Err(reason) => bad.push(Quarantined {
                    id: id.into(),
                    key: key.clone(),
                    reason,
                    raw,
                }),
            }
        }
        vtre_model::small_sort::sort_by(&mut ok, |a, b| {
            a.saved_at.total_cmp(&b.saved_at).then(a.name.cmp(&b.name))
        });
        Ok((ok, bad))
    }

    /// A new id for time `now`: not an entry's, not named by an import marker (`pending`), not in `also`.
    fn free_id(&self, keys: &[String], pending: &[String], also: &[String], now: f64) -> String {
        let base = if self.tab.is_empty() {
            format!("{:x}", now.max(0.0) as u64)
        } else {
            format!("{:x}-{}", now.max(0.0) as u64, self.tab)
        };
        let taken = |id: &str| {
            keys.iter().any(|k| {
                k.strip_prefix(PREFIX) == Some(id) || k.strip_prefix(IMPORT_PREFIX) == Some(id)
            }) || pending.iter().chain(also).any(|p| p == id)
        };
        let mut id = base.clone();
        let mut n = 1;
        while taken(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        id
    }

    /// Saves `s` under a new id. Never overwrites an entry: the key is checked to be free just before the
    /// write, and a key another tab took in between is skipped.
    pub fn save(&mut self, name: &str, s: &Scenario, now: f64) -> Result<String, StoreError> {
        self.save_stamped(name, s, &stamp_of(s), now)
    }

    /// [`Library::save`] with the stamp the entry keeps (a copy keeps its original's).
    fn save_stamped(
        &mut self,
        name: &str,
        s: &Scenario,
        stamp: &Stamp,
        now: f64,
    ) -> Result<String, StoreError> {
        let text = entry_json(&clean_name(name), now, s, Some(stamp));
        for attempt in 0..16u32 {
            let keys = self.store.keys()?;
            let pending = self.pending_ids(&keys)?;
            let id = self.free_id(&keys, &pending, &[], now + f64::from(attempt));
            let key = format!("{PREFIX}{id}");
            if self.store.get(&key)?.is_none() {
                self.store.set(&key, &text)?;
                return Ok(id);
            }
        }
        Err(StoreError::Unavailable)
    }

    /// Saves several scenarios (name, scenario) as one change: all of them, or none.
    ///
    /// A marker (`vtre.importing.<first id>`) naming every id is written first; while it exists the entries
    /// are not listed, here or in another tab. Then each entry is written, and removing the marker makes them
    /// all appear at once. If storage fails at any step, the entries written so far and then the marker are
    /// removed, and the error is returned: the library is as it was. If storage refuses even that (it has
    /// stopped working altogether, or the tab was closed mid-way), the marker stays and keeps the written
    /// entries hidden until [`Library::tidy`] removes them. Entry `i` is saved at time `now + i`, stamped
    /// with this model version.
    pub fn save_all(
        &mut self,
        items: &[(String, Scenario)],
        now: f64,
    ) -> Result<Vec<String>, StoreError> {
        let stamped: Vec<(String, Scenario, Option<Stamp>)> = items
            .iter()
            .map(|(n, s)| (n.clone(), s.clone(), None))
            .collect();
        self.save_all_stamped(&stamped, now)
    }

    /// [`Library::save_all`] keeping each item's stamp (`None`: stamped with this model version).
    pub fn save_all_stamped(
        &mut self,
        items: &[(String, Scenario, Option<Stamp>)],
        now: f64,
    ) -> Result<Vec<String>, StoreError> {
        if items.is_empty() {
            return Ok(Vec::new());
        }
        self.tidy(now);
        let keys = self.store.keys()?;
        let pending = self.pending_ids(&keys)?;
        let mut ids: Vec<String> = Vec::with_capacity(items.len());
        for i in 0..items.len() {
            let id = self.free_id(&keys, &pending, &ids, now + i as f64);
            ids.push(id);
        }
        let marker = format!("{IMPORT_PREFIX}{}", ids[0]);
        self.store.set(&marker, &marker_json(now, &ids))?;
        let mut written: Vec<String> = Vec::with_capacity(items.len());
        for (i, (id, (name, s, stamp))) in ids.iter().zip(items).enumerate() {
            let key = format!("{PREFIX}{id}");
            let stamp = stamp.clone().unwrap_or_else(|| stamp_of(s));
            let text = entry_json(&clean_name(name), now + i as f64, s, Some(&stamp));
            let step = match self.store.get(&key) {
                Ok(None) => self.store.set(&key, &text),
                // Another tab took the key since the ids were chosen: never overwritten.
                Ok(Some(_)) => Err(StoreError::Unavailable),
                Err(e) => Err(e),
            };
            if let Err(e) = step {
                self.roll_back(&marker, &written);
                return Err(e);
            }
            written.push(key);
        }
        // The commit: with the marker gone every entry is listed.
        if let Err(e) = self.store.remove(&marker) {
            self.roll_back(&marker, &written);
            return Err(e);
        }
        Ok(ids)
    }

    /// Undoes a `save_all` that failed: its entries, newest first, then (only if they are all gone) its marker.
    fn roll_back(&mut self, marker: &str, written: &[String]) {
        let mut all = true;
        for key in written.iter().rev() {
            all &= self.store.remove(key).is_ok();
        }
        if all {
            let _ = self.store.remove(marker);
        }
    }

    /// Finishes what an interrupted import left behind (best effort; nothing visible changes): the entries of
    /// every import marker older than [`STALE_IMPORT_MS`] (an import takes milliseconds, so its tab was closed
    /// or its storage failed mid-way), then the marker once they are gone. Markers that are not readable are
    /// left alone (they hide nothing).
    pub fn tidy(&mut self, now: f64) {
        let Ok(keys) = self.store.keys() else {
            return;
        };
        for key in keys.iter().filter(|k| k.starts_with(IMPORT_PREFIX)) {
            let Some(m) = self
                .store
                .get(key)
                .ok()
                .flatten()
                .and_then(|raw| parse_marker(&raw))
            else {
                continue;
            };
            if (now - m.at).abs() <= STALE_IMPORT_MS {
                continue; // another tab's import, still running
            }
            let mut all = true;
            for id in &m.ids {
                all &= self.store.remove(&format!("{PREFIX}{id}")).is_ok();
            }
            if all {
                let _ = self.store.remove(key);
            }
        }
    }

    /// Overwrites an entry's scenario, keeping its name.
    pub fn update(&mut self, id: &str, s: &Scenario, now: f64) -> Result<(), StoreError> {
        let key = format!("{PREFIX}{id}");
        let name = self
            .store
            .get(&key)?
            .and_then(|raw| parse_entry(id, &raw).ok())
            .map_or_else(|| id.to_string(), |(e, _)| e.name);
        self.store
            .set(&key, &entry_json(&name, now, s, Some(&stamp_of(s))))
    }

    /// Renames an entry, keeping the scenario it holds at the moment of writing (re-read just before), so a
    /// rename never writes back a scenario another tab has since replaced. `false` if it is gone or unreadable.
    pub fn rename(&mut self, id: &str, name: &str) -> Result<bool, StoreError> {
        let key = format!("{PREFIX}{id}");
        let Some(raw) = self.store.get(&key)? else {
            return Ok(false);
        };
        let Ok((e, _)) = parse_entry(id, &raw) else {
            return Ok(false);
        };
        self.store.set(
            &key,
            &entry_json(&clean_name(name), e.saved_at, &e.scenario, e.stamp.as_ref()),
        )?;
        Ok(true)
    }

    pub fn duplicate(
        &mut self,
        id: &str,
        copy_suffix: &str,
        now: f64,
    ) -> Result<Option<String>, StoreError> {
        let Some(raw) = self.store.get(&format!("{PREFIX}{id}"))? else {
            return Ok(None);
        };
        let Ok((e, _)) = parse_entry(id, &raw) else {
            return Ok(None);
        };
        let stamp = e.stamp.clone().unwrap_or_else(|| stamp_of(&e.scenario));
        self.save_stamped(
            &format!("{} {copy_suffix}", e.name),
            &e.scenario,
            &stamp,
            now,
        )
        .map(Some)
    }

    pub fn delete(&mut self, id: &str) -> Result<(), StoreError> {
        self.store.remove(&format!("{PREFIX}{id}"))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use vtre_model::LeverId;

    fn lib() -> Library<MemoryStore> {
        Library::new(MemoryStore::default())
    }

    fn swap(v: f64) -> Scenario {
        let mut s = Scenario::reference();
        s.set(LeverId::EafSwap, v);
        s
    }

    #[test]
    fn save_rename_duplicate_delete() {
        let mut l = lib();
        let a = l.save("组A", &swap(100.0), 1.0).unwrap_or_default();
        let b = l.save("Group B", &swap(200.0), 2.0).unwrap_or_default();
        assert_ne!(a, b);
        assert!(l.rename(&a, "组A（修改）").unwrap_or(false));
        let c = l
            .duplicate(&b, "copy", 3.0)
            .ok()
            .flatten()
            .unwrap_or_default();
        l.delete(&a).unwrap_or(());
        let (ok, bad) = l.list().unwrap_or_default();
        assert!(bad.is_empty());
        let names: Vec<&str> = ok.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["Group B", "Group B copy"]);
        assert_eq!(ok[1].id, c);
        assert_eq!(ok[1].scenario, swap(200.0));
    }

    #[test]
    fn a_corrupted_entry_is_quarantined_and_never_hides_the_others() {
        let mut l = lib();
        l.save("good", &swap(100.0), 1.0).unwrap_or_default();
        l.store
            .map
            .insert(format!("{PREFIX}broken"), "{not json".into());
        l.store.map.insert(
            format!("{PREFIX}future"),
            r#"{"schema": 99, "scenario": {}}"#.into(),
        );
        l.store.map.insert(format!("{PREFIX}array"), "[1,2]".into());
        let (ok, bad) = l.list().unwrap_or_default();
        assert_eq!(ok.len(), 1);
        assert_eq!(bad.len(), 3);
        assert!(bad.iter().any(|q| q.reason.contains("newer version")));
        // Quarantined entries are kept as they were.
        assert_eq!(
            l.store
                .map
                .get(&format!("{PREFIX}broken"))
                .map(String::as_str),
            Some("{not json")
        );
    }

    #[test]
    fn schema_0_entries_are_migrated_in_place() {
        let mut l = lib();
        l.store
            .map
            .insert(format!("{PREFIX}old"), r#"{"eaf_swap": 300}"#.into());
        let (ok, _) = l.list().unwrap_or_default();
        assert_eq!(ok[0].scenario, swap(300.0));
        let raw = l
            .store
            .map
            .get(&format!("{PREFIX}old"))
            .cloned()
            .unwrap_or_default();
        assert!(raw.contains("\"schema\":1"), "{raw}");
    }

    #[test]
    fn entries_saved_by_an_older_model_load_the_nearest_valid_scenario_with_notes() {
        let mut l = lib();
        l.store.map.insert(
            format!("{PREFIX}x"),
            r#"{"schema":1,"name":"x","saved_at":1,"scenario":{"eaf_swap":5000,"retired_lever":1}}"#.into(),
        );
        let (ok, bad) = l.list().unwrap_or_default();
        assert!(bad.is_empty());
        assert_eq!(ok[0].scenario.get(LeverId::EafSwap), 1200.0);
        assert_eq!(ok[0].issues.len(), 2);
    }

    #[test]
    fn a_full_store_reports_full_and_keeps_what_it_had() {
        // Room for one stamped entry and a half.
        let one = entry_json("a", 1.0, &swap(100.0), Some(&stamp_of(&swap(100.0)))).len();
        let mut l = Library::new(MemoryStore {
            capacity: Some(one * 3 / 2),
            ..MemoryStore::default()
        });
        assert!(l.save("a", &swap(100.0), 1.0).is_ok());
        assert_eq!(l.save("b", &swap(200.0), 2.0), Err(StoreError::Full));
        assert_eq!(l.list().map(|(ok, _)| ok.len()), Ok(1));
    }

    #[test]
    fn working_scenario_survives_and_export_import_round_trips() {
        let mut l = lib();
        l.save_working(&swap(400.0), 1.0).unwrap_or(());
        assert_eq!(
            l.load_working().ok().flatten().map(|(s, _)| s),
            Some(swap(400.0))
        );
        l.save("a", &swap(100.0), 1.0).unwrap_or_default();
        l.save("b", &swap(200.0), 2.0).unwrap_or_default();
        let text = l.export_all().unwrap_or_default();
        let mut other = lib();
        assert_eq!(
            other.import(&text, "imported", 10.0).map(|r| r.ids.len()),
            Ok(2)
        );
        let (ok, _) = other.list().unwrap_or_default();
        assert_eq!(
            ok.iter().map(|e| e.scenario.clone()).collect::<Vec<_>>(),
            vec![swap(100.0), swap(200.0)]
        );
        // A single CLI-style scenario file imports too.
        assert_eq!(
            other
                .import(r#"{"eaf_swap": 50}"#, "from CLI", 20.0)
                .map(|r| r.ids.len()),
            Ok(1)
        );
        assert!(matches!(
            other.import("nope", "x", 0.0),
            Err(ImportError::NotJson(_))
        ));
        assert_eq!(
            other.import("[1]", "x", 0.0),
            Err(ImportError::NotAScenario)
        );
    }
}
