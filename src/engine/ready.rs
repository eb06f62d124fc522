//! The files a resident takes to the portal or the counter: one file per document component, as
//! the portal asks ("thành phần hồ sơ"), each reachable by a phone's file picker on its own — not
//! inside a zip. A document whose pages are all JPEG photos becomes one PDF, its pages in the order
//! the resident set and each JPEG embedded unchanged (no re-encoding); other files (a PDF the
//! resident attached, a PNG or WebP picture) are offered as they are, one file each.
//!
//! Named by the document's place in the checklist and its name as the portal shows it:
//! `02 - Giấy chứng sinh.pdf`.

use super::catalog::{Answers, DocAction, Procedure};
use super::media::{self, MediaType};
use super::package::Attachment;
use super::pdf::{Document, Fonts};

/// One ready file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadyFile {
    pub document_id: String,
    /// The document's place among those the resident provides ([`to_provide`]), from 1.
    pub order: usize,
    /// The document's name as the portal shows it (Vietnamese).
    pub title: String,
    pub file_name: String,
    pub media: MediaType,
    /// How many attached pages it holds (0 for a printed form).
    pub pages: usize,
    /// A printed form (the declaration, or the plain summary of a procedure with none).
    pub printed: bool,
    /// In parts: a document's photos are shared with the attachments, not copied.
    pub bytes: super::parts::Parts,
}

/// A file name from a document's name: no path separators or characters phones refuse.
pub fn file_name(order: usize, title: &str, extension: &str) -> String {
    let clean: String = title
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '-',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    let clean = clean.split_whitespace().collect::<Vec<_>>().join(" ");
    let short: String = clean.chars().take(80).collect();
    format!("{order:02} - {}.{extension}", short.trim_end_matches(['.', ' ']))
}

/// The documents the resident provides on the answers' route, numbered from 1 in checklist order
/// (what the system looks up is not provided, so not numbered).
pub fn to_provide(
    p: &Procedure,
    answers: &Answers,
) -> impl Iterator<Item = (usize, super::catalog::Document)> {
    p.checklist(answers)
        .into_iter()
        .filter(|d| d.action != DocAction::LookedUp)
        .enumerate()
        .map(|(i, d)| (i + 1, d))
}

/// The names of the attached pages offered one by one as pictures (for a resident who prefers
/// images to the documents' PDFs): `pages` are the draft's pages in order, each its document and
/// type; a JPEG of a document the route submits is named after the document like its ready file,
/// `02 - Giấy chứng sinh - trang 1.jpg`; any other page gets `None` (not offered).
pub fn page_image_names(
    p: &Procedure,
    answers: &Answers,
    pages: &[(&str, MediaType)],
) -> Vec<Option<String>> {
    let provided: Vec<(usize, super::catalog::Document)> = to_provide(p, answers)
        .filter(|(_, d)| d.action == DocAction::Submit)
        .collect();
    let mut seen: Vec<(&str, usize)> = Vec::new();
    pages
        .iter()
        .map(|(doc, media)| {
            let (order, d) = provided.iter().find(|(_, d)| d.id == *doc)?;
            if *media != MediaType::Jpeg {
                return None;
            }
            let k = match seen.iter_mut().find(|(id, _)| id == doc) {
                Some((_, k)) => {
                    *k += 1;
                    *k
                }
                None => {
                    seen.push((doc, 1));
                    1
                }
            };
            Some(file_name(*order, &format!("{} - trang {k}", d.name.vi), "jpg"))
        })
        .collect()
}

/// The printed forms' PDFs as ready files: each named after the checklist's document it is (the
/// generated documents, in order: the declaration is usually the first), else after its title.
pub fn printed_files(
    p: &Procedure,
    answers: &Answers,
    forms: &[super::form::Filled],
    printed: &[(String, MediaType, Vec<u8>)],
) -> Vec<ReadyFile> {
    let generated: Vec<(usize, super::catalog::Document)> = to_provide(p, answers)
        .filter(|(_, d)| d.action == DocAction::Generated)
        .collect();
    printed
        .iter()
        .filter(|(_, t, _)| *t == MediaType::Pdf)
        .zip(forms)
        .enumerate()
        .map(|(i, ((_, _, bytes), form))| {
            let (order, id, title) = match generated.get(i) {
                Some((order, d)) => (*order, d.id.clone(), d.name.vi.clone()),
                None => (i + 1, form.id.clone(), form.title.clone()),
            };
            ReadyFile {
                document_id: id,
                order,
                file_name: file_name(order, &title, "pdf"),
                media: MediaType::Pdf,
                pages: 0,
                printed: true,
                bytes: bytes.clone().into(),
                title,
            }
        })
        .collect()
}

