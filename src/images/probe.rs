//! An image's format and size, from its header, with the size limits.
//!
//! The header says how many pixels the image holds before any is decoded,
//! so this is where a decompression bomb (a small file that claims, or
//! really holds, billions of pixels) is stopped, in microseconds. Each
//! format's parser is its decoder's own (image, gif, image-webp) or, for
//! AVIF, which has no decoder here, imagesize's, so the size a page states
//! is the size the decoder later finds.

use std::io::Cursor;

use image::ImageDecoder;
use image::codecs::jpeg::JpegDecoder;
use image::codecs::png::PngDecoder;
use image::metadata::Orientation;

use super::error::ImageError;
use super::{Format, ImageInfo, Size, grouped, svg, variants};

/// At most this many pixels on either side. Beyond what any screen shows,
/// and it bounds one row of a decoder's buffers.
pub const MAX_SIDE: u32 = 16_384;

/// At most this many pixels in all (40 megapixels, a large camera's
/// photo): decoding one takes at most 160 MB as 8-bit RGBA and about a
/// second, so a build with images stays within memory and time.
pub const MAX_PIXELS: u64 = 40_000_000;

/// The image's format and displayed size, read from its header: no pixel is
/// decoded, so this takes microseconds whatever the image's size. Fails on
/// anything that is not a PNG, JPEG, GIF, WebP, AVIF or SVG, on a damaged
/// header, and on an image over [`MAX_SIDE`] or [`MAX_PIXELS`].
pub fn probe(bytes: &[u8]) -> Result<ImageInfo, ImageError> {
    let format = sniff(bytes).ok_or_else(ImageError::unsupported)?;
    let info = variants::guarded(format, || match format {
        Format::Png => png(bytes),
        Format::Jpeg => jpeg(bytes),
        Format::Gif => gif(bytes),
        Format::WebP => webp(bytes),
        Format::Avif => avif(bytes),
        Format::Svg => Ok(svg::probe(bytes)),
    })?;
    if let (Some(size), false) = (info.size, format == Format::Svg) {
        check_size(format, size)?;
    }
    Ok(info)
}

/// The format, from the first bytes (the file's name may lie).
fn sniff(bytes: &[u8]) -> Option<Format> {
    match image::guess_format(bytes) {
        Ok(image::ImageFormat::Png) => Some(Format::Png),
        Ok(image::ImageFormat::Jpeg) => Some(Format::Jpeg),
        Ok(image::ImageFormat::Gif) => Some(Format::Gif),
        Ok(image::ImageFormat::WebP) => Some(Format::WebP),
        // imagesize also knows AVIF files whose main brand is not `avif`.
        _ if is_avif(bytes) => Some(Format::Avif),
        _ if svg::looks_like_svg(bytes) => Some(Format::Svg),
        _ => None,
    }
}

fn is_avif(bytes: &[u8]) -> bool {
    matches!(
        imagesize::image_type(bytes),
        Ok(imagesize::ImageType::Heif(imagesize::Compression::Av1))
    )
}

/// Refuses an image with no pixels, or more than the limits allow. The
/// megapixel limit is checked first: it is the one that says how much work
/// and memory the image would take.
pub(super) fn check_size(format: Format, size: Size) -> Result<(), ImageError> {
    let Size { width, height } = size;
    let dims = format!(
        "{} × {} pixels",
        grouped(width.into()),
        grouped(height.into())
    );
    if width == 0 || height == 0 {
        return Err(ImageError::corrupt(
            format.name(),
            format_args!("its header says it is {dims}"),
        ));
    }
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(ImageError::too_large(format!(
            "the image is {dims}, over the {}-megapixel limit",
            MAX_PIXELS / 1_000_000
        )));
    }
    if width.max(height) > MAX_SIDE {
        return Err(ImageError::too_large(format!(
            "the image is {dims}, over the limit of {} pixels a side",
            grouped(MAX_SIDE.into())
        )));
    }
    Ok(())
}

