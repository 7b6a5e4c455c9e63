//! Images in guides, made fast to load (issue #19).
//!
//! A page with images is slow for two reasons this module removes: the
//! browser does not know an image's size until it has loaded it, so the text
//! jumps as images arrive (layout shift), and it downloads a 2,400-pixel
//! screenshot to show it 672 pixels wide. So every local raster image gets
//! its intrinsic size ([`probe`], read from the header only) and, when it is
//! wider than the content column, smaller WebP copies for a `srcset`
//! ([`plan`] picks the widths, [`render_variants`] makes them).
//!
//! Making copies is the only slow step of a build with images (a decode, a
//! resize and an encode per image), and the complaint about other generators
//! is that they redo it on every build. [`Cache`] keys each image's result by
//! a hash of its bytes, the column width and the pipeline's version, so a
//! rebuild with unchanged images does no image work. It is kept between
//! builds as files (`disk.rs`: [`Cache::from_files`], [`Cache::to_store`];
//! `load` reads them and `output` writes them, as for every file), and
//! every file read is verified, so a damaged cache costs time and never
//! changes the output.
//!
//! Everything else is a pure function of bytes. Untrusted input is expected:
//! a damaged, truncated or enormous image (a decompression bomb) is an
//! [`ImageError`] that names the limit, checked from the header before any
//! pixel is decoded, never a panic or a hang.
//!
//! What passes through untouched, with its size but no copies: SVG (it
//! scales by itself), animations (GIF, animated PNG and WebP: a still copy
//! would lose the motion), and AVIF (already small, and decoding it needs a
//! C decoder this module does without).

mod cache;
mod disk;
mod error;
mod pictures;
mod probe;
mod svg;
mod variants;

#[cfg(test)]
mod tests;

pub use cache::{Cache, Processed};
pub use disk::{PARTIAL, Stored, is_cache_file};
pub use error::{ErrorKind, ImageError};
pub use pictures::{COLUMN_PX, Pictures, SIZES, Shown};
pub use probe::{MAX_PIXELS, MAX_SIDE, probe};
pub use variants::{MAX_DECODE_BYTES, Variant, render_variants};

use serde::{Deserialize, Serialize};

/// The formats casebook reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Png,
    Jpeg,
    Gif,
    WebP,
    Avif,
    Svg,
}

impl Format {
    /// The name people know the format by, for messages.
    pub fn name(self) -> &'static str {
        match self {
            Format::Png => "PNG",
            Format::Jpeg => "JPEG",
            Format::Gif => "GIF",
            Format::WebP => "WebP",
            Format::Avif => "AVIF",
            Format::Svg => "SVG",
        }
    }
}

/// A width and a height, in pixels (CSS pixels for SVG).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Size {
    pub width: u32,
    pub height: u32,
}

/// What [`probe`] learns from an image's header.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImageInfo {
    pub format: Format,
    /// The size the browser shows the image at, for the `width` and
    /// `height` attributes: for a JPEG, WebP or PNG whose EXIF orientation
    /// turns it a quarter, width and height are those of the turned image,
    /// as browsers turn it too. Always set for raster images; `None` for an
    /// SVG whose root element has no usable `width`/`height` or `viewBox`.
    pub size: Option<Size>,
    /// More than one frame (GIF, animated PNG, animated WebP): the image
    /// passes through untouched, as a still copy would lose the motion.
    pub animated: bool,
    /// Stored lossily (JPEG, lossy WebP, AVIF). Copies of a lossy image are
    /// lossy WebP; copies of a lossless one (screenshots, drawings: PNG or
    /// lossless WebP) are lossless WebP, which keeps text crisp and is the
    /// smaller of the two for such images (see `examples/image_bench.rs`).
    pub lossy: bool,
}

impl ImageInfo {
    /// Whether [`render_variants`] can make copies of this image: a still
    /// raster image in a format this module decodes.
    pub fn resizable(&self) -> bool {
        !self.animated && matches!(self.format, Format::Png | Format::Jpeg | Format::WebP)
    }
}

/// The smallest width [`plan`] offers: below it a copy saves too little to
/// be worth a file.
pub const MIN_VARIANT_WIDTH: u32 = 480;

/// Two planned widths are at least this ratio apart: closer copies would
/// cost an encode and a file each for a few percent fewer bytes.
const MIN_STEP: f64 = 1.15;

/// The widths of the WebP copies to make of an image for a content column
/// `column_px` CSS pixels wide, smallest first; none for an image not wider
/// than the column, or one that is not [`resizable`](ImageInfo::resizable).
///
/// The ladder is 480, the column, 1.5 × the column and 2 × the column,
/// none wider than the image (the widest is then the image's own width, in
/// WebP), and neighbours at least 15% apart. Two times the column covers
/// every common screen: a desktop at 2× density shows the column at
/// 2 × `column_px` device pixels, and a phone (at most about 430 CSS pixels
/// wide, at 3×) needs less. Wider copies would only be downloaded by rare
/// desktop screens at 3×, so they are not worth an encode each. The column
/// itself serves 1× desktops exactly, and 480 serves small phones.
///
/// A width whose copy would be taller than WebP allows (16,383 pixels) is
/// left out.
pub fn plan(info: &ImageInfo, column_px: u32) -> Vec<u32> {
    let Some(size) = info.size else {
        return Vec::new();
    };
    if !info.resizable() || column_px == 0 || size.width <= column_px {
        return Vec::new();
    }
    let top = size.width.min(column_px.saturating_mul(2));
    let mut ladder = [MIN_VARIANT_WIDTH, column_px, column_px / 2 * 3, top];
    ladder.sort_unstable();
    let mut widths: Vec<u32> = Vec::with_capacity(ladder.len());
    for &w in ladder.iter().rev().filter(|&&w| w <= top) {
        let far_enough = widths
            .last()
            .is_none_or(|&kept| f64::from(kept) / f64::from(w) >= MIN_STEP);
        if far_enough && variants::height_at(size, w) <= variants::WEBP_MAX_SIDE {
            widths.push(w);
        }
    }
    widths.reverse();
    widths
}

/// Digits in groups of three, for the numbers in messages ("30,000").
/// Hand-written: six lines, not worth a dependency.
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
