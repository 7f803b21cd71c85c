//! The websocket driver: opens `/sync` on this origin, pumps binary frames between the
//! socket and the engine, and reconnects with exponential backoff (1 s → 30 s, jitter),
//! at once on the browser's `online` event or when the rep taps "Retry".
//!
//! It knows nothing of the protocol: the engine sends the handshake when told the
//! socket is open, and answers every frame.

use std::{cell::Cell, cell::RefCell, rc::Rc};

use futures::{
    SinkExt, StreamExt,
    channel::mpsc::{self, UnboundedReceiver, UnboundedSender},
    future::{self, Either},
};
use gloo_net::websocket::{Message, State, futures::WebSocket};
use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;

use crate::{api, backoff::Backoff, browser};

/// How long opening a socket may take before the attempt counts as failed.
const OPEN_TIMEOUT_MS: u32 = 10_000;
/// A connection that lasted this long resets the backoff when it drops.
const STABLE_MS: f64 = 5_000.0;
/// Failed attempts in a row, with the server answering HTTP, after which the token is
/// taken to be refused.
const REJECTIONS: u32 = 2;

/// What the driver tells the engine.
#[derive(Debug)]
pub enum LinkEvent {
    /// An attempt to connect started (reported only when the link was not already down
    /// after a failure, so the status bar does not flicker while retrying).
    Opening,
    /// The socket is open; frames for the server go into this sender.
    Opened(UnboundedSender<Vec<u8>>),
    /// A binary frame arrived.
    Frame(Vec<u8>),
    /// The connection is gone, or an attempt failed; a retry is scheduled.
    Down,
    /// The server answers HTTP but keeps refusing the websocket: the session is no
    /// longer accepted. The driver waits for a new token.
    Rejected,
}

/// Controls a running driver.
#[derive(Debug, Clone)]
pub struct Driver {
    wake: UnboundedSender<()>,
    stopped: Rc<Cell<bool>>,
    token: Rc<RefCell<String>>,
}

impl Driver {
    /// Starts the driver for `peer_id` with `token`; it reports through `emit`.
    pub fn spawn(peer_id: String, token: String, emit: impl Fn(LinkEvent) + 'static) -> Driver {
        let (wake, wake_rx) = mpsc::unbounded();
        let driver = Driver {
            wake,
            stopped: Rc::new(Cell::new(false)),
            token: Rc::new(RefCell::new(token)),
        };
        let online = {
            let wake = driver.wake.clone();
            gloo_events::EventListener::new(
                &js_sys::global().unchecked_into::<web_sys::EventTarget>(),
                "online",
                move |_| {
                    let _ = wake.unbounded_send(());
                },
            )
        };
        let me = driver.clone();
        wasm_bindgen_futures::spawn_local(async move {
            me.run(peer_id, wake_rx, &emit).await;
            drop(online);
        });
        driver
    }

    /// Tries to connect now instead of waiting out the backoff.
    pub fn wake(&self) {
        let _ = self.wake.unbounded_send(());
    }

    /// Uses a new token from the next attempt on, and makes that attempt now.
    pub fn set_token(&self, token: String) {
        *self.token.borrow_mut() = token;
        self.wake();
    }

    /// Stops for good (sign-out); an open socket closes once the engine drops its
    /// sender.
    pub fn stop(&self) {
        self.stopped.set(true);
        self.wake();
    }

    fn url(&self, peer_id: &str) -> String {
        browser::websocket_url(&format!(
            "/sync?peer={}&token={}",
            browser::encode_query(peer_id),
            browser::encode_query(&self.token.borrow())
        ))
    }

    async fn run(
        &self,
        peer_id: String,
        mut wake_rx: UnboundedReceiver<()>,
        emit: &dyn Fn(LinkEvent),
    ) {
        let mut backoff = Backoff::default();
        let mut announce = true;
        let mut refusals = 0;
        while !self.stopped.get() {
            if announce {
                emit(LinkEvent::Opening);
            }
            match self.connect_once(&peer_id, emit).await {
                Outcome::Stopped => break,
                Outcome::Dropped { lasted_ms } => {
                    emit(LinkEvent::Down);
                    refusals = 0;
                    if lasted_ms >= STABLE_MS {
                        backoff.reset();
                    }
                    announce = true;
                }
                Outcome::Failed => {
                    if api::server_reachable().await {
                        refusals += 1;
                    } else {
                        refusals = 0;
                    }
                    if refusals >= REJECTIONS {
                        emit(LinkEvent::Rejected);
                        refusals = 0;
                        backoff.reset();
                        announce = true;
                        // Only a new token (or a retry) can help: wait for it.
                        wake_rx.next().await;
                        continue;
                    }
                    emit(LinkEvent::Down);
                    announce = false;
                }
            }
            if self.stopped.get() {
                break;
            }
            let delay = backoff.next_delay(browser::random_u32());
            if let Either::Right(_) =
                future::select(TimeoutFuture::new(delay), wake_rx.next()).await
            {
                backoff.reset();
                announce = true;
            }
        }
    }

    async fn connect_once(&self, peer_id: &str, emit: &dyn Fn(LinkEvent)) -> Outcome {
        let Ok(mut ws) = WebSocket::open(&self.url(peer_id)) else {
            return Outcome::Failed;
        };
        // The sink is ready once the socket has left CONNECTING (opened or failed).
        let opened = future::poll_fn(|cx| ws.poll_ready_unpin(cx));
        let ready = matches!(
            future::select(Box::pin(opened), TimeoutFuture::new(OPEN_TIMEOUT_MS)).await,
            Either::Left((Ok(()), _))
        );
        if !ready || !matches!(ws.state(), State::Open) {
            let _ = ws.close(None, None);
            return Outcome::Failed;
        }
        let started = browser::now_ms();
        let (out_tx, mut out_rx) = mpsc::unbounded::<Vec<u8>>();
        emit(LinkEvent::Opened(out_tx));
        let (mut sink, mut stream) = ws.split();
        loop {
            match future::select(stream.next(), out_rx.next()).await {
                Either::Left((Some(Ok(Message::Bytes(bytes))), _)) => emit(LinkEvent::Frame(bytes)),
                Either::Left((Some(Ok(Message::Text(_))), _)) => {}
                Either::Left((Some(Err(_)) | None, _)) => break,
                Either::Right((Some(frame), _)) => {
                    if sink.send(Message::Bytes(frame)).await.is_err() {
                        break;
                    }
                }
                Either::Right((None, _)) => {
                    // The engine let go of the connection: signing out.
                    let _ = sink.close().await;
                    return Outcome::Stopped;
                }
            }
        }
        Outcome::Dropped {
            lasted_ms: browser::now_ms() - started,
        }
    }
}

enum Outcome {
    /// Never opened.
    Failed,
    /// Was open, then closed.
    Dropped { lasted_ms: f64 },
    /// The driver was stopped.
    Stopped,
}
