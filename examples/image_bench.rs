//! Images in guides (issue #19): the figures behind `src/images/`.
//!
//! Makes 50 images deterministically (25 screenshot-like PNGs: flat
//! colours, text-like glyphs; 25 photo-like JPEGs at quality 90: gradients,
//! soft shapes, grain), 1,600–2,400 pixels wide, then reports:
//! - the WebP encoders side by side on one screenshot and one photo at
//!   2 × the column (size and time): `image`'s lossless encoder, libwebp
//!   lossless at a few effort levels, libwebp lossy at quality 80;
//! - `image`'s resize against fast_image_resize (Lanczos3);
//! - probing the 50 images; processing them into copies with an empty
//!   cache (a first build) and with the cache loaded from disk (a rebuild);
//! - the bytes a page then downloads.
//!
//! Each figure is the median of several runs (the machine may be shared),
//! with the minimum beside it.
//!
//!     cargo run --release --example image_bench -- [RUNS]
#![allow(clippy::print_stdout)]

use std::io::Cursor;
use std::time::{Duration, Instant};

use casebook::images::{Cache, plan, probe};
use fast_image_resize as fir;
use image::{ImageEncoder, RgbImage};
use rayon::prelude::*;

/// The default theme's content column: 42rem.
const COLUMN: u32 = 672;

/// xorshift64*: a deterministic stream, so every run draws the same images.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u32) -> u32 {
        (self.next() % u64::from(n)) as u32
    }
}

fn fill(img: &mut RgbImage, x: u32, y: u32, w: u32, h: u32, c: [u8; 3]) {
    for yy in y..(y + h).min(img.height()) {
        for xx in x..(x + w).min(img.width()) {
            img.put_pixel(xx, yy, image::Rgb(c));
        }
    }
}

/// A made-up bitmap font: 60 glyphs of 6 × 9 pixels. Real screenshots
/// repeat a font's few glyphs, which lossless encoders exploit; random
/// strokes for every glyph would not.
fn font() -> Vec<u64> {
    let mut rng = Rng(0x5EED);
    (0..60)
        .map(|_| rng.next() & rng.next() | rng.next() & 0x0F0F_0F0F_0F0F)
        .collect()
}

/// One glyph of `font` drawn at (x, y) in `ink`, with grey,
/// anti-aliasing-like edges.
fn glyph(img: &mut RgbImage, bits: u64, x: u32, y: u32, ink: [u8; 3]) {
    for gy in 0..9 {
        for gx in 0..6 {
            if (bits >> ((gy * 6 + gx) % 64)) & 1 == 1 {
                fill(img, x + gx, y + gy, 1, 1, ink);
            } else if (bits >> ((gy * 6 + gx + 1) % 64)) & 1 == 1 {
                let soft = ink.map(|c| c / 2 + 110);
                fill(img, x + gx, y + gy, 1, 1, soft);
            }
        }
    }
}

/// A screenshot-like image: an app's window with a header bar, a sidebar,
/// paragraphs of text, buttons and a code block.
fn screenshot(seed: u64, width: u32, height: u32) -> RgbImage {
    let mut rng = Rng(seed | 1);
    let mut img = RgbImage::from_pixel(width, height, image::Rgb([255, 255, 255]));
    fill(&mut img, 0, 0, width, 56, [29, 78, 216]);
    fill(&mut img, 0, 56, 260, height, [243, 245, 248]);
    let mut y = 90;
    while y + 20 < height {
        let block = rng.below(10);
        let x0 = 300;
        if block == 0 {
            let bw = 120 + rng.below(80);
            fill(&mut img, x0, y, bw, 36, [15, 107, 58]);
            y += 60;
            continue;
        }
        if block == 1 {
            fill(&mut img, x0, y, width - x0 - 60, 120, [30, 33, 39]);
            for line in 0..6 {
                write_line(
                    &mut img,
                    &mut rng,
                    x0 + 16,
                    y + 12 + line * 17,
                    width - 400,
                    [200, 220, 255],
                );
            }
            y += 140;
            continue;
        }
        write_line(&mut img, &mut rng, x0, y, width - x0 - 60, [26, 26, 26]);
        y += if rng.below(5) == 0 { 40 } else { 22 };
    }
    for i in 0..(height / 40) {
        write_line(&mut img, &mut rng, 24, 80 + i * 40, 200, [74, 79, 87]);
    }
    img
}

thread_local! {
    static FONT: Vec<u64> = font();
}

