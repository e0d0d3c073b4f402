//! The saved-scenario library and the autosaved working scenario, over a small key–value store abstraction
//! (localStorage in the browser, memory in tests and as the fallback when storage is full or disabled).
//!
//! Each saved scenario is its own key (`vtre.scenario.<id>`) holding
//! `{"schema": 1, "name": "…", "saved_at": <ms>, "scenario": {lever id → value, "params": {…}}}`, so one
//! corrupted entry can never take the others with it. Entries are read leniently:
//! - schema 0 (a bare lever map, as the first releases and the CLI write) is migrated to schema 1;
//! - an entry that is not JSON, not an object, or from a newer schema is **quarantined**: it stays in storage
//!   untouched, is listed as unreadable with the reason, and can be exported raw or deleted by the user;
//! - unknown levers or out-of-range values load the nearest valid scenario and report what changed.

use crate::json::{self, Json};
use std::collections::BTreeMap;
use vtre_model::scenario::{InputIssue, Scenario};

pub const SCHEMA: u64 = 1;
pub const PREFIX: &str = "vtre.scenario.";
pub const WORKING_KEY: &str = "vtre.working";

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

/// An in-memory store; `capacity` (bytes of values) simulates a full quota in tests.
#[derive(Clone, Debug, Default)]
pub struct MemoryStore {
    pub map: BTreeMap<String, String>,
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

/// A readable saved scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub id: String,
    pub name: String,
    pub saved_at: f64,
    pub scenario: Scenario,
    /// What was changed on the way in (model changed since it was saved).
    pub issues: Vec<InputIssue>,
}

/// An entry that could not be read; it is left in storage untouched.
#[derive(Clone, Debug, PartialEq)]
pub struct Quarantined {
    pub id: String,
    pub key: String,
    pub reason: String,
    pub raw: String,
}

/// Reads one stored entry. `Err` = quarantine with the reason. Returns whether it was migrated.
pub fn parse_entry(id: &str, raw: &str) -> Result<(Entry, bool), String> {
    let v = json::parse(raw).map_err(|e| format!("not JSON ({e})"))?;
    if !v.is_object() {
        return Err("not a JSON object".into());
    }
    let obj = &v;
    match obj.get("schema") {
        None => {
            // Schema 0: a bare lever map.
            let (scenario, issues) = crate::scenario_json::from_json_value(&v);
            Ok((
                Entry {
                    id: id.into(),
                    name: id.into(),
                    saved_at: 0.0,
                    scenario,
                    issues,
                },
                true,
            ))
        }
        Some(s) => {
            let schema = s
                .as_f64()
                .filter(|n| n.fract() == 0.0 && *n >= 0.0 && *n < 1e9)
                .map(|n| n as u64)
                .ok_or("schema is not a number")?;
            if schema > SCHEMA {
                return Err(format!("made by a newer version (schema {schema})"));
            }
            let name = obj
                .get("name")
                .and_then(Json::as_str)
                .unwrap_or(id)
                .chars()
                .take(200)
                .collect();
            let saved_at = obj.get("saved_at").and_then(Json::as_f64).unwrap_or(0.0);
            let sv = obj.get("scenario").ok_or("no scenario in the entry")?;
            if !sv.is_object() {
                return Err("the scenario is not an object".into());
            }
            let (scenario, issues) = crate::scenario_json::from_json_value(sv);
            Ok((
                Entry {
                    id: id.into(),
                    name,
                    saved_at,
                    scenario,
                    issues,
                },
                schema < SCHEMA,
            ))
        }
    }
}

fn entry_json(name: &str, saved_at: f64, s: &Scenario) -> String {
    Json::Obj(vec![
        ("schema".into(), Json::Num(SCHEMA as f64)),
        ("name".into(), Json::Str(name.to_string())),
        ("saved_at".into(), Json::Num(saved_at)),
        ("scenario".into(), crate::scenario_json::to_json_value(s)),
    ])
    .to_text()
    .to_string()
}

/// The library over a store.
pub struct Library<S: KvStore> {
    pub store: S,
}

impl<S: KvStore> Library<S> {
    pub fn new(store: S) -> Self {
        Library { store }
    }

