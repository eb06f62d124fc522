//! Attachments: what a file really is (by its first bytes, not its name) and whether hoso can put
//! it in a package.

use super::msg;
use super::text::{fill, Arg, I18n};
use serde::{Deserialize, Serialize};

/// Largest single attachment. The portal's own limit is not published (reference §G.1), so hoso
/// keeps files small enough for mobile upload.
pub const MAX_FILE_BYTES: u64 = 10_000_000;
/// Largest total of all attachments in one package.
pub const MAX_PACKAGE_BYTES: u64 = 50_000_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MediaType {
    #[serde(rename = "image/jpeg")]
    Jpeg,
    #[serde(rename = "image/png")]
    Png,
    #[serde(rename = "image/webp")]
    Webp,
    #[serde(rename = "application/pdf")]
    Pdf,
    #[serde(rename = "application/json")]
    Json,
    /// The printable declaration in a package (never an upload).
    #[serde(rename = "text/html")]
    Html,
}

impl MediaType {
    pub fn mime(self) -> &'static str {
        match self {
            MediaType::Jpeg => "image/jpeg",
            MediaType::Png => "image/png",
            MediaType::Webp => "image/webp",
            MediaType::Pdf => "application/pdf",
            MediaType::Json => "application/json",
            MediaType::Html => "text/html",
        }
    }
    /// The short name people know the format by ("PDF", "JPEG" …), shown beside a file.
    pub fn short_name(self) -> &'static str {
        match self {
            MediaType::Jpeg => "JPEG",
            MediaType::Png => "PNG",
            MediaType::Webp => "WebP",
            MediaType::Pdf => "PDF",
            MediaType::Json => "JSON",
            MediaType::Html => "HTML",
        }
    }
    pub fn extension(self) -> &'static str {
        match self {
            MediaType::Jpeg => "jpg",
            MediaType::Png => "png",
            MediaType::Webp => "webp",
            MediaType::Pdf => "pdf",
            MediaType::Json => "json",
            MediaType::Html => "html",
        }
    }
    pub fn from_mime(m: &str) -> Option<MediaType> {
        [
            MediaType::Jpeg,
            MediaType::Png,
            MediaType::Webp,
            MediaType::Pdf,
            MediaType::Json,
            MediaType::Html,
        ]
        .into_iter()
        .find(|t| t.mime() == m)
    }
    pub fn is_image(self) -> bool {
        matches!(self, MediaType::Jpeg | MediaType::Png | MediaType::Webp)
    }
}

/// Decides what an attachment is from its content. `name` only improves the messages.
pub fn sniff(name: &str, bytes: &[u8]) -> Result<MediaType, I18n> {
    let shown = super::text::ellipsize(&super::text::clean(name), 60);
    if bytes.is_empty() {
        return Err(fill(msg::MEDIA_EMPTY, &[("name", (&shown).into())]));
    }
    let starts = |p: &[u8]| bytes.starts_with(p);
    if starts(&[0xFF, 0xD8, 0xFF]) {
        return Ok(MediaType::Jpeg);
    }
    if starts(b"\x89PNG\r\n\x1a\n") {
        return Ok(MediaType::Png);
    }
    if bytes.len() >= 12 && &bytes[0..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        return Ok(MediaType::Webp);
    }
    if bytes.len() >= 5
        && bytes[..bytes.len().min(1024)]
            .windows(5)
            .any(|w| w == b"%PDF-")
    {
        return Ok(MediaType::Pdf);
    }
    if bytes.len() >= 12
        && &bytes[4..8] == b"ftyp"
        && matches!(
            &bytes[8..12],
            b"heic" | b"heix" | b"mif1" | b"msf1" | b"hevc"
        )
    {
        return Err(fill(msg::MEDIA_HEIC, &[("name", (&shown).into())]));
    }
    Err(fill(msg::MEDIA_UNSUPPORTED, &[("name", (&shown).into())]))
}

/// Checks an attachment's size and type; returns its media type.
pub fn check_attachment(
    name: &str,
    bytes: &[u8],
    already_attached: u64,
) -> Result<MediaType, I18n> {
    let t = sniff(name, bytes)?;
    check_size(bytes.len() as u64, already_attached)?;
    Ok(t)
}

/// The limits, for a file of `size` bytes whose type is known: a photo the browser redrew into
/// the type it was asked for, and keeps (the app never holds its bytes).
pub fn check_size(size: u64, already_attached: u64) -> Result<(), I18n> {
    if size > MAX_FILE_BYTES {
        return Err(fill(
            msg::MEDIA_FILE_TOO_LARGE,
            &[
                ("size", Arg::Size(size)),
                ("max", Arg::Size(MAX_FILE_BYTES)),
            ],
        ));
    }
    if already_attached + size > MAX_PACKAGE_BYTES {
        return Err(fill(
            msg::MEDIA_PACKAGE_TOO_LARGE,
            &[("max", Arg::Size(MAX_PACKAGE_BYTES))],
        ));
    }
    Ok(())
}

