//! The `data-*` attribute contract between the pre-rendered pages (`vtre-site`, which writes them) and the
//! app (`src/ui/static_page.rs` and `src/ui/analysis.rs`, which find and fill them; `src/ui/notes.rs`, whose
//! lever notes link to the assumptions page's rows), in
//! one place. The tests below read both sources and fail if either uses a `data-*` name that is not listed
//! here, or if a shared name is missing on one side; [`sel`] and [`sel_eq`] build selectors from the
//! constants. The end-to-end tests rely on the same names, and on the names only the app writes
//! ([`APP_ONLY`]: the ensemble state, probabilities, ranges and analysis results).

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
/// Written by the app (the assumptions table's filters and sort buttons, mounted into the page), for the
/// end-to-end tests.
pub const FILTER: &str = "data-filter";
/// Written by the app (the model page's flow year chooser, mounted with the diagrams), for the end-to-end tests.
pub const FLOW_YEAR: &str = "data-flow-year";
/// Written by the pages, read by the app.
pub const FLOWS: &str = "data-flows";
/// Written by the pages (an overridable parameter's value, `data-param-slot="<csv key>"` with its
/// `data-decimals`), read by the app, which mounts the parameter's input there.
pub const PARAM_SLOT: &str = "data-param-slot";
/// Written by the pages, read by the app, which mounts the overrides flag there.
pub const OVERRIDES_SLOT: &str = "data-overrides-slot";
/// Written by the pages, read by the app, which mounts the assumptions table's filters and sort there.
pub const FILTERS_SLOT: &str = "data-filters-slot";
/// Written by the pages, read by the app, which mounts the guideline's search there.
pub const SEARCH_SLOT: &str = "data-search-slot";
/// Written by the pages (a lever named on a page, `data-lever-chip="<lever key>"`), read by the app, which
/// mounts the lever's chip there.
pub const LEVER_CHIP: &str = "data-lever-chip";
/// Written by the pages (a target named on a page, `data-target-chip="<target key>"`), read by the app,
/// which mounts the target's chip, with its live status, there.
pub const TARGET_CHIP: &str = "data-target-chip";
/// Written by the app (a chip mounted into a page), for the end-to-end tests.
pub const GOTO_LEVER: &str = "data-goto-lever";
/// Written by the pages and by the app's lever notes (a link to a baseline-CSV row on the assumptions
/// page), read by the app.
pub const GOTO_ROW: &str = "data-goto-row";
/// Written by the pages on the contents' links to sections, read by the app (the reader's search shows the
/// links to the sections it finds).
pub const GOTO_SECTION: &str = "data-goto-section";
/// Written by the app (a chip mounted into a page), for the end-to-end tests.
pub const GOTO_TARGET: &str = "data-goto-target";
/// Written by the pages, read by the app.
pub const KIND: &str = "data-kind";
/// Written by the pages, read by the app.
pub const MEASURE: &str = "data-measure";
/// On the reader: how many sections and measures the search found.
/// Written by the app (the guideline's search, mounted into the page), for the end-to-end tests.
pub const SEARCH_COUNT: &str = "data-search-count";
/// On the assumptions page: a chain's row group (`data-chain-group="<chain>"`) and its header button.
pub const CHAIN_GROUP: &str = "data-chain-group";
/// Written by the pages (the header cell of a chain's row group, `data-group-slot="<chain>"`), read by the
/// app, which mounts the group's open/close button there.
pub const GROUP_SLOT: &str = "data-group-slot";
/// Written by the app: the header button of a chain's row group (`data-group-toggle="<chain>"`), for the
/// end-to-end tests.
pub const GROUP_TOGGLE: &str = "data-group-toggle";
/// Written by the app (the guideline's search, mounted into the page), for the end-to-end tests.
pub const NO_RESULTS: &str = "data-no-results";
/// Written by the pages, read by the app.
pub const ORDER: &str = "data-order";
/// Written by the app (the assumptions page's live views, mounted into the page), for the end-to-end tests.
pub const OVERRIDES: &str = "data-overrides";
/// Written by the app (the assumptions page's live views, mounted into the page), for the end-to-end tests.
pub const OVERRIDES_TEXT: &str = "data-overrides-text";
/// Written by the pages, read by the app.
pub const PARAM: &str = "data-param";
/// Written by the app (the assumptions page's live views, mounted into the page), for the end-to-end tests.
pub const PARAM_CHANGED: &str = "data-param-changed";
/// Written by the app (the assumptions page's live views, mounted into the page), for the end-to-end tests.
pub const PARAM_INPUT: &str = "data-param-input";
/// Written by the app (the assumptions page's live views, mounted into the page), for the end-to-end tests.
pub const PARAM_RESET: &str = "data-param-reset";
/// Written by the app (the guideline's search, mounted into the page), for the end-to-end tests.
pub const READER_SEARCH: &str = "data-reader-search";
/// Written by the app (the assumptions page's live views, mounted into the page), for the end-to-end tests.
pub const RESET_OVERRIDES: &str = "data-reset-overrides";
/// Written by the pages, read by the app.
pub const SEARCH: &str = "data-search";
/// Written by the pages, read by the app.
pub const SECTION: &str = "data-section";
/// Written by the app (the assumptions table's filters and sort buttons, mounted into the page), for the
/// end-to-end tests.
pub const SORT: &str = "data-sort";
/// Written by the app (a chip mounted into a page), for the end-to-end tests.
pub const STATUS: &str = "data-status";
/// Written by the analysis page on each choice (`data-pick="tornado-measure"`, …), read by the app.
pub const PICK: &str = "data-pick";
/// Written by the analysis page on each box the app fills with a result (`data-result="tornado"`, …).
pub const RESULT: &str = "data-result";
/// Written by the analysis page on its progress bars, which the app advances.
pub const PROGRESS: &str = "data-progress";
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
    FLOWS,
    GOTO_ROW,
    GOTO_SECTION,
    KIND,
    MEASURE,
    CHAIN_GROUP,
    GROUP_SLOT,
    ORDER,
    PARAM,
    SEARCH,
    SECTION,
    PARAM_SLOT,
    OVERRIDES_SLOT,
    FILTERS_SLOT,
    SEARCH_SLOT,
    LEVER_CHIP,
    TARGET_CHIP,
];

