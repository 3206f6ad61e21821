use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    rekindle::cli::run(rekindle::cli::Cli::parse())
}
