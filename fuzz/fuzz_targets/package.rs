//! Any bytes given to the staff verification — the strict zip reader, the manifest and answers
//! parsers, the integrity and rules checks — give a verdict, never a panic, a hang or a blow-up.
#![no_main]

use hoso::engine::catalog::Catalog;
use hoso::engine::package;
use hoso::engine::units::AdminUnits;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(opened) = package::open(data) {
        if let Some(p) = Catalog::bundled().procedure(&opened.manifest.procedure.id) {
            let _ = package::check_rules(&opened, p, &Catalog::bundled().version, AdminUnits::bundled());
        }
        // Whatever was read, a package whose integrity check passed must re-read identically.
        if opened.findings.is_empty() {
            let (m, _) = package::read(data).expect("a package that opened cleanly reads back");
            assert_eq!(m, opened.manifest);
        }
    }
});