/// Written by the pages (the validation table's rows: same, part, national) and by the app (the charts'
/// published-figure rows and legend keys), read by tests and styling.
pub const BASIS: &str = "data-basis";
/// Written by the pages (other plans' targets) and by the app (the scorecard's cards of other plans'
/// targets, `data-related="<id>"` with `data-status`), read by tests.
pub const RELATED: &str = "data-related";

/// Names both the pages and the app write (never read from the other side).
pub const PAGES_AND_APP: &[&str] = &[BASIS, RELATED];

/// Written by the app onto a pre-rendered page: whether a chain's row group is open (`true|false`, absent:
/// as it starts, open on a wide screen and closed on a phone).
pub const OPEN: &str = "data-open";
/// Names the app writes onto the pre-rendered pages.
pub const APP_ON_PAGES: &[&str] = &[OPEN];

/// Written by the app on the policy start control (the year, 2020–2030) and on each chart's canvas when the
/// policy starts after 2020 (the year its shaded history ends at).
pub const POLICY_FROM: &str = "data-policy-from";
/// Written by the app on each chart's canvas: how many published figures it draws as points.
pub const PUBLISHED_POINTS: &str = "data-published-points";
/// Written by the app on each row of a chart's published-figures table (`data-published="<line key>"`).
pub const PUBLISHED: &str = "data-published";
/// Written by the app on a chart's published-figures table (`data-published-table="<chart>"`).
pub const PUBLISHED_TABLE: &str = "data-published-table";
/// Written by the app on the visually hidden description of a chart (`data-chart-desc="<chart>"`).
pub const CHART_DESC: &str = "data-chart-desc";
/// Written by the app on a data table's year cells that are history (before a later policy start).
pub const HISTORY: &str = "data-history";

