//! The "download data" file (issue #14): everything needed to cite a scenario, in one CSV file of three
//! sections, each starting with a `# <name>` line and its own header row, separated by an empty line
//! (citation, projection, assumptions, and `series`: each projection key's name and unit in both languages):
//!
//! 1. `# citation` — `field,value` rows: the title in both languages, the version, the date, the scenario's
//!    share link, a ready-made citation line and the licences ([`DATA_LICENCE`], [`CODE_LICENCE`]);
//! 2. `# projection` — exactly [`crate::output::projection_csv`] (the CLI's `vtre project`);
//! 3. `# assumptions` — every parameter as `vtre params-all` prints it (`id,value,low,high,unit,kind,source,
//!    role`; the build writes it to `data/assumptions.csv` and the app fetches it, so the sources' text stays
//!    out of the wasm), plus `name_zh,name_en,scenario_value,overridden` (`yes` on the parameters this
//!    scenario overrides). Without that file (the network and the service worker's cache both failed) a line
//!    says so and only the overridden parameters are listed.
//!
//! The text starts with a UTF-8 byte-order mark so spreadsheet programs read the Chinese correctly.

use crate::output::{fmt_num, projection_csv};
use vtre_model::params::ParamId;
use vtre_model::{Lang, Projection};

/// The licence of the data in the download, stated in both languages.
pub const DATA_LICENCE: &str = "预测结果与数据汇编：CC BY 4.0（请按上方引用）；假设中引用的已公布数据，版权归各来源所有（见 source 列）。 / Projection and data compilation: CC BY 4.0 (cite as above); the published figures quoted in the assumptions remain the property of their sources (see the source column).";
/// The licence of the code (Cargo.toml).
pub const CODE_LICENCE: &str = "MIT OR Apache-2.0";
/// The header `vtre params-all` prints, which the assumptions section extends.
pub const ASSUMPTIONS_HEADER: &str = "id,value,low,high,unit,kind,source,role";

/// What the citation says: the app fills it in (title from its sentences, version from Cargo, today's date,
/// the share link of the scenario).
#[derive(Clone, Debug)]
pub struct Citation<'a> {
    pub title_zh: &'a str,
    pub title_en: &'a str,
    pub version: &'a str,
    /// `YYYY-MM-DD`.
    pub date: &'a str,
    pub link: &'a str,
    /// The language of the citation line.
    pub lang: Lang,
}

impl Citation<'_> {
    /// The ready-made citation line.
    pub fn line(&self) -> String {
        let c = self;
        if c.lang.zh() {
            format!(
                "{}（{}），版本 {}，{} 下载。情景：{}",
                c.title_zh, c.title_en, c.version, c.date, c.link
            )
        } else {
            format!(
                "{} ({}), version {}, downloaded {}. Scenario: {}",
                c.title_en, c.title_zh, c.version, c.date, c.link
            )
        }
    }
}

fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// CSV text split into records: a line break inside a quoted field stays in its record. Empty lines are
/// dropped.
pub fn records(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut quoted = false;
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => {
                out.push(text[start..i].trim_end_matches('\r'));
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(text[start..].trim_end_matches('\r'));
    out.retain(|r| !r.is_empty());
    out
}

/// The whole download (see the module documentation). `assumptions` is the text of `data/assumptions.csv`,
/// if it could be had; text that does not start with [`ASSUMPTIONS_HEADER`] is not taken.
pub fn data_csv(
    c: &Citation,
    p: &Projection,
    overrides: &vtre_model::scenario::Overrides,
    assumptions: Option<&str>,
) -> String {
    let mut out = String::from("\u{feff}# citation\nfield,value\n");
    for (k, v) in [
        ("title_zh", c.title_zh.to_string()),
        ("title_en", c.title_en.to_string()),
        ("version", c.version.to_string()),
        ("date", c.date.to_string()),
        ("scenario", c.link.to_string()),
        ("citation", c.line()),
        ("licence_data", DATA_LICENCE.to_string()),
        ("licence_code", CODE_LICENCE.to_string()),
    ] {
        out.push_str(&format!("{k},{}\n", field(&v)));
    }
    out.push_str("\n# projection\n");
    out.push_str(&projection_csv(p));
    out.push_str("\n# assumptions\n");
    let rows = assumptions
        .map(records)
        .filter(|r| r.first() == Some(&ASSUMPTIONS_HEADER));
    let rows: Vec<String> = match rows {
        Some(r) => r.iter().skip(1).map(|s| s.to_string()).collect(),
        None => {
            out.push_str("# the sources could not be loaded here (`vtre params-all` prints them): only the parameters this scenario overrides\n");
            overrides
                .keys()
                .map(|id| format!("{},,,,,,,", id.key()))
                .collect()
        }
    };
    out.push_str(ASSUMPTIONS_HEADER);
    out.push_str(",name_zh,name_en,scenario_value,overridden\n");
    for row in rows {
        let key = row.split(',').next().unwrap_or_default();
        let spec = ParamId::from_key(key).map(vtre_model::params::spec);
        let (zh, en) = spec.map_or(("", ""), |s| (s.label().zh, s.label().en));
        let over = spec.and_then(|s| overrides.get(&s.id));
        let value = over.copied().or(spec.map(|s| s.value));
        out.push_str(&format!(
            "{row},{},{},{},{}\n",
            field(zh),
            field(en),
            value.map(fmt_num).unwrap_or_default(),
            if over.is_some() { "yes" } else { "" }
        ));
    }
    // What the projection's keys and units mean, in both languages (the projection itself is exactly the
    // CLI's: model keys and units).
    out.push_str("\n# series\nseries,name_zh,name_en,unit,unit_zh,unit_en\n");
    for spec in vtre_model::SERIES {
        out.push_str(&format!(
            "{},{},{},{},{},{}\n",
            spec.key,
            field(spec.id.label(vtre_model::Lang::Zh)),
            field(spec.id.label(vtre_model::Lang::En)),
            field(spec.id.unit()),
            field(&vtre_i18n::unit_text(spec.id.unit(), vtre_model::Lang::Zh)),
            field(&vtre_i18n::unit_text(spec.id.unit(), vtre_model::Lang::En)),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use vtre_model::params::PARAMS;
    use vtre_model::{simulate, Scenario};

    fn cite(link: &str) -> Citation<'_> {
        Citation {
            title_zh: "四川钒钛钢铁及稀土产业政策情景沙盘",
            title_en: "Sichuan V-Ti-Steel & Rare-Earth Policy Explorer",
            version: "0.1.0",
            date: "2026-12-01",
            link,
            lang: Lang::En,
        }
    }

    /// The section named `name`: its records after the `# name` line, up to the next section.
    fn section<'a>(text: &'a str, name: &str) -> Vec<&'a str> {
        let recs = records(text.trim_start_matches('\u{feff}'));
        let start = recs
            .iter()
            .position(|r| *r == format!("# {name}"))
            .unwrap_or_else(|| panic!("no section {name}"));
        recs[start + 1..]
            .iter()
            .take_while(|r| {
                !["# citation", "# projection", "# assumptions", "# series"].contains(r)
            })
            .copied()
            .collect()
    }

    #[test]
    fn the_download_has_the_citation_the_projection_and_the_assumptions_with_overrides_marked() {
        let mut s = Scenario::reference();
        let id = PARAMS
            .iter()
            .find(|p| p.overridable() && p.low < p.value)
            .map(|p| p.id)
            .unwrap_or_else(|| unreachable!());
        let sp = vtre_model::params::spec(id);
        let v = sp.low;
        s.set_param(id, v);
        let p = simulate(&s);
        let link = format!("https://example.gov.cn/vtre/?s={}", crate::link::encode(&s));
        let assumptions = crate::output::params_csv(true);
        let text = data_csv(&cite(&link), &p, s.overrides(), Some(&assumptions));
        assert!(text.starts_with("\u{feff}# citation\n"));

        let c = section(&text, "citation");
        assert_eq!(c[0], "field,value");
        assert!(c.contains(&"version,0.1.0") && c.contains(&"date,2026-12-01"));
        assert!(c.contains(&format!("scenario,{}", field(&link)).as_str()));
        let line = c
            .iter()
            .find(|r| r.starts_with("citation,"))
            .unwrap_or_else(|| unreachable!());
        assert!(
            line.contains("Sichuan V-Ti-Steel") && line.contains("0.1.0") && line.contains(&link)
        );
        assert!(c
            .iter()
            .any(|r| r.starts_with("licence_data,") && r.contains("CC BY 4.0")));
        assert!(c.contains(&"licence_code,MIT OR Apache-2.0"));

        let proj = section(&text, "projection").join("\n") + "\n";
        assert_eq!(proj, projection_csv(&p), "the projection is the CLI's CSV");

        let a = section(&text, "assumptions");
        assert_eq!(
            a[0],
            format!("{ASSUMPTIONS_HEADER},name_zh,name_en,scenario_value,overridden")
        );
        assert_eq!(a.len() - 1, PARAMS.len(), "every parameter");
        let row = a
            .iter()
            .find(|r| r.starts_with(&format!("{},", sp.csv_key)))
            .unwrap_or_else(|| unreachable!());
        assert!(row.ends_with(&format!(",{},yes", fmt_num(v))), "{row}");
        assert!(row.contains(sp.label().en), "{row}");
        let marked = a.iter().filter(|r| r.ends_with(",yes")).count();
        assert_eq!(marked, 1, "only the override is marked");
        // Every projection key is named and its unit said in both languages.
        let series = section(&text, "series");
        assert_eq!(series[0], "series,name_zh,name_en,unit,unit_zh,unit_en");
        assert_eq!(series.len() - 1, vtre_model::SERIES.len());
        assert!(series.contains(&"crude_steel_total,粗钢产量,Crude steel,万吨,万吨,10 kt"));
        // Each row keeps the source column of `vtre params-all`.
        let plain: Vec<&str> = records(&assumptions);
        for (full, orig) in a.iter().skip(1).zip(plain.iter().skip(1)) {
            assert!(full.starts_with(orig), "{full}");
        }
    }

    #[test]
    fn without_the_file_or_with_something_else_only_the_overrides_are_listed() {
        let mut s = Scenario::reference();
        let sp = PARAMS
            .iter()
            .find(|p| p.overridable() && p.low < p.value)
            .unwrap_or_else(|| unreachable!());
        s.set_param(sp.id, sp.low);
        let p = simulate(&s);
        for given in [None, Some("<!doctype html><p>not found</p>")] {
            let text = data_csv(&cite("x"), &p, s.overrides(), given);
            let a = section(&text, "assumptions");
            assert!(a[0].starts_with("# the sources could not be loaded"));
            assert_eq!(a.len(), 3, "{a:?}");
            assert!(a[2].starts_with(&format!("{},,,,,,,", sp.csv_key)) && a[2].ends_with(",yes"));
        }
    }

    #[test]
    fn records_keep_line_breaks_inside_quotes() {
        assert_eq!(records("a,b\n\"x\ny\",z\r\n\n"), vec!["a,b", "\"x\ny\",z"]);
    }

    #[test]
    fn the_citation_line_is_in_the_chosen_language() {
        let mut c = cite("L");
        assert!(c.line().starts_with("Sichuan V-Ti-Steel"));
        c.lang = Lang::Zh;
        assert!(c.line().starts_with("四川钒钛") && c.line().ends_with("情景：L"));
    }
}
