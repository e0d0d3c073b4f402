//! The long texts of the levers and presets, which are not part of the model (so not in the wasm): what each
//! lever does, the sources behind its 2020 level and range, why its reference value is what it is
//! (`content/levers.toml`), and the story each preset tells (`content/presets.toml`). They are embedded here,
//! parsed once and checked against the model's tables; [`crate::notes_data`] makes them the notes data file
//! (`pages/notes-<lang>.json`) the app loads when a lever's info or a preset's story is first shown, and the
//! CLI prints the sources.
//!
//! Every lever and every preset must have an entry with every text in both languages, and no entry may name a
//! lever or preset the model does not have: [`notes`] returns an error otherwise, and a test requires it to
//! load.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::LazyLock;
use vtre_model::levers::{LeverId, LEVERS};
use vtre_model::params::baseline_row;
use vtre_model::presets::PRESETS;
use vtre_model::Lang;

/// `content/levers.toml`: one table per lever key.
pub const LEVERS_TOML: &str = include_str!("../../../content/levers.toml");
/// `content/presets.toml`: one table per preset key.
pub const PRESETS_TOML: &str = include_str!("../../../content/presets.toml");

/// The long texts of one lever.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LeverNote {
    /// What the lever does.
    pub help_zh: String,
    pub help_en: String,
    /// The baseline-CSV keys and/or `Guideline <section>` behind the 2020 level and the range, `;`-separated;
    /// `a … b` names a run of yearly keys.
    pub source: String,
    /// Why the reference value is what it is.
    pub default_note_zh: String,
    pub default_note_en: String,
    /// The chain pages (`content/chains/<id>.toml`) that show it among the levers acting on their chain.
    #[serde(default)]
    pub pages: Vec<String>,
    /// The guideline measures (`id` in `content/guideline-outline.toml`) it represents: the reader shows its
    /// chip there.
    #[serde(default)]
    pub measures: Vec<String>,
}

impl LeverNote {
    pub fn help(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.help_zh,
            Lang::En => &self.help_en,
        }
    }
    pub fn default_note(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.default_note_zh,
            Lang::En => &self.default_note_en,
        }
    }
}

/// The story of one preset.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PresetNote {
    pub story_zh: String,
    pub story_en: String,
}

impl PresetNote {
    pub fn story(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.story_zh,
            Lang::En => &self.story_en,
        }
    }
}

/// Every lever's and preset's long texts, by key.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Notes {
    pub levers: BTreeMap<String, LeverNote>,
    pub presets: BTreeMap<String, PresetNote>,
}

static EMPTY_LEVER: LeverNote = LeverNote {
    help_zh: String::new(),
    help_en: String::new(),
    source: String::new(),
    default_note_zh: String::new(),
    default_note_en: String::new(),
    pages: Vec::new(),
    measures: Vec::new(),
};
static EMPTY_PRESET: PresetNote = PresetNote {
    story_zh: String::new(),
    story_en: String::new(),
};

fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| {
        ('\u{3000}'..='\u{303f}').contains(&c)
            || ('\u{3400}'..='\u{9fff}').contains(&c)
            || ('\u{ff00}'..='\u{ffef}').contains(&c)
    })
}

/// Checks a set of texts: none empty, the Chinese ones with Chinese text, the English ones without.
fn texts(
    errors: &mut Vec<String>,
    file: &str,
    key: &str,
    zh: &[(&str, &str)],
    en: &[(&str, &str)],
) {
    for &(field, s) in zh.iter().chain(en) {
        if s.trim().is_empty() {
            errors.push(format!("{file}: [{key}] {field} is empty"));
        }
    }
    for &(field, s) in zh {
        if !s.trim().is_empty() && !has_cjk(s) {
            errors.push(format!("{file}: [{key}] {field} has no Chinese text"));
        }
    }
    for &(field, s) in en {
        if has_cjk(s) {
            errors.push(format!("{file}: [{key}] {field} has Chinese characters"));
        }
    }
}

