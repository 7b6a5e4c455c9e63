//! When a burst of watcher events is a finished save.
//!
//! An editor's save is a few events within a millisecond or two: a write
//! and its close, or a temp file renamed over the page. Waiting for a fixed
//! quiet period after every event (40 ms before #17's last step) puts that
//! whole period on every save. Instead, a path that is being written stays
//! *open* until its close arrives; once no path is open the burst is over
//! after a very short grace. A watcher that never reports closes (FSEvents
//! on macOS, polling) keeps the quiet period, so nothing is rebuilt from a
//! half-written file there either.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::time::Duration;

use notify::EventKind;
use notify::event::{AccessKind, AccessMode, CreateKind, ModifyKind};

/// How long to wait for more events once every written file is closed:
/// the rest of an editor's save (a rename after the close, a chmod) comes
/// within this.
pub const GRACE: Duration = Duration::from_millis(3);

/// How long to wait for more events while a file is still being written,
/// or when the watcher cannot say: a save in progress pauses less than
/// this between its writes.
pub const QUIET: Duration = Duration::from_millis(40);

/// What one event says about its paths.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Being written: wait for its close.
    Writing,
    /// A file written and closed.
    Closed,
    /// A change that is whole as reported: renamed, removed, a folder made,
    /// its metadata changed.
    Whole,
    /// Says nothing about the site (a read, an open).
    Nothing,
}

impl Step {
    pub fn of(kind: &EventKind) -> Step {
        match kind {
            EventKind::Access(AccessKind::Close(AccessMode::Write)) => Step::Closed,
            EventKind::Access(_) => Step::Nothing,
            EventKind::Create(CreateKind::Folder) => Step::Whole,
            EventKind::Create(_) | EventKind::Modify(ModifyKind::Data(_) | ModifyKind::Any) => {
                Step::Writing
            }
            EventKind::Modify(_) | EventKind::Remove(_) => Step::Whole,
            EventKind::Any | EventKind::Other => Step::Writing,
        }
    }
}

/// The paths a burst of events changed, and which are still being written.
#[derive(Debug, Default)]
pub struct Burst {
    changed: BTreeSet<PathBuf>,
    open: BTreeSet<PathBuf>,
}

impl Burst {
    pub fn add(&mut self, step: Step, paths: Vec<PathBuf>) {
        for path in paths {
            match step {
                Step::Writing => {
                    self.open.insert(path.clone());
                }
                Step::Closed => {
                    self.open.remove(&path);
                }
                Step::Whole => {}
                Step::Nothing => continue,
            }
            self.changed.insert(path);
        }
    }

    /// How long to wait for the next event before the burst counts as
    /// over.
    pub fn wait(&self) -> Duration {
        if self.open.is_empty() { GRACE } else { QUIET }
    }

    /// The changed paths, sorted, and an empty burst for the next save.
    pub fn take(&mut self) -> Vec<PathBuf> {
        self.open.clear();
        std::mem::take(&mut self.changed).into_iter().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{DataChange, MetadataKind, RemoveKind, RenameMode};

    fn p(s: &str) -> Vec<PathBuf> {
        vec![PathBuf::from(s)]
    }

    #[test]
    fn a_write_waits_for_its_close_then_only_a_grace() {
        let mut b = Burst::default();
        let write = EventKind::Modify(ModifyKind::Data(DataChange::Any));
        b.add(Step::of(&write), p("content/a.md"));
        assert_eq!(b.wait(), QUIET);
        b.add(Step::of(&write), p("content/a.md"));
        assert_eq!(b.wait(), QUIET);
        let close = EventKind::Access(AccessKind::Close(AccessMode::Write));
        b.add(Step::of(&close), p("content/a.md"));
        assert_eq!(b.wait(), GRACE);
        assert_eq!(b.take(), p("content/a.md"));
        assert!(b.take().is_empty());
    }

    #[test]
    fn two_files_written_wait_for_both_closes() {
        let mut b = Burst::default();
        b.add(Step::Writing, p("content/a.md"));
        b.add(Step::Writing, p("content/b.md"));
        b.add(Step::Closed, p("content/a.md"));
        assert_eq!(b.wait(), QUIET);
        b.add(Step::Closed, p("content/b.md"));
        assert_eq!(b.wait(), GRACE);
        assert_eq!(b.take().len(), 2);
    }

    #[test]
    fn a_rename_over_the_page_or_a_removal_is_whole_at_once() {
        for kind in [
            EventKind::Modify(ModifyKind::Name(RenameMode::To)),
            EventKind::Modify(ModifyKind::Metadata(MetadataKind::Any)),
            EventKind::Remove(RemoveKind::File),
            EventKind::Create(CreateKind::Folder),
        ] {
            let mut b = Burst::default();
            b.add(Step::of(&kind), p("content/a.md"));
            assert_eq!(b.wait(), GRACE, "{kind:?}");
            assert_eq!(b.take(), p("content/a.md"));
        }
    }

    #[test]
    fn a_new_file_is_open_until_closed_and_reads_say_nothing() {
        let mut b = Burst::default();
        b.add(
            Step::of(&EventKind::Create(CreateKind::File)),
            p("content/new.md"),
        );
        assert_eq!(b.wait(), QUIET);
        b.add(
            Step::of(&EventKind::Access(AccessKind::Close(AccessMode::Read))),
            p("content/other.md"),
        );
        assert_eq!(b.take(), p("content/new.md"));
    }

    #[test]
    fn events_a_watcher_cannot_place_keep_the_quiet_period() {
        let mut b = Burst::default();
        b.add(Step::of(&EventKind::Any), p("content/a.md"));
        assert_eq!(b.wait(), QUIET);
    }
}
