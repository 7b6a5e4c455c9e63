//! `casebook check --external` on the site model: every link to another
//! website, once per place it is written, asked about through [`check`],
//! and each answer worth telling turned into a message at each place.
//!
//! - Broken and failed links are errors: a reader following them gets
//!   nowhere.
//! - Links a server will not show a program (401, 403, 429, 999) are
//!   warnings: they most likely work for a reader, so they must not fail
//!   the check, but someone should look once (and add them to `skip`).
//! - A permanent redirect is a note with the new address: the link works
//!   today, and writing the new address spares readers the hop.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::time::SystemTime;

use super::{Cache, ExternalConfig, Failure, Outcome, check};
use crate::diagnostics::{Code, Diagnostic};
use crate::site::{ExternalUse, Site};

/// What checking a site's links found.
#[derive(Debug, Default)]
pub struct Report {
    /// Errors, warnings and notes, at each place a link is written.
    pub problems: Vec<Diagnostic>,
    /// How many different links there were (each asked once at most).
    pub links: usize,
}

/// Checks the links of every edition of a site (the default language's
/// first) and reports each problem at every place it is written. A link
/// written once but seen by several editions (a page or record standing in
/// for an untranslated one) is reported once.
pub fn check_sites(
    sites: &[Site],
    config: &ExternalConfig,
    cache: &mut Cache,
    now: SystemTime,
) -> Report {
    let uses = distinct_uses(sites);
    let urls: Vec<String> = uses.iter().map(|u| u.url.clone()).collect();
    let outcomes: HashMap<String, Outcome> = check(&urls, config, cache, now).into_iter().collect();
    let problems = uses
        .iter()
        .filter_map(|u| diagnose(u, outcomes.get(&u.url)?, config))
        .collect();
    Report {
        problems,
        links: outcomes.len(),
    }
}

/// Every use of every edition, each place (file, position, link) once, in
/// the editions' order.
fn distinct_uses(sites: &[Site]) -> Vec<&ExternalUse> {
    let mut seen: HashSet<(&Path, usize, usize, &str)> = HashSet::new();
    sites
        .iter()
        .flat_map(|site| &site.external)
        .filter(|u| seen.insert((u.file.as_path(), u.pos.line, u.pos.col, u.url.as_str())))
        .collect()
}

/// The message for one use of a link, if its outcome deserves one.
fn diagnose(u: &ExternalUse, outcome: &Outcome, config: &ExternalConfig) -> Option<Diagnostic> {
    let url = &u.url;
    let d = match outcome {
        Outcome::Ok {
            redirected_to: Some(new),
            ..
        } => {
            let new = with_fragment(new, url);
            Diagnostic::new(Code::ExternalMoved, &u.file, format!("`{url}` has moved for good to `{new}`"))
                .hint(format!(
                    "link to `{new}` instead: it saves readers a redirect, and old addresses stop redirecting one day"
                ))
                .note()
        }
        Outcome::Ok { .. } | Outcome::Skipped => return None,
        Outcome::Unverifiable { status } => Diagnostic::new(
            Code::ExternalUnverifiable,
            &u.file,
            format!(
                "`{url}` could not be checked: the server answers {} to programs",
                status_text(*status)
            ),
        )
        .hint(unverifiable_hint(*status))
        .warning(),
        Outcome::Broken { status } => Diagnostic::new(
            Code::ExternalBroken,
            &u.file,
            format!(
                "broken link `{url}`: the server answers {}",
                status_text(*status)
            ),
        )
        .hint(broken_hint(*status, url)),
        Outcome::Failed { reason } => Diagnostic::new(
            Code::ExternalFailed,
            &u.file,
            format!("broken link `{url}`: {reason}"),
        )
        .hint(failure_hint(reason, config, url)),
    };
    let mut d = d.at(u.pos);
    d.source_line = Some(u.line.as_str().into());
    Some(d)
}

/// `404 Not Found`, or just the number for codes without a name (999).
fn status_text(status: u16) -> String {
    let reason = ureq::http::StatusCode::from_u16(status)
        .ok()
        .and_then(|code| code.canonical_reason());
    match reason {
        Some(reason) => format!("{status} {reason}"),
        None => status.to_string(),
    }
}

/// The link as the Wayback Machine's list of copies, for pages that are gone.
fn archive(url: &str) -> String {
    let page = url.split('#').next().unwrap_or(url);
    format!("https://web.archive.org/web/*/{page}")
}

