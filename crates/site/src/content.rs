//! What the content files under `content/` share: the bilingual text type the reading pages are written in,
//! the TOML parser (errors name the file, the line and the column) and the conversion of target keys to
//! typed ids, which rejects a key the model does not have (a lever names its pages and measures itself, in
//! `content/levers.toml`).
//!
//! The files are embedded at compile time (`include_str!`), so `vtre pages` reads nothing at run time; each
//! is parsed once, the first time a page needs it. `content/README.md` describes the files for their editors.

use serde::de::{DeserializeOwned, Error as _};
use serde::{Deserialize, Deserializer};
use vtre_model::targets::TargetId;
use vtre_model::Lang;

/// A text in Chinese and English, as loaded from a content file (`x_zh = "…"`, `x_en = "…"`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LoadedText {
    pub zh: String,
    pub en: String,
}

impl LoadedText {
    pub fn new(zh: String, en: String) -> Self {
        LoadedText { zh, en }
    }
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

/// Parses one content file; an error names `file` and says where in it and what is wrong.
pub(crate) fn parse<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, String> {
    toml::from_str(text).map_err(|e| format!("{file}: {e}"))
}

/// A list of target keys (`targets = ["v_recovery", …]`) as typed ids; an unknown key is an error.
pub(crate) fn target_keys<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<TargetId>, D::Error> {
    Vec::<String>::deserialize(d)?
        .iter()
        .map(|k| {
            TargetId::from_key(k).ok_or_else(|| {
                D::Error::custom(format!(
                    "unknown target key \"{k}\" (see `key` in crates/model/data/targets.csv)"
                ))
            })
        })
        .collect()
}

/// CJK ideographs, plus CJK and full-width punctuation (。，（）“” are not allowed in English either).
#[cfg(test)]
pub(crate) fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| {
        let u = c as u32;
        (0x4E00..=0x9FFF).contains(&u)
            || (0x3000..=0x303F).contains(&u)
            || (0xFF00..=0xFFEF).contains(&u)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Links {
        #[serde(default, deserialize_with = "target_keys")]
        targets: Vec<TargetId>,
    }

    #[test]
    fn keys_become_typed_ids() {
        let l: Result<Links, String> = parse("x.toml", "targets = [\"v_recovery\"]");
        let l = l.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(l.targets, [TargetId::VRecovery]);
    }

    #[test]
    fn unknown_keys_and_fields_are_errors_naming_file_and_line() {
        for (text, what) in [
            ("targets = [\"v_recovry\"]", "v_recovry"),
            ("\ntargets = [\"v_recovry\"]", "v_recovry"),
            ("target = [\"v_recovery\"]", "target"),
            ("targets = \"v_recovery\"", "sequence"),
        ] {
            let e = parse::<Links>("content/x.toml", text)
                .err()
                .unwrap_or_default();
            assert!(e.starts_with("content/x.toml: "), "{e}");
            assert!(e.contains(what), "{e}");
            assert!(e.contains("line"), "{e}");
        }
    }

    #[test]
    fn text_picks_the_language() {
        let t = LoadedText::new("钢铁".into(), "Steel".into());
        assert_eq!(t.get(Lang::Zh), "钢铁");
        assert_eq!(t.get(Lang::En), "Steel");
        assert!(has_cjk(t.get(Lang::Zh)) && !has_cjk(t.get(Lang::En)));
        assert!(has_cjk("a（b）") && has_cjk("。"));
    }
}
