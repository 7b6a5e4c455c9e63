//! `casebook build` and `casebook check`.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::Args;

use super::{SiteArgs, options, report};
use casebook::build::{self, Options};

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
    /// Also check every link to another website (the only command that
    /// uses the network; settings in site.toml's [external_links])
    #[arg(long)]
    pub external: bool,
}

impl BuildArgs {
    #[allow(clippy::print_stdout)]
    pub fn run(self) -> ExitCode {
        let opts = Options {
            output_dir: self.output_dir.clone(),
            base_url: self.base_url.clone(),
            ..options(&self.site)
        };
        let started = Instant::now();
        match build::write(&opts) {
            Ok((built, out)) => {
                if !self.quiet {
                    println!(
                        "Built {} pages and {} records into {} ({} files, {} KiB) in {} ms",
                        built.pages,
                        built.records(),
                        out.display(),
                        built.files,
                        built.bytes / 1024,
                        started.elapsed().as_millis()
                    );
                }
                if self.timings {
                    for (stage, took) in &built.stages {
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
        let started = Instant::now();
        let opts = Options {
            external: self.external,
            ..options(&self.site)
        };
        match build::check(&opts) {
            Ok(built) => {
                let links = built
                    .external_links
                    .map(|n| format!(" and {n} links to other websites"))
                    .unwrap_or_default();
                println!(
                    "No problems: {} pages and {} records{links} checked in {} ms",
                    built.pages,
                    built.records(),
                    started.elapsed().as_millis()
                );
                ExitCode::SUCCESS
            }
            Err(problems) => report(&problems),
        }
    }
}
