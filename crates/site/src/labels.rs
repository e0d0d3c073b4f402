//! Names a reader understands for the baseline-CSV rows the pages cite, so no internal key is shown as text:
//! a parameter's name is its `label_zh`/`label_en` in `crates/model/data/params.csv`; a row that is not a
//! parameter but is cited (by a lever's `source` in `content/levers.toml`, or by the source or note of a row
//! shown on the assumptions page) is named in `content/source-labels.toml` and listed on the assumptions page
//! under "Other figures cited". [`csv_text_html`] renders a row's English source or note with every key in it
//! replaced by that name, linked to the row.
//!
//! [`labels`] refuses (and `vtre pages` stops on) an entry for a key the CSV does not have or that is a
//! parameter, a name that breaks the rules of `vtre_model::label_check`, and a key cited by a shown row that
//! has no name.

use crate::content::LoadedText;
use maud::{html, Markup};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;
use vtre_model::label_check;
use vtre_model::levers::LeverId;
use vtre_model::params::{baseline_rows, CsvRow, PARAMS};
use vtre_model::Lang;

/// `content/source-labels.toml`: CSV key → `{ zh, en }`.
pub const SOURCE_LABELS_TOML: &str = include_str!("../../../content/source-labels.toml");
const FILE: &str = "content/source-labels.toml";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    zh: String,
    en: String,
}

/// Every row of the embedded baseline CSV, by key, parsed once.
static ROWS: LazyLock<HashMap<String, CsvRow>> = LazyLock::new(|| {
    baseline_rows()
        .into_iter()
        .map(|r| (r.key.clone(), r))
        .collect()
});

/// The baseline-CSV row with this key.
pub fn row(key: &str) -> Option<&'static CsvRow> {
    ROWS.get(key)
}

/// The names of the cited rows that are not parameters.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Labels {
    other: BTreeMap<String, LoadedText>,
}

/// The CSV keys (and lever keys) a text mentions: each maximal run of `[a-z0-9_]` with a `_` in it, as byte
/// ranges, outside web addresses.
fn key_spans(text: &str) -> Vec<(usize, usize)> {
    // Web addresses: from `http://` or `https://` to the next space.
    let mut urls = Vec::new();
    for (a, _) in text.match_indices("http") {
        if text[a..].starts_with("http://") || text[a..].starts_with("https://") {
            let b = text[a..]
                .find(char::is_whitespace)
                .map_or(text.len(), |n| a + n);
            urls.push((a, b));
        }
    }
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        if c.is_ascii_alphanumeric() || c == '_' {
            start.get_or_insert(i);
            continue;
        }
        let Some(a) = start.take() else { continue };
        let w = &text[a..i];
        let in_url = urls.iter().any(|&(u, v)| u <= a && a < v);
        if !in_url
            && w.contains('_')
            && w.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        {
            spans.push((a, i));
        }
    }
    spans
}

/// The CSV keys a row's source and note cite (in order, repeats kept).
pub fn cited_keys(text: &str) -> impl Iterator<Item = &str> {
    key_spans(text)
        .into_iter()
        .map(move |(a, b)| &text[a..b])
        .filter(|k| row(k).is_some())
}

impl Labels {
    /// Parses `content/source-labels.toml` and checks it (see the module docs).
    pub fn parse(toml: &str) -> Result<Labels, String> {
        let entries: BTreeMap<String, Entry> = crate::content::parse(FILE, toml)?;
        let mut errors = Vec::new();
        for (key, e) in &entries {
            if row(key).is_none() {
                errors.push(format!("{FILE}: `{key}` is not a key of the baseline CSV"));
            }
            if PARAMS.iter().any(|p| p.csv_key == key) {
                errors.push(format!(
                    "{FILE}: `{key}` is a parameter: its name is label_zh/label_en in crates/model/data/params.csv"
                ));
            }
            if let Err(e) = label_check::check(&e.zh, &e.en) {
                errors.push(format!("{FILE}: `{key}`: {e}"));
            }
        }
        let labels = Labels {
            other: entries
                .into_iter()
                .map(|(k, e)| (k, LoadedText::new(e.zh, e.en)))
                .collect(),
        };
        // Every key a shown row cites must have a name, so its text can show the name instead of the key.
        for shown in labels.shown() {
            let Some(r) = row(shown) else { continue };
            for cited in cited_keys(&r.source).chain(cited_keys(&r.note)) {
                if labels.name(cited, Lang::En).is_none() {
                    errors.push(format!(
                        "{FILE}: `{cited}` (cited by the source or note of `{shown}`) has no name: add it"
                    ));
                }
            }
        }
        if errors.is_empty() {
            Ok(labels)
        } else {
            errors.dedup();
            Err(errors.join("\n"))
        }
    }

    /// The name of CSV row `key` in `lang`: the parameter's label or this file's entry.
    pub fn name(&self, key: &str, lang: Lang) -> Option<&str> {
        PARAMS
            .iter()
            .find(|p| p.csv_key == key)
            .map(|p| p.label().get(lang))
            .or_else(|| self.other.get(key).map(|t| t.get(lang)))
    }

    /// The rows shown on the assumptions page: every parameter's, then the other cited rows.
    fn shown(&self) -> impl Iterator<Item = &str> {
        PARAMS
            .iter()
            .map(|p| p.csv_key)
            .chain(self.other.keys().map(String::as_str))
    }

