//! Compared scenarios in a share link (issue 22): a workshop's comparison travels with the link and its QR
//! code, so participants who open it see the same scenarios side by side. Each compared scenario is one
//! `c=` query parameter, `<scenario link>|<name in Chinese>|<name in English>`, the scenario in the share
//! link's own format ([`crate::link`]); at most [`MAX_COMPARED`] are read. Decoding never fails: a piece it
//! cannot read is left out and reported, names are cleaned (no control characters or `|`, at most
//! [`MAX_NAME`] characters), and a missing name gets a numbered one.

use crate::link::{self, LinkIssue};
use vtre_model::Scenario;

/// The most scenarios compared at once.
pub const MAX_COMPARED: usize = 4;
/// The longest name kept, in characters.
pub const MAX_NAME: usize = 60;

/// A compared scenario as a link carries it.
#[derive(Clone, Debug, PartialEq)]
pub struct ComparedLink {
    pub label_zh: String,
    pub label_en: String,
    pub scenario: Scenario,
}

/// What a `c=` parameter could not give.
#[derive(Clone, Debug, PartialEq)]
pub enum CompareIssue {
    /// The `n`-th compared scenario (1-based) had problems in its scenario; what was used is kept.
    Scenario(usize, Vec<LinkIssue>),
    /// More than [`MAX_COMPARED`]: the rest were left out.
    TooMany(usize),
}

fn clean(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_control() && *c != '|')
        .take(MAX_NAME)
        .collect::<String>()
        .trim()
        .to_string()
}

/// The `c=` value of one compared scenario (unescaped: the URL builder escapes it).
pub fn encode(c: &ComparedLink) -> String {
    format!(
        "{}|{}|{}",
        link::encode(&c.scenario),
        clean(&c.label_zh),
        clean(&c.label_en)
    )
}

/// Reads one `c=` value (already percent-decoded); `n` (1-based) numbers a nameless one.
pub fn decode(text: &str, n: usize) -> (ComparedLink, Vec<LinkIssue>) {
    let mut parts = text.splitn(3, '|');
    let (scenario, issues) = link::decode(parts.next().unwrap_or_default());
    let zh = clean(parts.next().unwrap_or_default());
    let en = clean(parts.next().unwrap_or_default());
    let (label_zh, label_en) = match (zh.is_empty(), en.is_empty()) {
        (true, true) => (format!("比较情景{n}"), format!("Compared scenario {n}")),
        (false, true) => (zh.clone(), zh),
        (true, false) => (en.clone(), en),
        (false, false) => (zh, en),
    };
    (
        ComparedLink {
            label_zh,
            label_en,
            scenario,
        },
        issues,
    )
}

/// Every value of query parameter `name`, percent-decoded, in order.
pub fn query_params(query: &str, name: &str) -> Vec<String> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter_map(|kv| {
            let (k, v) = kv.split_once('=').unwrap_or((kv, ""));
            (k == name).then(|| link::percent_decode(v))
        })
        .collect()
}

/// The compared scenarios of a page's query string (`c=` parameters), with what could not be read.
pub fn from_query(query: &str) -> (Vec<ComparedLink>, Vec<CompareIssue>) {
    let values = query_params(query, "c");
    let mut out = Vec::new();
    let mut issues = Vec::new();
    for (i, v) in values.iter().take(MAX_COMPARED).enumerate() {
        let (c, problems) = decode(v, i + 1);
        if !problems.is_empty() {
            issues.push(CompareIssue::Scenario(i + 1, problems));
        }
        out.push(c);
    }
    if values.len() > MAX_COMPARED {
        issues.push(CompareIssue::TooMany(values.len() - MAX_COMPARED));
    }
    (out, issues)
}

#[cfg(test)]
mod tests {
    use super::*;
    use vtre_model::LeverId;

    fn sample(n: f64, zh: &str, en: &str) -> ComparedLink {
        let mut s = Scenario::reference();
        s.set(LeverId::EafSwap, n);
        ComparedLink {
            label_zh: zh.into(),
            label_en: en.into(),
            scenario: s,
        }
    }

    #[test]
    fn a_comparison_survives_the_query_string_names_and_all() {
        let list = [
            sample(300.0, "绿色低碳", "Green low-carbon"),
            sample(600.0, "我的方案 | 第二版", "Mine"),
        ];
        let q: Vec<String> = list
            .iter()
            .map(|c| format!("c={}", link::query_escape(&encode(c))))
            .collect();
        let query = format!("?s=1&lang=zh&{}", q.join("&"));
        let (back, issues) = from_query(&query);
        assert!(issues.is_empty(), "{issues:?}");
        assert_eq!(back.len(), 2);
        assert_eq!(back[0], list[0]);
        assert_eq!(back[1].scenario, list[1].scenario);
        assert_eq!(
            back[1].label_zh, "我的方案  第二版",
            "a | in a name is dropped"
        );
    }

    #[test]
    fn bad_pieces_are_reported_not_fatal_and_at_most_four_are_read() {
        let (one, issues) = decode("1,eaf_swap:99999|x", 3);
        assert!(!issues.is_empty(), "out of range is reported");
        assert_eq!(one.label_en, "x");
        let (nameless, _) = decode("1", 2);
        assert_eq!(
            (nameless.label_zh.as_str(), nameless.label_en.as_str()),
            ("比较情景2", "Compared scenario 2")
        );
        let q = (0..6).map(|_| "c=1").collect::<Vec<_>>().join("&");
        let (list, issues) = from_query(&q);
        assert_eq!(list.len(), MAX_COMPARED);
        assert_eq!(issues, vec![CompareIssue::TooMany(2)]);
        let long = "名".repeat(200);
        assert_eq!(
            decode(&format!("1|{long}"), 1).0.label_zh.chars().count(),
            MAX_NAME
        );
        assert!(from_query("?s=1&lang=en").0.is_empty());
    }
}
