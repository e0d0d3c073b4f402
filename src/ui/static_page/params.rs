//! The assumptions page's table: its rows filtered by chain, kind and text and sorted within each group as
//! the reader's [`TableView`] says, and the chain groups opened and closed.

use super::live::TableView;
use super::{all, set_hidden};
use leptos::prelude::*;
use vtre_hooks as h;
use vtre_model::params::Chain;
use web_sys::Element;

/// Shows the rows the reader's filters let through (chain, kind, text).
pub(super) fn filter_params(root: &Element, view: &TableView) {
    let (chain, kind) = (view.chain.get(), view.kind.get());
    let text = view.text.with(|t| t.trim().to_ascii_lowercase());
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
        let id = g.get_attribute(h::CHAIN_GROUP).unwrap_or_default();
        if let Some(c) = Chain::ALL.into_iter().find(|c| c.id() == id) {
            view.set_open(c, filtering.then_some(hits));
        }
    }
}

/// Sorts each chain group's rows: by table order, key, chain or kind.
pub(super) fn sort_params(root: &Element, by: &str) {
    for tbody in all(root, "table.params tbody") {
        sort_group(&tbody, by);
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
