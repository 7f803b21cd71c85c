use std::convert::Infallible;
use std::error::Error;
use std::sync::{Arc, Mutex};

use futures::channel::oneshot;
use samod_core::DialerId;

use crate::{ConnectionId, PeerInfo, Repo, unbounded};

/// Lifecycle events for a dialer
#[derive(Debug, Clone)]
pub enum DialerEvent {
    /// A connection was established and the handshake completed.
    Connected {
        /// Information about the connected peer.
        peer_info: PeerInfo,
    },
    /// The active connection was lost. The dialer will attempt to
    /// reconnect according to the backoff configuration.
    Disconnected {
        /// A description of why the connection was lost.
        reason: String,
    },
    /// A reconnection attempt is starting after backoff.
    Reconnecting {
        /// The current attempt number (1-based).
        attempt: u32,
    },
    /// The dialer has permanently failed (max retries exceeded).
    /// No further reconnection attempts will be made.
    MaxRetriesReached,
    /// The dialer reported a permanent failure.
    PermanentFailure,
}

/// Error returned when a dialer permanently fails before establishing a
/// connection.
#[derive(Debug)]
pub enum DialerFailed<E = Infallible> {
    /// The dialer's retry budget was exhausted.
    MaxRetriesReached,
    /// The dialer reported a permanent, user-defined error.
    PermanentFailure(Arc<E>),
}

impl<E> Clone for DialerFailed<E> {
    fn clone(&self) -> Self {
        match self {
            Self::MaxRetriesReached => Self::MaxRetriesReached,
            Self::PermanentFailure(error) => Self::PermanentFailure(error.clone()),
        }
    }
}

impl<E: std::fmt::Display> std::fmt::Display for DialerFailed<E> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::MaxRetriesReached => {
                write!(f, "dialer permanently failed (max retries exceeded)")
            }
            Self::PermanentFailure(error) => write!(f, "dialer permanently failed: {error}"),
        }
    }
}

impl<E: Error + 'static> Error for DialerFailed<E> {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        match self {
            Self::MaxRetriesReached => None,
            Self::PermanentFailure(error) => Some(error.as_ref()),
        }
    }
}

/// Handle to a dialer with automatic reconnection.
///
/// Returned by [`Repo::dial()`]. Represents a dialer that automatically
/// reconnects with backoff when the connection is lost.
///
/// The handle can be used to:
/// - Wait for the first connection with [`DialerHandle::established()`]
/// - Observe lifecycle events with [`DialerHandle::events()`]
/// - Check connection status with [`DialerHandle::is_connected()`]
/// - Shut down the dialer with [`DialerHandle::close()`]
pub struct DialerHandle<E = Infallible> {
    inner: Arc<Mutex<DialerHandleInner<E>>>,
    dialer_id: DialerId,
    repo: Repo,
}

impl<E> Clone for DialerHandle<E> {
    fn clone(&self) -> Self {
        Self {
            inner: self.inner.clone(),
            dialer_id: self.dialer_id,
            repo: self.repo.clone(),
        }
    }
}

struct DialerHandleInner<E> {
    /// Current peer info if connected.
    peer_info: Option<PeerInfo>,
    /// Current connection ID if connected.
    connection_id: Option<ConnectionId>,
    /// Whether the dialer has permanently failed.
    failure: Option<DialerFailed<E>>,
    /// Senders for event subscribers.
    event_senders: Vec<unbounded::UnboundedSender<DialerEvent>>,
    /// Waiters for the `established()` future.
    established_waiters: Vec<oneshot::Sender<Result<PeerInfo, DialerFailed<E>>>>,
}

