//! The `annals` binary: parse the command line, hand over to the library.

fn main() -> std::process::ExitCode {
    server::cli::main()
}
