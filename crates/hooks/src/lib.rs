//! The `data-*` attribute contract between the pre-rendered pages (`vtre-site`, which writes them) and the
//! app (`src/ui/static_page.rs` and `src/ui/notes.rs`, which find and fill them), in one place. The tests
//! below read both sources and fail if either uses a `data-*` name that is not listed here, or if a shared
//! name is missing on one side; [`sel`] and [`sel_eq`] build selectors from the constants. The end-to-end
//! tests rely on the same names.

/// `[name]`: a CSS selector for elements carrying the attribute.
pub fn sel(name: &str) -> String {
    format!("[{name}]")
}

/// `[name="value"]`.
pub fn sel_eq(name: &str, value: &str) -> String {
    format!("[{name}=\"{value}\"]")
}

/// Written by the pages, read by the app.
pub const CHAIN: &str = "data-chain";
/// Written by the pages, read by the app.
pub const DECIMALS: &str = "data-decimals";
/// Written by the pages, read by the app.
pub const FILTER: &str = "data-filter";
/// Written by the pages, read by the app.
pub const FLOW_YEAR: &str = "data-flow-year";
/// Written by the pages, read by the app.
pub const FLOWS: &str = "data-flows";
/// Written by the pages, read by the app.
pub const GOTO_LEVER: &str = "data-goto-lever";
/// Written by the pages, read by the app.
pub const GOTO_SECTION: &str = "data-goto-section";
/// Written by the pages, read by the app.
pub const GOTO_TARGET: &str = "data-goto-target";
/// Written by the pages, read by the app.
pub const KIND: &str = "data-kind";
/// Written by the pages, read by the app.
pub const MEASURE: &str = "data-measure";
/// Written by the pages, read by the app.
pub const NO_RESULTS: &str = "data-no-results";
/// Written by the pages, read by the app.
pub const NOTE: &str = "data-note";
/// Written by the pages, read by the app.
pub const ORDER: &str = "data-order";
/// Written by the pages, read by the app.
pub const OVERRIDES: &str = "data-overrides";
/// Written by the pages, read by the app.
pub const OVERRIDES_TEXT: &str = "data-overrides-text";
/// Written by the pages, read by the app.
pub const PARAM: &str = "data-param";
/// Written by the pages, read by the app.
pub const PARAM_CHANGED: &str = "data-param-changed";
/// Written by the pages, read by the app.
pub const PARAM_INPUT: &str = "data-param-input";
/// Written by the pages, read by the app.
pub const PARAM_RESET: &str = "data-param-reset";
/// Written by the pages, read by the app.
pub const READER_SEARCH: &str = "data-reader-search";
/// Written by the pages, read by the app.
pub const RESET_OVERRIDES: &str = "data-reset-overrides";
/// Written by the pages, read by the app.
pub const SEARCH: &str = "data-search";
/// Written by the pages, read by the app.
pub const SECTION: &str = "data-section";
/// Written by the pages, read by the app.
pub const SORT: &str = "data-sort";
/// Written by the pages, read by the app.
pub const STATUS: &str = "data-status";
/// Written by the pages for styling and the end-to-end tests.
pub const BASELINE: &str = "data-baseline";
/// Written by the pages for styling and the end-to-end tests.
pub const CHAPTER: &str = "data-chapter";
/// Written by the pages for styling and the end-to-end tests.
pub const NOT_MODELLED: &str = "data-not-modelled";
/// Written by the pages for styling and the end-to-end tests.
pub const SOURCE: &str = "data-source";
/// Written by the pages for styling and the end-to-end tests.
pub const TERM: &str = "data-term";

/// Names written by the pages and read by the app.
pub const SHARED: &[&str] = &[
    CHAIN,
    DECIMALS,
    FILTER,
    FLOW_YEAR,
    FLOWS,
    GOTO_LEVER,
    GOTO_SECTION,
    GOTO_TARGET,
    KIND,
    MEASURE,
    NO_RESULTS,
    NOTE,
    ORDER,
    OVERRIDES,
    OVERRIDES_TEXT,
    PARAM,
    PARAM_CHANGED,
    PARAM_INPUT,
    PARAM_RESET,
    READER_SEARCH,
    RESET_OVERRIDES,
    SEARCH,
    SECTION,
    SORT,
    STATUS,
];

/// Written by the pages (the validation table's rows: same, part, national), read by tests.
pub const BASIS: &str = "data-basis";
/// Written by the pages (other plans' targets), read by tests.
pub const RELATED: &str = "data-related";

/// Names only the pages write.
pub const PAGES_ONLY: &[&str] = &[
    BASELINE,
    BASIS,
    CHAPTER,
    NOT_MODELLED,
    RELATED,
    SOURCE,
    TERM,
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    const PAGES: &[&str] = &[
        include_str!("../../site/src/lib.rs"),
        include_str!("../../site/src/docs.rs"),
        include_str!("../../site/src/guideline.rs"),
        include_str!("../../site/src/history.rs"),
    ];
    /// The app's code that reads the pages: the reading pages and the lever/preset notes page.
    const APP: &[&str] = &[
        include_str!("../../../src/ui/static_page.rs"),
        include_str!("../../../src/ui/notes.rs"),
    ];

    /// Every `data-…` name in a source text.
    fn names(text: &str) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        let mut rest = text;
        while let Some(i) = rest.find("data-") {
            let tail = &rest[i + 5..];
            let end = tail
                .find(|c: char| !(c.is_ascii_lowercase() || c == '-'))
                .unwrap_or(tail.len());
            if end > 0 {
                out.insert(format!("data-{}", &tail[..end]));
            }
            rest = &tail[end..];
        }
        out
    }

    fn contract() -> BTreeSet<String> {
        SHARED
            .iter()
            .chain(PAGES_ONLY)
            .map(|s| s.to_string())
            .collect()
    }

    #[test]
    fn the_pages_use_only_names_in_the_contract() {
        let c = contract();
        for text in PAGES {
            for n in names(text) {
                assert!(
                    c.contains(&n),
                    "the pages use {n}, which vtre-hooks does not list"
                );
            }
        }
    }

    #[test]
    fn the_app_reads_only_names_in_the_contract_and_every_shared_name_is_on_both_sides() {
        let c = contract();
        let app: BTreeSet<String> = APP.iter().flat_map(|t| names(t)).collect();
        let pages: BTreeSet<String> = PAGES.iter().flat_map(|t| names(t)).collect();
        for n in &app {
            assert!(
                c.contains(n) || *n == "data-page",
                "the reader page code uses {n}, not in vtre-hooks"
            );
        }
        for n in SHARED {
            assert!(
                pages.contains(*n),
                "{n} is shared but the pages do not write it"
            );
            assert!(
                app.contains(*n),
                "{n} is shared but the app does not read it"
            );
        }
    }

    #[test]
    fn selectors_are_well_formed() {
        assert_eq!(sel(PARAM), "[data-param]");
        assert_eq!(sel_eq(SECTION, "ch3-s5"), "[data-section=\"ch3-s5\"]");
    }
}
