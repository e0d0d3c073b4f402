//! Arguments the shell hands over as they are: bytes that are not UTF-8 are reported, never a panic.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[cfg(unix)]
#[test]
fn an_argument_that_is_not_utf8_is_an_error_with_exit_code_2() {
    use std::os::unix::ffi::OsStrExt;
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_vtre"))
        .arg("project")
        .arg("--scenario")
        .arg(std::ffi::OsStr::from_bytes(b"\xff.json"))
        .output()
        .expect("run vtre");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err, "vtre: argument 3 is not valid UTF-8\n");
}
