//! The development server: builds the site into memory, serves it on
//! loopback, rebuilds when a source file changes and tells open pages to
//! reload. A failed rebuild keeps the last good pages and overlays the
//! error on each of them. Nothing is ever written to disk: serve cannot
//! touch `public/` or any other folder.
//!
//! HTTP is tiny_http and watching is notify; the routing, the reload script
//! injection and the overlay are small pure functions tested from `&str`.

mod burst;
mod live;
mod routes;

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Condvar, Mutex, RwLock};
use std::time::{Duration, Instant};

use notify::{RecursiveMode, Watcher};

use burst::{Burst, Step};

pub use live::{Live, Rebuilt, Update};
pub use routes::{Response, inject, overlay_html, resolve};

use crate::build::Options;
use crate::diagnostics::{Code, Diagnostic, Diagnostics};

/// What the server tells its caller, which prints it.
pub enum Event {
    Listening(SocketAddr),
    /// A rebuild's pages are served: `quick` if only the saved pages were
    /// made again (#17).
    Built {
        pages: usize,
        took: Duration,
        quick: bool,
        /// When the search index was in place too; `None`: a newer save
        /// stopped it, and the next rebuild makes it.
        indexed: Option<Duration>,
    },
    Failed(Diagnostics),
    Changed(Vec<PathBuf>),
}

/// The current state: the last good site, the current error, a version
/// that live-reload clients wait on.
#[derive(Default)]
pub struct State {
    pub files: HashMap<String, Arc<Vec<u8>>>,
    pub error: Option<String>,
    pub version: u64,
    /// The search index's files among `files`: a rebuild shows its pages
    /// with the last index until its own is made, a moment later.
    pub index: Vec<String>,
}

impl State {
    /// Takes in what a rebuild hands over ([`Live::rebuild`]).
    pub fn apply(&mut self, update: Update) {
        match update {
            Update::Site(files) => self.put_pages(files),
            Update::Files(files) => {
                for f in files {
                    self.files.insert(f.path, f.bytes);
                }
                self.error = None;
            }
            Update::Index(None, files) => self.put_index(|_| true, files),
            Update::Index(Some(folder), files) => {
                let under = format!("{folder}search/");
                self.put_index(|p| p.starts_with(&under), files);
            }
        }
    }

    /// Shows a rebuild's pages: everything but the search index is
    /// replaced; the last index stays until [`State::put_index`].
    fn put_pages(&mut self, pages: Vec<crate::artifact::OutputFile>) {
        let mut files: HashMap<String, Arc<Vec<u8>>> =
            pages.into_iter().map(|f| (f.path, f.bytes)).collect();
        for path in &self.index {
            if let Some(bytes) = self.files.remove(path) {
                files.entry(path.clone()).or_insert(bytes);
            }
        }
        self.files = files;
        self.error = None;
    }

    /// Replaces the search index files `replaced` picks with `index`.
    fn put_index(
        &mut self,
        replaced: impl Fn(&str) -> bool,
        index: Vec<crate::artifact::OutputFile>,
    ) {
        let (gone, kept): (Vec<String>, Vec<String>) = std::mem::take(&mut self.index)
            .into_iter()
            .partition(|p| replaced(p));
        for path in gone {
            self.files.remove(&path);
        }
        self.index = kept;
        for f in index {
            self.index.push(f.path.clone());
            self.files.insert(f.path, f.bytes);
        }
    }
}

pub struct Shared {
    pub state: RwLock<State>,
    changed: Mutex<u64>,
    bell: Condvar,
}

impl Shared {
    fn new() -> Self {
        Shared {
            state: RwLock::new(State::default()),
            changed: Mutex::new(0),
            bell: Condvar::new(),
        }
    }

    /// Waits until the version moves past `seen`, or `timeout` passes.
    fn wait_past(&self, seen: u64, timeout: Duration) -> u64 {
        let guard = self.changed.lock().unwrap_or_else(|e| e.into_inner());
        let (guard, _) = self
            .bell
            .wait_timeout_while(guard, timeout, |v| *v <= seen)
            .unwrap_or_else(|e| e.into_inner());
        *guard
    }

    fn bump(&self) {
        let mut v = self.changed.lock().unwrap_or_else(|e| e.into_inner());
        *v += 1;
        if let Ok(mut s) = self.state.write() {
            s.version = *v;
        }
        self.bell.notify_all();
    }
}

/// Serve options on top of the build's.
pub struct ServeOptions {
    pub build: Options,
    pub interface: String,
    pub port: u16,
}

