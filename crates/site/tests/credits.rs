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

/// The figures of other plans (rows whose source says "not in the guideline's text", e.g. the V-Ti base plan
/// summary's 2025 capacities), as the texts write them: `1,200,000 t/yr` → `120万吨`, `1.2 Mt`; `1 GW/yr` →
/// `1 GW`. Only figures the guideline's text does not itself contain.
fn other_plans_figures() -> Vec<(String, Vec<String>)> {
    let text = squash(TEXT);
    let mut out = Vec::new();
    for r in baseline_rows()
        .iter()
        .filter(|r| r.source.contains("not in the guideline"))
    {
        let Ok(v) = r.value.parse::<f64>() else {
            continue;
        };
        let forms: Vec<String> = if r.unit.starts_with("t/yr") {
            vec![
                format!("{}万吨", fmt(v / 1e4)),
                format!("{} Mt", fmt(v / 1e6)),
                format!("{} kt", fmt(v / 1e3)),
            ]
        } else if r.unit.starts_with("GW") {
            vec![format!("{} GW", fmt(v)), format!("{}GW", fmt(v))]
        } else {
            continue;
        };
        let forms: Vec<String> = forms
            .into_iter()
            .filter(|f| !text.contains(&squash(f)))
            .collect();
        if !forms.is_empty() {
            out.push((r.key.clone(), forms));
        }
    }
    out
}

/// Sentences of a text: split at sentence ends; in TOML and CSV every line is its own record (a `\\`
/// continuation is joined), in Markdown a wrapped line does not end a sentence but a blank line does.
fn sentences(file: &str, s: &str) -> Vec<String> {
    let joined = s.replace("\\\n", "");
    let records: Vec<String> = if file.ends_with(".md") {
        joined.split("\n\n").map(|p| p.replace('\n', " ")).collect()
    } else {
        joined.lines().map(str::to_string).collect()
    };
    records
        .iter()
        .flat_map(|r| r.split(['。', '；', ';']))
        .flat_map(|p| p.split(". "))
        .map(str::to_string)
        .collect()
}

/// Words that name what a figure of another plan measures: the figure only counts as credited when one of
/// them is close to it (so 10万吨 of slag titanium is not the plan's 10万吨 of V2O5).
fn product_words(key: &str) -> &'static [&'static str] {
    match key {
        "target_2025_tio2_capacity" => &["钛白", "TiO2"],
        "target_2025_v2o5_capacity" => &["V2O5", "五氧化二钒", "钒制品"],
        "target_2025_vanadium_slag_capacity" => &["钒渣", "vanadium slag"],
        "target_2025_ti_concentrate_capacity" => &["钛精矿", "concentrate"],
        "target_2025_vti_ore_dressing_capacity" => &["选矿", "dressing"],
        "target_2025_ti_sponge_ingot_capacity" => &["海绵钛", "sponge"],
        "target_2025_ti_materials_capacity" => &["钛材", "materials"],
        "target_2025_vrfb_integration_capacity" => &["电池", "batter", "集成", "integration"],
        _ => &[],
    }
}

/// Whether a sentence credits the guideline (names it or one of its chapters) and no other plan.
fn credits_the_guideline_alone(s: &str) -> bool {
    let lower = s.to_lowercase();
    let names_it = s.contains("指南")
        || lower.contains("guideline")
        || ["第一章", "第二章", "第三章", "第四章"]
            .iter()
            .any(|c| s.contains(c))
        || (1..=4).any(|n| s.contains(&format!("Chapter {n}")));
    let other_source =
        s.contains("规划") || lower.contains("base plan") || lower.contains("plan's");
    names_it && !other_source
}

/// Whether `form` occurs in `s` as a whole figure (not inside a longer number or unit: `1 GW` is not in
/// `1 GWh`) with one of `words` within 16 characters of it (any position when `words` is empty).
fn contains_figure(s: &str, form: &str, words: &[&str]) -> bool {
    s.match_indices(form).any(|(i, _)| {
        let before = s[..i].chars().next_back();
        let after = s[i + form.len()..].chars().next();
        let whole = !before.is_some_and(|c| c.is_ascii_digit() || c == '.' || c == ',')
            && !after.is_some_and(|c| c.is_ascii_alphanumeric());
        let near: String = s[..i]
            .chars()
            .rev()
            .take(16)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .chain(s[i..].chars().take(form.chars().count() + 16))
            .collect();
        whole && (words.is_empty() || words.iter().any(|w| near.contains(w)))
    })
}

