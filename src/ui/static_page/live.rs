//! The assumptions page's live parts as views, mounted into the slots the pre-rendered page leaves for them
//! (as the model page's flow diagrams are): each overridable parameter's value cell (an input bound to the
//! scenario, a reset button and the "changed" note) and the flag that counts the overrides with its "reset
//! all" button. Without the app the page shows each baseline figure in its slot and no flag.

use crate::ui::state::Edit;
use leptos::prelude::*;
use vtre_hooks as h;
use vtre_i18n::{group, Lang, Msg};
use vtre_model::params::{spec, ParamId, PARAMS};
use web_sys::{Element, HtmlElement};

/// Props: the parameter, the decimals its page shows it with, the editor and the language (passed in: mounted
/// into the fetched page, outside the app's context).
#[component]
fn ParamCell(id: ParamId, decimals: usize, edit: Edit, lang: RwSignal<Lang>) -> impl IntoView {
    let p = spec(id);
    let changed = move || edit.scenario.with(|s| s.overrides().contains_key(&id));
    let tr = move |m: Msg| m.text(lang.get());
    let shown = group(p.value, decimals);
    view! {
        <input type="number" class="num" min=p.low max=p.high step="any" data-param-input=p.csv_key
            aria-label=move || p.label.get(lang.get())
            prop:value=move || format!("{:.decimals$}", edit.scenario.with(|s| s.param(id)))
            on:change=move |ev| {
                if let Some(v) = vtre_codec::num::parse_f64(event_target_value(&ev).trim()) {
                    edit.step(|s| {
                        s.set_param(id, v);
                    });
                }
            }/>
        " "
        <button class="icon reset" data-param-reset=p.csv_key title=move || tr(Msg::Reset)
            aria-label=move || format!("{}: {}", tr(Msg::Reset), p.label.get(lang.get()))
            disabled=move || !changed()
            on:click=move |_| edit.step(|s| s.clear_param(id))>"↺"</button>
        " "
        <span class="muted" class:changed=changed data-param-changed="" hidden=move || !changed()>
            {move || format!("{} ({} {shown})", tr(Msg::Overridden), tr(Msg::Baseline))}
        </span>
    }
}

/// How many parameters the scenario overrides, with a button that resets them all; hidden while none is.
#[component]
fn OverridesFlag(edit: Edit, lang: RwSignal<Lang>) -> impl IntoView {
    let n = move || edit.scenario.with(|s| s.overrides().len());
    view! {
        <p class="overrides-flag" data-overrides=move || n().to_string() hidden=move || n() == 0>
            <span data-overrides-text="">
                {move || Msg::OverridesCount.text(lang.get()).replace("{n}", &n().to_string())}
            </span>
            " "
            <button data-reset-overrides="" on:click=move |_| edit.step(|s| {
                for p in PARAMS {
                    s.clear_param(p.id);
                }
            })>{move || Msg::ResetOverrides.text(lang.get())}</button>
        </p>
    }
}

/// What keeps the mounted views alive (dropping it unmounts them).
pub(super) type Mounted = Vec<Box<dyn std::any::Any>>;

/// Mounts the live parts into their slots under `root` (the page's copy: a reload of the page in the other
/// language brings new slots and a new set of views). The slot's own content (the baseline figure) goes.
pub(super) fn mount(root: &Element, edit: Edit, lang: RwSignal<Lang>) -> Mounted {
    let mut out: Mounted = Vec::new();
    let slot = |el: Element| -> Option<HtmlElement> {
        el.set_text_content(None);
        wasm_bindgen::JsCast::dyn_into::<HtmlElement>(el).ok()
    };
    for el in super::all(root, &h::sel(h::PARAM_SLOT)) {
        let Some(id) = el
            .get_attribute(h::PARAM_SLOT)
            .and_then(|k| ParamId::from_key(&k))
        else {
            continue;
        };
        let decimals = el
            .get_attribute(h::DECIMALS)
            .and_then(|d| d.parse().ok())
            .unwrap_or(2);
        if let Some(el) = slot(el) {
            out.push(Box::new(leptos::mount::mount_to(el, move || {
                view! { <ParamCell id=id decimals=decimals edit=edit lang=lang/> }
            })));
        }
    }
    for el in super::all(root, &h::sel(h::OVERRIDES_SLOT)) {
        if let Some(el) = slot(el) {
            out.push(Box::new(leptos::mount::mount_to(el, move || {
                view! { <OverridesFlag edit=edit lang=lang/> }
            })));
        }
    }
    out
}
