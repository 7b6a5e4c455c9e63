//! Asking one server about one page: HEAD, GET when HEAD is refused,
//! redirects followed by hand, retries with backoff. The reasons for each
//! rule are in the parent module's doc.

use std::io;
use std::thread;
use std::time::{Duration, Instant, SystemTime};

use ureq::Agent;
use ureq::http::Response;
use url::Url;

use super::{ExternalConfig, Failure, MAX_REDIRECTS, Outcome, Timing};

/// The HTTP client all requests of a check share, keeping connections
/// alive between requests to one host. It returns every answer as it is:
/// error statuses are answers, and redirects are followed in [`follow`],
/// which also sets the timeouts. Proxies are taken from the environment
/// (`HTTPS_PROXY`, `NO_PROXY`, …) as curl does.
pub(super) fn agent(config: &ExternalConfig) -> Agent {
    Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .user_agent(config.user_agent.as_str())
        .max_idle_connections_per_host(config.per_host.get())
        .build()
        .into()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Method {
    Head,
    Get,
}

/// The end of one try: the last answer after the redirects, or no answer.
#[derive(Debug)]
enum Attempt {
    Answer {
        status: u16,
        /// The new address, when every redirect so far was permanent.
        moved_to: Option<Url>,
        retry_after: Option<Duration>,
    },
    Error {
        failure: Failure,
        /// Whether trying again may help (timeouts, dropped connections).
        transient: bool,
    },
}

/// Asks about `url` until there is an answer worth reporting: retrying
/// what may pass within the wait budget, and confirming any error answer
/// to a HEAD with a GET.
pub(super) fn probe(agent: &Agent, url: &Url, retries: u32, timing: &Timing) -> Outcome {
    let mut method = Method::Head;
    let mut retries_left = retries;
    let mut waited = Duration::ZERO;
    let mut backoff = timing.first_backoff;
    loop {
        let attempt = follow(agent, url, method, timing.timeout);
        if retries_left > 0 && attempt.is_transient() {
            // Retry-After is the least wait; the backoff still doubles, so
            // the budget bounds the retries whatever `retries` says.
            let wait = attempt
                .retry_after()
                .map_or(backoff, |after| after.max(backoff));
            if waited.saturating_add(wait) <= timing.max_wait {
                thread::sleep(wait);
                waited += wait;
                backoff = backoff.saturating_mul(2);
                retries_left -= 1;
                continue;
            }
        }
        // Not after a 429: the server asked for fewer requests, not another.
        if method == Method::Head && attempt.status().is_some_and(|s| s >= 400 && s != 429) {
            method = Method::Get;
            continue;
        }
        return attempt.into_outcome();
    }
}

/// One try: the request, then each redirect in turn, all within `timeout`.
fn follow(agent: &Agent, start: &Url, method: Method, timeout: Duration) -> Attempt {
    let deadline = Instant::now() + timeout;
    let mut url = start.clone();
    let mut visited = vec![start.clone()];
    let mut moved_to = None;
    let mut all_permanent = true;
    for _ in 0..=MAX_REDIRECTS {
        let response = match send(agent, &url, method, deadline) {
            Ok(response) => response,
            Err(error) => return Attempt::from_error(error, &url),
        };
        let status = response.status().as_u16();
        let location = matches!(status, 301 | 302 | 303 | 307 | 308)
            .then(|| header(&response, "location"))
            .flatten();
        let Some(location) = location else {
            let retry_after = header(&response, "retry-after").and_then(parse_retry_after);
            return Attempt::Answer {
                status,
                moved_to,
                retry_after,
            };
        };
        let next = match next_url(&url, location) {
            Ok(next) => next,
            Err(failure) => return Attempt::failed(failure),
        };
        all_permanent &= matches!(status, 301 | 308);
        if all_permanent {
            moved_to = Some(next.clone());
        }
        if visited.contains(&next) {
            return Attempt::failed(Failure::RedirectLoop);
        }
        visited.push(next.clone());
        url = next;
    }
    Attempt::failed(Failure::TooManyRedirects)
}

/// One request, given what is left of its try's time.
fn send(
    agent: &Agent,
    url: &Url,
    method: Method,
    deadline: Instant,
) -> Result<Response<ureq::Body>, ureq::Error> {
    let left = deadline.saturating_duration_since(Instant::now());
    if left.is_zero() {
        return Err(ureq::Error::Timeout(ureq::Timeout::Global));
    }
    let request = match method {
        Method::Head => agent.head(url.as_str()),
        Method::Get => agent.get(url.as_str()),
    };
    // The body of a GET is never read: dropping the response closes the
    // connection instead of downloading the page.
    request.config().timeout_global(Some(left)).build().call()
}

fn header<'r>(response: &'r Response<ureq::Body>, name: &str) -> Option<&'r str> {
    response.headers().get(name)?.to_str().ok()
}

