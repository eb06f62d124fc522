//! Drafts: what the resident has entered so far for one procedure, and the file that carries a
//! draft to another device ("continue on another device").
//!
//! A draft file is `MAGIC`, one version byte, the SHA-256 of the body, then the body: the
//! [`DraftFile`] in postcard. Import checks everything before anything on the device changes, so a
//! damaged or foreign file is refused with a message and changes nothing. Format: docs/drafts.md.

use super::catalog::{Answers, CatalogIndex, FieldKind, Procedure};
use super::media::{self, MediaType};
use super::msg;
use super::text::{fill, I18n};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

pub const MAGIC: &[u8] = b"HOSO-DRAFT\n";
pub const VERSION: u8 = 1;
/// File name extension of draft files.
pub const EXTENSION: &str = "hoso";
const HEADER: usize = MAGIC.len() + 1 + 32;

/// One procedure's draft: answers and attachments.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DraftFile {
    pub procedure: String,
    /// Catalog version the answers were given under (informative).
    pub catalog_version: String,
    /// Last change, seconds since the Unix epoch.
    pub saved: i64,
    pub answers: Answers,
    pub files: Vec<DraftAttachment>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DraftAttachment {
    pub document_id: String,
    pub name: String,
    pub media: MediaType,
    pub bytes: Vec<u8>,
}

/// Writes a draft file.
pub fn export(d: &DraftFile) -> Vec<u8> {
    let body = postcard::to_allocvec(d).unwrap_or_default();
    let mut out = Vec::with_capacity(HEADER + body.len());
    out.extend_from_slice(MAGIC);
    out.push(VERSION);
    out.extend_from_slice(&Sha256::digest(&body));
    out.extend_from_slice(&body);
    out
}

/// The file name offered for a draft file, e.g. `ho-so-nhap-khai-sinh-2026-11-28.hoso`.
pub fn file_name(procedure: &str, saved_iso_date: &str) -> String {
    format!("ho-so-nhap-{procedure}-{saved_iso_date}.{EXTENSION}")
}

fn damaged() -> I18n {
    msg::DRAFT_DAMAGED.into()
}

/// Reads a draft file. Checks the format, the checksum, that the procedure is offered and that
/// every attachment is what it claims and within the size limits.
pub fn import(bytes: &[u8], catalog: &CatalogIndex) -> Result<DraftFile, I18n> {
    if !bytes.starts_with(MAGIC) {
        if bytes.starts_with(b"PK\x03\x04") {
            return Err(msg::DRAFT_IS_PACKAGE.into());
        }
        return Err(msg::DRAFT_NOT_DRAFT.into());
    }
    if bytes.len() < HEADER {
        return Err(damaged());
    }
    let version = bytes[MAGIC.len()];
    if version > VERSION {
        return Err(msg::DRAFT_NEWER_VERSION.into());
    }
    let (sum, body) = bytes[MAGIC.len() + 1..].split_at(32);
    if version == 0 || Sha256::digest(body).as_slice() != sum {
        return Err(damaged());
    }
    let d: DraftFile = postcard::from_bytes(body).map_err(|_| damaged())?;
    if catalog.get(&d.procedure).is_none() {
        return Err(fill(
            msg::DRAFT_UNKNOWN_PROCEDURE,
            &[("procedure", (&d.procedure).into())],
        ));
    }
    let mut total = 0u64;
    for f in &d.files {
        let t = media::check_attachment(&f.name, &f.bytes, total)?;
        if t != f.media {
            return Err(damaged());
        }
        total += f.bytes.len() as u64;
    }
    Ok(d)
}

impl DraftFile {
    /// Keeps only what the procedure knows: answers to its fields and files for its documents.
    pub fn fit_to(&mut self, p: &Procedure) {
        self.answers.retain(|k, _| p.field_or_cell(k).is_some());
        self.files
            .retain(|f| p.documents.iter().any(|d| d.id == f.document_id));
    }
}

/// Who a draft is about, for the list of drafts: the first full name entered, in page order
/// (the child in a birth registration, the deceased in a death registration …).
pub fn person(p: &Procedure, answers: &Answers) -> Option<String> {
    person_in(&person_fields(p), answers)
}

