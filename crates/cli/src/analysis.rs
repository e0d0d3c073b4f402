//! Analysis commands (ensembles, target probabilities, sensitivity, goal-seek, contributions), on
//! `vtre-analysis`. `run` answers `None` for commands it does not own, so `main` falls through to the others.
//!
//! ```text
//! vtre ensemble      [--members N] [--seed S] [--preset P | --scenario F]
//!     → year,series,p5,p10,p50,p90,p95
//! vtre targets       --members N [--seed S] [--preset P | --scenario F]
//!     → the targets CSV of the scenario plus `probability` (share of members that meet each target)
//! vtre sensitivity   (--target ID | --series ID --year Y) [--top N] [--preset P | --scenario F]
//!     → rank,kind,id,low_input,high_input,base_output,low_output,high_output,swing
//! vtre goal-seek     --target ID [--lever ID] [--preset P | --scenario F]
//!     → target_id,lever,from,to,reached,status,value,margin
//! vtre goal-seek     --target ID --confidence C [--lever ID] [--members N] [--seed S] [--margin] [--preset P | --scenario F]
//!     → target_id,lever,from,to,reached,confidence,chance_from,chance,chance_of,members,seed,runs
//! vtre contributions (--series ID --year Y | --target ID) [--preset P | --scenario F] [--permutations M] [--seed S]
//!     → kind,id,from,to,contribution,alone (Shapley share and one-at-a-time effect of each change), then
//!       `interaction,<measure>,,,<total − Σ alone>,` and `total,<measure>,<reference>,<scenario>,<difference>,`
//! ```
//!
//! `targets` is an analysis only with `--members` or `--seed`; without them `main`'s `targets` answers.
//! `goal-seek` without `--lever` searches all levers (`best_reachable`) and prints one row per lever moved.

use crate::Opts;
use vtre_analysis::{
    best_reachable_with, contributions_with, ensemble, goal_seek_with, tornado, LeverSet, Measure,
    DEFAULT_MEMBERS, DEFAULT_TOP,
};
use vtre_codec::output::{fmt_num, targets_csv};
use vtre_model::series::years;
use vtre_model::targets::TargetResult;
use vtre_model::{simulate, LeverId, Scenario, SeriesId, TargetId, SERIES, TARGETS};

/// The seed when none is given.
pub(crate) const DEFAULT_SEED: u64 = 1;
/// The most members one run may ask for (each keeps every series: about 7.4 kB per member).
const MAX_MEMBERS: usize = 20_000;
const SCENARIO_FLAGS: [&str; 3] = ["--preset", "--scenario", "--baseline"];
/// Flags that take no value.
const SWITCHES: [&str; 2] = ["--markets", "--margin"];

/// Runs an analysis command, or `None` when `cmd` is not one.
pub fn run(cmd: &str, rest: &[String]) -> Option<Result<String, String>> {
    let flags: &[&str] = match cmd {
        "ensemble" => &["--members", "--seed"],
        "targets" if rest.iter().any(|a| a == "--members" || a == "--seed") => {
            &["--members", "--seed"]
        }
        "sensitivity" => &["--target", "--series", "--year", "--top"],
        "goal-seek" => &[
            "--target",
            "--lever",
            "--markets",
            "--confidence",
            "--members",
            "--seed",
            "--margin",
        ],
        "contributions" => &["--target", "--series", "--year", "--permutations", "--seed"],
        _ => return None,
    };
    Some(parse(rest, flags).and_then(|a| match cmd {
        "ensemble" => ensemble_csv(&a),
        "targets" => targets_with_probability(&a),
        "sensitivity" => sensitivity_csv(&a),
        "goal-seek" => goal_seek_csv(&a),
        _ => contributions_csv(&a),
    }))
}

/// `--flag value` pairs, each flag at most once, from the command's flags plus `--preset` / `--scenario`.
struct Args(crate::args::Parsed);

