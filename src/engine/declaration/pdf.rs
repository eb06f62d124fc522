//! A filled form as an A4 PDF, in the order of the form: heading, title, addressee, lines,
//! pledge, place and date, signature blocks, copies, footnotes, then the package's footer and QR
//! code. The text is in reading order, so a reader extracts it as the form reads.

use super::{copies_text, marked, or_blank, qr_text, Stamp};
use crate::engine::form::{Filled, FilledBlock, FilledPart};
use crate::engine::pdf::{Document, Fonts, PAGE_H, PAGE_W};

const LEFT: i32 = 7087; // 25 mm
const RIGHT: i32 = 4252; // 15 mm
const TOP: i32 = 4252;
const BOTTOM: i32 = 4252;
const BODY: i32 = 1300; // 13 pt
const SMALL: i32 = 1000;
const TINY: i32 = 850;

#[derive(Clone, Copy, PartialEq)]
enum Align {
    Left,
    Center,
    Right,
}

/// A run of text, bold or not.
type Run = (String, bool);

/// The page being filled from the top, with a cursor.
struct Sheet<'a> {
    doc: Document<'a>,
    /// The baseline of the next line, in centipoints from the bottom.
    y: i32,
}

impl<'a> Sheet<'a> {
    fn new(fonts: Fonts<'a>) -> Result<Sheet<'a>, String> {
        let mut doc = Document::new(fonts)?;
        doc.page();
        Ok(Sheet {
            doc,
            y: PAGE_H - TOP,
        })
    }

    fn leading(size: i32) -> i32 {
        size * 13 / 10
    }

    /// Room for `h` more centipoints, or a new page.
    fn room(&mut self, h: i32) {
        if self.y - h < BOTTOM {
            self.doc.page();
            self.y = PAGE_H - TOP;
        }
    }

    fn gap(&mut self, h: i32) {
        self.y -= h;
    }

    /// Words of the runs, each with its boldness, in order.
    fn words(runs: &[Run]) -> Vec<(String, bool)> {
        runs.iter()
            .flat_map(|(t, b)| {
                t.split(' ')
                    .filter(|w| !w.is_empty())
                    .map(move |w| (w.to_string(), *b))
            })
            .collect()
    }

    /// The runs as lines no wider than `width`.
    fn lines(&self, runs: &[Run], size: i32, width: i32) -> Vec<Vec<(String, bool)>> {
        let mut lines: Vec<Vec<(String, bool)>> = Vec::new();
        let mut cur: Vec<(String, bool)> = Vec::new();
        for (w, bold) in Self::words(runs) {
            let mut candidate = cur.clone();
            candidate.push((w.clone(), bold));
            if cur.is_empty() || self.width(&candidate, size) <= width {
                if self.width(&candidate, size) > width {
                    // One word wider than the line: cut it where it must be cut.
                    for piece in self.doc.wrap(&w, size, bold, width) {
                        lines.push(vec![(piece, bold)]);
                    }
                    continue;
                }
                cur = candidate;
            } else {
                lines.push(std::mem::replace(&mut cur, vec![(w, bold)]));
            }
        }
        if !cur.is_empty() {
            lines.push(cur);
        }
        lines
    }

    /// Width of a line of words (one space between words).
    fn width(&self, line: &[(String, bool)], size: i32) -> i32 {
        line.iter()
            .enumerate()
            .map(|(i, (w, b))| {
                self.doc.width(w, size, *b)
                    + if i > 0 {
                        self.doc.width(" ", size, *b)
                    } else {
                        0
                    }
            })
            .sum()
    }

    /// A paragraph of runs between `x0` and `x1`, aligned, wrapped.
    fn para_in(&mut self, runs: &[Run], size: i32, align: Align, x0: i32, x1: i32) {
        for line in self.lines(runs, size, x1 - x0) {
            self.room(Self::leading(size));
            self.y -= size;
            let w = self.width(&line, size);
            let mut x = match align {
                Align::Left => x0,
                Align::Center => x0 + (x1 - x0 - w) / 2,
                Align::Right => x1 - w,
            };
            // Consecutive words of the same weight go out as one string, spaces included.
            let mut i = 0;
            while i < line.len() {
                let bold = line[i].1;
                let mut j = i;
                while j < line.len() && line[j].1 == bold {
                    j += 1;
                }
                let mut text = line[i..j]
                    .iter()
                    .map(|(w, _)| w.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
                if j < line.len() {
                    text.push(' ');
                }
                self.doc.text(x, self.y, size, bold, &text);
                x += self.doc.width(&text, size, bold);
                i = j;
            }
            self.y -= Self::leading(size) - size;
        }
    }

    fn para(&mut self, runs: &[Run], size: i32, align: Align) {
        self.para_in(runs, size, align, LEFT, PAGE_W - RIGHT);
    }

    fn parts(&mut self, parts: &[FilledPart]) {
        let mut runs: Vec<Run> = Vec::new();
        for (i, p) in parts.iter().enumerate() {
            let sep = if i > 0 { "   " } else { "" };
            runs.push((format!("{sep}{}", marked(&p.label, p.note)), false));
            runs.push((or_blank(&p.value).to_string(), true));
        }
        self.para(&runs, BODY, Align::Left);
    }

    fn table(&mut self, columns: &[String], rows: &[Vec<String>]) {
        let total = PAGE_W - RIGHT - LEFT;
        let n = columns.len().max(1) as i32;
        // The first column (the row number) is narrow; the rest share the width.
        let first = if columns.first().is_some_and(|c| c.chars().count() <= 3) {
            1700
        } else {
            total / n
        };
        let rest = (total - first) / (n - 1).max(1);
        let xs: Vec<i32> = (0..=n)
            .map(|i| {
                if i == 0 {
                    LEFT
                } else {
                    LEFT + first + (i - 1) * rest
                }
            })
            .collect();
        for (r, cells) in std::iter::once(columns.to_vec())
            .chain(rows.iter().cloned())
            .enumerate()
        {
            let lines: Vec<Vec<String>> = cells
                .iter()
                .enumerate()
                .map(|(i, c)| self.doc.wrap(c, SMALL, r == 0, xs[i + 1] - xs[i] - 300))
                .collect();
            let h =
                lines.iter().map(Vec::len).max().unwrap_or(1) as i32 * Self::leading(SMALL) + 300;
            self.room(h);
            let top = self.y;
            for (i, cell) in lines.iter().enumerate() {
                let mut y = top - SMALL - 150;
                for l in cell {
                    self.doc.text(xs[i] + 150, y, SMALL, r == 0, l);
                    y -= Self::leading(SMALL);
                }
                self.doc.rect(xs[i], top - h, xs[i + 1] - xs[i], h);
            }
            self.y = top - h;
        }
        self.gap(200);
    }

    /// A checkbox line: the label, then each option with its box, ticked or not.
    fn checkbox(&mut self, label: &str, options: &[(String, bool)]) {
        self.room(Self::leading(BODY));
        self.y -= BODY;
        let mut x = LEFT;
        self.doc.text(x, self.y, BODY, false, label);
        x += self.doc.width(label, BODY, false) + 400;
        for (o, on) in options {
            self.doc.text(x, self.y, BODY, false, o);
            x += self.doc.width(o, BODY, false) + 200;
            self.doc.rect(x, self.y - 100, 1000, 1000);
            if *on {
                self.doc.text(x + 220, self.y + 50, BODY, true, "X");
            }
            x += 1600;
        }
        self.y -= Self::leading(BODY) - BODY;
    }
}

/// The form as a PDF, with the package's QR code and footer.
pub fn pdf(f: &Filled, stamp: &Stamp, fonts: Fonts) -> Result<Vec<u8>, String> {
    let mut s = Sheet::new(fonts)?;
    for c in &f.corner {
        s.para(&[(c.clone(), false)], TINY, Align::Right);
    }
    s.para(
        &[("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM".into(), true)],
        BODY,
        Align::Center,
    );
    s.para(
        &[("Độc lập - Tự do - Hạnh phúc".into(), true)],
        BODY,
        Align::Center,
    );
    let rule = s.doc.width("Độc lập - Tự do - Hạnh phúc", BODY, true);
    let y = s.y + 250;
    s.doc.line(
        ((PAGE_W + LEFT - RIGHT - rule) / 2, y),
        ((PAGE_W + LEFT - RIGHT + rule) / 2, y),
        false,
    );
    if f.date_at_top {
        s.gap(300);
        s.para(&[(f.place_date.clone(), false)], BODY, Align::Right);
    }
    s.gap(500);
    s.para(&[(f.title.clone(), true)], 1400, Align::Center);
    s.gap(300);
    if let Some(a) = &f.addressee {
        s.parts(std::slice::from_ref(a));
    }
    for b in &f.blocks {
        match b {
            FilledBlock::Line(parts) => s.parts(parts),
            FilledBlock::Text { text, bold } => s.para(&[(text.clone(), *bold)], BODY, Align::Left),
            FilledBlock::Heading(h) => {
                s.gap(150);
                s.para(&[(h.clone(), true)], BODY, Align::Left);
            }
            FilledBlock::Table {
                label,
                columns,
                rows,
            } => {
                s.para(&[(label.clone(), false)], BODY, Align::Left);
                s.table(columns, rows);
            }
            FilledBlock::Checkbox {
                label,
                note,
                options,
            } => s.checkbox(&marked(label, *note), options),
        }
    }
    s.gap(200);
    for p in &f.pledge {
        s.para(&[(p.clone(), false)], BODY, Align::Left);
    }
    signatures(&mut s, f);
    if let Some(c) = &f.copies {
        let (yes, count) = copies_text(c.count);
        s.checkbox(
            &marked(&c.label, c.note),
            &[("Có".into(), yes), ("Không".into(), !yes)],
        );
        s.para(&[(count, false)], BODY, Align::Left);
    }
    if !f.footnotes.is_empty() {
        s.gap(300);
        s.room(Sheet::leading(TINY) * 2);
        let y = s.y;
        s.doc.line((LEFT, y), (LEFT + 15000, y), false);
        for n in &f.footnotes {
            s.para(&[(n.clone(), false)], TINY, Align::Left);
        }
    }
    footer(&mut s, f, stamp);
    s.doc.finish(&f.title)
}

/// The place and date, then the signature blocks side by side (one: on the right half).
fn signatures(s: &mut Sheet, f: &Filled) {
    let (x0, x1) = (LEFT, PAGE_W - RIGHT);
    let own_dates = f.signatures.iter().any(|g| g.date_line.is_some());
    if !f.date_at_top && !own_dates {
        s.gap(300);
        s.para_in(
            &[(f.place_date.clone(), false)],
            BODY,
            Align::Center,
            x0 + (x1 - x0) * 2 / 5,
            x1,
        );
    }
    if f.signatures.is_empty() {
        return;
    }
    let n = f.signatures.len() as i32;
    let col = if n == 1 { (x1 - x0) / 2 } else { (x1 - x0) / n };
    let start = if n == 1 { (x0 + x1) / 2 } else { x0 };
    s.room(Sheet::leading(BODY) * 6);
    let top = s.y;
    let mut lowest = top;
    for (i, g) in f.signatures.iter().enumerate() {
        let (a, b) = (start + i as i32 * col, start + (i as i32 + 1) * col);
        s.y = top;
        if let Some(d) = &g.date_line {
            s.para_in(&[(d.clone(), false)], SMALL, Align::Center, a, b);
        }
        s.para_in(
            &[(marked(&g.title, g.note), true)],
            BODY,
            Align::Center,
            a,
            b,
        );
        if !g.caption.is_empty() {
            s.para_in(&[(g.caption.clone(), false)], SMALL, Align::Center, a, b);
        }
        s.gap(4500);
        s.para_in(&[(g.name.clone(), true)], BODY, Align::Center, a, b);
        lowest = lowest.min(s.y);
    }
    s.y = lowest;
    s.gap(200);
}

/// The package's footer with its QR code at the left.
fn footer(s: &mut Sheet, f: &Filled, stamp: &Stamp) {
    let (w, runs) = qr_text(stamp)
        .and_then(|t| crate::engine::qr::runs(&t))
        .unwrap_or((0, Vec::new()));
    let module = 170; // 1.7 pt
    let side = w * module;
    s.gap(400);
    s.room(side.max(Sheet::leading(TINY) * 4) + 400);
    let top = s.y;
    for (x, y, len) in runs {
        s.doc.fill_rect(
            LEFT + x * module,
            top - (y + 1) * module,
            len * module,
            module,
        );
    }
    s.para_in(
        &[(stamp.footer(&f.source), false)],
        TINY,
        Align::Left,
        LEFT + side + 500,
        PAGE_W - RIGHT,
    );
    s.y = s.y.min(top - side);
}
