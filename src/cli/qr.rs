//! `hoso qr decode <code>… [--json] [--lang …] [--today yyyy-mm-dd]`: the answers a resident's
//! counter QR codes carry (`engine::counter`), read back and checked under the catalog's rules, as
//! the staff page does with a scanner. Each argument is one code's text (a scanner's output),
//! `@file` (one code per line), or a PNG or JPEG picture of one or more codes (a screenshot, a
//! photo of the resident's screen), read here with `rqrr`.
//!
//! `hoso qr image <code> -o <file.png|file.svg> [--scale <px>]`: one code's text drawn as a QR
//! code (error correction M, as the confirmation page draws it), `scale` pixels a module.

use super::validate::{issues_json, severity};
use super::{fail, Args, Outcome};
use crate::engine::catalog::Catalog;
use crate::engine::counter;
use crate::engine::text::Lang;
use crate::engine::units::AdminUnits;
use crate::engine::validate::{validate, Context};
use crate::i18n;
use lexopt::prelude::*;
use serde_json::json;
use std::fmt::Write as _;

/// Pictures larger than this are refused before reading (a phone photo is a few MB).
const MAX_IMAGE_BYTES: u64 = 30_000_000;
/// Nor more pixels than this once decoded (a 48-megapixel phone photo).
const MAX_PIXELS: u64 = 50_000_000;

enum Options {
    Decode {
        codes: Vec<String>,
        json: bool,
        lang: Lang,
        today: Option<crate::engine::date::Date>,
    },
    Image {
        code: String,
        out: String,
        scale: u32,
    },
}

fn parse(args: &[String]) -> Result<Options, Outcome> {
    let mut a = Args::new("qr", args);
    let (mut json, mut lang, mut today, mut out, mut scale) =
        (false, Lang::default(), None, None, None);
    let mut positional = Vec::new();
    while let Some(arg) = a.next()? {
        match arg {
            Long("json") => json = true,
            Long("lang") => lang = a.lang()?,
            Long("today") => today = Some(a.today()?),
            Short('o') | Long("output") => out = Some(a.value("-o needs a file name")?),
            Long("scale") => {
                let v = a.value("--scale needs a number of pixels (1 to 40)")?;
                scale = Some(
                    v.parse::<u32>()
                        .ok()
                        .filter(|s| (1..=40).contains(s))
                        .ok_or_else(|| {
                            fail(
                                2,
                                format!("--scale {v}: use a number of pixels from 1 to 40"),
                            )
                        })?,
                );
            }
            Value(v) => positional.push(a.positional(v)?),
            other => {
                let e = other.unexpected();
                return Err(a.refuse(e));
            }
        }
    }
    let usage = || fail(2, super::command_usage("qr"));
    match positional.first().map(String::as_str) {
        Some("decode") if positional.len() >= 2 && out.is_none() && scale.is_none() => {
            let mut codes = Vec::new();
            for p in &positional[1..] {
                codes.extend(read_codes(p)?);
            }
            Ok(Options::Decode {
                codes,
                json,
                lang,
                today,
            })
        }
        Some("image") if positional.len() == 2 && !json => match out {
            Some(out) => Ok(Options::Image {
                code: positional[1].clone(),
                out,
                scale: scale.unwrap_or(8),
            }),
            None => Err(usage()),
        },
        _ => Err(usage()),
    }
}

/// The codes one argument of `qr decode` gives: `@file` (one a line), a picture's codes, or the
/// argument itself.
fn read_codes(arg: &str) -> Result<Vec<String>, Outcome> {
    if let Some(path) = arg.strip_prefix('@') {
        let text =
            std::fs::read_to_string(path).map_err(|e| fail(2, format!("qr: {path}: {e}")))?;
        return Ok(text
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(str::to_string)
            .collect());
    }
    // A code's text is never a file's name (it has no such file); a picture is read as one.
    if !arg.starts_with(counter::PREFIX) && std::path::Path::new(arg).is_file() {
        return picture_codes(arg);
    }
    Ok(vec![arg.to_string()])
}

