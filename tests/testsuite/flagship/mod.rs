//! The flagship knowledge base (content/ at the repository root): what it
//! promises readers. These tests fail on content edits that break a promise,
//! not on changes to the tool.

mod checker;
mod content;
mod spanish;
mod tree;
