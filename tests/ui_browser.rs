//! Component tests in headless Chromium (wasm-bindgen-test). Run by scripts/test.sh with
//! `cargo test --target wasm32-unknown-unknown --test ui_browser`.
#![cfg(target_arch = "wasm32")]

use hoso::engine::catalog::{Procedure, Severity};
use hoso::engine::text::{I18n, Lang};
use hoso::engine::validate::Issue;
use hoso::ui::data::Data;
use hoso::engine::media::MediaType;
use hoso::ui::drafts::{Drafts, Restored};
use hoso::ui::prefs::Prefs;
use hoso::ui::{ErrorSummary, FieldInput};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Mounts a view into a fresh container and returns the container.
fn mount<V: IntoView + 'static>(f: impl FnOnce() -> V + 'static) -> web_sys::HtmlElement {
    let doc = document();
    let el: web_sys::HtmlElement = doc.create_element("div").unwrap().dyn_into().unwrap();
    doc.body().unwrap().append_child(&el).unwrap();
    let handle = leptos::mount::mount_to(el.clone(), f);
    handle.forget();
    el
}

/// The app's three contexts, made outside the view so a test can read and change them.
fn contexts() -> (Prefs, Data, Drafts) {
    let data = Data::new();
    (
        Prefs::new(),
        data,
        Drafts::new(Restored::default(), data, None),
    )
}

fn provide((prefs, data, drafts): (Prefs, Data, Drafts)) {
    provide_context(prefs);
    provide_context(data);
    provide_context(drafts);
}

fn clear_storage() {
    web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .clear()
        .unwrap();
}

async fn tick() {
    gloo::timers::future::TimeoutFuture::new(20).await;
}

fn birth_field(id: &str) -> hoso::engine::catalog::Field {
    let p = Procedure::parse(include_str!("../src/catalog/khai-sinh.json")).unwrap();
    p.field(id).unwrap().clone()
}

#[wasm_bindgen_test]
async fn text_field_uses_field_id_as_name_and_shows_its_error_inline() {
    clear_storage();
    let issues = RwSignal::new(Vec::<Issue>::new());
    let el = mount(move || {
        provide(contexts());
        view! { <FieldInput proc_id="khai-sinh".to_string() field=birth_field("tre_ho_ten") issues=issues.into()/> }
    });
    tick().await;
    let input = el
        .query_selector("input[name=tre_ho_ten]")
        .unwrap()
        .expect("input named by field id");
    assert_eq!(input.id(), "f-tre_ho_ten");
    let label = el
        .query_selector("label[for=f-tre_ho_ten]")
        .unwrap()
        .unwrap();
    assert!(label
        .text_content()
        .unwrap()
        .contains("Họ, chữ đệm và tên của trẻ"));
    assert!(el.query_selector(".field-error").unwrap().is_none());

    issues.set(vec![Issue {
        field: "tre_ho_ten".into(),
        severity: Severity::Error,
        message: I18n::default()
            .with(Lang::Vi, "Họ tên chỉ gồm chữ cái; hãy xóa <b>.")
            .with(Lang::En, "A name has letters only."),
    }]);
    tick().await;
    let err = el
        .query_selector(".field-error")
        .unwrap()
        .expect("inline error");
    assert!(
        err.text_content().unwrap().contains("hãy xóa <b>."),
        "markup is shown as text"
    );
    assert!(
        err.query_selector("b").unwrap().is_none(),
        "markup is never parsed"
    );
    let described = input.get_attribute("aria-describedby").unwrap();
    assert!(described.contains("f-tre_ho_ten-error"), "{described}");
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
}

#[wasm_bindgen_test]
async fn typing_saves_the_answer_on_the_device() {
    clear_storage();
    let ctx = contexts();
    let drafts = ctx.2;
    let el = mount(move || {
        provide(ctx);
        hoso::ui::drafts::writer::keep(drafts, true);
        view! { <FieldInput proc_id="khai-sinh".to_string() field=birth_field("me_ho_ten") issues=Signal::derive(Vec::new)/> }
    });
    tick().await;
    let input: web_sys::HtmlInputElement = el
        .query_selector("input[name=me_ho_ten]")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    input.set_value("Trần Thị Hoa");
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    tick().await;
    assert_eq!(
        drafts
            .answers_of("khai-sinh")
            .get("me_ho_ten")
            .map(String::as_str),
        Some("Trần Thị Hoa")
    );
    // Saved on the device (IndexedDB), and read back the way the app does on the next visit.
    gloo::timers::future::TimeoutFuture::new(300).await;
    let stored = hoso::ui::drafts::restore().await;
    assert!(!stored.unavailable);
    assert_eq!(stored.answers["khai-sinh"]["me_ho_ten"], "Trần Thị Hoa");
    assert!(stored.touched["khai-sinh"] > 0.0);
}

