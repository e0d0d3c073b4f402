//! The reading pages (guideline reader, assumptions, how the model works), pre-rendered to static HTML at
//! build time (`vtre pages --out DIR`, run by Trunk's post-build hook). Their text and markup stay out of
//! the wasm, which loads a page only when it is opened and wires it up with one delegated listener
//! (`src/ui/static_page.rs`). Every `data-*` hook here is what the app and the tests rely on.

use crate::docs::{chain_pages, glossary};
use crate::guideline::{outline, Measure};
use maud::{html, Markup, PreEscaped};
use std::fmt::Write;
use vtre_i18n::{decimals, group, Lang, Msg, Precision};
use vtre_model::levers::{spec as lspec, LeverId};
use vtre_model::params::{Chain, Kind, Role, PARAMS};
use vtre_model::targets::spec as tspec;

pub mod analysis;
mod assumptions;
pub mod content;
pub mod docs;
pub mod first_view;
pub mod guideline;
mod history;
pub mod labels;
pub mod notes;

pub use assumptions::assumptions_html;
use assumptions::{chinese_number, source_pieces};

/// A lever's chip: its name, which the app turns into a button that opens the lever in the explorer
/// (src/ui/static_page/live.rs).
fn lever_chip(id: LeverId, lang: Lang) -> Markup {
    html! { span data-lever-chip=(id.key()) { (lspec(id).label.get(lang)) } }
}

fn measure(m: &Measure, lang: Lang) -> Markup {
    let mut search = format!("{} {} {}", m.quote_zh, m.summary.zh, m.summary.en);
    for l in &m.levers {
        search.push(' ');
        search.push_str(lspec(*l).label.zh);
        search.push(' ');
        search.push_str(lspec(*l).label.en);
    }
    let search = search.to_lowercase();
    html! {
        li class="measure" data-measure=(m.id) data-search=(search) {
            blockquote lang="zh-CN" { "“" (m.quote_zh) "”" }
            p { (m.summary.get(lang)) }
            @if m.levers.is_empty() && m.targets.is_empty() {
                p class="not-modelled" data-not-modelled="" { (Msg::NotModelled.text(lang)) }
            } @else {
                div class="moved-by" {
                    @if !m.levers.is_empty() {
                        span { (Msg::InModelAs.text(lang)) ":" }
                    }
                    @for l in &m.levers {
                        (lever_chip(*l, lang))
                    }
                    @for t in &m.targets {
                        @let s = tspec(*t);
                        // The app turns it into a button with the target's live status.
                        span data-target-chip=(s.key) { "◎ " (s.label.get(lang)) }
                    }
                }
            }
        }
    }
}

/// A chapter or section number of the outline (`第三章`, `第三章 第五节`): in Chinese as it is; in English as
/// `Chapter 3` or `3.5`, the Chinese number as a tooltip (so no heading mixes the two languages).
fn outline_number(number_zh: &str, lang: Lang) -> Markup {
    let en = || -> Option<String> {
        let mut parts = number_zh.split(' ');
        let chapter = parts.next()?.strip_prefix('第')?;
        let (c, rest) = chinese_number(chapter)?;
        (rest == "章").then_some(())?;
        match parts.next() {
            None => Some(format!("Chapter {c}")),
            Some(sec) => {
                let (n, rest) = chinese_number(sec.strip_prefix('第')?)?;
                (rest == "节" && parts.next().is_none()).then(|| format!("{c}.{n}"))
            }
        }
    };
    match (lang, en()) {
        (Lang::En, Some(n)) => html! { span title=(number_zh) { (n) } },
        _ => html! { span lang="zh-CN" { (number_zh) } },
    }
}

/// A reading page: its title and introduction, then `body`.
pub(crate) fn page(
    class: &str,
    id: &str,
    (title, intro): (Msg, Msg),
    lang: Lang,
    body: Markup,
) -> Markup {
    html! {
        article class=(class) aria-labelledby=(id) {
            h2 id=(id) { (title.text(lang)) }
            p class="page-intro" { (intro.text(lang)) }
            (body)
        }
    }
}

