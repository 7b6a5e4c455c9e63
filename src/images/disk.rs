//! The image cache on disk: the only file I/O of the images module.
//!
//! One folder, two kinds of file, both named by a hash so nothing else in
//! the folder is mistaken for them:
//! - `{key}.entry`: one image's result, a header line
//!   `casebook image cache 1 {check}` then JSON (the probe result and its
//!   copies' sizes and hashes), where `check` is BLAKE3 of the key and the
//!   JSON, so an entry renamed, cut short or edited does not verify;
//! - `{blake3}.webp`: a copy, named by the hash of its bytes, so copies
//!   shared by several entries are stored once.
//!
//! `load` keeps only entries that verify, with every copy they name, and
//! ignores everything else, so a stale, damaged or foreign file costs a
//! re-encode at worst, never a wrong byte in the output. Files are written
//! under a temporary name and renamed into place, so a build stopped
//! midway leaves no half file under a real name.

use std::fs;
use std::io;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::cache::{Cache, Key, lock, read};
use super::{ImageInfo, Processed, Variant};

const MAGIC: &str = "casebook image cache 1 ";
const ENTRY: &str = ".entry";
const WEBP: &str = ".webp";
/// Prefix of files being written: a leftover one is removed by `store`.
const PARTIAL: &str = ".partial-";

#[derive(Serialize, Deserialize)]
struct DiskEntry {
    info: ImageInfo,
    variants: Vec<DiskVariant>,
}

#[derive(Serialize, Deserialize)]
struct DiskVariant {
    width: u32,
    height: u32,
    blake3: String,
}

impl Cache {
    /// The cache a previous build stored in `dir`. A missing folder, and
    /// every file that does not verify, read as nothing.
    pub fn load(dir: &Path) -> Cache {
        let mut cache = Cache::new();
        let Ok(listing) = fs::read_dir(dir) else {
            return cache;
        };
        let mut verified = Vec::new();
        for file in listing.flatten() {
            let name = file.file_name();
            let Some(key) = name
                .to_str()
                .and_then(|n| n.strip_suffix(ENTRY))
                .and_then(parse_key)
            else {
                continue;
            };
            if let Some((processed, files)) = read_entry(dir, key) {
                verified.extend(files);
                cache.insert_loaded(key, processed);
            }
        }
        lock(&cache.on_disk).extend(verified);
        cache
    }

    /// Saves to `dir` the results this cache was asked for since it was
    /// made or loaded, and removes the cache files it holds for others
    /// (other files are left alone). Call it after a build that went
    /// through: after a build that stopped early, it would forget images
    /// the site still has.
    pub fn store(&self, dir: &Path) -> io::Result<()> {
        fs::create_dir_all(dir)?;
        let used: Vec<Key> = lock(&self.used).iter().copied().collect();
        let mut keep = rustc_hash::FxHashSet::default();
        let done = read(&self.done);
        for key in used {
            let Some(processed) = done.get(&key) else {
                continue; // an image that failed: not stored
            };
            for v in &processed.variants {
                let name = format!("{}{WEBP}", v.digest.to_hex());
                self.write_once(dir, &name, &v.webp)?;
                keep.insert(name);
            }
            let name = format!("{}{ENTRY}", key.to_hex());
            self.write_once(dir, &name, &entry_bytes(key, processed)?)?;
            keep.insert(name);
        }
        drop(done);
        for file in fs::read_dir(dir)?.flatten() {
            let name = file.file_name().to_string_lossy().into_owned();
            if is_ours(&name) && !keep.contains(&name) {
                fs::remove_file(file.path())?;
                lock(&self.on_disk).remove(&name);
            }
        }
        Ok(())
    }

    /// Writes `bytes` to `dir/name` unless this cache knows the file there
    /// already holds them.
    fn write_once(&self, dir: &Path, name: &str, bytes: &[u8]) -> io::Result<()> {
        if lock(&self.on_disk).contains(name) {
            return Ok(());
        }
        let partial = dir.join(format!("{PARTIAL}{}-{name}", std::process::id()));
        fs::write(&partial, bytes)?;
        fs::rename(&partial, dir.join(name))?;
        lock(&self.on_disk).insert(name.to_owned());
        Ok(())
    }
}

/// The entry file for `key`: header line with the check, then JSON.
fn entry_bytes(key: Key, processed: &Processed) -> io::Result<Vec<u8>> {
    let entry = DiskEntry {
        info: processed.info.clone(),
        variants: processed
            .variants
            .iter()
            .map(|v| DiskVariant {
                width: v.width,
                height: v.height,
                blake3: v.digest.to_hex().to_string(),
            })
            .collect(),
    };
    let json = serde_json::to_vec(&entry)?;
    let mut bytes = format!("{MAGIC}{}\n", check(key, &json).to_hex()).into_bytes();
    bytes.extend_from_slice(&json);
    Ok(bytes)
}

fn check(key: Key, json: &[u8]) -> blake3::Hash {
    let mut h = blake3::Hasher::new();
    h.update(key.as_bytes());
    h.update(json);
    h.finalize()
}

/// The entry for `key` and the names of the files it was read from, if it
/// and every copy it names verify.
fn read_entry(dir: &Path, key: Key) -> Option<(Processed, Vec<String>)> {
    let entry_name = format!("{}{ENTRY}", key.to_hex());
    let bytes = fs::read(dir.join(&entry_name)).ok()?;
    let rest = bytes.strip_prefix(MAGIC.as_bytes())?;
    let newline = rest.iter().position(|&b| b == b'\n')?;
    let (stated, json) = (&rest[..newline], &rest[newline + 1..]);
    if stated != check(key, json).to_hex().as_bytes() {
        return None;
    }
    let entry: DiskEntry = serde_json::from_slice(json).ok()?;
    let mut files = vec![entry_name];
    let mut variants = Vec::with_capacity(entry.variants.len());
    for v in entry.variants {
        let name = format!("{}{WEBP}", v.blake3);
        let webp = fs::read(dir.join(&name)).ok()?;
        let variant = Variant::new(v.width, v.height, webp);
        if variant.digest.to_hex().as_str() != v.blake3 {
            return None;
        }
        variants.push(variant);
        files.push(name);
    }
    let processed = Processed {
        info: entry.info,
        variants,
    };
    Some((processed, files))
}

fn parse_key(hex: &str) -> Option<Key> {
    blake3::Hash::from_hex(hex).ok()
}

/// Whether `name` is a file this cache writes: a hash with one of its
/// extensions, or a partial write.
fn is_ours(name: &str) -> bool {
    let hashed = |ext: &str| name.strip_suffix(ext).and_then(parse_key).is_some();
    hashed(ENTRY) || hashed(WEBP) || name.starts_with(PARTIAL)
}
