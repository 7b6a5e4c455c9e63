//! The command line: one clap-derive struct per subcommand, each with
//! `run()` in the file of its command (`build.rs` has build and check,
//! `serve.rs` serve, `init.rs` init, new and schema). Only this part of
//! casebook prints; it picks the exit status.

mod build;
mod init;
mod serve;

pub use build::{BuildArgs, CheckArgs};
pub use init::{InitArgs, NewGuideArgs, NewTreeArgs, SchemaArgs};
pub use serve::ServeArgs;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use casebook::build::Options;
use casebook::diagnostics::Diagnostics;
use casebook::report;

#[derive(Parser, Debug)]
#[command(
    name = "casebook",
    version,
    about = "Build a fast, searchable knowledge-base site from Markdown guides and YAML data"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Build the site into the output folder (public/ by default)
    Build(BuildArgs),
    /// Run every check of a build and report all problems, writing nothing
    Check(CheckArgs),
    /// Build into memory, serve on 127.0.0.1:1111 and reload pages on every change
    Serve(ServeArgs),
    /// Make a new knowledge base that builds and serves at once
    Init(InitArgs),
    /// Add a guide or a decision tree, front matter filled in
    #[command(subcommand)]
    New(NewCommand),
    /// Write JSON Schema files for site.toml, each data kind and decision trees
    Schema(SchemaArgs),
}

#[derive(Args, Debug, Clone)]
pub struct SiteArgs {
    /// The site's folder (holding site.toml and content/)
    #[arg(long, short = 'r', default_value = ".")]
    pub root: PathBuf,
    /// Include pages marked `draft: true`
    #[arg(long)]
    pub drafts: bool,
}

#[derive(Subcommand, Debug)]
pub enum NewCommand {
    /// Write content/<section>/<slug>.md with front matter
    Guide(NewGuideArgs),
    /// Write content/decisions/<slug>.yaml with a two-question tree to fill in
    Tree(NewTreeArgs),
}

impl Cli {
    pub fn run(self) -> ExitCode {
        match self.command {
            Command::Build(a) => a.run(),
            Command::Check(a) => a.run(),
            Command::Serve(a) => a.run(),
            Command::Init(a) => a.run(),
            Command::New(NewCommand::Guide(a)) => a.run(),
            Command::New(NewCommand::Tree(a)) => a.run(),
            Command::Schema(a) => a.run(),
        }
    }
}

fn options(site: &SiteArgs) -> Options {
    Options {
        root: site.root.clone(),
        drafts: site.drafts,
        ..Options::default()
    }
}

/// How `build` and `check` print problems (`--format`).
#[derive(ValueEnum, Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Format {
    /// For people: each problem with its line and a caret, on stderr
    #[default]
    Human,
    /// One JSON document on stdout (see docs/diagnostics.md)
    Json,
    /// GitHub Actions workflow commands on stdout: annotations on the pull request
    Github,
}

/// Prints every problem once, then a count; the exit status is 1.
pub fn report(problems: &Diagnostics) -> ExitCode {
    print_human(problems);
    ExitCode::from(1)
}

/// Prints `problems` (errors first, then warnings and notes) in `format`,
/// files named from the working folder for `root`'s site; for people,
/// closes with the count of errors if there are any. JSON is printed even
/// when there is nothing to report, so a tool always gets a document.
#[allow(clippy::print_stdout)]
pub fn print_problems(problems: &Diagnostics, format: Format, root: &Path) {
    match format {
        Format::Human => print_human(problems),
        Format::Json => print!("{}", report::json(problems, root)),
        Format::Github => {
            // In GitHub Actions, files are named from the repository's root
            // (the workspace) wherever in it casebook runs.
            let workspace = std::env::var_os("GITHUB_WORKSPACE").map(PathBuf::from);
            let root = match &workspace {
                Some(_) => std::path::absolute(root).unwrap_or_else(|_| root.to_owned()),
                None => root.to_owned(),
            };
            print!("{}", report::github(problems, &root, workspace.as_deref()));
            print_count(problems);
        }
    }
}

#[allow(clippy::print_stderr)]
fn print_human(problems: &Diagnostics) {
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    for d in problems.iter() {
        eprintln!(
            "{}
",
            d.render(color)
        );
    }
    print_count(problems);
}

/// `N problems found`, counting errors (warnings and notes are advice).
#[allow(clippy::print_stderr)]
fn print_count(problems: &Diagnostics) {
    let n = problems.errors();
    if n > 0 {
        eprintln!("{n} problem{} found", if n == 1 { "" } else { "s" });
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        super::Cli::command().debug_assert();
    }
}
