//! The assumptions page: every parameter the model uses with its value, unit, kind (published figure or
//! estimate), range and source, grouped by chain, filterable and sortable, each row editable in the app.

use super::*;
use vtre_codec::notes::Piece;

/// A cell's column name, shown only where the table is laid out as cards (narrow screens, `style/main.css`).
fn cell_label(m: Msg, lang: Lang) -> Markup {
    html! { span class="cell-label" { (m.text(lang)) } }
}

/// The name cell: a parameter's name in the page language; its CSV key (what `vtre params` and scenario JSON
/// use) only as the name's tooltip and the row's `data-param`, never as text (issue 22).
fn name_cell(name: &str, key: &str) -> Markup {
    html! { td class="name" { span class="label" title=(key) { (name) } } }
}

/// The source and note cells: English text from the baseline CSV, marked as such, CSV keys in it shown as
/// linked names.
fn source_note_cells(source: &str, note: &str, lang: Lang) -> Markup {
    html! {
        td class="source" data-source="" {
            (cell_label(Msg::ColSourceOriginal, lang))
            span lang="en" { (labels::csv_text_html(source)) }
        }
        td class="note" {
            @if !note.is_empty() {
                (cell_label(Msg::ColNoteOriginal, lang))
                span lang="en" { (labels::csv_text_html(note)) }
            }
        }
    }
}

fn kind_cell(estimate: bool, lang: Lang) -> Markup {
    html! {
        td class="col-kind" {
            (cell_label(Msg::FilterKind, lang))
            span class={ "kind" @if estimate { " estimate" } } {
                (if estimate { Msg::Estimate.text(lang) } else { Msg::Fact.text(lang) })
            }
        }
    }
}

fn range_text(low: f64, high: f64, dec: usize) -> String {
    if low == high {
        "—".to_string()
    } else {
        format!("{} – {}", group(low, dec), group(high, dec))
    }
}

/// A table's header row: one column heading per `(message, class)`.
fn head(cols: &[(Msg, &str)], lang: Lang) -> Markup {
    html! {
        thead { tr { @for (m, class) in cols { th scope="col" class=(class) { (m.text(lang)) } } } }
    }
}

/// A parameter's value cell: the figure with its role (a check or a derived figure), the slot of the
/// app's input (an overridable input), or the fixed figure.
fn value_cell(p: &vtre_model::params::ParamSpec, dec: usize, lang: Lang) -> Markup {
    let role_note = match p.role {
        Role::Input => None,
        Role::Check => Some(Msg::RoleCheck),
        Role::Derived => Some(Msg::RoleDerived),
        Role::Absorbed => Some(Msg::RoleAbsorbed),
    };
    let shown = group(p.value, dec);
    html! {
        @if let Some(m) = role_note {
            (shown) " " span class={ "role role-" (p.role.key()) } { (m.text(lang)) }
        } @else if p.overridable() {
            // The app mounts the input, its reset button and the "changed" note here
            // (src/ui/static_page/live.rs); without it, the figure.
            span class="param-live" data-param-slot=(p.csv_key) data-decimals=(dec) { (shown) }
        } @else {
            span title=(Msg::FixedValue.text(lang)) { (shown) }
        }
    }
}

/// The assumptions table. Values and override state are filled in live by the app. Each row shows the
/// parameter's name in the page language (its CSV key as small print), and the CSV's source and note marked
/// as English originals; below it, the other CSV rows the pages cite (see [`labels`]), which every link to a
/// CSV row points at. On a narrow screen both tables are laid out as cards (`style/main.css`).
pub fn assumptions_html(lang: Lang) -> Result<String, String> {
    let names = labels::labels()?;
    let body = html! {
        "\n"
        // The app mounts the overrides flag here (src/ui/static_page/live.rs).
        div data-overrides-slot="" {}
        "\n"
        // The app mounts the filters and the sort buttons here (src/ui/static_page/live.rs).
        div class="filters" data-filters-slot="" {}
        div class="table-wrap" tabindex="0" {
            table class="params" {
                (head(&[(Msg::ColParam, "col-name"), (Msg::FilterChain, "col-chain"), (Msg::ColValue, "col-value"), (Msg::Unit, "col-unit"), (Msg::FilterKind, "col-kind"), (Msg::ColRange, "col-range"), (Msg::ColSourceOriginal, "col-source"), (Msg::ColNoteOriginal, "col-note")], lang))
                // One row group per chain, each with a header that opens and closes it: a phone starts with
                // every group closed (24 screens of cards otherwise), a desktop with every group open
                // (issue 22).
                @for chain in Chain::ALL {
                    @let n = PARAMS.iter().filter(|p| p.chain == chain).count();
                    @if n > 0 {
                        tbody class="chain-group" data-chain-group=(chain.id()) {
                            tr class="group-row" {
                                // The app mounts the group's open/close button here (src/ui/static_page/live.rs).
                                th colspan="8" scope="rowgroup" data-group-slot=(chain.id()) {
                                    (chain.label().get(lang)) " " span class="count" { "(" (n) ")" }
                                }
                            }
                            @for (i, p) in PARAMS.iter().enumerate().filter(|(_, p)| p.chain == chain) {
                                (param_row(i, p, lang))
                            }
                        }
                    }
                }
            }
        }
        (cited_html(names, lang))
    };
    Ok(crate::page(
        "assumptions page",
        "assumptions-title",
        (Msg::ViewAssumptions, Msg::AssumptionsIntro),
        lang,
        body,
    )
    .into_string())
}

