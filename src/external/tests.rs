//! Every test talks to servers of its own on 127.0.0.x, on ports the
//! system picks, with timeouts and waits shortened (see `fast`).

use std::io::Write;
use std::net::TcpListener;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use super::*;

/// What a test server answers to one request.
#[derive(Debug, Clone)]
struct Reply {
    status: u16,
    headers: Vec<(&'static str, String)>,
    delay: Duration,
}

fn reply(status: u16) -> Reply {
    Reply {
        status,
        headers: Vec::new(),
        delay: Duration::ZERO,
    }
}

impl Reply {
    fn header(mut self, name: &'static str, value: &str) -> Self {
        self.headers.push((name, value.to_owned()));
        self
    }

    fn after(mut self, delay: Duration) -> Self {
        self.delay = delay;
        self
    }
}

/// Requests under way on one or more servers, and the most seen at once.
#[derive(Debug, Default)]
struct InFlight {
    now: AtomicUsize,
    max: AtomicUsize,
}

/// Given the method, the path and how many earlier requests had that path.
type Handler = dyn Fn(&str, &str, usize) -> Reply + Send + Sync;

/// A local HTTP server answering each request on a thread of its own, so
/// that slow answers overlap; it stops when dropped.
struct Server {
    base: String,
    requests: Arc<Mutex<Vec<(String, String)>>>,
    in_flight: Arc<InFlight>,
    inner: Arc<tiny_http::Server>,
    accept: Option<thread::JoinHandle<()>>,
}

impl Server {
    fn start(handler: impl Fn(&str, &str, usize) -> Reply + Send + Sync + 'static) -> Server {
        Server::start_at("127.0.0.1", Arc::default(), handler)
    }

