//! The `congbo` command: parses arguments and hands over to the library.

/// mimalloc instead of the system allocator: building a site makes millions of small
/// strings (template values, escaped text), and the system's malloc and free were a large
/// share of a build's work. Its 2.x line (the `v2` feature in Cargo.toml), not the crate's
/// default 3.x, which was slower on large sites. The measurements are in the book,
/// docs/maintainers/performance.md ("The allocator").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay` (its place in `mi_option_e`, mimalloc.h 2.x; the
/// test below checks that it holds the option's default).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Tells mimalloc to keep memory it has freed instead of handing it back to the system
/// after a second. A build frees and reuses memory phase after phase; with transparent
/// huge pages, each page handed back was faulted in again and zeroed 2 MB at a time, which
/// on large sites cost more than the memory kept (docs/maintainers/performance.md). Not for
/// `serve`, which lives long and should give memory back between rebuilds.
fn keep_freed_memory() {
    // SAFETY: sets a plain integer option, before any thread exists.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1) };
}

fn main() {
    // MIMALLOC_PURGE_DELAY in the environment still wins, for measuring.
    let serving = std::env::args_os().skip(1).any(|a| a == "serve");
    if !serving && std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
        keep_freed_memory();
    }
    // The language of every message is fixed by the command line, from its arguments.
    std::process::exit(congbo::cli::main());
}

#[cfg(test)]
mod tests {
    use super::MI_OPTION_PURGE_DELAY;

    #[test]
    fn the_purge_delay_option_is_the_one_set() {
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_some() {
            return; // its value is then the environment's
        }
        // purge_delay's default in mimalloc 2.x is 10 ms; no neighbouring option has it
        // (eager_commit_delay before it is 1, use_numa_nodes after it 0).
        // SAFETY: reads a plain integer option.
        let v = unsafe { libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) };
        assert_eq!(v, 10);
    }
}
