//! In the browser: mounts the app. Natively: the `hoso` command-line tool.

#[cfg(target_arch = "wasm32")]
fn main() {
    hoso::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(hoso::cli::run(std::env::args().skip(1).collect()));
}
