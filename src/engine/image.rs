//! Phone photos made right: what a picture's header says (size, EXIF orientation, metadata such as
//! GPS position) and what to do with it before it goes into a package. The engine decides; the
//! browser only redraws pixels when told to (src/ui/photo.js).
//!
//! * longer side over [`MAX_SIDE`] px, or rotated by EXIF → redraw: the browser decodes with the
//!   orientation applied, scales to at most `MAX_SIDE` and re-encodes (no metadata survives);
//! * otherwise, metadata present → strip it here, losslessly (JPEG APPn/COM segments, PNG text
//!   and eXIf chunks; colour profiles are kept);
//! * otherwise keep the file as it is. PDFs always pass through.

use super::media::MediaType;

/// Longest side kept, in pixels: enough to read any document photographed on A4.
pub const MAX_SIDE: u32 = 2000;
/// JPEG quality of redrawn photos (0–100).
pub const JPEG_QUALITY: u8 = 85;
/// Longer side of a page's preview on the attachments page, in pixels.
pub const PREVIEW_SIDE: u32 = 128;
/// The coarsest decode scale ([`ImageInfo::decode_at`]) for a page of a document: 1/2. Chromium
/// decodes a JPEG at 1/2, 1/4 or 1/8 from its blocks (as good as its best filter); Safari and
/// Firefox instead resize the full picture with their "low" filter, which at exactly 2:1 is an
/// average of 2×2 pixels but at 4:1 or 8:1 would drop fine print.
pub const PAGE_DECODE_SCALE: u8 = 2;
/// The same for previews, where speed matters more than fine print: 1/8.
pub const PREVIEW_DECODE_SCALE: u8 = 8;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ImageInfo {
    pub width: u32,
    pub height: u32,
    /// EXIF orientation 1–8 (1 = upright; 0 = none given).
    pub orientation: u8,
    /// EXIF, XMP, IPTC, comments or text chunks are present.
    pub metadata: bool,
    /// EXIF holds a GPS position.
    pub gps: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plan {
    Keep,
    Strip,
    /// Decode, apply orientation, scale so the longer side is at most `max_side`, re-encode as
    /// `output`.
    Redraw {
        max_side: u32,
        output: MediaType,
    },
}

/// How the browser decodes a picture before drawing it at its redrawn size.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DecodeAt {
    /// Upright size of the decoded bitmap.
    pub width: u32,
    pub height: u32,
    /// 1, 2, 4 or 8: a JPEG decoder makes 1/2, 1/4 and 1/8 of the picture straight from its
    /// compressed blocks (Chromium does, asked for exactly that size with `resizeQuality:
    /// "low"`), so a 12-megapixel photo never exists in memory at full size.
    pub scale_down: u8,
}

/// What the photo worker's own codec ([`super::redraw`]) is asked to make of a JPEG: the file's
/// EXIF orientation and the upright size to draw it at. Other pictures are drawn by the browser
/// (and a JPEG too where the codec cannot: [`super::redraw::Failure`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CodecJob {
    pub orientation: u8,
    pub width: u32,
    pub height: u32,
}

impl ImageInfo {
    /// The codec's job when a JPEG is redrawn as a JPEG; `None` otherwise.
    pub fn codec_job(&self, media: MediaType, output: MediaType, max_side: u32) -> Option<CodecJob> {
        if media != MediaType::Jpeg || output != MediaType::Jpeg {
            return None;
        }
        let (width, height) = self.redrawn_size(max_side);
        Some(CodecJob { orientation: self.orientation, width, height })
    }

    /// The upright size before any scaling (orientations 5–8 swap the sides).
    fn upright(&self) -> (u32, u32) {
        match self.orientation {
            5..=8 => (self.height.max(1), self.width.max(1)),
            _ => (self.width.max(1), self.height.max(1)),
        }
    }

