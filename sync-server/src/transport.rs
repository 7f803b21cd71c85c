//! An axum websocket as a samod [`Transport`]: binary frames in and out, every outgoing
//! frame held until the storage writes issued before it have committed.

use axum::extract::ws::{Message, WebSocket};
use futures::{SinkExt, StreamExt};
use samod::Transport;

use crate::durability::WriteBarrier;

/// Why a websocket stopped.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct SocketError(String);

/// Wraps `socket` for samod.
pub fn durable_transport(socket: WebSocket, barrier: WriteBarrier) -> Transport {
    let (sink, stream) = socket.split();
    let incoming = stream.filter_map(|msg| async move {
        match msg {
            Ok(Message::Binary(bytes)) => Some(Ok(bytes.to_vec())),
            Ok(Message::Text(_)) => Some(Err(SocketError(
                "text frames are not part of the protocol".into(),
            ))),
            Ok(Message::Close(_) | Message::Ping(_) | Message::Pong(_)) => None,
            Err(e) => Some(Err(SocketError(format!("receive: {e}")))),
        }
    });
    let outgoing = sink
        .sink_map_err(|e| SocketError(format!("send: {e}")))
        .with(move |frame: Vec<u8>| {
            let barrier = barrier.clone();
            async move {
                barrier.settled().await;
                Ok::<_, SocketError>(Message::Binary(frame.into()))
            }
        });
    Transport::new(Box::pin(incoming), Box::pin(outgoing))
}
