//! Smaller WebP copies of an image: decode once, resize, encode.
//!
//! Crates, each chosen by measurement (`examples/image_bench.rs`; the
//! figures are in the commit that chose them):
//! - decoding: `image` (its PNG, JPEG and WebP decoders), with the size
//!   limits checked from the header and [`image::Limits`] capping memory;
//! - resizing: `fast_image_resize`, Lanczos3, many times faster than
//!   `image`'s resize thanks to SIMD, and it premultiplies alpha so
//!   transparent edges do not darken;
//! - encoding: libwebp through the `webp` crate: lossy at quality 80 for
//!   lossy sources (photos), lossless for lossless ones (screenshots), where
//!   it is both smaller and crisper than lossy. `image`'s own WebP encoder is
//!   lossless only, and makes larger files than libwebp's lossless.

use std::io::Cursor;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;

use fast_image_resize as fir;
use image::{DynamicImage, ImageDecoder, ImageReader, Limits};
use rayon::prelude::*;

use super::error::{ErrorKind, ImageError};
use super::{Format, ImageInfo, Size, grouped};

/// At most this much memory for decoding one image (image's default). A
/// 40-megapixel image takes 160 MB as 8-bit RGBA, 320 MB at 16 bits.
pub const MAX_DECODE_BYTES: u64 = 512 << 20;

/// WebP cannot store a side longer than this.
pub(super) const WEBP_MAX_SIDE: u32 = 16_383;

/// libwebp's quality for lossy copies: its default, and where photos stop
/// showing artefacts at the sizes a page shows them.
const LOSSY_QUALITY: f32 = 80.0;

/// libwebp's lossless effort (`-z` level): chosen by measurement, see the
/// module docs.
const LOSSLESS_LEVEL: i32 = 6;

/// The crates and choices that decide the bytes of a copy, besides the
/// image, the widths and the constants above. With those it salts the
/// cache key ([`salt`]), so changing any of it remakes every copy; a test
/// checks the versions against Cargo.lock.
pub(super) const PIPELINE: &str = "casebook images 2; image 0.25.10; fast_image_resize 6.1.0; \
     lanczos3 from the full image; opaque alpha dropped; copies no smaller than a wider one dropped; \
     webp 0.3.1; libwebp-sys 0.9.6";

/// Feeds everything that decides a copy's bytes, besides the image and
/// the widths, to the cache key.
pub(super) fn salt(key: &mut blake3::Hasher) {
    key.update(PIPELINE.as_bytes());
    key.update(&LOSSY_QUALITY.to_le_bytes());
    key.update(&LOSSLESS_LEVEL.to_le_bytes());
}

/// A WebP copy of an image at one width.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant {
    pub width: u32,
    pub height: u32,
    /// Shared: the cache, the copies' output files and the cache folder
    /// hold the same bytes.
    pub webp: Arc<[u8]>,
    /// BLAKE3 of `webp`: names the file, and checks it in the disk cache.
    pub(super) digest: blake3::Hash,
}

impl Variant {
    pub(super) fn new(width: u32, height: u32, webp: impl Into<Arc<[u8]>>) -> Variant {
        let webp = webp.into();
        let digest = blake3::hash(&webp);
        Variant {
            width,
            height,
            webp,
            digest,
        }
    }

    /// The copy's file name beside the original: `{stem}-{width}.{hash}.webp`,
    /// where the hash is 10 hex digits of its content (as for theme assets),
    /// so hosts can cache it forever and a changed image gets a new name.
    pub fn file_name(&self, stem: &str) -> String {
        format!("{stem}-{}.{}.webp", self.width, &self.digest.to_hex()[..10])
    }
}

