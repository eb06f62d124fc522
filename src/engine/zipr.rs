//! A strict reader for Package v1 zips (docs/package-format.md): the counterpart of `zipw`. It
//! runs natively and in the browser, never panics, and bounds memory and time by the limits
//! below. Package v1 entries are stored, so there is nothing to decompress and no compression bomb
//! is possible: a compressed entry is refused, as are every trick a hostile zip can play —
//! paths that climb out (`..`), absolute paths, backslashes, drive letters, symlinks, directory
//! entries, duplicate names (also differing only in case), encrypted entries, data descriptors,
//! zip64, entries that overlap or hide between others, local headers that disagree with the
//! central directory, and bad checksums.
//!
//! Entries are returned as byte ranges into the input (no copies).

use super::finding::FindingCode;
use super::msg;
use super::text::{fill, I18n};
use std::ops::Range;

/// The largest package accepted: 50 MB of attachments plus room for the declaration and headers.
pub const MAX_ZIP_BYTES: usize = 60_000_000;
/// More entries than any real package has (a few documents, a few pages each).
pub const MAX_ENTRIES: usize = 500;
/// Longest entry name, in bytes.
pub const MAX_NAME_BYTES: usize = 200;

/// One entry: its name and where its bytes are in the zip.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub name: String,
    pub data: Range<usize>,
}

/// Why a file is not a readable package; the message is for the staff member.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ZipError {
    pub code: FindingCode,
    pub message: I18n,
}

fn err(code: FindingCode, message: impl Into<I18n>) -> ZipError {
    ZipError {
        code,
        message: message.into(),
    }
}

/// A message about the entry `name`.
fn err_named(code: FindingCode, template: msg::Tx, name: &str) -> ZipError {
    err(code, fill(template, &[("name", name.into())]))
}

fn u16_at(b: &[u8], i: usize) -> Option<u16> {
    b.get(i..i + 2).map(|s| u16::from_le_bytes([s[0], s[1]]))
}

