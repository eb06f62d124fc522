//! The counter QR: the answers themselves in one or a few QR codes, so staff at the counter see the
//! declaration without receiving a file (issue #23). Modelled on the EU Digital COVID
//! Certificate's encoding:
//!
//! - the body — procedure, catalog version, reference, package id and the canonical answers — in
//!   postcard (compact binary), then a 4-byte digest (the first bytes of its SHA-256), so that a
//!   misread code is detected rather than shown;
//! - compressed with zlib (deflate), then written in base45 (RFC 9285), whose 45 characters are
//!   exactly QR's alphanumeric set (5.5 bits a character, denser than bytes);
//! - each code's text is `HS1:<k>/<n>:<part>`; a long payload is cut into `n` codes of at most
//!   [`PART_CHARS`] characters, each readable at a density a phone screen and a handheld scanner
//!   manage.

use super::catalog::Answers;
use super::msg;
use super::text::I18n;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// What the codes say before the parts.
pub const PREFIX: &str = "HS1:";
/// At most this many characters of base45 in one code: version 17 at error correction M holds
/// 779 alphanumeric characters; 600 leave room for the prefix and keep the modules large.
pub const PART_CHARS: usize = 600;
/// At most this many codes for one package.
pub const MAX_PARTS: usize = 9;
const ALPHABET: &[u8; 45] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

/// What the counter QR carries.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Payload {
    pub procedure: String,
    pub catalog_version: String,
    pub reference: String,
    pub package_id: String,
    /// The canonical answers, as in the package's answers.json.
    pub answers: Answers,
}

pub fn base45_encode(data: &[u8]) -> String {
    let mut out = String::with_capacity(data.len() / 2 * 3 + 2);
    let mut push = |mut n: u32, digits: usize| {
        for _ in 0..digits {
            out.push(ALPHABET[(n % 45) as usize] as char);
            n /= 45;
        }
    };
    for pair in data.chunks(2) {
        match *pair {
            [a, b] => push(u32::from(a) * 256 + u32::from(b), 3),
            [a] => push(u32::from(a), 2),
            _ => {}
        }
    }
    out
}

pub fn base45_decode(text: &str) -> Option<Vec<u8>> {
    let values: Vec<u32> = text
        .bytes()
        .map(|c| ALPHABET.iter().position(|a| *a == c).map(|v| v as u32))
        .collect::<Option<_>>()?;
    let mut out = Vec::with_capacity(values.len() * 2 / 3 + 1);
    for group in values.chunks(3) {
        match *group {
            [a, b, c] => {
                let n = a + b * 45 + c * 45 * 45;
                if n > 0xFFFF {
                    return None;
                }
                out.extend([(n >> 8) as u8, n as u8]);
            }
            [a, b] => {
                let n = a + b * 45;
                if n > 0xFF {
                    return None;
                }
                out.push(n as u8);
            }
            _ => return None,
        }
    }
    Some(out)
}

/// The texts of the codes for `p`, in order (one unless the answers are long).
pub fn encode(p: &Payload) -> Vec<String> {
    let mut body = postcard::to_allocvec(p).unwrap_or_default();
    let digest = Sha256::digest(&body);
    body.extend_from_slice(&digest[..4]);
    let packed = base45_encode(&miniz_oxide::deflate::compress_to_vec_zlib(&body, 9));
    let chunks: Vec<&str> = packed
        .as_bytes()
        .chunks(PART_CHARS)
        .map(|c| std::str::from_utf8(c).unwrap_or_default())
        .collect();
    let n = chunks.len();
    chunks
        .iter()
        .enumerate()
        .map(|(i, c)| format!("{PREFIX}{}/{n}:{c}", i + 1))
        .collect()
}

/// One code's text as scanned: its number, how many there are, and its part. A handheld scanner
/// may end it with Enter or turn letters to lower case; both are forgiven (a space is part of
/// base45, so no other white space is trimmed).
pub fn part(text: &str) -> Result<(usize, usize, String), I18n> {
    let t: String = text
        .trim_matches(|c| c == '\n' || c == '\r' || c == '\t')
        .to_ascii_uppercase();
    let bad = || I18n::from(msg::QR_NOT_HOSO);
    let rest = t.strip_prefix(PREFIX).ok_or_else(bad)?;
    let (head, data) = rest.split_once(':').ok_or_else(bad)?;
    let (k, n) = head.split_once('/').ok_or_else(bad)?;
    let (k, n): (usize, usize) = (k.parse().map_err(|_| bad())?, n.parse().map_err(|_| bad())?);
    if k == 0 || k > n || n > MAX_PARTS || data.is_empty() {
        return Err(bad());
    }
    Ok((k, n, data.to_string()))
}

/// The payload of all its codes' texts (in any order); a message for the staff when a code is
/// missing, foreign or misread. (The browser inflates with its own `DecompressionStream`, so the
/// staff page's wasm carries no inflater: [`joined`], then [`from_body`].)
#[cfg(not(target_arch = "wasm32"))]
pub fn decode(texts: &[&str]) -> Result<Payload, I18n> {
    let zipped = joined(texts)?;
    let body = miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(&zipped, 1 << 20)
        .map_err(|_| I18n::from(msg::QR_DAMAGED))?;
    from_body(&body)
}

