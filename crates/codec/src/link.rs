//! Share links: a scenario as the compact, versioned, human-tolerant text of the URL parameter `s`.
//!
//! Format, version 1: `1` then, for each lever that differs from the reference, `,key:value`, and for each
//! overridden parameter `,@csv_key:value`, for a later policy start `,from:YEAR`, and for a market baseline
//! other than the reference's `,base:NAME` (`low`, `high`; absent for `central`, so every link made before
//! baselines existed reads as it did), and for each lever with a schedule of its own
//! `,sched.KEY:START-FULL` (`sched.eaf_swap:2026-2028`: from 2026, in full by 2028; a switch `START`). Levers
//! on the default schedule write nothing, so every earlier link reads as it did. A link the app shares ends in
//! the stamp of the model that made it, `,m:VERSION_FIGURES` ([`encode_stamped`], [`crate::stamp`]); a link
//! without one is read with this model, as before. Values print in Rust's shortest round-trip form (with an exponent
//! below 1e-5 and from 1e16, where positional digits would run to hundreds of characters), so every valid
//! scenario decodes to exactly itself. Example: `1,eaf_swap:300,swap_vti_share:1,@power_price_elasticity:-0.5`.
//!
//! Decoding is tolerant (spaces, `=` for `:`, `;` for `,`, upper-case keys, percent-encoding, a missing
//! version) and never panics: it returns the nearest valid scenario with the list of what it ignored or
//! changed, so the app can say so in the user's language. A link from a newer format version is read as far
//! as it can be, with a notice.

use vtre_model::levers::{spec, LeverId};
use vtre_model::params::ParamId;
use vtre_model::scenario::{InputIssue, Scenario, POLICY_FROM_DEFAULT};
use vtre_model::BaselineId;

use crate::stamp::{self, Stamp};

/// The current format version.
pub const VERSION: u32 = 1;

/// The longest text [`decode`] reads, in characters after percent-decoding. It bounds the work on hostile
/// input; the link of any scenario is far shorter (a test checks the longest one [`encode`] can write). Longer
/// text is read up to the last whole piece before the bound, and the rest is reported as not understood.
pub const MAX_LEN: usize = 16 * 1024;

/// Something a share link contained that the app could not take as given.
#[derive(Clone, Debug, PartialEq)]
pub enum LinkIssue {
    /// A lever or parameter problem (unknown id, not a number, clamped, snapped).
    Input(InputIssue),
    /// A piece that is not `key:value`.
    Malformed(String),
    /// A link from a newer format version.
    NewerVersion(u32),
    /// The same lever twice; the last one wins.
    Duplicate(String),
}

/// Encodes only what differs from the reference.
pub fn encode(s: &Scenario) -> String {
    let mut out = VERSION.to_string();
    for (id, v) in s.changed_levers() {
        out.push(',');
        out.push_str(id.key());
        out.push(':');
        out.push_str(&fmt(v));
    }
    for (id, v) in s.overrides() {
        out.push_str(",@");
        out.push_str(id.key());
        out.push(':');
        out.push_str(&fmt(*v));
    }
    for (id, sch) in s.schedules() {
        out.push_str(&format!(",{SCHEDULE_PREFIX}{}:{}", id.key(), sch.start));
        if !spec(id).is_switch() {
            out.push_str(&format!("-{}", sch.full));
        }
    }
    if s.start_year() != POLICY_FROM_DEFAULT {
        out.push_str(&format!(",{POLICY_FROM_KEY}:{}", s.start_year()));
    }
    if s.baseline() != BaselineId::CENTRAL {
        out.push_str(&format!(",{BASELINE_KEY}:{}", s.baseline().key()));
    }
    out
}

/// The link of a scenario with the stamp of the model that made it (`,m:…`, [`crate::stamp`]): what the app
/// shares and puts in the address bar.
pub fn encode_stamped(s: &Scenario, stamp: &Stamp) -> String {
    format!("{},{}:{}", encode(s), stamp::LINK_KEY, stamp.link_value())
}

/// The prefix of a piece that carries a lever's schedule (`sched.eaf_swap:2026-2028`).
pub const SCHEDULE_PREFIX: &str = "sched.";

