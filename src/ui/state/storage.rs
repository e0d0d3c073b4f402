//! The saved library over localStorage, with an in-memory fallback when storage is blocked or full.

use super::Notices;
use leptos::prelude::*;
use vtre_codec::library::{
    is_library_key, is_working_key, KvStore, Library, MemoryStore, StoreError,
};
use vtre_i18n::Msg;
use vtre_model::Scenario;
use wasm_bindgen::JsCast;

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
/// lists re-read; `others` when another tab autosaves its working scenario.
#[derive(Clone, Copy)]
pub struct LibraryCtx {
    mem: StoredValue<Option<MemoryStore>>,
    /// This tab's token: its new entries' ids are its own even when another tab saves in the same ms, and its
    /// autosaved working scenario has a key of its own.
    tab: StoredValue<String>,
    pub version: RwSignal<u32>,
    pub others: RwSignal<u32>,
    pub in_memory: RwSignal<bool>,
}

/// A short random token for this tab: the one the core module wrote on `<html data-tab>` when the full
/// module takes over from it (issue 20), so both keep one working scenario; else a new one.
fn tab_token() -> String {
    let kept = leptos::prelude::document()
        .document_element()
        .and_then(|root| root.get_attribute("data-tab"))
        .filter(|t| t.len() == 6 && t.bytes().all(|b| b.is_ascii_hexdigit()));
    if let Some(t) = kept {
        return t;
    }
    let r = js_sys::Math::random();
    format!("{:06x}", (r * f64::from(0xff_ffff_u32)) as u32)
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
        let tab = tab_token();
        if let Some(root) = leptos::prelude::document().document_element() {
            let _ = root.set_attribute("data-tab", &tab);
        }
        let ctx = LibraryCtx {
            mem: StoredValue::new(in_memory.then(MemoryStore::default)),
            tab: StoredValue::new(tab),
            version: RwSignal::new(0),
            others: RwSignal::new(0),
            in_memory: RwSignal::new(in_memory),
        };
        // What an import interrupted earlier (tab closed, storage failed) left hidden goes.
        ctx.run(|l| l.tidy(super::now_ms()));
        // Another tab saved, renamed, deleted, imported or autosaved: re-list. (The event fires in the other
        // tabs only.)
        if let Some(w) = web_sys::window() {
            gloo_events::EventListener::new(&w, "storage", move |ev| {
                let key = ev
                    .dyn_ref::<web_sys::StorageEvent>()
                    .and_then(web_sys::StorageEvent::key);
                // `None` is a clear() of the whole storage.
                match key {
                    Some(k) if is_working_key(&k) => ctx.others.update(|v| *v += 1),
                    Some(k) if !is_library_key(&k) => {}
                    _ => ctx.changed(),
                }
            })
            .forget();
        }
        ctx
    }

    /// Runs `f` on the library. Changes bump `version`.
    pub fn run<R>(&self, f: impl FnOnce(&mut Library<AnyStore>) -> R) -> R {
        let mem = self.mem.try_update_value(Option::take).flatten();
        let store = match mem {
            Some(m) => AnyStore::Mem(m),
            None => AnyStore::Web(WebStore),
        };
        let mut lib = self.tab.with_value(|tab| Library::for_tab(store, tab));
        let r = f(&mut lib);
        if let AnyStore::Mem(m) = lib.store {
            self.mem.set_value(Some(m));
        }
        r
    }

    /// Keeps this tab's working scenario in storage (a key of its own: other tabs' are never overwritten).
    pub fn autosave(&self, s: &Scenario) {
        let _ = self.run(|l| l.save_working(s, super::now_ms()));
        // What this tab holds changed, so which other working scenarios exist nowhere else may have too.
        self.others.update(|v| *v += 1);
    }

    pub fn changed(&self) {
        self.version.update(|v| *v += 1);
    }

    /// Says so when other tabs or earlier visits left unsaved working scenarios that differ from `opened`
    /// (they are listed in the scenarios panel).
    pub fn announce_unsaved(&self, opened: &Scenario, notices: Notices) {
        let n = self
            .run(|l| l.other_unsaved())
            .map(|v| v.iter().filter(|w| w.scenario != *opened).count())
            .unwrap_or(0);
        if n > 0 {
            notices.push(Msg::UnsavedKept, vec![], false);
        }
    }
}
