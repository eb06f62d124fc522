//! The `hoso` command-line tool: the same engine as the browser app, for staff and portals.

use crate::engine::catalog::Catalog;

const USAGE: &str = "hoso — Vietnamese commune-level procedures: checklists, validation, packages

Usage:
  hoso catalog list          list the procedures in the catalog
  hoso --version             print the version
";

/// Runs the tool; returns the process exit code (0 ok, 2 usage error).
pub fn run(args: Vec<String>) -> i32 {
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match args.as_slice() {
        ["--version"] | ["-V"] => {
            println!("hoso {}", env!("CARGO_PKG_VERSION"));
            0
        }
        ["catalog", "list"] => {
            let c = Catalog::bundled();
            for p in &c.procedures {
                println!("{}\t{}\t{}", p.id, p.national_codes.join(","), p.name.vi);
            }
            0
        }
        [] | ["--help"] | ["-h"] | ["help"] => {
            print!("{USAGE}");
            0
        }
        _ => {
            eprint!("hoso: unknown command\n\n{USAGE}");
            2
        }
    }
}
