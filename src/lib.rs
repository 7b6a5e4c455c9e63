//! casebook: a static knowledge-base site generator.
//!
//! Markdown guides plus YAML data (do/don't cases, expert quotes, FAQs,
//! message templates, decision trees) become a searchable static site.
//! The pipeline runs one way, each stage a module:
//!
//! config → load → markdown/data/tree → site → render → output
//!
//! Only [`load`] reads input and only [`output`] writes; everything between
//! is a pure function of its input. Library code never prints or exits.
// too_many_lines: functions stay within clippy.toml's 80 lines (#16).
#![warn(clippy::print_stdout, clippy::print_stderr, clippy::too_many_lines)]

pub mod artifact;
pub mod build;
pub mod config;
pub mod data;
pub mod diagnostics;
pub mod external;
pub mod frontmatter;
pub mod hash;
pub mod highlight;
pub mod i18n;
pub mod images;
pub mod load;
pub mod locate;
pub mod markdown;
pub mod output;
pub mod render;
pub mod report;
pub mod scaffold;
pub mod schema;
pub mod search;
pub mod serve;
pub mod site;
pub mod text;
pub mod tree;
pub mod yaml;
