//! The `dmat` binary: everything happens in the library's command line.

fn main() -> std::process::ExitCode {
    dmat::cli::main()
}
