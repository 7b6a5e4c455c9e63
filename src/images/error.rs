//! What went wrong with an image, said so that the author can fix it.

use std::fmt;

use crate::diagnostics::{Code, Problem};

/// Why an image could not be used. The build decides what each kind
/// costs: an unsupported file might pass through without a size, while a
/// damaged or oversized one is the author's to fix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// Not a format this module reads (BMP, TIFF, a text file...).
    Unsupported,
    /// The file is damaged or cut short.
    Corrupt,
    /// Over a limit: pixels per side, megapixels or decoding memory.
    TooLarge,
}

/// An image problem with a message and a hint, ready for casebook's
/// diagnostics: `Problem::from(err).in_file(path)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageError {
    pub kind: ErrorKind,
    pub message: String,
    pub hint: String,
}

impl ImageError {
    pub(super) fn new(
        kind: ErrorKind,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> Self {
        ImageError {
            kind,
            message: message.into(),
            hint: hint.into(),
        }
    }

    pub(super) fn unsupported() -> Self {
        ImageError::new(
            ErrorKind::Unsupported,
            "this file is not an image casebook can read",
            "casebook reads PNG, JPEG, GIF, WebP, AVIF and SVG; \
             save screenshots and drawings as PNG and photos as JPEG",
        )
    }

    /// A decoder's complaint about a file of `format` (a format name).
    pub(super) fn corrupt(format: &str, detail: impl fmt::Display) -> Self {
        ImageError::new(
            ErrorKind::Corrupt,
            format!("the {format} image is damaged or cut short: {detail}"),
            "open it in an image editor and save it again, or replace it with the original file",
        )
    }

    /// The error for an image whose header says `width` × `height`.
    pub(super) fn too_large(message: String) -> Self {
        ImageError::new(
            ErrorKind::TooLarge,
            message,
            format!(
                "scale the image down before adding it (at most {} pixels a side and {} megapixels); \
                 a page shows it at most a few thousand pixels wide",
                super::grouped(u64::from(super::MAX_SIDE)),
                super::MAX_PIXELS / 1_000_000,
            ),
        )
    }
}

impl fmt::Display for ImageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ImageError {}

impl From<ImageError> for Problem {
    fn from(e: ImageError) -> Problem {
        Problem::new(Code::ImageUnreadable, e.message).hint(e.hint)
    }
}
