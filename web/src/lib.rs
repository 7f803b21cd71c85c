//! Fieldbase's PWA: a Yew client-side app over `fieldbase-core`, IndexedDB and the sync
//! websocket, as a library so that tests (`tests/browser_store.rs`, run in headless
//! Chromium) reach its modules; `main.rs` only starts [`app`].
//!
//! Built for `wasm32-unknown-unknown` by `scripts/build-web.sh`. On native targets only
//! the pure modules are compiled (so the workspace builds and their unit tests run); the
//! browser-facing ones are wasm only.

#![warn(missing_docs)]
// Natively, most of what the pure modules offer is used only by the wasm-only modules.
#![cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]

pub mod backoff;
pub mod calls;
pub mod client_filter;
pub mod format;
pub mod i18n;
pub mod journal;
pub mod lead;
pub mod persist;
pub mod route;
pub mod session;
pub mod status;
pub mod vcard;

#[cfg(target_arch = "wasm32")]
pub mod api;
#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod engine;
#[cfg(target_arch = "wasm32")]
pub mod hooks;
#[cfg(target_arch = "wasm32")]
pub mod qr;
#[cfg(target_arch = "wasm32")]
pub mod store;
#[cfg(target_arch = "wasm32")]
pub mod sync;
#[cfg(target_arch = "wasm32")]
pub mod worker;
