//! The command line: one clap-derive struct per subcommand, each with `run()`.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use casebook::build::{self, Options};
use casebook::diagnostics::Diagnostics;

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

#[derive(Args, Debug)]
pub struct BuildArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// Where to write the site (default: site.toml's output_dir, else public/)
    #[arg(long, short = 'o')]
    pub output_dir: Option<PathBuf>,
    /// Override site.toml's base_url, e.g. https://example.org/kb/
    #[arg(long, short = 'u')]
    pub base_url: Option<String>,
    /// Print nothing on success
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// Also print how long each stage of the build took
    #[arg(long)]
    pub timings: bool,
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    #[command(flatten)]
    pub site: SiteArgs,
}

impl Cli {
    pub fn run(self) -> ExitCode {
        match self.command {
            Command::Build(a) => a.run(),
            Command::Check(a) => a.run(),
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

/// Prints every problem once, then a count; the exit status is 1.
#[allow(clippy::print_stderr)]
pub fn report(problems: &Diagnostics) -> ExitCode {
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    for d in problems.iter() {
        eprintln!("{}\n", d.render(color));
    }
    let n = problems.len();
    eprintln!("{n} problem{} found", if n == 1 { "" } else { "s" });
    ExitCode::from(1)
}

impl BuildArgs {
    #[allow(clippy::print_stdout)]
    pub fn run(self) -> ExitCode {
        let opts = Options {
            output_dir: self.output_dir.clone(),
            base_url: self.base_url.clone(),
            ..options(&self.site)
        };
        match build::build(&opts) {
            Ok((stats, out)) => {
                if !self.quiet {
                    println!(
                        "Built {} pages and {} records into {} ({} files, {} KiB) in {} ms",
                        stats.pages,
                        stats.records,
                        out.display(),
                        stats.files,
                        stats.bytes / 1024,
                        stats.elapsed.as_millis()
                    );
                }
                if self.timings {
                    for (stage, took) in &stats.stages {
                        println!("  {stage:<26} {:>8.1} ms", took.as_secs_f64() * 1000.0);
                    }
                }
                ExitCode::SUCCESS
            }
            Err(problems) => report(&problems),
        }
    }
}

impl CheckArgs {
    #[allow(clippy::print_stdout)]
    pub fn run(self) -> ExitCode {
        match build::check(&options(&self.site)) {
            Ok(stats) => {
                println!(
                    "No problems: {} pages and {} records checked in {} ms",
                    stats.pages,
                    stats.records,
                    stats.elapsed.as_millis()
                );
                ExitCode::SUCCESS
            }
            Err(problems) => report(&problems),
        }
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
