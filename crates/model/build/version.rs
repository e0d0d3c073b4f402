//! The model's version: a short hash of what its numbers depend on, so a share link or scenario file can say
//! which model made it (issue 25, item 6). FNV-1a (64 bits, the top 32 written as 8 hex digits) over every
//! data file (`data/*.csv`), the build code that turns them into tables (`build.rs`, `build/*.rs`) and the code
//! of every module (`src/*.rs` up to its `mod tests`, so a new test does not make a new version), in
//! file-name order, line endings normalised. A change of code that leaves every number as it was still makes a
//! new version: the version says "maybe different", the figures a link carries say what actually changed.

use std::path::{Path, PathBuf};

/// Where the inputs of the version are, relative to the crate (for `cargo:rerun-if-changed`).
pub const VERSION_INPUTS: [&str; 4] = ["data", "src", "build", "build.rs"];

fn fnv1a(hash: &mut u64, bytes: &[u8]) {
    for &b in bytes {
        *hash ^= u64::from(b);
        *hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
}

fn files(dir: &Path, ext: &str) -> Result<Vec<PathBuf>, String> {
    let mut out: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot list {}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().and_then(|e| e.to_str()) == Some(ext))
        .collect();
    out.sort();
    Ok(out)
}

/// A module's code without its unit tests: everything before `mod tests`.
fn without_tests(text: &str) -> &str {
    text.find("\nmod tests").map_or(text, |i| &text[..i])
}

/// The version text: 8 lowercase hex digits.
pub fn model_version(dir: &Path) -> Result<String, String> {
    let mut hash = 0xcbf2_9ce4_8422_2325u64;
    let mut inputs = files(&dir.join("data"), "csv")?;
    inputs.push(dir.join("build.rs"));
    inputs.extend(files(&dir.join("build"), "rs")?);
    inputs.extend(files(&dir.join("src"), "rs")?);
    for path in inputs {
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?
            .replace("\r\n", "\n");
        let rel = path
            .strip_prefix(dir)
            .unwrap_or(&path)
            .to_string_lossy()
            .replace('\\', "/");
        fnv1a(&mut hash, rel.as_bytes());
        fnv1a(&mut hash, &[0]);
        let code = if rel.ends_with(".rs") {
            without_tests(&text)
        } else {
            &text
        };
        fnv1a(&mut hash, code.as_bytes());
        fnv1a(&mut hash, &[0]);
    }
    Ok(format!("{:08x}", hash >> 32))
}
