//! Sensitivity: the ten inputs that move the chosen result most, one at a time (`vtre sensitivity`).

use super::bars::{width_of, BarsView};
use super::{input_label, measure, MeasurePicks, Page, Slot};
use crate::ui::state::worker::Event;
use leptos::html::Div;
use leptos::prelude::*;
use vtre_analysis::DEFAULT_TOP;
use vtre_charts::palette::{STEEL, VANADIUM};
use vtre_charts::{bars_layout, BarChart, BarRow};
use vtre_codec::worker::{Answer, Job};
use vtre_i18n::{display_unit, quantity, Lang, Msg};

fn chart(t: &vtre_analysis::Tornado, unit: &str, label: &str, l: Lang) -> BarChart {
    let f = display_unit(unit, l).1;
    BarChart {
        title: label.to_string(),
        rows: t
            .bars
            .iter()
            .map(|b| BarRow {
                label: input_label(b.input, l).to_string(),
                note: format!(
                    "{} … {}",
                    quantity(b.low_output, unit, l),
                    quantity(b.high_output, unit, l)
                ),
                segments: vec![
                    (t.base * f, b.low_output * f, STEEL),
                    (t.base * f, b.high_output * f, VANADIUM),
                ],
                total: false,
            })
            .collect(),
        marker: Some((
            t.base * f,
            Msg::NowValue
                .text(l)
                .replace("{value}", &quantity(t.base, unit, l)),
        )),
        legend: vec![
            (STEEL, Msg::LowEnd.text(l).into()),
            (VANADIUM, Msg::HighEnd.text(l).into()),
        ],
    }
}

#[component]
pub fn Tornado() -> impl IntoView {
    let page: Page = expect_context();
    let code = RwSignal::new("t:industry_scale".to_string());
    let year = RwSignal::new(2030u16);
    let result = RwSignal::new(None::<vtre_analysis::Tornado>);
    let slot = Slot::new();
    Effect::new(move |_| {
        let s = page.edit.scenario.get();
        let Some((m, _, _)) = measure(&code.get(), year.get(), Lang::Zh) else {
            return;
        };
        result.set(None);
        slot.start(
            Job::Tornado {
                scenario: s,
                measure: m,
                top: DEFAULT_TOP,
            },
            move |e| {
                if let Event::Done(Answer::Tornado(t)) = e {
                    result.try_set(Some(t));
                }
            },
        );
    });
    let host = NodeRef::<Div>::new();
    let drawn = move || {
        let l = page.lang.get();
        let (_, unit, label) = measure(&code.get(), year.get(), l)?;
        result.with(|t| {
            t.as_ref()
                .map(|t| bars_layout(&chart(t, unit, &label, l), width_of(host.get_untracked())))
        })
    };
    view! {
        <section class="analysis-part" aria-labelledby="tornado-title">
            <h3 id="tornado-title">{page.w("tornado_title")}</h3>
            <p>{page.w("tornado_text")}</p>
            <div class="picks"><MeasurePicks name="tornado" code=code year=year/></div>
            <div class="result" data-result="tornado" aria-live="polite" node_ref=host>
                {move || match drawn() {
                    Some(l) => view! { <BarsView layout=l/> }.into_any(),
                    None => view! { <p class="pending">{move || Msg::Computing.text(page.lang.get())}</p> }.into_any(),
                }}
            </div>
            <p class="note">{page.w("tornado_note")}</p>
        </section>
    }
}