/// Reads `START-FULL` or `START` (whole years; a single year means start = full).
pub fn parse_schedule(text: &str) -> Option<(u16, u16)> {
    let year = |t: &str| {
        let t = t.trim();
        (!t.is_empty() && t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit()))
            .then(|| t.parse::<u16>().ok())
            .flatten()
    };
    match text.split_once('-') {
        Some((a, b)) => Some((year(a)?, year(b)?)),
        None => year(text).map(|a| (a, a)),
    }
}

/// The piece that carries a market baseline (`base:low`); absent for the reference's (`central`).
pub const BASELINE_KEY: &str = "base";

/// The piece that carries a later policy start year (`from:2026`); absent for the default (2020).
pub const POLICY_FROM_KEY: &str = "from";

fn fmt(v: f64) -> String {
    if v == 0.0 {
        "0".into()
    } else if v.abs() < 1e-5 || v.abs() >= 1e16 {
        // Positional digits would take up to 330 characters here (5e-324 is 0.000…005).
        format!("{v:e}")
    } else {
        format!("{v}")
    }
}

/// Percent-decodes (`%2C` → `,`, `+` → space); invalid escapes are kept as they are.
pub fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'%' if i + 2 < b.len() => {
                // Two hex digits exactly (from_str_radix alone would also take a sign, as in `%+5`).
                let hex = std::str::from_utf8(&b[i + 1..i + 3])
                    .ok()
                    .filter(|h| h.bytes().all(|c| c.is_ascii_hexdigit()))
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(x) => {
                        out.push(x);
                        i += 3;
                    }
                    None => {
                        out.push(b'%');
                        i += 1;
                    }
                }
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Decodes share-link text. Never panics; see the module docs. The stamp of the model that made the link (if
/// any) is read and dropped: [`decode_stamped`] keeps it.
pub fn decode(text: &str) -> (Scenario, Vec<LinkIssue>) {
    let (s, _, issues) = decode_stamped(text);
    (s, issues)
}

/// Decodes share-link text with the stamp of the model that made it (`m:`; `None` in a link without one, which
/// is read with this model as before). Never panics.
pub fn decode_stamped(text: &str) -> (Scenario, Option<Stamp>, Vec<LinkIssue>) {
    let mut stamp = None;
    let mut s = Scenario::reference();
    let mut issues = Vec::new();
    let mut text = percent_decode(text);
    // Bound the work on hostile input: no valid link is anywhere near this long. Whole pieces only, since a
    // piece cut short could read as another value; what is left out is reported.
    if let Some((cut, _)) = text.char_indices().nth(MAX_LEN) {
        let keep = text[..cut].rfind([',', ';', '~']).unwrap_or(0);
        let rest = text[keep..].trim_start_matches([',', ';', '~']);
        issues.push(LinkIssue::Malformed(rest.chars().take(40).collect()));
        text.truncate(keep);
    }
    let mut seen: Vec<String> = Vec::new();
    for (i, raw) in text.split([',', ';', '~']).enumerate() {
        let piece = raw.trim();
        if piece.is_empty() {
            continue;
        }
        if i == 0 {
            let v = piece.trim_start_matches(['v', 'V']);
            if let Ok(n) = v.parse::<u32>() {
                if n > VERSION {
                    issues.push(LinkIssue::NewerVersion(n));
                }
                continue;
            }
            // No version: read the rest as version 1.
        }
        let Some((k, v)) = piece.split_once([':', '=']) else {
            issues.push(LinkIssue::Malformed(piece.chars().take(40).collect()));
            continue;
        };
        let key = k.trim().to_ascii_lowercase();
        let val = v.trim();
        if seen.contains(&key) {
            issues.push(LinkIssue::Duplicate(key.clone()));
        } else {
            seen.push(key.clone());
        }
        if let Some(lk) = key.strip_prefix(SCHEDULE_PREFIX) {
            let Some(id) = LeverId::from_key(lk) else {
                issues.push(LinkIssue::Input(InputIssue::UnknownLever(
                    lk.chars().take(40).collect(),
                )));
                continue;
            };
            match parse_schedule(val) {
                Some((a, b)) => {
                    issues.extend(s.set_schedule_checked(id, a, b).map(LinkIssue::Input))
                }
                None => issues.push(LinkIssue::Input(InputIssue::BadSchedule {
                    id: lk.into(),
                    found: val.chars().take(20).collect(),
                })),
            }
            continue;
        }
        if key == stamp::LINK_KEY {
            let (st, bad) = stamp::parse_link_value(val);
            issues.extend(
                bad.into_iter()
                    .map(|b| LinkIssue::Malformed(format!("{}:{b}", stamp::LINK_KEY))),
            );
            stamp = st.or(stamp);
            continue;
        }
        if key == BASELINE_KEY {
            match BaselineId::from_key(&val.to_ascii_lowercase()) {
                Some(b) => s.set_baseline(b),
                None => issues.push(LinkIssue::Input(InputIssue::UnknownBaseline(
                    val.chars().take(40).collect(),
                ))),
            }
            continue;
        }
        let number = crate::num::parse_f64(val);
        if key == POLICY_FROM_KEY {
            match number.filter(|x| x.fract() == 0.0 && (0.0..=9999.0).contains(x)) {
                Some(x) => {
                    // Whole years only; a year outside 2020–2030 is clamped and said so.
                    let used = s.set_start_year(x as u16);
                    if f64::from(used) != x {
                        issues.push(LinkIssue::Input(InputIssue::Clamped {
                            id: key.clone(),
                            given: x,
                            used: f64::from(used),
                        }));
                    }
                }
                None => issues.push(LinkIssue::Input(InputIssue::NotANumber {
                    id: key.clone(),
                    found: val.chars().take(20).collect(),
                })),
            }
            continue;
        }
        if let Some(pk) = key.strip_prefix('@') {
            let Some(pid) = ParamId::from_key(pk) else {
                issues.push(LinkIssue::Input(InputIssue::UnknownParam(
                    pk.chars().take(40).collect(),
                )));
                continue;
            };
            let Some(x) = number else {
                issues.push(LinkIssue::Input(InputIssue::NotANumber {
                    id: pk.into(),
                    found: val.chars().take(20).collect(),
                }));
                continue;
            };
            let used = s.set_param(pid, x);
            if used != x {
                issues.push(LinkIssue::Input(InputIssue::Clamped {
                    id: pk.into(),
                    given: x,
                    used,
                }));
            }
            continue;
        }
        let Some(id) = LeverId::from_key(&key) else {
            issues.push(LinkIssue::Input(InputIssue::UnknownLever(
                key.chars().take(40).collect(),
            )));
            continue;
        };
        let x = match (number, val.to_ascii_lowercase().as_str()) {
            (Some(x), _) => x,
            (None, "true" | "on" | "yes") if spec(id).is_switch() => 1.0,
            (None, "false" | "off" | "no") if spec(id).is_switch() => 0.0,
            _ => {
                issues.push(LinkIssue::Input(InputIssue::NotANumber {
                    id: key.clone(),
                    found: val.chars().take(20).collect(),
                }));
                continue;
            }
        };
        if let Some(issue) = s.set_checked(id, x) {
            issues.push(LinkIssue::Input(issue));
        }
    }
    (s, stamp, issues)
}

/// Reads one query parameter from a URL query string (`?a=1&s=...`), percent-decoded.
pub fn query_param(query: &str, name: &str) -> Option<String> {
    query.trim_start_matches('?').split('&').find_map(|kv| {
        let (k, v) = kv.split_once('=').unwrap_or((kv, ""));
        (k == name).then(|| percent_decode(v))
    })
}

/// Percent-encodes what a query value must not contain raw.
pub fn query_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            'A'..='Z' | 'a'..='z' | '0'..='9' | '-' | '_' | '.' | ',' | ':' | '@' | '~' => {
                out.push(c)
            }
            c => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
        }
    }
    out
}

