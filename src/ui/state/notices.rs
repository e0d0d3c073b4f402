//! Notices shown to the user (what a link, a file or storage changed or could not do), with their texts in
//! both languages.

use leptos::prelude::*;
use vtre_codec::link::LinkIssue;
use vtre_i18n::{Lang, Msg};
use vtre_model::scenario::InputIssue;

/// One line of a notice, in both languages.
#[derive(Clone, Debug, PartialEq)]
pub struct NoticeLine {
    pub zh: String,
    pub en: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub id: u32,
    pub title: Msg,
    pub lines: Vec<NoticeLine>,
    pub warn: bool,
}

#[derive(Clone, Copy)]
pub struct Notices(pub RwSignal<Vec<Notice>>);

impl Notices {
    pub fn push(&self, title: Msg, lines: Vec<NoticeLine>, warn: bool) {
        self.0.update(|n| {
            let id = n.iter().map(|x| x.id).max().unwrap_or(0) + 1;
            n.push(Notice {
                id,
                title,
                lines,
                warn,
            });
        });
    }
    pub fn dismiss(&self, id: u32) {
        self.0.update(|n| n.retain(|x| x.id != id));
    }
}

fn line(zh: String, en: String) -> NoticeLine {
    NoticeLine { zh, en }
}

/// A sentence of the `Msg` table with its one `{param}` filled in, in both languages.
fn msg_line(m: Msg, param: &str, value: &str) -> NoticeLine {
    line(
        m.text(Lang::Zh).replace(param, value),
        m.text(Lang::En).replace(param, value),
    )
}

/// One line for each saved-scenario name that storage did not take: "“…” was not saved."
pub fn not_saved_lines(names: &[String]) -> Vec<NoticeLine> {
    names
        .iter()
        .map(|n| msg_line(Msg::NotSavedName, "{name}", n))
        .collect()
}

/// One line for each entry of an imported file that held no scenario.
pub fn skipped_lines(names: &[String]) -> Vec<NoticeLine> {
    names
        .iter()
        .map(|n| msg_line(Msg::SkippedNoScenario, "{name}", n))
        .collect()
}

/// A plain-language line for each input problem.
pub fn input_issue_line(i: &InputIssue) -> NoticeLine {
    let lever = |id: &str| {
        vtre_model::LeverId::from_key(id).map_or((id.to_string(), id.to_string()), |l| {
            let s = vtre_model::levers::spec(l);
            (s.label.zh.to_string(), s.label.en.to_string())
        })
    };
    match i {
        InputIssue::NotAnObject(e) => line(
            format!("内容无法读取（{e}），已使用参考情景。"),
            format!("The content could not be read ({e}); the reference scenario is used."),
        ),
        InputIssue::UnknownLever(id) => line(
            format!("未知的杠杆“{id}”，已忽略。"),
            format!("Unknown lever '{id}' was ignored."),
        ),
        InputIssue::UnknownParam(id) => line(
            format!("未知的参数“{id}”，已忽略。"),
            format!("Unknown parameter '{id}' was ignored."),
        ),
        InputIssue::BadSchedule { id, found } => {
            let (zh, en) = lever(id);
            line(
                format!("“{zh}”的时间安排 {found} 无法读取（应为“起始年-见效年”，价格杠杆不可设），已忽略。"),
                format!("'{en}': the schedule {found} could not be read (START-FULL years; not for prices) and was ignored."),
            )
        }
        InputIssue::ScheduleAdjusted { id, given, used } => {
            let (zh, en) = lever(id);
            line(
                format!("“{zh}”的时间安排 {}-{} 已调整为 {}-{}（2021–2035年，见效不早于起始）。", given.0, given.1, used.0, used.1),
                format!("'{en}': the schedule {}-{} was set to {}-{} (2021–2035, full effect not before the start).", given.0, given.1, used.0, used.1),
            )
        }
        InputIssue::UnknownBaseline(b) => line(
            format!("未知的市场基准“{b}”，已使用中位基准。"),
            format!("Unknown market baseline '{b}'; the central one is used."),
        ),
        InputIssue::NotANumber { id, found } => {
            let (zh, en) = lever(id);
            line(
                format!("“{zh}”的值 {found} 不是数字，已忽略。"),
                format!("'{en}': {found} is not a number and was ignored."),
            )
        }
        InputIssue::Clamped { id, given, used } => {
            let (zh, en) = lever(id);
            line(
                format!("“{zh}”的值 {given} 超出范围，已调整为 {used}。"),
                format!("'{en}': {given} is out of range and was set to {used}."),
            )
        }
        InputIssue::Snapped { id, given, used } => {
            let (zh, en) = lever(id);
            line(
                format!("“{zh}”的值 {given} 不在步长上，已调整为 {used}。"),
                format!("'{en}': {given} is between steps and was set to {used}."),
            )
        }
    }
}

pub fn link_issue_line(i: &LinkIssue) -> NoticeLine {
    match i {
        LinkIssue::Input(x) => input_issue_line(x),
        LinkIssue::Malformed(p) => line(format!("无法理解的片段“{p}”，已忽略。"), format!("Could not understand '{p}'; it was ignored.")),
        LinkIssue::NewerVersion(v) => line(
            format!("此链接由更新的版本（格式{v}）生成，已尽量读取。"),
            format!("This link was made by a newer version (format {v}); it was read as far as possible."),
        ),
        LinkIssue::Duplicate(k) => line(format!("“{k}”出现多次，使用最后一个值。"), format!("'{k}' appears more than once; the last value is used.")),
    }
}
