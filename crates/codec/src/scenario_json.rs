//! A scenario as JSON: what the CLI reads, the app imports and exports, and the library stores.
//!
//! An object of lever id → number, with an optional `"params"` object of parameter id (CSV key) → number
//! and an optional `"policy_from"` year (a later policy start, 2020–2030; absent = 2020, the guideline's
//! window) and an optional `"baseline"` (a market baseline, `"low"` or `"high"`; absent = `central`, the
//! reference's) and an optional `"schedules"` object of lever id → `[START, FULL]` (a lever's own schedule:
//! from START it phases in, in full by FULL; absent = the default schedule, as before schedules existed).
//! Omitted levers keep their reference value. A file the app exports also names the model that made it and
//! the headline figures it showed, `"model": "1a2b3c4d", "figures": {…}` ([`crate::stamp`]); they are not part
//! of the scenario ([`from_json_value`] passes over them, [`crate::stamp::from_json_value`] reads them), and a
//! file without them is read with this model, as before.
//!
//! ```json
//! { "eaf_swap": 300, "swap_vti_share": 1, "params": { "power_price_elasticity": -0.5 }, "policy_from": 2026 }
//! ```
//!
//! [`from_json`] never panics and never silently changes input: it returns the nearest valid scenario
//! together with a list of [`InputIssue`]s (unknown ids, wrong types, out-of-range values that were clamped,
//! values snapped to the lever's step). The CLI refuses a scenario with issues; the app applies the nearest
//! valid scenario and tells the user what it changed.

use crate::json::{self, Json};
use vtre_model::levers::{spec, LeverId, LEVERS};
use vtre_model::params::ParamId;
use vtre_model::{BaselineId, InputIssue, Scenario};

/// JSON of only what differs from the reference (compact, lever-table order).
pub fn to_json_value(s: &Scenario) -> Json {
    let mut m: Vec<(String, Json)> = s
        .changed_levers()
        .map(|(id, v)| (id.key().to_string(), Json::Num(v)))
        .collect();
    push_params(s, &mut m);
    Json::Obj(m)
}

/// JSON of only what differs from the reference, with the stamp of the model that made it (`"model"`,
/// `"figures"`; [`crate::stamp`]): what the app exports.
pub fn to_stamped_json_value(s: &Scenario, stamp: &crate::stamp::Stamp) -> Json {
    let mut v = to_json_value(s);
    if let Json::Obj(m) = &mut v {
        m.extend(stamp.json_members());
    }
    v
}

/// JSON of every lever (what `vtre levers --format json` and full exports write).
pub fn to_full_json_value(s: &Scenario) -> Json {
    let mut m: Vec<(String, Json)> = LEVERS
        .iter()
        .map(|l| (l.key.to_string(), Json::Num(s.get(l.id))))
        .collect();
    push_params(s, &mut m);
    Json::Obj(m)
}

/// The key of the policy start year.
pub const POLICY_FROM: &str = "policy_from";
/// The key of the market baseline.
pub const BASELINE: &str = "baseline";
/// The key of the levers' own schedules.
pub const SCHEDULES: &str = "schedules";

/// A whole year, 0–9999, from a JSON value.
fn year(v: &Json) -> Option<u16> {
    v.as_f64()
        .filter(|x| x.fract() == 0.0 && (0.0..=9999.0).contains(x))
        .map(|x| x as u16)
}

fn push_params(s: &Scenario, m: &mut Vec<(String, Json)>) {
    if s.start_year() != vtre_model::scenario::POLICY_FROM_DEFAULT {
        m.push((POLICY_FROM.into(), Json::Num(f64::from(s.start_year()))));
    }
    if s.baseline() != BaselineId::CENTRAL {
        m.push((BASELINE.into(), Json::Str(s.baseline().key().into())));
    }
    if s.schedules().next().is_some() {
        let sch = s
            .schedules()
            .map(|(id, x)| {
                (
                    id.key().to_string(),
                    Json::Arr(vec![
                        Json::Num(f64::from(x.start)),
                        Json::Num(f64::from(x.full)),
                    ]),
                )
            })
            .collect();
        m.push((SCHEDULES.into(), Json::Obj(sch)));
    }
    if !s.overrides().is_empty() {
        let p = s
            .overrides()
            .iter()
            .map(|(id, v)| (id.key().to_string(), Json::Num(*v)))
            .collect();
        m.push(("params".into(), Json::Obj(p)));
    }
}

