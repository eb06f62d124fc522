//! Package v1: the zip a resident downloads and a centre receives. Layout and fields are documented
//! in `docs/package-format.md`; the manifest's JSON Schema is `public/schema/manifest-v1.schema.json`.
//!
//! Building is deterministic: the same answers, attachments and creation time give the same bytes.

use super::catalog::{Answers, DocAction, Procedure};
use super::date::{Date, Timestamp};
use super::media::{self, MediaType};
use super::text::{I18n, Lang};
use super::units::AdminUnits;
use super::validate::{self, Context};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;


pub const FORMAT: &str = "hoso-package";
pub const FORMAT_VERSION: u32 = 1;
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
}

/// A photo or scan for one document of the checklist.
#[derive(Clone, Debug)]
pub struct Attachment {
    pub document_id: String,
    /// Original file name (only for messages; never stored in the package).
    pub name: String,
    pub bytes: Vec<u8>,
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
}

#[derive(Clone, Debug)]
pub struct Built {
    pub zip: Vec<u8>,
    pub manifest: Manifest,
    pub answers: AnswersFile,
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

/// The digest that names a package: over its creation time, procedure and every file's hash.
pub fn id_digest(created_at: &str, procedure_id: &str, files: &[FileEntry]) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update(format!("{FORMAT}/{FORMAT_VERSION}\n{created_at}\n{procedure_id}\n"));
    for f in files {
        h.update(format!("{}\t{}\t{}\n", f.path, f.size, f.sha256));
    }
    h.finalize().into()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Builds the package. Refuses when the answers have errors or an attachment is unusable.
pub fn build(input: &BuildInput) -> Result<Built, BuildError> {
    let p = input.procedure;
    let ctx = Context { today: input.today, units: Some(input.units) };
    let outcome = validate::validate(p, input.answers, &ctx);
    let mut errors: Vec<I18n> = outcome
        .errors()
        .map(|i| {
            let label = p.field(&i.field).map(|f| f.label.clone()).unwrap_or_default();
            I18n::new(format!("{}: {}", label.vi, i.message.vi), format!("{}: {}", label.en, i.message.en))
        })
        .collect();
    let canonical = outcome.canonical.clone();

    let receiving = canonical
        .get(&p.receiving_field)
        .and_then(|c| input.units.commune(c))
        .map(|c| {
            let pr = input.units.province_of(c);
            CommuneRef { code: c.code.clone(), name: c.name.clone(), province_code: pr.code.clone(), province_name: pr.name.clone() }
        });
    if receiving.is_none() && errors.is_empty() {
        errors.push(I18n::new("Chưa chọn xã, phường nơi nộp hồ sơ.", "The commune or ward to file at is not chosen."));
    }

    // Attachments: only for documents in the checklist that are submitted.
    let checklist = p.checklist(&canonical);
    let mut per_doc: BTreeMap<&str, Vec<(&Attachment, MediaType)>> = BTreeMap::new();
    let mut total: u64 = 0;
    for a in input.attachments {
        let Some(doc) = checklist.iter().find(|d| d.id == a.document_id && d.action == DocAction::Submit) else {
            errors.push(I18n::new(
                format!("Tệp “{}” gắn với giấy tờ không có trong danh sách của bạn; hãy xóa tệp này.", a.name),
                format!("The file “{}” belongs to a document that is not in your checklist; remove it.", a.name),
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
                    value: I18n::new(
                        validate::display_value(p, id, v, Lang::Vi, Some(input.units)),
                        validate::display_value(p, id, v, Lang::En, Some(input.units)),
                    ),
                },
            );
        }
    }
    let answers = AnswersFile {
        format: ANSWERS_FORMAT.into(),
        format_version: FORMAT_VERSION,
        procedure_id: p.id.clone(),
        answers: canonical.clone(),
        display,
        checklist: checklist.iter().map(|d| d.id.clone()).collect(),
        warnings: outcome.warnings().map(|w| w.message.clone()).collect(),
    };
    let answers_bytes = to_json(&answers);

    let declaration = checklist
        .iter()
        .find(|d| d.action == DocAction::Generated)
        .map(|d| d.id.clone())
        .unwrap_or_else(|| "to-khai".into());
    let mut contents: Vec<(FileEntry, &[u8])> = vec![(
        FileEntry {
            path: "answers.json".into(),
            size: answers_bytes.len() as u64,
            media_type: MediaType::Json.mime().into(),
            document_id: declaration,
            sha256: sha256_hex(&answers_bytes),
        },
        &answers_bytes,
    )];
    let mut docs: Vec<(FileEntry, &[u8])> = Vec::new();
    for (doc, files) in &per_doc {
        for (i, (a, t)) in files.iter().enumerate() {
            docs.push((
                FileEntry {
                    path: format!("documents/{doc}/{:02}.{}", i + 1, t.extension()),
                    size: a.bytes.len() as u64,
                    media_type: t.mime().into(),
                    document_id: (*doc).to_string(),
                    sha256: sha256_hex(&a.bytes),
                },
                &a.bytes,
            ));
        }
    }
    super::sort_small_by(&mut docs, |a, b| a.0.path < b.0.path);
    contents.extend(docs);

    let created_at = input.created_at.rfc3339();
    let files: Vec<FileEntry> = contents.iter().map(|(f, _)| f.clone()).collect();
    let digest = id_digest(&created_at, &p.id, &files);
    let manifest = Manifest {
        format: FORMAT.into(),
        format_version: FORMAT_VERSION,
        package_id: hex(&digest[..16]),
        reference: reference_from_digest(&digest),
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
    let manifest_bytes = to_json(&manifest);
    let zip = write_zip(&manifest_bytes, &contents).map_err(|e| {
        BuildError(vec![I18n::new(format!("Không tạo được tệp zip: {e}"), format!("Could not write the zip: {e}"))])
    })?;
    Ok(Built { zip, manifest, answers })
}

fn to_json<T: Serialize>(v: &T) -> Vec<u8> {
    let mut out = serde_json::to_vec_pretty(v).unwrap_or_default();
    out.push(b'\n');
    out
}

fn write_zip(manifest: &[u8], contents: &[(FileEntry, &[u8])]) -> Result<Vec<u8>, String> {
    let size = manifest.len() + contents.iter().map(|c| c.1.len() + 2 * c.0.path.len() + 80).sum::<usize>() + 200;
    let mut w = super::zipw::ZipWriter::with_capacity(size);
    w.add("manifest.json", manifest)?;
    for (f, bytes) in contents {
        w.add(&f.path, bytes)?;
    }
    Ok(w.finish())
}

/// Reads a package back: its manifest and every file. Minimal checks (used by tests now; the
/// staff verification of issue #4 builds on it). Native only for now: it uses the `zip` crate.
#[cfg(not(target_arch = "wasm32"))]
pub fn read(zip_bytes: &[u8]) -> Result<(Manifest, BTreeMap<String, Vec<u8>>), String> {
    use std::io::Read;
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(zip_bytes)).map_err(|e| format!("not a zip: {e}"))?;
    let mut files = BTreeMap::new();
    for i in 0..z.len() {
        let mut f = z.by_index(i).map_err(|e| e.to_string())?;
        let name = f.name().map_err(|e| format!("entry name: {e}"))?.into_owned();
        let mut buf = Vec::new();
        f.by_ref().take(media::MAX_PACKAGE_BYTES + 1).read_to_end(&mut buf).map_err(|e| e.to_string())?;
        if files.insert(name.clone(), buf).is_some() {
            return Err(format!("duplicate entry {name}"));
        }
    }
    let m = files.remove("manifest.json").ok_or("no manifest.json")?;
    let manifest: Manifest = serde_json::from_slice(&m).map_err(|e| format!("manifest: {e}"))?;
    for fe in &manifest.files {
        let b = files.get(&fe.path).ok_or_else(|| format!("missing {}", fe.path))?;
        if b.len() as u64 != fe.size || sha256_hex(b) != fe.sha256 {
            return Err(format!("{} does not match the manifest", fe.path));
        }
    }
    if files.len() != manifest.files.len() {
        return Err("files not listed in the manifest".into());
    }
    let digest = id_digest(&manifest.created_at, &manifest.procedure.id, &manifest.files);
    if manifest.package_id != hex(&digest[..16]) || manifest.reference != reference_from_digest(&digest) {
        return Err("package id does not match the contents".into());
    }
    Ok((manifest, files))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::catalog::Catalog;

    const JPEG: &[u8] = &[0xFF, 0xD8, 0xFF, 0xE0, 0, 16, b'J', b'F', b'I', b'F', 0, 1, 2, 3];

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
        }
    }

    fn sample() -> Answers {
        Catalog::bundled().procedure("khai-sinh").unwrap().sample_answers.clone()
    }

    #[test]
    fn builds_a_readable_deterministic_package() {
        let answers = sample();
        let atts = vec![
            Attachment { document_id: "giay-chung-sinh".into(), name: "gcs.jpg".into(), bytes: JPEG.to_vec() },
            Attachment { document_id: "giay-chung-sinh".into(), name: "p2.pdf".into(), bytes: b"%PDF-1.4\n%%EOF".to_vec() },
        ];
        let a = build(&input(&answers, &atts)).unwrap();
        let b = build(&input(&answers, &atts)).unwrap();
        assert_eq!(a.zip, b.zip, "same inputs, same bytes");
        let (m, files) = read(&a.zip).unwrap();
        assert_eq!(m, a.manifest);
        assert_eq!(m.procedure.national_code, "1.001193");
        assert_eq!(m.receiving_commune.name, "Phường Vỹ Dạ");
        let paths: Vec<&str> = m.files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(paths, ["answers.json", "documents/giay-chung-sinh/01.jpg", "documents/giay-chung-sinh/02.pdf"]);
        assert_eq!(files["documents/giay-chung-sinh/01.jpg"], JPEG);
        let ans: AnswersFile = serde_json::from_slice(&files["answers.json"]).unwrap();
        assert_eq!(ans.answers["tre_ho_ten"], "Nguyễn Thị Mai Anh");
        assert_eq!(ans.display["tre_ngay_sinh"].value.vi, "01/11/2026");
        assert!(m.reference.starts_with("HS-") && m.reference.len() == 12);
        // The first entry of the zip is the manifest.
        assert_eq!(&a.zip[30..43], b"manifest.json");
    }

    #[test]
    fn a_different_time_or_answer_changes_the_id() {
        let answers = sample();
        let a = build(&input(&answers, &[])).unwrap();
        let mut i = input(&answers, &[]);
        i.created_at = Timestamp::parse_rfc3339("2026-11-22T03:04:06Z").unwrap();
        assert_ne!(build(&i).unwrap().manifest.package_id, a.manifest.package_id);
        let mut other = sample();
        other.insert("so_ban_sao".into(), "2".into());
        assert_ne!(build(&input(&other, &[])).unwrap().manifest.package_id, a.manifest.package_id);
    }

    #[test]
    fn refuses_invalid_answers_and_bad_attachments() {
        let mut answers = sample();
        answers.insert("tre_ho_ten".into(), "".into());
        let e = build(&input(&answers, &[])).unwrap_err();
        assert!(e.0[0].vi.contains("Họ, chữ đệm và tên của trẻ"), "{e:?}");
        let answers = sample();
        let atts = vec![Attachment { document_id: "giay-chung-sinh".into(), name: "x.txt".into(), bytes: b"hello".to_vec() }];
        assert!(build(&input(&answers, &atts)).is_err());
        let atts = vec![Attachment { document_id: "van-ban-uy-quyen".into(), name: "x.jpg".into(), bytes: JPEG.to_vec() }];
        assert!(build(&input(&answers, &atts)).is_err(), "document not in the checklist");
    }

    #[test]
    fn tampering_is_detected_by_read() {
        let answers = sample();
        let atts = vec![Attachment { document_id: "giay-chung-sinh".into(), name: "a.jpg".into(), bytes: JPEG.to_vec() }];
        let built = build(&input(&answers, &atts)).unwrap();
        let z = &built.zip;
        // Flip one byte of the JPEG payload (stored, so it appears verbatim).
        let pos = z.windows(JPEG.len()).position(|w| w == JPEG).unwrap() + 8;
        let mut bad = z.clone();
        bad[pos] ^= 1;
        assert!(read(&bad).is_err());
    }

    #[test]
    fn reference_alphabet() {
        assert_eq!(reference_from_digest(&[0, 0, 0, 0, 0]), "HS-0000-0000");
        assert_eq!(reference_from_digest(&[0xFF; 5]), "HS-ZZZZ-ZZZZ");
    }
}
