//! The guideline as a reader's outline: chapters and sections with our own short plain-language
//! summaries (zh + en), the measures each section contains and which levers/targets represent them.
//!
//! Quotes (`quote_zh`) are copied verbatim from `data/guideline-zh.txt`; titles are the guideline's own.
//! Summaries are ours. Chapter 1 describes the starting point and problems rather than measures; its items are
//! listed the same way so every part of the text has a place in the outline.

use vtre_model::levers::LeverId;
use vtre_model::targets::TargetId;

/// One measure (or, in chapter 1, one finding) of a section.
#[derive(Debug)]
pub struct Measure {
    /// Stable id, e.g. "ch3-s5-1".
    pub id: &'static str,
    /// The guideline's exact wording of the measure (a short verbatim quote, <= 60 characters, copied exactly
    /// from the text).
    pub quote_zh: &'static str,
    pub summary_zh: &'static str,
    pub summary_en: &'static str,
    /// Levers that represent it; empty if the model does not represent it.
    pub levers: &'static [LeverId],
    /// Targets (第二章第三节) it states.
    pub targets: &'static [TargetId],
}

/// One section (第X节) of a chapter.
#[derive(Debug)]
pub struct Section {
    /// "ch1-s1", "ch2-s3", "ch3-s5", "ch4-s5" ... (chapter n, section m).
    pub id: &'static str,
    /// e.g. "第三章 第五节"
    pub number_zh: &'static str,
    /// Exact section title from the text, e.g. "践行绿色低碳".
    pub title_zh: &'static str,
    pub title_en: &'static str,
    /// 1–3 sentences, our own words (not quotes).
    pub summary_zh: &'static str,
    pub summary_en: &'static str,
    pub measures: &'static [Measure],
}

/// One chapter (第X章).
#[derive(Debug)]
pub struct Chapter {
    /// "ch1" ... "ch4".
    pub id: &'static str,
    /// e.g. "第一章"
    pub number_zh: &'static str,
    pub title_zh: &'static str,
    pub title_en: &'static str,
    pub sections: &'static [Section],
}

impl Measure {
    pub fn summary(&self, zh: bool) -> &'static str {
        if zh {
            self.summary_zh
        } else {
            self.summary_en
        }
    }
}

impl Section {
    pub fn title(&self, zh: bool) -> &'static str {
        if zh {
            self.title_zh
        } else {
            self.title_en
        }
    }
    pub fn summary(&self, zh: bool) -> &'static str {
        if zh {
            self.summary_zh
        } else {
            self.summary_en
        }
    }
}

impl Chapter {
    pub fn title(&self, zh: bool) -> &'static str {
        if zh {
            self.title_zh
        } else {
            self.title_en
        }
    }
}

