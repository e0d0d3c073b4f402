//! The model has no circles: shared types (`ctx`, `product`, `projection`, …) sit below the chains, each chain
//! imports downward only, and `simulate` alone orchestrates them. This test reads the crate's sources (the
//! part before its `#[cfg(test)]` code, comments left out) and fails if a chain or a module below the chains
//! names `simulate`, or if the module imports form a cycle.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The chains: each computes one part of a year, reads a `Ctx` and never the orchestrator.
const CHAINS: &[&str] = &[
    "steel",
    "vanadium",
    "titanium",
    "rare_earth",
    "energy",
    "emissions",
    "value",
];
/// Shared types and tables below the chains: they import neither a chain nor `simulate`.
const BELOW: &[&str] = &[
    "ctx",
    "product",
    "projection",
    "targets",
    "actuals",
    "series",
    "params",
    "levers",
    "scenario",
    "text",
    "baselines",
];

/// Each module's source without its tests and without comment lines.
fn sources() -> BTreeMap<String, String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(&dir).expect("src/") {
        let path = entry.expect("entry").path();
        if path.extension().and_then(|e| e.to_str()) != Some("rs") {
            continue;
        }
        let name = path.file_stem().and_then(|s| s.to_str()).expect("name");
        let text = std::fs::read_to_string(&path).expect("read");
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        let code: String = code
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        out.insert(name.to_string(), code);
    }
    out
}

/// The crate modules a module's code names (`crate::m` or `super::m`).
fn imports(code: &str, modules: &BTreeSet<String>) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for prefix in ["crate::", "super::"] {
        for (i, _) in code.match_indices(prefix) {
            let rest = &code[i + prefix.len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if modules.contains(&name) {
                found.insert(name);
            }
        }
    }
    found
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = sources();
    let modules: BTreeSet<String> = src.keys().filter(|k| *k != "lib").cloned().collect();
    src.iter()
        .filter(|(k, _)| *k != "lib")
        .map(|(k, code)| {
            let mut deps = imports(code, &modules);
            deps.remove(k);
            (k.clone(), deps)
        })
        .collect()
}

#[test]
fn no_chain_and_nothing_below_the_chains_imports_simulate() {
    let g = graph();
    for m in CHAINS.iter().chain(BELOW) {
        let deps = g.get(*m).unwrap_or_else(|| panic!("module {m} not found"));
        assert!(!deps.contains("simulate"), "{m} imports simulate: {deps:?}");
    }
}

#[test]
fn modules_below_the_chains_import_no_chain() {
    let g = graph();
    for m in BELOW {
        for c in CHAINS {
            assert!(!g[*m].contains(*c), "{m} imports the chain {c}");
        }
    }
}

#[test]
fn the_module_imports_have_no_cycle() {
    let g = graph();
    // Depth-first search with colours: 1 = on the current path, 2 = done.
    fn visit(
        m: &str,
        g: &BTreeMap<String, BTreeSet<String>>,
        colour: &mut BTreeMap<String, u8>,
        path: &mut Vec<String>,
    ) {
        match colour.get(m) {
            Some(2) => return,
            Some(1) => panic!("import cycle: {} -> {m}", path.join(" -> ")),
            _ => {}
        }
        colour.insert(m.to_string(), 1);
        path.push(m.to_string());
        for d in g.get(m).into_iter().flatten() {
            visit(d, g, colour, path);
        }
        path.pop();
        colour.insert(m.to_string(), 2);
    }
    let mut colour = BTreeMap::new();
    for m in g.keys() {
        visit(m, &g, &mut colour, &mut Vec::new());
    }
    // And the check can fail: a graph with a circle is caught.
    let mut circle = BTreeMap::new();
    circle.insert("a".to_string(), BTreeSet::from(["b".to_string()]));
    circle.insert("b".to_string(), BTreeSet::from(["a".to_string()]));
    let caught = std::panic::catch_unwind(|| {
        let mut colour = BTreeMap::new();
        visit("a", &circle, &mut colour, &mut Vec::new());
    });
    assert!(caught.is_err(), "a two-module circle must be reported");
}