impl Notes {
    /// Parses the two TOML files and checks them against the model's levers and presets.
    pub fn parse(levers_toml: &str, presets_toml: &str) -> Result<Notes, String> {
        let levers = crate::content::parse("content/levers.toml", levers_toml)?;
        let presets = crate::content::parse("content/presets.toml", presets_toml)?;
        let notes = Notes { levers, presets };
        notes.check()?;
        Ok(notes)
    }

    /// Every problem at once: a key the model does not have, a lever or preset without an entry, an empty
    /// text, a Chinese text without Chinese or an English one with it, a source naming no CSV row or a row
    /// without a name for a reader (a parameter's label or `content/source-labels.toml`).
    pub fn check(&self) -> Result<(), String> {
        let mut errors = Vec::new();
        for key in self.levers.keys() {
            if LeverId::from_key(key).is_none() {
                errors.push(format!(
                    "content/levers.toml: [{key}] is not a lever of the model"
                ));
            }
        }
        for key in self.presets.keys() {
            if !PRESETS.iter().any(|p| p.key == key) {
                errors.push(format!(
                    "content/presets.toml: [{key}] is not a preset of the model"
                ));
            }
        }
        for l in LEVERS {
            let Some(n) = self.levers.get(l.key) else {
                errors.push(format!("content/levers.toml: lever {} has no entry", l.key));
                continue;
            };
            texts(
                &mut errors,
                "content/levers.toml",
                l.key,
                &[
                    ("help_zh", n.help_zh.as_str()),
                    ("default_note_zh", n.default_note_zh.as_str()),
                ],
                &[
                    ("help_en", n.help_en.as_str()),
                    ("default_note_en", n.default_note_en.as_str()),
                ],
            );
            for (field, v) in [("pages", &n.pages), ("measures", &n.measures)] {
                if v.is_empty() {
                    errors.push(format!("content/levers.toml: [{}] {field} is empty", l.key));
                }
            }
            if n.source.trim().is_empty() {
                errors.push(format!("content/levers.toml: [{}] source is empty", l.key));
            }
            for part in n.source.split(';').map(str::trim) {
                if let Some(sec) = part.strip_prefix("Guideline ") {
                    if !sec.starts_with('第') {
                        errors.push(format!(
                            "content/levers.toml: [{}] source `{part}` names no guideline chapter",
                            l.key
                        ));
                    }
                    continue;
                }
                for key in part.split(" … ").map(str::trim) {
                    if baseline_row(key).is_none() {
                        errors.push(format!(
                            "content/levers.toml: [{}] source names `{key}`, which is not a key of the baseline CSV",
                            l.key
                        ));
                    } else if let Err(e) = crate::labels::labels() {
                        errors.push(e.to_string());
                    } else if crate::labels::name(key, Lang::En).is_none() {
                        errors.push(format!(
                            "content/levers.toml: [{}] source names `{key}`, which has no name for a reader: add it to content/source-labels.toml",
                            l.key
                        ));
                    }
                }
            }
        }
        for p in PRESETS {
            let Some(n) = self.presets.get(p.key) else {
                errors.push(format!(
                    "content/presets.toml: preset {} has no entry",
                    p.key
                ));
                continue;
            };
            texts(
                &mut errors,
                "content/presets.toml",
                p.key,
                &[("story_zh", n.story_zh.as_str())],
                &[("story_en", n.story_en.as_str())],
            );
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors.join("\n"))
        }
    }

    /// The texts of a lever (empty texts if it has none, which [`Notes::check`] reports).
    pub fn lever(&self, id: LeverId) -> &LeverNote {
        self.levers.get(id.key()).unwrap_or(&EMPTY_LEVER)
    }

    /// The story of a preset (empty if it has none, which [`Notes::check`] reports).
    pub fn preset(&self, key: &str) -> &PresetNote {
        self.presets.get(key).unwrap_or(&EMPTY_PRESET)
    }
}