/// The whole outline, in the guideline's order (the preamble before 第一章 is left out).
pub const CHAPTERS: &[Chapter] = &[
    Chapter {
        id: "ch1",
        number_zh: "第一章",
        title_zh: "编制背景",
        title_en: "Background",
        sections: &[
            Section {
                id: "ch1-s1",
                number_zh: "第一章 第一节",
                title_zh: "发展基础",
                title_en: "Foundations",
                summary_zh: "攀西钒钛磁铁矿和冕宁、德昌的稀土矿储量大、伴生金属多。钢铁、钒、钛、稀土已形成较完整的产业链，并有创新平台、成熟技术和以水电为主的能源作支撑。",
                summary_en: "Sichuan's Panxi vanadium-titanium magnetite and its rare-earth deposits at Mianning and Dechang are large and rich in associated metals. Steel, vanadium, titanium and rare earths already form fairly complete chains, backed by research platforms, proven technologies and a mostly hydro power supply.",
                measures: &[
                    Measure {
                        id: "ch1-s1-1",
                        quote_zh: "已查明资源量为 100.03 亿多吨",
                        summary_zh: "攀西钒钛磁铁矿已查明资源量约100亿吨，钛资源量居世界第一、钒居第三；稀土矿是全国最大的氟碳铈矿型独立稀土矿。",
                        summary_en: "Panxi's identified V-Ti magnetite resources are about 10 billion tonnes; its titanium resources rank first in the world and its vanadium third. The rare-earth ore forms China's largest stand-alone bastnaesite deposit.",
                        levers: &[],
                        targets: &[],
                    },
                    Measure {
                        id: "ch1-s1-2",
                        quote_zh: "产业特色鲜明",
                        summary_zh: "“十三五”期间压减了粗钢和炼铁产能、优化了钢铁结构；钒产业国际领先，钛产业链延伸到钛白粉和钛材；稀土形成了从采选、冶炼分离到深加工和应用的产业链。",
                        summary_en: "In 2016–2020 the province cut crude-steel and ironmaking capacity and improved its steel mix. Its vanadium industry is among the world's leaders, its titanium chains reach TiO2 pigment and titanium products, and its rare-earth chain runs from mining and separation to processing and end use.",
                        levers: &[],
                        targets: &[],
                    },
                    Measure {
                        id: "ch1-s1-3",
                        quote_zh: "创新基础牢固",
                        summary_zh: "已建成一批国家级和省级创新平台，获得大量专利和科技奖励；攀西资源综合利用第二代技术体系已建成，高炉渣提钛、氯化法钛白粉和稀土绿色冶炼等技术取得突破。",
                        summary_en: "Many national and provincial research platforms are in place, with numerous patents and science awards. The second-generation technology system for using Panxi's resources is complete, with breakthroughs in titanium from blast-furnace slag, chloride-route TiO2 and cleaner rare-earth smelting.",
                        levers: &[],
                        targets: &[],
                    },
                    Measure {
                        id: "ch1-s1-4",
                        quote_zh: "要素保障充分",
                        summary_zh: "每年开采钒钛磁铁矿原矿近1亿吨，产铁精矿2500多万吨、钛精矿600多万吨，废钢供应约1200万吨；电力约78%来自水电，铁路专用线和公路网较完善。",
                        summary_en: "Nearly 100 million tonnes of V-Ti magnetite ore are mined a year, giving over 25 Mt of iron concentrate and over 6 Mt of titanium concentrate, and about 12 Mt of scrap is available. About 78% of power comes from hydro, and rail sidings and roads are well developed.",
                        levers: &[],
                        targets: &[],
                    },
                ],
            },
            Section {
                id: "ch1-s2",
                number_zh: "第一章 第二节",
                title_zh: "存在的问题",
                title_en: "Problems",
                summary_zh: "产业规模和集中度不够，资源在本地转化和深加工得少。铁精矿和稀土供给受限，环保和能耗约束趋紧，关键技术仍待突破。",
                summary_en: "The industry lacks scale and concentration, and too little of its ore is processed locally or deeply. Iron-concentrate and rare-earth supply is constrained, environmental and energy limits are tightening, and key technologies still need breakthroughs.",
                measures: &[
                    Measure {
                        id: "ch1-s2-1",
                        quote_zh: "产业规模化程度不够",
                        summary_zh: "钢铁产业规模居全国第11位，高端产品少，优特钢和深加工有短板；稀土矿山和冶炼分离分散，缺乏集团化、规模化。",
                        summary_en: "Sichuan's steel industry ranks 11th in China by size, with few high-end products and gaps in special steels and downstream processing; rare-earth mining and separation are fragmented.",
                        levers: &[],
                        targets: &[],
                    },
                    Measure {
                        id: "ch1-s2-2",
                        quote_zh: "资源价值发挥不充分",
                        summary_zh: "钢铁与钒加工能力不匹配，钛化工和钛材规模偏小，矿产资源的本地转化率、深加工率和高端应用率低。",
                        summary_en: "Steel and vanadium processing capacities do not match, titanium chemicals and titanium products are small, and little of the ore is converted, deeply processed or put to high-end use locally.",
                        levers: &[],
                        targets: &[],
                    },
                    Measure {
                        id: "ch1-s2-3",
                        quote_zh: "预计 2025 年铁精矿缺口达到 655 万吨",
                        summary_zh: "主要矿山的可用资源和产量逐年下降，预计2025年铁精矿缺口655万吨；稀土矿山亟需技改，产量受国家总量指标限制。",
                        summary_en: "Usable reserves and output at the main mines fall every year, leaving an expected iron-concentrate shortfall of 6.55 Mt in 2025; rare-earth mines need upgrading, and output is capped by the national quota.",
                        levers: &[LeverId::OutsideOre, LeverId::NewMine, LeverId::ReQuota],
                        targets: &[],
                    },
                    Measure {
                        id: "ch1-s2-4",
                        quote_zh: "面临环保和能耗压力",
                        summary_zh: "超低排放改造尚未全部完成，攀西资源开发受生态环境分区管控和长江经济带负面清单限制，能耗指标约束使重大项目难以落地。",
                        summary_en: "Ultra-low-emission retrofits are unfinished, resource development in Panxi is limited by ecological zoning and the Yangtze River Economic Belt negative list, and energy-use quotas make major projects hard to site.",
                        levers: &[LeverId::EnergyQuota],
                        targets: &[],
                    },
                    Measure {
                        id: "ch1-s2-5",
                        quote_zh: "关键核心技术亟需突破",
                        summary_zh: "矿石成矿条件特殊，基础研究和关键技术攻关难度大、投入多；稀土元素利用不平衡，高附加值产品占比小。",
                        summary_en: "The unusual ores make basic research and key technologies hard and costly; rare-earth elements are used unevenly, and high-value products are a small share.",
                        levers: &[],
                        targets: &[],
                    },
                ],
            },
            Section {
                id: "ch1-s3",
                number_zh: "第一章 第三节",
                title_zh: "面临的形势",
                title_en: "Outlook",
                summary_zh: "国际环境更不确定，但进口替代和制造业升级带动新材料需求。国内“双碳”等政策、成渝地区双城经济圈等区域战略以及行业向高质量转型，为产业带来新机遇。",
                summary_en: "The world has become less predictable, but import substitution and manufacturing upgrades are raising demand for new materials. National policies such as the carbon goals, regional strategies such as the Chengdu–Chongqing economic circle, and the industry's shift toward quality open new room for growth.",
                measures: &[
                    Measure {
                        id: "ch1-s3-1",
                        quote_zh: "对新材料需求不断增加",
                        summary_zh: "国产替代进口和制造业转型升级使新材料需求持续增长。",
                        summary_en: "Import substitution and manufacturing upgrades keep raising demand for new materials.",
                        levers: &[],
                        targets: &[],
                    },
                    Measure {
                        id: "ch1-s3-2",
                        quote_zh: "行业发展从数量型发展阶段逐步转向高质量发展阶段",
                        summary_zh: "钒钛钢铁及稀土的生产和消费仍将处于高位，行业从追求数量转向追求质量。",
                        summary_en: "Production and consumption of steel, vanadium, titanium and rare earths will stay high while the industry shifts from volume to quality.",
                        levers: &[],
                        targets: &[],
                    },
                ],
            },
        ],
    },
    Chapter {
        id: "ch2",
        number_zh: "第二章",
        title_zh: "总体要求",
        title_en: "General requirements",
        sections: &[
            Section {
                id: "ch2-s1",
                number_zh: "第二章 第一节",
                title_zh: "指导思想",
                title_en: "Guiding ideas",
                summary_zh: "以深化资源综合利用和提高行业竞争力为目标，以供给侧结构性改革为主线，推动产业高端化、产品高值化、生产绿色化、加工精深化和园区特色化，建设世界级产业基地。",
                summary_en: "The aim is fuller use of the resources and a more competitive industry, with supply-side structural reform as the main thread: higher-end industry, higher-value products, greener production, deeper processing and specialised industrial parks, building a world-class base.",
                measures: &[
                    Measure {
                        id: "ch2-s1-1",
                        quote_zh: "以产业高端化、产品高值化、生产绿色化、加工精深化、园区特色化为主攻方向",
                        summary_zh: "五个主攻方向：产业高端化、产品高值化、生产绿色化、加工精深化、园区特色化。",
                        summary_en: "Five main directions: higher-end industry, higher-value products, greener production, deeper processing and specialised parks.",
                        levers: &[],
                        targets: &[],
                    },
                    Measure {
                        id: "ch2-s1-2",
                        quote_zh: "致力于打造世界级钒钛钢铁及稀土新材料产业基地",
                        summary_zh: "总目标是建成世界级的钒钛钢铁及稀土新材料产业基地。",
                        summary_en: "The overall goal is a world-class base for V-Ti steel and rare-earth new materials.",
                        levers: &[],
                        targets: &[],
                    },
                ],
            },
            Section {
                id: "ch2-s2",
                number_zh: "第二章 第二节",
                title_zh: "基本原则",
                title_en: "Basic principles",
                summary_zh: "五项原则：创新驱动、强链补链、绿色发展、标准引领和深化改革。",
                summary_en: "Five principles: innovation first, stronger and more complete industrial chains, green development, leadership through standards, and deeper reform.",
                measures: &[
                    Measure {
                        id: "ch2-s2-1",
                        quote_zh: "坚持创新驱动",
                        summary_zh: "以企业为主体、产学研用结合，突破关键技术，提升核心竞争力。",
                        summary_en: "Break through key technologies with companies in the lead, working with universities, institutes and users, to sharpen the industry's core competitiveness.",
                        levers: &[],
                        targets: &[],
                    },
                    Measure {
                        id: "ch2-s2-2",
                        quote_zh: "坚持强链补链",
                        summary_zh: "培育领军企业，延伸钢铁产业链，支持资源综合利用、氯化法钛白粉以及钛和稀土的深加工与应用。",
                        summary_en: "Grow leading companies, extend the steel chain, and support fuller use of resources, chloride-route TiO2, and deeper processing and use of titanium and rare earths.",
                        levers: &[],
                        targets: &[],
                    },
                    Measure {
                        id: "ch2-s2-3",
                        quote_zh: "坚持绿色发展",
                        summary_zh: "以降低能耗、减少污染物和碳排放为目标，发展循环经济，推进清洁生产。",
                        summary_en: "Aim at lower energy use and lower pollutant and carbon emissions, develop the circular economy and push cleaner production.",
                        levers: &[],
                        targets: &[],
                    },
                ],
            },
            Section {
                id: "ch2-s3",
                number_zh: "第二章 第三节",
                title_zh: "发展目标",
                title_en: "Development targets",
                summary_zh: "到2025年基本建成现代化产业体系：钒、钛选矿回收率分别提高到55%和35%以上，铁资源综合回收率达到75%，培育2~3个超百亿元钒钛产业集群。同时适量引进钢铁产能，建成全国最大的海外稀土加工基地并适度扩大稀土规模，降低能耗和排放，产业规模达到6000亿元以上。",
                summary_en: "By 2025 a modern industrial system should be largely in place: vanadium and titanium dressing recovery raised to at least 55% and 35%, overall iron recovery to 75%, and two or three vanadium and titanium clusters worth over 10 billion yuan each. Sichuan is also to bring in a moderate amount of steel capacity, build China's largest base for processing overseas rare earths while moderately expanding rare-earth output, cut energy use and emissions, and grow the industry to more than 600 billion yuan.",
                measures: &[
                    Measure {
                        id: "ch2-s3-1",
                        quote_zh: "钒、钛战略资源选矿回收率分别提高到 55%和 35%以上",
                        summary_zh: "钒选矿回收率提高到55%以上，钛选矿回收率提高到35%以上。",
                        summary_en: "Raise vanadium dressing recovery to 55% or more and titanium dressing recovery to 35% or more.",
                        levers: &[LeverId::VRecovery, LeverId::TiRecovery, LeverId::BfSlagTi],
                        targets: &[TargetId::VRecovery, TargetId::TiRecovery],
                    },
                    Measure {
                        id: "ch2-s3-2",
                        quote_zh: "铁资源综合回收率达到 75%",
                        summary_zh: "铁资源综合回收率达到75%。",
                        summary_en: "Bring overall iron recovery to 75%.",
                        levers: &[LeverId::FeRecovery],
                        targets: &[TargetId::FeRecovery],
                    },
                    Measure {
                        id: "ch2-s3-3",
                        quote_zh: "培育 2~3 个超百亿产值的钒和钛产业集群",
                        summary_zh: "培育2~3个年产值超过100亿元的钒、钛产业集群。",
                        summary_en: "Grow two or three vanadium and titanium clusters, each with output above 10 billion yuan.",
                        levers: &[LeverId::Tio2Capacity, LeverId::SpongeCapacity, LeverId::TiDeepProcessing, LeverId::VrfbDeploy],
                        targets: &[TargetId::VtiClusters],
                    },
                    Measure {
                        id: "ch2-s3-4",
                        quote_zh: "适量引进钢铁产能",
                        summary_zh: "在符合产业政策、环保和节能降碳要求的前提下，从省外引进适量钢铁产能。",
                        summary_en: "Bring in a moderate amount of steel capacity from other provinces, provided it meets industrial policy, environmental and energy-saving rules.",
                        levers: &[LeverId::CapacityImport, LeverId::ReplacementRatio],
                        targets: &[],
                    },
                    Measure {
                        id: "ch2-s3-5",
                        quote_zh: "建成全国最大的海外稀土资源加工基地",
                        summary_zh: "建成全国最大的海外稀土资源加工基地（指南未给出数量）。",
                        summary_en: "Build China's largest base for processing overseas rare-earth resources (the guideline gives no quantity).",
                        levers: &[LeverId::ReImported],
                        targets: &[TargetId::OverseasReBase],
                    },
                    Measure {
                        id: "ch2-s3-6",
                        quote_zh: "适度扩大稀土采矿及冶炼分离规模",
                        summary_zh: "适度扩大稀土开采和冶炼分离的规模。",
                        summary_en: "Moderately expand rare-earth mining and separation.",
                        levers: &[LeverId::ReQuota, LeverId::ReSeparation],
                        targets: &[TargetId::ReExpansion],
                    },
                    Measure {
                        id: "ch2-s3-7",
                        quote_zh: "推进联合重组，提升产业集中度",
                        summary_zh: "通过联合重组提高产业集中度，培育有国际竞争力的大企业集团。",
                        summary_en: "Raise industry concentration through mergers and build internationally competitive large groups.",
                        levers: &[],
                        targets: &[],
                    },
                    Measure {
                        id: "ch2-s3-8",
                        quote_zh: "有效降低能源消耗、减少污染物排放，实现“双碳”目标",
                        summary_zh: "降低能耗和污染物排放，实现碳达峰、碳中和目标。",
                        summary_en: "Cut energy use and pollutant emissions and meet the carbon peak and carbon neutrality goals.",
                        levers: &[],
                        targets: &[TargetId::CarbonPeak, TargetId::EnergyIntensity],
                    },
                    Measure {
                        id: "ch2-s3-9",
                        quote_zh: "钒钛钢铁及稀土产业规模达到 6000 亿元以上",
                        summary_zh: "钒钛钢铁及稀土产业规模达到6000亿元以上。",
                        summary_en: "Grow the V-Ti steel and rare-earth industry to more than 600 billion yuan.",
                        levers: &[LeverId::SteelPrice],
                        targets: &[TargetId::IndustryScale],
                    },
                ],
            },
        ],
    },
    Chapter {
        id: "ch3",
        number_zh: "第三章",
        title_zh: "主要任务",
        title_en: "Main tasks",
        sections: &[
            Section {
                id: "ch3-s1",
                number_zh: "第三章 第一节",
                title_zh: "加大技术创新",
                title_en: "Step up technological innovation",
                summary_zh: "强化企业的创新主体地位，攻关钒钛磁铁矿综合利用、高炉渣提钛、高端钛材和稀土绿色冶炼等关键技术，并用政策和产业基金支持新工艺。",
                summary_en: "Put companies at the centre of innovation, tackle key technologies such as comprehensive use of V-Ti magnetite, titanium from blast-furnace slag, high-end titanium products and green rare-earth smelting, and back new processes with policy and industry funds.",
                measures: &[
                    Measure {
                        id: "ch3-s1-1",
                        quote_zh: "实施创新驱动战略",
                        summary_zh: "发挥国家级技术中心、重点实验室和产业联盟的作用，联合攻关关键共性技术。",
                        summary_en: "Use national technology centres, key laboratories and industry alliances to work jointly on shared key technologies.",
                        levers: &[],
                        targets: &[],
                    },
                    Measure {
                        id: "ch3-s1-2",
                        quote_zh: "实现高钛型高炉渣高值提钛产业化技术",
                        summary_zh: "实现高钛型高炉渣提钛产业化；攻关氯化法钛白粉、航空用钛合金、轴承钢等产品；突破稀土绿色采选冶，加强永磁材料应用。",
                        summary_en: "Industrialise titanium extraction from high-titanium blast-furnace slag; develop chloride-route TiO2, aerospace titanium alloys, bearing steel and other products; and advance green rare-earth mining and smelting and the use of permanent magnets.",
                        levers: &[LeverId::BfSlagTi],
                        targets: &[],
                    },
                    Measure {
                        id: "ch3-s1-3",
                        quote_zh: "建立政策导向机制",
                        summary_zh: "探索“先行先试”政策，推进非高炉冶炼、氢冶金、低碳冶金等技术应用，发挥产业基金作用吸引投资。",
                        summary_en: "Try out pilot policies, apply non-blast-furnace ironmaking, hydrogen metallurgy and other low-carbon processes, and use industry funds to draw in investment.",
                        levers: &[],
                        targets: &[],
                    },
                ],
            },
            Section {
                id: "ch3-s2",
                number_zh: "第三章 第二节",
                title_zh: "优化产业布局",
                title_en: "Optimise the industrial layout",
                summary_zh: "按地区分工布局钢铁，做大做精钒、钛产业链和钒电池储能，在乐山、凉山集中稀土冶炼分离，在成都等地发展稀土深加工。",
                summary_en: "Give each steel location its own role, build up the vanadium and titanium chains and vanadium-battery storage, concentrate rare-earth separation in Leshan and Liangshan, and develop rare-earth deep processing in Chengdu and other cities.",
                measures: &[
                    Measure {
                        id: "ch3-s2-1",
                        quote_zh: "做强做优钢铁产业",
                        summary_zh: "形成“一核引领、四擎驱动、多点支撑”格局：攀枝花引领，内江、乐山、达州各有侧重，以全废钢电炉炼钢做短流程示范，江油建设高端特殊钢材基地。",
                        summary_en: "A pattern of one core, four engines and many supporting points: Panzhihua leads; Neijiang, Leshan and Dazhou each take their own focus; all-scrap EAF steelmaking serves as the short-process showcase; and Jiangyou becomes a high-end special-steel base.",
                        levers: &[LeverId::ImportEafShare],
                        targets: &[],
                    },
                    Measure {
                        id: "ch3-s2-2",
                        quote_zh: "做大做精钒钛产业",
                        summary_zh: "提高钒收得率、增加钒渣供给，打造钒电池储能产业集群；重点发展氯化法钛白粉并支持高炉渣提钛，建设三大钛化工基地；完善钛精矿—氯化钛渣—海绵钛—钛材全产业链，提高高端海绵钛比例和钛材深加工能力。",
                        summary_en: "Raise vanadium yield and vanadium-slag supply and build a vanadium-battery storage cluster; focus on chloride-route TiO2, support titanium from blast-furnace slag and build three titanium-chemicals bases; and complete the chain from titanium concentrate through chlorinated slag and sponge to titanium products, with more high-end sponge and more processing capacity.",
                        levers: &[LeverId::SwapVtiShare, LeverId::VrfbDeploy, LeverId::ChlorideShare, LeverId::Tio2Capacity, LeverId::BfSlagTi, LeverId::SpongeCapacity, LeverId::TiDeepProcessing, LeverId::V2o5Price, LeverId::Tio2Price, LeverId::SpongePrice],
                        targets: &[],
                    },
                    Measure {
                        id: "ch3-s2-3",
                        quote_zh: "建成全国重要的稀土功能材料基地",
                        summary_zh: "整合冕宁、德昌稀土矿山；在乐山、凉山集中布局冶炼分离，建设进口稀土冶炼分离和稀土废料回收基地；在成都、绵阳等地发展永磁、发光、储能等稀土深加工。",
                        summary_en: "Consolidate the Mianning and Dechang mines; concentrate separation in Leshan and Liangshan, with a base for separating imported ore and recycling rare-earth scrap; and develop deep processing such as magnets, phosphors and storage materials in Chengdu, Mianyang and other cities.",
                        levers: &[LeverId::ReSeparation, LeverId::ReImported, LeverId::ReDeep, LeverId::NdprPrice],
                        targets: &[],
                    },
                ],
            },
            Section {
                id: "ch3-s3",
                number_zh: "第三章 第三节",
                title_zh: "培育优势强企",
                title_en: "Grow strong companies",
                summary_zh: "培育领军企业、“隐形冠军”以及特钢、钛和稀土企业集团，并推进智慧工厂和数字化转型。",
                summary_en: "Grow leading firms, hidden champions and company groups in special steel, titanium and rare earths, and push smart factories and digital transformation.",
                measures: &[
                    Measure {
                        id: "ch3-s3-1",
                        quote_zh: "发挥引领作用",
                        summary_zh: "实施骨干企业培育工程，打造全产业链企业集团，在细分领域培育“隐形冠军”。",
                        summary_en: "Run a programme to grow backbone companies, build whole-chain groups, and foster hidden champions in niche fields.",
                        levers: &[],
                        targets: &[],
                    },
                    Measure {
                        id: "ch3-s3-2",
                        quote_zh: "培育产业集团",
                        summary_zh: "推动组建特钢企业集团，促进钛企业协同，整合稀土产业，培育有全球竞争力的领军企业。",
                        summary_en: "Form a special-steel group, get titanium firms working together, and consolidate the rare-earth industry into globally competitive leaders.",
                        levers: &[],
                        targets: &[],
                    },
                    Measure {
                        id: "ch3-s3-3",
                        quote_zh: "打造智慧工厂",
                        summary_zh: "建设智能装备、智能工厂和数字化车间，推进生产、运营和管理智能化。",
                        summary_en: "Build smart equipment, smart factories and digital workshops, and bring intelligent systems into production, operations and management.",
                        levers: &[],
                        targets: &[],
                    },
                ],
            },
            Section {
                id: "ch3-s4",
                number_zh: "第三章 第四节",
                title_zh: "促进价值提升",
                title_en: "Raise value",
                summary_zh: "用标准和品牌提升产品价值，重点发展优特钢、钒电池材料、钛合金和高性能稀土永磁等产品，并推动它们在高端领域规模化应用。",
                summary_en: "Use standards and brands to add value, focus on special steels, vanadium-battery materials, titanium alloys and high-performance rare-earth magnets, and get them used at scale in high-end sectors.",
                measures: &[
                    Measure {
                        id: "ch3-s4-1",
                        quote_zh: "坚持标准引领",
                        summary_zh: "完善生产、技术、产品和服役标准体系，培育3~5家标准体系完善的示范企业。",
                        summary_en: "Complete the standards for production, technology, products and service use, and foster three to five model companies with full standards systems.",
                        levers: &[],
                        targets: &[],
                    },
                    Measure {
                        id: "ch3-s4-2",
                        quote_zh: "打造特色品牌",
                        summary_zh: "组建品牌联盟，争创国家和省级质量奖，培育“专精特新”企业和实物质量品牌。",
                        summary_en: "Set up a brand alliance, compete for national and provincial quality awards, and foster specialised small firms and product-quality brands.",
                        levers: &[],
                        targets: &[],
                    },
                    Measure {
                        id: "ch3-s4-3",
                        quote_zh: "发展钒钛钢等先进金属材料和优特钢产品",
                        summary_zh: "发展钒钛钢、优特钢和高端特钢，以及高纯五氧化二钒、钒电池电解液和全钒液流电池、钛合金锻件和粉末、高性能永磁材料等产品。",
                        summary_en: "Develop V-Ti steels, special and high-end steels, high-purity V2O5, vanadium-battery electrolyte and flow batteries, titanium-alloy forgings and powders, high-performance magnets and similar products.",
                        levers: &[LeverId::SteelPremium, LeverId::VrfbDeploy, LeverId::TiDeepProcessing, LeverId::ReDeep],
                        targets: &[],
                    },
                    Measure {
                        id: "ch3-s4-4",
                        quote_zh: "推动规模化应用",
                        summary_zh: "编制产业链全景图和产品目录，落实新材料“首批次”保险补偿，推动产品在航空航天、轨道交通、汽车等领域规模化应用。",
                        summary_en: "Map the chains and list products, apply first-batch insurance compensation for new materials, and push use at scale in aerospace, rail, cars and other sectors.",
                        levers: &[],
                        targets: &[],
                    },
                ],
            },
            Section {
                id: "ch3-s5",
                number_zh: "第三章 第五节",
                title_zh: "践行绿色低碳",
                title_en: "Go green and low-carbon",
                summary_zh: "按工艺制定碳达峰路线，发展全废钢电炉和非高炉工艺，提高可再生能源比例；同时推进节能节水、超低排放、固废循环利用和产品全生命周期评价。",
                summary_en: "Set carbon-peak roadmaps by process route, grow all-scrap EAF and non-blast-furnace processes, and use more renewable energy; also save energy and water, cut emissions to ultra-low levels, recycle solid waste and assess products over their life cycle.",
                measures: &[
                    Measure {
                        id: "ch3-s5-1",
                        quote_zh: "有序引导全废钢电炉炼钢工艺发展",
                        summary_zh: "按原料和工艺制定碳达峰、碳中和路线；有序发展全废钢电炉炼钢，推广非高炉冶炼和清洁能源替代，提高可再生能源比例，探索CCUS和碳交易。",
                        summary_en: "Set carbon peak and neutrality roadmaps by feedstock and process; develop all-scrap EAF steelmaking in an orderly way, use non-blast-furnace ironmaking and clean energy, raise the renewable share, and explore CCUS and carbon trading.",
                        levers: &[LeverId::EafSwap, LeverId::GridFactor],
                        targets: &[],
                    },
                    Measure {
                        id: "ch3-s5-2",
                        quote_zh: "全面实施节能节水",
                        summary_zh: "落实能耗“双控”，推进节能降碳改造和重点用能设备节能，提高用水效率。",
                        summary_en: "Apply the dual control of energy use, retrofit plants and major energy-using equipment to save energy, and use water more efficiently.",
                        levers: &[LeverId::ElecConvention],
                        targets: &[],
                    },
                    Measure {
                        id: "ch3-s5-3",
                        quote_zh: "提升生态环境治理水平",
                        summary_zh: "推进钢铁超低排放改造和钒钛、稀土产业深度治理，集中处置稀土伴生放射性废渣。",
                        summary_en: "Bring steel plants to ultra-low emissions, clean up V-Ti and rare-earth plants thoroughly, and dispose of radioactive rare-earth residues centrally.",
                        levers: &[],
                        targets: &[],
                    },
                    Measure {
                        id: "ch3-s5-4",
                        quote_zh: "大力发展循环经济",
                        summary_zh: "推动固废在建筑、建材、化工、交通等领域利用，建设大宗固废综合利用示范基地。",
                        summary_en: "Use solid waste in construction, building materials, chemicals, transport and other sectors, and build demonstration bases for bulk solid waste.",
                        levers: &[],
                        targets: &[],
                    },
                    Measure {
                        id: "ch3-s5-5",
                        quote_zh: "推行全生命周期评价",
                        summary_zh: "建立产品全生命周期绿色评价体系，发布产品碳足迹，为下游用户提供绿色用钢方案。",
                        summary_en: "Set up life-cycle green assessment for products, publish product carbon footprints, and offer customers green-steel solutions.",
                        levers: &[],
                        targets: &[],
                    },
                ],
            },
            Section {
                id: "ch3-s6",
                number_zh: "第三章 第六节",
                title_zh: "优化资源供给",
                title_en: "Secure resource supply",
                summary_zh: "加快红格南矿区开发和矿权整合，提高钒钛资源综合利用率；整顿稀土开采、建设绿色矿山；建设废钢加工配送体系。",
                summary_en: "Speed up the Hongge South deposit and consolidate mining rights, and use V-Ti resources more fully; clean up rare-earth mining and build green mines; and build a scrap processing and distribution network.",
                measures: &[
                    Measure {
                        id: "ch3-s6-1",
                        quote_zh: "加快推进红格南矿区开发",
                        summary_zh: "加强勘查和储备，加快红格南矿区开发，整合矿权；利用尾矿和冶金渣，提高超细粒级钛精矿回收和选铁选钛水平。",
                        summary_en: "Explore and hold reserves, speed up the Hongge South deposit and consolidate mining rights; use tailings and slags, and improve recovery of ultra-fine titanium concentrate and joint iron-titanium dressing.",
                        levers: &[LeverId::NewMine, LeverId::VRecovery, LeverId::TiRecovery, LeverId::FeRecovery],
                        targets: &[],
                    },
                    Measure {
                        id: "ch3-s6-2",
                        quote_zh: "加快绿色化改造升级，建设绿色矿山",
                        summary_zh: "整顿整合稀土开采、严惩非法开采，建设绿色矿山，回收有价元素和二次资源。",
                        summary_en: "Consolidate rare-earth mining and punish illegal mining, build green mines, and recover valuable elements and secondary resources.",
                        levers: &[],
                        targets: &[],
                    },
                    Measure {
                        id: "ch3-s6-3",
                        quote_zh: "支持建设废钢铁加工配送中心",
                        summary_zh: "建设废钢加工配送中心和报废汽车拆解线，力争20家企业符合废钢铁加工行业准入条件。",
                        summary_en: "Build scrap processing and distribution centres and end-of-life vehicle dismantling lines, aiming for 20 firms that meet the national entry conditions for scrap processing.",
                        levers: &[LeverId::ScrapGrowth],
                        targets: &[],
                    },
                ],
            },
            Section {
                id: "ch3-s7",
                number_zh: "第三章 第七节",
                title_zh: "提升产业安全水平",
                title_en: "Raise industrial safety",
                summary_zh: "压实企业安全生产责任，健全风险防控和隐患排查，淘汰高风险工艺设备，并加强网络和工业控制系统安全。",
                summary_en: "Hold companies responsible for safe production, strengthen risk control and hazard checks, retire high-risk processes and equipment, and protect networks and industrial control systems.",
                measures: &[
                    Measure {
                        id: "ch3-s7-1",
                        quote_zh: "持续推进安全生产标准化建设",
                        summary_zh: "健全安全风险防控机制，推进安全生产标准化，排查治理隐患，在线监控重大危险源。",
                        summary_en: "Strengthen risk control, standardise safe production, find and fix hazards, and monitor major hazard sources online.",
                        levers: &[],
                        targets: &[],
                    },
                    Measure {
                        id: "ch3-s7-2",
                        quote_zh: "提升工业控制系统安全防护水平",
                        summary_zh: "落实网络安全责任，加强工业控制系统防护，制定应急响应预案。",
                        summary_en: "Take responsibility for cybersecurity, protect industrial control systems, and prepare emergency response plans.",
                        levers: &[],
                        targets: &[],
                    },
                ],
            },
            Section {
                id: "ch3-s8",
                number_zh: "第三章 第八节",
                title_zh: "深化对外开放合作",
                title_en: "Deepen opening-up and cooperation",
                summary_zh: "借助“一带一路”推动产品和技术“走出去”，鼓励进口生铁、直接还原铁等资源性产品，加强境外稀土合作，并引进国内外领先企业和创新团队。",
                summary_en: "Use the Belt and Road to take products and technology abroad, encourage imports of pig iron, direct-reduced iron and other resource products, deepen rare-earth cooperation abroad, and attract leading firms and research teams.",
                measures: &[
                    Measure {
                        id: "ch3-s8-1",
                        quote_zh: "引导产品、装备、技术、服务等协同“走出去”",
                        summary_zh: "结合“一带一路”，推动产品、装备、技术和服务一起“走出去”。",
                        summary_en: "Take products, equipment, technology and services abroad together along the Belt and Road.",
                        levers: &[],
                        targets: &[],
                    },
                    Measure {
                        id: "ch3-s8-2",
                        quote_zh: "鼓励生铁、直接还原铁、再生钢铁原料、钢坯、钢锭等资源性产品和半制成品进口",
                        summary_zh: "鼓励进口生铁、直接还原铁、再生钢铁原料、钢坯、钢锭等资源性产品和半制成品。",
                        summary_en: "Encourage imports of pig iron, direct-reduced iron, recycled steel feedstock, billets, ingots and other resource products and semi-finished goods.",
                        levers: &[LeverId::OutsideOre],
                        targets: &[],
                    },
                    Measure {
                        id: "ch3-s8-3",
                        quote_zh: "加强境外稀土资源合作",
                        summary_zh: "加强境外稀土资源合作，融入全球产业链。",
                        summary_en: "Cooperate on rare-earth resources abroad and join global supply chains.",
                        levers: &[LeverId::ReImported],
                        targets: &[],
                    },
                ],
            },
        ],
    },
    Chapter {
        id: "ch4",
        number_zh: "第四章",
        title_zh: "保障措施",
        title_en: "Safeguards",
        sections: &[
            Section {
                id: "ch4-s1",
                number_zh: "第四章 第一节",
                title_zh: "加强组织领导",
                title_en: "Strengthen leadership",
                summary_zh: "依托省领导联系推进机制建立联席会制度，发挥攀西国家级战略资源创新开发试验区作用，争取国家政策支持。",
                summary_en: "Set up a joint-meeting system under the provincial leaders' liaison mechanism, use the Panxi national pilot zone for strategic resources, and seek national policy support.",
                measures: &[
                    Measure {
                        id: "ch4-s1-1",
                        quote_zh: "建立联席会制度",
                        summary_zh: "建立联席会制度和研发联动机制，解决“卡脖子”问题，推动重点产品发展。",
                        summary_en: "Set up joint meetings and linked R&D to solve chokepoint problems and advance key products.",
                        levers: &[],
                        targets: &[],
                    },
                    Measure {
                        id: "ch4-s1-2",
                        quote_zh: "发挥攀西国家级战略资源创新开发试验区作用",
                        summary_zh: "发挥攀西试验区作用，为全局性、关键性项目和技术争取国家政策支持。",
                        summary_en: "Use the Panxi pilot zone to win national policy support for projects and technologies of province-wide importance.",
                        levers: &[],
                        targets: &[],
                    },
                ],
            },
            Section {
                id: "ch4-s2",
                number_zh: "第四章 第二节",
                title_zh: "实施提质工程",
                title_en: "Quality-upgrading programmes",
                summary_zh: "实施钢铁产能整合和引进、科技攻坚、新产业培育和园区功能再造四项工程，支持标志性项目落地。",
                summary_en: "Run four programmes (consolidating and bringing in steel capacity, tackling key technologies, growing new industries, and rebuilding industrial parks) and help landmark projects get built.",
                measures: &[
                    Measure {
                        id: "ch4-s2-1",
                        quote_zh: "实施钢铁产能整合和引进钢铁产能工程",
                        summary_zh: "整合省内钢铁产能，并从省外引进钢铁产能。",
                        summary_en: "Consolidate steel capacity within Sichuan and bring in capacity from other provinces.",
                        levers: &[LeverId::CapacityImport, LeverId::ReplacementRatio],
                        targets: &[],
                    },
                    Measure {
                        id: "ch4-s2-2",
                        quote_zh: "实施科技攻坚工程",
                        summary_zh: "围绕钒钛及稀土关键战略材料开展科技攻坚。",
                        summary_en: "Tackle key technologies for strategic V-Ti and rare-earth materials.",
                        levers: &[],
                        targets: &[],
                    },
                    Measure {
                        id: "ch4-s2-3",
                        quote_zh: "实施园区功能再造工程",
                        summary_zh: "推动产业园区转型升级，完善园区功能。",
                        summary_en: "Upgrade industrial parks and improve the services they offer.",
                        levers: &[],
                        targets: &[],
                    },
                ],
            },
            Section {
                id: "ch4-s3",
                number_zh: "第四章 第三节",
                title_zh: "创新体制机制",
                title_en: "Reform institutions and mechanisms",
                summary_zh: "坚持资源综合利用，以龙头企业为引领组建以资本为纽带的联合体，推进混合所有制改革。",
                summary_en: "Keep to comprehensive resource use, form capital-linked alliances led by major firms, and push mixed-ownership reform.",
                measures: &[
                    Measure {
                        id: "ch4-s3-1",
                        quote_zh: "以资本为纽带、以做强产业为目标的联合体",
                        summary_zh: "以龙头企业为引领，建立以资本为纽带的产业联合体，促进协同和错位发展。",
                        summary_en: "Form capital-linked alliances led by major firms so that companies cooperate and specialise rather than duplicate.",
                        levers: &[],
                        targets: &[],
                    },
                    Measure {
                        id: "ch4-s3-2",
                        quote_zh: "推进混合所有制改革",
                        summary_zh: "推进混合所有制改革，转变产业发展模式和企业经营机制。",
                        summary_en: "Push mixed-ownership reform and change how the industry grows and how companies are run.",
                        levers: &[],
                        targets: &[],
                    },
                ],
            },
            Section {
                id: "ch4-s4",
                number_zh: "第四章 第四节",
                title_zh: "强化政策支持",
                title_en: "Stronger policy support",
                summary_zh: "在用地、能耗和资金等方面探索差异化政策，设立产业基金、完善税收激励，发展绿色金融并支持企业上市。",
                summary_en: "Try differentiated policies on land, energy quotas and funding; set up industry funds and improve tax incentives; and develop green finance and help companies list.",
                measures: &[
                    Measure {
                        id: "ch4-s4-1",
                        quote_zh: "探索差异化政策",
                        summary_zh: "在用地、能耗和碳排放指标、资金等方面探索审慎包容、能效比和“亩均效益”等综合评价，支持深加工和二次资源利用项目。",
                        summary_en: "For land, energy and carbon quotas and funding, try accommodating assessments based on energy efficiency and output per unit of land, favouring deep-processing and secondary-resource projects.",
                        levers: &[LeverId::EnergyQuota],
                        targets: &[],
                    },
                    Measure {
                        id: "ch4-s4-2",
                        quote_zh: "加大财税支持",
                        summary_zh: "设立产业发展基金和专项资金，支持关键技术、氢冶金、低碳研究等，完善税收激励。",
                        summary_en: "Create industry funds and dedicated money for key technologies, hydrogen metallurgy, low-carbon research and more, and improve tax incentives.",
                        levers: &[],
                        targets: &[],
                    },
                    Measure {
                        id: "ch4-s4-3",
                        quote_zh: "强化金融支持",
                        summary_zh: "发展绿色债券、绿色基金和绿色信贷等金融产品，支持企业重组、转型和上市。",
                        summary_en: "Offer green bonds, funds and loans, and support restructuring, upgrading and stock listings.",
                        levers: &[],
                        targets: &[],
                    },
                ],
            },
            Section {
                id: "ch4-s5",
                number_zh: "第四章 第五节",
                title_zh: "强化要素支撑",
                title_en: "Secure land, resources, energy, power and talent",
                summary_zh: "保障项目用地和矿产资源配置，新增可再生能源消费不计入能耗总量，深化电力体制改革以降低用电成本，并引进和培养人才。",
                summary_en: "Secure land and mineral rights for projects, keep new renewable energy use out of the energy-use total, reform the power sector to lower electricity costs, and attract and train talent.",
                measures: &[
                    Measure {
                        id: "ch4-s5-1",
                        quote_zh: "优先保障搬迁改造项目用地",
                        summary_zh: "优先保障搬迁改造项目用地，对钒钛磁铁矿和稀土矿开发给予用地支持。",
                        summary_en: "Give relocation and upgrade projects priority for land, and support land use for V-Ti magnetite and rare-earth mining.",
                        levers: &[],
                        targets: &[],
                    },
                    Measure {
                        id: "ch4-s5-2",
                        quote_zh: "支持企业参与矿山资源竞买",
                        summary_zh: "支持企业竞买矿权、勘探周边资源，推动大企业整合小矿权和“僵尸”矿权。",
                        summary_en: "Let companies bid for mining rights and explore nearby ground, and have large firms absorb small and dormant mining rights.",
                        levers: &[],
                        targets: &[],
                    },
                    Measure {
                        id: "ch4-s5-3",
                        quote_zh: "新增可再生能源消费量不纳入能耗总量考核",
                        summary_zh: "新增可再生能源消费不计入能耗总量，探索扣减外送清洁电力，建立能耗指标交易市场，争取差异化的能耗限额标准。",
                        summary_en: "Leave new renewable energy use out of the energy-use total, explore deducting clean power sent out of the province, set up trading in energy quotas, and seek process-specific energy norms for V-Ti smelting.",
                        levers: &[LeverId::EnergyQuota, LeverId::RenewableExemption],
                        targets: &[],
                    },
                    Measure {
                        id: "ch4-s5-4",
                        quote_zh: "研究制定钒钛、稀土支持措施",
                        summary_zh: "深化电力体制改革，研究钒钛、稀土支持措施，把四川绿色电力优势转化为较低的用电成本。",
                        summary_en: "Deepen power-sector reform, study support measures for V-Ti and rare earths, and turn Sichuan's green power into lower electricity costs.",
                        levers: &[LeverId::PowerPrice, LeverId::PrefPrice, LeverId::PrefCoverage],
                        targets: &[],
                    },
                    Measure {
                        id: "ch4-s5-5",
                        quote_zh: "积极培养高端人才",
                        summary_zh: "引进高层次领军人才和创新团队，通过产教融合、校企合作培养急需技能人才。",
                        summary_en: "Attract top talent and research teams, and train scarce skilled workers through industry–education and company–school partnerships.",
                        levers: &[],
                        targets: &[],
                    },
                ],
            },
        ],
    },
];