/// A picked file could not be read (moved, deleted, or a cloud file not downloaded).
pub fn unreadable(name: &str) -> I18n {
    let shown = super::text::ellipsize(&super::text::clean(name), 60);
    fill(msg::MEDIA_UNREADABLE, &[("name", (&shown).into())])
}

/// The browser could not decode a picture (a format it does not support, or a damaged file).
pub fn undecodable(name: &str) -> I18n {
    let shown = super::text::ellipsize(&super::text::clean(name), 60);
    fill(msg::MEDIA_UNDECODABLE, &[("name", (&shown).into())])
}

/// The size limits, shown before the resident reaches them, with what is used so far.
pub fn limits_text(used: u64) -> I18n {
    let near = used * 5 >= MAX_PACKAGE_BYTES * 4;
    fill(
        if near {
            msg::MEDIA_LIMITS_NEARLY_FULL
        } else {
            msg::MEDIA_LIMITS
        },
        &[
            ("file_max", Arg::Size(MAX_FILE_BYTES)),
            ("package_max", Arg::Size(MAX_PACKAGE_BYTES)),
            ("used", Arg::Size(used)),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_by_content() {
        assert_eq!(
            sniff("a.png", &[0xFF, 0xD8, 0xFF, 0xE0]),
            Ok(MediaType::Jpeg)
        );
        assert_eq!(sniff("x", b"\x89PNG\r\n\x1a\n...."), Ok(MediaType::Png));
        assert_eq!(sniff("x", b"%PDF-1.7\n"), Ok(MediaType::Pdf));
        assert_eq!(sniff("x", b"RIFF\0\0\0\0WEBPVP8 "), Ok(MediaType::Webp));
        assert!(sniff("empty.jpg", b"").unwrap_err().en.contains("empty"));
        assert!(sniff("IMG_1.HEIC", b"\0\0\0\x18ftypheic\0\0")
            .unwrap_err()
            .en
            .contains("HEIC"));
        assert!(sniff("notes.docx", b"PK\x03\x04")
            .unwrap_err()
            .vi
            .contains("không phải ảnh"));
    }

    #[test]
    fn limits_are_stated_in_both_languages() {
        let t = limits_text(3_200_000);
        assert!(
            t.vi.contains("10 MB") && t.vi.contains("50 MB") && !t.vi.contains("Sắp đầy"),
            "{}",
            t.vi
        );
        assert!(t.en.contains("Used so far"));
        assert!(limits_text(45_000_000).en.contains("Nearly full"));
        assert!(undecodable("IMG_1.HEIC").vi.contains("IMG_1.HEIC"));
    }

    #[test]
    fn size_limits() {
        let big = vec![0xFFu8; (MAX_FILE_BYTES + 1) as usize];
        let mut big = big;
        big[..3].copy_from_slice(&[0xFF, 0xD8, 0xFF]);
        assert!(check_attachment("big.jpg", &big, 0).is_err());
        assert!(check_attachment("a.jpg", &[0xFF, 0xD8, 0xFF], MAX_PACKAGE_BYTES).is_err());
        assert!(check_attachment("a.jpg", &[0xFF, 0xD8, 0xFF], 0).is_ok());
    }

    #[test]
    fn a_file_known_by_its_size_alone_is_held_to_the_same_limits() {
        let limit = |r: Result<(), I18n>| r.err().map(|e| e.get(crate::engine::text::Lang::En).to_string());
        assert_eq!(check_size(MAX_FILE_BYTES, 0), Ok(()));
        let too_big = limit(check_size(MAX_FILE_BYTES + 1, 0)).expect("too large");
        assert!(too_big.contains("10 MB"), "{too_big}");
        assert!(check_size(1000, MAX_PACKAGE_BYTES - 999).is_err());
        assert_eq!(check_size(1000, MAX_PACKAGE_BYTES - 1000), Ok(()));
        // The same answers as for the bytes themselves.
        let jpeg = [0xFF, 0xD8, 0xFF, 0xE0];
        assert_eq!(check_attachment("a.jpg", &jpeg, MAX_PACKAGE_BYTES - 4).map(|_| ()), check_size(4, MAX_PACKAGE_BYTES - 4));
        assert_eq!(check_attachment("a.jpg", &jpeg, MAX_PACKAGE_BYTES - 3).map(|_| ()), check_size(4, MAX_PACKAGE_BYTES - 3));
    }
}