/// The ready files of the documents in `p`'s checklist for `answers` that have attachments, in
/// checklist order (`attachments` in page order within each document).
pub fn document_files(
    p: &Procedure,
    answers: &Answers,
    attachments: &[Attachment],
    fonts: Fonts,
) -> Result<Vec<ReadyFile>, String> {
    let mut out = Vec::new();
    for (order, doc) in to_provide(p, answers) {
        if doc.action != DocAction::Submit {
            continue;
        }
        let pages: Vec<(&Attachment, MediaType)> = attachments
            .iter()
            .filter(|a| a.document_id == doc.id)
            .filter_map(|a| media::sniff(&a.name, &a.bytes).ok().map(|t| (a, t)))
            .collect();
        if pages.is_empty() {
            continue;
        }
        let title = doc.name.vi.clone();
        // Only JPEGs a PDF reader shows as they are (baseline or progressive, grey or colour);
        // anything else is offered as it is rather than re-encoded.
        let embeddable = |a: &Attachment, t: MediaType| {
            t == MediaType::Jpeg && super::pdf::jpeg_info(&a.bytes).is_some()
        };
        if pages.iter().all(|(a, t)| embeddable(a, *t)) {
            let mut pdf = Document::new(fonts)?;
            for (a, _) in &pages {
                pdf.jpeg_page(&a.bytes)?;
            }
            out.push(ReadyFile {
                document_id: doc.id.clone(),
                order,
                file_name: file_name(order, &title, "pdf"),
                media: MediaType::Pdf,
                pages: pages.len(),
                printed: false,
                bytes: pdf.finish_parts(&title)?,
                title,
            });
            continue;
        }
        let many = pages.len() > 1;
        for (n, (a, t)) in pages.iter().enumerate() {
            let name = match many {
                true => format!("{title} ({})", n + 1),
                false => title.clone(),
            };
            out.push(ReadyFile {
                document_id: doc.id.clone(),
                order,
                file_name: file_name(order, &name, t.extension()),
                media: *t,
                pages: 1,
                printed: false,
                bytes: super::parts::Parts::shared(a.bytes.clone()),
                title: name,
            });
        }
    }
    Ok(out)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::engine::catalog::Catalog;
    use crate::engine::pdf::BUNDLED_FONTS;

    /// A baseline JPEG of `w`×`h` (only its SOF0 header matters to the PDF writer).
    fn jpeg(w: u16, h: u16, fill: u8) -> Vec<u8> {
        let mut b = vec![0xFF, 0xD8, 0xFF, 0xC0, 0, 11, 8];
        b.extend(h.to_be_bytes());
        b.extend(w.to_be_bytes());
        b.extend([1, 1, 0x11, 0]);
        b.extend([0xFF, 0xDA, 0, 2, fill, fill, 0xFF, 0xD9]);
        b
    }

    #[test]
    fn names_are_safe_for_a_phone_and_keep_the_portal_name() {
        assert_eq!(file_name(2, "Giấy chứng sinh", "pdf"), "02 - Giấy chứng sinh.pdf");
        assert_eq!(
            file_name(3, "Giấy tờ tùy thân: CMND/CCCD?", "jpg"),
            "03 - Giấy tờ tùy thân- CMND-CCCD-.jpg"
        );
    }

    #[test]
    fn a_document_of_photos_is_one_pdf_with_each_photo_unchanged_in_order() {
        let p = Catalog::bundled().procedure("khai-sinh").unwrap();
        let pages = [jpeg(40, 30, 1), jpeg(30, 40, 2)];
        let atts: Vec<Attachment> = pages
            .iter()
            .enumerate()
            .map(|(i, b)| Attachment {
                document_id: "giay-chung-sinh".into(),
                name: format!("p{i}.jpg"),
                bytes: b.clone().into(),
            })
            .collect();
        let files = document_files(p, &p.sample_answers, &atts, BUNDLED_FONTS).unwrap();
        assert_eq!(files.len(), 1);
        let f = &files[0];
        assert_eq!((f.media, f.pages, f.document_id.as_str()), (MediaType::Pdf, 2, "giay-chung-sinh"));
        assert_eq!(f.file_name, "02 - Giấy chứng sinh.pdf");
        // Each JPEG's bytes are in the PDF as they are, the first page's before the second's.
        let bytes = f.bytes.to_vec();
        let at = |needle: &[u8]| bytes.windows(needle.len()).position(|w| w == needle);
        let (a, b) = (at(&pages[0]).unwrap(), at(&pages[1]).unwrap());
        assert!(a < b);
        // Not copied: each photo is a part of the PDF, the attachment's own memory.
        for a in &atts {
            assert!(f.bytes.parts().any(|p| std::ptr::eq(p.as_ptr(), a.bytes.as_ptr())));
        }
        // Pictures only: no font in it.
        assert!(at(b"/FontFile2").is_none());
        assert!(f.bytes.len() < 2000, "{} bytes", f.bytes.len());
    }

    #[test]
    fn a_package_offers_its_forms_then_its_documents_each_named_as_the_checklist() {
        use crate::engine::date::{Date, Timestamp};
        use crate::engine::package::{build, BuildInput};
        use crate::engine::units::AdminUnits;
        for (id, names) in [
            ("khai-sinh", vec!["01 - Tờ khai đăng ký khai sinh.pdf", "02 - Giấy chứng sinh.pdf"]),
            ("khai-sinh-nhan-cha-me-con", vec!["01 - Tờ khai đăng ký khai sinh.pdf", "02 - Tờ khai đăng ký nhận cha, mẹ, con.pdf"]),
        ] {
            let p = Catalog::bundled().procedure(id).unwrap();
            let atts = [Attachment { document_id: "giay-chung-sinh".into(), name: "a.jpg".into(), bytes: jpeg(20, 30, 4).into() }];
            let built = build(&BuildInput {
                procedure: p,
                catalog_version: "t",
                answers: &p.sample_answers,
                attachments: if id == "khai-sinh" { &atts } else { &[] },
                created_at: Timestamp::parse_rfc3339("2026-11-22T03:04:05Z").unwrap(),
                today: Date::from_ymd(2026, 11, 22).unwrap(),
                lang: crate::engine::text::Lang::Vi,
                units: AdminUnits::bundled(),
                fonts: BUNDLED_FONTS,
                digests: None,
            })
            .unwrap();
            let got: Vec<_> = built.documents.iter().map(|f| f.file_name.as_str()).collect();
            assert_eq!(got, names, "{id}");
            assert!(built.documents.iter().all(|f| f.bytes.to_vec().starts_with(b"%PDF-")));
        }
    }

    #[test]
    fn other_files_are_offered_as_they_are() {
        let p = Catalog::bundled().procedure("khai-sinh").unwrap();
        let pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".to_vec();
        let atts = vec![
            Attachment { document_id: "giay-chung-sinh".into(), name: "a.pdf".into(), bytes: pdf.clone().into() },
            Attachment { document_id: "giay-chung-sinh".into(), name: "b.jpg".into(), bytes: jpeg(10, 10, 3).into() },
        ];
        // A CMYK JPEG (4 components) is not put into a PDF: both pages are offered as they are.
        let mut cmyk = jpeg(10, 10, 5);
        cmyk[11] = 4;
        let files = document_files(p, &p.sample_answers, &[Attachment { document_id: "giay-chung-sinh".into(), name: "c.jpg".into(), bytes: cmyk.clone().into() }], BUNDLED_FONTS).unwrap();
        assert_eq!((files[0].media, files[0].bytes.to_vec()), (MediaType::Jpeg, cmyk));
        let files = document_files(p, &p.sample_answers, &atts, BUNDLED_FONTS).unwrap();
        let names: Vec<_> = files.iter().map(|f| f.file_name.as_str()).collect();
        assert_eq!(names, ["02 - Giấy chứng sinh (1).pdf", "02 - Giấy chứng sinh (2).jpg"]);
        assert_eq!(files[0].bytes.to_vec(), pdf);
    }

    #[test]
    fn page_pictures_are_named_after_their_document_and_only_those_the_route_submits() {
        let p = Catalog::bundled().procedure("khai-sinh").unwrap();
        let mut a = p.sample_answers.clone();
        let pages = [
            ("giay-chung-sinh", MediaType::Jpeg),
            ("giay-to-tuy-than", MediaType::Jpeg),
            ("giay-chung-sinh", MediaType::Png),
            ("giay-chung-sinh", MediaType::Jpeg),
        ];
        // At the centre the identity paper is shown, not handed in: its page is not offered.
        assert_eq!(
            page_image_names(p, &a, &pages),
            [
                Some("02 - Giấy chứng sinh - trang 1.jpg".to_string()),
                None,
                None,
                Some("02 - Giấy chứng sinh - trang 2.jpg".to_string()),
            ]
        );
        // By post it is sent as a certified copy, third among the documents.
        a.insert(crate::engine::route::FIELD.into(), "buu-chinh".into());
        assert_eq!(
            page_image_names(p, &a, &pages)[1].as_deref(),
            Some("03 - Giấy tờ tùy thân của người đi đăng ký - trang 1.jpg")
        );
    }
}
