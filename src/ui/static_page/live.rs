//! The reading pages' live parts as views, mounted into the slots the pre-rendered pages leave for them:
//! the model page's flow diagrams (`super::flows`), the guideline's search box (`super::search`), lever and
//! target chips, and on the assumptions page each overridable parameter's value cell (an input bound to the
//! scenario, a reset button and the "changed" note), the flag that counts the overrides with its "reset
//! all" button, and the table's filters and sort buttons (bound to [`TableView`], which the page applies to
//! its rows). Without the app the page shows each baseline figure in its slot, and no flag or filters.

use crate::ui::state::Edit;
use leptos::prelude::*;
use vtre_hooks as h;
use vtre_i18n::{group, Lang, Msg};
use vtre_model::params::Chain;
use vtre_model::params::{spec, ParamId, PARAMS};
use vtre_model::{LeverId, Projection, Status, TargetId};
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
            aria-label=move || p.label().get(lang.get())
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
            aria-label=move || format!("{}: {}", tr(Msg::Reset), p.label().get(lang.get()))
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

/// How the reader wants the assumptions table: filtered by chain, kind and text, sorted by a column. Kept by
/// the page, so a reload of it in the other language keeps the choice.
#[derive(Clone, Copy)]
pub(super) struct TableView {
    pub chain: RwSignal<String>,
    pub kind: RwSignal<String>,
    pub text: RwSignal<String>,
    pub sort: RwSignal<&'static str>,
    /// The chain groups the reader (or a filter) opened or closed; a chain not in it is as the page starts
    /// it: open on a wide screen, closed on a phone.
    pub open: RwSignal<Vec<(Chain, bool)>>,
}

impl TableView {
    pub fn new() -> Self {
        TableView {
            chain: RwSignal::new(String::new()),
            kind: RwSignal::new(String::new()),
            text: RwSignal::new(String::new()),
            sort: RwSignal::new("table"),
            open: RwSignal::new(Vec::new()),
        }
    }
    /// Whether a chain's group is open, if the reader or a filter said so.
    pub fn opened(&self, chain: Chain) -> Option<bool> {
        self.open
            .with(|o| o.iter().find(|(c, _)| *c == chain).map(|(_, v)| *v))
    }
    /// Opens or closes a chain's group (`None`: back to how the page starts it).
    pub fn set_open(&self, chain: Chain, open: Option<bool>) {
        let now = self
            .open
            .with_untracked(|o| o.iter().find(|(c, _)| *c == chain).map(|(_, v)| *v));
        if now == open {
            return;
        }
        self.open.update(|o| {
            o.retain(|(c, _)| *c != chain);
            if let Some(v) = open {
                o.push((chain, v));
            }
        });
    }
}

/// Whether the screen is a phone's (the width at which the table becomes cards, `style/main.css`).
fn narrow() -> bool {
    window()
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .is_some_and(|w| w <= 820.0)
}

/// A chain group's header button: opens and closes the group's rows (`group` is the row group it heads,
/// whose `data-open` the stylesheet reads).
#[component]
fn GroupToggle(
    chain: Chain,
    table: TableView,
    lang: RwSignal<Lang>,
    group: Option<send_wrapper::SendWrapper<Element>>,
) -> impl IntoView {
    let n = PARAMS.iter().filter(|p| p.chain == chain).count();
    let opened = move || table.opened(chain);
    let shown = move || opened().unwrap_or_else(|| !narrow());
    if let Some(g) = group {
        Effect::new(move |_| {
            let _ = match opened() {
                Some(o) => g.set_attribute(h::OPEN, if o { "true" } else { "false" }),
                None => g.remove_attribute(h::OPEN),
            };
        });
    }
    view! {
        <button class="group-toggle" data-group-toggle=chain.id()
            aria-expanded=move || shown().to_string()
            on:click=move |_| table.set_open(chain, Some(!shown()))>
            {move || chain.label().get(lang.get())}" "<span class="count">"("{n}")"</span>
        </button>
    }
}

/// The table's filters (chain, kind, text) and sort buttons.
#[component]
fn TableFilters(view: TableView, lang: RwSignal<Lang>) -> impl IntoView {
    let tr = move |m: Msg| m.text(lang.get());
    let all = move || tr(Msg::All);
    let chains = Chain::ALL
        .into_iter()
        .map(|c| view! { <option value=c.id() selected=move || view.chain.with(|v| v == c.id())>{move || c.label().get(lang.get())}</option> })
        .collect_view();
    let kinds = [("FACT", Msg::Fact), ("ESTIMATE", Msg::Estimate)]
        .into_iter()
        .map(|(k, m)| view! { <option value=k selected=move || view.kind.with(|v| v == k)>{move || tr(m)}</option> })
        .collect_view();
    let sorts = [
        ("table", Msg::All),
        ("key", Msg::ColParam),
        ("chain", Msg::FilterChain),
        ("kind", Msg::FilterKind),
    ]
    .into_iter()
    .map(|(key, m)| {
        view! {
            <button class="sort" data-sort=key aria-pressed=move || (view.sort.get() == key).to_string()
                on:click=move |_| view.sort.set(key)>{move || tr(m)}</button>
        }
    })
    .collect_view();
    view! {
        <label>{move || tr(Msg::FilterChain)}" "
            <select data-filter="chain" on:change=move |ev| view.chain.set(event_target_value(&ev))>
                <option value="" selected=move || view.chain.with(String::is_empty)>{all}</option>{chains}
            </select>
        </label>
        <label>{move || tr(Msg::FilterKind)}" "
            <select data-filter="kind" on:change=move |ev| view.kind.set(event_target_value(&ev))>
                <option value="" selected=move || view.kind.with(String::is_empty)>{all}</option>{kinds}
            </select>
        </label>
        <label>{move || tr(Msg::Search)}" "
            <input type="search" data-filter="text" prop:value=move || view.text.get()
                on:input=move |ev| view.text.set(event_target_value(&ev))/>
        </label>
        <span class="sorts">{sorts}</span>
    }
}

