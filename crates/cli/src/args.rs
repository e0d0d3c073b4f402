//! The CLI's one argument parser, on `clap_lex` (the lexer under clap: it tells flags from values and
//! leaves every message to us, so each command keeps its own wording). A command names the `--options` it
//! takes (each followed by a value), its `--switches` (no value) and whether it takes positional arguments;
//! the parser returns them in order, or the first problem in argument order.

use std::ffi::OsStr;

/// What one command accepts.
pub struct Spec<'a> {
    /// Flags followed by a value (`--seed 3`).
    pub options: &'a [&'a str],
    /// Flags without a value (`--markets`).
    pub switches: &'a [&'a str],
    /// Whether bare arguments (file names) are accepted.
    pub positionals: bool,
    /// Whether a flag may be given twice (the last one counts); otherwise that is an error.
    pub repeat: bool,
}

/// The first problem found, in argument order.
#[derive(Debug, PartialEq, Eq)]
pub enum ArgError {
    /// Not a flag of this command (the argument as given).
    Unknown(String),
    /// A flag that takes a value came last.
    NeedsValue(String),
    /// A flag given twice where that is not allowed.
    Twice(String),
}

/// The flags (switches with the value `"true"`) and positional arguments, in order.
#[derive(Debug, Default)]
pub struct Parsed {
    pub flags: Vec<(String, String)>,
    pub positionals: Vec<String>,
}

impl Parsed {
    /// The value of a flag (the last one given).
    pub fn get(&self, name: &str) -> Option<&str> {
        self.flags
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
    pub fn has(&self, name: &str) -> bool {
        self.flags.iter().any(|(n, _)| n == name)
    }
}

fn text(s: &OsStr) -> String {
    s.to_string_lossy().into_owned()
}

/// Parses `args` (the words after the command) against `spec`.
pub fn parse(args: &[String], spec: &Spec) -> Result<Parsed, ArgError> {
    let raw = clap_lex::RawArgs::new(args.iter().map(String::as_str));
    let mut cursor = raw.cursor();
    let mut out = Parsed::default();
    while let Some(arg) = raw.next(&mut cursor) {
        let whole = text(arg.to_value_os());
        // `--name` alone; `--name=value`, `--`, `-x` and bare words are not flags here.
        let long = match arg.to_long() {
            Some((Ok(name), None)) if !arg.is_escape() => Some(name),
            _ => None,
        };
        let Some(name) = long.map(|n| format!("--{n}")) else {
            if spec.positionals && !whole.starts_with('-') {
                out.positionals.push(whole);
                continue;
            }
            return Err(ArgError::Unknown(whole));
        };
        let value = if spec.switches.contains(&name.as_str()) {
            "true".to_string()
        } else if spec.options.contains(&name.as_str()) {
            raw.next_os(&mut cursor)
                .map(text)
                .ok_or_else(|| ArgError::NeedsValue(name.clone()))?
        } else {
            return Err(ArgError::Unknown(name));
        };
        if !spec.repeat && out.has(&name) {
            return Err(ArgError::Twice(name));
        }
        out.flags.push((name, value));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPEC: Spec = Spec {
        options: &["--seed", "--preset"],
        switches: &["--markets"],
        positionals: false,
        repeat: false,
    };

    fn words(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn flags_take_the_next_word_as_their_value_and_switches_take_none() {
        let p = parse(&words("--seed 3 --markets --preset --odd"), &SPEC);
        let p = p.unwrap_or_default();
        assert_eq!(p.get("--seed"), Some("3"));
        assert!(p.has("--markets") && p.get("--markets") == Some("true"));
        // A value is the next word whatever it looks like, as before.
        assert_eq!(p.get("--preset"), Some("--odd"));
    }

    #[test]
    fn the_first_problem_in_argument_order_is_reported() {
        let err = |s: &str| parse(&words(s), &SPEC).err();
        assert_eq!(
            err("--seed 1 --seed 2 --bogus"),
            Some(ArgError::Twice("--seed".into()))
        );
        assert_eq!(
            err("--bogus --seed"),
            Some(ArgError::Unknown("--bogus".into()))
        );
        assert_eq!(
            err("--markets --seed"),
            Some(ArgError::NeedsValue("--seed".into()))
        );
        assert_eq!(err("--seed=3"), Some(ArgError::Unknown("--seed=3".into())));
        assert_eq!(err("file.csv"), Some(ArgError::Unknown("file.csv".into())));
        assert_eq!(err("--"), Some(ArgError::Unknown("--".into())));
        assert_eq!(err("-h"), Some(ArgError::Unknown("-h".into())));
    }

    #[test]
    fn positionals_and_repeats_are_allowed_only_where_the_command_says() {
        let spec = Spec {
            options: &["--tolerance"],
            switches: &[],
            positionals: true,
            repeat: true,
        };
        let p =
            parse(&words("a.csv b.csv --tolerance 0.1 --tolerance 0.2"), &spec).unwrap_or_default();
        assert_eq!(p.positionals, ["a.csv", "b.csv"]);
        assert_eq!(p.get("--tolerance"), Some("0.2"), "the last one counts");
    }
}
