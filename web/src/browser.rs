//! Small wrappers over browser APIs: randomness, clocks, preferred languages, local
//! preferences and durable storage.

use wasm_bindgen::JsCast;

use crate::i18n::Lang;

/// Where the chosen language is remembered (a preference, not data: localStorage).
const LANG_KEY: &str = "fieldbase.lang";

fn window() -> web_sys::Window {
    web_sys::window().expect("the app runs in a window")
}

/// `N` bytes from `crypto.getRandomValues`.
pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    // `crypto` of the window or of the engine's worker.
    js_sys::Reflect::get(&js_sys::global(), &"crypto".into())
        .map(|c| c.unchecked_into::<web_sys::Crypto>())
        .and_then(|c| c.get_random_values_with_u8_array(&mut bytes))
        .expect("crypto.getRandomValues is available");
    bytes
}

/// 32 random bits.
pub fn random_u32() -> u32 {
    u32::from_le_bytes(random_bytes::<4>())
}

/// Lower-case hex of `bytes`.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Milliseconds since the epoch.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// The language to start in: the one picked before, else the browser's preference.
pub fn initial_lang() -> Lang {
    if let Some(lang) = local_storage()
        .and_then(|s| s.get_item(LANG_KEY).ok().flatten())
        .and_then(|tag| Lang::from_tag(&tag))
    {
        return lang;
    }
    let nav = window().navigator();
    let tags: Vec<String> = nav
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .chain(nav.language())
        .collect();
    Lang::negotiate(tags.iter().map(String::as_str))
}

/// Remembers the picked language and sets the page's `lang` attribute.
pub fn remember_lang(lang: Lang) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(LANG_KEY, lang.code());
    }
    apply_lang(lang);
}

/// Sets `<html lang>` (screen readers and hyphenation follow it).
pub fn apply_lang(lang: Lang) {
    if let Some(root) = window().document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", lang.code());
    }
}

fn local_storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// The engine runs on the page instead of in its worker: set by hand
/// (`localStorage["fieldbase-engine"] = "page"`) to compare the two, as the benchmarks do.
pub fn engine_on_page() -> bool {
    local_storage()
        .and_then(|s| s.get_item("fieldbase-engine").ok().flatten())
        .is_some_and(|v| v == "page")
}

/// Asks the browser not to evict the app's storage under pressure
/// (`navigator.storage.persist()`); the answer is only logged.
pub fn request_persistent_storage() {
    let Ok(promise) = window().navigator().storage().persist() else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        if let Ok(granted) = wasm_bindgen_futures::JsFuture::from(promise).await {
            let granted = granted.as_bool().unwrap_or(false);
            web_sys::console::info_1(
                &format!("fieldbase: persistent storage granted: {granted}").into(),
            );
        }
    });
}

/// Asks the rep to confirm something (a native dialog); false when it cannot be shown.
pub fn confirm(message: &str) -> bool {
    window().confirm_with_message(message).unwrap_or(false)
}

/// The `ws:`/`wss:` URL of a path on this origin.
pub fn websocket_url(path_and_query: &str) -> String {
    // `location` of the window or of the engine's worker (same origin).
    let location = js_sys::Reflect::get(&js_sys::global(), &"location".into()).unwrap_or_default();
    let part = |name: &str| {
        js_sys::Reflect::get(&location, &name.into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    };
    let scheme = if part("protocol") == "https:" {
        "wss:"
    } else {
        "ws:"
    };
    let host = part("host");
    format!("{scheme}//{host}{path_and_query}")
}

/// Percent-encodes a query value (`encodeURIComponent`).
pub fn encode_query(value: &str) -> String {
    js_sys::encode_uri_component(value).into()
}

/// The element the app mounts in, with the loading splash removed.
pub fn mount_point() -> web_sys::Element {
    let document = window().document().expect("a document");
    let root = document
        .get_element_by_id("app")
        .unwrap_or_else(|| document.body().expect("a body").unchecked_into());
    root.set_inner_html("");
    root
}

/// The location hash (`#/clients`…), or empty.
pub fn location_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// Moves to `hash` (a new history entry, so the back button returns).
pub fn set_location_hash(hash: &str) {
    let _ = window().location().set_hash(hash);
}

/// Calls `f` on every `hashchange` (back, forward, a typed URL) while the listener lives.
pub fn on_hash_change(mut f: impl FnMut(String) + 'static) -> gloo_events::EventListener {
    gloo_events::EventListener::new(&window(), "hashchange", move |_| f(location_hash()))
}

/// Minutes to add to UTC to get local time now (UTC+1 → 60).
pub fn utc_offset_minutes() -> i32 {
    -(js_sys::Date::new_0().get_timezone_offset() as i32)
}

/// The device time zone's UTC offset in minutes at the instant `ms` (daylight saving
/// time included), for writing past instants in local time.
pub fn utc_offset_at(ms: f64) -> i32 {
    -(js_sys::Date::new(&ms.into()).get_timezone_offset() as i32)
}

/// An instant written in the device's time zone and `lang`'s way
/// ([`crate::format::instant`]).
pub fn instant(lang: crate::i18n::Lang, ms: f64) -> String {
    crate::format::instant(lang, ms as i64, utc_offset_at(ms))
}

/// Today's local date.
pub fn today() -> fieldbase_core::Date {
    fieldbase_core::report::local_date(now_ms() as i64, utc_offset_minutes())
}

/// The browser's IANA time zone (`Intl`), or `UTC`.
pub fn time_zone() -> String {
    let options = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new())
        .resolved_options();
    js_sys::Reflect::get(&options, &"timeZone".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| "UTC".into())
}

