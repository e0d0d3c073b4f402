//! Browser tests (wasm-bindgen-test in headless Chromium): the real app mounted in a real page.
//! Run: `cargo test --target wasm32-unknown-unknown --test browser` (scripts/test.sh sets the runner).
#![cfg(target_arch = "wasm32")]
#![allow(clippy::expect_used, clippy::unwrap_used)] // tests may fail loudly

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Event, HtmlCanvasElement, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn doc() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

async fn tick(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .expect("window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
}

fn attr(selector: &str, name: &str) -> String {
    doc()
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.get_attribute(name))
        .unwrap_or_default()
}

/// Members of the spread the tests give the app in place of the build's reference spread (which the test
/// page is not served): few, so a debug build computes it in moments.
const TEST_MEMBERS: usize = 24;

/// The reference scenario's spread of [`TEST_MEMBERS`] members with the app's seed, as the worker (and
/// `vtre first-view`) would send it.
fn test_spread() -> vtre_codec::worker::FromWorker {
    use vtre_codec::worker::{Answer, FromWorker};
    let mut e = vtre_analysis::Ensemble::new(
        &vtre_model::Scenario::reference(),
        TEST_MEMBERS,
        vtre::ENSEMBLE_SEED,
    );
    e.run();
    FromWorker::Done {
        run: 0,
        answer: Answer::of_ensemble(&e, &vtre_charts::spread_series()),
    }
}

fn mount() {
    // Before the first mount: the reference's spread the build would bring.
    assert!(vtre::ui::state::preload_reference_spread_text(
        &test_spread().to_text()
    ));
    if doc()
        .query_selector("[data-headline]")
        .ok()
        .flatten()
        .is_none()
    {
        leptos::mount::mount_to_body(vtre::ui::App);
    }
}

/// Clicks "reset all levers", as a reader would.
fn reset_all() {
    if let Some(b) = doc()
        .query_selector("[data-action=\"reset-all\"]")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    {
        b.click();
    }
}

fn text(sel: &str) -> String {
    doc()
        .query_selector(sel)
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

fn pixels(chart: &str) -> String {
    let c: HtmlCanvasElement = doc()
        .query_selector(&format!("canvas[data-chart=\"{chart}\"]"))
        .ok()
        .flatten()
        .expect("canvas")
        .dyn_into()
        .expect("a canvas element");
    c.to_data_url().unwrap_or_default()
}

#[wasm_bindgen_test]
async fn moving_a_lever_changes_the_numbers_and_redraws_the_canvas() {
    mount();
    tick(50).await;
    // Charts draw once they are on screen: bring the CO2 chart into view first.
    if let Some(c) = doc()
        .query_selector("canvas[data-chart=\"co2\"]")
        .ok()
        .flatten()
    {
        c.scroll_into_view();
    }
    tick(150).await;
    // The figure without its ensemble range (which is dropped while a new ensemble runs).
    let figure = || {
        let t = text("[data-headline=\"co2_2030\"]");
        t.split(" (").next().unwrap_or_default().to_string()
    };
    let co2_before = figure();
    let value_before = attr("[data-headline=\"output_value_2025\"]", "data-value");
    let px_before = pixels("co2");
    assert!(!co2_before.is_empty());
    let input: HtmlInputElement = doc()
        .query_selector("[data-lever=\"eaf_swap\"]")
        .ok()
        .flatten()
        .expect("the swap lever")
        .dyn_into()
        .expect("an input");
    input.set_value("600");
    input
        .dispatch_event(&Event::new("input").expect("event"))
        .expect("dispatch");
    tick(50).await;
    assert_ne!(
        text("[data-headline=\"co2_2030\"]"),
        co2_before,
        "CO2 headline follows the lever"
    );
    assert_ne!(pixels("co2"), px_before, "the CO2 chart redrew");
    // The headline shows the model's own numbers: the reference before the move, the moved scenario after.
    use vtre_model::series::SeriesId;
    use vtre_model::{simulate, LeverId, Scenario};
    let reference = simulate(&Scenario::reference());
    let mut moved = Scenario::reference();
    moved.set(LeverId::EafSwap, 600.0);
    let moved = simulate(&moved);
    let close = |shown: f64, model: f64| (shown - model).abs() <= 1e-9 * model.abs().max(1.0);
    let shown_value_before: f64 = value_before.parse().expect("a number in data-value");
    assert!(
        close(
            shown_value_before,
            reference.at(SeriesId::OutputValueTotal, 2025)
        ),
        "2025 output value before the move: {shown_value_before}"
    );
    let co2_after: f64 = attr("[data-headline=\"co2_2030\"]", "data-value")
        .parse()
        .expect("a number in data-value");
    assert!(
        close(co2_after, moved.at(SeriesId::Co2Total, 2030)),
        "2030 CO2 after the move: {co2_after} vs {}",
        moved.at(SeriesId::Co2Total, 2030)
    );
    assert!(
        co2_after < reference.at(SeriesId::Co2Total, 2030),
        "the swap lowers 2030 CO2"
    );
    // Put it back for the next test.
    input.set_value("0");
    input
        .dispatch_event(&Event::new("input").expect("event"))
        .expect("dispatch");
    tick(50).await;
    assert_eq!(figure(), co2_before);
}

fn visible_cjk() -> Vec<String> {
    let mut out = Vec::new();
    let all = doc().query_selector_all("body *").expect("elements");
    for i in 0..all.length() {
        let Some(el) = all.item(i).and_then(|n| n.dyn_into::<HtmlElement>().ok()) else {
            continue;
        };
        if el.closest("[lang=\"zh-CN\"]").ok().flatten().is_some()
            || el.closest("[hidden]").ok().flatten().is_some()
        {
            continue;
        }
        let kids = el.child_nodes();
        for k in 0..kids.length() {
            if let Some(n) = kids.item(k) {
                if n.node_type() == web_sys::Node::TEXT_NODE {
                    let t = n.text_content().unwrap_or_default();
                    if t.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) {
                        out.push(t);
                    }
                }
            }
        }
    }
    out
}

