//! Page assets (#19): the files a build copies as they are (everything in
//! `static/`, and every file of `content/` that is not Markdown or data),
//! and how a reference written in a page finds one of them.
//!
//! A guide keeps its images beside it, in a folder with its `index.md`
//! (`content/guides/first-note/index.md` and `…/first-note/shot.png`) or
//! next to a plain file (`content/guides/timing.md` and
//! `content/guides/timing-chart.svg`). A relative reference is read from the
//! Markdown file's own folder, as an editor previewing the file reads it;
//! one starting with `/` from the site's root (`static/img/a.png` is
//! `/img/a.png`). Either becomes the file's URL with the base path, so it
//! works from the page's own URL (`/guides/timing/`), under a sub-path
//! `base_url`, and in every language's edition.

use std::collections::HashMap;

use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};

use crate::diagnostics::{Code, Problem, suggest};
use crate::images::Pictures;
use crate::load::BinaryFile;
use crate::markdown::{LocalKind, Picture};

/// The files copied to the output as they are, by their output path
/// (`guides/first-note/shot.png`, `img/logo.svg`).
#[derive(Default)]
pub struct Assets<'a> {
    files: HashMap<&'a str, &'a BinaryFile>,
    /// The build's images: sizes and WebP copies (#19). Without them,
    /// images are written with no size or copies.
    pictures: Option<&'a Pictures>,
}

impl<'a> Assets<'a> {
    /// The index of `files` (`load::Input::statics`).
    pub fn new(files: &'a [BinaryFile]) -> Self {
        Assets {
            files: files.iter().map(|f| (f.rel.as_str(), f)).collect(),
            pictures: None,
        }
    }

    /// The index of `files`, whose images `pictures` sizes and copies.
    pub fn with_pictures(files: &'a [BinaryFile], pictures: &'a Pictures) -> Self {
        Assets {
            pictures: Some(pictures),
            ..Assets::new(files)
        }
    }

    /// What an `<img>` of the local image `file`, served at `url`, gets
    /// besides its `src` and `alt`: its intrinsic size, smaller WebP copies
    /// and their `sizes` (see [`crate::images`]). Called for every Markdown
    /// image and raw HTML `<img>`/`<source>` that names a file of the site.
    /// A damaged image, or one over the limits, is a problem of the
    /// reference; a file in a format casebook does not read (`.bmp`) gets
    /// nothing, and its `<img>` is left as written.
    pub fn image_attributes(
        &self,
        file: &BinaryFile,
        url: &str,
    ) -> Result<Option<Picture>, Problem> {
        let Some(pictures) = self.pictures else {
            return Ok(None);
        };
        let shown = pictures.show(&file.rel, url, &file.bytes).map_err(|e| {
            let problem = Problem::from(e);
            Problem::new(
                Code::ImageUnreadable,
                format!(
                    "the image `{}` cannot be shown: {}",
                    file.rel, problem.message
                ),
            )
            .maybe_hint(problem.hint)
        })?;
        if shown.size.is_none() && shown.sources.is_empty() {
            return Ok(None);
        }
        Ok(Some(Picture {
            size: shown.size.map(|s| (s.width, s.height)),
            sources: shown.sources,
            sizes: crate::images::SIZES.into(),
        }))
    }

    /// The file at output path `rel`.
    pub fn get(&self, rel: &str) -> Option<&'a BinaryFile> {
        self.files.get(rel).copied()
    }

    /// Every output path, for suggestions.
    pub fn paths(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.files.keys().copied()
    }
}

/// Where `written` (a path, percent-decoded, without `?query#fragment`),
/// found in the file `from` (relative to `content/`: `guides/a.md`),
/// points: a path from the output's root (`guides/shot.png`). A path
/// starting with `/` is from the site's root; any other from `from`'s
/// folder. An error if it climbs out of the site.
pub fn target(from: &str, written: &str) -> Result<String, Problem> {
    let mut parts: Vec<&str> = match written.strip_prefix('/') {
        Some(_) => Vec::new(),
        None => from.split('/').collect(),
    };
    if !written.starts_with('/') {
        parts.pop(); // the file's own name
    }
    for seg in written.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    return Err(Problem::new(
                        Code::AssetOutside,
                        format!("`{written}` climbs out of content/ with `..`"),
                    )
                    .hint(
                        "a page can use files in content/ and static/ only: \
                         move the file there",
                    ));
                }
            }
            _ => parts.push(seg),
        }
    }
    Ok(parts.join("/"))
}

/// Characters a path segment cannot hold as they are in a URL.
const URL_UNSAFE: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'`')
    .add(b'{')
    .add(b'}')
    .add(b'\\')
    .add(b'^')
    .add(b'|')
    .add(b'[')
    .add(b']');

