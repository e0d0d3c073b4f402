//! `vtre diff OLD.csv NEW.csv`: which series moved between two `vtre project` outputs, and by how much.
//!
//! Every model change is reviewed as numbers: `scripts/model-diff.sh [REV]` writes the reference projection of
//! a previous commit and of the working tree and runs this. One line per moved series, largest relative move
//! first: the year it moved most, the old and new values there, and the change.

use std::collections::BTreeMap;

type Table = BTreeMap<(String, u16), (f64, String)>;

fn read(path: &str) -> Result<Table, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    parse(&text).map_err(|e| format!("{path}: {e}"))
}

/// Parses `year,series,value,unit` (the `vtre project` CSV, read with the `csv` crate: quoted fields as
/// `csv_field` writes them).
fn parse(text: &str) -> Result<Table, String> {
    let mut t = Table::new();
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    for record in reader.records() {
        let record = record.map_err(|e| e.to_string())?;
        let n = record.position().map_or(0, |p| p.line());
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let [year, series, value, unit] = [0, 1, 2, 3].map(|i| record.get(i));
        let (Some(year), Some(series), Some(value), Some(unit), 4) =
            (year, series, value, unit, record.len())
        else {
            return Err(format!("line {n}: expected year,series,value,unit"));
        };
        let year: u16 = year
            .parse()
            .map_err(|_| format!("line {n}: bad year '{year}'"))?;
        let value: f64 = value
            .parse()
            .map_err(|_| format!("line {n}: bad value '{value}'"))?;
        t.insert((series.to_string(), year), (value, unit.to_string()));
    }
    Ok(t)
}

/// One moved series: where it moved most (by relative change).
#[derive(Debug, PartialEq)]
struct Moved {
    series: String,
    year: u16,
    old: f64,
    new: f64,
    unit: String,
}

impl Moved {
    fn rel(&self) -> f64 {
        let d = self.new - self.old;
        if self.old.abs() > 1e-12 {
            d / self.old.abs()
        } else if d.abs() > 1e-12 {
            f64::INFINITY.copysign(d)
        } else {
            0.0
        }
    }
}

fn compare(old: &Table, new: &Table, tol: f64) -> (Vec<Moved>, Vec<String>) {
    let mut by_series: BTreeMap<&str, Moved> = BTreeMap::new();
    let mut only = Vec::new();
    for ((series, year), (nv, unit)) in new {
        let Some((ov, _)) = old.get(&(series.clone(), *year)) else {
            only.push(format!("new series/year: {series} {year}"));
            continue;
        };
        let m = Moved {
            series: series.clone(),
            year: *year,
            old: *ov,
            new: *nv,
            unit: unit.clone(),
        };
        let moved = (nv - ov).abs() > tol * ov.abs().max(1.0);
        if !moved {
            continue;
        }
        let better = by_series
            .get(series.as_str())
            .is_none_or(|b| m.rel().abs() > b.rel().abs());
        if better {
            by_series.insert(series.as_str(), m);
        }
    }
    for (series, year) in old.keys() {
        if !new.contains_key(&(series.clone(), *year)) {
            only.push(format!("gone: {series} {year}"));
        }
    }
    let mut v: Vec<Moved> = by_series.into_values().collect();
    v.sort_by(|a, b| b.rel().abs().total_cmp(&a.rel().abs()));
    (v, only)
}

fn report(moved: &[Moved], only: &[String], total: usize) -> String {
    let mut out = format!(
        "{} of {} series moved (largest relative move per series)\n",
        moved.len(),
        total
    );
    for m in moved {
        out.push_str(&format!(
            "{:<32} {}  {:>14.4} -> {:>14.4} {:<10} {:+.2}%\n",
            m.series,
            m.year,
            m.old,
            m.new,
            m.unit,
            100.0 * m.rel()
        ));
    }
    for o in only {
        out.push_str(o);
        out.push('\n');
    }
    out
}

/// `vtre diff OLD.csv NEW.csv [--tolerance REL]`.
pub fn run(rest: &[String]) -> Result<String, String> {
    const USAGE_DIFF: &str = "usage: vtre diff OLD.csv NEW.csv [--tolerance REL]";
    let spec = crate::args::Spec {
        options: &["--tolerance"],
        switches: &[],
        positionals: true,
        repeat: false,
    };
    let p = crate::args::parse(rest, &spec).map_err(|_| USAGE_DIFF.to_string())?;
    let [old, new] = p.positionals.as_slice() else {
        return Err(USAGE_DIFF.into());
    };
    let tol = match p.get("--tolerance") {
        None => 1e-9,
        Some(t) => t
            .parse::<f64>()
            .map_err(|_| format!("--tolerance needs a number, not '{t}'"))?,
    };
    let (o, n) = (read(old)?, read(new)?);
    let total = n
        .keys()
        .map(|(s, _)| s.as_str())
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    let (moved, only) = compare(&o, &n, tol);
    Ok(report(&moved, &only, total))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    const OLD: &str = "year,series,value,unit\n2020,a,10,t\n2021,a,10,t\n2020,b,5,t\n2021,b,5,t\n";

    #[test]
    fn a_series_that_moved_is_reported_at_its_largest_relative_move_and_an_unmoved_one_is_not() {
        let new = "year,series,value,unit\n2020,a,11,t\n2021,a,15,t\n2020,b,5,t\n2021,b,5,t\n";
        let (m, only) = compare(&parse(OLD).unwrap(), &parse(new).unwrap(), 1e-9);
        assert!(only.is_empty());
        assert_eq!(
            m,
            vec![Moved {
                series: "a".into(),
                year: 2021,
                old: 10.0,
                new: 15.0,
                unit: "t".into()
            }]
        );
        let text = report(&m, &only, 2);
        assert!(text.starts_with("1 of 2 series moved"), "{text}");
        assert!(text.contains("+50.00%"), "{text}");
    }

    #[test]
    fn series_are_sorted_by_relative_move_and_added_or_removed_rows_are_named() {
        let new = "year,series,value,unit\n2020,a,11,t\n2021,a,10,t\n2020,b,2.5,t\n2022,c,1,t\n";
        let (m, only) = compare(&parse(OLD).unwrap(), &parse(new).unwrap(), 1e-9);
        let names: Vec<&str> = m.iter().map(|x| x.series.as_str()).collect();
        assert_eq!(names, ["b", "a"]);
        assert!(only.contains(&"new series/year: c 2022".to_string()));
        assert!(only.contains(&"gone: b 2021".to_string()));
    }

    #[test]
    fn a_malformed_line_is_an_error_with_its_line_number() {
        let e = parse("year,series,value,unit\n2020,a,x,t\n").unwrap_err();
        assert!(e.contains("line 2"), "{e}");
    }
}
