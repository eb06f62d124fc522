//! The photo worker's codec: `engine/redraw.rs` alone, built for wasm32 by scripts/build/build.sh
//! into `dist/photo-codec.wasm` and run by `public/photo-worker.js` (no wasm-bindgen: six plain
//! exports over the module's memory). It carries nothing else of the app.
//!
//! The worker copies the picked file in (`alloc`), calls `redraw`, copies the JPEG out
//! (`out_ptr`, `out_len`) and frees both (`dealloc`, `out_free`).
#![cfg_attr(target_arch = "wasm32", no_main)]

#[allow(dead_code)]
#[path = "engine/redraw.rs"]
mod redraw;

#[cfg(target_arch = "wasm32")]
mod exports {
    use super::redraw::{redraw_jpeg, Failure};
    use std::cell::RefCell;

    thread_local! {
        static OUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    }

    /// `len` bytes for the worker to write the photo into.
    #[unsafe(no_mangle)]
    pub extern "C" fn alloc(len: usize) -> *mut u8 {
        let mut v = Vec::<u8>::with_capacity(len);
        let p = v.as_mut_ptr();
        std::mem::forget(v);
        p
    }

    /// Frees what `alloc` gave.
    #[unsafe(no_mangle)]
    pub extern "C" fn dealloc(ptr: *mut u8, len: usize) {
        // SAFETY: `ptr` and `len` are those `alloc` returned and was given.
        drop(unsafe { Vec::from_raw_parts(ptr, 0, len) });
    }

    /// Redraws the `len` bytes at `ptr` (see [`redraw_jpeg`]): 0 when done (the JPEG is at
    /// `out_ptr`), 1 when the browser should try ([`Failure::Unsupported`]), 2 when the file
    /// cannot be read ([`Failure::Unreadable`]).
    #[unsafe(no_mangle)]
    pub extern "C" fn redraw(ptr: *const u8, len: usize, orientation: u32, width: u32, height: u32, quality: u32) -> u32 {
        // SAFETY: the worker wrote `len` bytes at `ptr`, from `alloc`.
        let bytes = unsafe { std::slice::from_raw_parts(ptr, len) };
        match redraw_jpeg(bytes, orientation.min(8) as u8, width, height, quality.min(100) as u8) {
            Ok(v) => {
                OUT.with(|o| *o.borrow_mut() = v);
                0
            }
            Err(Failure::Unsupported) => 1,
            Err(Failure::Unreadable) => 2,
        }
    }

    #[unsafe(no_mangle)]
    pub extern "C" fn out_ptr() -> *const u8 {
        OUT.with(|o| o.borrow().as_ptr())
    }

    #[unsafe(no_mangle)]
    pub extern "C" fn out_len() -> usize {
        OUT.with(|o| o.borrow().len())
    }

    /// Frees the last redrawn JPEG.
    #[unsafe(no_mangle)]
    pub extern "C" fn out_free() {
        OUT.with(|o| *o.borrow_mut() = Vec::new());
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("hoso-photo is the photo worker's codec, built for wasm32 by scripts/build/build.sh; the command-line tool is `hoso`.");
    std::process::exit(2);
}
