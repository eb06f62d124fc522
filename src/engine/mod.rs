//! The domain engine: catalog, validation, rules, package building. It imports nothing from the
//! UI (no leptos, no web-sys), compiles natively and is tested with `cargo test`. The browser app,
//! the staff page and the `hoso` command-line tool all use it.

pub mod catalog;
pub mod counter;
pub mod date;
pub mod declaration;
pub mod draft;
pub mod finding;
pub mod form;
pub mod ids;
pub mod image;
pub mod journey;
pub mod media;
pub mod msg;
pub mod package;
pub mod parts;
pub mod pdf;
pub mod portal;
pub mod qr;
pub mod ready;
pub mod redraw;
pub mod refdata;
pub mod route;
pub mod settings;
pub mod summary;
pub mod text;
pub mod units;
pub mod validate;
pub mod zipr;
pub mod zipw;

/// Stable insertion sort for the short lists the engine orders (the issues of a form, the files of
/// a package). In the browser build it is far smaller than `slice::sort_by` (driftsort is
/// instantiated per element type, ~3 KB each; see docs/size.md).
pub fn sort_small_by<T>(v: &mut [T], mut less: impl FnMut(&T, &T) -> bool) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && less(&v[j], &v[j - 1]) {
            v.swap(j, j - 1);
            j -= 1;
        }
    }
}
