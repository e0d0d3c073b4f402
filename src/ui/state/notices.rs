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

/// One line for each saved-scenario name that storage did not take: "“…” was not saved."
pub fn not_saved_lines(names: &[String]) -> Vec<NoticeLine> {
    names
        .iter()
        .map(|n| fill(Msg::NotSavedName, None, &[("{name}", n)]))
        .collect()
}

/// One line for each entry of an imported file that held no scenario.
pub fn skipped_lines(names: &[String]) -> Vec<NoticeLine> {
    names
        .iter()
        .map(|n| fill(Msg::SkippedNoScenario, None, &[("{name}", n)]))
        .collect()
}

/// A sentence of the `Msg` table in both languages, its `{lever}` filled with the lever's name in each (the key
/// itself when it names no lever) and each other `{…}` with its value.
pub fn fill(m: Msg, lever: Option<&str>, params: &[(&str, &dyn std::fmt::Display)]) -> NoticeLine {
    let one = |l: Lang| {
        let mut s = m.text(l).to_string();
        if let Some(id) = lever {
            let name = vtre_model::LeverId::from_key(id)
                .map_or(id, |k| vtre_model::levers::spec(k).label.get(l));
            s = s.replace("{lever}", name);
        }
        for (k, v) in params {
            s = s.replace(k, &v.to_string());
        }
        s
    };
    line(one(Lang::Zh), one(Lang::En))
}

/// A plain-language line for each input problem.
pub fn input_issue_line(i: &InputIssue) -> NoticeLine {
    let years = |(a, b): &(u16, u16)| format!("{a}-{b}");
    match i {
        InputIssue::NotAnObject(e) => fill(Msg::InputUnreadable, None, &[("{e}", e)]),
        InputIssue::UnknownLever(id) => fill(Msg::InputUnknownLever, None, &[("{id}", id)]),
        InputIssue::UnknownParam(id) => fill(Msg::InputUnknownParam, None, &[("{id}", id)]),
        InputIssue::BadSchedule { id, found } => {
            fill(Msg::InputBadSchedule, Some(id), &[("{found}", found)])
        }
        InputIssue::ScheduleAdjusted { id, given, used } => fill(
            Msg::InputScheduleAdjusted,
            Some(id),
            &[("{given}", &years(given)), ("{used}", &years(used))],
        ),
        InputIssue::UnknownBaseline(b) => fill(Msg::InputUnknownBaseline, None, &[("{b}", b)]),
        InputIssue::NotANumber { id, found } => {
            fill(Msg::InputNotANumber, Some(id), &[("{found}", found)])
        }
        InputIssue::Clamped { id, given, used } => fill(
            Msg::InputClamped,
            Some(id),
            &[("{given}", given), ("{used}", used)],
        ),
        InputIssue::Snapped { id, given, used } => fill(
            Msg::InputSnapped,
            Some(id),
            &[("{given}", given), ("{used}", used)],
        ),
    }
}

pub fn link_issue_line(i: &LinkIssue) -> NoticeLine {
    match i {
        LinkIssue::Input(x) => input_issue_line(x),
        LinkIssue::Malformed(p) => fill(Msg::LinkMalformed, None, &[("{p}", p)]),
        LinkIssue::NewerVersion(v) => fill(Msg::LinkNewerVersion, None, &[("{v}", v)]),
        LinkIssue::Duplicate(k) => fill(Msg::LinkDuplicate, None, &[("{k}", k)]),
    }
}
