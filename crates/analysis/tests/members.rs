//! Every ensemble member is a valid scenario whose projection is finite, non-negative where it must be, and
//! within its parameters' ranges — at the reference and at the lever extremes.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use vtre_analysis::Ensemble;
use vtre_model::series::SeriesId as S;
use vtre_model::{simulate, Scenario, LEVERS, SERIES};

fn ends(at_max: bool) -> Scenario {
    let mut s = Scenario::reference();
    for l in LEVERS {
        s.set(l.id, if at_max { l.max } else { l.min });
    }
    s
}

#[test]
fn every_member_of_an_ensemble_projects_finite_physical_numbers() {
    for (name, base) in [
        ("reference", Scenario::reference()),
        ("all-min", ends(false)),
        ("all-max", ends(true)),
    ] {
        let e = Ensemble::new(&base, 120, 7);
        for i in 0..120 {
            let m = e.member(i).unwrap();
            for (id, v) in m.overrides() {
                let p = vtre_model::params::spec(*id);
                assert!(
                    p.low <= *v && *v <= p.high,
                    "{name} member {i}: {id:?} = {v}"
                );
            }
            let p = simulate(&m);
            for sp in SERIES {
                for (y, v) in p.series[sp.id as usize].iter().enumerate() {
                    assert!(
                        v.is_finite(),
                        "{name} member {i}: {} {y} not finite",
                        sp.key
                    );
                    let signed =
                        matches!(sp.id, S::NationalNetCapacityChange | S::IronConcentrateGap);
                    assert!(
                        signed || *v >= -1e-9,
                        "{name} member {i}: {} {y} = {v}",
                        sp.key
                    );
                }
            }
        }
    }
}

#[test]
fn the_base_year_is_the_same_in_every_member() {
    // The uncertainty is in the projection, not in history: every member reproduces 2020's crude steel
    // (2,790万吨, FACT) and cuts nothing in 2020, at the reference and at the lever extremes.
    for base in [Scenario::reference(), ends(false), ends(true)] {
        let s = vtre_analysis::ensemble(&base, 200, 1);
        let q = s.at(S::CrudeSteelTotal, 2020).unwrap();
        assert!(
            (q.p5 - 2790.0).abs() < 1e-6 && (q.p95 - 2790.0).abs() < 1e-6,
            "{q:?}"
        );
        let cut = s.at(S::CurtailedValue, 2020).unwrap();
        assert!(cut.p95.abs() < 1e-9, "{cut:?}");
        let conc = s.at(S::TiConcentrateOutput, 2020).unwrap();
        assert!((conc.p5 - 511.0).abs() < 1e-6 && (conc.p95 - 511.0).abs() < 1e-6);
    }
}

#[test]
fn the_ensemble_draws_the_market_prices_which_move_projected_value_and_never_2020() {
    // Prices are the most uncertain input of output value: each price path carries a factor drawn across
    // the spread of its 2020–24 averages. In a member, the factors move the projection years' value and
    // leave the base year exactly as it is.
    use vtre_model::params::ParamId as P;
    let factors = [
        P::SteelPriceFactor,
        P::V2o5PriceFactor,
        P::Tio2PriceFactor,
        P::SpongePriceFactor,
        P::NdprPriceFactor,
    ];
    let e = Ensemble::new(&Scenario::reference(), 40, 1);
    for id in factors {
        assert!(e.sampled().contains(&id), "{id:?} is drawn");
    }
    let mut moved = 0;
    for i in 0..40 {
        let m = e.member(i).unwrap();
        let mut held = m.clone();
        for id in factors {
            held.set_param(id, 1.0);
        }
        let (a, b) = (simulate(&m), simulate(&held));
        for sp in SERIES {
            assert_eq!(
                a.at(sp.id, 2020),
                b.at(sp.id, 2020),
                "member {i}: {} 2020",
                sp.key
            );
        }
        let (va, vb) = (
            a.at(S::OutputValueTotal, 2025),
            b.at(S::OutputValueTotal, 2025),
        );
        if (va / vb - 1.0).abs() > 0.02 {
            moved += 1;
        }
    }
    assert!(
        moved >= 20,
        "price draws moved 2025 output value by over 2 % in {moved} of 40 members"
    );
}
