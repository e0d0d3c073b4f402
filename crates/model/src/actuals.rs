//! History beside the projection: published 2018–2025 figures (`data/actuals.csv`, the shared data set's
//! `actuals.csv` copied as it is), how each compares with a model series (`data/actuals_map.csv`), and other
//! plans' targets scored as related targets (`data/related_targets.csv`).
//!
//! A published figure compares with a model series on one of three bases, and nothing else is presented as
//! comparable: `same` (the same Sichuan quantity), `part` (a part of it: Panxi or Panzhihua, one company,
//! company sales, a half year — the note says which) and `national` (China's total, for Sichuan's share).
//! Units are converted explicitly by the map's `factor` (e.g. Mt × 100 → 万吨).

use crate::csv_line::split_line;
use crate::series::{SeriesId, FIRST_YEAR, LAST_YEAR};
use crate::targets::Status;
use crate::text::Text;

const ACTUALS_CSV: &str = include_str!("../data/actuals.csv");
const MAP_CSV: &str = include_str!("../data/actuals_map.csv");
const RELATED_CSV: &str = include_str!("../data/related_targets.csv");

/// What a published figure is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// Sichuan, Panxi or Pangang.
    Actual,
    /// National or regional context.
    Context,
    /// Another plan's target, not an observation.
    Target,
}

/// How a published figure compares with the model's Sichuan series.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Basis {
    Same,
    Part,
    National,
}

impl Basis {
    pub fn key(self) -> &'static str {
        match self {
            Basis::Same => "same",
            Basis::Part => "part",
            Basis::National => "national",
        }
    }
    pub fn label(self) -> Text {
        match self {
            Basis::Same => Text::new("同口径", "same quantity"),
            Basis::Part => Text::new("部分口径（见说明）", "part of it (see note)"),
            Basis::National => Text::new("全国", "national"),
        }
    }
}

/// One published figure.
#[derive(Clone, Debug, PartialEq)]
pub struct Actual {
    pub key: String,
    pub year: u16,
    pub value: f64,
    pub unit: String,
    /// FACT or DERIVED.
    pub kind: String,
    pub role: Role,
    pub source: String,
    pub note: String,
    /// The model series it compares with, the factor to the series' unit and the basis.
    pub series: Option<(SeriesId, f64, Basis)>,
}

impl Actual {
    /// The value in the compared series' unit.
    pub fn in_series_unit(&self) -> Option<f64> {
        self.series.map(|(_, f, _)| self.value * f)
    }
}

fn rows(text: &'static str, file: &str, columns: usize) -> Result<Vec<Vec<String>>, String> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate().skip(1) {
        if line.trim().is_empty() {
            continue;
        }
        let f = split_line(line).map_err(|e| format!("{file}:{}: {e}", i + 1))?;
        if f.len() != columns {
            return Err(format!(
                "{file}:{}: {} fields, want {columns}",
                i + 1,
                f.len()
            ));
        }
        out.push(f);
    }
    Ok(out)
}

fn number(s: &str, at: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(v),
        _ => Err(format!("{at}: {s:?} is not a number")),
    }
}

/// Every published figure, with the model series it compares with where there is one.
pub fn actuals() -> Result<Vec<Actual>, String> {
    let mut map = Vec::new();
    for f in rows(MAP_CSV, "actuals_map.csv", 7)? {
        let series = SeriesId::from_key(&f[2])
            .ok_or_else(|| format!("actuals_map.csv: unknown series {:?}", f[2]))?;
        let basis = match f[4].as_str() {
            "same" => Basis::Same,
            "part" => Basis::Part,
            "national" => Basis::National,
            b => return Err(format!("actuals_map.csv: unknown basis {b:?}")),
        };
        map.push((
            f[0].clone(),
            f[1].clone(),
            (series, number(&f[3], "actuals_map.csv")?, basis),
        ));
    }
    let mut out = Vec::new();
    for f in rows(ACTUALS_CSV, "actuals.csv", 8)? {
        let role = match f[5].as_str() {
            "actual" => Role::Actual,
            "context" => Role::Context,
            "target" => Role::Target,
            r => return Err(format!("actuals.csv: {}: unknown role {r:?}", f[0])),
        };
        let year: u16 = f[3]
            .parse()
            .map_err(|_| format!("actuals.csv: {}: bad year {:?}", f[0], f[3]))?;
        let series = map
            .iter()
            .find(|(k, u, _)| *k == f[0] && *u == f[2])
            .map(|(_, _, s)| *s);
        out.push(Actual {
            key: f[0].clone(),
            year,
            value: number(&f[1], &format!("actuals.csv: {}", f[0]))?,
            unit: f[2].clone(),
            kind: f[4].clone(),
            role,
            source: f[6].clone(),
            note: f[7].clone(),
            series,
        });
    }
    // Every map row must find its figure: a renamed key would silently drop a comparison.
    let keys: Vec<(String, String)> = map.iter().map(|(k, u, _)| (k.clone(), u.clone())).collect();
    if let Some(e) = unmatched(&keys, &out) {
        return Err(e);
    }
    Ok(out)
}

