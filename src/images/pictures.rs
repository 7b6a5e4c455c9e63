//! The images of one build as its pages show them: for each local image a
//! page references, its size and the URLs of its WebP copies, and the
//! copies themselves as output files, written beside the original.
//!
//! Pages are rendered in parallel and an image may be shown by several of
//! them: [`Pictures`] is shared, the [`Cache`] does each image's work once,
//! and each copy is written once.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use super::error::{ErrorKind, ImageError};
use super::{Cache, Size};
use crate::artifact::OutputFile;

/// The width of the theme's content column in CSS pixels: its `--measure`
/// of 42rem at the browser's 16 pixels to the rem. A test holds it to the
/// theme's style.css.
pub const COLUMN_PX: u32 = 672;

/// The `sizes` of an image's copies: how wide the theme shows it. Up to the
/// column's 42rem (at 44rem and wider, with the page's 1rem margins), else
/// the screen less those margins. Images are `max-width: 100%`, so this is
/// an upper bound, which is what `sizes` needs to pick a copy.
pub const SIZES: &str = "(min-width: 44rem) 42rem, calc(100vw - 2rem)";

/// What a page needs to show one image.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Shown {
    /// The size the browser shows it at, when known: the `<img>`'s `width`
    /// and `height`, so its space is kept before it loads.
    pub size: Option<Size>,
    /// The WebP copies, `(url, width)`, smallest first; none when the image
    /// is no wider than the column, or is not one to resize (SVG,
    /// animations, AVIF).
    pub sources: Vec<(String, u32)>,
}

/// The build's images: the cache they come from and the copies to write.
pub struct Pictures {
    cache: Arc<Cache>,
    column_px: u32,
    /// Copies to write, by output path.
    copies: Mutex<BTreeMap<String, Arc<[u8]>>>,
}

impl Pictures {
    /// Images for the default theme's column, from `cache`.
    pub fn new(cache: Arc<Cache>) -> Pictures {
        Pictures::with_column(cache, COLUMN_PX)
    }

    pub fn with_column(cache: Arc<Cache>, column_px: u32) -> Pictures {
        Pictures {
            cache,
            column_px,
            copies: Mutex::new(BTreeMap::new()),
        }
    }

    /// The image at output path `path` (`guides/shot.png`), linked from the
    /// page as `url` (`/kb/guides/shot.png`, with the site's base path):
    /// its size and copies, the copies kept for [`Pictures::take_copies`].
    /// A file in a format casebook does not read, named so (`.bmp`,
    /// `.ico`), is shown as it is, without a size; a file named as an image
    /// casebook reads must be one, undamaged and within the limits.
    pub fn show(&self, path: &str, url: &str, bytes: &[u8]) -> Result<Shown, ImageError> {
        let processed = match self.cache.process(bytes, self.column_px) {
            Err(e) if e.kind == ErrorKind::Unsupported && !named_as_ours(path) => {
                return Ok(Shown::default());
            }
            other => other?,
        };
        let (dir, stem) = split_stem(path);
        let (url_dir, url_stem) = split_stem(url);
        let mut copies = super::cache::lock(&self.copies);
        let sources = processed
            .variants
            .iter()
            .map(|v| {
                copies
                    .entry(format!("{dir}{}", v.file_name(stem)))
                    .or_insert_with(|| Arc::clone(&v.webp));
                (format!("{url_dir}{}", v.file_name(url_stem)), v.width)
            })
            .collect();
        Ok(Shown {
            size: processed.info.size,
            sources,
        })
    }

    /// The copies of the images shown so far, as output files; each once.
    pub fn take_copies(&self) -> Vec<OutputFile> {
        std::mem::take(&mut *super::cache::lock(&self.copies))
            .into_iter()
            .map(|(path, bytes)| OutputFile::new(path, bytes.to_vec()))
            .collect()
    }

    /// The cache, to store after the build.
    pub fn cache(&self) -> &Arc<Cache> {
        &self.cache
    }
}

/// Whether the file's extension names a format casebook reads.
fn named_as_ours(path: &str) -> bool {
    let ext = path.rsplit_once('.').map_or("", |(_, e)| e);
    ["png", "jpg", "jpeg", "gif", "webp", "avif", "svg"]
        .iter()
        .any(|ours| ext.eq_ignore_ascii_case(ours))
}

/// `guides/shot.png` as (`guides/`, `shot`): the folder with its slash and
/// the file's name without its extension.
fn split_stem(path: &str) -> (&str, &str) {
    let cut = path.rfind('/').map_or(0, |i| i + 1);
    let (dir, name) = path.split_at(cut);
    let stem = match name.rfind('.') {
        Some(dot) if dot > 0 => &name[..dot],
        _ => name,
    };
    (dir, stem)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_and_extensions() {
        assert_eq!(split_stem("guides/shot.png"), ("guides/", "shot"));
        assert_eq!(
            split_stem("/kb/a.b/my%20shot.v2.png"),
            ("/kb/a.b/", "my%20shot.v2")
        );
        assert_eq!(split_stem("shot"), ("", "shot"));
        assert_eq!(split_stem("img/.hidden"), ("img/", ".hidden"));
        assert!(named_as_ours("a/B.JPG") && named_as_ours("x.svg"));
        assert!(!named_as_ours("a.bmp") && !named_as_ours("png"));
    }

    #[test]
    fn the_column_is_the_themes() {
        let css = include_str!("../../themes/default/static/style.css");
        let rem = COLUMN_PX / 16;
        assert!(
            css.contains(&format!("--measure: {rem}rem;")),
            "style.css's --measure is no longer {rem}rem: change COLUMN_PX and SIZES"
        );
        assert!(SIZES.contains(&format!(" {rem}rem,")), "{SIZES}");
        assert!(css.contains(".wrap { max-width: 64rem; margin: 0 auto; padding: 0 1rem; }"));
    }
}
