//! Package v1: the zip a resident downloads and a centre receives. Layout and fields are documented
//! in `docs/package-format.md`; the manifest's JSON Schema is `public/schema/manifest-v2.schema.json`.
//!
//! Building is deterministic: the same answers, attachments and creation time give the same bytes.

use super::catalog::{Answers, DocAction, Procedure};
use super::date::{Date, Timestamp};
use super::declaration::Stamp;
pub use super::finding::{Finding, FindingCode};
use super::form::Filled;
use super::media::{self, MediaType};
use super::msg;
use super::pdf::Fonts;
use super::text::{fill, I18n, Lang};
use super::units::AdminUnits;
use super::validate::{self, Context};
pub use super::zipw::Zip;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

pub const FORMAT: &str = "hoso-package";
pub const FORMAT_VERSION: u32 = 2;
pub const ANSWERS_FORMAT: &str = "hoso-answers";
pub const GENERATOR: &str = concat!("hoso ", env!("CARGO_PKG_VERSION"));

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProcedureRef {
    pub id: String,
    pub national_code: String,
    pub name: I18n,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommuneRef {
    pub code: String,
    pub name: String,
    pub province_code: String,
    pub province_name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileEntry {
    pub path: String,
    pub size: u64,
    pub media_type: String,
    pub document_id: String,
    pub sha256: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub format: String,
    pub format_version: u32,
    pub package_id: String,
    pub reference: String,
    pub created_at: String,
    pub generator: String,
    pub language: Lang,
    pub procedure: ProcedureRef,
    pub catalog_version: String,
    pub receiving_commune: CommuneRef,
    pub files: Vec<FileEntry>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DisplayEntry {
    pub label: I18n,
    pub value: I18n,
}

/// `answers.json`: canonical answers plus how each reads, so a person can check it without hoso.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswersFile {
    pub format: String,
    pub format_version: u32,
    pub procedure_id: String,
    pub answers: BTreeMap<String, String>,
    pub display: BTreeMap<String, DisplayEntry>,
    /// Ids of the documents in the resident's checklist.
    pub checklist: Vec<String>,
    /// Warnings the resident saw (e.g. late registration).
    pub warnings: Vec<I18n>,
    /// The declaration's parts in form order: each form page's title and its answered fields.
    #[serde(default)]
    pub sections: Vec<Section>,
    /// The official forms filled in (or the plain summary of a procedure without one): what the
    /// printed files `to-khai/<n>-<form>.html` and `.pdf` are rendered from.
    #[serde(default)]
    pub forms: Vec<Filled>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub title: I18n,
    pub fields: Vec<String>,
}

/// A photo or scan for one document of the checklist.
#[derive(Clone, Debug)]
pub struct Attachment {
    pub document_id: String,
    /// Original file name (only for messages; never stored in the package).
    pub name: String,
    /// Shared, not copied: the browser's drafts hold the same bytes.
    pub bytes: std::sync::Arc<Vec<u8>>,
}

pub struct BuildInput<'a> {
    pub procedure: &'a Procedure,
    pub catalog_version: &'a str,
    pub answers: &'a Answers,
    pub attachments: &'a [Attachment],
    pub created_at: Timestamp,
    /// The resident's local date (Vietnam time), for date checks.
    pub today: Date,
    pub lang: Lang,
    pub units: &'a AdminUnits,
    /// The fonts of the printed forms (`engine::pdf`).
    pub fonts: Fonts<'a>,
    /// The attachments' SHA-256 (lower-case hex), in their order, when the caller has them: the
    /// browser computes them with its own SHA-256 (WebCrypto, several times faster than this
    /// wasm's). `None`, or an entry that is not 64 hex digits, and the engine hashes itself.
    pub digests: Option<&'a [String]>,
}

#[derive(Clone, Debug)]
pub struct Built {
    /// The package, in parts that share the attachments' bytes (`zipw::Zip`).
    pub zip: Zip,
    pub manifest: Manifest,
    pub answers: AnswersFile,
    /// The printed forms (path in the package, media type, bytes), also inside the zip: the
    /// confirmation page offers each on its own.
    pub printed: Vec<(String, MediaType, Vec<u8>)>,
    /// The files for the portal, one per document component (`engine::ready`): the printed
    /// forms' PDFs, then each document with attachments.
    pub documents: Vec<super::ready::ReadyFile>,
    /// The counter QR codes' texts (`engine::counter`): the answers themselves.
    pub counter: Vec<String>,
}

/// Why a package could not be built; each message is for the resident.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BuildError(pub Vec<I18n>);

pub fn sha256_hex(bytes: &[u8]) -> String {
    let d = Sha256::digest(bytes);
    let mut s = String::with_capacity(64);
    for b in d {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

const CROCKFORD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// "HS-XXXX-XXXX": Crockford base32 of the first 40 bits of the id digest. Easy to read aloud.
pub fn reference_from_digest(digest: &[u8]) -> String {
    let mut v: u64 = 0;
    for b in digest.iter().take(5) {
        v = (v << 8) | *b as u64;
    }
    let mut chars = [0u8; 8];
    for (i, c) in chars.iter_mut().enumerate() {
        *c = CROCKFORD[((v >> (35 - 5 * i)) & 31) as usize];
    }
    let s = std::str::from_utf8(&chars).unwrap_or("00000000");
    format!("HS-{}-{}", &s[..4], &s[4..])
}

/// Whether a typed or scanned reference is this package's: case, spaces and dashes do not
/// matter, the "HS" prefix is optional, and Crockford's look-alikes are forgiven (I, L → 1; O → 0).
pub fn reference_matches(typed: &str, reference: &str) -> bool {
    // A scanned QR code reads "HOSO1 <reference> <package id>".
    let mut words = typed.split_whitespace();
    let typed = match (words.next(), words.next()) {
        (Some("HOSO1"), Some(r)) => r,
        _ => typed,
    };
    let norm = |s: &str| {
        let mut out: String = s
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .map(|c| match c.to_ascii_uppercase() {
                'I' | 'L' => '1',
                'O' => '0',
                c => c,
            })
            .collect();
        if out.len() == 10 && (out.starts_with("HS") || out.starts_with("H5")) {
            out.drain(..2);
        }
        out
    };
    let want = norm(reference);
    want.len() == 8 && norm(typed) == want
}

/// The digest that names a package: SHA-256 of the manifest's compact JSON (keys in manifest
/// order) with `package_id` and `reference` set to "" and the printed forms' `size` 0 and
/// `sha256` "". It covers every other manifest field and, through their hashes, every other
/// file; the printed forms are checked by rendering them again ([`printed`]).
pub fn manifest_digest(m: &Manifest) -> [u8; 32] {
    let mut blank = m.clone();
    blank.package_id.clear();
    blank.reference.clear();
    for f in blank.files.iter_mut().filter(|f| is_printed(&f.path)) {
        f.size = 0;
        f.sha256.clear();
    }
    Sha256::digest(serde_json::to_vec(&blank).unwrap_or_default()).into()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Builds the package. Refuses when the answers have errors or an attachment is unusable.
pub fn build(input: &BuildInput) -> Result<Built, BuildError> {
    let p = input.procedure;
    let ctx = Context {
        today: input.today,
        units: Some(input.units),
    };
    let outcome = validate::validate(p, input.answers, &ctx);
    let mut errors: Vec<I18n> = validate::labelled_errors(p, &outcome)
        .into_iter()
        .map(|(_, m)| m)
        .collect();
    let canonical = outcome.canonical.clone();

    let receiving = canonical
        .get(&p.receiving_field)
        .and_then(|c| input.units.commune(c))
        .map(|c| {
            let pr = input.units.province_of(c);
            CommuneRef {
                code: c.code.clone(),
                name: c.name.clone(),
                province_code: pr.code.clone(),
                province_name: pr.name.clone(),
            }
        });
    if receiving.is_none() && errors.is_empty() {
        errors.push(msg::PKG_NO_COMMUNE.into());
    }

    // Attachments: only for documents in the checklist that are submitted.
    let checklist = p.checklist(&canonical);
    let mut per_doc: BTreeMap<&str, Vec<(&Attachment, MediaType)>> = BTreeMap::new();
    let mut total: u64 = 0;
    for a in input.attachments {
        let Some(doc) = checklist
            .iter()
            .find(|d| d.id == a.document_id && d.action == DocAction::Submit)
        else {
            errors.push(fill(
                msg::PKG_FILE_NOT_IN_CHECKLIST,
                &[("name", (&a.name).into())],
            ));
            continue;
        };
        match media::check_attachment(&a.name, &a.bytes, total) {
            Ok(t) => {
                total += a.bytes.len() as u64;
                per_doc.entry(doc.id.as_str()).or_default().push((a, t));
            }
            Err(m) => errors.push(m),
        }
    }
    if !errors.is_empty() {
        return Err(BuildError(errors));
    }
    let receiving = receiving.expect("checked above");

    let mut display = BTreeMap::new();
    for (id, v) in &canonical {
        if let Some(f) = p.field(id) {
            display.insert(
                id.clone(),
                DisplayEntry {
                    label: f.label.clone(),
                    value: I18n::from_fn(|lang| {
                        validate::display_value(p, id, v, lang, Some(input.units))
                    }),
                },
            );
        }
    }
    let summary = super::summary::sections(p, &canonical, &outcome, Some(input.units));
    let forms = super::declaration::filled(
        p,
        &canonical,
        &summary,
        Some(input.units),
        made_date(input.created_at),
    );
    let answers = AnswersFile {
        format: ANSWERS_FORMAT.into(),
        format_version: FORMAT_VERSION,
        procedure_id: p.id.clone(),
        answers: canonical.clone(),
        display,
        checklist: checklist.iter().map(|d| d.id.clone()).collect(),
        warnings: outcome.warnings().map(|w| w.message.clone()).collect(),
        // The declaration's parts: the form pages of the summary, their answered rows.
        sections: summary
            .into_iter()
            .filter(|s| s.kind == super::catalog::PageKind::Form)
            .map(|s| Section {
                fields: s.answered().map(|r| r.field.clone()).collect(),
                title: s.title,
            })
            .filter(|s| !s.fields.is_empty())
            .collect(),
        forms,
    };
    let answers_bytes = to_json(&answers);

    // Each form is a document of the checklist the package generates, in order.
    let generated: Vec<String> = checklist
        .iter()
        .filter(|d| d.action == DocAction::Generated)
        .map(|d| d.id.clone())
        .collect();
    let document_of = |i: usize| {
        generated
            .get(i)
            .or(generated.first())
            .cloned()
            .unwrap_or_else(|| "to-khai".into())
    };
    let mut contents: Vec<(FileEntry, Body)> = vec![(
        FileEntry {
            path: "answers.json".into(),
            size: answers_bytes.len() as u64,
            media_type: MediaType::Json.mime().into(),
            document_id: document_of(0),
            sha256: sha256_hex(&answers_bytes),
        },
        Body::Copied(&answers_bytes),
    )];
    // An attachment's hash: the caller's (the browser's native SHA-256) or the engine's own.
    let digest_of = |a: &Attachment| {
        let given = input.attachments.iter().position(|x| std::ptr::eq(x, a)).and_then(|i| {
            input.digests?.get(i).filter(|d| is_lower_hex(d))
        });
        given.cloned().unwrap_or_else(|| sha256_hex(&a.bytes))
    };
    let mut docs: Vec<(FileEntry, Body)> = Vec::new();
    for (doc, files) in &per_doc {
        for (i, (a, t)) in files.iter().enumerate() {
            docs.push((
                FileEntry {
                    path: format!("documents/{doc}/{:02}.{}", i + 1, t.extension()),
                    size: a.bytes.len() as u64,
                    media_type: t.mime().into(),
                    document_id: (*doc).to_string(),
                    sha256: digest_of(a),
                },
                Body::Shared(&a.bytes),
            ));
        }
    }
    super::sort_small_by(&mut docs, |a, b| a.0.path < b.0.path);

    let created_at = input.created_at.rfc3339();
    // The printed forms' places in the list after answers.json; their sizes and hashes are filled
    // in once they are rendered (they carry the package id).
    let mut files: Vec<FileEntry> = vec![contents[0].0.clone()];
    for (i, f) in answers.forms.iter().enumerate() {
        for (ext, media) in [("html", MediaType::Html), ("pdf", MediaType::Pdf)] {
            files.push(FileEntry {
                path: super::declaration::path(i + 1, f, ext),
                size: 0,
                media_type: media.mime().into(),
                document_id: document_of(i),
                sha256: String::new(),
            });
        }
    }
    files.extend(docs.iter().map(|(f, _)| f.clone()));
    let mut manifest = Manifest {
        format: FORMAT.into(),
        format_version: FORMAT_VERSION,
        package_id: String::new(),
        reference: String::new(),
        created_at,
        generator: GENERATOR.into(),
        language: input.lang,
        procedure: ProcedureRef {
            id: p.id.clone(),
            national_code: p.national_codes.first().cloned().unwrap_or_default(),
            name: p.name.clone(),
        },
        catalog_version: input.catalog_version.into(),
        receiving_commune: receiving,
        files,
    };
    let digest = manifest_digest(&manifest);
    manifest.package_id = hex(&digest[..16]);
    manifest.reference = reference_from_digest(&digest);
    // The printed forms carry the id, so their sizes and hashes are left out of the id digest;
    // readers check them by rendering them again from answers.json.
    let printed = printed(&manifest, &answers, input.fonts)
        .map_err(|e| BuildError(vec![fill(msg::PKG_ZIP_FAILED, &[("error", (&e).into())])]))?;
    for (path, _, bytes) in &printed {
        if let Some(entry) = manifest.files.iter_mut().find(|f| &f.path == path) {
            entry.size = bytes.len() as u64;
            entry.sha256 = sha256_hex(bytes);
            contents.push((entry.clone(), Body::Copied(bytes)));
        }
    }
    contents.extend(docs);
    // The same attachments as ready files for the portal's picker (not in the zip).
    let mut documents = super::ready::printed_files(p, &canonical, &answers.forms, &printed);
    documents.extend(
        super::ready::document_files(p, &canonical, input.attachments, input.fonts)
            .map_err(|e| BuildError(vec![fill(msg::PKG_ZIP_FAILED, &[("error", (&e).into())])]))?,
    );
    let manifest_bytes = to_json(&manifest);
    let zip = write_zip(&manifest_bytes, &contents)
        .map_err(|e| BuildError(vec![fill(msg::PKG_ZIP_FAILED, &[("error", (&e).into())])]))?;
    let counter = counter_codes(&manifest, &answers);
    Ok(Built {
        counter,
        zip,
        manifest,
        answers,
        printed,
        documents,
    })
}

/// The counter QR codes of a package (`engine::counter`), from its manifest and answers.json.
pub fn counter_codes(m: &Manifest, a: &AnswersFile) -> Vec<String> {
    super::counter::encode(&super::counter::Payload {
        procedure: m.procedure.id.clone(),
        catalog_version: m.catalog_version.clone(),
        reference: m.reference.clone(),
        package_id: m.package_id.clone(),
        answers: a.answers.clone(),
    })
}

/// The printed forms of a package, rendered from its manifest and answers.json alone: each form's
/// HTML and PDF as (path, media type, bytes), in order. Readers render them again and compare.
pub fn printed(
    m: &Manifest,
    a: &AnswersFile,
    fonts: Fonts,
) -> Result<Vec<(String, MediaType, Vec<u8>)>, String> {
    let stamp = Stamp {
        reference: &m.reference,
        package_id: &m.package_id,
        procedure: &m.procedure.name.vi,
        code: &m.procedure.national_code,
        generator: &m.generator,
    };
    let mut out = Vec::new();
    for (i, f) in a.forms.iter().enumerate() {
        let html = super::declaration::html(f, &stamp).into_bytes();
        out.push((
            super::declaration::path(i + 1, f, "html"),
            MediaType::Html,
            html,
        ));
        let pdf = super::declaration::pdf(f, &stamp, fonts)?;
        out.push((
            super::declaration::path(i + 1, f, "pdf"),
            MediaType::Pdf,
            pdf,
        ));
    }
    Ok(out)
}

/// Whether `path` is one of the printed forms (`to-khai/…`).
pub fn is_printed(path: &str) -> bool {
    path.starts_with(super::declaration::DIR)
        && path.as_bytes().get(super::declaration::DIR.len()) == Some(&b'/')
}

fn to_json<T: Serialize>(v: &T) -> Vec<u8> {
    let mut out = serde_json::to_vec_pretty(v).unwrap_or_default();
    out.push(b'\n');
    out
}

/// A file's bytes for the zip: copied into it (the JSON, the printed forms), or an attachment's,
/// shared with it (`zipw::Zip`: the package holds no second copy of the photos).
enum Body<'a> {
    Copied(&'a [u8]),
    Shared(&'a std::sync::Arc<Vec<u8>>),
}

fn write_zip(manifest: &[u8], contents: &[(FileEntry, Body)]) -> Result<Zip, String> {
    let copied = |b: &Body| match b {
        Body::Copied(b) => b.len(),
        Body::Shared(_) => 0,
    };
    let size = manifest.len()
        + contents
            .iter()
            .map(|c| copied(&c.1) + 2 * c.0.path.len() + 80)
            .sum::<usize>()
        + 200;
    let mut w = super::zipw::ZipWriter::with_capacity(size);
    w.add("manifest.json", manifest)?;
    for (f, body) in contents {
        match body {
            Body::Copied(b) => w.add(&f.path, b)?,
            Body::Shared(b) => w.add_shared(&f.path, b)?,
        }
    }
    Ok(w.finish_parts())
}

/// The largest `manifest.json` or `answers.json` read (real ones are a few KB).
pub const MAX_JSON_BYTES: usize = 1_000_000;

/// Something found while checking a package, for the staff member.

/// A problem with the file at `path`.
fn file_problem(code: FindingCode, template: msg::Tx, path: &str) -> Finding {
    Finding::problem(code, fill(template, &[("path", path.into())]))
}

/// A package whose zip and manifest could be read, with what its integrity check found.
#[derive(Clone, Debug)]
pub struct Opened<'a> {
    pub manifest: Manifest,
    /// `None` when answers.json is missing or unreadable (a finding says why).
    pub answers: Option<AnswersFile>,
    /// The files listed in the manifest that are present, with their bytes (manifest order).
    pub files: Vec<(FileEntry, &'a [u8])>,
    /// Integrity findings: missing, extra or altered files, a manifest that breaks its schema.
    pub findings: Vec<Finding>,
}

/// A SHA-256 as hoso writes it: 64 lower-case hex digits.
fn is_lower_hex(s: &str) -> bool {
    is_hex(s, 64) && !s.bytes().any(|b| b.is_ascii_uppercase())
}

fn is_hex(s: &str, len: usize) -> bool {
    s.len() == len
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// What the manifest's JSON Schema (public/schema/manifest-v2.schema.json) requires beyond its
/// shape, which `deny_unknown_fields` typing already enforces.
fn manifest_schema_findings(m: &Manifest) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut bad = |what: &str| {
        out.push(Finding::problem(
            FindingCode::ManifestSchema,
            fill(msg::PKG_MANIFEST_SCHEMA, &[("what", what.into())]),
        ))
    };
    if m.format != FORMAT {
        bad("format");
    }
    if !is_hex(&m.package_id, 32) {
        bad("package_id");
    }
    let r = m.reference.as_bytes();
    let crock = |c: &u8| CROCKFORD.contains(c);
    if !(r.len() == 12
        && r.starts_with(b"HS-")
        && r[7] == b'-'
        && r[3..7].iter().all(crock)
        && r[8..].iter().all(crock))
    {
        bad("reference");
    }
    if Timestamp::parse_rfc3339(&m.created_at).is_none() {
        bad("created_at");
    }
    if m.procedure.id.is_empty() || m.catalog_version.is_empty() {
        bad("procedure / catalog_version");
    }
    if m.receiving_commune.code.len() != 5
        || !m.receiving_commune.code.bytes().all(|b| b.is_ascii_digit())
    {
        bad("receiving_commune.code");
    }
    if m.files.first().map(|f| f.path.as_str()) != Some("answers.json") {
        bad("files[0] must be answers.json");
    }
    if !m.files.get(1).is_some_and(|f| is_printed(&f.path)) {
        bad("files[1] must be a printed form (to-khai/…)");
    }
    for f in &m.files {
        let ext_ok = MediaType::from_mime(&f.media_type)
            .is_some_and(|t| f.path.ends_with(&format!(".{}", t.extension())));
        let path_ok = f.path == "answers.json"
            || (is_printed(&f.path)
                && f.path.split('/').count() == 2
                && super::zipr::check_name(&f.path).is_ok())
            || (f.path.starts_with("documents/")
                && f.path.split('/').count() == 3
                && super::zipr::check_name(&f.path).is_ok());
        if !ext_ok || !path_ok || !is_hex(&f.sha256, 64) || f.document_id.is_empty() {
            bad(&format!("files: {}", f.path));
        }
    }
    out
}

/// Opens a package: the zip (strictly, see `zipr`), the manifest (first entry, its schema) and
/// every file against the manifest (present, size, SHA-256, no extra entries, the package id).
/// `Err` means it is not a readable package at all; problems with a readable one are findings.
pub fn open<'a>(zip: &'a [u8], fonts: Fonts) -> Result<Opened<'a>, Finding> {
    open_with(zip, fonts, None)
}

/// [`open`], with the files' SHA-256 (lower-case hex, by path in the zip) when the caller has
/// them: the staff page computes them with the browser's own SHA-256 (WebCrypto), several times
/// faster than this wasm's. A path missing, or a value that is not 64 lower-case hex digits, and
/// the engine hashes that file itself.
pub fn open_with<'a>(
    zip: &'a [u8],
    fonts: Fonts,
    digests: Option<&BTreeMap<String, String>>,
) -> Result<Opened<'a>, Finding> {
    let entries = read_entries(zip)?;
    open_entries(zip, &entries, fonts, digests)
}

/// The zip's entries, read strictly (`zipr::read`: every CRC-32 checked), or why it is not a
/// readable package.
pub fn read_entries(zip: &[u8]) -> Result<Vec<super::zipr::Entry>, Finding> {
    super::zipr::read(zip).map_err(|e| Finding {
        code: e.code,
        severity: super::catalog::Severity::Error,
        message: e.message,
    })
}

/// [`open_with`] on the entries [`read_entries`] read from this same `zip`: the staff page reads
/// them once, to hash each file with the browser's SHA-256 and then to check the package.
pub fn open_entries<'a>(
    zip: &'a [u8],
    entries: &[super::zipr::Entry],
    fonts: Fonts,
    digests: Option<&BTreeMap<String, String>>,
) -> Result<Opened<'a>, Finding> {
    let Some(first) = entries.first() else {
        return Err(Finding::problem(
            FindingCode::NoManifest,
            msg::PKG_NO_MANIFEST,
        ));
    };
    if first.name != "manifest.json" {
        return Err(Finding::problem(
            FindingCode::NoManifest,
            msg::PKG_NO_MANIFEST,
        ));
    }
    if first.data.len() > MAX_JSON_BYTES {
        return Err(Finding::problem(
            FindingCode::ManifestTooLarge,
            fill(
                msg::PKG_MANIFEST_TOO_LARGE,
                &[
                    ("size", first.data.len().into()),
                    ("max", MAX_JSON_BYTES.into()),
                ],
            ),
        ));
    }
    let manifest: Manifest =
        match serde_json::from_slice::<serde_json::Value>(&zip[first.data.clone()]) {
            Ok(v)
                if v.get("format_version")
                    .and_then(|x| x.as_u64())
                    .is_some_and(|x| x != u64::from(FORMAT_VERSION)) =>
            {
                return Err(Finding::problem(
                    FindingCode::FormatVersion,
                    msg::PKG_FORMAT_VERSION,
                ))
            }
            Ok(v) => serde_json::from_value(v).map_err(|e| {
                Finding::problem(
                    FindingCode::ManifestInvalid,
                    fill(
                        msg::PKG_MANIFEST_INVALID,
                        &[("error", (&e.to_string()).into())],
                    ),
                )
            })?,
            Err(e) => {
                return Err(Finding::problem(
                    FindingCode::ManifestInvalid,
                    fill(
                        msg::PKG_MANIFEST_UNREADABLE,
                        &[("error", (&e.to_string()).into())],
                    ),
                ))
            }
        };
    let mut findings = manifest_schema_findings(&manifest);
    let mut files = Vec::new();
    for fe in &manifest.files {
        match entries.iter().find(|e| e.name == fe.path) {
            None => findings.push(file_problem(
                FindingCode::MissingFile,
                msg::PKG_MISSING_FILE,
                &fe.path,
            )),
            Some(e) => {
                let bytes = &zip[e.data.clone()];
                let hash = digests
                    .and_then(|d| d.get(&fe.path))
                    .filter(|d| is_lower_hex(d))
                    .cloned()
                    .unwrap_or_else(|| sha256_hex(bytes));
                if bytes.len() as u64 != fe.size || hash != fe.sha256 {
                    findings.push(file_problem(
                        FindingCode::HashMismatch,
                        msg::PKG_HASH_MISMATCH,
                        &fe.path,
                    ));
                } else {
                    files.push((fe.clone(), bytes));
                }
            }
        }
    }
    for e in &entries[1..] {
        if !manifest.files.iter().any(|f| f.path == e.name) {
            findings.push(file_problem(
                FindingCode::ExtraFile,
                msg::PKG_EXTRA_FILE,
                &e.name,
            ));
        }
    }
    let digest = manifest_digest(&manifest);
    if manifest.package_id != hex(&digest[..16])
        || manifest.reference != reference_from_digest(&digest)
    {
        findings.push(Finding::problem(
            FindingCode::IdMismatch,
            msg::PKG_ID_MISMATCH,
        ));
    } else if to_json(&manifest) != zip[first.data.clone()] {
        findings.push(Finding::problem(
            FindingCode::IdMismatch,
            msg::PKG_MANIFEST_ALTERED,
        ));
    }
    let answers = files
        .iter()
        .find(|(f, _)| f.path == "answers.json")
        .and_then(|(_, b)| {
            if b.len() > MAX_JSON_BYTES {
                findings.push(Finding::problem(
                    FindingCode::AnswersTooLarge,
                    msg::PKG_ANSWERS_TOO_LARGE,
                ));
                return None;
            }
            match serde_json::from_slice::<AnswersFile>(b) {
                Ok(a) if a.format == ANSWERS_FORMAT && a.procedure_id == manifest.procedure.id => {
                    Some(a)
                }
                Ok(_) => {
                    findings.push(Finding::problem(
                        FindingCode::AnswersInvalid,
                        msg::PKG_ANSWERS_OTHER_PROCEDURE,
                    ));
                    None
                }
                Err(e) => {
                    findings.push(Finding::problem(
                        FindingCode::AnswersInvalid,
                        fill(
                            msg::PKG_ANSWERS_UNREADABLE,
                            &[("error", (&e.to_string()).into())],
                        ),
                    ));
                    None
                }
            }
        });
    if let Some(a) = &answers {
        findings.extend(check_printed(&manifest, a, &files, fonts));
    }
    Ok(Opened {
        manifest,
        answers,
        files,
        findings,
    })
}

