//! Goal-seek (one lever to meet one target), the same to a confidence over an ensemble (the chance of
//! meeting it at least 50/80/95 %, seed stated; `vtre goal-seek --confidence`), and the best each target
//! reaches with every policy lever free (`vtre goal-seek`), with "Apply" as one undoable edit.

use super::{lever_value, result_text, scored_targets, Page, Progress, Slot};
use crate::ui::state::worker::Event;
use leptos::prelude::*;
use vtre_analysis::goal_seek::LeverSet;
use vtre_analysis::{ConfidentSeek, Reachable, Seek as SeekAnswer};
use vtre_codec::worker::{Answer, Job};
use vtre_i18n::percent;
use vtre_i18n::{Lang, Msg};
use vtre_model::levers::{spec as lspec, LeverGroup, LEVERS};
use vtre_model::targets::spec as tspec;
use vtre_model::{LeverId, TargetId};

/// What the goal-seek said: its sentence, whether it reached the target, and the value to apply.
fn seek_text(r: &SeekAnswer, l: Lang) -> String {
    let msg = if r.reached && r.value == r.from {
        Msg::SeekAlready
    } else if r.reached {
        Msg::SeekReached
    } else {
        Msg::SeekUnreachable
    };
    msg.text(l)
        .replace("{lever}", lspec(r.lever).label.get(l))
        .replace("{from}", &lever_value(r.lever, r.from, l))
        .replace("{value}", &lever_value(r.lever, r.value, l))
        .replace("{result}", &result_text(&r.result, l))
}

/// The confidences offered, in percent.
const CONFIDENCES: [u32; 3] = [50, 80, 95];

/// What the goal-seek to a confidence said, with its members and seed.
fn confident_text(r: &ConfidentSeek, l: Lang) -> String {
    let msg = if r.reached && r.value == r.from {
        Msg::SeekConfidentAlready
    } else if r.reached {
        Msg::SeekConfidentReached
    } else {
        Msg::SeekConfidentUnreachable
    };
    msg.text(l)
        .replace("{lever}", lspec(r.lever).label.get(l))
        .replace("{from}", &lever_value(r.lever, r.from, l))
        .replace("{value}", &lever_value(r.lever, r.value, l))
        .replace("{chance_from}", &percent(r.chance_from))
        .replace("{chance}", &percent(r.chance))
        .replace("{confidence}", &percent(r.confidence))
        .replace("{members}", &r.members.to_string())
        .replace("{seed}", &r.seed.to_string())
}

