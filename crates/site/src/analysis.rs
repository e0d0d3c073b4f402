//! The analysis page's words (`content/analysis.toml`) as data for the app: `pages/analysis-<lang>.json`, an
//! object of text id → text in that language (`title`, `intro`, `tornado_title`, …). The page itself is a
//! component in the app (`src/ui/analysis/`), which loads this when the page is first opened, so the prose
//! stays out of the wasm; the choices are built from the model's tables and the results from the worker.

use crate::content::parse;
use serde::Deserialize;
use std::collections::BTreeMap;
use vtre_model::Lang;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    zh: String,
    en: String,
}

/// The text ids the app reads (every one must be in the file, and nothing else).
pub const IDS: [&str; 23] = [
    "title",
    "intro",
    "tornado_title",
    "tornado_text",
    "tornado_note",
    "seek_title",
    "seek_text",
    "confidence_title",
    "confidence_text",
    "confidence",
    "best_title",
    "best_text",
    "waterfall_title",
    "waterfall_text",
    "result",
    "year",
    "target",
    "lever",
    "scenario",
    "targets_group",
    "series_group",
    "best_found",
    "levers_to_change",
];

fn entries() -> Result<BTreeMap<String, Entry>, String> {
    let map: BTreeMap<String, Entry> = parse(
        "content/analysis.toml",
        include_str!("../../../content/analysis.toml"),
    )?;
    for id in IDS.iter().chain(&["markets", "prices_group"]) {
        if !map.contains_key(*id) {
            return Err(format!("content/analysis.toml: \"{id}\" is missing"));
        }
    }
    Ok(map)
}

/// The page's words in `lang`, as the JSON object the app reads.
pub fn analysis_json(lang: Lang) -> Result<String, String> {
    let map: serde_json::Map<String, serde_json::Value> = entries()?
        .into_iter()
        .map(|(k, e)| {
            let text = match lang {
                Lang::Zh => e.zh,
                Lang::En => e.en,
            };
            (k, serde_json::Value::String(text))
        })
        .collect();
    serde_json::to_string(&map).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::has_cjk;

    #[test]
    fn every_text_is_there_in_both_languages_and_english_has_no_chinese() {
        let map = entries().unwrap_or_else(|e| panic!("{e}"));
        for (id, e) in &map {
            assert!(has_cjk(&e.zh), "{id}: zh must be Chinese");
            assert!(!has_cjk(&e.en), "{id}: en has Chinese: {}", e.en);
            assert!(!e.en.trim().is_empty(), "{id}");
        }
        for lang in [Lang::Zh, Lang::En] {
            let json = analysis_json(lang).unwrap_or_else(|e| panic!("{e}"));
            let v: serde_json::Value =
                serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}"));
            for id in IDS {
                assert!(v[id].as_str().is_some_and(|s| !s.is_empty()), "{id}");
            }
        }
        assert!(
            analysis_json(Lang::Zh).is_ok_and(|j| j.contains("Shapley值") && j.contains("敏感性"))
        );
        assert!(analysis_json(Lang::En).is_ok_and(|j| j.contains("not that none exists")));
    }
}
