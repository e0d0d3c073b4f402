//! A scenario: one value per lever, plus optional overrides of baseline parameters.
//!
//! The model takes no text: reading a scenario from JSON or a share link is the codec's job
//! (`vtre_codec::scenario_json`, `vtre_codec::link`), which uses [`Scenario::set_checked`] and
//! [`Scenario::set_param_checked`] so that every value that was not taken as given is reported as an
//! [`InputIssue`].

use crate::baselines::BaselineId;
use crate::levers::{spec, LeverId, LEVERS, N_LEVERS};
use crate::params::{spec as pspec, ParamId, PARAMS};
use litemap::LiteMap;

/// A scenario's parameter overrides, in parameter order. A `LiteMap` (a sorted `Vec`) for the handful a
/// scenario holds: the `BTreeMap` it replaced linked the B-tree's code into the page's start — with the
/// in-memory store's in `vtre_codec::library`, 5.7 KiB gzip of the core's wasm (312,797 → 306,925 bytes,
/// 2026-12-07, issue 20).
pub type Overrides = LiteMap<ParamId, f64>;

/// Lever values and parameter overrides. `Default` is the reference scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    levers: [f64; N_LEVERS],
    overrides: Overrides,
    /// The first year the scenario's policy applies (see [`Scenario::set_start_year`]).
    start_year: u16,
    /// The market world it is run in (see [`crate::baselines`]); the reference's is `central`.
    baseline: BaselineId,
    /// Each lever's own schedule, where one was set (see [`Schedule`]); `None` follows the default.
    schedules: [Option<Schedule>; N_LEVERS],
}

/// When a lever acts (issue 25, item 4): from its `start` year it phases in linearly from where the reference
/// path stood the year before, and reaches the scenario's value in its `full` year (a switch acts from
/// `start`). Before `start` it follows the reference path, as before a later policy start.
///
/// ```text
/// v(y) = ref(y)                                                     y < start
/// v(y) = ref(start − 1) + (x − ref(start − 1)) · min(1, (y + 1 − start) / (full + 1 − start))   y ≥ start
/// ```
///
/// Without a schedule of its own a lever follows [`Scenario::default_schedule`]: `start` = the policy start
/// year (2021 when it is 2020: the base year is what happened), `full` = `start` + the lever's own span
/// (`target_year − 2021`), which is exactly how levers phased in before schedules existed (linear from 2020
/// to the target year, or over the same span from a later policy start), so a scenario without schedules is
/// bit-identical. A schedule never starts before the policy start year (it is moved to it when evaluated).
/// Price levers have no schedule: 2020–24 are history and the lever sets the market from 2025.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Schedule {
    pub start: u16,
    pub full: u16,
}

/// The earliest year a schedule may start (2020 is the base year, what happened).
pub const SCHEDULE_FIRST: u16 = 2021;
/// The latest year a schedule may start or end (the model's last year).
pub const SCHEDULE_LAST: u16 = 2035;