/// The new address with the link's own `#fragment`, which redirects keep.
fn with_fragment(new: &str, link: &str) -> String {
    match link.split_once('#') {
        Some((_, fragment)) if !new.contains('#') => format!("{new}#{fragment}"),
        _ => new.to_owned(),
    }
}

fn unverifiable_hint(status: u16) -> String {
    if status == 429 {
        "the server asks for fewer requests: run the check again later, or lower `per_host` in `[external_links]`".to_owned()
    } else {
        "open it in a browser: if the page is there, add the link (or its site) to `skip` in `[external_links]` of site.toml".to_owned()
    }
}

fn broken_hint(status: u16, url: &str) -> String {
    match status {
        404 | 410 => format!(
            "the page is gone: link to where it moved, to an archived copy ({}), or remove the link",
            archive(url)
        ),
        500.. => "the server failed on every try: if the page works in a browser later, the fault has passed; if not, link elsewhere".to_owned(),
        _ => "open the link in a browser, then fix or remove it".to_owned(),
    }
}

fn failure_hint(reason: &Failure, config: &ExternalConfig, url: &str) -> String {
    match reason {
        Failure::Timeout => format!(
            "no answer within {} s on any try: check the site works, or raise `timeout_secs` in `[external_links]`",
            config.timeout_secs
        ),
        Failure::Refused | Failure::Dns => format!(
            "check the address for typos; if the site is gone, link to an archived copy ({}) or remove the link",
            archive(url)
        ),
        Failure::Tls(_) => {
            "readers' browsers will refuse the page too: link elsewhere, or tell the site's owners"
                .to_owned()
        }
        Failure::TooManyRedirects | Failure::RedirectLoop => {
            "the redirects never reach a page, in browsers either: link to the page itself"
                .to_owned()
        }
        Failure::InvalidUrl(_) => {
            "write a full address, such as `https://example.org/page`".to_owned()
        }
        Failure::Other(_) => {
            "open the link in a browser; if it works, run the check again".to_owned()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Pos;
    use std::path::PathBuf;

    fn use_of(url: &str) -> ExternalUse {
        ExternalUse {
            url: url.to_owned(),
            file: PathBuf::from("content/a.md"),
            pos: Pos::new(3, 7),
            line: format!("See [it]({url})."),
        }
    }

    fn says(url: &str, outcome: Outcome) -> Option<Diagnostic> {
        diagnose(&use_of(url), &outcome, &ExternalConfig::default())
    }

    #[test]
    fn each_outcome_has_its_severity_and_place() {
        let broken = says("https://x.org/a", Outcome::Broken { status: 404 }).unwrap();
        assert!(broken.is_error());
        assert_eq!(broken.location(), "content/a.md:3:7");
        assert!(broken.message.contains("404 Not Found"), "{broken}");
        assert!(
            broken
                .hint
                .unwrap()
                .contains("web.archive.org/web/*/https://x.org/a")
        );
        assert_eq!(
            broken.source_line.as_deref(),
            Some("See [it](https://x.org/a).")
        );
        let failed = says(
            "https://x.org/",
            Outcome::Failed {
                reason: Failure::Timeout,
            },
        )
        .unwrap();
        assert!(
            failed.is_error() && failed.message.contains("timeout"),
            "{failed}"
        );
        assert!(failed.hint.unwrap().contains("within 10 s"));
        let blocked = says("https://x.org/", Outcome::Unverifiable { status: 999 }).unwrap();
        assert_eq!(blocked.severity, crate::diagnostics::Severity::Warning);
        assert!(
            blocked.message.ends_with("answers 999 to programs"),
            "{blocked}"
        );
        assert!(says("https://x.org/", Outcome::Skipped).is_none());
        let fine = Outcome::Ok {
            status: 200,
            redirected_to: None,
        };
        assert!(says("https://x.org/", fine).is_none());
    }

    #[test]
    fn a_permanent_move_is_a_note_keeping_the_fragment() {
        let moved = Outcome::Ok {
            status: 200,
            redirected_to: Some("https://new.org/b".into()),
        };
        let note = says("https://x.org/a#part", moved).unwrap();
        assert_eq!(note.severity, crate::diagnostics::Severity::Note);
        assert!(note.message.contains("`https://new.org/b#part`"), "{note}");
    }
}
