//! The assumptions page: every parameter the model uses with its value, unit, kind (published figure or
//! estimate), range and source, grouped by chain, filterable and sortable, each row editable in the app.

use super::*;
use vtre_codec::notes::Piece;

/// A cell's column name, shown only where the table is laid out as cards (narrow screens, `style/main.css`).
fn cell_label(o: &mut String, m: Msg, lang: Lang) {
    let _ = write!(
        o,
        r#"<span class="cell-label">{}</span>"#,
        esc(m.text(lang))
    );
}

/// The name cell: the row's name in the page language, its CSV key only as secondary detail.
/// A parameter's name; its CSV key (what `vtre params` and scenario JSON use) only as the name's tooltip and
/// the row's `data-param`, never as text (issue 22).
fn name_cell(o: &mut String, name: &str, key: &str) {
    let _ = write!(
        o,
        r#"<td class="name"><span class="label" title="{key}">{}</span></td>"#,
        esc(name)
    );
}

/// The source and note cells: English text from the baseline CSV, marked as such, CSV keys in it shown as
/// linked names.
fn source_note_cells(o: &mut String, source: &str, note: &str, lang: Lang) {
    o.push_str(r#"<td class="source" data-source="">"#);
    cell_label(o, Msg::ColSourceOriginal, lang);
    let _ = write!(
        o,
        r#"<span lang="en">{}</span></td><td class="note">"#,
        labels::csv_text_html(source)
    );
    if !note.is_empty() {
        cell_label(o, Msg::ColNoteOriginal, lang);
        let _ = write!(
            o,
            r#"<span lang="en">{}</span>"#,
            labels::csv_text_html(note)
        );
    }
    o.push_str("</td>");
}

fn kind_cell(o: &mut String, estimate: bool, lang: Lang) {
    o.push_str(r#"<td class="col-kind">"#);
    cell_label(o, Msg::FilterKind, lang);
    let _ = write!(
        o,
        r#"<span class="kind{}">{}</span></td>"#,
        if estimate { " estimate" } else { "" },
        esc(if estimate {
            Msg::Estimate.text(lang)
        } else {
            Msg::Fact.text(lang)
        })
    );
}

fn range_text(low: f64, high: f64, dec: usize) -> String {
    if low == high {
        "—".to_string()
    } else {
        format!("{} – {}", group(low, dec), group(high, dec))
    }
}

/// The assumptions table. Values and override state are filled in live by the app. Each row shows the
/// parameter's name in the page language (its CSV key as small print), and the CSV's source and note marked
/// as English originals; below it, the other CSV rows the pages cite (see [`labels`]), which every link to a
/// CSV row points at. On a narrow screen both tables are laid out as cards (`style/main.css`).
pub fn assumptions_html(lang: Lang) -> Result<String, String> {
    let names = labels::labels()?;
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
        r#"<div class="table-wrap" tabindex="0"><table class="params"><thead><tr><th scope="col" class="col-name">{}</th><th scope="col" class="col-chain">{}</th><th scope="col" class="col-value">{}</th><th scope="col" class="col-unit">{}</th><th scope="col" class="col-kind">{}</th><th scope="col" class="col-range">{}</th><th scope="col" class="col-source">{}</th><th scope="col" class="col-note">{}</th></tr></thead>"#,
        esc(Msg::ColParam.text(lang)),
        esc(Msg::FilterChain.text(lang)),
        esc(Msg::ColValue.text(lang)),
        esc(Msg::Unit.text(lang)),
        esc(Msg::FilterKind.text(lang)),
        esc(Msg::ColRange.text(lang)),
        esc(Msg::ColSourceOriginal.text(lang)),
        esc(Msg::ColNoteOriginal.text(lang)),
    );
    // One row group per chain, each with a header that opens and closes it: a phone starts with every group
    // closed (24 screens of cards otherwise), a desktop with every group open (issue 22).
    for chain in Chain::ALL {
        let n = PARAMS.iter().filter(|p| p.chain == chain).count();
        if n == 0 {
            continue;
        }
        let _ = write!(
            o,
            r#"<tbody class="chain-group" data-chain-group="{id}"><tr class="group-row"><th colspan="8" scope="rowgroup"><button class="group-toggle" data-group-toggle="{id}" aria-expanded="false">{} <span class="count">({n})</span></button></th></tr>"#,
            esc(chain.label().get(lang)),
            id = chain.id(),
        );
        for (i, p) in PARAMS.iter().enumerate().filter(|(_, p)| p.chain == chain) {
            let (source, note) = labels::row(p.csv_key)
                .map(|r| (r.source.as_str(), r.note.as_str()))
                .unwrap_or_default();
            let dec = [p.value, p.low, p.high]
                .map(|v| decimals(v, Precision::Assumption))
                .into_iter()
                .max()
                .unwrap_or(0);
            let search = format!(
                "{} {} {} {} {}",
                p.csv_key, p.label.zh, p.label.en, source, note
            )
            .to_lowercase();
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
                    esc(p.label.get(lang)),
                    dec,
                    p.value,
                    p.csv_key,
                    esc(p.label.get(lang)),
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
                r#"<tr id="{}" data-param="{}" data-kind="{}" data-chain="{}" data-order="{i}" data-search="{}">"#,
                labels::row_id(p.csv_key),
                p.csv_key,
                p.kind.as_str(),
                p.chain.id(),
                esc(&search),
            );
            name_cell(&mut o, p.label.get(lang), p.csv_key);
            o.push_str(r#"<td class="col-chain">"#);
            cell_label(&mut o, Msg::FilterChain, lang);
            let _ = write!(
                o,
                r#"{}</td><td class="value-cell">"#,
                esc(p.chain.label().get(lang))
            );
            cell_label(&mut o, Msg::ColValue, lang);
            let _ = write!(o, r#"{value}</td><td class="col-unit">"#);
            cell_label(&mut o, Msg::Unit, lang);
            let _ = write!(o, "{}</td>", esc(&vtre_i18n::unit_text(p.unit, lang)));
            kind_cell(&mut o, p.kind == Kind::Estimate, lang);
            o.push_str(r#"<td class="col-range">"#);
            cell_label(&mut o, Msg::ColRange, lang);
            let _ = write!(o, "{}</td>", range_text(p.low, p.high, dec));
            source_note_cells(&mut o, source, note, lang);
            o.push_str("</tr>");
        }
        o.push_str("</tbody>");
    }
    o.push_str("</table></div>");
    cited_html(&mut o, names, lang);
    o.push_str("</article>");
    Ok(o)
}

/// "Other figures cited", folded by default: the CSV rows that are not parameters but that a lever's source or
/// a row above cites, so that every link to a CSV row lands on a line of this page (a link into the fold
/// opens it: the browser does for an anchor, the app's reveal for `data-goto-row`).
fn cited_html(o: &mut String, names: &labels::Labels, lang: Lang) {
    let _ = write!(
        o,
        r#"<details class="cited" id="cited"><summary><h3>{} ({})</h3></summary><p class="page-intro">{}</p><div class="table-wrap" tabindex="0"><table class="params cited"><thead><tr><th scope="col" class="col-name">{}</th><th scope="col" class="col-year">{}</th><th scope="col" class="col-value">{}</th><th scope="col" class="col-unit">{}</th><th scope="col" class="col-kind">{}</th><th scope="col" class="col-range">{}</th><th scope="col" class="col-source">{}</th><th scope="col" class="col-note">{}</th></tr></thead><tbody>"#,
        esc(Msg::CitedTitle.text(lang)),
        names.other_rows().len(),
        esc(Msg::CitedIntro.text(lang)),
        esc(Msg::ColFigure.text(lang)),
        esc(Msg::Year.text(lang)),
        esc(Msg::ColValue.text(lang)),
        esc(Msg::Unit.text(lang)),
        esc(Msg::FilterKind.text(lang)),
        esc(Msg::ColRange.text(lang)),
        esc(Msg::ColSourceOriginal.text(lang)),
        esc(Msg::ColNoteOriginal.text(lang)),
    );
    for r in names.other_rows() {
        let num = |s: &str| s.trim().parse::<f64>().ok().filter(|v| v.is_finite());
        let (value, low, high) = (num(&r.value), num(&r.low), num(&r.high));
        let dec = [value, low, high]
            .into_iter()
            .flatten()
            .map(|v| decimals(v, Precision::Assumption))
            .max()
            .unwrap_or(0);
        let _ = write!(o, r#"<tr id="{}">"#, labels::row_id(&r.key));
        name_cell(o, names.name(&r.key, lang).unwrap_or_default(), &r.key);
        o.push_str(r#"<td class="col-year">"#);
        cell_label(o, Msg::Year, lang);
        let _ = write!(o, r#"{}</td><td class="value-cell">"#, esc(&r.year));
        cell_label(o, Msg::ColValue, lang);
        let _ = write!(
            o,
            "{}</td>",
            value.map_or_else(|| esc(&r.value), |v| group(v, dec))
        );
        o.push_str(r#"<td class="col-unit">"#);
        cell_label(o, Msg::Unit, lang);
        let _ = write!(o, "{}</td>", esc(&vtre_i18n::unit_text(&r.unit, lang)));
        kind_cell(o, r.kind == "ESTIMATE", lang);
        o.push_str(r#"<td class="col-range">"#);
        cell_label(o, Msg::ColRange, lang);
        let range = match (low, high) {
            (Some(lo), Some(hi)) => range_text(lo, hi, dec),
            _ => "—".to_string(),
        };
        let _ = write!(o, "{range}</td>");
        source_note_cells(o, &r.source, &r.note, lang);
        o.push_str("</tr>");
    }
    o.push_str("</tbody></table></div></details>");
}

/// A guideline reference of a lever's source (`第三章第二节（一）`): in Chinese as it is; in English translated
/// (`Guideline, chapter 3, section 2 (1)`) with the Chinese reference as a tooltip.
fn guideline_cite(sec: &str, lang: Lang) -> Piece {
    let (text, title, tag) = match (lang, guideline_ref_en(sec)) {
        (Lang::En, Some(en)) => (en, Some(sec.to_string()), None),
        (Lang::En, None) => (sec.to_string(), None, Some("zh-CN".to_string())),
        (Lang::Zh, _) => (format!("《指南》{sec}"), None, Some("zh-CN".to_string())),
    };
    Piece::Cite {
        text,
        title,
        lang: tag,
    }
}

/// `第三章第二节（一）` → `Guideline, chapter 3, section 2 (1)`; `None` for anything else.
pub(crate) fn guideline_ref_en(sec: &str) -> Option<String> {
    let mut out = String::from("Guideline");
    let mut rest = sec;
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('第') {
            let (n, r) = chinese_number(r)?;
            let (what, r) = match r.strip_prefix('章') {
                Some(r) => ("chapter", r),
                None => ("section", r.strip_prefix('节')?),
            };
            let _ = write!(out, ", {what} {n}");
            rest = r;
        } else if let Some(r) = rest.strip_prefix('（') {
            let (n, r) = chinese_number(r)?;
            let _ = write!(out, " ({n})");
            rest = r.strip_prefix('）')?;
        } else {
            return None;
        }
    }
    Some(out)
}

/// A leading Chinese number from 一 to 九十九, and the rest of the text.
pub(crate) fn chinese_number(s: &str) -> Option<(usize, &str)> {
    let digit = |c: char| {
        "一二三四五六七八九十"
            .chars()
            .position(|n| n == c)
            .map(|i| i + 1)
    };
    let len: usize = s
        .chars()
        .take_while(|c| digit(*c).is_some())
        .map(char::len_utf8)
        .sum();
    let d: Vec<usize> = s[..len].chars().filter_map(digit).collect();
    let n = match d.as_slice() {
        [a] => *a,
        [10, b] => 10 + b,
        [a, 10] => a * 10,
        [a, 10, b] => a * 10 + b,
        _ => return None,
    };
    Some((n, &s[len..]))
}

/// How a lever's `source` reads: guideline references as citations, each CSV key as the row's name in the
/// page language linked to its line on the assumptions page (the key only as a tooltip; `a … b`, a run of
/// yearly rows, as both ends), `;`-separated.
pub(crate) fn source_pieces(source: &str, lang: Lang) -> Vec<Piece> {
    let mut out = Vec::new();
    for (i, part) in source.split(';').map(str::trim).enumerate() {
        if i > 0 {
            out.push(Piece::Text(
                if lang == Lang::Zh { "；" } else { "; " }.to_string(),
            ));
        }
        match part.strip_prefix("Guideline ") {
            Some(sec) => out.push(guideline_cite(sec, lang)),
            None => {
                for (j, key) in part.split(" … ").map(str::trim).enumerate() {
                    if j > 0 {
                        out.push(Piece::Text(" … ".to_string()));
                    }
                    out.push(match labels::name(key, lang) {
                        Some(name) => Piece::Row {
                            key: key.to_string(),
                            name: name.to_string(),
                            id: labels::row_id(key),
                        },
                        None => Piece::Code(key.to_string()),
                    });
                }
            }
        }
    }
    out
}