    fn start_at(
        ip: &str,
        in_flight: Arc<InFlight>,
        handler: impl Fn(&str, &str, usize) -> Reply + Send + Sync + 'static,
    ) -> Server {
        let inner = Arc::new(tiny_http::Server::http(format!("{ip}:0")).unwrap());
        let port = inner.server_addr().to_ip().unwrap().port();
        let requests = Arc::new(Mutex::new(Vec::new()));
        let handler: Arc<Handler> = Arc::new(handler);
        let accept = {
            let (inner, requests, in_flight) = (inner.clone(), requests.clone(), in_flight.clone());
            thread::spawn(move || {
                while let Ok(request) = inner.recv() {
                    let (requests, in_flight, handler) =
                        (requests.clone(), in_flight.clone(), handler.clone());
                    thread::spawn(move || answer(request, &requests, &in_flight, &*handler));
                }
            })
        };
        Server {
            base: format!("http://{ip}:{port}"),
            requests,
            in_flight,
            inner,
            accept: Some(accept),
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// The requests seen so far, as `METHOD /path`.
    fn requests(&self) -> Vec<String> {
        let requests = self.requests.lock().unwrap();
        requests.iter().map(|(m, p)| format!("{m} {p}")).collect()
    }

    fn max_in_flight(&self) -> usize {
        self.in_flight.max.load(Ordering::SeqCst)
    }
}

fn answer(
    request: tiny_http::Request,
    requests: &Mutex<Vec<(String, String)>>,
    in_flight: &InFlight,
    handler: &Handler,
) {
    let method = request.method().to_string();
    let path = request.url().to_owned();
    let earlier = {
        let mut requests = requests.lock().unwrap();
        let earlier = requests.iter().filter(|(_, p)| *p == path).count();
        requests.push((method.clone(), path.clone()));
        earlier
    };
    let now = in_flight.now.fetch_add(1, Ordering::SeqCst) + 1;
    in_flight.max.fetch_max(now, Ordering::SeqCst);
    let reply = handler(&method, &path, earlier);
    thread::sleep(reply.delay);
    // Counted out before the answer leaves, so a client's next request
    // never overlaps its last one in the count.
    in_flight.now.fetch_sub(1, Ordering::SeqCst);
    let mut response = tiny_http::Response::empty(tiny_http::StatusCode(reply.status));
    for (name, value) in &reply.headers {
        response.add_header(tiny_http::Header::from_bytes(*name, value.as_bytes()).unwrap());
    }
    // The client may have given up (the timeout tests).
    let _ = request.respond(response);
}

impl Drop for Server {
    fn drop(&mut self) {
        self.inner.unblock();
        if let Some(accept) = self.accept.take() {
            let _ = accept.join();
        }
    }
}

/// A fixed "now", so the cache tests do not depend on the clock.
fn now() -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(1_750_000_000)
}

const HOUR: Duration = Duration::from_secs(3600);

/// Short timings: a 400 ms timeout and 10 ms for the first backoff.
fn fast() -> Timing {
    Timing {
        timeout: Duration::from_millis(400),
        first_backoff: Duration::from_millis(10),
        max_wait: MAX_WAIT_PER_LINK,
    }
}

fn run_fast(urls: &[String], config: &ExternalConfig) -> Vec<(String, Outcome)> {
    run(urls, config, &fast(), &mut Cache::default(), now())
}

/// The outcome of checking one link with the default options.
fn one(url: &str) -> Outcome {
    let results = run_fast(&[url.to_owned()], &ExternalConfig::default());
    assert_eq!(results.len(), 1, "{results:?}");
    results.into_iter().next().unwrap().1
}

fn ok(status: u16) -> Outcome {
    Outcome::Ok {
        status,
        redirected_to: None,
    }
}

fn failed(reason: Failure) -> Outcome {
    Outcome::Failed { reason }
}

fn nz(n: usize) -> NonZeroUsize {
    NonZeroUsize::new(n).unwrap()
}

/// A port nothing listens on: bound by the system, then let go.
fn refused_url() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    format!("http://127.0.0.1:{port}/")
}

#[test]
fn working_link_is_one_head() {
    let server = Server::start(|_, _, _| reply(200));
    assert_eq!(one(&server.url("/")), ok(200));
    assert_eq!(server.requests(), ["HEAD /"]);
}

#[test]
fn permanent_redirect_suggests_the_new_address_and_temporary_does_not() {
    let server = Server::start(|_, path, _| match path {
        "/old" => reply(301).header("Location", "/new"),
        "/moved-then-temp" => reply(308).header("Location", "/temp"),
        "/temp" => reply(302).header("Location", "/new"),
        _ => reply(200),
    });
    let redirected_to = Some(server.url("/new"));
    assert_eq!(
        one(&server.url("/old")),
        Outcome::Ok {
            status: 200,
            redirected_to
        }
    );
    assert_eq!(one(&server.url("/temp")), ok(200));
    // Moved for good to /temp, which then leads elsewhere for now.
    let redirected_to = Some(server.url("/temp"));
    let outcome = one(&server.url("/moved-then-temp"));
    assert_eq!(
        outcome,
        Outcome::Ok {
            status: 200,
            redirected_to
        }
    );
}

#[test]
fn redirect_loops_and_endless_chains_fail() {
    let server = Server::start(|_, path, _| match path {
        "/a" => reply(302).header("Location", "/b"),
        "/b" => reply(302).header("Location", "/a#top"),
        _ => {
            let n: usize = path.trim_start_matches("/n").parse().unwrap_or(0);
            reply(301).header("Location", &format!("/n{}", n + 1))
        }
    });
    assert_eq!(one(&server.url("/a")), failed(Failure::RedirectLoop));
    assert_eq!(one(&server.url("/n0")), failed(Failure::TooManyRedirects));
    let chain = server
        .requests()
        .iter()
        .filter(|r| r.starts_with("HEAD /n"))
        .count();
    assert_eq!(chain, MAX_REDIRECTS + 1);
}

#[test]
fn not_found_is_broken_once_a_get_confirms_it() {
    let server = Server::start(|_, _, _| reply(404));
    assert_eq!(one(&server.url("/gone")), Outcome::Broken { status: 404 });
    assert_eq!(server.requests(), ["HEAD /gone", "GET /gone"]);
}

#[test]
fn head_refused_falls_back_to_get() {
    let server = Server::start(|method, _, _| reply(if method == "HEAD" { 405 } else { 200 }));
    assert_eq!(one(&server.url("/")), ok(200));
    assert_eq!(server.requests(), ["HEAD /", "GET /"]);
}

#[test]
fn forbidden_is_unverifiable_not_broken() {
    let server = Server::start(|_, _, _| reply(403));
    assert_eq!(one(&server.url("/")), Outcome::Unverifiable { status: 403 });
}

#[test]
fn server_error_then_success_is_ok_after_a_retry() {
    let server = Server::start(|_, _, earlier| reply(if earlier == 0 { 500 } else { 200 }));
    assert_eq!(one(&server.url("/")), ok(200));
    assert_eq!(server.requests(), ["HEAD /", "HEAD /"]);
}

#[test]
fn lasting_server_error_is_broken_after_the_retries() {
    let server = Server::start(|_, _, _| reply(503));
    assert_eq!(one(&server.url("/")), Outcome::Broken { status: 503 });
    // The first try and 2 retries, then the GET that confirms.
    assert_eq!(server.requests(), ["HEAD /", "HEAD /", "HEAD /", "GET /"]);
}

#[test]
fn too_many_requests_waits_as_retry_after_says() {
    let server = Server::start(|_, _, earlier| match earlier {
        0 => reply(429).header("Retry-After", "1"),
        _ => reply(200),
    });
    let start = Instant::now();
    assert_eq!(one(&server.url("/")), ok(200));
    let waited = start.elapsed();
    // The first backoff is 10 ms: only Retry-After makes it a second.
    assert!(waited >= Duration::from_secs(1), "{waited:?}");
    assert!(waited < Duration::from_secs(3), "{waited:?}");
}

#[test]
fn retry_after_beyond_the_wait_budget_is_not_waited_for() {
    let server = Server::start(|_, _, _| reply(429).header("Retry-After", "3600"));
    let start = Instant::now();
    assert_eq!(one(&server.url("/")), Outcome::Unverifiable { status: 429 });
    assert!(start.elapsed() < Duration::from_secs(1));
    // No GET either: the server asked for fewer requests.
    assert_eq!(server.requests(), ["HEAD /"]);
}

#[test]
fn the_wait_budget_bounds_the_retries_whatever_their_number() {
    let server = Server::start(|_, _, _| reply(503).header("Retry-After", "0"));
    let config = ExternalConfig {
        retries: u32::MAX,
        ..ExternalConfig::default()
    };
    // Waits of 10, 20 and 40 ms fit in 100 ms; the next, 80 ms, does not.
    let timing = Timing {
        max_wait: Duration::from_millis(100),
        ..fast()
    };
    let results = run(
        &[server.url("/")],
        &config,
        &timing,
        &mut Cache::default(),
        now(),
    );
    assert_eq!(results[0].1, Outcome::Broken { status: 503 });
    let heads = ["HEAD /"; 4];
    assert_eq!(server.requests(), [&heads[..], &["GET /"]].concat());
}

#[test]
fn slow_server_times_out_in_bounded_time() {
    let server = Server::start(|_, _, _| reply(200).after(Duration::from_secs(3)));
    let config = ExternalConfig {
        retries: 1,
        ..ExternalConfig::default()
    };
    let start = Instant::now();
    let results = run_fast(&[server.url("/slow")], &config);
    let took = start.elapsed();
    assert_eq!(results[0].1, failed(Failure::Timeout));
    // Two tries of 400 ms and a 10 ms wait.
    assert!(took < Duration::from_millis(1500), "{took:?}");
    assert_eq!(server.requests(), ["HEAD /slow", "HEAD /slow"]);
}

#[test]
fn the_timeout_covers_a_try_with_all_its_redirects() {
    // Each hop answers in time, but 5 of them would take 750 ms.
    let server = Server::start(|_, path, _| {
        let n: usize = path.trim_start_matches('/').parse().unwrap_or(0);
        let next = if n < 4 {
            reply(302).header("Location", &format!("/{}", n + 1))
        } else {
            reply(200)
        };
        next.after(Duration::from_millis(150))
    });
    let config = ExternalConfig {
        retries: 0,
        ..ExternalConfig::default()
    };
    let start = Instant::now();
    let results = run_fast(&[server.url("/0")], &config);
    assert_eq!(results[0].1, failed(Failure::Timeout));
    assert!(
        start.elapsed() < Duration::from_millis(700),
        "{:?}",
        start.elapsed()
    );
}

#[test]
fn refused_connection_fails_at_once() {
    let url = refused_url();
    let start = Instant::now();
    // The real timings: no retry, so none of their waits.
    let results = check(
        &[url],
        &ExternalConfig::default(),
        &mut Cache::default(),
        now(),
    );
    assert_eq!(results[0].1, failed(Failure::Refused));
    assert!(start.elapsed() < Duration::from_millis(400));
}

#[test]
fn https_to_a_plain_http_server_is_a_tls_failure() {
    // A server that answers anything, TLS's greeting too, in plain HTTP.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let server = thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        let _ = stream.write_all(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
    });
    let outcome = one(&format!("https://127.0.0.1:{port}/"));
    assert!(
        matches!(
            outcome,
            Outcome::Failed {
                reason: Failure::Tls(_)
            }
        ),
        "{outcome:?}"
    );
    server.join().unwrap();
}