fn parse(rest: &[String], allowed: &[&str]) -> Result<Args, String> {
    let mut options: Vec<&str> = allowed
        .iter()
        .copied()
        .filter(|f| !SWITCHES.contains(f))
        .collect();
    options.extend(SCENARIO_FLAGS);
    let switches: Vec<&str> = allowed
        .iter()
        .copied()
        .filter(|f| SWITCHES.contains(f))
        .collect();
    let spec = crate::args::Spec {
        options: &options,
        switches: &switches,
        positionals: false,
        repeat: false,
    };
    crate::args::parse(rest, &spec)
        .map(Args)
        .map_err(|e| match e {
            crate::args::ArgError::Unknown(name) => {
                let mut known: Vec<&str> = allowed.to_vec();
                known.extend(SCENARIO_FLAGS);
                format!(
                    "unknown argument '{name}' (known here: {})",
                    known.join(", ")
                )
            }
            crate::args::ArgError::NeedsValue(name) => format!("{name} needs a value"),
            crate::args::ArgError::Twice(name) => format!("{name} given twice"),
        })
}

impl Args {
    fn get(&self, name: &str) -> Option<&str> {
        self.0.get(name)
    }

    /// Whether a switch (a flag without a value) was given.
    fn flag(&self, name: &str) -> bool {
        self.0.has(name)
    }

    fn number<T: std::str::FromStr>(&self, name: &str, default: T) -> Result<T, String> {
        match self.get(name) {
            None => Ok(default),
            Some(v) => v
                .parse()
                .map_err(|_| format!("{name} must be a whole number, not '{v}'")),
        }
    }

    fn scenario(&self) -> Result<Scenario, String> {
        let o = Opts {
            preset: self.get("--preset").map(String::from),
            scenario: self.get("--scenario").map(String::from),
            baseline: self.get("--baseline").map(String::from),
            format: "csv".into(),
        };
        if o.preset.is_some() && o.scenario.is_some() {
            return Err("give --preset or --scenario, not both".into());
        }
        crate::scenario(&o)
    }

    fn members(&self) -> Result<usize, String> {
        self.members_or(DEFAULT_MEMBERS)
    }

    fn members_or(&self, default: usize) -> Result<usize, String> {
        let n = self.number("--members", default)?;
        if (1..=MAX_MEMBERS).contains(&n) {
            Ok(n)
        } else {
            Err(format!("--members must be 1 to {MAX_MEMBERS}, not {n}"))
        }
    }

    fn target(&self) -> Result<TargetId, String> {
        let key = self.get("--target").ok_or("--target ID is needed")?;
        TargetId::from_key(key).ok_or_else(|| {
            let known: Vec<&str> = TARGETS.iter().map(|t| t.key).collect();
            format!("unknown target '{key}' (known: {})", known.join(", "))
        })
    }

    /// `--target ID`, or `--series ID --year Y`.
    fn measure(&self) -> Result<Measure, String> {
        match (self.get("--target"), self.get("--series")) {
            (Some(_), Some(_)) => Err("give --target or --series, not both".into()),
            (None, None) => Err("give --target ID, or --series ID --year Y".into()),
            (Some(_), None) => {
                if self.get("--year").is_some() {
                    return Err("--year goes with --series (a target has its own year)".into());
                }
                self.target().map(Measure::Target)
            }
            (None, Some(key)) => {
                let id = SeriesId::from_key(key).ok_or_else(|| {
                    format!("unknown series '{key}' (see the series column of `vtre project`)")
                })?;
                let year: u16 = self
                    .get("--year")
                    .ok_or("--series needs --year Y")?
                    .parse()
                    .map_err(|_| "--year must be a year".to_string())?;
                if years().any(|y| y == year) {
                    Ok(Measure::Series(id, year))
                } else {
                    Err(format!("--year must be 2020 to 2035, not {year}"))
                }
            }
        }
    }
}

/// `vtre ensemble`: quantiles of every series in every year.
fn ensemble_csv(a: &Args) -> Result<String, String> {
    let s = ensemble(
        &a.scenario()?,
        a.members()?,
        a.number("--seed", DEFAULT_SEED)?,
    );
    let mut out = String::from("year,series,p5,p10,p50,p90,p95\n");
    for y in years() {
        for spec in SERIES {
            let Some(q) = s.at(spec.id, y) else { continue };
            let cols: Vec<String> = q.to_array().iter().map(|v| fmt_num(*v)).collect();
            out.push_str(&format!("{y},{},{}\n", spec.key, cols.join(",")));
        }
    }
    Ok(out)
}

