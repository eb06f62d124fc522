//! What a check of a package found: every finding's stable code, and beside it what kind of
//! problem it is. `hoso verify`, its JSON output and the staff page all decide "readable",
//! "intact" and "valid" from [`FindingCode::kind`], never from the code's spelling.

use super::catalog::Severity;
use super::text::I18n;
use serde::Serialize;

/// What a finding says about a package.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FindingKind {
    /// The file is not a package hoso can read at all (the zip or its manifest).
    Unreadable,
    /// The package was changed after it was made: a file or the manifest does not match.
    Integrity,
    /// The package is intact, but its answers or documents break a rule of the procedure.
    Validity,
    /// For information only (another catalog version, a declaration made by another version).
    Information,
}

macro_rules! finding_codes {
    ($($variant:ident = $code:literal : $kind:ident,)*) => {
        /// A finding's stable machine code. The JSON output and the docs spell it as the string
        /// of [`FindingCode::as_str`] (docs/package-format.md).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
        pub enum FindingCode {
            $(#[serde(rename = $code)] $variant,)*
        }

        impl FindingCode {
            /// Every code, for tests and docs.
            pub const ALL: &'static [FindingCode] = &[$(FindingCode::$variant,)*];

            pub const fn as_str(self) -> &'static str {
                match self {
                    $(FindingCode::$variant => $code,)*
                }
            }

            pub const fn kind(self) -> FindingKind {
                match self {
                    $(FindingCode::$variant => FindingKind::$kind,)*
                }
            }
        }
    };
}

finding_codes! {
    // The file itself (engine::zipr, a file the browser could not read).
    Unreadable = "unreadable": Unreadable,
    NotZip = "not-zip": Unreadable,
    NotPackageZip = "not-package-zip": Unreadable,
    MultiDisk = "multi-disk": Unreadable,
    TooLarge = "too-large": Unreadable,
    EntryCount = "entry-count": Unreadable,
    Truncated = "truncated": Unreadable,
    NameEncoding = "name-encoding": Unreadable,
    NotCanonical = "not-canonical": Unreadable,
    UnsafePath = "unsafe-path": Unreadable,
    Encrypted = "encrypted": Unreadable,
    Compressed = "compressed": Unreadable,
    NotRegularFile = "not-regular-file": Unreadable,
    Duplicate = "duplicate": Unreadable,
    Layout = "layout": Unreadable,
    HeaderMismatch = "header-mismatch": Unreadable,
    Crc = "crc": Unreadable,
    // The manifest (engine::package::open).
    NoManifest = "no-manifest": Unreadable,
    ManifestTooLarge = "manifest-too-large": Unreadable,
    FormatVersion = "format-version": Unreadable,
    ManifestInvalid = "manifest-invalid": Unreadable,
    // Integrity: the package as it was made.
    ManifestSchema = "manifest-schema": Integrity,
    MissingFile = "missing-file": Integrity,
    HashMismatch = "hash-mismatch": Integrity,
    ExtraFile = "extra-file": Integrity,
    IdMismatch = "id-mismatch": Integrity,
    AnswersTooLarge = "answers-too-large": Integrity,
    AnswersInvalid = "answers-invalid": Integrity,
    DeclarationAltered = "declaration-altered": Integrity,
    DeclarationUnchecked = "declaration-unchecked": Information,
    // Validity: the procedure's rules (engine::package::check_rules).
    CatalogVersion = "catalog-version": Information,
    UnknownProcedure = "unknown-procedure": Validity,
    ProcedureCode = "procedure-code": Validity,
    AnswerInvalid = "answer-invalid": Validity,
    AnswerWarning = "answer-warning": Information,
    UnknownAnswer = "unknown-answer": Validity,
    ReceivingCommune = "receiving-commune": Validity,
    MissingDocument = "missing-document": Validity,
    UnexpectedDocument = "unexpected-document": Validity,
    ContentType = "content-type": Validity,
}

impl std::fmt::Display for FindingCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.as_str())
    }
}

/// One thing a check found, with its message for the staff member.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub code: FindingCode,
    pub severity: Severity,
    pub message: I18n,
}

impl Finding {
    /// A problem (an error).
    pub fn problem(code: FindingCode, message: impl Into<I18n>) -> Finding {
        Finding {
            code,
            severity: Severity::Error,
            message: message.into(),
        }
    }

    /// A note (a warning): it does not make the package invalid.
    pub fn note(code: FindingCode, message: impl Into<I18n>) -> Finding {
        Finding {
            code,
            severity: Severity::Warning,
            message: message.into(),
        }
    }
}

/// The verdict on a set of findings, as `hoso verify` and the staff page give it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Verdict {
    /// Nothing was changed after the package was made.
    pub intact: bool,
    /// How many findings are errors (0: complete, intact and valid).
    pub errors: usize,
}

impl Verdict {
    pub fn of(findings: &[Finding]) -> Verdict {
        Verdict {
            intact: !findings.iter().any(|f| {
                matches!(
                    f.code.kind(),
                    FindingKind::Integrity | FindingKind::Unreadable
                ) && f.severity == Severity::Error
            }),
            errors: findings
                .iter()
                .filter(|f| f.severity == Severity::Error)
                .count(),
        }
    }

    pub fn valid(&self) -> bool {
        self.errors == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_kebab_case_and_serialise_as_their_string() {
        let mut seen = std::collections::BTreeSet::new();
        for c in FindingCode::ALL {
            assert!(seen.insert(c.as_str()), "{} twice", c.as_str());
            assert!(c
                .as_str()
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b == b'-'));
            assert_eq!(
                serde_json::to_string(c).unwrap(),
                format!("\"{}\"", c.as_str())
            );
        }
    }

    #[test]
    fn the_verdict_follows_the_kind_of_each_finding() {
        let p = |c| Finding::problem(c, I18n::same("x"));
        assert_eq!(
            Verdict::of(&[]),
            Verdict {
                intact: true,
                errors: 0
            }
        );
        let v = Verdict::of(&[p(FindingCode::HashMismatch)]);
        assert!(!v.intact && !v.valid());
        let v = Verdict::of(&[p(FindingCode::MissingDocument)]);
        assert!(v.intact && !v.valid());
        let v = Verdict::of(&[Finding::note(FindingCode::CatalogVersion, I18n::same("x"))]);
        assert!(v.intact && v.valid());
    }
}
