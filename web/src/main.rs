//! Fieldbase's PWA binary: starts the app (see the `fieldbase_web` library) on
//! `wasm32-unknown-unknown`; natively it is an empty stub so the workspace builds.

#[cfg(target_arch = "wasm32")]
fn main() {
    // The engine's worker instantiates this module too: it waits for `worker.js` to
    // call `fieldbaseWorker` instead.
    if web_sys::window().is_some() {
        fieldbase_web::app::start();
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
