//! Reading a QR code with the camera: `getUserMedia` into a `<video>`, then each frame
//! through the browser's `BarcodeDetector` where it has one (Chrome on Android, macOS,
//! ChromeOS), else through `rqrr` (pure Rust) on the frame's pixels from a canvas. What
//! the code says is parsed by [`crate::vcard`].

use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    CanvasRenderingContext2d, HtmlCanvasElement, HtmlVideoElement, MediaStream,
    MediaStreamConstraints, MediaStreamTrack,
};

/// Frames wider than this are scaled down before Rust decodes them (speed; a card's
/// code still has enough pixels).
const MAX_DECODE_WIDTH: u32 = 720;

fn describe(e: &JsValue) -> String {
    // A DOMException: its name ("NotAllowedError", "NotFoundError") says the most.
    Reflect::get(e, &"name".into())
        .ok()
        .and_then(|v| v.as_string())
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown".into())
}

/// The running camera; stopped when dropped.
#[derive(Debug)]
pub struct Camera {
    stream: MediaStream,
}

impl Camera {
    /// Opens the back camera (any camera where there is no back one) and plays it in
    /// `video`. The error names why there is none: no `mediaDevices` (an insecure
    /// page), `NotFoundError` (no camera), `NotAllowedError` (refused)…
    pub async fn open(video: &HtmlVideoElement) -> Result<Camera, String> {
        let window = web_sys::window().ok_or("no window")?;
        let navigator = window.navigator();
        let has_devices = Reflect::get(&navigator, &"mediaDevices".into())
            .map(|v| !v.is_undefined() && !v.is_null())
            .unwrap_or(false);
        if !has_devices {
            return Err("mediaDevices".into());
        }
        let devices = navigator.media_devices().map_err(|e| describe(&e))?;
        let constraints = MediaStreamConstraints::new();
        let video_constraints = Object::new();
        let facing = Object::new();
        let _ = Reflect::set(&facing, &"ideal".into(), &"environment".into());
        let _ = Reflect::set(&video_constraints, &"facingMode".into(), &facing);
        constraints.set_video(&video_constraints);
        constraints.set_audio_bool(false);
        let promise = devices
            .get_user_media_with_constraints(&constraints)
            .map_err(|e| describe(&e))?;
        let stream: MediaStream = JsFuture::from(promise)
            .await
            .map_err(|e| describe(&e))?
            .unchecked_into();
        let camera = Camera { stream };
        video.set_src_object(Some(&camera.stream));
        // iOS plays inline only with these.
        let _ = video.set_attribute("playsinline", "");
        video.set_muted(true);
        if let Ok(play) = video.play() {
            JsFuture::from(play).await.map_err(|e| describe(&e))?;
        }
        Ok(camera)
    }

    /// Stops every track (the camera light goes off).
    pub fn stop(&self) {
        for track in self.stream.get_tracks().iter() {
            track.unchecked_into::<MediaStreamTrack>().stop();
        }
    }
}

impl Drop for Camera {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Finds QR codes in video frames.
#[derive(Debug)]
pub enum Detector {
    /// The browser's `BarcodeDetector`, asked for QR codes only.
    Browser(JsValue),
    /// `rqrr` on the pixels of a canvas the frame is drawn on.
    Rust {
        /// The off-screen canvas.
        canvas: HtmlCanvasElement,
        /// Its 2D context.
        context: CanvasRenderingContext2d,
    },
}

impl Detector {
    /// The browser's detector when it has one that reads QR codes, else the Rust one.
    pub fn new() -> Result<Detector, String> {
        if let Some(native) = browser_detector() {
            return Ok(Detector::Browser(native));
        }
        let document = web_sys::window()
            .and_then(|w| w.document())
            .ok_or("no document")?;
        let canvas: HtmlCanvasElement = document
            .create_element("canvas")
            .map_err(|e| describe(&e))?
            .unchecked_into();
        let options = Object::new();
        // Many reads of the pixels: let the browser keep them in memory.
        let _ = Reflect::set(&options, &"willReadFrequently".into(), &true.into());
        let context = canvas
            .get_context_with_context_options("2d", &options)
            .map_err(|e| describe(&e))?
            .ok_or("no 2d context")?
            .unchecked_into();
        Ok(Detector::Rust { canvas, context })
    }

    /// True when the browser's detector is used.
    pub fn is_browser(&self) -> bool {
        matches!(self, Detector::Browser(_))
    }

    /// The text of the first QR code in the video's current frame, if any.
    pub async fn detect(&self, video: &HtmlVideoElement) -> Option<String> {
        let (w, h) = (video.video_width(), video.video_height());
        if w == 0 || h == 0 {
            return None;
        }
        match self {
            Detector::Browser(detector) => {
                let detect: Function = Reflect::get(detector, &"detect".into())
                    .ok()?
                    .dyn_into()
                    .ok()?;
                let promise = detect.call1(detector, video).ok()?;
                let found = JsFuture::from(js_sys::Promise::from(promise)).await.ok()?;
                let found: Array = found.dyn_into().ok()?;
                found
                    .iter()
                    .find_map(|code| Reflect::get(&code, &"rawValue".into()).ok()?.as_string())
            }
            Detector::Rust { canvas, context } => {
                let scale = (f64::from(MAX_DECODE_WIDTH) / f64::from(w)).min(1.0);
                let (dw, dh) = (
                    (f64::from(w) * scale).round() as u32,
                    (f64::from(h) * scale).round() as u32,
                );
                if canvas.width() != dw || canvas.height() != dh {
                    canvas.set_width(dw);
                    canvas.set_height(dh);
                }
                context
                    .draw_image_with_html_video_element_and_dw_and_dh(
                        video,
                        0.0,
                        0.0,
                        f64::from(dw),
                        f64::from(dh),
                    )
                    .ok()?;
                let pixels = context
                    .get_image_data(0.0, 0.0, f64::from(dw), f64::from(dh))
                    .ok()?
                    .data();
                decode_rgba(dw as usize, dh as usize, &pixels)
            }
        }
    }
}

/// `new BarcodeDetector({ formats: ["qr_code"] })` when the browser has it and it reads
/// QR codes.
fn browser_detector() -> Option<JsValue> {
    let window = web_sys::window()?;
    let class = Reflect::get(&window, &"BarcodeDetector".into()).ok()?;
    let class: Function = class.dyn_into().ok()?;
    let options = Object::new();
    let formats = Array::of1(&"qr_code".into());
    Reflect::set(&options, &"formats".into(), &formats).ok()?;
    // Throws where QR codes are not supported.
    Reflect::construct(&class, &Array::of1(&options)).ok()
}

/// The text of the first readable QR code in an RGBA image.
pub fn decode_rgba(width: usize, height: usize, rgba: &[u8]) -> Option<String> {
    if rgba.len() < width * height * 4 {
        return None;
    }
    let luma: Vec<u8> = rgba
        .chunks_exact(4)
        .map(|p| ((u32::from(p[0]) * 77 + u32::from(p[1]) * 150 + u32::from(p[2]) * 29) >> 8) as u8)
        .collect();
    let mut image =
        rqrr::PreparedImage::prepare_from_greyscale(width, height, |x, y| luma[y * width + x]);
    image
        .detect_grids()
        .into_iter()
        .find_map(|grid| grid.decode().ok().map(|(_, text)| text))
}
