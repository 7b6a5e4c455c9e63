//! Writes the image cache (#19) to its folder beside the output, where
//! `load::read_image_cache` finds it on the next build: what
//! [`Cache::to_store`] says the folder lacks, each file under a temporary
//! name renamed into place (a build stopped midway leaves no half file
//! under a real name), and, after a build that went through, the cache
//! files no image of the site uses any more.
//!
//! The folder is `.{output name}.casebook-images`, a hidden sibling of the
//! output like the spare (and ignored by the same `.gitignore` line),
//! never deployed, and never deleted as a whole: only files
//! [`is_cache_file`] recognises are removed, so a folder that happens to
//! have that name loses nothing else.

use std::fs;
use std::path::{Path, PathBuf};

use crate::diagnostics::{Code, Diagnostic, io_error};
use crate::images::{Cache, PARTIAL, is_cache_file};

/// The image cache's folder for the output folder `out`.
pub fn image_cache_dir(out: &Path) -> PathBuf {
    let out = super::absolute(out);
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    out.with_file_name(format!(".{name}.casebook-images"))
}

/// Saves `cache` to `dir`. With `prune`, also removes the cache files it
/// did not ask for (images the site no longer has): only after a build
/// that went through, which asked for every image.
pub fn store_image_cache(dir: &Path, cache: &Cache, prune: bool) -> Result<(), Diagnostic> {
    let stored = cache.to_store();
    if stored.keep.is_empty() && !dir.is_dir() {
        return Ok(()); // a site without raster images: no folder
    }
    fs::create_dir_all(dir)
        .map_err(|e| io_error(Code::OutputWriteFailed, dir, "create the folder", &e))?;
    let mut written = Vec::with_capacity(stored.write.len());
    for (name, bytes) in &stored.write {
        let partial = dir.join(format!("{PARTIAL}{}-{name}", std::process::id()));
        fs::write(&partial, bytes)
            .map_err(|e| io_error(Code::OutputWriteFailed, &partial, "write the file", &e))?;
        let path = dir.join(name);
        fs::rename(&partial, &path)
            .map_err(|e| io_error(Code::OutputWriteFailed, &path, "write the file", &e))?;
        written.push(name.clone());
    }
    cache.stored(written);
    if !prune {
        return Ok(());
    }
    let listing = fs::read_dir(dir)
        .map_err(|e| io_error(Code::OutputWriteFailed, dir, "read the folder", &e))?;
    for file in listing.flatten() {
        let name = file.file_name().to_string_lossy().into_owned();
        if is_cache_file(&name) && !stored.keep.contains(&name) {
            let _ = fs::remove_file(file.path());
            cache.removed(&name);
        }
    }
    Ok(())
}
