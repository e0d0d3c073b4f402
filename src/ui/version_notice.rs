//! The notice for a share link made with another version of the model (issue 25, item 6): which version made
//! it, which this is, and a table of the headline figures it showed then beside what this version computes for
//! the same scenario, so a reader sees what changed instead of silently different numbers
//! ([`vtre_codec::stamp`]). Shown once, on opening the link; dismissable. The same for a saved scenario (an
//! imported file, a library entry) saved with another version, when it is imported or opened.

use super::state::{t, LangCtx};
use leptos::prelude::*;
use vtre_codec::stamp::{DiffRow, Figure, VersionDiff};
use vtre_i18n::{decimals, display_unit, group, Lang, Msg, Precision};

/// What was opened with another version of the model: its difference, and where it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct VersionShown {
    pub diff: VersionDiff,
    /// The saved scenario's name (an imported file or a library entry); `None` for a share link.
    pub saved: Option<String>,
}

/// The difference the opened link or saved scenario makes, if it was made with another version (set at
/// start for a link; on import or opening for a saved scenario).
#[derive(Clone, Copy)]
pub struct VersionCtx(pub RwSignal<Option<VersionShown>>);

/// The wording for a link, or for a saved scenario.
struct Words {
    title: Msg,
    body: Msg,
    not_carried: Msg,
    some_changed: Msg,
    none_changed: Msg,
    no_figures: Msg,
}

const LINK_WORDS: Words = Words {
    title: Msg::VersionNoticeTitle,
    body: Msg::VersionNoticeBody,
    not_carried: Msg::VersionNotCarried,
    some_changed: Msg::VersionSomeChanged,
    none_changed: Msg::VersionNoneChanged,
    no_figures: Msg::VersionNoFigures,
};

const SAVED_WORDS: Words = Words {
    title: Msg::VersionSavedTitle,
    body: Msg::VersionSavedBody,
    not_carried: Msg::VersionSavedNotCarried,
    some_changed: Msg::VersionSavedSomeChanged,
    none_changed: Msg::VersionSavedNoneChanged,
    no_figures: Msg::VersionSavedNoFigures,
};

fn label(f: Figure) -> Msg {
    match f {
        Figure::OutputValue2025 => Msg::HeadlineValue2025,
        Figure::Co2In2030 => Msg::HeadlineCo22030,
        Figure::PeakYear => Msg::HeadlinePeak,
        Figure::TargetsMet => Msg::HeadlineTargets,
    }
}

/// A figure (or a change of one, without its sign) as the headline shows it, with its unit.
fn shown(f: Figure, v: f64, lang: Lang) -> String {
    match f.unit() {
        "year" | "" => format!("{}", v.round() as i64),
        unit => {
            let (name, k) = display_unit(unit, lang);
            let x = v * k;
            format!("{} {name}", group(x, decimals(x, Precision::Value)))
        }
    }
}

/// The change column: "+12.3 亿元", "unchanged" or "—" for a figure the link did not carry.
fn change(r: &DiffRow, lang: Lang) -> String {
    match r.change() {
        None => "—".into(),
        Some(0.0) => Msg::VersionUnchanged.text(lang).into(),
        Some(d) => format!(
            "{}{}",
            if d > 0.0 { "+" } else { "−" },
            shown(r.figure, d.abs(), lang)
        ),
    }
}

fn row(r: DiffRow, lang: RwSignal<Lang>, not_carried: Msg) -> impl IntoView {
    view! {
        <tr data-figure=r.figure.key() data-then=r.then.map(|x| x.to_string()) data-now=r.now.to_string()
            data-changed=r.changed().to_string()>
            <th scope="row">{t(lang, label(r.figure))}</th>
            <td>{move || match r.then {
                Some(x) => shown(r.figure, x, lang.get()),
                None => not_carried.text(lang.get()).into(),
            }}</td>
            <td>{move || shown(r.figure, r.now, lang.get())}</td>
            <td class="change">{move || change(&r, lang.get())}</td>
        </tr>
    }
}

/// The version notice, while a link or saved scenario of another version is open and the reader has not
/// dismissed it.
#[component]
pub fn VersionNotice() -> impl IntoView {
    let VersionCtx(shown) = expect_context();
    let LangCtx(lang) = expect_context();
    move || {
        shown.get().map(|VersionShown { diff: d, saved }| {
            let w = if saved.is_some() { &SAVED_WORDS } else { &LINK_WORDS };
            let name = saved.clone().unwrap_or_default();
            let (title, body, not_carried) = (w.title, w.body, w.not_carried);
            let (some_changed, none_changed, no_figures_msg) = (w.some_changed, w.none_changed, w.no_figures);
            let (then, now) = (d.made_with.clone(), d.this);
            let head_then = then.clone();
            let attr_then = then.clone();
            let n = d.changed();
            let no_figures = d.no_figures();
            let summary = move || {
                let l = lang.get();
                if no_figures {
                    no_figures_msg.text(l).to_string()
                } else if n == 0 {
                    none_changed.text(l).to_string()
                } else {
                    some_changed.text(l).replace("{n}", &n.to_string())
                }
            };
            view! {
                <div class="notice warn version-notice" role="status" data-version-notice=""
                    data-made-with=attr_then data-this=now data-changed=n.to_string() data-saved=saved>
                    <p>{move || title.text(lang.get()).replace("{name}", &name)}</p>
                    <p class="version-body">{move || body.text(lang.get())
                        .replace("{then}", &then).replace("{now}", now)}</p>
                    <table class="version-diff">
                        <thead><tr>
                            <th scope="col">{t(lang, Msg::VersionFigure)}</th>
                            <th scope="col">{move || Msg::VersionThen.text(lang.get()).replace("{v}", &head_then)}</th>
                            <th scope="col">{move || Msg::VersionNow.text(lang.get()).replace("{v}", now)}</th>
                            <th scope="col">{t(lang, Msg::VersionChange)}</th>
                        </tr></thead>
                        <tbody>{d.rows.iter().map(|r| row(*r, lang, not_carried)).collect_view()}</tbody>
                    </table>
                    <p class="version-summary">{summary}</p>
                    <button class="dismiss" on:click=move |_| shown.set(None)>{t(lang, Msg::Dismiss)}</button>
                </div>
            }
        })
    }
}
