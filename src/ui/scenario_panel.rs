//! The scenarios panel: presets with their stories, the saved library (save, rename, duplicate, delete,
//! quarantined entries), import/export, and picking scenarios to compare.

use super::state::{
    download, input_issue_line, now_ms, CompareCtx, Compared, Edit, LibraryCtx, Notices,
    MAX_COMPARE,
};
use super::t;
use super::LangCtx;
use leptos::prelude::*;
use vtre_codec::library::{ImportError, StoreError};
use vtre_i18n::Msg;
use vtre_model::presets::PRESETS;
use vtre_model::Scenario;
use wasm_bindgen::JsCast;

#[component]
pub fn ScenarioPanel(open: RwSignal<bool>) -> impl IntoView {
    let edit: Edit = expect_context();
    let LangCtx(lang) = expect_context();
    let lib: LibraryCtx = expect_context();
    let notices: Notices = expect_context();
    let CompareCtx(compare) = expect_context();
    let tr = move |m: Msg| m.text(lang.get());
    // The preset stories come with the notes page (`notes.rs`), asked for when the panel opens.
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
    let store_err = move |e: StoreError| {
        notices.push(
            if e == StoreError::Full {
                Msg::StorageFull
            } else {
                Msg::StorageOff
            },
            vec![],
            true,
        )
    };
    let add_compare = move |c: Compared| {
        compare.update(|v| {
            if v.len() < MAX_COMPARE
                && !v
                    .iter()
                    .any(|x| x.scenario == c.scenario && x.label_en == c.label_en)
            {
                v.push(c);
            }
        })
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
            }
            Err(e) => store_err(e),
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
                Ok((_, issues)) => {
                    lib.changed();
                    if !issues.is_empty() {
                        notices.push(
                            Msg::ImportNotice,
                            issues.iter().map(input_issue_line).collect(),
                            true,
                        );
                    }
                }
                Err(ImportError::Store(e)) => store_err(e),
                Err(_) => notices.push(Msg::ImportFailed, vec![], true),
            }
        });
    };

    view! {
        <section id="scenario-panel" class="scenario-panel" hidden=move || !open.get() aria-label=t(lang, Msg::Scenarios)>
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
                            <div inner_html=move || notes.html(lang.get(), &format!("preset:{}", p.key))></div>
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
                        view! {
                            <li data-saved=id.clone()>
                                <span class="saved-name">{e.name.clone()}</span>
                                <button data-action="load-saved" on:click=move |_| edit.replace(s1.clone())>{t(lang, Msg::Load)}</button>
                                <button data-action="compare-saved" disabled=compare_full
                                    on:click=move |_| add_compare(Compared { label_zh: nm.clone(), label_en: nm.clone(), scenario: s2.clone() })>{t(lang, Msg::CompareAdd)}</button>
                                <button data-action="rename" on:click=move |_| {
                                    let new = web_sys::window().and_then(|w| w.prompt_with_message_and_default(tr(Msg::Rename), &nm2).ok().flatten());
                                    if let Some(n) = new.filter(|n| !n.trim().is_empty()) {
                                        if let Err(e) = lib.run(|l| l.rename(&id1, &n)) { store_err(e) }
                                        lib.changed();
                                    }
                                }>{t(lang, Msg::Rename)}</button>
                                <button data-action="duplicate" on:click=move |_| {
                                    if let Err(e) = lib.run(|l| l.duplicate(&id2, Msg::CopySuffix.text(lang.get_untracked()), now_ms())) { store_err(e) }
                                    lib.changed();
                                }>{t(lang, Msg::Duplicate)}</button>
                                <button data-action="delete" on:click=move |_| {
                                    if let Err(e) = lib.run(|l| l.delete(&id3)) { store_err(e) }
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
                                    <button on:click=move |_| { if let Err(e) = lib.run(|l| l.delete(&id)) { store_err(e) } lib.changed(); }>{tr(Msg::Delete)}</button>
                                </li> }
                            }).collect_view()}</ul>
                        </div>
                    })
                }}
                <div class="io-row">
                    <button data-action="export-library" on:click=move |_| {
                        match lib.run(|l| l.export_all()) {
                            Ok(text) => download("vtre-library.json", "application/json", &text),
                            Err(e) => store_err(e),
                        }
                    }>{t(lang, Msg::ExportLibrary)}</button>
                    <label class="file-button">{t(lang, Msg::Import)}
                        <input type="file" accept=".json,application/json" data-action="import" on:change=import/>
                    </label>
                </div>
                <div class="compare-picks">
                    <button data-action="compare-current" disabled=compare_full
                        on:click=move |_| {
                            let n = compare.with_untracked(Vec::len) + 1;
                            add_compare(Compared {
                                label_zh: format!("{} #{n}", Msg::CompareCurrent.text(vtre_i18n::Lang::Zh)),
                                label_en: format!("{} #{n}", Msg::CompareCurrent.text(vtre_i18n::Lang::En)),
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

/// Keeps the working scenario in storage.
pub fn autosave(lib: LibraryCtx, s: &Scenario) {
    let _ = lib.run(|l| l.save_working(s));
}
