//! `casebook serve` end to end: start it on a free port, fetch pages, edit
//! a file and see the reload signal and the new content, break a data file
//! and see the overlay, fix it and see the overlay clear (issue #6); it
//! listens on loopback only, refuses traversal and stays responsive under
//! load (issue #9).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::TestSite;

struct Server {
    child: Child,
    addr: String,
    /// What serve printed after its address.
    printed: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(site: &TestSite, port: u16) -> Server {
    let mut command = Command::new(env!("CARGO_BIN_EXE_casebook"));
    command
        .args(["serve", "--port", &port.to_string(), "--root"])
        .arg(site.root());
    start_command(command)
}

/// serve started in the site's folder, as a contributor starts it.
fn start_in(site: &TestSite, port: u16) -> Server {
    let mut command = Command::new(env!("CARGO_BIN_EXE_casebook"));
    command
        .args(["serve", "--port", &port.to_string()])
        .current_dir(site.root());
    start_command(command)
}

fn start_command(mut command: Command) -> Server {
    let mut child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start serve");
    let stdout = child.stdout.take().expect("stdout");
    let mut lines = BufReader::new(stdout).lines();
    let addr = loop {
        let line = lines
            .next()
            .expect("serve printed its address")
            .expect("read");
        if let Some(rest) = line.strip_prefix("Serving on http://") {
            break rest.split('/').next().unwrap_or_default().to_owned();
        }
    };
    // Keep draining stdout so the server never blocks on a full pipe.
    let printed = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let keep = std::sync::Arc::clone(&printed);
    std::thread::spawn(move || {
        for line in lines.map_while(Result::ok) {
            keep.lock().unwrap().push(line);
        }
    });
    Server {
        child,
        addr,
        printed,
    }
}

/// A minimal HTTP/1.0 GET: (status, body).
fn get(addr: &str, path: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream.set_read_timeout(Some(Duration::from_secs(30))).ok();
    write!(stream, "GET {path} HTTP/1.0\r\nHost: {addr}\r\n\r\n").expect("send");
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("read");
    let text = String::from_utf8_lossy(&raw).into_owned();
    let status = text
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = text
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_owned())
        .unwrap_or_default();
    (status, body)
}

fn version(addr: &str) -> u64 {
    let (_, page) = get(addr, "/");
    page.split("data-casebook-version=\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .and_then(|v| v.parse().ok())
        .expect("version attribute")
}

/// Waits (long-poll, as the browser does) for the next build after `seen`.
fn next_build(addr: &str, seen: u64) -> u64 {
    let (_, body) = get(addr, &format!("/__casebook/wait?v={seen}"));
    body.trim_start_matches("{\"version\":")
        .trim_end_matches('}')
        .parse()
        .expect("version json")
}

/// This machine's address on its default route, if it is not loopback. A
/// UDP "connect" only picks the route; nothing is sent.
fn outward_ip() -> Option<std::net::IpAddr> {
    let socket = std::net::UdpSocket::bind("0.0.0.0:0").ok()?;
    socket.connect("192.0.2.1:9").ok()?;
    let ip = socket.local_addr().ok()?.ip();
    (!ip.is_loopback() && !ip.is_unspecified()).then_some(ip)
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

#[test]
fn serve_reloads_on_change_and_overlays_errors() {
    let site = TestSite::new("basic");
    let server = start(&site, free_port());
    let addr = &server.addr;
    assert!(
        addr.starts_with("127.0.0.1:"),
        "loopback by default: {addr}"
    );
    // From this machine's other address (if it has one) nothing answers.
    let port: u16 = addr.rsplit(':').next().unwrap().parse().unwrap();
    if let Some(ip) = outward_ip() {
        let reached = TcpStream::connect_timeout(&(ip, port).into(), Duration::from_secs(2));
        assert!(reached.is_err(), "serve answered on {ip}:{port}");
    }

    let (status, home) = get(addr, "/");
    assert_eq!(status, 200);
    assert!(
        home.contains("/__casebook/reload.js"),
        "serve injects the reload script"
    );
    assert!(!home.contains("casebook-overlay"));
    assert_eq!(get(addr, "/guides/timing/").0, 200);
    assert_eq!(get(addr, "/no-such-page/").0, 404);
    assert_eq!(get(addr, "/%2e%2e/%2e%2e/etc/passwd").0, 403);
    assert!(
        !site.root().join("public").exists(),
        "serve writes nothing to disk"
    );

    // An edit: the long-poll answers with a new version and the page has the new text.
    let v0 = version(addr);
    let started = Instant::now();
    site.edit(
        "content/data/cases.yaml",
        "The blank connection request",
        "The empty connection request",
    );
    let v1 = next_build(addr, v0);
    assert!(v1 > v0);
    let (_, cases) = get(addr, "/cases/");
    assert!(
        cases.contains("The empty connection request"),
        "new content after reload"
    );
    eprintln!(
        "save → rebuilt and signalled in {} ms",
        started.elapsed().as_millis()
    );

    // A broken data file: the last good pages stay, with the error overlaid.
    site.edit(
        "content/data/cases.yaml",
        "  topic: connection-request\n",
        "  topic: connection-request\n  colour: red\n",
    );
    let v2 = next_build(addr, v1);
    let (status, page) = get(addr, "/cases/");
    assert_eq!(status, 200);
    assert!(page.contains("casebook-overlay"), "overlay shown");
    assert!(
        page.contains("content/data/cases.yaml:"),
        "overlay names the file and line"
    );
    assert!(page.contains("unknown field `colour`"));
    assert!(
        page.contains("The empty connection request"),
        "last good page kept"
    );

    // Fixed: the overlay clears.
    site.edit("content/data/cases.yaml", "  colour: red\n", "");
    let _ = next_build(addr, v2);
    let (_, page) = get(addr, "/cases/");
    assert!(!page.contains("casebook-overlay"), "overlay cleared");
}

#[test]
fn busy_port_is_a_clear_error() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let site = TestSite::new("basic");
    let out = Command::new(env!("CARGO_BIN_EXE_casebook"))
        .args(["serve", "--port", &port.to_string(), "--root"])
        .arg(site.root())
        .output()
        .expect("run serve");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("cannot listen on 127.0.0.1:{port}")),
        "{err}"
    );
    assert!(err.contains("--port"), "hint names --port: {err}");
}

