//! One CSV line split into fields (RFC 4180 quoting; the data files have quoted fields with commas and no
//! newlines inside fields). Shared by the build script, which generates the lever and parameter tables, and
//! by `params::baseline_rows`, so both read the data files the same way.

/// Splits one CSV line; an error for text after a closing quote or an unterminated quote.
pub fn split_line(line: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', true) => {
                quoted = false;
                if !matches!(chars.peek(), None | Some(',')) {
                    return Err("text after a closing quote".into());
                }
            }
            ('"', false) if field.is_empty() => quoted = true,
            ('"', false) => return Err("a quote inside an unquoted field".into()),
            (',', false) => out.push(std::mem::take(&mut field)),
            (c, _) => field.push(c),
        }
    }
    if quoted {
        return Err("unterminated quoted field".into());
    }
    out.push(field);
    Ok(out)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::split_line;

    #[test]
    fn quoted_fields_keep_commas_and_doubled_quotes_and_bad_quoting_is_an_error() {
        assert_eq!(
            split_line(r#"a,"b, c","say ""hi""",,d"#).unwrap(),
            ["a", "b, c", r#"say "hi""#, "", "d"]
        );
        assert!(
            split_line(r#"a,b"c",d"#).is_err(),
            "a quote inside an unquoted field"
        );
        assert!(
            split_line(r#"a,"b"c"#).is_err(),
            "text after a closing quote"
        );
        assert!(split_line(r#"a,"b"#).is_err(), "unterminated");
    }
}
