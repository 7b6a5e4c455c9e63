//! Tests from bytes: every image is made here with the `image` crate.

use std::io::Cursor;
use std::time::{Duration, Instant};

use image::{ImageEncoder, ImageFormat, Rgb, RgbImage, Rgba, RgbaImage};

use super::*;
use crate::diagnostics::Problem;

/// A deterministic picture with detail, so encoders have work to do: grain
/// over gradients that span the picture, so that, as with a photo, a
/// narrower copy is a smaller file. (Sharp edges would not do: resized by a
/// factor that does not divide them, they blend into more colours, and a
/// lossless copy can grow as it shrinks.)
fn picture(width: u32, height: u32) -> RgbImage {
    RgbImage::from_fn(width, height, |x, y| {
        let mut grain = x
            .wrapping_mul(0x9E37_79B1)
            .wrapping_add(y.wrapping_mul(0x85EB_CA77));
        grain ^= grain >> 15;
        grain = grain.wrapping_mul(0x2C1B_3C6D);
        grain = (grain ^ (grain >> 12)) % 48;
        let across = |i: u32, n: u32| (u64::from(i) * 200 / u64::from(n.max(1))) as u8;
        Rgb([30 + grain as u8, across(x, width), across(y, height)])
    })
}

fn encoded(image: &RgbImage, format: ImageFormat) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    image.write_to(&mut out, format).unwrap();
    out.into_inner()
}

/// The cache stored as a build stores it (pruning what it did not use).
fn store(cache: &Cache, dir: &std::path::Path) {
    crate::output::store_image_cache(dir, cache, true).unwrap();
}

/// The cache read as a build reads it.
fn load(dir: &std::path::Path) -> Cache {
    crate::load::read_image_cache(dir)
}

fn png(width: u32, height: u32) -> Vec<u8> {
    encoded(&picture(width, height), ImageFormat::Png)
}

fn jpeg(width: u32, height: u32) -> Vec<u8> {
    encoded(&picture(width, height), ImageFormat::Jpeg)
}

fn size(info: &ImageInfo) -> (u32, u32) {
    let s = info.size.expect("a size");
    (s.width, s.height)
}

/// A GIF with `frames` frames.
fn gif(frames: usize) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut enc = image::codecs::gif::GifEncoder::new(&mut out);
        let frames = (0..frames).map(|i| {
            let shade = (i * 90) as u8;
            image::Frame::new(RgbaImage::from_pixel(30, 20, Rgba([shade, 0, 0, 255])))
        });
        enc.encode_frames(frames).unwrap();
    }
    out
}

#[test]
fn probes_each_format() {
    let info = probe(&png(300, 200)).unwrap();
    assert_eq!(
        (info.format, size(&info), info.lossy),
        (Format::Png, (300, 200), false)
    );
    let info = probe(&jpeg(64, 48)).unwrap();
    assert_eq!(
        (info.format, size(&info), info.lossy),
        (Format::Jpeg, (64, 48), true)
    );
    let info = probe(&encoded(&picture(50, 70), ImageFormat::WebP)).unwrap();
    assert_eq!(
        (info.format, size(&info), info.lossy),
        (Format::WebP, (50, 70), false)
    );
    let info = probe(&gif(1)).unwrap();
    assert_eq!(
        (info.format, size(&info), info.animated),
        (Format::Gif, (30, 20), false)
    );
    let svg = br#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 360"><rect/></svg>"#;
    let info = probe(svg).unwrap();
    assert_eq!((info.format, size(&info)), (Format::Svg, (640, 360)));
    assert!(!info.resizable());
}

#[test]
fn a_jpeg_turned_by_exif_reports_its_turned_size() {
    // A TIFF-structured EXIF block with one entry: Orientation (0x0112) = 6,
    // "turn 90° clockwise", as phone cameras write.
    let mut exif = b"II*\0\x08\0\0\0\x01\0".to_vec();
    exif.extend_from_slice(&[0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0, 0, 0, 0, 0]);
    let mut bytes = Vec::new();
    let mut enc = image::codecs::jpeg::JpegEncoder::new(&mut bytes);
    enc.set_exif_metadata(exif).unwrap();
    let image = picture(80, 40);
    enc.write_image(image.as_raw(), 80, 40, image::ExtendedColorType::Rgb8)
        .unwrap();
    let info = probe(&bytes).unwrap();
    assert_eq!(size(&info), (40, 80));
    let variants = render_variants(&bytes, &info, &[20]).unwrap();
    assert_eq!((variants[0].width, variants[0].height), (20, 40));
}

