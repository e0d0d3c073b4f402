//! Lever explanations and preset stories, loaded on demand from the pre-rendered `pages/notes-<lang>.html`
//! (`crate::pages::notes_html`) instead of being compiled into the wasm. The first lever info opened, the
//! first keyboard focus in the lever panel or the scenarios panel opening asks for the page of the current
//! language; until it arrives the block says it is loading, and if it cannot be loaded it says so. A lever's
//! sources link to their rows on the assumptions page ([`follow_row_link`]).

use super::fetch::load_page;
use super::state::ViewCtx;
use leptos::prelude::*;
use std::collections::BTreeMap;
use std::sync::Arc;
use vtre_hooks as h;
use vtre_i18n::{Lang, Msg};

#[derive(Clone, Default)]
enum Load {
    #[default]
    Idle,
    Loading,
    Ready(Arc<BTreeMap<String, String>>),
    Failed,
}

/// The notes of both languages, each loaded at most once (again after a failure).
#[derive(Clone, Copy)]
pub struct NotesCtx {
    zh: RwSignal<Load>,
    en: RwSignal<Load>,
}

impl NotesCtx {
    pub fn new() -> Self {
        NotesCtx {
            zh: RwSignal::new(Load::Idle),
            en: RwSignal::new(Load::Idle),
        }
    }

    fn slot(&self, lang: Lang) -> RwSignal<Load> {
        if lang.zh() {
            self.zh
        } else {
            self.en
        }
    }

    /// Starts loading the notes of `lang` unless they are loaded or loading.
    pub fn want(&self, lang: Lang) {
        let slot = self.slot(lang);
        if !matches!(slot.try_get_untracked(), Some(Load::Idle | Load::Failed)) {
            return;
        }
        slot.set(Load::Loading);
        let name = format!("notes-{}", lang.key());
        leptos::task::spawn_local(async move {
            let loaded = load_page(&name).await.and_then(|html| parse(&html));
            slot.try_set(match loaded {
                Some(map) => Load::Ready(Arc::new(map)),
                None => Load::Failed,
            });
        });
    }

    /// The HTML of note `key` (`lever:<key>` or `preset:<key>`) in `lang`, or a loading / failure line.
    /// Reactive: re-runs when the notes arrive.
    pub fn html(&self, lang: Lang, key: &str) -> String {
        self.slot(lang).with(|l| match l {
            Load::Ready(map) => map.get(key).cloned().unwrap_or_default(),
            Load::Failed => format!(
                r#"<p class="field-note" role="status">{}</p>"#,
                Msg::NotesFailed.text(lang)
            ),
            Load::Idle | Load::Loading => {
                format!(r#"<p class="muted">{}</p>"#, Msg::Loading.text(lang))
            }
        })
    }
}

/// A click in a note on a link to a baseline-CSV row (a lever's source, `data-goto-row`): opens the
/// assumptions page at that row in place, where the link's own address would reload the app. A click meant
/// for a new tab or window is left to the browser.
pub fn follow_row_link(ev: &leptos::ev::MouseEvent, vc: ViewCtx) {
    use wasm_bindgen::JsCast;
    if ev.button() != 0 || ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() {
        return;
    }
    let link = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest(&h::sel(h::GOTO_ROW)).ok().flatten());
    if let Some(key) = link.and_then(|a| a.get_attribute(h::GOTO_ROW)) {
        ev.prevent_default();
        vc.go_row(&key);
    }
}

/// The `data-note` blocks of the page, by key.
fn parse(html: &str) -> Option<BTreeMap<String, String>> {
    use wasm_bindgen::JsCast;
    // Parsed inert and cleaned like every fetched page (a tampered cache or response runs nothing).
    let holder = super::fetch::inert_body(html)?;
    let list = holder.query_selector_all(&h::sel(h::NOTE)).ok()?;
    let mut map = BTreeMap::new();
    for i in 0..list.length() {
        let Some(el) = list
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        if let Some(key) = el.get_attribute(h::NOTE) {
            map.insert(key, el.inner_html());
        }
    }
    (!map.is_empty()).then_some(map)
}