impl<E: Error + Send + Sync + 'static> DialerHandle<E> {
    pub(crate) fn new(dialer_id: DialerId, repo: Repo) -> Self {
        Self {
            inner: Arc::new(Mutex::new(DialerHandleInner {
                peer_info: None,
                connection_id: None,
                failure: None,
                event_senders: Vec::new(),
                established_waiters: Vec::new(),
            })),
            dialer_id,
            repo,
        }
    }

    /// The dialer ID for this dialer.
    pub fn id(&self) -> DialerId {
        self.dialer_id
    }

    /// Wait for the dialer to establish a connection and complete the
    /// handshake. Resolves immediately if already connected.
    ///
    /// Returns `Err` if the dialer permanently fails before
    /// establishing a connection (e.g. max retries exceeded).
    pub fn established(&self) -> impl Future<Output = Result<PeerInfo, DialerFailed<E>>> + 'static {
        let immediate_result;
        let rx;

        {
            let mut inner = self.inner.lock().unwrap();
            // If already connected, return immediately
            if let Some(ref peer_info) = inner.peer_info {
                immediate_result = Some(Ok(peer_info.clone()));
                rx = None;
            } else if let Some(failure) = &inner.failure {
                // If permanently failed, return immediately
                immediate_result = Some(Err(failure.clone()));
                rx = None;
            } else {
                let (tx, channel_rx) = oneshot::channel();
                inner.established_waiters.push(tx);
                immediate_result = None;
                rx = Some(channel_rx);
            }
        }

        async move {
            if let Some(result) = immediate_result {
                return result;
            }
            rx.unwrap()
                .await
                .unwrap_or(Err(DialerFailed::MaxRetriesReached))
        }
    }

    /// Returns a stream of lifecycle events for this dialer.
    ///
    /// The stream yields events for connect, disconnect, reconnect
    /// attempts, and permanent failure. Useful for metrics, logging,
    /// and application-level health monitoring.
    pub fn events(&self) -> impl futures::Stream<Item = DialerEvent> + Unpin {
        let (tx, rx) = unbounded::channel();
        let mut inner = self.inner.lock().unwrap();
        inner.event_senders.push(tx);
        rx
    }

    /// Returns the peer info if currently connected, `None` otherwise.
    pub fn peer_info(&self) -> Option<PeerInfo> {
        self.inner.lock().unwrap().peer_info.clone()
    }

    /// Returns true if the dialer currently has an active connection.
    pub fn is_connected(&self) -> bool {
        self.inner.lock().unwrap().peer_info.is_some()
    }

    /// Returns the connection ID of the active connection, if any.
    ///
    /// This can be used with [`DocHandle::we_have_their_changes`](crate::DocHandle::we_have_their_changes)
    /// to wait until a document has been fully synced with the dialed peer.
    pub fn connection_id(&self) -> Option<ConnectionId> {
        self.inner.lock().unwrap().connection_id
    }

    /// Shut down this dialer. Closes the active connection (if any)
    /// and stops reconnection attempts.
    pub fn close(&self) {
        // Remove the dialer from the repo, which will close any active
        // connections and stop reconnection.
        let _ = self.repo.remove_dialer_by_id(self.dialer_id);
    }

    // -- Internal methods called from Inner::handle_event --

    pub(crate) fn notify_permanent_failure(&self, error: E) {
        let mut inner = self.inner.lock().unwrap();
        if inner.failure.is_some() {
            return;
        }

        let error = Arc::new(error);
        let failure = DialerFailed::PermanentFailure(error.clone());
        inner.failure = Some(failure.clone());

        for waiter in inner.established_waiters.drain(..) {
            let _ = waiter.send(Err(failure.clone()));
        }

        let event = DialerEvent::PermanentFailure;
        inner
            .event_senders
            .retain(|tx| tx.unbounded_send(event.clone()).is_ok());
    }

    /// Notify the handle that a connection was established.
    pub(crate) fn notify_connected(&self, peer_info: PeerInfo, connection_id: ConnectionId) {
        let mut inner = self.inner.lock().unwrap();
        inner.peer_info = Some(peer_info.clone());
        inner.connection_id = Some(connection_id);

        // Notify established waiters
        for waiter in inner.established_waiters.drain(..) {
            let _ = waiter.send(Ok(peer_info.clone()));
        }

        // Broadcast event
        let event = DialerEvent::Connected {
            peer_info: peer_info.clone(),
        };
        inner
            .event_senders
            .retain(|tx| tx.unbounded_send(event.clone()).is_ok());
    }

    /// Notify the handle that the connection was lost.
    pub(crate) fn notify_disconnected(&self, reason: String) {
        let mut inner = self.inner.lock().unwrap();
        inner.peer_info = None;
        inner.connection_id = None;

        let event = DialerEvent::Disconnected { reason };
        inner
            .event_senders
            .retain(|tx| tx.unbounded_send(event.clone()).is_ok());
    }

    /// Notify the handle that a reconnection attempt is starting.
    pub(crate) fn notify_reconnecting(&self, attempt: u32) {
        let mut inner = self.inner.lock().unwrap();

        let event = DialerEvent::Reconnecting { attempt };
        inner
            .event_senders
            .retain(|tx| tx.unbounded_send(event.clone()).is_ok());
    }

    /// Notify the handle that max retries have been reached.
    pub(crate) fn notify_max_retries_reached(&self) {
        let mut inner = self.inner.lock().unwrap();
        if inner.failure.is_some() {
            return;
        }

        let failure = DialerFailed::MaxRetriesReached;
        inner.failure = Some(failure.clone());

        // Notify established waiters of failure
        for waiter in inner.established_waiters.drain(..) {
            let _ = waiter.send(Err(failure.clone()));
        }

        let event = DialerEvent::MaxRetriesReached;
        inner
            .event_senders
            .retain(|tx| tx.unbounded_send(event.clone()).is_ok());
    }
}

impl<E> std::fmt::Debug for DialerHandle<E> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DialerHandle")
            .field("dialer_id", &self.dialer_id)
            .finish()
    }
}
