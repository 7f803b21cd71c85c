//! Fieldbase's PWA binary: starts the app (see the `fieldbase_web` library) on
//! `wasm32-unknown-unknown`; natively it is an empty stub so the workspace builds.

#[cfg(target_arch = "wasm32")]
fn main() {
    fieldbase_web::app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
