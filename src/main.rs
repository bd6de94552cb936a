//! The `congbo` command: parses arguments and hands over to the library.

/// mimalloc instead of the system allocator: building a site makes millions of small
/// strings (template values, escaped text); glibc's malloc/free were a sixth of all
/// instructions in a callgrind profile of the 1,000-page benchmark.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    // The language of every message, fixed here once from the locale.
    congbo::lang::init(congbo::lang::Lang::from_env());
    std::process::exit(congbo::cli::main());
}
