//! casebook's integration tests, in one binary (as mdBook's testsuite):
//! one link instead of one per file, which matters on small CI machines.
//!
//! - `common`: a fixture site copied to a temp dir, the real binary run on
//!   it, readers for what it wrote;
//! - `build`, `images`, `robustness`, `serve`, `workflow`, `docs`, `deploy`, `search`,
//!   `properties`, `fuzz_regressions`, `messages`, `rich_content`: the tool,
//!   on fixtures;
//! - `flagship`: the knowledge base this repository ships (content floors,
//!   its decision tree, its message checker), which fails on content edits;
//! - `browser`: the built sites in Chromium (tests/browser/*.spec.mjs).
// Tests stay within clippy.toml's 80 lines too (#16).
#![warn(clippy::too_many_lines)]

mod browser;
mod build;
mod common;
mod deploy;
mod docs;
mod external;
mod flagship;
mod fuzz_regressions;
mod images;
mod incremental;
mod messages;
mod multilingual;
mod properties;
mod rich_content;
mod robustness;
mod search;
mod search_languages;
mod serve;
mod workflow;
