//! The `opsdeck` binary: parse the command line and hand over to the library.

use std::process::ExitCode;

use mimalloc::MiMalloc;

/// mimalloc makes importing large reports markedly faster than the system allocator.
#[global_allocator]
static GLOBAL: MiMalloc = MiMalloc;

fn main() -> ExitCode {
    opsdeck::cli::run(opsdeck::cli::Cli::from_env())
}
