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
///
/// Two tabs (or a laptop and a projector window) share one store. So that neither can lose the other's work,
/// every save writes a key of its own — the time plus this tab's `tab` token — and checks just before
/// writing that no entry holds that key; renames re-read the entry just before writing and keep whatever
/// scenario it holds then. The app re-lists when another tab changes the store (the `storage` event).
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
    /// other tab's, even when two save in the same millisecond.
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
        let base = if self.tab.is_empty() {
            format!("{:x}", now.max(0.0) as u64)
        } else {
            format!("{:x}-{}", now.max(0.0) as u64, self.tab)
        };
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

    /// Saves `s` under a new id. Never overwrites an entry: the key is checked to be free just before the
    /// write, and a key another tab took in between is skipped.
    pub fn save(&mut self, name: &str, s: &Scenario, now: f64) -> Result<String, StoreError> {
        let name: String = name.trim().chars().take(200).collect();
        let text = entry_json(&name, now, s);
        for attempt in 0..16u32 {
            let id = self.fresh_id(now + f64::from(attempt))?;
            let key = format!("{PREFIX}{id}");
            if self.store.get(&key)?.is_none() {
                self.store.set(&key, &text)?;
                return Ok(id);
            }
        }
        Err(StoreError::Unavailable)
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

    /// Two tabs over one localStorage: a store both libraries hold.
    #[derive(Clone, Default)]
    struct Shared(std::rc::Rc<std::cell::RefCell<MemoryStore>>);

    impl KvStore for Shared {
        fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
            self.0.borrow().get(key)
        }
        fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
            self.0.borrow_mut().set(key, value)
        }
        fn remove(&mut self, key: &str) -> Result<(), StoreError> {
            self.0.borrow_mut().remove(key)
        }
        fn keys(&self) -> Result<Vec<String>, StoreError> {
            self.0.borrow().keys()
        }
    }

    #[test]
    fn two_tabs_saving_in_the_same_millisecond_both_keep_their_scenarios() {
        let store = Shared::default();
        let mut a = Library::for_tab(store.clone(), "a1");
        let mut b = Library::for_tab(store.clone(), "b2");
        let ida = a.save("from tab A", &swap(100.0), 1000.0).unwrap();
        let idb = b.save("from tab B", &swap(200.0), 1000.0).unwrap();
        assert_ne!(ida, idb);
        let (ok, _) = a.list().unwrap();
        let names: Vec<&str> = ok.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["from tab A", "from tab B"]);
        // The same tab saving twice in one millisecond does not overwrite either.
        let again = a.save("again", &swap(300.0), 1000.0).unwrap();
        assert_ne!(again, ida);
        assert_eq!(b.list().unwrap().0.len(), 3);
    }

    /// A store whose key listing is stale: another tab wrote `late` after this tab listed the keys.
    struct Stale {
        inner: MemoryStore,
        late: String,
    }

    impl KvStore for Stale {
        fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
            self.inner.get(key)
        }
        fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
            self.inner.set(key, value)
        }
        fn remove(&mut self, key: &str) -> Result<(), StoreError> {
            self.inner.remove(key)
        }
        fn keys(&self) -> Result<Vec<String>, StoreError> {
            Ok(self
                .inner
                .keys()?
                .into_iter()
                .filter(|k| *k != self.late)
                .collect())
        }
    }

    #[test]
    fn a_save_never_overwrites_a_key_another_tab_took_after_it_listed_the_keys() {
        let late = format!("{PREFIX}3e8-t");
        let mut inner = MemoryStore::default();
        inner
            .map
            .insert(late.clone(), entry_json("theirs", 1000.0, &swap(10.0)));
        let mut a = Library::for_tab(Stale { inner, late }, "t");
        let id = a.save("mine", &swap(20.0), 1000.0).unwrap();
        assert_ne!(
            id, "3e8-t",
            "the key listed as free was taken: checked again before writing"
        );
        let theirs = a.store.get(&format!("{PREFIX}3e8-t")).unwrap().unwrap();
        assert!(theirs.contains("theirs"));
        let mine = a.store.get(&format!("{PREFIX}{id}")).unwrap().unwrap();
        assert!(mine.contains("mine"));
    }

    #[test]
    fn a_rename_keeps_the_scenario_another_tab_wrote_since() {
        let store = Shared::default();
        let mut a = Library::for_tab(store.clone(), "a");
        let mut b = Library::for_tab(store.clone(), "b");
        let id = a.save("first", &swap(100.0), 5.0).unwrap();
        // Tab B replaces the scenario (same entry), then tab A renames it.
        b.update(&id, &swap(700.0), 6.0).unwrap();
        assert!(a.rename(&id, "renamed").unwrap());
        let (ok, _) = b.list().unwrap();
        assert_eq!(ok.len(), 1);
        assert_eq!(
            (ok[0].name.as_str(), &ok[0].scenario),
            ("renamed", &swap(700.0))
        );
    }
}
