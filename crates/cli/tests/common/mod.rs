//! What the CLI's test files share: running `vtre` as a user would.

use std::process::Command;

/// Runs `vtre` with `args`: (exit code, stdout, stderr).
pub fn vtre(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_vtre"))
        .args(args)
        .output()
        .expect("run vtre");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}