fn write_line(img: &mut RgbImage, rng: &mut Rng, x0: u32, y: u32, max_w: u32, ink: [u8; 3]) {
    let end = x0 + max_w.min(200 + rng.below(max_w.max(201) - 200));
    let mut x = x0;
    while x + 7 < end {
        let word = 2 + rng.below(8);
        for _ in 0..word {
            let bits = FONT.with(|f| f[rng.below(f.len() as u32) as usize]);
            glyph(img, bits, x, y, ink);
            x += 7;
        }
        x += 5;
    }
}

/// Value noise: a `cells`-wide lattice of random values, bilinearly
/// interpolated, in -1..1.
struct Noise {
    cells: u32,
    seed: u64,
}

impl Noise {
    fn lattice(&self, x: u32, y: u32) -> f32 {
        let mut h = self.seed ^ (u64::from(x) << 32 | u64::from(y));
        h = (h ^ (h >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        h = (h ^ (h >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        ((h ^ (h >> 31)) % 2001) as f32 / 1000.0 - 1.0
    }

    fn at(&self, x: u32, y: u32, width: u32) -> f32 {
        let scale = width as f32 / self.cells as f32;
        let (fx, fy) = (x as f32 / scale, y as f32 / scale);
        let (x0, y0) = (fx as u32, fy as u32);
        let (tx, ty) = (fx.fract(), fy.fract());
        let top = self.lattice(x0, y0) * (1.0 - tx) + self.lattice(x0 + 1, y0) * tx;
        let bottom = self.lattice(x0, y0 + 1) * (1.0 - tx) + self.lattice(x0 + 1, y0 + 1) * tx;
        top * (1.0 - ty) + bottom * ty
    }
}

/// A photo-like image: a sky-to-ground gradient, soft shapes, texture at
/// several scales (foliage, fabric) and grain.
fn photo(seed: u64, width: u32, height: u32) -> RgbImage {
    let mut rng = Rng(seed | 1);
    let blobs: Vec<(f32, f32, f32, [f32; 3])> = (0..12)
        .map(|_| {
            let (x, y) = (rng.below(width) as f32, rng.below(height) as f32);
            let r = 80.0 + rng.below(width / 4) as f32;
            let c = [0, 0, 0].map(|_: u8| rng.below(200) as f32 - 100.0);
            (x, y, r, c)
        })
        .collect();
    let octaves: Vec<(Noise, f32)> = [(8, 40.0), (40, 22.0), (200, 14.0), (width / 3, 10.0)]
        .into_iter()
        .enumerate()
        .map(|(i, (cells, amp))| {
            (
                Noise {
                    cells,
                    seed: seed * 31 + i as u64,
                },
                amp,
            )
        })
        .collect();
    let grain = Noise {
        cells: width,
        seed: seed ^ 0xABCD,
    };
    RgbImage::from_fn(width, height, |x, y| {
        let t = y as f32 / height as f32;
        let mut c = [
            90.0 + 100.0 * (1.0 - t),
            140.0 - 30.0 * t,
            200.0 - 140.0 * t,
        ];
        for (bx, by, r, bc) in &blobs {
            let d2 = ((x as f32 - bx).powi(2) + (y as f32 - by).powi(2)) / (r * r);
            let w = (-d2).exp();
            for k in 0..3 {
                c[k] += bc[k] * w;
            }
        }
        let texture: f32 = octaves.iter().map(|(n, amp)| n.at(x, y, width) * amp).sum();
        let g = grain.lattice(x, y) * 5.0;
        image::Rgb(
            [0, 1, 2]
                .map(|k| (c[k] + texture * (0.8 + 0.1 * k as f32) + g).clamp(0.0, 255.0) as u8),
        )
    })
}

fn png_bytes(img: &RgbImage) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

fn jpeg_bytes(img: &RgbImage) -> Vec<u8> {
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90)
        .write_image(
            img.as_raw(),
            img.width(),
            img.height(),
            image::ExtendedColorType::Rgb8,
        )
        .unwrap();
    out
}

/// The 50 images: (is a screenshot, bytes), alternating.
fn site_images() -> Vec<(bool, Vec<u8>)> {
    (0..50u32)
        .into_par_iter()
        .map(|i| {
            let width = 1600 + (i * 397) % 801;
            let height = width * (9 + i % 4) / 16;
            if i % 2 == 0 {
                (
                    true,
                    png_bytes(&screenshot(u64::from(i) + 1, width, height)),
                )
            } else {
                (false, jpeg_bytes(&photo(u64::from(i) + 1, width, height)))
            }
        })
        .collect()
}

/// Median and minimum of `runs` timings of `f`.
fn timed<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, Duration, T) {
    let mut times = Vec::with_capacity(runs);
    let mut last = None;
    for _ in 0..runs {
        let start = Instant::now();
        last = Some(f());
        times.push(start.elapsed());
    }
    times.sort();
    (
        times[times.len() / 2],
        times[0],
        last.expect("at least one run"),
    )
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn kib(n: usize) -> String {
    format!("{:.1} KiB", n as f64 / 1024.0)
}

fn resized(img: &RgbImage, width: u32) -> RgbImage {
    let height = img.height() * width / img.width();
    let src = fir::images::ImageRef::new(
        img.width(),
        img.height(),
        img.as_raw(),
        fir::PixelType::U8x3,
    )
    .unwrap();
    let mut dst = fir::images::Image::new(width, height, fir::PixelType::U8x3);
    fir::Resizer::new()
        .resize(&src, &mut dst, &fir::ResizeOptions::new())
        .unwrap();
    RgbImage::from_raw(width, height, dst.into_vec()).unwrap()
}

fn libwebp(img: &RgbImage, lossless: bool, method: i32, quality: f32) -> Vec<u8> {
    let mut config = webp::WebPConfig::new().unwrap();
    config.lossless = i32::from(lossless);
    config.method = method;
    config.quality = quality;
    webp::Encoder::from_rgb(img.as_raw(), img.width(), img.height())
        .encode_advanced(&config)
        .unwrap()
        .to_vec()
}

fn image_webp_lossless(img: &RgbImage) -> Vec<u8> {
    let mut out = Vec::new();
    image::codecs::webp::WebPEncoder::new_lossless(&mut out)
        .encode(
            img.as_raw(),
            img.width(),
            img.height(),
            image::ExtendedColorType::Rgb8,
        )
        .unwrap();
    out
}

/// libwebp's settings: lossless, method, quality.
type Libwebp = (bool, i32, f32);

/// The encoders side by side on `img` (already at its display width).
fn compare_encoders(label: &str, img: &RgbImage, runs: usize) {
    println!("\n{label}, {} × {}:", img.width(), img.height());
    let png = png_bytes(img);
    println!(
        "  {:<34} {:>10}",
        "PNG (image's encoder), reference",
        kib(png.len())
    );
    // None: image's own (lossless) encoder.
    let encoders: [(&str, Option<Libwebp>); 9] = [
        ("image-webp lossless (image's)", None),
        ("libwebp lossless z0 (m0 q0)", Some((true, 0, 0.0))),
        ("libwebp lossless z1 (m1 q20)", Some((true, 1, 20.0))),
        ("libwebp lossless z3 (m3 q30)", Some((true, 3, 30.0))),
        ("libwebp lossless z6 (m4 q75)", Some((true, 4, 75.0))),
        ("libwebp lossy q80 (m4)", Some((false, 4, 80.0))),
        ("libwebp lossy q80 (m2)", Some((false, 2, 80.0))),
        ("libwebp lossy q90 (m4)", Some((false, 4, 90.0))),
        ("libwebp lossy q90 (m2)", Some((false, 2, 90.0))),
    ];
    for (name, settings) in encoders {
        let (median, min, bytes) = timed(runs, || match settings {
            None => image_webp_lossless(img),
            Some((lossless, method, quality)) => libwebp(img, lossless, method, quality),
        });
        println!(
            "  {name:<34} {:>10}  {:>10} (min {})",
            kib(bytes.len()),
            ms(median),
            ms(min)
        );
    }
}

fn compare_resizers(img: &RgbImage, runs: usize) {
    println!(
        "\nResizing {} × {} to 1,344 wide, Lanczos3:",
        img.width(),
        img.height()
    );
    let h = img.height() * 1344 / img.width();
    let (median, min, _) = timed(runs, || {
        image::imageops::resize(img, 1344, h, image::imageops::FilterType::Lanczos3)
    });
    println!(
        "  image::imageops::resize   {:>10} (min {})",
        ms(median),
        ms(min)
    );
    let (median, min, _) = timed(runs, || resized(img, 1344));
    println!(
        "  fast_image_resize         {:>10} (min {})",
        ms(median),
        ms(min)
    );
}

/// User + system CPU time of this process so far.
fn cpu() -> Duration {
    // SAFETY: getrusage only writes the struct we pass.
    let mut u: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut u) };
    let t = |v: libc::timeval| {
        Duration::from_secs(v.tv_sec as u64) + Duration::from_micros(v.tv_usec as u64)
    };
    t(u.ru_utime) + t(u.ru_stime)
}

fn process_all(cache: &Cache, images: &[(bool, Vec<u8>)]) -> usize {
    images
        .par_iter()
        .map(|(_, b)| {
            cache
                .process(b, COLUMN)
                .expect("a good image")
                .variants
                .len()
        })
        .sum()
}

fn builds(images: &[(bool, Vec<u8>)], runs: usize) -> Cache {
    let (median, min, _) = timed(runs * 10, || {
        images
            .iter()
            .map(|(_, b)| probe(b).unwrap().size)
            .collect::<Vec<_>>()
    });
    println!(
        "\nProbe 50 images (one thread): {} (min {})",
        ms(median),
        ms(min)
    );

    let mut cold = Vec::new();
    let mut cache = Cache::new();
    for _ in 0..runs {
        cache = Cache::new();
        let (cpu0, start) = (cpu(), Instant::now());
        let copies = process_all(&cache, images);
        cold.push((start.elapsed(), cpu() - cpu0, copies));
    }
    cold.sort();
    let (wall, cpu_time, copies) = cold[cold.len() / 2];
    println!(
        "First build, 50 images into {copies} copies (rayon, {} threads): {} wall (min {}), {} CPU",
        rayon::current_num_threads(),
        ms(wall),
        ms(cold[0].0),
        ms(cpu_time)
    );
    cache
}

fn rebuilds(cache: &Cache, images: &[(bool, Vec<u8>)], runs: usize) {
    let dir = tempfile::tempdir().unwrap();
    let (store_median, _, ()) = timed(1, || {
        casebook::output::store_image_cache(dir.path(), cache, true).unwrap()
    });
    let on_disk: u64 = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|f| f.metadata().unwrap().len())
        .sum();
    println!(
        "Store the cache: {} ({} on disk)",
        ms(store_median),
        kib(on_disk as usize)
    );
    let (load, load_min, _) = timed(runs * 3, || casebook::load::read_image_cache(dir.path()));
    println!("Load the cache: {} (min {})", ms(load), ms(load_min));
    let (warm, warm_min, misses) = timed(runs * 3, || {
        let cache = casebook::load::read_image_cache(dir.path());
        process_all(&cache, images);
        cache.made()
    });
    println!(
        "Rebuild (load + look up 50 images): {} (min {}); images resized: {misses}",
        ms(warm),
        ms(warm_min)
    );
    let (hits, hits_min, _) = timed(runs * 3, || process_all(cache, images));
    println!(
        "Look up 50 images in memory (serve): {} (min {})",
        ms(hits),
        ms(hits_min)
    );
}

