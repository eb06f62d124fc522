//! Turning a picked or photographed file into a page of a document: the engine decides
//! (`engine::image::plan`), the browser redraws when told to (`photo.js`).

use crate::engine::image::{self, Plan, JPEG_QUALITY};
use crate::engine::media::{self, MediaType};
use crate::engine::text::I18n;
use crate::ui::drafts::PageFile;
use std::cell::RefCell;
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
        blob: &web_sys::Blob,
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
/// A redrawn photo stays in the browser's keeping (a Blob from the worker), never in the app's.
pub async fn prepare(file: &web_sys::File, already: u64) -> Result<(MediaType, PageFile), I18n> {
    let name = file.name();
    let size = file.size();
    let head = read_head(file, HEAD).await.ok_or_else(|| media::unreadable(&name))?;
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
            drop(bytes);
            let redrawn = match redraw(file, max_side, d.width, d.height, d.scale_down, output.mime(), q, c.orientation, c.width, c.height).await {
                Ok(v) => v.dyn_into::<web_sys::Blob>().ok(),
                Err(_) => None,
            };
            let page = redrawn.map(PageFile::new).ok_or_else(|| media::undecodable(&name))?;
            // Of the type asked for (photo.js and the worker refuse any other): held to the
            // limits by its size.
            media::check_size(page.size, already)?;
            return Ok((output, page));
        }
    };
    let t = media::check_attachment(&name, &bytes, already)?;
    let page = PageFile::of_bytes(&bytes, t).ok_or_else(|| media::unreadable(&name))?;
    Ok((t, page))
}

/// The first `len` bytes of a file.
async fn read_head(blob: &web_sys::Blob, len: f64) -> Option<Vec<u8>> {
    super::web::read_blob(&blob.slice_with_f64_and_f64(0.0, len).ok()?).await
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
    /// Each page's preview; `None` while it is being drawn. A list: a draft has tens of pages,
    /// and a map's code cost the part 1 KB.
    static THUMBS: RefCell<Vec<(u32, Option<String>)>> = const { RefCell::new(Vec::new()) };
}

/// How much of a page is read for its preview's size and orientation: the headers of the app's
/// own redrawn photos and of kept pictures fit.
const THUMB_HEAD: f64 = 64.0 * 1024.0;

/// A small preview of an attached picture (object URL), made once per page.
/// The list of pages is drawn again as pages come, while earlier previews may still be drawing:
/// a page's preview is drawn once, and a second asker waits for it.
pub async fn thumb_url(key: u32, file: &PageFile, media: MediaType) -> Option<String> {
    while let Some(u) = thumb_of(key) {
        match u {
            Some(u) => return Some(u),
            None => gloo::timers::future::TimeoutFuture::new(50).await,
        }
    }
    THUMBS.with(|t| t.borrow_mut().push((key, None)));
    let url = draw_thumb(file, media).await;
    THUMBS.with(|t| {
        let mut t = t.borrow_mut();
        let at = t.iter().position(|x| x.0 == key);
        match (&url, at) {
            (Some(u), Some(i)) => t[i].1 = Some(u.clone()),
            // The page was removed meanwhile (`drop_thumb`).
            (Some(u), None) => super::web::revoke_url(u),
            (None, Some(i)) => {
                t.remove(i);
            }
            (None, None) => {}
        }
    });
    url
}

fn thumb_of(key: u32) -> Option<Option<String>> {
    THUMBS.with(|t| t.borrow().iter().find(|x| x.0 == key).map(|x| x.1.clone()))
}

async fn draw_thumb(file: &PageFile, media: MediaType) -> Option<String> {
    let side = image::PREVIEW_SIDE;
    let head = read_head(file.blob(), THUMB_HEAD).await?;
    let (d, c) = decode_at(media, MediaType::Jpeg, &head, side, image::PREVIEW_DECODE_SCALE);
    thumbnail(file.blob(), media.mime(), side, d.width, d.height, d.scale_down, c.orientation, c.width, c.height)
        .await
        .ok()?
        .as_string()
}

/// Frees a page's preview when the page is removed.
pub fn drop_thumb(key: u32) {
    let gone = THUMBS.with(|t| {
        let mut t = t.borrow_mut();
        let i = t.iter().position(|x| x.0 == key)?;
        t.remove(i).1
    });
    if let Some(u) = gone {
        super::web::revoke_url(&u);
    }
}