/// The guideline reader (`content/guideline-outline.toml`), or what is wrong with that file.
pub fn guideline_html(lang: Lang) -> Result<String, String> {
    let chapters = &outline()?.chapters;
    let body = html! {
        "\n"
        // The app mounts the search box, "no results" and the count here (src/ui/static_page/search.rs).
        div data-search-slot="" {}
        nav class="toc" aria-label=(Msg::Pages.text(lang)) {
            ol {
                @for c in chapters {
                    li {
                        (outline_number(&c.number_zh, lang)) " " (c.title.get(lang))
                        ol {
                            @for s in &c.sections {
                                li { a href={ "?view=guideline&sec=" (s.id) } data-goto-section=(s.id) { (s.title.get(lang)) } }
                            }
                        }
                    }
                }
            }
        }
        @for c in chapters {
            section class="chapter" data-chapter=(c.id) {
                h3 { (outline_number(&c.number_zh, lang)) " " (c.title.get(lang)) }
                @for s in &c.sections {
                    @let search = format!("{} {} {} {}", s.title.zh, s.title.en, s.summary.zh, s.summary.en).to_lowercase();
                    section class="section" data-section=(s.id) id={ "sec-" (s.id) } data-search=(search) {
                        h4 {
                            (outline_number(&s.number_zh, lang)) " " (s.title.get(lang)) " "
                            a class="icon link" href={ "?view=guideline&sec=" (s.id) } title=(Msg::SectionLink.text(lang)) aria-label=(Msg::SectionLink.text(lang)) { "#" }
                        }
                        p class="summary" { (s.summary.get(lang)) }
                        ul class="measures" {
                            @for m in &s.measures {
                                (measure(m, lang))
                            }
                        }
                    }
                }
            }
        }
    };
    Ok(crate::page(
        "reader page",
        "reader-title",
        (Msg::ViewGuideline, Msg::ReaderIntro),
        lang,
        body,
    )
    .into_string())
}

/// How the model works: chain pages (`content/chains/`), the flow-diagram container (filled live by the app)
/// and the glossary (`content/glossary.toml`); or what is wrong with those files.
pub fn model_html(lang: Lang) -> Result<String, String> {
    let (pages, terms) = (chain_pages()?, glossary()?);
    let history = history::history_html(lang)?;
    let body = html! {
        nav class="toc" aria-label=(Msg::Pages.text(lang)) {
            ol {
                @for c in pages {
                    li { a href={ "#chain-" (c.id) } { (c.title.get(lang)) } }
                }
                li { a href="#flows" { (Msg::FlowTitle.text(lang)) } }
                li { a href="#validation" { (Msg::ValidationTitle.text(lang)) } }
                li { a href="#glossary" { (Msg::Glossary.text(lang)) } }
            }
        }
        @for c in pages {
            section class="chain" id={ "chain-" (c.id) } data-chain=(c.id) {
                h3 { (c.title.get(lang)) }
                p { (c.intro.get(lang)) }
                h4 { (Msg::Equations.text(lang)) }
                pre class="equations" tabindex="0" { (c.equations.join("\n")) }
                h4 { (Msg::Symbols.text(lang)) }
                dl class="symbols" {
                    @for s in &c.symbols {
                        dt { code { (s.symbol) } }
                        dd { (s.meaning.get(lang)) }
                    }
                }
                h4 { (Msg::Couplings.text(lang)) }
                p { (c.couplings.get(lang)) }
                h4 { (Msg::Calibration.text(lang)) }
                p { (c.calibration.get(lang)) }
                h4 { (Msg::Limits.text(lang)) }
                p { (c.limits.get(lang)) }
                div class="moved-by" {
                    span { (Msg::Levers.text(lang)) ":" }
                    @for id in &c.levers {
                        (lever_chip(*id, lang))
                    }
                }
            }
        }
        section id="flows" class="flows" {
            h3 { (Msg::FlowTitle.text(lang)) }
            p class="muted" { (Msg::FlowBalanced.text(lang)) }
            // The app mounts the year chooser and the diagrams here (src/ui/static_page/flows.rs).
            div data-flows="" {}
        }
        (PreEscaped(history))
        section id="glossary" class="glossary" {
            h3 { (Msg::Glossary.text(lang)) }
            dl {
                @for t in terms {
                    dt data-term=(t.name.en) { span lang="zh-CN" { (t.name.zh) } " · " (t.name.en) }
                    dd { (t.def.get(lang)) }
                }
            }
        }
    };
    Ok(crate::page(
        "model-pages page",
        "model-title",
        (Msg::ViewModel, Msg::ModelIntro),
        lang,
        body,
    )
    .into_string())
}

