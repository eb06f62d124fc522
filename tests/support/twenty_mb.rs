//! The 20 MB package both speed benchmarks build (`benches/speed.rs` natively,
//! `tests/bench_browser.rs` in the browser): ten 2 MB "photos" of the birth notice, JPEG magic
//! then xorshift noise, so neither compression nor a cache flatters the figures.

use hoso::engine::package::Attachment;

pub fn photos() -> Vec<Attachment> {
    (0..10u32)
        .map(|i| {
            let mut bytes = vec![0xFF, 0xD8, 0xFF, 0xE0];
            let mut x = 0x9E37_79B9u32.wrapping_mul(i + 1);
            bytes.extend((0..2_000_000).map(|_| {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                x as u8
            }));
            Attachment {
                document_id: "giay-chung-sinh".into(),
                name: format!("page{i}.jpg"),
                bytes: bytes.into(),
            }
        })
        .collect()
}