/// The printed forms rendered again from the manifest and answers.json, against the files: each
/// listed printed file must be what its form renders to, and each form must be there.
fn check_printed(
    m: &Manifest,
    a: &AnswersFile,
    files: &[(FileEntry, &[u8])],
    fonts: Fonts,
) -> Vec<Finding> {
    let altered = || {
        // The layout may differ between hoso versions; `generator` is covered by the id.
        if m.generator == GENERATOR {
            Finding::problem(
                FindingCode::DeclarationAltered,
                msg::PKG_DECLARATION_ALTERED,
            )
        } else {
            Finding::note(
                FindingCode::DeclarationUnchecked,
                fill(
                    msg::PKG_DECLARATION_UNCHECKED,
                    &[("generator", (&m.generator).into())],
                ),
            )
        }
    };
    let Ok(expected) = printed(m, a, fonts) else {
        return vec![altered()];
    };
    let listed: Vec<&str> = m
        .files
        .iter()
        .filter(|f| is_printed(&f.path))
        .map(|f| f.path.as_str())
        .collect();
    let same_set = listed.len() == expected.len()
        && expected
            .iter()
            .all(|(p, _, _)| listed.contains(&p.as_str()));
    let same_bytes = expected.iter().all(|(p, _, bytes)| {
        // A file missing or changed is already a finding of its own (missing-file, hash-mismatch).
        files
            .iter()
            .find(|(f, _)| &f.path == p)
            .is_none_or(|(_, b)| b == bytes)
    });
    if same_set && same_bytes {
        Vec::new()
    } else {
        vec![altered()]
    }
}

