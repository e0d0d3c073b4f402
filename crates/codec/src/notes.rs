//! The lever explanations and preset stories as data (`pages/notes-<lang>.json`, written by the page
//! generator from `content/levers.toml` and `content/presets.toml`; read by the app when the first lever
//! info is opened). The app renders them as typed views: text stays text, a source is a list of
//! [`Piece`]s, and nothing from the file is ever markup — a tampered cache or response can show wrong words,
//! never run anything.
//!
//! ```json
//! {"v":1,"levers":{"eaf_swap":{"help":"…","source":[["cite","《指南》第三章第五节","第三章第五节","zh-CN"],
//!   ["text","；"],["row","eaf_swap_ratio","厂内转炉改电炉的置换比例","row-eaf_swap_ratio"]],"note":"…"}},
//!  "presets":{"green_low_carbon":"…"}}
//! ```

use crate::json::{self, Json};

/// The format's version: a file of another version is refused (the app says the notes cannot be loaded).
pub const VERSION: u32 = 1;

/// A part of a lever's source line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    /// Plain text (a separator between sources).
    Text(String),
    /// A citation of the guideline: what is shown, its tooltip, its language if not the page's.
    Cite {
        text: String,
        title: Option<String>,
        lang: Option<String>,
    },
    /// A row of the baseline CSV, linked to its line on the assumptions page (`id`, the row's element id).
    Row {
        key: String,
        name: String,
        id: String,
    },
    /// A key with no row name (shown as code).
    Code(String),
}

/// A lever's explanation, its sources and the note on its reference value.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LeverNote {
    pub help: String,
    pub source: Vec<Piece>,
    pub note: String,
}

/// Every lever's note and every preset's story, in one language, by key, in the file's order (a list: a
/// few dozen entries, and one map type less in the page's wasm).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Notes {
    pub levers: Vec<(String, LeverNote)>,
    pub presets: Vec<(String, String)>,
}

fn s(v: &str) -> Json {
    Json::Str(v.to_string())
}

fn opt(v: &Option<String>) -> Json {
    v.as_deref().map_or(Json::Null, s)
}

impl Piece {
    fn to_json(&self) -> Json {
        Json::Arr(match self {
            Piece::Text(t) => vec![s("text"), s(t)],
            Piece::Cite { text, title, lang } => vec![s("cite"), s(text), opt(title), opt(lang)],
            Piece::Row { key, name, id } => vec![s("row"), s(key), s(name), s(id)],
            Piece::Code(k) => vec![s("code"), s(k)],
        })
    }

    /// `None`: not a piece of this format (or an unsafe row id).
    fn from_json(v: &Json) -> Option<Piece> {
        let parts = v.as_array()?;
        let text = |i: usize| parts.get(i).and_then(Json::as_str).map(str::to_string);
        let maybe = |i: usize| match parts.get(i)? {
            Json::Null => Some(None),
            Json::Str(t) => Some(Some(t.clone())),
            _ => None,
        };
        Some(match (parts.first()?.as_str()?, parts.len()) {
            ("text", 2) => Piece::Text(text(1)?),
            ("cite", 4) => Piece::Cite {
                text: text(1)?,
                title: maybe(2)?,
                lang: maybe(3)?.filter(|l| valid_lang(l)),
            },
            ("row", 4) => Piece::Row {
                key: text(1)?,
                name: text(2)?,
                id: text(3).filter(|id| valid_id(id))?,
            },
            ("code", 2) => Piece::Code(text(1)?),
            _ => return None,
        })
    }
}

