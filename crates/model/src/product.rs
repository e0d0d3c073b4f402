//! The products the energy quota can curtail: a shared type, below the chains (energy decides the cut,
//! emissions and the projection read it).

use crate::text::Text;

/// Products the energy quota can curtail.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Product {
    /// BF-BOF steel on V-Ti ore, with its V2O5 (万t crude steel).
    BofVti,
    /// BF-BOF steel on ordinary ore (万t).
    BofOther,
    /// EAF steel (万t).
    Eaf,
    /// Sulfate-route TiO2 (万t).
    Tio2Sulfate,
    /// Chloride-route TiO2 with its slag (万t).
    Tio2Chloride,
    /// Titanium slag sold out of province (万t).
    SlagSold,
    /// Titanium sponge with its slag (t).
    Sponge,
    /// TiO2 from blast-furnace slag (万t).
    BfSlagTi,
    /// Rare-earth separation (t REO).
    ReSeparation,
    /// Rare-earth metal (t).
    ReMetal,
    /// Non-blast-furnace steel on V-Ti ore, with its V2O5 and the TiO2 made from its Ti-rich slag (万t).
    NonBfVti,
}

pub const N_PRODUCTS: usize = 11;

impl Product {
    pub const ALL: [Product; N_PRODUCTS] = [
        Product::BofVti,
        Product::BofOther,
        Product::Eaf,
        Product::Tio2Sulfate,
        Product::Tio2Chloride,
        Product::SlagSold,
        Product::Sponge,
        Product::BfSlagTi,
        Product::ReSeparation,
        Product::ReMetal,
        Product::NonBfVti,
    ];
    pub fn key(self) -> &'static str {
        match self {
            Product::BofVti => "bof_vti",
            Product::BofOther => "bof_other",
            Product::Eaf => "eaf",
            Product::Tio2Sulfate => "tio2_sulfate",
            Product::Tio2Chloride => "tio2_chloride",
            Product::SlagSold => "ti_slag_sold",
            Product::Sponge => "ti_sponge",
            Product::BfSlagTi => "bf_slag_ti",
            Product::ReSeparation => "re_separation",
            Product::ReMetal => "re_metal",
            Product::NonBfVti => "nonbf_vti",
        }
    }
    pub fn label(self) -> Text {
        match self {
            Product::BofVti => Text::new(
                "钒钛矿长流程钢（含钒）",
                "BF-BOF steel on V-Ti ore (with its vanadium)",
            ),
            Product::BofOther => Text::new("普通矿长流程钢", "BF-BOF steel on ordinary ore"),
            Product::Eaf => Text::new("电炉钢", "EAF steel"),
            Product::Tio2Sulfate => Text::new("硫酸法钛白粉", "Sulfate-route TiO2"),
            Product::Tio2Chloride => Text::new("氯化法钛白粉", "Chloride-route TiO2"),
            Product::SlagSold => Text::new("外销钛渣", "Titanium slag sold out of province"),
            Product::Sponge => Text::new("海绵钛", "Titanium sponge"),
            Product::BfSlagTi => Text::new("高炉渣提钛", "Ti from blast-furnace slag"),
            Product::ReSeparation => Text::new("稀土冶炼分离", "Rare-earth separation"),
            Product::ReMetal => Text::new("稀土金属", "Rare-earth metal"),
            Product::NonBfVti => Text::new(
                "钒钛矿非高炉冶炼钢（含钒、钛）",
                "Non-blast-furnace V-Ti steel (with its vanadium and titanium)",
            ),
        }
    }
}