/// Builds once, then serves and watches until the process is stopped.
pub fn run(
    opts: ServeOptions,
    on_event: impl Fn(Event) + Send + Sync + 'static,
) -> Result<(), Diagnostic> {
    let addr = format!("{}:{}", opts.interface, opts.port);
    let server = tiny_http::Server::http(&addr).map_err(|e| {
        let busy = e.to_string().contains("in use");
        Diagnostic::new(
            Code::CommandServeFailed,
            "serve",
            format!("cannot listen on {addr}: {e}"),
        )
        .hint(if busy {
            format!(
                "another program uses port {}; stop it or pick another with --port",
                opts.port
            )
        } else {
            "check --interface is an address of this machine, e.g. 127.0.0.1".to_owned()
        })
    })?;
    let listening = server
        .server_addr()
        .to_ip()
        .unwrap_or_else(|| SocketAddr::from(([127, 0, 0, 1], opts.port)));
    let mut build_opts = opts.build.clone();
    build_opts.base_url = Some(format!("http://{listening}/"));
    build_opts.no_minify = true;

    let shared = Arc::new(Shared::new());
    let on_event = Arc::new(on_event);
    // Set when a save arrives, so a rebuild's search index gives way to it.
    let newer = Arc::new(AtomicBool::new(false));
    let mut live = Live::new(build_opts.clone()).stop_index_on(Arc::clone(&newer));
    rebuild(&mut live, &[], &shared, on_event.as_ref());
    on_event(Event::Listening(listening));

    // Watch the site's inputs; rebuild as soon as a save is over.
    let (tx, rx) = mpsc::channel::<(Step, Vec<PathBuf>)>();
    let root = build_opts.root.clone();
    let flag = Arc::clone(&newer);
    let mut watcher = notify::recommended_watcher(move |event| {
        let (step, paths) = relevant(&root, event);
        if !paths.is_empty() {
            flag.store(true, Ordering::Relaxed);
            let _ = tx.send((step, paths));
        }
    })
    .map_err(|e| {
        Diagnostic::new(
            Code::CommandServeFailed,
            "serve",
            format!("cannot watch files: {e}"),
        )
    })?;
    for dir in watched(&build_opts.root) {
        let mode = if dir.is_dir() {
            RecursiveMode::Recursive
        } else {
            RecursiveMode::NonRecursive
        };
        let _ = watcher.watch(&dir, mode);
    }
    {
        let shared = Arc::clone(&shared);
        let on_event = Arc::clone(&on_event);
        std::thread::spawn(move || {
            let _keep = watcher;
            take_saves(&rx, &mut live, &newer, &shared, on_event.as_ref());
        });
    }

    for request in server.incoming_requests() {
        let shared = Arc::clone(&shared);
        std::thread::spawn(move || respond(request, &shared));
    }
    Ok(())
}

/// Takes in each save the watcher reports, once it is over, until the
/// watcher goes away.
fn take_saves(
    rx: &mpsc::Receiver<(Step, Vec<PathBuf>)>,
    live: &mut Live,
    newer: &AtomicBool,
    shared: &Shared,
    on_event: &(dyn Fn(Event) + Send + Sync),
) {
    let mut burst = Burst::default();
    while let Ok((step, paths)) = rx.recv() {
        // Editors save in bursts (write and close, or temp file, rename,
        // chmod): wait until the save is over.
        burst.add(step, paths);
        while let Ok((step, paths)) = rx.recv_timeout(burst.wait()) {
            burst.add(step, paths);
        }
        newer.store(false, Ordering::Relaxed);
        let paths = burst.take();
        if paths.is_empty() {
            continue;
        }
        on_event(Event::Changed(paths.clone()));
        rebuild(live, &paths, shared, on_event);
    }
}

/// The folders and files a site's output depends on.
pub fn watched(root: &Path) -> Vec<PathBuf> {
    ["content", "static", "templates", "themes", "site.toml"]
        .iter()
        .map(|p| root.join(p))
        .filter(|p| p.exists())
        .collect()
}

/// Paths of an event that can change the site (not editor swap files),
/// and what the event says about them.
fn relevant(root: &Path, event: notify::Result<notify::Event>) -> (Step, Vec<PathBuf>) {
    let Ok(event) = event else {
        return (Step::Nothing, Vec::new());
    };
    let step = Step::of(&event.kind);
    if step == Step::Nothing {
        return (step, Vec::new());
    }
    let paths = event
        .paths
        .into_iter()
        .filter(|p| {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            !(name.starts_with('.')
                || name.ends_with('~')
                || name.ends_with(".swp")
                || name.ends_with(".tmp"))
        })
        .map(|p| live::site_relative(root, &p))
        .collect();
    (step, paths)
}

/// Takes in a change to `changed` (empty: build everything): open pages
/// reload as soon as the new pages are served, and the search index
/// follows without a second reload (#17).
fn rebuild(
    live: &mut Live,
    changed: &[PathBuf],
    shared: &Shared,
    on_event: &(dyn Fn(Event) + Send + Sync),
) {
    let started = Instant::now();
    let mut took = None;
    let mut show = |update: Update| {
        let reloads = update.reloads();
        if let Ok(mut s) = shared.state.write() {
            s.apply(update);
        }
        if reloads {
            took.get_or_insert_with(|| started.elapsed());
            shared.bump();
        }
    };
    match live.rebuild(changed, &mut show) {
        Ok(done) => on_event(Event::Built {
            pages: done.pages,
            took: took.unwrap_or_else(|| started.elapsed()),
            quick: done.quick,
            indexed: done.indexed.then(|| started.elapsed()),
        }),
        Err(problems) => {
            if let Ok(mut s) = shared.state.write() {
                s.error = Some(overlay_html(&problems));
            }
            on_event(Event::Failed(problems));
            shared.bump();
        }
    }
}

fn respond(request: tiny_http::Request, shared: &Shared) {
    let url = request.url().to_owned();
    let response = if let Some(query) = url.strip_prefix(routes::WAIT_PATH) {
        let seen = query.trim_start_matches("?v=").parse().unwrap_or(0);
        let version = shared.wait_past(seen, Duration::from_secs(25));
        Response::text(
            200,
            "application/json",
            format!("{{\"version\":{version}}}"),
        )
    } else {
        let state = match shared.state.read() {
            Ok(s) => s,
            Err(e) => e.into_inner(),
        };
        resolve(&url, &state)
    };
    let mut r = tiny_http::Response::from_data(response.body).with_status_code(response.status);
    for (k, v) in [
        ("Content-Type", response.content_type),
        ("Cache-Control", "no-store"),
    ] {
        if let Ok(h) = tiny_http::Header::from_bytes(k.as_bytes(), v.as_bytes()) {
            r.add_header(h);
        }
    }
    let _ = request.respond(r);
}
