//! What the explorer and the on-demand parts both need from the page: files of the build (data files, the
//! lever notes) and a query over an element's descendants. Kept out of `static_page` so the core build
//! (issue 20: the explorer alone, without the reading pages) has them; the reading pages' own loading and
//! cleaning is in `static_page/fetched.rs`.

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
