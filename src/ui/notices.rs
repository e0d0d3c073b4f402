//! Notices: what a link, an import or storage changed, in the user's language. Each can be dismissed.

use super::state::t;
use super::state::LangCtx;
use super::state::Notices;
use leptos::prelude::*;
use vtre_i18n::Msg;

#[component]
pub fn NoticeList() -> impl IntoView {
    let notices: Notices = expect_context();
    let LangCtx(lang) = expect_context();
    view! {
        <div class="notices" aria-live="polite">
            <super::version_notice::VersionNotice/>
            <For each=move || notices.0.get() key=|n| n.id let:n>
                <div class="notice" class:warn=n.warn data-notice=n.id role="status">
                    <p>{t(lang, n.title)}</p>
                    {(!n.lines.is_empty()).then(|| {
                        let lines = n.lines.clone();
                        view! { <ul>{move || lines.iter().map(|l| view! {
                            <li>{if lang.get().zh() { l.zh.clone() } else { l.en.clone() }}</li>
                        }).collect_view()}</ul> }
                    })}
                    <button class="dismiss" on:click=move |_| notices.dismiss(n.id)>{t(lang, Msg::Dismiss)}</button>
                </div>
            </For>
        </div>
    }
}
