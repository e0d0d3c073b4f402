//! The web app's entry point: mounts `<App/>`; nothing else.

#[cfg(target_arch = "wasm32")]
fn main() {
    vtre::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "the explorer is a web app: run `bash scripts/serve.sh`; for the command line use `vtre`"
    );
}
