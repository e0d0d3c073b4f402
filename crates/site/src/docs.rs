//! "How the model works" pages and the glossary, in Chinese and English, shown in the app.
//!
//! Pure data. Each [`ChainPage`] restates the equations of one chain module ([`super::steel`],
//! [`super::vanadium`], [`super::titanium`], [`super::rare_earth`], [`super::energy`], [`super::emissions`],
//! [`super::value`]) in plain text, with the 2020 calibration and its limits; numbers are those of the baseline
//! CSV and the lever table. Equations and symbols use the same notation in both languages (no Chinese in them).

/// One "how it works" page for one chain of the model.
pub struct ChainPage {
    /// "steel" | "vanadium" | "titanium" | "rare_earth" | "energy" | "emissions" | "value"
    pub id: &'static str,
    pub title_zh: &'static str,
    pub title_en: &'static str,
    /// 2–4 sentences: what the chain is and why it matters in the guideline.
    pub intro_zh: &'static str,
    pub intro_en: &'static str,
    /// Equations in readable plain-text form, one per entry, same symbols in both languages.
    pub equations: &'static [&'static str],
    /// What each symbol means: (symbol, zh meaning, en meaning).
    pub symbols: &'static [(&'static str, &'static str, &'static str)],
    /// The couplings to other chains, explained (2–4 sentences).
    pub couplings_zh: &'static str,
    pub couplings_en: &'static str,
    /// How 2020 is calibrated for this chain (1–3 sentences, citing the figure and whether FACT or ESTIMATE).
    pub calibration_zh: &'static str,
    pub calibration_en: &'static str,
    /// Honest limits (2–4 sentences).
    pub limits_zh: &'static str,
    pub limits_en: &'static str,
    /// Lever keys (as in `levers.rs` `key:` fields) that act on this chain.
    pub levers: &'static [&'static str],
}