/// Parses JSON text. Never panics; see the module docs.
pub fn from_json(text: &str) -> (Scenario, Vec<InputIssue>) {
    match json::parse(text) {
        Ok(v) => from_json_value(&v),
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
        if k == crate::stamp::MODEL || k == crate::stamp::FIGURES {
            // What the file was made with, not part of the scenario: `stamp::from_json_value` reads it.
            continue;
        }
        if k == SCHEDULES {
            let Some(o) = val.as_object() else {
                issues.push(InputIssue::BadSchedule {
                    id: SCHEDULES.into(),
                    found: val.describe(),
                });
                continue;
            };
            for (lk, v) in o {
                let Some(id) = LeverId::from_key(lk) else {
                    issues.push(InputIssue::UnknownLever(lk.chars().take(40).collect()));
                    continue;
                };
                match v.as_array() {
                    Some([a, b]) => match (year(a), year(b)) {
                        (Some(a), Some(b)) => issues.extend(s.set_schedule_checked(id, a, b)),
                        _ => issues.push(InputIssue::BadSchedule {
                            id: lk.clone(),
                            found: v.describe(),
                        }),
                    },
                    _ => issues.push(InputIssue::BadSchedule {
                        id: lk.clone(),
                        found: v.describe(),
                    }),
                }
            }
            continue;
        }
        if k == BASELINE {
            match val.as_str().and_then(BaselineId::from_key) {
                Some(b) => s.set_baseline(b),
                None => issues.push(InputIssue::UnknownBaseline(match val.as_str() {
                    Some(t) => t.chars().take(40).collect(),
                    None => val.describe(),
                })),
            }
            continue;
        }
        if k == POLICY_FROM {
            match val
                .as_f64()
                .filter(|x| x.fract() == 0.0 && (0.0..=9999.0).contains(x))
            {
                Some(x) => {
                    let used = s.set_start_year(x as u16);
                    if f64::from(used) != x {
                        issues.push(InputIssue::Clamped {
                            id: k.clone(),
                            given: x,
                            used: f64::from(used),
                        });
                    }
                }
                None => issues.push(InputIssue::NotANumber {
                    id: k.clone(),
                    found: val.describe(),
                }),
            }
            continue;
        }
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
                issues.extend(s.set_param_checked(pid, x));
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

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use vtre_model::params::ParamId;

    #[test]
    fn an_empty_object_is_the_reference_scenario() {
        let (s, issues) = from_json("{}");
        assert!(issues.is_empty());
        assert_eq!(s, Scenario::reference());
    }

    #[test]
    fn unknown_ids_wrong_types_and_out_of_range_values_are_all_reported() {
        let (s, issues) = from_json(
            r#"{"eaf_swap": 99999, "nope": 1, "v_recovery": "high", "re_quota": 50500, "params": {"zzz": 1}}"#,
        );
        assert_eq!(s.get(LeverId::EafSwap), 1200.0);
        assert_eq!(s.get(LeverId::VRecovery), spec(LeverId::VRecovery).default);
        assert_eq!(s.get(LeverId::ReQuota), 51000.0);
        assert_eq!(issues.len(), 5, "{issues:?}");
    }

    #[test]
    fn a_policy_start_year_outside_2020_2030_is_clamped_and_a_non_year_reported() {
        let (s, issues) = from_json(r#"{"policy_from": 2040}"#);
        assert_eq!(s.start_year(), 2030);
        assert_eq!(issues.len(), 1);
        let (s, issues) = from_json(r#"{"policy_from": "soon"}"#);
        assert_eq!(s.start_year(), 2020);
        assert_eq!(issues.len(), 1);
        let (s, issues) = from_json(r#"{"policy_from": 2026.5}"#);
        assert_eq!(s.start_year(), 2020);
        assert_eq!(issues.len(), 1);
    }

    #[test]
    fn a_market_baseline_round_trips_and_central_is_not_written() {
        let mut s = Scenario::reference();
        s.set(LeverId::EafSwap, 300.0);
        assert_eq!(to_json_value(&s).to_text(), r#"{"eaf_swap":300}"#);
        s.set_baseline(BaselineId::High);
        let text = to_json_value(&s).to_text();
        assert_eq!(text, r#"{"eaf_swap":300,"baseline":"high"}"#);
        assert_eq!(from_json(&text), (s.clone(), vec![]));
        let full = to_full_json_value(&s).to_text();
        assert_eq!(from_json(&full), (s, vec![]));
        for bad in [r#"{"baseline":"medium"}"#, r#"{"baseline":2}"#] {
            let (s, issues) = from_json(bad);
            assert_eq!(s.baseline(), BaselineId::Central, "{bad}");
            assert!(
                matches!(&issues[..], [InputIssue::UnknownBaseline(_)]),
                "{bad}: {issues:?}"
            );
        }
    }

    #[test]
    fn a_lever_schedule_round_trips_and_the_default_schedule_writes_nothing() {
        let mut s = Scenario::reference();
        s.set(LeverId::EafSwap, 300.0);
        s.set_schedule(LeverId::EafSwap, 2021, 2025);
        assert_eq!(
            to_json_value(&s).to_text(),
            r#"{"eaf_swap":300}"#,
            "the default"
        );
        s.set_schedule(LeverId::EafSwap, 2026, 2028);
        s.set_schedule(LeverId::NewMine, 2023, 2033);
        let text = to_json_value(&s).to_text();
        assert_eq!(
            text,
            r#"{"eaf_swap":300,"schedules":{"eaf_swap":[2026,2028],"new_mine":[2023,2033]}}"#
        );
        assert_eq!(from_json(&text), (s.clone(), vec![]));
        assert_eq!(from_json(&to_full_json_value(&s).to_pretty()), (s, vec![]));
        let (s, issues) = from_json(
            r#"{"schedules":{"eaf_swap":[2026],"steel_price":[2026,2028],"nope":[2026,2027],"v_recovery":[2019,2020]}}"#,
        );
        assert_eq!(s.schedules().count(), 1, "v_recovery clamped to 2021");
        assert_eq!(issues.len(), 4, "{issues:?}");
        let (_, issues) = from_json(r#"{"schedules":[1,2]}"#);
        assert!(matches!(&issues[..], [InputIssue::BadSchedule { .. }]));
    }

    #[test]
    fn garbage_text_gives_the_reference_and_an_issue() {
        for t in ["", "[1,2]", "null", "{", "\"x\"", "{\"eaf_swap\": null}"] {
            let (s, issues) = from_json(t);
            assert_eq!(s, Scenario::reference(), "{t}");
            assert!(!issues.is_empty(), "{t}");
        }
    }

    #[test]
    fn an_exported_file_names_its_model_and_figures_and_the_scenario_reads_as_before() {
        let mut s = Scenario::reference();
        s.set(LeverId::EafSwap, 300.0);
        let stamp = crate::stamp::Stamp::of(&vtre_model::simulate(&s));
        let v = to_stamped_json_value(&s, &stamp);
        let text = v.to_text();
        assert!(
            text.contains(&format!("\"model\":\"{}\"", vtre_model::MODEL_VERSION)),
            "{text}"
        );
        assert!(
            text.contains("\"figures\":{\"output_value_2025\":"),
            "{text}"
        );
        assert_eq!(
            from_json(&text),
            (s, vec![]),
            "model and figures are no levers"
        );
        assert_eq!(crate::stamp::from_json_value(&v), (Some(stamp), vec![]));
        // A file without them: no stamp, nothing to say.
        let old = crate::json::parse(r#"{"eaf_swap": 300}"#).unwrap();
        assert_eq!(crate::stamp::from_json_value(&old), (None, vec![]));
    }

    #[test]
    fn compact_json_round_trips() {
        let mut s = Scenario::reference();
        s.set(LeverId::EafSwap, 300.0);
        s.set(LeverId::RenewableExemption, 0.0);
        s.set_param(ParamId::PowerElasticity, -0.5);
        s.set_start_year(2026);
        let text = to_json_value(&s).to_text();
        assert!(text.contains("\"policy_from\":2026"), "{text}");
        let (back, issues) = from_json(&text);
        assert!(issues.is_empty(), "{issues:?}");
        assert_eq!(back, s);
    }
}
