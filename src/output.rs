//! The only stage that writes: minifies HTML (minify-html), then writes the
//! site into a temporary sibling folder and swaps it in, so a failed or
//! killed build leaves the previous output exactly as it was.
//!
//! casebook leaves a marker file in every folder it creates and only ever
//! deletes folders that carry it.

use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diagnostics::{Diagnostic, io_error};
use crate::render::OutputFile;

/// The marker casebook writes into each output folder it creates.
pub const MARKER: &str = ".casebook-output";
const MARKER_TEXT: &str =
    "This folder was written by casebook. casebook may delete and rewrite it on the next build.\n";

/// Minifies every HTML file in place, in parallel. Inline CSS is minified;
/// there is no inline JS to minify (pages carry none).
pub fn minify(files: &mut [OutputFile]) {
    let mut cfg = minify_html::Cfg::new();
    cfg.keep_closing_tags = true;
    cfg.keep_html_and_head_opening_tags = true;
    cfg.minify_css = true;
    cfg.minify_doctype = false;
    files.par_iter_mut().filter(|f| f.is_html()).for_each(|f| {
        f.bytes = minify_html::minify(&f.bytes, &cfg);
    });
}

/// Why `dir` must not be used as an output folder, if it must not.
pub fn refuse_reason(dir: &Path, root: &Path) -> Option<String> {
    let abs = absolute(dir);
    let root = absolute(root);
    if abs.parent().is_none() {
        return Some("it is the file system's root".into());
    }
    if let Some(home) = std::env::var_os("HOME").map(PathBuf::from)
        && abs == absolute(&home)
    {
        return Some("it is your home folder".into());
    }
    if root.starts_with(&abs) {
        return Some("it contains the site itself".into());
    }
    for input in ["content", "static", "templates", "themes"] {
        if abs.starts_with(root.join(input)) {
            return Some(format!("it is inside the site's {input}/ folder"));
        }
    }
    if abs.is_dir() && !abs.join(MARKER).is_file() {
        let empty = fs::read_dir(&abs)
            .map(|mut d| d.next().is_none())
            .unwrap_or(false);
        if !empty {
            return Some("it is not empty and casebook did not create it".into());
        }
    }
    if abs.exists() && !abs.is_dir() {
        return Some("it is a file, not a folder".into());
    }
    None
}

