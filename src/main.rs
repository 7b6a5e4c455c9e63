//! casebook's entry point: parse the arguments, run, print once, exit.
// Functions stay within clippy.toml's 80 lines (#16).
#![warn(clippy::too_many_lines)]

mod cli;

use clap::Parser;

// A build allocates many short-lived strings on every core at once; glibc's
// malloc spent about a third of the user time of a 10,000-page build in
// locking and consolidation, mimalloc a small fraction of that.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` in mimalloc 3's `mi_option_e` (libmimalloc-sys
/// names no constant for it); a test checks it is the option whose
/// default is mimalloc 3's documented 1,000 ms.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// How long mimalloc keeps freed memory before returning it to the system.
/// Its default, a second, is longer than most builds: a 10,000-page build
/// with search index frees the pages' text while the index grows, and
/// peaked at 330 MiB with the default against 282 MiB with 50 ms, in the
/// same time (`cargo bench --bench build`).
const PURGE_DELAY_MS: std::ffi::c_long = 50;

/// Turns transparent huge pages off for this process. mimalloc asks the
/// kernel for them on its arenas (`madvise`), and the kernel then zeroes
/// two megabytes on the first touch of any byte, again after every purge:
/// a tenth of a 100,000-page build's CPU time went to zeroing pages. Off,
/// that build took 4% less time and 40 MiB less memory, and a
/// 10,000-page one the same time and 20 MiB less (farm-bench, with
/// `MIMALLOC_ALLOW_THP=0`, which does this before `main`). mimalloc's own
/// option is read when it starts, before `main`, so this asks the kernel
/// directly; the kernel checks the flag whenever it would map a huge page,
/// so it holds for memory mapped before too.
fn no_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes plain integers and reads no memory.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

/// Lets a program casebook starts use huge pages as it would anywhere
/// else: the flag [`no_huge_pages`] sets is inherited, and a browser that
/// `serve --open` starts is no business of ours.
pub(crate) fn huge_pages_as_usual(cmd: &mut std::process::Command) {
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::process::CommandExt;
        // SAFETY: between fork and exec the closure makes one system call
        // with plain integers, which is async-signal-safe, and allocates
        // nothing.
        unsafe {
            cmd.pre_exec(|| {
                libc::prctl(libc::PR_SET_THP_DISABLE, 0, 0, 0, 0);
                Ok(())
            });
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = cmd;
}

/// The purge delay to set: ours, unless mimalloc's own variable
/// `MIMALLOC_PURGE_DELAY` is set, which mimalloc has read already and
/// which is left to win, so the delay can be measured without a rebuild.
fn purge_delay(variable: Option<std::ffi::OsString>) -> Option<std::ffi::c_long> {
    variable.is_none().then_some(PURGE_DELAY_MS)
}

fn main() -> std::process::ExitCode {
    if let Some(delay) = purge_delay(std::env::var_os("MIMALLOC_PURGE_DELAY")) {
        // SAFETY: sets a plain integer option; mimalloc reads options atomically.
        unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, delay) };
    }
    no_huge_pages();
    cli::Cli::parse().run()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(target_os = "linux")]
    #[test]
    fn huge_pages_are_off_once_asked() {
        // SAFETY: PR_GET_THP_DISABLE takes plain integers and reads no memory.
        let off = || unsafe { libc::prctl(libc::PR_GET_THP_DISABLE, 0, 0, 0, 0) };
        no_huge_pages();
        assert_eq!(off(), 1);
    }

    /// What a child process says of its huge pages in /proc (`1`: the
    /// kernel may use them), started plainly or as casebook starts others.
    #[cfg(target_os = "linux")]
    fn child_thp(as_usual: bool) -> Option<String> {
        let mut cmd = std::process::Command::new("cat");
        cmd.arg("/proc/self/status");
        if as_usual {
            huge_pages_as_usual(&mut cmd);
        }
        let out = cmd.output().ok()?;
        let status = String::from_utf8_lossy(&out.stdout).into_owned();
        let line = status.lines().find(|l| l.starts_with("THP_enabled:"))?;
        Some(line["THP_enabled:".len()..].trim().to_owned())
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_program_casebook_starts_may_use_huge_pages() {
        no_huge_pages();
        let Some(plain) = child_thp(false) else {
            // Older kernels do not say it in /proc/PID/status.
            let ci = std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0");
            assert!(
                !ci,
                "this kernel's /proc/self/status has no THP_enabled line"
            );
            eprintln!("SKIPPED: this kernel's /proc/self/status has no THP_enabled line");
            return;
        };
        assert_eq!(plain, "0", "a child inherits the flag");
        assert_eq!(child_thp(true).as_deref(), Some("1"));
    }

    #[test]
    fn mimallocs_own_variable_wins_over_our_purge_delay() {
        assert_eq!(purge_delay(None), Some(PURGE_DELAY_MS));
        assert_eq!(purge_delay(Some("1000".into())), None);
    }

    #[test]
    fn the_purge_delay_option_is_the_one_set() {
        // SAFETY: reads and sets plain integer options.
        unsafe {
            assert_eq!(libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY), 1000);
            libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, PURGE_DELAY_MS);
            assert_eq!(
                libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY),
                PURGE_DELAY_MS
            );
        }
    }
}
