//! A minimal zip writer for stored (uncompressed) entries — all a package needs, since photos and
//! PDFs are compressed already. Output depends only on the entries: fixed 1980-01-01 timestamps,
//! Unix 0644 permissions, UTF-8 names, no extra fields, no data descriptors, no zip64.
//!
//! Written here instead of using the `zip` crate in the browser: that crate's writer and its CRC
//! tables cost ~25 KB gzip of wasm (see docs/size.md). The `zip` crate still reads packages back
//! in native tests, so every package written here is checked by an independent reader.

use super::parts::{Part, Parts};
use std::sync::Arc;

/// The largest package this writer accepts (zip without zip64 stops at 4 GiB).
pub const MAX_TOTAL: usize = u32::MAX as usize - 1024 * 1024;

/// Slicing-by-8 tables, computed once at first use (8 KB of memory rather than 8 KB of wasm).
fn crc_tables() -> &'static [[u32; 256]; 8] {
    use std::sync::OnceLock;
    static TABLES: OnceLock<[[u32; 256]; 8]> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut t = [[0u32; 256]; 8];
        for i in 0..256 {
            let mut c = i as u32;
            for _ in 0..8 {
                c = if c & 1 != 0 {
                    0xEDB8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
            }
            t[0][i] = c;
        }
        for i in 0..256 {
            for k in 1..8 {
                let prev = t[k - 1][i];
                t[k][i] = t[0][(prev & 0xFF) as usize] ^ (prev >> 8);
            }
        }
        t
    })
}

/// CRC-32 (IEEE 802.3), as zip requires; eight bytes at a time.
pub fn crc32(bytes: &[u8]) -> u32 {
    let t = crc_tables();
    let mut c = 0xFFFF_FFFFu32;
    let mut chunks = bytes.chunks_exact(8);
    for ch in &mut chunks {
        let lo = c ^ u32::from_le_bytes([ch[0], ch[1], ch[2], ch[3]]);
        let hi = u32::from_le_bytes([ch[4], ch[5], ch[6], ch[7]]);
        c = t[7][(lo & 0xFF) as usize]
            ^ t[6][((lo >> 8) & 0xFF) as usize]
            ^ t[5][((lo >> 16) & 0xFF) as usize]
            ^ t[4][(lo >> 24) as usize]
            ^ t[3][(hi & 0xFF) as usize]
            ^ t[2][((hi >> 8) & 0xFF) as usize]
            ^ t[1][((hi >> 16) & 0xFF) as usize]
            ^ t[0][(hi >> 24) as usize];
    }
    for &b in chunks.remainder() {
        c = t[0][((c ^ b as u32) & 0xFF) as usize] ^ (c >> 8);
    }
    c ^ 0xFFFF_FFFF
}

pub const DOS_DATE_1980_01_01: u16 = 0x0021;
pub const FLAG_UTF8: u16 = 0x0800;
pub const VERSION: u16 = 20;

/// A zip as [`ZipWriter::finish_parts`] made it: its bytes in order, in parts, the files given
/// with [`ZipWriter::add_shared`] shared rather than copied.
pub type Zip = Parts;

pub struct ZipWriter {
    /// What was written since the last shared part.
    out: Vec<u8>,
    /// Written before `out`, in parts.
    done: Vec<Part>,
    /// The length of `done`'s parts.
    done_len: usize,
    central: Vec<u8>,
    entries: u16,
}

impl ZipWriter {
    /// A writer whose own buffer starts with room for `bytes` (what it will copy: headers and the
    /// files given as slices).
    pub fn with_capacity(bytes: usize) -> ZipWriter {
        ZipWriter {
            out: Vec::with_capacity(bytes),
            done: Vec::new(),
            done_len: 0,
            central: Vec::new(),
            entries: 0,
        }
    }

    /// Appends one stored entry, copying its bytes.
    pub fn add(&mut self, name: &str, data: &[u8]) -> Result<(), String> {
        self.header(name, data)?;
        self.out.extend_from_slice(data);
        Ok(())
    }

    /// Appends one stored entry whose bytes the zip shares rather than copies.
    pub fn add_shared(&mut self, name: &str, data: &Arc<Vec<u8>>) -> Result<(), String> {
        self.header(name, data)?;
        let own = std::mem::take(&mut self.out);
        self.done_len += own.len() + data.len();
        self.done.push(Part::Own(own));
        self.done.push(Part::Shared(data.clone()));
        Ok(())
    }

