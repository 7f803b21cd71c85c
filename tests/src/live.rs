//! A replica that stays connected: edits are pushed as they are made and changes from
//! the server arrive while connected (as in the PWA), unlike [`NativeReplica::sync`],
//! which connects, syncs and disconnects.

use std::time::{Duration, Instant};

use fieldbase_core::SyncEvent;
use futures::{SinkExt, StreamExt};
use tokio::net::TcpStream;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream, connect_async, tungstenite::Message};

use crate::{Error, NativeReplica};

/// One open sync connection of a [`NativeReplica`].
pub struct LiveSession {
    ws: WebSocketStream<MaybeTlsStream<TcpStream>>,
}

impl LiveSession {
    /// Connects and syncs until the replica and the server are in sync.
    pub async fn open(
        r: &mut NativeReplica,
        ws_url: &str,
        timeout: Duration,
    ) -> Result<Self, Error> {
        let (mut ws, _) = connect_async(r.sync_url(ws_url)).await?;
        ws.send(Message::binary(r.sync.hello())).await?;
        let mut session = LiveSession { ws };
        session.settle(r, timeout).await?;
        Ok(session)
    }

    /// Sends whatever the replica has to send (call after a local edit).
    pub async fn push(&mut self, r: &mut NativeReplica) -> Result<(), Error> {
        for frame in r.sync.outgoing(&mut r.base) {
            self.ws.feed(Message::binary(frame)).await?;
        }
        self.ws.flush().await?;
        Ok(())
    }

    /// Pushes, then handles frames from the server (answering each) until `done` holds.
    pub async fn until(
        &mut self,
        r: &mut NativeReplica,
        timeout: Duration,
        mut done: impl FnMut(&NativeReplica) -> bool,
    ) -> Result<(), Error> {
        let deadline = Instant::now() + timeout;
        self.push(r).await?;
        while !done(r) {
            let left = deadline.saturating_duration_since(Instant::now());
            let msg = match tokio::time::timeout(left, self.ws.next()).await {
                Err(_) => {
                    return Err(Error::Timeout(format!(
                        "condition not met after {timeout:?}: {:?}",
                        r.sync.status(&r.base)
                    )));
                }
                Ok(None) => return Err(Error::Process("the server closed the connection".into())),
                Ok(Some(msg)) => msg?,
            };
            let Message::Binary(bytes) = msg else {
                continue;
            };
            for event in r.sync.receive(&mut r.base, &bytes)? {
                if let SyncEvent::ServerError(e) = event {
                    return Err(Error::Process(format!("server error: {e}")));
                }
            }
            self.push(r).await?;
        }
        Ok(())
    }

    /// Handles frames until everything of ours is acknowledged and we have everything
    /// the server listed.
    pub async fn settle(&mut self, r: &mut NativeReplica, timeout: Duration) -> Result<(), Error> {
        self.until(r, timeout, |r| r.sync.status(&r.base).is_synced())
            .await
    }

    /// Closes the connection.
    pub async fn close(mut self, r: &mut NativeReplica) {
        let _ = self.ws.close(None).await;
        r.sync.disconnected();
    }
}