const EVENT_KEY: &str = "fieldbase.current-event";

/// The event picked for lead capture on this device, if any.
pub fn current_event() -> Option<String> {
    window()
        .local_storage()
        .ok()
        .flatten()
        .and_then(|s| s.get_item(EVENT_KEY).ok().flatten())
        .filter(|e| !e.is_empty())
}

/// Remembers (or, with `None`, forgets) the event picked for lead capture.
pub fn set_current_event(event: Option<&str>) {
    if let Some(s) = window().local_storage().ok().flatten() {
        let _ = match event {
            Some(e) => s.set_item(EVENT_KEY, e),
            None => s.remove_item(EVENT_KEY),
        };
    }
}

/// Whether a new version of the app is installed and waiting (index.html sets it).
pub fn update_waiting() -> bool {
    js_sys::Reflect::get(&window(), &"fieldbaseUpdateWaiting".into())
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

/// Calls `f` when index.html reports a new version waiting (`fieldbase-update`).
pub fn on_update_waiting(mut f: impl FnMut() + 'static) -> gloo_events::EventListener {
    gloo_events::EventListener::new(&window(), "fieldbase-update", move |_| f())
}

/// Switches to the waiting version and reloads (index.html's `fieldbaseApplyUpdate`).
pub fn apply_update() {
    let w = window();
    match js_sys::Reflect::get(&w, &"fieldbaseApplyUpdate".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    {
        Some(f) => {
            let _ = f.call0(&w);
        }
        None => {
            let _ = w.location().reload();
        }
    }
}

/// `navigator.locks` (Web Locks), where the browser has it (a page or a worker).
fn lock_manager() -> Option<wasm_bindgen::JsValue> {
    let navigator = js_sys::Reflect::get(&js_sys::global(), &"navigator".into()).ok()?;
    let locks = js_sys::Reflect::get(&navigator, &"locks".into()).ok()?;
    (!locks.is_undefined() && !locks.is_null()).then_some(locks)
}

/// Takes the Web Lock `name` and holds it until this page or worker ends (other tabs
/// see it in [`held_locks`]). `false` when the browser has no Web Locks.
pub fn hold_lock(name: &str) -> bool {
    let Some(locks) = lock_manager() else {
        return false;
    };
    let Ok(request) = js_sys::Reflect::get(&locks, &"request".into())
        .and_then(|f| f.dyn_into::<js_sys::Function>())
    else {
        return false;
    };
    // Granted at once (the name is this tab's own); the promise it returns never
    // settles, so the lock is released only when the tab goes.
    let hold = wasm_bindgen::closure::Closure::once_into_js(|_lock: wasm_bindgen::JsValue| {
        js_sys::Promise::new(&mut |_, _| {})
    });
    request.call2(&locks, &name.into(), &hold).is_ok()
}

/// The names of the Web Locks held now, in any tab of this origin; `None` when the
/// browser has no Web Locks.
pub async fn held_locks() -> Option<Vec<String>> {
    let locks = lock_manager()?;
    let query = js_sys::Reflect::get(&locks, &"query".into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    let promise = query
        .call0(&locks)
        .ok()?
        .dyn_into::<js_sys::Promise>()
        .ok()?;
    let snapshot = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    let held = js_sys::Reflect::get(&snapshot, &"held".into()).ok()?;
    Some(
        js_sys::Array::from(&held)
            .iter()
            .filter_map(|lock| {
                js_sys::Reflect::get(&lock, &"name".into())
                    .ok()?
                    .as_string()
            })
            .collect(),
    )
}
