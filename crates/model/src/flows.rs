//! Material flows of one year, for the Sankey-style diagrams: ore → concentrates → hot metal and slag →
//! steel, V2O5, TiO2, sponge; rare-earth ore → oxides → metal. Every intermediate node balances: what goes in
//! equals what comes out, with losses (tailings, slag and gas, process losses) as explicit flows.

use super::params::ParamId as P;
use super::scenario::Scenario;
use super::series::SeriesId as S;
use crate::projection::Projection;
use crate::text::Text;

#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub id: &'static str,
    pub label: Text,
    /// Column from left (0 = raw inputs).
    pub column: u8,
    /// Losses and materials leaving the province are drawn muted.
    pub muted: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Flow {
    pub from: &'static str,
    pub to: &'static str,
    pub value: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Diagram {
    pub id: &'static str,
    pub title: Text,
    /// The model unit of every flow ("万吨" or "t").
    pub unit: &'static str,
    pub nodes: Vec<Node>,
    pub flows: Vec<Flow>,
}

impl Diagram {
    pub fn inflow(&self, id: &str) -> f64 {
        self.flows
            .iter()
            .filter(|f| f.to == id)
            .map(|f| f.value)
            .sum()
    }
    pub fn outflow(&self, id: &str) -> f64 {
        self.flows
            .iter()
            .filter(|f| f.from == id)
            .map(|f| f.value)
            .sum()
    }
    /// The largest |in − out| over nodes that have both inflows and outflows.
    pub fn imbalance(&self) -> f64 {
        self.nodes
            .iter()
            .filter(|n| {
                self.flows.iter().any(|f| f.to == n.id) && self.flows.iter().any(|f| f.from == n.id)
            })
            .map(|n| (self.inflow(n.id) - self.outflow(n.id)).abs())
            .fold(0.0, f64::max)
    }
}

include!(concat!(env!("OUT_DIR"), "/flows_gen.rs"));

/// A diagram of the year's `flows`, framed by its row in `data/flows.csv` (title, unit, nodes in drawing
/// order; labels as data).
fn diagram(id: &'static str, flows: Vec<Flow>) -> Diagram {
    let (title, unit, nodes) = DIAGRAMS_GEN
        .iter()
        .find(|d| d.0 == id)
        .map_or((Text::new(id, id), "", &[][..]), |d| (d.1, d.2, d.3));
    Diagram {
        id,
        title,
        unit,
        nodes: nodes.to_vec(),
        flows,
    }
}

fn flow(from: &'static str, to: &'static str, value: f64) -> Flow {
    Flow {
        from,
        to,
        value: value.max(0.0),
    }
}

/// The three flow diagrams (iron and steel, titanium, rare earths) of `year`.
pub fn diagrams(s: &Scenario, p: &Projection, year: u16) -> Vec<Diagram> {
    let at = |id: S| p.at(id, year);
    // ---- iron, steel, vanadium (万吨) ----
    let ore = at(S::OreMined);
    let c_local = at(S::IronConcentrateSupply);
    let t_conc = at(S::TiConcentrateOutput);
    let demand = at(S::IronConcentrateDemand);
    let local_used = c_local.min(demand);
    let outside = demand - local_used;
    let hm = at(S::PigIron);
    let v2o5 = at(S::V2o5Output) / 1e4;
    let bof = at(S::CrudeSteelBof);
    let eaf = at(S::CrudeSteelEaf);
    let nonbf = at(S::CrudeSteelNonBf);
    let scrap = at(S::ScrapSupply);
    let scrap_bof = bof * s.param(P::ScrapPerBof);
    let scrap_eaf = eaf * s.param(P::ScrapPerEaf);
    let scrap_nb = nonbf * s.param(P::ScrapPerBof);
    // Concentrate to the blast furnaces and to the non-BF smelters, local and outside in the same shares.
    let conc_nb = nonbf * s.param(P::HotMetalPerBof) * s.param(P::ConcPerHotMetal);
    let nb_share = if demand > 0.0 { conc_nb / demand } else { 0.0 };
    // V2O5 comes from both V-Ti routes in proportion to their V-Ti steel.
    let vti = at(S::CrudeSteelBofVti) + nonbf;
    let v2o5_nb = if vti > 0.0 { v2o5 * nonbf / vti } else { 0.0 };
    let v2o5_bf = v2o5 - v2o5_nb;
    let steel = diagram(
        "iron_steel",
        vec![
            flow("ore", "iron_conc", c_local),
            flow("ore", "ti_conc", t_conc),
            flow("ore", "tailings", ore - c_local - t_conc),
            flow("iron_conc", "bf", local_used * (1.0 - nb_share)),
            flow("iron_conc", "nonbf", local_used * nb_share),
            flow("iron_conc", "conc_sold", c_local - local_used),
            flow("outside", "bf", outside * (1.0 - nb_share)),
            flow("outside", "nonbf", outside * nb_share),
            flow("bf", "bof", hm),
            flow("bf", "v2o5", v2o5_bf),
            flow("bf", "bf_loss", demand - conc_nb - hm - v2o5_bf),
            flow("scrap", "nonbf", scrap_nb),
            flow("nonbf", "steel_nonbf", nonbf),
            flow("nonbf", "v2o5", v2o5_nb),
            flow("nonbf", "bf_loss", conc_nb + scrap_nb - nonbf - v2o5_nb),
            flow("scrap", "bof", scrap_bof),
            flow("scrap", "eaf", scrap_eaf),
            flow(
                "scrap",
                "scrap_unused",
                scrap - scrap_bof - scrap_eaf - scrap_nb,
            ),
            flow("bof", "steel_bof", bof),
            flow("bof", "bf_loss", hm + scrap_bof - bof),
            flow("eaf", "steel_eaf", eaf),
            flow("eaf", "bf_loss", scrap_eaf - eaf),
        ],
    );
    // ---- titanium (万吨) ----
    let bf_ti = at(S::Tio2FromBfSlag);
    let nb_ti = at(S::Tio2FromNonBfSlag);
    let chloride = at(S::Tio2Chloride) - bf_ti - nb_ti;
    let sulfate = at(S::Tio2Sulfate);
    let sponge = at(S::TiSpongeOutput) / 1e4;
    let materials = at(S::TiMaterialsOutput) / 1e4;
    let slag_cl = chloride * s.param(P::SlagPerChloride);
    let slag_sp = sponge * s.param(P::SlagPerSponge);
    let slag = at(S::TiSlagOutput);
    let conc_sulf = sulfate * s.param(P::ConcPerSulfate);
    let conc_slag = slag * s.param(P::ConcPerSlag);
    let ti = diagram(
        "titanium",
        vec![
            flow("ti_conc", "sulfate_plant", conc_sulf),
            flow("ti_conc", "slag_furnace", conc_slag),
            flow(
                "ti_conc",
                "conc_sold",
                at(S::TiConcentrateOutput) - conc_sulf - conc_slag,
            ),
            flow("sulfate_plant", "tio2", sulfate),
            flow("sulfate_plant", "ti_loss", conc_sulf - sulfate),
            flow("slag_furnace", "slag", slag),
            flow("slag_furnace", "ti_loss", conc_slag - slag),
            flow("slag", "chloride_plant", slag_cl),
            flow("slag", "sponge_plant", slag_sp),
            flow("slag", "slag_sold", slag - slag_cl - slag_sp),
            flow("chloride_plant", "tio2", chloride),
            flow("chloride_plant", "ti_loss", slag_cl - chloride),
            flow("bf_slag", "tio2", bf_ti),
            flow("nonbf_slag", "tio2", nb_ti),
            flow("sponge_plant", "sponge", sponge),
            flow("sponge_plant", "ti_loss", slag_sp - sponge),
            flow("sponge", "materials", materials),
            flow("sponge", "sponge_sold", sponge - materials),
        ],
    );
    // ---- rare earths (t REO) ----
    let mined = at(S::ReoMined);
    let imported = at(S::ReoImported);
    let recycled = at(S::ReoRecycled);
    let sep = at(S::ReoSeparated);
    let ndpr = sep * s.param(P::NdprShare);
    let metal_oxide = at(S::ReMetalOutput) / s.param(P::MetalPerOxide);
    let re = diagram(
        "rare_earth",
        vec![
            flow("mined", "concentrate", mined),
            flow("imported", "concentrate", imported),
            flow("recycled", "concentrate", recycled),
            flow("concentrate", "separation", sep),
            flow(
                "concentrate",
                "conc_sold",
                mined + imported + recycled - sep,
            ),
            flow("separation", "ndpr", ndpr),
            flow("separation", "other_oxides", sep - ndpr),
            flow("ndpr", "metal", metal_oxide),
            flow("ndpr", "ndpr_sold", ndpr - metal_oxide),
        ],
    );
    vec![steel, ti, re]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::levers::LEVERS;
    use crate::simulate;

    fn check(s: &Scenario, what: &str) {
        let p = simulate(s);
        for year in [2020, 2025, 2030, 2035] {
            for d in diagrams(s, &p, year) {
                let scale = d.flows.iter().map(|f| f.value).fold(1.0, f64::max);
                assert!(
                    d.imbalance() <= 1e-9 * scale,
                    "{what} {year} {}: imbalance {}",
                    d.id,
                    d.imbalance()
                );
                for f in &d.flows {
                    assert!(
                        f.value.is_finite() && f.value >= 0.0,
                        "{what} {year} {} {}→{}",
                        d.id,
                        f.from,
                        f.to
                    );
                    assert!(
                        d.nodes.iter().any(|n| n.id == f.from)
                            && d.nodes.iter().any(|n| n.id == f.to)
                    );
                }
            }
        }
    }

    /// The sum of the flows `from` → `to` of one diagram.
    fn between(d: &Diagram, from: &str, to: &str) -> f64 {
        d.flows
            .iter()
            .filter(|f| f.from == from && f.to == to)
            .map(|f| f.value)
            .sum()
    }

    /// What flows into a node.
    fn into(d: &Diagram, node: &str) -> f64 {
        d.flows
            .iter()
            .filter(|f| f.to == node)
            .map(|f| f.value)
            .sum()
    }

    /// The flows that are model quantities equal those quantities, taken straight from the projection: the
    /// balance is checked against the model's own numbers, not only against remainders computed to balance.
    fn check_against_the_projection(s: &Scenario, what: &str) {
        let p = simulate(s);
        for year in [2020, 2025, 2030, 2035] {
            let at = |id: S| p.at(id, year);
            let ds = diagrams(s, &p, year);
            let find = |id: &str| ds.iter().find(|d| d.id == id);
            let (Some(steel), Some(ti), Some(re)) =
                (find("iron_steel"), find("titanium"), find("rare_earth"))
            else {
                panic!("{what}: a diagram is missing");
            };
            let checks = [
                (
                    "ore out",
                    steel
                        .flows
                        .iter()
                        .filter(|f| f.from == "ore")
                        .map(|f| f.value)
                        .sum(),
                    at(S::OreMined),
                ),
                (
                    "local concentrate",
                    between(steel, "ore", "iron_conc"),
                    at(S::IronConcentrateSupply),
                ),
                (
                    "into the smelters (blast furnaces and non-BF)",
                    into(steel, "bf")
                        + between(steel, "iron_conc", "nonbf")
                        + between(steel, "outside", "nonbf"),
                    at(S::IronConcentrateDemand),
                ),
                ("hot metal", between(steel, "bf", "bof"), at(S::PigIron)),
                ("V2O5 (万吨)", into(steel, "v2o5"), at(S::V2o5Output) / 1e4),
                (
                    "non-BF steel",
                    between(steel, "nonbf", "steel_nonbf"),
                    at(S::CrudeSteelNonBf),
                ),
                (
                    "concentrate into the non-BF smelters",
                    between(steel, "iron_conc", "nonbf") + between(steel, "outside", "nonbf"),
                    at(S::CrudeSteelNonBf)
                        * s.param(P::HotMetalPerBof)
                        * s.param(P::ConcPerHotMetal),
                ),
                (
                    "V2O5 from the non-BF route (its share of V-Ti steel)",
                    between(steel, "nonbf", "v2o5"),
                    {
                        let vti = at(S::CrudeSteelBofVti) + at(S::CrudeSteelNonBf);
                        if vti > 0.0 {
                            at(S::V2o5Output) / 1e4 * at(S::CrudeSteelNonBf) / vti
                        } else {
                            0.0
                        }
                    },
                ),
                (
                    "Ti concentrate into the sulfate plants",
                    between(ti, "ti_conc", "sulfate_plant"),
                    at(S::Tio2Sulfate) * s.param(P::ConcPerSulfate),
                ),
                (
                    "Ti concentrate into the slag furnaces",
                    between(ti, "ti_conc", "slag_furnace"),
                    at(S::TiSlagOutput) * s.param(P::ConcPerSlag),
                ),
                (
                    "metal and magnets (oxide eq.)",
                    into(re, "metal"),
                    at(S::ReMetalOutput) / s.param(P::MetalPerOxide),
                ),
                (
                    "BF-BOF steel",
                    between(steel, "bof", "steel_bof"),
                    at(S::CrudeSteelBof),
                ),
                (
                    "EAF steel",
                    between(steel, "eaf", "steel_eaf"),
                    at(S::CrudeSteelEaf),
                ),
                (
                    "scrap",
                    steel
                        .flows
                        .iter()
                        .filter(|f| f.from == "scrap")
                        .map(|f| f.value)
                        .sum(),
                    at(S::ScrapSupply),
                ),
                ("TiO2", into(ti, "tio2"), at(S::Tio2Output)),
                (
                    "Ti slag",
                    between(ti, "slag_furnace", "slag"),
                    at(S::TiSlagOutput),
                ),
                (
                    "sponge (万吨)",
                    between(ti, "sponge_plant", "sponge"),
                    at(S::TiSpongeOutput) / 1e4,
                ),
                (
                    "RE concentrate",
                    into(re, "concentrate"),
                    at(S::ReoMined) + at(S::ReoImported) + at(S::ReoRecycled),
                ),
                (
                    "REO separated",
                    between(re, "concentrate", "separation"),
                    at(S::ReoSeparated),
                ),
            ];
            for (name, drawn, model) in checks {
                assert!(
                    (drawn - model).abs() <= 1e-6 * model.abs().max(1.0),
                    "{what} {year} {name}: drawn {drawn}, model {model}"
                );
            }
        }
    }

    #[test]
    fn drawn_flows_are_the_models_own_quantities() {
        check_against_the_projection(&Scenario::reference(), "reference");
        for l in LEVERS {
            for v in [l.min, l.max] {
                let mut s = Scenario::reference();
                s.set(l.id, v);
                check_against_the_projection(&s, l.key);
            }
        }
    }

    #[test]
    fn flows_balance_for_the_reference_and_extreme_scenarios() {
        check(&Scenario::reference(), "reference");
        let mut lo = Scenario::reference();
        let mut hi = Scenario::reference();
        for l in LEVERS {
            lo.set(l.id, l.min);
            hi.set(l.id, l.max);
        }
        check(&lo, "all-min");
        check(&hi, "all-max");
        for l in LEVERS {
            for v in [l.min, l.max] {
                let mut s = Scenario::reference();
                s.set(l.id, v);
                check(&s, l.key);
            }
        }
    }

    fn node(id: &'static str, column: u8) -> Node {
        Node {
            id,
            label: Text::new(id, id),
            column,
            muted: false,
        }
    }

    #[test]
    fn every_diagram_has_its_frame_and_every_flow_joins_two_of_its_nodes() {
        let p = simulate(&Scenario::reference());
        let ds = diagrams(&Scenario::reference(), &p, 2025);
        assert_eq!(ds.len(), DIAGRAMS_GEN.len());
        for d in &ds {
            assert!(
                !d.unit.is_empty() && !d.nodes.is_empty() && d.title.zh != d.id,
                "{}",
                d.id
            );
            for f in &d.flows {
                for end in [f.from, f.to] {
                    assert!(d.nodes.iter().any(|n| n.id == end), "{}: {end}", d.id);
                }
            }
        }
    }

    #[test]
    fn an_unbalanced_node_is_measured() {
        let d = Diagram {
            id: "t",
            title: Text::new("t", "t"),
            unit: "t",
            nodes: vec![node("a", 0), node("b", 1), node("c", 2)],
            flows: vec![flow("a", "b", 10.0), flow("b", "c", 7.0)],
        };
        // b takes 10 and gives 7; a and c have flows on one side only.
        assert!((d.imbalance() - 3.0).abs() < 1e-12, "{}", d.imbalance());
    }
}
