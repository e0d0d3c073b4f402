//! Widget mode (`?embed=1`) and its parent-page API over `postMessage`.
//!
//! URL: `?embed=1&charts=<id>,<id>&levers=<id>,<id>&lang=zh|en&s=<scenario>&headline=0|1&scorecard=0|summary|full`
//! (`targets=0` is read as `scorecard=0`).
//! Unknown chart or lever ids are ignored with a notice.
//!
//! Messages (JSON objects with a string `type`):
//! - parent → widget: `{"type":"vtre:set-scenario","s":"1,eaf_swap:300"}` (share-link text) or
//!   `{"type":"vtre:set-scenario","scenario":{lever id → number}}`; `{"type":"vtre:set-lang","lang":"en"}`;
//!   `{"type":"vtre:get-state"}`.
//! - widget → parent: `{"type":"vtre:ready","version":1}`, `{"type":"vtre:scenario","s":…,"url":…}` on every
//!   change, `{"type":"vtre:height","height":<px>}` whenever its content height changes. `ready` and `height`
//!   go to any parent (they say nothing about the scenario), so a portal can size the frame without being
//!   listed; the scenario goes only to allowed origins.
//!
//! Origins: a message is acted on only if its origin is this page's own or is listed in
//! `<meta name="vtre-allowed-origins" content="https://a.example https://b.example">` (set at deploy time;
//! `*` allows any). The widget posts only to its parent's origin, and only if that origin is allowed.
//! Anything malformed is ignored.

use super::state::{link_issue_line, Edit, Notices};
use super::state::{LangCtx, ScenarioCtx};
use js_sys::{Object, Reflect};
use leptos::prelude::*;
use vtre_codec::widget::{decode_message, MessageFields, WidgetMessage};
use vtre_i18n::{Lang, Msg};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

pub use vtre_codec::link::{parse_widget_spec as parse_spec, ScorecardMode, WidgetSpec};

/// Origins allowed to drive the widget, from `<meta name="vtre-allowed-origins">`.
fn allowed_origins() -> Vec<String> {
    document()
        .query_selector("meta[name=\"vtre-allowed-origins\"]")
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
        .map(|c| {
            c.split_whitespace()
                .map(|s| s.trim_end_matches('/').to_string())
                .collect()
        })
        .unwrap_or_default()
}

fn own_origin() -> String {
    window().location().origin().unwrap_or_default()
}

fn is_allowed(origin: &str, allowed: &[String]) -> bool {
    origin == own_origin() || allowed.iter().any(|a| a == "*" || a == origin)
}

/// The parent's origin, if the widget is framed and the parent is allowed.
fn parent_origin(allowed: &[String]) -> Option<String> {
    let w = window();
    let parent = w.parent().ok().flatten()?;
    if parent == w {
        return None;
    }
    // location.ancestorOrigins (Chromium, Safari) names the parent even when the referrer is trimmed.
    let from_ancestors = Reflect::get(&w.location(), &"ancestorOrigins".into())
        .ok()
        .filter(|v| !v.is_undefined())
        .and_then(|list| Reflect::get(&list, &0.into()).ok())
        .and_then(|v| v.as_string());
    let from_referrer = {
        let r = document().referrer();
        web_sys::Url::new(&r).ok().map(|u| u.origin())
    };
    let origin = from_ancestors.or(from_referrer)?;
    is_allowed(&origin, allowed).then_some(origin)
}

fn post(msg: &Object, allowed: &[String]) {
    let w = window();
    if let (Some(origin), Ok(Some(parent))) = (parent_origin(allowed), w.parent()) {
        let _ = parent.post_message(msg, &origin);
    }
}

/// Posts to the parent whatever its origin: only for what says nothing about the reader's scenario (that the
/// widget is ready, its height), so a portal can size its frame without being listed at deploy time.
fn post_any(msg: &Object) {
    let w = window();
    if let Ok(Some(parent)) = w.parent() {
        if parent != w {
            let _ = parent.post_message(msg, "*");
        }
    }
}

fn obj(pairs: &[(&str, JsValue)]) -> Object {
    let o = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o
}