/// The WebP copies of an image at `widths` (from [`super::plan`]), in that
/// order: one decode, then a resize and an encode per width. An image that
/// is not [`resizable`](ImageInfo::resizable) gets none, and is not decoded.
pub fn render_variants(
    bytes: &[u8],
    info: &ImageInfo,
    widths: &[u32],
) -> Result<Vec<Variant>, ImageError> {
    if widths.is_empty() || !info.resizable() {
        return Ok(Vec::new());
    }
    guarded(info.format, || {
        let pixels = decode(bytes, info.format)?;
        // The copies in parallel: a page with many images is rendered on
        // one thread, and each copy is a resize and an encode of its own.
        widths
            .par_iter()
            .map(|&w| {
                let h = height_at(pixels.size, w);
                let resized = pixels.resize(&mut fir::Resizer::new(), w, h)?;
                let webp = encode(
                    resized.as_deref().unwrap_or(&pixels.buf),
                    &pixels,
                    w,
                    h,
                    info.lossy,
                )?;
                Ok(Variant::new(w, h, webp))
            })
            .collect::<Result<Vec<_>, _>>()
            .map(only_smaller)
    })
}

/// Drops each copy that is not smaller in bytes than every wider one: the
/// browser would fetch more to show less. Lossless copies of a drawing with
/// few colours can grow as they shrink, since resizing blends its edges
/// into many new colours (a draft of the flagship's annotated note: 27 KB at its full
/// 1,280 pixels, 120 KB at 672). The widest copy always stays.
pub(super) fn only_smaller(variants: Vec<Variant>) -> Vec<Variant> {
    let mut kept: Vec<Variant> = Vec::with_capacity(variants.len());
    for v in variants.into_iter().rev() {
        if kept
            .last()
            .is_none_or(|wider| v.webp.len() < wider.webp.len())
        {
            kept.push(v);
        }
    }
    kept.reverse();
    kept
}

/// The height of a copy `width` pixels wide, keeping the aspect ratio.
pub(super) fn height_at(size: Size, width: u32) -> u32 {
    let h = u64::from(size.height) * u64::from(width) * 2 / u64::from(size.width.max(1));
    u32::try_from(h.div_ceil(2)).unwrap_or(u32::MAX).max(1)
}

/// Decoded pixels, 8-bit RGB or RGBA, turned as EXIF says.
struct Pixels {
    buf: Vec<u8>,
    size: Size,
    alpha: bool,
}

fn decode(bytes: &[u8], format: Format) -> Result<Pixels, ImageError> {
    let image_format = match format {
        Format::Png => image::ImageFormat::Png,
        Format::Jpeg => image::ImageFormat::Jpeg,
        _ => image::ImageFormat::WebP,
    };
    let err = |e| decode_error(format, e);
    let mut reader = ImageReader::with_format(Cursor::new(bytes), image_format);
    reader.limits(alloc_limit());
    let mut decoder = reader.into_decoder().map_err(err)?;
    // Checked here too, so no caller can skip it by skipping `probe`.
    let (width, height) = decoder.dimensions();
    super::probe::check_size(format, Size { width, height })?;
    let orientation = decoder.orientation().map_err(err)?;
    let mut image = DynamicImage::from_decoder(decoder).map_err(err)?;
    image.apply_orientation(orientation);
    let size = Size {
        width: image.width(),
        height: image.height(),
    };
    // A screenshot saved with an alpha channel that is opaque everywhere
    // encodes smaller, and resizes faster, without it.
    let rgba = image.color().has_alpha().then(|| image.to_rgba8());
    Ok(match rgba {
        Some(rgba) if rgba.pixels().any(|p| p[3] != u8::MAX) => Pixels {
            buf: rgba.into_raw(),
            size,
            alpha: true,
        },
        _ => Pixels {
            buf: image.into_rgb8().into_raw(),
            size,
            alpha: false,
        },
    })
}

impl Pixels {
    fn pixel_type(&self) -> fir::PixelType {
        if self.alpha {
            fir::PixelType::U8x4
        } else {
            fir::PixelType::U8x3
        }
    }

