//! The `congbo` command: parses arguments and hands over to the library.

/// mimalloc instead of the system allocator: building a site makes millions of small
/// strings (template values, escaped text); glibc's malloc/free were a sixth of all
/// instructions in a callgrind profile of the 1,000-page benchmark. Its 2.x line (the
/// `v2` feature in Cargo.toml), not the crate's default 3.x: at 100,000 pages, builds
/// interleaved with the same code on 3.x took 25.5, 26.3 and 29.3 s against 32.9, 27.9
/// and 30.8 s, with less user and system time in every pair (same peak memory, 2.0 GB);
/// at 10,000 pages the two were level (medians 1.84 and 1.93 s of six runs each).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay` (its place in `mi_option_e`, mimalloc.h 2.x; the
/// test below checks that it holds the option's default).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Tells mimalloc to keep memory it has freed instead of handing it back to the system
/// after a second. A build frees and reuses memory phase after phase; with transparent
/// huge pages, each page handed back was faulted in again and zeroed 2 MB at a time: at
/// 100,000 pages that was a sixth of all CPU time (perf), and never purging took the
/// build from 32 s to 26 s with the same peak memory. Not for `serve`, which lives long
/// and should give memory back between rebuilds.
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
