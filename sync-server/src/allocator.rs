//! The server's memory allocator: jemalloc instead of glibc's malloc.
//!
//! Measured with `--bin memory` (BENCHMARKS.md, "Server memory per document"): samod
//! keeps every document it has touched in memory, and under glibc a fresh replica's first
//! sync after a restart left about 230 KiB resident per document while the live heap
//! was under 30 KiB (heaptrack): the rest was freed memory glibc's per-thread arenas kept.
//! jemalloc returns it (first sync of 10,000 documents: 35 KiB per document).

#[cfg(all(unix, not(target_env = "msvc")))]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;
