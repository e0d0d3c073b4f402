//! A scenario: one value per lever, plus optional overrides of baseline parameters.
//!
//! JSON form (what the CLI reads and the app imports/exports): an object of lever id → number, with an
//! optional `"params"` object of parameter id (CSV key) → number. Omitted levers keep their reference value.
//!
//! ```json
//! { "eaf_swap": 300, "swap_vti_share": 1, "params": { "power_price_elasticity": -0.5 } }
//! ```
//!
//! [`Scenario::from_json`] never panics and never silently changes input: it returns the nearest valid
//! scenario together with a list of [`InputIssue`]s (unknown ids, wrong types, out-of-range values that were
//! clamped, values snapped to the lever's step). The CLI refuses a scenario with issues; the app applies the
//! nearest valid scenario and tells the user what it changed.

use super::levers::{spec, LeverId, LEVERS, N_LEVERS};
use super::params::{spec as pspec, ParamId, PARAMS};
use crate::json::{self, Json};
use std::collections::BTreeMap;

/// Lever values and parameter overrides. `Default` is the reference scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    levers: [f64; N_LEVERS],
    overrides: BTreeMap<ParamId, f64>,
}

impl Default for Scenario {
    fn default() -> Self {
        Scenario::reference()
    }
}

/// Something in the input that was not taken as given.
#[derive(Clone, Debug, PartialEq)]
pub enum InputIssue {
    /// The input was not a JSON object (or not JSON at all).
    NotAnObject(String),
    UnknownLever(String),
    UnknownParam(String),
    /// A value that is not a finite number.
    NotANumber {
        id: String,
        found: String,
    },
    /// A value outside the range, replaced by the nearest bound.
    Clamped {
        id: String,
        given: f64,
        used: f64,
    },
    /// A value between steps, snapped to the nearest step.
    Snapped {
        id: String,
        given: f64,
        used: f64,
    },
}

impl std::fmt::Display for InputIssue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            InputIssue::NotAnObject(e) => write!(f, "not a JSON object of id → number: {e}"),
            InputIssue::UnknownLever(id) => write!(f, "unknown lever id '{id}' (ignored)"),
            InputIssue::UnknownParam(id) => write!(f, "unknown parameter id '{id}' (ignored)"),
            InputIssue::NotANumber { id, found } => {
                write!(f, "'{id}': {found} is not a number (ignored)")
            }
            InputIssue::Clamped { id, given, used } => {
                write!(f, "'{id}': {given} is out of range, clamped to {used}")
            }
            InputIssue::Snapped { id, given, used } => {
                write!(f, "'{id}': {given} is between steps, snapped to {used}")
            }
        }
    }
}

impl Scenario {
    /// The reference scenario: every lever at its default, no parameter overridden.
    pub fn reference() -> Self {
        let mut levers = [0.0; N_LEVERS];
        for l in LEVERS {
            levers[l.id as usize] = l.default;
        }
        Scenario {
            levers,
            overrides: BTreeMap::new(),
        }
    }

    /// The 2020 settings held: every lever at its 2020 level.
    pub fn held_2020() -> Self {
        let mut s = Scenario::reference();
        for l in LEVERS {
            s.levers[l.id as usize] = l.base;
        }
        s
    }

    pub fn get(&self, id: LeverId) -> f64 {
        self.levers[id as usize]
    }

    /// Sets a lever, clamped to its range and snapped to its step. Returns the value used.
    pub fn set(&mut self, id: LeverId, v: f64) -> f64 {
        let used = spec(id).snap(v);
        self.levers[id as usize] = used;
        used
    }

    /// Resets one lever to its reference value.
    pub fn reset(&mut self, id: LeverId) {
        self.levers[id as usize] = spec(id).default;
    }

    /// The value of a parameter, overridden or not.
    pub fn param(&self, id: ParamId) -> f64 {
        self.overrides.get(&id).copied().unwrap_or(pspec(id).value)
    }

    /// Overrides a parameter, clamped to its low–high range. Returns the value used.
    pub fn set_param(&mut self, id: ParamId, v: f64) -> f64 {
        let p = pspec(id);
        let used = if v.is_finite() {
            v.clamp(p.low.min(p.high), p.high.max(p.low))
        } else {
            p.value
        };
        if used == p.value {
            self.overrides.remove(&id);
        } else {
            self.overrides.insert(id, used);
        }
        used
    }

    pub fn clear_param(&mut self, id: ParamId) {
        self.overrides.remove(&id);
    }

    pub fn overrides(&self) -> &BTreeMap<ParamId, f64> {
        &self.overrides
    }

