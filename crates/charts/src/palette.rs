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

/// Colours of compared scenarios: hues no series uses (cyan, magenta, yellow-green, brown), each drawn with its own
/// dash as well, so a compared scenario is never read as a product line (a test keeps them apart).
pub const COMPARE_COLORS: [RGBColor; 4] = [
    RGBColor(0, 150, 170),
    RGBColor(214, 51, 132),
    RGBColor(120, 150, 0),
    RGBColor(120, 70, 30),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compared_scenarios_never_share_a_colour_with_a_series() {
        let series = [
            STEEL,
            STEEL_LIGHT,
            VANADIUM,
            TITANIUM,
            TITANIUM_DARK,
            RARE,
            INK,
            ALERT,
            GREY,
        ];
        let d = |a: RGBColor, b: RGBColor| {
            let sq = |x: u8, y: u8| (f64::from(x) - f64::from(y)).powi(2);
            (sq(a.0, b.0) + sq(a.1, b.1) + sq(a.2, b.2)).sqrt()
        };
        for c in COMPARE_COLORS {
            for s in series {
                assert!(
                    d(c, s) > 75.0,
                    "{c:?} is too close to {s:?} ({:.0})",
                    d(c, s)
                );
            }
        }
        for (i, a) in COMPARE_COLORS.iter().enumerate() {
            for b in &COMPARE_COLORS[i + 1..] {
                assert!(d(*a, *b) > 75.0);
            }
        }
    }
}
