//! The assumptions panel: every parameter with value, unit, FACT/ESTIMATE, range, source and note; sortable
//! and filterable; any parameter with a range can be overridden (part of the scenario).

use super::state::Edit;
use super::LangCtx;
use crate::i18n::{group, Msg};
use crate::model::params::{baseline_rows, Chain, Kind, ParamSpec, PARAMS};
use leptos::prelude::*;
#[allow(unused_imports)]
use super::{t, zh_en};
use std::collections::HashMap;

#[derive(Clone, Copy, PartialEq, Eq)]
enum SortBy {
    Table,
    Key,
    Chain,
    Kind,
}

fn decimals(v: f64) -> usize {
    let a = v.abs();
    if a >= 1000.0 || a == 0.0 {
        0
    } else if a >= 10.0 {
        1
    } else if a >= 1.0 {
        2
    } else {
        4
    }
}

#[component]
pub fn Assumptions() -> impl IntoView {
    let LangCtx(lang) = expect_context();
    let edit: Edit = expect_context();
    let tr = move |m: Msg| m.text(lang.get());
    let chain = RwSignal::new(None::<Chain>);
    let kind = RwSignal::new(None::<Kind>);
    let text = RwSignal::new(String::new());
    let sort = RwSignal::new(SortBy::Table);
    let rows: HashMap<String, (String, String)> = baseline_rows()
        .into_iter()
        .map(|r| (r.key.clone(), (r.source, r.note)))
        .collect();
    let rows = StoredValue::new(rows);
    let overrides = Memo::new(move |_| edit.scenario.with(|s| s.overrides().len()));

    let visible = Memo::new(move |_| {
        let q = text.get().trim().to_lowercase();
        let mut v: Vec<&'static ParamSpec> = PARAMS
            .iter()
            .filter(|p| chain.get().is_none_or(|c| c == p.chain))
            .filter(|p| kind.get().is_none_or(|k| k == p.kind))
            .filter(|p| {
                q.is_empty()
                    || p.csv_key.contains(&q)
                    || rows.with_value(|r| {
                        r.get(p.csv_key).is_some_and(|(s, n)| {
                            s.to_lowercase().contains(&q) || n.to_lowercase().contains(&q)
                        })
                    })
            })
            .collect();
        match sort.get() {
            SortBy::Table => {}
            SortBy::Key => v.sort_by_key(|p| p.csv_key),
            SortBy::Chain => v.sort_by_key(|p| p.chain.id()),
            SortBy::Kind => v.sort_by_key(|p| p.kind.as_str()),
        }
        v
    });
    let sort_button = move |by: SortBy, label: Msg| {
        view! {
            <button class="sort" aria-pressed=move || (sort.get() == by).to_string() on:click=move |_| sort.set(by)>
                {move || tr(label)}</button>
        }
    };

    view! {
        <article class="assumptions page" aria-labelledby="assumptions-title">
            <h2 id="assumptions-title">{t(lang, Msg::ViewAssumptions)}</h2>
            <p class="page-intro">{t(lang, Msg::AssumptionsIntro)}</p>
            <p class="overrides-flag" data-overrides=move || overrides.get().to_string() hidden=move || overrides.get() == 0>
                {move || Msg::OverridesCount.text(lang.get()).replace("{n}", &overrides.get().to_string())}" "
                <button on:click=move |_| edit.step(|s| { for p in PARAMS { s.clear_param(p.id); } })>{t(lang, Msg::ResetOverrides)}</button>
            </p>
            <div class="filters">
                <label>{t(lang, Msg::FilterChain)}" "
                    <select data-filter="chain" on:change=move |ev| chain.set(Chain::ALL.into_iter().find(|c| c.id() == event_target_value(&ev)))>
                        <option value="">{t(lang, Msg::All)}</option>
                        {Chain::ALL.into_iter().map(|c| view! { <option value=c.id()>{move || c.label(lang.get().zh())}</option> }).collect_view()}
                    </select></label>
                <label>{t(lang, Msg::FilterKind)}" "
                    <select data-filter="kind" on:change=move |ev| kind.set(match event_target_value(&ev).as_str() { "FACT" => Some(Kind::Fact), "ESTIMATE" => Some(Kind::Estimate), _ => None })>
                        <option value="">{t(lang, Msg::All)}</option>
                        <option value="FACT">{t(lang, Msg::Fact)}</option>
                        <option value="ESTIMATE">{t(lang, Msg::Estimate)}</option>
                    </select></label>
                <label>{t(lang, Msg::Search)}" "
                    <input type="search" data-filter="text" prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))/></label>
                <span class="sorts">{sort_button(SortBy::Table, Msg::All)}{sort_button(SortBy::Key, Msg::ColParam)}
                    {sort_button(SortBy::Chain, Msg::FilterChain)}{sort_button(SortBy::Kind, Msg::FilterKind)}</span>
            </div>
            <div class="table-wrap">
                <table class="params">
                    <thead><tr>
                        <th scope="col">{t(lang, Msg::ColParam)}</th><th scope="col">{t(lang, Msg::FilterChain)}</th>
                        <th scope="col">{t(lang, Msg::ColValue)}</th><th scope="col">{t(lang, Msg::Unit)}</th>
                        <th scope="col">{t(lang, Msg::FilterKind)}</th><th scope="col">{t(lang, Msg::ColRange)}</th>
                        <th scope="col">{t(lang, Msg::ColSource)}</th><th scope="col">{t(lang, Msg::ColNote)}</th>
                    </tr></thead>
                    <tbody>
                        <For each=move || visible.get() key=|p| p.csv_key let:p>
                            {
                                let (source, note) = rows.with_value(|r| r.get(p.csv_key).cloned().unwrap_or_default());
                                let value = Memo::new(move |_| edit.scenario.with(|s| s.param(p.id)));
                                let changed = move || value.get() != p.value;
                                let dec = decimals(p.value).max(decimals(p.low)).max(decimals(p.high));
                                let editable = p.high > p.low;
                                view! {
                                    <tr data-param=p.csv_key data-kind=p.kind.as_str() class:changed=changed>
                                        <td><code>{p.csv_key}</code></td>
                                        <td>{move || p.chain.label(lang.get().zh())}</td>
                                        <td class="value-cell">
                                            {if editable {
                                                view! {
                                                    <input type="number" class="num" min=p.low max=p.high step="any" data-param-input=p.csv_key
                                                        aria-label=p.csv_key prop:value=move || format!("{:.*}", dec, value.get())
                                                        on:change=move |ev| {
                                                            if let Ok(v) = event_target_value(&ev).trim().parse::<f64>() {
                                                                edit.step(|s| { s.set_param(p.id, v); });
                                                            }
                                                        }/>
                                                    <button class="icon reset" disabled=move || !changed() title=t(lang, Msg::Reset)
                                                        aria-label=move || format!("{}: {}", tr(Msg::Reset), p.csv_key)
                                                        on:click=move |_| edit.step(|s| s.clear_param(p.id))>"↺"</button>
                                                }.into_any()
                                            } else {
                                                view! { <span title=t(lang, Msg::FixedValue)>{group(p.value, dec)}</span> }.into_any()
                                            }}
                                            <span class="muted">{move || changed().then(|| format!(" {} ({} {})", tr(Msg::Overridden), tr(Msg::Baseline), group(p.value, dec)))}</span>
                                        </td>
                                        <td>{p.unit}</td>
                                        <td><span class="kind" class:estimate={p.kind == Kind::Estimate}>{move || if p.kind == Kind::Fact { tr(Msg::Fact) } else { tr(Msg::Estimate) }}</span></td>
                                        <td>{if p.low == p.high { "—".to_string() } else { format!("{} – {}", group(p.low, dec), group(p.high, dec)) }}</td>
                                        <td class="source" data-source="">{source}</td>
                                        <td class="note">{note}</td>
                                    </tr>
                                }
                            }
                        </For>
                    </tbody>
                </table>
            </div>
        </article>
    }
}