/// The seven chain pages, in the order steel, vanadium, titanium, rare earths, energy, emissions, value.
pub const CHAIN_PAGES: &[ChainPage] = &[
    // ---- steel ---------------------------------------------------------------------------------------------
    ChainPage {
        id: "steel",
        title_zh: "钢铁",
        title_en: "Steel",
        intro_zh: "钢铁链计算四川的长流程（高炉-转炉）和短流程（电炉）粗钢产能与产量，以及它们所依赖的铁精矿和废钢。\
长流程产能分为使用攀西钒钛矿的高炉和使用普通矿的高炉，因为只有前者产出含钒铁水。\
指南要求“适量引进钢铁产能”、有序发展全废钢电炉，同时预计本地铁精矿到2025年缺口约655万吨；\
钢铁也是产业能耗、排放和产值的主体。",
        intro_en: "The steel chain computes Sichuan's crude-steel capacity and output by route, blast furnace/converter \
(BF-BOF) and electric arc furnace (EAF), together with the iron concentrate and scrap they depend on. \
BF-BOF capacity is split between furnaces on Panxi V-Ti ore and furnaces on ordinary ore, because only the \
former make vanadium-bearing hot metal. The guideline calls for bringing in a moderate amount of steel \
capacity and for orderly growth of all-scrap EAF steelmaking, while it expects a local iron-concentrate \
shortfall of about 6.55 Mt by 2025; steel also dominates the sector's energy use, emissions and output value.",
        equations: &[
            "W_vti = min(K_vti, max(s·W, W − K_oth));  W_oth = W − W_vti",
            "K_vti' = K_vti − W_vti;  K_oth' = K_oth − W_oth + I·(1 − e);  K_eaf' = K_eaf + W + I·e",
            "retired elsewhere = r·I;  national net change = I·(1 − r)",
            "BOF_vti = K_vti'·u_bof;  BOF_oth = K_oth'·u_bof;  EAF_pot = K_eaf'·min(1, u_eaf·m_e)",
            "HM = 0.9·(BOF_vti + BOF_oth);  concentrate need = c·HM",
            "ore_t = ore_2020·(1 − d)^(t − 2020) + N;  C = ore_t·y_fe·R_fe",
            "if c·HM > C + O: cut BOF_oth first, then BOF_vti, until c·HM = C + O",
            "S_t = S_(t−1)·(1 + g_t);  EAF = min(EAF_pot, (S − 0.1·BOF) / 1.0)",
            "crude steel = BOF_vti + BOF_oth + EAF;  iron-concentrate gap = c·HM − C",
        ],
        symbols: &[
            (
                "K_vti, K_oth",
                "2020年钒钛矿高炉-转炉产能（1,700万吨/年）和普通矿高炉-转炉产能（300万吨/年），均为估计值",
                "2020 BF-BOF capacity on V-Ti ore (17 Mt/yr) and on ordinary ore (3 Mt/yr), both estimates",
            ),
            (
                "K_eaf",
                "2020年电炉产能，1,200万吨/年（估计值）",
                "2020 EAF capacity, 12 Mt/yr (estimate)",
            ),
            (
                "W",
                "厂内长流程转全废钢电炉的产能，按1:1等量置换",
                "BF-BOF capacity swapped in-house to all-scrap EAF, replaced 1:1",
            ),
            (
                "s",
                "置换中优先取自钒钛矿高炉的比例（0 = 先关普通矿高炉）",
                "share of the swap taken from V-Ti furnaces (0 = ordinary-ore furnaces first)",
            ),
            (
                "I, e",
                "从省外引进的钢铁产能，及其中电炉所占比例；其余为普通矿高炉-转炉",
                "capacity brought in from other provinces, and its EAF share; the rest is ordinary-ore BF-BOF",
            ),
            (
                "r",
                "产能置换比例（退出:新增），四川适用1.25:1",
                "capacity replacement ratio (retired:new), 1.25:1 for Sichuan",
            ),
            (
                "u_bof, u_eaf",
                "高炉-转炉开工率0.93、电炉开工率0.775（2020年校准值）",
                "BF-BOF utilisation 0.93 and EAF utilisation 0.775 (calibrated to 2020)",
            ),
            (
                "m_e",
                "电价产量响应系数，来自能源与电价一章",
                "power-price output response, from the energy chain",
            ),
            (
                "HM",
                "铁水产量，每吨转炉钢0.9吨",
                "hot metal, 0.9 t per tonne of BOF steel",
            ),
            (
                "c",
                "每吨铁水所需铁精矿，1.6吨（估计值）",
                "iron concentrate per tonne of hot metal, 1.6 t (estimate)",
            ),
            (
                "ore_2020, d, N",
                "2020年钒钛磁铁矿原矿开采量约1亿吨；现有矿山年衰减率4.1%；新矿山（红格南等）原矿",
                "V-Ti magnetite ore mined in 2020, about 100 Mt; decline of existing mines, 4.1 %/yr; ore from new mines (Hongge South)",
            ),
            (
                "y_fe, R_fe",
                "铁精矿产率系数（校准值）和铁资源综合回收率",
                "iron-concentrate yield factor (calibrated) and iron comprehensive recovery",
            ),
            (
                "C, O",
                "本地铁精矿产量；省外（含进口）铁精矿可获得量上限",
                "local iron concentrate; cap on iron concentrate obtainable from outside Sichuan (incl. imports)",
            ),
            (
                "S, g",
                "废钢供应量（2020年1,200万吨）及其年增速",
                "scrap supply (12 Mt in 2020) and its annual growth",
            ),
            (
                "BOF, EAF",
                "转炉钢和电炉钢产量；转炉每吨用废钢0.1吨，电炉每吨用废钢1.0吨",
                "BOF and EAF crude steel; BOFs charge 0.1 t scrap per tonne, EAFs 1.0 t",
            ),
        ],
        couplings_zh: "钒钛矿高炉的铁水决定五氧化二钒产量，因此把钒钛高炉置换为电炉会减少钒，置换普通矿高炉则不会。\
开采的钒钛磁铁矿原矿（含衰减和新矿山）同时决定钛精矿产量和原矿中的TiO2。\
电炉产量随电价响应系数m_e变化；能耗超过指标时，长流程和电炉钢可能被压减，钒钛矿长流程钢连同其钒一起压减。\
粗钢产量乘以钢价和溢价进入产值，长流程和电炉的能耗、排放强度不同。",
        couplings_en: "Hot metal from V-Ti furnaces sets V2O5 output, so swapping V-Ti furnaces to EAF cuts vanadium, while \
swapping ordinary-ore furnaces does not. The V-Ti magnetite ore mined (with its decline and any new mine) also \
sets titanium concentrate and the TiO2 contained in ore. EAF output follows the power-price response m_e, and \
when energy use exceeds the quota, BF-BOF or EAF steel can be cut, V-Ti steel together with its vanadium. Crude \
steel times the steel price and premium gives output value, and the two routes differ sharply in energy and CO2.",
        calibration_zh: "2020年粗钢2,790万吨（事实值）= 长流程2,000 × 0.93 + 电炉1,200 × 0.775，电炉开工率由该事实值反推；产能划分和开工率为估计值。\
y_fe使2020年约1亿吨原矿在70%铁回收率（估计值）下产出2,500万吨铁精矿（指南事实值）。\
衰减率4.1%/年由指南预计的2025年缺口655万吨（事实值）按2020年需求反推。",
        calibration_en: "2020 crude steel of 27.9 Mt (FACT) = BF-BOF 20 Mt × 0.93 + EAF 12 Mt × 0.775, the EAF utilisation being \
solved from that fact; the capacity split and utilisations are estimates. y_fe is set so that about 100 Mt of \
ore at 70 % iron recovery (ESTIMATE) gives 25 Mt of iron concentrate (FACT, from the guideline). The 4.1 %/yr \
decline (ESTIMATE) is derived from the guideline's expected 6.55 Mt gap in 2025 (FACT) at 2020 demand.",
        limits_zh: "产量 = 产能 × 固定开工率，不含钢材市场需求和价格对产量的反馈。\
钒钛矿与普通矿高炉的产能划分（1,700/300万吨）是估计值；铁精矿不足时先减普通矿高炉是建模假设。\
每吨铁水的铁精矿用量和每吨钢的废钢用量固定不变；引进产能和置换按线性进度在目标年前完成。",
        limits_en: "Output is capacity times a fixed utilisation; steel demand and prices do not feed back on output. The \
split between V-Ti and ordinary-ore furnaces (17 and 3 Mt/yr) is an estimate, and cutting ordinary-ore furnaces \
first when concentrate runs short is a modelling assumption. Concentrate per tonne of hot metal and scrap per \
tonne of steel are fixed, and imports and swaps phase in linearly up to their target year.",
        levers: &[
            "eaf_swap",
            "swap_vti_share",
            "capacity_import",
            "import_eaf_share",
            "replacement_ratio",
            "scrap_growth",
            "outside_ore",
            "new_mine",
            "fe_recovery",
        ],
    },
    // ---- vanadium ------------------------------------------------------------------------------------------
    ChainPage {
        id: "vanadium",
        title_zh: "钒",
        title_en: "Vanadium",
        intro_zh: "四川的钒几乎全部来自攀西钒钛磁铁矿：矿中的钒随铁精矿进入高炉铁水，在转炉提钒得到钒渣，再加工为五氧化二钒和钒合金。\
因此钒产量跟随钒钛矿高炉的铁水产量，而不是单独的产能。\
指南要求钒选矿回收率提高到55%以上、加大钒渣供给，并发展全钒液流电池储能。",
        intro_en: "Almost all of Sichuan's vanadium comes from Panxi V-Ti magnetite: the vanadium in the ore follows the iron \
concentrate into blast-furnace hot metal, is blown out as vanadium slag in the converter and is processed into \
V2O5 and vanadium alloys. Vanadium output therefore follows the hot metal of V-Ti blast furnaces rather than a \
capacity of its own. The guideline asks for vanadium dressing recovery of at least 55 %, more vanadium slag, \
and growth of vanadium flow-battery storage.",
        equations: &[
            "HM_vti = 0.9·BOF_vti",
            "V2O5 [t] = HM_vti·10⁴·g·(R_v / 47%)·η_ext",
            "g = 61,000 / (HM_vti,2020·10⁴·η_ext),  HM_vti,2020 = 1,700·0.93·0.9",
            "η_ext = 0.80 ≈ 0.9 (hot metal → V slag) × 0.9 (V slag → V2O5)",
            "V2O5 for flow batteries [t] = B·1000·9.25",
            "flow-battery value [10⁸ yuan] = B·cost·10,  cost = 2.0 yuan/Wh",
        ],
        symbols: &[
            (
                "BOF_vti",
                "钒钛矿高炉-转炉粗钢产量（万吨），取自钢铁链，已计入铁精矿约束和能耗压减",
                "BF-BOF crude steel on V-Ti ore (10 kt), from the steel chain after the ore limit and any energy curtailment",
            ),
            (
                "HM_vti",
                "含钒铁水产量（万吨）",
                "vanadium-bearing hot metal (10 kt)",
            ),
            (
                "g",
                "2020年回收率下每吨含钒铁水可得的V2O5（校准值，参考参数下约5.4千克/吨）",
                "V2O5 per tonne of V-bearing hot metal at 2020 recovery (calibrated; about 5.4 kg/t with the reference parameters)",
            ),
            (
                "R_v",
                "钒选矿回收率：原矿中的钒进入铁精矿的比例（2020年47%，目标55%）",
                "vanadium dressing recovery: share of the ore's vanadium reaching the iron concentrate (47 % in 2020, target 55 %)",
            ),
            (
                "η_ext",
                "冶炼侧回收率（铁水→钒渣→V2O5），0.80（估计值）",
                "smelter-side recovery (hot metal → vanadium slag → V2O5), 0.80 (estimate)",
            ),
            (
                "B",
                "省内集成的全钒液流电池，GWh/年",
                "vanadium redox flow batteries integrated in Sichuan, GWh/yr",
            ),
            (
                "9.25",
                "每MWh全钒液流电池所需V2O5吨数（市场估计）",
                "tonnes of V2O5 per MWh of flow battery (market estimate)",
            ),
            (
                "cost",
                "液流电池系统价格，2.0元/Wh（2024年估计值）",
                "flow-battery system price, 2.0 yuan/Wh (2024 estimate)",
            ),
        ],
        couplings_zh: "V2O5只随钒钛矿长流程钢变化：置换钒钛高炉、铁精矿不足或能耗压减钒钛矿长流程钢，都会同比例减少钒；置换普通矿高炉不影响钒。\
V2O5生产的能耗（3.0 tce/t，其中电1,500 kWh/t）并入钒钛矿长流程钢的强度参与能耗指标，但其排放单独计入钒。\
液流电池所需V2O5只作报告并与本地产量比较，不从产量中扣除；电池系统价值计入钒产业产值。",
        couplings_en: "V2O5 moves only with V-Ti BF-BOF steel: a swap of V-Ti furnaces, a shortage of iron concentrate or an \
energy-quota cut of V-Ti steel all reduce vanadium in proportion, while swapping ordinary-ore furnaces leaves it \
unchanged. The energy of making V2O5 (3.0 tce/t, of which 1,500 kWh/t electricity) is folded into V-Ti steel for \
the energy quota, but its CO2 is reported under vanadium. The V2O5 needed by flow batteries is reported and \
compared with local output, not subtracted from it; the battery systems' value is added to the vanadium sector.",
        calibration_zh: "g由2020年V2O5产量6.1万吨（估计值：攀钢4.2万吨、川威1.2万吨加德胜四川部分约0.7万吨，各公司数据为事实值）反推。\
47%的钒回收率基准为估计值（口径不一），0.80的冶炼侧回收率也为估计值。",
        calibration_en: "g is solved from 2020 V2O5 output of 61,000 t (ESTIMATE: Pangang 42,000 t, Chuanwei 12,000 t and about \
7,000 t of Desheng's output in Sichuan, the company figures being FACT). The 47 % recovery baseline is an \
ESTIMATE (definitions differ), as is the 0.80 smelter-side recovery.",
        limits_zh: "不计钒渣之外的钒来源（如石煤提钒、废催化剂回收），也不设V2O5加工产能上限。\
提高回收率在模型中不需要额外能耗或投资；钒价为外生输入，不随供需变化。\
液流电池的V2O5需求不约束电池部署，也不改变钒的销售量。",
        limits_en: "Vanadium from sources other than V-bearing hot metal (stone coal, spent catalysts) is not modelled, and \
there is no cap from V2O5 processing capacity. Higher recovery costs no extra energy or investment in the model, \
and the vanadium price is an input that does not respond to supply or demand. Flow-battery demand for V2O5 \
neither limits battery deployment nor changes the vanadium sold.",
        levers: &["v_recovery", "vrfb_deploy", "eaf_swap", "swap_vti_share"],
    },
    // ---- titanium ------------------------------------------------------------------------------------------
    ChainPage {
        id: "titanium",
        title_zh: "钛",
        title_en: "Titanium",
        intro_zh: "攀西钒钛磁铁矿选铁后的尾矿中可回收钛精矿，是钛白粉（硫酸法、氯化法）、钛渣、海绵钛和钛材的原料；\
高炉冶炼后大量钛留在高钛型高炉渣中。\
指南要求钛选矿回收率达到35%以上、钛白粉产能120万吨/年、重点发展氯化法钛白和“钛精矿—钛渣—海绵钛—钛材”全产业链，并推进高炉渣提钛。",
        intro_en: "Titanium concentrate is recovered from the tailings left after iron dressing of Panxi V-Ti magnetite and \
feeds titanium dioxide (sulfate and chloride routes), titanium slag, sponge and titanium materials; much of the \
titanium that goes to the blast furnace ends up in high-titanium blast-furnace slag. The guideline targets \
titanium dressing recovery of at least 35 % and 1.2 Mt/yr of TiO2 capacity, focuses on chloride-route TiO2 and \
the full concentrate–slag–sponge–materials chain, and promotes titanium extraction from blast-furnace slag.",
        equations: &[
            "Ti conc. = ore_t·y_ti·R_ti",
            "TiO2 potential = K_tio2·u,  u = 0.80",
            "chloride = potential·χ·min(m_e, 1/u);  sulfate = potential·(1 − χ)",
            "sponge [t] = K_sp·min(1, u_sp·m_e),  u_sp = 0.80",
            "slag = 1.3·chloride + 2.3·sponge / 10⁴ + 35 (slag sold out of province)",
            "need = 2.4·sulfate + 1.8·slag;  if need > Ti conc.: scale all by Ti conc. / need",
            "TiO2 from BF slag = X_bf·min(1, m_e)",
            "TiO2 = sulfate + chloride + TiO2 from BF slag;  Ti materials [t] = δ·sponge",
            "Ti recovery = R_ti + TiO2 from BF slag / TiO2 in ore",
        ],
        symbols: &[
            (
                "ore_t",
                "当年钒钛磁铁矿原矿开采量（万吨），取自钢铁链",
                "V-Ti magnetite ore mined this year (10 kt), from the steel chain",
            ),
            (
                "y_ti, R_ti",
                "钛精矿产率系数（校准值）和钛选矿回收率（2020年20%，目标35%）",
                "titanium-concentrate yield factor (calibrated) and titanium dressing recovery (20 % in 2020, target 35 %)",
            ),
            (
                "K_tio2, u",
                "钛白粉产能（万吨/年，2020年100万吨）和开工率0.80（全国开工率）",
                "TiO2 capacity (10 kt/yr, 1 Mt/yr in 2020) and operating rate 0.80 (the national rate)",
            ),
            (
                "χ",
                "氯化法钛白粉占比（2020年约7%）",
                "chloride-route share of TiO2 (about 7 % in 2020)",
            ),
            (
                "m_e",
                "电价产量响应系数，来自能源与电价一章",
                "power-price output response, from the energy chain",
            ),
            (
                "K_sp, u_sp",
                "海绵钛产能（吨/年，2020年2.5万吨）和开工率0.80",
                "titanium sponge capacity (t/yr, 25,000 t in 2020) and its utilisation, 0.80",
            ),
            (
                "slag",
                "电炉钛渣（万吨）：每吨氯化法钛白1.3吨、每吨海绵钛2.3吨，另有35万吨外销",
                "titanium slag (10 kt): 1.3 t per t chloride TiO2, 2.3 t per t sponge, plus 0.35 Mt sold out of province",
            ),
            (
                "need",
                "钛精矿需求：每吨硫酸法钛白2.4吨，每吨钛渣1.8吨",
                "titanium concentrate needed: 2.4 t per t sulfate TiO2, 1.8 t per t slag",
            ),
            (
                "X_bf",
                "高炉渣提钛规模（万吨TiO2/年）",
                "TiO2 recovered from blast-furnace slag (10 kt TiO2/yr)",
            ),
            (
                "δ",
                "海绵钛在省内加工为钛材的比例",
                "share of sponge made into titanium materials in Sichuan",
            ),
            (
                "TiO2 in ore",
                "原矿所含TiO2，2020年约1,410万吨，随原矿量变化（估计值）",
                "TiO2 contained in the ore mined, about 14.1 Mt in 2020, scaled with ore (estimate)",
            ),
        ],
        couplings_zh: "钛精矿来自钢铁链开采的同一批原矿，因此现有矿山衰减会同时减少铁和钛，新矿山会同时增加两者。\
氯化法钛白（经钛渣）、海绵钛和高炉渣提钛耗电多，其产量随电价响应系数m_e变化，能耗超标时也可能被压减。\
氯化法钛白每吨另有1.34吨工艺CO2；钛精矿、钛白粉计入钛化工产值，海绵钛和钛材计入钛金属产值。",
        couplings_en: "Titanium concentrate comes from the same ore the steel chain mines, so the decline of existing mines cuts \
iron and titanium together and a new mine adds to both. Chloride TiO2 (via slag), sponge and titanium from \
blast-furnace slag are electricity-intensive: their output follows the power-price response m_e, and they can \
be cut when energy use exceeds the quota. Chloride TiO2 also emits 1.34 t of process CO2 per tonne; concentrate \
and TiO2 count toward titanium-chemicals output value, sponge and materials toward titanium metal.",
        calibration_zh: "钛白粉2020年80万吨（估计值）= 产能100万吨（估计值）× 全国开工率0.80（事实值）；海绵钛2万吨（估计值）= 产能2.5万吨 × 0.80。\
y_ti使2020年原矿在20%钛回收率（估计值）下产出600万吨钛精矿（指南事实值）。",
        calibration_en: "2020 TiO2 of 0.8 Mt (ESTIMATE) = capacity of 1 Mt/yr (ESTIMATE) × the national operating rate of 0.80 \
(FACT); sponge of 20,000 t (ESTIMATE) = 25,000 t/yr × 0.80. y_ti is set so that 2020 ore at 20 % titanium \
recovery (ESTIMATE) gives 6 Mt of titanium concentrate (FACT, from the guideline).",
        limits_zh: "全部钛精矿按精矿价计入产值，不区分省内使用和外销；钛渣外销量固定为35万吨。\
氯化法只以本地电炉钛渣为原料，不考虑进口金红石等原料；钛材按海绵钛价值的2.5倍（估计值）计。\
高炉渣提钛只是一个规模设定，不含技术成本和学习过程；各工序能耗为估计值。",
        limits_en: "All titanium concentrate is valued at the concentrate price, whether used in Sichuan or sold, and slag \
sold out of province is fixed at 0.35 Mt. The chloride route runs only on local electric-furnace slag, with no \
imported rutile or other feed, and titanium materials are valued at 2.5 times sponge (ESTIMATE). Titanium from \
blast-furnace slag is a set volume with no technology cost or learning, and the process energy figures are estimates.",
        levers: &[
            "ti_recovery",
            "tio2_capacity",
            "chloride_share",
            "sponge_capacity",
            "ti_deep",
            "bf_slag_ti",
            "new_mine",
        ],
    },
    // ---- rare earths ---------------------------------------------------------------------------------------
    ChainPage {
        id: "rare_earth",
        title_zh: "稀土",
        title_en: "Rare earths",
        intro_zh: "四川稀土来自冕宁、德昌的氟碳铈矿，是以轻稀土为主的矿床。\
开采量受国家稀土开采总量控制指标约束，之后经冶炼分离得到稀土氧化物，其中镨钕可进一步制成金属和永磁材料。\
指南要求适度扩大稀土采矿及冶炼分离规模，并建成全国最大的海外稀土资源加工基地。",
        intro_en: "Sichuan's rare earths come from the bastnaesite deposits of Mianning and Dechang, dominated by light rare \
earths. Mining is bounded by Sichuan's share of the national mining quota; the ore is then separated into \
individual oxides, of which NdPr can be made into metal and permanent magnets. The guideline calls for a \
moderate expansion of mining and separation and for the country's largest base for processing overseas ore.",
        equations: &[
            "mined [t REO] = Q",
            "separated = min(mined + imported, K_sep)",
            "NdPr oxide = 0.17·separated",
            "metal [t] = 0.86·min(δ_re·m_e·NdPr, NdPr)",
            "energy: separation 3 tce/t REO;  metal electrolysis 9,000 kWh/t",
        ],
        symbols: &[
            (
                "Q",
                "四川分得的稀土开采指标（吨REO），假定全部开采",
                "Sichuan's share of the national mining quota (t REO), assumed fully mined",
            ),
            (
                "imported",
                "加工的进口/海外稀土矿（吨REO），不占国内指标",
                "imported or overseas ore processed (t REO), outside the domestic quota",
            ),
            (
                "K_sep",
                "冶炼分离产能（吨REO/年，2020年4.5万吨）",
                "separation capacity (t REO/yr, 45,000 t in 2020)",
            ),
            (
                "0.17",
                "氟碳铈矿中镨钕氧化物占REO的比例（估计值）",
                "NdPr oxide share of REO in bastnaesite (estimate)",
            ),
            (
                "δ_re",
                "镨钕在省内制成金属和磁材的比例",
                "share of NdPr made into metal and magnets in Sichuan",
            ),
            (
                "m_e",
                "电价产量响应系数，来自能源与电价一章",
                "power-price output response, from the energy chain",
            ),
            (
                "0.86",
                "每吨镨钕氧化物可得的金属吨数（化学计量）",
                "tonnes of metal per tonne of NdPr oxide (stoichiometric)",
            ),
        ],
        couplings_zh: "稀土与钢铁、钒、钛没有物料联系，只通过能源、电价、排放和产值相连。\
冶炼分离消耗燃料（3 tce/t REO），稀土金属电解耗电多（9,000 kWh/t），后者随电价响应系数m_e变化，两者都可能在能耗超标时被压减。\
分离出的氧化物按镨钕与镧铈的价格组合计产值，制成金属的镨钕另按磁材价值（2.5倍）加值。",
        couplings_en: "Rare earths have no material link to steel, vanadium or titanium; they connect only through energy, power \
prices, emissions and output value. Separation burns fuel (3 tce/t REO) and metal electrolysis is \
electricity-intensive (9,000 kWh/t), so metal follows the power-price response m_e, and both can be cut when \
energy use exceeds the quota. Separated oxide is valued at a basket of NdPr and La/Ce prices, and NdPr made into \
metal earns a further magnet uplift (2.5 times).",
        calibration_zh: "2020年开采量 = 指标3.5万吨REO（估计值：全国指标14万吨为事实值，乘以四川2021年所占份额）；进口加工1万吨为估计值；分离产能4.5万吨取自2016–2020年规划（事实值）。\
稀土产值系数使2020年产值为115亿元（估计值）。",
        calibration_en: "2020 mining equals the quota of 35,000 t REO (ESTIMATE: the national quota of 140,000 t is FACT, times \
Sichuan's 2021 share); 10,000 t of imported ore processed is an ESTIMATE, and the 45,000 t separation capacity \
comes from the 2016–20 plan (FACT). The rare-earth value multiplier makes 2020 output value 11.5 billion yuan (ESTIMATE).",
        limits_zh: "假定指标全部开采，不考虑市场需求；超过分离产能的矿以精矿形式外运，不计产值。\
镨钕占比固定，不单独计算镝、铽等中重稀土；磁材增值倍数为估计值。\
海外稀土加工基地在指南中没有数字目标，只显示加工量而不评分。",
        limits_en: "The quota is assumed to be mined in full, regardless of demand; ore beyond the separation capacity leaves \
Sichuan as concentrate and is not valued. The NdPr share is fixed and medium/heavy rare earths such as \
dysprosium and terbium are not modelled separately; the magnet uplift is an estimate. The overseas processing \
base has no number in the guideline, so its volume is shown but not scored.",
        levers: &["re_quota", "re_imported", "re_separation", "re_deep"],
    },
    // ---- energy --------------------------------------------------------------------------------------------
    ChainPage {
        id: "energy",
        title_zh: "能源与电价",
        title_en: "Energy and power prices",
        intro_zh: "能源链把各产品的燃料和电力消耗加总为产业能耗，并与能耗指标比较；超出指标时按规则压减产量。\
电力可按当量值或发电煤耗法折标，这会显著改变电炉钢、海绵钛等用电大户的能耗。\
电价决定高耗电环节的开工水平；指南提出新增可再生能源不计入能耗总量，并研究钒钛、稀土支持措施。",
        intro_en: "The energy chain adds up the fuel and electricity of every product into the sector's energy use and compares \
it with an energy quota; above the quota, production is cut by a set rule. Electricity can be counted at its \
equivalent value or at coal-equivalent, which changes the energy of electricity-heavy products such as EAF steel \
and titanium sponge a great deal. The power price sets how hard electricity-intensive steps run; the guideline \
exempts new renewable energy from the energy total and calls for support measures for V-Ti and rare earths.",
        equations: &[
            "E = Σ q·f + κ·Σ q·e",
            "f = total intensity − 0.1229·e   (CSV intensities count electricity at 0.1229 kgce/kWh)",
            "κ = 0.1229 kgce/kWh (equivalent value) or 0.3055 kgce/kWh (coal-equivalent)",
            "X = 0.87·max(0, κ·Elec − κ·Elec_2020)   (renewable exemption on; else X = 0)",
            "counted = E − X;  if counted > Q_E: cut in ascending order of value / (f + κ·e)",
            "p_eff = c·p_pref + (1 − c)·p",
            "m_e = (p_eff / p_eff,2020)^ε,  ε = −0.3;  utilisation × m_e, capped at capacity",
            "bill = Σ Elec_i·(p_eff for intensive steps, p for the rest)",
        ],
        symbols: &[
            (
                "q",
                "各产品产量（长流程钢分钒钛矿和普通矿、电炉钢、两种钛白、外销钛渣、海绵钛、高炉渣提钛、稀土分离、稀土金属）",
                "output of each product (BF-BOF steel on V-Ti and ordinary ore, EAF steel, both TiO2 routes, slag sold, sponge, Ti from BF slag, RE separation, RE metal)",
            ),
            (
                "f, e",
                "每单位产品的燃料能耗（tce，不含电）和用电量（kWh）",
                "fuel (tce, excluding electricity) and electricity (kWh) per unit of product",
            ),
            (
                "κ",
                "电力折标系数",
                "conversion factor from electricity to coal equivalent",
            ),
            (
                "E, Elec",
                "产业总能耗（万吨标煤）和总用电量（亿千瓦时）；Elec_2020为2020年用电量",
                "total energy use (10 kt ce) and electricity (10⁸ kWh); Elec_2020 is 2020 electricity",
            ),
            (
                "X",
                "可再生能源豁免：比2020年新增用电中的可再生部分（87%），不计入指标",
                "renewable exemption: the renewable part (87 %) of electricity use above 2020, not counted",
            ),
            (
                "Q_E",
                "产业能耗指标（万吨标煤）",
                "sector energy quota (10 kt ce)",
            ),
            (
                "p, p_pref, c",
                "大工业电价、优惠电价和优惠电价覆盖比例",
                "large-industry power price, preferential price and the share of intensive-step electricity it covers",
            ),
            (
                "ε",
                "高耗电环节产量对电价的弹性，−0.3（估计值，−0.6至−0.1）",
                "elasticity of intensive-step output to the power price, −0.3 (estimate, −0.6 to −0.1)",
            ),
            (
                "m_e",
                "电价产量响应系数，作用于电炉钢、氯化法钛白、海绵钛、高炉渣提钛和稀土金属",
                "power-price output response, applied to EAF steel, chloride TiO2, sponge, Ti from BF slag and RE metal",
            ),
        ],
        couplings_zh: "每年先由电价算出m_e，传给钢铁、钛和稀土链；各链算出产量后，再在此汇总能耗并检查指标。\
指标约束时，产品按“每吨标煤产值”从低到高逐个压减，每个只减到刚好满足指标为止，钒钛矿长流程钢连同其钒、氯化法钛白和海绵钛连同其钛渣一起压减；排序与是否启用豁免无关，所以豁免不会降低产量。\
压减后的产量用于计算排放和产值，并报告被压减产品和损失的产值。",
        couplings_en: "Each year the power price is turned into m_e first and passed to the steel, titanium and rare-earth \
chains; once they have computed output, energy is summed here and checked against the quota. When the quota \
binds, products are cut one at a time from the lowest output value per tce upward, each just enough to meet the \
quota, V-Ti steel with its vanadium and chloride TiO2 and sponge with their slag; the order does not depend on \
the exemption, so the exemption can never lower output. The cut quantities feed emissions and output value, and \
the products cut and the value lost are reported.",
        calibration_zh: "2020年产业能耗约1,300万吨标煤（估计值），由CSV中的单位能耗自下而上算出（钢铁约1,150、钒钛稀土约150），没有公开的产业总量可对照。\
2020年能耗指标1,500万吨标煤为估计值；折标系数0.1229和0.3055均为事实值；电价0.45和优惠电价0.32元/千瓦时为估计值。",
        calibration_en: "2020 sector energy of about 13 Mtce (ESTIMATE) is built bottom-up from the intensities in the CSV (steel \
about 11.5, vanadium, titanium and rare earths about 1.5 Mtce); no published sector total exists to check it \
against. The 2020 quota of 15 Mtce is an ESTIMATE; both conversion factors, 0.1229 and 0.3055, are FACT; the \
power price of 0.45 and preferential price of 0.32 yuan/kWh are estimates.",
        limits_zh: "采矿和选矿能耗未建模；各产品单位能耗在整个时期保持不变，不含能效进步。\
压减规则是一个明确的建模假设，不是观察到的政策做法；四川没有公开的产业能耗指标。\
电价弹性只有粗略估计，且不区分行业。",
        limits_en: "Mining and dressing energy is not modelled, and each product's energy intensity is held constant over the \
whole period, with no efficiency gains. The curtailment rule is a stated modelling assumption, not an observed \
policy, and Sichuan publishes no energy quota for this sector. The price elasticity is a rough estimate and is \
the same for all intensive steps.",
        levers: &[
            "energy_quota",
            "renewable_exemption",
            "elec_convention",
            "power_price",
            "pref_price",
            "pref_coverage",
        ],
    },
    // ---- emissions -----------------------------------------------------------------------------------------
    ChainPage {
        id: "emissions",
        title_zh: "二氧化碳排放",
        title_en: "CO2 emissions",
        intro_zh: "排放链把产业CO2分为直接排放（燃料燃烧和工艺过程）和间接排放（用电 × 电网排放因子），并按钢铁、钒、钛、稀土分列。\
四川电网以水电为主，排放因子远低于全国平均，因此长流程转电炉和电气化的减排效果在四川更大。\
指南第二章第三节提出实现“双碳”目标，模型据此按“2030年前碳达峰”评分。",
        intro_en: "The emissions chain splits the sector's CO2 into direct emissions (fuel combustion and process) and indirect \
emissions (electricity times the grid emission factor), by steel, vanadium, titanium and rare earths. Sichuan's \
grid is mostly hydro, with a factor far below the national average, so moving from BF-BOF to EAF and \
electrifying cut more CO2 here than elsewhere. The guideline's call (chapter 2, section 3) to reach the \
'dual carbon' goals is scored here as CO2 peaking by 2030.",
        equations: &[
            "direct steel [t CO2] = 1.95·BOF + 0.20·EAF",
            "direct V, Ti, RE [t CO2] = fuel [tce]·2.66",
            "process CO2, chloride TiO2 [t] = 1.34·chloride TiO2 [t]",
            "indirect [Mt CO2] = Elec [10⁸ kWh]·GF [kg CO2/kWh]·0.1",
            "GF_t = 0.1255 + (GF_2030 − 0.1255)·min(1, (t − 2020) / 10)",
            "total = direct + indirect, by steel, vanadium, titanium and rare earths",
        ],
        symbols: &[
            (
                "BOF, EAF",
                "长流程和电炉粗钢产量（压减后）",
                "BF-BOF and EAF crude steel (after any curtailment)",
            ),
            (
                "1.95, 0.20",
                "长流程和电炉每吨钢的直接排放（估计值）；1.95 = 文献全口径2.0减去400 kWh × 0.1255",
                "direct CO2 per tonne of BF-BOF and EAF steel (estimates); 1.95 = the literature's 2.0 total less 400 kWh × 0.1255",
            ),
            (
                "2.66",
                "以煤为主的燃料每吨标煤排放的CO2（IPCC 2006默认值，估计值）",
                "CO2 per tce of a coal-dominated fuel mix (IPCC 2006 default; estimate)",
            ),
            (
                "1.34",
                "氯化法钛白每吨工艺CO2（IPCC 2006，事实值）",
                "process CO2 per tonne of chloride TiO2 (IPCC 2006; FACT)",
            ),
            (
                "Elec",
                "各环节用电量（亿千瓦时）",
                "electricity use by step (10⁸ kWh)",
            ),
            (
                "GF, GF_2030",
                "四川电网排放因子；2030年取值为杠杆，之后保持",
                "Sichuan grid emission factor; its 2030 value is a lever, held after 2030",
            ),
        ],
        couplings_zh: "排放使用能源链压减后的最终产量，因此能耗指标约束会同时减少排放。\
V2O5生产的燃料和用电从钒钛矿长流程钢中拆出，计入钒。\
电网排放因子只影响间接排放；电力折标口径只改变能耗计量，不改变排放。",
        couplings_en: "Emissions use the final quantities after any energy-quota curtailment, so a binding quota cuts CO2 too. \
The fuel and electricity of making V2O5 are split out of V-Ti BF-BOF steel and reported under vanadium. The grid \
factor affects only indirect emissions, and the electricity-accounting convention changes counted energy, not CO2.",
        calibration_zh: "2020年电网因子取2021年四川值0.1255 kgCO2/kWh（生态环境部、国家统计局，事实值）。\
排放不对某个公开的产业总量校准，而是由各项排放因子自下而上计算；其中1.95、0.20和2.66为估计值，1.34为事实值。",
        calibration_en: "For 2020 the grid factor is Sichuan's 2021 value, 0.1255 kg CO2/kWh (MEE and NBS; FACT). Emissions are not \
calibrated to a published sector total but built bottom-up from the factors, of which 1.95, 0.20 and 2.66 are \
estimates and 1.34 is FACT.",
        limits_zh: "不含氢冶金、碳捕集等技术路线，也不含采选环节排放；长流程的工艺排放包含在每吨1.95吨的综合因子中。\
四川电网因子随来水年际波动很大（2022年枯水年为0.1404），模型只给出平滑的线性路径。\
燃料排放因子对所有燃料统一取2.66，燃气比例上升时会高估排放。",
        limits_en: "Hydrogen-based ironmaking, carbon capture and emissions from mining and dressing are not modelled; BF-BOF \
process emissions sit inside the 1.95 t/t factor. Sichuan's grid factor swings with rainfall from year to year \
(0.1404 in the dry year 2022), while the model follows a smooth linear path. A single fuel factor of 2.66 is \
used for all fuels, which overstates CO2 if the share of gas rises.",
        levers: &["grid_factor", "chloride_share", "eaf_swap"],
    },
    // ---- value ---------------------------------------------------------------------------------------------
    ChainPage {
        id: "value",
        title_zh: "产值（产业规模）",
        title_en: "Output value (industry scale)",
        intro_zh: "产值链把各链产量乘以价格和加工深度系数，得到钢铁、钒、钛化工、钛金属和稀土的总产值（亿元，当年价）。\
指南以“钒钛钢铁及稀土产业规模达到6000亿元以上”为2025年首要目标，2020年5000亿元的目标也未实现。\
同一计算按2020年价格再做一次，用于单位产值能耗目标。",
        intro_en: "The value chain multiplies each chain's output by prices and by processing-depth multipliers to give the \
gross output value of steel, vanadium, titanium chemicals, titanium metal and rare earths (100 million yuan, \
current prices). The guideline's headline 2025 target is an industry scale of at least 600 billion yuan; the \
2020 target of 500 billion was also missed. The same sum at 2020 prices is used for the energy-intensity target.",
        equations: &[
            "steel = k_s·crude·p_steel·(1 + premium) / 10⁴",
            "vanadium = k_v·V2O5·p_V2O5 / 10⁸ + B·cost·10",
            "Ti chem. = k_ti·(Ti conc.·p_conc + TiO2·p_TiO2) / 10⁴",
            "Ti metal = k_ti·sponge·p_sponge·(1 + δ·(2.5 − 1)) / 10⁸",
            "RE = k_re·(sep·(0.17·p_NdPr + 0.83·p_LaCe) + NdPr in metal·p_NdPr·(2.5 − 1)) / 10⁸",
            "total [10⁸ yuan] = steel + vanadium + Ti chem. + Ti metal + RE",
        ],
        symbols: &[
            (
                "k_s, k_v, k_ti, k_re",
                "加工深度系数（轧制、合金与化工、采选、应用等），由2020年各子行业产值校准",
                "processing-depth multipliers (rolling, alloys and chemicals, mining and dressing, applications), calibrated to 2020",
            ),
            (
                "crude, V2O5, Ti conc., TiO2, sponge, sep",
                "粗钢、V2O5、钛精矿、钛白粉、海绵钛、稀土分离量（压减后）",
                "crude steel, V2O5, titanium concentrate, TiO2, sponge and separated REO (after any curtailment)",
            ),
            (
                "p_steel, p_V2O5, p_TiO2, p_sponge, p_NdPr",
                "价格：2020–2024年取CSV年均价，2025年起取价格杠杆",
                "prices: the CSV's annual averages for 2020–24, the price levers from 2025",
            ),
            (
                "p_conc, p_LaCe",
                "钛精矿价格1,700元/吨、镧铈氧化物价格12,000元/吨（估计值，固定）",
                "titanium concentrate 1,700 yuan/t and La/Ce oxide 12,000 yuan/t (estimates, fixed)",
            ),
            (
                "premium",
                "优特钢与深加工带来的钢材溢价",
                "steel premium from special steels and deeper processing",
            ),
            (
                "B, cost",
                "液流电池部署量（GWh/年）和系统价格2.0元/Wh",
                "flow batteries built (GWh/yr) and system price, 2.0 yuan/Wh",
            ),
            (
                "δ",
                "海绵钛省内加工为钛材的比例；钛材价值为海绵钛的2.5倍（估计值）",
                "share of sponge made into titanium materials in Sichuan; materials are worth 2.5 times sponge (estimate)",
            ),
            (
                "NdPr in metal",
                "制成金属的镨钕氧化物量；磁材价值为镨钕氧化物的2.5倍（估计值）",
                "NdPr oxide made into metal; magnets are worth 2.5 times the oxide (estimate)",
            ),
        ],
        couplings_zh: "产值使用各链压减后的最终产量，所以铁精矿、废钢、钛精矿和能耗约束都会反映为产值。\
每单位产品的产值除以其能耗，决定能耗超标时的压减顺序。\
产业规模、钒钛产业集群数量（钒、钛化工、钛金属超过100亿元的个数）和单位产值能耗三项目标都取自这里。",
        couplings_en: "Output value uses each chain's final quantities, so the iron-concentrate, scrap, titanium-concentrate and \
energy limits all show up in value. Value per unit of product divided by its energy sets the order in which \
products are cut when the energy quota binds. Three targets are read from here: industry scale, the number of \
vanadium and titanium clusters (vanadium, titanium chemicals and titanium metal above 10 billion yuan) and energy \
per unit of output.",
        calibration_zh: "系数k使2020年各子行业产值等于CSV估计值：钒100亿元、钛300亿元、稀土115亿元，钢铁取2,900亿元总量（估计值，无官方统计）的其余部分。\
2020年价格中钛白粉14,025元/吨为事实值，其余年均价为估计值。",
        calibration_en: "The multipliers k make each sub-sector's 2020 value equal its CSV estimate: vanadium 10, titanium 30 and \
rare earths 11.5 billion yuan, with steel taking the rest of the 290 billion yuan total (ESTIMATE; no official \
figure exists). Among 2020 prices, TiO2 at 14,025 yuan/t is FACT and the other annual averages are estimates.",
        limits_zh: "当年价产值随价格大幅波动，价格是外生输入，不随四川产量变化；加工深度系数k在整个时期保持不变。\
总产值包含企业间交易的中间产品，与统计口径一致，但不是增加值。\
参考情景2025年产业规模约3,100亿元，远低于6,000亿元目标；各子行业2020年基数都是低置信度的估计值。",
        limits_en: "Output value at current prices swings with prices, which are inputs that do not respond to Sichuan's \
output, and the multipliers k stay fixed over the whole period. Gross output counts intermediate products sold \
between firms, as the statistics do, so it is not value added. In the reference scenario the 2025 industry scale \
is about 310 billion yuan, far below the 600 billion target, and every sub-sector's 2020 base is a low-confidence estimate.",
        levers: &[
            "steel_price",
            "steel_premium",
            "v2o5_price",
            "tio2_price",
            "sponge_price",
            "ndpr_price",
            "vrfb_deploy",
            "ti_deep",
            "re_deep",
        ],
    },
];

