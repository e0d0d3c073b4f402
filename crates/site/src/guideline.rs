//! The guideline as a reader's outline, loaded from `content/guideline-outline.toml`: chapters and sections
//! with our own short plain-language summaries (zh + en), the measures each section contains and which
//! levers/targets represent them.
//!
//! Quotes (`quote_zh`) are copied verbatim from `content/guideline-zh.txt`; titles are the guideline's own.
//! Summaries are ours. Chapter 1 describes the starting point and problems rather than measures; its items are
//! listed the same way so every part of the text has a place in the outline. The tests below check the file
//! against the guideline text and the model: see `content/README.md`.

use crate::content::{self, LoadedText};
use serde::Deserialize;
use std::sync::LazyLock;
use vtre_model::levers::LeverId;
use vtre_model::targets::TargetId;

/// One measure (or, in chapter 1, one finding) of a section.
#[derive(Debug)]
pub struct Measure {
    /// Stable id, e.g. "ch3-s5-1".
    pub id: String,
    /// The guideline's exact wording of the measure (a short verbatim quote, <= 60 characters, copied exactly
    /// from the text).
    pub quote_zh: String,
    pub summary: LoadedText,
    /// Levers that represent it; empty if the model does not represent it.
    pub levers: Vec<LeverId>,
    /// Targets (第二章第三节) it states.
    pub targets: Vec<TargetId>,
}

/// One section (第X节) of a chapter.
#[derive(Debug)]
pub struct Section {
    /// "ch1-s1", "ch2-s3", "ch3-s5", "ch4-s5" ... (chapter n, section m).
    pub id: String,
    /// e.g. "第三章 第五节"
    pub number_zh: String,
    /// Exact section title from the text (zh), e.g. "践行绿色低碳", and ours in English.
    pub title: LoadedText,
    /// 1–3 sentences, our own words (not quotes).
    pub summary: LoadedText,
    pub measures: Vec<Measure>,
}

/// One chapter (第X章).
#[derive(Debug)]
pub struct Chapter {
    /// "ch1" ... "ch4".
    pub id: String,
    /// e.g. "第一章"
    pub number_zh: String,
    pub title: LoadedText,
    pub sections: Vec<Section>,
}

/// The whole outline, in the guideline's order (the preamble before 第一章 is left out).
#[derive(Debug)]
pub struct Outline {
    pub chapters: Vec<Chapter>,
}

impl Outline {
    /// Finds a section by id.
    pub fn section(&self, id: &str) -> Option<&Section> {
        self.chapters
            .iter()
            .flat_map(|c| c.sections.iter())
            .find(|s| s.id == id)
    }

    /// Every measure, in the guideline's order.
    pub fn measures(&self) -> impl Iterator<Item = &Measure> {
        self.chapters
            .iter()
            .flat_map(|c| c.sections.iter())
            .flat_map(|s| s.measures.iter())
    }

    /// The measures a lever represents.
    pub fn measures_for_lever(&self, id: LeverId) -> impl Iterator<Item = &Measure> {
        self.measures().filter(move |m| m.levers.contains(&id))
    }

    /// The measures that state a target.
    pub fn measures_for_target(&self, id: TargetId) -> impl Iterator<Item = &Measure> {
        self.measures().filter(move |m| m.targets.contains(&id))
    }
}