    /// Levers whose value differs from the reference.
    pub fn changed_levers(&self) -> impl Iterator<Item = (LeverId, f64)> + '_ {
        LEVERS
            .iter()
            .filter(|l| self.levers[l.id as usize] != l.default)
            .map(|l| (l.id, self.levers[l.id as usize]))
    }

    /// All parameter values, resolved (overrides applied), indexed by `ParamId as usize`.
    pub fn resolved_params(&self) -> Vec<f64> {
        PARAMS.iter().map(|p| self.param(p.id)).collect()
    }

    /// JSON of only what differs from the reference (compact, lever-table order).
    pub fn to_json_value(&self) -> Json {
        let mut m: Vec<(String, Json)> = self
            .changed_levers()
            .map(|(id, v)| (id.key().to_string(), Json::Num(v)))
            .collect();
        self.push_params(&mut m);
        Json::Obj(m)
    }

    /// JSON of every lever (what `vtre levers --format json` and full exports write).
    pub fn to_full_json_value(&self) -> Json {
        let mut m: Vec<(String, Json)> = LEVERS
            .iter()
            .map(|l| (l.key.to_string(), Json::Num(self.levers[l.id as usize])))
            .collect();
        self.push_params(&mut m);
        Json::Obj(m)
    }

    fn push_params(&self, m: &mut Vec<(String, Json)>) {
        if !self.overrides.is_empty() {
            let p = self
                .overrides
                .iter()
                .map(|(id, v)| (id.key().to_string(), Json::Num(*v)))
                .collect();
            m.push(("params".into(), Json::Obj(p)));
        }
    }

    /// Parses JSON text. Never panics; see the module docs.
    pub fn from_json(text: &str) -> (Scenario, Vec<InputIssue>) {
        match json::parse(text) {
            Ok(v) => Scenario::from_json_value(&v),
            Err(e) => (Scenario::reference(), vec![InputIssue::NotAnObject(e)]),
        }
    }

    /// Reads a parsed JSON value. Never panics.
    pub fn from_json_value(v: &Json) -> (Scenario, Vec<InputIssue>) {
        let mut s = Scenario::reference();
        let mut issues = Vec::new();
        let Some(obj) = v.as_object() else {
            issues.push(InputIssue::NotAnObject(format!("found {}", v.describe())));
            return (s, issues);
        };
        for (k, val) in obj {
            if k == "params" {
                let Some(po) = val.as_object() else {
                    issues.push(InputIssue::NotANumber {
                        id: "params".into(),
                        found: val.describe(),
                    });
                    continue;
                };
                for (pk, pv) in po {
                    let Some(pid) = ParamId::from_key(pk) else {
                        issues.push(InputIssue::UnknownParam(pk.chars().take(40).collect()));
                        continue;
                    };
                    let Some(x) = pv.as_f64().filter(|x| x.is_finite()) else {
                        issues.push(InputIssue::NotANumber {
                            id: pk.clone(),
                            found: pv.describe(),
                        });
                        continue;
                    };
                    let used = s.set_param(pid, x);
                    if used != x {
                        issues.push(InputIssue::Clamped {
                            id: pk.clone(),
                            given: x,
                            used,
                        });
                    }
                }
                continue;
            }
            let Some(id) = LeverId::from_key(k) else {
                issues.push(InputIssue::UnknownLever(k.chars().take(40).collect()));
                continue;
            };
            let x = match val {
                Json::Num(n) => Some(*n),
                Json::Bool(b) if spec(id).is_switch() => Some(if *b { 1.0 } else { 0.0 }),
                _ => None,
            };
            let Some(x) = x.filter(|x| x.is_finite()) else {
                issues.push(InputIssue::NotANumber {
                    id: k.clone(),
                    found: val.describe(),
                });
                continue;
            };
            issues.extend(s.set_checked(id, x));
        }
        (s, issues)
    }

    /// Sets a lever and reports what was changed on the way in (clamped or snapped).
    pub fn set_checked(&mut self, id: LeverId, x: f64) -> Option<InputIssue> {
        let l = spec(id);
        let used = self.set(id, x);
        if !l.contains(x) {
            Some(InputIssue::Clamped {
                id: l.key.into(),
                given: x,
                used,
            })
        } else if (used - x).abs() > 1e-9 * x.abs().max(1.0) {
            Some(InputIssue::Snapped {
                id: l.key.into(),
                given: x,
                used,
            })
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_object_is_the_reference_scenario() {
        let (s, issues) = Scenario::from_json("{}");
        assert!(issues.is_empty());
        assert_eq!(s, Scenario::reference());
    }

    #[test]
    fn unknown_ids_wrong_types_and_out_of_range_values_are_all_reported() {
        let (s, issues) = Scenario::from_json(
            r#"{"eaf_swap": 99999, "nope": 1, "v_recovery": "high", "re_quota": 50500, "params": {"zzz": 1}}"#,
        );
        assert_eq!(s.get(LeverId::EafSwap), 1200.0);
        assert_eq!(s.get(LeverId::VRecovery), spec(LeverId::VRecovery).default);
        assert_eq!(s.get(LeverId::ReQuota), 51000.0);
        assert_eq!(issues.len(), 5, "{issues:?}");
    }

    #[test]
    fn garbage_text_gives_the_reference_and_an_issue() {
        for t in ["", "[1,2]", "null", "{", "\"x\"", "{\"eaf_swap\": null}"] {
            let (s, issues) = Scenario::from_json(t);
            assert_eq!(s, Scenario::reference(), "{t}");
            assert!(!issues.is_empty(), "{t}");
        }
    }

    #[test]
    fn compact_json_round_trips() {
        let mut s = Scenario::reference();
        s.set(LeverId::EafSwap, 300.0);
        s.set(LeverId::RenewableExemption, 0.0);
        s.set_param(ParamId::PowerElasticity, -0.5);
        let text = s.to_json_value().to_text();
        let (back, issues) = Scenario::from_json(&text);
        assert!(issues.is_empty(), "{issues:?}");
        assert_eq!(back, s);
    }

    #[test]
    fn parameter_overrides_are_held_inside_their_range() {
        let mut s = Scenario::reference();
        assert_eq!(s.set_param(ParamId::PowerElasticity, -5.0), -0.6);
        assert!(s.overrides().contains_key(&ParamId::PowerElasticity));
        s.set_param(
            ParamId::PowerElasticity,
            pspec(ParamId::PowerElasticity).value,
        );
        assert!(
            s.overrides().is_empty(),
            "setting the baseline value removes the override"
        );
    }
}