/// One glossary entry.
pub struct Term {
    pub zh: &'static str,
    pub en: &'static str,
    pub def_zh: &'static str,
    pub def_en: &'static str,
}

/// The glossary, grouped loosely: policy, steel, vanadium and titanium, rare earths, energy and emissions.
pub const GLOSSARY: &[Term] = &[
    // ---- policy --------------------------------------------------------------------------------------------
    Term {
        zh: "产能置换",
        en: "Capacity replacement",
        def_zh: "新建炼铁、炼钢产能必须以退出既有产能为前提的制度。工信部2021年办法规定：重点区域按不低于1.5:1置换，其他地区（含四川）不低于1.25:1，厂内转炉改全废钢电炉等情形可1:1等量置换。",
        def_en: "The rule that new iron- or steelmaking capacity may only be built if existing capacity is retired. Under MIIT's 2021 measures the ratio is at least 1.5:1 in key air-pollution regions and 1.25:1 elsewhere, including Sichuan; some cases, such as an in-house switch from converter to all-scrap EAF, may replace 1:1.",
    },
    Term {
        zh: "能耗双控",
        en: "Dual control of energy use",
        def_zh: "同时控制能源消费总量和能耗强度（单位GDP能耗），并把目标分解到地方和重点行业的制度。模型以产业能耗指标代表总量约束，超出时压减产量。",
        def_en: "China's system of controlling both total energy use and energy intensity (energy per unit of GDP), with targets passed down to regions and key industries. The model represents the total cap as a sector energy quota; exceeding it forces production cuts.",
    },
    Term {
        zh: "新增可再生能源不纳入能耗总量",
        en: "Renewable exemption",
        def_zh: "新增的可再生能源消费量不计入能源消费总量考核（指南第四章第五节（三））。模型中开启时，比2020年新增用电中的可再生部分（87%）不计入能耗指标。",
        def_en: "The rule that additional renewable energy use is not counted against the energy-consumption total (guideline chapter 4, section 5, item 3). When switched on in the model, the renewable part (87 %) of electricity use above 2020 is not counted against the quota.",
    },
    Term {
        zh: "超低排放",
        en: "Ultra-low emissions",
        def_zh: "钢铁行业大气污染物排放的最严格要求：按2019年生态环境部等五部门意见，烧结机头、球团焙烧烟气颗粒物、二氧化硫、氮氧化物小时均值分别不高于10、35、50 mg/m³，并覆盖无组织排放和清洁运输。模型不计算大气污染物。",
        def_en: "The strictest air-pollutant standard for the steel industry: under the 2019 opinion of MEE and four other ministries, sinter and pellet flue gas must stay below 10, 35 and 50 mg/m³ of particulates, SO2 and NOx (hourly averages), with rules on fugitive emissions and clean transport too. The model does not compute air pollutants.",
    },
    Term {
        zh: "碳达峰",
        en: "Carbon peak",
        def_zh: "二氧化碳排放达到历史最高值后转入下降，中国承诺在2030年前实现。模型判定：产业CO2在2030年或之前达峰，且2035年比峰值至少低2%。",
        def_en: "The point at which CO2 emissions stop rising and begin to fall; China has pledged to reach it before 2030. In the model the target is met when the sector's CO2 peaks in or before 2030 and is at least 2 % below the peak by 2035.",
    },
    Term {
        zh: "产业规模（总产值）",
        en: "Industry scale (gross output value)",
        def_zh: "指南用钒钛钢铁及稀土产业的总产值衡量产业规模，2025年目标为6,000亿元以上。总产值按当年价计算，包含企业之间交易的中间产品，不等于增加值。",
        def_en: "The guideline measures the size of the vanadium-titanium-steel and rare-earth industry by its gross output value, with a 2025 target of at least 600 billion yuan. Gross output is at current prices and counts intermediate products sold between firms, so it is not value added.",
    },
    Term {
        zh: "优惠电价",
        en: "Preferential power price",
        def_zh: "对指定产业或园区执行的低于一般大工业电价的电价。四川2019年精准电价政策（上限0.30元/千瓦时）覆盖电解铝、多晶硅等，未覆盖钒钛和钢铁；模型中优惠电价及其覆盖比例是两个杠杆。",
        def_en: "A power price below the ordinary large-industry tariff for designated industries or zones. Sichuan's 2019 precise-price policy (capped at 0.30 yuan/kWh) covered electrolytic aluminium, polysilicon and others but not V-Ti or steel; in the model the preferential price and its coverage are two levers.",
    },
    // ---- steel ---------------------------------------------------------------------------------------------
    Term {
        zh: "长流程（高炉-转炉）",
        en: "Long process (BF-BOF)",
        def_zh: "以铁矿石为主要原料，经烧结或球团、焦化、高炉炼铁和转炉炼钢的工艺路线。模型中每吨粗钢综合能耗560 kgce、直接排放1.95吨CO2。",
        def_en: "The ore-based route: sintering or pelletising, coking, blast-furnace ironmaking and basic-oxygen (converter) steelmaking. In the model it uses 560 kgce and emits 1.95 t of direct CO2 per tonne of crude steel.",
    },
    Term {
        zh: "短流程（电炉）",
        en: "Short process (EAF)",
        def_zh: "以废钢为主要原料、用电弧炉熔炼的炼钢路线，能耗和排放远低于长流程，但受废钢供应和电价制约。模型中每吨钢用废钢1.0吨、电400千瓦时。",
        def_en: "Steelmaking that melts mainly scrap in an electric arc furnace; it uses far less energy and emits far less than the long process but depends on scrap supply and the power price. In the model each tonne uses 1.0 t of scrap and 400 kWh.",
    },
    Term {
        zh: "废钢",
        en: "Scrap steel",
        def_zh: "回收的报废钢铁制品和加工边角料，是电炉的主要原料，转炉也少量加入。指南给出四川年废钢供应量约1,200万吨。",
        def_en: "Recovered end-of-life steel and processing offcuts: the main feed of electric arc furnaces, also added in small amounts to converters. The guideline puts Sichuan's scrap supply at about 12 Mt a year.",
    },
    Term {
        zh: "铁精矿",
        en: "Iron concentrate",
        def_zh: "原矿经破碎、磨矿和磁选等选矿后得到的高铁品位产品，是高炉炼铁的原料。攀西年产2,500多万吨，模型中每吨铁水需1.6吨。",
        def_en: "The iron-rich product of crushing, grinding and magnetic separation of ore, fed to blast furnaces. Panxi produces over 25 Mt a year; the model uses 1.6 t per tonne of hot metal.",
    },
    Term {
        zh: "吨钢综合能耗",
        en: "Comprehensive energy use per tonne of steel",
        def_zh: "钢铁企业生产每吨粗钢消耗的各种能源折合标准煤的总量，电力按当量值折算。中钢协重点企业2024年为549.68 kgce/t。",
        def_en: "All energy a steel plant uses per tonne of crude steel, converted to coal equivalent with electricity at its equivalent value. CISA's key member mills averaged 549.68 kgce/t in 2024.",
    },
    Term {
        zh: "开工率",
        en: "Operating rate (utilisation)",
        def_zh: "实际产量与产能之比。模型中钛白粉取全国开工率0.80，长流程0.93，电炉0.775（由2020年粗钢产量反推）。",
        def_en: "Output divided by capacity. The model uses the national TiO2 operating rate of 0.80, 0.93 for BF-BOF and 0.775 for EAF (solved from 2020 crude steel).",
    },
    // ---- vanadium and titanium -----------------------------------------------------------------------------
    Term {
        zh: "钒钛磁铁矿",
        en: "Vanadium-titanium magnetite",
        def_zh: "铁、钒、钛共生的磁铁矿。攀西地区查明资源约100亿吨，其TiO2资源占全国约75%、V2O5资源占全国约32%。",
        def_en: "Magnetite ore in which iron, vanadium and titanium occur together. Panxi holds about 10 billion tonnes of identified resources, with about 75 % of China's TiO2 resources and 32 % of its V2O5 resources.",
    },
    Term {
        zh: "攀西",
        en: "Panxi",
        def_zh: "四川攀枝花—西昌（凉山）地区，钒钛磁铁矿和稀土资源的集中地。",
        def_en: "The Panzhihua–Xichang (Liangshan) region of Sichuan, where the V-Ti magnetite and rare-earth resources are concentrated.",
    },
    Term {
        zh: "选矿回收率",
        en: "Dressing recovery",
        def_zh: "原矿中某种元素进入精矿的比例。指南2025年目标为钒55%、钛35%以上，铁资源综合回收率75%；不同来源的统计口径并不一致。",
        def_en: "The share of an element in the ore that ends up in concentrate. The guideline's 2025 targets are at least 55 % for vanadium and 35 % for titanium, and 75 % comprehensive recovery for iron; definitions differ between sources.",
    },
    Term {
        zh: "钒渣",
        en: "Vanadium slag",
        def_zh: "含钒铁水在转炉中吹炼提钒得到的富钒氧化物渣，是生产五氧化二钒和钒合金的主要原料。模型中铁水到V2O5的冶炼侧回收率取0.80。",
        def_en: "The vanadium-rich oxide slag blown from vanadium-bearing hot metal in a converter before steelmaking; the main feed for V2O5 and vanadium alloys. The model takes a smelter-side recovery of 0.80 from hot metal to V2O5.",
    },
    Term {
        zh: "五氧化二钒（V2O5）",
        en: "Vanadium pentoxide (V2O5)",
        def_zh: "钒的主要中间产品，也是钒产量的通用计量基准：钒铁、钒氮合金等常折算为V2O5当量。",
        def_en: "The main intermediate vanadium product and the usual unit for vanadium output: ferrovanadium, vanadium-nitrogen alloys and other products are often stated as V2O5 equivalent.",
    },
    Term {
        zh: "全钒液流电池",
        en: "Vanadium redox flow battery",
        def_zh: "以不同价态钒离子的硫酸溶液作正负极电解液的储能电池，循环寿命长、容量易于扩展。模型按每MWh约9.25吨V2O5计算需求。",
        def_en: "A storage battery whose two electrolytes are sulfuric-acid solutions of vanadium in different oxidation states; it lasts many cycles and its capacity scales easily. The model assumes about 9.25 t of V2O5 per MWh.",
    },
    Term {
        zh: "钛精矿",
        en: "Titanium concentrate",
        def_zh: "从钒钛磁铁矿选铁尾矿中回收的钛铁矿精矿，TiO2品位约47%，是硫酸法钛白和钛渣的原料。攀西年产600多万吨。",
        def_en: "Ilmenite concentrate recovered from the tailings of iron dressing of V-Ti magnetite, at about 47 % TiO2; the feed for sulfate-route TiO2 and titanium slag. Panxi produces over 6 Mt a year.",
    },
    Term {
        zh: "钛渣",
        en: "Titanium slag",
        def_zh: "钛精矿在电炉中还原熔炼、除去大部分铁后得到的高TiO2富钛料，用于氯化法钛白和海绵钛。每吨耗电约2,700千瓦时，模型中每吨需钛精矿1.8吨。",
        def_en: "A high-TiO2 feedstock made by smelting titanium concentrate in an electric furnace to remove most of the iron; used for chloride-route TiO2 and sponge. It takes about 2,700 kWh per tonne, and the model uses 1.8 t of concentrate per tonne.",
    },
    Term {
        zh: "硫酸法钛白",
        en: "Sulfate-route TiO2",
        def_zh: "用硫酸分解钛精矿，再经水解、煅烧制得钛白粉的工艺，可直接使用攀西钛精矿，但副产大量废酸和硫酸亚铁。模型中每吨需钛精矿2.4吨。",
        def_en: "Titanium dioxide made by digesting titanium concentrate in sulfuric acid, then hydrolysing and calcining; it can use Panxi concentrate directly but produces large amounts of spent acid and ferrous sulfate. The model uses 2.4 t of concentrate per tonne.",
    },
    Term {
        zh: "氯化法钛白",
        en: "Chloride-route TiO2",
        def_zh: "把高品位富钛料（如钛渣、金红石）氯化为四氯化钛，再氧化制得钛白粉的工艺，废物少、产品质量高。四川以电炉钛渣为原料，因此耗电多；每吨另有约1.34吨工艺CO2。",
        def_en: "Titanium dioxide made by chlorinating a high-grade feed (titanium slag, rutile) to titanium tetrachloride and oxidising it; it produces less waste and a higher-grade product. In Sichuan the feed is electric-furnace slag, so the route is electricity-intensive, and it emits about 1.34 t of process CO2 per tonne.",
    },
    Term {
        zh: "海绵钛",
        en: "Titanium sponge",
        def_zh: "用镁还原四氯化钛（克罗尔法）得到的多孔金属钛，是钛锭和钛材的原料。含镁电解的全流程每吨耗电约2.5万千瓦时（估计值）。",
        def_en: "Porous titanium metal made by reducing titanium tetrachloride with magnesium (the Kroll process); the feed for ingot and titanium materials. The full process, including magnesium electrolysis, uses about 25,000 kWh per tonne (estimate).",
    },
    Term {
        zh: "高炉渣提钛",
        en: "Titanium from blast-furnace slag",
        def_zh: "攀西钒钛矿冶炼产生的高钛型高炉渣含TiO2约22–25%，长期难以利用；高温碳化—低温氯化等工艺可从中回收钛。模型中其产量计入钛白粉产量和钛回收率。",
        def_en: "Smelting Panxi V-Ti ore leaves high-titanium blast-furnace slag with about 22–25 % TiO2 that has long gone unused; processes such as high-temperature carbonisation followed by low-temperature chlorination recover titanium from it. In the model its output counts toward TiO2 output and titanium recovery.",
    },
    // ---- rare earths ---------------------------------------------------------------------------------------
    Term {
        zh: "REO（稀土氧化物）",
        en: "REO (rare-earth oxide)",
        def_zh: "稀土产量、指标和储量的通用计量单位：把各稀土元素折算为氧化物后的总量。",
        def_en: "The usual unit for rare-earth output, quotas and resources: the total of all rare-earth elements expressed as their oxides.",
    },
    Term {
        zh: "稀土开采总量控制指标",
        en: "Rare-earth mining quota",
        def_zh: "国家每年下达、分配给大型稀土集团的稀土矿开采总量（以REO计）。模型中四川开采量等于其分得的指标，2020年估计为3.5万吨。",
        def_en: "The national total of rare-earth ore that may be mined each year, in REO, allocated to the large rare-earth groups. In the model Sichuan mines exactly its share, estimated at 35,000 t in 2020.",
    },
    Term {
        zh: "冶炼分离",
        en: "Smelting and separation",
        def_zh: "把稀土精矿分解并用萃取等方法分离为单一稀土氧化物或盐类的环节，也受国家指标管理。模型中分离量不超过分离产能，也不超过开采量加进口量。",
        def_en: "Breaking down rare-earth concentrate and separating it, mainly by solvent extraction, into individual oxides or salts; it is also under a national quota. In the model separation is bounded by separation capacity and by mined plus imported ore.",
    },
    Term {
        zh: "镨钕",
        en: "NdPr (neodymium-praseodymium)",
        def_zh: "钕和镨两种轻稀土，主要用于钕铁硼永磁，是轻稀土中价值最高的部分。模型取四川氟碳铈矿中镨钕氧化物约占REO的17%。",
        def_en: "Neodymium and praseodymium, the light rare earths used mainly in NdFeB permanent magnets and the most valuable part of light rare-earth output. The model takes NdPr oxide as about 17 % of REO in Sichuan's bastnaesite.",
    },
    Term {
        zh: "氟碳铈矿",
        en: "Bastnaesite",
        def_zh: "以轻稀土为主的稀土氟碳酸盐矿物，是四川冕宁、德昌稀土矿的主要矿物。",
        def_en: "A rare-earth fluorocarbonate mineral rich in light rare earths; the main ore mineral of the Mianning and Dechang deposits in Sichuan.",
    },
    // ---- energy and emissions ------------------------------------------------------------------------------
    Term {
        zh: "标准煤（tce）",
        en: "Tonne of coal equivalent (tce)",
        def_zh: "能源统计的折算单位，1千克标准煤的热值为29,307千焦（7,000千卡）。",
        def_en: "The unit energy statistics convert everything to: 1 kg of coal equivalent has a heating value of 29,307 kJ (7,000 kcal).",
    },
    Term {
        zh: "当量值",
        en: "Equivalent value (of electricity)",
        def_zh: "按电能本身的热量折算标准煤：1千瓦时 = 3,600千焦 = 0.1229千克标准煤。国家能耗限额标准采用此口径，也是模型的默认口径。",
        def_en: "Converting electricity to coal equivalent by its own heat content: 1 kWh = 3,600 kJ = 0.1229 kgce. The national energy-consumption norms use it, and it is the model's default.",
    },
    Term {
        zh: "发电煤耗法（等价值）",
        en: "Coal-equivalent method (equal value)",
        def_zh: "按发出1千瓦时电实际消耗的标准煤折算电力。模型采用2020年全国火电平均供电煤耗305.5克/千瓦时，即0.3055千克标准煤/千瓦时，用电大户的能耗因此约为当量值口径的2.5倍。",
        def_en: "Converting electricity to coal equivalent by the coal burnt to generate it. The model uses the 2020 national average for thermal power, 305.5 gce/kWh (0.3055 kgce/kWh), so electricity-heavy products count about 2.5 times as much energy as under the equivalent value.",
    },
    Term {
        zh: "电网排放因子",
        en: "Grid emission factor",
        def_zh: "每消耗1千瓦时电对应的CO2排放量。生态环境部和国家统计局公布的四川2021年因子为0.1255 kgCO2/kWh，远低于全国的0.5568，原因是四川以水电为主。",
        def_en: "The CO2 emitted per kWh of electricity used. The factor published by MEE and NBS for Sichuan in 2021 is 0.1255 kg CO2/kWh, far below the national 0.5568, because Sichuan's power is mostly hydro.",
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    const IDS: [&str; 7] = [
        "steel",
        "vanadium",
        "titanium",
        "rare_earth",
        "energy",
        "emissions",
        "value",
    ];

    /// CJK ideographs, plus CJK and full-width punctuation (。，（）“” are not allowed in English either).
    fn has_cjk(s: &str) -> bool {
        s.chars().any(|c| {
            let u = c as u32;
            (0x4E00..=0x9FFF).contains(&u)
                || (0x3000..=0x303F).contains(&u)
                || (0xFF00..=0xFFEF).contains(&u)
        })
    }

    #[test]
    fn seven_pages_in_order() {
        let ids: Vec<&str> = CHAIN_PAGES.iter().map(|p| p.id).collect();
        assert_eq!(ids, IDS);
    }

    #[test]
    fn text_fields_non_empty() {
        for p in CHAIN_PAGES {
            let fields = [
                p.title_zh,
                p.title_en,
                p.intro_zh,
                p.intro_en,
                p.couplings_zh,
                p.couplings_en,
                p.calibration_zh,
                p.calibration_en,
                p.limits_zh,
                p.limits_en,
            ];
            for f in fields {
                assert!(!f.trim().is_empty(), "empty field on page {}", p.id);
            }
            assert!(!p.equations.is_empty(), "no equations on page {}", p.id);
            assert!(!p.symbols.is_empty(), "no symbols on page {}", p.id);
            assert!(!p.levers.is_empty(), "no levers on page {}", p.id);
            for e in p.equations {
                assert!(!e.trim().is_empty(), "empty equation on page {}", p.id);
            }
            for (s, zh, en) in p.symbols {
                assert!(
                    !s.trim().is_empty() && !zh.trim().is_empty() && !en.trim().is_empty(),
                    "empty symbol entry on page {}",
                    p.id
                );
            }
        }
        for t in GLOSSARY {
            for f in [t.zh, t.en, t.def_zh, t.def_en] {
                assert!(!f.trim().is_empty(), "empty glossary field for {}", t.zh);
            }
        }
    }

    #[test]
    fn english_and_equations_have_no_cjk() {
        for p in CHAIN_PAGES {
            for f in [
                p.title_en,
                p.intro_en,
                p.couplings_en,
                p.calibration_en,
                p.limits_en,
            ] {
                assert!(!has_cjk(f), "CJK in English text on page {}: {f}", p.id);
            }
            for e in p.equations {
                assert!(!has_cjk(e), "CJK in equation on page {}: {e}", p.id);
            }
            for (s, _, en) in p.symbols {
                assert!(!has_cjk(s), "CJK in symbol on page {}: {s}", p.id);
                assert!(!has_cjk(en), "CJK in symbol meaning on page {}: {en}", p.id);
            }
        }
        for t in GLOSSARY {
            assert!(!has_cjk(t.en), "CJK in glossary term: {}", t.en);
            assert!(!has_cjk(t.def_en), "CJK in glossary definition of {}", t.en);
        }
    }

    #[test]
    fn zh_fields_are_chinese() {
        for p in CHAIN_PAGES {
            for f in [
                p.title_zh,
                p.intro_zh,
                p.couplings_zh,
                p.calibration_zh,
                p.limits_zh,
            ] {
                assert!(has_cjk(f), "no Chinese in a zh field on page {}", p.id);
            }
        }
        for t in GLOSSARY {
            assert!(has_cjk(t.zh) && has_cjk(t.def_zh), "no Chinese in {}", t.en);
        }
    }

    #[test]
    fn equations_are_short() {
        for p in CHAIN_PAGES {
            for e in p.equations {
                assert!(
                    e.chars().count() <= 110,
                    "equation too long on page {}: {e}",
                    p.id
                );
            }
        }
    }

    #[test]
    fn page_levers_exist() {
        for p in CHAIN_PAGES {
            let mut seen = HashSet::new();
            for k in p.levers {
                assert!(
                    vtre_model::levers::LeverId::from_key(k).is_some(),
                    "unknown lever key {k} on page {}",
                    p.id
                );
                assert!(seen.insert(*k), "lever {k} listed twice on page {}", p.id);
            }
        }
    }

    #[test]
    fn every_lever_on_some_page() {
        let listed: HashSet<&str> = CHAIN_PAGES
            .iter()
            .flat_map(|p| p.levers.iter().copied())
            .collect();
        for l in vtre_model::levers::LEVERS {
            assert!(listed.contains(l.key), "lever {} is on no page", l.key);
        }
    }

    #[test]
    fn glossary_unique_and_complete() {
        assert!(GLOSSARY.len() >= 24, "only {} terms", GLOSSARY.len());
        let mut zh = HashSet::new();
        let mut en = HashSet::new();
        for t in GLOSSARY {
            assert!(zh.insert(t.zh), "duplicate term {}", t.zh);
            assert!(en.insert(t.en), "duplicate term {}", t.en);
        }
        let required = [
            "产能置换",
            "能耗双控",
            "超低排放",
            "钒渣",
            "氯化法钛白",
            "硫酸法钛白",
            "海绵钛",
            "钛渣",
            "高炉渣提钛",
            "REO（稀土氧化物）",
            "稀土开采总量控制指标",
            "冶炼分离",
            "镨钕",
            "全钒液流电池",
            "长流程（高炉-转炉）",
            "短流程（电炉）",
            "铁精矿",
            "钛精矿",
            "钒钛磁铁矿",
            "当量值",
            "发电煤耗法（等价值）",
            "电网排放因子",
            "碳达峰",
            "产业规模（总产值）",
            "选矿回收率",
            "废钢",
            "吨钢综合能耗",
            "优惠电价",
        ];
        for r in required {
            assert!(zh.contains(r), "glossary lacks {r}");
        }
    }
}
