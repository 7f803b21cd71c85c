//! The server's memory allocator: jemalloc instead of glibc's malloc.
//!
//! Measured with `--bin memory` (BENCHMARKS.md, "Server memory per document"): under
//! glibc a fresh replica's first sync after a restart left about 230 KiB resident per
//! document while the live heap was under 30 KiB (heaptrack): the rest was freed memory
//! glibc's per-thread arenas kept. jemalloc returns it (first sync of 10,000 documents:
//! 35 KiB per document).
//!
//! With idle documents unloaded, what they held is freed while the server is otherwise
//! quiet, and jemalloc purges freed pages only when an allocation comes by: its
//! background thread does it on a timer (10,000 documents unloaded: 276.8 MiB resident
//! without it, 111.3 MiB with it, 45 s later).

#[cfg(all(unix, not(target_env = "msvc")))]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// jemalloc's options (`_RJEM_MALLOC_CONF` in the environment still overrides them):
/// purge freed pages from a background thread.
#[cfg(all(unix, not(target_env = "msvc")))]
#[allow(non_upper_case_globals)]
#[unsafe(export_name = "_rjem_malloc_conf")]
pub static malloc_conf: &[u8] = b"background_thread:true\0";
