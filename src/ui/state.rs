//! App state beyond the scenario signal: undoable edits, notices, the saved library over localStorage (with
//! an in-memory fallback), compared scenarios, and small browser helpers (download, URL).

use leptos::prelude::*;
use vtre_codec::library::{KvStore, Library, MemoryStore, StoreError};
use vtre_codec::link::LinkIssue;
use vtre_i18n::{Lang, Msg};
use vtre_model::scenario::InputIssue;
use vtre_model::Scenario;
use wasm_bindgen::JsCast;

const HISTORY_LIMIT: usize = 200;

/// The only writer of the scenario: every change goes through here, so it can be undone.
/// A slider drag is one step: `drag` opens a gesture on its first input, `end_drag` closes it.
#[derive(Clone, Copy)]
pub struct Edit {
    pub scenario: RwSignal<Scenario>,
    pub past: RwSignal<Vec<Scenario>>,
    pub future: RwSignal<Vec<Scenario>>,
    gesture: StoredValue<bool>,
}

impl Edit {
    pub fn new(scenario: RwSignal<Scenario>) -> Self {
        Edit {
            scenario,
            past: RwSignal::new(Vec::new()),
            future: RwSignal::new(Vec::new()),
            gesture: StoredValue::new(false),
        }
    }

    fn push_past(&self, s: Scenario) {
        self.past.update(|p| {
            p.push(s);
            if p.len() > HISTORY_LIMIT {
                p.remove(0);
            }
        });
        self.future.update(Vec::clear);
    }

    /// One undoable step.
    pub fn step(&self, f: impl FnOnce(&mut Scenario)) {
        self.end_drag();
        let before = self.scenario.get_untracked();
        let mut next = before.clone();
        f(&mut next);
        if next != before {
            self.push_past(before);
            self.scenario.set(next);
        }
    }

    /// Replaces the whole scenario as one step (preset, import, link).
    pub fn replace(&self, s: Scenario) {
        self.step(|cur| *cur = s);
    }

    /// A change during a continuous gesture (slider drag): one undo step for the whole gesture.
    pub fn drag(&self, f: impl FnOnce(&mut Scenario)) {
        if !self.gesture.get_value() {
            self.gesture.set_value(true);
            self.push_past(self.scenario.get_untracked());
        }
        self.scenario.update(f);
    }

    pub fn end_drag(&self) {
        if self.gesture.get_value() {
            self.gesture.set_value(false);
            let cur = self.scenario.get_untracked();
            if self.past.with_untracked(|p| p.last() == Some(&cur)) {
                self.past.update(|p| {
                    p.pop();
                });
            }
        }
    }

    pub fn undo(&self) {
        self.end_drag();
        if let Some(prev) = self.past.try_update(Vec::pop).flatten() {
            let cur = self.scenario.get_untracked();
            self.future.update(|f| f.push(cur));
            self.scenario.set(prev);
        }
    }

    pub fn redo(&self) {
        self.end_drag();
        if let Some(next) = self.future.try_update(Vec::pop).flatten() {
            let cur = self.scenario.get_untracked();
            self.past.update(|p| p.push(cur));
            self.scenario.set(next);
        }
    }
}

/// One line of a notice, in both languages.
#[derive(Clone, Debug, PartialEq)]
pub struct NoticeLine {
    pub zh: String,
    pub en: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub id: u32,
    pub title: Msg,
    pub lines: Vec<NoticeLine>,
    pub warn: bool,
}

#[derive(Clone, Copy)]
pub struct Notices(pub RwSignal<Vec<Notice>>);

impl Notices {
    pub fn push(&self, title: Msg, lines: Vec<NoticeLine>, warn: bool) {
        self.0.update(|n| {
            let id = n.iter().map(|x| x.id).max().unwrap_or(0) + 1;
            n.push(Notice {
                id,
                title,
                lines,
                warn,
            });
        });
    }
    pub fn dismiss(&self, id: u32) {
        self.0.update(|n| n.retain(|x| x.id != id));
    }
}

fn line(zh: String, en: String) -> NoticeLine {
    NoticeLine { zh, en }
}