/// Written by the app on the analysis page's confirmation of an applied answer.
pub const APPLIED: &str = "data-applied";
/// Written by the app on the notice that the analysis worker could not start.
pub const WORKER_FAILED: &str = "data-worker-failed";

/// Names only the app writes for the history beside the projection (issue 12) and the chart descriptions
/// (issue 14): the end-to-end tests read them.
pub const APP_HISTORY: &[&str] = &[
    POLICY_FROM,
    PUBLISHED_POINTS,
    PUBLISHED,
    PUBLISHED_TABLE,
    CHART_DESC,
    HISTORY,
];

/// Written by the app on the scorecard: `running` while the current scenario's ensemble is computed, then
/// `ready` (tests and the benchmark time it).
pub const ENSEMBLE: &str = "data-ensemble";
/// Written by the app on each scored card once the ensemble is ready: the share of members meeting it (0–1).
pub const PROBABILITY: &str = "data-probability";
/// Written by the app on the ranged headline figures: the ensemble's 10 % and 90 % quantiles.
pub const P10: &str = "data-p10";
/// See [`P10`].
pub const P90: &str = "data-p90";
/// Written by the app on each chart's legend entry explaining the bands.
pub const BAND_LEGEND: &str = "data-band-legend";
/// Written by the app into the analysis page: an Apply button (`seek`, `best:<target>`).
pub const APPLY: &str = "data-apply";
/// Written by the app into the analysis page: a row of the best-reachable table (`data-best="<target>"`).
pub const BEST: &str = "data-best";
/// Written by the app under a waterfall: the number of parts, their sum and the total change.
pub const PARTS: &str = "data-parts";
/// See [`PARTS`].
pub const SUM: &str = "data-sum";
/// See [`PARTS`].
pub const TOTAL: &str = "data-total";
/// Written by the app under a waterfall of two or more changes: the interaction (total − the sum of the
/// changes' one-at-a-time effects) and that sum (issue 25).
pub const INTERACTION: &str = "data-interaction";
/// See [`INTERACTION`].
pub const SUM_ALONE: &str = "data-sum-alone";
/// Written by the app on the answer of a goal-seek to a confidence: the chance at the value found (issue 25).
pub const CHANCE: &str = "data-chance";
/// Written by the app on the market baseline choice: the baseline's key (`low`, `central`, `high`).
pub const MARKET: &str = "data-market";

/// Written by the app on the headline's one polite live region, which says what changed in the headline
/// figures once the levers have settled (the end-to-end tests read its text).
pub const ANNOUNCE: &str = "data-announce";
/// Written by the app on the "new version ready" notice (`data-update="ready"`), shown when a service worker
/// of another build waits.
pub const UPDATE: &str = "data-update";

/// Names only the app writes (the uncertainty parts of the explorer, the analysis results, the live region
/// and the update notice), for styling, the end-to-end tests and the benchmark.
pub const APP_ONLY: &[&str] = &[
    PICK,
    PROGRESS,
    RESULT,
    APPLIED,
    WORKER_FAILED,
    ANNOUNCE,
    UPDATE,
    ENSEMBLE,
    PROBABILITY,
    P10,
    P90,
    BAND_LEGEND,
    APPLY,
    BEST,
    PARTS,
    SUM,
    TOTAL,
    INTERACTION,
    SUM_ALONE,
    CHANCE,
    MARKET,
    FLOW_YEAR,
    FILTER,
    SORT,
    GOTO_LEVER,
    GOTO_TARGET,
    GROUP_TOGGLE,
    STATUS,
    READER_SEARCH,
    NO_RESULTS,
    SEARCH_COUNT,
    OVERRIDES,
    OVERRIDES_TEXT,
    PARAM_CHANGED,
    PARAM_INPUT,
    PARAM_RESET,
    RESET_OVERRIDES,
];

