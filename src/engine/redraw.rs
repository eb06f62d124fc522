//! Redraws a JPEG photo without the browser's canvas: decoded straight at 1/2, 1/4 or 1/8 of its
//! size from the compressed blocks (the decoder's scaled inverse DCT), turned upright, resampled
//! to the exact size the engine decided ([`super::image::ImageInfo::redrawn_size`]) a few rows at a
//! time, and encoded again, with the colour profile kept and no other metadata.
//!
//! Built into the photo worker's own small wasm (`src/photo_main.rs`, `public/photo-worker.js`):
//! a 4000×3000 camera photo then never exists in memory at full size, nor as a decoded bitmap, a
//! canvas and the canvas' copy for its encoder at once — the canvas path held about 60 MB per
//! photo at its peak; this one holds the file, the decoder's planes and the scaled pixels (9 MB of
//! RGB for 2000×1500), about 17 MB in all, and a few resampled rows.
//! Progressive, lossless, CMYK and 16-bit JPEGs are left to the browser ([`Failure::Unsupported`]).
//!
//! Depends on nothing else in the engine, so the worker's wasm carries only this file and the
//! two codecs.

use jpeg_decoder::{CodingProcess, Decoder, PixelFormat};
use jpeg_encoder::{rgb_to_ycbcr, ChromaSubsamplingMethod, Encoder, ImageBuffer, JpegColorType};
use std::cell::RefCell;

/// Why a picture was not redrawn here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Failure {
    /// A JPEG this codec does not handle (progressive, lossless, CMYK, 16-bit), or a size it
    /// cannot write: the browser's own decoder should try.
    Unsupported,
    /// Not a JPEG it can read (damaged, truncated): the browser's decoder may still read it.
    Unreadable,
}

/// The most decoded pixel data held at once (the decode at the scale chosen), in bytes.
const MAX_DECODED: usize = 64 << 20;

/// `bytes` (a JPEG whose EXIF orientation is `orientation`, 0 or 1–8) redrawn upright at
/// `width` × `height` px and encoded at `quality` (1–100).
pub fn redraw_jpeg(bytes: &[u8], orientation: u8, width: u32, height: u32, quality: u8) -> Result<Vec<u8>, Failure> {
    if width == 0 || height == 0 || width > u16::MAX as u32 || height > u16::MAX as u32 {
        return Err(Failure::Unsupported);
    }
    let mut d = Decoder::new(bytes);
    d.set_max_decoding_buffer_size(MAX_DECODED);
    d.read_info().map_err(|_| Failure::Unreadable)?;
    let info = d.info().ok_or(Failure::Unreadable)?;
    if info.coding_process != CodingProcess::DctSequential {
        return Err(Failure::Unsupported);
    }
    let channels = match info.pixel_format {
        PixelFormat::L8 => 1,
        PixelFormat::RGB24 => 3,
        _ => return Err(Failure::Unsupported),
    };
    let turned = matches!(orientation, 5..=8);
    // The size asked of the decoder is in the file's own orientation.
    let (sw, sh) = if turned { (height, width) } else { (width, height) };
    let (dw, dh) = d.scale(sw as u16, sh as u16).map_err(|_| Failure::Unreadable)?;
    let pixels = d.decode().map_err(|_| Failure::Unreadable)?;
    let (dw, dh) = (dw as usize, dh as usize);
    if dw == 0 || dh == 0 || pixels.len() < dw * dh * channels {
        return Err(Failure::Unreadable);
    }
    let icc = d.icc_profile();
    drop(d);
    let view = Upright { px: &pixels, w: dw, h: dh, channels, orientation };
    let image = Resampled::new(view, width as usize, height as usize);
    let mut out = Vec::with_capacity(width as usize * height as usize / 4);
    let mut enc = Encoder::new(&mut out, quality.clamp(1, 100));
    enc.set_chroma_subsampling_method(ChromaSubsamplingMethod::Average);
    if let Some(icc) = icc {
        enc.add_icc_profile(&icc).map_err(|_| Failure::Unsupported)?;
    }
    enc.encode_image(image).map_err(|_| Failure::Unsupported)?;
    Ok(out)
}