/// The guideline's own window: policy from 2020, the base year (the default).
pub const POLICY_FROM_DEFAULT: u16 = 2020;
/// The latest year a scenario's policy may start.
pub const POLICY_FROM_LATEST: u16 = 2030;

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
    /// A market baseline that does not exist (the reference's, `central`, is used).
    UnknownBaseline(String),
    /// A lever schedule that is not `START-FULL` years, or on a price lever (ignored).
    BadSchedule {
        id: String,
        found: String,
    },
    /// A lever schedule outside 2021–2035 or ending before it starts (or a switch's end year), adjusted.
    ScheduleAdjusted {
        id: String,
        given: (u16, u16),
        used: (u16, u16),
    },
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
            InputIssue::UnknownBaseline(b) => write!(
                f,
                "unknown market baseline '{b}' (known: {}; central used)",
                crate::baselines::BASELINES
                    .iter()
                    .map(|b| b.key)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            InputIssue::NotANumber { id, found } => {
                write!(f, "'{id}': {found} is not a number (ignored)")
            }
            InputIssue::BadSchedule { id, found } => write!(
                f,
                "'{id}': schedule {found} is not START-FULL years, or the lever is a price (ignored)"
            ),
            InputIssue::ScheduleAdjusted { id, given, used } => write!(
                f,
                "'{id}': schedule {}-{} adjusted to {}-{} (2021–2035, full not before start)",
                given.0, given.1, used.0, used.1
            ),
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
            overrides: Overrides::new(),
            start_year: POLICY_FROM_DEFAULT,
            baseline: BaselineId::CENTRAL,
            schedules: [None; N_LEVERS],
        }
    }

    /// The schedule a lever follows without one of its own (see [`Schedule`]).
    pub fn default_schedule(&self, id: LeverId) -> Schedule {
        let start = self.start_year.max(SCHEDULE_FIRST);
        let span = spec(id).target_year.saturating_sub(SCHEDULE_FIRST);
        Schedule {
            start,
            full: start + span,
        }
    }

    /// The lever's own schedule, if one was set.
    pub fn schedule(&self, id: LeverId) -> Option<Schedule> {
        self.schedules[id as usize]
    }

    /// The schedule the model uses for a lever: its own, never starting before the policy start year, or
    /// the default.
    pub fn effective_schedule(&self, id: LeverId) -> Schedule {
        match self.schedules[id as usize] {
            Some(s) => {
                let start = s.start.max(self.start_year);
                Schedule {
                    start,
                    full: s.full.max(start),
                }
            }
            None => self.default_schedule(id),
        }
    }

    /// The levers with a schedule of their own, in table order.
    pub fn schedules(&self) -> impl Iterator<Item = (LeverId, Schedule)> + '_ {
        LEVERS
            .iter()
            .filter_map(|l| self.schedules[l.id as usize].map(|s| (l.id, s)))
    }

    /// Whether a lever can have a schedule of its own (every lever but the prices).
    pub fn schedulable(id: LeverId) -> bool {
        !id.is_price()
    }

    /// Sets a lever's schedule: `start` clamped to 2021–2035, `full` to `start`–2035 (a switch acts from
    /// `start`: `full` = `start`). The default schedule is not stored (so links and files stay as they were).
    /// Returns the schedule used, or `None` for a price lever (refused: its path is history then the market).
    pub fn set_schedule(&mut self, id: LeverId, start: u16, full: u16) -> Option<Schedule> {
        if !Self::schedulable(id) {
            return None;
        }
        let start = start.clamp(SCHEDULE_FIRST, SCHEDULE_LAST);
        let full = if spec(id).is_switch() {
            start
        } else {
            full.clamp(start, SCHEDULE_LAST)
        };
        let used = Schedule { start, full };
        self.schedules[id as usize] = (!self.is_default_schedule(id, used)).then_some(used);
        Some(used)
    }

    /// Stores a schedule as given, even the default (tests: the formula with the default schedule must be
    /// the old code path, bit for bit).
    #[cfg(test)]
    pub(crate) fn force_schedule(&mut self, id: LeverId, s: Schedule) {
        self.schedules[id as usize] = Some(s);
    }

    /// Back to the default schedule.
    pub fn clear_schedule(&mut self, id: LeverId) {
        self.schedules[id as usize] = None;
    }

    /// Sets a schedule from outside input and reports what was not taken as given.
    pub fn set_schedule_checked(
        &mut self,
        id: LeverId,
        start: u16,
        full: u16,
    ) -> Option<InputIssue> {
        match self.set_schedule(id, start, full) {
            None => Some(InputIssue::BadSchedule {
                id: id.key().into(),
                found: format!("{start}-{full}"),
            }),
            Some(used) if used != (Schedule { start, full }) => {
                Some(InputIssue::ScheduleAdjusted {
                    id: id.key().into(),
                    given: (start, full),
                    used: (used.start, used.full),
                })
            }
            Some(_) => None,
        }
    }

    /// The market baseline the scenario is run in (prices and steel demand from 2025; `central` is the
    /// reference's).
    pub fn baseline(&self) -> BaselineId {
        self.baseline
    }

    /// Runs the scenario in another market baseline: changes nothing else (levers, overrides, policy start).
    pub fn set_baseline(&mut self, b: BaselineId) {
        self.baseline = b;
    }

    /// The first year the scenario's policy applies. Before it, the levers follow the reference path
    /// (history); from it, each lever phases in from where the reference stood over its own phase-in span.
    pub fn start_year(&self) -> u16 {
        self.start_year
    }

    /// Sets the policy start year, clamped to 2020–2030. Returns the year used.
    ///
    /// A lever schedule that is now the default one is dropped (it changes nothing, and a scenario has one
    /// form whatever order a link or file gives the start year and the schedules in).
    pub fn set_start_year(&mut self, year: u16) -> u16 {
        self.start_year = year.clamp(POLICY_FROM_DEFAULT, POLICY_FROM_LATEST);
        for l in LEVERS {
            if let Some(sch) = self.schedules[l.id as usize] {
                if self.is_default_schedule(l.id, sch) {
                    self.schedules[l.id as usize] = None;
                }
            }
        }
        self.start_year
    }

    fn is_default_schedule(&self, id: LeverId, sch: Schedule) -> bool {
        let default = self.default_schedule(id);
        sch == default || (spec(id).is_switch() && sch.start == default.start)
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

    /// Overrides a parameter, clamped to its low–high range. Returns the value used. A parameter that is not
    /// overridable (a fixed FACT, a base-year check, a derived value) keeps its value.
    pub fn set_param(&mut self, id: ParamId, v: f64) -> f64 {
        let p = pspec(id);
        let used = if !p.overridable() {
            p.value
        } else if v.is_finite() {
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

    /// Sets any parameter to any value, outside its low–high range and whatever its role: a *mutated*
    /// parameter, for tests that prove a check of the model can fail (`tests/base_year.rs`). Input never takes
    /// this way (links, files and the UI use [`Scenario::set_param_checked`]), and no encoder writes what it
    /// sets faithfully, so it stays out of the documented API.
    #[doc(hidden)]
    pub fn set_param_mutated(&mut self, id: ParamId, v: f64) {
        self.overrides.insert(id, v);
    }

    pub fn overrides(&self) -> &Overrides {
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

    /// Sets a parameter from outside input (a link, a file) and reports what was changed on the way in.
    pub fn set_param_checked(&mut self, id: ParamId, x: f64) -> Option<InputIssue> {
        let used = self.set_param(id, x);
        (used != x).then(|| InputIssue::Clamped {
            id: id.key().into(),
            given: x,
            used,
        })
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

    #[test]
    fn setting_and_resetting_levers_and_parameters_reports_what_was_changed() {
        let mut s = Scenario::reference();
        assert_eq!(s.changed_levers().count(), 0);
        s.set(LeverId::EafSwap, 300.0);
        assert_eq!(
            s.changed_levers().collect::<Vec<_>>(),
            [(LeverId::EafSwap, 300.0)]
        );
        s.reset(LeverId::EafSwap);
        assert_eq!(s, Scenario::reference());
        // Taken as given: no issue.
        assert_eq!(s.set_checked(LeverId::EafSwap, 300.0), None);
        // Out of range: clamped, said so.
        assert_eq!(
            s.set_checked(LeverId::EafSwap, 5000.0),
            Some(InputIssue::Clamped {
                id: "eaf_swap".into(),
                given: 5000.0,
                used: 1200.0
            })
        );
        // Binary noise is not "between steps".
        assert_eq!(s.set_checked(LeverId::EafSwap, 300.000_000_000_1), None);
        // Between steps: snapped, said so.
        assert_eq!(
            s.set_checked(LeverId::EafSwap, 303.0),
            Some(InputIssue::Snapped {
                id: "eaf_swap".into(),
                given: 303.0,
                used: 300.0
            })
        );
        assert_eq!(s.set_param_checked(ParamId::PowerElasticity, -0.5), None);
        assert_eq!(
            s.set_param_checked(ParamId::PowerElasticity, -5.0),
            Some(InputIssue::Clamped {
                id: "power_price_elasticity".into(),
                given: -5.0,
                used: -0.6
            })
        );
        s.clear_param(ParamId::PowerElasticity);
        assert!(s.overrides().is_empty());
    }

    #[test]
    fn every_input_issue_reads_as_a_sentence_naming_the_id_and_values() {
        let lines = [
            InputIssue::NotAnObject("x".into()).to_string(),
            InputIssue::UnknownLever("foo".into()).to_string(),
            InputIssue::UnknownParam("bar".into()).to_string(),
            InputIssue::NotANumber {
                id: "eaf_swap".into(),
                found: "\"abc\"".into(),
            }
            .to_string(),
            InputIssue::Clamped {
                id: "eaf_swap".into(),
                given: 5000.0,
                used: 1200.0,
            }
            .to_string(),
            InputIssue::Snapped {
                id: "eaf_swap".into(),
                given: 303.0,
                used: 300.0,
            }
            .to_string(),
        ];
        assert!(lines[0].contains("not a JSON object"));
        assert!(lines[1].contains("'foo'") && lines[2].contains("'bar'"));
        assert!(lines[3].contains("\"abc\" is not a number"));
        assert!(lines[4].contains("5000") && lines[4].contains("1200"));
        assert!(
            lines[5].contains("303") && lines[5].contains("300") && lines[5].contains("snapped")
        );
    }

    #[test]
    fn the_default_schedule_is_how_levers_phased_in_before_and_is_never_stored() {
        let mut s = Scenario::reference();
        let d = s.default_schedule(LeverId::EafSwap);
        assert_eq!((d.start, d.full), (2021, 2025), "2020 → 2025 as before");
        assert_eq!(s.default_schedule(LeverId::GridFactor).full, 2030);
        s.set_start_year(2026);
        let d = s.default_schedule(LeverId::EafSwap);
        assert_eq!(
            (d.start, d.full),
            (2026, 2030),
            "a later start: the same span from it"
        );
        assert_eq!(s.set_schedule(LeverId::EafSwap, 2026, 2030), Some(d));
        assert_eq!(
            s.schedule(LeverId::EafSwap),
            None,
            "the default is not stored"
        );
        assert_eq!(s.schedules().count(), 0);
        s.set_schedule(LeverId::EafSwap, 2027, 2029);
        assert_eq!(
            s.schedules().collect::<Vec<_>>(),
            [(
                LeverId::EafSwap,
                Schedule {
                    start: 2027,
                    full: 2029
                }
            )]
        );
        s.clear_schedule(LeverId::EafSwap);
        assert_eq!(s.schedule(LeverId::EafSwap), None);
        // One form whatever the order: a schedule that a start year makes the default is dropped.
        let mut a = Scenario::reference();
        a.set_schedule(LeverId::EafSwap, 2026, 2030);
        a.set_start_year(2026);
        let mut b = Scenario::reference();
        b.set_start_year(2026);
        b.set_schedule(LeverId::EafSwap, 2026, 2030);
        assert_eq!(a, b);
        assert_eq!(a.schedules().count(), 0);
    }

    #[test]
    fn schedules_are_clamped_switches_have_one_year_and_prices_none() {
        let mut s = Scenario::reference();
        assert_eq!(
            s.set_schedule_checked(LeverId::EafSwap, 2019, 2040),
            Some(InputIssue::ScheduleAdjusted {
                id: "eaf_swap".into(),
                given: (2019, 2040),
                used: (2021, 2035)
            })
        );
        assert_eq!(
            s.set_schedule_checked(LeverId::EafSwap, 2028, 2026)
                .map(|_| ()),
            Some(())
        );
        assert_eq!(
            s.schedule(LeverId::EafSwap),
            Some(Schedule {
                start: 2028,
                full: 2028
            })
        );
        assert_eq!(s.set_schedule_checked(LeverId::EafSwap, 2026, 2028), None);
        assert_eq!(
            s.set_schedule(LeverId::RenewableExemption, 2024, 2030),
            Some(Schedule {
                start: 2024,
                full: 2024
            }),
            "a switch acts from its start"
        );
        assert_eq!(s.set_schedule(LeverId::SteelPrice, 2024, 2030), None);
        assert!(matches!(
            s.set_schedule_checked(LeverId::SteelPrice, 2024, 2030),
            Some(InputIssue::BadSchedule { .. })
        ));
        assert_eq!(s.schedule(LeverId::SteelPrice), None);
        // A schedule never starts before the policy start year.
        s.set_start_year(2027);
        assert_eq!(
            s.effective_schedule(LeverId::EafSwap),
            Schedule {
                start: 2027,
                full: 2028
            }
        );
    }
}
