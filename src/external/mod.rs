//! External links: does every `http(s)` link of the site still lead
//! somewhere? This is the engine of `casebook check --external`.
//!
//! Why a module of its own: it is the one place casebook talks to the
//! network, which is slow, flaky and not ours. So it is kept out of the
//! pure pipeline, and its only I/O is the HTTP requests: it reads and
//! writes no file. The caller passes the links, the time and the cache's
//! text ([`Cache::parse`]) and stores [`Cache::to_json`] where it likes, so
//! everything but the requests is a pure function of its input.
//!
//! How [`check`] treats a link, and why:
//! - Each distinct page is asked once: the `#fragment` is dropped and the
//!   URL normalised (host lower-cased, international names in punycode), so a
//!   page linked from fifty places costs one request. The answer is given
//!   back for every spelling the caller passed, so each use can be reported
//!   at its own `file:line:column`.
//! - A working link checked within `cache_hours` is not asked again; a
//!   broken or failed one always is, since it may have been fixed.
//! - At most `concurrency` requests are under way at once, and at most
//!   `per_host` to one host, so a site with 300 links to one forge does not
//!   hammer it.
//! - HEAD first, as it has no body. Any error answer is confirmed with a
//!   GET: besides 405 and 501, some servers (object stores, CDNs, web
//!   frameworks) answer HEAD with 403 or 404 for pages a GET shows, and a
//!   false "broken" costs a user more than one extra request per bad link.
//! - Redirects are followed by hand, at most [`MAX_REDIRECTS`], to see
//!   every hop: a permanent move (301/308) is reported with the new address,
//!   a temporary one (302/303/307) is not, since there the old address is
//!   the one to keep.
//! - 429, 5xx, timeouts and dropped connections are tried again, waiting
//!   half a second, doubling, or longer if `Retry-After` says so, but never
//!   more than [`MAX_WAIT_PER_LINK`] in all for one link, so a run cannot
//!   hang.
//!   A refused connection, an unknown host or a TLS failure is final at
//!   once: asking again would not change it.
//!
//! The answers are sorted into [`Outcome`]s; 401, 403 and rate limits are
//! "unverifiable" rather than broken (see [`Outcome::Unverifiable`]).

mod cache;
mod probe;
mod queue;
pub mod report;
#[cfg(test)]
mod tests;

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::num::{NonZeroU64, NonZeroUsize};
use std::time::{Duration, SystemTime};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use url::Url;

pub use cache::Cache;
pub use report::{Report, check_sites};

/// Where the cache is kept, relative to the site's folder: read by `load`,
/// written by `output`, never inside the built site.
pub const CACHE_FILE: &str = ".casebook/external-links.json";

/// Redirects followed from one link before it counts as
/// [`Failure::TooManyRedirects`] (browsers allow about 20; real chains are
/// 1–3 hops, and more is almost always a misconfigured site).
pub const MAX_REDIRECTS: usize = 10;

/// The most one link waits between its tries, in all, whatever the
/// server's `Retry-After` asks: past it the last answer stands.
pub const MAX_WAIT_PER_LINK: Duration = Duration::from_secs(10);

/// The longest `timeout_secs` a site may set: a link that takes longer to
/// answer is as good as dead to a reader, and the bound keeps a run from
/// hanging (site.toml's check refuses more).
pub const MAX_TIMEOUT_SECS: u64 = 300;

/// The `[external_links]` table of `site.toml`: how `casebook check
/// --external` asks other sites about the links to them. Every key is
/// optional.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct ExternalConfig {
    /// Links never checked: a URL prefix (`https://twitter.com/`), or a
    /// pattern in which `*` stands for any run of characters and which must
    /// match the whole URL (`https://*.example.com/*`). For sites that refuse
    /// link checkers and for links that need a login.
    pub skip: Vec<String>,
    /// Seconds one try at a link may take, redirects included, from
    /// connecting to the answer's headers; past it the try has timed out.
    /// At most 300.
    #[schemars(range(max = MAX_TIMEOUT_SECS))]
    pub timeout_secs: NonZeroU64,
    /// How many times a link is asked again after a 429 (too many
    /// requests), a 5xx answer, a timeout or a dropped connection. The waits
    /// start at half a second and double, or are as long as `Retry-After`
    /// asks if that is longer; they add up to 10 seconds at most per link,
    /// so there are never more than 4 retries, whatever this says.
    pub retries: u32,
    /// How many requests are under way at once, over all hosts.
    pub concurrency: NonZeroUsize,
    /// How many requests one host is sent at once: politeness to the
    /// sites the pages link to most.
    pub per_host: NonZeroUsize,
    /// How long, in hours, a working link is trusted before it is asked
    /// again; `0` turns the cache off. Broken links are always asked again.
    pub cache_hours: u64,
    /// The `User-Agent` header sent with every request.
    pub user_agent: String,
}

