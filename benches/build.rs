//! Build benchmark: the flagship site and synthetic corpora of 1,000 and
//! 10,000 pages (../shared/bench/gen_corpus.py --flavor casebook), the
//! corpora with and without their search index, each built by the release
//! binary into an empty folder several times and then rebuilt several
//! times. Reports wall time (min and median of the first builds and of the
//! rebuilds: one sample is at the mercy of a noisy machine) and the peak
//! resident memory of the build process.
//!
//!     cargo bench --bench build                 # everything
//!     CASEBOOK_BENCH_SIZES=1000 cargo bench --bench build
//!
//! Not a Criterion harness: a whole build is a process with its own peak
//! memory, which only wait4(2) on the child reports.
// Functions stay within clippy.toml's 80 lines (#16).
#![warn(clippy::too_many_lines)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

struct Sample {
    wall: Duration,
    max_rss_kib: i64,
}

/// Runs `cmd` and returns its wall time and peak RSS (ru_maxrss, KiB on Linux).
fn measure(cmd: &mut Command) -> Sample {
    let start = Instant::now();
    let child = cmd.spawn().expect("spawn casebook");
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: rusage is plain data; wait4 fills it for the child we spawned
    // and have not waited on through std.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let rc = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let wall = start.elapsed();
    assert_eq!(rc, pid, "wait4 failed");
    assert!(
        libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "build failed"
    );
    std::mem::forget(child);
    Sample {
        wall,
        max_rss_kib: usage.ru_maxrss,
    }
}

fn build(root: &Path, out: &Path) -> Sample {
    measure(
        Command::new(env!("CARGO_BIN_EXE_casebook"))
            .args(["build", "--quiet", "--root"])
            .arg(root)
            .arg("--output-dir")
            .arg(out),
    )
}

/// `runs` builds into an empty folder (as in CI, on a fresh clone), then
/// `runs` rebuilds, which reuse the previous output's spare folder.
fn bench(name: &str, root: &Path, runs: usize, out: &Path) {
    let spare = out.with_file_name(format!(
        ".{}.casebook-spare",
        out.file_name().unwrap_or_default().to_string_lossy()
    ));
    let firsts: Vec<Sample> = (0..runs)
        .map(|_| {
            let _ = std::fs::remove_dir_all(out);
            let _ = std::fs::remove_dir_all(&spare);
            build(root, out)
        })
        .collect();
    let rebuilds: Vec<Sample> = (0..runs).map(|_| build(root, out)).collect();
    let rss = firsts
        .iter()
        .chain(&rebuilds)
        .map(|s| s.max_rss_kib)
        .max()
        .unwrap_or(0);
    let files = walk_count(out);
    let (first_min, first_median) = min_median(firsts);
    let (min, median) = min_median(rebuilds);
    println!(
        "{name:<22} first ({runs:>2}): min {first_min:>5.0} ms, median {first_median:>5.0} ms   rebuilds: min {min:>5.0} ms, median {median:>5.0} ms   peak RSS {:>6.1} MiB   {files} files",
        rss as f64 / 1024.0
    );
}

/// The least and the median wall time of `samples`, in milliseconds.
fn min_median(mut samples: Vec<Sample>) -> (f64, f64) {
    samples.sort_by_key(|s| s.wall);
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    (ms(samples[0].wall), ms(samples[samples.len() / 2].wall))
}

fn walk_count(dir: &Path) -> usize {
    std::fs::read_dir(dir)
        .map(|d| {
            d.flatten()
                .map(|e| {
                    if e.path().is_dir() {
                        walk_count(&e.path())
                    } else {
                        1
                    }
                })
                .sum()
        })
        .unwrap_or(0)
}

fn corpus(pages: usize, dir: &Path) -> Option<PathBuf> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/bench/gen_corpus.py");
    if !script.exists() {
        println!(
            "(no {} here: skipping the {pages}-page corpus)",
            script.display()
        );
        return None;
    }
    let out = dir.join(format!("corpus-{pages}"));
    let status = Command::new("python3")
        .arg(&script)
        .args([
            "--pages",
            &pages.to_string(),
            "--flavor",
            "casebook",
            "--force",
            "--out",
        ])
        .arg(&out)
        .stdout(std::process::Stdio::null())
        .status()
        .expect("run python3");
    assert!(status.success(), "gen_corpus.py failed");
    Some(out)
}

fn main() {
    let tmp = std::env::temp_dir().join(format!("casebook-bench-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).expect("temp dir");
    let sizes: Vec<usize> = std::env::var("CASEBOOK_BENCH_SIZES")
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|_| vec![1_000, 10_000]);
    println!(
        "casebook build benchmark ({} cores)",
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    bench(
        "flagship",
        Path::new(env!("CARGO_MANIFEST_DIR")),
        10,
        &tmp.join("out-flagship"),
    );
    for pages in sizes {
        if let Some(root) = corpus(pages, &tmp) {
            let runs = if pages >= 10_000 { 3 } else { 5 };
            bench(
                &format!("{pages} pages"),
                &root,
                runs,
                &tmp.join(format!("out-{pages}")),
            );
            // The same corpus without the search index (`search = false`).
            let config = root.join("site.toml");
            let text = std::fs::read_to_string(&config).expect("site.toml");
            std::fs::write(&config, format!("search = false\n{text}")).expect("site.toml");
            bench(
                &format!("{pages} pages, no search"),
                &root,
                runs,
                &tmp.join(format!("out-{pages}-no-search")),
            );
        }
    }
    let _ = std::fs::remove_dir_all(&tmp);
}
