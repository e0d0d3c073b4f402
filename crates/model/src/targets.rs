//! The guideline's quantified targets (第二章第三节 发展目标), as data (`data/targets.csv`, turned into
//! `TargetId` and `TARGETS` by `build.rs`), and how a projection scores them.
//!
//! Scoring, for a target "value ≥ threshold" (or "≤", mirrored) with a band `b`:
//! - **met**: the margin `value − threshold` is at least `b` — met with room to spare;
//! - **at risk**: `0 ≤ margin < b` — met, but only just: a small change in assumptions loses it;
//! - **missed**: margin `< 0`.
//!
//! The carbon peak is met when emissions peak in or before 2030 and fall at least `b` (2 %) from the peak by
//! 2035; at risk when they peak by 2030 but plateau; missed when the peak is after 2030. The overseas
//! rare-earth processing base has no number in the guideline: it is shown with its quantity and marked
//! unquantified, never scored.

use super::levers::LeverId;
use super::params::ParamId;
use super::series::{year_index, SeriesId as S, FIRST_YEAR, N_YEARS};
use crate::text::Text;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Met,
    AtRisk,
    Missed,
    Unquantified,
}

impl Status {
    /// The `data-status` value.
    pub fn key(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::AtRisk => "at-risk",
            Status::Missed => "missed",
            Status::Unquantified => "unquantified",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    AtLeast,
    AtMost,
    PeakBy,
    Unquantified,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TargetSpec {
    pub id: TargetId,
    pub key: &'static str,
    pub year: u16,
    pub rule: Rule,
    pub threshold: f64,
    /// The parameter the threshold reads, with its factor (e.g. a reduction of 0.14 → −0.14): overriding it
    /// moves the threshold. `threshold` is the value with the CSV figure.
    pub threshold_param: Option<(ParamId, f64)>,
    pub band: f64,
    pub unit: &'static str,
    pub guideline_ref: &'static str,
    pub section: &'static str,
    /// The guideline's exact words.
    pub quote_zh: &'static str,
    /// Our English translation of them (the guideline has none), shown with the Chinese on English pages.
    pub quote_en: &'static str,
    pub label: Text,
    /// How the model measures it.
    pub measure: Text,
    /// CSV key of the threshold (or the guideline).
    pub source: &'static str,
    /// Levers that move it most.
    pub levers: &'static [LeverId],
}

include!(concat!(env!("OUT_DIR"), "/targets_gen.rs"));

pub fn spec(id: TargetId) -> &'static TargetSpec {
    &TARGETS[id as usize]
}

impl TargetId {
    pub fn key(self) -> &'static str {
        spec(self).key
    }
    pub fn from_key(k: &str) -> Option<TargetId> {
        TARGETS.iter().find(|t| t.key == k).map(|t| t.id)
    }
}

/// A target as scored by one projection.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TargetResult {
    pub id: TargetId,
    pub year: u16,
    pub value: f64,
    /// `None` for unquantified targets.
    pub threshold: Option<f64>,
    pub status: Status,
    /// How far past the threshold, in the target's unit (positive = on the right side). For the carbon peak:
    /// years before 2030.
    pub margin: f64,
}

/// Margins are differences of decimals (0.57 − 0.55 = 0.01999…): compare with a tolerance far below any
/// figure the model reports, so a margin equal to the band is not scored below it.
const EPS: f64 = 1e-9;

fn score(margin: f64, band: f64) -> Status {
    if margin < -EPS {
        Status::Missed
    } else if margin < band - EPS {
        Status::AtRisk
    } else {
        Status::Met
    }
}

/// A target's threshold with the model's parameters (`params` indexed by `ParamId as usize`).
pub fn threshold(t: &TargetSpec, params: &[f64]) -> f64 {
    t.threshold_param
        .and_then(|(p, f)| params.get(p as usize).map(|v| v * f))
        .unwrap_or(t.threshold)
}