#[test]
fn gif_animations_pass_through() {
    let info = probe(&gif(3)).unwrap();
    assert!(info.animated);
    let wide = ImageInfo {
        size: Some(Size {
            width: 5000,
            height: 100,
        }),
        ..info
    };
    assert_eq!(plan(&wide, 600), Vec::<u32>::new());
}

#[test]
fn unknown_and_damaged_files_are_errors() {
    let err = probe(b"just some text").unwrap_err();
    assert_eq!(err.kind, ErrorKind::Unsupported);
    assert!(err.message.contains("not an image"), "{err}");

    let mut damaged = png(40, 30);
    damaged[16..24].copy_from_slice(b"garbage!"); // inside IHDR: its CRC fails
    let err = probe(&damaged).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Corrupt, "{err}");
    assert!(err.message.starts_with("the PNG image is damaged"), "{err}");

    let problem = Problem::from(err);
    assert!(problem.hint.unwrap().contains("save it again"));
}

#[test]
fn a_truncated_png_is_an_error_not_a_panic() {
    let whole = png(900, 500);
    // Cut in the header: probing fails.
    let err = probe(&whole[..20]).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Corrupt, "{err}");
    // Cut in the pixels: the header probes, the decode fails.
    let cut = &whole[..whole.len() / 2];
    let info = probe(cut).unwrap();
    let err = render_variants(cut, &info, &[480]).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Corrupt, "{err}");
    let err = Cache::new().process(cut, 600).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Corrupt, "{err}");
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

fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(&u32::try_from(data.len()).unwrap().to_be_bytes());
    let start = out.len();
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let crc = crc32(&out[start..]);
    out.extend_from_slice(&crc.to_be_bytes());
}

/// A valid PNG header claiming `width` × `height` RGBA pixels, with a few
/// bytes of (meaningless) pixel data: a decompression bomb's header.
fn claimed_png(width: u32, height: u32) -> Vec<u8> {
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&width.to_be_bytes());
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[8, 6, 0, 0, 0]); // 8-bit RGBA, no interlace
    chunk(&mut out, b"IHDR", &ihdr);
    chunk(
        &mut out,
        b"IDAT",
        &[0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01],
    );
    chunk(&mut out, b"IEND", &[]);
    out
}

#[test]
fn a_decompression_bomb_fails_fast_with_the_limit_named() {
    let bomb = claimed_png(100_000, 100_000);
    let start = Instant::now();
    let err = probe(&bomb).unwrap_err();
    let cache_err = Cache::new().process(&bomb, 672).unwrap_err();
    // Skipping the probe does not get past the decoder's own limits.
    let fake = ImageInfo {
        format: Format::Png,
        size: Some(Size {
            width: 100_000,
            height: 100_000,
        }),
        animated: false,
        lossy: false,
    };
    let decode_err = render_variants(&bomb, &fake, &[480]).unwrap_err();
    let elapsed = start.elapsed();
    assert!(elapsed < Duration::from_millis(250), "took {elapsed:?}");
    assert_eq!(err.kind, ErrorKind::TooLarge);
    assert_eq!(
        err.message,
        "the image is 100,000 × 100,000 pixels, over the 40-megapixel limit"
    );
    assert!(
        err.hint.contains("16,384 pixels a side and 40 megapixels"),
        "{}",
        err.hint
    );
    assert_eq!(cache_err, err);
    assert_eq!(decode_err.kind, ErrorKind::TooLarge, "{decode_err}");

    let err = probe(&claimed_png(20_000, 100)).unwrap_err();
    assert_eq!(
        err.message,
        "the image is 20,000 × 100 pixels, over the limit of 16,384 pixels a side"
    );
    assert_eq!(
        probe(&claimed_png(0, 100)).unwrap_err().kind,
        ErrorKind::Corrupt
    );
}

fn still(width: u32, height: u32) -> ImageInfo {
    ImageInfo {
        format: Format::Png,
        size: Some(Size { width, height }),
        animated: false,
        lossy: false,
    }
}

