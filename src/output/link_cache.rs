//! The cache of `check --external`, written for the next run (#21).

use std::fs;
use std::path::Path;

use crate::diagnostics::{Code, Diagnostic, io_error};
use crate::external::Cache;

/// Keeps what `check --external` learned for the next run, at
/// [`crate::external::CACHE_FILE`] in the site's folder. Written to a
/// temporary file and renamed, so a killed run leaves the old cache or the
/// new one, never half of one. The folder gets a `.gitignore` of `*`, so
/// the cache stays out of the site's repository with no edit of its own.
pub fn write_link_cache(root: &Path, cache: &Cache) -> Result<(), Diagnostic> {
    let path = root.join(crate::external::CACHE_FILE);
    let shown = crate::load::rel_to(root, &path);
    let dir = path.parent().unwrap_or(root);
    let failed =
        |e: std::io::Error| io_error(Code::ExternalCache, &shown, "write the link cache", &e);
    fs::create_dir_all(dir).map_err(failed)?;
    let ignore = dir.join(".gitignore");
    if !ignore.exists() {
        fs::write(&ignore, "# casebook's cache; safe to delete.\n*\n").map_err(failed)?;
    }
    let tmp = dir.join(format!(".external-links.{}.tmp", std::process::id()));
    fs::write(&tmp, cache.to_json()).map_err(failed)?;
    fs::rename(&tmp, &path).map_err(|e| {
        let _ = fs::remove_file(&tmp);
        failed(e)
    })
}