/// Finds a section by id.
pub fn section(id: &str) -> Option<&'static Section> {
    CHAPTERS
        .iter()
        .flat_map(|c| c.sections.iter())
        .find(|s| s.id == id)
}

/// Every measure, in the guideline's order.
pub fn measures() -> impl Iterator<Item = &'static Measure> {
    CHAPTERS
        .iter()
        .flat_map(|c| c.sections.iter())
        .flat_map(|s| s.measures.iter())
}

/// The measures a lever represents.
pub fn measures_for_lever(id: LeverId) -> impl Iterator<Item = &'static Measure> {
    measures().filter(move |m| m.levers.contains(&id))
}

/// The measures that state a target.
pub fn measures_for_target(id: TargetId) -> impl Iterator<Item = &'static Measure> {
    measures().filter(move |m| m.targets.contains(&id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;
    use vtre_model::levers::{spec as lever_spec, LEVERS};
    use vtre_model::targets::{spec as target_spec, TARGETS};

    const TEXT: &str = include_str!("../../../content/guideline-zh.txt");

    #[test]
    fn every_quote_is_verbatim_short_and_on_one_line() {
        for m in measures() {
            assert!(!m.quote_zh.is_empty(), "{} has no quote", m.id);
            assert!(
                TEXT.contains(m.quote_zh),
                "{} quote not found verbatim: {}",
                m.id,
                m.quote_zh
            );
            assert!(m.quote_zh.chars().count() <= 60, "{} quote too long", m.id);
            assert!(!m.quote_zh.contains('\n'), "{} quote spans lines", m.id);
        }
    }

    #[test]
    fn chapter_and_section_titles_are_the_guideline_s_own() {
        for c in CHAPTERS {
            let heading = format!("{} {}", c.number_zh, c.title_zh);
            assert!(TEXT.contains(&heading), "{heading}");
            for s in c.sections {
                assert!(s.number_zh.starts_with(c.number_zh), "{}", s.id);
                let sec_no = s.number_zh.split(' ').nth(1).unwrap_or("");
                let heading = format!("{sec_no} {}", s.title_zh);
                assert!(TEXT.contains(&heading), "{} {heading}", s.id);
            }
        }
    }

    #[test]
    fn ids_are_unique_and_nested() {
        let mut chapters = HashSet::new();
        let mut sections = HashSet::new();
        let mut measure_ids = HashSet::new();
        for (ci, c) in CHAPTERS.iter().enumerate() {
            assert_eq!(c.id, format!("ch{}", ci + 1));
            assert!(chapters.insert(c.id), "duplicate chapter {}", c.id);
            assert!(!c.sections.is_empty(), "{} has sections", c.id);
            for (si, s) in c.sections.iter().enumerate() {
                assert_eq!(s.id, format!("{}-s{}", c.id, si + 1));
                assert!(sections.insert(s.id), "duplicate section {}", s.id);
                for (mi, m) in s.measures.iter().enumerate() {
                    assert_eq!(m.id, format!("{}-{}", s.id, mi + 1));
                    assert!(measure_ids.insert(m.id), "duplicate measure {}", m.id);
                }
            }
        }
        assert_eq!(sections.len(), 19, "the guideline has 19 sections");
    }

    #[test]
    fn every_text_is_filled_in_both_languages() {
        for c in CHAPTERS {
            assert!(!c.title_en.trim().is_empty(), "{}", c.id);
            for s in c.sections {
                for t in [s.title_en, s.summary_zh, s.summary_en] {
                    assert!(!t.trim().is_empty(), "{}", s.id);
                }
                for m in s.measures {
                    assert!(!m.summary_zh.trim().is_empty(), "{}", m.id);
                    assert!(!m.summary_en.trim().is_empty(), "{}", m.id);
                    assert!(
                        m.summary_en
                            .chars()
                            .all(|ch| !('\u{4e00}'..='\u{9fff}').contains(&ch)),
                        "{} en summary has Chinese",
                        m.id
                    );
                }
            }
        }
    }

    #[test]
    fn every_lever_section_resolves() {
        for l in LEVERS {
            let sec = lever_spec(l.id).section;
            assert!(section(sec).is_some(), "{} cites {sec}", l.key);
        }
    }

    #[test]
    fn every_target_section_resolves() {
        for t in TARGETS {
            let sec = target_spec(t.id).section;
            assert!(section(sec).is_some(), "{} cites {sec}", t.key);
        }
    }

    #[test]
    fn every_lever_represents_at_least_one_measure() {
        for l in LEVERS {
            assert!(
                measures_for_lever(l.id).next().is_some(),
                "{} is in no measure",
                l.key
            );
        }
    }

    #[test]
    fn every_target_is_stated_by_a_measure_of_its_section() {
        for t in TARGETS {
            assert!(
                measures_for_target(t.id).next().is_some(),
                "{} is in no measure",
                t.key
            );
            let sec = section(t.section);
            assert!(
                sec.is_some_and(|s| s.measures.iter().any(|m| m.targets.contains(&t.id))),
                "{} is not in its own section",
                t.key
            );
        }
    }

    #[test]
    fn lookup_finds_known_sections_and_rejects_unknown() {
        assert!(section("ch3-s5").is_some_and(|s| s.title_zh == "践行绿色低碳"));
        assert!(section("ch2-s3").is_some_and(|s| s.title_zh == "发展目标"));
        assert!(section("ch9-s9").is_none());
    }
}
