//! A raw sync connection: the handshake done by hand, then frames sent and read one by
//! one, for tests that misbehave or watch exactly what the server sends.

use std::time::Duration;

use fieldbase_core::protocol::Frame;
use futures::{SinkExt, StreamExt};
use tokio::net::TcpStream;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream, connect_async, tungstenite::Message};

use crate::{Error, Login, NativeReplica, ServerProcess};

/// A raw websocket to the sync server.
pub type Ws = WebSocketStream<MaybeTlsStream<TcpStream>>;

/// A connection as a new device of `login` named `device`, its handshake completed
/// without asking for anything.
pub struct RawPeer {
    /// The socket.
    pub ws: Ws,
    /// Our peer id.
    pub peer_id: String,
    /// The server's peer id.
    pub server_id: String,
}

impl RawPeer {
    /// Connects and waits up to `timeout` for the server's `peer` answer.
    pub async fn connect(
        server: &ServerProcess,
        login: Login,
        device: &str,
        timeout: Duration,
    ) -> Result<RawPeer, Error> {
        let mut replica = NativeReplica::new(login, device);
        let (mut ws, _) = connect_async(replica.sync_url(&server.ws_url())).await?;
        ws.send(Message::binary(replica.sync.hello())).await?;
        let answer = tokio::time::timeout(timeout, ws.next())
            .await
            .map_err(|_| Error::Timeout("no handshake answer".into()))?;
        let Some(Ok(Message::Binary(answer))) = answer else {
            return Err(Error::Process(format!("handshake answer: {answer:?}")));
        };
        let Frame::Peer { sender_id, .. } =
            Frame::decode(&answer).map_err(|e| Error::Process(format!("handshake answer: {e}")))?
        else {
            return Err(Error::Process(
                "the handshake answer is not a peer message".into(),
            ));
        };
        Ok(RawPeer {
            ws,
            peer_id: replica.sync.peer_id().to_string(),
            server_id: sender_id,
        })
    }
}