#[test]
fn each_page_is_asked_once_whatever_its_spellings() {
    let server = Server::start(|_, _, _| reply(200));
    let page = server.url("/page");
    let mut urls = vec![page.clone(); 20];
    urls.push(format!("{page}#intro"));
    urls.push(format!("{page}#usage"));
    urls.push(page.replace("http://", "HTTP://"));
    urls.push(page.clone());
    let results = run_fast(&urls, &ExternalConfig::default());
    let inputs: Vec<&str> = results.iter().map(|(url, _)| url.as_str()).collect();
    assert_eq!(inputs, [&page, &urls[20], &urls[21], &urls[22]]);
    assert!(results.iter().all(|(_, outcome)| *outcome == ok(200)));
    assert_eq!(server.requests(), ["HEAD /page"]);
}

/// Checks 12 links to one server and returns the most requests it saw
/// at once; each answer takes 100 ms.
fn most_at_once(concurrency: usize, per_host: usize) -> usize {
    let server = Server::start(|_, _, _| reply(200).after(Duration::from_millis(100)));
    let urls: Vec<String> = (0..12).map(|i| server.url(&format!("/{i}"))).collect();
    let config = ExternalConfig {
        concurrency: nz(concurrency),
        per_host: nz(per_host),
        ..ExternalConfig::default()
    };
    let results = run_fast(&urls, &config);
    assert!(results.iter().all(|(_, outcome)| *outcome == ok(200)));
    assert_eq!(server.requests().len(), 12);
    server.max_in_flight()
}