/// The texts that describe the model and its scenarios to readers.
fn reader_texts() -> Vec<(String, String)> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let mut files = vec![
        "README.md".to_string(),
        "content/presets.toml".to_string(),
        "content/levers.toml".to_string(),
        "content/glossary.toml".to_string(),
        "content/guideline-outline.toml".to_string(),
        "crates/model/data/sichuan_baseline.csv".to_string(),
    ];
    let chains = format!("{root}/content/chains");
    let mut names: Vec<String> = std::fs::read_dir(&chains)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".toml"))
        .collect();
    names.sort();
    files.extend(names.into_iter().map(|n| format!("content/chains/{n}")));
    files
        .into_iter()
        .map(|f| {
            let body = std::fs::read_to_string(format!("{root}/{f}")).unwrap();
            (f, body)
        })
        .collect()
}

/// Checks every sentence of `texts` and returns the false credits: (file, figure key, sentence).
fn false_credits(texts: &[(String, String)]) -> Vec<(String, String, String)> {
    let figures = other_plans_figures();
    let mut found = Vec::new();
    for (file, body) in texts {
        for sentence in sentences(file, body) {
            if !credits_the_guideline_alone(&sentence) {
                continue;
            }
            for (key, forms) in &figures {
                if forms
                    .iter()
                    .any(|f| contains_figure(&sentence, f, product_words(key)))
                {
                    found.push((file.clone(), key.clone(), sentence.trim().to_string()));
                }
            }
        }
    }
    found
}

#[test]
fn no_text_credits_the_guideline_with_another_plans_figure() {
    let figures = other_plans_figures();
    let keys: Vec<&str> = figures.iter().map(|(k, _)| k.as_str()).collect();
    assert!(
        keys.contains(&"target_2025_tio2_capacity")
            && keys.contains(&"target_2025_vrfb_integration_capacity"),
        "{keys:?}"
    );
    let found = false_credits(&reader_texts());
    assert!(
        found.is_empty(),
        "figures from the V-Ti base plan summary credited to the guideline:\n{}",
        found
            .iter()
            .map(|(f, k, s)| format!("{f}: {k}: {s}"))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn the_false_credit_check_can_fail() {
    // What the titanium page, the reference story and the battery preset said before: each is caught.
    for bad in [
        "指南要求钛选矿回收率达到35%以上、钛白粉产能120万吨/年。",
        "Measures the guideline quantifies reach their numbers: 1.2 Mt of TiO2 capacity.",
        "落实第三章第二节（二）：每年4 GWh全钒液流电池（约1 GW/年集成能力目标）。",
    ] {
        let found = false_credits(&[("x".into(), bad.into())]);
        assert_eq!(found.len(), 1, "{bad}");
    }
    // Credited to the plan, or a different figure: not flagged.
    for fine in [
        "钒钛产业基地规划的钛白粉产能120万吨/年（不在指南原文中）。",
        "The V-Ti base plan's 1 GW/yr integration target.",
        "The guideline asks for 1 GWh of batteries.",
        "指南要求钛选矿回收率达到35%以上。",
    ] {
        assert!(
            false_credits(&[("x".into(), fine.into())]).is_empty(),
            "{fine}"
        );
    }
}

#[test]
fn a_lever_whose_reference_value_comes_from_another_plan_does_not_cite_the_guidelines_targets() {
    // 第二章第三节 holds the guideline's quantified targets: a lever citing it looks like a guideline target.
    let notes: toml::Table = toml::from_str(LEVER_NOTES).unwrap();
    let mut seen = 0;
    for l in vtre_model::LEVERS {
        let Some(note) = notes
            .get(l.key)
            .and_then(|t| t.get("default_note_en"))
            .and_then(|v| v.as_str())
        else {
            continue;
        };
        if note.contains("not in the guideline") {
            seen += 1;
            assert_ne!(
                l.guideline_ref, "第二章第三节",
                "{}: its reference value is another plan's ({note}) but it cites the guideline's targets",
                l.key
            );
        }
    }
    assert!(seen >= 2, "{seen}");
}