/// Names only the pages write.
pub const PAGES_ONLY: &[&str] = &[CHAPTER, NOT_MODELLED, SOURCE, TERM];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    const PAGES: &[&str] = &[
        include_str!("../../site/src/lib.rs"),
        include_str!("../../site/src/assumptions.rs"),
        include_str!("../../site/src/docs.rs"),
        include_str!("../../site/src/guideline.rs"),
        include_str!("../../site/src/history.rs"),
        include_str!("../../site/src/labels.rs"),
    ];
    /// The app's code that reads the pages: the reading pages, and the lever notes' links to them.
    const APP: &[&str] = &[
        include_str!("../../../src/ui/static_page.rs"),
        include_str!("../../../src/ui/static_page/params.rs"),
        include_str!("../../../src/ui/notes.rs"),
        include_str!("../../../src/ui/static_page/live.rs"),
        include_str!("../../../src/ui/static_page/search.rs"),
    ];
    /// The app's own components that write the uncertainty hooks.
    const APP_UI: &[&str] = &[
        include_str!("../../../src/ui/scorecard.rs"),
        include_str!("../../../src/ui/headline.rs"),
        include_str!("../../../src/ui/chart_canvas.rs"),
        include_str!("../../../src/ui/chart_canvas/table.rs"),
        include_str!("../../../src/ui/chart_canvas/curtail.rs"),
        include_str!("../../../src/ui/chart_canvas/published.rs"),
        include_str!("../../../src/ui/analysis/mod.rs"),
        include_str!("../../../src/ui/analysis/tornado.rs"),
        include_str!("../../../src/ui/analysis/seek.rs"),
        include_str!("../../../src/ui/analysis/waterfall.rs"),
        include_str!("../../../src/ui/offline.rs"),
        include_str!("../../../src/ui/baseline.rs"),
        include_str!("../../../src/ui/static_page/flows.rs"),
        include_str!("../../../src/ui/static_page/live.rs"),
        include_str!("../../../src/ui/static_page/search.rs"),
    ];

    /// This crate's constants: (identifier, name), read from its own source.
    fn constants() -> Vec<(String, String)> {
        include_str!("lib.rs")
            .lines()
            .filter_map(|l| {
                let rest = l.trim().strip_prefix("pub const ")?;
                let (ident, value) = rest.split_once(": &str = \"")?;
                Some((ident.to_string(), value.strip_suffix("\";")?.to_string()))
            })
            .collect()
    }

    /// Every `data-…` name in a source text: written out, or as this crate's constant (`h::SECTION`, the
    /// app's reader code imports the crate as `h`).
    fn names(text: &str) -> BTreeSet<String> {
        let mut out: BTreeSet<String> = constants()
            .into_iter()
            .filter(|(ident, _)| {
                let used = format!("h::{ident}");
                text.match_indices(&used).any(|(i, _)| {
                    !text[i + used.len()..]
                        .starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_')
                })
            })
            .map(|(_, name)| name)
            .collect();
        let mut rest = text;
        while let Some(i) = rest.find("data-") {
            let tail = &rest[i + 5..];
            let end = tail
                .find(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'))
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
            .chain(APP_ONLY)
            .chain(PAGES_AND_APP)
            .chain(APP_ON_PAGES)
            .chain(APP_HISTORY)
            .map(|s| s.to_string())
            .collect()
    }

    #[test]
    fn what_the_app_writes_onto_the_pages_is_written_by_its_page_code_and_not_by_the_pages() {
        let app: BTreeSet<String> = APP.iter().flat_map(|t| names(t)).collect();
        let pages: BTreeSet<String> = PAGES.iter().flat_map(|t| names(t)).collect();
        for n in APP_ON_PAGES {
            assert!(app.contains(*n), "{n}: the app writes it");
            assert!(!pages.contains(*n), "{n}: a page writes it");
        }
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
    fn every_app_only_name_is_written_by_the_app_and_not_by_the_pages() {
        let app: BTreeSet<String> = APP_UI.iter().flat_map(|t| names(t)).collect();
        let pages: BTreeSet<String> = PAGES.iter().flat_map(|t| names(t)).collect();
        for n in APP_ONLY {
            assert!(
                app.contains(*n),
                "{n} is listed but the app does not write it"
            );
            assert!(!pages.contains(*n), "{n} is app-only but a page writes it");
        }
        let e2e = include_str!("../../../tests/e2e/analysis.test.mjs");
        for n in [ENSEMBLE, PROBABILITY, P10, RESULT, PICK, APPLY] {
            let attr = n.trim_start_matches("data-");
            assert!(
                e2e.contains(n) || e2e.contains(&format!("dataset.{attr}")),
                "the end-to-end tests use {n}"
            );
        }
    }

    /// The app's components that write the history and description hooks.
    const APP_HISTORY_UI: &[&str] = &[
        include_str!("../../charts/src/html.rs"),
        include_str!("../../../src/ui/lever_panel.rs"),
        include_str!("../../../src/ui/chart_canvas.rs"),
        include_str!("../../../src/ui/chart_canvas/table.rs"),
        include_str!("../../../src/ui/chart_canvas/published.rs"),
        include_str!("../../../src/ui/scorecard.rs"),
    ];

    #[test]
    fn the_history_hooks_are_written_by_the_app_used_by_the_tests_and_shared_names_by_both() {
        let app: BTreeSet<String> = APP_HISTORY_UI.iter().flat_map(|t| names(t)).collect();
        let pages: BTreeSet<String> = PAGES.iter().flat_map(|t| names(t)).collect();
        let e2e = include_str!("../../../tests/e2e/history.test.mjs");
        // `data-published-points` is read as `dataset.publishedPoints` too.
        let dataset = |n: &str| {
            let mut out = String::from("dataset.");
            let mut up = false;
            for c in n.trim_start_matches("data-").chars() {
                match (c, up) {
                    ('-', _) => up = true,
                    (c, true) => {
                        out.push(c.to_ascii_uppercase());
                        up = false;
                    }
                    (c, false) => out.push(c),
                }
            }
            out
        };
        assert_eq!(dataset(PUBLISHED_POINTS), "dataset.publishedPoints");
        for n in APP_HISTORY {
            assert!(
                app.contains(*n),
                "{n} is listed but the app does not write it"
            );
            assert!(!pages.contains(*n), "{n} is app-only but a page writes it");
            assert!(
                e2e.contains(n) || e2e.contains(&dataset(n)),
                "the end-to-end tests use {n}"
            );
        }
        for n in PAGES_AND_APP {
            assert!(app.contains(*n), "{n}: the app writes it");
            assert!(pages.contains(*n), "{n}: the pages write it");
            assert!(e2e.contains(n), "the end-to-end tests use {n}");
        }
    }

    #[test]
    fn the_live_region_and_update_hooks_are_used_by_their_end_to_end_tests() {
        let announce = include_str!("../../../tests/e2e/announce.test.mjs");
        let offline = include_str!("../../../tests/e2e/offline.test.mjs");
        assert!(announce.contains(&sel(ANNOUNCE)));
        assert!(offline.contains(&sel_eq(UPDATE, "ready")));
    }

    #[test]
    fn the_app_reads_the_pages_through_this_crates_constants_not_spelled_out_names() {
        // The reader code (the reading pages and the notes) names every attribute by its constant; only the
        // page's own `data-page`, written by a view, is spelled out.
        assert!(constants().len() > 50, "{}", constants().len());
        for text in APP {
            let spelled: Vec<&str> = text
                .match_indices("\"data-")
                .chain(text.match_indices("[data-"))
                .map(|(i, _)| &text[i..(i + 24).min(text.len())])
                .collect();
            assert!(spelled.is_empty(), "spelled out: {spelled:?}");
        }
        assert!(names(APP[0]).contains(SECTION) && names(APP[2]).contains(GOTO_ROW));
        assert!(
            !names("h::SECTIONS").contains(SECTION),
            "a longer identifier is not the constant"
        );
    }

    #[test]
    fn selectors_are_well_formed() {
        assert_eq!(sel(PARAM), "[data-param]");
        assert_eq!(sel_eq(SECTION, "ch3-s5"), "[data-section=\"ch3-s5\"]");
    }
}