#[test]
fn plan_offers_a_few_widths_up_to_twice_the_column() {
    assert_eq!(plan(&still(2400, 1350), 672), [480, 672, 1008, 1344]);
    // Never wider than the image: its own width, in WebP, is the widest.
    assert_eq!(plan(&still(1200, 800), 672), [480, 672, 1008, 1200]);
    assert_eq!(plan(&still(800, 800), 672), [480, 672, 800]);
    // 672 is within 15% of 700: one of them is enough.
    assert_eq!(plan(&still(700, 300), 672), [480, 700]);
    // Not wider than the column: none.
    assert_eq!(plan(&still(672, 300), 672), Vec::<u32>::new());
    assert_eq!(plan(&still(300, 300), 672), Vec::<u32>::new());
    // A narrow column still gets 480.
    assert_eq!(plan(&still(3000, 300), 320), [320, 480, 640]);
    // Copies taller than WebP allows are left out.
    assert_eq!(plan(&still(700, 16_384), 672), [480, 672]);
    let svg = ImageInfo {
        format: Format::Svg,
        ..still(2000, 1000)
    };
    assert_eq!(plan(&svg, 672), Vec::<u32>::new());
}

fn webp_chunk(webp: &[u8]) -> &[u8] {
    assert_eq!(&webp[..4], b"RIFF");
    assert_eq!(&webp[8..12], b"WEBP");
    &webp[12..16]
}

#[test]
fn variants_are_webp_at_the_planned_widths_and_the_same_aspect() {
    let bytes = png(1000, 600);
    let info = probe(&bytes).unwrap();
    let widths = plan(&info, 400);
    assert_eq!(widths, [400, 480, 600, 800]);
    let variants = render_variants(&bytes, &info, &widths).unwrap();
    let got: Vec<(u32, u32)> = variants.iter().map(|v| (v.width, v.height)).collect();
    assert_eq!(got, [(400, 240), (480, 288), (600, 360), (800, 480)]);
    for v in &variants {
        assert_eq!(webp_chunk(&v.webp), b"VP8L", "a PNG's copies are lossless");
        let decoded = image::load_from_memory_with_format(&v.webp, ImageFormat::WebP).unwrap();
        assert_eq!((decoded.width(), decoded.height()), (v.width, v.height));
        assert!(
            !decoded.color().has_alpha(),
            "no alpha channel where all is opaque"
        );
    }
    let name = variants[0].file_name("shot");
    assert!(
        name.starts_with("shot-400.") && name.ends_with(".webp"),
        "{name}"
    );
    assert_eq!(name.len(), "shot-400.0123456789.webp".len());

    let bytes = jpeg(900, 300);
    let info = probe(&bytes).unwrap();
    let variants = render_variants(&bytes, &info, &plan(&info, 672)).unwrap();
    assert_eq!(variants.len(), 3);
    assert_eq!((variants[2].width, variants[2].height), (900, 300));
    assert_eq!(
        webp_chunk(&variants[2].webp),
        b"VP8 ",
        "a JPEG's copies are lossy"
    );
}

#[test]
fn a_copy_no_smaller_than_a_wider_one_is_dropped() {
    let sized = |list: &[(u32, usize)]| -> Vec<Variant> {
        list.iter()
            .map(|&(w, len)| Variant::new(w, w / 2, vec![0u8; len]))
            .collect()
    };
    let widths = |vs: Vec<Variant>| vs.iter().map(|v| v.width).collect::<Vec<_>>();
    // A drawing whose copies grow as they shrink keeps only the widest.
    let drawing = sized(&[(480, 50), (672, 60), (1008, 40), (1280, 30)]);
    assert_eq!(widths(variants::only_smaller(drawing)), [1280]);
    // Each copy is compared with the narrowest wider copy kept.
    let mixed = sized(&[(480, 10), (672, 20), (1008, 15), (1280, 30)]);
    assert_eq!(widths(variants::only_smaller(mixed)), [480, 1008, 1280]);
    // A photo's copies, each smaller than the next, all stay; equal is not smaller.
    let photo = sized(&[(480, 10), (672, 20), (1008, 30)]);
    assert_eq!(widths(variants::only_smaller(photo)), [480, 672, 1008]);
    let equal = sized(&[(480, 30), (672, 30)]);
    assert_eq!(widths(variants::only_smaller(equal)), [672]);
}