    /// Writes an entry's local header and its central directory record; its data comes next.
    fn header(&mut self, name: &str, data: &[u8]) -> Result<(), String> {
        if name.is_empty() || name.len() > u16::MAX as usize {
            return Err(format!("bad entry name length {}", name.len()));
        }
        let written = self.done_len + self.out.len();
        if self.entries == u16::MAX || written + data.len() + self.central.len() > MAX_TOTAL {
            return Err("package too large for a zip without zip64".into());
        }
        let offset = written as u32;
        let crc = crc32(data);
        let size = data.len() as u32;
        let name_len = name.len() as u16;
        let o = &mut self.out;
        o.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        for v in [VERSION, FLAG_UTF8, 0, 0, DOS_DATE_1980_01_01] {
            o.extend_from_slice(&v.to_le_bytes());
        }
        for v in [crc, size, size] {
            o.extend_from_slice(&v.to_le_bytes());
        }
        o.extend_from_slice(&name_len.to_le_bytes());
        o.extend_from_slice(&0u16.to_le_bytes());
        o.extend_from_slice(name.as_bytes());

        let c = &mut self.central;
        c.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        // Made by: Unix (3), spec 2.0; needed: 2.0.
        for v in [
            (3 << 8) | VERSION,
            VERSION,
            FLAG_UTF8,
            0,
            0,
            DOS_DATE_1980_01_01,
        ] {
            c.extend_from_slice(&v.to_le_bytes());
        }
        for v in [crc, size, size] {
            c.extend_from_slice(&v.to_le_bytes());
        }
        for v in [name_len, 0, 0, 0, 0] {
            c.extend_from_slice(&v.to_le_bytes());
        }
        // External attributes: regular file, rw-r--r--.
        c.extend_from_slice(&((0o100644u32) << 16).to_le_bytes());
        c.extend_from_slice(&offset.to_le_bytes());
        c.extend_from_slice(name.as_bytes());
        self.entries += 1;
        Ok(())
    }

    /// The whole zip in one buffer.
    pub fn finish(self) -> Vec<u8> {
        self.finish_parts().to_vec()
    }

    /// The zip in parts, sharing the files given with [`Self::add_shared`].
    pub fn finish_parts(mut self) -> Zip {
        let cd_offset = (self.done_len + self.out.len()) as u32;
        let cd_size = self.central.len() as u32;
        self.out.extend_from_slice(&self.central);
        let o = &mut self.out;
        o.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
        for v in [0u16, 0, self.entries, self.entries] {
            o.extend_from_slice(&v.to_le_bytes());
        }
        o.extend_from_slice(&cd_size.to_le_bytes());
        o.extend_from_slice(&cd_offset.to_le_bytes());
        o.extend_from_slice(&0u16.to_le_bytes());
        let mut parts = self.done;
        parts.push(Part::Own(self.out));
        parts.retain(|p| !matches!(p, Part::Own(v) if v.is_empty()));
        Parts { parts }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn shared_and_copied_entries_make_the_same_zip() {
        let big = Arc::new((0..5000u32).map(|i| (i * 7) as u8).collect::<Vec<u8>>());
        let mut copied = ZipWriter::with_capacity(0);
        let mut shared = ZipWriter::with_capacity(0);
        for w in [&mut copied, &mut shared] {
            w.add("a.json", b"{}").unwrap();
        }
        copied.add("b.jpg", &big).unwrap();
        shared.add_shared("b.jpg", &big).unwrap();
        for w in [&mut copied, &mut shared] {
            w.add("c.txt", b"end").unwrap();
        }
        let (copied, shared) = (copied.finish_parts(), shared.finish_parts());
        assert_eq!(copied, shared);
        assert_eq!(copied.parts().count(), 1);
        // Before the photo, the photo itself (the same memory), after it.
        let parts: Vec<&[u8]> = shared.parts().collect();
        assert_eq!(parts.len(), 3);
        assert!(std::ptr::eq(parts[1].as_ptr(), big.as_ptr()));
        let mut written = Vec::new();
        shared.write_to(&mut written).unwrap();
        assert_eq!(written, copied.to_vec());
        // An independent reader reads it.
        let mut z = zip::ZipArchive::new(std::io::Cursor::new(written)).unwrap();
        let mut b = Vec::new();
        z.by_name("b.jpg").unwrap().read_to_end(&mut b).unwrap();
        assert_eq!(b, *big);
    }

    #[test]
    fn crc_matches_the_standard_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
        assert_eq!(
            crc32(b"The quick brown fox jumps over the lazy dog"),
            0x414F_A339
        );
        // Every length around the 8-byte stride agrees with the bytewise definition.
        let data: Vec<u8> = (0..100u32).map(|i| (i * 37 % 251) as u8).collect();
        for n in 0..data.len() {
            let mut c = 0xFFFF_FFFFu32;
            for &b in &data[..n] {
                c ^= b as u32;
                for _ in 0..8 {
                    c = if c & 1 != 0 {
                        0xEDB8_8320 ^ (c >> 1)
                    } else {
                        c >> 1
                    };
                }
            }
            assert_eq!(crc32(&data[..n]), c ^ 0xFFFF_FFFF, "length {n}");
        }
    }

    #[test]
    fn the_zip_crate_reads_what_we_write() {
        let mut w = ZipWriter::with_capacity(100);
        w.add("manifest.json", b"{}").unwrap();
        w.add(
            "documents/giay-chung-sinh/01.jpg",
            &[0xFF, 0xD8, 0xFF, 1, 2, 3],
        )
        .unwrap();
        w.add("tên-tiếng-việt.txt", b"").unwrap();
        let bytes = w.finish();
        let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        assert_eq!(z.len(), 3);
        let mut f = z.by_name("documents/giay-chung-sinh/01.jpg").unwrap();
        let mut v = Vec::new();
        f.read_to_end(&mut v).unwrap();
        assert_eq!(v, [0xFF, 0xD8, 0xFF, 1, 2, 3]);
        assert_eq!(f.unix_mode(), Some(0o100644));
        drop(f);
        assert!(z.by_name("tên-tiếng-việt.txt").is_ok());
    }
}
