//! The package's files to look at: pictures shown, PDFs and the printed forms (PDF and print page)
//! opened in a tab.

use super::Report;
use crate::engine::package::is_printed;
use crate::i18n;
use crate::ui::prefs::use_prefs;
use leptos::prelude::*;
use std::sync::Arc;

pub(super) fn attachments(r: Arc<Report>) -> impl IntoView {
    let prefs = use_prefs();
    move || {
        let lang = prefs.lang.get();
        r.urls
            .iter()
            .map(|(path, url)| {
                let media = r.files.iter().find(|(f, _)| &f.path == path).map(|(f, _)| f.media_type.clone()).unwrap_or_default();
                if media.starts_with("image/") {
                    view! {
                        <figure class="attachment">
                            <img src=url.clone() alt=format!("{} {path}", i18n::STAFF_IMAGE_OF.get(lang)) loading="lazy"/>
                            <figcaption>{path.clone()}</figcaption>
                        </figure>
                    }
                    .into_any()
                } else {
                    // The printed forms first say what they are; attachments by their path.
                    let what = match (is_printed(path), media.as_str()) {
                        (true, "application/pdf") => i18n::STAFF_OPEN_FORM_PDF,
                        (true, _) => i18n::STAFF_OPEN_FORM_HTML,
                        _ => i18n::STAFF_OPEN_PDF,
                    };
                    view! {
                        <p class="attachment"><a href=url.clone() target="_blank" rel="noopener">{format!("{} {path}", what.get(lang))}</a></p>
                    }
                    .into_any()
                }
            })
            .collect_view()
    }
}
