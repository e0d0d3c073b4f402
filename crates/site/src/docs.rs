//! "How the model works" pages and the glossary, in Chinese and English, loaded from `content/chains/<id>.toml`
//! (one file per chain page) and `content/glossary.toml`.
//!
//! Each [`ChainPage`] restates the equations of one chain module of the model (steel, vanadium, titanium,
//! rare earths, energy, emissions, value) in plain text, with the 2020 calibration and its limits; numbers are
//! those of the baseline CSV and the lever table. Equations and symbols use the same notation in both languages
//! (no Chinese in them). The tests below check the files: see `content/README.md`.

use crate::content::{self, LoadedText};
use serde::Deserialize;
use std::sync::LazyLock;
use vtre_model::levers::LeverId;

/// One "how it works" page for one chain of the model.
#[derive(Debug)]
pub struct ChainPage {
    /// "steel" | "vanadium" | "titanium" | "rare_earth" | "energy" | "emissions" | "value" (the file name).
    pub id: String,
    pub title: LoadedText,
    /// 2–4 sentences: what the chain is and why it matters in the guideline.
    pub intro: LoadedText,
    /// Equations in readable plain-text form, one per entry, same symbols in both languages.
    pub equations: Vec<String>,
    /// What each symbol means.
    pub symbols: Vec<Symbol>,
    /// The couplings to other chains, explained (2–4 sentences).
    pub couplings: LoadedText,
    /// How 2020 is calibrated for this chain (1–3 sentences, citing the figure and whether FACT or ESTIMATE).
    pub calibration: LoadedText,
    /// Honest limits (2–4 sentences).
    pub limits: LoadedText,
    /// The levers that act on this chain, in the order their chips are shown.
    pub levers: Vec<LeverId>,
}

/// One symbol of a chain page's equations and what it means.
#[derive(Debug)]
pub struct Symbol {
    /// As written in the equations, e.g. "K_vti, K_oth".
    pub symbol: String,
    pub meaning: LoadedText,
}

/// One glossary entry: the term and its definition.
#[derive(Debug)]
pub struct Term {
    pub name: LoadedText,
    pub def: LoadedText,
}

/// `content/chains/<id>.toml` as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ChainFile {
    id: String,
    title_zh: String,
    title_en: String,
    intro_zh: String,
    intro_en: String,
    equations: Vec<String>,
    couplings_zh: String,
    couplings_en: String,
    calibration_zh: String,
    calibration_en: String,
    limits_zh: String,
    limits_en: String,
    symbols: Vec<SymbolEntry>,
}

/// One `[[symbols]]` entry of a chain file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SymbolEntry {
    symbol: String,
    zh: String,
    en: String,
}

/// `content/glossary.toml` as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GlossaryFile {
    terms: Vec<TermEntry>,
}

/// One `[[terms]]` entry of the glossary file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TermEntry {
    zh: String,
    en: String,
    def_zh: String,
    def_en: String,
}

/// A chain file's id and text, embedded at compile time.
macro_rules! chain_file {
    ($id:literal) => {
        (
            $id,
            include_str!(concat!("../../../content/chains/", $id, ".toml")),
        )
    };
}

/// The chain files, in page order: steel, vanadium, titanium, rare earths, energy, emissions, value.
const CHAIN_FILES: [(&str, &str); 7] = [
    chain_file!("steel"),
    chain_file!("vanadium"),
    chain_file!("titanium"),
    chain_file!("rare_earth"),
    chain_file!("energy"),
    chain_file!("emissions"),
    chain_file!("value"),
];

const GLOSSARY_FILE: &str = "content/glossary.toml";
const GLOSSARY_TEXT: &str = include_str!("../../../content/glossary.toml");

/// Loads one chain page from the text of `content/chains/<id>.toml`.
fn load_chain(id: &str, text: &str) -> Result<ChainPage, String> {
    let file = format!("content/chains/{id}.toml");
    let f: ChainFile = content::parse(&file, text)?;
    if f.id != id {
        return Err(format!(
            "{file}: id = \"{}\" does not match the file name",
            f.id
        ));
    }
    Ok(ChainPage {
        id: f.id,
        title: LoadedText::new(f.title_zh, f.title_en),
        intro: LoadedText::new(f.intro_zh, f.intro_en),
        equations: f.equations,
        symbols: f
            .symbols
            .into_iter()
            .map(|s| Symbol {
                symbol: s.symbol,
                meaning: LoadedText::new(s.zh, s.en),
            })
            .collect(),
        couplings: LoadedText::new(f.couplings_zh, f.couplings_en),
        calibration: LoadedText::new(f.calibration_zh, f.calibration_en),
        limits: LoadedText::new(f.limits_zh, f.limits_en),
        levers: crate::notes::levers_naming(id, |n| &n.pages),
    })
}

