//! The analysis page (`pages/analysis-<lang>.html`): what matters, what it would take, and which change did
//! what, explained for a reader who is not a modeller. The page holds the explanations and the choices
//! (targets, series, years, levers); the app (`src/ui/analysis.rs`) loads it when it is opened, runs the
//! analyses (`vtre-analysis`) on the current scenario and fills the `data-result` boxes. Its text lives here,
//! not in the wasm.
//!
//! Hooks (see `vtre-hooks`): `data-pick="<name>"` on each choice, `data-result="<name>"` on each box the
//! app fills and `data-progress="<name>"` on progress bars.

use crate::esc;
use std::fmt::Write;
use vtre_model::levers::{LeverGroup, LEVERS};
use vtre_model::series::{SeriesId as S, FIRST_YEAR, LAST_YEAR};
use vtre_model::targets::{Rule, TargetId};
use vtre_model::{Lang, Text, TARGETS};

/// The series offered for the tornado and the waterfall (the ones the charts and the headline show, and a
/// few a reader asks about).
pub const SERIES: [S; 14] = [
    S::OutputValueTotal,
    S::Co2Total,
    S::Co2Direct,
    S::Co2Indirect,
    S::EnergyTotal,
    S::EnergyCounted,
    S::EnergyIntensity,
    S::ElectricityTotal,
    S::CrudeSteelTotal,
    S::V2o5Output,
    S::Tio2Output,
    S::TiSpongeOutput,
    S::ReoSeparated,
    S::IronConcentrateGap,
];

fn t(zh: &'static str, en: &'static str, lang: Lang) -> String {
    esc(Text::new(zh, en).get(lang))
}

/// The options of a "what to measure" choice: every scored target, then the series (value `t:<key>` or
/// `s:<key>`).
fn measure_options(o: &mut String, selected: &str, lang: Lang) {
    let _ = write!(
        o,
        r#"<optgroup label="{}">"#,
        t("指南目标", "Guideline targets", lang)
    );
    for s in TARGETS.iter().filter(|s| s.rule != Rule::Unquantified) {
        let v = format!("t:{}", s.key);
        let sel = if v == selected { " selected" } else { "" };
        let _ = write!(
            o,
            r#"<option value="{v}"{sel}>{}（{}）</option>"#,
            esc(s.label.get(lang)),
            s.year
        );
    }
    let _ = write!(
        o,
        r#"</optgroup><optgroup label="{}">"#,
        t("序列（选年份）", "Series (choose a year)", lang)
    );
    for s in SERIES {
        let v = format!("s:{}", s.key());
        let sel = if v == selected { " selected" } else { "" };
        let _ = write!(
            o,
            r#"<option value="{v}"{sel}>{}</option>"#,
            esc(s.label(lang))
        );
    }
    o.push_str("</optgroup>");
}

