//! The image cache: each image's probe result and copies, keyed by a hash
//! of everything that decides them, so unchanged images cost a hash.
//!
//! Other generators redo all image work on every build, or key their cache
//! by file name and date and serve stale copies. Here the key is BLAKE3 of
//! the image's bytes, the column width and the pipeline (crate versions and
//! encoder settings, [`super::variants::salt`]): a changed image, column or
//! encoder misses, and anything else hits. A key never names a wrong
//! result, so nothing is ever invalidated; `store` only drops what the
//! build did not use.
//!
//! A build starts from the cache the previous one stored
//! (`load::read_image_cache`, [`Cache::from_files`]) and stores it back
//! ([`Cache::to_store`], `output::store_image_cache`).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, RwLock};

use rustc_hash::{FxHashMap, FxHashSet};

use super::error::ImageError;
use super::{ImageInfo, Variant, plan, probe, render_variants};

/// An image's probe result and its copies, smallest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Processed {
    pub info: ImageInfo,
    pub variants: Vec<Variant>,
}

/// The cache key: BLAKE3 of the pipeline, the column and the bytes.
pub(super) type Key = blake3::Hash;

/// Results by key; safe to share across the build's threads.
#[derive(Default)]
pub struct Cache {
    pub(super) done: RwLock<FxHashMap<Key, Arc<Processed>>>,
    /// Images that failed, kept in memory only, so `serve` does not decode
    /// a damaged image again on every rebuild, while a new build reports
    /// the error afresh.
    failed: RwLock<FxHashMap<Key, ImageError>>,
    /// The keys asked for since this cache was made: what `store` keeps.
    pub(super) used: Mutex<FxHashSet<Key>>,
    /// Files in the cache folder that `load` read and verified, or `store`
    /// wrote: `store` need not write them again.
    pub(super) on_disk: Mutex<FxHashSet<String>>,
    /// Images decoded, resized and encoded by this cache.
    made: AtomicUsize,
}

impl std::fmt::Debug for Cache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Cache")
            .field("images", &self.len())
            .field("made", &self.made())
            .finish()
    }
}

impl Cache {
    pub fn new() -> Cache {
        Cache::default()
    }

    /// The image's size and its WebP copies for a content column
    /// `column_px` CSS pixels wide: from the cache, or made now (probe,
    /// [`plan`], [`render_variants`]) and kept. Two threads asking for the
    /// same new image at once may both make it; the results are equal.
    pub fn process(&self, bytes: &[u8], column_px: u32) -> Result<Arc<Processed>, ImageError> {
        let key = key(bytes, column_px);
        lock(&self.used).insert(key);
        if let Some(hit) = read(&self.done).get(&key) {
            return Ok(Arc::clone(hit));
        }
        if let Some(err) = read(&self.failed).get(&key) {
            return Err(err.clone());
        }
        let made = probe(bytes).and_then(|info| {
            let widths = plan(&info, column_px);
            if !widths.is_empty() {
                self.made.fetch_add(1, Ordering::Relaxed);
            }
            let variants = render_variants(bytes, &info, &widths)?;
            Ok(Arc::new(Processed { info, variants }))
        });
        match &made {
            Ok(p) => {
                write(&self.done).insert(key, Arc::clone(p));
            }
            Err(e) => {
                write(&self.failed).insert(key, e.clone());
            }
        }
        made
    }

    /// How many images this cache has decoded, resized and encoded: the
    /// image work, all of it, as probing a header takes microseconds. A
    /// rebuild with unchanged images, from a cache loaded from disk, leaves
    /// it at 0.
    pub fn made(&self) -> usize {
        self.made.load(Ordering::Relaxed)
    }

    /// How many different images this cache was asked for.
    pub fn asked(&self) -> usize {
        lock(&self.used).len()
    }

    /// How many images the cache holds results for.
    pub fn len(&self) -> usize {
        read(&self.done).len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Adds a result read from disk.
    pub(super) fn insert_loaded(&mut self, key: Key, processed: Processed) {
        let done = self.done.get_mut().unwrap_or_else(|e| e.into_inner());
        done.insert(key, Arc::new(processed));
    }
}

pub(super) fn key(bytes: &[u8], column_px: u32) -> Key {
    let mut key = blake3::Hasher::new();
    super::variants::salt(&mut key);
    key.update(&column_px.to_le_bytes());
    key.update(bytes);
    key.finalize()
}

// A poisoned lock means a thread panicked while holding it; every writer
// here only inserts whole values, so the data is still sound.
pub(super) fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

pub(super) fn read<T>(l: &RwLock<T>) -> std::sync::RwLockReadGuard<'_, T> {
    l.read().unwrap_or_else(|e| e.into_inner())
}

fn write<T>(l: &RwLock<T>) -> std::sync::RwLockWriteGuard<'_, T> {
    l.write().unwrap_or_else(|e| e.into_inner())
}