#[test]
fn concurrency_bound_holds() {
    let most = most_at_once(3, 12);
    assert!((2..=3).contains(&most), "{most} requests at once");
}

#[test]
fn per_host_bound_holds() {
    let most = most_at_once(8, 2);
    assert_eq!(most, 2, "{most} requests at once");
}

#[test]
fn per_host_bound_does_not_hold_back_other_hosts() {
    let in_flight = Arc::new(InFlight::default());
    let slow = || reply(200).after(Duration::from_millis(100));
    let a = Server::start_at("127.0.0.1", in_flight.clone(), move |_, _, _| slow());
    let b = Server::start_at("127.0.0.2", in_flight.clone(), move |_, _, _| slow());
    let urls: Vec<String> = (0..4)
        .flat_map(|i| [a.url(&format!("/{i}")), b.url(&format!("/{i}"))])
        .collect();
    let config = ExternalConfig {
        per_host: nz(1),
        ..ExternalConfig::default()
    };
    let results = run_fast(&urls, &config);
    assert!(results.iter().all(|(_, outcome)| *outcome == ok(200)));
    assert_eq!((a.max_in_flight(), b.max_in_flight()), (2, 2));
    // One request at a time to each host, two hosts at once.
    assert_eq!(in_flight.max.load(Ordering::SeqCst), 2);
}

#[test]
fn skipped_links_are_not_asked() {
    let server = Server::start(|_, _, _| reply(200));
    let config = ExternalConfig {
        skip: vec![
            server.url("/private/"),
            "http://*/*.pdf".into(),
            String::new(),
        ],
        ..ExternalConfig::default()
    };
    let urls = [
        server.url("/private/x"),
        server.url("/doc.pdf"),
        server.url("/doc.html"),
    ];
    let outcomes: Vec<Outcome> = run_fast(&urls, &config)
        .into_iter()
        .map(|(_, o)| o)
        .collect();
    assert_eq!(outcomes, [Outcome::Skipped, Outcome::Skipped, ok(200)]);
    assert_eq!(server.requests(), ["HEAD /doc.html"]);
}

#[test]
fn skip_patterns_are_prefixes_or_whole_globs() {
    assert!(glob_match("https://x.org/", "https://x.org/a"));
    assert!(!glob_match("https://x.org/", "http://x.org/a"));
    assert!(glob_match("https://*.x.org/*", "https://www.x.org/a?b=c"));
    assert!(!glob_match("https://*.x.org/*", "https://x.org/a"));
    assert!(glob_match("*/login?next=*", "https://y.com/login?next=/a"));
    assert!(!glob_match("*.pdf", "https://y.com/a.pdf#page=2x"));
    assert!(glob_match("a*b*b", "abb"));
    assert!(!glob_match("a*b*b", "ab"));
    assert!(glob_match("*", "anything"));
    assert!(!glob_match("", "anything"));
}

#[test]
fn invalid_links_fail_without_a_request() {
    for url in [
        "mailto:me@x.org",
        "https://exa mple.org/",
        "not a url",
        "http://",
    ] {
        let outcome = one(url);
        let Outcome::Failed { reason } = &outcome else {
            panic!("{url}: {outcome:?}");
        };
        assert!(matches!(reason, Failure::InvalidUrl(_)), "{url}: {reason}");
    }
}

