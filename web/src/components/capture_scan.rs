//! The camera view that reads a business card's QR code (vCard or MECARD) for the lead
//! form. The camera runs only while this is shown; without one the parent is told why.

use std::{cell::Cell, rc::Rc};

use gloo_timers::future::TimeoutFuture;
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlVideoElement;
use yew::prelude::*;

use crate::{
    app::use_i18n,
    qr::{Camera, Detector},
    vcard::{self, ScannedContact},
};

/// Pause between two looks at the video.
const FRAME_GAP_MS: u32 = 200;

/// Properties of [`QrScanner`].
#[derive(Properties, PartialEq)]
pub struct QrScannerProps {
    /// A contact card was read.
    pub on_found: Callback<ScannedContact>,
    /// There is no camera to use; the reason (a DOMException name, mostly).
    pub on_fail: Callback<String>,
}

#[derive(Clone, Copy, PartialEq)]
enum Phase {
    Starting,
    Scanning,
    NotACard,
}

/// The live camera picture with a hint; scans until a contact card is read or it is
/// removed.
#[component]
pub fn QrScanner(props: &QrScannerProps) -> Html {
    let i18n = use_i18n();
    let video = use_node_ref();
    let phase = use_state_eq(|| Phase::Starting);
    {
        let (video, phase) = (video.clone(), phase.clone());
        let (on_found, on_fail) = (props.on_found.clone(), props.on_fail.clone());
        use_effect_with((), move |_| {
            let stopped = Rc::new(Cell::new(false));
            let gone = stopped.clone();
            spawn_local(async move {
                let Some(el) = video.cast::<HtmlVideoElement>() else {
                    return;
                };
                let camera = match Camera::open(&el).await {
                    Ok(camera) => camera,
                    Err(reason) => {
                        if !gone.get() {
                            on_fail.emit(reason);
                        }
                        return;
                    }
                };
                let detector = match Detector::new() {
                    Ok(d) => d,
                    Err(reason) => {
                        drop(camera);
                        if !gone.get() {
                            on_fail.emit(reason);
                        }
                        return;
                    }
                };
                web_sys::console::info_1(
                    &format!(
                        "fieldbase: scanning QR codes with {}",
                        if detector.is_browser() {
                            "BarcodeDetector"
                        } else {
                            "rqrr"
                        }
                    )
                    .into(),
                );
                phase.set(Phase::Scanning);
                while !gone.get() {
                    if let Some(text) = detector.detect(&el).await {
                        match vcard::parse(&text) {
                            Some(card) => {
                                camera.stop();
                                if !gone.get() {
                                    on_found.emit(card);
                                }
                                return;
                            }
                            None => phase.set(Phase::NotACard),
                        }
                    }
                    TimeoutFuture::new(FRAME_GAP_MS).await;
                }
                // Removed: the camera stops as it is dropped here.
            });
            move || stopped.set(true)
        });
    }
    let hint = match *phase {
        Phase::Starting => i18n.t("capture-scan-starting"),
        Phase::Scanning => i18n.t("capture-scan-hint"),
        Phase::NotACard => i18n.t("capture-scan-not-card"),
    };
    html! {
        <div class="capture-scanner" data-testid="capture-scanner">
            <video ref={video} class="capture-video" muted=true autoplay=true playsinline=true
                   aria-label={i18n.t("capture-scan-hint")}></video>
            <p class="muted small" role="status">{ hint }</p>
        </div>
    }
}