/// 200 concurrent clients make 10,000 requests with no error, a client that
/// connects and never sends does not block anyone, and an edit still lands
/// while the load runs (issue #9).
#[test]
fn serve_stays_responsive_under_load() {
    let site = TestSite::new("basic");
    let server = start(&site, free_port());
    let addr = server.addr.clone();
    // A silent client, holding a connection open for the whole test.
    let _silent = TcpStream::connect(&addr).expect("connect");
    let paths = [
        "/",
        "/guides/timing/",
        "/cases/",
        "/assets/",
        "/no-such-page/",
    ];
    let started = Instant::now();
    let workers: Vec<_> = (0..200)
        .map(|w| {
            let addr = addr.clone();
            std::thread::spawn(move || {
                let mut failures = 0;
                for i in 0..50 {
                    let path = paths[(w + i) % paths.len()];
                    let (status, _) = get(&addr, path);
                    let expected = if path == "/no-such-page/" || path == "/assets/" {
                        404
                    } else {
                        200
                    };
                    if status != expected {
                        failures += 1;
                    }
                }
                failures
            })
        })
        .collect();
    let v0 = version(&addr);
    site.edit(
        "content/data/cases.yaml",
        "The blank connection request",
        "The load-tested request",
    );
    let v1 = next_build(&addr, v0);
    assert!(v1 > v0, "an edit is rebuilt while under load");
    let failures: usize = workers.into_iter().map(|w| w.join().expect("worker")).sum();
    assert_eq!(failures, 0, "requests that failed under load");
    assert!(get(&addr, "/cases/").1.contains("The load-tested request"));
    eprintln!(
        "10,000 requests from 200 clients in {} ms",
        started.elapsed().as_millis()
    );
}

/// Every term shard of the served search index, as text.
fn served_index(addr: &str) -> String {
    let (_, manifest) = get(addr, "/search/manifest.json");
    let manifest: serde_json::Value = serde_json::from_str(&manifest).expect("manifest json");
    let terms = manifest["terms"].as_array().expect("terms");
    terms
        .iter()
        .enumerate()
        .map(|(i, hash)| {
            get(
                addr,
                &format!("/search/t{i}.{}.json", hash.as_str().unwrap()),
            )
            .1
        })
        .collect()
}