/// The full-name fields of a procedure, in page order: where [`person`] looks. The catalog index
/// carries them (`ProcedureSummary::person_fields`, written by build.rs), so the start page's
/// list of drafts names each without the procedure's definition.
pub fn person_fields(p: &Procedure) -> Vec<String> {
    p.pages
        .iter()
        .flat_map(|page| page.fields.iter())
        .filter_map(|id| p.field(id))
        .filter(|f| matches!(f.kind, FieldKind::FullName))
        .map(|f| f.id.clone())
        .collect()
}

/// The first of these fields answered.
pub fn person_in(fields: &[String], answers: &Answers) -> Option<String> {
    fields
        .iter()
        .find_map(|f| answers.get(f).filter(|v| !v.trim().is_empty()).cloned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::catalog::Catalog;

    fn sample() -> DraftFile {
        let mut answers = Answers::new();
        answers.insert("tre_ho_ten".into(), "Nguyễn Văn An".into());
        DraftFile {
            procedure: "khai-sinh".into(),
            catalog_version: "test".into(),
            saved: 1_795_000_000,
            answers,
            files: vec![DraftAttachment {
                document_id: "giay-chung-sinh".into(),
                name: "gcs.jpg".into(),
                media: MediaType::Jpeg,
                bytes: vec![0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3],
            }],
        }
    }

    #[test]
    fn round_trip() {
        let d = sample();
        let bytes = export(&d);
        assert!(bytes.starts_with(MAGIC));
        assert_eq!(import(&bytes, CatalogIndex::bundled()).unwrap(), d);
    }

    #[test]
    fn every_single_byte_change_is_refused() {
        let bytes = export(&sample());
        for i in 0..bytes.len() {
            let mut b = bytes.clone();
            b[i] ^= 0x41;
            assert!(import(&b, CatalogIndex::bundled()).is_err(), "byte {i}");
        }
        for n in 0..bytes.len() {
            assert!(
                import(&bytes[..n], CatalogIndex::bundled()).is_err(),
                "cut at {n}"
            );
        }
    }

    #[test]
    fn foreign_files_say_what_they_are() {
        let idx = CatalogIndex::bundled();
        let zip = import(b"PK\x03\x04rest", idx).unwrap_err();
        assert!(zip.en.contains("submission package"));
        let png = import(b"\x89PNG\r\n\x1a\n", idx).unwrap_err();
        assert!(png.vi.contains("không phải bản nháp"));
        let mut newer = export(&sample());
        newer[MAGIC.len()] = VERSION + 1;
        assert!(import(&newer, idx)
            .unwrap_err()
            .en
            .contains("newer version"));
        let mut d = sample();
        d.procedure = "no-such".into();
        assert!(import(&export(&d), idx)
            .unwrap_err()
            .en
            .contains("does not offer"));
    }

    #[test]
    fn attachments_are_checked_by_content() {
        let mut d = sample();
        d.files[0].bytes = b"not an image".to_vec();
        assert!(import(&export(&d), CatalogIndex::bundled()).is_err());
        let mut d = sample();
        d.files[0].media = MediaType::Pdf;
        assert!(import(&export(&d), CatalogIndex::bundled()).is_err());
    }

    #[test]
    fn fit_and_person() {
        let cat = Catalog::bundled();
        let p = cat.procedures.iter().find(|p| p.id == "khai-sinh").unwrap();
        let mut d = sample();
        d.answers.insert("unknown_field".into(), "x".into());
        d.files.push(DraftAttachment {
            document_id: "nope".into(),
            ..d.files[0].clone()
        });
        d.fit_to(p);
        assert!(!d.answers.contains_key("unknown_field"));
        assert_eq!(d.files.len(), 1);
        assert_eq!(person(p, &d.answers).as_deref(), Some("Nguyễn Văn An"));
        assert_eq!(person(p, &Answers::new()), None);
    }

    #[test]
    fn the_index_names_each_procedures_person_fields_as_the_procedure_does() {
        let index = crate::engine::catalog::CatalogIndex::bundled();
        for p in &Catalog::bundled().procedures {
            let s = index.get(&p.id).unwrap();
            assert_eq!(s.person_fields, person_fields(p), "{}", p.id);
            assert!(!s.person_fields.is_empty(), "{}: no full name to show a draft by", p.id);
        }
    }
}
