//! Last-changed dates of content files from git history (#6).

use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The date of the last commit touching each of `wanted` (paths relative to
/// `root`), from one `git log` over `content/`: O(1) processes whatever the
/// number of pages, and the log is read newest first and stopped as soon as
/// every page has its date. No git, no repository, a shallow clone (whose
/// history would give wrong dates) or any failure means no dates, silently:
/// a page then shows only the dates its front matter gives (#6).
pub(super) fn git_dates(root: &Path, wanted: &HashSet<&Path>) -> HashMap<PathBuf, String> {
    let mut dates = HashMap::new();
    if wanted.is_empty() {
        return dates;
    }
    let git = |args: &[&str]| {
        let mut cmd = Command::new("git");
        cmd.arg("-C").arg(root).args(args);
        // A surrounding git process (a hook running the build) must not
        // point this one at another repository.
        for var in ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"] {
            cmd.env_remove(var);
        }
        cmd.stdin(Stdio::null()).stderr(Stdio::null());
        cmd
    };
    let shallow = git(&["rev-parse", "--is-shallow-repository"]).output();
    match shallow {
        Ok(out) if out.status.success() && out.stdout.trim_ascii() == b"false" => {}
        _ => return dates,
    }
    // `-z` keeps unusual file names unquoted; `--relative` makes them
    // relative to `root`, like the pages' paths.
    let child = git(&[
        "-c",
        "log.showSignature=false",
        "log",
        "--format=%x01%cs",
        "--name-only",
        "--relative",
        "-z",
        "--",
        "content",
    ])
    .stdout(Stdio::piped())
    .spawn();
    let Ok(mut child) = child else {
        return dates;
    };
    if let Some(stdout) = child.stdout.take() {
        let mut day = String::new();
        for token in BufReader::new(stdout).split(0) {
            let Ok(token) = token else { break };
            let token = String::from_utf8_lossy(&token);
            let token = token.trim_start_matches('\n');
            if let Some(d) = token.strip_prefix('\u{1}') {
                day = d.to_owned();
            } else if !token.is_empty() && !day.is_empty() {
                let path = Path::new(token);
                if wanted.contains(path) && !dates.contains_key(path) {
                    dates.insert(path.to_path_buf(), day.clone());
                    if dates.len() == wanted.len() {
                        break;
                    }
                }
            }
        }
    }
    // Done early, or git failed half way: either way stop it and keep what
    // was read. The dates of a failed log would be partial, so drop them.
    let _ = child.kill();
    match child.wait() {
        Ok(status) if status.success() || dates.len() == wanted.len() => dates,
        _ => HashMap::new(),
    }
}
