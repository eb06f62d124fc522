//! A4 PDF documents made on the device: Vietnamese text set in an embedded TrueType font (regular
//! and bold), selectable and extractable (a ToUnicode map for every glyph shown), lines and boxes,
//! and JPEG pages embedded as they are (DCTDecode, no re-encoding). typst's `pdf-writer` writes
//! the objects; `ttf-parser` reads glyphs and advances.
//!
//! The fonts are a subset of Liberation Serif 2.1.5 made once (`scripts/data/make_fonts.py`: Latin,
//! Latin Extended-A, Vietnamese, punctuation; metric-compatible with the Times New Roman of the
//! official forms), renamed "Hoso Serif" as its licence asks (`public/fonts/OFL.txt`). The whole subset
//! is embedded in each document.
//!
//! Deterministic: the same calls give the same bytes, natively and in wasm. Lengths are integer
//! centipoints (1/100 pt); a float is made only where a number is written; nothing random or
//! dated goes into the file.

use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str};
use std::collections::BTreeMap;

/// A4 in centipoints.
pub const PAGE_W: i32 = 59528;
pub const PAGE_H: i32 = 84189;

/// The two faces, as TrueType font files.
#[derive(Clone, Copy)]
pub struct Fonts<'a> {
    pub regular: &'a [u8],
    pub bold: &'a [u8],
}

/// The fonts compiled in (native builds; the browser fetches `/fonts/*.ttf` when it first makes
/// a document).
#[cfg(not(target_arch = "wasm32"))]
pub const BUNDLED_FONTS: Fonts<'static> = Fonts {
    regular: include_bytes!("../../public/fonts/HosoSerif-Regular.ttf"),
    bold: include_bytes!("../../public/fonts/HosoSerif-Bold.ttf"),
};

/// Where the browser finds the fonts (`public/fonts/`, copied to the site root by the build).
pub const FONT_URLS: [&str; 2] = ["/fonts/HosoSerif-Regular.ttf", "/fonts/HosoSerif-Bold.ttf"];

fn pt(centipoints: i32) -> f32 {
    centipoints as f32 / 100.0
}

/// One face as used in one document: the glyphs shown, their advances and characters.
struct Face<'a> {
    data: &'a [u8],
    face: ttf_parser::Face<'a>,
    name: &'static str,
    upem: i32,
    /// Glyph id → (advance in font units, the character it was shown for).
    used: BTreeMap<u16, (i32, char)>,
    question: u16,
}