    /// Every saved entry, readable ones sorted by time, and the quarantined ones. Migrates schema 0 entries in
    /// place (best effort: if the store refuses, they stay readable as they are).
    pub fn list(&mut self) -> Result<(Vec<Entry>, Vec<Quarantined>), StoreError> {
        let mut ok = Vec::new();
        let mut bad = Vec::new();
        for key in self.store.keys()? {
            let Some(id) = key.strip_prefix(PREFIX) else {
                continue;
            };
            let raw = self.store.get(&key)?.unwrap_or_default();
            match parse_entry(id, &raw) {
                Ok((e, migrated)) => {
                    if migrated {
                        let _ = self
                            .store
                            .set(&key, &entry_json(&e.name, e.saved_at, &e.scenario));
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

    fn fresh_id(&self, now: f64) -> Result<String, StoreError> {
        let keys = self.store.keys()?;
        let base = format!("{:x}", now.max(0.0) as u64);
        let mut id = base.clone();
        let mut n = 1;
        while keys
            .iter()
            .any(|k| k.strip_prefix(PREFIX) == Some(id.as_str()))
        {
            id = format!("{base}-{n}");
            n += 1;
        }
        Ok(id)
    }

    pub fn save(&mut self, name: &str, s: &Scenario, now: f64) -> Result<String, StoreError> {
        let id = self.fresh_id(now)?;
        let name: String = name.trim().chars().take(200).collect();
        self.store
            .set(&format!("{PREFIX}{id}"), &entry_json(&name, now, s))?;
        Ok(id)
    }

    /// Overwrites an entry's scenario, keeping its name.
    pub fn update(&mut self, id: &str, s: &Scenario, now: f64) -> Result<(), StoreError> {
        let key = format!("{PREFIX}{id}");
        let name = self
            .store
            .get(&key)?
            .and_then(|raw| parse_entry(id, &raw).ok())
            .map_or_else(|| id.to_string(), |(e, _)| e.name);
        self.store.set(&key, &entry_json(&name, now, s))
    }

    pub fn rename(&mut self, id: &str, name: &str) -> Result<bool, StoreError> {
        let key = format!("{PREFIX}{id}");
        let Some(raw) = self.store.get(&key)? else {
            return Ok(false);
        };
        let Ok((e, _)) = parse_entry(id, &raw) else {
            return Ok(false);
        };
        let name: String = name.trim().chars().take(200).collect();
        self.store
            .set(&key, &entry_json(&name, e.saved_at, &e.scenario))?;
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
        self.save(&format!("{} {copy_suffix}", e.name), &e.scenario, now)
            .map(Some)
    }

    pub fn delete(&mut self, id: &str) -> Result<(), StoreError> {
        self.store.remove(&format!("{PREFIX}{id}"))
    }

    pub fn save_working(&mut self, s: &Scenario) -> Result<(), StoreError> {
        self.store.set(WORKING_KEY, &entry_json("working", 0.0, s))
    }

    /// The autosaved working scenario, if any and readable.
    pub fn load_working(&self) -> Result<Option<(Scenario, Vec<InputIssue>)>, StoreError> {
        Ok(self
            .store
            .get(WORKING_KEY)?
            .and_then(|raw| parse_entry("working", &raw).ok())
            .map(|(e, _)| (e.scenario, e.issues)))
    }

    /// The whole library as JSON (readable entries; quarantined ones raw under "unreadable").
    pub fn export_all(&mut self) -> Result<String, StoreError> {
        let (ok, bad) = self.list()?;
        let entries: Vec<Json> = ok
            .iter()
            .map(|e| {
                Json::Obj(vec![
                    ("name".into(), Json::Str(e.name.clone())),
                    ("saved_at".into(), Json::Num(e.saved_at)),
                    (
                        "scenario".into(),
                        crate::scenario_json::to_json_value(&e.scenario),
                    ),
                ])
            })
            .collect();
        let unreadable: Vec<Json> = bad
            .iter()
            .map(|q| {
                Json::Obj(vec![
                    ("key".into(), Json::Str(q.key.clone())),
                    ("raw".into(), Json::Str(q.raw.clone())),
                ])
            })
            .collect();
        Ok(Json::Obj(vec![
            ("vtre_library".into(), Json::Num(SCHEMA as f64)),
            ("entries".into(), Json::Arr(entries)),
            ("unreadable".into(), Json::Arr(unreadable)),
        ])
        .to_pretty())
    }

    /// Imports a library export, or a single scenario (lever map) saved under `single_name`.
    /// Returns how many scenarios were added and what was changed on the way in.
    pub fn import(
        &mut self,
        text: &str,
        single_name: &str,
        now: f64,
    ) -> Result<(usize, Vec<InputIssue>), ImportError> {
        let v = json::parse(text).map_err(ImportError::NotJson)?;
        let mut issues = Vec::new();
        if let Some(entries) = v.get("entries").and_then(Json::as_array) {
            let mut n = 0;
            for (i, e) in entries.iter().enumerate() {
                let name = e.get("name").and_then(Json::as_str).unwrap_or(single_name);
                let Some(sv) = e.get("scenario") else {
                    continue;
                };
                let (s, is) = crate::scenario_json::from_json_value(sv);
                issues.extend(is);
                self.save(name, &s, now + i as f64)
                    .map_err(ImportError::Store)?;
                n += 1;
            }
            return Ok((n, issues));
        }
        if !v.is_object() {
            return Err(ImportError::NotAScenario);
        }
        let (s, is) = crate::scenario_json::from_json_value(&v);
        self.save(single_name, &s, now)
            .map_err(ImportError::Store)?;
        Ok((1, is))
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum ImportError {
    NotJson(String),
    NotAScenario,
    Store(StoreError),
}

#[cfg(test)]
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
        let mut l = Library::new(MemoryStore {
            capacity: Some(120),
            ..MemoryStore::default()
        });
        assert!(l.save("a", &swap(100.0), 1.0).is_ok());
        assert_eq!(l.save("b", &swap(200.0), 2.0), Err(StoreError::Full));
        assert_eq!(l.list().map(|(ok, _)| ok.len()), Ok(1));
    }

    #[test]
    fn working_scenario_survives_and_export_import_round_trips() {
        let mut l = lib();
        l.save_working(&swap(400.0)).unwrap_or(());
        assert_eq!(
            l.load_working().ok().flatten().map(|(s, _)| s),
            Some(swap(400.0))
        );
        l.save("a", &swap(100.0), 1.0).unwrap_or_default();
        l.save("b", &swap(200.0), 2.0).unwrap_or_default();
        let text = l.export_all().unwrap_or_default();
        let mut other = lib();
        assert_eq!(other.import(&text, "imported", 10.0).map(|(n, _)| n), Ok(2));
        let (ok, _) = other.list().unwrap_or_default();
        assert_eq!(
            ok.iter().map(|e| e.scenario.clone()).collect::<Vec<_>>(),
            vec![swap(100.0), swap(200.0)]
        );
        // A single CLI-style scenario file imports too.
        assert_eq!(
            other
                .import(r#"{"eaf_swap": 50}"#, "from CLI", 20.0)
                .map(|(n, _)| n),
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