#[test]
fn transparency_survives_resizing() {
    let image = RgbaImage::from_fn(600, 200, |x, _| {
        Rgba([0, 90, 200, if x < 300 { 0 } else { 255 }])
    });
    let mut bytes = Cursor::new(Vec::new());
    image.write_to(&mut bytes, ImageFormat::Png).unwrap();
    let bytes = bytes.into_inner();
    let info = probe(&bytes).unwrap();
    let variants = render_variants(&bytes, &info, &[300]).unwrap();
    let decoded = image::load_from_memory(&variants[0].webp)
        .unwrap()
        .to_rgba8();
    assert_eq!(decoded.get_pixel(10, 50)[3], 0);
    let [r, g, b, a] = decoded.get_pixel(290, 50).0;
    assert!(r <= 1 && g.abs_diff(90) <= 1 && b.abs_diff(200) <= 1 && a == 255);
}

/// Four images: three with copies for a 400-pixel column, one without.
fn site_images() -> Vec<Vec<u8>> {
    vec![png(1000, 500), jpeg(900, 600), png(600, 300), png(200, 100)]
}

#[test]
fn a_cache_hit_does_no_work_in_memory_or_from_disk() {
    let images = site_images();
    let cache = Cache::new();
    let first: Vec<_> = images
        .iter()
        .map(|b| cache.process(b, 400).unwrap())
        .collect();
    assert_eq!(cache.made(), 3, "the narrow image needed no work");
    assert_eq!(first[0].variants.len(), 4);
    assert!(first[3].variants.is_empty());
    for (b, was) in images.iter().zip(&first) {
        assert!(std::sync::Arc::ptr_eq(&cache.process(b, 400).unwrap(), was));
    }
    assert_eq!(cache.made(), 3, "the second pass found everything");
    // Another column is another result.
    cache.process(&images[0], 600).unwrap();
    assert_eq!(cache.made(), 4);

    let dir = tempfile::tempdir().unwrap();
    store(&cache, dir.path());
    let loaded = load(dir.path());
    assert_eq!(loaded.len(), 4, "the images with copies, one of them twice");
    for (b, was) in images.iter().zip(&first) {
        assert_eq!(*loaded.process(b, 400).unwrap(), **was);
    }
    assert_eq!(loaded.made(), 0, "a rebuild from disk does no image work");
}

#[test]
fn a_tampered_or_foreign_cache_file_is_ignored() {
    let images = site_images();
    let cache = Cache::new();
    let fresh: Vec<_> = images
        .iter()
        .map(|b| cache.process(b, 400).unwrap())
        .collect();
    let dir = tempfile::tempdir().unwrap();
    store(&cache, dir.path());
    let path = |name: String| dir.path().join(name);

    // Flip a byte of one copy of the PNG, and edit the JPEG's entry.
    let copy = path(format!("{}.webp", fresh[0].variants[1].digest.to_hex()));
    let mut webp = std::fs::read(&copy).unwrap();
    let last = webp.len() - 1;
    webp[last] ^= 1;
    std::fs::write(&copy, webp).unwrap();
    let entry = path(format!("{}.entry", cache::key(&images[1], 400).to_hex()));
    let text = std::fs::read_to_string(&entry).unwrap();
    std::fs::write(&entry, text.replace("\"width\":480", "\"width\":481")).unwrap();
    // Foreign files, one of them named like an entry.
    std::fs::write(path("notes.txt".into()), "mine").unwrap();
    std::fs::write(
        path(format!("{}.entry", "ab".repeat(32))),
        "casebook image cache 1 00\n{}",
    )
    .unwrap();

    let loaded = load(dir.path());
    assert_eq!(loaded.len(), 1, "only the untouched entry verifies");
    let again: Vec<_> = images
        .iter()
        .map(|b| loaded.process(b, 400).unwrap())
        .collect();
    assert_eq!(loaded.made(), 2, "the damaged ones are made again");
    for (a, b) in again.iter().zip(&fresh) {
        assert_eq!(**a, **b);
    }
    // Storing repairs the cache and leaves foreign files alone.
    store(&loaded, dir.path());
    assert_eq!(load(dir.path()).len(), 3);
    assert!(path("notes.txt".into()).exists());
}