/// The decoded pixels seen upright: `at(u, v)` is the pixel the EXIF orientation puts at column
/// `u`, row `v` of the upright picture.
struct Upright<'a> {
    px: &'a [u8],
    /// Decoded size, in the file's orientation.
    w: usize,
    h: usize,
    channels: usize,
    orientation: u8,
}

impl Upright<'_> {
    fn size(&self) -> (usize, usize) {
        if matches!(self.orientation, 5..=8) {
            (self.h, self.w)
        } else {
            (self.w, self.h)
        }
    }

    /// Offset of upright pixel (u, v) in the decoded pixels.
    fn at(&self, u: usize, v: usize) -> usize {
        let (w, h) = (self.w, self.h);
        let (x, y) = match self.orientation {
            2 => (w - 1 - u, v),
            3 => (w - 1 - u, h - 1 - v),
            4 => (u, h - 1 - v),
            5 => (v, u),
            6 => (v, h - 1 - u),
            7 => (w - 1 - v, h - 1 - u),
            8 => (w - 1 - v, u),
            _ => (u, v),
        };
        (y * w + x) * self.channels
    }
}

/// For each output position along one axis: the first source position and the weights of those
/// from it on (a triangle filter as wide as the scale, so a reduction averages every source
/// pixel; never narrower than one pixel, so an enlargement interpolates).
fn weights(src: usize, dst: usize) -> Vec<(usize, Vec<f32>)> {
    let scale = src as f32 / dst as f32;
    let radius = scale.max(1.0);
    (0..dst)
        .map(|i| {
            let centre = (i as f32 + 0.5) * scale - 0.5;
            let lo = (centre - radius).floor().max(0.0) as usize;
            let hi = ((centre + radius).ceil() as usize).min(src - 1);
            let mut taps: Vec<(usize, f32)> = (lo..=hi)
                .map(|j| (j, (1.0 - (j as f32 - centre).abs() / radius).max(0.0)))
                .filter(|(_, w)| *w > 0.0)
                .collect();
            if taps.is_empty() {
                taps.push((centre.round().clamp(0.0, (src - 1) as f32) as usize, 1.0));
            }
            let sum: f32 = taps.iter().map(|t| t.1).sum();
            (taps[0].0, taps.iter().map(|t| t.1 / sum).collect())
        })
        .collect()
}

/// The upright picture resampled to `w` × `h`, made row by row as the encoder asks for them:
/// each source row is resampled across once and kept while the next output rows still use it.
/// Where the decoder already made the exact size (a 4000 × 3000 photo at 1/2), the pixels are
/// only turned.
struct Resampled<'a> {
    src: Upright<'a>,
    w: usize,
    h: usize,
    across: Vec<(usize, Vec<f32>)>,
    down: Vec<(usize, Vec<f32>)>,
    exact: bool,
    /// Source rows already resampled across (w × channels values each), the first of them
    /// being source row `.0`; and the output row being summed.
    rows: RefCell<(usize, Vec<Vec<f32>>, Vec<f32>)>,
}

impl<'a> Resampled<'a> {
    fn new(src: Upright<'a>, w: usize, h: usize) -> Self {
        let (sw, sh) = src.size();
        let exact = (sw, sh) == (w, h);
        let rows = RefCell::new((0, Vec::new(), Vec::new()));
        Resampled { across: weights(sw, w), down: weights(sh, h), exact, src, w, h, rows }
    }

    /// Where upright row `v` starts in the decoded pixels, and the distance between its pixels
    /// (a column of the file when turned).
    fn row(&self, v: usize) -> (isize, isize) {
        let base = self.src.at(0, v) as isize;
        let step = if self.src.size().0 > 1 { self.src.at(1, v) as isize - base } else { 0 };
        (base, step)
    }