    /// What to decode before drawing at [`Self::redrawn_size`]: for a JPEG the coarsest of 1/2,
    /// 1/4 and 1/8, up to `coarsest` (rounded up, as a JPEG decoder does), that is still at
    /// least the redrawn size; else the redrawn size itself, decoded at full size and scaled with
    /// the browser's best filter.
    pub fn decode_at(&self, media: MediaType, max_side: u32, coarsest: u8) -> DecodeAt {
        let (w, h) = self.redrawn_size(max_side);
        let (uw, uh) = self.upright();
        let mut at = DecodeAt { width: w, height: h, scale_down: 1 };
        if media != MediaType::Jpeg {
            return at;
        }
        for k in [2u32, 4, 8].into_iter().filter(|k| *k <= coarsest as u32) {
            let (sw, sh) = (uw.div_ceil(k), uh.div_ceil(k));
            if sw < w || sh < h {
                break;
            }
            at = DecodeAt { width: sw, height: sh, scale_down: k as u8 };
        }
        at
    }

    /// The size of the redrawn picture: turned upright (orientations 5–8 swap the sides), then
    /// scaled so the longer side is at most `max_side` (never enlarged).
    pub fn redrawn_size(&self, max_side: u32) -> (u32, u32) {
        let (w, h) = self.upright();
        let long = w.max(h);
        if long <= max_side {
            return (w, h);
        }
        let scale = |x: u32| ((x as u64 * max_side as u64 + long as u64 / 2) / long as u64).max(1) as u32;
        (scale(w), scale(h))
    }
}

/// What to do with an attachment of this type and content.
pub fn plan(media: MediaType, bytes: &[u8]) -> Plan {
    if !media.is_image() {
        return Plan::Keep;
    }
    // PNG stays PNG (screenshots, scans with text); photos become JPEG.
    let output = if media == MediaType::Png {
        MediaType::Png
    } else {
        MediaType::Jpeg
    };
    let redraw = Plan::Redraw {
        max_side: MAX_SIDE,
        output,
    };
    let Some(info) = inspect(media, bytes) else {
        return redraw; // a header we cannot read: let the browser decode it (or say it cannot)
    };
    if info.width.max(info.height) > MAX_SIDE || info.orientation > 1 {
        return redraw;
    }
    if info.metadata {
        return if media == MediaType::Webp {
            redraw
        } else {
            Plan::Strip
        };
    }
    Plan::Keep
}

pub fn inspect(media: MediaType, bytes: &[u8]) -> Option<ImageInfo> {
    match media {
        MediaType::Jpeg => jpeg_info(bytes),
        MediaType::Png => png_info(bytes),
        MediaType::Webp => webp_info(bytes),
        _ => None,
    }
}

/// Removes metadata losslessly (JPEG, PNG). `None` when the file cannot be parsed.
pub fn strip(media: MediaType, bytes: &[u8]) -> Option<Vec<u8>> {
    match media {
        MediaType::Jpeg => jpeg_strip(bytes),
        MediaType::Png => png_strip(bytes),
        _ => None,
    }
}

fn be16(b: &[u8], i: usize) -> Option<u16> {
    Some(u16::from_be_bytes([*b.get(i)?, *b.get(i + 1)?]))
}
fn be32(b: &[u8], i: usize) -> Option<u32> {
    Some(u32::from_be_bytes(b.get(i..i + 4)?.try_into().ok()?))
}

/// JPEG segments before the image data: (marker, start of segment incl. 0xFF, end).
fn jpeg_segments(b: &[u8]) -> Option<(Vec<(u8, usize, usize)>, usize)> {
    if !b.starts_with(&[0xFF, 0xD8]) {
        return None;
    }
    let mut segs = Vec::new();
    let mut i = 2;
    loop {
        // Fill bytes (0xFF padding) are allowed before a marker.
        if *b.get(i)? != 0xFF {
            return None;
        }
        while *b.get(i + 1)? == 0xFF {
            i += 1;
        }
        let marker = *b.get(i + 1)?;
        if marker == 0xDA || marker == 0xD9 {
            return Some((segs, i)); // start of scan: entropy-coded data follows
        }
        if (0xD0..=0xD7).contains(&marker) || marker == 0x01 {
            i += 2;
            continue;
        }
        let len = be16(b, i + 2)? as usize;
        if len < 2 || i + 2 + len > b.len() {
            return None;
        }
        segs.push((marker, i, i + 2 + len));
        i += 2 + len;
    }
}

