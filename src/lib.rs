//! hoso: offline document checklists, validated declarations and submission packages for
//! Vietnamese commune-level administrative procedures.

pub mod engine;
pub mod i18n;
pub mod routes;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
#[cfg(not(target_arch = "wasm32"))]
pub mod start_page;

#[cfg(target_arch = "wasm32")]
pub mod ui;