impl Default for ExternalConfig {
    fn default() -> Self {
        ExternalConfig {
            skip: Vec::new(),
            timeout_secs: NonZeroU64::new(10).unwrap_or(NonZeroU64::MIN),
            retries: 2,
            concurrency: NonZeroUsize::new(8).unwrap_or(NonZeroUsize::MIN),
            per_host: NonZeroUsize::new(2).unwrap_or(NonZeroUsize::MIN),
            cache_hours: 24,
            user_agent: concat!("casebook/", env!("CARGO_PKG_VERSION"), " (+link check)").into(),
        }
    }
}

/// What asking about one link found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Outcome {
    /// The page is there: `status` is the final answer's (2xx, or a 3xx
    /// with no address to follow). `redirected_to` is set when the link has
    /// moved for good (every redirect up to it a 301 or 308): the address to
    /// write instead, without the link's `#fragment`.
    Ok {
        status: u16,
        redirected_to: Option<String>,
    },
    /// The server answered but would not show the page to a program: 401
    /// or 403 (a login, or a site that turns away bots), 429 after the
    /// retries, or a code outside HTTP's range such as LinkedIn's 999. The
    /// page most likely works for a reader, so this is a warning to look by
    /// hand, not an error: counting it as broken would fail the check of
    /// sites that are fine, and users would learn to ignore the check.
    Unverifiable { status: u16 },
    /// The page is gone or broken: any other 4xx (404, 410, …), confirmed
    /// by a GET, or a 5xx after the retries.
    Broken { status: u16 },
    /// No usable HTTP answer.
    Failed { reason: Failure },
    /// The link matches a `skip` pattern and was not asked about.
    Skipped,
}

/// Why a link got no usable HTTP answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Failure {
    /// No answer within `timeout_secs`, on every try.
    Timeout,
    /// The server refused the connection: nothing listens there.
    Refused,
    /// The host name does not exist.
    Dns,
    /// The secure connection failed: an expired or wrong certificate, or
    /// a server that does not speak TLS.
    Tls(String),
    /// More than [`MAX_REDIRECTS`] redirects.
    TooManyRedirects,
    /// The redirects lead back to an address already visited.
    RedirectLoop,
    /// The link is not a valid `http(s)` URL, or redirects to one that is
    /// not.
    InvalidUrl(String),
    /// Anything else: a connection dropped on every try, a malformed answer.
    Other(String),
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Timeout => f.write_str("no answer before the timeout"),
            Failure::Refused => f.write_str("connection refused"),
            Failure::Dns => f.write_str("host name not found"),
            Failure::Tls(why) => write!(f, "secure connection failed: {why}"),
            Failure::TooManyRedirects => write!(f, "more than {MAX_REDIRECTS} redirects"),
            Failure::RedirectLoop => f.write_str("the redirects go round in a loop"),
            Failure::InvalidUrl(why) => write!(f, "not a valid http(s) URL: {why}"),
            Failure::Other(why) => f.write_str(why),
        }
    }
}

/// Checks each link of `urls` and returns every distinct string of `urls`,
/// in first-use order, with its outcome; spellings of one page (its
/// `#fragment`s) share one request and one outcome.
///
/// `cache` answers for links checked since `now` minus `cache_hours`, and
/// is brought up to date: working links are added with the time `now`,
/// broken ones and expired entries removed. It is left alone when
/// `cache_hours` is 0.
///
/// Blocks until every link is answered. One link takes at most
/// `retries + 2` tries (the last a GET confirming an error answer to HEAD)
/// of at most `timeout_secs` each, plus [`MAX_WAIT_PER_LINK`] between them.
pub fn check(
    urls: &[String],
    config: &ExternalConfig,
    cache: &mut Cache,
    now: SystemTime,
) -> Vec<(String, Outcome)> {
    run(urls, config, &Timing::of(config), cache, now)
}

/// The durations a check uses: `timeout_secs`, and two that are not
/// options but that tests shorten to keep fast.
#[derive(Debug, Clone)]
struct Timing {
    /// The whole of one try, redirects included.
    timeout: Duration,
    /// The wait before the first retry; it doubles each time.
    first_backoff: Duration,
    /// The most one link waits between its tries, in all.
    max_wait: Duration,
}

impl Timing {
    fn of(config: &ExternalConfig) -> Self {
        Timing {
            timeout: Duration::from_secs(config.timeout_secs.get()),
            first_backoff: Duration::from_millis(500),
            max_wait: MAX_WAIT_PER_LINK,
        }
    }
}

/// A page to ask about: its normalised URL (also its cache key) and host.
#[derive(Debug, Clone)]
struct Job {
    url: Url,
    host: String,
}