/// Segments that carry metadata rather than picture: APP1 (EXIF, XMP), APP3–APP13, APP15, COM.
/// APP0 (JFIF), APP2 (ICC colour profile) and APP14 (Adobe colour transform) are kept.
fn jpeg_is_metadata(marker: u8) -> bool {
    marker == 0xE1 || (0xE3..=0xED).contains(&marker) || marker == 0xEF || marker == 0xFE
}

fn jpeg_info(b: &[u8]) -> Option<ImageInfo> {
    let (segs, _) = jpeg_segments(b)?;
    let mut info = ImageInfo::default();
    for &(m, s, e) in &segs {
        let payload = &b[s + 4..e];
        if jpeg_is_metadata(m) {
            info.metadata = true;
        }
        if m == 0xE1 && payload.starts_with(b"Exif\0\0") {
            let (o, gps) = exif_orientation_gps(&payload[6..]);
            info.orientation = o;
            info.gps |= gps;
        }
        // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC).
        if (0xC0..=0xCF).contains(&m) && !matches!(m, 0xC4 | 0xC8 | 0xCC) {
            info.height = be16(payload, 1)? as u32;
            info.width = be16(payload, 3)? as u32;
        }
    }
    (info.width > 0 && info.height > 0).then_some(info)
}

/// Orientation (tag 0x0112) and whether a GPS IFD (tag 0x8825) is present, from a TIFF header.
fn exif_orientation_gps(t: &[u8]) -> (u8, bool) {
    let le = match t.get(0..2) {
        Some(b"II") => true,
        Some(b"MM") => false,
        _ => return (0, false),
    };
    let u16_at = |i: usize| -> Option<u16> {
        let p: [u8; 2] = t.get(i..)?.get(..2)?.try_into().ok()?;
        Some(if le {
            u16::from_le_bytes(p)
        } else {
            u16::from_be_bytes(p)
        })
    };
    let u32_at = |i: usize| -> Option<u32> {
        let p: [u8; 4] = t.get(i..)?.get(..4)?.try_into().ok()?;
        Some(if le {
            u32::from_le_bytes(p)
        } else {
            u32::from_be_bytes(p)
        })
    };
    let Some(ifd) = u32_at(4) else {
        return (0, false);
    };
    let ifd = ifd as usize;
    let n = u16_at(ifd).unwrap_or(0) as usize;
    let (mut orientation, mut gps) = (0, false);
    for k in 0..n.min(512) {
        let e = ifd.saturating_add(2 + 12 * k);
        match u16_at(e) {
            Some(0x0112) => {
                orientation = u16_at(e + 8).filter(|o| (1..=8).contains(o)).unwrap_or(0) as u8
            }
            Some(0x8825) => gps = true,
            Some(_) => {}
            None => break,
        }
    }
    (orientation, gps)
}

fn jpeg_strip(b: &[u8]) -> Option<Vec<u8>> {
    let (segs, scan) = jpeg_segments(b)?;
    let mut out = Vec::with_capacity(b.len());
    out.extend_from_slice(&b[..2]);
    for &(m, s, e) in &segs {
        if !jpeg_is_metadata(m) {
            out.extend_from_slice(&b[s..e]);
        }
    }
    out.extend_from_slice(&b[scan..]);
    Some(out)
}

const PNG_SIG: &[u8] = b"\x89PNG\r\n\x1a\n";

/// PNG chunks: (type, start, end incl. CRC).
fn png_chunks(b: &[u8]) -> Option<Vec<([u8; 4], usize, usize)>> {
    if !b.starts_with(PNG_SIG) {
        return None;
    }
    let mut out = Vec::new();
    let mut i = PNG_SIG.len();
    while i < b.len() {
        let len = be32(b, i)? as usize;
        let ty: [u8; 4] = b.get(i + 4..i + 8)?.try_into().ok()?;
        let end = i.checked_add(12)?.checked_add(len)?;
        if end > b.len() {
            return None;
        }
        out.push((ty, i, end));
        i = end;
        if &ty == b"IEND" {
            break;
        }
    }
    Some(out)
}

