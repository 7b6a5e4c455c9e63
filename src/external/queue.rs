//! Runs the requests on `concurrency` threads, with at most `per_host`
//! under way to one host at once.
//!
//! Hand-written on std's `Mutex` and `Condvar`: the requests block, so
//! rayon's pool (one thread per core, made for computing) is the wrong tool,
//! and the crates that limit work per key are made for async runtimes,
//! which casebook has none of. The whole scheduler is a queue per host and
//! a count of requests under way per host.

use std::collections::{HashMap, VecDeque};
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};
use std::thread;

use super::{ExternalConfig, Job, Outcome, Timing, probe};

/// Asks about every job; returns each job's key with its outcome.
pub(super) fn run_jobs(
    jobs: &[Job],
    config: &ExternalConfig,
    timing: &Timing,
) -> HashMap<String, Outcome> {
    if jobs.is_empty() {
        return HashMap::new();
    }
    let agent = probe::agent(config);
    let queue = Queue::new(jobs, config.per_host.get());
    let workers = config.concurrency.get().min(jobs.len());
    thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    while let Some(slot) = queue.take() {
                        let outcome = probe::probe(&agent, &slot.job.url, config.retries, timing);
                        done.push((slot.job.url.to_string(), outcome));
                    }
                    done
                })
            })
            .collect();
        // A thread that panicked loses its answers; the caller reports
        // those links as not checked rather than failing the whole check.
        handles
            .into_iter()
            .flat_map(|handle| handle.join().unwrap_or_default())
            .collect()
    })
}

/// The jobs not yet started and the requests under way, by host.
struct Queue<'a> {
    state: Mutex<State<'a>>,
    /// Signalled when a request ends, freeing a place for its host.
    freed: Condvar,
    per_host: usize,
}

struct State<'a> {
    /// The jobs not started, by host, hosts in order of first appearance.
    waiting: Vec<(&'a str, VecDeque<&'a Job>)>,
    /// Requests under way per host (absent: none).
    busy: HashMap<&'a str, usize>,
}

/// A started job; its host's place is given back when it is dropped, even
/// if the request panicked, so no other thread waits for it forever.
struct Slot<'q, 'a> {
    queue: &'q Queue<'a>,
    job: &'a Job,
}

impl<'a> Queue<'a> {
    fn new(jobs: &'a [Job], per_host: usize) -> Self {
        let mut index: HashMap<&str, usize> = HashMap::new();
        let mut waiting: Vec<(&str, VecDeque<&Job>)> = Vec::new();
        for job in jobs {
            let host = job.host.as_str();
            let i = *index.entry(host).or_insert_with(|| {
                waiting.push((host, VecDeque::new()));
                waiting.len() - 1
            });
            waiting[i].1.push_back(job);
        }
        Queue {
            state: Mutex::new(State {
                waiting,
                busy: HashMap::new(),
            }),
            freed: Condvar::new(),
            per_host,
        }
    }

    fn lock(&self) -> MutexGuard<'_, State<'a>> {
        // No code panics while holding the lock; if one did, the counts are
        // still whole numbers and the queue still usable.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The next job whose host has a free place, waiting for one if every
    /// host with jobs left is at its limit; `None` when no job is left.
    fn take(&self) -> Option<Slot<'_, 'a>> {
        let mut state = self.lock();
        loop {
            if state.waiting.is_empty() {
                return None;
            }
            let State { waiting, busy } = &mut *state;
            let free = waiting
                .iter()
                .position(|(host, _)| busy.get(host).copied().unwrap_or(0) < self.per_host);
            if let Some(i) = free {
                let (host, jobs) = &mut waiting[i];
                let host = *host;
                let job = jobs.pop_front();
                if jobs.is_empty() {
                    waiting.remove(i);
                }
                if let Some(job) = job {
                    *busy.entry(host).or_insert(0) += 1;
                    return Some(Slot { queue: self, job });
                }
                continue;
            }
            state = self
                .freed
                .wait(state)
                .unwrap_or_else(PoisonError::into_inner);
        }
    }
}

impl Drop for Slot<'_, '_> {
    fn drop(&mut self) {
        let mut state = self.queue.lock();
        let host = self.job.host.as_str();
        if let Some(count) = state.busy.get_mut(host) {
            *count = count.saturating_sub(1);
            if *count == 0 {
                state.busy.remove(host);
            }
        }
        drop(state);
        self.queue.freed.notify_all();
    }
}