/// The texts of the QR codes in a PNG or JPEG picture.
fn picture_codes(path: &str) -> Result<Vec<String>, Outcome> {
    let refuse = |why: &str| fail(2, format!("qr: {path}: {why}"));
    let size = std::fs::metadata(path)
        .map_err(|e| refuse(&e.to_string()))?
        .len();
    if size > MAX_IMAGE_BYTES {
        return Err(refuse("larger than 30 MB"));
    }
    let bytes = std::fs::read(path).map_err(|e| refuse(&e.to_string()))?;
    let (w, h, grey) = if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        png_grey(&bytes).map_err(|e| refuse(&format!("not a readable PNG ({e})")))?
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        jpeg_grey(&bytes).map_err(|e| refuse(&format!("not a readable JPEG ({e})")))?
    } else {
        return Err(refuse(
            "not a PNG or JPEG picture, nor a code's text (codes start with HS1:)",
        ));
    };
    let codes = decode_grey(w, h, &grey);
    if codes.is_empty() {
        return Err(refuse("no QR code found in the picture"));
    }
    Ok(codes)
}

/// The texts of the QR codes found in a greyscale picture (one byte a pixel, rows from the top),
/// left to right and top to bottom as `rqrr` finds them; codes it finds but cannot read are left
/// out.
pub fn decode_grey(w: usize, h: usize, grey: &[u8]) -> Vec<String> {
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| grey[y * w + x]);
    img.detect_grids()
        .into_iter()
        .filter_map(|g| g.decode().ok().map(|(_, text)| text))
        .collect()
}

fn too_large(w: u64, h: u64) -> Result<(), String> {
    if w * h > MAX_PIXELS {
        return Err(format!("{w}×{h} pixels, more than 50 megapixels"));
    }
    Ok(())
}

/// Luma of a pixel (ITU-R BT.601), on white where it is transparent.
fn luma(r: u8, g: u8, b: u8, a: u8) -> u8 {
    let y = (299 * u32::from(r) + 587 * u32::from(g) + 114 * u32::from(b)) / 1000;
    ((y * u32::from(a) + 255 * (255 - u32::from(a))) / 255) as u8
}

/// A PNG of any colour type and depth as 8-bit grey.
fn png_grey(bytes: &[u8]) -> Result<(usize, usize, Vec<u8>), String> {
    let mut d = png::Decoder::new(std::io::Cursor::new(bytes));
    d.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = d.read_info().map_err(|e| e.to_string())?;
    let (w, h) = (reader.info().width, reader.info().height);
    too_large(u64::from(w), u64::from(h))?;
    let mut buf = vec![0; reader.output_buffer_size().ok_or("too large")?];
    let frame = reader.next_frame(&mut buf).map_err(|e| e.to_string())?;
    let (w, h) = (frame.width as usize, frame.height as usize);
    let data = &buf[..frame.buffer_size()];
    let row = frame.line_size;
    let px = |x: usize, y: usize| -> u8 {
        let p = &data[y * row..];
        match frame.color_type {
            png::ColorType::Grayscale => p[x],
            png::ColorType::GrayscaleAlpha => luma(p[2 * x], p[2 * x], p[2 * x], p[2 * x + 1]),
            png::ColorType::Rgb => luma(p[3 * x], p[3 * x + 1], p[3 * x + 2], 255),
            png::ColorType::Rgba => luma(p[4 * x], p[4 * x + 1], p[4 * x + 2], p[4 * x + 3]),
            // Expanded to RGB(A) by `normalize_to_color8`: never seen here.
            png::ColorType::Indexed => p[x],
        }
    };
    let grey = (0..h)
        .flat_map(|y| (0..w).map(move |x| (x, y)))
        .map(|(x, y)| px(x, y))
        .collect();
    Ok((w, h, grey))
}

/// A JPEG (baseline or progressive; grey, colour or CMYK) as 8-bit grey.
fn jpeg_grey(bytes: &[u8]) -> Result<(usize, usize, Vec<u8>), String> {
    let mut d = jpeg_decoder::Decoder::new(bytes);
    d.read_info().map_err(|e| e.to_string())?;
    let info = d.info().ok_or("no header")?;
    too_large(u64::from(info.width), u64::from(info.height))?;
    let pixels = d.decode().map_err(|e| e.to_string())?;
    let (w, h) = (usize::from(info.width), usize::from(info.height));
    let grey = match info.pixel_format {
        jpeg_decoder::PixelFormat::L8 => pixels,
        jpeg_decoder::PixelFormat::L16 => pixels.chunks_exact(2).map(|p| p[0]).collect(),
        jpeg_decoder::PixelFormat::RGB24 => pixels
            .chunks_exact(3)
            .map(|p| luma(p[0], p[1], p[2], 255))
            .collect(),
        // Ink amounts (the decoder undoes Adobe's inverted storage): 255 is full ink.
        jpeg_decoder::PixelFormat::CMYK32 => pixels
            .chunks_exact(4)
            .map(|p| {
                let paper = |v: u8| ((255 - u32::from(v)) * (255 - u32::from(p[3])) / 255) as u8;
                luma(paper(p[0]), paper(p[1]), paper(p[2]), 255)
            })
            .collect(),
    };
    if grey.len() != w * h {
        return Err("unexpected pixel data".into());
    }
    Ok((w, h, grey))
}