/// The first map row (key, unit) with no published figure of that key in that unit, as an error.
fn unmatched(map: &[(String, String)], figures: &[Actual]) -> Option<String> {
    map.iter()
        .find(|(k, u)| !figures.iter().any(|a| a.key == *k && a.unit == *u))
        .map(|(k, u)| format!("actuals_map.csv: no row {k} in {u} in actuals.csv"))
}

/// Published figures that fall on a model series inside the projection window.
pub fn on_series(id: SeriesId) -> Vec<Actual> {
    actuals()
        .unwrap_or_default()
        .into_iter()
        .filter(|a| {
            a.role != Role::Target
                && a.series.is_some_and(|(s, _, _)| s == id)
                && (FIRST_YEAR..=LAST_YEAR).contains(&a.year)
        })
        .collect()
}

/// A published Sichuan figure measuring exactly what a series measures (basis `same`, role `actual`) in
/// `year`, in the series' unit: the history a scenario with a later policy start follows.
pub fn history(id: SeriesId, year: u16) -> Option<f64> {
    HISTORY_GEN
        .iter()
        .find(|(k, y, _)| *y == year && *k == id.key())
        .map(|(_, _, v)| *v)
}

/// One row of the validation table: the model (a projection) against a published Sichuan figure.
#[derive(Clone, Debug, PartialEq)]
pub struct Check {
    pub actual: Actual,
    pub series: SeriesId,
    pub basis: Basis,
    /// The published figure in the series' unit.
    pub published: f64,
    pub model: f64,
    /// `model / published − 1` for a Sichuan figure (same quantity or a part of it); `None` for a national one.
    pub error: Option<f64>,
    /// Sichuan's share of a national figure, `model / published`; `None` otherwise.
    pub share: Option<f64>,
}

/// Model against every published Sichuan figure (same quantity or a part of it) in 2020–2035, and
/// Sichuan's share of every national figure.
pub fn validation(p: &crate::Projection) -> Vec<Check> {
    let mut out = Vec::new();
    for a in actuals().unwrap_or_default() {
        let (Some((series, _, basis)), Some(published)) = (a.series, a.in_series_unit()) else {
            continue;
        };
        if a.role == Role::Target || !(FIRST_YEAR..=LAST_YEAR).contains(&a.year) {
            continue;
        }
        let model = p.at(series, a.year);
        let ratio = (published != 0.0).then(|| model / published);
        out.push(Check {
            series,
            basis,
            published,
            model,
            error: ratio.filter(|_| basis != Basis::National).map(|r| r - 1.0),
            share: ratio.filter(|_| basis == Basis::National),
            actual: a,
        });
    }
    out
}

/// What a related target measures.
#[derive(Clone, Debug, PartialEq)]
pub enum Measure {
    /// The sum of these series in the target's year.
    Series(Vec<SeriesId>),
    /// A lever's value in the target's year.
    Lever(crate::LeverId),
}

