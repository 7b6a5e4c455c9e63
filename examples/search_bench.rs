//! The search index alone (issue #5): loads a site and builds its model,
//! then builds its index on its own and reports wall time, CPU time and the
//! memory the index adds at its peak, with the index's shape.
//!
//!     cargo run --release --example search_bench -- /tmp/c10k [runs]
//!
//! `scripts/bench_search.sh` runs it next to whole builds and Pagefind.
#![allow(clippy::print_stdout)]
// Functions stay within clippy.toml's 80 lines (#16).
#![warn(clippy::too_many_lines)]

use std::path::PathBuf;
use std::time::{Duration, Instant};

use casebook::build::{Options, load, model};
use casebook::search::{PageTexts, Params, build_index};

/// User + system CPU time of this process so far (all threads).
fn cpu() -> Duration {
    // SAFETY: getrusage only writes the struct we pass.
    let mut u: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut u) };
    let t = |v: libc::timeval| {
        Duration::from_secs(v.tv_sec as u64) + Duration::from_micros(v.tv_usec as u64)
    };
    t(u.ru_utime) + t(u.ru_stime)
}

/// A `kB` line of /proc/self/status.
fn status_kib(key: &str) -> u64 {
    let text = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    text.lines()
        .find(|l| l.starts_with(key))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let root = PathBuf::from(args.next().expect("usage: search_bench SITE_ROOT [RUNS]"));
    let runs: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(3);
    let opts = Options {
        root,
        ..Options::default()
    };
    let input = load(&opts).unwrap_or_else(|e| panic!("load: {e:?}"));
    // The model alone: a whole build hands the pages' text to its index.
    let (sites, problems) = model(input, &opts).unwrap_or_else(|e| panic!("model: {e:?}"));
    assert!(problems.is_empty(), "the site has problems: {problems:?}");
    let site = &sites[0];

    let mut best: Option<(Duration, Duration)> = None;
    let mut peak_extra = 0;
    let mut stats = None;
    for _ in 0..runs {
        // Reset the peak-RSS mark (Linux: "5" to clear_refs), so VmHWM after
        // the index minus VmRSS before it is what the index added.
        let _ = std::fs::write("/proc/self/clear_refs", "5");
        let before = status_kib("VmRSS:");
        let cpu0 = cpu();
        let started = Instant::now();
        let built = build_index(site, PageTexts::in_model(), &Params::default());
        let wall = started.elapsed();
        let cpu_time = cpu() - cpu0;
        peak_extra = peak_extra.max(status_kib("VmHWM:").saturating_sub(before));
        if best.is_none_or(|b| wall < b.0) {
            best = Some((wall, cpu_time));
        }
        stats = Some(built.stats);
    }
    let (wall, cpu_time) = best.unwrap_or_default();
    let s = stats.unwrap_or_default();
    println!("records       {}", s.records);
    println!("words         {}", s.words);
    println!(
        "stem groups   {} ({} pruned to their best postings)",
        s.groups, s.pruned_groups
    );
    println!(
        "files         {} term shards, {} chunks, 1 manifest",
        s.term_shards, s.chunks
    );
    println!(
        "bytes         {} ({:.1} MiB)",
        s.bytes,
        s.bytes as f64 / 1_048_576.0
    );
    println!(
        "index wall    {:.0} ms (best of {runs})",
        wall.as_secs_f64() * 1000.0
    );
    println!("index cpu     {:.0} ms", cpu_time.as_secs_f64() * 1000.0);
    println!(
        "index memory  {:.1} MiB at its peak, over the loaded site",
        peak_extra as f64 / 1024.0
    );
    println!(
        "process peak  {:.1} MiB",
        status_kib("VmHWM:") as f64 / 1024.0
    );
}