    /// Source row `v` resampled across, into `out`.
    fn across(&self, v: usize, out: &mut Vec<f32>) {
        let c = self.src.channels;
        out.clear();
        out.resize(self.w * c, 0.0);
        let (base, step) = self.row(v);
        let px = self.src.px;
        for (acc, (first, ws)) in out.chunks_exact_mut(c).zip(&self.across) {
            let mut o = base + *first as isize * step;
            for wt in ws {
                let p = &px[o as usize..o as usize + c];
                for (a, p) in acc.iter_mut().zip(p) {
                    *a += wt * *p as f32;
                }
                o += step;
            }
        }
    }

    /// Output row `y`, summed down from the source rows it draws on, into `out` (w × channels).
    fn summed(&self, y: usize, held: &mut (usize, Vec<Vec<f32>>, Vec<f32>)) {
        let (first, ws) = &self.down[y];
        let (top, rows, out) = held;
        if *first < *top {
            rows.clear(); // the encoder went back (it never does): start again
        }
        // Rows above this output row's first are done with; their buffers are reused.
        let done = first.saturating_sub(*top).min(rows.len());
        let mut spare: Vec<Vec<f32>> = rows.drain(..done).collect();
        *top = if rows.is_empty() { *first } else { *top + done };
        while *top + rows.len() < first + ws.len() {
            let mut buf = spare.pop().unwrap_or_default();
            self.across(*top + rows.len(), &mut buf);
            rows.push(buf);
        }
        out.clear();
        out.resize(self.w * self.src.channels, 0.0);
        for (row, wt) in rows[first - *top..].iter().zip(ws) {
            for (o, s) in out.iter_mut().zip(row) {
                *o += wt * s;
            }
        }
    }
}

/// Pushes one RGB or grey pixel to the encoder's row buffers.
fn push(c: usize, p: &[u8], buffers: &mut [Vec<u8>; 4]) {
    if c == 1 {
        buffers[0].push(p[0]);
    } else {
        let (y, cb, cr) = rgb_to_ycbcr(p[0], p[1], p[2]);
        buffers[0].push(y);
        buffers[1].push(cb);
        buffers[2].push(cr);
    }
}