#[wasm_bindgen_test]
async fn an_attached_page_is_kept_as_a_blob_and_read_back_whole() {
    clear_storage();
    let ctx = contexts();
    let drafts = ctx.2;
    let _el = mount(move || {
        provide(ctx);
        hoso::ui::drafts::writer::keep(drafts, true);
        view! { <p>"pages"</p> }
    });
    tick().await;
    let bytes: Vec<u8> = (0..300_000u32).map(|i| (i * 7 % 251) as u8).collect();
    let page = hoso::ui::drafts::PageFile::of_bytes(&bytes, MediaType::Pdf).expect("a Blob");
    assert_eq!(page.size, 300_000);
    drafts.add_page("khai-sinh", "giay-chung-sinh", "a.pdf".into(), MediaType::Pdf, page);
    gloo::timers::future::TimeoutFuture::new(300).await;
    // Read back the way the app does on the next visit: still a Blob, with the same bytes.
    let stored = hoso::ui::drafts::restore().await;
    let back = stored.attachments.iter().find(|a| a.procedure == "khai-sinh").expect("kept");
    assert_eq!(back.file.size, 300_000);
    assert_eq!(back.file.read().await.as_deref(), Some(bytes.as_slice()));
    assert_eq!(back.file.blob().type_(), "application/pdf");
}

#[wasm_bindgen_test]
async fn choice_field_renders_radios_and_switches_language() {
    clear_storage();
    let ctx = contexts();
    let prefs = ctx.0;
    let el = mount(move || {
        provide(ctx);
        view! { <FieldInput proc_id="khai-sinh".to_string() field=birth_field("nguoi_nop") issues=Signal::derive(Vec::new) heading=Some(I18n::default().with(Lang::Vi, "Ai đi đăng ký khai sinh?").with(Lang::En, "Who is registering the birth?"))/> }
    });
    tick().await;
    let radios = el
        .query_selector_all("input[type=radio][name=nguoi_nop]")
        .unwrap();
    assert_eq!(radios.length(), 5);
    let h1 = el
        .query_selector("legend h1")
        .unwrap()
        .expect("the question is the page heading");
    assert_eq!(h1.text_content().unwrap(), "Ai đi đăng ký khai sinh?");
    prefs.lang.set(hoso::engine::text::Lang::En);
    tick().await;
    assert_eq!(h1.text_content().unwrap(), "Who is registering the birth?");
    assert!(el.text_content().unwrap().contains("The child's mother"));
}

#[wasm_bindgen_test]
async fn error_summary_links_to_each_field() {
    let issues = RwSignal::new(vec![
        Issue {
            field: "tre_ho_ten".into(),
            severity: Severity::Error,
            message: I18n::default()
                .with(Lang::Vi, "Hãy nhập họ tên.")
                .with(Lang::En, "Enter the name."),
        },
        Issue {
            field: "tre_ngay_sinh".into(),
            severity: Severity::Error,
            message: I18n::default()
                .with(Lang::Vi, "Ngày không hợp lệ.")
                .with(Lang::En, "Bad date."),
        },
    ]);
    let el = mount(move || {
        provide(contexts());
        view! { <ErrorSummary issues=issues.into()/> }
    });
    tick().await;
    let links = el.query_selector_all("#error-summary a").unwrap();
    assert_eq!(links.length(), 2);
    let first: web_sys::Element = links.get(0).unwrap().dyn_into().unwrap();
    assert_eq!(
        first.get_attribute("href").as_deref(),
        Some("#f-tre_ho_ten")
    );
    assert_eq!(
        el.query_selector("#error-summary")
            .unwrap()
            .unwrap()
            .get_attribute("role")
            .as_deref(),
        Some("alert")
    );
    issues.set(Vec::new());
    tick().await;
    assert!(
        el.query_selector("#error-summary").unwrap().is_none(),
        "the summary goes away when fixed"
    );
}
