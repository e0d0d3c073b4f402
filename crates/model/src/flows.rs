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

const fn node(
    id: &'static str,
    label_zh: &'static str,
    label_en: &'static str,
    column: u8,
    muted: bool,
) -> Node {
    Node {
        id,
        label: Text::new(label_zh, label_en),
        column,
        muted,
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
    let steel = Diagram {
        id: "iron_steel",
        title: Text::new(
            "铁与钢：原矿 → 铁精矿 → 铁水 → 粗钢（含钒）",
            "Iron and steel: ore → concentrate → hot metal → crude steel (with vanadium)",
        ),
        unit: "万吨",
        nodes: vec![
            node("ore", "钒钛磁铁矿原矿", "V-Ti magnetite ore", 0, false),
            node("outside", "省外铁矿", "Ore from outside", 0, false),
            node("scrap", "废钢", "Scrap", 0, false),
            node("iron_conc", "铁精矿", "Iron concentrate", 1, false),
            node(
                "ti_conc",
                "钛精矿（见钛图）",
                "Ti concentrate (see titanium)",
                1,
                false,
            ),
            node("tailings", "尾矿", "Tailings", 1, true),
            node("bf", "高炉", "Blast furnaces", 2, false),
            node(
                "nonbf",
                "非高炉冶炼（直接还原+电炉）",
                "Non-BF smelting (direct reduction + electric furnace)",
                2,
                false,
            ),
            node(
                "conc_sold",
                "铁精矿外销",
                "Concentrate sold out of province",
                2,
                true,
            ),
            node("scrap_unused", "未用废钢", "Scrap not used", 2, true),
            node("bof", "转炉", "Converters (BOF)", 3, false),
            node("eaf", "电炉", "Electric arc furnaces", 3, false),
            node("bf_loss", "炉渣与煤气等", "Slag, gas and losses", 3, true),
            node("v2o5", "五氧化二钒", "V2O5", 3, false),
            node("steel_bof", "长流程粗钢", "BF-BOF crude steel", 4, false),
            node("steel_eaf", "电炉粗钢", "EAF crude steel", 4, false),
            node("steel_nonbf", "非高炉粗钢", "Non-BF crude steel", 4, false),
        ],
        flows: vec![
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
    };
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
    let ti = Diagram {
        id: "titanium",
        title: Text::new(
            "钛：钛精矿 → 钛白粉、钛渣 → 海绵钛 → 钛材",
            "Titanium: concentrate → TiO2, slag → sponge → titanium materials",
        ),
        unit: "万吨",
        nodes: vec![
            node("ti_conc", "钛精矿", "Ti concentrate", 0, false),
            node(
                "bf_slag",
                "高炉渣（TiO2当量）",
                "Blast-furnace slag (TiO2 eq.)",
                0,
                false,
            ),
            node(
                "nonbf_slag",
                "非高炉富钛渣（TiO2当量）",
                "Non-BF Ti-rich slag (TiO2 eq.)",
                0,
                false,
            ),
            node("sulfate_plant", "硫酸法", "Sulfate process", 1, false),
            node("slag_furnace", "电炉冶炼钛渣", "Slag furnaces", 1, false),
            node(
                "conc_sold",
                "钛精矿外销",
                "Concentrate sold out of province",
                1,
                true,
            ),
            node("slag", "钛渣", "Titanium slag", 2, false),
            node("chloride_plant", "氯化法", "Chloride process", 3, false),
            node(
                "sponge_plant",
                "海绵钛（镁还原）",
                "Sponge (Kroll)",
                3,
                false,
            ),
            node(
                "slag_sold",
                "钛渣外销",
                "Slag sold out of province",
                3,
                true,
            ),
            node(
                "ti_loss",
                "工艺损耗与副产",
                "Process losses and by-products",
                4,
                true,
            ),
            node("tio2", "钛白粉", "TiO2 pigment", 4, false),
            node("sponge", "海绵钛", "Titanium sponge", 4, false),
            node(
                "materials",
                "省内钛材",
                "Ti materials made in Sichuan",
                5,
                false,
            ),
            node("sponge_sold", "海绵钛外销", "Sponge sold", 5, true),
        ],
        flows: vec![
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
    };
    // ---- rare earths (t REO) ----
    let mined = at(S::ReoMined);
    let imported = at(S::ReoImported);
    let recycled = at(S::ReoRecycled);
    let sep = at(S::ReoSeparated);
    let ndpr = sep * s.param(P::NdprShare);
    let metal_oxide = at(S::ReMetalOutput) / s.param(P::MetalPerOxide);
    let re = Diagram {
        id: "rare_earth",
        title: Text::new(
            "稀土：矿（REO）→ 冶炼分离 → 氧化物 → 金属与磁材",
            "Rare earths: ore (REO) → separation → oxides → metal and magnets",
        ),
        unit: "t",
        nodes: vec![
            node("mined", "省内开采", "Mined in Sichuan", 0, false),
            node("imported", "进口矿", "Imported ore", 0, false),
            node("recycled", "二次资源", "Recycled material", 0, false),
            node("concentrate", "稀土精矿", "RE concentrate", 1, false),
            node("separation", "冶炼分离", "Separation", 2, false),
            node(
                "conc_sold",
                "精矿外销",
                "Concentrate sold out of province",
                2,
                true,
            ),
            node("ndpr", "氧化镨钕", "NdPr oxide", 3, false),
            node(
                "other_oxides",
                "镧铈等氧化物",
                "La, Ce and other oxides",
                3,
                false,
            ),
            node(
                "metal",
                "金属与永磁（氧化物当量）",
                "Metal and magnets (oxide eq.)",
                4,
                false,
            ),
            node("ndpr_sold", "氧化镨钕外销", "NdPr oxide sold", 4, true),
        ],
        flows: vec![
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
    };
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

    #[test]
    fn an_unbalanced_node_is_measured() {
        let d = Diagram {
            id: "t",
            title: Text::new("t", "t"),
            unit: "t",
            nodes: vec![
                node("a", "a", "a", 0, false),
                node("b", "b", "b", 1, false),
                node("c", "c", "c", 2, false),
            ],
            flows: vec![flow("a", "b", 10.0), flow("b", "c", 7.0)],
        };
        // b takes 10 and gives 7; a and c have flows on one side only.
        assert!((d.imbalance() - 3.0).abs() < 1e-12, "{}", d.imbalance());
    }
}