/// Scores every target from a projection's series and the parameters it ran with.
pub fn evaluate(series: &[[f64; N_YEARS]], params: &[f64]) -> Vec<TargetResult> {
    let at = |s: S, y: u16| year_index(y).map_or(f64::NAN, |i| series[s as usize][i]);
    TARGETS
        .iter()
        .map(|spec| {
            let live = TargetSpec {
                threshold: threshold(spec, params),
                ..*spec
            };
            let t = &live;
            let (value, threshold, status, margin) = match t.id {
                TargetId::IndustryScale => {
                    let v = at(S::OutputValueTotal, t.year);
                    (
                        v,
                        Some(t.threshold),
                        score(v - t.threshold, t.band),
                        v - t.threshold,
                    )
                }
                TargetId::VRecovery | TargetId::TiRecovery | TargetId::FeRecovery => {
                    let s = match t.id {
                        TargetId::VRecovery => S::VRecovery,
                        TargetId::TiRecovery => S::TiRecovery,
                        _ => S::FeRecovery,
                    };
                    // Round to 0.1 percentage point so a lever set exactly at the target scores as reaching it.
                    let v = (at(s, t.year) * 1000.0).round() / 1000.0;
                    (
                        v,
                        Some(t.threshold),
                        score(v - t.threshold, t.band),
                        v - t.threshold,
                    )
                }
                TargetId::VtiClusters => {
                    let chains = [
                        S::OutputValueVanadium,
                        S::OutputValueTiChemicals,
                        S::OutputValueTiMetal,
                    ];
                    let n = chains.iter().filter(|&&s| at(s, t.year) > 100.0).count() as f64;
                    (
                        n,
                        Some(t.threshold),
                        score(n - t.threshold, t.band),
                        n - t.threshold,
                    )
                }
                TargetId::ReExpansion => {
                    let g = |s: S| at(s, t.year) / at(s, FIRST_YEAR) - 1.0;
                    let v = g(S::ReoMined).min(g(S::ReoSeparated));
                    (v, Some(t.threshold), score(v, t.band), v)
                }
                TargetId::OverseasReBase => {
                    (at(S::ReoImported, t.year), None, Status::Unquantified, 0.0)
                }
                TargetId::CarbonPeak => {
                    let co2 = &series[S::Co2Total as usize];
                    let (mut pi, mut pv) = (0, f64::MIN);
                    for (i, &v) in co2.iter().enumerate() {
                        // Strictly greater: a plateau peaks at its first year.
                        if v > pv + 1e-9 {
                            pi = i;
                            pv = v;
                        }
                    }
                    let peak_year = FIRST_YEAR + pi as u16;
                    let last = co2[N_YEARS - 1];
                    let margin = t.threshold - f64::from(peak_year);
                    let status = if margin < 0.0 {
                        Status::Missed
                    } else if last > pv * (1.0 - t.band) {
                        Status::AtRisk
                    } else {
                        Status::Met
                    };
                    (f64::from(peak_year), Some(t.threshold), status, margin)
                }
                TargetId::EnergyIntensity => {
                    let v =
                        at(S::EnergyIntensity, t.year) / at(S::EnergyIntensity, FIRST_YEAR) - 1.0;
                    (
                        v,
                        Some(t.threshold),
                        score(t.threshold - v, t.band),
                        t.threshold - v,
                    )
                }
            };
            TargetResult {
                id: t.id,
                year: t.year,
                value,
                threshold,
                status,
                margin,
            }
        })
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::params::baseline_row;

    #[test]
    fn every_target_cites_the_guideline_and_a_source_in_both_languages() {
        for (i, t) in TARGETS.iter().enumerate() {
            assert_eq!(t.id as usize, i);
            assert!(t.guideline_ref.starts_with('第'));
            assert!(!t.quote_zh.is_empty() && !t.label.en.is_empty() && !t.measure.en.is_empty());
            assert!(
                !t.levers.is_empty(),
                "{} names the levers that move it",
                t.key
            );
            if !t.source.starts_with("Guideline") {
                assert!(baseline_row(t.source).is_some(), "{} source row", t.key);
            }
        }
    }

    #[test]
    fn the_target_table_follows_targets_csv_row_by_row() {
        let csv = include_str!("../data/targets.csv");
        let mut lines = csv.lines();
        let header = crate::csv_line::split_line(lines.next().unwrap_or_default()).unwrap();
        let col = |name: &str| header.iter().position(|h| h == name).unwrap();
        let rows: Vec<Vec<String>> = lines
            .filter(|l| !l.trim().is_empty())
            .map(|l| crate::csv_line::split_line(l).unwrap())
            .collect();
        assert_eq!(rows.len(), TARGETS.len());
        for (t, r) in TARGETS.iter().zip(&rows) {
            assert_eq!(t.key, r[col("key")]);
            assert_eq!(t.year.to_string(), r[col("year")]);
            assert_eq!(t.threshold, r[col("threshold")].parse::<f64>().unwrap());
            assert_eq!(t.band, r[col("band")].parse::<f64>().unwrap());
            assert_eq!(
                (t.label.zh, t.label.en),
                (&*r[col("label_zh")], &*r[col("label_en")])
            );
            assert_eq!(t.measure.en, r[col("measure_en")]);
            assert_eq!(t.quote_zh, r[col("quote_zh")]);
            let levers: Vec<&str> = t
                .levers
                .iter()
                .map(|l| crate::levers::spec(*l).key)
                .collect();
            assert_eq!(levers.join(" "), r[col("levers")], "{}", t.key);
        }
    }

    #[test]
    fn numeric_thresholds_equal_the_csv() {
        for (id, key, scale) in [
            (TargetId::IndustryScale, "target_2025_industry_scale", 1.0),
            (TargetId::VRecovery, "v_recovery_target_2025", 1.0),
            (TargetId::TiRecovery, "ti_recovery_target_2025", 1.0),
            (TargetId::FeRecovery, "fe_recovery_target_2025", 1.0),
            (
                TargetId::VtiClusters,
                "guideline_target_vti_cluster_count",
                1.0,
            ),
            (
                TargetId::EnergyIntensity,
                "sichuan_energy_intensity_target_14fyp",
                -1.0,
            ),
        ] {
            let row = baseline_row(key).unwrap_or_else(|| panic!("{key}"));
            let v: f64 = row.value.parse().unwrap_or(f64::NAN);
            assert_eq!(spec(id).threshold, v * scale, "{key}");
        }
    }

    #[test]
    fn the_quoted_words_are_in_the_guideline() {
        let text = include_str!("../../../content/guideline-zh.txt");
        for t in TARGETS {
            assert!(
                text.contains(t.quote_zh),
                "{} quote not found verbatim",
                t.key
            );
        }
    }

    /// Series of zeros with `set` applied (series, year, value), scored with the CSV's parameters.
    fn scored(set: &[(S, u16, f64)]) -> Vec<TargetResult> {
        let mut series = vec![[0.0; N_YEARS]; crate::SERIES.len()];
        for &(id, y, v) in set {
            series[id as usize][usize::from(y - FIRST_YEAR)] = v;
        }
        let params: Vec<f64> = crate::params::PARAMS.iter().map(|p| p.value).collect();
        evaluate(&series, &params)
    }

    fn get(r: &[TargetResult], id: TargetId) -> TargetResult {
        *r.iter()
            .find(|t| t.id == id)
            .unwrap_or_else(|| panic!("{id:?}"))
    }

    #[test]
    fn each_target_measures_scores_and_reports_its_margin() {
        let r = scored(&[
            (S::OutputValueTotal, 2025, 5000.0),
            (S::VRecovery, 2025, 0.5712),
            (S::TiRecovery, 2025, 0.34),
            (S::FeRecovery, 2025, 0.755),
            (S::OutputValueVanadium, 2025, 150.0),
            (S::OutputValueTiChemicals, 2025, 100.0),
            (S::OutputValueTiMetal, 2025, 101.0),
            (S::ReoMined, 2020, 100.0),
            (S::ReoMined, 2025, 130.0),
            (S::ReoSeparated, 2020, 100.0),
            (S::ReoSeparated, 2025, 120.0),
            (S::ReoImported, 2025, 777.0),
            (S::EnergyIntensity, 2020, 0.5),
            (S::EnergyIntensity, 2025, 0.42),
        ]);
        let t = get(&r, TargetId::IndustryScale);
        assert_eq!(
            (t.value, t.margin, t.status),
            (5000.0, -1000.0, Status::Missed)
        );
        let t = get(&r, TargetId::VRecovery);
        assert!(
            (t.value - 0.571).abs() < 1e-12,
            "rounded to 0.1 point: {}",
            t.value
        );
        assert!((t.margin - 0.021).abs() < 1e-9);
        assert_eq!(t.status, Status::Met);
        let t = get(&r, TargetId::TiRecovery);
        assert!((t.margin + 0.01).abs() < 1e-9);
        assert_eq!(t.status, Status::Missed);
        let t = get(&r, TargetId::FeRecovery);
        assert!((t.margin - 0.005).abs() < 1e-9);
        assert_eq!(t.status, Status::AtRisk);
        // Two of the three chains above 100亿 (exactly 100 is not above).
        let t = get(&r, TargetId::VtiClusters);
        assert_eq!((t.value, t.margin, t.status), (2.0, 0.0, Status::AtRisk));
        // The smaller of mining (+30 %) and separation (+20 %) growth.
        let t = get(&r, TargetId::ReExpansion);
        assert!((t.value - 0.2).abs() < 1e-12 && (t.margin - 0.2).abs() < 1e-12);
        assert_eq!(t.status, Status::Met);
        let t = get(&r, TargetId::OverseasReBase);
        assert_eq!(
            (t.value, t.threshold, t.status),
            (777.0, None, Status::Unquantified)
        );
        // Energy intensity −16 % against the −14 % threshold: met with 2 points to spare.
        let t = get(&r, TargetId::EnergyIntensity);
        assert!((t.value + 0.16).abs() < 1e-12);
        assert!((t.margin - 0.02).abs() < 1e-12);
        assert_eq!(t.threshold, Some(-0.14));
        assert_eq!(t.status, Status::Met);
    }

    #[test]
    fn carbon_peaks_at_the_first_year_of_the_highest_plateau_and_a_late_fall_is_needed_to_meet() {
        // Rises to 2026, plateaus, falls to 80 % by 2035: peak 2026, met (4 years early, fell > band).
        let mut set: Vec<(S, u16, f64)> = (2020..=2035)
            .map(|y| {
                let v = if y <= 2026 {
                    40.0 + f64::from(y - 2020)
                } else if y <= 2028 {
                    46.0
                } else {
                    46.0 - 1.3 * f64::from(y - 2028)
                };
                (S::Co2Total, y, v)
            })
            .collect();
        let t = get(&scored(&set), TargetId::CarbonPeak);
        assert_eq!((t.value, t.margin, t.status), (2026.0, 4.0, Status::Met));
        // Flat after the peak: at risk.
        for e in set.iter_mut().filter(|e| e.1 > 2026) {
            e.2 = 46.0;
        }
        assert_eq!(
            get(&scored(&set), TargetId::CarbonPeak).status,
            Status::AtRisk
        );
        // Peaking exactly in 2030 and falling after: on time, met.
        let on_time: Vec<(S, u16, f64)> = (2020..=2035)
            .map(|y| {
                let v = if y <= 2030 {
                    f64::from(y)
                } else {
                    2030.0 - 100.0 * f64::from(y - 2030)
                };
                (S::Co2Total, y, v)
            })
            .collect();
        let t = get(&scored(&on_time), TargetId::CarbonPeak);
        assert_eq!((t.value, t.margin, t.status), (2030.0, 0.0, Status::Met));
        // Still rising in 2032: missed.
        let rising: Vec<(S, u16, f64)> = (2020..=2035)
            .map(|y| {
                (
                    S::Co2Total,
                    y,
                    if y <= 2032 { f64::from(y) } else { 2000.0 },
                )
            })
            .collect();
        let t = get(&scored(&rising), TargetId::CarbonPeak);
        assert_eq!(
            (t.value, t.margin, t.status),
            (2032.0, -2.0, Status::Missed)
        );
    }

    #[test]
    fn statuses_and_target_ids_have_stable_keys() {
        assert_eq!(
            [
                Status::Met,
                Status::AtRisk,
                Status::Missed,
                Status::Unquantified
            ]
            .map(Status::key),
            ["met", "at-risk", "missed", "unquantified"]
        );
        for t in TARGETS {
            assert_eq!(TargetId::from_key(t.id.key()), Some(t.id));
        }
        assert_eq!(TargetId::IndustryScale.key(), "industry_scale");
        assert_eq!(TargetId::from_key("nope"), None);
        // A margin exactly at the band is met, just below it at risk, just below zero missed.
        assert_eq!(score(0.02, 0.02), Status::Met);
        assert_eq!(score(0.0199, 0.02), Status::AtRisk);
        assert_eq!(score(0.0, 0.02), Status::AtRisk);
        assert_eq!(score(-0.0001, 0.02), Status::Missed);
    }
}
