//! Images that load fast (#19, part 3), on `tests/fixtures/rich` (built
//! under `https://example.org/docs/`) with a wide screenshot added beside
//! the first-note guide: its size, lazy loading, WebP copies in a
//! `<picture>`, the cache that makes a rebuild do no image work, and a
//! damaged or enormous image failing at its reference.

use std::fs;
use std::io::Cursor;
use std::path::PathBuf;
use std::time::{Duration, Instant, SystemTime};

use crate::common::{Tag, TestSite, assert_same, broken_links, tags};

const GUIDE: &str = "content/guides/first-note/index.md";
const WIDE: &str = "content/guides/first-note/wide.png";
/// What the theme's column makes of an image: `casebook::images::SIZES`.
const SIZES: &str = "(min-width: 44rem) 42rem, calc(100vw - 2rem)";

/// A screenshot-like PNG, `width` × `height`: bands of colour and detail.
pub(crate) fn screenshot(width: u32, height: u32, seed: u8) -> Vec<u8> {
    let img = image::RgbImage::from_fn(width, height, |x, y| {
        let band = if (x / 40 + y / 24) % 2 == 0 { 250 } else { 30 };
        image::Rgb([band, (x % 251) as u8 ^ seed, (y % 241) as u8])
    });
    let mut out = Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

/// The rich fixture with a 1,600 × 900 screenshot shown after the guide's
/// first image (so it is lazy), at line 9, column 1 of the guide.
fn site_with_a_wide_image() -> TestSite {
    let site = TestSite::new("rich");
    fs::write(site.root().join(WIDE), screenshot(1600, 900, 0)).unwrap();
    site.edit(
        GUIDE,
        "![A short note of 182 characters](note.png)\n",
        "![A short note of 182 characters](note.png)\n\n![The whole window](wide.png)\n",
    );
    site
}

/// The `<source>` and `<img>` of the `<picture>` in the guide's `<main>`.
fn picture(site: &TestSite) -> (Tag, Tag) {
    let main = site.out().main("/guides/first-note/");
    let start = main.find("<picture").expect("a <picture> in the guide");
    let end = main[start..]
        .find("</picture>")
        .expect("a closed <picture>")
        + start;
    let inside = tags(&main[start..end]);
    let find = |name: &str| inside.iter().find(|t| t.name == name).cloned();
    (
        find("source").expect("a <source>"),
        find("img").expect("an <img>"),
    )
}

/// `(url, width)` of each candidate of a `srcset`.
fn candidates(srcset: &str) -> Vec<(String, u32)> {
    srcset
        .split(", ")
        .map(|c| {
            let (url, w) = c.rsplit_once(' ').expect("url and width");
            let w = w.strip_suffix('w').expect("a width descriptor");
            (url.to_owned(), w.parse().expect("a number"))
        })
        .collect()
}

#[test]
fn a_wide_image_gets_its_size_lazy_loading_and_webp_copies() {
    let site = site_with_a_wide_image();
    let run = site.build(&["--timings"]).success();
    assert!(
        run.stdout.contains("of which 1 resized in this build"),
        "{}",
        run.stdout
    );
    let (source, img) = picture(&site);
    assert_eq!(source.attr("type"), Some("image/webp"));
    assert_eq!(source.attr("sizes"), Some(SIZES));
    assert_eq!(img.attr("src"), Some("/docs/guides/first-note/wide.png"));
    assert_eq!(img.attr("alt"), Some("The whole window"));
    assert_eq!(
        (img.attr("width"), img.attr("height")),
        (Some("1600"), Some("900"))
    );
    assert_eq!(img.attr("loading"), Some("lazy"));
    assert_eq!(img.attr("decoding"), Some("async"));

    let copies = candidates(source.attr("srcset").expect("a srcset"));
    let widths: Vec<u32> = copies.iter().map(|(_, w)| *w).collect();
    assert_eq!(widths, [480, 672, 1008, 1344]);
    for (url, width) in &copies {
        let rel = url.strip_prefix("/docs/").expect("under the base path");
        assert!(
            rel.starts_with(&format!("guides/first-note/wide-{width}.")) && rel.ends_with(".webp"),
            "{rel}"
        );
        let bytes = fs::read(site.out().dir.join(rel)).expect("the copy is written");
        let webp = image::load_from_memory_with_format(&bytes, image::ImageFormat::WebP)
            .expect("a valid WebP");
        assert_eq!((webp.width(), webp.height()), (*width, width * 9 / 16));
    }
    // The first image of the page is likely above the fold: not lazy.
    let first = tags(&site.out().main("/guides/first-note/"))
        .into_iter()
        .find(|t| t.name == "img")
        .unwrap();
    assert_eq!(first.attr("src"), Some("/docs/guides/first-note/note.png"));
    assert_eq!(
        (first.attr("width"), first.attr("height")),
        (Some("24"), Some("16"))
    );
    assert_eq!(first.attr("loading"), None);
    let broken = broken_links(&site.out().dir, "https://example.org/docs/");
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

/// Every file of the image cache beside the output, with its time.
fn cache_files(site: &TestSite) -> Vec<(PathBuf, SystemTime)> {
    let dir = site.root().join(".public.casebook-images");
    let mut files: Vec<_> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("no image cache at {}: {e}", dir.display()))
        .flatten()
        .map(|f| (f.path(), f.metadata().unwrap().modified().unwrap()))
        .collect();
    files.sort();
    files
}

#[test]
fn a_rebuild_with_unchanged_images_does_no_image_work() {
    let site = site_with_a_wide_image();
    site.build(&[]).success();
    let cached = cache_files(&site);
    assert_eq!(cached.len(), 1 + 4, "one entry and its four copies");
    let before = site.out().snapshot();
    let run = site.build(&["--timings"]).success();
    assert!(
        run.stdout.contains("of which 0 resized in this build"),
        "{}",
        run.stdout
    );
    assert_eq!(cache_files(&site), cached, "the cache was not rewritten");
    assert_same(&before, &site.out().snapshot(), "the rebuilt site");

    // A changed image is resized again; its old copies leave the site and
    // the cache.
    fs::write(site.root().join(WIDE), screenshot(1600, 900, 7)).unwrap();
    let run = site.build(&["--timings"]).success();
    assert!(run.stdout.contains("of which 1 resized"), "{}", run.stdout);
    let now = cache_files(&site);
    assert_eq!(now.len(), 5);
    assert!(
        now.iter().all(|f| !cached.contains(f)),
        "stale cache files kept"
    );
    let webp = |snapshot: &std::collections::BTreeMap<String, Vec<u8>>| -> Vec<String> {
        snapshot
            .keys()
            .filter(|k| k.ends_with(".webp"))
            .cloned()
            .collect()
    };
    let (old, new) = (webp(&before), webp(&site.out().snapshot()));
    assert_eq!(new.len(), 4);
    assert!(new.iter().all(|f| !old.contains(f)), "{old:?} {new:?}");
}

#[test]
fn a_damaged_image_fails_at_its_reference_and_keeps_the_last_output() {
    let site = site_with_a_wide_image();
    site.build(&[]).success();
    let before = site.out().snapshot();
    let whole = screenshot(1600, 900, 0);
    fs::write(site.root().join(WIDE), &whole[..whole.len() / 2]).unwrap();
    let run = site.build(&[]).failure();
    run.at(&format!("{GUIDE}:9:1"))
        .says("the image `guides/first-note/wide.png` cannot be shown: the PNG image is damaged or cut short")
        .hinted()
        .problems(1);
    assert_same(
        &before,
        &site.out().snapshot(),
        "the output after a failed build",
    );

    // Text saved under an image's name.
    fs::write(site.root().join(WIDE), "not a picture").unwrap();
    site.build(&[])
        .failure()
        .at(&format!("{GUIDE}:9:1"))
        .says("this file is not an image casebook can read")
        .hinted();
}

/// A valid PNG header claiming 100,000 × 100,000 pixels, and a few bytes:
/// a decompression bomb (the file is 67 bytes; decoded, 40 GB).
fn bomb() -> Vec<u8> {
    let chunk = |out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]| {
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        let start = out.len();
        out.extend_from_slice(kind);
        out.extend_from_slice(data);
        let crc = crc32(&out[start..]);
        out.extend_from_slice(&crc.to_be_bytes());
    };
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = 100_000u32.to_be_bytes().repeat(2);
    ihdr.extend_from_slice(&[8, 6, 0, 0, 0]);
    chunk(&mut out, b"IHDR", &ihdr);
    chunk(
        &mut out,
        b"IDAT",
        &[0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01],
    );
    chunk(&mut out, b"IEND", &[]);
    out
}

/// CRC-32 as PNG chunks use it. Hand-written: eight lines, for one test.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

#[test]
fn a_decompression_bomb_is_refused_at_once_with_the_limit() {
    let site = site_with_a_wide_image();
    fs::write(site.root().join(WIDE), bomb()).unwrap();
    let started = Instant::now();
    let run = site.build(&[]).failure();
    assert!(
        started.elapsed() < Duration::from_secs(30),
        "took {:?}",
        started.elapsed()
    );
    run.at(&format!("{GUIDE}:9:1"))
        .says("the image is 100,000 × 100,000 pixels, over the 40-megapixel limit")
        .says("16,384 pixels a side and 40 megapixels")
        .problems(1);
    assert!(
        !site.out().dir.exists(),
        "a failed first build writes no site"
    );
}
