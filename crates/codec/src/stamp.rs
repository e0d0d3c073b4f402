//! The model version a share link or scenario file was made with, and the headline figures it showed then
//! (issue 25, item 6: links that reproduce exactly).
//!
//! A link made by this app ends in `,m:VERSION_VALUE_CO2_PEAK_MET` (`m:1a2b3c4d_3105.23_47.12_2025_2`): the
//! model version ([`vtre_model::MODEL_VERSION`]) and the four figures of the headline strip as the maker saw
//! them — 2025 output value (亿元), 2030 CO2 (Mt), the CO2 peak year and the number of targets met — rounded
//! to two decimals. A scenario file has the same as `"model": "1a2b3c4d"` and `"figures": {"output_value_2025":
//! 3105.23, …}`. Opening one made with another version ([`diff`]) gives the figures then and now for the same
//! scenario, so the app can say which numbers changed instead of silently showing different ones.
//!
//! Why the figures travel with the link rather than a table of every old version's outputs: a link's numbers
//! depend on its scenario, not only on the version, and a table could hold only the reference and presets; the
//! figures cost about 25 characters and need no data kept for versions that no longer exist.
//!
//! **Without a version** (every link and file made before versions were recorded, and hand-written ones): read
//! with this model and no notice, as before — there is nothing to compare with. A version that is not 1–16
//! letters or digits, or figures that are not numbers, are reported and left out; decoding never fails.

use crate::json::Json;
use vtre_model::series::SeriesId as S;
use vtre_model::{Projection, Status, MODEL_VERSION};

/// The share-link piece that carries the stamp (`m:…`).
pub const LINK_KEY: &str = "m";
/// The JSON key of the model version.
pub const MODEL: &str = "model";
/// The JSON key of the figures.
pub const FIGURES: &str = "figures";
/// Between the version and the figures in a link.
const SEP: char = '_';

/// One of the headline figures a link or file carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Figure {
    /// 2025 output value, 亿元.
    OutputValue2025,
    /// 2030 CO2, Mt.
    Co2In2030,
    /// The CO2 peak year.
    PeakYear,
    /// How many targets are met.
    TargetsMet,
}

impl Figure {
    /// In the order of the headline strip and of the link.
    pub const ALL: [Figure; 4] = [
        Figure::OutputValue2025,
        Figure::Co2In2030,
        Figure::PeakYear,
        Figure::TargetsMet,
    ];

    /// The id in JSON and in the page (`data-figure`), the headline's hook id.
    pub fn key(self) -> &'static str {
        match self {
            Figure::OutputValue2025 => "output_value_2025",
            Figure::Co2In2030 => "co2_2030",
            Figure::PeakYear => "peak_year",
            Figure::TargetsMet => "targets_met",
        }
    }

    pub fn from_key(k: &str) -> Option<Figure> {
        Figure::ALL.into_iter().find(|f| f.key() == k)
    }

    /// The unit the figure is in (`"year"` and `""` for the peak year and the count).
    pub fn unit(self) -> &'static str {
        match self {
            Figure::OutputValue2025 => "亿元",
            Figure::Co2In2030 => "Mt",
            Figure::PeakYear => "year",
            Figure::TargetsMet => "",
        }
    }

    /// The figure of a projection, rounded as a link carries it.
    pub fn of(self, p: &Projection) -> f64 {
        round(match self {
            Figure::OutputValue2025 => p.at(S::OutputValueTotal, 2025),
            Figure::Co2In2030 => p.at(S::Co2Total, 2030),
            Figure::PeakYear => f64::from(p.peak_year),
            Figure::TargetsMet => {
                p.targets.iter().filter(|t| t.status == Status::Met).count() as f64
            }
        })
    }
}