impl ImageBuffer for Resampled<'_> {
    fn get_jpeg_color_type(&self) -> JpegColorType {
        if self.src.channels == 1 {
            JpegColorType::Luma
        } else {
            JpegColorType::Ycbcr
        }
    }

    fn width(&self) -> u16 {
        self.w as u16
    }

    fn height(&self) -> u16 {
        self.h as u16
    }

    fn fill_buffers(&self, y: u16, buffers: &mut [Vec<u8>; 4]) {
        let c = self.src.channels;
        if self.exact {
            let (base, step) = self.row(y as usize);
            for u in 0..self.w as isize {
                let o = (base + u * step) as usize;
                push(c, &self.src.px[o..o + c], buffers);
            }
            return;
        }
        let mut held = self.rows.borrow_mut();
        self.summed(y as usize, &mut held);
        let mut px = [0u8; 3];
        for s in held.2.chunks_exact(c) {
            // `as` saturates: below 0 is 0, above 255 is 255.
            px.iter_mut().zip(s).for_each(|(p, s)| *p = (s + 0.5) as u8);
            push(c, &px, buffers);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jpeg_encoder::ColorType;

    /// A `w` × `h` RGB picture of four flat quadrants: red top left, green top right, blue
    /// bottom left, white bottom right.
    fn quadrants(w: usize, h: usize) -> Vec<u8> {
        let mut px = Vec::with_capacity(w * h * 3);
        for y in 0..h {
            for x in 0..w {
                px.extend_from_slice(match (x < w / 2, y < h / 2) {
                    (true, true) => &[255, 0, 0],
                    (false, true) => &[0, 255, 0],
                    (true, false) => &[0, 0, 255],
                    (false, false) => &[255, 255, 255],
                });
            }
        }
        px
    }

    fn jpeg(px: &[u8], w: usize, h: usize, ty: ColorType, progressive: bool) -> Vec<u8> {
        let mut out = Vec::new();
        let mut e = Encoder::new(&mut out, 95);
        e.set_progressive(progressive);
        e.encode(px, w as u16, h as u16, ty).unwrap();
        out
    }

    /// Decoded with jpeg-decoder at full size: (width, height, RGB or grey pixels).
    fn read(bytes: &[u8]) -> (usize, usize, Vec<u8>) {
        let mut d = Decoder::new(bytes);
        let px = d.decode().unwrap();
        let i = d.info().unwrap();
        (i.width as usize, i.height as usize, px)
    }

    fn close(a: &[u8], b: &[u8]) -> bool {
        a.iter().zip(b).all(|(x, y)| x.abs_diff(*y) <= 24)
    }

    #[test]
    fn every_orientation_comes_out_upright() {
        // The file holds the picture as the camera stored it; orientation says how to turn it.
        // Upright, every case must show red top left, green top right, blue bottom left.
        let (w, h) = (320, 160);
        let upright = quadrants(w, h);
        let stored = |o: u8| -> (Vec<u8>, usize, usize) {
            let (sw, sh) = if o >= 5 { (h, w) } else { (w, h) };
            let mut px = vec![0u8; w * h * 3];
            // The stored pixel at (x, y) is the upright pixel the orientation maps it to.
            for y in 0..sh {
                for x in 0..sw {
                    let (u, v) = match o {
                        2 => (sw - 1 - x, y),
                        3 => (sw - 1 - x, sh - 1 - y),
                        4 => (x, sh - 1 - y),
                        5 => (y, x),
                        6 => (sh - 1 - y, x),
                        7 => (sh - 1 - y, sw - 1 - x),
                        8 => (y, sw - 1 - x),
                        _ => (x, y),
                    };
                    let s = (v * w + u) * 3;
                    px[(y * sw + x) * 3..][..3].copy_from_slice(&upright[s..s + 3]);
                }
            }
            (px, sw, sh)
        };
        // Half the size (resampled) and the same size (only turned).
        for (tw, th) in [(160, 80), (320, 160)] {
            for o in 1..=8u8 {
                let (px, sw, sh) = stored(o);
                let out = redraw_jpeg(&jpeg(&px, sw, sh, ColorType::Rgb, false), o, tw, th, 90).unwrap();
                let (ow, oh, got) = read(&out);
                assert_eq!((ow, oh), (tw as usize, th as usize), "orientation {o}");
                let at = |x: usize, y: usize| &got[(y * ow + x) * 3..][..3];
                let (l, r, t, b) = (ow / 8, ow * 7 / 8, oh / 8, oh * 7 / 8);
                assert!(close(at(l, t), &[255, 0, 0]), "orientation {o}, {tw}: top left {:?}", at(l, t));
                assert!(close(at(r, t), &[0, 255, 0]), "orientation {o}, {tw}: top right {:?}", at(r, t));
                assert!(close(at(l, b), &[0, 0, 255]), "orientation {o}, {tw}: bottom left {:?}", at(l, b));
                assert!(close(at(r, b), &[255, 255, 255]), "orientation {o}, {tw}: bottom right {:?}", at(r, b));
            }
        }
    }

    #[test]
    fn each_output_pixel_is_centred_on_the_source_pixels_it_covers() {
        // Output pixel i covers source positions [i, i + 1) × scale, so its weights' centre of
        // mass must be (i + 0.5) × scale − 0.5 in pixel-centre coordinates. A triangle sampled at
        // whole pixels is off by up to about 0.02 px (its taps are not placed symmetrically); a
        // half-pixel error in the formula shifts the picture by (scale − 1) / 2: half a pixel at
        // 2:1, which this catches (at 2016 → 2000 it would be 0.004 px, which no one could see).
        for (src, dst) in [(2016, 2000), (4032, 2000), (3000, 1500), (1000, 2000), (7, 3)] {
            let scale = src as f64 / dst as f64;
            let radius = scale.max(1.0);
            for (i, (first, ws)) in weights(src, dst).iter().enumerate() {
                let sum: f64 = ws.iter().map(|w| *w as f64).sum();
                assert!((sum - 1.0).abs() < 1e-5, "{src} → {dst}, pixel {i}: weights sum to {sum}");
                let centre = (i as f64 + 0.5) * scale - 0.5;
                if centre - radius < 0.0 || centre + radius > (src - 1) as f64 {
                    continue; // at the edges the window is cut off, and so not centred
                }
                let mass: f64 = ws.iter().enumerate().map(|(k, w)| (first + k) as f64 * *w as f64).sum();
                assert!((mass - centre).abs() < 0.05, "{src} → {dst}, pixel {i}: centred on {mass}, not {centre}");
            }
        }
    }

    #[test]
    fn a_camera_size_photo_is_decoded_scaled_and_resampled_to_the_exact_size() {
        // 4032 × 3024 decodes at 1/2 (2016 × 1512) and is resampled to 2000 × 1500. A smooth
        // gradient must come out as the same gradient: the resampling neither shifts nor blurs it.
        let (w, h) = (4032, 3024);
        let mut px = Vec::with_capacity(w * h * 3);
        for y in 0..h {
            for x in 0..w {
                px.extend_from_slice(&[(x * 255 / (w - 1)) as u8, (y * 255 / (h - 1)) as u8, 128]);
            }
        }
        let out = redraw_jpeg(&jpeg(&px, w, h, ColorType::Rgb, false), 1, 2000, 1500, 85).unwrap();
        let (ow, oh, got) = read(&out);
        assert_eq!((ow, oh), (2000, 1500));
        let mut worst = 0u8;
        for y in (0..oh).step_by(37) {
            for x in (0..ow).step_by(41) {
                let p = &got[(y * ow + x) * 3..][..3];
                let want = [(x * 255 / (ow - 1)) as u8, (y * 255 / (oh - 1)) as u8, 128];
                worst = worst.max(p.iter().zip(want).map(|(a, b)| a.abs_diff(b)).max().unwrap());
            }
        }
        assert!(worst <= 4, "largest difference from the gradient: {worst}");
    }

    #[test]
    fn grey_stays_grey_and_the_output_carries_no_exif_but_keeps_the_colour_profile() {
        let (w, h) = (64, 48);
        let grey: Vec<u8> = (0..w * h).map(|i| (i % 251) as u8).collect();
        let out = redraw_jpeg(&jpeg(&grey, w, h, ColorType::Luma, false), 0, 32, 24, 85).unwrap();
        assert_eq!(read(&out).0, 32);
        assert_eq!(read(&out).2.len(), 32 * 24, "one channel");

        let mut with_meta = Vec::new();
        let mut e = Encoder::new(&mut with_meta, 90);
        e.add_exif_metadata(b"MM\0*\0\0\0\x08\0\0").unwrap();
        let icc = vec![7u8; 300];
        e.add_icc_profile(&icc).unwrap();
        e.encode(&quadrants(w, h), w as u16, h as u16, ColorType::Rgb).unwrap();
        let out = redraw_jpeg(&with_meta, 1, 32, 24, 85).unwrap();
        assert!(!out.windows(6).any(|s| s == b"Exif\0\0"), "EXIF left in");
        let mut d = Decoder::new(&out[..]);
        d.decode().unwrap();
        assert_eq!(d.icc_profile(), Some(icc));
        assert!(d.exif_data().is_none());
    }

    #[test]
    fn what_it_cannot_do_is_left_to_the_browser() {
        let px = quadrants(64, 48);
        let progressive = jpeg(&px, 64, 48, ColorType::Rgb, true);
        assert_eq!(redraw_jpeg(&progressive, 1, 32, 24, 85), Err(Failure::Unsupported));
        let plain = jpeg(&px, 64, 48, ColorType::Rgb, false);
        assert_eq!(redraw_jpeg(&plain[..plain.len() / 3], 1, 32, 24, 85), Err(Failure::Unreadable));
        assert_eq!(redraw_jpeg(b"not a picture", 1, 32, 24, 85), Err(Failure::Unreadable));
        assert_eq!(redraw_jpeg(&plain, 1, 0, 24, 85), Err(Failure::Unsupported));
    }
}
