//! The domain engine: catalog, validation, rules, package building. It imports nothing from the
//! UI (no leptos, no web-sys), compiles natively and is tested with `cargo test`. The browser app,
//! the staff page and the `hoso` command-line tool all use it.

pub mod catalog;
pub mod date;
pub mod ids;
pub mod journey;
pub mod media;
pub mod package;
pub mod refdata;
pub mod text;
pub mod units;
pub mod validate;
pub mod zipw;