/// Where a chip takes the reader: the app's page and lever focus (passed in: the chips are mounted outside
/// the app's context).
#[derive(Clone, Copy)]
pub(super) struct Go {
    pub view: crate::ui::state::ViewCtx,
    pub focus: RwSignal<Option<LeverId>>,
}

/// A lever named on a page: a button that opens it in the explorer.
#[component]
fn LeverChip(id: LeverId, go: Go, lang: RwSignal<Lang>) -> impl IntoView {
    view! {
        <button class="chip" data-goto-lever=id.key() on:click=move |_| go.view.go_lever(id, go.focus)>
            {move || vtre_model::levers::spec(id).label.get(lang.get())}
        </button>
    }
}

/// A target named on a page: a button with the target's status in the current scenario that opens its
/// card in the explorer.
#[component]
fn TargetChip(
    id: TargetId,
    go: Go,
    projection: Memo<Projection>,
    lang: RwSignal<Lang>,
) -> impl IntoView {
    let t = vtre_model::targets::spec(id);
    let status = move || {
        projection.with(|p| {
            p.target(id)
                .map_or(Status::Unquantified, |r| r.status)
                .key()
        })
    };
    view! {
        <button class="chip target-chip" data-goto-target=t.key data-status=status
            on:click=move |_| go.view.go_target(t.key)>"◎ "{move || t.label.get(lang.get())}</button>
    }
}

/// What keeps the mounted views alive (dropping it unmounts them).
pub(super) type Mounted = Vec<Box<dyn std::any::Any>>;

/// Mounts the live parts into their slots under `root` (the page's copy: a reload of the page in the other
/// language brings new slots and a new set of views). The slot's own content (the baseline figure) goes.
/// The slots named `name` under `root`, each with its value (`name="<value>"`), emptied for a view.
fn slots(root: &Element, name: &str) -> Vec<(HtmlElement, String)> {
    super::all(root, &h::sel(name))
        .into_iter()
        .filter_map(|el| {
            let value = el.get_attribute(name).unwrap_or_default();
            el.set_text_content(None);
            Some((
                wasm_bindgen::JsCast::dyn_into::<HtmlElement>(el).ok()?,
                value,
            ))
        })
        .collect()
}

/// Mounts `view` into `el`, keeping it alive in `out`.
fn put<V: IntoView + 'static>(
    out: &mut Mounted,
    el: HtmlElement,
    view: impl FnOnce() -> V + 'static,
) {
    out.push(Box::new(leptos::mount::mount_to(el, view)));
}

/// What the live views are bound to: the page's state (year, table, search) and the app's, passed in (the
/// views are mounted into the fetched page, outside the app's context).
#[derive(Clone, Copy)]
pub(super) struct Live {
    pub edit: Edit,
    pub projection: Memo<Projection>,
    pub lang: RwSignal<Lang>,
    pub go: Go,
    pub year: RwSignal<u16>,
    pub table: TableView,
    pub search: super::search::ReaderSearch,
}

/// Mounts every live view into its slot under `root`.
pub(super) fn mount(root: &Element, v: Live) -> Mounted {
    let Live {
        edit,
        projection,
        lang,
        go,
        year,
        table,
        search,
    } = v;
    let mut out: Mounted = Vec::new();
    for (el, key) in slots(root, h::PARAM_SLOT) {
        let decimals = el
            .get_attribute(h::DECIMALS)
            .and_then(|d| d.parse().ok())
            .unwrap_or(2);
        if let Some(id) = ParamId::from_key(&key) {
            put(
                &mut out,
                el,
                move || view! { <ParamCell id=id decimals=decimals edit=edit lang=lang/> },
            );
        }
    }
    for (el, key) in slots(root, h::LEVER_CHIP) {
        if let Some(id) = LeverId::from_key(&key) {
            put(
                &mut out,
                el,
                move || view! { <LeverChip id=id go=go lang=lang/> },
            );
        }
    }
    for (el, key) in slots(root, h::TARGET_CHIP) {
        if let Some(id) = TargetId::from_key(&key) {
            put(
                &mut out,
                el,
                move || view! { <TargetChip id=id go=go projection=projection lang=lang/> },
            );
        }
    }
    for (el, _) in slots(root, h::FLOWS) {
        let scenario = edit.scenario;
        put(&mut out, el, move || {
            view! { <super::flows::FlowDiagrams year=year scenario=scenario projection=projection lang=lang/> }
        });
    }
    for (el, key) in slots(root, h::GROUP_SLOT) {
        if let Some(chain) = Chain::ALL.into_iter().find(|c| c.id() == key) {
            let group = el
                .closest("tbody")
                .ok()
                .flatten()
                .map(send_wrapper::SendWrapper::new);
            put(
                &mut out,
                el,
                move || view! { <GroupToggle chain=chain table=table lang=lang group=group/> },
            );
        }
    }
    for (el, _) in slots(root, h::FILTERS_SLOT) {
        put(
            &mut out,
            el,
            move || view! { <TableFilters view=table lang=lang/> },
        );
    }
    for (el, _) in slots(root, h::SEARCH_SLOT) {
        put(
            &mut out,
            el,
            move || view! { <super::search::SearchBox search=search lang=lang/> },
        );
    }
    for (el, _) in slots(root, h::OVERRIDES_SLOT) {
        put(
            &mut out,
            el,
            move || view! { <OverridesFlag edit=edit lang=lang/> },
        );
    }
    out
}