/// A plain-language line for each input problem.
pub fn input_issue_line(i: &InputIssue) -> NoticeLine {
    let lever = |id: &str| {
        vtre_model::LeverId::from_key(id).map_or((id.to_string(), id.to_string()), |l| {
            let s = vtre_model::levers::spec(l);
            (s.label_zh.to_string(), s.label_en.to_string())
        })
    };
    match i {
        InputIssue::NotAnObject(e) => line(
            format!("内容无法读取（{e}），已使用参考情景。"),
            format!("The content could not be read ({e}); the reference scenario is used."),
        ),
        InputIssue::UnknownLever(id) => line(
            format!("未知的杠杆“{id}”，已忽略。"),
            format!("Unknown lever '{id}' was ignored."),
        ),
        InputIssue::UnknownParam(id) => line(
            format!("未知的参数“{id}”，已忽略。"),
            format!("Unknown parameter '{id}' was ignored."),
        ),
        InputIssue::NotANumber { id, found } => {
            let (zh, en) = lever(id);
            line(
                format!("“{zh}”的值 {found} 不是数字，已忽略。"),
                format!("'{en}': {found} is not a number and was ignored."),
            )
        }
        InputIssue::Clamped { id, given, used } => {
            let (zh, en) = lever(id);
            line(
                format!("“{zh}”的值 {given} 超出范围，已调整为 {used}。"),
                format!("'{en}': {given} is out of range and was set to {used}."),
            )
        }
        InputIssue::Snapped { id, given, used } => {
            let (zh, en) = lever(id);
            line(
                format!("“{zh}”的值 {given} 不在步长上，已调整为 {used}。"),
                format!("'{en}': {given} is between steps and was set to {used}."),
            )
        }
    }
}

pub fn link_issue_line(i: &LinkIssue) -> NoticeLine {
    match i {
        LinkIssue::Input(x) => input_issue_line(x),
        LinkIssue::Malformed(p) => line(format!("无法理解的片段“{p}”，已忽略。"), format!("Could not understand '{p}'; it was ignored.")),
        LinkIssue::NewerVersion(v) => line(
            format!("此链接由更新的版本（格式{v}）生成，已尽量读取。"),
            format!("This link was made by a newer version (format {v}); it was read as far as possible."),
        ),
        LinkIssue::Duplicate(k) => line(format!("“{k}”出现多次，使用最后一个值。"), format!("'{k}' appears more than once; the last value is used.")),
    }
}

/// localStorage, fetched on each use (it is not `Send`, and may become unavailable).
pub struct WebStore;

fn storage() -> Result<web_sys::Storage, StoreError> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or(StoreError::Unavailable)
}

impl KvStore for WebStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        storage()?
            .get_item(key)
            .map_err(|_| StoreError::Unavailable)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        // A quota error is the only way setItem fails on a working storage.
        storage()?
            .set_item(key, value)
            .map_err(|_| StoreError::Full)
    }
    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        storage()?
            .remove_item(key)
            .map_err(|_| StoreError::Unavailable)
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let s = storage()?;
        let n = s.length().map_err(|_| StoreError::Unavailable)?;
        Ok((0..n).filter_map(|i| s.key(i).ok().flatten()).collect())
    }
}

pub enum AnyStore {
    Web(WebStore),
    Mem(MemoryStore),
}

impl KvStore for AnyStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        match self {
            AnyStore::Web(s) => s.get(key),
            AnyStore::Mem(s) => s.get(key),
        }
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        match self {
            AnyStore::Web(s) => s.set(key, value),
            AnyStore::Mem(s) => s.set(key, value),
        }
    }
    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        match self {
            AnyStore::Web(s) => s.remove(key),
            AnyStore::Mem(s) => s.remove(key),
        }
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        match self {
            AnyStore::Web(s) => s.keys(),
            AnyStore::Mem(s) => s.keys(),
        }
    }
}

/// The library, on localStorage when it works and in memory otherwise. `version` bumps on every change so
/// lists re-read.
#[derive(Clone, Copy)]
pub struct LibraryCtx {
    mem: StoredValue<Option<MemoryStore>>,
    pub version: RwSignal<u32>,
    pub in_memory: RwSignal<bool>,
}