/// Two decimals: enough for every figure the headline shows, short enough for a QR code.
fn round(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// What a link or file says it was made with.
#[derive(Clone, Debug, PartialEq)]
pub struct Stamp {
    /// The model version (as given, when it is 1–16 ASCII letters or digits).
    pub model: String,
    /// The headline figures then, in [`Figure::ALL`] order; `None` where the link does not carry one.
    pub figures: [Option<f64>; 4],
}

impl Stamp {
    /// This model's stamp for a projection of the scenario being shared.
    pub fn of(p: &Projection) -> Stamp {
        Stamp {
            model: MODEL_VERSION.to_string(),
            figures: Figure::ALL.map(|f| Some(f.of(p))),
        }
    }

    /// The value of the link piece (after `m:`).
    pub fn link_value(&self) -> String {
        let mut out = self.model.clone();
        for f in self.figures {
            out.push(SEP);
            if let Some(x) = f {
                out.push_str(&crate::json::number(x));
            }
        }
        out
    }

    /// The stamp as JSON members: `"model"` and `"figures"`.
    pub fn json_members(&self) -> Vec<(String, Json)> {
        let figures = Figure::ALL
            .iter()
            .zip(self.figures)
            .filter_map(|(f, x)| Some((f.key().to_string(), Json::Num(x?))))
            .collect();
        vec![
            (MODEL.into(), Json::Str(self.model.clone())),
            (FIGURES.into(), Json::Obj(figures)),
        ]
    }
}

/// A version name as links carry it: 1–16 ASCII letters or digits, lower-cased.
fn version_name(text: &str) -> Option<String> {
    let t = text.trim();
    (!t.is_empty() && t.len() <= 16 && t.bytes().all(|b| b.is_ascii_alphanumeric()))
        .then(|| t.to_ascii_lowercase())
}

/// Reads the value of a link's `m:` piece. `None` when the version is unreadable; the second value lists
/// what was left out (an unreadable version or figure, figures past the fourth), each at most 40 characters.
pub fn parse_link_value(text: &str) -> (Option<Stamp>, Vec<String>) {
    let mut bad = Vec::new();
    let mut parts = text.split(SEP);
    let first = parts.next().unwrap_or_default();
    let Some(model) = version_name(first) else {
        bad.push(text.chars().take(40).collect());
        return (None, bad);
    };
    let mut figures = [None; 4];
    for (i, part) in parts.enumerate() {
        let part = part.trim();
        match (figures.get_mut(i), crate::num::parse_f64(part)) {
            (Some(slot), Some(x)) => *slot = Some(x),
            (Some(_), None) if part.is_empty() => {}
            _ => bad.push(part.chars().take(40).collect()),
        }
    }
    (Some(Stamp { model, figures }), bad)
}

/// Something about a scenario file's `"model"` or `"figures"` that could not be read.
#[derive(Clone, Debug, PartialEq)]
pub struct JsonStampIssue {
    /// The key (`model`, or a figure's key under `figures`).
    pub key: String,
    /// What was found there, described.
    pub found: String,
}

/// Reads `"model"` and `"figures"` from a scenario file's object. `None` without a readable `"model"`.
pub fn from_json_value(v: &Json) -> (Option<Stamp>, Vec<JsonStampIssue>) {
    let mut issues = Vec::new();
    let model = match v.get(MODEL) {
        None => None,
        Some(m) => {
            let name = m.as_str().and_then(version_name);
            if name.is_none() {
                issues.push(JsonStampIssue {
                    key: MODEL.into(),
                    found: m.describe().chars().take(40).collect(),
                });
            }
            name
        }
    };
    let mut figures = [None; 4];
    match v.get(FIGURES).map(|f| (f, f.as_object())) {
        None => {}
        Some((_, Some(obj))) => {
            for (k, x) in obj {
                match (Figure::from_key(k), x.as_f64().filter(|x| x.is_finite())) {
                    (Some(f), Some(x)) => {
                        if let Some(i) = Figure::ALL.iter().position(|g| *g == f) {
                            figures[i] = Some(x);
                        }
                    }
                    _ => issues.push(JsonStampIssue {
                        key: k.chars().take(40).collect(),
                        found: x.describe().chars().take(40).collect(),
                    }),
                }
            }
        }
        Some((f, None)) => issues.push(JsonStampIssue {
            key: FIGURES.into(),
            found: f.describe().chars().take(40).collect(),
        }),
    }
    (model.map(|model| Stamp { model, figures }), issues)
}

/// One figure then and now.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DiffRow {
    pub figure: Figure,
    /// As the link or file carried it (`None`: not carried).
    pub then: Option<f64>,
    /// What this model computes for the same scenario, rounded as a link carries it.
    pub now: f64,
}

impl DiffRow {
    /// `Some(now − then)` when the link carried the figure.
    pub fn change(&self) -> Option<f64> {
        self.then.map(|t| round(self.now - t))
    }