/// Where a redirect's `Location` (absolute or relative) leads.
fn next_url(from: &Url, location: &str) -> Result<Url, Failure> {
    let mut next = from
        .join(location.trim())
        .map_err(|e| Failure::InvalidUrl(format!("redirect to `{location}`: {e}")))?;
    if !matches!(next.scheme(), "http" | "https") {
        return Err(Failure::InvalidUrl(format!("redirect to `{location}`")));
    }
    next.set_fragment(None);
    Ok(next)
}

/// `Retry-After` as seconds or as an HTTP date (RFC 9110 §10.2.3).
pub(super) fn parse_retry_after(value: &str) -> Option<Duration> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let when = httpdate::parse_http_date(value).ok()?;
    Some(
        when.duration_since(SystemTime::now())
            .unwrap_or(Duration::ZERO),
    )
}

impl Attempt {
    fn failed(failure: Failure) -> Self {
        Attempt::Error {
            failure,
            transient: false,
        }
    }

    /// Sorts ureq's errors into failures, and those worth retrying.
    fn from_error(error: ureq::Error, url: &Url) -> Self {
        let (failure, transient) = match error {
            ureq::Error::Timeout(_) => (Failure::Timeout, true),
            ureq::Error::HostNotFound => (Failure::Dns, false),
            ureq::Error::Io(error) => from_io_error(&error, url),
            ureq::Error::Tls(why) => (Failure::Tls(why.to_owned()), false),
            ureq::Error::Rustls(error) => (Failure::Tls(error.to_string()), false),
            ureq::Error::BadUri(why) => (Failure::InvalidUrl(why), false),
            other => (Failure::Other(other.to_string()), false),
        };
        Attempt::Error { failure, transient }
    }

    fn status(&self) -> Option<u16> {
        match self {
            Attempt::Answer { status, .. } => Some(*status),
            Attempt::Error { .. } => None,
        }
    }

    /// 429, 5xx (but 501, "not implemented": a HEAD the server does not
    /// do, for the GET to confirm), timeouts, dropped connections.
    fn is_transient(&self) -> bool {
        match self {
            Attempt::Answer { status, .. } => {
                *status == 429 || ((500..=599).contains(status) && *status != 501)
            }
            Attempt::Error { transient, .. } => *transient,
        }
    }

    fn retry_after(&self) -> Option<Duration> {
        match self {
            Attempt::Answer { retry_after, .. } => *retry_after,
            Attempt::Error { .. } => None,
        }
    }

    fn into_outcome(self) -> Outcome {
        let (status, moved_to) = match self {
            Attempt::Answer {
                status, moved_to, ..
            } => (status, moved_to),
            Attempt::Error { failure, .. } => return Outcome::Failed { reason: failure },
        };
        match status {
            401 | 403 | 429 | 600.. => Outcome::Unverifiable { status },
            400..=599 => Outcome::Broken { status },
            _ => Outcome::Ok {
                status,
                redirected_to: moved_to.map(String::from),
            },
        }
    }
}

/// Sorts the I/O errors ureq passes on as they are.
fn from_io_error(error: &io::Error, url: &Url) -> (Failure, bool) {
    use io::ErrorKind;
    match error.kind() {
        ErrorKind::ConnectionRefused => (Failure::Refused, false),
        ErrorKind::TimedOut => (Failure::Timeout, true),
        ErrorKind::ConnectionReset
        | ErrorKind::ConnectionAborted
        | ErrorKind::BrokenPipe
        | ErrorKind::UnexpectedEof => {
            let why = format!("the connection was dropped ({error})");
            (Failure::Other(why), true)
        }
        // rustls reports a failed handshake as invalid data.
        ErrorKind::InvalidData if url.scheme() == "https" => {
            (Failure::Tls(error.to_string()), false)
        }
        // The system's resolver errors have no kind of their own; std
        // words them so (`std::net::ToSocketAddrs`).
        _ if error.to_string().contains("failed to lookup address") => (Failure::Dns, false),
        _ => (Failure::Other(error.to_string()), false),
    }
}