impl LibraryCtx {
    /// Probes localStorage; falls back to memory (and says so) when it is disabled.
    pub fn new(notices: Notices, quiet: bool) -> Self {
        let probe = storage().and_then(|s| {
            s.set_item("vtre.probe", "1")
                .map_err(|_| StoreError::Full)?;
            s.remove_item("vtre.probe")
                .map_err(|_| StoreError::Unavailable)
        });
        let in_memory = probe.is_err();
        if in_memory && !quiet {
            notices.push(Msg::StorageOff, vec![], true);
        }
        LibraryCtx {
            mem: StoredValue::new(in_memory.then(MemoryStore::default)),
            version: RwSignal::new(0),
            in_memory: RwSignal::new(in_memory),
        }
    }

    /// Runs `f` on the library. Changes bump `version`.
    pub fn run<R>(&self, f: impl FnOnce(&mut Library<AnyStore>) -> R) -> R {
        let mem = self.mem.try_update_value(Option::take).flatten();
        let mut lib = Library::new(match mem {
            Some(m) => AnyStore::Mem(m),
            None => AnyStore::Web(WebStore),
        });
        let r = f(&mut lib);
        if let AnyStore::Mem(m) = lib.store {
            self.mem.set_value(Some(m));
        }
        r
    }

    pub fn changed(&self) {
        self.version.update(|v| *v += 1);
    }
}

/// A scenario picked for comparison.
#[derive(Clone, Debug, PartialEq)]
pub struct Compared {
    pub label_zh: String,
    pub label_en: String,
    pub scenario: Scenario,
}

impl Compared {
    pub fn label(&self, lang: Lang) -> String {
        if lang.zh() {
            self.label_zh.clone()
        } else {
            self.label_en.clone()
        }
    }
}

#[derive(Clone, Copy)]
pub struct CompareCtx(pub RwSignal<Vec<Compared>>);

pub const MAX_COMPARE: usize = 4;

/// Presenter mode (large type, collapsible levers, large charts).
#[derive(Clone, Copy)]
pub struct PresenterCtx(pub RwSignal<bool>);

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

/// Which page is shown; `?view=` in the URL.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Explorer,
    Guideline,
    Assumptions,
    Model,
}

impl View {
    pub const ALL: [View; 4] = [
        View::Explorer,
        View::Guideline,
        View::Assumptions,
        View::Model,
    ];
    pub fn key(self) -> &'static str {
        match self {
            View::Explorer => "explorer",
            View::Guideline => "guideline",
            View::Assumptions => "assumptions",
            View::Model => "model",
        }
    }
    pub fn from_key(k: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.key() == k)
    }
    pub fn label(self) -> Msg {
        match self {
            View::Explorer => Msg::ViewExplorer,
            View::Guideline => Msg::ViewGuideline,
            View::Assumptions => Msg::ViewAssumptions,
            View::Model => Msg::ViewModel,
        }
    }
}

/// The page shown and the reader section to scroll to (`?sec=`).
#[derive(Clone, Copy)]
pub struct ViewCtx {
    pub view: RwSignal<View>,
    pub section: RwSignal<Option<String>>,
}

fn after_render(f: impl FnOnce() + 'static) {
    set_timeout(f, std::time::Duration::from_millis(60));
}

/// Scrolls an element into view and highlights it briefly.
pub fn reveal(selector: &str) {
    if let Some(el) = document().query_selector(selector).ok().flatten() {
        el.scroll_into_view();
        let _ = el.class_list().add_1("flash");
        let el2 = el.clone();
        set_timeout(
            move || {
                let _ = el2.class_list().remove_1("flash");
            },
            std::time::Duration::from_millis(1600),
        );
    }
}

impl ViewCtx {
    /// Opens the explorer and focuses a lever.
    pub fn go_lever(&self, id: vtre_model::LeverId, focus: RwSignal<Option<vtre_model::LeverId>>) {
        self.view.set(View::Explorer);
        focus.set(Some(id));
        after_render(move || super::focus_lever(id));
    }
    /// Opens the explorer at a scorecard card.
    pub fn go_target(&self, key: &'static str) {
        self.view.set(View::Explorer);
        after_render(move || reveal(&format!("[data-target=\"{key}\"]")));
    }
    /// Opens the reader at a section (and optionally a measure).
    pub fn go_section(&self, section: &str, measure: Option<&str>) {
        self.view.set(View::Guideline);
        self.section.set(Some(section.to_string()));
        let sel = match measure {
            Some(m) => format!("[data-measure=\"{m}\"]"),
            None => format!("[data-section=\"{section}\"]"),
        };
        after_render(move || reveal(&sel));
    }
}
