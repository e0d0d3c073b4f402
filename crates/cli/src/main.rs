//! `vtre`: the model on the command line, for analysts.
//!
//! ```text
//! vtre project [--preset NAME | --scenario FILE.json] [--baseline NAME] [--format csv|json]
//! vtre targets [--preset NAME | --scenario FILE.json] [--baseline NAME]
//! vtre baselines
//! vtre levers  [--format csv|json]
//! vtre presets
//! vtre ensemble      [--members N] [--seed S] [--preset NAME | --scenario FILE.json]
//! vtre targets       --members N [--seed S] [--preset NAME | --scenario FILE.json]
//! vtre sensitivity   (--target ID | --series ID --year Y) [--top N] [--preset NAME | --scenario FILE.json]
//! vtre goal-seek     --target ID [--lever ID] [--preset NAME | --scenario FILE.json]
//! vtre goal-seek     --target ID --confidence C [--lever ID] [--members N] [--seed S] [--margin] [...]
//! vtre contributions (--series ID --year Y | --target ID) [--preset NAME | --scenario FILE.json]
//!                    [--permutations M] [--seed S]
//! ```
//!
//! The analysis commands (`analysis.rs`, on `vtre-analysis`): `ensemble` runs N members (default 1000) with
//! the ESTIMATE parameters drawn by Latin hypercube from seed S (default 1) and prints p5/p10/p50/p90/p95 of
//! every series and year; `targets --members N` adds each target's probability of being met; `sensitivity`
//! swings every lever and uncertain parameter one at a time (top 10 by swing); `goal-seek` finds the value of
//! one lever that just meets a target, or without `--lever` a setting of all levers that does (a heuristic
//! search); `contributions` splits the scenario's change from the reference among its changes (Shapley
//! values: exact up to 12 changes, else M sampled orders, default 200).
//!
//! `--baseline low|central|high` runs any scenario in a market baseline (every command that reads a
//! scenario; `vtre baselines` lists them with their sources).
//!
//! A scenario file is JSON of lever id → value (see `vtre levers`). Unknown ids, wrong types and out-of-range
//! values are reported on stderr and the exit code is 2: the CLI never clamps silently.

use std::process::ExitCode;
use vtre_codec::output;
use vtre_codec::scenario_json;
use vtre_model::{presets, simulate, BaselineId, Lang, Scenario, BASELINES};

mod analysis;
mod args;
mod diff;
mod history;
mod json_out;