/// The URL of output path `rel` under the site's root path (`/kb/`),
/// percent-encoded: `guides/my shot.png` → `/kb/guides/my%20shot.png`.
pub fn url(root_path: &str, rel: &str) -> String {
    let root = root_path.trim_end_matches('/');
    let mut out = String::with_capacity(root.len() + rel.len() + 8);
    out.push_str(root);
    for seg in rel.split('/') {
        out.push('/');
        out.extend(utf8_percent_encode(seg, URL_UNSAFE));
    }
    out
}

/// The reference `written` that points at nothing (`rel`, from the output's
/// root): the message, with the nearest of `known` (also from the root)
/// suggested in the form the reference was written in.
pub fn missing<'k>(
    from: &str,
    written: &str,
    rel: &str,
    kind: LocalKind,
    known: impl IntoIterator<Item = &'k str>,
) -> Problem {
    let what = match kind {
        LocalKind::Image => "the image",
        LocalKind::Link => "the link",
    };
    let problem = Problem::new(
        Code::AssetMissing,
        format!("{what} `{written}` points at no file"),
    );
    match suggest(rel, known) {
        Some(near) => {
            let shown = if written.starts_with('/') {
                format!("/{near}")
            } else {
                relative(from, near)
            };
            problem.hint(format!("did you mean `{shown}`?"))
        }
        None if rel.ends_with(".md") => problem.hint(format!(
            "there is no page content/{rel}; write the path from this file's folder, e.g. `timing.md` or `../guides/timing.md`"
        )),
        None => problem.hint(format!(
            "looked for `{rel}` in content/ and static/: put the file next to the page, \
             or in static/ and write `/` and its path there"
        )),
    }
}

/// `to` (from the output's root) as written from the folder of `from`:
/// `relative("guides/a.md", "guides/b/c.png")` is `b/c.png`, and
/// `relative("guides/a.md", "img/c.png")` is `../img/c.png`.
pub fn relative(from: &str, to: &str) -> String {
    let dir: Vec<&str> = from.split('/').collect();
    let dir = &dir[..dir.len().saturating_sub(1)];
    let to_parts: Vec<&str> = to.split('/').collect();
    let common = dir
        .iter()
        .zip(&to_parts)
        .take_while(|(a, b)| a == b)
        .count()
        .min(to_parts.len().saturating_sub(1));
    let mut out = "../".repeat(dir.len() - common);
    out.push_str(&to_parts[common..].join("/"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_resolve_from_the_file_that_writes_them() {
        let t = |from, written| target(from, written).map_err(|p| p.message);
        assert_eq!(t("guides/a.md", "shot.png"), Ok("guides/shot.png".into()));
        assert_eq!(
            t("guides/a/index.md", "shot.png"),
            Ok("guides/a/shot.png".into())
        );
        assert_eq!(
            t("guides/a/index.md", "./img/s.png"),
            Ok("guides/a/img/s.png".into())
        );
        assert_eq!(t("guides/a.md", "../img/s.png"), Ok("img/s.png".into()));
        assert_eq!(t("guides/a.md", "/img/s.png"), Ok("img/s.png".into()));
        assert_eq!(t("_index.md", "logo.svg"), Ok("logo.svg".into()));
        assert_eq!(t("es/guides/a.md", "b.md"), Ok("es/guides/b.md".into()));
        assert!(
            t("guides/a.md", "../../etc/passwd")
                .unwrap_err()
                .contains("climbs out")
        );
        assert!(t("a.md", "/../x.png").is_err());
    }

    #[test]
    fn urls_have_the_base_path_and_are_encoded() {
        assert_eq!(url("/", "guides/shot.png"), "/guides/shot.png");
        assert_eq!(
            url("/kb/", "guides/my shot#1.png"),
            "/kb/guides/my%20shot%231.png"
        );
        assert_eq!(url("/kb", "img/café.png"), "/kb/img/caf%C3%A9.png");
    }

    #[test]
    fn suggestions_are_written_as_the_reference_was() {
        assert_eq!(relative("guides/a.md", "guides/b/c.png"), "b/c.png");
        assert_eq!(relative("guides/a.md", "img/c.png"), "../img/c.png");
        assert_eq!(relative("a.md", "c.png"), "c.png");
        assert_eq!(relative("guides/x/index.md", "guides/x"), "../x");
        let known = ["guides/shot.png", "img/logo.svg"];
        let p = missing(
            "guides/a.md",
            "shot.pgn",
            "guides/shot.pgn",
            LocalKind::Image,
            known,
        );
        assert_eq!(p.message, "the image `shot.pgn` points at no file");
        assert_eq!(p.hint.as_deref(), Some("did you mean `shot.png`?"));
        let p = missing(
            "guides/a.md",
            "/img/logo.svgg",
            "img/logo.svgg",
            LocalKind::Image,
            known,
        );
        assert_eq!(p.hint.as_deref(), Some("did you mean `/img/logo.svg`?"));
        let p = missing(
            "guides/a.md",
            "plan.pdf",
            "guides/plan.pdf",
            LocalKind::Link,
            known,
        );
        assert!(p.hint.unwrap().contains("content/ and static/"));
    }
}
