//! Small browser helpers: the clock, file downloads, the page URL.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Milliseconds since the epoch.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Offers `content` as a file download.
pub fn download(filename: &str, mime: &str, content: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(content));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    download_url(filename, &url);
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Offers a URL (object or data URL) as a file download.
pub fn download_url(filename: &str, url: &str) {
    let doc = document();
    let Ok(a) = doc.create_element("a") else {
        return;
    };
    let Ok(a) = a.dyn_into::<web_sys::HtmlAnchorElement>() else {
        return;
    };
    a.set_href(url);
    a.set_download(filename);
    if let Some(body) = doc.body() {
        let _ = body.append_child(&a);
        a.click();
        a.remove();
    }
}

/// The current page's query string.
pub fn query() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// The page URL with the given query parameters set (others kept), for sharing and for history.
pub fn url_with(params: &[(&str, Option<String>)]) -> String {
    let loc = web_sys::window().map(|w| w.location());
    let base = loc
        .as_ref()
        .map(|l| {
            format!(
                "{}{}",
                l.origin().unwrap_or_default(),
                l.pathname().unwrap_or_default()
            )
        })
        .unwrap_or_default();
    let mut kept: Vec<(String, String)> = query()
        .trim_start_matches('?')
        .split('&')
        .filter(|kv| !kv.is_empty())
        .filter_map(|kv| {
            let (k, v) = kv.split_once('=').unwrap_or((kv, ""));
            (!params.iter().any(|(p, _)| *p == k)).then(|| (k.to_string(), v.to_string()))
        })
        .collect();
    for (k, v) in params {
        if let Some(v) = v {
            kept.push((k.to_string(), vtre_codec::link::query_escape(v)));
        }
    }
    let q: Vec<String> = kept.iter().map(|(k, v)| format!("{k}={v}")).collect();
    if q.is_empty() {
        base
    } else {
        format!("{base}?{}", q.join("&"))
    }
}

/// The app's one debounce: of a burst of [`Debounce::call`]s only the last runs, `wait` after it. Each call
/// takes a ticket; a call runs only if its ticket is still the latest when its time comes (and never once the
/// owner that made the `Debounce` is gone: an unmounted part does nothing late).
#[derive(Clone, Copy)]
pub struct Debounce(StoredValue<u32>);

impl Default for Debounce {
    fn default() -> Self {
        Debounce(StoredValue::new(0))
    }
}

impl Debounce {
    /// Runs `f` after `wait` unless another call (or [`Debounce::cancel`]) comes first; `f` gets its ticket
    /// (for [`Debounce::is_latest`] later).
    pub fn call(self, wait: std::time::Duration, f: impl FnOnce(u32) + 'static) {
        let Some(mine) = self.cancel() else { return };
        set_timeout(
            move || {
                if self.is_latest(mine) {
                    f(mine);
                }
            },
            wait,
        );
    }

    /// Drops the pending call, if any; the new latest ticket (`None` once the owner is gone).
    pub fn cancel(self) -> Option<u32> {
        self.0.try_update_value(|n| {
            *n = n.wrapping_add(1);
            *n
        })
    }

    /// Whether `ticket` (from [`Debounce::cancel`]) is still the latest: for work that goes on after the
    /// wait (the ensemble's runs in the worker), to know it has not been superseded.
    pub fn is_latest(self, ticket: u32) -> bool {
        self.0.try_get_value() == Some(ticket)
    }
}
