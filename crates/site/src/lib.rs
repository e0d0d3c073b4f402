//! The reading pages (guideline reader, assumptions, how the model works), pre-rendered to static HTML at
//! build time (`vtre pages --out DIR`, run by Trunk's post-build hook). Their text and markup stay out of
//! the wasm, which loads a page only when it is opened and wires it up with one delegated listener
//! (`src/ui/static_page.rs`). Every `data-*` hook here is what the app and the tests rely on.

use crate::docs::{chain_pages, glossary};
use crate::guideline::{outline, Measure};
use std::collections::HashMap;
use std::fmt::Write;
use vtre_i18n::{decimals, group, Lang, Msg, Precision};
use vtre_model::levers::{spec as lspec, LeverId};
use vtre_model::params::{baseline_rows, Chain, Kind, Role, PARAMS};
use vtre_model::series::{FIRST_YEAR, LAST_YEAR};
use vtre_model::targets::spec as tspec;

pub mod content;
pub mod docs;
pub mod guideline;
mod history;
pub mod notes;

/// Escapes text for HTML content and attribute values.
pub fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c => o.push(c),
        }
    }
    o
}

fn lever_chip(o: &mut String, id: LeverId, lang: Lang) {
    let _ = write!(
        o,
        r#"<button class="chip" data-goto-lever="{}">{}</button>"#,
        id.key(),
        esc(lspec(id).label.get(lang))
    );
}

