//! The start page as plain HTML, put into `index.html` at build time (`scripts/build/pwa.py`), so a
//! resident on a slow connection sees the heading and the list of procedures — real links that
//! already work — before the app has downloaded. The app replaces it when it starts
//! (`ui::mount`), with the same markup as `ui::pages::Home` renders for a first visit: Vietnamese,
//! no drafts, no ward settings. The first inline script in `index.html` shows it only then, before
//! it can paint (docs/size.md).
//!
//! Written by `hoso catalog export` to `public/data/start.vi.html`; `cargo test` fails while that
//! file is stale, and `tests/e2e/start.spec.js` checks it matches what the app renders.

use crate::engine::catalog::CatalogIndex;
use crate::engine::text::{escape_html as esc, Lang};
use crate::i18n::{self, Tx};
use std::fmt::Write as _;

/// The static start page for `lang`: skip link, header, main content, footer.
pub fn start_html(index: &CatalogIndex, lang: Lang) -> String {
    let t = |x: Tx| esc(x.get(lang));
    let mut s = String::new();
    let _ = writeln!(s, "<div id=\"boot-start\">");
    let _ = writeln!(
        s,
        "<a class=\"skip-link\" href=\"#main\">{}</a>",
        t(i18n::SKIP_TO_CONTENT)
    );
    // One button per other language, as `ui::Header` renders them.
    let switches: String = lang
        .others()
        .map(|l| {
            format!(
                "<button type=\"button\" class=\"lang-switch\" lang=\"{}\" aria-label=\"{}\" disabled>{}</button>",
                l.code(),
                esc(l.switch_to()),
                esc(l.name())
            )
        })
        .collect();
    let _ = writeln!(
        s,
        "<header class=\"header\"><div class=\"container header-row\"><a class=\"brand\" href=\"/\">{}</a>\
         {switches}</div></header>",
        t(i18n::APP_NAME),
    );
    let _ = writeln!(s, "<main id=\"main\" class=\"container\" tabindex=\"-1\">");
    let _ = writeln!(
        s,
        "<h1 class=\"page-title\" id=\"page-title\" tabindex=\"-1\">{}</h1>",
        t(i18n::START_CHOOSE)
    );
    let _ = writeln!(s, "<p class=\"lead\">{}</p>", t(i18n::APP_TAGLINE));
    // The search box is disabled until the app can search (what is typed would be lost).
    let _ = writeln!(
        s,
        "<div class=\"field\"><label class=\"label\" for=\"proc-search\">{}</label>\
         <p class=\"hint\" id=\"proc-search-hint\">{}</p>\
         <input id=\"proc-search\" name=\"q\" type=\"search\" class=\"input input--wide\" autocomplete=\"off\" \
         aria-describedby=\"proc-search-hint\" aria-controls=\"procedures\" disabled></div>",
        t(i18n::SEARCH_LABEL),
        t(i18n::SEARCH_HINT)
    );
    let _ = writeln!(
        s,
        "<nav class=\"tabs\" aria-label=\"{}\"><a class=\"tab\" href=\"/\" aria-current=\"page\">{}</a>\
         <a class=\"tab\" href=\"/?by=field\">{}</a></nav>",
        t(i18n::GROUPING),
        t(i18n::BY_EVENT),
        t(i18n::BY_DOMAIN)
    );
    let _ = writeln!(s, "<div id=\"procedures\" aria-live=\"polite\">");
    for (g, members) in index.grouped(true) {
        let _ = writeln!(
            s,
            "<h2 class=\"group-title\">{}</h2>",
            esc(g.label.get(lang))
        );
        let _ = writeln!(s, "<ul class=\"cards\">");
        for p in members {
            let _ = writeln!(
                s,
                "<li class=\"card\"><a class=\"card-link\" href=\"/p/{}\">{}</a><p class=\"card-text\">{}</p>\
                 <p class=\"card-meta\">{} {} · {}</p></li>",
                esc(&p.id),
                esc(p.name.get(lang)),
                esc(p.summary.get(lang)),
                t(i18n::NATIONAL_CODE),
                esc(&p.national_codes.join(", ")),
                esc(p.area.get(lang))
            );
        }
        let _ = writeln!(s, "</ul>");
    }
    let _ = writeln!(s, "</div>");
    let _ = writeln!(s, "<p class=\"note\">{}</p>", t(i18n::PRIVACY_NOTE));
    let _ = writeln!(
        s,
        "<p class=\"note\"><a href=\"/staff/\">{}</a></p>",
        t(i18n::FOR_STAFF)
    );
    let _ = writeln!(s, "</main>");
    let _ = writeln!(
        s,
        "<footer class=\"footer container\"><p>{}</p></footer>",
        t(i18n::FOOTER)
    );
    let _ = writeln!(s, "</div>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_every_procedure_as_a_link_in_balanced_markup() {
        let index = CatalogIndex::bundled();
        let html = start_html(index, Lang::Vi);
        for p in &index.procedures {
            assert!(
                html.contains(&format!("href=\"/p/{}\"", p.id)),
                "{} missing",
                p.id
            );
        }
        assert!(html.contains("<h1 class=\"page-title\" id=\"page-title\" tabindex=\"-1\">Bạn cần làm thủ tục gì?</h1>"));
        assert!(!html.contains("<script"));
        assert_eq!(html.matches("<div").count(), html.matches("</div>").count());
        assert_eq!(html.matches("<ul").count(), html.matches("</ul>").count());
    }

    #[test]
    fn the_exported_start_page_is_fresh() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/public/data/start.vi.html");
        let on_disk = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            on_disk == start_html(CatalogIndex::bundled(), Lang::default()),
            "public/data/start.vi.html is missing or stale: run scripts/data/export-catalog.sh"
        );
    }
}