#[test]
fn store_drops_what_the_build_did_not_use() {
    let images = site_images();
    let dir = tempfile::tempdir().unwrap();
    let cache = Cache::new();
    for b in &images {
        cache.process(b, 400).unwrap();
    }
    store(&cache, dir.path());
    let files = || std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(files(), 3 + 4 + 4 + 3, "three entries and eleven copies");

    let next = load(dir.path());
    next.process(&images[2], 400).unwrap();
    next.process(&images[3], 400).unwrap();
    store(&next, dir.path());
    assert_eq!(files(), 1 + 3, "only the wide image still in the site");
    assert_eq!(next.made(), 0);
}

#[test]
fn the_pipeline_names_the_crate_versions_in_cargo_lock() {
    let lock = include_str!("../../Cargo.lock");
    for name in ["image", "fast_image_resize", "webp", "libwebp-sys"] {
        let version = lock
            .split("[[package]]")
            .find(|p| p.contains(&format!("name = \"{name}\"\n")))
            .and_then(|p| p.lines().find_map(|l| l.strip_prefix("version = ")))
            .map(|v| v.trim_matches('"'))
            .unwrap_or_else(|| panic!("{name} in Cargo.lock"));
        assert!(
            variants::PIPELINE.contains(&format!("; {name} {version}")),
            "update PIPELINE for {name} {version}"
        );
    }
}

#[test]
fn numbers_in_messages_are_grouped() {
    assert_eq!(grouped(0), "0");
    assert_eq!(grouped(999), "999");
    assert_eq!(grouped(16_384), "16,384");
    assert_eq!(grouped(40_000_000), "40,000,000");
}

#[test]
fn pictures_name_copies_beside_the_original_and_write_each_once() {
    let pictures = Pictures::new(std::sync::Arc::new(Cache::new()));
    let wide = png(1500, 500);
    let shown = pictures
        .show("guides/shot.png", "/kb/guides/shot.png", &wide)
        .unwrap();
    assert_eq!(
        shown.size,
        Some(Size {
            width: 1500,
            height: 500
        })
    );
    let widths: Vec<u32> = shown.sources.iter().map(|(_, w)| *w).collect();
    assert_eq!(widths, [480, 672, 1008, 1344]);
    for (url, w) in &shown.sources {
        assert!(url.starts_with(&format!("/kb/guides/shot-{w}.")), "{url}");
        assert!(url.ends_with(".webp"), "{url}");
    }
    // Another page shows it too, and a language's edition from its own URL.
    let again = pictures
        .show("guides/shot.png", "/kb/guides/shot.png", &wide)
        .unwrap();
    assert_eq!(again, shown);
    let copies = pictures.take_copies();
    let mut paths: Vec<&str> = copies.iter().map(|f| f.path.as_str()).collect();
    let mut urls: Vec<&str> = shown.sources.iter().map(|(u, _)| u.as_str()).collect();
    paths.sort_unstable();
    urls.sort_unstable();
    assert_eq!(paths.len(), 4, "{paths:?}");
    for (url, path) in urls.iter().zip(&paths) {
        assert_eq!(url.strip_prefix("/kb/"), Some(*path));
    }
    assert!(copies.iter().all(|f| webp_chunk(&f.bytes) == b"VP8L"));
    assert_eq!(pictures.cache().made(), 1);

    // Narrow images, SVG and formats casebook does not read: no copies.
    let narrow = pictures.show("a.png", "/a.png", &png(300, 200)).unwrap();
    assert!(narrow.sources.is_empty() && narrow.size.is_some());
    let svg = br#"<svg xmlns="http://www.w3.org/2000/svg" width="900" height="90"/>"#;
    let shown = pictures.show("d.svg", "/d.svg", svg).unwrap();
    assert_eq!(
        (shown.size.map(|s| s.width), shown.sources.len()),
        (Some(900), 0)
    );
    assert_eq!(
        pictures.show("i.bmp", "/i.bmp", b"BM....").unwrap(),
        Shown::default()
    );
    // But a file named as a PNG must be one.
    let err = pictures.show("i.png", "/i.png", b"BM....").unwrap_err();
    assert_eq!(err.kind, ErrorKind::Unsupported);
    assert!(pictures.take_copies().is_empty());
}
