//! casebook's entry point: parse the arguments, run, print once, exit.

mod cli;

use clap::Parser;

fn main() -> std::process::ExitCode {
    cli::Cli::parse().run()
}
