//! `casebook init`, `casebook new` and `casebook schema`: the commands that
//! write a site's starting files.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use super::report;

#[derive(Args, Debug)]
pub struct InitArgs {
    /// The folder to make; it must be new or empty
    #[arg(default_value = ".")]
    pub dir: PathBuf,
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