/// `content/guideline-outline.toml` as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OutlineFile {
    chapters: Vec<ChapterEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ChapterEntry {
    id: String,
    number_zh: String,
    title_zh: String,
    title_en: String,
    sections: Vec<SectionEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SectionEntry {
    id: String,
    number_zh: String,
    title_zh: String,
    title_en: String,
    summary_zh: String,
    summary_en: String,
    #[serde(default)]
    measures: Vec<MeasureEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MeasureEntry {
    id: String,
    quote_zh: String,
    summary_zh: String,
    summary_en: String,
    #[serde(default, deserialize_with = "content::target_keys")]
    targets: Vec<TargetId>,
}

const OUTLINE_FILE: &str = "content/guideline-outline.toml";
const OUTLINE_TEXT: &str = include_str!("../../../content/guideline-outline.toml");

/// Loads the outline from the text of `content/guideline-outline.toml`.
fn load(text: &str) -> Result<Outline, String> {
    let f: OutlineFile = content::parse(OUTLINE_FILE, text)?;
    let measure = |m: MeasureEntry| Measure {
        levers: crate::notes::levers_naming(&m.id, |n| &n.measures),
        id: m.id,
        quote_zh: m.quote_zh,
        summary: LoadedText::new(m.summary_zh, m.summary_en),
        targets: m.targets,
    };
    let section = |s: SectionEntry| Section {
        id: s.id,
        number_zh: s.number_zh,
        title: LoadedText::new(s.title_zh, s.title_en),
        summary: LoadedText::new(s.summary_zh, s.summary_en),
        measures: s.measures.into_iter().map(measure).collect(),
    };
    let chapters = f
        .chapters
        .into_iter()
        .map(|c| Chapter {
            id: c.id,
            number_zh: c.number_zh,
            title: LoadedText::new(c.title_zh, c.title_en),
            sections: c.sections.into_iter().map(section).collect(),
        })
        .collect();
    let outline = Outline { chapters };
    lever_measures_known(&outline, crate::notes::notes()?)?;
    Ok(outline)
}

/// Every measure a lever's notes name (`measures` in `content/levers.toml`) is one of the outline's.
fn lever_measures_known(outline: &Outline, notes: &crate::notes::Notes) -> Result<(), String> {
    crate::notes::lever_names_known(
        notes,
        ("measures", |n| &n.measures),
        |m| outline.measures().any(|x| x.id == m),
        &format!("a measure of {OUTLINE_FILE}"),
    )
}

static OUTLINE: LazyLock<Result<Outline, String>> = LazyLock::new(|| load(OUTLINE_TEXT));

/// The outline, or what is wrong with its file.
pub fn outline() -> Result<&'static Outline, String> {
    OUTLINE.as_ref().map_err(Clone::clone)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::has_cjk;
    use std::collections::HashSet;
    use vtre_model::levers::{spec as lever_spec, LEVERS};
    use vtre_model::targets::{spec as target_spec, TARGETS};

    const TEXT: &str = include_str!("../../../content/guideline-zh.txt");

    fn ol() -> &'static Outline {
        outline().unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn the_file_parses() {
        assert_eq!(ol().chapters.len(), 4);
    }

    #[test]
    fn every_quote_is_verbatim_short_and_on_one_line() {
        for m in ol().measures() {
            assert!(!m.quote_zh.is_empty(), "{} has no quote", m.id);
            assert!(
                TEXT.contains(&m.quote_zh),
                "{} quote not found verbatim: {}",
                m.id,
                m.quote_zh
            );
            assert!(m.quote_zh.chars().count() <= 60, "{} quote too long", m.id);
            assert!(!m.quote_zh.contains('\n'), "{} quote spans lines", m.id);
        }
    }

    #[test]
    fn chapter_and_section_titles_are_the_guideline_s_own() {
        for c in &ol().chapters {
            let heading = format!("{} {}", c.number_zh, c.title.zh);
            assert!(TEXT.contains(&heading), "{heading}");
            for s in &c.sections {
                assert!(s.number_zh.starts_with(&c.number_zh), "{}", s.id);
                let sec_no = s.number_zh.split(' ').nth(1).unwrap_or("");
                let heading = format!("{sec_no} {}", s.title.zh);
                assert!(TEXT.contains(&heading), "{} {heading}", s.id);
            }
        }
    }

    #[test]
    fn ids_are_unique_and_nested() {
        let mut chapters = HashSet::new();
        let mut sections = HashSet::new();
        let mut measure_ids = HashSet::new();
        for (ci, c) in ol().chapters.iter().enumerate() {
            assert_eq!(c.id, format!("ch{}", ci + 1));
            assert!(chapters.insert(&c.id), "duplicate chapter {}", c.id);
            assert!(!c.sections.is_empty(), "{} has sections", c.id);
            for (si, s) in c.sections.iter().enumerate() {
                assert_eq!(s.id, format!("{}-s{}", c.id, si + 1));
                assert!(sections.insert(&s.id), "duplicate section {}", s.id);
                for (mi, m) in s.measures.iter().enumerate() {
                    assert_eq!(m.id, format!("{}-{}", s.id, mi + 1));
                    assert!(measure_ids.insert(&m.id), "duplicate measure {}", m.id);
                }
            }
        }
        assert_eq!(sections.len(), 19, "the guideline has 19 sections");
    }

    #[test]
    fn every_text_is_filled_in_both_languages() {
        for c in &ol().chapters {
            assert!(!c.title.en.trim().is_empty(), "{}", c.id);
            assert!(!has_cjk(&c.title.en), "{} title_en has Chinese", c.id);
            for s in &c.sections {
                for t in [&s.title.en, &s.summary.zh, &s.summary.en] {
                    assert!(!t.trim().is_empty(), "{}", s.id);
                }
                for t in [&s.title.en, &s.summary.en] {
                    assert!(!has_cjk(t), "{} en text has Chinese: {t}", s.id);
                }
                for m in &s.measures {
                    assert!(!m.summary.zh.trim().is_empty(), "{}", m.id);
                    assert!(!m.summary.en.trim().is_empty(), "{}", m.id);
                    assert!(!has_cjk(&m.summary.en), "{} en summary has Chinese", m.id);
                }
            }
        }
    }

    #[test]
    fn every_lever_section_resolves() {
        for l in LEVERS {
            let sec = lever_spec(l.id).section;
            assert!(ol().section(sec).is_some(), "{} cites {sec}", l.key);
        }
    }

    #[test]
    fn every_target_section_resolves() {
        for t in TARGETS {
            let sec = target_spec(t.id).section;
            assert!(ol().section(sec).is_some(), "{} cites {sec}", t.key);
        }
    }

    #[test]
    fn every_lever_represents_at_least_one_measure() {
        for l in LEVERS {
            assert!(
                ol().measures_for_lever(l.id).next().is_some(),
                "{} is in no measure",
                l.key
            );
        }
    }

    #[test]
    fn every_target_is_stated_by_a_measure_of_its_section() {
        for t in TARGETS {
            assert!(
                ol().measures_for_target(t.id).next().is_some(),
                "{} is in no measure",
                t.key
            );
            let sec = ol().section(t.section);
            assert!(
                sec.is_some_and(|s| s.measures.iter().any(|m| m.targets.contains(&t.id))),
                "{} is not in its own section",
                t.key
            );
        }
    }

    #[test]
    fn lookup_finds_known_sections_and_rejects_unknown() {
        assert!(ol()
            .section("ch3-s5")
            .is_some_and(|s| s.title.zh == "践行绿色低碳"));
        assert!(ol()
            .section("ch2-s3")
            .is_some_and(|s| s.title.zh == "发展目标"));
        assert!(ol().section("ch9-s9").is_none());
    }

    #[test]
    fn a_measure_a_lever_names_must_be_in_the_outline() {
        let bad = crate::notes::LEVERS_TOML.replacen(
            "measures = [\"ch3-s5-1\"]",
            "measures = [\"ch3-s5-9\"]",
            1,
        );
        assert_ne!(
            bad,
            crate::notes::LEVERS_TOML,
            "eaf_swap represents ch3-s5-1"
        );
        let notes = crate::notes::Notes::parse(&bad, crate::notes::PRESETS_TOML);
        let e = notes
            .and_then(|n| lever_measures_known(ol(), &n))
            .err()
            .unwrap_or_default();
        assert!(e.contains("[eaf_swap] measures names \"ch3-s5-9\""), "{e}");
        assert_eq!(
            crate::notes::notes().map(|n| lever_measures_known(ol(), n)),
            Ok(Ok(()))
        );
        // And the reader shows each lever's chip where its notes say.
        assert!(ol()
            .measures()
            .any(|m| m.id == "ch3-s5-1" && m.levers.contains(&LeverId::EafSwap)));
    }

    #[test]
    fn unknown_target_key_is_an_error_naming_the_file() {
        for (from, to) in [
            ("\"fe_recovery\"", "\"fe_recovry\""),
            ("\"vti_clusters\"", "\"vti_cluster\""),
        ] {
            let bad = OUTLINE_TEXT.replacen(from, to, 1);
            assert_ne!(bad, OUTLINE_TEXT, "the outline lists {from}");
            let e = load(&bad).err().unwrap_or_default();
            assert!(e.starts_with("content/guideline-outline.toml: "), "{e}");
            assert!(e.contains(&format!("key {to}")), "{e}");
        }
        let bad = OUTLINE_TEXT.replacen("quote_zh", "quote", 1);
        let e = load(&bad).err().unwrap_or_default();
        assert!(e.contains("quote"), "{e}");
    }
}
