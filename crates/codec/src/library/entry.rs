//! One saved entry as stored: its JSON (with the model's stamp), read leniently (schema 0 migrated, a newer
//! schema or broken JSON quarantined with the reason).

use super::SCHEMA;
use crate::json::{self, Json};
use crate::stamp::Stamp;
use vtre_model::scenario::{InputIssue, Scenario};

/// A readable saved scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub id: String,
    pub name: String,
    pub saved_at: f64,
    pub scenario: Scenario,
    /// What was changed on the way in (model changed since it was saved).
    pub issues: Vec<InputIssue>,
    /// The model version and headline figures it was saved with (`None`: saved before entries were stamped).
    pub stamp: Option<Stamp>,
}

impl Entry {
    /// What its numbers would show differently now, when it was saved with another model version.
    pub fn version_diff(&self) -> Option<crate::stamp::VersionDiff> {
        let stamp = self.stamp.as_ref()?;
        (stamp.model != vtre_model::MODEL_VERSION)
            .then(|| crate::stamp::diff(stamp, &vtre_model::simulate(&self.scenario)))
            .flatten()
    }
}

/// This model's stamp of a scenario: its version and the headline figures it shows.
pub fn stamp_of(s: &Scenario) -> Stamp {
    Stamp::of(&vtre_model::simulate(s))
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
                    stamp: crate::stamp::from_json_value(&v).0,
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
                    stamp: crate::stamp::from_json_value(sv).0,
                },
                schema < SCHEMA,
            ))
        }
    }
}

/// The stored form of a working scenario saved at `now` (what [`Library::save_working`] writes under
/// [`Library::working_key`]): for a page that must save it without the library at hand (the panic hook).
pub fn working_entry_json(s: &Scenario, now: f64) -> String {
    entry_json("working", now, s, None)
}

/// A stored entry; the scenario with `stamp` when given (the working scenario is not stamped: it is written
/// on every edit and never opened as "made with" anything).
pub(super) fn entry_json(name: &str, saved_at: f64, s: &Scenario, stamp: Option<&Stamp>) -> String {
    let scenario = match stamp {
        Some(st) => crate::scenario_json::to_stamped_json_value(s, st),
        None => crate::scenario_json::to_json_value(s),
    };
    Json::Obj(vec![
        ("schema".into(), Json::Num(SCHEMA as f64)),
        ("name".into(), Json::Str(name.to_string())),
        ("saved_at".into(), Json::Num(saved_at)),
        ("scenario".into(), scenario),
    ])
    .to_text()
    .to_string()
}