    /// Whether the figure moved (at the two decimals a link carries).
    pub fn changed(&self) -> bool {
        self.change().is_some_and(|d| d != 0.0)
    }
}

/// What a link or file made with another version of the model shows differently.
#[derive(Clone, Debug, PartialEq)]
pub struct VersionDiff {
    /// The version it was made with.
    pub made_with: String,
    /// This model's version.
    pub this: &'static str,
    /// Each headline figure then and now, in [`Figure::ALL`] order.
    pub rows: Vec<DiffRow>,
}

impl VersionDiff {
    /// How many figures moved.
    pub fn changed(&self) -> usize {
        self.rows.iter().filter(|r| r.changed()).count()
    }

    /// Whether the link carried none of its figures (only its version).
    pub fn no_figures(&self) -> bool {
        self.rows.iter().all(|r| r.then.is_none())
    }
}

/// The difference a stamp from another version makes, given this model's projection of the same scenario;
/// `None` when it was made with this version (nothing to say).
pub fn diff(stamp: &Stamp, now: &Projection) -> Option<VersionDiff> {
    (stamp.model != MODEL_VERSION).then(|| VersionDiff {
        made_with: stamp.model.clone(),
        this: MODEL_VERSION,
        rows: Figure::ALL
            .iter()
            .zip(stamp.figures)
            .map(|(&figure, then)| DiffRow {
                figure,
                then,
                now: figure.of(now),
            })
            .collect(),
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use vtre_model::{simulate, Scenario};

    #[test]
    fn the_model_version_is_eight_hex_digits_and_reads_back_as_a_version_name() {
        assert_eq!(MODEL_VERSION.len(), 8);
        assert!(MODEL_VERSION.bytes().all(|b| b.is_ascii_hexdigit()));
        assert_eq!(version_name(MODEL_VERSION).as_deref(), Some(MODEL_VERSION));
    }

    #[test]
    fn a_stamp_round_trips_through_its_link_value_and_json() {
        let p = simulate(&Scenario::reference());
        let st = Stamp::of(&p);
        assert_eq!(
            st.figures[0],
            Some(round(p.at(S::OutputValueTotal, 2025))),
            "2025 output value"
        );
        assert_eq!(
            parse_link_value(&st.link_value()),
            (Some(st.clone()), vec![])
        );
        let json = Json::Obj(st.json_members());
        assert_eq!(from_json_value(&json), (Some(st), vec![]));
    }

    #[test]
    fn unreadable_parts_of_a_stamp_are_reported_and_left_out() {
        let (st, bad) = parse_link_value("ABC123_3100_x_2025__9");
        let st = st.unwrap();
        assert_eq!(st.model, "abc123");
        assert_eq!(st.figures, [Some(3100.0), None, Some(2025.0), None]);
        assert_eq!(bad, vec!["x".to_string(), "9".to_string()]);
        let (st, bad) = parse_link_value("not a version!_1");
        assert_eq!((st, bad), (None, vec!["not a version!_1".to_string()]));
        let v =
            crate::json::parse(r#"{"model": 7, "figures": {"co2_2030": "a", "peak_year": 2024}}"#)
                .unwrap();
        let (st, issues) = from_json_value(&v);
        assert_eq!(st, None, "a number is no version");
        assert_eq!(issues.len(), 2, "{issues:?}");
    }

    #[test]
    fn a_stamp_of_this_version_has_nothing_to_say_and_another_version_shows_then_and_now() {
        let p = simulate(&Scenario::reference());
        assert_eq!(diff(&Stamp::of(&p), &p), None);
        let old = Stamp {
            model: "0ld0ld00".into(),
            figures: [Some(3000.0), Stamp::of(&p).figures[1], None, Some(1.0)],
        };
        let d = diff(&old, &p).unwrap();
        assert_eq!((d.made_with.as_str(), d.this), ("0ld0ld00", MODEL_VERSION));
        let now = Figure::OutputValue2025.of(&p);
        assert_eq!(d.rows[0].change(), Some(round(now - 3000.0)));
        assert!(d.rows[0].changed());
        assert!(!d.rows[1].changed(), "the same CO2 is no change");
        assert_eq!(
            d.rows[2].change(),
            None,
            "a figure not carried has no change"
        );
        assert_eq!(d.changed(), usize::from(d.rows[3].changed()) + 1);
    }
}