/// Lexically absolute (no symlink resolution needed for these checks).
fn absolute(p: &Path) -> PathBuf {
    let joined = if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(p)
    };
    let mut out = PathBuf::new();
    for c in joined.components() {
        match c {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// Writes `files` to `dir` atomically: a temporary sibling is filled, then
/// swapped in. `shown` is the folder's name for messages.
pub fn write(dir: &Path, root: &Path, files: &[OutputFile]) -> Result<(), Diagnostic> {
    if let Some(reason) = refuse_reason(dir, root) {
        return Err(
            Diagnostic::new(dir, format!("refusing to write the site here: {reason}"))
                .hint("pick a new folder with --output-dir, or empty this one yourself"),
        );
    }
    let dir = absolute(dir);
    let parent = dir.parent().map(Path::to_path_buf).unwrap_or_default();
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    fs::create_dir_all(&parent).map_err(|e| io_error(&parent, "create the folder", &e))?;
    clean_stale(&parent, &name);

    let tmp = parent.join(format!(".{name}.casebook-new-{}", std::process::id()));
    let result = fill(&tmp, files).and_then(|()| swap(&dir, &tmp, &parent, &name));
    if result.is_err() && tmp.join(MARKER).is_file() {
        let _ = fs::remove_dir_all(&tmp);
    }
    result
}

fn fill(tmp: &Path, files: &[OutputFile]) -> Result<(), Diagnostic> {
    fs::create_dir_all(tmp).map_err(|e| io_error(tmp, "create the folder", &e))?;
    fs::write(tmp.join(MARKER), MARKER_TEXT)
        .map_err(|e| io_error(tmp, "write the marker file", &e))?;
    let mut dirs: Vec<PathBuf> = files
        .iter()
        .filter_map(|f| Path::new(&f.path).parent().map(|p| tmp.join(p)))
        .collect();
    dirs.sort();
    dirs.dedup();
    for d in &dirs {
        fs::create_dir_all(d).map_err(|e| io_error(d, "create the folder", &e))?;
    }
    files.par_iter().try_for_each(|f| {
        let path = tmp.join(&f.path);
        fs::write(&path, &f.bytes).map_err(|e| io_error(&path, "write the file", &e))
    })
}

fn swap(dir: &Path, tmp: &Path, parent: &Path, name: &str) -> Result<(), Diagnostic> {
    if dir.exists() {
        let old = parent.join(format!(".{name}.casebook-old-{}", std::process::id()));
        fs::rename(dir, &old).map_err(|e| io_error(dir, "move the previous output aside", &e))?;
        if let Err(e) = fs::rename(tmp, dir) {
            let _ = fs::rename(&old, dir); // put the previous site back
            return Err(io_error(dir, "move the new output into place", &e));
        }
        if old.join(MARKER).is_file() {
            let _ = fs::remove_dir_all(&old);
        }
        Ok(())
    } else {
        fs::rename(tmp, dir).map_err(|e| io_error(dir, "move the new output into place", &e))
    }
}

/// Removes leftovers of killed builds (they carry the marker).
fn clean_stale(parent: &Path, name: &str) {
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    let prefixes = [
        format!(".{name}.casebook-new-"),
        format!(".{name}.casebook-old-"),
    ];
    for e in entries.flatten() {
        let n = e.file_name().to_string_lossy().into_owned();
        if prefixes.iter().any(|p| n.starts_with(p.as_str())) && e.path().join(MARKER).is_file() {
            let _ = fs::remove_dir_all(e.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_swaps_and_never_touches_foreign_folders() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        let out = root.join("public");
        write(
            &out,
            root,
            &[
                OutputFile::new("index.html", "one"),
                OutputFile::new("a/b/index.html", "two"),
            ],
        )
        .unwrap();
        assert_eq!(
            fs::read_to_string(out.join("a/b/index.html")).unwrap(),
            "two"
        );
        assert!(out.join(MARKER).is_file());
        write(&out, root, &[OutputFile::new("index.html", "three")]).unwrap();
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "three");
        assert!(
            !out.join("a").exists(),
            "stale files are gone after a rebuild"
        );
        let leftovers: Vec<_> = fs::read_dir(root)
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(leftovers.len(), 1, "{leftovers:?}");

        let foreign = root.join("mine");
        fs::create_dir(&foreign).unwrap();
        fs::write(foreign.join("notes.txt"), "keep").unwrap();
        let err = write(&foreign, root, &[OutputFile::new("index.html", "x")]).unwrap_err();
        assert!(err.message.contains("did not create"), "{err}");
        assert_eq!(
            fs::read_to_string(foreign.join("notes.txt")).unwrap(),
            "keep"
        );
    }

    #[test]
    fn dangerous_folders_are_refused() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        assert!(refuse_reason(Path::new("/"), root).is_some());
        assert!(
            refuse_reason(root, root)
                .unwrap()
                .contains("contains the site")
        );
        assert!(
            refuse_reason(&root.join("content/out"), root)
                .unwrap()
                .contains("content/")
        );
        assert!(refuse_reason(&root.join("public"), root).is_none());
        if let Some(home) = std::env::var_os("HOME") {
            assert!(refuse_reason(Path::new(&home), Path::new("/nonexistent/site")).is_some());
        }
    }

    #[test]
    fn minify_shrinks_html_only() {
        let mut files = vec![
            OutputFile::new(
                "a.html",
                "<!doctype html>\n<html>\n  <body>\n    <p>  Hi  </p>\n  </body>\n</html>\n",
            ),
            OutputFile::new("a.xml", "<a>\n  <b/>\n</a>\n"),
        ];
        minify(&mut files);
        assert!(
            files[0].bytes.len() < 60,
            "{}",
            String::from_utf8_lossy(&files[0].bytes)
        );
        assert_eq!(files[1].bytes, b"<a>\n  <b/>\n</a>\n");
    }
}
