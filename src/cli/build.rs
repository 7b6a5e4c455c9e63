//! `casebook build` and `casebook check`.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::Args;

use super::{Format, SiteArgs, options, print_problems};
use casebook::build::{self, Options};
use casebook::diagnostics::Diagnostics;
use casebook::report::Summary;

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
    /// How to print problems: human, json (a document on stdout) or github (annotations)
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// How to print problems: human, json (a document on stdout) or github (annotations)
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    /// Also check every link to another website (the only command that
    /// uses the network; settings in site.toml's [external_links])
    #[arg(long)]
    pub external: bool,
}

impl BuildArgs {
    pub fn run(self) -> ExitCode {
        let opts = Options {
            output_dir: self.output_dir.clone(),
            base_url: self.base_url.clone(),
            ..options(&self.site)
        };
        let started = Instant::now();
        match build::write(&opts) {
            Ok((built, out)) => {
                // A build prints its warnings; notes are for `check`.
                print_problems(
                    &built.advice.clone().for_report(false),
                    self.format,
                    &opts.root,
                );
                if !self.quiet {
                    status(
                        self.format,
                        &format!(
                            "Built {} pages and {} records into {} ({} files, {} KiB) in {} ms",
                            built.pages,
                            built.records(),
                            out.display(),
                            built.files,
                            built.bytes / 1024,
                            started.elapsed().as_millis()
                        ),
                    );
                }
                if self.timings {
                    for stage in &built.stages {
                        let ms = stage.took.as_secs_f64() * 1000.0;
                        let peak = stage
                            .peak_kib
                            .map(|k| format!("   peak {:>6} MiB", k / 1024))
                            .unwrap_or_default();
                        status(
                            self.format,
                            &format!("  {:<26} {ms:>8.1} ms{peak}", stage.name),
                        );
                    }
                    println!(
                        "  images: {}, of which {} resized in this build",
                        built.images.asked(),
                        built.images.made()
                    );
                    println!(
                        "  pages: {}, of which {} kept from the last build without rendering",
                        built.pages, built.unrendered
                    );
                    let [kept, stamped] = built.kept_files;
                    println!(
                        "  kept files: {kept}, {stamped} of them known unchanged by their stamp"
                    );
                    if let Some([reused, rendered]) = built.markdown {
                        println!(
                            "  markdown: {} renders, {reused} of them read back from the last build",
                            reused + rendered
                        );
                    }
                    if let Some([reused, analysed]) = built.search_parts {
                        println!(
                            "  search index: {} parts, {reused} of them read back from the last build",
                            reused + analysed
                        );
                    }
                }
                // The process ends here and frees the model at once: taking
                // it apart page by page was about 1% of a rebuild after one
                // change (10,000 pages). Nothing in it writes when dropped.
                std::mem::forget(built);
                ExitCode::SUCCESS
            }
            Err(problems) => {
                print_problems(&problems.for_report(false), self.format, &opts.root);
                ExitCode::from(1)
            }
        }
    }
}

impl CheckArgs {
    pub fn run(self) -> ExitCode {
        let started = Instant::now();
        let opts = Options {
            external: self.external,
            ..options(&self.site)
        };
        match build::check(&opts) {
            Ok(built) => {
                let advice = built.advice.clone().for_report(true);
                print_problems(&advice, self.format, &opts.root);
                let links = built
                    .external_links
                    .map(|n| format!(" and {n} links to other websites"))
                    .unwrap_or_default();
                let checked = format!(
                    "{} pages and {} records{links} checked in {} ms",
                    built.pages,
                    built.records(),
                    started.elapsed().as_millis()
                );
                let line = match advice.len() {
                    0 => format!("No problems: {checked}"),
                    _ => format!("No errors: {checked}, with {}", advice_count(&advice)),
                };
                status(self.format, &line);
                ExitCode::SUCCESS
            }
            Err(problems) => {
                print_problems(&problems.for_report(true), self.format, &opts.root);
                ExitCode::from(1)
            }
        }
    }
}

/// "1 warning and 3 notes".
fn advice_count(advice: &Diagnostics) -> String {
    let count = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
    match Summary::of(advice) {
        Summary {
            warnings, notes: 0, ..
        } => count(warnings, "warning"),
        Summary {
            warnings: 0, notes, ..
        } => count(notes, "note"),
        Summary {
            warnings, notes, ..
        } => {
            format!(
                "{} and {}",
                count(warnings, "warning"),
                count(notes, "note")
            )
        }
    }
}

/// A line for people about how the run went: on stdout, but on stderr
/// with `--format json`, whose stdout is the JSON document alone.
#[allow(clippy::print_stdout, clippy::print_stderr)]
fn status(format: Format, line: &str) {
    match format {
        Format::Json => eprintln!("{line}"),
        Format::Human | Format::Github => println!("{line}"),
    }
}