static NOTES: LazyLock<Result<Notes, String>> =
    LazyLock::new(|| Notes::parse(LEVERS_TOML, PRESETS_TOML));

/// The embedded notes, parsed and checked once.
pub fn notes() -> Result<&'static Notes, &'static str> {
    NOTES.as_ref().map_err(String::as_str)
}

/// The levers (in the order of `levers.csv`) whose notes name `what` in the list `of` picks (`pages` or
/// `measures`): the chips of a chain page or a guideline measure.
pub fn levers_naming(what: &str, of: fn(&LeverNote) -> &Vec<String>) -> Vec<LeverId> {
    LEVERS
        .iter()
        .filter(|l| of(lever(l.id)).iter().any(|x| x == what))
        .map(|l| l.id)
        .collect()
}

/// Every name the levers' notes give in the list `of` picks (`pages`, `measures`) is `known`; else the first
/// that is not, with the `field` it is in and what it should be (`place`).
pub fn lever_names_known(
    notes: &Notes,
    (field, of): (&str, fn(&LeverNote) -> &Vec<String>),
    known: impl Fn(&str) -> bool,
    place: &str,
) -> Result<(), String> {
    for l in LEVERS {
        if let Some(x) = of(notes.lever(l.id)).iter().find(|x| !known(x)) {
            return Err(format!(
                "content/levers.toml: [{}] {field} names \"{x}\", which is not {place}",
                l.key
            ));
        }
    }
    Ok(())
}

/// The texts of a lever; empty if the notes do not load (which [`notes`] reports and a test forbids).
pub fn lever(id: LeverId) -> &'static LeverNote {
    notes().map_or(&EMPTY_LEVER, |n| n.lever(id))
}

/// The story of a preset; empty if the notes do not load (which [`notes`] reports and a test forbids).
pub fn preset(key: &str) -> &'static PresetNote {
    notes().map_or(&EMPTY_PRESET, |n| n.preset(key))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_notes_load_and_cover_every_lever_and_preset_in_both_languages() {
        let n = match notes() {
            Ok(n) => n,
            Err(e) => panic!("the notes do not load:\n{e}"),
        };
        assert_eq!(n.levers.len(), LEVERS.len());
        assert_eq!(n.presets.len(), PRESETS.len());
        for l in LEVERS {
            let t = lever(l.id);
            for lang in [Lang::Zh, Lang::En] {
                assert!(!t.help(lang).trim().is_empty(), "{} help", l.key);
                assert!(!t.default_note(lang).trim().is_empty(), "{} note", l.key);
            }
            assert!(!t.source.trim().is_empty(), "{} source", l.key);
            assert!(has_cjk(&t.help_zh), "{} zh help is Chinese", l.key);
            assert!(
                !has_cjk(&t.help_en) && !has_cjk(&t.default_note_en),
                "{} en texts are English",
                l.key
            );
        }
        for p in PRESETS {
            let s = preset(p.key);
            assert!(
                s.story_zh.chars().count() > 40 && s.story_en.len() > 80,
                "{} story",
                p.key
            );
            assert!(!has_cjk(&s.story_en), "{} en story is English", p.key);
        }
    }

    #[test]
    fn every_source_names_a_csv_key_or_a_guideline_section() {
        for l in LEVERS {
            for part in lever(l.id).source.split(';').map(str::trim) {
                if let Some(sec) = part.strip_prefix("Guideline ") {
                    assert!(sec.starts_with('第'), "{}: {part}", l.key);
                    continue;
                }
                for key in part.split(" … ") {
                    assert!(
                        baseline_row(key.trim()).is_some(),
                        "{} cites missing CSV key {key}",
                        l.key
                    );
                }
            }
        }
    }

    #[test]
    fn every_csv_key_a_lever_cites_has_a_name_in_both_languages() {
        for l in LEVERS {
            for part in lever(l.id).source.split(';').map(str::trim) {
                if part.starts_with("Guideline ") {
                    continue;
                }
                for key in part.split(" … ").map(str::trim) {
                    for lang in [Lang::Zh, Lang::En] {
                        assert!(
                            crate::labels::name(key, lang).is_some_and(|n| !n.trim().is_empty()),
                            "{} cites {key}, which has no {lang:?} name",
                            l.key
                        );
                    }
                }
            }
        }
    }

    const LEVER: &str = r#"help_zh = "说明"