/// One checklist document and whether the package holds a file for it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ChecklistItem {
    pub document_id: String,
    pub name: I18n,
    pub action: DocAction,
    /// Files in the package for it (the declaration counts as answers.json).
    pub files: Vec<String>,
}

/// The rules part of a check: answers re-validated with the same engine, checklist recomputed.
#[derive(Clone, Debug)]
pub struct RulesReport {
    pub findings: Vec<Finding>,
    pub outcome: validate::Outcome,
    pub checklist: Vec<ChecklistItem>,
}

/// The date a package was made, in Vietnam (UTC+7): its date rules are judged on that day.
pub fn made_on(m: &Manifest) -> Option<Date> {
    Timestamp::parse_rfc3339(&m.created_at).map(made_date)
}

/// The day in Vietnam (UTC+7) of a UTC time.
pub fn made_date(t: Timestamp) -> Date {
    if t.hour >= 17 {
        t.date.plus_days(1)
    } else {
        t.date
    }
}

/// Re-validates the package's answers with `p` (the procedure its manifest names) and recomputes
/// the checklist: every submitted document must have a file; no file for a document outside it.
pub fn check_rules(
    o: &Opened,
    p: &Procedure,
    catalog_version: &str,
    units: &AdminUnits,
) -> RulesReport {
    let mut findings = Vec::new();
    let empty = Answers::new();
    let answers = o.answers.as_ref().map(|a| &a.answers).unwrap_or(&empty);
    if o.manifest.catalog_version != catalog_version {
        findings.push(Finding::note(
            FindingCode::CatalogVersion,
            fill(
                msg::PKG_CATALOG_VERSION,
                &[
                    ("package_catalog", (&o.manifest.catalog_version).into()),
                    ("catalog", catalog_version.into()),
                ],
            ),
        ));
    }
    if !p
        .national_codes
        .contains(&o.manifest.procedure.national_code)
    {
        findings.push(Finding::problem(
            FindingCode::ProcedureCode,
            fill(
                msg::PKG_PROCEDURE_CODE,
                &[
                    ("code", (&o.manifest.procedure.national_code).into()),
                    ("procedure", (&p.id).into()),
                ],
            ),
        ));
    }
    // Judged on the day it was made; a manifest without a valid date already has a finding.
    let today = made_on(&o.manifest)
        .or_else(|| Date::from_ymd(2025, 7, 1))
        .expect("a valid date");
    let outcome = validate::validate(
        p,
        answers,
        &Context {
            today,
            units: Some(units),
        },
    );
    for i in &outcome.issues {
        let label = p
            .field(&i.field)
            .map(|f| f.label.clone())
            .unwrap_or_else(|| I18n::same(&i.field));
        let msg = fill(
            msg::FIELD_PROBLEM,
            &[("label", (&label).into()), ("message", (&i.message).into())],
        );
        findings.push(Finding {
            code: if i.severity == super::catalog::Severity::Error {
                FindingCode::AnswerInvalid
            } else {
                FindingCode::AnswerWarning
            },
            severity: i.severity,
            message: msg,
        });
    }
    for k in answers.keys() {
        if p.field_or_cell(k).is_none() {
            findings.push(Finding::problem(
                FindingCode::UnknownAnswer,
                fill(msg::PKG_UNKNOWN_ANSWER, &[("field", k.into())]),
            ));
        }
    }
    if outcome.canonical.get(&p.receiving_field) != Some(&o.manifest.receiving_commune.code) {
        findings.push(Finding::problem(
            FindingCode::ReceivingCommune,
            msg::PKG_RECEIVING_COMMUNE,
        ));
    }
    let mut checklist = Vec::new();
    for d in p.checklist(&outcome.canonical) {
        let files: Vec<String> = o
            .files
            .iter()
            .filter(|(f, _)| match d.action {
                // The printed forms (and answers.json) for a document the package generates.
                DocAction::Generated => {
                    f.document_id == d.id && (f.path == "answers.json" || is_printed(&f.path))
                }
                _ => f.document_id == d.id && f.path != "answers.json" && !is_printed(&f.path),
            })
            .map(|(f, _)| f.path.clone())
            .collect();
        if d.action == DocAction::Submit && files.is_empty() {
            findings.push(Finding::problem(
                FindingCode::MissingDocument,
                fill(msg::PKG_MISSING_DOCUMENT, &[("document", (&d.name).into())]),
            ));
        }
        checklist.push(ChecklistItem {
            document_id: d.id.clone(),
            name: d.name.clone(),
            action: d.action,
            files,
        });
    }
    for (f, bytes) in &o.files {
        if f.path == "answers.json" || is_printed(&f.path) {
            continue;
        }
        if !checklist
            .iter()
            .any(|c| c.document_id == f.document_id && c.action == DocAction::Submit)
        {
            findings.push(file_problem(
                FindingCode::UnexpectedDocument,
                msg::PKG_UNEXPECTED_DOCUMENT,
                &f.path,
            ));
        }
        if media::sniff(&f.path, bytes).map(|t| t.mime()) != Ok(f.media_type.as_str()) {
            findings.push(Finding::problem(
                FindingCode::ContentType,
                fill(
                    msg::PKG_CONTENT_TYPE,
                    &[
                        ("path", (&f.path).into()),
                        ("media_type", (&f.media_type).into()),
                    ],
                ),
            ));
        }
    }
    RulesReport {
        findings,
        outcome,
        checklist,
    }
}