/// Loads the glossary from the text of `content/glossary.toml`.
fn load_glossary(text: &str) -> Result<Vec<Term>, String> {
    let f: GlossaryFile = content::parse(GLOSSARY_FILE, text)?;
    Ok(f.terms
        .into_iter()
        .map(|t| Term {
            name: LoadedText::new(t.zh, t.en),
            def: LoadedText::new(t.def_zh, t.def_en),
        })
        .collect())
}

/// Every chain page a lever's notes name (`pages` in `content/levers.toml`) is one of [`CHAIN_FILES`].
fn lever_pages_known(notes: &crate::notes::Notes) -> Result<(), String> {
    crate::notes::lever_names_known(
        notes,
        ("pages", |n| &n.pages),
        |p| CHAIN_FILES.iter().any(|(id, _)| *id == p),
        "a chain page (content/chains/)",
    )
}

static CHAINS: LazyLock<Result<Vec<ChainPage>, String>> = LazyLock::new(|| {
    lever_pages_known(crate::notes::notes()?)?;
    CHAIN_FILES
        .iter()
        .map(|(id, text)| load_chain(id, text))
        .collect()
});

static GLOSSARY: LazyLock<Result<Vec<Term>, String>> =
    LazyLock::new(|| load_glossary(GLOSSARY_TEXT));

/// The seven chain pages, in the order steel, vanadium, titanium, rare earths, energy, emissions, value; or
/// what is wrong with their files.
pub fn chain_pages() -> Result<&'static [ChainPage], String> {
    CHAINS.as_deref().map_err(Clone::clone)
}