/// A cache holding one working link, checked `age` before `now()`.
fn cache_with(url: &str, age: Duration) -> Cache {
    let mut cache = Cache::default();
    cache.record(normalise(url).unwrap().as_str(), &ok(200), now() - age);
    cache
}

fn run_cached(urls: &[String], config: &ExternalConfig, cache: &mut Cache) -> Vec<Outcome> {
    let results = run(urls, config, &fast(), cache, now());
    results.into_iter().map(|(_, outcome)| outcome).collect()
}

#[test]
fn fresh_cache_entry_is_not_asked_again() {
    let server = Server::start(|_, _, _| reply(404));
    let url = server.url("/cached");
    let mut cache = cache_with(&url, HOUR);
    let config = ExternalConfig::default();
    assert_eq!(
        run_cached(&[format!("{url}#x")], &config, &mut cache),
        [ok(200)]
    );
    assert!(server.requests().is_empty());
}

#[test]
fn expired_cache_entry_is_asked_again_and_replaced() {
    let server = Server::start(|_, _, _| reply(404));
    let urls = [server.url("/cached")];
    let mut cache = cache_with(&urls[0], 25 * HOUR);
    let outcomes = run_cached(&urls, &ExternalConfig::default(), &mut cache);
    assert_eq!(outcomes, [Outcome::Broken { status: 404 }]);
    assert_eq!(server.requests().len(), 2);
    // Broken links are not kept: the next run asks again.
    assert_eq!(cache, Cache::default());
}

#[test]
fn working_links_are_kept_with_the_time_of_the_check() {
    let server = Server::start(|_, _, _| reply(200));
    let urls = [server.url("/")];
    let mut cache = Cache::default();
    run_cached(&urls, &ExternalConfig::default(), &mut cache);
    assert_eq!(cache, cache_with(&urls[0], Duration::ZERO));
    assert_eq!(Cache::parse(&cache.to_json()), cache);
}

#[test]
fn zero_cache_hours_turns_the_cache_off() {
    let server = Server::start(|_, _, _| reply(200));
    let urls = [server.url("/")];
    let mut cache = cache_with(&urls[0], 30 * HOUR);
    let config = ExternalConfig {
        cache_hours: 0,
        ..ExternalConfig::default()
    };
    run_cached(&urls, &config, &mut cache);
    assert_eq!(server.requests().len(), 1);
    let untouched = cache_with(&urls[0], 30 * HOUR);
    assert_eq!(cache, untouched, "neither read nor written");
}

#[test]
fn unreadable_cache_text_is_an_empty_cache() {
    let good = cache_with("https://x.org/", HOUR).to_json();
    let old = good.replace("\"version\": 1", "\"version\": 0");
    let truncated = &good[..good.len() / 2];
    let broken_entry = good.replace("\"ok\"", "\"broken\"");
    for text in [
        "",
        "garbage",
        "{}",
        "[]",
        "null",
        &old,
        truncated,
        &broken_entry,
    ] {
        assert_eq!(Cache::parse(text), Cache::default(), "{text}");
    }
    assert_ne!(Cache::parse(&good), Cache::default());
}

#[test]
fn config_table_defaults_and_mistakes() {
    let config: ExternalConfig = toml::from_str("").unwrap();
    assert_eq!(config, ExternalConfig::default());
    assert_eq!(config.timeout_secs.get(), 10);
    assert_eq!(
        (
            config.retries,
            config.concurrency.get(),
            config.per_host.get()
        ),
        (2, 8, 2)
    );
    assert_eq!(config.cache_hours, 24);
    assert_eq!(
        config.user_agent,
        format!("casebook/{} (+link check)", env!("CARGO_PKG_VERSION"))
    );
    let config: ExternalConfig =
        toml::from_str("skip = [\"https://x.org/\"]\nretries = 0").unwrap();
    assert_eq!((config.skip.len(), config.retries), (1, 0));
    assert!(toml::from_str::<ExternalConfig>("concurrency = 0").is_err());
    assert!(toml::from_str::<ExternalConfig>("timeout = 5").is_err());
}

#[test]
fn retry_after_reads_seconds_and_dates() {
    use probe::parse_retry_after;
    assert_eq!(parse_retry_after(" 7 "), Some(Duration::from_secs(7)));
    assert_eq!(
        parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"),
        Some(Duration::ZERO)
    );
    let later = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(120));
    let wait = parse_retry_after(&later).unwrap();
    assert!(wait > Duration::from_secs(100) && wait <= Duration::from_secs(120));
    assert_eq!(parse_retry_after("soon"), None);
}