/// The compressed body (zlib) of all the codes' texts, joined in order and out of base45.
pub fn joined(texts: &[&str]) -> Result<Vec<u8>, I18n> {
    let mut parts: Vec<(usize, usize, String)> =
        texts.iter().map(|t| part(t)).collect::<Result<_, _>>()?;
    parts.sort_by_key(|p| p.0);
    parts.dedup_by_key(|p| p.0);
    let n = parts.first().map_or(0, |p| p.1);
    if parts.iter().any(|p| p.1 != n) {
        return Err(msg::QR_NOT_HOSO.into());
    }
    if parts.len() < n {
        return Err(super::text::fill(
            msg::QR_MISSING_PART,
            &[("have", (parts.len() as i64).into()), ("count", (n as i64).into())],
        ));
    }
    let packed: String = parts.into_iter().map(|p| p.2).collect();
    base45_decode(&packed).ok_or_else(|| msg::QR_DAMAGED.into())
}

/// The payload of an inflated body, once its digest is checked.
pub fn from_body(body: &[u8]) -> Result<Payload, I18n> {
    let damaged = || I18n::from(msg::QR_DAMAGED);
    let (data, digest) = body.split_at(body.len().checked_sub(4).ok_or_else(damaged)?);
    if Sha256::digest(data)[..4] != *digest {
        return Err(damaged());
    }
    postcard::from_bytes(data).map_err(|_| damaged())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::engine::catalog::Catalog;

    fn sample(id: &str) -> Payload {
        let p = Catalog::bundled().procedure(id).unwrap();
        Payload {
            procedure: id.into(),
            catalog_version: "2026.12".into(),
            reference: "HS-QNAC-AD5X".into(),
            package_id: "5ac53982ae7f0b508f9013140f9d8f90".into(),
            answers: p.sample_answers.clone(),
        }
    }

    #[test]
    fn base45_is_rfc_9285() {
        // The RFC's examples.
        assert_eq!(base45_encode(b"AB"), "BB8");
        assert_eq!(base45_encode(b"Hello!!"), "%69 VD92EX0");
        assert_eq!(base45_encode(b"ietf!"), "QED8WEX0");
        assert_eq!(base45_decode("QED8WEX0").unwrap(), b"ietf!");
        assert_eq!(base45_decode("GGW"), None, "a triple above 65535");
        assert_eq!(base45_decode("abc"), None, "not in the alphabet");
    }

    #[test]
    fn every_procedure_s_sample_answers_go_through_the_codes_and_back() {
        let mut largest = (0, String::new());
        for p in &Catalog::bundled().procedures {
            let payload = sample(&p.id);
            let codes = encode(&payload);
            assert!(codes.iter().all(|c| c.starts_with(PREFIX) && c.len() <= PART_CHARS + 10));
            let texts: Vec<&str> = codes.iter().rev().map(String::as_str).collect();
            assert_eq!(decode(&texts).unwrap(), payload, "{}", p.id);
            let chars: usize = codes.iter().map(String::len).sum();
            if chars > largest.0 {
                largest = (chars, format!("{} in {} code(s)", p.id, codes.len()));
            }
            // Each code fits a QR code in alphanumeric mode.
            for c in &codes {
                let q = qrcodegen::QrCode::encode_text(c, qrcodegen::QrCodeEcc::Medium).unwrap();
                assert!(q.version().value() <= 17, "{}: version {}", p.id, q.version().value());
                if chars == largest.0 {
                    largest.1 = format!("{}, QR version {}", largest.1, q.version().value());
                }
            }
        }
        println!("largest counter payload: {} ({} characters)", largest.1, largest.0);
    }

    #[test]
    fn a_misread_or_missing_code_is_refused_with_a_message() {
        let codes = encode(&sample("thuong-tru"));
        let one = &codes[0];
        // One character changed (still in the alphabet): the digest or the inflater catches it.
        let at = one.len() - 7;
        let c = one.as_bytes()[at];
        let other = if c == b'A' { 'B' } else { 'A' };
        let changed = format!("{}{other}{}", &one[..at], &one[at + 1..]);
        let texts: Vec<&str> = std::iter::once(changed.as_str())
            .chain(codes[1..].iter().map(String::as_str))
            .collect();
        let e = decode(&texts).unwrap_err();
        assert!(e.en.contains("misread") || e.en.contains("damaged"), "{}", e.en);
        assert!(decode(&["HOSO1 HS-QNAC-AD5X 5ac5"]).is_err());
        if codes.len() > 1 {
            let e = decode(&[codes[0].as_str()]).unwrap_err();
            assert!(e.vi.contains(&format!("1/{}", codes.len())), "{}", e.vi);
        }
        // Lower case and spaces from a scanner are forgiven.
        let lower: Vec<String> = codes.iter().map(|c| format!("{}\r\n", c.to_lowercase())).collect();
        let texts: Vec<&str> = lower.iter().map(String::as_str).collect();
        assert!(decode(&texts).is_ok());
    }
}
