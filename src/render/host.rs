//! `_headers` and `_redirects`, the files Netlify and Cloudflare Pages read
//! from the output folder (`[deploy]` in site.toml, #21). Both hosts take
//! the same syntax: a path, then indented `Name: value` lines; and
//! `from to status` lines.
//!
//! Paths carry the site's base path: they are what readers request.

use std::fmt::Write;

use super::Assets;
use crate::site::{Site, alias_path};

/// The Content-Security-Policy of every page: everything from the site
/// itself, no inline script or style. The theme puts it in a `<meta>`
/// tag (`site.csp`); `_headers` sends it as a header.
pub const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";

/// A year, the most a browser caches: for files whose name changes when
/// their content does.
const FOREVER: &str = "public, max-age=31536000, immutable";

/// `_headers`: the CSP as a real header, with `frame-ancestors` (which a
/// `<meta>` tag cannot carry), a few safe defaults, and long caching for
/// the fingerprinted theme files and search index parts.
pub fn headers(sites: &[Site], assets: &Assets) -> String {
    let site = &sites[0];
    let base = site.config.base_path();
    let mut out = String::from("# Written by casebook ([deploy] headers = true in site.toml).\n");
    let _ = writeln!(out, "{base}*");
    let _ = writeln!(
        out,
        "  Content-Security-Policy: {CSP}; frame-ancestors 'none'"
    );
    out.push_str("  X-Content-Type-Options: nosniff\n");
    out.push_str("  Referrer-Policy: strict-origin-when-cross-origin\n");
    // CSS and JS are the fingerprinted ones (`render::fingerprint`); their
    // URLs already carry the base path.
    let fingerprinted = assets
        .urls
        .iter()
        .filter(|(name, _)| name.ends_with(".css") || name.ends_with(".js"))
        .map(|(_, url)| url.clone());
    // Search index parts are named by their content's hash; the manifest
    // that names them is not, and is left to the host's default.
    let search = sites.iter().filter(|s| s.config.search).flat_map(|s| {
        let base = s.config.base_path();
        [format!("{base}search/t*"), format!("{base}search/r*")]
    });
    for path in fingerprinted.chain(search) {
        let _ = writeln!(out, "{path}\n  Cache-Control: {FOREVER}");
    }
    out
}

/// `_redirects`: each page alias as a permanent redirect to its page, in
/// every language (a translation's aliases are under its prefix).
pub fn redirects(sites: &[Site]) -> String {
    let mut out = String::from("# Written by casebook ([deploy] redirects = true in site.toml).\n");
    for site in sites {
        let c = &site.config;
        for (_, page) in site.own_pages() {
            for alias in page.fm.aliases.iter().filter_map(|a| alias_path(a)) {
                let _ = writeln!(out, "{} {} 301", c.link(&alias), c.link(&page.url));
            }
        }
    }
    out
}
