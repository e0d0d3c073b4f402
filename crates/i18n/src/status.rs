//! How a target's status, a chance and another plan's target read, one way for the app's scorecard and the
//! pre-rendered first view (which must show the same marks and words the app takes over).

use crate::Msg;
use vtre_model::Status;

/// The status mark beside a target's name (colour is never the only cue).
pub fn status_icon(s: Status) -> &'static str {
    match s {
        Status::Met => "✓",
        Status::AtRisk => "!",
        Status::Missed => "✗",
        Status::Unquantified => "○",
    }
}

/// The status in words.
pub fn status_msg(s: Status) -> Msg {
    match s {
        Status::Met => Msg::StatusMet,
        Status::AtRisk => Msg::StatusAtRisk,
        Status::Missed => Msg::StatusMissed,
        Status::Unquantified => Msg::StatusUnquantified,
    }
}

/// A probability as a whole percent ("62%", halves rounded up); "<1%" and ">99%" where rounding would say 0
/// or 100 for a share that is not. (Until 2026-12-06 `{:.0}` rounded halves to even, so 5 members in 1,000
/// read "0%".)
pub fn percent(p: f64) -> String {
    let whole = (p * 100.0).round();
    if p > 0.0 && whole < 1.0 {
        "<1%".into()
    } else if p < 1.0 && whole > 99.0 {
        ">99%".into()
    } else {
        format!("{whole:.0}%")
    }
}

/// A related (other plan's) target's value or threshold in its measure's unit: a series sum in the first
/// series' unit, a lever in the lever's unit.
pub fn related_quantity(t: &vtre_model::actuals::RelatedGen, v: f64, lang: crate::Lang) -> String {
    if let Some(id) = t
        .measure
        .strip_prefix("lever:")
        .and_then(vtre_model::LeverId::from_key)
    {
        let l = vtre_model::levers::spec(id);
        let dec = if v == 0.0 {
            0
        } else {
            crate::decimals(v, crate::Precision::Value)
        };
        let sep = if lang.zh() { "" } else { " " };
        return format!("{}{sep}{}", crate::group(v, dec), l.unit.get(lang));
    }
    let unit = t
        .measure
        .split('+')
        .next()
        .and_then(vtre_model::SeriesId::from_key)
        .map_or("", |s| s.unit());
    crate::quantity(v, unit, lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chance_never_rounds_to_a_certainty_it_is_not() {
        assert_eq!(percent(0.0), "0%");
        assert_eq!(percent(0.004), "<1%");
        assert_eq!(percent(0.005), "1%", "5 of 1,000 members is not none");
        assert_eq!(percent(0.025), "3%", "halves round up, not to even");
        assert_eq!(percent(0.62), "62%");
        assert_eq!(percent(0.994), "99%");
        assert_eq!(percent(0.995), ">99%", "5 members short of all is not all");
        assert_eq!(percent(1.0), "100%");
    }

    #[test]
    fn every_status_has_its_own_mark_and_words() {
        let all = [
            Status::Met,
            Status::AtRisk,
            Status::Missed,
            Status::Unquantified,
        ];
        for (i, a) in all.iter().enumerate() {
            for b in &all[i + 1..] {
                assert_ne!(status_icon(*a), status_icon(*b));
                assert_ne!(status_msg(*a), status_msg(*b));
            }
        }
        assert_eq!(status_msg(Status::Met).text(crate::Lang::En), "Met");
    }
}
