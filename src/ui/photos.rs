//! Turning a picked or photographed file into a page of a document: the engine decides
//! (`engine::image::plan`), the browser redraws when told to (`photo.js`).

use crate::engine::image::{self, Plan, JPEG_QUALITY};
use crate::engine::media::{self, MediaType};
use crate::engine::text::I18n;
use std::cell::RefCell;
use std::collections::BTreeMap;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/ui/photo.js")]
extern "C" {
    #[wasm_bindgen(catch)]
    async fn redraw(
        blob: &web_sys::Blob,
        max_side: u32,
        width: u32,
        height: u32,
        scale_down: u8,
        out_mime: &str,
        quality: f64,
        codec_orientation: u8,
        codec_width: u32,
        codec_height: u32,
    ) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    async fn thumbnail(
        bytes: &[u8],
        mime: &str,
        side: u32,
        width: u32,
        height: u32,
        scale_down: u8,
        codec_orientation: u8,
        codec_width: u32,
        codec_height: u32,
    ) -> Result<JsValue, JsValue>;
}

/// How much of a file is read to decide what to do with it: the headers (EXIF included) of any
/// camera JPEG fit; a larger image is redrawn by the browser straight from the file.
const HEAD: f64 = 256.0 * 1024.0;

/// Checks, downscales and strips one file; `already` = bytes attached so far to this package.
pub async fn prepare(file: &web_sys::File, already: u64) -> Result<(MediaType, Vec<u8>), I18n> {
    let name = file.name();
    let size = file.size();
    let head = match file.slice_with_f64_and_f64(0.0, HEAD) {
        Ok(b) => super::web::read_blob(&b).await,
        Err(_) => None,
    }
    .ok_or_else(|| media::unreadable(&name))?;
    let t = media::sniff(&name, &head)?;
    let mut plan = image::plan(t, &head);
    let mut bytes = head;
    if size > HEAD && !matches!(plan, Plan::Redraw { .. }) {
        // Keep or strip: the whole file is needed (a PDF, or a picture of at most 2000 px).
        bytes = super::web::read_blob(file)
            .await
            .ok_or_else(|| media::unreadable(&name))?;
        plan = image::plan(t, &bytes);
    }
    let bytes = match plan {
        Plan::Keep => bytes,
        Plan::Strip => image::strip(t, &bytes).unwrap_or(bytes),
        Plan::Redraw { max_side, output } => {
            let q = JPEG_QUALITY as f64 / 100.0;
            // What to decode, when the header says the size: the worker's codec or the browser
            // then decodes straight to it (a scaled JPEG decode), never holding the full picture.
            let (d, c) = decode_at(t, output, &bytes, max_side, image::PAGE_DECODE_SCALE);
            let redrawn = match redraw(file, max_side, d.width, d.height, d.scale_down, output.mime(), q, c.orientation, c.width, c.height).await {
                // Already a Uint8Array: `Uint8Array::new` would first copy it in JavaScript, 0.7 MB
                // a photo for the garbage collector.
                Ok(v) => v.dyn_into::<js_sys::Uint8Array>().ok().map(|v| v.to_vec()),
                Err(_) => None,
            };
            redrawn.ok_or_else(|| media::undecodable(&name))?
        }
    };
    let t = media::check_attachment(&name, &bytes, already)?;
    Ok((t, bytes))
}

/// The engine's [`image::ImageInfo::decode_at`], 0 × 0 when the header cannot be read (the
/// browser then decodes at full size); and its [`image::ImageInfo::codec_job`] for the photo
/// worker's codec, 0 × 0 when there is none (photo.js then draws on a canvas).
fn decode_at(media: MediaType, output: MediaType, bytes: &[u8], max_side: u32, coarsest: u8) -> (image::DecodeAt, image::CodecJob) {
    let none = image::CodecJob { orientation: 0, width: 0, height: 0 };
    let Some(i) = image::inspect(media, bytes) else {
        return (image::DecodeAt { width: 0, height: 0, scale_down: 1 }, none);
    };
    let codec = i.codec_job(media, output, max_side).unwrap_or(none);
    (i.decode_at(media, max_side, coarsest), codec)
}

thread_local! {
    static THUMBS: RefCell<BTreeMap<u32, String>> = const { RefCell::new(BTreeMap::new()) };
}

/// A small preview of an attached picture (object URL), made once per page.
pub async fn thumb_url(key: u32, bytes: &[u8], media: MediaType) -> Option<String> {
    if let Some(u) = THUMBS.with(|t| t.borrow().get(&key).cloned()) {
        return Some(u);
    }
    let side = image::PREVIEW_SIDE;
    let (d, c) = decode_at(media, MediaType::Jpeg, bytes, side, image::PREVIEW_DECODE_SCALE);
    let url = thumbnail(bytes, media.mime(), side, d.width, d.height, d.scale_down, c.orientation, c.width, c.height)
        .await
        .ok()?
        .as_string()?;
    THUMBS.with(|t| t.borrow_mut().insert(key, url.clone()));
    Some(url)
}

/// Frees a page's preview when the page is removed.
pub fn drop_thumb(key: u32) {
    if let Some(u) = THUMBS.with(|t| t.borrow_mut().remove(&key)) {
        super::web::revoke_url(&u);
    }
}
