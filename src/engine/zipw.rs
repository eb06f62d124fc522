//! A minimal zip writer for stored (uncompressed) entries — all a package needs, since photos and
//! PDFs are compressed already. Output depends only on the entries: fixed 1980-01-01 timestamps,
//! Unix 0644 permissions, UTF-8 names, no extra fields, no data descriptors, no zip64.
//!
//! Written here instead of using the `zip` crate in the browser: that crate's writer and its CRC
//! tables cost ~25 KB gzip of wasm (see docs/size.md). The `zip` crate still reads packages back
//! in native tests, so every package written here is checked by an independent reader.

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

pub struct ZipWriter {
    out: Vec<u8>,
    central: Vec<u8>,
    entries: u16,
}

impl ZipWriter {
    pub fn with_capacity(bytes: usize) -> ZipWriter {
        ZipWriter {
            out: Vec::with_capacity(bytes),
            central: Vec::new(),
            entries: 0,
        }
    }

    /// Appends one stored entry.
    pub fn add(&mut self, name: &str, data: &[u8]) -> Result<(), String> {
        if name.is_empty() || name.len() > u16::MAX as usize {
            return Err(format!("bad entry name length {}", name.len()));
        }
        if self.entries == u16::MAX || self.out.len() + data.len() + self.central.len() > MAX_TOTAL
        {
            return Err("package too large for a zip without zip64".into());
        }
        let offset = self.out.len() as u32;
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
        o.extend_from_slice(data);

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

    pub fn finish(mut self) -> Vec<u8> {
        let cd_offset = self.out.len() as u32;
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
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

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
