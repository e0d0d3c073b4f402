//! The library as a file: the export of every entry (and the unreadable ones raw), and an import of such a
//! file or of one scenario, all or nothing.

use super::{clean_name, KvStore, Library, StoreError, SCHEMA};
use crate::json::{self, Json};
use crate::stamp::Stamp;
use vtre_model::scenario::{InputIssue, Scenario};

impl<S: KvStore> Library<S> {
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
                        match &e.stamp {
                            Some(st) => {
                                crate::scenario_json::to_stamped_json_value(&e.scenario, st)
                            }
                            None => crate::scenario_json::to_json_value(&e.scenario),
                        },
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

    /// Imports a library export, or a single scenario (lever map) saved under `single_name`, all or nothing
    /// ([`Library::save_all`]). Entries without a scenario are skipped and named in the result; a storage
    /// failure names every entry that was not saved (all of them: the library is as it was).
    pub fn import(
        &mut self,
        text: &str,
        single_name: &str,
        now: f64,
    ) -> Result<Imported, ImportError> {
        let v = json::parse(text).map_err(ImportError::NotJson)?;
        let mut issues = Vec::new();
        let mut items: Vec<(String, Scenario, Option<Stamp>)> = Vec::new();
        let mut skipped = Vec::new();
        if let Some(entries) = v.get("entries").and_then(Json::as_array) {
            for (i, e) in entries.iter().enumerate() {
                let name = e.get("name").and_then(Json::as_str);
                let Some(sv) = e.get("scenario") else {
                    skipped.push(name.map_or_else(|| format!("#{}", i + 1), clean_name));
                    continue;
                };
                let (s, is) = crate::scenario_json::from_json_value(sv);
                issues.extend(is);
                let stamp = crate::stamp::from_json_value(sv).0;
                items.push((clean_name(name.unwrap_or(single_name)), s, stamp));
            }
        } else if v.is_object() {
            let (s, is) = crate::scenario_json::from_json_value(&v);
            issues = is;
            let stamp = crate::stamp::from_json_value(&v).0;
            items.push((clean_name(single_name), s, stamp));
        } else {
            return Err(ImportError::NotAScenario);
        }
        match self.save_all_stamped(&items, now) {
            Ok(ids) => Ok(Imported {
                ids,
                issues,
                skipped,
                other_versions: items
                    .iter()
                    .filter_map(|(name, s, stamp)| {
                        let st = stamp.as_ref()?;
                        (st.model != vtre_model::MODEL_VERSION).then(|| {
                            let diff = crate::stamp::diff(st, &vtre_model::simulate(s));
                            (name.clone(), diff)
                        })
                    })
                    .filter_map(|(name, diff)| Some((name, diff?)))
                    .collect(),
            }),
            Err(error) => Err(ImportError::Store {
                error,
                not_saved: items.into_iter().map(|(name, _, _)| name).collect(),
            }),
        }
    }
}

/// What an import added.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    /// The new entries' ids, in the file's order.
    pub ids: Vec<String>,
    /// What was changed on the way in.
    pub issues: Vec<InputIssue>,
    /// Entries of the file that hold no scenario (their names, or `#<position>`), not imported.
    pub skipped: Vec<String>,
    /// Entries made with another model version (name, what changed in their numbers), in the file's order.
    pub other_versions: Vec<(String, crate::stamp::VersionDiff)>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ImportError {
    NotJson(String),
    NotAScenario,
    /// Storage failed: nothing was imported; `not_saved` names every entry of the file that was not saved.
    Store {
        error: StoreError,
        not_saved: Vec<String>,
    },
}
