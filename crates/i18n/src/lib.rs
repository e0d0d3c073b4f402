//! UI strings in Chinese (default) and English, and number formatting per language.
//!
//! Whole-sentence keys (`Msg`), never concatenated fragments. Number convention, documented in the README:
//! Chinese shows the units of Chinese statistics (亿元, 万吨, 万吨标准煤); English shows billion yuan, Mt and
//! Mt ce (1 billion yuan = 10 亿元, 1 Mt = 100 万吨).

pub use vtre_model::text::{Lang, Text};

mod format;
pub use format::{axis_label, decimals, display_unit, group, quantity, Precision};

macro_rules! msgs {
    ($( $id:ident => ($zh:literal, $en:literal) ),* $(,)?) => {
        /// Every UI sentence.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Msg { $($id),* }
        /// The sentences in `Msg` order, Chinese then English (a table: one lookup instead of a large match).
        const TEXTS: &[[&str; 2]] = &[$([$zh, $en]),*];
        impl Msg {
            pub const ALL: &'static [Msg] = &[$(Msg::$id),*];
            pub fn text(self, lang: Lang) -> &'static str {
                TEXTS[self as usize][usize::from(!lang.zh())]
            }
        }
    };
}

msgs! {
    AppTitle => ("四川钒钛钢铁及稀土产业政策情景沙盘", "Sichuan V-Ti-Steel & Rare-Earth Policy Explorer"),
    AppSubtitle => ("移动《四川省钒钛钢铁及稀土产业高质量发展指南》的政策杠杆，即时查看产值、能耗、排放和2025年目标。",
                    "Move the levers of Sichuan's guideline for the V-Ti-steel and rare-earth industries and see output value, energy, CO2 and the 2025 targets respond."),
    SwitchLanguage => ("English", "中文"),
    SwitchLanguageLabel => ("切换到英文", "Switch to Chinese"),
    Levers => ("政策杠杆", "Policy levers"),
    ResetAll => ("全部恢复参考值", "Reset all to reference"),
    Reset => ("恢复参考值", "Reset to reference"),
    ReferenceValue => ("参考值", "Reference"),
    Info => ("说明", "About this lever"),
    GuidelineRef => ("指南出处", "Guideline reference"),
    Source => ("数据来源", "Source"),
    ReachedBy => ("达到年份", "Reached by"),
    On => ("开", "On"),
    Off => ("关", "Off"),
    Charts => ("图表", "Charts"),
    ShowTable => ("显示数据表", "Show data table"),
    HideTable => ("隐藏数据表", "Hide data table"),
    Year => ("年份", "Year"),
    LegendHint => ("点击图例可隐藏或显示该序列", "Click a legend entry to hide or show it"),
    Scorecard => ("指南目标记分卡", "Guideline target scorecard"),
    StatusMet => ("达成", "Met"),
    StatusAtRisk => ("勉强达成（有风险）", "At risk (only just met)"),
    StatusMissed => ("未达成", "Missed"),
    StatusUnquantified => ("无量化指标（不评分）", "Not quantified (not scored)"),
    Value => ("模型值", "Model value"),
    Threshold => ("目标", "Target"),
    Margin => ("差距", "Margin"),
    MovedBy => ("相关杠杆", "Levers that move it"),
    HeadlineValue2025 => ("2025年产业规模", "Industry scale 2025"),
    HeadlineCo22030 => ("2030年CO2排放", "CO2 in 2030"),
    HeadlinePeak => ("碳排放峰值年份", "CO2 peak year"),
    HeadlineTargets => ("达成的目标", "Targets met"),
    CurtailedIn => ("能耗指标约束，以下产品被压减：", "The energy quota binds; these products are curtailed:"),
    NotCurtailed => ("能耗指标未形成约束。", "The energy quota does not bind."),
    Estimate => ("估计值", "estimate"),
    Fact => ("公开数据", "published figure"),
    Loading => ("正在加载…", "Loading…"),
    PanicBanner => ("出错了：页面遇到内部错误。请刷新页面；您的设置保存在链接中。", "Something went wrong inside the page. Please reload; your settings are kept in the link."),
    InvalidNumber => ("请输入数字", "Please enter a number"),
    Clamped => ("超出范围，已调整为", "Out of range; set to"),
    ModelNote => ("模型为情景推演，不是预测。2020年校准到基础数据；标注“估计值”的参数有不确定区间。",
                  "The model explores scenarios; it does not forecast. 2020 is calibrated to the baseline data; parameters marked 'estimate' carry ranges."),
    Unit => ("单位", "Unit"),
    Years => ("年", ""),
    CurrentScenario => ("当前情景", "Current scenario"),
    Tooltip => ("数值", "Values"),
    StorageOff => ("浏览器存储不可用（如隐私模式）：保存的情景只保留到关闭页面。", "Browser storage is unavailable (e.g. private mode): saved scenarios last only until the page closes."),
    StorageFull => ("浏览器存储已满：未能保存。请删除旧情景或导出情景库。", "Browser storage is full: not saved. Delete old scenarios or export the library."),
    LinkNotice => ("分享链接中有内容无法按原样使用，已打开最接近的有效情景：", "Parts of the shared link could not be used as given; the nearest valid scenario is open:"),
    ImportNotice => ("导入时调整了以下内容：", "Importing changed the following:"),
    ImportFailed => ("无法导入：文件不是情景或情景库的JSON。", "Could not import: the file is not a scenario or library JSON."),
    ImportStorageFull => ("导入未完成：浏览器存储已满，情景库保持导入前的样子。请删除旧情景或导出情景库后重新导入。", "The import was not saved: browser storage is full, and the library is as it was before. Delete old scenarios or export the library, then import again."),
    ImportStorageOff => ("导入未完成：浏览器存储不可用，情景库保持导入前的样子。", "The import was not saved: browser storage is unavailable, and the library is as it was before."),
    NotSavedName => ("“{name}”未保存。", "“{name}” was not saved."),
    SkippedNoScenario => ("“{name}”在文件中没有情景数据，已跳过。", "“{name}” has no scenario in the file and was skipped."),
    UnsavedElsewhere => ("其他标签页或之前的访问中未保存的情景", "Unsaved scenarios from other tabs or earlier visits"),
    UnsavedKept => ("其他标签页或之前的访问中有未保存的情景，已保留在“情景”面板中，可载入后保存。", "Unsaved scenarios from other tabs or earlier visits are kept in the Scenarios panel; load one to save it."),
    EditedAt => ("最后编辑于{time}", "last edited {time}"),
    EditedEarlier => ("由较早的版本自动保存", "autosaved by an earlier version"),
    Discard => ("丢弃", "Discard"),
    Quarantined => ("以下保存的条目无法读取，已原样保留在存储中（可导出或删除）：", "These saved entries could not be read; they are kept in storage as they are (export or delete them):"),
    Dismiss => ("关闭", "Dismiss"),
    Undo => ("撤销", "Undo"),
    Redo => ("重做", "Redo"),
    UndoHint => ("撤销（Ctrl+Z）", "Undo (Ctrl+Z)"),
    RedoHint => ("重做（Ctrl+Shift+Z 或 Ctrl+Y）", "Redo (Ctrl+Shift+Z or Ctrl+Y)"),
    Scenarios => ("情景", "Scenarios"),
    Presets => ("预设情景", "Presets"),
    Load => ("载入", "Load"),
    CompareAdd => ("加入对比", "Compare"),
    CompareRemove => ("移出对比", "Remove from comparison"),
    CompareClear => ("清空对比", "Clear comparison"),
    CompareFull => ("最多对比4个情景", "At most 4 scenarios can be compared"),
    CompareTitle => ("情景对比", "Scenario comparison"),
    CompareCurrent => ("当前情景", "Current scenario"),
    DiffLevers => ("不同的杠杆", "Levers that differ"),
    NoDiff => ("所有情景的杠杆相同。", "All scenarios have the same levers."),
    Saved => ("已保存的情景", "Saved scenarios"),
    NoSaved => ("还没有保存的情景。", "No saved scenarios yet."),
    SaveAs => ("保存当前情景为", "Save the current scenario as"),
    Save => ("保存", "Save"),
    DefaultName => ("我的情景", "My scenario"),
    Rename => ("重命名", "Rename"),
    Duplicate => ("复制", "Duplicate"),
    CopySuffix => ("副本", "copy"),
    Delete => ("删除", "Delete"),
    ExportRaw => ("导出原文", "Export raw"),
    ShareLink => ("分享链接", "Share link"),
    CopyLink => ("复制链接", "Copy link"),
    Copied => ("已复制", "Copied"),
    CopyFailed => ("无法自动复制，请手动复制上面的链接。", "Could not copy automatically; please copy the link above."),
    ShowQr => ("二维码", "QR code"),
    QrAlt => ("当前情景链接的二维码", "QR code of the link to this scenario"),
    Export => ("导出", "Export"),
    ExportCsv => ("导出预测CSV", "Projection CSV"),
    ExportJson => ("导出情景JSON", "Scenario JSON"),
    ExportLibrary => ("导出情景库", "Export library"),
    Import => ("导入JSON", "Import JSON"),
    Print => ("打印讲义", "Print handout"),
    Presenter => ("演示模式", "Presenter mode"),
    PresenterHint => ("演示模式（快捷键 P，Esc 退出）", "Presenter mode (key P, Esc to leave)"),
    ToggleLevers => ("显示/隐藏杠杆", "Show/hide levers"),
    PngExport => ("PNG", "PNG"),
    SvgExport => ("SVG", "SVG"),
    HandoutTitle => ("情景讲义", "Scenario handout"),
    ChangedLevers => ("与参考情景不同的杠杆", "Levers that differ from the reference"),
    NoChanges => ("与参考情景相同。", "Same as the reference scenario."),
    Custom => ("自定义情景", "Custom scenario"),
    Printed => ("生成时间", "Generated"),
    ViewExplorer => ("情景沙盘", "Explorer"),
    ViewGuideline => ("指南导读", "The guideline"),
    ViewAssumptions => ("假设与来源", "Assumptions"),
    ViewModel => ("模型说明", "How the model works"),
    Pages => ("页面", "Pages"),
    ReaderIntro => ("按章节阅读《指南》：每节有我们写的简要说明；引号内为指南原文。点击杠杆或目标即可跳到情景沙盘中对应位置。", "Read the guideline chapter by chapter: each section has our own short summary; text in quotation marks is the guideline's wording. Click a lever or target to jump to it in the explorer."),
    Search => ("搜索", "Search"),
    SearchPlaceholder => ("搜索指南、措施或杠杆…", "Search the guideline, measures or levers…"),
    NoResults => ("没有找到匹配的内容。", "Nothing matches."),
    Measures => ("措施", "Measures"),
    NotModelled => ("本模型未表示此项", "Not represented in the model"),
    InModelAs => ("模型中对应", "In the model"),
    TargetsHere => ("相关目标", "Targets"),
    CopySectionLink => ("复制本节链接", "Copy link to this section"),
    ReadInGuideline => ("指南原文", "In the guideline"),
    AssumptionsIntro => ("模型使用的每个参数：数值、单位、公开数据或估计值、区间与来源。可在区间内修改任一参数，修改会随情景保存、分享和导出。", "Every parameter the model uses: value, unit, published figure or estimate, range and source. Any parameter can be changed within its range; changes travel with the scenario (saved, shared, exported)."),
    OverridesCount => ("本情景修改了{n}项假设", "This scenario changes {n} assumptions"),
    ResetOverrides => ("恢复全部假设", "Reset all assumptions"),
    FilterChain => ("环节", "Chain"),
    FilterKind => ("类型", "Kind"),
    All => ("全部", "All"),
    ColParam => ("参数", "Parameter"),
    ColValue => ("数值", "Value"),
    ColRange => ("区间", "Range"),
    ColSource => ("来源", "Source"),
    ColNote => ("说明", "Note"),
    ColSourceOriginal => ("来源（英文原文）", "Source"),
    ColNoteOriginal => ("说明（英文原文）", "Note"),
    ColFigure => ("数据", "Figure"),
    CitedTitle => ("引用的其他数据", "Other figures cited"),
    CitedIntro => ("杠杆说明以及上表的来源和说明所引用的数据。它们不是模型参数，不能修改。", "Figures that the lever explanations and the sources and notes above cite. They are not model parameters and cannot be changed."),
    ValidationTitle => ("模型与已公布数据对照", "The model against published figures"),
    ValidationIntro => ("参考情景与2020年以来已公布的数据并列。四川的同口径数据很少：多数只覆盖一部分（攀西、攀枝花、一家公司、销量或半年），这时误差只说明量级；全国数据给出四川所占份额。", "The reference scenario beside figures published since 2020. Few Sichuan figures measure the same quantity: most cover only a part (Panxi, Panzhihua, one company, sales or half a year), where the error only shows the order of magnitude; national figures give Sichuan's share."),
    ColSeries => ("序列", "Series"),
    ColBasis => ("口径", "Basis"),
    ColPublished => ("已公布", "Published"),
    ColModel => ("模型（参考情景）", "Model (reference)"),
    ColErrorShare => ("误差 / 四川份额", "Error / Sichuan's share"),
    ShareOf => ("份额", "share"),
    RelatedTitle => ("其他规划的目标", "Other plans' targets"),
    RelatedIntro => ("这些目标不是指南本身的，来自攀枝花、四川稀土实施意见和钒钛产业基地规划；与指南目标分开评分。", "These targets are not the guideline's own: they come from Panzhihua, Sichuan's rare-earth opinions and the V-Ti base plan, and are scored apart from the guideline's."),
    ColTarget => ("目标", "Target"),
    ColMeasure => ("模型如何衡量", "How the model measures it"),
    ColStatus => ("状态（参考情景）", "Status (reference)"),
    Overridden => ("已修改", "changed"),
    Baseline => ("基础值", "baseline"),
    FixedValue => ("公开数据，无区间，不可修改", "Published figure without a range; fixed"),
    RoleCheck => ("基年核对值：模型在2020年复现此数（有测试），不是输入，不可修改", "Base-year check: the model reproduces this 2020 figure (tested); not an input, so it cannot be overridden"),
    RoleDerived => ("由校准推出：模型用其他数据计算此值（例如由2020年粗钢产量推出电炉利用率），不可修改", "Derived by the calibration from other figures (e.g. EAF utilisation from 2020 crude steel); cannot be overridden"),
    RoleAbsorbed => ("被校准吸收：无论取何值，预测都相同（例如钒收得率由2020年V2O5产量反推而抵消），因此不提供修改", "Absorbed by the calibration: any value gives the same projection (e.g. the vanadium yield is solved from 2020 V2O5 output, cancelling it), so no override is offered"),
    ModelIntro => ("模型按年份从2020年算到2035年。每条链的方程、耦合关系、2020年校准和局限如下；物料流向图随当前情景实时更新。", "The model runs year by year from 2020 to 2035. Each chain's equations, couplings, 2020 calibration and limits are below; the material-flow diagrams follow the current scenario live."),
    Equations => ("方程", "Equations"),
    Symbols => ("符号", "Symbols"),
    Couplings => ("耦合关系", "Couplings"),
    Calibration => ("2020年校准", "2020 calibration"),
    Limits => ("局限", "Limits"),
    FlowTitle => ("物料流向（当前情景）", "Material flows (current scenario)"),
    FlowYear => ("年份", "Year"),
    FlowBalanced => ("每个中间环节投入 = 产出 + 损耗。", "Every intermediate step balances: inputs = outputs + losses."),
    Glossary => ("术语表", "Glossary"),
    OpenFull => ("打开完整版", "Open the full explorer"),
    WidgetUnknown => ("嵌入参数中有不存在的图表或杠杆：", "The embed parameters name charts or levers that do not exist:"),
    Embed => ("嵌入", "Embed"),
    EmbedIntro => ("生成用于门户网站的 iframe 代码：选择图表、杠杆和语言；当前情景会一并带入。", "Generate the iframe code for a portal page: choose charts, levers and language; the current scenario comes along."),
    EmbedCharts => ("图表", "Charts"),
    EmbedLevers => ("杠杆", "Levers"),
    EmbedLang => ("语言", "Language"),
    EmbedHeight => ("高度（像素）", "Height (px)"),
    EmbedSnippet => ("嵌入代码", "Embed code"),
    CopySnippet => ("复制代码", "Copy code"),
    EmbedTitle => ("四川钒钛钢铁及稀土产业政策情景沙盘（嵌入）", "Sichuan V-Ti-Steel & Rare-Earth Policy Explorer (embedded)"),
    NotesFailed => ("说明无法加载，请检查网络后重试。", "The explanation could not be loaded; check the connection and try again."),
    ChanceMet => ("达成概率", "Chance met"),
    ChanceMetHint => ("1,000次抽样中达成目标（含余量）的比例：每次让估计值参数在其区间内取值，杠杆不变。", "Share of 1,000 runs in which the target is met with its margin: each run draws the ESTIMATE parameters within their ranges, levers unchanged."),
    Computing => ("计算中…", "computing…"),
    BandsToggle => ("不确定区间", "Uncertainty bands"),
    BandsLegend => ("阴影：10–90%（浅色5–95%）", "Shading: 10–90 % (light: 5–95 %)"),
    BandsExplain => ("阴影带是假设的离散程度，不是预测区间：让每个估计值参数在其区间内取值（三角分布，1,000次拉丁超立方抽样），80%的结果落在深色带内（10–90%），90%落在浅色带内（5–95%）。",
                     "The shaded bands are the spread of the assumptions, not a forecast interval: with every ESTIMATE parameter drawn within its range (triangular distribution, 1,000 Latin-hypercube runs), 80 % of results fall in the dark band (10–90 %) and 90 % in the light band (5–95 %)."),
    ViewAnalysis => ("分析", "Analysis"),
    SeekReached => ("把“{lever}”从{from}调到{value}即可达成：{result}。", "Move “{lever}” from {from} to {value} and the target is met: {result}."),
    SeekAlready => ("“{lever}”的当前取值{from}已达成目标：{result}。", "The current value of “{lever}”, {from}, already meets the target: {result}."),
    SeekUnreachable => ("在“{lever}”的范围内无法达成；最好是取{value}：{result}。", "Not reachable within the range of “{lever}”; the best is {value}: {result}."),
    Apply => ("应用", "Apply"),
    LowEnd => ("输入取低端", "input at its low end"),
    HighEnd => ("输入取高端", "input at its high end"),
    NowValue => ("当前 {value}", "now {value}"),
    Increase => ("增加", "increase"),
    Decrease => ("减少", "decrease"),
    ReferenceScenario => ("参考情景", "Reference scenario"),
    ExactRuns => ("精确Shapley值，{runs}次模型运行。", "Exact Shapley values, {runs} model runs."),
    SampledRuns => ("由{m}个随机顺序估计，{runs}次模型运行。", "Estimated from {m} random orders, {runs} model runs."),
    NoLeverChange => ("无需改动杠杆", "no lever change needed"),
    Contributions => ("贡献分解", "Contributions"),
    RangeHint => ("括号内为10–90%区间：估计值参数在其区间内取值时，1,000次抽样中间80%的结果。", "In brackets, the 10–90 % range: the middle 80 % of 1,000 runs with the ESTIMATE parameters drawn within their ranges."),
    PageLoadFailed => ("页面内容无法加载，请检查网络后刷新。", "This page could not be loaded; check the connection and reload."),
    UpdateReady => ("新版本已就绪，刷新即可使用", "A new version is ready — reload to use it"),
    Reload => ("刷新", "Reload"),
    Later => ("稍后", "Later"),
    DownloadData => ("下载数据", "Download data"),
    DownloadDataHint => ("一个CSV文件：引用信息（含本情景的链接和数据许可）、预测结果、各项假设及其来源", "One CSV file: how to cite it (with this scenario's link and the data licence), the projection, and every assumption with its source"),
    AnnounceValue => ("2025年产业规模：{from} → {to} 亿元", "2025 industry scale: {from} → {to} billion yuan"),
    AnnounceCo2 => ("2030年CO2：{from} → {to} 百万吨", "2030 CO2: {from} → {to} Mt"),
    AnnouncePeak => ("碳排放峰值年份：{from} → {to}", "CO2 peak year: {from} → {to}"),
    AnnounceTargets => ("达成的目标：{from} → {to}", "targets met: {from} → {to}"),
    PolicyFrom => ("政策起始年份", "Policy from"),
    PolicyFromHint => ("之前的年份按历史（参考路径，已公布的电网因子）；2020年即指南本身的时间窗。",
                       "Years before it follow history (the reference path, the published grid factor); 2020 is the guideline's own window."),
    FrameCaption => ("{last}年及以前为历史（参考路径），政策自{from}年起", "to {last}: history (the reference path); policy from {from}"),
    History => ("历史", "history"),
    PublishedTitle => ("已公布数据（与图中序列对照）", "Published figures (beside the charted series)"),
    PublishedSame => ("已公布，同口径", "Published, same quantity"),
    PublishedPart => ("已公布，部分口径（企业、销量或半年，非全省）", "Published, part of it (one company, sales or a half year; not the province)"),
    ColOnChart => ("图上 / 四川占全国", "On the chart / Sichuan's share"),
    SichuanShare => ("四川（当前情景）占全国", "Sichuan (this scenario) as a share of China"),
    RelatedFrom => ("出处：", "From: "),
    RelatedMeasure => ("模型如何衡量：", "Measured as: "),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sentence_exists_in_both_languages_and_differs() {
        for m in Msg::ALL {
            let (zh, en) = (m.text(Lang::Zh), m.text(Lang::En));
            assert!(!zh.is_empty(), "{m:?}");
            if !matches!(m, Msg::Years | Msg::PngExport | Msg::SvgExport) {
                assert!(!en.is_empty(), "{m:?}");
                assert_ne!(zh, en, "{m:?}");
            }
        }
    }

    #[test]
    fn every_parameter_is_in_both_languages() {
        let params = |t: &str| {
            let mut ps: Vec<String> = t
                .split('{')
                .skip(1)
                .filter_map(|p| p.split_once('}').map(|(name, _)| name.to_string()))
                .collect();
            ps.sort();
            ps
        };
        for m in Msg::ALL {
            assert_eq!(params(m.text(Lang::Zh)), params(m.text(Lang::En)), "{m:?}");
        }
        assert_eq!(params(Msg::NotSavedName.text(Lang::En)), ["name"]);
    }

    #[test]
    fn numbers_follow_each_languages_units() {
        assert_eq!(quantity(3114.3, "亿元", Lang::Zh), "3,114亿元");
        assert_eq!(quantity(3114.3, "亿元", Lang::En), "311 billion yuan");
        assert_eq!(quantity(2790.0, "万吨", Lang::En), "27.9 Mt");
        assert_eq!(quantity(0.552, "fraction", Lang::En), "55.2%");
        assert_eq!(quantity(2025.0, "year", Lang::Zh), "2025年");
        assert_eq!(group(-1234.5, 1), "-1,234.5");
        assert_eq!(group(-0.0001, 1), "0.0");
    }
}
