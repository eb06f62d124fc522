//! Turning a picked or photographed file into a page of a document: the engine decides
//! (`engine::image::plan`), the browser redraws when told to (`photo.js`).

use crate::engine::image::{self, Plan, JPEG_QUALITY};
use crate::engine::media::{self, MediaType};
use crate::engine::text::I18n;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/ui/photo.js")]
extern "C" {
    #[wasm_bindgen(catch)]
    async fn redraw(bytes: &[u8], mime: &str, max_side: u32, out_mime: &str, quality: f64) -> Result<JsValue, JsValue>;
}

/// Checks, downscales and strips one file; `already` = bytes attached so far (all documents).
pub async fn prepare(name: &str, bytes: Vec<u8>, already: u64) -> Result<(MediaType, Vec<u8>), I18n> {
    let t = media::sniff(name, &bytes)?;
    let bytes = match image::plan(t, &bytes) {
        Plan::Keep => bytes,
        Plan::Strip => image::strip(t, &bytes).unwrap_or(bytes),
        Plan::Redraw { max_side, output } => {
            let q = JPEG_QUALITY as f64 / 100.0;
            match redraw(&bytes, t.mime(), max_side, output.mime(), q).await {
                Ok(v) => js_sys::Uint8Array::new(&v).to_vec(),
                Err(_) => return Err(media::undecodable(name)),
            }
        }
    };
    let t = media::check_attachment(name, &bytes, already)?;
    Ok((t, bytes))
}