fn info(format: Format, (width, height): (u32, u32), turned: bool, animated: bool) -> ImageInfo {
    let size = if turned {
        Size {
            width: height,
            height: width,
        }
    } else {
        Size { width, height }
    };
    ImageInfo {
        format,
        size: Some(size),
        animated,
        lossy: false,
    }
}

/// Whether an EXIF orientation turns the image a quarter (browsers apply
/// it, so width and height swap).
fn turns(o: Orientation) -> bool {
    matches!(
        o,
        Orientation::Rotate90
            | Orientation::Rotate270
            | Orientation::Rotate90FlipH
            | Orientation::Rotate270FlipH
    )
}

fn png(bytes: &[u8]) -> Result<ImageInfo, ImageError> {
    let err = |e| variants::decode_error(Format::Png, e);
    // Size limits are checked by `check_size`, for its clearer message;
    // memory is capped for what the decoder reads before the pixels.
    let mut d =
        PngDecoder::with_limits(Cursor::new(bytes), variants::alloc_limit()).map_err(err)?;
    let animated = d.is_apng().map_err(err)?;
    let turned = turns(d.orientation().map_err(err)?);
    Ok(info(Format::Png, d.dimensions(), turned, animated))
}

fn jpeg(bytes: &[u8]) -> Result<ImageInfo, ImageError> {
    let err = |e| variants::decode_error(Format::Jpeg, e);
    let mut d = JpegDecoder::new(Cursor::new(bytes)).map_err(err)?;
    let turned = turns(d.orientation().map_err(err)?);
    Ok(ImageInfo {
        lossy: true,
        ..info(Format::Jpeg, d.dimensions(), turned, false)
    })
}

/// The gif crate directly, told to skip the pixels, so the frames can be
/// counted without decoding them (`image` decodes every frame to count).
fn gif(bytes: &[u8]) -> Result<ImageInfo, ImageError> {
    let err = |e: gif::DecodingError| ImageError::corrupt("GIF", e);
    let mut options = gif::DecodeOptions::new();
    options.skip_frame_decoding(true);
    let mut d = options.read_info(Cursor::new(bytes)).map_err(err)?;
    let size = (u32::from(d.width()), u32::from(d.height()));
    let mut frames = 0;
    while frames < 2 && d.next_frame_info().map_err(err)?.is_some() {
        frames += 1;
    }
    if frames == 0 {
        return Err(ImageError::corrupt("GIF", "it holds no picture"));
    }
    Ok(info(Format::Gif, size, false, frames > 1))
}

/// image-webp directly: `image`'s wrapper does not say whether the file is
/// lossy, which decides how its copies are encoded.
fn webp(bytes: &[u8]) -> Result<ImageInfo, ImageError> {
    let err = |e: image_webp::DecodingError| ImageError::corrupt("WebP", e);
    let mut d = image_webp::WebPDecoder::new(Cursor::new(bytes)).map_err(err)?;
    let exif = d.exif_metadata().map_err(err)?;
    let orientation = exif.as_deref().and_then(Orientation::from_exif_chunk);
    Ok(ImageInfo {
        lossy: d.is_lossy(),
        ..info(
            Format::WebP,
            d.dimensions(),
            orientation.is_some_and(turns),
            d.is_animated(),
        )
    })
}

/// imagesize reads the `ispe` box and applies `irot`; AVIF gets no copies,
/// so whether it is animated does not matter here.
fn avif(bytes: &[u8]) -> Result<ImageInfo, ImageError> {
    let size = imagesize::blob_size(bytes).map_err(|e| ImageError::corrupt("AVIF", e))?;
    let side = |v: usize| u32::try_from(v).unwrap_or(u32::MAX);
    Ok(ImageInfo {
        lossy: true,
        ..info(
            Format::Avif,
            (side(size.width), side(size.height)),
            false,
            false,
        )
    })
}
