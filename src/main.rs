//! casebook's entry point: parse the arguments, run, print once, exit.

mod cli;

use clap::Parser;

// A build allocates many short-lived strings on every core at once; glibc's
// malloc spent about a third of the user time of a 10,000-page build in
// locking and consolidation, mimalloc a small fraction of that.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cli::Cli::parse().run()
}