/// The QR code of `text` as an 8-bit grey PNG, `scale` pixels a module, with a 4-module quiet zone.
pub fn png(text: &str, scale: u32) -> Option<Vec<u8>> {
    let (w, runs) = crate::engine::qr::runs(text)?;
    let side = (w as u32 + 8) * scale;
    let mut px = vec![255u8; (side * side) as usize];
    for (x, y, run) in runs {
        for dy in 0..scale {
            let row = ((y as u32 + 4) * scale + dy) * side;
            let from = row + (x as u32 + 4) * scale;
            px[from as usize..(from + run as u32 * scale) as usize].fill(0);
        }
    }
    let mut out = Vec::new();
    let mut e = png::Encoder::new(&mut out, side, side);
    e.set_color(png::ColorType::Grayscale);
    e.set_depth(png::BitDepth::Eight);
    e.set_compression(png::Compression::High);
    let mut w = e.write_header().ok()?;
    w.write_image_data(&px).ok()?;
    w.finish().ok()?;
    Some(out)
}

fn image(code: &str, out: &str, scale: u32) -> Outcome {
    let bytes = if out.to_ascii_lowercase().ends_with(".svg") {
        crate::engine::qr::svg(
            code,
            (crate::engine::qr::runs(code).map_or(0, |r| r.0 as u32) + 8) * scale,
            code,
        )
        .map(String::into_bytes)
    } else {
        png(code, scale)
    };
    let Some(bytes) = bytes else {
        return fail(2, "qr: the text is too long for one QR code");
    };
    if let Err(e) = std::fs::write(out, &bytes) {
        return fail(2, format!("cannot write {out}: {e}"));
    }
    super::ok(format!("{out}\n"))
}

pub fn run(args: &[String]) -> Outcome {
    match parse(args) {
        Ok(Options::Decode {
            codes,
            json,
            lang,
            today,
        }) => decode(&codes, json, lang, today),
        Ok(Options::Image { code, out, scale }) => image(&code, &out, scale),
        Err(e) => e,
    }
}

fn decode(
    codes: &[String],
    json: bool,
    lang: Lang,
    today: Option<crate::engine::date::Date>,
) -> Outcome {
    let texts: Vec<&str> = codes.iter().map(String::as_str).collect();
    let payload = match counter::decode(&texts) {
        Ok(p) => p,
        Err(m) => return fail(2, format!("qr: {}", m.get(lang))),
    };
    let Some(p) = Catalog::bundled().procedure(&payload.procedure) else {
        return fail(
            2,
            format!("qr: unknown procedure \"{}\"", payload.procedure),
        );
    };
    let ctx = Context {
        today: today.unwrap_or_else(super::today_vn),
        units: Some(AdminUnits::bundled()),
    };
    let out = validate(p, &payload.answers, &ctx);
    let errors = out.errors().count();
    let stdout = if json {
        super::pretty(&json!({
            "procedure": p.id,
            "national_code": p.national_codes.first(),
            "reference": payload.reference,
            "package_id": payload.package_id,
            "catalog_version": payload.catalog_version,
            "valid": errors == 0,
            "issues": issues_json(&out.issues, lang),
            "answers": payload.answers,
            "checklist": p.checklist(&out.canonical).iter().map(|d| d.id.clone()).collect::<Vec<_>>(),
        }))
    } else {
        let mut s = String::new();
        let verdict = match errors {
            0 => i18n::CLI_VALID.get(lang).to_string(),
            n => i18n::CLI_ERRORS.fill(lang, &[("count", n.into())]),
        };
        let _ = writeln!(
            s,
            "{} {} ({}): {verdict}",
            payload.reference,
            p.name.get(lang),
            p.id
        );
        for i in &out.issues {
            let _ = writeln!(
                s,
                "{:<8}{:<22}{}",
                severity(i.severity),
                i.field,
                i.message.get(lang)
            );
        }
        for (k, v) in &payload.answers {
            let _ = writeln!(s, "{k}: {v}");
        }
        s
    };
    Outcome {
        code: if errors == 0 { 0 } else { 1 },
        stdout,
        stderr: String::new(),
    }
}
