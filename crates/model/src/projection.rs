//! The result of one run: every series by year, what the quota cut, which limits bound, the targets scored.
//! Below the chains and [`crate::simulate`], which fills it.

use crate::actuals::RelatedResult;
use crate::ctx::Calibration;
use crate::product::{Product, N_PRODUCTS};
use crate::series::{year_index, SeriesId as S, N_YEARS};
use crate::targets::{TargetId, TargetResult};

/// Which limits bound in a year.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Limits {
    pub iron_ore: bool,
    pub scrap: bool,
    pub ti_concentrate: bool,
    pub energy_quota: bool,
    /// V-Ti furnaces run partly on outside ore: V2O5 follows the local ore.
    pub vanadium_ore: bool,
    /// The BF-slag titanium lever asks for more than the V-Ti furnaces' slag holds.
    pub bf_slag: bool,
    /// The slag feeds (BF slag, non-BF Ti-rich slag) ask for more TiO2 than the chloride plants can make.
    pub chlorination: bool,
    /// The flow-battery lever asks for more V2O5 than Sichuan makes this year: fewer are built.
    pub vrfb_vanadium: bool,
}

/// The result of one run.
#[derive(Clone, Debug, PartialEq)]
pub struct Projection {
    /// `series[SeriesId as usize][year − 2020]`.
    pub series: Vec<[f64; N_YEARS]>,
    /// Share of each product cut by the energy quota, by year.
    pub curtailed: [[f64; N_PRODUCTS]; N_YEARS],
    pub limits: [Limits; N_YEARS],
    pub targets: Vec<TargetResult>,
    /// Other plans' targets (not the guideline's), scored beside it (see [`crate::actuals`]).
    pub related: Vec<RelatedResult>,
    /// Year of peak CO2.
    pub peak_year: u16,
    pub calibration: Calibration,
}

impl Projection {
    pub fn get(&self, id: S) -> &[f64; N_YEARS] {
        &self.series[id as usize]
    }
    /// The value of a series in a year (NaN outside 2020–2035).
    pub fn at(&self, id: S, year: u16) -> f64 {
        year_index(year).map_or(f64::NAN, |i| self.series[id as usize][i])
    }
    pub fn target(&self, id: TargetId) -> Option<&TargetResult> {
        self.targets.iter().find(|t| t.id == id)
    }
    /// Products cut by the energy quota in `year`, with the share cut.
    pub fn curtailed_in(&self, year: u16) -> Vec<(Product, f64)> {
        year_index(year)
            .map(|i| {
                Product::ALL
                    .iter()
                    .filter(|p| self.curtailed[i][**p as usize] > 1e-6)
                    .map(|p| (*p, self.curtailed[i][*p as usize]))
                    .collect()
            })
            .unwrap_or_default()
    }
}
