//! The scenarios panel: presets with their stories, the saved library (save, rename, duplicate, delete,
//! quarantined entries), import/export, and picking scenarios to compare.

use super::state::t;
use super::state::LangCtx;
use super::state::{
    download, input_issue_line, not_saved_lines, now_ms, skipped_lines, CompareCtx, Compared, Edit,
    LibraryCtx, Notices, MAX_COMPARE,
};
use super::version_notice::VersionShown;
use leptos::prelude::*;
use vtre_codec::library::{ImportError, StoreError};
use vtre_i18n::Msg;
use vtre_model::presets::PRESETS;
use wasm_bindgen::JsCast;

#[component]
pub fn ScenarioPanel(open: RwSignal<bool>) -> impl IntoView {
    let edit: Edit = expect_context();
    let LangCtx(lang) = expect_context();
    let lib: LibraryCtx = expect_context();
    let notices: Notices = expect_context();
    let CompareCtx(compare) = expect_context();
    let super::version_notice::VersionCtx(version) = expect_context();
    let tr = move |m: Msg| m.text(lang.get());
    // What the panel last did (saved, added to the comparison), said in a polite status line.
    let confirm = RwSignal::new(None::<String>);
    // The preset stories come with the notes (`notes.rs`), asked for when the panel opens.
    let notes: super::notes::NotesCtx = expect_context();
    Effect::new(move |_| {
        if open.get() {
            notes.want(lang.get());
        }
    });
    let name = RwSignal::new(String::new());
    let listing = Memo::new(move |_| {
        lib.version.track();
        lib.run(|l| l.list()).unwrap_or_default()
    });
    // Storage refused a change: what and, by name, which scenarios were not saved.
    let store_err = move |e: StoreError, not_saved: &[String]| {
        notices.push(
            if e == StoreError::Full {
                Msg::StorageFull
            } else {
                Msg::StorageOff
            },
            not_saved_lines(not_saved),
            true,
        )
    };
    // Other tabs' (or earlier visits') working scenarios that exist nowhere else, read while the panel is open,
    // less the one this tab shows.
    let unsaved = Memo::new(move |_| {
        lib.version.track();
        lib.others.track();
        if !open.get() {
            return Vec::new();
        }
        lib.run(|l| l.other_unsaved()).unwrap_or_default()
    });
    let unsaved_shown = Memo::new(move |_| {
        unsaved.with(|v| {
            edit.scenario.with(|s| {
                v.iter()
                    .filter(|w| w.scenario != *s)
                    .cloned()
                    .collect::<Vec<_>>()
            })
        })
    });
    // A scenario already compared is not added twice; either way the reader is told what happened.
    let add_compare = move |c: Compared| {
        let l = lang.get_untracked();
        let dup = compare.with_untracked(|v| v.iter().any(|x| x.scenario == c.scenario));
        if dup {
            confirm.set(Some(
                Msg::CompareDuplicate.text(l).replace("{name}", &c.label(l)),
            ));
            return;
        }
        if compare.with_untracked(|v| v.len() < MAX_COMPARE) {
            confirm.set(Some(
                Msg::CompareAdded.text(l).replace("{name}", &c.label(l)),
            ));
            compare.update(|v| v.push(c));
        }
    };
    let compare_full = move || compare.with(|v| v.len() >= MAX_COMPARE);

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = name.get_untracked();
        let n = if n.trim().is_empty() {
            Msg::DefaultName.text(lang.get_untracked()).to_string()
        } else {
            n
        };
        let s = edit.scenario.get_untracked();
        match lib.run(|l| l.save(&n, &s, now_ms())) {
            Ok(_) => {
                name.set(String::new());
                lib.changed();
                confirm.set(Some(
                    Msg::SavedAs
                        .text(lang.get_untracked())
                        .replace("{name}", n.trim()),
                ));
            }
            Err(e) => store_err(e, &[n.trim().to_string()]),
        }
    };

    let import = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        let fname = file.name();
        input.set_value("");
        leptos::task::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_default();
            let stem = fname.trim_end_matches(".json").to_string();
            match lib.run(|l| l.import(&text, &stem, now_ms())) {
                Ok(done) => {
                    lib.changed();
                    let mut lines: Vec<_> = done.issues.iter().map(input_issue_line).collect();
                    lines.extend(skipped_lines(&done.skipped));
                    if !lines.is_empty() {
                        notices.push(Msg::ImportNotice, lines, true);
                    }
                    // Made with another model version: one scenario shows what changed at once; several are
                    // listed, and each shows its table when opened.
                    match done.other_versions.as_slice() {
                        [] => {}
                        [(name, diff)] => version.set(Some(VersionShown {
                            diff: diff.clone(),
                            saved: Some(name.clone()),
                        })),
                        several => notices.push(
                            Msg::ImportOtherVersions,
                            several
                                .iter()
                                .map(|(name, d)| {
                                    let line = |l| {
                                        Msg::ImportOtherVersionLine
                                            .text(l)
                                            .replace("{name}", name)
                                            .replace("{v}", &d.made_with)
                                            .replace("{n}", &d.changed().to_string())
                                    };
                                    super::state::NoticeLine {
                                        zh: line(vtre_i18n::Lang::Zh),
                                        en: line(vtre_i18n::Lang::En),
                                    }
                                })
                                .collect(),
                            true,
                        ),
                    }
                }
                // All or nothing: the library is as it was, and every entry of the file is named.
                Err(ImportError::Store { error, not_saved }) => notices.push(
                    if error == StoreError::Full {
                        Msg::ImportStorageFull
                    } else {
                        Msg::ImportStorageOff
                    },
                    not_saved_lines(&not_saved),
                    true,
                ),
                Err(_) => notices.push(Msg::ImportFailed, vec![], true),
            }
        });
    };

    view! {
        <section id="scenario-panel" class="scenario-panel" hidden=move || !open.get() aria-label=t(lang, Msg::Scenarios)>
            <p class="confirm" role="status" aria-live="polite" data-confirm="">{move || confirm.get().unwrap_or_default()}</p>
            <div class="panel-col">
                <h2>{t(lang, Msg::Presets)}</h2>
                <ul class="presets">
                    {PRESETS.iter().map(|p| view! {
                        <li data-preset=p.key>
                            <div class="preset-head">
                                <strong>{move || p.label.get(lang.get())}</strong>
                                <button data-action="load-preset" on:click=move |_| edit.replace(p.scenario())>{t(lang, Msg::Load)}</button>
                                <button data-action="compare-preset" disabled=compare_full
                                    on:click=move |_| add_compare(Compared { label_zh: p.label.zh.into(), label_en: p.label.en.into(), scenario: p.scenario() })>
                                    {t(lang, Msg::CompareAdd)}</button>
                            </div>
                            <div>{notes.preset(lang, p.key)}</div>
                        </li>
                    }).collect_view()}
                </ul>
            </div>
            <div class="panel-col">
                <h2>{t(lang, Msg::Saved)}</h2>
                <form class="save-form" on:submit=save>
                    <label for="save-name">{t(lang, Msg::SaveAs)}</label>
                    <input id="save-name" data-save-name="" maxlength="200" placeholder=t(lang, Msg::DefaultName)
                        prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
                    <button type="submit" data-action="save-scenario">{t(lang, Msg::Save)}</button>
                </form>
                {move || listing.with(|(ok, _)| ok.is_empty()).then(|| view! { <p class="muted">{tr(Msg::NoSaved)}</p> })}
                <ul class="saved">
                    {move || listing.get().0.into_iter().map(|e| {
                        let id = e.id.clone();
                        let (id1, id2, id3) = (id.clone(), id.clone(), id.clone());
                        let s1 = e.scenario.clone();
                        let s2 = e.scenario.clone();
                        let nm = e.name.clone();
                        let nm2 = e.name.clone();
                        let nm3 = e.name.clone();
                        let nm4 = e.name.clone();
                        // Saved with another model version: tagged, and opening it says what changed.
                        let other = e.stamp.as_ref().map(|st| st.model.clone()).filter(|m| m != vtre_model::MODEL_VERSION);
                        let load = move |_| {
                            version.set(e.version_diff().map(|diff| VersionShown { diff, saved: Some(e.name.clone()) }));
                            edit.replace(s1.clone());
                        };
                        view! {
                            <li data-saved=id.clone()>
                                <span class="saved-name">{nm4}</span>
                                {other.map(|v| {
                                    let tag = v.clone();
                                    view! { <span class="version-tag" data-made-with=v>{move || Msg::VersionTag.text(lang.get()).replace("{v}", &tag)}</span> }
                                })}
                                <button data-action="load-saved" on:click=load>{t(lang, Msg::Load)}</button>
                                <button data-action="compare-saved" disabled=compare_full
                                    on:click=move |_| add_compare(Compared { label_zh: nm.clone(), label_en: nm.clone(), scenario: s2.clone() })>{t(lang, Msg::CompareAdd)}</button>
                                <button data-action="rename" on:click=move |_| {
                                    let new = web_sys::window().and_then(|w| w.prompt_with_message_and_default(tr(Msg::Rename), &nm2).ok().flatten());
                                    if let Some(n) = new.filter(|n| !n.trim().is_empty()) {
                                        if let Err(e) = lib.run(|l| l.rename(&id1, &n)) { store_err(e, &[n.trim().to_string()]) }
                                        lib.changed();
                                    }
                                }>{t(lang, Msg::Rename)}</button>
                                <button data-action="duplicate" on:click=move |_| {
                                    let suffix = Msg::CopySuffix.text(lang.get_untracked());
                                    if let Err(e) = lib.run(|l| l.duplicate(&id2, suffix, now_ms())) { store_err(e, &[format!("{nm3} {suffix}")]) }
                                    lib.changed();
                                }>{t(lang, Msg::Duplicate)}</button>
                                <button data-action="delete" on:click=move |_| {
                                    if let Err(e) = lib.run(|l| l.delete(&id3)) { store_err(e, &[]) }
                                    lib.changed();
                                }>{t(lang, Msg::Delete)}</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                {move || {
                    let bad = listing.get().1;
                    (!bad.is_empty()).then(|| view! {
                        <div class="notice warn" data-quarantine="">
                            <p>{tr(Msg::Quarantined)}</p>
                            <ul>{bad.into_iter().map(|q| {
                                let raw = q.raw.clone();
                                let key = q.key.clone();
                                let id = q.id.clone();
                                view! { <li data-quarantined=q.id.clone()><code>{q.key.clone()}</code>" — "{q.reason.clone()}" "
                                    <button on:click=move |_| download(&format!("{key}.txt"), "text/plain", &raw)>{tr(Msg::ExportRaw)}</button>
                                    <button on:click=move |_| { if let Err(e) = lib.run(|l| l.delete(&id)) { store_err(e, &[]) } lib.changed(); }>{tr(Msg::Delete)}</button>
                                </li> }
                            }).collect_view()}</ul>
                        </div>
                    })
                }}
                {move || {
                    let list = unsaved_shown.get();
                    (!list.is_empty()).then(|| view! {
                        <div class="unsaved" data-unsaved-list="">
                            <p>{tr(Msg::UnsavedElsewhere)}</p>
                            <ul class="saved">{list.into_iter().map(|w| {
                                let s = w.scenario.clone();
                                let key = w.key.clone();
                                let when = move || edited_at(w.saved_at, lang.get());
                                view! {
                                    <li data-unsaved=w.key.clone()>
                                        <span class="saved-name">{when}</span>
                                        <button data-action="load-unsaved" on:click=move |_| edit.replace(s.clone())>{t(lang, Msg::Load)}</button>
                                        <button data-action="discard-unsaved" on:click=move |_| {
                                            if let Err(e) = lib.run(|l| l.discard_working(&key)) { store_err(e, &[]) }
                                            lib.others.update(|v| *v += 1);
                                        }>{t(lang, Msg::Discard)}</button>
                                    </li>
                                }
                            }).collect_view()}</ul>
                        </div>
                    })
                }}
                <div class="io-row">
                    <button data-action="export-library" on:click=move |_| {
                        match lib.run(|l| l.export_all()) {
                            Ok(text) => download("vtre-library.json", "application/json", &text),
                            Err(e) => store_err(e, &[]),
                        }
                    }>{t(lang, Msg::ExportLibrary)}</button>
                    <label class="file-button">{t(lang, Msg::Import)}
                        <input type="file" accept=".json,application/json" data-action="import" on:change=import/>
                    </label>
                </div>
                <div class="compare-picks">
                    <button data-action="compare-current" disabled=compare_full
                        on:click=move |_| {
                            // A snapshot of the current scenario, numbered: never named like the live "current" column.
                            let n = compare.with_untracked(Vec::len) + 1;
                            add_compare(Compared {
                                label_zh: Msg::Snapshot.text(vtre_i18n::Lang::Zh).replace("{n}", &n.to_string()),
                                label_en: Msg::Snapshot.text(vtre_i18n::Lang::En).replace("{n}", &n.to_string()),
                                scenario: edit.scenario.get_untracked(),
                            })
                        }>
                        {move || format!("{}：{}", tr(Msg::CompareAdd), tr(Msg::CompareCurrent))}</button>
                    <button data-action="compare-clear" disabled=move || compare.with(Vec::is_empty) on:click=move |_| compare.set(vec![])>{t(lang, Msg::CompareClear)}</button>
                    <p class="muted">{move || compare_full().then(|| tr(Msg::CompareFull))}</p>
                </div>
            </div>
        </section>
    }
}

/// "last edited <local date and time>" (nothing for a time the release before per-tab autosave did not keep).
fn edited_at(ms: f64, lang: vtre_i18n::Lang) -> String {
    if ms <= 0.0 {
        return Msg::EditedEarlier.text(lang).to_string();
    }
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    let locale = if lang.zh() { "zh-CN" } else { "en-GB" };
    let time: String = date
        .to_locale_string(locale, &wasm_bindgen::JsValue::UNDEFINED)
        .into();
    Msg::EditedAt.text(lang).replace("{time}", &time)
}
