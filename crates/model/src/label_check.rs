//! The rules for a parameter's human name (`label_zh`, `label_en` in `data/params.csv`). Shared by the build
//! script, which stops the build on a bad label, and by the crate's tests, which check the rules themselves
//! (the same pattern as `csv_line.rs`).

/// Whether `c` is a CJK ideograph or CJK / full-width punctuation.
pub fn is_cjk(c: char) -> bool {
    ('\u{3000}'..='\u{303f}').contains(&c)
        || ('\u{3400}'..='\u{9fff}').contains(&c)
        || ('\u{ff00}'..='\u{ffef}').contains(&c)
}

/// Checks one parameter's two labels: neither empty nor padded with spaces nor an internal id (no `_`); the
/// Chinese one has Chinese text; the English one is printable ASCII only (so no Chinese and only ASCII
/// punctuation). The error says which label and why.
pub fn check(zh: &str, en: &str) -> Result<(), String> {
    for (column, v) in [("label_zh", zh), ("label_en", en)] {
        if v.trim().is_empty() {
            return Err(format!("`{column}` is empty"));
        }
        if v.trim() != v {
            return Err(format!("`{column}` has surrounding spaces ({v:?})"));
        }
        if v.contains('_') {
            return Err(format!(
                "`{column}` looks like an internal id ({v:?}): write a name a reader understands"
            ));
        }
    }
    if !zh.chars().any(is_cjk) {
        return Err(format!("`label_zh` has no Chinese text ({zh:?})"));
    }
    if let Some(c) = en.chars().find(|c| !(' '..='~').contains(c)) {
        return Err(format!(
            "`label_en` must be plain ASCII (no Chinese, ASCII punctuation): {c:?} in {en:?}"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_must_be_a_name_in_its_language() {
        assert_eq!(
            check("2020年四川粗钢产量", "Sichuan crude steel output, 2020"),
            Ok(())
        );
        let err = |zh: &str, en: &str| check(zh, en).err().unwrap_or_default();
        assert!(err("", "Crude steel").contains("`label_zh` is empty"));
        assert!(err("粗钢", "").contains("`label_en` is empty"));
        assert!(err("粗钢", "  ").contains("`label_en` is empty"));
        assert!(err(" 粗钢", "Crude steel").contains("surrounding spaces"));
        assert!(err("粗钢", "crude_steel_output").contains("internal id"));
        assert!(err("Crude steel", "Crude steel").contains("no Chinese"));
        assert!(err("粗钢", "Crude steel（2020）").contains("plain ASCII"));
        assert!(err("粗钢", "粗钢").contains("plain ASCII"));
        assert!(err("粗钢", "Crude steel 2020–25").contains("plain ASCII"));
    }

    #[test]
    fn the_build_script_checks_every_parameter_name_with_these_rules() {
        // build.rs stops the build on the first row that fails `check` (tried by hand: an empty `label_zh`
        // gives "data/params.csv:2: parameter CrudeSteel2020: `label_zh` is empty").
        let build = include_str!("../build/params.rs");
        assert!(build.contains("label_check::check(label_zh, label_en)"));
        assert!(build.contains("\"label_zh\",\n    \"label_en\",\n];"));
    }
}