/// Starts the message API: listens to allowed parents and announces scenario and height changes.
pub fn start_messaging(edit: Edit, lang: RwSignal<Lang>, notices: Notices) {
    let super::state::ProjectionCtx(projection) = expect_context();
    let allowed = allowed_origins();
    let allowed2 = allowed.clone();
    let str_field = |data: &JsValue, name: &str| {
        Reflect::get(data, &name.into())
            .ok()
            .and_then(|v| v.as_string())
    };
    let on_message = gloo_events::EventListener::new(&window(), "message", move |ev| {
        let Some(ev) = ev.dyn_ref::<web_sys::MessageEvent>() else {
            return;
        };
        if !is_allowed(&ev.origin(), &allowed2) {
            return;
        }
        let data = ev.data();
        let kind = str_field(&data, "type");
        let s = str_field(&data, "s");
        let lang_code = str_field(&data, "lang");
        let scenario_json = Reflect::get(&data, &"scenario".into())
            .ok()
            .filter(|v| v.is_object())
            .and_then(|o| js_sys::JSON::stringify(&o).ok())
            .and_then(|j| j.as_string());
        let fields = MessageFields {
            kind: kind.as_deref(),
            s: s.as_deref(),
            scenario_json: scenario_json.as_deref(),
            lang: lang_code.as_deref(),
        };
        match decode_message(&fields) {
            WidgetMessage::SetScenario(s, issues) => {
                if !issues.is_empty() {
                    notices.push(
                        Msg::LinkNotice,
                        issues.iter().map(link_issue_line).collect(),
                        true,
                    );
                }
                edit.replace(*s);
            }
            WidgetMessage::SetLang(code) => {
                if let Some(l) = Lang::from_code(&code) {
                    lang.set(l);
                }
            }
            WidgetMessage::GetState => {
                let s = edit.scenario.with_untracked(vtre_codec::link::encode);
                post(
                    &obj(&[("type", "vtre:scenario".into()), ("s", s.into())]),
                    &allowed2,
                );
            }
            WidgetMessage::Ignored => {}
        }
    });
    // The widget listens for as long as the page lives.
    on_message.forget();

    post_any(&obj(&[
        ("type", "vtre:ready".into()),
        ("version", 1.into()),
    ]));

    let allowed3 = allowed.clone();
    Effect::new(move |_| {
        let l = lang.get();
        let (s, url) = edit.scenario.with(|s| {
            (
                vtre_codec::link::encode(s),
                projection.with(|p| super::toolbar::share_url(s, p, &[], l)),
            )
        });
        post(
            &obj(&[
                ("type", "vtre:scenario".into()),
                ("s", s.into()),
                ("url", url.into()),
            ]),
            &allowed3,
        );
    });

    // Height: a ResizeObserver on the document element.
    let last = std::rc::Rc::new(std::cell::Cell::new(0i32));
    let on_resize = Closure::<dyn FnMut()>::new(move || {
        let h = document()
            .document_element()
            .map_or(0, |e| e.scroll_height());
        if h != last.get() {
            last.set(h);
            post_any(&obj(&[
                ("type", "vtre:height".into()),
                ("height", h.into()),
            ]));
        }
    });
    if let (Ok(ro), Some(root)) = (
        web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()),
        document().body(),
    ) {
        ro.observe(&root);
    }
    on_resize.forget();
}

/// The compact widget.
#[component]
pub fn Widget(spec: WidgetSpec) -> impl IntoView {
    let LangCtx(lang) = expect_context();
    let ScenarioCtx(scenario) = expect_context();
    let notices: Notices = expect_context();
    if !spec.unknown.is_empty() {
        let ids = spec.unknown.join(", ");
        notices.push(
            Msg::WidgetUnknown,
            vec![super::state::fill(
                Msg::WidgetIgnored,
                None,
                &[("{ids}", &ids)],
            )],
            true,
        );
    }
    let full = move || {
        let l = lang.get();
        scenario.with(|s| {
            super::state::url_with(&[
                ("embed", None),
                ("charts", None),
                ("levers", None),
                ("headline", None),
                ("targets", None),
                ("scorecard", None),
                ("s", Some(vtre_codec::link::encode(s))),
                ("lang", Some(l.key().into())),
            ])
        })
    };
    view! {
        <div class="widget" data-widget="">
            <header class="widget-head">
                <h1>{super::state::t(lang, Msg::AppTitle)}</h1>
                <a class="open-full" data-open-full="" href=full target="_blank" rel="noopener">{super::state::t(lang, Msg::OpenFull)}" ↗"</a>
            </header>
            <super::notices::NoticeList/>
            {spec.headline.then(|| view! { <super::headline::Headline/> })}
            <div class="widget-levers">
                {spec.levers.iter().map(|&id| view! { <super::lever::Lever id=id/> }).collect_view()}
            </div>
            <div class="widget-charts">
                {spec.charts.iter().map(|&c| view! { <super::chart_canvas::ChartCanvas chart=c/> }).collect_view()}
            </div>
            {match spec.scorecard {
                ScorecardMode::Off => ().into_any(),
                ScorecardMode::Summary => view! { <super::scorecard::ScoreSummary/> }.into_any(),
                ScorecardMode::Full => view! { <super::scorecard::Scorecard/> }.into_any(),
            }}
        </div>
    }
}
