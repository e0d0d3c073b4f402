//! Decimal number parsing shared by the share-link codec, the JSON reader and the UI's number fields.
//!
//! [`parse_f64`] accepts plain decimal notation (`-12`, `0.35`, `.5`, `1e3`, `+2.5E-1`) and nothing else —
//! no `inf`, `NaN`, hex or surrounding text — and returns only finite values. Natively it uses Rust's
//! parser; in the browser the syntax is checked here and the digits are converted by JavaScript's
//! `parseFloat`, which is also correctly rounded, so both give the same `f64`. The reason is size: Rust's
//! float parser brings ~17 KB of power-of-ten tables (about 10 KB gzip) into the wasm.

/// Whether `s` is a decimal number: sign, digits with at most one point (at least one digit), optional
/// exponent with at least one digit.
fn is_decimal(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    if matches!(b.first(), Some(b'+' | b'-')) {
        i += 1;
    }
    let int_start = i;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    let mut digits = i - int_start;
    if i < b.len() && b[i] == b'.' {
        i += 1;
        let frac_start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        digits += i - frac_start;
    }
    if digits == 0 {
        return false;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let exp_start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == exp_start {
            return false;
        }
    }
    i == b.len()
}

/// Parses a finite decimal number (see the module docs); `None` for anything else.
pub fn parse_f64(s: &str) -> Option<f64> {
    if !is_decimal(s) {
        return None;
    }
    #[cfg(target_arch = "wasm32")]
    let v = js_sys::Number::parse_float(s);
    #[cfg(not(target_arch = "wasm32"))]
    let v = s.parse::<f64>().ok()?;
    v.is_finite().then_some(v)
}

#[cfg(test)]
mod tests {
    use super::parse_f64;

    #[test]
    fn decimal_numbers_parse_and_everything_else_is_refused() {
        assert_eq!(parse_f64("0.35"), Some(0.35));
        assert_eq!(parse_f64("-12"), Some(-12.0));
        assert_eq!(parse_f64("+2.5E-1"), Some(0.25));
        assert_eq!(parse_f64(".5"), Some(0.5));
        assert_eq!(parse_f64("5."), Some(5.0));
        assert_eq!(parse_f64("1e3"), Some(1000.0));
        for bad in [
            "", "-", ".", "e5", "1e", "1e+", "inf", "NaN", "infinity", "0x10", "1.5abc", " 1",
            "1 ", "1..2", "1e400",
        ] {
            assert_eq!(parse_f64(bad), None, "{bad}");
        }
    }
}