/// `vtre targets --members N`: the scenario's targets CSV plus, per target, the probability of meeting its
/// threshold at all (`probability`) and of meeting it with its margin band (`probability_margin`).
fn targets_with_probability(a: &Args) -> Result<String, String> {
    let scenario = a.scenario()?;
    let odds = ensemble(&scenario, a.members()?, a.number("--seed", DEFAULT_SEED)?);
    let csv = targets_csv(&simulate(&scenario));
    let mut out = String::new();
    for (i, line) in csv.lines().enumerate() {
        let extra = if i == 0 {
            "probability,probability_margin".to_string()
        } else {
            let key = line.split(',').next().unwrap_or_default();
            let t = TargetId::from_key(key).and_then(|id| odds.target(id));
            let cell = |p: Option<f64>| p.map(fmt_num).unwrap_or_default();
            format!(
                "{},{}",
                cell(t.and_then(|t| t.probability())),
                cell(t.and_then(|t| t.probability_margin()))
            )
        };
        out.push_str(&format!("{line},{extra}\n"));
    }
    Ok(out)
}

/// `vtre sensitivity`: the tornado of one target or series.
fn sensitivity_csv(a: &Args) -> Result<String, String> {
    let measure = a.measure()?;
    let t = tornado(&a.scenario()?, measure, a.number("--top", DEFAULT_TOP)?);
    let mut out = String::from(
        "rank,kind,id,low_input,high_input,base_output,low_output,high_output,swing\n",
    );
    for (i, b) in t.bars.iter().enumerate() {
        out.push_str(&format!(
            "{},{},{},{},{},{},{},{},{}\n",
            i + 1,
            b.input.kind(),
            b.input.key(),
            fmt_num(b.low_input),
            fmt_num(b.high_input),
            fmt_num(t.base),
            fmt_num(b.low_output),
            fmt_num(b.high_output),
            fmt_num(b.swing())
        ));
    }
    Ok(out)
}

fn seek_row(target: TargetId, lever: Option<(LeverId, f64, f64)>, r: &TargetResult) -> String {
    let (key, from, to) = lever.map_or(
        (String::new(), String::new(), String::new()),
        |(l, f, t)| (l.key().to_string(), fmt_num(f), fmt_num(t)),
    );
    format!(
        "{},{key},{from},{to},{},{},{},{}\n",
        target.key(),
        r.status == vtre_model::Status::Met,
        r.status.key(),
        fmt_num(r.value),
        fmt_num(r.margin)
    )
}

/// `vtre goal-seek`: one lever (`--lever`), or all policy levers (one row per lever moved; an empty lever
/// when none had to move or none helped). Market prices and the premium move only with `--markets`
/// ("if markets…").
fn goal_seek_csv(a: &Args) -> Result<String, String> {
    if a.get("--confidence").is_some() {
        return confident_seek_csv(a);
    }
    for flag in ["--members", "--seed", "--margin"] {
        if a.get(flag).is_some() {
            return Err(format!(
                "{flag} goes with --confidence C (a goal-seek over an ensemble)"
            ));
        }
    }
    let target = a.target()?;
    let s = a.scenario()?;
    let set = if a.flag("--markets") {
        LeverSet::WithMarkets
    } else {
        LeverSet::Policy
    };
    let mut out = String::from("target_id,lever,from,to,reached,status,value,margin\n");
    if let Some(key) = a.get("--lever") {
        let lever = LeverId::from_key(key)
            .ok_or_else(|| format!("unknown lever '{key}' (see `vtre levers`)"))?;
        let r = goal_seek_with(&s, target, lever, set).map_err(|e| e.to_string())?;
        out.push_str(&seek_row(target, Some((lever, r.from, r.value)), &r.result));
    } else {
        let r = best_reachable_with(&s, target, set).map_err(|e| e.to_string())?;
        if r.changes.is_empty() {
            out.push_str(&seek_row(target, None, &r.result));
        }
        for &c in &r.changes {
            out.push_str(&seek_row(target, Some(c), &r.result));
        }
    }
    Ok(out)
}

