//! One lever: slider + numeric field + unit, the reference value marked on the track, a per-lever reset
//! and an info popover with the explanation, guideline reference and source. Switch levers are checkboxes.
//! Keyboard on the slider: arrows step, PageUp/PageDown step ×10, Home/End to min/max.

use super::state::t;
use super::state::Edit;
use super::state::{FocusCtx, LangCtx};
use leptos::prelude::*;
use vtre_i18n::{group, Msg};
use vtre_model::levers::{spec, LeverId};

/// Props: `id` — the lever shown.
#[component]
pub fn Lever(id: LeverId) -> impl IntoView {
    let edit: Edit = expect_context();
    let scenario = edit.scenario;
    let LangCtx(lang) = expect_context();
    let FocusCtx(focus) = expect_context();
    let l = spec(id);
    // A memo: a scenario change re-renders only the levers whose value changed.
    let value = Memo::new(move |_| scenario.with(|s| s.get(id)));
    let info_open = RwSignal::new(false);
    let notes: super::notes::NotesCtx = expect_context();
    let vc: super::state::ViewCtx = expect_context();
    Effect::new(move |_| {
        if info_open.get() {
            notes.want(lang.get());
        }
    });
    let field_note = RwSignal::new(None::<String>);
    // A share (0–1 in the model) reads and is typed as a percent; other levers in their own unit.
    let (shown, dec, _) = vtre_i18n::lever_display(l, vtre_i18n::Lang::Zh);
    let unit = move || vtre_i18n::lever_display(l, lang.get()).2;
    // 0.05 × 100 is 5.000000000000001 in floating point: attributes get the number a person would write.
    let tidy = |x: f64| (x * 1e6).round() / 1e6;
    let super::dock::LastLever(last) = expect_context();
    // One undo step per discrete change; a slider drag is one gesture (see `Edit`).
    let set = move |v: f64| {
        if last.get_untracked() != Some(id) {
            last.set(Some(id));
        }
        edit.step(|s| {
            s.set(id, v);
        })
    };
    let drag = move |v: f64| {
        if last.get_untracked() != Some(id) {
            last.set(Some(id));
        }
        edit.drag(|s| {
            s.set(id, v);
        })
    };
    let input_id = format!("lever-{}", l.key);
    let help_id = format!("lever-help-{}", l.key);
    let ref_pct = (l.default - l.min) / (l.max - l.min) * 100.0;
    let highlighted = move || focus.get() == Some(id);

    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let v = scenario.with_untracked(|s| s.get(id));
        let next = match ev.key().as_str() {
            "ArrowRight" | "ArrowUp" => v + l.step,
            "ArrowLeft" | "ArrowDown" => v - l.step,
            "PageUp" => v + 10.0 * l.step,
            "PageDown" => v - 10.0 * l.step,
            "Home" => l.min,
            "End" => l.max,
            _ => return,
        };
        ev.prevent_default();
        set(next);
    };

    let control = if l.is_switch() {
        view! {
            <label class="switch">
                <input type="checkbox" id=input_id.clone() data-lever=l.key aria-describedby=help_id.clone()
                    prop:checked=move || { value.get() >= 0.5 }
                    on:change=move |ev| { set(if event_target_checked(&ev) { 1.0 } else { 0.0 }) }
                />
                <span>{move || if value.get() >= 0.5 { Msg::On.text(lang.get()) } else { Msg::Off.text(lang.get()) }}</span>
            </label>
        }
        .into_any()
    } else {
        view! {
            <div class="slider-row">
                <div class="track">
                    <input type="range" id=input_id.clone() data-lever=l.key
                        min=l.min max=l.max step=l.step aria-describedby=help_id.clone()
                        aria-valuetext=move || vtre_i18n::lever_value(l, value.get(), lang.get())
                        prop:value=move || value.get().to_string()
                        on:input=move |ev| {
                            if let Some(v) = vtre_codec::num::parse_f64(&event_target_value(&ev)) { drag(v) }
                        }
                        on:change=move |_| edit.end_drag()
                        on:keydown=on_key/>
                    <span class="ref-mark" style:left=format!("calc({ref_pct:.3}% + {:.2}px)", 8.0 - ref_pct * 0.16)
                        title=move || format!("{}: {}", Msg::ReferenceValue.text(lang.get()), vtre_i18n::lever_value(l, l.default, lang.get()))
                        aria-hidden="true"></span>
                </div>
                <input type="number" class="num" min=tidy(l.min * shown) max=tidy(l.max * shown) step=tidy(l.step * shown)
                    aria-label=move || format!("{} ({})", l.label.get(lang.get()), unit())
                    prop:value=move || format!("{:.*}", dec, value.get() * shown)
                    on:change=move |ev| {
                        let raw = event_target_value(&ev);
                        match vtre_codec::num::parse_f64(raw.trim()) {
                            Some(typed) => {
                                let v = typed / shown;
                                let used = spec(id).snap(v);
                                field_note.set(if (used - v).abs() > 1e-9 {
                                    Some(format!("{} {}", Msg::Clamped.text(lang.get_untracked()), group(used * shown, dec)))
                                } else { None });
                                set(used);
                            }
                            _ => field_note.set(Some(Msg::InvalidNumber.text(lang.get_untracked()).to_string())),
                        }
                    }/>
                <span class="unit" title=move || vtre_i18n::unit_hint(unit()).map(|m| m.text(lang.get()))>{unit}</span>
            </div>
        }
        .into_any()
    };

    view! {
        <div class="lever" class:changed=move || value.get() != l.default class:highlight=highlighted
            data-lever-row=l.key>
            <div class="lever-head">
                <label for=input_id.clone()>{super::state::tx(lang, l.label)}</label>
                <button class="icon info" aria-expanded=move || info_open.get().to_string()
                    aria-controls=help_id.clone()
                    title=t(lang, Msg::Info)
                    aria-label=move || format!("{}: {}", Msg::Info.text(lang.get()), l.label.get(lang.get()))
                    on:click=move |_| info_open.update(|o| *o = !*o)>"i"</button>
                <button class="icon reset" disabled=move || value.get() == l.default
                    title=t(lang, Msg::Reset)
                    aria-label=move || format!("{}: {}", Msg::Reset.text(lang.get()), l.label.get(lang.get()))
                    on:click=move |_| edit.step(|s| s.reset(id))>"↺"</button>
            </div>
            {control}
            <p class="field-note" role="status" hidden=move || field_note.get().is_none()>
                {move || field_note.get().unwrap_or_default()}
            </p>
            <div class="popover" id=help_id.clone() hidden=move || !info_open.get()>
                // Explanation, source and note on the reference value: loaded with the notes page.
                <div class="note-text" on:click=move |ev| super::notes::follow_row_link(&ev, vc)>
                    {notes.lever(lang, l.key)}</div>
                <p class="meta"><span>{t(lang, Msg::GuidelineRef)}</span>": "<cite lang="zh-CN">{l.guideline_ref}</cite></p>
                <p class="meta"><span>{t(lang, Msg::ReferenceValue)}</span>": "
                    {move || format!("{} ({} {})", vtre_i18n::lever_value(l, l.default, lang.get()), Msg::ReachedBy.text(lang.get()), l.target_year)}</p>
            </div>
        </div>
    }
}