/// The lever and preset notes in `lang` as data (`pages/notes-<lang>.json`, [`vtre_codec::notes`]): each
/// lever's explanation, its sources (guideline citations and baseline-CSV rows, named) and the note on its
/// reference value, and each preset's story. The app loads it when the first of them is shown and renders it
/// as typed views.
pub fn notes_data(lang: Lang) -> vtre_codec::notes::Notes {
    let mut out = vtre_codec::notes::Notes::default();
    for l in vtre_model::LEVERS {
        let n = notes::lever(l.id);
        out.levers.push((
            l.key.to_string(),
            vtre_codec::notes::LeverNote {
                help: n.help(lang).to_string(),
                source: source_pieces(&n.source, lang),
                note: n.default_note(lang).to_string(),
            },
        ));
    }
    for p in vtre_model::presets::PRESETS {
        out.presets.push((
            p.key.to_string(),
            notes::preset(p.key).story(lang).to_string(),
        ));
    }
    out
}

/// Every page as (file name, html); an error if the lever and preset notes do not load (see [`notes::notes`]).
pub fn all_pages() -> Result<Vec<(String, String)>, String> {
    notes::notes()?;
    let mut v = Vec::new();
    for lang in [Lang::Zh, Lang::En] {
        let code = lang.key();
        v.push((format!("guideline-{code}.html"), guideline_html(lang)?));
        v.push((format!("model-{code}.html"), model_html(lang)?));
        v.push((format!("assumptions-{code}.html"), assumptions_html(lang)?));
        v.push((
            format!("notes-{code}.json"),
            notes_data(lang).to_json_text(),
        ));
        v.push((
            format!("analysis-{code}.json"),
            analysis::analysis_json(lang)?,
        ));
    }
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assumptions::guideline_ref_en;
    use vtre_model::TARGETS;

    fn ok(page: Result<String, String>) -> String {
        page.unwrap_or_else(|e| panic!("{e}"))
    }

    fn ok_len<T>(items: Result<&[T], String>) -> usize {
        items.map(<[T]>::len).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn every_content_file_loads_into_the_pages() {
        let pages = all_pages().unwrap_or_else(|e| panic!("{e}"));
        // guideline, model, assumptions, notes and analysis, in both languages
        assert_eq!(pages.len(), 10);
    }

    #[test]
    fn pages_carry_every_section_parameter_chain_and_term_in_both_languages() {
        let outline = outline().unwrap_or_else(|e| panic!("{e}"));
        for lang in [Lang::Zh, Lang::En] {
            let g = ok(guideline_html(lang));
            for c in &outline.chapters {
                for s in &c.sections {
                    assert!(
                        g.contains(&format!(r#"data-section="{}""#, s.id)),
                        "{}",
                        s.id
                    );
                }
            }
            assert_eq!(
                g.matches("data-measure=").count(),
                outline.measures().count()
            );
            for t in TARGETS {
                assert!(
                    g.contains(&format!(r#"data-target-chip="{}""#, t.key)),
                    "the reader links to {}",
                    t.key
                );
            }
            let a = ok(assumptions_html(lang));
            assert_eq!(a.matches(" data-param=").count(), PARAMS.len());
            for p in PARAMS {
                assert!(
                    a.contains(&format!(
                        r#"<tr id="csv-{0}" data-param="{0}" data-kind="{1}""#,
                        p.csv_key,
                        p.kind.as_str()
                    )),
                    "{}",
                    p.csv_key
                );
            }
            let m = ok(model_html(lang));
            assert_eq!(m.matches("data-chain=").count(), ok_len(chain_pages()));
            assert_eq!(m.matches("data-term=").count(), ok_len(glossary()));
        }
    }

    #[test]
    fn the_notes_data_explains_every_lever_and_tells_every_preset_story() {
        use vtre_codec::notes::{Notes, Piece};
        for lang in [Lang::Zh, Lang::En] {
            // Read back from the file's text, as the app reads it.
            let n =
                Notes::parse(&notes_data(lang).to_json_text()).unwrap_or_else(|e| panic!("{e}"));
            for l in vtre_model::LEVERS {
                let got = n.lever(l.key).unwrap_or_else(|| panic!("{}", l.key));
                let note = notes::lever(l.id);
                assert_eq!(got.help, note.help(lang), "{} help", l.key);
                assert_eq!(got.note, note.default_note(lang), "{} note", l.key);
                assert!(
                    got.source
                        .iter()
                        .any(|p| matches!(p, Piece::Row { .. } | Piece::Cite { .. })),
                    "{} source",
                    l.key
                );
            }
            for p in vtre_model::presets::PRESETS {
                assert_eq!(
                    n.preset(p.key).unwrap_or_default(),
                    notes::preset(p.key).story(lang),
                    "{} story",
                    p.key
                );
            }
        }
        assert!(notes_data(Lang::Zh)
            .lever("eaf_swap")
            .is_some_and(|n| n.help.contains("全废钢电炉")));
        assert!(notes_data(Lang::En)
            .lever("eaf_swap")
            .is_some_and(|n| n.help.contains("electric arc furnaces")));
    }

    /// The text a reader sees on a page: the text outside tags, without attributes (data hooks, tooltips,
    /// link targets) and without `<code>` (where a CSV key may stand as small print under a name).
    fn visible_text(html: &str) -> String {
        let mut out = String::new();
        let mut code = 0usize;
        let mut rest = html;
        while let Some(i) = rest.find('<') {
            if code == 0 {
                out.push_str(&rest[..i]);
            }
            out.push(' ');
            let Some(j) = rest[i..].find('>') else { break };
            let tag = &rest[i + 1..i + j];
            if tag == "code" || tag.starts_with("code ") {
                code += 1;
            } else if tag == "/code" {
                code = code.saturating_sub(1);
            }
            rest = &rest[i + j + 1..];
        }
        out.push_str(rest);
        out
    }

    /// What a reader sees of the notes: their texts and, in their sources, what each piece shows.
    fn notes_visible(n: &vtre_codec::notes::Notes) -> String {
        use vtre_codec::notes::Piece;
        let mut out = String::new();
        for (_, l) in &n.levers {
            for t in [&l.help, &l.note] {
                out.push_str(t);
                out.push('\n');
            }
            for p in &l.source {
                out.push_str(match p {
                    Piece::Text(t) | Piece::Code(t) => t,
                    Piece::Cite { text, .. } => text,
                    Piece::Row { name, .. } => name,
                });
                out.push('\n');
            }
        }
        for (_, story) in &n.presets {
            out.push_str(story);
            out.push('\n');
        }
        out
    }

    #[test]
    fn no_page_shows_an_internal_key_as_text() {
        let mut keys: std::collections::HashSet<String> = vtre_model::params::baseline_rows()
            .into_iter()
            .map(|r| r.key)
            .collect();
        keys.extend(vtre_model::LEVERS.iter().map(|l| l.key.to_string()));
        keys.extend(TARGETS.iter().map(|t| t.key.to_string()));
        keys.retain(|k| k.contains('_'));
        let pages = all_pages().unwrap_or_else(|e| panic!("{e}"));
        for (file, html) in &pages {
            // The notes are data: what a reader sees of them is their texts and the names in their sources.
            let text = match vtre_codec::notes::Notes::parse(html) {
                Ok(n) => notes_visible(&n),
                Err(_) => visible_text(html),
            };
            let shown: Vec<&str> = text
                .split(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'))
                .filter(|w| keys.contains(*w))
                .collect();
            assert!(shown.is_empty(), "{file} shows internal keys: {shown:?}");
        }
        // The test sees a key shown as text.
        assert!(visible_text("<p>from sichuan_bfbof_capacity_2022</p>").contains("sichuan_bfbof"));
        assert!(
            !visible_text(r#"<td title="a_b"><code class="key">a_b</code></td>"#).contains("a_b")
        );
    }

    #[test]
    fn assumptions_name_each_row_and_mark_the_csv_text_as_english() {
        let names = labels::labels().unwrap_or_else(|e| panic!("{e}"));
        let rows = PARAMS.len() + names.other_rows().len();
        for lang in [Lang::Zh, Lang::En] {
            let a = ok(assumptions_html(lang));
            for p in PARAMS {
                let name = format!(
                    r#"<td class="name"><span class="label" title="{}">{}</span></td>"#,
                    p.csv_key,
                    esc(p.label().get(lang))
                );
                assert!(a.contains(&name), "{} name", p.csv_key);
            }
            let source = format!(
                r#"<td class="source" data-source=""><span class="cell-label">{}</span><span lang="en">"#,
                Msg::ColSourceOriginal.text(lang)
            );
            assert_eq!(a.matches(&source).count(), rows);
            assert_eq!(a.matches(r#"<td class="source""#).count(), rows);
            let notes = a.matches(r#"<td class="note"><span"#).count();
            let english_notes = a
                .matches(&format!(
                    r#"<td class="note"><span class="cell-label">{}</span><span lang="en">"#,
                    Msg::ColNoteOriginal.text(lang)
                ))
                .count();
            assert!(notes > 60 && english_notes == notes, "{notes} notes");
        }
        let zh = ok(assumptions_html(Lang::Zh));
        assert!(zh.contains(r#"<th scope="col" class="col-note">说明（英文原文）</th>"#));
        assert!(zh.contains(r#"<th scope="col" class="col-source">来源（英文原文）</th>"#));
    }

    #[test]
    fn assumptions_search_finds_a_row_by_key_name_in_either_language_and_source() {
        let a = ok(assumptions_html(Lang::Zh));
        let row = a
            .split(r#"data-param="sichuan_crude_steel_output_2020""#)
            .nth(1)
            .and_then(|r| r.split("data-search=\"").nth(1))
            .and_then(|r| r.split('"').next())
            .unwrap_or_default();
        for needle in [
            "sichuan_crude_steel_output_2020",
            "2020年四川粗钢产量",
            "sichuan crude steel output, 2020",
            "world steel dynamics",
        ] {
            assert!(row.contains(needle), "{needle} in {row}");
        }
    }

    #[test]
    fn every_link_to_a_csv_row_lands_on_a_line_of_the_assumptions_page() {
        let pages = all_pages().unwrap_or_else(|e| panic!("{e}"));
        for lang in [Lang::Zh, Lang::En] {
            let a = ok(assumptions_html(lang));
            let mut links = 0;
            // The notes' row links: the app links each to `?view=assumptions#<id>`.
            for piece in notes_data(lang)
                .levers
                .into_iter()
                .flat_map(|(_, n)| n.source)
            {
                if let vtre_codec::notes::Piece::Row { key, id, .. } = piece {
                    assert_eq!(id, format!("csv-{key}"));
                    assert!(a.contains(&format!(r#"<tr id="{id}""#)), "{id}");
                    links += 1;
                }
            }
            for (_, html) in &pages {
                for target in html.split(r#"<a class="row-ref" href=""#).skip(1) {
                    let href = target.split('"').next().unwrap_or_default();
                    let key = href.split("#csv-").nth(1).unwrap_or_default();
                    assert!(a.contains(&format!(r#"<tr id="csv-{key}""#)), "{href}");
                    if href.starts_with('?') {
                        assert!(target.contains(&format!(r#" data-goto-row="{key}""#)));
                    }
                    links += 1;
                }
            }
            assert!(links > 150, "{links} links");
        }
        // A lever's source reads as names, linked to the assumptions page.
        use vtre_codec::notes::Piece;
        let pieces = |lang| -> Vec<Piece> {
            notes_data(lang)
                .levers
                .into_iter()
                .flat_map(|(_, n)| n.source)
                .collect()
        };
        let zh = pieces(Lang::Zh);
        assert!(zh.contains(&Piece::Row {
            key: "capacity_replacement_ratio_key_regions".into(),
            name: "重点区域产能置换比例".into(),
            id: "csv-capacity_replacement_ratio_key_regions".into(),
        }));
        assert!(zh.contains(&Piece::Cite {
            text: "《指南》第三章第二节（一）".into(),
            title: None,
            lang: Some("zh-CN".into()),
        }));
        let en = pieces(Lang::En);
        assert!(en.iter().any(|p| matches!(p, Piece::Row { name, .. } if name == "Capacity replacement ratio in key air-pollution regions")));
        assert!(en.contains(&Piece::Cite {
            text: "Guideline, chapter 3, section 2 (1)".into(),
            title: Some("第三章第二节（一）".into()),
            lang: None,
        }));
        // A run of yearly rows reads as both ends.
        assert!(en.windows(3).any(
            |w| matches!(&w[0], Piece::Row { name, .. } if name == "Average rebar price, 2020")
                && w[1] == Piece::Text(" … ".into())
                && matches!(w[2], Piece::Row { .. })
        ));
    }

    #[test]
    fn outline_numbers_read_in_english() {
        assert_eq!(
            outline_number("第一章", Lang::En).into_string(),
            r#"<span title="第一章">Chapter 1</span>"#
        );
        assert_eq!(
            outline_number("第三章 第五节", Lang::En).into_string(),
            r#"<span title="第三章 第五节">3.5</span>"#
        );
        assert_eq!(
            outline_number("第三章 第五节", Lang::Zh).into_string(),
            r#"<span lang="zh-CN">第三章 第五节</span>"#
        );
        let en = ok(guideline_html(Lang::En));
        assert!(
            !en.contains(r#"<span lang="zh-CN">第"#),
            "no Chinese numbers in English headings"
        );
        assert!(en.contains(r#"<span title="第一章">Chapter 1</span>"#));
    }

    #[test]
    fn guideline_references_read_in_english() {
        assert_eq!(
            guideline_ref_en("第三章第二节（一）").as_deref(),
            Some("Guideline, chapter 3, section 2 (1)")
        );
        assert_eq!(
            guideline_ref_en("第二章第三节").as_deref(),
            Some("Guideline, chapter 2, section 3")
        );
        assert_eq!(
            guideline_ref_en("第十二章").as_deref(),
            Some("Guideline, chapter 12")
        );
        assert_eq!(guideline_ref_en("附件"), None);
        assert_eq!(guideline_ref_en("第三章第二节（一"), None);
    }

    /// Text as the templates write it (maud's escaping: the pages' one escape).
    fn esc(s: &str) -> String {
        html! { (s) }.into_string()
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            esc(r#"<a href="x">&'"#),
            "&lt;a href=&quot;x&quot;&gt;&amp;'"
        );
    }
}