fn png_is_metadata(ty: &[u8; 4]) -> bool {
    matches!(ty, b"eXIf" | b"tEXt" | b"zTXt" | b"iTXt" | b"tIME")
}

fn png_info(b: &[u8]) -> Option<ImageInfo> {
    let chunks = png_chunks(b)?;
    let &(ty, s, _) = chunks.first()?;
    if &ty != b"IHDR" {
        return None;
    }
    let mut info = ImageInfo {
        width: be32(b, s + 8)?,
        height: be32(b, s + 12)?,
        ..ImageInfo::default()
    };
    for (ty, s, e) in chunks {
        if png_is_metadata(&ty) {
            info.metadata = true;
        }
        if &ty == b"eXIf" {
            let (o, gps) = exif_orientation_gps(&b[s + 8..e - 4]);
            info.orientation = o;
            info.gps |= gps;
        }
    }
    Some(info)
}

fn png_strip(b: &[u8]) -> Option<Vec<u8>> {
    let chunks = png_chunks(b)?;
    let mut out = Vec::with_capacity(b.len());
    out.extend_from_slice(PNG_SIG);
    for (ty, s, e) in chunks {
        if !png_is_metadata(&ty) {
            out.extend_from_slice(&b[s..e]);
        }
    }
    Some(out)
}

fn le24(b: &[u8], i: usize) -> Option<u32> {
    Some(u32::from_le_bytes([
        *b.get(i)?,
        *b.get(i + 1)?,
        *b.get(i + 2)?,
        0,
    ]))
}

