//! Lever explanations and preset stories, loaded on demand as data (`pages/notes-<lang>.json`, written by the
//! page generator: [`vtre_codec::notes`]) instead of being compiled into the wasm, and shown as typed views —
//! text is text, a source is citations and links to assumption rows; nothing in the file is ever markup. The
//! first lever info opened, the first keyboard focus in the lever panel or the scenarios panel opening asks
//! for the file of the current language; until it arrives the block says it is loading, and if it cannot be
//! loaded (or is not a notes file of this version) it says so. A lever's sources link to their rows on the
//! assumptions page ([`follow_row_link`]).

use super::fetch::load_text;
use super::state::ViewCtx;
use leptos::prelude::*;
use std::sync::Arc;
use vtre_codec::notes::{LeverNote, Notes, Piece};
use vtre_hooks as h;
use vtre_i18n::{Lang, Msg};

#[derive(Clone, Default)]
enum Load {
    #[default]
    Idle,
    Loading,
    Ready(Arc<Notes>),
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
        let file = format!("notes-{}.json", lang.key());
        leptos::task::spawn_local(async move {
            let text = load_text(&file, &format!("pages/{file}")).await;
            let loaded = text.and_then(|t| Notes::parse(&t).ok());
            slot.try_set(match loaded {
                Some(notes) => Load::Ready(Arc::new(notes)),
                None => Load::Failed,
            });
        });
    }

    /// Lever `key`'s note in the current language, or a loading / failure line. Reactive: follows the
    /// language and the notes' arrival.
    pub fn lever(self, lang: RwSignal<Lang>, key: &'static str) -> impl IntoView {
        move || {
            let l = lang.get();
            self.shown(l, |n| n.lever(key).map(|note| lever_view(note, l)))
        }
    }

    /// Preset `key`'s story, like [`NotesCtx::lever`] (the scenarios panel: the full module's).
    #[cfg(feature = "full")]
    pub fn preset(self, lang: RwSignal<Lang>, key: &'static str) -> impl IntoView {
        move || {
            let l = lang.get();
            self.shown(l, |n| {
                n.preset(key).map(|story| {
                    let story = story.to_string();
                    view! { <p class="story">{story}</p> }.into_any()
                })
            })
        }
    }

    fn shown(self, l: Lang, note: impl FnOnce(&Notes) -> Option<AnyView>) -> AnyView {
        self.slot(l).with(|s| match s {
            Load::Ready(n) => note(n).unwrap_or_else(|| ().into_any()),
            Load::Failed => {
                view! { <p class="field-note" role="status">{Msg::NotesFailed.text(l)}</p> }
                    .into_any()
            }
            Load::Idle | Load::Loading => {
                view! { <p class="muted">{Msg::Loading.text(l)}</p> }.into_any()
            }
        })
    }
}

/// A lever's explanation, its sources and the note on its reference value.
fn lever_view(n: &LeverNote, lang: Lang) -> AnyView {
    let sep = if lang.zh() { "：" } else { ": " };
    view! {
        <p>{n.help.clone()}</p>
        <p class="meta"><span>{Msg::Source.text(lang)}</span>{sep}{n.source.iter().map(piece).collect_view()}</p>
        <p class="meta note">{n.note.clone()}</p>
    }
    .into_any()
}

/// One part of a source line: text, a guideline citation, a link to an assumptions row (followed in place
/// by [`follow_row_link`]), a key without a name.
fn piece(p: &Piece) -> AnyView {
    match p {
        Piece::Text(t) => t.clone().into_any(),
        Piece::Cite { text, title, lang } => {
            view! { <cite title=title.clone() lang=lang.clone()>{text.clone()}</cite> }.into_any()
        }
        Piece::Row { key, name, id } => view! {
            <a class="row-ref" href=format!("?view=assumptions#{id}") data-goto-row=key.clone() title=key.clone()>{name.clone()}</a>
        }
        .into_any(),
        Piece::Code(k) => view! { <code>{k.clone()}</code> }.into_any(),
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