impl<'a> Face<'a> {
    fn new(data: &'a [u8], name: &'static str) -> Result<Face<'a>, String> {
        let face = ttf_parser::Face::parse(data, 0).map_err(|e| format!("font {name}: {e}"))?;
        Ok(Face {
            data,
            upem: face.units_per_em() as i32,
            question: face.glyph_index('?').map(|g| g.0).unwrap_or(0),
            face,
            name,
            used: BTreeMap::new(),
        })
    }

    /// Glyph id and advance of a character ('?' when the font lacks it).
    fn glyph(&self, c: char) -> (u16, i32, char) {
        match self.face.glyph_index(c) {
            Some(g) => (g.0, self.advance(g.0), c),
            None => (self.question, self.advance(self.question), '?'),
        }
    }

    fn advance(&self, gid: u16) -> i32 {
        self.face
            .glyph_hor_advance(ttf_parser::GlyphId(gid))
            .unwrap_or(0) as i32
    }

    /// Width of `s` at `size` (centipoints) in centipoints.
    fn width(&self, s: &str, size: i32) -> i32 {
        let units: i32 = s.chars().map(|c| self.glyph(c).1).sum();
        units * size / self.upem
    }

    /// `s` as two-byte glyph ids (Identity-H), each glyph noted for the widths and ToUnicode.
    fn encode(&mut self, s: &str) -> Vec<u8> {
        let mut out = Vec::with_capacity(s.len() * 2);
        for c in s.chars() {
            let (gid, adv, shown) = self.glyph(c);
            self.used.entry(gid).or_insert((adv, shown));
            out.extend_from_slice(&gid.to_be_bytes());
        }
        out
    }

    fn to_1000(&self, v: i32) -> f32 {
        (v * 1000 / self.upem) as f32
    }

    /// Type0 → CIDFontType2 → descriptor → font file, and the ToUnicode map.
    fn write(&self, pdf: &mut Pdf, ids: &mut Ids, type0: Ref) {
        let (cid_ref, desc_ref, cmap_ref, file_ref) =
            (ids.next(), ids.next(), ids.next(), ids.next());
        // The subset tag: six capitals from the font itself (the same font, the same tag).
        let h = fnv1a(self.data, 0xcbf2_9ce4_8422_2325);
        let mut name: String = (0..6)
            .map(|i| (b'A' + ((h >> (i * 5)) % 26) as u8) as char)
            .collect();
        name.push('+');
        name.push_str(self.name);
        let base = Name(name.as_bytes());
        pdf.type0_font(type0)
            .base_font(base)
            .encoding_predefined(Name(b"Identity-H"))
            .descendant_font(cid_ref)
            .to_unicode(cmap_ref);
        let system_info = SystemInfo {
            registry: Str(b"Adobe"),
            ordering: Str(b"Identity"),
            supplement: 0,
        };
        let mut cid = pdf.cid_font(cid_ref);
        cid.subtype(CidFontType::Type2)
            .base_font(base)
            .system_info(system_info)
            .font_descriptor(desc_ref)
            .default_width(0.0)
            .cid_to_gid_map_predefined(Name(b"Identity"));
        {
            let mut w = cid.widths();
            for (&g, &(adv, _)) in &self.used {
                w.consecutive(g, [self.to_1000(adv)]);
            }
        }
        cid.finish();
        let f = &self.face;
        let bb = f.global_bounding_box();
        pdf.font_descriptor(desc_ref)
            .name(base)
            .flags(FontFlags::SERIF | FontFlags::SYMBOLIC)
            .bbox(Rect::new(
                self.to_1000(bb.x_min as i32),
                self.to_1000(bb.y_min as i32),
                self.to_1000(bb.x_max as i32),
                self.to_1000(bb.y_max as i32),
            ))
            .italic_angle(0.0)
            .ascent(self.to_1000(f.ascender() as i32))
            .descent(self.to_1000(f.descender() as i32))
            .cap_height(self.to_1000(f.capital_height().unwrap_or(f.ascender()) as i32))
            .stem_v(((10_000 + 244 * (f.weight().to_number() as i32 - 50)) / 1000) as f32)
            .font_file2(file_ref);
        let mut cmap = UnicodeCmap::new(Name(b"Custom"), system_info);
        for (&g, &(_, c)) in &self.used {
            cmap.pair(g, c);
        }
        pdf.cmap(cmap_ref, &deflate(cmap.finish().as_slice()))
            .filter(Filter::FlateDecode);
        pdf.stream(file_ref, &deflate(self.data))
            .filter(Filter::FlateDecode)
            .pair(Name(b"Length1"), self.data.len() as i32);
    }
}

fn deflate(data: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(data, 6)
}

/// FNV-1a: a stable hash for names and the file id (not for security).
fn fnv1a(data: &[u8], seed: u64) -> u64 {
    data.iter()
        .fold(seed, |h, &b| (h ^ b as u64).wrapping_mul(0x0100_0000_01b3))
}

/// Object numbers, handed out in order.
struct Ids(i32);
impl Ids {
    fn next(&mut self) -> Ref {
        self.0 += 1;
        Ref::new(self.0)
    }
}

/// A page: drawn text and lines, or one picture.
enum Page {
    Drawn(Content),
    Picture {
        jpeg: std::sync::Arc<Vec<u8>>,
        width: u32,
        height: u32,
        components: u8,
    },
}

