//! The `dmat` binary: everything happens in the library's command line.

/// Reading a cohort allocates and frees millions of small values on every core.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    dmat::cli::main()
}