/// Polls `path` until `test` holds of its body, for at most `limit`.
fn settle(addr: &str, path: &str, limit: Duration, test: impl Fn(&str) -> bool) -> bool {
    let start = Instant::now();
    while start.elapsed() < limit {
        if test(&get(addr, path).1) {
            return true;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    false
}

// #17: the pages show first, the search index follows within a second and
// never makes the page reload twice; a storm of saves, a file deleted
// mid-rebuild and an editor's write-to-temp-and-rename all settle on what a
// clean build serves.
#[test]
fn serve_keeps_search_fresh_and_settles_after_save_storms() {
    let site = TestSite::new("basic");
    let server = start(&site, free_port());
    let addr = &server.addr;
    assert!(!served_index(addr).contains("zyxquark"));

    let v0 = version(addr);
    site.edit(
        "content/guides/timing.md",
        "\n## ",
        "\nA zyxquark paragraph.\n\n## ",
    );
    let v1 = next_build(addr, v0);
    assert!(get(addr, "/guides/timing/").1.contains("zyxquark"));
    let reloaded = Instant::now();
    let fresh = Instant::now();
    while !served_index(addr).contains("zyxquark") {
        assert!(
            fresh.elapsed() < Duration::from_secs(1),
            "the search index still lacks the new word 1 s after the reload"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    eprintln!(
        "index fresh {} ms after the reload",
        reloaded.elapsed().as_millis()
    );
    assert_eq!(
        version(addr),
        v1,
        "the new index does not reload the page again"
    );

    // 100 saves in a second; the last one wins.
    let timing = site.root().join("content/guides/timing.md");
    let text = std::fs::read_to_string(&timing).unwrap();
    for i in 0..100 {
        std::fs::write(&timing, text.replace("zyxquark", &format!("storm{i}x"))).unwrap();
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(
        settle(addr, "/guides/timing/", Duration::from_secs(20), |b| b
            .contains("storm99x")
            && !b.contains("casebook-overlay")),
        "the last of 100 saves is served"
    );

    // A page made and deleted again before its rebuild ends.
    site.write(
        "content/guides/fleeting.md",
        "---\ntitle: Fleeting\n---\n\nHere and gone.\n",
    );
    std::thread::sleep(Duration::from_millis(150));
    site.remove("content/guides/fleeting.md");

    // An editor's save: the new text goes to a temporary file renamed over
    // the page.
    let tmp = site.root().join("content/guides/.timing.md.tmp");
    std::fs::write(&tmp, text.replace("zyxquark", "renamedsave")).unwrap();
    std::fs::rename(&tmp, &timing).unwrap();
    assert!(
        settle(addr, "/guides/timing/", Duration::from_secs(20), |b| b
            .contains("renamedsave")
            && !b.contains("storm99x")
            && !b.contains("casebook-overlay")),
        "the renamed save is served"
    );
    let start = Instant::now();
    while get(addr, "/guides/fleeting/").0 != 404 {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "deleted page gone"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(
        settle(
            addr,
            "/search/manifest.json",
            Duration::from_secs(2),
            |_| served_index(addr).contains("renamedsav")
        ),
        "the index holds the last save"
    );
    assert!(!served_index(addr).contains("zyxquark"));
}

// #17: saving a page's body while serving from the site's own folder takes
// the quick way (one page made again, the watcher's absolute paths matched
// to the model's), and a front-matter change rebuilds the site.
#[test]
fn a_saved_body_is_updated_alone_and_a_title_rebuilds() {
    let site = TestSite::new("basic");
    let server = start_in(&site, free_port());
    let addr = &server.addr;
    let v0 = version(addr);
    site.edit(
        "content/guides/timing.md",
        "\n## ",
        "\nA qzquickword paragraph.\n\n## ",
    );
    let v1 = next_build(addr, v0);
    assert!(get(addr, "/guides/timing/").1.contains("qzquickword"));
    site.edit(
        "content/guides/timing.md",
        "title = \"",
        "title = \"Renamed ",
    );
    next_build(addr, v1);
    assert!(get(addr, "/guides/").1.contains("Renamed "));
    // The report comes once the search index is made too.
    let reported = |l: &String| l.starts_with("Updated ") || l.starts_with("Built ");
    let waited = Instant::now();
    while server
        .printed
        .lock()
        .unwrap()
        .iter()
        .filter(|l| reported(l))
        .count()
        < 2
        && waited.elapsed() < Duration::from_secs(10)
    {
        std::thread::sleep(Duration::from_millis(20));
    }
    let printed = server.printed.lock().unwrap().clone();
    let reports: Vec<&String> = printed.iter().filter(|l| reported(l)).collect();
    assert!(
        reports.len() == 2
            && reports[0].starts_with("Updated 1 page in ")
            && reports[1].starts_with("Built "),
        "{printed:#?}"
    );
}
