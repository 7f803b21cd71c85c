//! An axum websocket as a samod [`Transport`]: binary frames in and out, every outgoing
//! frame held until the storage writes issued before it have committed, and a heartbeat
//! that drops peers which stopped answering (a phone that lost its network mid-sync
//! leaves no close frame behind).

use std::{
    sync::{
        Arc,
        atomic::{AtomicU64, Ordering},
    },
    time::{Duration, Instant},
};

use axum::extract::ws::{Message, WebSocket};
use futures::{SinkExt, StreamExt, channel::mpsc};
use samod::Transport;

use crate::{directory::LiveDirectory, durability::WriteBarrier, live::Ticket, slots::Slot};

/// Why a websocket stopped.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct SocketError(String);

/// How often the server pings, and how long a silent peer lives.
#[derive(Debug, Clone, Copy)]
pub struct Heartbeat {
    /// Interval between pings.
    pub every: Duration,
    /// A peer that sent nothing (not even a pong) for this long is dropped.
    pub dead_after: Duration,
}

impl Default for Heartbeat {
    fn default() -> Self {
        Heartbeat {
            every: Duration::from_secs(20),
            dead_after: Duration::from_secs(60),
        }
    }
}

/// Who is on the other end of a connection.
pub struct PeerSession {
    /// The authenticated rep.
    pub rep: String,
    /// Registers documents the rep pushes before anyone registered them.
    pub directory: LiveDirectory,
    /// Held while the connection lives; says when it must close (revoked session).
    pub ticket: Ticket,
}

/// Wraps `socket` for samod; `slot` and the session's ticket are held for as long as the
/// connection lives, and the connection closes when the ticket says so.
pub fn durable_transport(
    socket: WebSocket,
    barrier: WriteBarrier,
    heartbeat: Heartbeat,
    slot: Slot,
    session: PeerSession,
) -> Transport {
    let (mut sink, stream) = socket.split();
    let start = Instant::now();
    let last_heard = Arc::new(AtomicU64::new(0));
    let (dead_tx, dead_rx) = futures::channel::oneshot::channel::<()>();
    let PeerSession {
        rep,
        directory,
        ticket,
    } = session;
    let mut closed_in = ticket.closed.clone();
    let mut closed_out = ticket.closed.clone();
    let stop = async move {
        tokio::select! {
            _ = dead_rx => {}
            _ = async { closed_in.wait_for(|c| *c).await.is_ok() } => {}
        }
    };

    let heard = last_heard.clone();
    let incoming = stream.take_until(stop).filter_map(move |msg| {
        heard.store(start.elapsed().as_millis() as u64, Ordering::Relaxed);
        let directory = directory.clone();
        let rep = rep.clone();
        async move {
            match msg {
                Ok(Message::Binary(bytes)) => match directory.observe_push(&rep, &bytes) {
                    Ok(()) => Some(Ok(bytes.to_vec())),
                    Err(e) => {
                        tracing::error!(error = %e, rep, "registering a pushed document failed");
                        Some(Err(SocketError(format!("registration: {e}"))))
                    }
                },
                Ok(Message::Text(_)) => Some(Err(SocketError(
                    "text frames are not part of the protocol".into(),
                ))),
                Ok(Message::Close(_) | Message::Ping(_) | Message::Pong(_)) => None,
                Err(e) => Some(Err(SocketError(format!("receive: {e}")))),
            }
        }
    });

    // samod writes into a channel; one task owns the socket's sending half and
    // interleaves samod's frames with pings.
    let (tx, mut rx) = mpsc::channel::<Vec<u8>>(64);
    tokio::spawn(async move {
        let _slot = slot;
        let _ticket = ticket;
        let mut ticker = tokio::time::interval(heartbeat.every);
        ticker.tick().await;
        let mut dead_tx = Some(dead_tx);
        loop {
            tokio::select! {
                frame = rx.next() => match frame {
                    Some(frame) => {
                        if sink.send(Message::Binary(frame.into())).await.is_err() {
                            break;
                        }
                    }
                    None => {
                        let _ = sink.close().await;
                        break;
                    }
                },
                _ = async { closed_out.wait_for(|c| *c).await.is_ok() } => {
                    tracing::info!("closing a connection whose session ended");
                    let _ = sink.close().await;
                    break;
                }
                _ = ticker.tick() => {
                    let silent = start.elapsed().saturating_sub(Duration::from_millis(last_heard.load(Ordering::Relaxed)));
                    if silent > heartbeat.dead_after {
                        tracing::info!(silent_ms = silent.as_millis() as u64, "dropping a peer that stopped answering");
                        if let Some(tx) = dead_tx.take() {
                            let _ = tx.send(());
                        }
                        let _ = sink.close().await;
                        break;
                    }
                    if sink.send(Message::Ping(Vec::new().into())).await.is_err() {
                        break;
                    }
                }
            }
        }
    });

    let outgoing =
        tx.sink_map_err(|e| SocketError(format!("send: {e}")))
            .with(move |frame: Vec<u8>| {
                let barrier = barrier.clone();
                async move {
                    barrier.settled().await;
                    Ok::<_, SocketError>(frame)
                }
            });
    Transport::new(Box::pin(incoming), Box::pin(outgoing))
}