/// One parameter's row of the assumptions table.
fn param_row(i: usize, p: &vtre_model::params::ParamSpec, lang: Lang) -> Markup {
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
        p.csv_key,
        p.label().zh,
        p.label().en,
        source,
        note
    )
    .to_lowercase();
    html! {
        tr id=(labels::row_id(p.csv_key)) data-param=(p.csv_key) data-kind=(p.kind.as_str()) data-chain=(p.chain.id()) data-order=(i) data-search=(search) {
            (name_cell(p.label().get(lang), p.csv_key))
            td class="col-chain" { (cell_label(Msg::FilterChain, lang)) (p.chain.label().get(lang)) }
            td class="value-cell" { (cell_label(Msg::ColValue, lang)) (value_cell(p, dec, lang)) }
            td class="col-unit" { (cell_label(Msg::Unit, lang)) (vtre_i18n::unit_text(p.unit, lang)) }
            (kind_cell(p.kind == Kind::Estimate, lang))
            td class="col-range" { (cell_label(Msg::ColRange, lang)) (range_text(p.low, p.high, dec)) }
            (source_note_cells(source, note, lang))
        }
    }
}

/// "Other figures cited", folded by default: the CSV rows that are not parameters but that a lever's source or
/// a row above cites, so that every link to a CSV row lands on a line of this page (a link into the fold
/// opens it: the browser does for an anchor, the app's reveal for `data-goto-row`).
fn cited_html(names: &labels::Labels, lang: Lang) -> Markup {
    let num = |s: &str| s.trim().parse::<f64>().ok().filter(|v| v.is_finite());
    html! {
        details class="cited" id="cited" {
            summary { h3 { (Msg::CitedTitle.text(lang)) " (" (names.other_rows().len()) ")" } }
            p class="page-intro" { (Msg::CitedIntro.text(lang)) }
            div class="table-wrap" tabindex="0" {
                table class="params cited" {
                    (head(&[(Msg::ColFigure, "col-name"), (Msg::Year, "col-year"), (Msg::ColValue, "col-value"), (Msg::Unit, "col-unit"), (Msg::FilterKind, "col-kind"), (Msg::ColRange, "col-range"), (Msg::ColSourceOriginal, "col-source"), (Msg::ColNoteOriginal, "col-note")], lang))
                    tbody {
                        @for r in names.other_rows() {
                            @let (value, low, high) = (num(&r.value), num(&r.low), num(&r.high));
                            @let dec = [value, low, high].into_iter().flatten().map(|v| decimals(v, Precision::Assumption)).max().unwrap_or(0);
                            @let range = match (low, high) {
                                (Some(lo), Some(hi)) => range_text(lo, hi, dec),
                                _ => "—".to_string(),
                            };
                            tr id=(labels::row_id(&r.key)) {
                                (name_cell(names.name(&r.key, lang).unwrap_or_default(), &r.key))
                                td class="col-year" { (cell_label(Msg::Year, lang)) (r.year) }
                                td class="value-cell" { (cell_label(Msg::ColValue, lang)) (value.map_or_else(|| r.value.clone(), |v| group(v, dec))) }
                                td class="col-unit" { (cell_label(Msg::Unit, lang)) (vtre_i18n::unit_text(&r.unit, lang)) }
                                (kind_cell(r.kind == "ESTIMATE", lang))
                                td class="col-range" { (cell_label(Msg::ColRange, lang)) (range) }
                                (source_note_cells(&r.source, &r.note, lang))
                            }
                        }
                    }
                }
            }
        }
    }
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
