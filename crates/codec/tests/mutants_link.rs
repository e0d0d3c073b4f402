//! Share links and the compared scenarios they carry, at the edges where mutation testing found them
//! unchecked. Links are written out by hand.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use vtre_codec::compare::{from_query, CompareIssue, MAX_COMPARED};

#[test]
fn compared_scenarios_are_numbered_from_one_in_names_and_issues() {
    let (list, issues) = from_query("?c=1&c=1,eaf_swap:99999");
    assert_eq!(list.len(), 2);
    assert_eq!(list[0].label_en, "Compared scenario 1");
    assert_eq!(list[1].label_zh, "比较情景2");
    assert_eq!(issues.len(), 1);
    assert!(
        matches!(&issues[0], CompareIssue::Scenario(2, p) if !p.is_empty()),
        "{issues:?}"
    );
}

#[test]
fn exactly_the_most_compared_scenarios_are_read_without_a_notice() {
    let q = ["c=1"; MAX_COMPARED].join("&");
    assert_eq!(MAX_COMPARED, 4);
    let (list, issues) = from_query(&q);
    assert_eq!(list.len(), 4);
    assert_eq!(list[3].label_en, "Compared scenario 4");
    assert!(issues.is_empty(), "{issues:?}");
}