/// `vtre contributions`: the scenario's change from the reference split among its changes.
fn contributions_csv(a: &Args) -> Result<String, String> {
    let measure = a.measure()?;
    let permutations = a.number(
        "--permutations",
        vtre_analysis::shapley::DEFAULT_PERMUTATIONS,
    )?;
    if permutations == 0 {
        return Err("--permutations must be at least 1".into());
    }
    let c = contributions_with(
        &a.scenario()?,
        measure,
        vtre_analysis::shapley::MAX_EXACT,
        permutations,
        a.number("--seed", DEFAULT_SEED)?,
    );
    let mut out = String::from("kind,id,from,to,contribution,alone\n");
    for p in &c.parts {
        out.push_str(&format!(
            "{},{},{},{},{},{}\n",
            p.input.kind(),
            p.input.key(),
            fmt_num(p.from),
            fmt_num(p.to),
            fmt_num(p.contribution),
            fmt_num(p.alone)
        ));
    }
    // The changes acting together: the total less the sum of the one-at-a-time effects (its Shapley
    // shares are already in the parts' contributions, so it is not added to their sum).
    out.push_str(&format!(
        "interaction,{},,,{},\n",
        measure.key(),
        fmt_num(c.interaction())
    ));
    out.push_str(&format!(
        "total,{},{},{},{},\n",
        measure.key(),
        fmt_num(c.reference),
        fmt_num(c.scenario),
        fmt_num(c.total())
    ));
    Ok(out)
}

/// `vtre goal-seek --confidence C`: the smallest move of a policy lever (`--lever`, or each policy lever the
/// target names, the answer first) that meets the target with a chance of at least C over an ensemble of
/// `--members` (default 500) drawn from `--seed` (default 1); `--margin` asks the chance of meeting it with
/// its band. When no value reaches C, `reached` is false and `chance` is the best found.
fn confident_seek_csv(a: &Args) -> Result<String, String> {
    use vtre_analysis::confidence::{self, Chance};
    let target = a.target()?;
    let text = a.get("--confidence").unwrap_or_default();
    let c: f64 = text
        .parse()
        .ok()
        .filter(|c: &f64| (0.0..=1.0).contains(c) && *c > 0.0)
        .ok_or_else(|| {
            format!(
                "--confidence must be a chance above 0 and at most 1 (0.8 for 80 %), not '{text}'"
            )
        })?;
    if a.flag("--markets") {
        return Err(
            "--confidence searches policy levers only: market prices are not a policy answer"
                .into(),
        );
    }
    let members = a.members_or(confidence::DEFAULT_MEMBERS)?;
    let seed = a.number("--seed", DEFAULT_SEED)?;
    let chance = Chance::of_margin(a.flag("--margin"));
    let s = a.scenario()?;
    let answers = match a.get("--lever") {
        Some(key) => {
            let lever = LeverId::from_key(key)
                .ok_or_else(|| format!("unknown lever '{key}' (see `vtre levers`)"))?;
            vec![
                confidence::confident_seek(&s, target, lever, c, chance, members, seed)
                    .map_err(|e| e.to_string())?,
            ]
        }
        None => confidence::confident_seek_levers(&s, target, c, chance, members, seed)
            .map_err(|e| e.to_string())?,
    };
    let mut out = String::from(
        "target_id,lever,from,to,reached,confidence,chance_from,chance,chance_of,members,seed,runs\n",
    );
    for r in answers {
        out.push_str(&format!(
            "{},{},{},{},{},{},{},{},{},{},{},{}\n",
            target.key(),
            r.lever.key(),
            fmt_num(r.from),
            fmt_num(r.value),
            r.reached,
            fmt_num(r.confidence),
            fmt_num(r.chance_from),
            fmt_num(r.chance),
            r.chance_of.key(),
            r.members,
            r.seed,
            r.runs
        ));
    }
    Ok(out)
}
