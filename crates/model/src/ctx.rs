//! What every chain reads: the resolved parameters, the scenario and the 2020 calibration ([`Ctx`]), and how
//! the parameters are resolved for a scenario ([`model_params`]). Below the chains: it imports no chain and
//! not [`crate::simulate`], which builds a `Ctx` and runs the chains with it.

use crate::levers::{ramp, spec as lspec, LeverId};
use crate::params::ParamId as P;
use crate::scenario::Scenario;
use crate::series::FIRST_YEAR;

/// Calibration constants derived from the 2020 base year.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Calibration {
    /// 万t iron concentrate per 万t ore per unit of Fe recovery.
    pub fe_yield: f64,
    /// 万t Ti concentrate per 万t ore per unit of Ti recovery.
    pub ti_yield: f64,
    /// 万t TiO2 contained per 万t ore.
    pub tio2_per_ore: f64,
    /// t V2O5 per 万t local V-Ti concentrate smelted per unit of vanadium recovery, before smelter-side
    /// losses (see [`super::vanadium`]).
    pub v2o5_per_conc: f64,
    pub k: ValueK,
    /// 2020 electricity, 亿kWh (the renewable exemption counts growth above it).
    pub elec_2020: f64,
}

/// What the model functions read: resolved parameters, the scenario and the calibration.
pub struct Ctx<'a> {
    pub(crate) params: Vec<f64>,
    pub s: &'a Scenario,
    pub cal: Calibration,
}

impl Ctx<'_> {
    #[inline]
    pub fn p(&self, id: P) -> f64 {
        self.params[id as usize]
    }
    /// A lever's value in `year`, phased in from its 2020 level (see [`super::levers`]).
    ///
    /// With a later policy start year `S`, years before `S` follow the reference path (history) and the
    /// lever phases in from the reference's value in `S − 1` over its own span (`target_year − 2020` years).
    /// A lever with a schedule of its own ([`crate::scenario::Schedule`]) phases in from its start year to its
    /// full-effect year instead; without one the same formula runs with the default schedule, which is the
    /// code path below (kept as it was, so a scenario without schedules is bit-identical).
    #[inline]
    pub fn lever(&self, id: LeverId, year: u16) -> f64 {
        let l = lspec(id);
        let x = self.s.get(id);
        let base = l.base_param.map_or(l.base, |(p, scale)| self.p(p) * scale);
        let start = self.s.start_year();
        // The reference path: what happened (or would have) without this scenario's policy.
        let reference = |y: u16| {
            if l.is_switch() {
                if y > FIRST_YEAR {
                    l.default
                } else {
                    base
                }
            } else {
                base + (l.default - base) * ramp(y, l.target_year)
            }
        };
        if self.s.schedule(id).is_some() {
            let sch = self.s.effective_schedule(id);
            if year < sch.start {
                return reference(year);
            }
            if l.is_switch() {
                return x;
            }
            let from = reference(sch.start - 1);
            let f =
                (f64::from(year + 1 - sch.start) / f64::from(sch.full + 1 - sch.start)).min(1.0);
            return from + (x - from) * f;
        }
        if start <= FIRST_YEAR {
            if l.is_switch() {
                return if year > FIRST_YEAR { x } else { base };
            }
            return base + (x - base) * ramp(year, l.target_year);
        }
        if year < start {
            return reference(year);
        }
        if l.is_switch() {
            return x;
        }
        let from = reference(start - 1);
        let span = l.target_year.saturating_sub(FIRST_YEAR).max(1);
        from + (x - from) * ramp(FIRST_YEAR + (year + 1 - start), FIRST_YEAR + span)
    }

    /// The year a lever's plan takes effect: its schedule's start when it has one of its own, else the policy
    /// start year.
    #[inline]
    pub fn plan_start(&self, id: LeverId) -> u16 {
        if self.s.schedule(id).is_some() {
            self.s.effective_schedule(id).start
        } else {
            self.s.start_year()
        }
    }

    /// The value a lever's plan aims at, as in force in `year`: the scenario's value from the policy start
    /// year on, the reference's before it. For a choice that belongs to a phased plan rather than being
    /// phased itself (which furnaces a swap retires): the plan phases in as one schedule.
    #[inline]
    pub fn lever_plan(&self, id: LeverId, year: u16) -> f64 {
        if year < self.plan_start(id) {
            lspec(id).default
        } else {
            self.s.get(id)
        }
    }
}

/// Calibration multipliers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ValueK {
    pub steel: f64,
    pub v: f64,
    pub ti: f64,
    pub re: f64,
}

impl ValueK {
    pub const ONE: ValueK = ValueK {
        steel: 1.0,
        v: 1.0,
        ti: 1.0,
        re: 1.0,
    };
}

