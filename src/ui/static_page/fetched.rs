//! The reading pages as the app lets them in: fetched (or taken from the single-file build) and cleaned of
//! anything that could run, load or restyle, whether they came from the network or back from the service
//! worker's cache (issue 24, item 5). The full module's only (the core shows no reading page).

use super::super::fetch::{all, load_text};
use web_sys::Element;

/// The text of pre-rendered page `name` (`pages/<name>.html`): from `window.__vtrePages` in the single-file
/// build, fetched otherwise. `None` if it cannot be had.
pub async fn load_page(name: &str) -> Option<String> {
    load_text(name, &format!("pages/{name}.html")).await
}

/// Elements no fetched page may bring into the app: what runs, loads, submits or restyles.
const DROPPED: &str = "script,style,link,meta,base,iframe,frame,frameset,object,embed,form,template,noscript,svg,math";
/// Attributes whose value is a URL.
const URL_ATTRS: [&str; 6] = [
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "srcset",
];

/// A fetched reading page as the app lets it in: parsed inert (`DOMParser`: no
/// script runs and nothing loads while it is parsed) and cleaned by one rule set, whether it came from the
/// network or back from the service worker's cache (issue 24, item 5) — no script, style sheet, frame,
/// object, form, base or SVG element; no event-handler or inline-style attribute; no `javascript:`, `data:`
/// or `vbscript:` URL. The pages the build writes have none of these (a test checks they come through
/// unchanged); a page altered in a cache or on the way loses them. Returns the page's body.
pub fn inert_body(html: &str) -> Option<web_sys::HtmlElement> {
    let parser = web_sys::DomParser::new().ok()?;
    let doc = parser
        .parse_from_string(html, web_sys::SupportedType::TextHtml)
        .ok()?;
    let body = doc.body()?;
    for el in all(&body, DROPPED) {
        el.remove();
    }
    for el in all(&body, "*") {
        let names = el.get_attribute_names();
        for name in names.iter().filter_map(|n| n.as_string()) {
            let lower = name.to_ascii_lowercase();
            let bad = lower.starts_with("on")
                || lower == "style"
                || lower == "srcdoc"
                || (URL_ATTRS.contains(&lower.as_str())
                    && el.get_attribute(&name).is_some_and(|v| unsafe_url(&v)));
            if bad {
                let _ = el.remove_attribute(&name);
            }
        }
    }
    Some(body)
}

/// Whether a URL would run code or embed content (`javascript:`, `vbscript:`, `data:`), ignoring the
/// whitespace and control characters browsers ignore in a scheme.
fn unsafe_url(v: &str) -> bool {
    let scheme: String = v
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .take(11)
        .collect::<String>()
        .to_ascii_lowercase();
    ["javascript:", "vbscript:", "data:"]
        .iter()
        .any(|s| scheme.starts_with(s))
}

/// Moves the children of `from` (another document's, from [`inert_body`]) into `to`, replacing its own.
pub fn replace_children(to: &Element, from: &web_sys::HtmlElement) {
    to.replace_children_with_node_0();
    while let Some(child) = from.first_child() {
        if to.append_child(&child).is_err() {
            break;
        }
    }
}
