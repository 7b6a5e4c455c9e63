//! The command line: one clap-derive struct per subcommand, each with `run()`.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

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

#[derive(Args, Debug)]
pub struct ServeArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// The port to listen on
    #[arg(long, short = 'p', default_value_t = 1111)]
    pub port: u16,
    /// The address to listen on (loopback by default: only this machine can connect)
    #[arg(long, short = 'i', default_value = "127.0.0.1")]
    pub interface: String,
    /// Open the site in the default browser once it is served
    #[arg(long, short = 'O')]
    pub open: bool,
}

#[derive(Args, Debug)]
pub struct InitArgs {
    /// The folder to make; it must be new or empty
    #[arg(default_value = ".")]
    pub dir: PathBuf,
}

#[derive(Subcommand, Debug)]
pub enum NewCommand {
    /// Write content/<section>/<slug>.md with front matter
    Guide(NewGuideArgs),
    /// Write content/decisions/<slug>.yaml with a two-question tree to fill in
    Tree(NewTreeArgs),
}

#[derive(Args, Debug)]
pub struct NewGuideArgs {
    /// The guide's title; its file name is made from it
    pub title: String,
    /// The section (folder under content/) to put it in
    #[arg(long, short = 's', default_value = "guides")]
    pub section: String,
    /// The site's folder (holding site.toml and content/)
    #[arg(long, short = 'r', default_value = ".")]
    pub root: PathBuf,
}

#[derive(Args, Debug)]
pub struct NewTreeArgs {
    /// The tree's title; its file name (the tree's id) is made from it
    pub title: String,
    /// The site's folder (holding site.toml and content/)
    #[arg(long, short = 'r', default_value = ".")]
    pub root: PathBuf,
}

#[derive(Args, Debug)]
pub struct SchemaArgs {
    /// The folder to write the schema files into
    #[arg(long, short = 'o', default_value = casebook::schema::DIR)]
    pub out: PathBuf,
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
        match build::check(&options(&self.site)) {
            Ok(built) => {
                println!(
                    "No problems: {} pages and {} records checked in {} ms",
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

impl ServeArgs {
    #[allow(clippy::print_stdout, clippy::print_stderr)]
    pub fn run(self) -> ExitCode {
        use casebook::serve::{self, Event};
        let open = self.open;
        let opts = serve::ServeOptions {
            build: options(&self.site),
            interface: self.interface.clone(),
            port: self.port,
        };
        let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
        let result = serve::run(opts, move |event| match event {
            Event::Listening(addr) => {
                println!(
                    "Serving on http://{addr}/ (Ctrl-C to stop). Watching content/, static/, templates/, themes/ and site.toml."
                );
                if open {
                    open_browser(&format!("http://{addr}/"));
                }
            }
            Event::Built { pages, took } => {
                println!("Built {pages} pages in {} ms", took.as_millis())
            }
            Event::Changed(paths) => {
                let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
                println!("Changed: {}", names.join(", "));
            }
            Event::Failed(problems) => {
                for d in problems.iter() {
                    eprintln!("{}\n", d.render(color));
                }
                eprintln!(
                    "{} problem(s); the browser shows them too. Fix and save to rebuild.",
                    problems.len()
                );
            }
        });
        match result {
            Ok(()) => ExitCode::SUCCESS,
            Err(d) => report(&d.into()),
        }
    }
}

/// `rel` as the reader should see it: under `root` unless that is `.`.
fn shown(root: &Path, rel: &Path) -> String {
    if root == Path::new(".") {
        rel.display().to_string()
    } else {
        root.join(rel).display().to_string()
    }
}

/// `dir` quoted for a POSIX shell when it needs to be.
fn shell_quote(dir: &str) -> String {
    if dir
        .chars()
        .all(|c| c.is_alphanumeric() || "-_./".contains(c))
    {
        dir.to_owned()
    } else {
        format!("'{}'", dir.replace('\'', "'\\''"))
    }
}

impl InitArgs {
    #[allow(clippy::print_stdout)]
    pub fn run(self) -> ExitCode {
        let created = match casebook::scaffold::init(&self.dir) {
            Ok(c) => c,
            Err(d) => return report(&d.into()),
        };
        let here = self.dir == Path::new(".");
        if here {
            println!("Made a new knowledge base here:");
        } else {
            println!("Made a new knowledge base in {}:", self.dir.display());
        }
        for rel in &created.written {
            println!("  {rel}");
        }
        for rel in &created.kept {
            println!("  {rel} (already there, kept as it was)");
        }
        if here {
            println!("\nNext: casebook serve");
        } else {
            let dir = shell_quote(&self.dir.display().to_string());
            println!("\nNext: cd {dir} && casebook serve");
        }
        ExitCode::SUCCESS
    }
}

impl NewGuideArgs {
    #[allow(clippy::print_stdout)]
    pub fn run(self) -> ExitCode {
        match casebook::scaffold::new_guide(&self.root, &self.section, &self.title) {
            Ok(paths) => {
                for (i, p) in paths.iter().enumerate() {
                    let what = if i == 0 {
                        ""
                    } else {
                        " (the new section's page)"
                    };
                    println!("Created {}{what}", shown(&self.root, p));
                }
                ExitCode::SUCCESS
            }
            Err(d) => report(&d.into()),
        }
    }
}

impl NewTreeArgs {
    #[allow(clippy::print_stdout)]
    pub fn run(self) -> ExitCode {
        match casebook::scaffold::new_tree(&self.root, &self.title) {
            Ok(path) => {
                println!("Created {}", shown(&self.root, &path));
                ExitCode::SUCCESS
            }
            Err(d) => report(&d.into()),
        }
    }
}

impl SchemaArgs {
    #[allow(clippy::print_stdout)]
    pub fn run(self) -> ExitCode {
        match casebook::scaffold::write_schemas(&self.out) {
            Ok(paths) => {
                for p in &paths {
                    println!("Wrote {}", p.display());
                }
                ExitCode::SUCCESS
            }
            Err(d) => report(&d.into()),
        }
    }
}

/// Opens `url` with the platform's opener. A failure only means the reader
/// opens it by hand, so it is ignored.
fn open_browser(url: &str) {
    let mut cmd = if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else if cfg!(windows) {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    } else {
        std::process::Command::new("xdg-open")
    };
    let _ = cmd
        .arg(url)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        super::Cli::command().debug_assert();
    }
}