fn year_options(o: &mut String, selected: u16) {
    for y in FIRST_YEAR..=LAST_YEAR {
        let sel = if y == selected { " selected" } else { "" };
        let _ = write!(o, r#"<option value="{y}"{sel}>{y}</option>"#);
    }
}

fn pick(o: &mut String, name: &str, label: String, options: impl FnOnce(&mut String)) {
    let _ = write!(
        o,
        r#"<label class="pick">{label} <select data-pick="{name}">"#
    );
    options(o);
    o.push_str("</select></label>");
}

/// The analysis page in `lang`.
pub fn analysis_html(lang: Lang) -> String {
    let mut o = String::new();
    let _ = write!(
        o,
        r#"<article class="analysis page" aria-labelledby="analysis-title"><h2 id="analysis-title">{}</h2><p class="page-intro">{}</p>"#,
        t(
            "分析：哪些假设最重要？要达到目标需要什么？",
            "Analysis: which assumptions matter, and what would it take?",
            lang
        ),
        t(
            "以下三项分析都针对当前情景（情景沙盘中的杠杆设置），情景一改就重新计算。它们回答的是“在这个模型里会怎样”，不是预测。",
            "All three analyses work on the current scenario (the levers as set in the explorer) and are redone whenever it changes. They answer “what happens in this model”, not what will happen.",
            lang
        )
    );

    // ---- sensitivity ----
    let _ = write!(
        o,
        r#"<section class="analysis-part" aria-labelledby="tornado-title"><h3 id="tornado-title">{}</h3><p>{}</p><div class="picks">"#,
        t("敏感性：哪些输入最能左右结果？", "Sensitivity: which inputs move the result most?", lang),
        t(
            "每次只改一个输入、其余不变：把它从区间的低端调到高端（杠杆取最小值和最大值，估计值参数取其来源给出的低值和高值），看所选结果变化多少。下图列出变化最大的十个输入：条越长，这个输入越重要；蓝色是输入取低端时的结果，橙色是取高端时的结果，虚线是当前值。",
            "One input at a time, everything else held: each is moved from the low end of its range to the high end (a lever from its minimum to its maximum, an ESTIMATE parameter from the low to the high value its sources give), and the chosen result is read each time. The chart shows the ten inputs that move it most: the longer the bar, the more the input matters; blue is the result with the input at its low end, orange at its high end, the dashed line is the current value.",
            lang
        )
    );
    pick(
        &mut o,
        "tornado-measure",
        t("结果", "Result", lang),
        |o| measure_options(o, "t:industry_scale", lang),
    );
    pick(&mut o, "tornado-year", t("年份", "Year", lang), |o| {
        year_options(o, 2030)
    });
    let _ = write!(
        o,
        r#"</div><div class="result" data-result="tornado" aria-live="polite"></div><p class="note">{}</p></section>"#,
        t(
            "一次只动一个输入，看不到输入之间的相互作用：例如“置换中钒钛高炉所占比例”只有在有置换时才起作用，单独调它显示为零。相互作用见下面的贡献分解。",
            "Moving one input at a time misses interactions: the share of the swap taken from V-Ti furnaces, for instance, only matters when there is a swap, so alone it shows no swing. The contributions below share interactions out.",
            lang
        )
    );

    // ---- goal-seek ----
    let _ = write!(
        o,
        r#"<section class="analysis-part" aria-labelledby="seek-title"><h3 id="seek-title">{}</h3><p>{}</p><div class="picks">"#,
        t("目标求解：杠杆要调到多少才能达成目标？", "Goal-seek: how far must a lever move to meet a target?", lang),
        t(
            "选一个目标和一个杠杆：模型在该杠杆的整个范围内搜索，给出离当前值最近、刚好达成目标（含余量）的取值；若在范围内怎么调都达不到，就给出能达到的最好结果。“应用”把这个取值作为一次修改写入情景，可用“撤销”恢复。",
            "Choose a target and a lever: the model searches the lever's whole range for the value nearest the current one that just meets the target (with its margin); if no value in the range meets it, it gives the best it can reach. “Apply” writes that value into the scenario as one edit, which Undo takes back.",
            lang
        )
    );
    pick(&mut o, "seek-target", t("目标", "Target", lang), |o| {
        for s in TARGETS.iter().filter(|s| s.rule != Rule::Unquantified) {
            let sel = if s.id == TargetId::IndustryScale {
                " selected"
            } else {
                ""
            };
            let _ = write!(
                o,
                r#"<option value="{}"{sel}>{}（{}）</option>"#,
                s.key,
                esc(s.label.get(lang)),
                s.year
            );
        }
    });
    pick(&mut o, "seek-lever", t("杠杆", "Lever", lang), |o| {
        for g in LeverGroup::ALL {
            // Prices are markets, not policies: asking about them is an "if markets…" question.
            let label = if g == LeverGroup::Prices {
                format!(
                    "{}{}",
                    g.label().get(lang),
                    t(
                        "（市场，非政策：“如果市场……”）",
                        " (markets, not policy: “if markets…”)",
                        lang
                    )
                )
            } else {
                g.label().get(lang).to_string()
            };
            let _ = write!(o, r#"<optgroup label="{}">"#, esc(&label));
            for l in LEVERS.iter().filter(|l| l.group == g) {
                let _ = write!(
                    o,
                    r#"<option value="{}">{}</option>"#,
                    l.key,
                    esc(l.label.get(lang))
                );
            }
            o.push_str("</optgroup>");
        }
    });
    let _ = write!(
        o,
        r#"</div><div class="result" data-result="seek" aria-live="polite"></div><h4>{}</h4><p>{}</p><progress data-progress="best" max="1" value="0" hidden></progress><div class="table-wrap" tabindex="0"><table class="best"><thead><tr><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th><th scope="col"></th></tr></thead><tbody data-result="best"></tbody></table></div></section>"#,
        t("所有政策杠杆都可调时，每个目标最好能达到什么程度", "The best each target can reach with every policy lever free", lang),
        t(
            "对每个目标，从当前情景出发逐个调整所有政策杠杆（先调最相关的），找到一个达成目标且改动尽量少的组合；找不到时给出最好的结果。政策制定者能定政策，定不了价格：市场价格、优特钢溢价和电力折标口径保持不变（“如果市场……”的问题可在上面的目标求解中单独选价格杠杆，或用命令行 vtre goal-seek --markets）。这是启发式搜索：它说明“这样调可以”，“不可达”只表示这次搜索没找到办法，不能证明一定没有。",
            "For each target, every policy lever is adjusted one at a time from the current scenario (the most relevant first) to find a setting that meets the target with as few changes as possible, or the best result found. A policy maker sets policies, not prices: market prices, the special-steel premium and the electricity accounting convention stay as they are (ask “if markets…” in the goal-seek above with a price lever, or with vtre goal-seek --markets). It is a heuristic search: it shows a way that works, and “not reached” means this search found none, not that none exists.",
            lang
        ),
        t("目标", "Target", lang),
        t("能达到的最好结果", "Best result found", lang),
        t("需要改动的杠杆", "Levers to change", lang),
    );

    // ---- contributions ----
    let _ = write!(
        o,
        r#"<section class="analysis-part" aria-labelledby="waterfall-title"><h3 id="waterfall-title">{}</h3><p>{}</p><div class="picks">"#,
        t("贡献分解：每项改动各带来多少变化？", "Contributions: how much did each change do?", lang),
        t(
            "情景与参考情景的差别，按每项改动（调过的杠杆和修改过的假设）分摊：从参考情景的值（第一行）出发，每一行是一项改动的贡献，最后一行是本情景的值。两项改动相互影响时，共同产生的效果由它们平分（Shapley值：对所有改动顺序取平均），所以各项贡献加起来正好等于总差别。改动不超过12项时精确计算（最多4,096次模型运行），更多时抽样估计。",
            "The difference between a scenario and the reference, shared out among its changes (the levers moved and the assumptions changed): from the reference value (first row), each row adds one change's contribution, and the last row is the scenario's value. When two changes interact, their joint effect is split between them (Shapley values: the average over every order in which the changes could be made), so the contributions add up exactly to the whole difference. Up to 12 changes this is exact (at most 4,096 model runs); beyond, it is estimated from sampled orders.",
            lang
        )
    );
    pick(&mut o, "wf-scenario", t("情景", "Scenario", lang), |o| {
        let _ = write!(
            o,
            r#"<option value="current" selected>{}</option>"#,
            t("当前情景", "Current scenario", lang)
        );
    });
    pick(&mut o, "wf-measure", t("结果", "Result", lang), |o| {
        measure_options(o, "s:co2_total", lang)
    });
    pick(&mut o, "wf-year", t("年份", "Year", lang), |o| {
        year_options(o, 2030)
    });
    let _ = write!(
        o,
        r#"</div><progress data-progress="waterfall" max="1" value="0" hidden></progress><div class="result" data-result="waterfall" aria-live="polite"></div></section></article>"#
    );
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_has_every_choice_and_box_in_both_languages() {
        for lang in [Lang::Zh, Lang::En] {
            let html = analysis_html(lang);
            for name in [
                "tornado-measure",
                "tornado-year",
                "seek-target",
                "seek-lever",
                "wf-scenario",
                "wf-measure",
                "wf-year",
            ] {
                assert!(html.contains(&format!(r#"data-pick="{name}""#)), "{name}");
            }
            for name in ["tornado", "seek", "best", "waterfall"] {
                assert!(html.contains(&format!(r#"data-result="{name}""#)), "{name}");
            }
            for l in LEVERS {
                assert!(html.contains(&format!(r#"<option value="{}">"#, l.key)));
            }
            for s in TARGETS.iter().filter(|s| s.rule != Rule::Unquantified) {
                assert!(html.contains(&format!(r#"value="t:{}""#, s.key)));
            }
            assert!(!html.contains("style="), "no inline styles (CSP)");
            assert_eq!(
                html.matches("<section").count(),
                html.matches("</section>").count()
            );
        }
        assert!(analysis_html(Lang::Zh).contains("Shapley值"));
        assert!(analysis_html(Lang::En).contains("not that none exists"));
    }
}
