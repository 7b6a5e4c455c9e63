//! `casebook serve`.

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Args;

use super::{SiteArgs, options, report};

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
            Event::Built {
                pages,
                took,
                quick,
                indexed,
            } => {
                let ms = took.as_millis();
                let index = match indexed {
                    Some(t) => format!("search index at {} ms", t.as_millis()),
                    None => "search index with the next save".to_owned(),
                };
                if quick {
                    let noun = if pages == 1 { "page" } else { "pages" };
                    println!("Updated {pages} {noun} in {ms} ms ({index})");
                } else {
                    println!("Built {pages} pages in {ms} ms ({index})");
                }
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
    crate::huge_pages_as_usual(&mut cmd);
    let _ = cmd
        .arg(url)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
}