/// A document being made.
pub struct Document<'a> {
    faces: [Face<'a>; 2],
    pages: Vec<Page>,
}

/// Width (px), height (px) and colour components of a JPEG, from its frame header (the picture is
/// not decoded). `None` when it is not a JPEG a PDF reader can show as it is.
pub fn jpeg_info(b: &[u8]) -> Option<(u32, u32, u8)> {
    if b.get(..2)? != [0xFF, 0xD8] {
        return None;
    }
    let mut i = 2;
    while i + 4 <= b.len() {
        if b[i] != 0xFF {
            return None;
        }
        let marker = b[i + 1];
        if marker == 0xFF {
            i += 1;
            continue;
        }
        let len = u16::from_be_bytes([b[i + 2], b[i + 3]]) as usize;
        // Baseline (C0), extended (C1) and progressive (C2) Huffman frames; arithmetic coding
        // and lossless frames are not shown by every reader.
        if matches!(marker, 0xC0..=0xC2) {
            let s = b.get(i + 4..i + 10)?;
            let (h, w) = (
                u16::from_be_bytes([s[1], s[2]]) as u32,
                u16::from_be_bytes([s[3], s[4]]) as u32,
            );
            return (s[0] == 8 && w > 0 && h > 0 && matches!(s[5], 1 | 3)).then_some((w, h, s[5]));
        }
        if (0xC3..=0xCF).contains(&marker) && ![0xC4, 0xC8, 0xCC].contains(&marker) {
            return None;
        }
        i += 2 + len;
    }
    None
}

