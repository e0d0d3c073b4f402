//! Reading the data tables and writing generated Rust: one row type with checked accessors.

use std::collections::{HashMap, HashSet};
use std::path::Path;

/// Parameter CSV key → (ParamId variant, value).
pub type ParamValues = HashMap<String, (String, f64)>;

pub fn env(name: &str) -> Result<String, String> {
    std::env::var(name).map_err(|e| format!("{name}: {e}"))
}

pub fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// One data row: the file, its line number (1-based) and its fields by column name.
pub struct Row<'a> {
    pub file: &'static str,
    pub line: usize,
    pub columns: &'a [&'static str],
    pub fields: Vec<String>,
}

impl Row<'_> {
    pub fn get(&self, column: &str) -> &str {
        self.columns
            .iter()
            .position(|c| *c == column)
            .and_then(|i| self.fields.get(i))
            .map_or("", String::as_str)
    }
    pub fn at(&self) -> String {
        format!("{}:{}", self.file, self.line)
    }
    /// A field that must not be empty.
    pub fn text(&self, column: &str) -> Result<&str, String> {
        let v = self.get(column);
        if v.trim().is_empty() || v.trim() != v {
            return Err(format!(
                "{}: `{column}` is empty or has surrounding spaces ({v:?})",
                self.at()
            ));
        }
        Ok(v)
    }
    /// A finite number.
    pub fn num(&self, column: &str) -> Result<f64, String> {
        let v = self.get(column);
        match v.trim().parse::<f64>() {
            Ok(x) if x.is_finite() => Ok(x),
            _ => Err(format!(
                "{}: `{column}` is not a finite number ({v:?})",
                self.at()
            )),
        }
    }
    /// A year in `years`; `what` names the row in the message (`lever eaf_swap`).
    pub fn year_in(
        &self,
        column: &str,
        years: std::ops::RangeInclusive<u16>,
        what: &str,
    ) -> Result<u16, String> {
        let v = self.get(column);
        match v.parse::<u16>() {
            Ok(y) if years.contains(&y) => Ok(y),
            _ => Err(format!(
                "{}: {what}: `{column}` must be a year in {}–{}, not {v:?}",
                self.at(),
                years.start(),
                years.end()
            )),
        }
    }
    /// The guideline section the row cites: a section id like `ch3-s5`.
    pub fn section(&self, what: &str) -> Result<&str, String> {
        let section = self.text("section")?;
        if !section.starts_with("ch") {
            return Err(format!(
                "{}: {what}: section {section:?} must be a section id like `ch3-s5`",
                self.at()
            ));
        }
        Ok(section)
    }
    /// A figure that reads a parameter (`value = parameter × factor`, so overriding the parameter moves it):
    /// the Rust literal `Some((ParamId::X, factor))` from the columns `param` and `factor`, or `None` when
    /// `param` is empty. The row's own `value` must equal the parameter's CSV figure × factor.
    pub fn param_scaled(
        &self,
        (param, factor): (&str, &str),
        value: f64,
        params: &ParamValues,
        what: &str,
    ) -> Result<String, String> {
        let k = self.get(param);
        if k.is_empty() {
            return Ok("None".to_string());
        }
        let (pid, figure) = params
            .get(k)
            .ok_or_else(|| format!("{}: {what}: `{param}` {k:?} is not a parameter", self.at()))?;
        let f = self.num(factor)?;
        if (figure * f - value).abs() > 1e-9 * value.abs().max(1.0) {
            return Err(format!(
                "{}: {what}: {value} differs from {k} × {f} = {}",
                self.at(),
                figure * f
            ));
        }
        Ok(format!("Some((ParamId::{pid}, {}))", lit(f)))
    }
    /// The Rust name a column's word stands for, from `table` (word, name): `what` names the row in the
    /// message, which lists the known words.
    pub fn one_of(
        &self,
        column: &str,
        table: &[(&str, &'static str)],
        what: &str,
    ) -> Result<&'static str, String> {
        let v = self.get(column);
        table
            .iter()
            .find(|(k, _)| *k == v)
            .map(|(_, n)| *n)
            .ok_or_else(|| {
                let known: Vec<&str> = table.iter().map(|(k, _)| *k).collect();
                format!(
                    "{}: {what}: unknown {column} {v:?} (known: {})",
                    self.at(),
                    known.join(", ")
                )
            })
    }
    /// A Rust identifier in CamelCase, used as an enum variant.
    pub fn ident(&self, column: &str) -> Result<&str, String> {
        let v = self.text(column)?;
        let ok = v.starts_with(|c: char| c.is_ascii_uppercase())
            && v.chars().all(|c| c.is_ascii_alphanumeric());
        if ok {
            Ok(v)
        } else {
            Err(format!(
                "{}: `{column}` must be a CamelCase identifier, not {v:?}",
                self.at()
            ))
        }
    }
    /// A stable text key: lowercase ASCII letters, digits and `_`.
    pub fn key(&self, column: &str) -> Result<&str, String> {
        let v = self.text(column)?;
        if v.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        {
            Ok(v)
        } else {
            Err(format!(
                "{}: `{column}` must be lowercase snake_case, not {v:?}",
                self.at()
            ))
        }
    }
}

/// Reads a CSV file (RFC 4180, with the `csv` crate) whose header must be exactly `columns`; every row must
/// have as many fields. Blank lines are skipped.
pub fn read_table<'a>(
    dir: &Path,
    file: &'static str,
    columns: &'a [&'static str],
) -> Result<Vec<Row<'a>>, String> {
    let text =
        std::fs::read_to_string(dir.join(file)).map_err(|e| format!("cannot read {file}: {e}"))?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header: Vec<String> = match records.next() {
        Some(r) => r
            .map_err(|e| format!("{file}:1: {e}"))?
            .iter()
            .map(str::to_string)
            .collect(),
        None => Vec::new(),
    };
    if header != columns {
        return Err(format!(
            "{file}:1: the header must be `{}`, found `{}`",
            columns.join(","),
            header.join(",")
        ));
    }
    let mut rows = Vec::new();
    for record in records {
        let record = record.map_err(|e| format!("{file}: {e}"))?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if record.len() != columns.len() {
            return Err(format!(
                "{file}:{line}: malformed row: {} fields, the header has {}",
                record.len(),
                columns.len()
            ));
        }
        rows.push(Row {
            file,
            line,
            columns,
            fields: record.iter().map(str::to_string).collect(),
        });
    }
    Ok(rows)
}

/// A float literal that reads back as exactly `v` (`{:?}` prints the shortest round-trip form, always with a
/// `.` or an exponent).
pub fn lit(v: f64) -> String {
    format!("{v:?}")
}

/// The rows' `id`s (enum variants) and keys seen so far: each must be unique in its table.
#[derive(Default)]
pub struct Ids {
    ids: HashSet<String>,
    keys: HashSet<String>,
}

impl Ids {
    /// A row's `id` and its key (the column `key_column`), checked well-formed and not seen before.
    pub fn of<'r>(&mut self, r: &'r Row, key_column: &str) -> Result<(&'r str, &'r str), String> {
        let (id, key) = (r.ident("id")?, r.key(key_column)?);
        unique(&mut self.ids, r, "id", id)?;
        unique(&mut self.keys, r, key_column, key)?;
        Ok((id, key))
    }
}

pub fn unique(seen: &mut HashSet<String>, row: &Row, column: &str, v: &str) -> Result<(), String> {
    if seen.insert(v.to_string()) {
        Ok(())
    } else {
        Err(format!("{}: duplicate `{column}` {v:?}", row.at()))
    }
}