    /// The cited rows that are not parameters, in the order of the baseline CSV.
    pub fn other_rows(&self) -> Vec<&'static CsvRow> {
        baseline_order()
            .iter()
            .filter(|k| self.other.contains_key(k.as_str()))
            .filter_map(|k| row(k))
            .collect()
    }
}

fn baseline_order() -> &'static [String] {
    static ORDER: LazyLock<Vec<String>> =
        LazyLock::new(|| baseline_rows().into_iter().map(|r| r.key).collect());
    &ORDER
}

static LABELS: LazyLock<Result<Labels, String>> =
    LazyLock::new(|| Labels::parse(SOURCE_LABELS_TOML));

/// The embedded names, parsed and checked once.
pub fn labels() -> Result<&'static Labels, &'static str> {
    LABELS.as_ref().map_err(String::as_str)
}

/// The name of CSV row `key` in `lang`, if it has one (every cited row has: [`labels`] checks it).
pub fn name(key: &str, lang: Lang) -> Option<&'static str> {
    labels().ok().and_then(|l| l.name(key, lang))
}

/// The id of a CSV row's line on the assumptions page (`<tr id="csv-…">`).
pub fn row_id(key: &str) -> String {
    format!("csv-{key}")
}

/// A link to a CSV row's line on the assumptions page (a plain `#csv-…` anchor: it is used on that page),
/// named in `lang`, with the key as a tooltip only; a key without a name is shown as code.
fn row_link(key: &str, lang: Lang) -> Markup {
    match name(key, lang) {
        Some(n) => html! { a class="row-ref" href={ "#" (row_id(key)) } title=(key) { (n) } },
        None => html! { code { (key) } },
    }
}

/// A row's source or note (English text) as HTML: escaped, with each CSV key in it shown as the row's
/// English name linked to its line on this page, and each lever key as the lever's English name.
pub fn csv_text_html(text: &str) -> Markup {
    let mut parts: Vec<Markup> = Vec::new();
    let mut at = 0;
    for (a, b) in key_spans(text) {
        let key = &text[a..b];
        let lever = LeverId::from_key(key);
        if row(key).is_none() && lever.is_none() {
            continue;
        }
        parts.push(html! { (&text[at..a]) });
        parts.push(match lever {
            Some(l) if row(key).is_none() => html! { (vtre_model::levers::spec(l).label.en) },
            _ => row_link(key, Lang::En),
        });
        at = b;
    }
    parts.push(html! { (&text[at..]) });
    html! { @for p in parts { (p) } }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_names_load_and_every_cited_row_has_one() {
        let l = labels().unwrap_or_else(|e| panic!("{e}"));
        assert!(l.other_rows().len() >= 30);
        assert_eq!(
            name("sichuan_crude_steel_output_2020", Lang::Zh),
            Some("2020年四川粗钢产量")
        );
        assert_eq!(
            name("capacity_replacement_ratio_key_regions", Lang::En),
            Some("Capacity replacement ratio in key air-pollution regions")
        );
        assert_eq!(name("no_such_row", Lang::En), None);
    }

    #[test]
    fn keys_in_csv_text_become_linked_names_and_addresses_are_left_alone() {
        let t = "vtre project: plant-level reasoning from sichuan_bfbof_capacity_2022 (2,000); \
                 the lever v_recovery; see https://example.com/a_b_c and not_a_key";
        let h = csv_text_html(t).into_string();
        assert!(h.contains(
            r##"<a class="row-ref" href="#csv-sichuan_bfbof_capacity_2022" title="sichuan_bfbof_capacity_2022">Sichuan BF-BOF capacity, 2022</a> (2,000)"##
        ), "{h}");
        assert!(h.contains("the lever Vanadium dressing recovery;"), "{h}");
        assert!(h.contains("https://example.com/a_b_c and not_a_key"), "{h}");
        assert_eq!(csv_text_html("a < b").into_string(), "a &lt; b");
    }

    #[test]
    fn a_bad_entry_or_a_cited_row_without_a_name_is_an_error() {
        let err = |t: &str| Labels::parse(t).err().unwrap_or_default();
        let bad_key =
            format!("{SOURCE_LABELS_TOML}\nno_such_row = {{ zh = \"无\", en = \"None\" }}\n");
        assert!(err(&bad_key).contains("`no_such_row` is not a key of the baseline CSV"));
        let param = format!(
            "{SOURCE_LABELS_TOML}\nsichuan_crude_steel_output_2020 = {{ zh = \"粗钢\", en = \"Steel\" }}\n"
        );
        assert!(err(&param).contains("is a parameter"));
        let empty =
            SOURCE_LABELS_TOML.replacen("en = \"Sichuan pig iron output, 2021\"", "en = \"\"", 1);
        assert!(err(&empty).contains("`sichuan_pig_iron_output_2021`: `label_en` is empty"));
        let chinese = SOURCE_LABELS_TOML.replacen(
            "en = \"Sichuan pig iron output, 2021\"",
            "en = \"四川生铁\"",
            1,
        );
        assert!(err(&chinese).contains("plain ASCII"));
        let missing: String = SOURCE_LABELS_TOML
            .lines()
            .filter(|l| !l.starts_with("sichuan_pig_iron_output_2021 "))
            .map(|l| format!("{l}\n"))
            .collect();
        assert!(err(&missing).contains("`sichuan_pig_iron_output_2021` (cited by"));
        assert!(err("x = 1").contains(FILE));
    }
}