fn webp_info(b: &[u8]) -> Option<ImageInfo> {
    if b.len() < 20 || &b[0..4] != b"RIFF" || &b[8..12] != b"WEBP" {
        return None;
    }
    let mut info = ImageInfo::default();
    let mut i = 12;
    while i + 8 <= b.len() {
        let ty = &b[i..i + 4];
        let len = u32::from_le_bytes(b[i + 4..i + 8].try_into().ok()?) as usize;
        let d = i + 8;
        match ty {
            b"VP8X" => {
                info.width = le24(b, d + 4)? + 1;
                info.height = le24(b, d + 7)? + 1;
            }
            b"VP8 " if info.width == 0 => {
                info.width = (u16::from_le_bytes([*b.get(d + 6)?, *b.get(d + 7)?]) & 0x3FFF) as u32;
                info.height =
                    (u16::from_le_bytes([*b.get(d + 8)?, *b.get(d + 9)?]) & 0x3FFF) as u32;
            }
            b"VP8L" if info.width == 0 => {
                let bits = u32::from_le_bytes(b.get(d + 1..d + 5)?.try_into().ok()?);
                info.width = (bits & 0x3FFF) + 1;
                info.height = ((bits >> 14) & 0x3FFF) + 1;
            }
            b"EXIF" => {
                info.metadata = true;
                let (o, gps) = exif_orientation_gps(b.get(d..)?.get(..len)?);
                info.orientation = o;
                info.gps |= gps;
            }
            b"XMP " => info.metadata = true,
            _ => {}
        }
        i = d.checked_add(len)?.checked_add(len & 1)?;
    }
    (info.width > 0 && info.height > 0).then_some(info)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A TIFF header with Orientation and a GPS IFD pointer (what phones write).
    pub fn exif(orientation: u16, little_endian: bool) -> Vec<u8> {
        let w16 = |v: u16| {
            if little_endian {
                v.to_le_bytes()
            } else {
                v.to_be_bytes()
            }
        };
        let w32 = |v: u32| {
            if little_endian {
                v.to_le_bytes()
            } else {
                v.to_be_bytes()
            }
        };
        let mut t = Vec::new();
        t.extend_from_slice(if little_endian { b"II" } else { b"MM" });
        t.extend_from_slice(&w16(42));
        t.extend_from_slice(&w32(8));
        t.extend_from_slice(&w16(2));
        // Orientation, SHORT, 1 value.
        t.extend_from_slice(&w16(0x0112));
        t.extend_from_slice(&w16(3));
        t.extend_from_slice(&w32(1));
        t.extend_from_slice(&w16(orientation));
        t.extend_from_slice(&[0, 0]);
        // GPSInfo IFD pointer, LONG.
        t.extend_from_slice(&w16(0x8825));
        t.extend_from_slice(&w16(4));
        t.extend_from_slice(&w32(1));
        t.extend_from_slice(&w32(38));
        t.extend_from_slice(&w32(0));
        // A GPS IFD with one latitude-ref entry ("N").
        t.extend_from_slice(&w16(1));
        t.extend_from_slice(&w16(1));
        t.extend_from_slice(&w16(2));
        t.extend_from_slice(&w32(2));
        t.extend_from_slice(b"N\0\0\0");
        t.extend_from_slice(&w32(0));
        t
    }

    fn seg(marker: u8, payload: &[u8]) -> Vec<u8> {
        let mut s = vec![0xFF, marker];
        s.extend_from_slice(&((payload.len() + 2) as u16).to_be_bytes());
        s.extend_from_slice(payload);
        s
    }

    /// A JPEG-shaped file: SOI, JFIF, optional EXIF, ICC, COM, SOF0 with the size, SOS, data, EOI.
    pub fn jpeg(width: u16, height: u16, exif_orientation: Option<u16>) -> Vec<u8> {
        let mut b = vec![0xFF, 0xD8];
        b.extend(seg(0xE0, b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0"));
        if let Some(o) = exif_orientation {
            let mut p = b"Exif\0\0".to_vec();
            p.extend(exif(o, true));
            b.extend(seg(0xE1, &p));
            b.extend(seg(0xFE, b"taken at home"));
        }
        b.extend(seg(0xE2, b"ICC_PROFILE\0\x01\x01profile"));
        let mut sof = vec![8];
        sof.extend_from_slice(&height.to_be_bytes());
        sof.extend_from_slice(&width.to_be_bytes());
        sof.extend_from_slice(&[1, 1, 0x11, 0]);
        b.extend(seg(0xC0, &sof));
        b.extend(seg(0xDA, &[1, 1, 0, 0, 0x3F, 0]));
        b.extend_from_slice(&[0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56]);
        b.extend_from_slice(&[0xFF, 0xD9]);
        b
    }

    #[test]
    fn jpeg_header_read() {
        let b = jpeg(4000, 3000, Some(6));
        let i = inspect(MediaType::Jpeg, &b).unwrap();
        assert_eq!(
            (i.width, i.height, i.orientation, i.metadata, i.gps),
            (4000, 3000, 6, true, true)
        );
        let plain = jpeg(800, 600, None);
        let i = inspect(MediaType::Jpeg, &plain).unwrap();
        assert_eq!(
            (i.width, i.height, i.orientation, i.metadata, i.gps),
            (800, 600, 0, false, false)
        );
        let mut p = b"Exif\0\0".to_vec();
        p.extend(exif(8, false));
        assert_eq!(exif_orientation_gps(&p[6..]), (8, true));
    }

    #[test]
    fn plans() {
        let redraw = Plan::Redraw {
            max_side: MAX_SIDE,
            output: MediaType::Jpeg,
        };
        assert_eq!(plan(MediaType::Jpeg, &jpeg(4000, 3000, Some(1))), redraw);
        assert_eq!(plan(MediaType::Jpeg, &jpeg(1500, 1000, Some(6))), redraw);
        assert_eq!(
            plan(MediaType::Jpeg, &jpeg(1500, 1000, Some(1))),
            Plan::Strip
        );
        assert_eq!(plan(MediaType::Jpeg, &jpeg(2000, 1000, None)), Plan::Keep);
        assert_eq!(plan(MediaType::Pdf, b"%PDF-1.4"), Plan::Keep);
        assert_eq!(
            plan(MediaType::Jpeg, &[0xFF, 0xD8, 0xFF, 0xE0, 0, 1]),
            redraw
        );
    }

    #[test]
    fn jpeg_strip_removes_exif_gps_and_comments_only() {
        let b = jpeg(1500, 1000, Some(1));
        let s = strip(MediaType::Jpeg, &b).unwrap();
        let i = inspect(MediaType::Jpeg, &s).unwrap();
        assert!(!i.metadata && !i.gps);
        assert_eq!((i.width, i.height), (1500, 1000));
        assert!(!s.windows(4).any(|w| w == b"Exif"));
        assert!(
            s.windows(11).any(|w| w == b"ICC_PROFILE"),
            "colour profile kept"
        );
        // Picture data after the start of scan is untouched.
        assert!(s.ends_with(&[0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56, 0xFF, 0xD9]));
        assert_eq!(strip(MediaType::Jpeg, &s).unwrap(), s, "idempotent");
    }

    #[test]
    fn png_read_and_strip() {
        fn chunk(ty: &[u8], data: &[u8]) -> Vec<u8> {
            let mut c = (data.len() as u32).to_be_bytes().to_vec();
            c.extend_from_slice(ty);
            c.extend_from_slice(data);
            c.extend_from_slice(&[0, 0, 0, 0]);
            c
        }
        let mut b = PNG_SIG.to_vec();
        let mut ihdr = 3000u32.to_be_bytes().to_vec();
        ihdr.extend(1000u32.to_be_bytes());
        ihdr.extend([8, 2, 0, 0, 0]);
        b.extend(chunk(b"IHDR", &ihdr));
        b.extend(chunk(b"eXIf", &exif(1, false)));
        b.extend(chunk(b"tEXt", b"Comment\0secret"));
        b.extend(chunk(b"IDAT", b"pixels"));
        b.extend(chunk(b"IEND", b""));
        let i = inspect(MediaType::Png, &b).unwrap();
        assert_eq!(
            (i.width, i.height, i.metadata, i.gps),
            (3000, 1000, true, true)
        );
        assert_eq!(
            plan(MediaType::Png, &b),
            Plan::Redraw {
                max_side: MAX_SIDE,
                output: MediaType::Png
            }
        );
        let s = strip(MediaType::Png, &b).unwrap();
        assert!(!inspect(MediaType::Png, &s).unwrap().metadata);
        assert!(!s.windows(6).any(|w| w == b"secret"));
        assert!(s.windows(6).any(|w| w == b"pixels"));
    }

    #[test]
    fn webp_sizes() {
        let mut b = b"RIFF\0\0\0\0WEBPVP8X".to_vec();
        b.extend(10u32.to_le_bytes());
        b.extend([0x08, 0, 0, 0]);
        b.extend(&(3999u32.to_le_bytes()[..3]));
        b.extend(&(2999u32.to_le_bytes()[..3]));
        b.extend(b"EXIF");
        let e = exif(3, true);
        b.extend((e.len() as u32).to_le_bytes());
        b.extend(&e);
        let i = inspect(MediaType::Webp, &b).unwrap();
        assert_eq!(
            (i.width, i.height, i.orientation, i.gps),
            (4000, 3000, 3, true)
        );
    }

    #[test]
    fn hostile_headers_never_panic() {
        let base = jpeg(1200, 900, Some(6));
        for n in 0..base.len() {
            let _ = inspect(MediaType::Jpeg, &base[..n]);
            let _ = strip(MediaType::Jpeg, &base[..n]);
            let _ = plan(MediaType::Jpeg, &base[..n]);
        }
        for i in 0..base.len() {
            let mut b = base.clone();
            b[i] = 0xFF;
            let _ = inspect(MediaType::Jpeg, &b);
            let _ = strip(MediaType::Jpeg, &b);
            for t in [MediaType::Png, MediaType::Webp] {
                let _ = inspect(t, &b);
                let _ = strip(t, &b);
            }
        }
    }

    #[test]
    fn a_turned_camera_photo_is_redrawn_upright_at_most_2000_px() {
        let info = |width, height, orientation| ImageInfo { width, height, orientation, metadata: true, gps: false };
        assert_eq!(info(4000, 3000, 6).redrawn_size(MAX_SIDE), (1500, 2000));
        assert_eq!(info(4000, 3000, 1).redrawn_size(MAX_SIDE), (2000, 1500));
        assert_eq!(info(3000, 2400, 8).redrawn_size(MAX_SIDE), (1600, 2000));
        assert_eq!(info(800, 600, 6).redrawn_size(MAX_SIDE), (600, 800));
        assert_eq!(info(4001, 1, 1).redrawn_size(MAX_SIDE), (2000, 1));
        // The worker's codec is asked the same, for JPEG to JPEG only.
        let job = info(4032, 3024, 6).codec_job(MediaType::Jpeg, MediaType::Jpeg, MAX_SIDE);
        assert_eq!(job, Some(CodecJob { orientation: 6, width: 1500, height: 2000 }));
        assert_eq!(info(4032, 3024, 1).codec_job(MediaType::Png, MediaType::Png, MAX_SIDE), None);
        assert_eq!(info(4032, 3024, 1).codec_job(MediaType::Webp, MediaType::Jpeg, MAX_SIDE), None);
    }

    #[test]
    fn a_large_jpeg_is_decoded_at_the_coarsest_block_scale_still_as_large_as_the_result() {
        let info = |width, height, orientation| ImageInfo { width, height, orientation, metadata: true, gps: false };
        let at = |i: ImageInfo, m, side| {
            let coarsest = if side == PREVIEW_SIDE { PREVIEW_DECODE_SCALE } else { 8 };
            let d = i.decode_at(m, side, coarsest);
            (d.width, d.height, d.scale_down)
        };
        let jpeg = MediaType::Jpeg;
        // Exactly half: decoded at the redrawn size itself.
        assert_eq!(at(info(4000, 3000, 1), jpeg, MAX_SIDE), (2000, 1500, 2));
        // A little over: half (rounded up), then drawn down to 2000 × 1500.
        assert_eq!(at(info(4032, 3024, 1), jpeg, MAX_SIDE), (2016, 1512, 2));
        assert_eq!(at(info(4033, 3025, 1), jpeg, MAX_SIDE), (2017, 1513, 2));
        // Turned: the upright sides.
        assert_eq!(at(info(4032, 3024, 6), jpeg, MAX_SIDE), (1512, 2016, 2));
        assert_eq!(at(info(8000, 6000, 1), jpeg, MAX_SIDE), (2000, 1500, 4));
        assert_eq!(at(info(12000, 9000, 1), jpeg, MAX_SIDE), (3000, 2250, 4));
        // Under twice the size: a full decode, scaled by the browser's best filter.
        assert_eq!(at(info(3999, 3000, 1), jpeg, MAX_SIDE), (2000, 1500, 2));
        assert_eq!(at(info(3990, 2993, 1), jpeg, MAX_SIDE), (2000, 1500, 1));
        assert_eq!(at(info(2600, 1950, 1), jpeg, MAX_SIDE), (2000, 1500, 1));
        // A preview of a stored 2000 × 1500 page: 1/8 (250 × 188), then 128 × 96.
        assert_eq!(at(info(2000, 1500, 1), jpeg, PREVIEW_SIDE), (250, 188, 8));
        // Never a side below the result, even on a thin strip.
        let d = info(4000, 7, 1).decode_at(jpeg, MAX_SIDE, 8);
        assert!(d.width >= 2000 && d.height >= 4, "{d:?}");
        // A page of a document stops at 1/2: 8000 × 6000 is decoded at 4000 × 3000, then drawn.
        let page = info(8000, 6000, 1).decode_at(jpeg, MAX_SIDE, PAGE_DECODE_SCALE);
        assert_eq!((page.width, page.height, page.scale_down), (4000, 3000, 2));
        // Only JPEG has block scaling.
        assert_eq!(at(info(4000, 3000, 1), MediaType::Png, MAX_SIDE), (2000, 1500, 1));
        assert_eq!(at(info(4000, 3000, 1), MediaType::Webp, MAX_SIDE), (2000, 1500, 1));
    }
}
