//! What the explorer and the on-demand parts both need from the page: files of the build (reading pages,
//! data files) and a query over an element's descendants. Kept out of `static_page` so the core build
//! (issue 20: the explorer alone, without the reading pages) has them.

use wasm_bindgen::JsCast;
use web_sys::Element;

/// The elements under `root` that match `sel`, in document order.
pub fn all(root: &Element, sel: &str) -> Vec<Element> {
    let Ok(list) = root.query_selector_all(sel) else {
        return vec![];
    };
    (0..list.length())
        .filter_map(|i| list.item(i).and_then(|n| n.dyn_into::<Element>().ok()))
        .collect()
}

/// The text of pre-rendered page `name` (`pages/<name>.html`): from `window.__vtrePages` in the single-file
/// build, fetched otherwise. `None` if it cannot be had.
pub async fn load_page(name: &str) -> Option<String> {
    load_text(name, &format!("pages/{name}.html")).await
}

/// The text of a file of the build: `window.__vtrePages[key]` in the single-file build, else `path` fetched
/// with this build's version (`?v=`, so a service worker of another build leaves it to the network).
pub async fn load_text(key: &str, path: &str) -> Option<String> {
    let inline = js_sys::Reflect::get(&leptos::prelude::window(), &"__vtrePages".into())
        .ok()
        .filter(|v| v.is_object())
        .and_then(|pages| js_sys::Reflect::get(&pages, &key.into()).ok())
        .and_then(|v| v.as_string());
    if inline.is_some() {
        return inline;
    }
    let url = super::offline::versioned(path);
    let resp = wasm_bindgen_futures::JsFuture::from(leptos::prelude::window().fetch_with_str(&url))
        .await
        .ok()?;
    let resp: web_sys::Response = resp.dyn_into().ok()?;
    if !resp.ok() {
        return None;
    }
    wasm_bindgen_futures::JsFuture::from(resp.text().ok()?)
        .await
        .ok()?
        .as_string()
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

/// A fetched page (a reading page, the lever notes) as the app lets it in: parsed inert (`DOMParser`: no
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
#[cfg(feature = "full")]
pub fn replace_children(to: &Element, from: &web_sys::HtmlElement) {
    to.set_inner_html("");
    while let Some(child) = from.first_child() {
        if to.append_child(&child).is_err() {
            break;
        }
    }
}
