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
    /// The product's stable key (`data/products.csv`).
    pub fn key(self) -> &'static str {
        PRODUCTS_GEN[self as usize].0
    }
    /// The product's name for a reader (`data/products.csv`).
    pub fn label(self) -> Text {
        PRODUCTS_GEN[self as usize].1
    }
}

include!(concat!(env!("OUT_DIR"), "/products_gen.rs"));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn products_csv_lists_every_product_in_enum_order_with_both_languages() {
        let csv = include_str!("../data/products.csv");
        let keys: Vec<&str> = csv
            .lines()
            .skip(1)
            .filter(|l| !l.is_empty())
            .map(|l| l.split(',').next().unwrap_or_default())
            .collect();
        let ours: Vec<&str> = Product::ALL.iter().map(|p| p.key()).collect();
        assert_eq!(keys, ours);
        for (i, p) in Product::ALL.iter().enumerate() {
            assert_eq!(*p as usize, i);
            assert!(!p.label().zh.is_empty() && !p.label().en.is_empty());
        }
        assert_eq!(Product::SlagSold.key(), "ti_slag_sold");
        assert_eq!(Product::Eaf.label().zh, "电炉钢");
    }
}
