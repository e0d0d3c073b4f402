//! The colours of the charts: one per product family, shared by every chart, and the neutral inks.

use plotters::style::RGBColor;

pub const STEEL: RGBColor = RGBColor(70, 110, 160);
pub const STEEL_LIGHT: RGBColor = RGBColor(120, 160, 210);
pub const VANADIUM: RGBColor = RGBColor(196, 110, 36);
pub const TITANIUM: RGBColor = RGBColor(60, 150, 120);
pub const TITANIUM_DARK: RGBColor = RGBColor(30, 100, 80);
pub const RARE: RGBColor = RGBColor(150, 80, 160);
pub const INK: RGBColor = RGBColor(40, 44, 52);
pub const ALERT: RGBColor = RGBColor(200, 50, 50);
pub const GREY: RGBColor = RGBColor(110, 110, 110);

/// Colours of compared scenarios (distinct from the series colours).
pub const COMPARE_COLORS: [RGBColor; 4] = [
    RGBColor(230, 85, 13),
    RGBColor(49, 130, 50),
    RGBColor(117, 107, 177),
    RGBColor(99, 99, 99),
];