/// Another plan's target (not the guideline's), scored beside the guideline's own.
#[derive(Clone, Debug, PartialEq)]
pub struct RelatedTarget {
    pub id: String,
    pub year: u16,
    /// In the measure's unit.
    pub threshold: f64,
    pub measure: Measure,
    pub label: (String, String),
    pub measure_text: (String, String),
    /// The plan it comes from, briefly (zh, en).
    pub plan: (String, String),
    /// The published row it comes from (source, quoted note).
    pub source: Actual,
}

/// Other plans' targets from `data/related_targets.csv`.
pub fn related_targets() -> Result<Vec<RelatedTarget>, String> {
    let all = actuals()?;
    let mut out = Vec::new();
    for f in rows(RELATED_CSV, "related_targets.csv", 10)? {
        let a = all
            .iter()
            .find(|a| a.key == f[1] && a.role == Role::Target)
            .ok_or_else(|| format!("related_targets.csv: {}: no target row {}", f[0], f[1]))?;
        let measure = if let Some(l) = f[3].strip_prefix("lever:") {
            Measure::Lever(
                crate::LeverId::from_key(l)
                    .ok_or_else(|| format!("related_targets.csv: unknown lever {l}"))?,
            )
        } else {
            Measure::Series(
                f[3].split('+')
                    .map(|k| {
                        SeriesId::from_key(k)
                            .ok_or_else(|| format!("related_targets.csv: unknown series {k}"))
                    })
                    .collect::<Result<_, _>>()?,
            )
        };
        if !(FIRST_YEAR..=LAST_YEAR).contains(&a.year) {
            return Err(format!(
                "related_targets.csv: {}: year {} outside the projection",
                f[0], a.year
            ));
        }
        out.push(RelatedTarget {
            id: f[0].clone(),
            year: a.year,
            threshold: a.value * number(&f[2], "related_targets.csv")?,
            measure,
            label: (f[4].clone(), f[5].clone()),
            measure_text: (f[6].clone(), f[7].clone()),
            plan: (f[8].clone(), f[9].clone()),
            source: a.clone(),
        });
    }
    Ok(out)
}

/// A related target scored: met when the measure reaches the threshold, at risk within 5 % below it.
#[derive(Clone, Debug, PartialEq)]
pub struct RelatedResult {
    pub id: String,
    pub year: u16,
    pub value: f64,
    pub threshold: f64,
    pub status: Status,
}

/// One related target as the app needs it (generated by build.rs from `related_targets.csv` and the
/// target rows of `actuals.csv`, so their notes stay out of the wasm).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RelatedGen {
    pub id: &'static str,
    pub year: u16,
    /// In the measure's unit.
    pub threshold: f64,
    /// `a+b` series keys or `lever:key`.
    pub measure: &'static str,
    pub label: Text,
    pub measure_text: Text,
    /// The plan it comes from, briefly.
    pub source: Text,
    /// The published target row (`actuals.csv` key).
    pub actual_key: &'static str,
}

/// A published figure (not a target) on a model series in 2020–2035, as the charts need it (generated by
/// build.rs from `actuals.csv` and `actuals_map.csv`, so the sources and quoted notes stay out of the wasm).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PublishedGen {
    /// The series key.
    pub series: &'static str,
    pub year: u16,
    /// In the series' unit.
    pub value: f64,
    pub basis: Basis,
    /// What the figure is, briefly: whose figure, and whether it is sales, a half year or national
    /// (`note_zh`/`note_en` of `actuals_map.csv`).
    pub note: Text,
}

/// The published figures on a series, in `PUBLISHED_GEN` order.
pub fn published(id: SeriesId) -> impl Iterator<Item = &'static PublishedGen> {
    PUBLISHED_GEN.iter().filter(move |g| g.series == id.key())
}

include!(concat!(env!("OUT_DIR"), "/actuals_gen.rs"));

/// The value a related target's measure takes in its year.
fn measure_value(
    t: &RelatedGen,
    series: &[[f64; crate::series::N_YEARS]],
    lever: &impl Fn(crate::LeverId, u16) -> f64,
) -> f64 {
    let Some(i) = crate::series::year_index(t.year) else {
        return f64::NAN;
    };
    if let Some(l) = t.measure.strip_prefix("lever:") {
        return crate::LeverId::from_key(l).map_or(f64::NAN, |l| lever(l, t.year));
    }
    t.measure
        .split('+')
        .map(|k| SeriesId::from_key(k).map_or(f64::NAN, |s| series[s as usize][i]))
        .sum()
}

