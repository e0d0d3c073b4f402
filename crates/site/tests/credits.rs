//! Honest sources: a figure credited to the guideline must be in the guideline's text, and a figure from
//! elsewhere must not be credited to it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use vtre_model::params::baseline_rows;

const TEXT: &str = include_str!("../../../content/guideline-zh.txt");
const LEVER_NOTES: &str = include_str!("../../../content/levers.toml");

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The decimal numbers written in `s` (`2~3` gives 2 and 3).
fn numbers(s: &str) -> Vec<f64> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in s.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_digit() || (c == '.' && !cur.is_empty()) {
            cur.push(c);
        } else if !cur.is_empty() {
            if let Ok(v) = cur.trim_end_matches('.').parse() {
                out.push(v);
            }
            cur.clear();
        }
    }
    out
}

/// `'…'` fragments of a note.
fn quoted(note: &str) -> Vec<&str> {
    note.split('\'').skip(1).step_by(2).collect()
}

fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

#[test]
fn every_baseline_figure_credited_to_the_guideline_quotes_it_verbatim_with_its_number() {
    let text = squash(TEXT);
    let mut checked = 0;
    for r in baseline_rows()
        .iter()
        .filter(|r| r.source.starts_with("Guideline ("))
    {
        let v: f64 = r.value.parse().unwrap();
        let ok = quoted(&r.note).iter().any(|q| {
            let in_text = text.contains(&squash(q));
            let n = numbers(q);
            // A fraction is quoted in per cent; 10,000万吨 as "近亿吨".
            let has_number = n.iter().any(|&x| same(x, v) || same(x, v * 100.0))
                || (n.is_empty() && q.contains('亿') && same(v, 10000.0));
            in_text && has_number
        });
        assert!(
            ok,
            "{} = {} is credited to the guideline but its note has no verbatim quote with the number: {}",
            r.key, r.value, r.note
        );
        checked += 1;
    }
    assert!(checked >= 18, "only {checked} rows checked");
}

#[test]
fn no_source_says_only_same_and_other_plans_are_not_credited_to_the_guideline() {
    for r in baseline_rows() {
        assert!(
            !r.source.trim().is_empty() && !r.source.starts_with("Same"),
            "{}: the source must stand alone, not {:?}",
            r.key,
            r.source
        );
        let mentions = r.source.to_lowercase().contains("guideline");
        let allowed = r.source.starts_with("Guideline (")
            || r.source.starts_with("vtre project")
            || r.source.contains("not in the guideline")
            || r.source.starts_with("IPCC")
            || r.source.starts_with("guideline_");
        assert!(
            !mentions || allowed,
            "{}: source mentions the guideline without being from its text: {}",
            r.key,
            r.source
        );
    }
}

fn fmt(v: f64) -> String {
    let s = format!("{v:.4}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Numbers with the unit written right after them (`655万吨` → (655, "万吨"), `6.55 Mt` → (6.55, "Mt")).
fn numbers_with_units(s: &str) -> Vec<(f64, String)> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            let mut j = i;
            while j < chars.len()
                && (chars[j].is_ascii_digit() || chars[j] == '.' || chars[j] == ',')
            {
                j += 1;
            }
            let num: String = chars[i..j].iter().filter(|c| **c != ',').collect();
            let mut k = j;
            while k < chars.len() && chars[k] == ' ' {
                k += 1;
            }
            let unit: String = if k < chars.len() && chars[k] == '%' {
                "%".into()
            } else if chars[k..].starts_with(&['万', '吨']) {
                "万吨".into()
            } else if chars[k..].starts_with(&['亿', '元']) {
                "亿元".into()
            } else if chars[k..].starts_with(&['M', 't']) {
                "Mt".into()
            } else if chars[k..].starts_with(&['k', 't']) {
                "kt".into()
            } else {
                chars
                    .get(j)
                    .filter(|c| !c.is_ascii())
                    .map(|c| c.to_string())
                    .unwrap_or_default()
            };
            if let Ok(v) = num.trim_end_matches('.').parse() {
                out.push((v, unit));
            }
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

/// The clauses that follow each mention of the guideline, up to the next punctuation.
fn credited_clauses(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    for marker in ["指南", "guideline"] {
        let lower = s.to_lowercase();
        let mut from = 0;
        while let Some(i) = lower[from..].find(marker) {
            let start = from + i + marker.len();
            let rest = &s[start..];
            let end = rest
                .find(['。', '，', '；', '、', ';', '(', '（'])
                .or_else(|| rest.find(". "))
                .unwrap_or(rest.len());
            out.push(rest[..end].to_string());
            from = start;
        }
    }
    out
}

#[test]
fn a_lever_note_that_credits_the_guideline_with_a_number_finds_it_in_the_text() {
    let text = squash(TEXT);
    let mut seen = 0;
    for line in LEVER_NOTES.lines() {
        let Some((field, value)) = line.split_once(" = ") else {
            continue;
        };
        if !field.starts_with("default_note") && !field.starts_with("help") {
            continue;
        }
        let credits = value.contains("指南") || value.to_lowercase().contains("guideline");
        if !credits {
            continue;
        }
        seen += 1;
        // The clause right after "指南" / "guideline" is what it credits: its numbers must be in the text.
        for clause in credited_clauses(value) {
            for (n, unit) in numbers_with_units(&clause) {
                let is_year = (2000.0..=2040.0).contains(&n) && n.fract() == 0.0 && unit != "%";
                if is_year {
                    continue;
                }
                // The number with its unit must be in the text: in Chinese as written (655万吨), in English
                // converted back (6.55 Mt → 655万吨, 55 % → 55%).
                let candidates: Vec<String> = match unit.as_str() {
                    "Mt" => vec![format!("{}万吨", fmt(n * 100.0))],
                    "kt" => vec![format!("{}万吨", fmt(n / 10.0))],
                    "%" => vec![format!("{}%", fmt(n))],
                    u => vec![format!("{}{u}", fmt(n))],
                };
                assert!(
                    candidates.iter().any(|c| text.contains(c.as_str())),
                    "{field}: {n} {unit} is credited to the guideline but {candidates:?} is not in its text: {value}"
                );
            }
        }
    }
    assert!(seen > 0);
}