fn u32_at(b: &[u8], i: usize) -> Option<u32> {
    b.get(i..i + 4)
        .map(|s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
}

fn truncated() -> ZipError {
    err(FindingCode::Truncated, msg::ZIP_TRUNCATED)
}

fn not_canonical(name: &str) -> ZipError {
    err_named(FindingCode::NotCanonical, msg::ZIP_NOT_CANONICAL, name)
}

/// Checks an entry name is a plain relative path that stays inside the package.
pub fn check_name(name: &str) -> Result<(), ZipError> {
    let bad = |why: msg::Tx| {
        err(
            FindingCode::UnsafePath,
            fill(
                msg::ZIP_UNSAFE_PATH,
                &[
                    ("name", (&name.escape_debug().to_string()).into()),
                    ("why", why.into()),
                ],
            ),
        )
    };
    if name.is_empty() || name.len() > MAX_NAME_BYTES {
        return Err(bad(msg::ZIP_WHY_EMPTY));
    }
    if name.starts_with('/') {
        return Err(bad(msg::ZIP_WHY_ABSOLUTE));
    }
    if name.contains('\\') {
        return Err(bad(msg::ZIP_WHY_BACKSLASH));
    }
    if name.contains(':') {
        return Err(bad(msg::ZIP_WHY_COLON));
    }
    if name.chars().any(|c| c.is_control()) {
        return Err(bad(msg::ZIP_WHY_CONTROL));
    }
    if name.ends_with('/') {
        return Err(bad(msg::ZIP_WHY_DIRECTORY));
    }
    if name
        .split('/')
        .any(|seg| seg.is_empty() || seg == "." || seg == "..")
    {
        return Err(bad(msg::ZIP_WHY_SEGMENT));
    }
    Ok(())
}

/// Reads the entries of a stored zip, strictly. Every entry's CRC-32 is checked.
pub fn read(b: &[u8]) -> Result<Vec<Entry>, ZipError> {
    if b.len() > MAX_ZIP_BYTES {
        return Err(err(
            FindingCode::TooLarge,
            fill(
                msg::ZIP_TOO_LARGE,
                &[("size", b.len().into()), ("max", MAX_ZIP_BYTES.into())],
            ),
        ));
    }
    if b.len() < 22 || u32_at(b, 0) != Some(0x0403_4b50) {
        return Err(err(FindingCode::NotZip, msg::ZIP_NOT_ZIP));
    }
    // End of central directory: Package v1 has no archive comment, so it is the last 22 bytes.
    let eocd = b.len() - 22;
    if u32_at(b, eocd) != Some(0x0605_4b50) {
        // A comment, zip64, or a cut-off file: say which when we can.
        let has_sig = b
            .windows(4)
            .rev()
            .take(66_000)
            .any(|w| w == [0x50, 0x4b, 0x05, 0x06]);
        return Err(if has_sig {
            err(FindingCode::NotPackageZip, msg::ZIP_NOT_PACKAGE)
        } else {
            truncated()
        });
    }
    let n_disk = u16_at(b, eocd + 8).ok_or_else(truncated)? as usize;
    let n = u16_at(b, eocd + 10).ok_or_else(truncated)? as usize;
    let cd_size = u32_at(b, eocd + 12).ok_or_else(truncated)? as usize;
    let cd_off = u32_at(b, eocd + 16).ok_or_else(truncated)? as usize;
    if u16_at(b, eocd + 4) != Some(0) || u16_at(b, eocd + 6) != Some(0) || n_disk != n {
        return Err(err(FindingCode::MultiDisk, msg::ZIP_MULTI_DISK));
    }
    if n == 0 || n > MAX_ENTRIES {
        return Err(err(
            FindingCode::EntryCount,
            fill(
                msg::ZIP_ENTRY_COUNT,
                &[("count", n.into()), ("max", MAX_ENTRIES.into())],
            ),
        ));
    }
    if cd_off.checked_add(cd_size) != Some(eocd) {
        return Err(truncated());
    }
    // The record ends the file, so it announces no comment: a length here means the comment was
    // cut off (or the byte was changed).
    if u16_at(b, eocd + 20) != Some(0) {
        return Err(truncated());
    }
    let mut entries: Vec<Entry> = Vec::with_capacity(n);
    let mut folded: Vec<String> = Vec::with_capacity(n);
    let mut p = cd_off;
    let mut next_local = 0usize;
    for _ in 0..n {
        if u32_at(b, p) != Some(0x0201_4b50) {
            return Err(truncated());
        }
        let made_by = u16_at(b, p + 4).ok_or_else(truncated)?;
        let flags = u16_at(b, p + 8).ok_or_else(truncated)?;
        let method = u16_at(b, p + 10).ok_or_else(truncated)?;
        let crc = u32_at(b, p + 16).ok_or_else(truncated)?;
        let csize = u32_at(b, p + 20).ok_or_else(truncated)? as usize;
        let usize_ = u32_at(b, p + 24).ok_or_else(truncated)? as usize;
        let name_len = u16_at(b, p + 28).ok_or_else(truncated)? as usize;
        let extra_len = u16_at(b, p + 30).ok_or_else(truncated)? as usize;
        let comment_len = u16_at(b, p + 32).ok_or_else(truncated)? as usize;
        let ext_attr = u32_at(b, p + 38).ok_or_else(truncated)?;
        let local = u32_at(b, p + 42).ok_or_else(truncated)? as usize;
        let p_start = p;
        let name_bytes = b.get(p + 46..p + 46 + name_len).ok_or_else(truncated)?;
        let name = std::str::from_utf8(name_bytes)
            .map_err(|_| err(FindingCode::NameEncoding, msg::ZIP_NAME_ENCODING))?
            .to_string();
        check_name(&name)?;
        p += 46 + name_len + extra_len + comment_len;
        if p > eocd {
            return Err(truncated());
        }
        if flags & 0x0001 != 0 {
            return Err(err_named(FindingCode::Encrypted, msg::ZIP_ENCRYPTED, &name));
        }
        if method != 0 || csize != usize_ || flags & 0x0008 != 0 {
            return Err(err_named(
                FindingCode::Compressed,
                msg::ZIP_COMPRESSED,
                &name,
            ));
        }
        // Unix file type from the external attributes: only regular files.
        let kind = (ext_attr >> 16) & 0o170000;
        if made_by >> 8 == 3 && kind != 0 && kind != 0o100000 {
            return Err(err_named(
                FindingCode::NotRegularFile,
                msg::ZIP_NOT_REGULAR,
                &name,
            ));
        }
        // Everything else in the headers is fixed by Package v1 (zipw writes nothing else), so a
        // change to any byte of the zip is noticed, not only changes to the files.
        use super::zipw::{DOS_DATE_1980_01_01 as DATE, FLAG_UTF8, VERSION};
        let fixed = [
            (u16_at(b, p_start + 6), VERSION),
            (u16_at(b, p_start + 12), 0),
            (u16_at(b, p_start + 14), DATE),
            (u16_at(b, p_start + 34), 0),
            (u16_at(b, p_start + 36), 0),
        ];
        if made_by != (3 << 8) | VERSION
            || flags != FLAG_UTF8
            || extra_len != 0
            || comment_len != 0
            || ext_attr != 0o100644 << 16
            || fixed.iter().any(|(v, want)| *v != Some(*want))
        {
            return Err(not_canonical(&name));
        }
        let lower = crate::engine::text::lower(&name);
        if folded.contains(&lower) {
            return Err(err_named(FindingCode::Duplicate, msg::ZIP_DUPLICATE, &name));
        }
        folded.push(lower);
        // Entries follow each other without gaps or overlaps, as zipw writes them.
        if local != next_local {
            return Err(err(FindingCode::Layout, msg::ZIP_OVERLAP));
        }
        if u32_at(b, local) != Some(0x0403_4b50) {
            return Err(truncated());
        }
        let l_flags = u16_at(b, local + 6).ok_or_else(truncated)?;
        let l_method = u16_at(b, local + 8).ok_or_else(truncated)?;
        let l_crc = u32_at(b, local + 14).ok_or_else(truncated)?;
        let l_csize = u32_at(b, local + 18).ok_or_else(truncated)? as usize;
        let l_usize = u32_at(b, local + 22).ok_or_else(truncated)? as usize;
        let l_name_len = u16_at(b, local + 26).ok_or_else(truncated)? as usize;
        let l_extra_len = u16_at(b, local + 28).ok_or_else(truncated)? as usize;
        let l_name = b
            .get(local + 30..local + 30 + l_name_len)
            .ok_or_else(truncated)?;
        let l_fixed = [
            (u16_at(b, local + 4), VERSION),
            (u16_at(b, local + 10), 0),
            (u16_at(b, local + 12), DATE),
        ];
        if l_extra_len != 0 || l_fixed.iter().any(|(v, want)| *v != Some(*want)) {
            return Err(not_canonical(&name));
        }
        if (l_flags, l_method, l_crc, l_csize, l_usize) != (flags, method, crc, csize, usize_)
            || l_name != name_bytes
        {
            return Err(err_named(
                FindingCode::HeaderMismatch,
                msg::ZIP_HEADER_MISMATCH,
                &name,
            ));
        }
        let start = local + 30 + l_name_len + l_extra_len;
        let end = start
            .checked_add(csize)
            .filter(|e| *e <= cd_off)
            .ok_or_else(truncated)?;
        if super::zipw::crc32(&b[start..end]) != crc {
            return Err(err_named(FindingCode::Crc, msg::ZIP_CRC, &name));
        }
        next_local = end;
        entries.push(Entry {
            name,
            data: start..end,
        });
    }
    if p != eocd || next_local != cd_off {
        return Err(err(FindingCode::Layout, msg::ZIP_HIDDEN_DATA));
    }
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::zipw::ZipWriter;

    fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
        let mut w = ZipWriter::with_capacity(1000);
        for (n, d) in entries {
            w.add(n, d).unwrap();
        }
        w.finish()
    }

    fn code(b: &[u8]) -> &'static str {
        read(b).unwrap_err().code.as_str()
    }

    #[test]
    fn reads_what_zipw_writes() {
        let b = zip(&[
            ("manifest.json", b"{}"),
            ("documents/x/01.jpg", &[1, 2, 3]),
            ("tên.txt", b""),
        ]);
        let e = read(&b).unwrap();
        assert_eq!(
            e.iter().map(|e| e.name.as_str()).collect::<Vec<_>>(),
            ["manifest.json", "documents/x/01.jpg", "tên.txt"]
        );
        assert_eq!(&b[e[1].data.clone()], &[1, 2, 3]);
    }

    #[test]
    fn unsafe_names_are_refused() {
        for n in [
            "../etc/passwd",
            "a/../../b",
            "/abs",
            "a\\b",
            "C:x",
            "dir/",
            "a//b",
            "./a",
            "a\u{7}b",
            "",
        ] {
            assert!(check_name(n).is_err(), "{n:?}");
        }
        assert!(check_name("documents/giay-chung-sinh/01.jpg").is_ok());
        // Through the whole reader: zipw does not stop a caller from writing such names.
        assert_eq!(code(&zip(&[("../evil", b"x")])), "unsafe-path");
    }

    #[test]
    fn hostile_or_damaged_zips_are_refused_with_a_reason() {
        let good = zip(&[("manifest.json", b"{}"), ("a.jpg", b"abc")]);
        assert_eq!(code(b"hello, not a zip"), "not-zip");
        assert_eq!(code(&good[..good.len() - 5]), "not-package-zip");
        assert_eq!(code(&good[..40]), "truncated");
        assert_eq!(code(&zip(&[("a.jpg", b"1"), ("A.JPG", b"2")])), "duplicate");
        assert_eq!(code(&zip(&[("a", b"1"), ("a", b"2")])), "duplicate");
        // A flipped payload byte fails the CRC.
        let mut bad = good.clone();
        let i = good.windows(3).position(|w| w == b"abc").unwrap();
        bad[i] ^= 1;
        assert_eq!(code(&bad), "crc");
        // Compressed entry (method 8) in both headers.
        let mut comp = good.clone();
        comp[8] = 8;
        let cd = u32_at(&good, good.len() - 6).unwrap() as usize;
        comp[cd + 10] = 8;
        assert_eq!(code(&comp), "compressed");
        // A symlink: Unix type 0o120000 in the external attributes.
        let mut link = good.clone();
        link[cd + 38..cd + 42].copy_from_slice(&(0o120777u32 << 16).to_le_bytes());
        assert_eq!(code(&link), "not-regular-file");
        // Encrypted flag.
        let mut enc = good.clone();
        enc[cd + 8] |= 1;
        assert_eq!(code(&enc), "encrypted");
        // Central and local headers disagree (the local size changed).
        let mut mism = good.clone();
        mism[18] ^= 1;
        assert_eq!(code(&mism), "header-mismatch");
        // A comment after the directory.
        let mut commented = good.clone();
        let l = commented.len();
        commented[l - 2] = 3;
        commented.extend_from_slice(b"hi!");
        assert_eq!(code(&commented), "not-package-zip");
        // A comment announced but not there (found by the property test: the last two bytes).
        for last in [1, 2] {
            let mut announced = good.clone();
            let l = announced.len();
            announced[l - last] = 0xF1;
            assert_eq!(code(&announced), "truncated");
        }
        assert_eq!(code(&vec![0u8; MAX_ZIP_BYTES + 1]), "too-large");
    }

    #[test]
    fn overlapping_entries_are_refused() {
        // Two central entries pointing at the same local header (a classic zip-bomb trick).
        let good = zip(&[("a", b"x"), ("b", b"x")]);
        let cd = u32_at(&good, good.len() - 6).unwrap() as usize;
        let mut bad = good.clone();
        let second = cd + 46 + 1;
        bad[second + 42..second + 46].copy_from_slice(&0u32.to_le_bytes());
        assert!(read(&bad).is_err());
    }
}
