//! QR codes as SVG, for the printable declaration and the confirmation page (the `qrcodegen`
//! crate computes the modules; drawing them is a few lines).

/// What a package's QR code says: format, short reference and package id — enough for staff to
/// find and check the package (`reference_matches`, `hoso verify`).
pub fn package_payload(reference: &str, package_id: &str) -> String {
    format!("HOSO1 {reference} {package_id}")
}

/// The QR code of `text` (error correction M) as its side in modules and its horizontal runs of
/// dark modules `(x, y, length)`, from the top left, without the quiet zone. `None` if the text is
/// too long for a QR code.
pub fn runs(text: &str) -> Option<(i32, Vec<(i32, i32, i32)>)> {
    // Text mode picks the densest encoding: alphanumeric for the counter codes (base45).
    let code = qrcodegen::QrCode::encode_text(text, qrcodegen::QrCodeEcc::Medium).ok()?;
    let w = code.size();
    let mut out = Vec::new();
    for y in 0..w {
        let mut x = 0;
        while x < w {
            if !code.get_module(x, y) {
                x += 1;
                continue;
            }
            let start = x;
            while x < w && code.get_module(x, y) {
                x += 1;
            }
            out.push((start, y, x - start));
        }
    }
    Some((w, out))
}

/// The QR code of `text` as a standalone SVG (one path, 4-module quiet zone, error correction M),
/// `size` CSS pixels wide. `None` if the text is too long for a QR code.
pub fn svg(text: &str, size: u32, label: &str) -> Option<String> {
    let (w, runs) = runs(text)?;
    let q = 4;
    let mut d = String::with_capacity(runs.len() * 16);
    // One rectangle per horizontal run of dark modules.
    for (x, y, run) in runs {
        d.push_str(&format!("M{} {}h{run}v1h-{run}z", x + q, y + q));
    }
    let n = w + 2 * q;
    Some(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {n} {n}\" width=\"{size}\" height=\"{size}\" role=\"img\" aria-label=\"{}\" shape-rendering=\"crispEdges\"><rect width=\"{n}\" height=\"{n}\" fill=\"#fff\"/><path d=\"{d}\" fill=\"#000\"/></svg>",
        super::text::escape_html(label)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_a_square_code_with_a_quiet_zone() {
        let s = svg(
            &package_payload("HS-AV9X-8S3P", "56d3d464761d769cc041f323a5240a78"),
            160,
            "Mã QR <gói>",
        )
        .unwrap();
        assert!(s.starts_with("<svg") && s.ends_with("</svg>"));
        // 53 characters in byte mode at level M: version 4, 33 modules + 8 of quiet zone.
        assert!(s.contains("viewBox=\"0 0 41 41\""), "{}", &s[..120]);
        assert!(s.contains("aria-label=\"Mã QR &lt;gói&gt;\""));
        // The top-left finder pattern: a run of 7 dark modules at the quiet zone's corner.
        assert!(s.contains("M4 4h7v1h-7z"));
        assert!(svg(&"x".repeat(5000), 100, "").is_none());
    }
}