impl<'a> Document<'a> {
    pub fn new(fonts: Fonts<'a>) -> Result<Document<'a>, String> {
        Ok(Document {
            faces: [
                Face::new(fonts.regular, "HosoSerif-Regular")?,
                Face::new(fonts.bold, "HosoSerif-Bold")?,
            ],
            pages: Vec::new(),
        })
    }

    /// Width of `s` in centipoints, at `size` (centipoints), bold or not.
    pub fn width(&self, s: &str, size: i32, bold: bool) -> i32 {
        self.faces[bold as usize].width(s, size)
    }

    /// `text` cut into lines no wider than `max` (centipoints): at spaces, and inside a word only
    /// when the word alone is too wide.
    pub fn wrap(&self, text: &str, size: i32, bold: bool, max: i32) -> Vec<String> {
        let fits = |s: &str| self.width(s, size, bold) <= max;
        let mut lines = Vec::new();
        let mut cur = String::new();
        for word in text.split(' ').filter(|w| !w.is_empty()) {
            let candidate = if cur.is_empty() {
                word.to_string()
            } else {
                format!("{cur} {word}")
            };
            if fits(&candidate) {
                cur = candidate;
                continue;
            }
            if !cur.is_empty() {
                lines.push(std::mem::take(&mut cur));
            }
            for c in word.chars() {
                cur.push(c);
                if !fits(&cur) && cur.chars().count() > 1 {
                    cur.pop();
                    lines.push(std::mem::take(&mut cur));
                    cur.push(c);
                }
            }
        }
        if !cur.is_empty() || lines.is_empty() {
            lines.push(cur);
        }
        lines
    }

    /// Starts a new page of text and lines.
    pub fn page(&mut self) {
        self.pages.push(Page::Drawn(Content::new()));
    }

    fn content(&mut self) -> &mut Content {
        if !matches!(self.pages.last(), Some(Page::Drawn(_))) {
            self.page();
        }
        match self.pages.last_mut() {
            Some(Page::Drawn(c)) => c,
            _ => unreachable!("a drawn page was just added"),
        }
    }

    /// Text with its baseline's left end at (x, y) (centipoints from the bottom left).
    pub fn text(&mut self, x: i32, y: i32, size: i32, bold: bool, s: &str) {
        let glyphs = self.faces[bold as usize].encode(s);
        let font = if bold { Name(b"F2") } else { Name(b"F1") };
        self.content()
            .begin_text()
            .set_font(font, pt(size))
            .next_line(pt(x), pt(y))
            .show(Str(&glyphs))
            .end_text();
    }

    /// A straight line; `dotted` for the dotted lines a form's blanks stand on.
    pub fn line(&mut self, (x1, y1): (i32, i32), (x2, y2): (i32, i32), dotted: bool) {
        let c = self.content();
        c.save_state()
            .set_line_width(if dotted { 0.5 } else { 0.6 });
        if dotted {
            c.set_dash_pattern([1.0, 1.5], 0.0);
        }
        c.move_to(pt(x1), pt(y1))
            .line_to(pt(x2), pt(y2))
            .stroke()
            .restore_state();
    }

    /// A rectangle's outline (checkboxes, table cells).
    pub fn rect(&mut self, x: i32, y: i32, w: i32, h: i32) {
        self.content()
            .save_state()
            .set_line_width(0.6)
            .rect(pt(x), pt(y), pt(w), pt(h))
            .stroke()
            .restore_state();
    }

    /// A filled black rectangle (the modules of a QR code).
    pub fn fill_rect(&mut self, x: i32, y: i32, w: i32, h: i32) {
        self.content()
            .rect(pt(x), pt(y), pt(w), pt(h))
            .fill_nonzero();
    }

    /// A page holding one JPEG as it is, fitted inside the margins, its bytes shared with the
    /// caller ([`Self::finish_parts`]). Refuses a file that is not a JPEG a reader can show
    /// unchanged.
    pub fn jpeg_page(&mut self, jpeg: &std::sync::Arc<Vec<u8>>) -> Result<(), String> {
        let (width, height, components) =
            jpeg_info(jpeg).ok_or("not a JPEG that can go into a PDF unchanged")?;
        self.pages.push(Page::Picture {
            jpeg: jpeg.clone(),
            width,
            height,
            components,
        });
        Ok(())
    }

    /// The PDF file. `title` goes into the document's properties.
    pub fn finish(self, title: &str) -> Result<Vec<u8>, String> {
        self.finish_parts(title).map(|p| p.to_vec())
    }

    /// The PDF file in parts: each picture's JPEG is shared with the caller, not copied. The
    /// writer lays out a short placeholder in each image stream; the file is then cut at the
    /// placeholders and its lengths and cross-reference offsets moved by what the JPEGs add
    /// ([`splice_images`]). The bytes are those [`Self::finish`] gives (tested).
    pub fn finish_parts(mut self, title: &str) -> Result<super::parts::Parts, String> {
        let mut images: Vec<std::sync::Arc<Vec<u8>>> = Vec::new();
        let mut ids = Ids(0);
        let (catalog, tree) = (ids.next(), ids.next());
        // A document of pictures only (an attached document's pages) carries no font.
        let drawn = self.pages.iter().any(|p| matches!(p, Page::Drawn(_)));
        let font_refs = drawn.then(|| [ids.next(), ids.next()]);
        let info = ids.next();
        let mut pdf = Pdf::new();
        let mut kids = Vec::new();
        let mut hash = fnv1a(title.as_bytes(), 0xcbf2_9ce4_8422_2325);
        const MARGIN: i32 = 1417; // 5 mm around a picture
        for page in std::mem::take(&mut self.pages) {
            let (page_ref, content_ref) = (ids.next(), ids.next());
            let mut image = None;
            let data = match page {
                Page::Drawn(c) => c.finish().as_slice().to_vec(),
                Page::Picture {
                    jpeg,
                    width,
                    height,
                    components,
                } => {
                    let (bw, bh) = (PAGE_W - 2 * MARGIN, PAGE_H - 2 * MARGIN);
                    let (dw, dh) = if width as i64 * bh as i64 > height as i64 * bw as i64 {
                        (bw, (bw as i64 * height as i64 / width as i64) as i32)
                    } else {
                        ((bh as i64 * width as i64 / height as i64) as i32, bh)
                    };
                    let (x, y) = ((PAGE_W - dw) / 2, PAGE_H - MARGIN - dh);
                    let mut c = Content::new();
                    c.save_state()
                        .transform([pt(dw), 0.0, 0.0, pt(dh), pt(x), pt(y)])
                        .x_object(Name(b"Im1"))
                        .restore_state();
                    let image_ref = ids.next();
                    hash = fnv1a(&jpeg, hash);
                    let stand_in = placeholder(images.len());
                    let mut img = pdf.image_xobject(image_ref, &stand_in);
                    images.push(jpeg.clone());
                    img.filter(Filter::DctDecode);
                    img.width(width as i32)
                        .height(height as i32)
                        .bits_per_component(8);
                    if components == 1 {
                        img.color_space().device_gray();
                    } else {
                        img.color_space().device_rgb();
                    }
                    img.finish();
                    image = Some(image_ref);
                    c.finish().as_slice().to_vec()
                }
            };
            hash = fnv1a(&data, hash);
            pdf.stream(content_ref, &deflate(&data))
                .filter(Filter::FlateDecode);
            let mut p = pdf.page(page_ref);
            p.media_box(Rect::new(0.0, 0.0, pt(PAGE_W), pt(PAGE_H)))
                .parent(tree)
                .contents(content_ref);
            let mut res = p.resources();
            match image {
                Some(img) => {
                    res.x_objects().pair(Name(b"Im1"), img);
                }
                None => {
                    if let Some([regular, bold]) = font_refs {
                        let mut fonts = res.fonts();
                        fonts.pair(Name(b"F1"), regular);
                        fonts.pair(Name(b"F2"), bold);
                    }
                }
            }
            res.finish();
            p.finish();
            kids.push(page_ref);
        }
        let count = kids.len() as i32;
        pdf.pages(tree).kids(kids).count(count);
        pdf.catalog(catalog).pages(tree);
        if let Some(refs) = font_refs {
            for (face, r) in self.faces.iter().zip(refs) {
                face.write(&mut pdf, &mut ids, r);
            }
        }
        pdf.document_info(info)
            .title(pdf_writer::TextStr(title))
            .producer(pdf_writer::TextStr("hoso"));
        let id = hash.to_be_bytes().repeat(2);
        pdf.set_file_id((id.clone(), id));
        splice_images(pdf.finish(), &images)
    }
}

/// The stand-in for image `n`'s data while the file is written: ASCII that no deflated stream,
/// font or dictionary of ours contains.
fn placeholder(n: usize) -> Vec<u8> {
    format!("%%hoso-image-{n:08}-placeholder%%").into_bytes()
}

/// Puts each image's JPEG in place of its placeholder: the stream's `/Length`, every later
/// object's offset in the cross-reference table and `startxref` move by what it adds. `Err` if
/// the file is not laid out as expected (a pdf-writer that writes it otherwise): never a PDF
/// with a placeholder where a photo should be.
fn splice_images(
    pdf: Vec<u8>,
    images: &[std::sync::Arc<Vec<u8>>],
) -> Result<super::parts::Parts, String> {
    use super::parts::{Part, Parts};
    if images.is_empty() {
        return Ok(Parts::from(pdf));
    }
    let unexpected = || "the PDF writer's output is not laid out as expected".to_string();
    let find = |hay: &[u8], needle: &[u8], from: usize| -> Option<usize> {
        hay.get(from..)?
            .windows(needle.len())
            .position(|w| w == needle)
            .map(|p| p + from)
    };
    // (where a change starts in the file as written, bytes removed there, bytes put in)
    let mut edits: Vec<(usize, usize, Vec<u8>)> = Vec::new();
    let mut shared: Vec<(usize, usize)> = Vec::new(); // (placeholder position, image index)
    let mut at = 0;
    for (n, img) in images.iter().enumerate() {
        let mark = placeholder(n);
        let p = find(&pdf, &mark, at).ok_or_else(unexpected)?;
        let key = format!("/Length {}", mark.len()).into_bytes();
        let k = pdf[..p]
            .windows(key.len())
            .rposition(|w| w == key.as_slice())
            .ok_or_else(unexpected)?;
        edits.push((k, key.len(), format!("/Length {}", img.len()).into_bytes()));
        shared.push((p, n));
        at = p + mark.len();
    }
    // Where a byte of the written file ends up (every stand-in is as long as the first).
    let stand_in = placeholder(0).len();
    let moved = |x: usize| -> usize {
        let mut d: isize = 0;
        for (k, removed, put) in &edits {
            if *k < x {
                d += put.len() as isize - *removed as isize;
            }
        }
        for (p, n) in &shared {
            if *p < x {
                d += images[*n].len() as isize - stand_in as isize;
            }
        }
        (x as isize + d) as usize
    };
    // The cross-reference table ("xref\n0 N\n" then 20-byte entries) and startxref.
    let sx = b"startxref\n";
    let s = pdf
        .windows(sx.len())
        .rposition(|w| w == sx)
        .ok_or_else(unexpected)?;
    let xref: usize = std::str::from_utf8(&pdf[s + sx.len()..])
        .ok()
        .and_then(|t| t.split('\n').next()?.trim().parse().ok())
        .ok_or_else(unexpected)?;
    if !pdf.get(xref..).is_some_and(|x| x.starts_with(b"xref\n")) {
        return Err(unexpected());
    }
    let mut out = pdf;
    if let Some(first) = find(&out, b"\n", xref).and_then(|l| find(&out, b"\n", l + 1)) {
        let mut e = first + 1;
        // In use ("n": an offset) or free ("f": the next free object, not an offset).
        while e + 20 <= s && out[e + 10] == b' ' && matches!(out[e + 17], b'n' | b'f') {
            if out[e + 17] == b'n' {
                let old: usize = std::str::from_utf8(&out[e..e + 10])
                    .ok()
                    .and_then(|t| t.parse().ok())
                    .unwrap_or(0);
                out[e..e + 10].copy_from_slice(format!("{:010}", moved(old)).as_bytes());
            }
            e += 20;
        }
    }
    let tail = format!("startxref\n{}\n%%EOF", moved(xref)).into_bytes();
    out.truncate(s);
    out.extend_from_slice(&tail);
    // Cut at the placeholders, the /Length edits applied in each own piece.
    let mut parts = Vec::new();
    let mut from = 0;
    let mut own = Vec::new();
    let mut edit = edits.iter().peekable();
    for (p, n) in &shared {
        while let Some((k, removed, put)) = edit.next_if(|(k, _, _)| k < p) {
            own.extend_from_slice(&out[from..*k]);
            own.extend_from_slice(put);
            from = k + removed;
        }
        own.extend_from_slice(&out[from..*p]);
        parts.push(Part::Own(std::mem::take(&mut own)));
        parts.push(Part::Shared(images[*n].clone()));
        from = p + stand_in;
    }
    own.extend_from_slice(&out[from..]);
    parts.push(Part::Own(own));
    Ok(Parts { parts })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_document_is_the_same_bytes() {
        let make = || {
            let mut d = Document::new(BUNDLED_FONTS).unwrap();
            d.text(
                5000,
                80000,
                1300,
                false,
                "Họ, chữ đệm, tên: Nguyễn Thị Mai Hương",
            );
            d.text(5000, 78000, 1300, true, "TỜ KHAI ĐĂNG KÝ KHAI SINH");
            d.line((5000, 77000), (50000, 77000), true);
            d.rect(5000, 70000, 1000, 1000);
            d.finish("Tờ khai").unwrap()
        };
        let (a, b) = (make(), make());
        assert_eq!(a, b);
        assert!(a.starts_with(b"%PDF-"));
    }

    #[test]
    fn wrapping_keeps_every_word_and_fits_the_width() {
        let d = Document::new(BUNDLED_FONTS).unwrap();
        let text = "Tôi cam đoan nội dung đề nghị đăng ký khai sinh trên đây là đúng sự thật, được sự thỏa thuận nhất trí của các bên liên quan theo quy định pháp luật.";
        let lines = d.wrap(text, 1300, false, 30000);
        assert!(lines.len() > 1);
        assert_eq!(lines.join(" "), text);
        assert!(lines.iter().all(|l| d.width(l, 1300, false) <= 30000));
    }

    #[test]
    fn every_vietnamese_letter_has_a_glyph_in_both_faces() {
        let letters = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ";
        let all: String = letters
            .chars()
            .chain(crate::engine::text::upper(letters).chars())
            .collect();
        for data in [BUNDLED_FONTS.regular, BUNDLED_FONTS.bold] {
            let f = ttf_parser::Face::parse(data, 0).unwrap();
            let missing: String = all
                .chars()
                .filter(|c| f.glyph_index(*c).is_none())
                .collect();
            assert_eq!(missing, "", "letters without a glyph");
        }
    }

    #[test]
    fn only_a_jpeg_readers_show_unchanged_becomes_a_page() {
        assert!(jpeg_info(b"not a jpeg").is_none());
        // A minimal baseline frame header: 8-bit, 2×1 px, 3 components.
        let jpeg = [0xFF, 0xD8, 0xFF, 0xC0, 0, 11, 8, 0, 1, 0, 2, 3, 1, 0x11, 0];
        assert_eq!(jpeg_info(&jpeg), Some((2, 1, 3)));
        let mut arith = jpeg;
        arith[3] = 0xC9;
        assert!(jpeg_info(&arith).is_none());
    }

    #[test]
    fn photos_spliced_in_leave_every_offset_pointing_at_its_object() {
        // Two pictures of different sizes (the second's length has more digits than the stand-in's).
        let frame = |w: u8, extra: usize| {
            let mut j = vec![0xFF, 0xD8, 0xFF, 0xC0, 0, 11, 8, 0, 1, 0, w, 3, 1, 0x11, 0];
            j.extend(std::iter::repeat_n(0x55, extra));
            std::sync::Arc::new(j)
        };
        let photos = [frame(2, 10), frame(3, 123_456)];
        let mut d = Document::new(BUNDLED_FONTS).unwrap();
        for p in &photos {
            d.jpeg_page(p).unwrap();
        }
        let pdf = d.finish("Ảnh").unwrap();
        let text = String::from_utf8_lossy(&pdf);
        let start: usize = text.rsplit("startxref\n").next().unwrap().trim_end_matches("\n%%EOF").parse().unwrap();
        assert!(pdf[start..].starts_with(b"xref\n0 "));
        let table = String::from_utf8_lossy(&pdf[start..]);
        let mut objects = 0;
        for (id, line) in table.lines().skip(2).take_while(|l| l.len() >= 18).enumerate() {
            if line.ends_with('n') {
                let at: usize = line[..10].parse().unwrap();
                assert!(pdf[at..].starts_with(format!("{id} 0 obj").as_bytes()), "object {id} at {at}");
                objects += 1;
            }
        }
        assert!(objects >= 6);
        // Each photo's stream holds its bytes exactly, under its own length.
        for p in &photos {
            let at = pdf.windows(p.len()).position(|w| w == p.as_slice()).unwrap();
            let head = String::from_utf8_lossy(&pdf[at.saturating_sub(200)..at]);
            assert!(head.contains(&format!("/Length {}", p.len())) && head.ends_with("stream\n"), "{head}");
        }
    }

    #[test]
    fn a_pdf_laid_out_otherwise_is_an_error_never_a_file_with_a_stand_in() {
        let photo = std::sync::Arc::new(vec![0xFF, 0xD8, 0xFF]);
        assert!(splice_images(b"%PDF-1.7\nno stand-in here\n%%EOF".to_vec(), &[photo]).is_err());
    }
}
