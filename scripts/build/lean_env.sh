# Sourced by scripts/build/build.sh for the browser bundles (docs/size.md, issue #7): rebuilds Rust's
# standard library for size instead of using the prebuilt one, and drops what a shipped wasm
# never shows anyway: panic messages and their source locations (a panic stops the app either
# way; `-Cpanic=immediate-abort`, `-Zlocation-detail=none`) and derived `Debug` output, which
# prints only the type's name (`-Zfmt-debug=shallow`). Not `none`, which would also blank `{:?}`
# of strings: serde's "invalid type: string "x"" messages, shown on the staff page when a
# package's JSON is wrong, would lose the value (`shallow` costs the staff bundle 0.3 KB gzip,
# the resident app nothing). About 21 KB gzip (8 %) less wasm.
#
# These are unstable options of the stable toolchain, enabled by RUSTC_BOOTSTRAP=1; they need the
# `rust-src` component and std's own crates, which scripts/setup.sh installs and fetches. If a
# future toolchain renames one, scripts/build/build.sh says so and builds with the prebuilt std
# (which is over the size budget of scripts/test.sh: CI fails until this file is brought up to
# date).
export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
# Replaces .cargo/config.toml's rustflags for the wasm target, so its cfg is repeated here.
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components -Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=shallow"
