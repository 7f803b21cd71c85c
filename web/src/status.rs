//! What the always-visible sync status bar says.

use fieldbase_core::SyncStatus;

/// The state of the websocket link, as the connection driver knows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Link {
    /// No connection and none being attempted, or the last attempt failed.
    #[default]
    Down,
    /// A connection is being opened (first try, or right after a drop).
    Opening,
    /// The socket is open.
    Up,
}

/// The four states the status bar shows (and exposes as `data-state`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum SyncState {
    /// Not connected.
    Offline,
    /// Opening the socket or waiting for the handshake.
    Connecting,
    /// Connected, changes still being exchanged.
    Syncing,
    /// Connected, nothing left to exchange.
    Synced,
}

impl SyncState {
    /// The state for a link and the sync client's figures.
    pub fn of(link: Link, status: &SyncStatus) -> SyncState {
        match link {
            Link::Down => SyncState::Offline,
            Link::Opening => SyncState::Connecting,
            Link::Up if !status.connected => SyncState::Connecting,
            Link::Up if status.is_synced() => SyncState::Synced,
            Link::Up => SyncState::Syncing,
        }
    }

    /// The stable name used in `data-state` and CSS classes.
    pub fn as_str(self) -> &'static str {
        match self {
            SyncState::Offline => "offline",
            SyncState::Connecting => "connecting",
            SyncState::Syncing => "syncing",
            SyncState::Synced => "synced",
        }
    }

    /// The translation key of the state's label.
    pub fn label_key(self) -> &'static str {
        match self {
            SyncState::Offline => "sync-offline",
            SyncState::Connecting => "sync-connecting",
            SyncState::Syncing => "sync-syncing",
            SyncState::Synced => "sync-synced",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states_follow_link_and_figures() {
        let idle = SyncStatus {
            connected: true,
            pending_changes: 0,
            refused_changes: 0,
            docs_in_flight: 0,
        };
        let busy = SyncStatus {
            pending_changes: 2,
            ..idle
        };
        let handshaking = SyncStatus {
            connected: false,
            ..idle
        };
        assert_eq!(SyncState::of(Link::Down, &idle), SyncState::Offline);
        assert_eq!(SyncState::of(Link::Opening, &idle), SyncState::Connecting);
        assert_eq!(SyncState::of(Link::Up, &handshaking), SyncState::Connecting);
        assert_eq!(SyncState::of(Link::Up, &busy), SyncState::Syncing);
        assert_eq!(SyncState::of(Link::Up, &idle), SyncState::Synced);
        assert_eq!(SyncState::Synced.as_str(), "synced");
    }
}