help_en = "What it does."
source = "guideline_scrap_supply"
default_note_zh = "说明"
default_note_en = "Why."
pages = ["steel"]
measures = ["ch3-s5-1"]
"#;

    fn all_presets() -> String {
        PRESETS
            .iter()
            .map(|p| {
                format!(
                    "[{}]\nstory_zh = \"故事\"\nstory_en = \"A story.\"\n",
                    p.key
                )
            })
            .collect()
    }

    fn all_levers_but(skip: &str) -> String {
        LEVERS
            .iter()
            .filter(|l| l.key != skip)
            .map(|l| format!("[{}]\n{LEVER}", l.key))
            .collect()
    }

    #[test]
    fn a_missing_entry_an_unknown_key_a_bad_text_or_bad_toml_is_an_error() {
        assert_eq!(
            Notes::parse(&all_levers_but(""), &all_presets()).map(|_| ()),
            Ok(())
        );
        let err =
            |levers: &str, presets: &str| Notes::parse(levers, presets).err().unwrap_or_default();
        assert!(err(&all_levers_but("eaf_swap"), &all_presets())
            .contains("lever eaf_swap has no entry"));
        let extra = format!("{}[made_up]\n{LEVER}", all_levers_but(""));
        assert!(err(&extra, &all_presets()).contains("[made_up] is not a lever"));
        let extra = format!(
            "{}[made_up]\nstory_zh = \"故事\"\nstory_en = \"A story.\"\n",
            all_presets()
        );
        assert!(err(&all_levers_but(""), &extra).contains("[made_up] is not a preset"));
        let no_reference = all_presets().replacen("[reference]", "[nope]", 1);
        assert!(err(&all_levers_but(""), &no_reference).contains("preset reference has no entry"));
        let no_page = all_levers_but("").replacen("pages = [\"steel\"]", "pages = []", 1);
        assert!(err(&no_page, &all_presets()).contains("] pages is empty"));
        let no_measure = all_levers_but("").replacen("measures = [\"ch3-s5-1\"]", "", 1);
        assert!(err(&no_measure, &all_presets()).contains("] measures is empty"));
        let chinese_en = all_levers_but("").replacen("What it does.", "钢铁", 1);
        assert!(err(&chinese_en, &all_presets()).contains("help_en has Chinese characters"));
        let empty_source =
            all_levers_but("").replacen("source = \"guideline_scrap_supply\"", "source = \" \"", 1);
        assert!(err(&empty_source, &all_presets()).contains("source is empty"));
        let bad_key = all_levers_but("").replacen("guideline_scrap_supply", "no_such_row", 1);
        assert!(err(&bad_key, &all_presets()).contains("no_such_row"));
        // A CSV row that exists but has no name for a reader (not a parameter, not in source-labels.toml).
        let unnamed = all_levers_but("").replacen(
            "guideline_scrap_supply",
            "sichuan_crude_steel_output_2019",
            1,
        );
        assert!(err(&unnamed, &all_presets()).contains("has no name for a reader"));
        let missing_field = all_levers_but("").replacen("default_note_en = \"Why.\"\n", "", 1);
        assert!(err(&missing_field, &all_presets()).contains("content/levers.toml"));
        let unknown_field = all_presets().replacen("story_en", "story_fr", 1);
        assert!(err(&all_levers_but(""), &unknown_field).contains("content/presets.toml"));
        assert!(err("[eaf_swap", &all_presets()).contains("content/levers.toml"));
    }
}