fn sizes(cache: &Cache, images: &[(bool, Vec<u8>)]) {
    for (kind, screenshot) in [("screenshots (PNG)", true), ("photos (JPEG q90)", false)] {
        let mut original = 0;
        let mut at_column = 0;
        let mut at_2x = 0;
        let mut all = 0;
        for (_, b) in images.iter().filter(|(s, _)| *s == screenshot) {
            let p = cache.process(b, COLUMN).unwrap();
            original += b.len();
            all += p.variants.iter().map(|v| v.webp.len()).sum::<usize>();
            let pick = |w: u32| {
                p.variants
                    .iter()
                    .find(|v| v.width >= w)
                    .map_or(b.len(), |v| v.webp.len())
            };
            at_column += pick(COLUMN);
            at_2x += pick(2 * COLUMN);
        }
        println!(
            "{kind}: originals {}, all copies {}; a page shows them for {} at 1× and {} at 2×",
            kib(original),
            kib(all),
            kib(at_column),
            kib(at_2x)
        );
    }
}

fn main() {
    let runs: usize = std::env::args()
        .nth(1)
        .and_then(|r| r.parse().ok())
        .unwrap_or(3);
    let images = site_images();
    let total: usize = images.iter().map(|(_, b)| b.len()).sum();
    println!(
        "50 images (25 PNG screenshots, 25 JPEG photos), {} in all; column {COLUMN} px",
        kib(total)
    );
    let shot = screenshot(7, 2400, 1350);
    // Through JPEG and back, as the site's photos are.
    let pic = image::load_from_memory(&jpeg_bytes(&photo(8, 2400, 1600)))
        .unwrap()
        .to_rgb8();
    compare_encoders("Screenshot at 1,344 px", &resized(&shot, 1344), runs);
    compare_encoders("Photo at 1,344 px", &resized(&pic, 1344), runs);
    compare_resizers(&pic, runs);
    let widths = plan(&probe(&images[0].1).unwrap(), COLUMN);
    println!("\nWidths for a {COLUMN}-px column: {widths:?}");
    let cache = builds(&images, runs);
    rebuilds(&cache, &images, runs);
    sizes(&cache, &images);
}