fn run(
    urls: &[String],
    config: &ExternalConfig,
    timing: &Timing,
    cache: &mut Cache,
    now: SystemTime,
) -> Vec<(String, Outcome)> {
    let lifetime = cache_lifetime(config);
    if let Some(lifetime) = lifetime {
        cache.prune(now, lifetime);
    }
    let Plan {
        uses,
        mut known,
        jobs,
    } = plan(urls, &config.skip, lifetime.map(|_| &*cache));
    let asked = queue::run_jobs(&jobs, config, timing);
    if lifetime.is_some() {
        for (key, outcome) in &asked {
            cache.record(key, outcome, now);
        }
    }
    known.extend(asked);
    uses.into_iter()
        .map(|(input, key)| {
            let outcome = known.get(&key).cloned().unwrap_or_else(|| Outcome::Failed {
                // Only if a request thread panicked (see `queue`).
                reason: Failure::Other("not checked: the checker stopped early".into()),
            });
            (input, outcome)
        })
        .collect()
}

/// How long the cache is trusted; `None` when it is off.
fn cache_lifetime(config: &ExternalConfig) -> Option<Duration> {
    let hours = config.cache_hours;
    (hours > 0).then(|| Duration::from_secs(hours.saturating_mul(3600)))
}

/// The links sorted out before any request.
#[derive(Debug, Default)]
struct Plan {
    /// Every distinct input, in first-use order, with its page's key.
    uses: Vec<(String, String)>,
    /// The pages decided without asking: skipped, invalid or cached.
    known: HashMap<String, Outcome>,
    /// The pages to ask about, each once.
    jobs: Vec<Job>,
}

/// What to do about one link, before any request.
enum Decision {
    Known(Outcome),
    Ask(Job),
}

fn plan(urls: &[String], skip: &[String], cache: Option<&Cache>) -> Plan {
    let mut plan = Plan::default();
    let mut seen = HashSet::new();
    let mut asked = HashSet::new();
    for input in urls {
        if !seen.insert(input.as_str()) {
            continue;
        }
        let (key, decision) = decide(input, skip, cache);
        if !plan.known.contains_key(&key) && !asked.contains(&key) {
            match decision {
                Decision::Known(outcome) => {
                    plan.known.insert(key.clone(), outcome);
                }
                Decision::Ask(job) => {
                    asked.insert(key.clone());
                    plan.jobs.push(job);
                }
            }
        }
        plan.uses.push((input.clone(), key));
    }
    plan
}

/// The key of `input`'s page and what to do about it.
fn decide(input: &str, skip: &[String], cache: Option<&Cache>) -> (String, Decision) {
    let url = match normalise(input) {
        Ok(url) => url,
        Err(_) if is_skipped(input, skip) => {
            return (input.to_owned(), Decision::Known(Outcome::Skipped));
        }
        Err(why) => {
            let reason = Failure::InvalidUrl(why);
            return (
                input.to_owned(),
                Decision::Known(Outcome::Failed { reason }),
            );
        }
    };
    let key = url.to_string();
    if is_skipped(input, skip) || is_skipped(&key, skip) {
        return (key, Decision::Known(Outcome::Skipped));
    }
    if let Some(outcome) = cache.and_then(|c| c.get(&key)) {
        return (key, Decision::Known(outcome.clone()));
    }
    let host = url.host_str().unwrap_or_default().to_owned();
    (key, Decision::Ask(Job { url, host }))
}

/// The link's page as one spelling: parsed, host lower-cased and in
/// punycode (the form requests need), without the `#fragment`.
fn normalise(input: &str) -> Result<Url, String> {
    let mut url = Url::parse(input.trim()).map_err(|e| e.to_string())?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(format!("`{}:` links are not checked", url.scheme()));
    }
    url.set_fragment(None);
    Ok(url)
}

/// Whether `url` matches one of the `skip` patterns.
fn is_skipped(url: &str, skip: &[String]) -> bool {
    skip.iter().any(|pattern| glob_match(pattern, url))
}

/// A `skip` pattern without `*` is a prefix; with `*`, it must match the
/// whole URL, `*` standing for any run of characters. An empty pattern
/// matches nothing (rather than every link, as an empty prefix would).
///
/// Hand-written: splitting at `*` and finding the pieces in order is a few
/// lines that cannot fail. Glob crates also treat `?` and `[` as wildcards,
/// and both are common in URLs; a regex (the crate is a dependency) would
/// need escaping and a compile step that can fail on size limits.
fn glob_match(pattern: &str, url: &str) -> bool {
    if pattern.is_empty() {
        return false;
    }
    let mut pieces = pattern.split('*');
    let first = pieces.next().unwrap_or_default();
    let Some(mut rest) = url.strip_prefix(first) else {
        return false;
    };
    let Some(last) = pieces.next_back() else {
        return true; // no `*`: a prefix
    };
    for piece in pieces {
        match rest.find(piece) {
            Some(i) => rest = &rest[i + piece.len()..],
            None => return false,
        }
    }
    rest.ends_with(last)
}
