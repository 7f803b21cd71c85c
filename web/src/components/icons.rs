//! Inline SVG icons (decorative: `aria-hidden`).

use yew::prelude::*;

/// The Fieldbase mark: a map pin holding a person.
pub fn logo() -> Html {
    html! {
        <svg viewBox="0 0 48 48" width="100%" height="100%" aria-hidden="true">
            <rect width="48" height="48" rx="12" fill="currentColor" />
            <path d="M24 9c-6.6 0-12 5.2-12 11.7C12 29.5 24 40 24 40s12-10.5 12-19.3C36 14.2 30.6 9 24 9z"
                  fill="#fff" />
            <circle cx="24" cy="19" r="4.2" fill="currentColor" />
            <path d="M18.4 28.4c1.1-2.9 3.1-4.5 5.6-4.5s4.5 1.6 5.6 4.5" stroke="currentColor"
                  stroke-width="3" fill="none" stroke-linecap="round" />
        </svg>
    }
}

fn stroke(d: &'static str) -> Html {
    html! {
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" fill="none"
             stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
            <path d={d} />
        </svg>
    }
}

/// Sign out (a door with an arrow).
pub fn sign_out() -> Html {
    stroke("M15 4h3a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2h-3M10 17l-5-5 5-5M5 12h11")
}

/// Retry (a circular arrow).
pub fn retry() -> Html {
    stroke("M21 12a9 9 0 1 1-2.64-6.36M21 3v6h-6")
}

/// A telephone handset.
pub fn phone() -> Html {
    stroke(
        "M22 16.9v3a2 2 0 0 1-2.2 2 19.8 19.8 0 0 1-8.6-3.1 19.5 19.5 0 0 1-6-6A19.8 19.8 0 0 1 2.1 4.2 2 2 0 0 1 4.1 2h3a2 2 0 0 1 2 1.7c.1 1 .4 1.9.7 2.8a2 2 0 0 1-.5 2.1L8 9.9a16 16 0 0 0 6 6l1.3-1.3a2 2 0 0 1 2.1-.4c.9.3 1.8.6 2.8.7a2 2 0 0 1 1.7 2z",
    )
}

/// An envelope.
pub fn mail() -> Html {
    stroke("M4 5h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V7a2 2 0 0 1 2-2zM22 7l-10 7L2 7")
}

/// A globe (language).
pub fn globe() -> Html {
    stroke(
        "M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20zM2 12h20M12 2a15 15 0 0 1 0 20M12 2a15 15 0 0 0 0 20",
    )
}

/// A padlock (read-only).
pub fn lock() -> Html {
    stroke(
        "M6 11h12a1 1 0 0 1 1 1v8a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1v-8a1 1 0 0 1 1-1zM8 11V7a4 4 0 0 1 8 0v4",
    )
}

/// A cross (remove).
pub fn cross() -> Html {
    stroke("M6 6l12 12M18 6 6 18")
}

/// A plus sign.
pub fn plus() -> Html {
    stroke("M12 5v14M5 12h14")
}

/// A check mark.
pub fn check() -> Html {
    stroke("M20 6 9 17l-5-5")
}

/// A sun (Today).
pub fn today() -> Html {
    stroke(
        "M12 3v2M12 19v2M3 12h2M19 12h2M5.6 5.6l1.4 1.4M17 17l1.4 1.4M5.6 18.4 7 17M17 7l1.4-1.4M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8z",
    )
}

/// People (clients).
pub fn clients() -> Html {
    stroke(
        "M16 21v-2a4 4 0 0 0-4-4H6a4 4 0 0 0-4 4v2M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM22 21v-2a4 4 0 0 0-3-3.9M16 3.1a4 4 0 0 1 0 7.8",
    )
}

/// A person with a plus (capture a lead).
pub fn capture() -> Html {
    stroke(
        "M16 21v-2a4 4 0 0 0-4-4H6a4 4 0 0 0-4 4v2M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM19 8v6M22 11h-6",
    )
}

/// A calendar (plan).
pub fn calendar() -> Html {
    stroke(
        "M5 4h14a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2zM16 2v4M8 2v4M3 10h18",
    )
}

/// A bar chart (reports).
pub fn chart() -> Html {
    stroke("M4 20V10M10 20V4M16 20v-7M22 20H2")
}

/// A gear (settings).
pub fn settings() -> Html {
    stroke(
        "M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM19.4 15a1.7 1.7 0 0 0 .3 1.8l.1.1a2 2 0 1 1-2.8 2.8l-.1-.1a1.7 1.7 0 0 0-1.8-.3 1.7 1.7 0 0 0-1 1.5V21a2 2 0 1 1-4 0v-.1a1.7 1.7 0 0 0-1.1-1.5 1.7 1.7 0 0 0-1.8.3l-.1.1a2 2 0 1 1-2.8-2.8l.1-.1a1.7 1.7 0 0 0 .3-1.8 1.7 1.7 0 0 0-1.5-1H3a2 2 0 1 1 0-4h.1a1.7 1.7 0 0 0 1.5-1.1 1.7 1.7 0 0 0-.3-1.8l-.1-.1a2 2 0 1 1 2.8-2.8l.1.1a1.7 1.7 0 0 0 1.8.3H9a1.7 1.7 0 0 0 1-1.5V3a2 2 0 1 1 4 0v.1a1.7 1.7 0 0 0 1 1.5 1.7 1.7 0 0 0 1.8-.3l.1-.1a2 2 0 1 1 2.8 2.8l-.1.1a1.7 1.7 0 0 0-.3 1.8V9a1.7 1.7 0 0 0 1.5 1H21a2 2 0 1 1 0 4h-.1a1.7 1.7 0 0 0-1.5 1z",
    )
}

/// An arrow pointing left (back).
pub fn back() -> Html {
    stroke("M19 12H5M12 19l-7-7 7-7")
}
