//! The assumptions page's table: filtering by chain, kind and text, the chain groups opened and closed, and
//! sorting within each group.

use super::{all, set_hidden, value_of};
use leptos::prelude::*;
use vtre_hooks as h;
use web_sys::Element;

/// Assumptions filters.
pub(super) fn filter_params(root: &Element) {
    let get = |sel: &str| {
        root.query_selector(sel)
            .ok()
            .flatten()
            .map(|e| value_of(&e))
            .unwrap_or_default()
    };
    let chain = get(&format!("[{}=\"chain\"]", h::FILTER));
    let kind = get(&format!("[{}=\"kind\"]", h::FILTER));
    let text = get(&format!("[{}=\"text\"]", h::FILTER))
        .trim()
        .to_ascii_lowercase();
    for tr in all(root, &format!("tr[{}]", h::PARAM)) {
        let attr = |a: &str| tr.get_attribute(a).unwrap_or_default();
        let show = (chain.is_empty() || attr(h::CHAIN) == chain)
            && (kind.is_empty() || attr(h::KIND) == kind)
            && (text.is_empty() || attr(h::SEARCH).contains(&text));
        set_hidden(&tr, !show);
    }
    // A filter opens the groups with a match and hides the others; no filter puts them back as they start.
    let filtering = !(chain.is_empty() && kind.is_empty() && text.is_empty());
    for g in all(root, &format!("tbody[{}]", h::CHAIN_GROUP)) {
        let hits = !all(&g, &format!("tr[{}]:not([hidden])", h::PARAM)).is_empty();
        set_hidden(&g, filtering && !hits);
        set_group_open(&g, filtering.then_some(hits));
    }
}

/// Opens (`Some(true)`), closes or resets (`None`: open on a wide screen, closed on a phone) a chain group.
pub(super) fn set_group_open(g: &Element, open: Option<bool>) {
    let _ = match open {
        Some(o) => g.set_attribute(h::OPEN, if o { "true" } else { "false" }),
        None => g.remove_attribute(h::OPEN),
    };
    let shown = open.unwrap_or_else(|| !narrow());
    if let Some(b) = g.query_selector(&h::sel(h::GROUP_TOGGLE)).ok().flatten() {
        let _ = b.set_attribute("aria-expanded", if shown { "true" } else { "false" });
    }
}

fn narrow() -> bool {
    window()
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .is_some_and(|w| w <= 820.0)
}

/// Assumptions sort: by table order, key, chain or kind.
pub(super) fn sort_params(root: &Element, by: &str) {
    for tbody in all(root, "table.params tbody") {
        sort_group(&tbody, by);
    }
    for b in all(root, &h::sel(h::SORT)) {
        let _ = b.set_attribute(
            "aria-pressed",
            if b.get_attribute(h::SORT).as_deref() == Some(by) {
                "true"
            } else {
                "false"
            },
        );
    }
}

/// Sorts the rows of one chain group.
fn sort_group(tbody: &Element, by: &str) {
    let mut rows = all(tbody, &format!("tr[{}]", h::PARAM));
    let key = |tr: &Element| -> (String, usize) {
        let order = tr
            .get_attribute(h::ORDER)
            .and_then(|o| o.parse().ok())
            .unwrap_or(0);
        let a = |n: &str| tr.get_attribute(n).unwrap_or_default();
        match by {
            "key" => (a(h::PARAM), order),
            "chain" => (a(h::CHAIN), order),
            "kind" => (a(h::KIND), order),
            _ => (String::new(), order),
        }
    };
    vtre_model::small_sort::sort_by(&mut rows, |a, b| key(a).cmp(&key(b)));
    for r in rows {
        let _ = tbody.append_child(&r);
    }
}