/// What a widget URL (`?embed=1&charts=…&levers=…&headline=0|1&targets=0|1`) asks to show.
#[derive(Clone, Debug, PartialEq)]
pub struct WidgetSpec {
    pub charts: Vec<vtre_charts::ChartId>,
    pub levers: Vec<LeverId>,
    pub headline: bool,
    /// How the scorecard shows (`scorecard=0|summary|full`; `targets=0` is read as `0`).
    pub scorecard: ScorecardMode,
    /// Ids in the URL that do not exist (ignored, and reported).
    pub unknown: Vec<String>,
}

/// Resolves a list of ids in order, without repeats; unknown ids go to `unknown`. `None` if no list was given.
fn pick_ids<T: PartialEq>(
    ids: Option<Vec<String>>,
    find: impl Fn(&str) -> Option<T>,
    unknown: &mut Vec<String>,
) -> Option<Vec<T>> {
    let mut out = Vec::new();
    for id in ids? {
        match find(&id) {
            Some(x) if !out.contains(&x) => out.push(x),
            Some(_) => {}
            None => unknown.push(id.chars().take(40).collect()),
        }
    }
    Some(out)
}

/// How a widget shows the guideline's targets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScorecardMode {
    /// Not at all.
    Off,
    /// One line per target: its name, status and chance (the default: a narrow column stays short).
    Summary,
    /// The full cards, as in the explorer.
    Full,
}