/// The glossary, grouped loosely: policy, steel, vanadium and titanium, rare earths, energy and emissions; or
/// what is wrong with its file.
pub fn glossary() -> Result<&'static [Term], String> {
    GLOSSARY.as_deref().map_err(Clone::clone)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::has_cjk;
    use std::collections::HashSet;

    const IDS: [&str; 7] = [
        "steel",
        "vanadium",
        "titanium",
        "rare_earth",
        "energy",
        "emissions",
        "value",
    ];

    fn pages() -> &'static [ChainPage] {
        chain_pages().unwrap_or_else(|e| panic!("{e}"))
    }

    fn terms() -> &'static [Term] {
        glossary().unwrap_or_else(|e| panic!("{e}"))
    }

    /// The bilingual texts of a page, named for messages.
    fn texts(p: &ChainPage) -> [(&'static str, &LoadedText); 5] {
        [
            ("title", &p.title),
            ("intro", &p.intro),
            ("couplings", &p.couplings),
            ("calibration", &p.calibration),
            ("limits", &p.limits),
        ]
    }

    #[test]
    fn every_file_parses() {
        assert_eq!(pages().len(), CHAIN_FILES.len());
        assert!(!terms().is_empty());
    }

    #[test]
    fn seven_pages_in_order() {
        let ids: Vec<&str> = pages().iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, IDS);
    }

    #[test]
    fn text_fields_non_empty() {
        for p in pages() {
            for (name, t) in texts(p) {
                assert!(!t.zh.trim().is_empty(), "empty {name}_zh on page {}", p.id);
                assert!(!t.en.trim().is_empty(), "empty {name}_en on page {}", p.id);
            }
            assert!(!p.equations.is_empty(), "no equations on page {}", p.id);
            assert!(!p.symbols.is_empty(), "no symbols on page {}", p.id);
            assert!(!p.levers.is_empty(), "no levers on page {}", p.id);
            for e in &p.equations {
                assert!(!e.trim().is_empty(), "empty equation on page {}", p.id);
            }
            for s in &p.symbols {
                assert!(
                    !s.symbol.trim().is_empty()
                        && !s.meaning.zh.trim().is_empty()
                        && !s.meaning.en.trim().is_empty(),
                    "empty symbol entry on page {}",
                    p.id
                );
            }
        }
        for t in terms() {
            for f in [&t.name.zh, &t.name.en, &t.def.zh, &t.def.en] {
                assert!(
                    !f.trim().is_empty(),
                    "empty glossary field for {}",
                    t.name.zh
                );
            }
        }
    }

    #[test]
    fn english_and_equations_have_no_cjk() {
        for p in pages() {
            for (name, t) in texts(p) {
                assert!(
                    !has_cjk(&t.en),
                    "CJK in {name}_en on page {}: {}",
                    p.id,
                    t.en
                );
            }
            for e in &p.equations {
                assert!(!has_cjk(e), "CJK in equation on page {}: {e}", p.id);
            }
            for s in &p.symbols {
                assert!(
                    !has_cjk(&s.symbol),
                    "CJK in symbol on page {}: {}",
                    p.id,
                    s.symbol
                );
                assert!(
                    !has_cjk(&s.meaning.en),
                    "CJK in symbol meaning on page {}: {}",
                    p.id,
                    s.meaning.en
                );
            }
        }
        for t in terms() {
            assert!(!has_cjk(&t.name.en), "CJK in glossary term: {}", t.name.en);
            assert!(
                !has_cjk(&t.def.en),
                "CJK in glossary definition of {}",
                t.name.en
            );
        }
    }

    #[test]
    fn zh_fields_are_chinese() {
        for p in pages() {
            for (name, t) in texts(p) {
                assert!(has_cjk(&t.zh), "no Chinese in {name}_zh on page {}", p.id);
            }
            for s in &p.symbols {
                assert!(has_cjk(&s.meaning.zh), "no Chinese in symbol {}", s.symbol);
            }
        }
        for t in terms() {
            assert!(
                has_cjk(&t.name.zh) && has_cjk(&t.def.zh),
                "no Chinese in {}",
                t.name.en
            );
        }
    }

    #[test]
    fn equations_are_short() {
        for p in pages() {
            for e in &p.equations {
                assert!(
                    e.chars().count() <= 110,
                    "equation too long on page {}: {e}",
                    p.id
                );
            }
        }
    }

    #[test]
    fn page_levers_exist() {
        // Unknown keys fail the loading (see `unknown_lever_key_is_an_error_naming_the_file`); here: no repeats.
        for p in pages() {
            let mut seen = HashSet::new();
            for l in &p.levers {
                assert!(
                    seen.insert(*l),
                    "lever {} listed twice on page {}",
                    l.key(),
                    p.id
                );
            }
        }
    }

    #[test]
    fn every_lever_on_some_page() {
        let listed: HashSet<LeverId> = pages()
            .iter()
            .flat_map(|p| p.levers.iter().copied())
            .collect();
        for l in vtre_model::levers::LEVERS {
            assert!(listed.contains(&l.id), "lever {} is on no page", l.key);
        }
    }

    #[test]
    fn glossary_unique_and_complete() {
        let terms = terms();
        assert!(terms.len() >= 24, "only {} terms", terms.len());
        let mut zh = HashSet::new();
        let mut en = HashSet::new();
        for t in terms {
            assert!(
                zh.insert(t.name.zh.as_str()),
                "duplicate term {}",
                t.name.zh
            );
            assert!(
                en.insert(t.name.en.as_str()),
                "duplicate term {}",
                t.name.en
            );
        }
        let required = [
            "产能置换",
            "能耗双控",
            "超低排放",
            "钒渣",
            "氯化法钛白",
            "硫酸法钛白",
            "海绵钛",
            "钛渣",
            "高炉渣提钛",
            "REO（稀土氧化物）",
            "稀土开采总量控制指标",
            "冶炼分离",
            "镨钕",
            "全钒液流电池",
            "长流程（高炉-转炉）",
            "短流程（电炉）",
            "铁精矿",
            "钛精矿",
            "钒钛磁铁矿",
            "当量值",
            "发电煤耗法（等价值）",
            "电网排放因子",
            "碳达峰",
            "产业规模（总产值）",
            "选矿回收率",
            "废钢",
            "吨钢综合能耗",
            "优惠电价",
        ];
        for r in required {
            assert!(zh.contains(r), "glossary lacks {r}");
        }
    }

    #[test]
    fn a_chain_page_a_lever_names_must_exist() {
        let from = "pages = [\"steel\", \"vanadium\", \"emissions\"]";
        let bad = crate::notes::LEVERS_TOML.replacen(from, "pages = [\"stel\"]", 1);
        assert_ne!(bad, crate::notes::LEVERS_TOML, "eaf_swap is on three pages");
        let notes = crate::notes::Notes::parse(&bad, crate::notes::PRESETS_TOML);
        let e = notes
            .and_then(|n| lever_pages_known(&n))
            .err()
            .unwrap_or_default();
        assert!(e.contains("[eaf_swap] pages names \"stel\""), "{e}");
        // And each page shows the chips of the levers whose notes name it, in the order of levers.csv.
        let steel = &pages()[0];
        assert_eq!(steel.id, "steel");
        assert_eq!(steel.levers.first(), Some(&LeverId::EafSwap));
        let order: Vec<usize> = steel.levers.iter().map(|l| *l as usize).collect();
        assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    }

    #[test]
    fn misnamed_or_missing_fields_and_a_wrong_id_are_errors() {
        let (id, text) = CHAIN_FILES[0];
        for (bad, what) in [
            (text.replacen("limits_en", "limit_en", 1), "limit_en"),
            (text.replacen("id = \"steel\"", "id = \"iron\"", 1), "iron"),
            (
                text.replacen("\n[[symbols]]\nsymbol", "\n[[symbols]]\nsym", 1),
                "sym",
            ),
        ] {
            assert_ne!(bad, text);
            let e = load_chain(id, &bad).err().unwrap_or_default();
            assert!(e.starts_with("content/chains/steel.toml: "), "{e}");
            assert!(e.contains(what), "{e}");
        }
        let e = load_glossary("[[terms]]\nzh = \"钒渣\"\nen = \"Vanadium slag\"\ndef_zh = \"…\"")
            .err()
            .unwrap_or_default();
        assert!(
            e.starts_with("content/glossary.toml: ") && e.contains("def_en"),
            "{e}"
        );
    }
}