#[wasm_bindgen_test]
async fn the_language_toggle_switches_every_visible_string() {
    mount();
    tick(50).await;
    let zh_title = text("h1");
    assert!(zh_title.contains("四川"), "Chinese by default: {zh_title}");
    let toggle: HtmlElement = doc()
        .query_selector("[data-action=\"toggle-lang\"]")
        .ok()
        .flatten()
        .expect("toggle")
        .dyn_into()
        .expect("button");
    toggle.click();
    tick(50).await;
    assert!(text("h1").contains("Explorer"));
    let leaks = visible_cjk();
    assert!(leaks.is_empty(), "Chinese left in English mode: {leaks:?}");
    toggle.click();
    tick(50).await;
    assert_eq!(text("h1"), zh_title);
}

#[wasm_bindgen_test]
async fn the_scorecards_chances_and_headline_range_are_the_reference_spread_the_build_brings() {
    mount();
    tick(50).await;
    // From the reference, whatever earlier tests moved.
    reset_all();
    let mut waited = 0;
    while attr("[data-ensemble]", "data-ensemble") != "ready" && waited < 5_000 {
        tick(50).await;
        waited += 50;
    }
    // The reference needs no worker (there is none on this test page): its spread is shown at once.
    assert_eq!(attr("[data-ensemble]", "data-ensemble"), "ready");
    let vtre_codec::worker::FromWorker::Done {
        answer: vtre_codec::worker::Answer::Ensemble { odds, series, .. },
        ..
    } = test_spread()
    else {
        panic!("a spread")
    };
    let mut claimed = 0;
    for t in vtre_model::TARGETS {
        let got = attr(&format!("[data-target=\"{}\"]", t.key), "data-probability");
        match odds
            .iter()
            .find(|o| o.id == t.id)
            .and_then(|o| o.probability())
        {
            Some(p) => {
                claimed += 1;
                assert_eq!(got, p.to_string(), "{}", t.key)
            }
            None => assert_eq!(got, "", "{} has no probability", t.key),
        }
    }
    assert!(claimed >= 6, "chances shown for {claimed} targets");
    // The headline's range is the same spread's 10–90 %.
    let (_, q) = series
        .iter()
        .find(|(id, _)| *id == vtre_model::SeriesId::OutputValueTotal)
        .expect("output value in the spread");
    let i = vtre_model::series::year_index(2025).expect("2025");
    assert_eq!(
        attr("[data-headline=\"output_value_2025\"]", "data-p10"),
        q[i].p10.to_string()
    );
    assert_eq!(
        attr("[data-headline=\"output_value_2025\"]", "data-p90"),
        q[i].p90.to_string()
    );
}

#[wasm_bindgen_test]
async fn a_moved_lever_claims_no_chance_until_its_own_spread_arrives() {
    mount();
    tick(50).await;
    let input: HtmlInputElement = doc()
        .query_selector("input[data-lever=\"eaf_swap\"]")
        .ok()
        .flatten()
        .expect("the eaf_swap slider")
        .dyn_into()
        .expect("an input");
    input.set_value("250");
    input
        .dispatch_event(&Event::new("input").expect("event"))
        .expect("dispatch");
    tick(300).await;
    // No worker on this page: the moved scenario's chances are never computed, so none is shown.
    assert_ne!(attr("[data-ensemble]", "data-ensemble"), "ready");
    for t in vtre_model::TARGETS {
        assert_eq!(
            attr(&format!("[data-target=\"{}\"]", t.key), "data-probability"),
            "",
            "{}",
            t.key
        );
    }
    reset_all();
}
