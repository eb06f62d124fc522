//! In the browser: mounts the staff page (`staff.html`, served at /staff/). Natively there is
//! nothing to run: staff use `hoso verify` instead.

#[cfg(target_arch = "wasm32")]
fn main() {
    hoso::ui::staff::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("hoso-staff is the staff page for the browser (built by trunk from staff.html); on the command line use `hoso verify`.");
    std::process::exit(2);
}
