//! Fieldbase's PWA: a Yew client-side app over `fieldbase-core`, IndexedDB and the sync
//! websocket. Built for `wasm32-unknown-unknown` by `scripts/build-web.sh`; natively the
//! binary is an empty stub so the workspace builds and the pure modules are tested.

// On native targets only the pure modules are compiled (for their tests), and most of
// what they offer is used by the wasm-only modules.
#![cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]

mod backoff;
mod i18n;
mod persist;
mod session;
mod status;

#[cfg(target_arch = "wasm32")]
mod api;
#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
mod browser;
#[cfg(target_arch = "wasm32")]
mod components;
#[cfg(target_arch = "wasm32")]
mod engine;
#[cfg(target_arch = "wasm32")]
mod store;
#[cfg(target_arch = "wasm32")]
mod sync;

#[cfg(target_arch = "wasm32")]
fn main() {
    app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