fn measure(o: &mut String, m: &Measure, lang: Lang) {
    let mut search = format!("{} {} {}", m.quote_zh, m.summary.zh, m.summary.en);
    for l in &m.levers {
        search.push(' ');
        search.push_str(lspec(*l).label.zh);
        search.push(' ');
        search.push_str(lspec(*l).label.en);
    }
    let search = search.to_lowercase();
    let _ = write!(
        o,
        r#"<li class="measure" data-measure="{}" data-search="{}"><blockquote lang="zh-CN">“{}”</blockquote><p>{}</p>"#,
        m.id,
        esc(&search),
        esc(&m.quote_zh),
        esc(m.summary.get(lang))
    );
    if m.levers.is_empty() && m.targets.is_empty() {
        let _ = write!(
            o,
            r#"<p class="not-modelled" data-not-modelled="">{}</p>"#,
            esc(Msg::NotModelled.text(lang))
        );
    } else {
        o.push_str(r#"<div class="moved-by">"#);
        if !m.levers.is_empty() {
            let _ = write!(o, "<span>{}:</span>", esc(Msg::InModelAs.text(lang)));
        }
        for l in &m.levers {
            lever_chip(o, *l, lang);
        }
        for t in &m.targets {
            let s = tspec(*t);
            let _ = write!(
                o,
                r#"<button class="chip target-chip" data-goto-target="{}" data-status="">◎ {}</button>"#,
                s.key,
                esc(s.label.get(lang))
            );
        }
        o.push_str("</div>");
    }
    o.push_str("</li>");
}

/// The guideline reader (`content/guideline-outline.toml`), or what is wrong with that file.
pub fn guideline_html(lang: Lang) -> Result<String, String> {
    let chapters = &outline()?.chapters;
    let mut o = String::new();
    let _ = write!(
        o,
        r#"<article class="reader page" aria-labelledby="reader-title"><h2 id="reader-title">{}</h2><p class="page-intro">{}</p>
<div class="search-row"><label for="reader-search">{}</label><input id="reader-search" type="search" data-reader-search="" placeholder="{}"></div>
<p class="muted" data-no-results="" hidden>{}</p><nav class="toc" aria-label="{}"><ol>"#,
        esc(Msg::ViewGuideline.text(lang)),
        esc(Msg::ReaderIntro.text(lang)),
        esc(Msg::Search.text(lang)),
        esc(Msg::SearchPlaceholder.text(lang)),
        esc(Msg::NoResults.text(lang)),
        esc(Msg::Pages.text(lang)),
    );
    for c in chapters {
        let _ = write!(
            o,
            r#"<li><span lang="zh-CN">{}</span> {}<ol>"#,
            c.number_zh,
            esc(c.title.get(lang))
        );
        for s in &c.sections {
            let _ = write!(
                o,
                r#"<li><a href="?view=guideline&amp;sec={0}" data-goto-section="{0}">{1}</a></li>"#,
                s.id,
                esc(s.title.get(lang))
            );
        }
        o.push_str("</ol></li>");
    }
    o.push_str("</ol></nav>");
    for c in chapters {
        let _ = write!(
            o,
            r#"<section class="chapter" data-chapter="{}"><h3><span lang="zh-CN">{}</span> {}</h3>"#,
            c.id,
            c.number_zh,
            esc(c.title.get(lang))
        );
        for s in &c.sections {
            let search = format!(
                "{} {} {} {}",
                s.title.zh, s.title.en, s.summary.zh, s.summary.en
            )
            .to_lowercase();
            let _ = write!(
                o,
                r#"<section class="section" data-section="{0}" id="sec-{0}" data-search="{1}"><h4><span lang="zh-CN">{2}</span> {3} <button class="icon link" data-goto-section="{0}" title="{4}" aria-label="{4}">#</button></h4><p class="summary">{5}</p><ul class="measures">"#,
                s.id,
                esc(&search),
                s.number_zh,
                esc(s.title.get(lang)),
                esc(Msg::CopySectionLink.text(lang)),
                esc(s.summary.get(lang)),
            );
            for m in &s.measures {
                measure(&mut o, m, lang);
            }
            o.push_str("</ul></section>");
        }
        o.push_str("</section>");
    }
    o.push_str("</article>");
    Ok(o)
}

/// How the model works: chain pages (`content/chains/`), the flow-diagram container (filled live by the app)
/// and the glossary (`content/glossary.toml`); or what is wrong with those files.
pub fn model_html(lang: Lang) -> Result<String, String> {
    let (pages, terms) = (chain_pages()?, glossary()?);
    let mut o = String::new();
    let _ = write!(
        o,
        r#"<article class="model-pages page" aria-labelledby="model-title"><h2 id="model-title">{}</h2><p class="page-intro">{}</p><nav class="toc" aria-label="{}"><ol>"#,
        esc(Msg::ViewModel.text(lang)),
        esc(Msg::ModelIntro.text(lang)),
        esc(Msg::Pages.text(lang))
    );
    for c in pages {
        let _ = write!(
            o,
            r##"<li><a href="#chain-{}">{}</a></li>"##,
            c.id,
            esc(c.title.get(lang))
        );
    }
    let _ = write!(
        o,
        r##"<li><a href="#flows">{}</a></li><li><a href="#validation">{}</a></li><li><a href="#glossary">{}</a></li></ol></nav>"##,
        esc(Msg::FlowTitle.text(lang)),
        esc(Msg::ValidationTitle.text(lang)),
        esc(Msg::Glossary.text(lang))
    );
    for c in pages {
        let _ = write!(
            o,
            r#"<section class="chain" id="chain-{}" data-chain="{}"><h3>{}</h3><p>{}</p><h4>{}</h4><pre class="equations" tabindex="0">{}</pre><h4>{}</h4><dl class="symbols">"#,
            c.id,
            c.id,
            esc(c.title.get(lang)),
            esc(c.intro.get(lang)),
            esc(Msg::Equations.text(lang)),
            esc(&c.equations.join("\n")),
            esc(Msg::Symbols.text(lang))
        );
        for s in &c.symbols {
            let _ = write!(
                o,
                "<dt><code>{}</code></dt><dd>{}</dd>",
                esc(&s.symbol),
                esc(s.meaning.get(lang))
            );
        }
        let _ = write!(
            o,
            r#"</dl><h4>{}</h4><p>{}</p><h4>{}</h4><p>{}</p><h4>{}</h4><p>{}</p><div class="moved-by"><span>{}:</span>"#,
            esc(Msg::Couplings.text(lang)),
            esc(c.couplings.get(lang)),
            esc(Msg::Calibration.text(lang)),
            esc(c.calibration.get(lang)),
            esc(Msg::Limits.text(lang)),
            esc(c.limits.get(lang)),
            esc(Msg::Levers.text(lang))
        );
        for id in &c.levers {
            lever_chip(&mut o, *id, lang);
        }
        o.push_str("</div></section>");
    }
    let _ = write!(
        o,
        r#"<section id="flows" class="flows"><h3>{}</h3><label>{} <select data-flow-year="">"#,
        esc(Msg::FlowTitle.text(lang)),
        esc(Msg::FlowYear.text(lang))
    );
    for y in FIRST_YEAR..=LAST_YEAR {
        let _ = write!(
            o,
            r#"<option value="{y}"{}>{y}</option>"#,
            if y == 2025 { " selected" } else { "" }
        );
    }
    let _ = write!(
        o,
        r#"</select></label><p class="muted">{}</p><div data-flows=""></div></section>{}<section id="glossary" class="glossary"><h3>{}</h3><dl>"#,
        esc(Msg::FlowBalanced.text(lang)),
        history::history_html(lang)?,
        esc(Msg::Glossary.text(lang))
    );
    for t in terms {
        let _ = write!(
            o,
            r#"<dt data-term="{}"><span lang="zh-CN">{}</span> · {}</dt><dd>{}</dd>"#,
            esc(&t.name.en),
            esc(&t.name.zh),
            esc(&t.name.en),
            esc(t.def.get(lang))
        );
    }
    o.push_str("</dl></section></article>");
    Ok(o)
}

/// The assumptions table. Values and override state are filled in live by the app.
pub fn assumptions_html(lang: Lang) -> String {
    let rows: HashMap<String, (String, String)> = baseline_rows()
        .into_iter()
        .map(|r| (r.key.clone(), (r.source, r.note)))
        .collect();
    let mut o = String::new();
    let _ = write!(
        o,
        r#"<article class="assumptions page" aria-labelledby="assumptions-title"><h2 id="assumptions-title">{}</h2><p class="page-intro">{}</p>
<p class="overrides-flag" data-overrides="0" hidden><span data-overrides-text="">{}</span> <button data-reset-overrides="">{}</button></p>
<div class="filters"><label>{} <select data-filter="chain"><option value="">{}</option>"#,
        esc(Msg::ViewAssumptions.text(lang)),
        esc(Msg::AssumptionsIntro.text(lang)),
        esc(Msg::OverridesCount.text(lang)),
        esc(Msg::ResetOverrides.text(lang)),
        esc(Msg::FilterChain.text(lang)),
        esc(Msg::All.text(lang)),
    );
    for c in Chain::ALL {
        let _ = write!(
            o,
            r#"<option value="{}">{}</option>"#,
            c.id(),
            esc(c.label().get(lang))
        );
    }
    let _ = write!(
        o,
        r#"</select></label><label>{} <select data-filter="kind"><option value="">{}</option><option value="FACT">{}</option><option value="ESTIMATE">{}</option></select></label><label>{} <input type="search" data-filter="text"></label><span class="sorts"><button class="sort" data-sort="table" aria-pressed="true">{}</button><button class="sort" data-sort="key" aria-pressed="false">{}</button><button class="sort" data-sort="chain" aria-pressed="false">{}</button><button class="sort" data-sort="kind" aria-pressed="false">{}</button></span></div>"#,
        esc(Msg::FilterKind.text(lang)),
        esc(Msg::All.text(lang)),
        esc(Msg::Fact.text(lang)),
        esc(Msg::Estimate.text(lang)),
        esc(Msg::Search.text(lang)),
        esc(Msg::All.text(lang)),
        esc(Msg::ColParam.text(lang)),
        esc(Msg::FilterChain.text(lang)),
        esc(Msg::FilterKind.text(lang)),
    );
    let _ = write!(
        o,
        r#"<div class="table-wrap" tabindex="0"><table class="params"><thead><tr><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>"#,
        esc(Msg::ColParam.text(lang)),
        esc(Msg::FilterChain.text(lang)),
        esc(Msg::ColValue.text(lang)),
        esc(Msg::Unit.text(lang)),
        esc(Msg::FilterKind.text(lang)),
        esc(Msg::ColRange.text(lang)),
        esc(Msg::ColSource.text(lang)),
        esc(Msg::ColNote.text(lang)),
    );
    for (i, p) in PARAMS.iter().enumerate() {
        let (source, note) = rows.get(p.csv_key).cloned().unwrap_or_default();
        let dec = [p.value, p.low, p.high]
            .map(|v| decimals(v, Precision::Assumption))
            .into_iter()
            .max()
            .unwrap_or(0);
        let search = format!("{} {} {}", p.csv_key, source, note).to_lowercase();
        let role_note = match p.role {
            Role::Input => None,
            Role::Check => Some(Msg::RoleCheck),
            Role::Derived => Some(Msg::RoleDerived),
            Role::Absorbed => Some(Msg::RoleAbsorbed),
        };
        let value = if let Some(m) = role_note {
            format!(
                r#"{} <span class="role role-{}">{}</span>"#,
                group(p.value, dec),
                p.role.key(),
                esc(m.text(lang))
            )
        } else if p.overridable() {
            format!(
                r#"<input type="number" class="num" min="{}" max="{}" step="any" data-param-input="{}" data-decimals="{dec}" aria-label="{}" value="{:.*}"> <button class="icon reset" data-param-reset="{}" title="{r}" aria-label="{r}: {}" disabled>↺</button> <span class="muted" data-param-changed="" data-baseline="{}" hidden>{} ({} {})</span>"#,
                p.low,
                p.high,
                p.csv_key,
                p.csv_key,
                dec,
                p.value,
                p.csv_key,
                p.csv_key,
                group(p.value, dec),
                esc(Msg::Overridden.text(lang)),
                esc(Msg::Baseline.text(lang)),
                group(p.value, dec),
                r = esc(Msg::Reset.text(lang)),
            )
        } else {
            format!(
                r#"<span title="{}">{}</span>"#,
                esc(Msg::FixedValue.text(lang)),
                group(p.value, dec)
            )
        };
        let _ = write!(
            o,
            r#"<tr data-param="{}" data-kind="{}" data-chain="{}" data-order="{i}" data-search="{}"><td><code>{}</code></td><td>{}</td><td class="value-cell">{value}</td><td>{}</td><td><span class="kind{}">{}</span></td><td>{}</td><td class="source" data-source="">{}</td><td class="note">{}</td></tr>"#,
            p.csv_key,
            p.kind.as_str(),
            p.chain.id(),
            esc(&search),
            p.csv_key,
            esc(p.chain.label().get(lang)),
            esc(p.unit),
            if p.kind == Kind::Estimate {
                " estimate"
            } else {
                ""
            },
            esc(if p.kind == Kind::Fact {
                Msg::Fact.text(lang)
            } else {
                Msg::Estimate.text(lang)
            }),
            if p.low == p.high {
                "—".to_string()
            } else {
                format!("{} – {}", group(p.low, dec), group(p.high, dec))
            },
            esc(&source),
            esc(&note),
        );
    }
    o.push_str("</tbody></table></div></article>");
    o
}

/// How a lever's `source` reads: guideline references as citations, CSV keys as code, `;`-separated.
fn source_html(source: &str) -> String {
    source
        .split(';')
        .map(str::trim)
        .map(|part| match part.strip_prefix("Guideline ") {
            Some(sec) => format!(r#"<cite lang="zh-CN">{}</cite>"#, esc(sec)),
            None => format!("<code>{}</code>", esc(part)),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The long texts that are not in the model (so not in the wasm; see [`notes`]): each lever's explanation,
/// source and note on its reference value, and each preset's story, as `<div data-note="lever:<key>">` /
/// `data-note="preset:<key>"` blocks. The app loads this page when the first of them is shown.
pub fn notes_html(lang: Lang) -> String {
    let mut o = String::new();
    for l in vtre_model::LEVERS {
        let n = notes::lever(l.id);
        let _ = write!(
            o,
            r#"<div data-note="lever:{}"><p>{}</p><p class="meta"><span>{}</span>: {}</p><p class="meta note">{}</p></div>"#,
            l.key,
            esc(n.help(lang)),
            esc(Msg::Source.text(lang)),
            source_html(&n.source),
            esc(n.default_note(lang))
        );
    }
    for p in vtre_model::presets::PRESETS {
        let _ = write!(
            o,
            r#"<div data-note="preset:{}"><p class="story">{}</p></div>"#,
            p.key,
            esc(notes::preset(p.key).story(lang))
        );
    }
    o
}

/// Every page as (file name, html); an error if the lever and preset notes do not load (see [`notes::notes`]).
pub fn all_pages() -> Result<Vec<(String, String)>, String> {
    notes::notes()?;
    let mut v = Vec::new();
    for lang in [Lang::Zh, Lang::En] {
        let code = lang.key();
        v.push((format!("guideline-{code}.html"), guideline_html(lang)?));
        v.push((format!("model-{code}.html"), model_html(lang)?));
        v.push((format!("assumptions-{code}.html"), assumptions_html(lang)));
        v.push((format!("notes-{code}.html"), notes_html(lang)));
    }
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;
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
        assert_eq!(pages.len(), 8);
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
                    g.contains(&format!(r#"data-goto-target="{}""#, t.key)),
                    "the reader links to {}",
                    t.key
                );
            }
            let a = assumptions_html(lang);
            assert_eq!(a.matches("<tr data-param=").count(), PARAMS.len());
            let m = ok(model_html(lang));
            assert_eq!(m.matches("data-chain=").count(), ok_len(chain_pages()));
            assert_eq!(m.matches("data-term=").count(), ok_len(glossary()));
        }
    }

    #[test]
    fn the_notes_page_explains_every_lever_and_tells_every_preset_story() {
        for lang in [Lang::Zh, Lang::En] {
            let n = notes_html(lang);
            for l in vtre_model::LEVERS {
                let block = n
                    .split(&format!(r#"data-note="lever:{}""#, l.key))
                    .nth(1)
                    .and_then(|rest| rest.split("</div>").next())
                    .unwrap_or_default();
                let note = notes::lever(l.id);
                assert!(block.contains(&esc(note.help(lang))), "{} help", l.key);
                assert!(
                    block.contains(&esc(note.default_note(lang))),
                    "{} note",
                    l.key
                );
                assert!(
                    block.contains("<code>") || block.contains("<cite"),
                    "{} source",
                    l.key
                );
            }
            for p in vtre_model::presets::PRESETS {
                let story = notes::preset(p.key).story(lang);
                assert!(n.contains(&esc(story)), "{} story", p.key);
            }
        }
        assert!(notes_html(Lang::Zh).contains("全废钢电炉"));
        assert!(notes_html(Lang::En).contains("electric arc furnaces"));
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            esc(r#"<a href="x">&'"#),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
    }
}