/// Scores related targets; `lever(id, year)` gives a lever's phased-in value.
pub fn score_related(
    series: &[[f64; crate::series::N_YEARS]],
    lever: impl Fn(crate::LeverId, u16) -> f64,
) -> Vec<RelatedResult> {
    RELATED_GEN
        .iter()
        .map(|t| {
            let value = measure_value(t, series, &lever);
            let status = if value >= t.threshold - 1e-9 * t.threshold.abs() {
                Status::Met
            } else if value >= 0.95 * t.threshold {
                Status::AtRisk
            } else {
                Status::Missed
            };
            RelatedResult {
                id: t.id.to_string(),
                year: t.year,
                value,
                threshold: t.threshold,
                status,
            }
        })
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::{simulate, Scenario};

    #[test]
    fn every_row_parses_and_every_map_row_finds_its_figure() {
        let a = actuals().unwrap();
        assert!(a.len() >= 100, "{}", a.len());
        assert!(a.iter().filter(|x| x.series.is_some()).count() >= 30);
    }

    #[test]
    fn converted_figures_land_in_the_series_unit() {
        let a = actuals().unwrap();
        let find = |k: &str, y: u16| {
            a.iter()
                .find(|x| x.key == k && x.year == y)
                .and_then(Actual::in_series_unit)
                .unwrap()
        };
        // 27.33 Mt of Sichuan crude steel in 2019 is 2,733万吨; 247,400 t of TiO2 is 24.74万吨.
        assert!((find("sc_crude_steel", 2019) - 2733.0).abs() < 1e-9);
        assert!((find("pgvt_tio2_sales", 2021) - 24.74).abs() < 1e-9);
        assert!((find("cn_tio2_pigment_output", 2022) - 386.1).abs() < 1e-9);
    }

    #[test]
    fn the_validation_table_compares_like_with_like_and_reports_the_error() {
        let p = simulate(&Scenario::reference());
        let v = validation(&p);
        let grid = v
            .iter()
            .find(|c| c.actual.key == "sc_grid_avg_co2_factor" && c.actual.year == 2022)
            .unwrap();
        assert_eq!(grid.basis, Basis::Same);
        assert!((grid.published - 0.1404).abs() < 1e-12);
        assert!((grid.error.unwrap() - (grid.model / 0.1404 - 1.0)).abs() < 1e-12);
        assert_eq!(grid.share, None);
        // A national figure gives Sichuan's share, not an error.
        let quota = v
            .iter()
            .find(|c| c.actual.key == "cn_re_mining_quota" && c.actual.year == 2020)
            .unwrap();
        assert_eq!(quota.error, None);
        assert!((quota.share.unwrap() - 35000.0 / 140000.0).abs() < 1e-12);
        // Targets are not observations, and years outside 2020–2035 are left out.
        assert!(v.iter().all(|c| c.actual.role != Role::Target));
        assert!(v.iter().all(|c| c.actual.year >= 2020));
    }

    #[test]
    fn related_targets_read_their_thresholds_from_the_published_rows() {
        let r = related_targets().unwrap();
        let t = |id: &str| r.iter().find(|x| x.id == id).unwrap();
        assert_eq!(
            (t("pzh_vti_value").year, t("pzh_vti_value").threshold),
            (2026, 650.0)
        );
        assert_eq!(
            (t("re_scale").year, t("re_scale").threshold),
            (2027, 1000.0)
        );
        assert!((t("tio2_capacity").threshold - 120.0).abs() < 1e-9);
        assert!((t("v2o5_capacity").threshold - 100_000.0).abs() < 1e-9);
        assert!((t("vti_base_value").threshold - 2000.0).abs() < 1e-9);
    }

    #[test]
    fn bases_have_stable_keys_and_a_non_finite_figure_is_refused() {
        assert_eq!(
            [Basis::Same, Basis::Part, Basis::National].map(Basis::key),
            ["same", "part", "national"]
        );
        assert!(number("inf", "x").is_err());
        assert!(number("NaN", "x").is_err());
        assert_eq!(number(" 2.5 ", "x"), Ok(2.5));
    }

    #[test]
    fn a_figure_maps_to_a_series_only_by_its_own_key_and_unit() {
        let a = actuals().unwrap();
        let series_of = |k: &str| a.iter().find(|x| x.key == k).and_then(|x| x.series);
        // China's vanadium in 万吨 shares a unit with Sichuan's crude steel row but maps to nothing.
        assert_eq!(series_of("cn_vanadium_output"), None);
        assert_eq!(series_of("pgvt_revenue"), None);
        assert_eq!(
            series_of("cn_re_mining_quota"),
            Some((SeriesId::ReoMined, 1.0, Basis::National))
        );
    }

    #[test]
    fn on_series_lists_observations_in_the_window_never_targets() {
        let grid = on_series(SeriesId::GridFactor);
        let mut keys: Vec<(String, u16)> = grid.iter().map(|a| (a.key.clone(), a.year)).collect();
        keys.sort();
        assert_eq!(
            keys,
            [
                ("cn_grid_avg_co2_factor".to_string(), 2021),
                ("cn_grid_avg_co2_factor".to_string(), 2022),
                ("sc_grid_avg_co2_factor".to_string(), 2021),
                ("sc_grid_avg_co2_factor".to_string(), 2022),
            ]
        );
        // Sichuan crude steel was published for 2018 and 2019 only: outside 2020–2035.
        let steel = on_series(SeriesId::CrudeSteelTotal);
        assert!(steel
            .iter()
            .all(|a| a.year >= 2020 && a.key != "sc_crude_steel"));
        assert!(steel.iter().any(|a| a.key == "cn_crude_steel"));
        assert!(
            on_series(SeriesId::OutputValueTotal).is_empty(),
            "targets are not observations"
        );
        assert_eq!(history(SeriesId::GridFactor, 2022), Some(0.1404));
        assert_eq!(history(SeriesId::GridFactor, 2023), None);
        assert_eq!(
            history(SeriesId::CrudeSteelTotal, 2021),
            None,
            "national is not history"
        );
    }

    #[test]
    fn related_targets_are_met_at_the_threshold_at_risk_within_5_percent_and_missed_below() {
        let targets = related_targets().unwrap();
        let re = targets.iter().find(|t| t.id == "re_scale").unwrap();
        let i = usize::from(re.year - FIRST_YEAR);
        let score_at = |v: f64| {
            let mut series = vec![[0.0; crate::series::N_YEARS]; crate::SERIES.len()];
            series[SeriesId::OutputValueRareEarth as usize][i] = v;
            score_related(&series, |_, _| 0.0)
                .into_iter()
                .find(|r| r.id == "re_scale")
                .unwrap()
        };
        assert_eq!(score_at(1000.0).status, Status::Met);
        assert_eq!(score_at(1200.0).status, Status::Met);
        assert_eq!(score_at(960.0).status, Status::AtRisk);
        assert_eq!(score_at(950.0).status, Status::AtRisk);
        assert_eq!(score_at(940.0).status, Status::Missed);
        assert_eq!(score_at(960.0).value, 960.0);
        assert_eq!(score_at(960.0).threshold, 1000.0);
        // A lever measure reads the lever in the target's year; a sum of series adds them.
        let by_lever = score_related(
            &vec![[0.0; crate::series::N_YEARS]; crate::SERIES.len()],
            |l, y| {
                if l == crate::LeverId::Tio2Capacity && y == 2025 {
                    130.0
                } else {
                    0.0
                }
            },
        );
        let tio2 = by_lever.iter().find(|r| r.id == "tio2_capacity").unwrap();
        assert_eq!((tio2.value, tio2.status), (130.0, Status::Met));
        let mut series = vec![[0.0; crate::series::N_YEARS]; crate::SERIES.len()];
        let j = usize::from(2026 - FIRST_YEAR);
        series[SeriesId::OutputValueVanadium as usize][j] = 400.0;
        series[SeriesId::OutputValueTitanium as usize][j] = 300.0;
        let pzh = score_related(&series, |_, _| 0.0)
            .into_iter()
            .find(|r| r.id == "pzh_vti_value")
            .unwrap();
        assert_eq!((pzh.value, pzh.status), (700.0, Status::Met));
        assert_eq!(score_related(&series, |_, _| 0.0).len(), targets.len());
    }

    #[test]
    fn the_generated_tables_agree_with_the_csv_and_every_measure_resolves() {
        let full = related_targets().unwrap();
        assert_eq!(full.len(), RELATED_GEN.len());
        for (f, g) in full.iter().zip(RELATED_GEN) {
            assert_eq!((f.id.as_str(), f.year), (g.id, g.year));
            assert!((f.threshold - g.threshold).abs() < 1e-9, "{}", g.id);
            assert_eq!(f.source.key, g.actual_key);
            assert_eq!(
                (f.plan.0.as_str(), f.plan.1.as_str()),
                (g.source.get(crate::Lang::Zh), g.source.get(crate::Lang::En))
            );
        }
        let series = vec![[1.0; crate::series::N_YEARS]; crate::SERIES.len()];
        for g in RELATED_GEN {
            assert!(
                measure_value(g, &series, &|_, _| 1.0).is_finite(),
                "{}",
                g.id
            );
        }
        // Every published figure on a series in the window is in the charts' table, once, in the series'
        // unit and with its basis, and nothing else is.
        let mut on = 0;
        for sp in crate::SERIES {
            for a in on_series(sp.id) {
                let (_, _, basis) = a.series.unwrap();
                let v = a.in_series_unit().unwrap();
                let found: Vec<_> = published(sp.id)
                    .filter(|g| {
                        g.year == a.year
                            && g.basis == basis
                            && (g.value - v).abs() < 1e-9 * v.abs().max(1.0)
                    })
                    .collect();
                assert_eq!(found.len(), 1, "{} {}", a.key, a.year);
                // Company sales and half-year figures say so in both languages.
                let (zh, en) = (
                    found[0].note.get(crate::Lang::Zh),
                    found[0].note.get(crate::Lang::En),
                );
                if a.key.ends_with("_sales") {
                    assert!(zh.contains("销量") && en.contains("sales"), "{}", a.key);
                }
                if a.key.ends_with("_h1") {
                    assert!(zh.contains("上半年") && en.contains("H1"), "{}", a.key);
                }
                if a.key.ends_with("_q1") {
                    assert!(zh.contains("一季度") && en.contains("Q1"), "{}", a.key);
                }
                if basis == Basis::National {
                    assert!(zh.contains("全国") && en.contains("China"), "{}", a.key);
                }
                on += 1;
            }
        }
        assert_eq!(on, PUBLISHED_GEN.len());
        for g in PUBLISHED_GEN {
            assert!(SeriesId::from_key(g.series).is_some(), "{}", g.series);
            assert!(
                !g.note.get(crate::Lang::Zh).is_empty() && !g.note.get(crate::Lang::En).is_empty()
            );
        }
        let same: Vec<_> = validation(&simulate(&Scenario::reference()))
            .into_iter()
            .filter(|c| c.basis == Basis::Same && c.actual.role == Role::Actual)
            .map(|c| (c.series.key(), c.actual.year, c.published))
            .collect();
        assert_eq!(same.len(), HISTORY_GEN.len());
        for h in HISTORY_GEN {
            assert!(same
                .iter()
                .any(|s| s.0 == h.0 && s.1 == h.1 && (s.2 - h.2).abs() < 1e-12));
        }
    }

    #[test]
    fn a_map_row_whose_figure_is_missing_or_in_another_unit_is_an_error() {
        let figures = actuals().unwrap();
        let row = |k: &str, u: &str| vec![(k.to_string(), u.to_string())];
        assert_eq!(unmatched(&row("sc_crude_steel", "Mt"), &figures), None);
        assert!(
            unmatched(&row("sc_crude_steel", "kt"), &figures).is_some(),
            "wrong unit"
        );
        assert!(
            unmatched(&row("no_such_key", "Mt"), &figures).is_some(),
            "renamed key"
        );
    }
}