/// The scenario's parameters as the model uses them: overrides applied, then the calibration re-solved for
/// this parameter set, so that 2020 reproduces what happened whatever an uncertain parameter's value:
/// - EAF utilisation is derived so 2020 reproduces 2020 crude steel (a FACT):
///   `u_eaf = (crude₂₀₂₀ − (K_vti + K_oth)·u_bof) / K_eaf` (0.775 with the CSV values); where the EAFs could
///   not make the rest even at full utilisation, they run full and the BF-BOF utilisation rises instead;
/// - the EAF scrap rate is capped so 2020's converters and EAFs need no more scrap than 2020's supply (the
///   rest of the EAF charge was hot metal or pig iron, as Chinese EAFs charge).
///
/// The quota's 2020 level is re-solved in [`crate::simulate()`], once the base year's energy is known.
pub fn model_params(s: &Scenario) -> Vec<f64> {
    let mut params = s.resolved_params();
    let v = |params: &[f64], id: P| params[id as usize];
    let k_bof = v(&params, P::VtiBofCap2020) + v(&params, P::OtherBofCap2020);
    let (crude, k_eaf) = (v(&params, P::CrudeSteel2020), v(&params, P::EafCap2020));
    let mut u_bof = v(&params, P::BofUtil);
    let mut eaf_util = (crude - k_bof * u_bof) / k_eaf;
    if eaf_util > 1.0 && k_bof > 0.0 {
        eaf_util = 1.0;
        u_bof = ((crude - k_eaf) / k_bof).clamp(0.0, 1.0);
    }
    let eaf_util = eaf_util.clamp(0.0, 1.0);
    params[P::BofUtil as usize] = u_bof;
    params[P::EafUtil as usize] = eaf_util;
    let (bof, eaf) = (k_bof * u_bof, k_eaf * eaf_util);
    let need = bof * v(&params, P::ScrapPerBof) + eaf * v(&params, P::ScrapPerEaf);
    if need > v(&params, P::Scrap2020) && eaf > 0.0 {
        let rate = (v(&params, P::Scrap2020) - bof * v(&params, P::ScrapPerBof)) / eaf;
        params[P::ScrapPerEaf as usize] = rate.max(0.0);
    }
    params
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::levers::LEVERS;
    use crate::scenario::Schedule;
    use crate::series::years;

    #[test]
    fn the_schedule_formula_with_the_default_schedule_is_the_old_path_bit_for_bit() {
        for start in [2020, 2022, 2026, 2030] {
            let mut s = Scenario::reference();
            s.set_start_year(start);
            for l in LEVERS.iter().filter(|l| !l.id.is_price()) {
                s.set(l.id, l.max);
                let mut forced = s.clone();
                forced.force_schedule(l.id, s.default_schedule(l.id));
                let (a, b) = (Ctx::for_test(&s), Ctx::for_test(&forced));
                for y in years() {
                    assert_eq!(
                        a.lever(l.id, y).to_bits(),
                        b.lever(l.id, y).to_bits(),
                        "{} from {start} in {y}",
                        l.key
                    );
                    // (A plan choice in the base year does nothing: no swap and no mine in 2020.)
                    if y > FIRST_YEAR {
                        assert_eq!(a.lever_plan(l.id, y), b.lever_plan(l.id, y), "{}", l.key);
                    }
                }
            }
        }
    }

    #[test]
    fn a_scheduled_lever_follows_the_reference_then_phases_in_linearly_to_its_full_year() {
        let mut s = Scenario::reference();
        s.set(LeverId::EafSwap, 600.0);
        s.set_schedule(LeverId::EafSwap, 2026, 2028);
        let c = Ctx::for_test(&s);
        let r = Scenario::reference();
        let cr = Ctx::for_test(&r);
        for y in years() {
            let v = c.lever(LeverId::EafSwap, y);
            match y {
                ..=2025 => assert_eq!(v, cr.lever(LeverId::EafSwap, y), "{y}: the reference"),
                2026 => assert_eq!(v, 200.0),
                2027 => assert_eq!(v, 400.0),
                _ => assert_eq!(v, 600.0, "{y}: full from 2028"),
            }
        }
        // A switch acts from its start year.
        let mut s = Scenario::reference();
        s.set(LeverId::RenewableExemption, 0.0);
        s.set_schedule(LeverId::RenewableExemption, 2027, 2027);
        let c = Ctx::for_test(&s);
        assert_eq!(c.lever(LeverId::RenewableExemption, 2026), 1.0);
        assert_eq!(c.lever(LeverId::RenewableExemption, 2027), 0.0);
        // A plan choice (which furnaces) takes effect with its own schedule's start.
        let mut s = Scenario::reference();
        s.set(LeverId::SwapVtiShare, 1.0);
        s.set_schedule(LeverId::SwapVtiShare, 2024, 2024);
        let c = Ctx::for_test(&s);
        assert_eq!(c.lever_plan(LeverId::SwapVtiShare, 2023), 0.0);
        assert_eq!(c.lever_plan(LeverId::SwapVtiShare, 2024), 1.0);
        let _ = Schedule {
            start: 2024,
            full: 2024,
        };
    }

    /// The 2020 steel and scrap figures model_params solves from: (BF-BOF capacity, EAF capacity, BF-BOF
    /// utilisation, scrap per t of BF-BOF steel, scrap per t of EAF steel).
    fn steel_2020(s: &Scenario) -> (f64, f64, f64, f64, f64) {
        let p = |id: P| s.param(id);
        (
            p(P::VtiBofCap2020) + p(P::OtherBofCap2020),
            p(P::EafCap2020),
            p(P::BofUtil),
            p(P::ScrapPerBof),
            p(P::ScrapPerEaf),
        )
    }

    #[test]
    fn when_the_eafs_at_full_use_cannot_make_the_rest_of_2020_steel_the_bf_bof_utilisation_rises() {
        let mut s = Scenario::reference();
        let (k_bof, k_eaf, u_bof, _, _) = steel_2020(&s);
        // Half-way between what the BF-BOFs at their utilisation plus every EAF make and what all make at full use.
        let crude = k_bof * u_bof + k_eaf + 0.5 * k_bof * (1.0 - u_bof);
        s.set_param_mutated(P::CrudeSteel2020, crude);
        let params = model_params(&s);
        let (u_bof2, u_eaf2) = (params[P::BofUtil as usize], params[P::EafUtil as usize]);
        assert_eq!(u_eaf2, 1.0, "the EAFs run full");
        assert!(
            u_bof2 > u_bof,
            "BF-BOF utilisation {u_bof2} above the parameter's {u_bof}"
        );
        assert!(
            (k_bof * u_bof2 + k_eaf * u_eaf2 - crude).abs() < 1e-9 * crude,
            "the parts make 2020's {crude}: {} + {}",
            k_bof * u_bof2,
            k_eaf * u_eaf2
        );
        // Where the EAFs can make the rest, the BF-BOF utilisation is the parameter's and the EAFs' is solved.
        let s = Scenario::reference();
        let params = model_params(&s);
        let crude = s.param(P::CrudeSteel2020);
        assert_eq!(params[P::BofUtil as usize], u_bof);
        let u_eaf = params[P::EafUtil as usize];
        assert!(u_eaf > 0.0 && u_eaf < 1.0, "{u_eaf}");
        assert!((k_bof * u_bof + k_eaf * u_eaf - crude).abs() < 1e-9 * crude);
    }

    #[test]
    fn with_no_bf_bof_capacity_in_2020_the_eafs_run_full_and_nothing_is_divided_by_zero() {
        let mut s = Scenario::reference();
        s.set_param_mutated(P::VtiBofCap2020, 0.0);
        s.set_param_mutated(P::OtherBofCap2020, 0.0);
        let params = model_params(&s);
        assert!(
            params.iter().all(|v| v.is_finite()),
            "every parameter finite"
        );
        assert_eq!(params[P::EafUtil as usize], 1.0);
        assert_eq!(params[P::BofUtil as usize], s.param(P::BofUtil));
    }

    #[test]
    fn the_eaf_scrap_rate_is_kept_while_2020_supply_covers_the_need_and_cut_to_the_supply_when_it_does_not(
    ) {
        let s = Scenario::reference();
        let (k_bof, k_eaf, _, per_bof, per_eaf) = steel_2020(&s);
        let base = model_params(&s);
        let (bof, eaf) = (
            k_bof * base[P::BofUtil as usize],
            k_eaf * base[P::EafUtil as usize],
        );
        let need = bof * per_bof + eaf * per_eaf;
        // Supply just above the need: the rate is the parameter's.
        let mut s = Scenario::reference();
        s.set_param_mutated(P::Scrap2020, need * 1.01);
        assert_eq!(model_params(&s)[P::ScrapPerEaf as usize], per_eaf);
        // Supply below it: the EAFs get what the converters leave, and 2020's need is the supply.
        let supply = need * 0.8;
        let mut s = Scenario::reference();
        s.set_param_mutated(P::Scrap2020, supply);
        let rate = model_params(&s)[P::ScrapPerEaf as usize];
        assert!(rate < per_eaf, "{rate} below {per_eaf}");
        assert!(
            (bof * per_bof + eaf * rate - supply).abs() < 1e-9 * supply,
            "2020's scrap need {} is the supply {supply}",
            bof * per_bof + eaf * rate
        );
        // No EAF steel in 2020 (the BF-BOFs made it all): nothing to learn of the EAF rate from 2020, so it is
        // kept, even when the converters alone need more than the supply.
        let mut s = Scenario::reference();
        s.set_param_mutated(P::CrudeSteel2020, bof * 0.9);
        s.set_param_mutated(P::Scrap2020, bof * per_bof * 0.5);
        let params = model_params(&s);
        assert_eq!(params[P::EafUtil as usize], 0.0);
        assert_eq!(params[P::ScrapPerEaf as usize], per_eaf);
    }
}