const USAGE: &str = "usage:
  vtre project [--preset NAME | --scenario FILE.json] [--baseline NAME] [--format csv|json]
  vtre targets [--preset NAME | --scenario FILE.json] [--baseline NAME]
  vtre baselines   (the market baselines: price and steel-demand multipliers from 2025, with sources)
  vtre levers  [--format csv|json]
  vtre presets
  vtre ensemble [--members N] [--seed S] [--preset NAME | --scenario FILE.json] [--baseline NAME]
      (quantiles p5..p95 of every series under parameter uncertainty; N default 1000, S default 1)
  vtre targets --members N [--seed S] [--preset NAME | --scenario FILE.json]
      (the targets with the probability of meeting each threshold at all, and with its margin)
  vtre sensitivity (--target ID | --series ID --year Y) [--top N] [--preset NAME | --scenario FILE.json]
      (tornado: each lever and uncertain parameter swung across its range, largest swings first)
  vtre goal-seek --target ID [--lever ID] [--markets] [--preset NAME | --scenario FILE.json]
      (the lever value that just meets the target; without --lever, a setting of the policy levers that
      does; --markets: 'if markets...', market prices and the premium may move too)
  vtre goal-seek --target ID --confidence C [--lever ID] [--members N] [--seed S] [--margin]
      [--preset NAME | --scenario FILE.json]
      (the smallest move of a policy lever that meets the target with a chance of at least C over N
       members from seed S, default 500 and 1; without --lever each policy lever the target names, the
       answer first; reached=false gives the best chance found; --margin: met with its band)
  vtre contributions (--series ID --year Y | --target ID) [--preset NAME | --scenario FILE.json]
      [--permutations M] [--seed S]   (each change's share of the difference from the reference)
  vtre pages --out DIR     (writes the app's pre-rendered reading pages)
  vtre spread [--preset NAME | --scenario FILE.json] [--digits N]
      (the analysis worker's answer for the scenario: the quantiles the app shows and every target's odds,
       1,000 members from seed 1, as the app's worker message; --digits rounds the quantiles to N
       significant digits; `vtre first-view` writes the reference's as the build ships it)
  vtre diff OLD.csv NEW.csv [--tolerance REL]   (which series moved between two `vtre project` outputs)";

pub(crate) struct Opts {
    pub(crate) preset: Option<String>,
    pub(crate) scenario: Option<String>,
    /// A market baseline to run the scenario in (`--baseline low`).
    pub(crate) baseline: Option<String>,
    pub(crate) format: String,
}

fn parse(args: &[String]) -> Result<Opts, String> {
    let spec = args::Spec {
        options: &["--preset", "--scenario", "--format", "--baseline"],
        switches: &[],
        positionals: false,
        repeat: true,
    };
    let p = args::parse(args, &spec).map_err(|e| match e {
        args::ArgError::NeedsValue(name) => format!("{name} needs a value"),
        args::ArgError::Unknown(a) | args::ArgError::Twice(a) => {
            format!("unknown argument '{a}'")
        }
    })?;
    let o = Opts {
        preset: p.get("--preset").map(String::from),
        scenario: p.get("--scenario").map(String::from),
        baseline: p.get("--baseline").map(String::from),
        format: p.get("--format").unwrap_or("csv").to_string(),
    };
    if o.preset.is_some() && o.scenario.is_some() {
        return Err("give --preset or --scenario, not both".into());
    }
    if o.format != "csv" && o.format != "json" {
        return Err(format!("--format must be csv or json, not '{}'", o.format));
    }
    Ok(o)
}

/// The scenario the options name, in the market baseline `--baseline` names (if any). A scenario file that
/// names another baseline than `--baseline` is an error: the baseline is said once.
pub(crate) fn scenario(o: &Opts) -> Result<Scenario, String> {
    let mut s = scenario_only(o)?;
    if let Some(name) = &o.baseline {
        let b = BaselineId::from_key(name).ok_or_else(|| {
            let known: Vec<&str> = BASELINES.iter().map(|b| b.key).collect();
            format!("unknown baseline '{name}' (known: {})", known.join(", "))
        })?;
        if s.baseline() != BaselineId::CENTRAL && s.baseline() != b {
            return Err(format!(
                "the scenario names the baseline '{}' and --baseline says '{name}': give it once",
                s.baseline().key()
            ));
        }
        s.set_baseline(b);
    }
    Ok(s)
}

fn scenario_only(o: &Opts) -> Result<Scenario, String> {
    if let Some(name) = &o.preset {
        return presets::preset(name).ok_or_else(|| {
            let names: Vec<&str> = presets::PRESETS.iter().map(|p| p.key).collect();
            format!("unknown preset '{name}' (known: {})", names.join(", "))
        });
    }
    let Some(path) = &o.scenario else {
        return Ok(Scenario::reference());
    };
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let (s, issues) = scenario_json::from_json(&text);
    if issues.is_empty() {
        note_other_version(path, &text, &s);
        Ok(s)
    } else {
        let lines: Vec<String> = issues.iter().map(|i| format!("  {path}: {i}")).collect();
        Err(format!(
            "the scenario has {} problem(s):\n{}",
            issues.len(),
            lines.join("\n")
        ))
    }
}

/// A scenario file made with another version of the model (issue 25, item 6): says so on stderr, with each
/// headline figure then and now (`figure,then,now,change`); the run goes on with this model.
fn note_other_version(path: &str, text: &str, s: &Scenario) {
    let Ok(v) = vtre_codec::json::parse(text) else {
        return;
    };
    let (stamp, issues) = vtre_codec::stamp::from_json_value(&v);
    for i in issues {
        eprintln!(
            "note: {path}: '{}' ({}) is not a model version or figure; ignored",
            i.key, i.found
        );
    }
    let Some(d) = stamp.and_then(|st| vtre_codec::stamp::diff(&st, &vtre_model::simulate(s)))
    else {
        return;
    };
    eprintln!(
        "note: {path} was made with model version {}; this is {}. Its headline figures then and now:",
        d.made_with, d.this
    );
    eprintln!("  figure,then,now,change");
    let num = |x: Option<f64>| x.map(vtre_codec::json::number).unwrap_or_default();
    for r in &d.rows {
        eprintln!(
            "  {},{},{},{}",
            r.figure.key(),
            num(r.then),
            num(Some(r.now)),
            num(r.change())
        );
    }
}

/// `vtre pages --out DIR`: writes the pre-rendered reading pages (used by the web build).
fn write_pages(rest: &[String]) -> Result<String, String> {
    const USAGE_PAGES: &str = "usage: vtre pages --out DIR";
    let spec = args::Spec {
        options: &["--out"],
        switches: &[],
        positionals: false,
        repeat: false,
    };
    let p = args::parse(rest, &spec).map_err(|_| USAGE_PAGES.to_string())?;
    let dir = std::path::PathBuf::from(p.get("--out").ok_or(USAGE_PAGES)?);
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let pages = vtre_site::all_pages()?;
    for (name, html) in &pages {
        std::fs::write(dir.join(name), html).map_err(|e| format!("cannot write {name}: {e}"))?;
    }
    Ok(format!(
        "wrote {} pages to {}\n",
        pages.len(),
        dir.display()
    ))
}

/// A finished ensemble's spread (the series the app's bands and headline ranges show, every target's odds) as
/// analysis worker sends it: `data/ensemble-reference.txt` of the build is this for the reference.
/// With `digits`, each quantile is rounded to that many significant digits (the build ships
/// `vtre_site::first_view::SPREAD_DIGITS`); the odds are member counts and stay exact.
fn spread_message(e: &vtre_analysis::Ensemble, digits: Option<usize>) -> String {
    use vtre_codec::worker::{Answer, FromWorker};
    let mut answer = Answer::of_ensemble(e, &vtre_charts::spread_series());
    if let (Some(d), Answer::Ensemble { series, .. }) = (digits, &mut answer) {
        for q in series.iter_mut().flat_map(|(_, years)| years.iter_mut()) {
            *q = q.rounded(d);
        }
    }
    FromWorker::Done { run: 0, answer }.to_text()
}

/// `vtre spread [--digits N] …`: the spread of the scenario the other options name.
fn spread(rest: &[String]) -> Result<String, String> {
    let mut others = Vec::new();
    let mut digits = None;
    let mut it = rest.iter();
    while let Some(a) = it.next() {
        if a == "--digits" {
            let n = it.next().ok_or("--digits needs a value")?;
            let n: usize = n
                .parse()
                .ok()
                .filter(|n| (1..=17).contains(n))
                .ok_or_else(|| format!("--digits must be 1 to 17, not '{n}'"))?;
            if digits.replace(n).is_some() {
                return Err("unknown argument '--digits'".into());
            }
        } else {
            others.push(a.clone());
        }
    }
    let mut e = vtre_analysis::Ensemble::new(
        &scenario(&parse(&others)?)?,
        vtre_analysis::DEFAULT_MEMBERS,
        analysis::DEFAULT_SEED,
    );
    e.run();
    Ok(format!("{}\n", spread_message(&e, digits)))
}

/// `vtre first-view --index FILE`: puts the reference scenario's explorer view into the built `index.html`
/// (in place of its loading indicator) and writes the reference's spread beside it as
/// `data/ensemble-reference.txt` (used by the web build's post-build hook).
fn write_first_view(rest: &[String]) -> Result<String, String> {
    let index = match rest {
        [flag, file] if flag == "--index" => std::path::PathBuf::from(file),
        _ => return Err("usage: vtre first-view --index FILE".into()),
    };
    let html = std::fs::read_to_string(&index)
        .map_err(|e| format!("cannot read {}: {e}", index.display()))?;
    // One run of the reference ensemble for both the view and the spread file beside it.
    let ensemble = vtre_site::first_view::reference_ensemble();
    let spread = vtre_site::first_view::Spread::of(&ensemble);
    let view = vtre_site::first_view::first_view(&spread, Lang::Zh);
    let out = vtre_site::first_view::into_index(&html, &view).ok_or_else(|| {
        format!(
            "{}: no loading indicator to replace (looked for `{}`)",
            index.display(),
            vtre_site::first_view::SLOT_START
        )
    })?;
    std::fs::write(&index, out).map_err(|e| format!("cannot write {}: {e}", index.display()))?;
    // The spread the app reads at start: the same rounded quantiles the view above shows.
    let data = index
        .parent()
        .unwrap_or(std::path::Path::new("."))
        .join("data");
    std::fs::create_dir_all(&data).map_err(|e| format!("cannot create {}: {e}", data.display()))?;
    let file = data.join("ensemble-reference.txt");
    let text = spread_message(&ensemble, Some(vtre_site::first_view::SPREAD_DIGITS));
    std::fs::write(&file, format!("{text}\n"))
        .map_err(|e| format!("cannot write {}: {e}", file.display()))?;
    Ok(format!(
        "wrote the first view into {} and its spread into {}\n",
        index.display(),
        file.display()
    ))
}

fn run(args: &[String]) -> Result<String, String> {
    let (cmd, rest) = args.split_first().ok_or_else(|| USAGE.to_string())?;
    if cmd == "pages" {
        return write_pages(rest);
    }
    if cmd == "first-view" {
        return write_first_view(rest);
    }
    if cmd == "diff" {
        return diff::run(rest);
    }
    if let Some(r) = analysis::run(cmd, rest) {
        return r;
    }
    if cmd == "spread" {
        return spread(rest);
    }
    let o = parse(rest)?;
    match cmd.as_str() {
        "project" => {
            let p = simulate(&scenario(&o)?);
            Ok(if o.format == "json" {
                format!(
                    "{}\n",
                    serde_json::to_string_pretty(&json_out::projection_json(&p))
                        .map_err(|e| e.to_string())?
                )
            } else {
                output::projection_csv(&p)
            })
        }
        "targets" => Ok(output::targets_csv(&simulate(&scenario(&o)?))),
        "levers" => Ok(if o.format == "json" {
            format!(
                "{}\n",
                scenario_json::to_full_json_value(&Scenario::reference()).to_pretty()
            )
        } else {
            let notes = vtre_site::notes::notes()?;
            output::levers_csv(|id| notes.lever(id).source.as_str())
        }),
        "params" => Ok(output::params_csv(false)),
        "baselines" => Ok(vtre_model::baselines::BASELINES_CSV.to_string()),
        "actuals" => history::actuals_csv(),
        "validate" => Ok(history::validate_csv(&scenario(&o)?)),
        "related" => history::related_csv(&scenario(&o)?),
        "params-all" => Ok(output::params_csv(true)),
        "presets" => Ok(presets::PRESETS
            .iter()
            .map(|p| format!("{}\t{}\n", p.key, p.label.get(Lang::En)))
            .collect()),
        "-h" | "--help" | "help" => Ok(format!("{USAGE}\n")),
        other => Err(format!("unknown command '{other}'\n{USAGE}")),
    }
}

fn main() -> ExitCode {
    // Arguments that are not valid UTF-8 are an error, not a panic (`std::env::args` would panic).
    let args: Result<Vec<String>, String> = std::env::args_os()
        .skip(1)
        .enumerate()
        .map(|(i, a)| {
            a.into_string()
                .map_err(|_| format!("argument {} is not valid UTF-8", i + 1))
        })
        .collect();
    match args.and_then(|a| run(&a)) {
        Ok(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("vtre: {e}");
            ExitCode::from(2)
        }
    }
}