/// An element id the app may put in a link's fragment: letters, digits, `-` and `_`.
fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 120
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// A language tag (`zh-CN`, `en`).
fn valid_lang(l: &str) -> bool {
    !l.is_empty() && l.len() <= 12 && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

impl Notes {
    /// Lever `key`'s note.
    pub fn lever(&self, key: &str) -> Option<&LeverNote> {
        self.levers.iter().find(|(k, _)| k == key).map(|(_, n)| n)
    }

    /// Preset `key`'s story.
    pub fn preset(&self, key: &str) -> Option<&str> {
        self.presets
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, s)| s.as_str())
    }

    /// The file's text.
    pub fn to_json_text(&self) -> String {
        let levers = self
            .levers
            .iter()
            .map(|(k, n)| {
                (
                    k.clone(),
                    Json::Obj(vec![
                        ("help".into(), s(&n.help)),
                        (
                            "source".into(),
                            Json::Arr(n.source.iter().map(Piece::to_json).collect()),
                        ),
                        ("note".into(), s(&n.note)),
                    ]),
                )
            })
            .collect();
        let presets = self
            .presets
            .iter()
            .map(|(k, story)| (k.clone(), s(story)))
            .collect();
        Json::Obj(vec![
            ("v".into(), Json::Num(f64::from(VERSION))),
            ("levers".into(), Json::Obj(levers)),
            ("presets".into(), Json::Obj(presets)),
        ])
        .to_text()
    }

    /// Reads the file (outside input: a tampered cache or response). Never panics; anything not of this
    /// version and shape is refused with why. (Reasons are fixed words: this runs in the page's first module,
    /// where every formatted message costs wasm.)
    pub fn parse(text: &str) -> Result<Notes, &'static str> {
        let v = json::parse(text).map_err(|_| "not JSON")?;
        if v.get("v").and_then(Json::as_f64) != Some(f64::from(VERSION)) {
            return Err("notes of another version");
        }
        let text_of = |o: &Json, k: &str| o.get(k).and_then(Json::as_str).map(str::to_string);
        let mut notes = Notes::default();
        for (key, n) in v
            .get("levers")
            .and_then(Json::as_object)
            .ok_or("no levers")?
        {
            let mut source = Vec::new();
            for p in n
                .get("source")
                .and_then(Json::as_array)
                .ok_or("no source")?
            {
                source.push(Piece::from_json(p).ok_or("a source piece of unknown shape")?);
            }
            let note = LeverNote {
                help: text_of(n, "help").ok_or("no help")?,
                source,
                note: text_of(n, "note").ok_or("no note")?,
            };
            notes.levers.push((key.clone(), note));
        }
        for (key, story) in v
            .get("presets")
            .and_then(Json::as_object)
            .ok_or("no presets")?
        {
            let story = story.as_str().ok_or("a preset's story is not text")?;
            notes.presets.push((key.clone(), story.to_string()));
        }
        if notes.levers.is_empty() {
            return Err("no lever notes");
        }
        Ok(notes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Notes {
        let mut n = Notes::default();
        n.levers.push((
            "eaf_swap".into(),
            LeverNote {
                help: "把长流程产能置换为全废钢电炉 <b>不是标记</b>".into(),
                source: vec![
                    Piece::Cite {
                        text: "《指南》第三章第五节".into(),
                        title: None,
                        lang: Some("zh-CN".into()),
                    },
                    Piece::Text("；".into()),
                    Piece::Row {
                        key: "eaf_swap_ratio".into(),
                        name: "厂内转炉改电炉的置换比例".into(),
                        id: "row-eaf_swap_ratio".into(),
                    },
                    Piece::Code("no_such_key".into()),
                ],
                note: "指南未给出数量".into(),
            },
        ));
        n.presets
            .push(("green_low_carbon".into(), "A story \"quoted\"".into()));
        n
    }

    #[test]
    fn notes_read_back_as_written() {
        let n = sample();
        assert_eq!(Notes::parse(&n.to_json_text()), Ok(n));
    }

    #[test]
    fn a_file_of_another_version_or_shape_is_refused_with_why_and_an_unsafe_row_id_or_language_never_passes(
    ) {
        let good = sample().to_json_text();
        for (text, why) in [
            (String::new(), ""),
            (good.replace("\"v\":1", "\"v\":2"), "another version"),
            (good.replace("\"help\"", "\"hlp\""), "no help"),
            (good.replace("\"row\",", "\"bogus\","), "unknown shape"),
            (
                good.replace("row-eaf_swap_ratio", "x\\\" onclick=\\\"alert(1)"),
                "unknown shape",
            ),
            (
                r#"{"v":1,"levers":{},"presets":{}}"#.into(),
                "no lever notes",
            ),
            (good.replace("\"presets\"", "\"p\""), "no presets"),
        ] {
            let got = Notes::parse(&text);
            assert!(
                got.as_ref().is_err_and(|e| e.contains(why)),
                "{why}: {got:?}"
            );
        }
        // A language tag that is not one is dropped (the citation stays).
        let odd = good.replace("\"zh-CN\"", "\"zh CN onload\"");
        let n = Notes::parse(&odd).unwrap_or_else(|e| panic!("{e}"));
        assert!(matches!(
            &n.lever("eaf_swap").map(|l| &l.source[0]),
            Some(Piece::Cite { lang: None, .. })
        ));
    }
}
