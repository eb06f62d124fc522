//! Property tests: no validator panics on any input, normalisation is idempotent, and packages are
//! deterministic and tamper-evident.
#![cfg(not(target_arch = "wasm32"))]

use hoso::engine::catalog::{Answers, Catalog};
use hoso::engine::date::{Date, Timestamp};
use hoso::engine::package::{self, Attachment, BuildInput};
use hoso::engine::text::{self, Lang};
use hoso::engine::units::AdminUnits;
use hoso::engine::validate::{self, Context};
use hoso::engine::{ids, media, zipr, zipw};
use proptest::prelude::*;

fn ctx() -> Context<'static> {
    Context {
        today: Date::from_ymd(2026, 11, 22).unwrap(),
        units: Some(AdminUnits::bundled()),
    }
}

/// Strings that look like what people (and attackers) type: Vietnamese letters, digits,
/// separators, markup, combining marks, control characters, and anything else.
fn messy() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[0-9 ./+-]{0,20}",
        "[a-zA-Zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ '\u{0300}\u{0301}\u{0303}]{0,40}",
        "<[a-z]{1,6}( [a-z]+=\"[^\"]{0,10}\")?>[^<]{0,10}</[a-z]{1,6}>",
        "[\u{0}-\u{1f}\u{7f}\u{200b}\u{feff}\u{202e}]{0,8}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn every_field_validator_survives_any_string(s in messy()) {
        let cat = Catalog::bundled();
        let c = ctx();
        for p in &cat.procedures {
            for f in &p.fields {
                if let Ok(v) = validate::field_value(f, &s, &c) {
                    // A canonical value validates again to itself.
                    let again = validate::field_value(f, &v, &c);
                    prop_assert_eq!(again.as_ref(), Ok(&v), "field {}", f.id);
                    prop_assert!(text::is_nfc(&v));
                }
            }
        }
        let _ = ids::parse_phone(&s);
        let _ = ids::parse_email(&s);
        let _ = ids::parse_personal_id(&s);
        let _ = Date::parse_input(&s);
        let _ = AdminUnits::bundled().search(&s, 10);
        let _ = media::sniff(&s, s.as_bytes());
    }

    #[test]
    fn whole_procedure_validation_never_panics(values in proptest::collection::vec(messy(), 40)) {
        let cat = Catalog::bundled();
        for p in &cat.procedures {
            let mut a = p.sample_answers.clone();
            for (f, v) in p.fields.iter().zip(values.iter()) {
                a.insert(f.id.clone(), v.clone());
            }
            let out = validate::validate(p, &a, &ctx());
            for i in &out.issues {
                prop_assert!(i.message.is_complete(), "message lacks a language: {:?}", i);
            }
        }
    }

    #[test]
    fn small_sort_matches_the_standard_stable_sort(v in proptest::collection::vec((0u8..5, any::<u16>()), 0..60)) {
        let mut ours = v.clone();
        hoso::engine::sort_small_by(&mut ours, |a, b| a.0 < b.0);
        let mut std_sorted = v;
        std_sorted.sort_by_key(|x| x.0);
        prop_assert_eq!(ours, std_sorted);
    }

    #[test]
    fn cleaning_is_idempotent_and_nfc(s in messy()) {
        let once = text::clean(&s);
        prop_assert_eq!(text::clean(&once), once.clone());
        prop_assert!(text::is_nfc(&once));
        prop_assert!(!once.contains("  "));
        prop_assert_eq!(text::fold(&text::fold(&s)), text::fold(&s));
    }

    #[test]
    fn packages_are_deterministic_and_tamper_evident(
        photo in proptest::collection::vec(any::<u8>(), 0..2000),
        secs in 1_700_000_000i64..1_900_000_000,
        flip in any::<prop::sample::Index>(),
    ) {
        let cat = Catalog::bundled();
        let p = cat.procedure("khai-sinh").unwrap();
        let answers: Answers = p.sample_answers.clone();
        let mut bytes = vec![0xFF, 0xD8, 0xFF];
        bytes.extend(photo);
        let atts = [Attachment { document_id: "giay-chung-sinh".into(), name: "a.jpg".into(), bytes: bytes.into() }];
        let input = BuildInput {
            procedure: p, catalog_version: &cat.version, answers: &answers, attachments: &atts,
            created_at: Timestamp::from_unix(secs), today: Date::from_ymd(2026, 11, 22).unwrap(),
            lang: Lang::Vi, units: AdminUnits::bundled(), fonts: hoso::engine::pdf::BUNDLED_FONTS,
            digests: None,
        };
        let a = package::build(&input).unwrap();
        let b = package::build(&input).unwrap();
        prop_assert_eq!(&a.zip, &b.zip);
        let zip = a.zip.to_vec();
        prop_assert!(package::read(&zip).is_ok());
        // Any single-byte change inside any stored file (manifest included) is detected.
        let (_, files) = package::read(&zip).unwrap();
        let manifest = serde_json::to_vec_pretty(&a.manifest).unwrap();
        let payloads: Vec<&[u8]> = std::iter::once(manifest.as_slice()).chain(files.values().map(|v| v.as_slice())).collect();
        let target = payloads[flip.index(payloads.len())];
        prop_assume!(!target.is_empty());
        let start = zip.windows(target.len()).position(|w| w == target).unwrap();
        let mut bad = zip.clone();
        let i = start + flip.index(target.len());
        bad[i] ^= 0x20;
        prop_assert!(package::read(&bad).is_err(), "flipping byte {} went unnoticed", i);
        // Any byte anywhere in the zip, headers included, with any change.
        let j = flip.index(zip.len());
        let mut bad = zip.clone();
        bad[j] = bad[j].wrapping_add(1 + (secs as u8 % 255));
        prop_assert!(package::read(&bad).is_err(), "changing byte {} of the zip went unnoticed", j);
    }

    /// A careful attacker rewrites the zip with correct CRCs: removing, adding or renaming any
    /// file, or changing any byte of any file (or the manifest), is still detected.
    #[test]
    fn rewritten_packages_are_detected(
        photos in proptest::collection::vec(proptest::collection::vec(any::<u8>(), 1..300), 1..4),
        op in 0u8..4,
        pick in any::<prop::sample::Index>(),
        byte in any::<prop::sample::Index>(),
    ) {
        let cat = Catalog::bundled();
        let p = cat.procedure("khai-sinh").unwrap();
        let answers: Answers = p.sample_answers.clone();
        let atts: Vec<Attachment> = photos.into_iter().map(|ph| {
            let mut b = vec![0xFF, 0xD8, 0xFF];
            b.extend(ph);
            Attachment { document_id: "giay-chung-sinh".into(), name: "a.jpg".into(), bytes: b.into() }
        }).collect();
        let input = BuildInput {
            procedure: p, catalog_version: &cat.version, answers: &answers, attachments: &atts,
            created_at: Timestamp::from_unix(1_790_000_000), today: Date::from_ymd(2026, 11, 22).unwrap(),
            lang: Lang::Vi, units: AdminUnits::bundled(), fonts: hoso::engine::pdf::BUNDLED_FONTS,
            digests: None,
        };
        let zip = package::build(&input).unwrap().zip.to_vec();
        let entries: Vec<(String, Vec<u8>)> = zipr::read(&zip).unwrap().into_iter().map(|e| (e.name, zip[e.data].to_vec())).collect();
        let mut changed = entries.clone();
        let k = pick.index(entries.len());
        match op {
            0 => { changed.remove(k); }
            1 => changed.push(("documents/giay-chung-sinh/99.jpg".into(), vec![0xFF, 0xD8, 0xFF, 0])),
            2 => changed[k].0 = format!("{}x", changed[k].0),
            _ => {
                prop_assume!(!changed[k].1.is_empty());
                let i = byte.index(changed[k].1.len());
                changed[k].1[i] ^= 0x01;
            }
        }
        let mut w = zipw::ZipWriter::with_capacity(zip.len() + 100);
        for (n, d) in &changed {
            w.add(n, d).unwrap();
        }
        let rewritten = w.finish();
        prop_assert!(package::read(&rewritten).is_err(), "op {} on entry {} went unnoticed", op, k);
    }
}

#[test]
fn sample_answers_of_every_procedure_validate() {
    for p in &Catalog::bundled().procedures {
        let out = validate::validate(p, &p.sample_answers, &ctx());
        assert!(out.is_valid(), "{}: {:#?}", p.id, out.issues);
        assert!(p.lint().is_empty(), "{}: {:?}", p.id, p.lint());
    }
}