/// The lever changes of a best setting, as a sentence.
fn changes_text(r: &Reachable, l: Lang) -> String {
    if r.changes.is_empty() {
        return Msg::NoLeverChange.text(l).to_string();
    }
    r.changes
        .iter()
        .map(|&(lv, from, to)| {
            format!(
                "{}: {} → {}",
                lspec(lv).label.get(l),
                lever_value(lv, from, l),
                lever_value(lv, to, l)
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

#[component]
pub fn Seek() -> impl IntoView {
    let page: Page = expect_context();
    let lang = page.lang;
    let target = RwSignal::new(TargetId::IndustryScale);
    // The first policy lever the target names: a good start (prices are markets, not policy).
    let first_lever = |t: TargetId| {
        tspec(t)
            .levers
            .iter()
            .copied()
            .find(|&l| LeverSet::Policy.allows(l))
            .unwrap_or(LeverId::EafSwap)
    };
    let lever = RwSignal::new(first_lever(TargetId::IndustryScale));
    let answer = RwSignal::new(None::<Result<SeekAnswer, String>>);
    let slot = Slot::new();
    Effect::new(move |_| {
        let s = page.edit.scenario.get();
        answer.set(None);
        slot.start(
            Job::Seek {
                scenario: s,
                target: target.get(),
                lever: lever.get(),
            },
            move |e| match e {
                Event::Done(Answer::Seek(r)) => {
                    answer.try_set(Some(Ok(r)));
                }
                Event::Done(Answer::Refused(why)) => {
                    answer.try_set(Some(Err(why)));
                }
                _ => {}
            },
        );
    });

    // The same target and lever to a confidence (issue 25): a chance of at least 50/80/95 % over an ensemble
    // of the analysis crate's default size from the explorer's seed. Policy levers only.
    let confidence = RwSignal::new(80u32);
    let confident = RwSignal::new(None::<Result<ConfidentSeek, String>>);
    let confident_progress = RwSignal::new(None::<(usize, usize)>);
    let confident_slot = Slot::new();
    Effect::new(move |_| {
        let s = page.edit.scenario.get();
        let (t, lv, c) = (target.get(), lever.get(), confidence.get());
        confident_progress.set(None);
        if !LeverSet::Policy.allows(lv) {
            confident_slot.cancel();
            confident.set(Some(Err(String::new())));
            return;
        }
        confident.set(None);
        confident_slot.start(
            Job::Confident {
                scenario: s,
                target: t,
                lever: lv,
                confidence: f64::from(c) / 100.0,
                margin: false,
                members: vtre_analysis::confidence::DEFAULT_MEMBERS,
                seed: crate::ENSEMBLE_SEED,
            },
            move |e| match e {
                Event::Progress(d, t) => {
                    confident_progress.try_set(Some((d, t)));
                }
                Event::Done(Answer::Confident(r)) => {
                    confident_progress.try_set(None);
                    confident.try_set(Some(Ok(r)));
                }
                Event::Done(Answer::Refused(why)) => {
                    confident_progress.try_set(None);
                    confident.try_set(Some(Err(why)));
                }
                _ => {}
            },
        );
    });

    // Best reachable: one run per scored target, in table order.
    let markets = RwSignal::new(false);
    let best = RwSignal::new(Vec::<(TargetId, Option<Reachable>)>::new());
    let best_progress = RwSignal::new(None::<(usize, usize)>);
    let best_slots: Vec<(TargetId, Slot)> = scored_targets().map(|t| (t.id, Slot::new())).collect();
    let best_slots = StoredValue::new(best_slots);
    Effect::new(move |_| {
        let s = page.edit.scenario.get();
        let markets = markets.get();
        best.set(Vec::new());
        let total = best_slots.with_value(Vec::len);
        best_progress.set(Some((0, total)));
        for (id, slot) in best_slots.get_value() {
            slot.start(
                Job::Best {
                    scenario: s.clone(),
                    target: id,
                    markets,
                },
                move |e| {
                    if let Event::Done(Answer::Best(r)) = e {
                        best.try_update(|b| {
                            b.push((id, r));
                            // Table order, whatever order the answers come in.
                            vtre_model::small_sort::sort_by(b, |x, y| {
                                (x.0 as usize).cmp(&(y.0 as usize))
                            });
                        });
                        let done = best.with_untracked(Vec::len);
                        best_progress.try_set((done < total).then_some((done, total)));
                    }
                },
            );
        }
    });

    let seek_view = move || {
        let l = lang.get();
        answer.with(|a| match a {
            None => view! { <p class="pending">{Msg::Computing.text(l)}</p> }.into_any(),
            Some(Err(_)) => ().into_any(),
            Some(Ok(r)) => {
                let apply = (r.value != r.from).then_some((r.lever, r.value));
                view! {
                    <p class=if r.reached { "seek ok" } else { "seek alert" }>{seek_text(r, l)}</p>
                    {apply.map(|(lv, v)| view! {
                        <button class="apply" data-apply="seek" on:click=move |_| page.apply(&[(lv, v)])>
                            {Msg::Apply.text(l)}</button>
                    })}
                }
                .into_any()
            }
        })
    };
    let confident_view = move || {
        let l = lang.get();
        confident.with(|a| match a {
            None => view! { <p class="pending">{Msg::Computing.text(l)}</p> }.into_any(),
            Some(Err(why)) if why.is_empty() => {
                view! { <p class="seek alert">{Msg::SeekConfidentPolicyOnly.text(l)}</p> }.into_any()
            }
            Some(Err(_)) => ().into_any(),
            Some(Ok(r)) => {
                let apply = (r.value != r.from).then_some((r.lever, r.value));
                view! {
                    <p class=if r.reached { "seek ok" } else { "seek alert" } data-chance=r.chance.to_string()>
                        {confident_text(r, l)}</p>
                    {apply.map(|(lv, v)| view! {
                        <button class="apply" data-apply="confident" on:click=move |_| page.apply(&[(lv, v)])>
                            {Msg::Apply.text(l)}</button>
                    })}
                }
                .into_any()
            }
        })
    };
    let best_rows = move || {
        let l = lang.get();
        best.with(|b| {
            b.iter()
                .filter_map(|(id, r)| Some((*id, r.clone()?)))
                .map(|(id, r)| {
                    let moves: Vec<(LeverId, f64)> =
                        r.changes.iter().map(|&(lv, _, to)| (lv, to)).collect();
                    view! {
                        <tr data-best=tspec(id).key data-status=r.result.status.key()>
                            <th scope="row">{tspec(id).label.get(l)}</th>
                            <td>{result_text(&r.result, l)}</td>
                            <td>{changes_text(&r, l)}</td>
                            <td>{(!moves.is_empty()).then(|| view! {
                                <button class="apply" data-apply=format!("best:{}", tspec(id).key)
                                    on:click=move |_| page.apply(&moves)>{Msg::Apply.text(l)}</button>
                            })}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="analysis-part" aria-labelledby="seek-title">
            <h3 id="seek-title">{page.w("seek_title")}</h3>
            <p>{page.w("seek_text")}</p>
            <div class="picks">
                <label class="pick">{page.w("target")}" "
                    <select data-pick="seek-target" prop:value=move || tspec(target.get()).key
                        on:change=move |ev| if let Some(t) = TargetId::from_key(&event_target_value(&ev)) {
                            target.set(t);
                            lever.set(first_lever(t));
                        }>
                        {scored_targets().map(|t| view! {
                            <option value=t.key>{move || format!("{}（{}）", t.label.get(lang.get()), t.year)}</option>
                        }).collect_view()}
                    </select>
                </label>
                <label class="pick">{page.w("lever")}" "
                    <select data-pick="seek-lever" prop:value=move || lever.get().key()
                        on:change=move |ev| if let Some(lv) = LeverId::from_key(&event_target_value(&ev)) { lever.set(lv) }>
                        {LeverGroup::ALL.into_iter().map(|g| {
                            let prices = page.w("prices_group");
                            view! {
                                <optgroup label=move || format!("{}{}", g.label().get(lang.get()),
                                    if g == LeverGroup::Prices { prices() } else { String::new() })>
                                    {LEVERS.iter().filter(|l| l.group == g).map(|l| view! {
                                        <option value=l.key>{move || l.label.get(lang.get())}</option>
                                    }).collect_view()}
                                </optgroup>
                            }
                        }).collect_view()}
                    </select>
                </label>
            </div>
            <div class="result" data-result="seek" aria-live="polite">{seek_view}</div>
            <h4>{page.w("confidence_title")}</h4>
            <p>{page.w("confidence_text")}</p>
            <label class="pick">{page.w("confidence")}" "
                <select data-pick="seek-confidence" prop:value=move || confidence.get().to_string()
                    on:change=move |ev| if let Ok(c) = event_target_value(&ev).parse() { confidence.set(c) }>
                    {CONFIDENCES.map(|c| view! { <option value=c.to_string()>{format!("{c}%")}</option> }).collect_view()}
                </select>
            </label>
            <Progress name="confident" at=confident_progress/>
            <div class="result" data-result="confident" aria-live="polite">{confident_view}</div>
            <h4>{page.w("best_title")}</h4>
            <p>{page.w("best_text")}</p>
            <label class="pick"><input type="checkbox" data-pick="best-markets" prop:checked=move || markets.get()
                on:change=move |ev| markets.set(event_target_checked(&ev))/>" "{page.w("markets")}</label>
            <Progress name="best" at=best_progress/>
            <div class="table-wrap" tabindex="0">
                <table class="best">
                    <thead><tr>
                        <th scope="col">{page.w("target")}</th>
                        <th scope="col">{page.w("best_found")}</th>
                        <th scope="col">{page.w("levers_to_change")}</th>
                        <th scope="col"><span class="sr-only">{move || Msg::Apply.text(lang.get())}</span></th>
                    </tr></thead>
                    <tbody data-result="best">{best_rows}</tbody>
                </table>
            </div>
        </section>
    }
}