    /// The pixels at `width` × `height` (Lanczos3), or `None` when that is
    /// their size already.
    fn resize(
        &self,
        resizer: &mut fir::Resizer,
        width: u32,
        height: u32,
    ) -> Result<Option<Vec<u8>>, ImageError> {
        if (Size { width, height }) == self.size {
            return Ok(None);
        }
        let failed = |e: &dyn std::fmt::Display| {
            ImageError::new(
                ErrorKind::Corrupt,
                format!("resizing the image to {width} pixels wide failed: {e}"),
                "this is a bug in casebook: please report it with the image",
            )
        };
        let src = fir::images::ImageRef::new(
            self.size.width,
            self.size.height,
            &self.buf,
            self.pixel_type(),
        )
        .map_err(|e| failed(&e))?;
        let mut dst = fir::images::Image::new(width, height, self.pixel_type());
        let options = fir::ResizeOptions::new()
            .resize_alg(fir::ResizeAlg::Convolution(fir::FilterType::Lanczos3));
        resizer
            .resize(&src, &mut dst, &options)
            .map_err(|e| failed(&e))?;
        Ok(Some(dst.into_vec()))
    }
}

fn encode(
    buf: &[u8],
    pixels: &Pixels,
    width: u32,
    height: u32,
    lossy: bool,
) -> Result<Vec<u8>, ImageError> {
    let failed = |what: String| {
        ImageError::new(
            ErrorKind::TooLarge,
            format!("encoding a {width} × {height} WebP copy failed: {what}"),
            "a WebP image is at most 16,383 pixels a side; scale the image down",
        )
    };
    let mut config =
        webp::WebPConfig::new().map_err(|()| failed("libwebp refused its defaults".into()))?;
    if lossy {
        config.quality = LOSSY_QUALITY;
    } else {
        // WebPConfigLosslessPreset's table, which the webp crate does not wrap.
        let (method, quality) = LOSSLESS_PRESETS[LOSSLESS_LEVEL as usize];
        config.lossless = 1;
        config.method = method;
        config.quality = quality;
    }
    let layout = if pixels.alpha {
        webp::PixelLayout::Rgba
    } else {
        webp::PixelLayout::Rgb
    };
    webp::Encoder::new(buf, layout, width, height)
        .encode_advanced(&config)
        .map(|m| m.to_vec())
        .map_err(|e| failed(format!("{e:?}")))
}

/// libwebp's lossless levels 0–9 as (method, quality), from its
/// `WebPConfigLosslessPreset`.
const LOSSLESS_PRESETS: [(i32, f32); 10] = [
    (0, 0.0),
    (1, 20.0),
    (2, 25.0),
    (3, 30.0),
    (3, 50.0),
    (4, 50.0),
    (4, 75.0),
    (4, 90.0),
    (5, 90.0),
    (6, 100.0),
];

/// Only the memory limit: the size limits are checked from the header by
/// `check_size`, with a clearer message than the decoder's.
pub(super) fn alloc_limit() -> Limits {
    let mut limits = Limits::no_limits();
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    limits
}

/// An `image` crate error, said for the author.
pub(super) fn decode_error(format: Format, e: image::ImageError) -> ImageError {
    match e {
        image::ImageError::Limits(l) => ImageError::too_large(format!(
            "decoding the {} image would need more than {} MiB of memory ({l})",
            format.name(),
            grouped(MAX_DECODE_BYTES >> 20)
        )),
        image::ImageError::Unsupported(u) => ImageError::new(
            ErrorKind::Unsupported,
            format!(
                "casebook cannot read this kind of {} image: {u}",
                format.name()
            ),
            "open it in an image editor and save it again as an ordinary 8-bit image",
        ),
        image::ImageError::IoError(io) if io.kind() == std::io::ErrorKind::UnexpectedEof => {
            ImageError::corrupt(format.name(), "the file ends too early")
        }
        other => ImageError::corrupt(format.name(), other),
    }
}

/// Runs a third-party parser or codec on untrusted bytes. They are fuzzed
/// and should not panic, but one that does would take the whole build down:
/// a panic becomes this image's error instead.
pub(super) fn guarded<T>(
    format: Format,
    work: impl FnOnce() -> Result<T, ImageError>,
) -> Result<T, ImageError> {
    catch_unwind(AssertUnwindSafe(work)).unwrap_or_else(|_| {
        Err(ImageError::new(
            ErrorKind::Corrupt,
            format!("reading the {} image crashed its decoder", format.name()),
            "the file is probably damaged: save it again in an image editor; \
             please also report the crash to casebook with the image",
        ))
    })
}