impl ScorecardMode {
    /// The `scorecard=` value.
    pub fn key(self) -> &'static str {
        match self {
            ScorecardMode::Off => "0",
            ScorecardMode::Summary => "summary",
            ScorecardMode::Full => "full",
        }
    }
}

/// Parses the widget's query parameters. Defaults: charts `output_value,co2`; levers
/// `eaf_swap,energy_quota,re_quota`; headline shown; the scorecard as a summary.
pub fn parse_widget_spec(query: &str) -> WidgetSpec {
    use vtre_charts::ChartId;
    let list = |name: &str| {
        query_param(query, name).map(|v| {
            v.split(',')
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .take(40)
                .collect::<Vec<_>>()
        })
    };
    let mut unknown = Vec::new();
    let charts = pick_ids(list("charts"), ChartId::from_key, &mut unknown)
        .unwrap_or_else(|| vec![ChartId::OutputValue, ChartId::Co2]);
    let levers = pick_ids(list("levers"), LeverId::from_key, &mut unknown)
        .unwrap_or_else(|| vec![LeverId::EafSwap, LeverId::EnergyQuota, LeverId::ReQuota]);
    let flag =
        |name: &str, default: bool| query_param(query, name).map_or(default, |v| v.trim() != "0");
    WidgetSpec {
        charts,
        levers,
        headline: flag("headline", true),
        scorecard: match query_param(query, "scorecard").as_deref().map(str::trim) {
            Some("0" | "off" | "none") => ScorecardMode::Off,
            Some("full" | "1") => ScorecardMode::Full,
            Some(_) => ScorecardMode::Summary,
            None if !flag("targets", true) => ScorecardMode::Off,
            None => ScorecardMode::Summary,
        },
        unknown,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    #[test]
    fn widget_urls_choose_charts_and_levers_and_report_unknown_ids() {
        use vtre_charts::ChartId;
        let w = parse_widget_spec("?embed=1&charts=co2,nope,co2&levers=eaf_swap,bogus&targets=0");
        assert_eq!(w.charts, vec![ChartId::Co2]);
        assert_eq!(w.levers, vec![LeverId::EafSwap]);
        assert!(
            w.scorecard == ScorecardMode::Off && w.headline,
            "targets=0 still hides it"
        );
        for (q, m) in [
            ("?embed=1", ScorecardMode::Summary),
            ("?embed=1&scorecard=full", ScorecardMode::Full),
            ("?embed=1&scorecard=0", ScorecardMode::Off),
            (
                "?embed=1&scorecard=summary&targets=0",
                ScorecardMode::Summary,
            ),
            ("?embed=1&scorecard=bogus", ScorecardMode::Summary),
        ] {
            assert_eq!(parse_widget_spec(q).scorecard, m, "{q}");
        }
        assert_eq!(w.unknown, vec!["nope".to_string(), "bogus".to_string()]);
        let d = parse_widget_spec("?embed=1");
        assert_eq!(d.charts.len(), 2);
        assert_eq!(d.levers.len(), 3);
    }

    use super::*;
    use vtre_model::levers::LEVERS;

    #[test]
    fn the_reference_encodes_as_just_the_version() {
        assert_eq!(encode(&Scenario::reference()), "1");
        assert_eq!(decode("1"), (Scenario::reference(), vec![]));
        assert_eq!(decode(""), (Scenario::reference(), vec![]));
    }

    #[test]
    fn a_scenario_round_trips_exactly() {
        let mut s = Scenario::reference();
        s.set(LeverId::EafSwap, 300.0);
        s.set(LeverId::GridFactor, 0.0805);
        s.set(LeverId::RenewableExemption, 0.0);
        s.set_param(ParamId::PowerElasticity, -0.45);
        let text = encode(&s);
        assert_eq!(
            text,
            "1,eaf_swap:300,renewable_exemption:0,grid_factor:0.0805,@power_price_elasticity:-0.45"
        );
        assert_eq!(decode(&text), (s, vec![]));
    }

    #[test]
    fn a_stamped_link_round_trips_with_the_model_version_and_its_headline_figures() {
        let mut s = Scenario::reference();
        s.set(LeverId::EafSwap, 300.0);
        let stamp = Stamp::of(&vtre_model::simulate(&s));
        let text = encode_stamped(&s, &stamp);
        assert!(
            text.starts_with("1,eaf_swap:300,m:")
                && text.contains(&format!("m:{}_", vtre_model::MODEL_VERSION)),
            "{text}"
        );
        assert_eq!(decode_stamped(&text), (s.clone(), Some(stamp), vec![]));
        // A compared scenario or any older reader takes the scenario and passes over the stamp.
        assert_eq!(decode(&text), (s, vec![]));
    }

    #[test]
    fn a_link_without_a_version_is_read_with_this_model_and_no_notice() {
        let (s, stamp, issues) = decode_stamped("1,eaf_swap:300");
        assert_eq!(s.get(LeverId::EafSwap), 300.0);
        assert_eq!((stamp, issues), (None, vec![]));
    }

    #[test]
    fn a_link_from_another_model_version_reports_what_changed_in_its_numbers() {
        let mut s = Scenario::reference();
        s.set(LeverId::EafSwap, 300.0);
        let now = vtre_model::simulate(&s);
        let value_now = crate::stamp::Figure::OutputValue2025.of(&now);
        let co2_now = crate::stamp::Figure::Co2In2030.of(&now);
        // Made by a version whose 2025 output value was 100亿元 lower and whose CO2 was the same.
        let text = format!(
            "1,eaf_swap:300,m:0ld0ld00_{}_{co2_now}_2026_1",
            value_now - 100.0
        );
        let (back, stamp, issues) = decode_stamped(&text);
        assert_eq!((back, &issues), (s, &vec![]));
        let d = crate::stamp::diff(&stamp.unwrap(), &now).unwrap();
        assert_eq!(d.made_with, "0ld0ld00");
        assert_eq!(d.this, vtre_model::MODEL_VERSION);
        assert_eq!(d.rows[0].change(), Some(100.0), "2025 output value +100");
        assert!(!d.rows[1].changed(), "2030 CO2 the same");
        assert_eq!(d.rows[2].then, Some(2026.0));
        // A stamp that cannot be read is said, and the scenario opens all the same.
        let (back, stamp, issues) = decode_stamped("1,eaf_swap:300,m:???");
        assert_eq!(back.get(LeverId::EafSwap), 300.0);
        assert_eq!(stamp, None);
        assert_eq!(issues, vec![LinkIssue::Malformed("m:???".into())]);
    }

    #[test]
    fn a_later_policy_start_travels_in_the_link_and_a_bad_one_is_reported() {
        let mut s = Scenario::reference();
        s.set(LeverId::EafSwap, 300.0);
        s.set_start_year(2026);
        let text = encode(&s);
        assert!(text.ends_with(",from:2026"), "{text}");
        assert_eq!(decode(&text), (s, vec![]));
        // The default start is not written, so old links and new reference links are the same.
        assert_eq!(encode(&Scenario::reference()), "1");
        let (s, issues) = decode("1,from:2099");
        assert_eq!(s.start_year(), 2030);
        assert_eq!(issues.len(), 1);
        let (s, issues) = decode("1,from:next");
        assert_eq!(s.start_year(), 2020);
        assert_eq!(issues.len(), 1);
    }

    #[test]
    fn a_market_baseline_travels_as_base_and_central_is_not_written() {
        let mut s = Scenario::reference();
        s.set(LeverId::EafSwap, 300.0);
        let before = encode(&s);
        assert_eq!(
            before, "1,eaf_swap:300",
            "central: the link made before baselines existed"
        );
        s.set_baseline(BaselineId::Low);
        let text = encode(&s);
        assert_eq!(text, "1,eaf_swap:300,base:low");
        assert_eq!(decode(&text), (s.clone(), vec![]));
        assert_eq!(decode(&query_escape(&text)), (s, vec![]));
        // Typed loosely, and a name that does not exist.
        assert_eq!(decode("1;BASE = High").0.baseline(), BaselineId::High);
        let (s, issues) = decode("1,base:medium,eaf_swap:300");
        assert_eq!(s.baseline(), BaselineId::Central);
        assert_eq!(s.get(LeverId::EafSwap), 300.0);
        assert_eq!(
            issues,
            vec![LinkIssue::Input(InputIssue::UnknownBaseline(
                "medium".into()
            ))]
        );
        assert_eq!(decode("1,base:central"), (Scenario::reference(), vec![]));
    }

    #[test]
    fn a_lever_schedule_round_trips_and_the_default_schedule_writes_nothing() {
        let mut s = Scenario::reference();
        s.set(LeverId::EafSwap, 300.0);
        s.set_start_year(2026);
        // The default schedule (2026–2030 for a 2025 lever from 2026) is not written: the old link.
        s.set_schedule(LeverId::EafSwap, 2026, 2030);
        assert_eq!(encode(&s), "1,eaf_swap:300,from:2026");
        s.set_schedule(LeverId::EafSwap, 2026, 2028);
        s.set_schedule(LeverId::RenewableExemption, 2027, 2027);
        s.set_baseline(BaselineId::High);
        let text = encode(&s);
        assert_eq!(
            text,
            "1,eaf_swap:300,sched.eaf_swap:2026-2028,sched.renewable_exemption:2027,from:2026,base:high"
        );
        assert_eq!(decode(&text), (s.clone(), vec![]));
        assert_eq!(decode(&query_escape(&text)), (s, vec![]));
        // Bad schedules are reported, never silently dropped or guessed.
        let (s, issues) = decode("1,sched.eaf_swap:2019-2040,sched.steel_price:2026-2028,sched.nope:2026,sched.v_recovery:soon");
        assert_eq!(
            s.schedule(LeverId::EafSwap),
            Some(vtre_model::scenario::Schedule {
                start: 2021,
                full: 2035
            })
        );
        assert_eq!(s.schedules().count(), 1);
        assert_eq!(issues.len(), 4, "{issues:?}");
        assert_eq!(parse_schedule("2026 - 2028"), Some((2026, 2028)));
        assert_eq!(parse_schedule("+2026"), None);
        assert_eq!(parse_schedule("99999"), None);
    }

    #[test]
    fn tiny_and_huge_values_print_with_an_exponent_and_round_trip() {
        let mut s = Scenario::reference();
        let tiny = ParamId::all()
            .find(|&p| vtre_model::params::spec(p).low <= 0.0)
            .unwrap_or(ParamId::PowerElasticity);
        let used = s.set_param(tiny, 5e-324);
        let text = encode(&s);
        if used == 5e-324 {
            assert_eq!(text, format!("1,@{}:5e-324", tiny.key()));
        }
        assert_eq!(decode(&text), (s, vec![]));
        assert_eq!(fmt(1.5e-7), "1.5e-7");
        assert_eq!(fmt(2e16), "2e16");
        assert_eq!(fmt(0.00001), "0.00001");
        assert_eq!(fmt(1190000.0), "1190000");
    }

    #[test]
    fn the_longest_link_a_scenario_can_have_is_well_inside_the_bound() {
        // Every number prints in at most 24 characters: `-1.2345678901234567e-308`, `-0.000012345678901234567`.
        let longest = 1
            + LEVERS.iter().map(|l| 2 + l.key.len() + 24).sum::<usize>()
            + ParamId::all()
                .map(|p| 3 + p.key().len() + 24)
                .sum::<usize>()
            // every lever's own schedule, the policy start and the longest baseline name
            + LEVERS
                .iter()
                .map(|l| 2 + SCHEDULE_PREFIX.len() + l.key.len() + 9)
                .sum::<usize>()
            + ",from:2030".len()
            + 1
            + BASELINE_KEY.len()
            + 1
            + vtre_model::BASELINES.iter().map(|b| b.key.len()).max().unwrap_or(0);
        assert!(longest * 2 < MAX_LEN, "{longest}");
        // A scenario near that: every lever one step below its top, every parameter overridden with 17 digits.
        let mut s = Scenario::reference();
        for l in LEVERS {
            s.set(l.id, l.max - l.step);
        }
        for p in ParamId::all() {
            let ps = vtre_model::params::spec(p);
            let v = if ps.low <= 0.0 && ps.high > 0.0 {
                2.225_073_858_507_201_4e-308
            } else {
                ps.low + (ps.high - ps.low) * 0.123_456_789_012_345_68
            };
            s.set_param(p, v);
        }
        for l in LEVERS {
            s.set_schedule(l.id, 2031, 2035);
        }
        s.set_start_year(2030);
        s.set_baseline(BaselineId::Central);
        let text = encode(&s);
        assert!(text.len() <= longest, "{} > {longest}", text.len());
        assert_eq!(decode(&text), (s, vec![]));
    }

    #[test]
    fn overlong_text_is_read_up_to_the_last_whole_piece_and_the_rest_reported() {
        // `eaf_swap:1000` straddles the bound: cut there it would read as `eaf_swap:10`.
        let mut text = "1,".to_string() + &" ".repeat(MAX_LEN - 2 - 11);
        text.push_str(",eaf_swap:1000,v_recovery:60");
        let (s, issues) = decode(&text);
        assert_eq!(s, Scenario::reference());
        assert_eq!(
            issues,
            vec![LinkIssue::Malformed("eaf_swap:1000,v_recovery:60".into())]
        );
        // Just inside the bound, all of it is read.
        let text = "1,".to_string() + &" ".repeat(MAX_LEN - 2 - 14) + ",eaf_swap:1000";
        assert_eq!(text.len(), MAX_LEN);
        assert_eq!(decode(&text).0.get(LeverId::EafSwap), 1000.0);
    }

    #[test]
    fn people_can_type_links_loosely() {
        let (s, issues) = decode("v1; EAF_SWAP = 300 ;renewable_exemption=off");
        assert!(issues.is_empty(), "{issues:?}");
        assert_eq!(s.get(LeverId::EafSwap), 300.0);
        assert_eq!(s.get(LeverId::RenewableExemption), 0.0);
        let (s, _) = decode("1%2Ceaf_swap%3A300");
        assert_eq!(s.get(LeverId::EafSwap), 300.0);
    }

    #[test]
    fn tampered_links_open_the_nearest_valid_scenario_and_say_what_changed() {
        let (s, issues) =
            decode("9,eaf_swap:99999,bogus:1,v_recovery:abc,re_quota:47500,junk,eaf_swap:10");
        assert_eq!(s.get(LeverId::EafSwap), 10.0);
        assert_eq!(s.get(LeverId::VRecovery), spec(LeverId::VRecovery).default);
        assert_eq!(s.get(LeverId::ReQuota), 48000.0);
        assert!(issues.contains(&LinkIssue::NewerVersion(9)));
        assert!(issues.contains(&LinkIssue::Malformed("junk".into())));
        assert!(issues.contains(&LinkIssue::Duplicate("eaf_swap".into())));
        assert_eq!(issues.len(), 7, "{issues:?}");
    }

    #[test]
    fn query_parameters_are_read_and_escaped() {
        assert_eq!(
            query_param("?lang=en&s=1,eaf_swap:300", "s").as_deref(),
            Some("1,eaf_swap:300")
        );
        assert_eq!(query_param("?lang=en", "s"), None);
        assert_eq!(query_escape("1,a:b c&d"), "1,a:b%20c%26d");
        assert_eq!(percent_decode("%zz%"), "%zz%");
        assert_eq!(percent_decode("%+5%-1%2c"), "% 5%-1,");
        let _ = LEVERS;
    }
}
