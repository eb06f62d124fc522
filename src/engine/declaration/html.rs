//! A filled form as a print-ready A4 HTML page. Every answer is escaped: markup a resident typed
//! is printed as text.

use super::{copies_text, marked, or_blank, qr_text, Stamp};
use crate::engine::form::{Filled, FilledBlock, FilledPart};
use crate::engine::text::escape_html as e;

const STYLE: &str = concat!(
    "<style>\n@page{size:A4;margin:15mm 15mm 15mm 25mm}\n",
    "body{font-family:\"Times New Roman\",Times,serif;font-size:13pt;line-height:1.4;color:#000;max-width:170mm;margin:0 auto;padding:6mm 0}\n",
    ".corner{text-align:right;font-size:10pt;margin:0}.nation,.motto{text-align:center;font-weight:bold;margin:0}\n",
    ".motto span{border-bottom:1px solid #000}.date-top{text-align:right;font-style:italic;margin:6pt 0}\n",
    "h1{text-align:center;font-size:14pt;margin:12pt 0}h2{font-size:13pt;margin:8pt 0 2pt}\n",
    ".qr{float:right;margin:0 0 6pt 10pt;text-align:center;font-size:9pt;font-family:monospace}\n",
    ".line{margin:2pt 0}.v{font-weight:bold}.text-bold{font-weight:bold}\n",
    "table{border-collapse:collapse;width:100%;margin:4pt 0}th,td{border:1px solid #000;padding:2pt 4pt;font-size:11pt;vertical-align:top}\n",
    ".pledge{margin-top:8pt}.signs{display:flex;justify-content:flex-end;gap:8mm;margin-top:8pt;text-align:center}\n",
    ".sign{flex:0 1 80mm}.sign .title{font-weight:bold;text-transform:uppercase}.sign .caption{font-style:italic}.sign .name{font-weight:bold;margin-top:18mm}\n",
    ".place-date{text-align:right;font-style:italic;margin-top:8pt}.notes{font-size:10pt;margin-top:14pt;border-top:1px solid #000;padding-top:3pt}\n",
    ".footer{font-size:9pt;margin-top:10pt}\n</style>\n"
);

fn part(p: &FilledPart) -> String {
    format!(
        "{} <span class=\"v\">{}</span>",
        e(&marked(&p.label, p.note)),
        e(or_blank(&p.value))
    )
}

fn block(b: &FilledBlock) -> String {
    match b {
        FilledBlock::Line(parts) => {
            let ps: Vec<String> = parts.iter().map(part).collect();
            format!("<p class=\"line\">{}</p>\n", ps.join("&emsp;"))
        }
        FilledBlock::Text { text, bold } => {
            format!(
                "<p class=\"line{}\">{}</p>\n",
                if *bold { " text-bold" } else { "" },
                e(text)
            )
        }
        FilledBlock::Heading(h) => format!("<h2>{}</h2>\n", e(h)),
        FilledBlock::Table {
            label,
            columns,
            rows,
        } => {
            let head: String = columns
                .iter()
                .map(|c| format!("<th>{}</th>", e(c)))
                .collect();
            let body: String = rows
                .iter()
                .map(|r| {
                    format!(
                        "<tr>{}</tr>",
                        r.iter()
                            .map(|c| format!("<td>{}</td>", e(c)))
                            .collect::<String>()
                    )
                })
                .collect();
            format!("<p class=\"line\">{}</p>\n<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>\n", e(label))
        }
        FilledBlock::Checkbox {
            label,
            note,
            options,
        } => {
            let opts: Vec<String> = options
                .iter()
                .map(|(o, on)| format!("{} {}", e(o), if *on { "☒" } else { "☐" }))
                .collect();
            format!(
                "<p class=\"line\">{} {}</p>\n",
                e(&marked(label, *note)),
                opts.join("&emsp;")
            )
        }
    }
}

/// The form as HTML, with the package's QR code and footer.
pub fn html(f: &Filled, stamp: &Stamp) -> String {
    let mut h = String::with_capacity(8000);
    h.push_str("<!doctype html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n");
    h.push_str(&format!(
        "<title>{} – {}</title>\n",
        e(&f.title),
        e(stamp.reference)
    ));
    h.push_str(STYLE);
    h.push_str("</head>\n<body>\n");
    let label = format!("Mã QR của hồ sơ {}", stamp.reference);
    if let Some(qr) = qr_text(stamp).and_then(|t| crate::engine::qr::svg(&t, 110, &label)) {
        h.push_str(&format!(
            "<div class=\"qr\">{qr}<br>{}</div>\n",
            e(stamp.reference)
        ));
    }
    for c in &f.corner {
        h.push_str(&format!("<p class=\"corner\">{}</p>\n", e(c)));
    }
    h.push_str("<p class=\"nation\">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>\n<p class=\"motto\"><span>Độc lập - Tự do - Hạnh phúc</span></p>\n");
    if f.date_at_top {
        h.push_str(&format!("<p class=\"date-top\">{}</p>\n", e(&f.place_date)));
    }
    h.push_str(&format!("<h1>{}</h1>\n", e(&f.title)));
    if let Some(a) = &f.addressee {
        h.push_str(&format!("<p class=\"line\">{}</p>\n", part(a)));
    }
    for b in &f.blocks {
        h.push_str(&block(b));
    }
    for p in &f.pledge {
        h.push_str(&format!("<p class=\"pledge\">{}</p>\n", e(p)));
    }
    if !f.date_at_top && !f.signatures.iter().any(|s| s.date_line.is_some()) {
        h.push_str(&format!(
            "<p class=\"place-date\">{}</p>\n",
            e(&f.place_date)
        ));
    }
    if !f.signatures.is_empty() {
        h.push_str("<div class=\"signs\">\n");
        for s in &f.signatures {
            h.push_str("<div class=\"sign\">");
            if let Some(d) = &s.date_line {
                h.push_str(&format!("<div class=\"caption\">{}</div>", e(d)));
            }
            h.push_str(&format!(
                "<div class=\"title\">{}</div>",
                e(&marked(&s.title, s.note))
            ));
            if !s.caption.is_empty() {
                h.push_str(&format!("<div class=\"caption\">{}</div>", e(&s.caption)));
            }
            h.push_str(&format!("<div class=\"name\">{}</div></div>\n", e(&s.name)));
        }
        h.push_str("</div>\n");
    }
    if let Some(c) = &f.copies {
        let (yes, count) = copies_text(c.count);
        h.push_str(&format!(
            "<p class=\"line\">{} Có {}&emsp;Không {}&emsp;{}</p>\n",
            e(&marked(&c.label, c.note)),
            if yes { "☒" } else { "☐" },
            if yes { "☐" } else { "☒" },
            e(&count)
        ));
    }
    if !f.footnotes.is_empty() {
        h.push_str("<div class=\"notes\">");
        for n in &f.footnotes {
            h.push_str(&format!("<p>{}</p>", e(n)));
        }
        h.push_str("</div>\n");
    }
    h.push_str(&format!(
        "<p class=\"footer\">{}</p>\n",
        e(&stamp.footer(&f.source))
    ));
    h.push_str("</body>\n</html>\n");
    h
}