/// Reads a package back, refusing any finding of the integrity check: the manifest and every
/// file. (Tests and tools; staff use [`open`] + [`check_rules`] to see every finding.)
/// The message is in English, the language of the tools.
#[cfg(not(target_arch = "wasm32"))]
pub fn read(zip_bytes: &[u8]) -> Result<(Manifest, BTreeMap<String, Vec<u8>>), String> {
    let o = open(zip_bytes, super::pdf::BUNDLED_FONTS).map_err(|f| f.message.en)?;
    if let Some(f) = o.findings.first() {
        return Err(f.message.en.clone());
    }
    let files = o
        .files
        .iter()
        .map(|(f, b)| (f.path.clone(), b.to_vec()))
        .collect();
    Ok((o.manifest, files))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::catalog::Catalog;

    const JPEG: &[u8] = &[
        0xFF, 0xD8, 0xFF, 0xE0, 0, 16, b'J', b'F', b'I', b'F', 0, 1, 2, 3,
    ];

    fn input<'a>(answers: &'a Answers, atts: &'a [Attachment]) -> BuildInput<'a> {
        let cat = Catalog::bundled();
        BuildInput {
            procedure: cat.procedure("khai-sinh").unwrap(),
            catalog_version: &cat.version,
            answers,
            attachments: atts,
            created_at: Timestamp::parse_rfc3339("2026-11-22T03:04:05Z").unwrap(),
            today: Date::from_ymd(2026, 11, 22).unwrap(),
            lang: Lang::Vi,
            units: AdminUnits::bundled(),
            fonts: crate::engine::pdf::BUNDLED_FONTS,
            digests: None,
        }
    }

    fn sample() -> Answers {
        Catalog::bundled()
            .procedure("khai-sinh")
            .unwrap()
            .sample_answers
            .clone()
    }

    #[test]
    fn the_zip_shares_the_attachments_bytes_instead_of_copying_them() {
        let answers = sample();
        let atts = vec![Attachment {
            document_id: "giay-chung-sinh".into(),
            name: "gcs.jpg".into(),
            bytes: JPEG.to_vec().into(),
        }];
        let built = build(&input(&answers, &atts)).unwrap();
        let photo = atts[0].bytes.as_slice();
        let shared: Vec<&[u8]> = built
            .zip
            .parts()
            .filter(|p| std::ptr::eq(p.as_ptr(), photo.as_ptr()))
            .collect();
        assert_eq!(shared, vec![photo], "the photo is one part of the zip, not a copy");
        // And the parts make the package every reader reads.
        let (_, files) = read(&built.zip.to_vec()).unwrap();
        assert_eq!(files["documents/giay-chung-sinh/01.jpg"], photo);
        assert_eq!(built.zip.len(), built.zip.to_vec().len());
    }

    #[test]
    fn builds_a_readable_deterministic_package() {
        let answers = sample();
        let atts = vec![
            Attachment {
                document_id: "giay-chung-sinh".into(),
                name: "gcs.jpg".into(),
                bytes: JPEG.to_vec().into(),
            },
            Attachment {
                document_id: "giay-chung-sinh".into(),
                name: "p2.pdf".into(),
                bytes: b"%PDF-1.4\n%%EOF".to_vec().into(),
            },
        ];
        let a = build(&input(&answers, &atts)).unwrap();
        let b = build(&input(&answers, &atts)).unwrap();
        assert_eq!(a.zip, b.zip, "same inputs, same bytes");
        let (m, files) = read(&a.zip.to_vec()).unwrap();
        assert_eq!(m, a.manifest);
        assert_eq!(m.procedure.national_code, "1.001193");
        assert_eq!(m.receiving_commune.name, "Phường Vỹ Dạ");
        let paths: Vec<&str> = m.files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "answers.json",
                "to-khai/1-tt04-khai-sinh.html",
                "to-khai/1-tt04-khai-sinh.pdf",
                "documents/giay-chung-sinh/01.jpg",
                "documents/giay-chung-sinh/02.pdf"
            ]
        );
        // The printable declaration: Vietnamese, the answers as people read them, the QR code.
        let html = String::from_utf8(files["to-khai/1-tt04-khai-sinh.html"].clone()).unwrap();
        assert!(
            html.contains("<h1>TỜ KHAI ĐĂNG KÝ KHAI SINH</h1>"),
            "{html}"
        );
        assert!(html.contains("NGUYỄN THỊ MAI ANH") && html.contains("01/11/2026"));
        assert!(html.contains("Kính gửi: (1) <span class=\"v\">Ủy ban nhân dân Phường Vỹ Dạ, Thành phố Huế</span>"), "{html}");
        assert!(files["to-khai/1-tt04-khai-sinh.pdf"].starts_with(b"%PDF-"));
        assert!(html.contains(&m.reference) && html.contains("<svg"));
        assert!(html.contains("ngày 22 tháng 11 năm 2026"));
        assert_eq!(files["documents/giay-chung-sinh/01.jpg"], JPEG);
        let ans: AnswersFile = serde_json::from_slice(&files["answers.json"]).unwrap();
        assert_eq!(ans.answers["tre_ho_ten"], "Nguyễn Thị Mai Anh");
        assert_eq!(ans.display["tre_ngay_sinh"].value.vi, "01/11/2026");
        assert!(m.reference.starts_with("HS-") && m.reference.len() == 12);
        // The first entry of the zip is the manifest.
        assert_eq!(&a.zip.to_vec()[30..43], b"manifest.json");
    }

    #[test]
    fn a_different_time_or_answer_changes_the_id() {
        let answers = sample();
        let a = build(&input(&answers, &[])).unwrap();
        let mut i = input(&answers, &[]);
        i.created_at = Timestamp::parse_rfc3339("2026-11-22T03:04:06Z").unwrap();
        assert_ne!(
            build(&i).unwrap().manifest.package_id,
            a.manifest.package_id
        );
        let mut other = sample();
        other.insert("so_ban_sao".into(), "2".into());
        assert_ne!(
            build(&input(&other, &[])).unwrap().manifest.package_id,
            a.manifest.package_id
        );
    }

    #[test]
    fn refuses_invalid_answers_and_bad_attachments() {
        let mut answers = sample();
        answers.insert("tre_ho_ten".into(), "".into());
        let e = build(&input(&answers, &[])).unwrap_err();
        assert!(e.0[0].vi.contains("Họ, chữ đệm và tên của trẻ"), "{e:?}");
        let answers = sample();
        let atts = vec![Attachment {
            document_id: "giay-chung-sinh".into(),
            name: "x.txt".into(),
            bytes: b"hello".to_vec().into(),
        }];
        assert!(build(&input(&answers, &atts)).is_err());
        let atts = vec![Attachment {
            document_id: "van-ban-uy-quyen".into(),
            name: "x.jpg".into(),
            bytes: JPEG.to_vec().into(),
        }];
        assert!(
            build(&input(&answers, &atts)).is_err(),
            "document not in the checklist"
        );
    }

    #[test]
    fn hashes_the_caller_gives_make_the_same_package_and_bad_ones_are_not_taken() {
        let answers = sample();
        let atts = vec![
            Attachment { document_id: "giay-chung-sinh".into(), name: "a.jpg".into(), bytes: JPEG.to_vec().into() },
            Attachment { document_id: "giay-chung-sinh".into(), name: "b.jpg".into(), bytes: [JPEG, b"2"].concat().into() },
        ];
        let own = build(&input(&answers, &atts)).unwrap();
        let given: Vec<String> = atts.iter().map(|a| sha256_hex(&a.bytes)).collect();
        let with = build(&BuildInput { digests: Some(&given), ..input(&answers, &atts) }).unwrap();
        assert_eq!(with.zip, own.zip);
        // Not hex, upper case or too short: the engine hashes itself (and a missing entry too).
        let bad = vec!["x".repeat(64), given[1].to_uppercase()];
        let with = build(&BuildInput { digests: Some(&bad), ..input(&answers, &atts) }).unwrap();
        assert_eq!(with.zip, own.zip);
        let short = vec![given[0].clone()];
        let with = build(&BuildInput { digests: Some(&short), ..input(&answers, &atts) }).unwrap();
        assert_eq!(with.zip, own.zip);
        // Opening with the caller's hashes reads the same; a wrong one is a mismatch, a bad one is
        // not taken.
        let all: BTreeMap<String, String> = read(&own.zip.to_vec())
            .unwrap()
            .1
            .into_iter()
            .map(|(p, b)| (p, sha256_hex(&b)))
            .collect();
        let fonts = crate::engine::pdf::BUNDLED_FONTS;
        assert!(open_with(&own.zip.to_vec(), fonts, Some(&all)).unwrap().findings.is_empty());
        let mut off = all.clone();
        off.insert("documents/giay-chung-sinh/01.jpg".into(), "0".repeat(64));
        let codes: Vec<_> = open_with(&own.zip.to_vec(), fonts, Some(&off)).unwrap().findings.iter().map(|f| f.code).collect();
        assert_eq!(codes, [FindingCode::HashMismatch]);
        off.insert("documents/giay-chung-sinh/01.jpg".into(), "zz".into());
        assert!(open_with(&own.zip.to_vec(), fonts, Some(&off)).unwrap().findings.is_empty());
        // A right-looking but wrong hash is taken as given, and the package then fails its check.
        let wrong = vec!["0".repeat(64), given[1].clone()];
        let broken = build(&BuildInput { digests: Some(&wrong), ..input(&answers, &atts) }).unwrap();
        assert!(read(&broken.zip.to_vec()).is_err());
    }

    #[test]
    fn tampering_is_detected_by_read() {
        let answers = sample();
        let atts = vec![Attachment {
            document_id: "giay-chung-sinh".into(),
            name: "a.jpg".into(),
            bytes: JPEG.to_vec().into(),
        }];
        let built = build(&input(&answers, &atts)).unwrap();
        let z = &built.zip.to_vec();
        // Flip one byte of the JPEG payload (stored, so it appears verbatim).
        let pos = z.windows(JPEG.len()).position(|w| w == JPEG).unwrap() + 8;
        let mut bad = z.clone();
        bad[pos] ^= 1;
        assert!(read(&bad).is_err());
    }

    #[test]
    fn the_declaration_is_rendered_again_and_escapes_markup() {
        let mut answers = sample();
        answers.insert(
            "tre_noi_sinh_co_so".into(),
            "<b>Bệnh viện</b> & \"Trạm\"".into(),
        );
        let built = build(&input(&answers, &[])).unwrap();
        let (m, files) = read(&built.zip.to_vec()).unwrap();
        let path = m.files[1].path.clone();
        assert!(
            path.starts_with("to-khai/1-") && path.ends_with(".html"),
            "{path}"
        );
        let html = String::from_utf8(files[&path].clone()).unwrap();
        assert!(
            html.contains("&lt;b&gt;Bệnh viện&lt;/b&gt; &amp; &quot;Trạm&quot;"),
            "{html}"
        );
        assert!(!html.contains("<b>Bệnh viện"));
        // A forged declaration with consistent checksums is still caught.
        let entries: Vec<(String, Vec<u8>)> = crate::engine::zipr::read(&built.zip.to_vec())
            .unwrap()
            .into_iter()
            .map(|e| (e.name, built.zip.to_vec()[e.data].to_vec()))
            .collect();
        let forged_html = html.replacen("Nguyễn", "Nguyên", 1).into_bytes();
        assert_ne!(forged_html, html.as_bytes());
        let mut m: Manifest = serde_json::from_slice(&entries[0].1).unwrap();
        m.files[1].size = forged_html.len() as u64;
        m.files[1].sha256 = sha256_hex(&forged_html);
        let mut w = crate::engine::zipw::ZipWriter::with_capacity(built.zip.len());
        w.add("manifest.json", &to_json(&m)).unwrap();
        for (n, d) in &entries[1..] {
            w.add(n, if *n == path { &forged_html } else { d }).unwrap();
        }
        let o = open_owned(&w.finish());
        assert_eq!(o, vec!["declaration-altered"]);
    }

    fn open_owned(zip: &[u8]) -> Vec<&'static str> {
        open(zip, crate::engine::pdf::BUNDLED_FONTS)
            .unwrap()
            .findings
            .iter()
            .map(|f| f.code.as_str())
            .collect()
    }

    #[test]
    fn typed_references_are_forgiving_but_exact() {
        assert!(reference_matches("HS-AV9X-8S3P", "HS-AV9X-8S3P"));
        assert!(reference_matches(" hs av9x 8s3p ", "HS-AV9X-8S3P"));
        assert!(reference_matches("AV9X8S3P", "HS-AV9X-8S3P"));
        assert!(reference_matches("HS-1O00-0000", "HS-1000-0000"));
        assert!(reference_matches("HS-L000-0000", "HS-1000-0000"));
        assert!(!reference_matches("HS-AV9X-8S3Q", "HS-AV9X-8S3P"));
        assert!(!reference_matches("", "HS-AV9X-8S3P"));
        assert!(!reference_matches("AV9X8S3", "HS-AV9X-8S3P"));
        // What a QR scanner types.
        let scanned =
            crate::engine::qr::package_payload("HS-AV9X-8S3P", "56d3d464761d769cc041f323a5240a78");
        assert!(reference_matches(&scanned, "HS-AV9X-8S3P"));
        assert!(!reference_matches(&scanned, "HS-AV9X-8S3Q"));
    }

    #[test]
    fn reference_alphabet() {
        assert_eq!(reference_from_digest(&[0, 0, 0, 0, 0]), "HS-0000-0000");
        assert_eq!(reference_from_digest(&[0xFF; 5]), "HS-ZZZZ-ZZZZ");
    }
}
